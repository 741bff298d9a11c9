// The JSON Schema of a `lint:` block (and of the `okr.lint.rules` setting, the same shape),
// built from the rule registry and each rule's options schema. scripts/generate.ts writes it
// into schemas/okr.schema.json and package.json; a test fails when they drift.

import type { AnyRule } from './rule';
import { optionJsonSchema, type OptionSchema } from './rule-options';

const SEVERITY_SETTING = {
  description: 'How the rule reports: error, warning, info, or off.',
  type: 'string',
  enum: ['error', 'warning', 'info', 'off'],
};

/** The schema of one rule's setting: `off`, a severity, a boolean, or `{ severity, ...options }`. */
export function ruleSettingSchema(rule: AnyRule): Record<string, unknown> {
  const defaults = rule.defaultOptions as Record<string, unknown>;
  const schemas = (rule.optionsSchema ?? {}) as Record<string, OptionSchema | undefined>;
  const options = Object.fromEntries(
    Object.keys(defaults).map((name) => {
      const schema = schemas[name];
      const value = defaults[name];
      // A rule without a schema for an option still gets its type from the default.
      return [name, schema ? optionJsonSchema(schema, value) : { type: Array.isArray(value) ? 'array' : typeof value, default: value }];
    }),
  );
  return {
    description: `${rule.description} (default: ${rule.defaultSeverity}). See docs/rules/${rule.id}.md.`,
    anyOf: [
      { type: 'string', enum: ['off', 'on', 'error', 'warning', 'info'] },
      { type: 'boolean' },
      { type: 'object', properties: { severity: SEVERITY_SETTING, ...options }, additionalProperties: false },
    ],
  };
}

/** The schema of a whole `lint:` mapping: `default` and one entry per rule, nothing else. */
export function lintSettingsSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      default: { description: 'Turns every rule on or off before the settings of single rules apply.', enum: ['on', 'off', true, false] },
      ...Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingSchema(rule)])),
    },
    additionalProperties: false,
  };
}

/** The Markdown table of a rule's options for its docs page ("None." for a rule without). */
export function optionsTable(rule: AnyRule): string {
  const defaults = rule.defaultOptions as Record<string, unknown>;
  const names = Object.keys(defaults);
  if (names.length === 0) return 'None.';
  const schemas = (rule.optionsSchema ?? {}) as Record<string, OptionSchema | undefined>;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const rows = names.map((name) => {
    const schema = schemas[name];
    const type = schema
      ? { integer: 'whole number', number: 'number', boolean: 'boolean', string: 'text', 'string-list': 'list of words' }[schema.type]
      : typeof defaults[name];
    const limits =
      schema && (schema.type === 'integer' || schema.type === 'number')
        ? [schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '']
            .filter(Boolean)
            .join(', ')
        : '';
    return (
      `| \`${name}\` | ${type}${limits ? ` (${limits})` : ''} | \`${JSON.stringify(defaults[name])}\` | ` +
      `${cell(schema?.description ?? '')} |`
    );
  });
  return ['| Option | Type | Default | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
