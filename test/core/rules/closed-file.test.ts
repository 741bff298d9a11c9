// A file closed with `okr close` is a record: it lints quietly, and the rules that
// judge results speak of the grades recorded at close.
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { spanText } from './rule-fixture';

const OPEN = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: O1
    title: Deploys are boring
    kind: committed
    key_results:
      - id: KR1
        title: Cut deploy time from 40 to 10 minutes
        start: 40
        target: 10
        current: 16
        check_ins:
          - { date: 2026-10-20, value: 16 }
  - id: O2
    title: Customers love the new console
    key_results:
      - id: KR2
        title: Raise console NPS from 10 to 30
        start: 10
        target: 30
        current: 35
      - id: KR3
        title: Grow weekly console users from 200 to 400
        start: 200
        target: 400
        current: 390
`;

const CLOSED = OPEN.replace('period: 2026-Q4\n', 'period: 2026-Q4\nclosed: 2026-12-18\n')
  .replace('        current: 16\n', '        current: 16\n        score: 0.8\n')
  .replace('        current: 35\n', '        current: 35\n        score: 1.0\n')
  .replace('        current: 390\n', '        current: 390\n        score: 1.0\n');

const ids = (text: string, today: string, rule: string) =>
  lintText(text, 'p.okr.yaml', { today }).findings.filter((f) => f.ruleId === rule);

describe('a closed file', () => {
  it('has no stale check-ins, even before the period ends', () => {
    assert.equal(ids(OPEN, '2026-12-20', 'stale-check-in').length, 3);
    assert.deepEqual(ids(CLOSED, '2026-12-20', 'stale-check-in'), []);
  });

  it('committed-missed names the grade recorded at close, at the score', () => {
    const [f] = ids(CLOSED, '2026-12-20', 'committed-missed');
    assert.match(f.message, /Committed key result KR1 was graded 0\.8 when the period closed; committed key results are expected at 1\.0/);
    assert.equal(spanText(CLOSED, f.span), '0.8');
    // Before the close, nothing is judged during the period.
    assert.deepEqual(ids(OPEN, '2026-12-20', 'committed-missed'), []);
  });

  it('sandbagging speaks of the recorded grades: every key result graded 1.0', () => {
    const [f] = ids(CLOSED, '2026-12-20', 'sandbagging');
    assert.match(f.message, /Every key result of aspirational objective O2 was graded 1\.0 when the period closed/);
    // The computed progress alone (KR3 at 95%) would not have said so.
    assert.deepEqual(ids(OPEN, '2027-01-05', 'sandbagging'), []);
    assert.deepEqual(
      ids(
        CLOSED.replace('        current: 390\n        score: 1.0\n', '        current: 390\n        score: 0.9\n'),
        '2026-12-20',
        'sandbagging',
      ),
      [],
    );
  });

  it('reads closed, retro, score and carried_from without schema findings', () => {
    const text = CLOSED.replace(
      'closed: 2026-12-18\n',
      'closed: 2026-12-18\nretro:\n  went_well: Canary deploys\n  went_badly: [On-call load, "Late: hiring"]\n  try_next:\n',
    ).replace('        score: 0.8\n', '        score: 0.8\n        carried_from: KR0@2026-Q3\n');
    const r = lintText(text, 'p.okr.yaml', { today: '2026-12-20' });
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'schema'),
      [],
    );
    assert.deepEqual(r.file.retro && { w: r.file.retro.wentWell, b: r.file.retro.wentBadly, t: r.file.retro.tryNext }, {
      w: ['Canary deploys'],
      b: ['On-call load', 'Late: hiring'],
      t: [],
    });
    assert.equal(r.file.objectives[0].keyResults[0].carriedFrom, 'KR0@2026-Q3');
    const bad = lintText(CLOSED.replace('score: 0.8', 'score: 80').replace('closed: 2026-12-18', 'closed: soon'), 'p.okr.yaml', {
      today: '2026-12-20',
    });
    assert.deepEqual(
      bad.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message),
      [
        '`closed` in the file must be a date written YYYY-MM-DD, not "soon".',
        '`score` in key result KR1 is a grade between 0.0 and 1.0, not 80.',
      ],
    );
  });
});
