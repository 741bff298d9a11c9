import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'objective-count';

function findings(text: string) {
  return lintText(text, 'growth.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}
function objectives(n: number, extra = ''): string {
  return Array.from({ length: n }, (_, i) => `  - { id: O${i + 1}, title: Outcome ${i + 1}${extra} }\n`).join('');
}

describe('objective-count', () => {
  it('flags six active objectives at `objectives:`; done and dropped ones do not count', () => {
    assertFixture(ID);
  });

  it('accepts one to five active objectives', () => {
    for (const n of [1, 3, 5]) assert.deepEqual(findings(okrFile(objectives(n))), [], `${n} objectives`);
  });

  it('says how many there are, as a warning', () => {
    const text = okrFile(objectives(7));
    const [f] = findings(text);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), 'objectives');
    assert.match(f.message, /7 active objectives; keep it to 5 or fewer/);
  });

  it('flags a file with no objectives, or only dropped ones, but not a finished quarter', () => {
    assert.match(findings(okrFile(' []\n').replace('objectives:\n []', 'objectives: []'))[0].message, /no objectives/);
    assert.match(findings(okrFile(objectives(2, ', status: dropped, reason: r')))[0].message, /no objectives that are not dropped/);
    assert.deepEqual(findings(okrFile(objectives(2, ', status: done'))), []);
  });

  it('says nothing when `objectives:` is missing: that is a schema error', () => {
    assert.deepEqual(findings('version: 1\nteam: X\nperiod: 2026-Q4\n'), []);
  });

  it('takes `min` and `max` from the file', () => {
    const head = 'version: 1\nteam: X\nperiod: 2026-Q4\nlint: { objective-count: { max: 7, min: 3 } }\n';
    assert.deepEqual(findings(okrFile(objectives(7), head)), []);
    assert.match(findings(okrFile(objectives(8), head))[0].message, /8 active objectives; keep it to 7 or fewer/);
    assert.match(findings(okrFile(objectives(2), head))[0].message, /only 2 objectives; it should have at least 3/);
  });
});
