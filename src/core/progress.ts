// Progress, pace and health. One definition for the tree, the CLI's `list` and the
// rules that judge results (sandbagging, committed-missed).

import type { IsoDate, KeyResult, Objective, OkrFile, Period } from './model';
import { daysBetween } from './dates';

export { daysBetween } from './dates';

export type Health = 'on-track' | 'at-risk' | 'off-track' | 'done' | 'dropped' | 'not-started' | 'unknown';

export const HEALTH_LABELS: Record<Health, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  done: 'done',
  dropped: 'dropped',
  'not-started': 'not started',
  unknown: 'no data',
};

/** The check-in with the latest date (the file's order breaks ties: later wins). */
export function latestCheckIn(kr: KeyResult) {
  let best: KeyResult['checkIns'][number] | undefined;
  for (const c of kr.checkIns) {
    if (!c.date) continue;
    if (!best || (best.date ?? '') <= c.date) best = c;
  }
  return best;
}

/** The latest dated check-in that has `field` (the file's order breaks ties: later wins). */
export function latestCheckInWith(kr: KeyResult, field: 'value' | 'confidence') {
  let best: KeyResult['checkIns'][number] | undefined;
  for (const c of kr.checkIns) {
    if (!c.date || c[field] === undefined) continue;
    if (!best || (best.date ?? '') <= c.date) best = c;
  }
  return best;
}

/** The latest check-in's value; `current:` only when no check-in has one (a team that keeps no history). */
export function effectiveCurrent(kr: KeyResult): number | undefined {
  return latestCheckInWith(kr, 'value')?.value ?? kr.current;
}

/** The latest confidence: the latest check-in's, else the KR's own. */
export function effectiveConfidence(kr: KeyResult): number | undefined {
  return latestCheckInWith(kr, 'confidence')?.confidence ?? kr.confidence;
}

/**
 * Raw progress (current - start) / (target - start): may be below 0 or above 1.
 * Undefined when a number is missing or the target asks for no change.
 * With no `start`, a KR is measured from 0.
 */
export function rawProgress(kr: KeyResult): number | undefined {
  const current = effectiveCurrent(kr);
  if (kr.target === undefined || current === undefined) return undefined;
  const start = kr.start ?? 0;
  if (kr.target === start) return undefined;
  return (current - start) / (kr.target - start);
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/** Progress for display, in [0, 1]. */
export function krProgress(kr: KeyResult): number | undefined {
  const raw = rawProgress(kr);
  return raw === undefined ? undefined : clamp01(raw);
}

/** Mean of the active KRs' (clamped) progress; KRs without numbers are left out. */
export function objectiveProgress(o: Objective): number | undefined {
  const values = o.keyResults
    .filter((kr) => kr.status === 'active')
    .map(krProgress)
    .filter((p): p is number => p !== undefined);
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The period an objective runs in: the file's, ending early at the objective's `due`. */
export function objectivePeriod(file: OkrFile, o: Objective): Period | undefined {
  if (!file.period) return undefined;
  if (o.due && o.due < file.period.end && o.due >= file.period.start) return { ...file.period, end: o.due };
  return file.period;
}

/** Share of the period elapsed on `today`, in [0, 1]; counts today as elapsed. */
export function pace(period: Period, today: IsoDate): number {
  const total = daysBetween(period.start, period.end) + 1;
  const done = daysBetween(period.start, today) + 1;
  return clamp01(done / total);
}

export type PeriodPhase = 'before' | 'during' | 'after';

export function periodPhase(period: Period, today: IsoDate): PeriodPhase {
  if (today < period.start) return 'before';
  if (today > period.end) return 'after';
  return 'during';
}

export interface Assessment {
  health: Health;
  /** Clamped progress, when known. */
  progress?: number;
  /** Expected progress by now (share of the period elapsed), when the period is known. */
  expected?: number;
  /** progress - expected: negative means behind pace. */
  paceGap?: number;
  confidence?: number;
}

/** Health from pace and confidence: each says green/yellow/red, the worse one wins. */
function combine(progress: number | undefined, expected: number | undefined, confidence: number | undefined): Health {
  const colours: Health[] = [];
  if (progress !== undefined && expected !== undefined && expected > 0) {
    const gap = progress - expected;
    colours.push(gap >= -0.1 ? 'on-track' : gap >= -0.25 ? 'at-risk' : 'off-track');
  }
  if (confidence !== undefined) {
    // Google's grading: 0.7 and up green, 0.4 to 0.6 yellow, below that red.
    colours.push(confidence >= 0.7 ? 'on-track' : confidence >= 0.4 ? 'at-risk' : 'off-track');
  }
  if (colours.length === 0) return progress === undefined ? 'unknown' : 'on-track';
  const order: Health[] = ['on-track', 'at-risk', 'off-track'];
  return colours.reduce<Health>((worst, c) => (order.indexOf(c) > order.indexOf(worst) ? c : worst), 'on-track');
}

export function assessKeyResult(file: OkrFile, o: Objective, kr: KeyResult, today: IsoDate): Assessment {
  const progress = krProgress(kr);
  const confidence = effectiveConfidence(kr);
  if (o.status === 'dropped' || kr.status === 'dropped') return { health: 'dropped', progress, confidence };
  if (kr.status === 'done' || o.status === 'done') return { health: 'done', progress, confidence };
  const period = objectivePeriod(file, o);
  const expected = period ? pace(period, today) : undefined;
  if (period && periodPhase(period, today) === 'before') return { health: 'not-started', progress, expected: 0, confidence };
  // No current value and no check-in with one: nothing is measured yet, so no health
  // (a confidence guessed at planning time is not a measurement). Neutral, never red.
  if (effectiveCurrent(kr) === undefined) return { health: 'unknown', expected, confidence };
  const paceGap = progress !== undefined && expected !== undefined ? progress - expected : undefined;
  return { health: combine(progress, expected, confidence), progress, expected, paceGap, confidence };
}

export function assessObjective(file: OkrFile, o: Objective, today: IsoDate): Assessment {
  const progress = objectiveProgress(o);
  if (o.status === 'dropped') return { health: 'dropped', progress };
  if (o.status === 'done') return { health: 'done', progress };
  const period = objectivePeriod(file, o);
  const expected = period ? pace(period, today) : undefined;
  if (period && periodPhase(period, today) === 'before') return { health: 'not-started', progress, expected: 0 };
  const krs = o.keyResults.filter((kr) => kr.status === 'active').map((kr) => assessKeyResult(file, o, kr, today));
  const order: Health[] = ['unknown', 'on-track', 'at-risk', 'off-track'];
  // An objective is as healthy as its least healthy active KR.
  let health: Health = 'unknown';
  for (const a of krs) if (order.indexOf(a.health) > order.indexOf(health)) health = a.health;
  if (health === 'unknown' && progress !== undefined) health = combine(progress, expected, undefined);
  const paceGap = progress !== undefined && expected !== undefined ? progress - expected : undefined;
  return { health, progress, expected, paceGap };
}

/** `0.6` -> `60%`. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
