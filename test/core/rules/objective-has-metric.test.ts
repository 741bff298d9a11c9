import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'objective-has-metric';

function okr(title: string, extra = ''): string {
  return (
    `version: 1\nteam: Growth\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: ${title}\n${extra}    key_results:\n` +
    `      - { id: KR1, title: Grow EMEA revenue from €8M to €9.6M, start: 8, target: 9.6 }\n`
  );
}
function findings(text: string) {
  return lintText(text, 'growth.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('objective-has-metric', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags a numeric target in an objective, at its title, as info', () => {
    for (const [title, shown] of [
      ['Grow EMEA revenue by 20%', '20%'],
      ['Cut app start time in half', 'in half'],
      ['Double the number of ML models in production', 'Double'],
      ['Scale the platform to 10x current traffic', '10x'],
      ['Increase revenue from SMB customers to $5M ARR', '$5M'],
      ['Reach two hundred enterprise customers', 'two hundred'],
    ]) {
      const text = okr(title);
      const found = findings(text);
      assert.equal(found.length, 1, title);
      assert.equal(found[0].severity, 'info');
      assert.equal(text.slice(found[0].span.start, found[0].span.end), title);
      assert.ok(found[0].message.includes(`("${shown}")`), found[0].message);
      assert.match(found[0].message, /numbers belong in key results/);
    }
  });

  it('leaves versions, standards, years, ranks and labels alone', () => {
    for (const title of [
      'Pass the PCI DSS 4.0 assessment',
      'Implement 3-D Secure 2 for all card flows',
      'Upgrade Postgres from 13 to 16',
      'Be the #1 choice for SMB payroll',
      'Win the mid-market in 2027',
      'Provide 24/7 support customers love',
      'Customers in region 12 can rely on our platform',
      'Adopt zero-trust networking',
      'Reduce P1 incidents',
    ]) {
      assert.deepEqual(findings(okr(title)), [], title);
    }
  });

  it('leaves done and dropped objectives alone', () => {
    assert.deepEqual(findings(okr('Grow EMEA revenue by 20%', '    status: done\n')), []);
  });

  it('can be suppressed for one line', () => {
    const text = okr('Grow EMEA revenue by 20%').replace('    title:', '    # okr-lint-disable-next-line objective-has-metric\n    title:');
    assert.deepEqual(findings(text), []);
  });
});
