import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'kr-count';

function findings(text: string) {
  return lintText(text, 'mobile.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}
function objective(krs: number, extra = ''): string {
  const list = Array.from(
    { length: krs },
    (_, i) => `      - { id: KR${i + 1}, title: Raise x from ${i} to ${i + 1}, start: ${i}, target: ${i + 1} }\n`,
  ).join('');
  return `  - id: O1\n    title: The app feels fast\n${extra}    key_results:${krs ? '\n' + list : ' []\n'}`;
}

describe('kr-count', () => {
  it('flags active objectives with fewer than two or more than four active key results', () => {
    assertFixture(ID);
  });

  it('points at `key_results:` and counts in the message', () => {
    const text = okrFile(objective(1));
    const [f] = findings(text);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), 'key_results');
    assert.match(f.message, /Objective O1 has only 1 active key result; give it 2 to 4/);
    assert.match(findings(okrFile(objective(5)))[0].message, /has 5 active key results; keep it to 2 to 4/);
    assert.match(findings(okrFile(objective(0)))[0].message, /has no active key results/);
  });

  it('accepts two to four', () => {
    for (const n of [2, 3, 4]) assert.deepEqual(findings(okrFile(objective(n))), [], `${n} key results`);
  });

  it('leaves done and dropped objectives alone', () => {
    assert.deepEqual(findings(okrFile(objective(1, '    status: done\n'))), []);
    assert.deepEqual(findings(okrFile(objective(6, '    status: dropped\n    reason: r\n'))), []);
  });

  it('takes `min` and `max` from the file, and the lint block wins over the settings', () => {
    const head = 'version: 1\nteam: X\nperiod: 2026-Q4\nlint: { kr-count: { max: 5 } }\n';
    assert.deepEqual(findings(okrFile(objective(5), head)), []);
    const text = okrFile(objective(5));
    const settings = { 'kr-count': { max: 6, min: 1 } };
    assert.deepEqual(
      lintText(text, 'x', { today: '2026-11-28', settings }).findings.filter((f) => f.ruleId === ID),
      [],
    );
    const overridden = okrFile(objective(1), 'version: 1\nteam: X\nperiod: 2026-Q4\nlint: { kr-count: { min: 2 } }\n');
    assert.equal(lintText(overridden, 'x', { today: '2026-11-28', settings }).findings.filter((f) => f.ruleId === ID).length, 1);
  });
});
