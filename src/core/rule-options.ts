// A rule's options, described as ESLint's `meta.schema` describes them: what each option
// takes, checked before any file is linted (config.ts), and the source of the generated
// JSON Schema entries, package.json setting entries and docs tables (scripts/generate.ts).
// A small vocabulary instead of full JSON Schema: rule options are numbers, flags, words.

/** One option of a rule. */
export type OptionSchema =
  | { type: 'integer' | 'number'; minimum?: number; maximum?: number; description: string }
  | { type: 'boolean'; description: string }
  | { type: 'string'; enum?: readonly string[]; description: string }
  | { type: 'string-list'; description: string };

/** Every option of a rule's options type `O`, each described. */
export type OptionsSchema<O> = { readonly [K in keyof O]-?: OptionSchema };

const shown = (v: unknown): string => {
  const json = JSON.stringify(v) as string | undefined;
  if (json === undefined) return typeof v;
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
};

/** How an option's type reads in a message: "a whole number of at least 1". */
export function describeOptionType(schema: OptionSchema): string {
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const what = schema.type === 'integer' ? 'a whole number' : 'a number';
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${what} from ${schema.minimum} to ${schema.maximum}`;
      if (schema.minimum !== undefined) return `${what} of at least ${schema.minimum}`;
      if (schema.maximum !== undefined) return `${what} of at most ${schema.maximum}`;
      return what;
    }
    case 'boolean':
      return 'true or false';
    case 'string':
      return schema.enum ? `one of ${schema.enum.join(', ')}` : 'a text';
    case 'string-list':
      return 'a list of words';
  }
}

/** What is wrong with `value` for this option, as the end of a sentence; undefined when it fits. */
export function optionValueProblem(schema: OptionSchema, value: unknown): string | undefined {
  const must = `must be ${describeOptionType(schema)}, not ${shown(value)}`;
  switch (schema.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return must;
      if (schema.type === 'integer' && !Number.isInteger(value)) return must;
      if (schema.minimum !== undefined && value < schema.minimum) return must;
      if (schema.maximum !== undefined && value > schema.maximum) return must;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : must;
    case 'string':
      if (typeof value !== 'string') return must;
      return schema.enum && !schema.enum.includes(value) ? must : undefined;
    case 'string-list': {
      if (!Array.isArray(value)) return must;
      const bad = (value as unknown[]).find((item) => typeof item !== 'string' || item.trim() === '');
      return bad === undefined ? undefined : `must be a list of words: ${shown(bad)} is not a word`;
    }
  }
}

/** The option as a JSON Schema fragment (for the OKR file schema and package.json). */
export function optionJsonSchema(schema: OptionSchema, defaultValue: unknown): Record<string, unknown> {
  const base = { description: schema.description, default: defaultValue };
  switch (schema.type) {
    case 'integer':
    case 'number':
      // `number` + `multipleOf` rather than `integer`: editors then show one type for every number.
      return {
        ...base,
        type: 'number',
        ...(schema.type === 'integer' ? { multipleOf: 1 } : {}),
        ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
        ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'string':
      return { ...base, type: 'string', ...(schema.enum ? { enum: [...schema.enum] } : {}) };
    case 'string-list':
      return { ...base, type: 'array', items: { type: 'string', minLength: 1 } };
  }
}
