// Leading indicators, as the guide asks ("track ... frequency of check-ins"): they
// move before the results do. Check-ins on time, late or missed against the file's
// cadence (per key result and per owner); the share of a period's commits that
// carry a key-result trailer (per repository); key results no commit links to;
// key results whose confidence fell two check-ins in a row. Pure.

import { checkInCadenceDays } from './cadence';
import type { CommitRecord } from './git/history';
import type { IsoDate, KeyResult, Objective, OkrFile, Period } from './model';
import { daysBetween, objectivePeriod } from './progress';
import { addDays } from './dates';

export interface CheckInCadence {
  /** Days between expected check-ins. */
  everyDays: number;
  /** Check-ins that came within `everyDays` of the previous one (or of the period's start). */
  onTime: number;
  /** Check-ins that came after their due date. */
  late: number;
  /** Due dates that passed with no check-in at all (including those overdue now). */
  missed: number;
  /** The next check-in's due date, while the period runs. */
  nextDue?: IsoDate;
  /** True when `nextDue` has passed. */
  overdue: boolean;
}

/** The number of due dates `last + k * every` (k >= 1) strictly before `date`. */
function dueDatesBefore(last: IsoDate, date: IsoDate, every: number): number {
  const gap = daysBetween(last, date);
  return gap <= 0 ? 0 : Math.ceil(gap / every) - 1;
}

/**
 * Check-ins against the cadence, from the period's first day to `today` (or the
 * period's end). Each check-in is due `everyDays` after the previous one; one that
 * comes later is late, and every further due date it skipped was missed. Several
 * check-ins on one day count once; check-ins before the period or after `today`
 * are not counted. Undefined without a period or before it starts.
 */
export function checkInCadence(period: Period | undefined, kr: KeyResult, everyDays: number, today: IsoDate): CheckInCadence | undefined {
  if (!period || today < period.start || everyDays <= 0) return undefined;
  const asOf = today > period.end ? period.end : today;
  const days = [
    ...new Set(kr.checkIns.map((c) => c.date).filter((d): d is IsoDate => d !== undefined && d >= period.start && d <= asOf)),
  ].sort();
  const out: CheckInCadence = { everyDays, onTime: 0, late: 0, missed: 0, overdue: false };
  let last = period.start;
  for (const day of days) {
    const skipped = dueDatesBefore(last, day, everyDays);
    if (skipped === 0) out.onTime++;
    else {
      out.late++;
      out.missed += skipped - 1;
    }
    last = day;
  }
  // Due dates since the last check-in that have passed (a due date of today has not).
  out.missed += dueDatesBefore(last, asOf, everyDays);
  const nextDue = addDays(last, everyDays);
  if (today <= period.end) {
    out.nextDue = nextDue;
    out.overdue = nextDue < today;
  }
  return out;
}

export interface KeyResultRef {
  file: OkrFile;
  objective: Objective;
  keyResult: KeyResult;
}

/** The active key results of active objectives: the ones still expected to move. */
export function activeKeyResults(files: readonly OkrFile[]): KeyResultRef[] {
  const out: KeyResultRef[] = [];
  for (const file of files)
    for (const objective of file.objectives) {
      if (objective.status !== 'active') continue;
      for (const keyResult of objective.keyResults) if (keyResult.status === 'active') out.push({ file, objective, keyResult });
    }
  return out;
}

/** Who answers for a key result: its owner, else its objective's, else nobody. */
export function ownerOf(ref: KeyResultRef): string | undefined {
  return ref.keyResult.owner?.trim() || ref.objective.owner?.trim() || undefined;
}

export interface CadenceTally {
  onTime: number;
  late: number;
  missed: number;
  overdue: number;
}

export interface OwnerCadence extends CadenceTally {
  /** undefined: key results nobody owns. */
  owner?: string;
  keyResults: number;
}

/** Per owner, the sums of their key results' cadences; owners by name, nobody last. */
export function cadenceByOwner(refs: readonly KeyResultRef[], today: IsoDate): OwnerCadence[] {
  const byOwner = new Map<string | undefined, OwnerCadence>();
  for (const ref of refs) {
    const c = checkInCadence(objectivePeriod(ref.file, ref.objective), ref.keyResult, checkInCadenceDays(ref.file), today);
    if (!c) continue;
    const owner = ownerOf(ref);
    const row = byOwner.get(owner) ?? { owner, keyResults: 0, onTime: 0, late: 0, missed: 0, overdue: 0 };
    row.keyResults++;
    row.onTime += c.onTime;
    row.late += c.late;
    row.missed += c.missed;
    if (c.overdue) row.overdue++;
    byOwner.set(owner, row);
  }
  return [...byOwner.values()].sort((a, b) => (a.owner === undefined ? 1 : b.owner === undefined ? -1 : a.owner.localeCompare(b.owner)));
}

