import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'committed-missed';

function findings(text: string, today = '2027-01-10') {
  return lintText(text, 'security.okr.yaml', { today }).findings.filter((f) => f.ruleId === ID);
}
function committed(krs: string[], extra = '    kind: committed\n'): string {
  return okrFile(
    `  - id: O1\n    title: We keep our compliance promises\n${extra}    key_results:\n${krs.map((k) => `      - ${k}\n`).join('')}`,
  );
}
const MISSED = '{ id: KR1, title: Rotate all production secrets, start: 20, target: 100, current: 68 }';

describe('committed-missed', () => {
  it('flags key results of committed objectives that ended below 100%', () => {
    assertFixture(ID);
  });

  it('is info, points at the value it ended at, and says how far it got', () => {
    const text = committed([MISSED]);
    const [f] = findings(text);
    assert.equal(f.severity, 'info');
    assert.equal(spanText(text, f.span), '68');
    assert.match(f.message, /Committed key result KR1 ended at 60% of its target \(at 68; start 20, target 100\)/);
    assert.match(f.message, /retrospective/);
  });

  it('says nothing during the period, and judges at `due:` when the objective ends early', () => {
    assert.deepEqual(findings(committed([MISSED]), '2026-12-31'), []);
    assert.equal(findings(committed([MISSED], '    kind: committed\n    due: 2026-11-30\n'), '2026-12-01').length, 1);
  });

  it('leaves aspirational objectives, reached results and results without numbers alone', () => {
    assert.deepEqual(findings(committed([MISSED], '')), []);
    assert.deepEqual(findings(committed(['{ id: KR1, title: Cut findings from 4 to 0, start: 4, target: 0, current: 0 }'])), []);
    assert.deepEqual(findings(committed(['{ id: KR1, title: Pass the audit }'])), []);
  });

  it('a result that went the wrong way ends at 0%, not below', () => {
    const text = committed(['{ id: KR1, title: Cut critical vulnerabilities from 12 to 3, start: 12, target: 3, current: 15 }']);
    assert.match(findings(text)[0].message, /ended at 0% of its target/);
  });
});
