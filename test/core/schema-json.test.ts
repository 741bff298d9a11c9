// schemas/okr.schema.json gives users of the YAML extension completion and hover. It
// must say what the parser says: the same keys, enums and patterns, and no error
// where the core has none. A small draft-07 validator (the subset the schema uses)
// checks real files against it.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { lintText } from '../../src/core/lint';
import { CHECK_IN_KEYS, FILE_KEYS, ID_PATTERN, INITIATIVE_KEYS, KEY_RESULT_KEYS, OBJECTIVE_KEYS } from '../../src/core/parse';
import { rules } from '../../src/core/rules';
import { starterOkrFile } from '../../src/core/starter';

type Schema = Record<string, any>;
const root: Schema = JSON.parse(readFileSync('schemas/okr.schema.json', 'utf8'));
const definitions = root.definitions as Record<string, Schema>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Errors as "path: problem"; an empty list means valid. */
function validate(schema: Schema, value: unknown, at = ''): string[] {
  if (schema.$ref) return validate(definitions[(schema.$ref as string).replace('#/definitions/', '')], value, at);
  const errors: string[] = [];
  if (schema.anyOf) {
    const branches = (schema.anyOf as Schema[]).map((s) => validate(s, value, at));
    if (branches.every((b) => b.length > 0)) {
      // Report the branch of the value's own type (an array's errors, not "expected null").
      const typed = branches.filter((b) => !b[0].startsWith(`${at || '/'}: expected`));
      errors.push(...(typed.length ? typed.reduce((a, b) => (b.length < a.length ? b : a)) : [`${at || '/'}: no branch of anyOf matches`]));
    }
  }
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number')))
      return [...errors, `${at || '/'}: expected ${types.join('|')}, got ${t}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value))
    errors.push(`${at}: "${value}" does not match ${schema.pattern}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below minimum`);
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above maximum`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(schema.items, item, `${at}/${i}`)));
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${at}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      if (schema.properties?.[key]) errors.push(...validate(schema.properties[key], v, `${at}/${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unknown key ${key}`);
    }
  }
  return errors;
}

const keysOf = (s: Schema) => Object.keys(s.properties).sort();

describe('schemas/okr.schema.json', () => {
  it('is draft-07 and names every key the parser knows, and no other', () => {
    assert.equal(root.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(keysOf(root), [...FILE_KEYS].sort());
    assert.deepEqual(keysOf(definitions.objective), [...OBJECTIVE_KEYS].sort());
    assert.deepEqual(keysOf(definitions.keyResult), [...KEY_RESULT_KEYS].sort());
    assert.deepEqual(keysOf(definitions.checkIn), [...CHECK_IN_KEYS].sort());
    assert.deepEqual(keysOf(definitions.initiative), [...INITIATIVE_KEYS].sort());
    // parse.ts keeps the `{start, end}` period keys private.
    assert.deepEqual(keysOf(root.properties.period.anyOf[1]), ['end', 'start']);
    for (const s of [root, definitions.objective, definitions.keyResult, definitions.checkIn, definitions.initiative]) {
      assert.equal(s.additionalProperties, false);
      for (const [key, prop] of Object.entries<Schema>(s.properties))
        assert.ok(typeof prop.description === 'string' && prop.description.length > 10, `${key} has a description`);
    }
  });

  it("uses the parser's id pattern and enums", () => {
    for (const d of ['objective', 'keyResult', 'initiative']) assert.equal(definitions[d].properties.id.pattern, ID_PATTERN.source);
    assert.deepEqual(definitions.objective.properties.kind.anyOf[0].enum, ['aspirational', 'committed']);
    assert.deepEqual(definitions.objective.properties.status.anyOf[0].enum, ['active', 'done', 'dropped']);
    assert.deepEqual(definitions.keyResult.properties.status.anyOf[0].enum, ['active', 'done', 'dropped']);
    assert.deepEqual(definitions.initiative.properties.status.anyOf[0].enum, ['planned', 'in_progress', 'done', 'dropped']);
  });

  it('lists every rule of the registry under lint:, with its options and their types', () => {
    const lint = root.properties.lint.anyOf[0];
    assert.deepEqual(Object.keys(lint.properties).sort(), ['default', ...rules.map((r) => r.id)].sort());
    for (const rule of rules) {
      const options = lint.properties[rule.id].anyOf[2].properties;
      assert.deepEqual(Object.keys(options).sort(), ['severity', ...Object.keys(rule.defaultOptions)].sort(), rule.id);
      for (const [k, v] of Object.entries(rule.defaultOptions))
        assert.equal(options[k].type, Array.isArray(v) ? 'array' : typeof v, `${rule.id}.${k}`);
      assert.ok(lint.properties[rule.id].description.startsWith(rule.description), rule.id);
    }
  });

  it('accepts the starter file', () => {
    const text = starterOkrFile({ today: '2026-11-28' });
    assert.deepEqual(validate(root, parse(text)), []);
  });

  it('accepts the example file except where the core reports a schema problem too', () => {
    const text = readFileSync('examples/platform.okr.yaml', 'utf8');
    const errors = validate(root, parse(text));
    assert.deepEqual(errors, ['/objectives/1/key_results/0: missing title', '/objectives/1/key_results/0: unknown key titel']);
    const schemaFindings = lintText(text, 'examples/platform.okr.yaml', { today: '2026-11-28' }).findings.filter(
      (f) => f.ruleId === 'schema',
    );
    assert.deepEqual(
      schemaFindings.map((f) => text.slice(f.span.start, f.span.end)),
      ['titel'],
    );
  });

  it('reports nothing on any corpus file the core finds no syntax or schema problem in', () => {
    const dir = 'test/fixtures/corpus';
    let checked = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.okr.yaml'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const findings = lintText(text, name, { today: '2026-11-28' }).findings;
      if (findings.some((f) => f.ruleId === 'schema' || f.ruleId === 'syntax')) continue;
      assert.deepEqual(validate(root, parse(text)), [], name);
      checked++;
    }
    assert.ok(checked >= 5, `only ${checked} clean corpus files`);
  });

  it('rejects what the parser rejects: a bad id, kind, status, date, period and confidence', () => {
    const bad = {
      team: 'T',
      period: '2026-Q5',
      objectives: [
        {
          id: '1-O',
          title: 'x',
          kind: 'stretch',
          status: 'open',
          due: '2026/12/01',
          key_results: [{ id: 'K', title: 'y', confidence: 70 }],
        },
      ],
    };
    assert.deepEqual(
      validate(root, bad)
        .map((e) => e.split(':')[0])
        .sort(),
      [
        '/objectives/0/due',
        '/objectives/0/id',
        '/objectives/0/key_results/0/confidence',
        '/objectives/0/kind',
        '/objectives/0/status',
        '/period',
      ],
    );
  });
});