export interface TrailerShare {
  /** Commits in the window, merges left out (they rarely carry their own trailers). */
  commits: number;
  /** Of those, the ones with at least one key-result trailer. */
  tagged: number;
  /** tagged / commits; undefined with no commits. */
  share?: number;
}

/** The author's calendar day of a commit (its own offset, as `git log` gives it). */
export function commitDay(c: CommitRecord): IsoDate {
  return c.date.slice(0, 10);
}

/** The share of the commits authored from `from` to `to` (inclusive days) that carry a key-result trailer. */
export function trailerShare(commits: readonly CommitRecord[], from: IsoDate, to: IsoDate): TrailerShare {
  let total = 0;
  let tagged = 0;
  for (const c of commits) {
    if (c.parents.length > 1) continue;
    const day = commitDay(c);
    if (day < from || day > to) continue;
    total++;
    if (c.keyResults.length > 0) tagged++;
  }
  return { commits: total, tagged, share: total === 0 ? undefined : tagged / total };
}

/** Key results whose confidence fell at each of their last two check-ins (three falling values). */
export function confidenceFalling(kr: KeyResult, today: IsoDate): boolean {
  const values = kr.checkIns
    .map((c, index) => ({ c, index }))
    .filter((x) => x.c.date !== undefined && x.c.date <= today && x.c.confidence !== undefined && Number.isFinite(x.c.confidence))
    .sort((a, b) => (a.c.date! < b.c.date! ? -1 : a.c.date! > b.c.date! ? 1 : a.index - b.index))
    .map((x) => x.c.confidence!);
  if (values.length < 3) return false;
  const [a, b, c] = values.slice(-3);
  return b < a && c < b;
}

/** Linked commits of one key result. */
export interface LinkedWork {
  count: number;
  /** ISO 8601 date of the newest linked commit. */
  lastDate?: string;
  /** Commits per week of the period: `weeks[i]` counts days `period.start + 7i` to `+ 7i + 6`. */
  weeks: number[];
}

/** The number of 7-day weeks a period spans (the last one may be short). */
export function weekCount(period: Period): number {
  return Math.max(1, Math.ceil((daysBetween(period.start, period.end) + 1) / 7));
}

/**
 * Commits per key result, keyed by the lower-cased id their trailers name (`resolve`
 * maps a trailer's value to a known id, or undefined); each commit counts once per
 * key result. With a period, only
 * the period's commits count and they are also split by week.
 */
export function linkedWorkById(
  commits: readonly CommitRecord[],
  resolve: (trailerValue: string) => string | undefined,
  period?: Period,
): Map<string, LinkedWork> {
  const out = new Map<string, LinkedWork>();
  const weeks = period ? weekCount(period) : 0;
  for (const c of commits) {
    const day = commitDay(c);
    if (period && (day < period.start || day > period.end)) continue;
    const seen = new Set<string>();
    for (const value of c.keyResults) {
      const id = resolve(value)?.toLowerCase();
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      let w = out.get(id);
      if (!w) {
        w = { count: 0, weeks: new Array<number>(weeks).fill(0) };
        out.set(id, w);
      }
      w.count++;
      if (!w.lastDate || Date.parse(c.date) > Date.parse(w.lastDate)) w.lastDate = c.date;
      if (period) w.weeks[Math.min(weeks - 1, Math.floor(daysBetween(period.start, day) / 7))]++;
    }
  }
  return out;
}

/**
 * Whether code is expected to link to a file's key results: some commit names one
 * of them. A company file, or a team's that works outside this repository, has none,
 * and "no linked work" would be noise on each of its key results.
 */
export function fileIsLinked(file: OkrFile, linked: ReadonlyMap<string, LinkedWork>): boolean {
  for (const o of file.objectives) for (const kr of o.keyResults) if (kr.id && linked.has(kr.id.toLowerCase())) return true;
  return false;
}
