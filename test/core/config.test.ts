import assert from 'node:assert/strict';
import { resolveRules } from '../../src/core/config';
import type { AnyRule } from '../../src/core/rule';
import { rules } from '../../src/core/rules';

const sample: AnyRule[] = [
  { id: 'kr-count', description: 'd', defaultSeverity: 'warning', defaultOptions: { min: 2, max: 4 }, check: () => [] },
  { id: 'routine-work', description: 'd', defaultSeverity: 'info', defaultOptions: {}, check: () => [] },
  {
    id: 'objective-is-task',
    description: 'd',
    defaultSeverity: 'warning',
    defaultOptions: { extraVerbs: [] as string[] },
    check: () => [],
  },
];
function resolve(...layers: Record<string, unknown>[]) {
  const { resolved, problems } = resolveRules(sample, layers);
  const byId = Object.fromEntries(resolved.map((r) => [r.rule.id, { enabled: r.enabled, severity: r.severity, options: r.options }]));
  return { byId, problems: problems.map((p) => p.map((x) => x.message)) };
}

describe('config: resolveRules', () => {
  it("starts from each rule's defaults", () => {
    const { byId, problems } = resolve();
    assert.deepEqual(byId['kr-count'], { enabled: true, severity: 'warning', options: { min: 2, max: 4 } });
    assert.deepEqual(problems, []);
  });

  it('reads off, on, true, false, a severity, or { severity, ...options }', () => {
    const { byId } = resolve({ 'kr-count': { severity: 'error', max: 5 }, 'routine-work': 'off', 'objective-is-task': false });
    assert.deepEqual(byId['kr-count'], { enabled: true, severity: 'error', options: { min: 2, max: 5 } });
    assert.equal(byId['routine-work'].enabled, false);
    assert.equal(byId['objective-is-task'].enabled, false);
    assert.equal(resolve({ 'routine-work': 'warning' }).byId['routine-work'].severity, 'warning');
    assert.equal(resolve({ 'routine-work': 'off' }, { 'routine-work': true }).byId['routine-work'].enabled, true);
    assert.equal(resolve({ 'kr-count': { severity: 'off' } }).byId['kr-count'].enabled, false);
  });

  it('later layers win: the file over the editor settings', () => {
    const { byId } = resolve({ 'kr-count': { max: 6, min: 1 }, 'routine-work': 'off' }, { 'kr-count': { max: 5 }, 'routine-work': 'info' });
    assert.deepEqual(byId['kr-count'].options, { min: 1, max: 5 });
    assert.equal(byId['routine-work'].enabled, true);
  });

  it('`default: off` switches everything off first, wherever it is written in the layer', () => {
    const { byId } = resolve({ 'kr-count': 'warning', default: 'off' });
    assert.deepEqual([byId['kr-count'].enabled, byId['routine-work'].enabled], [true, false]);
    assert.equal(resolve({ default: 'off' }, { default: true }).byId['routine-work'].enabled, true);
    assert.deepEqual(resolve({ default: 'sometimes' }).problems[0], ['`default` must be on or off, not "sometimes".']);
  });

  it('reports unknown rules and options with suggestions, per layer, and keeps going', () => {
    const { byId, problems } = resolve({ 'kr-cuont': 'off' }, { 'kr-count': { maxx: 5, max: 6 }, 'routine-work': { limit: 1 } });
    assert.deepEqual(problems, [
      ['Unknown rule `kr-cuont` in lint settings. Did you mean `kr-count`?'],
      ['`kr-count` has no option `maxx`. Did you mean `max`?', '`routine-work` has no option `limit`. It takes no options.'],
    ]);
    assert.equal(byId['kr-count'].options.max, 6);
  });

  it('checks option and severity types, lists included, without being fooled by prototype names', () => {
    const { problems, byId } = resolve({
      'kr-count': { max: 'five', min: null, toString: 1, constructor: 2, severity: 'loud' },
      'objective-is-task': { extraVerbs: { a: 1 } },
    });
    assert.deepEqual(problems[0], [
      'Option `max` of kr-count must be a number, not "five".',
      'Option `min` of kr-count must be a number, not null.',
      '`kr-count` has no option `toString`. Its options: min, max.',
      '`kr-count` has no option `constructor`. Its options: min, max.',
      '`severity` of kr-count must be error, warning, info or off, not "loud".',
      'Option `extraVerbs` of objective-is-task must be a list, not {"a":1}.',
    ]);
    assert.deepEqual(byId['kr-count'].options, { min: 2, max: 4 });
    assert.deepEqual(resolve({ 'objective-is-task': { extraVerbs: ['spike'] } }).byId['objective-is-task'].options, {
      extraVerbs: ['spike'],
    });
  });

  it('odd values get a message, never an exception', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { problems } = resolve({ 'kr-count': 'loud', 'routine-work': ['a'], 'objective-is-task': 7 });
    assert.deepEqual(problems[0], [
      '`kr-count: "loud"` is not a setting: use off, error, warning, info, or { severity, ...options }.',
      '`routine-work: ["a"]` is not a setting: use off, error, warning, info, or { severity, ...options }.',
      '`objective-is-task: 7` is not a setting: use off, error, warning, info, or { severity, ...options }.',
    ]);
    assert.doesNotThrow(() => resolve({ 'kr-count': { severity: cyclic } }));
    assert.doesNotThrow(() => resolve({ 'kr-count': { severity: Object.create(null) } }));
    const { problems: layerProblems } = resolveRules(sample, [
      'abc' as unknown as Record<string, unknown>,
      [] as unknown as Record<string, unknown>,
    ]);
    assert.deepEqual(
      layerProblems.map((p) => p.length),
      [1, 1],
    );
  });

  it("every registered rule's defaults resolve without problems", () => {
    const { resolved, problems } = resolveRules(rules, [{}]);
    assert.equal(resolved.length, rules.length);
    assert.deepEqual(problems, [[]]);
  });
});
