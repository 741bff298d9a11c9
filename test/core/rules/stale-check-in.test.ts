import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'stale-check-in';

function findings(text: string, today: string) {
  return lintText(text, 'data.okr.yaml', { today }).findings.filter((f) => f.ruleId === ID);
}
function kr(checkIns: string, objectiveExtra = ''): string {
  return okrFile(
    `  - id: O1\n    title: Analysts trust our numbers\n${objectiveExtra}    key_results:\n      - id: KR1\n` +
      `        title: Raise owned tables from 40% to 90%\n        start: 40\n        target: 90\n${checkIns}`,
  );
}

describe('stale-check-in', () => {
  it('flags active key results whose latest check-in is more than 14 days old, during the period', () => {
    assertFixture(ID);
  });

  it('points at the latest check-in date and says how old it is', () => {
    const text = kr('        check_ins:\n          - { date: 2026-11-10, value: 50 }\n          - { date: 2026-10-15, value: 45 }\n');
    const [f] = findings(text, '2026-11-28');
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), '2026-11-10');
    assert.match(f.message, /Key result KR1 was last checked in on 2026-11-10, 18 days ago/);
    assert.match(f.message, /weekly or fortnightly/);
  });

  it('counts from the start of the period when there is no check-in, pointing at the title', () => {
    const text = kr('');
    assert.deepEqual(findings(text, '2026-10-15'), []); // 14 days in: not yet
    const [f] = findings(text, '2026-10-16');
    assert.equal(spanText(text, f.span), 'Raise owned tables from 40% to 90%');
    assert.match(f.message, /no check-in since the period started on 2026-10-01, 15 days ago/);
  });

  it('is silent before and after the period, and uses `context.today`, never the clock', () => {
    const text = kr('');
    assert.deepEqual(findings(text, '2026-09-30'), []);
    assert.deepEqual(findings(text, '2027-01-01'), []);
    assert.equal(findings(text, '2026-12-31').length, 1);
  });

  it("ends early at the objective's `due:`", () => {
    const text = kr('', '    due: 2026-11-15\n');
    assert.equal(findings(text, '2026-11-15').length, 1);
    assert.deepEqual(findings(text, '2026-11-16'), []);
  });

  it('exactly `days` old is fine; the option changes the limit', () => {
    const text = kr('        check_ins:\n          - { date: 2026-11-14, value: 50 }\n');
    assert.deepEqual(findings(text, '2026-11-28'), []);
    assert.equal(findings(text, '2026-11-29').length, 1);
    const weekly = text.replace('period: 2026-Q4\n', 'period: 2026-Q4\nlint: { stale-check-in: { days: 7 } }\n');
    assert.equal(findings(weekly, '2026-11-22').length, 1);
    assert.deepEqual(findings(weekly, '2026-11-21'), []);
  });

  it("follows the file's `check_in_every`; the rule's own `days` wins over it", () => {
    const text = kr('        check_ins:\n          - { date: 2026-11-14, value: 50 }\n');
    for (const [cadence, lastFine] of [
      ['weekly', '2026-11-21'],
      ['7', '2026-11-21'],
      ['fortnightly', '2026-11-28'],
      ['monthly', '2026-12-14'],
      ['3', '2026-11-17'],
    ]) {
      const file = text.replace('period: 2026-Q4\n', `period: 2026-Q4\ncheck_in_every: ${cadence}\n`);
      assert.deepEqual(findings(file, lastFine), [], `${cadence} on ${lastFine}`);
      const next = new Date(Date.parse(`${lastFine}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      assert.equal(findings(file, next).length, 1, `${cadence} on ${next}`);
    }
    const both = text.replace('period: 2026-Q4\n', 'period: 2026-Q4\ncheck_in_every: weekly\nlint: { stale-check-in: { days: 10 } }\n');
    assert.deepEqual(findings(both, '2026-11-24'), []);
    assert.equal(findings(both, '2026-11-25').length, 1);
  });

  it('a check-in dated after today is not stale', () => {
    assert.deepEqual(findings(kr('        check_ins:\n          - { date: 2026-12-01, value: 50 }\n'), '2026-11-28'), []);
  });

  it('key results of done or dropped objectives, and done or dropped key results, are not active', () => {
    assert.deepEqual(findings(kr('', '    status: done\n'), '2026-11-28'), []);
    assert.deepEqual(findings(kr('', '    status: dropped\n    reason: r\n'), '2026-11-28'), []);
    assert.deepEqual(findings(kr('        status: done\n'), '2026-11-28'), []);
  });

  it('needs a period: without one it cannot tell', () => {
    const text = kr('').replace('period: 2026-Q4\n', '');
    assert.deepEqual(findings(text, '2026-11-28'), []);
  });
});
