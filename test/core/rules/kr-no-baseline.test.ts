import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'kr-no-baseline';

function okr(keyResults: string, objectiveExtra = ''): string {
  return (
    `version: 1\nteam: SRE\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n` +
    `    title: Customers can rely on our platform\n${objectiveExtra}    key_results:\n${keyResults}`
  );
}
function findings(text: string) {
  return lintText(text, 'sre.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('kr-no-baseline', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags a target without a start when the title gives no "from X to Y", at the title, as info', () => {
    const text = okr('      - id: KR1\n        title: Achieve 99.95% uptime for core services\n        target: 99.95\n');
    const found = findings(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'Achieve 99.95% uptime for core services');
    assert.match(found[0].message, /`target: 99.95` but no `start:`/);
    assert.match(found[0].message, /counted from 0/);
  });

  it('accepts a start, a baseline in the title, or no target at all', () => {
    assert.deepEqual(findings(okr('      - { id: KR1, title: Achieve 99.95% uptime, start: 99.5, target: 99.95 }\n')), []);
    assert.deepEqual(findings(okr('      - { id: KR1, title: Reduce P1 incidents from twelve to three, target: 3 }\n')), []);
    assert.deepEqual(findings(okr('      - { id: KR1, title: "Increase NPS, up from 31, to 45", target: 45 }\n')), []);
    assert.deepEqual(findings(okr('      - { id: KR1, title: Achieve 99.95% uptime }\n')), []);
    const folded = okr(
      '      - id: KR1\n        title: >-\n          Increase API adoption from fifty to two hundred\n          external integrations\n' +
        '        target: 200\n',
    );
    assert.deepEqual(findings(folded), []);
  });

  it('treats a start of 0 as a start', () => {
    assert.deepEqual(findings(okr('      - { id: KR1, title: Reach 20000 weekly active tablet users, start: 0, target: 20000 }\n')), []);
  });

  it('leaves milestones to kr-is-milestone: they have no baseline to give', () => {
    assert.deepEqual(findings(okr('      - { id: KR1, title: Launch the partner portal, target: 1 }\n')), []);
    assert.deepEqual(findings(okr('      - { id: KR1, title: Migrate 40 of 55 services to Kubernetes, target: 40 }\n')), []);
  });

  it('leaves done and dropped key results, and those of inactive objectives, alone', () => {
    assert.deepEqual(findings(okr('      - { id: KR1, title: Achieve 99.95% uptime, target: 99.95, status: done }\n')), []);
    assert.deepEqual(findings(okr('      - { id: KR1, title: Achieve 99.95% uptime, target: 99.95 }\n', '    status: done\n')), []);
  });

  it('can be suppressed for the rest of the file', () => {
    const text = okr(
      '      # okr-lint-disable kr-no-baseline\n      - { id: KR1, title: Achieve 99.95% uptime, target: 99.95 }\n' +
        '      - { id: KR2, title: Cut churn to 2%, target: 2 }\n',
    );
    assert.deepEqual(findings(text), []);
  });
});
