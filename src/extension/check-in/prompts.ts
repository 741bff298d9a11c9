// What the Check In quick input says, independent of VS Code: the value prompt (start,
// target, unit and the value the pace asks for today), the confidence choices with the
// colour words of Google's grading, and the order key results are offered in.
// Also the titles, the note prompt and the walk's summary.
// Pure: no vscode import, unit-tested in test/extension-unit/check-in-prompts.test.ts.

import { dueCheckIn } from '../../core/check-ins';
import type { KeyResult, Objective, OkrFile } from '../../core/model';
import { effectiveConfidence, effectiveCurrent, objectivePeriod, pace, periodPhase } from '../../core/progress';

/** The value the pace asks for today: start + (target - start) x the share of the period elapsed. */
export function paceValue(file: OkrFile, o: Objective, kr: KeyResult, today: string): number | undefined {
  const period = objectivePeriod(file, o);
  if (!period || kr.target === undefined || periodPhase(period, today) === 'before') return undefined;
  const start = kr.start ?? 0;
  const value = start + (kr.target - start) * pace(period, today);
  return Math.round(value * 100) / 100;
}

const unitOf = (kr: KeyResult) => (kr.unit && kr.unit.trim() !== '' ? (kr.unit === '%' ? '%' : ` ${kr.unit}`) : '');

/** "Start 12, target 3 incidents; the pace asks for 6.5 today. Latest: 7." */
export function valuePrompt(file: OkrFile, o: Objective, kr: KeyResult, today: string): string {
  const unit = unitOf(kr);
  const parts: string[] = [];
  if (kr.start !== undefined || kr.target !== undefined) {
    parts.push(`Start ${kr.start ?? 0}${unit}, target ${kr.target ?? '?'}${unit}`);
  }
  const asked = paceValue(file, o, kr, today);
  if (asked !== undefined) parts.push(`the pace asks for ${asked}${unit} today`);
  const current = effectiveCurrent(kr);
  const latest = current !== undefined ? `Latest: ${current}${unit}. ` : '';
  return `${parts.length ? `${parts.join('; ')}. ` : ''}${latest}The value on ${today}.`;
}

/** Google's grading: 0.7 to 1.0 is green, 0.4 to 0.6 yellow, 0.0 to 0.3 red. */
export function confidenceColour(c: number): 'green' | 'yellow' | 'red' {
  if (c >= 0.7) return 'green';
  if (c >= 0.4) return 'yellow';
  return 'red';
}

export interface ConfidenceChoice {
  value: number;
  label: string;
  description: string;
}

const MEANING = {
  green: 'on track: likely to reach the target',
  yellow: 'at risk: needs attention',
  red: 'off track: unlikely without a change',
} as const;

/** 1.0 down to 0.1, the colour word and what it means. */
export function confidenceChoices(): ConfidenceChoice[] {
  return Array.from({ length: 10 }, (_, i) => {
    const value = (10 - i) / 10;
    const colour = confidenceColour(value);
    return { value, label: value.toFixed(1), description: `${colour}: ${MEANING[colour]}` };
  });
}

/** The confidence to preselect: the latest one, rounded to a choice. */
export function defaultConfidence(kr: KeyResult): number | undefined {
  const c = effectiveConfidence(kr);
  if (c === undefined) return undefined;
  return Math.min(1, Math.max(0.1, Math.round(c * 10) / 10));
}

export interface CheckInCandidate {
  file: OkrFile;
  objective: Objective;
  keyResult: KeyResult;
}

/** Due key results first (the latest first), then the others in file order. */
export function orderForPicking<T extends CheckInCandidate>(candidates: readonly T[], today: string): { item: T; daysLate?: number }[] {
  const rows = candidates.map((item, index) => ({
    item,
    index,
    daysLate: dueCheckIn(item.file, item.objective, item.keyResult, today)?.daysLate,
  }));
  rows.sort((a, b) => {
    if ((a.daysLate === undefined) !== (b.daysLate === undefined)) return a.daysLate === undefined ? 1 : -1;
    if (a.daysLate !== undefined && b.daysLate !== undefined && a.daysLate !== b.daysLate) return b.daysLate - a.daysLate;
    return a.index - b.index;
  });
  return rows.map(({ item, daysLate }) => ({ item, ...(daysLate !== undefined ? { daysLate } : {}) }));
}

/** Where a key result stands in a walk through the due ones: "2 of 5". */
export interface WalkPosition {
  index: number;
  total: number;
}

/** The title of the three steps: "Check In (2 of 5): PLAT-KR1 Reduce P1 incidents". */
export function checkInTitle(id: string, title: string | undefined, walk?: WalkPosition): string {
  return `Check In${walk ? ` (${walk.index} of ${walk.total})` : ''}: ${id}${title ? ` ${title}` : ''}`;
}

/** The note step's prompt: it says where a prefilled note came from. */
export function notePrompt(prefilled: boolean): string {
  return prefilled
    ? 'A note: what happened since the last check-in, from the linked commits (edit it; Enter to finish)'
    : 'A note: what happened since the last check-in (optional; Enter to finish)';
}

/** The status bar message after a walk: "Checked in 2 key results, skipped 1". */
export function walkSummary(checkedIn: number, skipped: number): string {
  return `$(check) Checked in ${checkedIn} key result${checkedIn === 1 ? '' : 's'}${skipped ? `, skipped ${skipped}` : ''}`;
}
