import { strict as assert } from 'node:assert';
import { gradeColour, gradeFile, gradeText, gradeVerdict, isGraded, keyResultScore, objectiveScore, scoreText } from '../../src/core/grade';
import { parseOkr } from '../../src/core/parse';

const FILE = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: O1
    title: Customers can rely on our platform
    kind: aspirational
    key_results:
      - { id: KR1, title: Cut incidents from 12 to 3, start: 12, target: 3, current: 6 }
      - { id: KR2, title: Raise uptime from 99 to 99.9, start: 99, target: 99.9, current: 100 }
      - { id: KR3, title: Dropped one, start: 0, target: 10, current: 0, status: dropped, reason: moved }
      - { id: KR4, title: Raise NPS from 10 to 20, start: 10, target: 20, current: 5 }
  - id: O2
    title: Deploys are boring
    kind: committed
    key_results:
      - { id: KR5, title: Deploy in under 10 minutes from 40, start: 40, target: 10, current: 10 }
      - { id: KR6, title: Graded at close, start: 0, target: 10, current: 2, score: 0.9 }
      - { id: KR7, title: Done without numbers, status: done }
  - id: O3
    title: Nothing measured
    key_results:
      - { id: KR8, title: No numbers yet }
`;

describe('grade', () => {
  const file = parseOkr(FILE, 'p.okr.yaml').file;
  const kr = (id: string) => file.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;

  it('scores a key result by its clamped progress at the end, or the score recorded at close', () => {
    assert.ok(Math.abs(keyResultScore(kr('KR1'))! - 2 / 3) < 1e-9);
    assert.equal(keyResultScore(kr('KR2')), 1); // over the target is 1.0
    assert.equal(keyResultScore(kr('KR3')), undefined); // dropped: not graded
    assert.equal(keyResultScore(kr('KR4')), 0); // went backwards: 0.0
    assert.equal(keyResultScore(kr('KR6')), 0.9); // recorded beats computed (0.2)
    assert.equal(keyResultScore(kr('KR7')), 1);
    assert.equal(keyResultScore(kr('KR8')), undefined);
  });

  it('scores an objective as the mean of its graded key results', () => {
    assert.ok(Math.abs(objectiveScore(file.objectives[0])! - (2 / 3 + 1 + 0) / 3) < 1e-9);
    assert.ok(Math.abs(objectiveScore(file.objectives[1])! - (1 + 0.9 + 1) / 3) < 1e-9);
    assert.equal(objectiveScore(file.objectives[2]), undefined);
  });

  it('reads scores to one decimal: 0.7-1.0 green, 0.4-0.6 yellow, below red', () => {
    assert.equal(gradeColour(0.66), 'green');
    assert.equal(gradeColour(0.64), 'yellow');
    assert.equal(gradeColour(0.4), 'yellow');
    assert.equal(gradeColour(0.34), 'red');
    assert.equal(scoreText(1), '1.0');
    assert.equal(scoreText(0.666), '0.7');
  });

  it('judges committed objectives against 1.0 and aspirational ones against about 0.7', () => {
    assert.equal(gradeVerdict('committed', 1), 'met');
    assert.equal(gradeVerdict('committed', 0.94), 'missed');
    assert.equal(gradeVerdict('aspirational', 0.7), 'on-target');
    assert.equal(gradeVerdict('aspirational', 0.5), 'fell-short');
    assert.equal(gradeVerdict('aspirational', 0.2), 'missed');
    assert.equal(gradeVerdict('aspirational', 1), 'too-easy');
    assert.equal(gradeText('committed', 0.9), '0.9 · missed (committed: expected 1.0)');
    assert.equal(gradeText('aspirational', 0.72), '0.7 · on target');
    const grades = gradeFile(file);
    // Committed at 0.97 is a promise not kept, though it reads as 1.0.
    assert.equal(grades[1].verdict, 'missed');
    assert.equal(grades[1].colour, 'red');
    assert.equal(grades[0].colour, 'yellow'); // 0.56
    assert.deepEqual(
      grades[0].keyResults.map((k) => k.colour),
      ['green', 'green', undefined, 'red'],
    );
  });

  it('grades once the period is over or the file is closed', () => {
    assert.equal(isGraded(file, '2026-12-31'), false);
    assert.equal(isGraded(file, '2027-01-01'), true);
    const closed = parseOkr(FILE.replace('period: 2026-Q4', 'period: 2026-Q4\nclosed: 2026-12-20'), 'p.okr.yaml').file;
    assert.equal(closed.closed, '2026-12-20');
    assert.equal(isGraded(closed, '2026-12-21'), true);
  });
});
