import { strict as assert } from 'node:assert';
import { resolveRules } from '../../src/core/config';
import { describeOptionType, optionJsonSchema, optionValueProblem, type OptionSchema } from '../../src/core/rule-options';
import { rules } from '../../src/core/rules';

describe('rule options schema', () => {
  it('describes every option of every rule, and each default fits its own schema', () => {
    for (const rule of rules) {
      const defaults = rule.defaultOptions as Record<string, unknown>;
      const schemas = (rule.optionsSchema ?? {}) as Record<string, OptionSchema>;
      assert.deepEqual(Object.keys(schemas).sort(), Object.keys(defaults).sort(), `${rule.id}: options and schema`);
      for (const [name, schema] of Object.entries(schemas)) {
        assert.equal(optionValueProblem(schema, defaults[name]), undefined, `${rule.id}.${name} default`);
        assert.ok(schema.description.length > 10, `${rule.id}.${name} has a description`);
      }
    }
  });

  const integer: OptionSchema = { type: 'integer', minimum: 1, maximum: 9, description: 'd' };
  const words: OptionSchema = { type: 'string-list', description: 'd' };
  it('checks numbers: type, whole, range', () => {
    assert.equal(optionValueProblem(integer, 3), undefined);
    assert.equal(optionValueProblem(integer, 2.5), 'must be a whole number from 1 to 9, not 2.5');
    assert.equal(optionValueProblem(integer, 0), 'must be a whole number from 1 to 9, not 0');
    assert.equal(optionValueProblem(integer, 10), 'must be a whole number from 1 to 9, not 10');
    assert.equal(optionValueProblem(integer, Number.NaN), 'must be a whole number from 1 to 9, not null');
    assert.equal(optionValueProblem({ type: 'number', minimum: 0, description: 'd' }, -0.5), 'must be a number of at least 0, not -0.5');
  });

  it('checks lists of words item by item', () => {
    assert.equal(optionValueProblem(words, ['spike', 'hand off']), undefined);
    assert.equal(optionValueProblem(words, [1, 'automate']), 'must be a list of words: 1 is not a word');
    assert.equal(optionValueProblem(words, ['ok', '  ']), 'must be a list of words: "  " is not a word');
    assert.equal(optionValueProblem(words, 'spike'), 'must be a list of words, not "spike"');
  });

  it('checks flags and words', () => {
    assert.equal(optionValueProblem({ type: 'boolean', description: 'd' }, 'yes'), 'must be true or false, not "yes"');
    assert.equal(optionValueProblem({ type: 'string', enum: ['a', 'b'], description: 'd' }, 'c'), 'must be one of a, b, not "c"');
    assert.equal(describeOptionType({ type: 'string', description: 'd' }), 'a text');
  });

  it('turns an option into JSON Schema', () => {
    assert.deepEqual(optionJsonSchema(integer, 3), { description: 'd', default: 3, type: 'number', multipleOf: 1, minimum: 1, maximum: 9 });
    assert.deepEqual(optionJsonSchema(words, []), {
      description: 'd',
      default: [],
      type: 'array',
      items: { type: 'string', minLength: 1 },
    });
  });

  it('refuses a rule option the schema does not allow, with the rule and option named, and keeps the default', () => {
    const { resolved, problems } = resolveRules(rules, [
      { 'kr-is-milestone': { ignoreVerbs: [1, 'automate'] }, 'kr-count': { max: 2.5, min: -1 }, 'objective-count': { max: 7 } },
    ]);
    assert.deepEqual(
      problems[0].map((p) => p.message),
      [
        'Option `ignoreVerbs` of kr-is-milestone must be a list of words: 1 is not a word.',
        'Option `max` of kr-count must be a whole number of at least 1, not 2.5.',
        'Option `min` of kr-count must be a whole number of at least 0, not -1.',
      ],
    );
    const byId = new Map(resolved.map((r) => [r.rule.id, r]));
    assert.deepEqual(byId.get('kr-is-milestone')?.options.ignoreVerbs, []);
    assert.equal(byId.get('kr-count')?.options.max, 4);
    assert.equal(byId.get('objective-count')?.options.max, 7);
  });
});
