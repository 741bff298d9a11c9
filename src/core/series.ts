// Progress over time: a key result's series (its start on the first day of the
// period, then each check-in), the pace line, the projection at the rate so far,
// an objective's series (the mean of its key results'), and confidence over time.
// Pure: `today` is always passed in. Charts, the dashboard and `okr report` read
// these, so every view draws the same numbers.

import type { IsoDate, KeyResult, Objective, OkrFile, Period } from './model';
import { clamp01, daysBetween, effectiveCurrent, objectivePeriod } from './progress';

export type SeriesPointKind = 'start' | 'check-in' | 'current';

export interface SeriesPoint {
  date: IsoDate;
  /** In the key result's unit; undefined for an objective's (mean) points. */
  value?: number;
  /** Raw progress, (value - start) / (target - start): below 0 or above 1 when the numbers are. */
  progress: number;
  kind: SeriesPointKind;
  confidence?: number;
  note?: string;
}

export interface ConfidencePoint {
  date: IsoDate;
  confidence: number;
  note?: string;
}

export interface Projection {
  /** The last day of the period. */
  date: IsoDate;
  /** Raw progress reached on that day at the rate so far. */
  progress: number;
  /** In the key result's unit (undefined for an objective). */
  value?: number;
}

export interface KeyResultSeries {
  period?: Period;
  /** The value progress is measured from (`start`, else 0). */
  start: number;
  target?: number;
  unit?: string;
  /** By date; the file's order breaks ties (the later entry is the later point). Only points up to `today`. */
  points: SeriesPoint[];
  /** Expected progress: 0 on the first day of the period, 1 on the last. */
  pace?: { from: { date: IsoDate; progress: 0 }; to: { date: IsoDate; progress: 1 } };
  projection?: Projection;
  confidence: ConfidencePoint[];
}

export interface ObjectiveSeries {
  period?: Period;
  points: SeriesPoint[];
  pace?: KeyResultSeries['pace'];
  projection?: Projection;
  /** The series of each active key result with numbers, in file order. */
  keyResults: { keyResult: KeyResult; series: KeyResultSeries }[];
}

function progressOf(value: number, start: number, target: number | undefined): number | undefined {
  if (target === undefined || target === start || !Number.isFinite(value)) return undefined;
  return (value - start) / (target - start);
}

/** Dated check-ins up to `today`, by date, the file's order breaking ties. */
function datedCheckIns(kr: KeyResult, today: IsoDate) {
  return kr.checkIns
    .map((c, index) => ({ c, index }))
    .filter((x): x is { c: typeof x.c & { date: IsoDate }; index: number } => x.c.date !== undefined && x.c.date <= today)
    .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.index - b.index))
    .map((x) => x.c);
}

/**
 * The projection at the rate so far: the line from the start of the period through
 * the latest point, carried on to the period's last day. None before a day has
 * passed, and none after the period (the latest point is then the result).
 */
export function projectAtRateSoFar(period: Period, latest: { date: IsoDate; progress: number }, today: IsoDate): Projection | undefined {
  const elapsed = daysBetween(period.start, latest.date);
  if (elapsed <= 0 || today > period.end) return undefined;
  const total = daysBetween(period.start, period.end);
  if (total <= 0) return undefined;
  return { date: period.end, progress: (latest.progress * total) / elapsed };
}

/**
 * A key result's series as of `today`: the start value on the period's first day,
 * each dated check-in with a value, and `current` on `today` for a key result
 * that keeps no history (no check-in has a value): the latest check-in wins over
 * `current:`, which the rule current-disagrees keeps in step.
 */
