// What Close Period and Start Next Period say and read, independent of VS Code: the
// label of an OKR file in the pickers, the retro answers, the grades summary and the
// new period's label. Pure: unit-tested in test/extension-unit/period-wording.test.ts.

import { GRADE_VERDICT_LABELS, scoreText } from '../../core/grade';
import type { OkrFile, Period } from '../../core/model';
import type { ClosePlan } from '../../core/period-close';
import { periodFolderName } from '../../core/period-next';

/** "Platform · 2026-Q4": the team and the period, as far as the file says them. */
export function teamAndPeriod(file: OkrFile): string {
  return [file.team, file.period?.label].filter(Boolean).join(' · ');
}

/** One retro answer as its items: several are separated with ";", an empty answer is none. */
export function retroItems(answer: string): string[] {
  return answer.trim() === '' ? [] : answer.split(/\s*;\s*/).filter((s) => s !== '');
}

/** "O1 0.67 on track, O2 0.3 missed": each graded objective that was not dropped. */
export function gradesSummary(grades: ClosePlan['grades']): string {
  return grades
    .filter((g) => g.score !== undefined && g.objective.status !== 'dropped')
    .map((g) => `${g.objective.id ?? '?'} ${scoreText(g.score!)} ${GRADE_VERDICT_LABELS[g.verdict!]}`)
    .join(', ');
}

const QUARTER_LABEL = /^\d{4}-Q[1-4]$/i;

/** The quarter label typed for the new period, or undefined when it is not one (then the proposal's dates are meant). */
export function quarterLabel(typed: string): string | undefined {
  return QUARTER_LABEL.test(typed.trim()) ? typed.trim() : undefined;
}

/**
 * What is wrong with the new period's label as typed: a quarter is always right; so is the
 * proposal itself when the next period has no label (its folder name, start_end).
 */
export function periodLabelProblem(typed: string, next: Period): string | undefined {
  return quarterLabel(typed) !== undefined || (next.label === undefined && typed.trim() === periodFolderName(next))
    ? undefined
    : 'A quarter such as 2027-Q1';
}
