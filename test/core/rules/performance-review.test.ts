import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'performance-review';

function okr(objectives: string): string {
  return `version: 1\nteam: Growth\nperiod: 2026-Q4\nobjectives:\n${objectives}`;
}
function findings(text: string) {
  return lintText(text, 'growth.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('performance-review', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags OKRs tied to bonuses, ratings, pay or promotions, at the title, as a warning', () => {
    const text = okr(
      '  - id: O1\n    title: Growth team bonus tied to signup targets\n    key_results:\n' +
        '      - { id: KR1, title: Hit 100% of the signup target to unlock the team bonus }\n' +
        '      - { id: KR2, title: "Use OKR scores as 50% of each engineer\'s performance rating" }\n' +
        '      - { id: KR3, title: Get promoted to staff by hitting every key result }\n' +
        '      - { id: KR4, title: Salary reviews follow OKR attainment }\n',
    );
    const found = findings(text);
    assert.deepEqual(
      found.map((f) => /ties OKRs to (\w+( \w+)?)\./.exec(f.message)?.[1]),
      ['bonuses', 'bonuses', 'performance reviews', 'promotions', 'pay'],
    );
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'Growth team bonus tied to signup targets');
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.match(found[0].message, /Separate OKRs from performance reviews/);
  });

  it('also fires on done and dropped items: the link itself is the problem', () => {
    const text = okr(
      '  - id: O1\n    title: Link engineering bonuses to OKR attainment\n    status: dropped\n    reason: HR said no\n    key_results:\n' +
        '      - { id: KR1, title: Every engineer scores 0.7 to qualify for the bonus, status: done }\n',
    );
    assert.equal(findings(text).length, 2);
  });

  it('reads descriptions too, pointing at the description when the title is clean', () => {
    const text = okr(
      '  - id: O1\n    title: Grow self-serve signups\n    description: Half of the growth team bonus depends on this objective.\n' +
        '    key_results:\n      - { id: KR1, title: Increase weekly signups from 1200 to 2000 }\n',
    );
    const [f] = findings(text);
    assert.equal(text.slice(f.span.start, f.span.end), 'Half of the growth team bonus depends on this objective.');
    assert.match(f.message, /^Objective "Grow self-serve signups"'s description ties OKRs to bonuses/);
  });

  it('names an untitled item by its kind', () => {
    const text = okr(
      '  - id: O1\n    title: Grow self-serve signups\n    key_results:\n      - { id: KR1, description: counts toward the team bonus }\n',
    );
    const [f] = findings(text);
    assert.match(f.message, /^Key result's description ties OKRs to bonuses\./);
  });

  it('gives one finding per item when title and description both match', () => {
    const text = okr(
      '  - id: O1\n    title: Bonus tied to OKRs\n    description: The bonus pool follows the score.\n    key_results:\n' +
        '      - { id: KR1, title: Increase weekly signups from 1200 to 2000 }\n',
    );
    assert.equal(findings(text).length, 1);
  });

  it('leaves marketing promotions, referral bonuses, app ratings and code reviews alone', () => {
    const text = okr(
      '  - id: O1\n    title: Launch a referral bonus for new users\n    key_results:\n' +
        '      - { id: KR1, title: Run a Black Friday promotion for annual plans }\n' +
        '      - { id: KR2, title: Raise App Store rating from 4.1 to 4.6 }\n' +
        '      - { id: KR3, title: Cut median time to first code review from 26 to 4 hours }\n' +
        '      - { id: KR4, title: Reduce payout failures from 2% to 0.5% }\n',
    );
    assert.deepEqual(findings(text), []);
  });

  it('can be suppressed for one line', () => {
    const text = okr(
      '  - id: O1\n    # okr-lint-disable-next-line performance-review -- agreed with HR\n    title: Bonus tied to OKRs\n' +
        '    key_results:\n      - { id: KR1, title: Increase weekly signups from 1200 to 2000 }\n',
    );
    assert.deepEqual(findings(text), []);
  });
});