export function keyResultSeries(file: OkrFile, objective: Objective, kr: KeyResult, today: IsoDate): KeyResultSeries {
  const period = objectivePeriod(file, objective);
  const start = kr.start ?? 0;
  const target = kr.target;
  const points: SeriesPoint[] = [];
  const checkIns = datedCheckIns(kr, today);
  const hasNumbers = progressOf(start, start, target) !== undefined;
  if (hasNumbers && period && period.start <= today) points.push({ date: period.start, value: start, progress: 0, kind: 'start' });
  if (hasNumbers) {
    for (const c of checkIns) {
      if (c.value === undefined) continue;
      const progress = progressOf(c.value, start, target);
      if (progress === undefined) continue;
      // A check-in on the first day replaces the start point: it is what was measured.
      if (points.length === 1 && points[0].kind === 'start' && c.date === points[0].date) points.pop();
      points.push({ date: c.date, value: c.value, progress, kind: 'check-in', confidence: c.confidence, note: c.note });
    }
    const current = effectiveCurrent(kr);
    const last = points[points.length - 1];
    const keepsHistory = kr.checkIns.some((c) => c.date !== undefined && c.value !== undefined);
    if (kr.current !== undefined && current !== undefined && !keepsHistory && (!last || last.kind === 'start' || last.value !== current)) {
      const date = period && today > period.end ? period.end : today;
      const progress = progressOf(current, start, target);
      if (progress !== undefined && (!last || last.date <= date) && (!period || date >= period.start)) {
        if (last?.date === date && last.kind === 'start') points.pop();
        points.push({ date, value: current, progress, kind: 'current' });
      }
    }
  }
  const confidence: ConfidencePoint[] = checkIns
    .filter((c) => c.confidence !== undefined && Number.isFinite(c.confidence))
    .map((c) => ({ date: c.date, confidence: c.confidence!, note: c.note }));
  if (confidence.length === 0 && kr.confidence !== undefined && Number.isFinite(kr.confidence)) {
    confidence.push({ date: period && today > period.end ? period.end : today, confidence: kr.confidence });
  }
  const series: KeyResultSeries = { period, start, target, unit: kr.unit, points, confidence };
  if (period) {
    series.pace = { from: { date: period.start, progress: 0 }, to: { date: period.end, progress: 1 } };
    const latest = points[points.length - 1];
    if (latest) {
      const projection = projectAtRateSoFar(period, latest, today);
      if (projection && target !== undefined) projection.value = start + projection.progress * (target - start);
      series.projection = projection;
    }
  }
  return series;
}

/** The latest point at or before `date`, or undefined. */
function pointAt(points: readonly SeriesPoint[], date: IsoDate): SeriesPoint | undefined {
  let found: SeriesPoint | undefined;
  for (const p of points) {
    if (p.date > date) break;
    found = p;
  }
  return found;
}

/**
 * An objective's series: on every date one of its active key results has a point,
 * the mean of their (clamped) progress as last known on that date, the same mean
 * as `objectiveProgress`. Key results without numbers, or never measured (no check-in with a
 * value, no `current:`), are left out.
 */
export function objectiveSeries(file: OkrFile, objective: Objective, today: IsoDate): ObjectiveSeries {
  const period = objectivePeriod(file, objective);
  const keyResults = objective.keyResults
    .filter((kr) => kr.status === 'active')
    .map((kr) => ({ keyResult: kr, series: keyResultSeries(file, objective, kr, today) }))
    // A key result never measured (only its start point) is left out, as objectiveProgress leaves it out:
    // counted at 0% it would pull the line and the projection below the objective's progress.
    .filter((x) => x.series.points.some((p) => p.kind !== 'start'));
  const dates = [...new Set(keyResults.flatMap((x) => x.series.points.map((p) => p.date)))].sort();
  const points: SeriesPoint[] = [];
  for (const date of dates) {
    const known = keyResults.map((x) => pointAt(x.series.points, date)).filter((p): p is SeriesPoint => p !== undefined);
    if (known.length === 0) continue;
    const progress = known.reduce((sum, p) => sum + clamp01(p.progress), 0) / known.length;
    const kind: SeriesPointKind = known.every((p) => p.kind === 'start')
      ? 'start'
      : known.some((p) => p.date === date && p.kind === 'current')
        ? 'current'
        : 'check-in';
    points.push({ date, progress, kind });
  }
  const out: ObjectiveSeries = { period, points, keyResults };
  if (period) {
    out.pace = { from: { date: period.start, progress: 0 }, to: { date: period.end, progress: 1 } };
    const latest = points[points.length - 1];
    if (latest) out.projection = projectAtRateSoFar(period, latest, today);
  }
  return out;
}
