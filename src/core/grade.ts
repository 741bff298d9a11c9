// Grading at the end of a period, Google's way: a key result's score is its
// progress at the end, clamped to 0.0-1.0; an objective's is the mean of its key
// results'. What a score means depends on the objective's kind: a committed
// objective is expected at 1.0, an aspirational one around 0.7 (0.7 to 1.0 green,
// 0.4 to 0.6 yellow, below that red). Pure: `today` is always passed in.

import type { IsoDate, KeyResult, Objective, OkrFile } from './model';
import { clamp01, krProgress, objectivePeriod, periodPhase } from './progress';

export type GradeColour = 'green' | 'yellow' | 'red';

/** How a score compares with what the objective's kind expects. */
export type GradeVerdict = 'met' | 'missed' | 'on-target' | 'fell-short' | 'too-easy';

export const GRADE_VERDICT_LABELS: Record<GradeVerdict, string> = {
  met: 'met',
  missed: 'missed',
  'on-target': 'on target',
  'fell-short': 'fell short',
  'too-easy': 'maybe too easy',
};

/** What each kind of objective is expected to score. */
export const EXPECTED_SCORE = { committed: 1, aspirational: 0.7 } as const;

/** Reached in full, allowing for decimal arithmetic (99.95 - 99.5 is not exactly 0.45). */
const FULL_TOLERANCE = 1e-9;

/** Scores are read to one decimal, as Google writes them: 0.66 is a 0.7. */
export function roundScore(score: number): number {
  return Math.round(clamp01(score) * 10) / 10;
}

/** `0.7` -> "0.7", `1` -> "1.0". */
export function scoreText(score: number): string {
  return roundScore(score).toFixed(1);
}

/** 0.7 to 1.0 green, 0.4 to 0.6 yellow, below red (read to one decimal). */
export function gradeColour(score: number): GradeColour {
  const s = roundScore(score);
  return s >= 0.7 ? 'green' : s >= 0.4 ? 'yellow' : 'red';
}

/**
 * A key result's grade: the score recorded at close when there is one, else its
 * progress clamped to 0.0-1.0; a key result marked done without numbers is a 1.0.
 * Undefined for a dropped key result (it is not graded) and one without numbers.
 */
export function keyResultScore(kr: KeyResult): number | undefined {
  if (kr.status === 'dropped') return undefined;
  if (kr.score !== undefined) return clamp01(kr.score);
  const progress = krProgress(kr);
  if (progress !== undefined) return progress;
  return kr.status === 'done' ? 1 : undefined;
}

/** The mean of the graded key results' scores; undefined when none is graded or the objective was dropped. */
export function objectiveScore(o: Objective): number | undefined {
  if (o.status === 'dropped') return undefined;
  const scores = o.keyResults.map(keyResultScore).filter((s): s is number => s !== undefined);
  if (scores.length === 0) return undefined;
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** The verdict for a score of an objective of this kind. */
export function gradeVerdict(kind: Objective['kind'], score: number): GradeVerdict {
  // A committed objective is met in full or not at all: 0.97 does not round up to a kept promise.
  if (kind === 'committed') return score >= EXPECTED_SCORE.committed - FULL_TOLERANCE ? 'met' : 'missed';
  const s = roundScore(score);
  if (s >= 1) return 'too-easy';
  return s >= 0.7 ? 'on-target' : s >= 0.4 ? 'fell-short' : 'missed';
}

/** The colour of a verdict: a committed objective below 1.0 is red, whatever the number. */
export function verdictColour(kind: Objective['kind'], score: number): GradeColour {
  if (kind === 'committed') return score >= 1 - FULL_TOLERANCE ? 'green' : 'red';
  return gradeColour(score);
}

/** Is the file's period over on `today` (or the file closed)? Then grades are shown instead of pace. */
export function isGraded(file: OkrFile, today: IsoDate): boolean {
  if (file.closed !== undefined) return true;
  return file.period !== undefined && periodPhase(file.period, today) === 'after';
}

/** Is this objective's own period over (a `due:` before the file's end counts) or the file closed? */
export function isObjectiveGraded(file: OkrFile, o: Objective, today: IsoDate): boolean {
  if (file.closed !== undefined) return true;
  const period = objectivePeriod(file, o);
  return period !== undefined && periodPhase(period, today) === 'after';
}

export interface ObjectiveGrade {
  objective: Objective;
  score?: number;
  verdict?: GradeVerdict;
  colour?: GradeColour;
  keyResults: { keyResult: KeyResult; score?: number; colour?: GradeColour }[];
}

/** Every objective's grade, for list, tree, report and retrospective. */
export function gradeFile(file: OkrFile): ObjectiveGrade[] {
  return file.objectives.map((o) => {
    const score = objectiveScore(o);
    return {
      objective: o,
      score,
      verdict: score === undefined ? undefined : gradeVerdict(o.kind, score),
      colour: score === undefined ? undefined : verdictColour(o.kind, score),
      keyResults: o.keyResults.map((kr) => {
        const s = keyResultScore(kr);
        return {
          keyResult: kr,
          score: s,
          colour: s === undefined ? undefined : o.kind === 'committed' ? verdictColour('committed', s) : gradeColour(s),
        };
      }),
    };
  });
}

/** "0.7 · on target", "0.6 · missed (committed, expected 1.0)". */
export function gradeText(kind: Objective['kind'], score: number): string {
  const verdict = gradeVerdict(kind, score);
  const expected = kind === 'committed' ? ' (committed: expected 1.0)' : ' (aspirational: expected about 0.7)';
  return `${scoreText(score)} · ${GRADE_VERDICT_LABELS[verdict]}${verdict === 'met' || verdict === 'on-target' ? '' : expected}`;
}
