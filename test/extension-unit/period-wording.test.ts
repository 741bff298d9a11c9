import assert from 'node:assert/strict';
import { planClose } from '../../src/core/period-close';
import { parseOkr } from '../../src/core/parse';
import { gradesSummary, periodLabelProblem, quarterLabel, retroItems, teamAndPeriod } from '../../src/extension/period/wording';

const file = parseOkr(
  'version: 1\nteam: Platform\nperiod: 2026-Q4\nobjectives:\n' +
    '  - id: O1\n    title: A\n    key_results:\n      - { id: K1, title: a, start: 0, target: 10, current: 7 }\n' +
    '  - id: O2\n    title: B\n    status: dropped\n    key_results:\n      - { id: K2, title: b, start: 0, target: 10, current: 1 }\n' +
    '  - id: O3\n    title: C\n    key_results:\n      - { id: K3, title: c }\n',
  't.okr.yaml',
).file;

describe('Period commands: wording', () => {
  it('names a file by its team and period, as far as it says them', () => {
    assert.equal(teamAndPeriod(file), 'Platform · 2026-Q4');
    assert.equal(teamAndPeriod(parseOkr('version: 1\nperiod: 2026-Q4\nobjectives: []\n', 'x.okr.yaml').file), '2026-Q4');
    assert.equal(teamAndPeriod(parseOkr('version: 1\nobjectives: []\n', 'x.okr.yaml').file), '');
  });

  it('reads a retro answer as its items separated with ";"; an empty answer is none', () => {
    assert.deepEqual(retroItems('Shipped the cache ;  kept the pager quiet;'), ['Shipped the cache', 'kept the pager quiet']);
    assert.deepEqual(retroItems('   '), []);
    assert.deepEqual(retroItems('one thing'), ['one thing']);
  });

  it('sums up the grades of the objectives not dropped and graded', () => {
    const plan = planClose(file, '2027-01-05');
    assert.equal(gradesSummary(plan.grades), 'O1 0.7 on target');
  });

  it('takes a quarter as the new label, anything else as no label', () => {
    assert.equal(quarterLabel(' 2027-q1 '), '2027-q1');
    assert.equal(quarterLabel('2027-Q5'), undefined);
    assert.equal(quarterLabel('2027-01-01_2027-03-31'), undefined);
  });

  it('refuses a label that is neither a quarter nor the proposal of an unlabelled period', () => {
    const quarter = { label: '2027-Q1', start: '2027-01-01', end: '2027-03-31' };
    const dates = { start: '2027-01-01', end: '2027-02-28' };
    assert.equal(periodLabelProblem('2027-Q2', quarter), undefined);
    assert.equal(periodLabelProblem('next', quarter), 'A quarter such as 2027-Q1');
    assert.equal(periodLabelProblem('2027-01-01_2027-02-28', dates), undefined);
    assert.equal(periodLabelProblem('2027-01-01_2027-02-28', quarter), 'A quarter such as 2027-Q1');
    assert.equal(periodLabelProblem('2027-01-01_2027-03-31', dates), 'A quarter such as 2027-Q1');
  });
});
