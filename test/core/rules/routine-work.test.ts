import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'routine-work';

function okr(objectiveTitle: string, keyResults: string, objectiveExtra = ''): string {
  return (
    `version: 1\nteam: SRE\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n` +
    `    title: ${objectiveTitle}\n${objectiveExtra}    key_results:\n${keyResults}`
  );
}
function findings(text: string) {
  return lintText(text, 'sre.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}
const OK_KR = '      - { id: KR1, title: Reduce P1 incidents from twelve to three, start: 12, target: 3 }\n';

describe('routine-work', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags business-as-usual objectives and key results, at their titles, as info', () => {
    const text = okr(
      'Keep the lights on for legacy services',
      '      - { id: KR1, title: Fix all open reconciliation bugs }\n      - { id: KR2, title: Staff the weekend on-call rotation }\n' +
        '      - { id: KR3, title: Patch every host within 14 days of a critical CVE }\n',
    );
    const found = findings(text);
    assert.deepEqual(
      found.map((f) => text.slice(f.span.start, f.span.end)),
      [
        'Keep the lights on for legacy services',
        'Fix all open reconciliation bugs',
        'Staff the weekend on-call rotation',
        'Patch every host within 14 days of a critical CVE',
      ],
    );
    assert.ok(found.every((f) => f.severity === 'info'));
    assert.match(found[0].message, /^Objective "Keep the lights on for legacy services" is business as usual \(keeping the lights on\)/);
    assert.match(found[1].message, /^Key result "Fix all open reconciliation bugs" is business as usual \(bug fixing\)/);
    assert.match(found[2].message, /\(on-call\)/);
    assert.match(found[3].message, /continues outside the OKR framework/);
  });

  it('leaves improvements of routine work alone', () => {
    const text = okr(
      'Reduce alert fatigue for on-call engineers',
      '      - { id: KR1, title: Reduce pages per on-call shift from 25 to 5 }\n' +
        '      - { id: KR2, title: Automate dependency upgrades for all repositories }\n' +
        '      - { id: KR3, title: Cut time spent on maintenance from 40% to 20% }\n',
    );
    assert.deepEqual(findings(text), []);
  });

  it('leaves done and dropped items alone', () => {
    assert.deepEqual(findings(okr('Keep the lights on', OK_KR, '    status: done\n')), []);
    assert.deepEqual(
      findings(
        okr(
          'Engineers ship with confidence',
          '      - { id: KR1, title: Fix the flaky-test bugs, status: dropped, reason: moved to backlog }\n',
        ),
      ),
      [],
    );
  });

  it('can be switched off in the file, or suppressed for one line', () => {
    const text = okr('Keep the lights on', OK_KR);
    assert.equal(findings(text).length, 1);
    assert.deepEqual(findings(text.replace('period: 2026-Q4\n', 'period: 2026-Q4\nlint: { routine-work: off }\n')), []);
    assert.deepEqual(findings(text.replace('    title: Keep', '    # okr-lint-disable-next-line routine-work\n    title: Keep')), []);
  });
});
