import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'syntax';

describe('syntax', () => {
  it('reports each YAML error at its line: duplicate key, unknown alias, tab indentation', () => {
    assertFixture(ID);
  });

  it('is an error by default; settings may change its severity or turn it off', () => {
    const text = 'team: A\nteam: B\nobjectives: []\n';
    const lint = (settings?: Record<string, unknown>) =>
      lintText(text, 'x', { today: '2026-11-28', settings }).findings.filter((f) => f.ruleId === ID);
    assert.equal(lint()[0].severity, 'error');
    assert.equal(lint({ syntax: 'warning' })[0].severity, 'warning');
    assert.deepEqual(lint({ syntax: 'off' }), []);
  });

  it('has the docs path of its page', () => {
    const [f] = lintText('a: [\n', 'x', { today: '2026-11-28' }).findings.filter((g) => g.ruleId === ID);
    assert.equal(f.docsPath, 'docs/rules/syntax.md');
  });
});
