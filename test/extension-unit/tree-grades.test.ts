// The Objectives tree after the period: grades in place of progress and pace.
import { strict as assert } from 'node:assert';
import { objectiveScore, keyResultScore, verdictColour, gradeColour } from '../../src/core/grade';
import { parseOkr } from '../../src/core/parse';
import { assessKeyResult, assessObjective } from '../../src/core/progress';
import { keyResultPresentation, keyResultTooltip, objectivePresentation, objectiveTooltip } from '../../src/extension/tree/labels';

const TEXT = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    owner: dana
    key_results:
      - { id: PLAT-KR1, title: Reduce P1 incidents from 12 to 3, start: 12, target: 3, current: 6 }
      - { id: PLAT-KR2, title: Raise uptime from 99 to 99.9, start: 99, target: 99.9, current: 99.3, score: 0.4 }
  - id: PLAT-O2
    title: Deploys are boring
    kind: committed
    key_results:
      - { id: PLAT-KR3, title: Cut deploy time from 40 to 10 minutes, start: 40, target: 10, current: 10 }
`;

describe('tree labels: grades after the period', () => {
  const file = parseOkr(TEXT, '/ws/p.okr.yaml').file;
  const today = '2027-01-04';
  const [o1, o2] = file.objectives;

  it('describes an objective by its score and verdict, with a grade-coloured icon', () => {
    const score = objectiveScore(o1)!;
    const p = objectivePresentation(o1, assessObjective(file, o1, today), { score, colour: verdictColour(o1.kind, score) });
    assert.equal(p.description, 'PLAT-O1 · 0.5 · fell short (aspirational: expected about 0.7) · dana');
    assert.deepEqual(p.icon, { id: 'mortar-board', color: 'charts.yellow' });
    assert.match(p.accessibilityLabel, /graded 0\.5/);
    const s2 = objectiveScore(o2)!;
    const p2 = objectivePresentation(o2, assessObjective(file, o2, today), { score: s2, colour: verdictColour(o2.kind, s2) });
    assert.equal(p2.description, 'PLAT-O2 · 1.0 · met');
    assert.deepEqual(p2.icon, { id: 'mortar-board', color: 'charts.green' });
  });

  it('describes a key result by its grade, the recorded one first', () => {
    const kr2 = o1.keyResults[1];
    const score = keyResultScore(kr2)!;
    const p = keyResultPresentation(kr2, assessKeyResult(file, o1, kr2, today), undefined, today, { score, colour: gradeColour(score) });
    assert.equal(p.description, 'PLAT-KR2 · graded 0.4');
    assert.deepEqual(p.icon, { id: 'mortar-board', color: 'charts.yellow' });
    const tip = keyResultTooltip({
      objective: o1,
      keyResult: kr2,
      assessment: assessKeyResult(file, o1, kr2, today),
      findings: [],
      today,
      grade: { score },
    });
    assert.match(tip, /Grade 0\.4 \(aspirational: about 0\.7 is a success\)/);
    const otip = objectiveTooltip({
      objective: o2,
      assessment: assessObjective(file, o2, today),
      findings: [],
      grade: { score: objectiveScore(o2) },
    });
    assert.match(otip, /Grade 1\\\.0 · met/); // markdown-escaped
  });

  it('shows progress and pace, not grades, without a grade', () => {
    const p = objectivePresentation(o1, assessObjective(file, o1, '2026-11-15'));
    assert.doesNotMatch(p.description, /graded|fell short/);
    assert.notEqual(p.icon.id, 'mortar-board');
  });
});
