// Check-in cadence and what is due. A file sets how often its key results get a
// check-in (`check_in_every:`, 14 days by default); a key result is due when its
// latest check-in (or the period's start) is that old, the period is running and
// the key result and its objective are active. `stale-check-in` warns from the day
// after: "due" is the reminder, "stale" is late.

import type { IsoDate, KeyResult, Objective, OkrFile, Period } from './model';
import { daysBetween, latestCheckIn, objectivePeriod, periodPhase } from './progress';
import { addDays } from './dates';

/** The cadence when a file sets none: the guide's "weekly or fortnightly", the slower one. */
export const DEFAULT_CHECK_IN_DAYS = 14;

/** Days between check-ins for a file. */
export function cadenceDays(file: OkrFile): number {
  return file.checkInEvery ?? DEFAULT_CHECK_IN_DAYS;
}

/** The cadence in words, for messages: "every 14 days", "weekly". */
export function cadenceWords(days: number): string {
  if (days === 7) return 'weekly';
  if (days === 14) return 'fortnightly';
  if (days === 30) return 'monthly';
  return days === 1 ? 'daily' : `every ${days} days`;
}

export interface CheckInAge {
  /** The day the count starts from: the latest check-in in the period, else the period's start. */
  since: IsoDate;
  /** True when `since` is a check-in's date (false: the period's start). */
  checkedIn: boolean;
  /** Whole days from `since` to today. */
  age: number;
  period: Period;
}

/**
 * How long an active key result of a running period has gone without a check-in;
 * undefined when it needs none (done or dropped, its objective not active, the
 * period not running, no period).
 */
export function checkInAge(file: OkrFile, o: Objective, kr: KeyResult, today: IsoDate): CheckInAge | undefined {
  // A closed file (`okr close`) is a record of the period: nothing is left to check in.
  if (file.closed !== undefined || o.status !== 'active' || kr.status !== 'active') return undefined;
  const period = objectivePeriod(file, o);
  if (!period || periodPhase(period, today) !== 'during') return undefined;
  const latest = latestCheckIn(kr);
  // A check-in from before the period (a planning baseline) does not make the period's first weeks late.
  const checkedIn = latest?.date !== undefined && latest.date > period.start;
  const since = checkedIn ? latest.date! : period.start;
  return { since, checkedIn, age: daysBetween(since, today), period };
}

export interface DueKeyResult {
  objective: Objective;
  keyResult: KeyResult;
  /** The cadence that applies, in days. */
  cadence: number;
  /** Days since the latest check-in (or the period's start). */
  age: number;
  /** Days past the day the check-in was due: 0 means due today. */
  daysLate: number;
  /** The latest check-in's date, when there is one in the period. */
  lastCheckIn?: IsoDate;
  /** The day the check-in was due. */
  dueOn: IsoDate;
}

/** Whether a key result is due for a check-in today, and how late it is. */
export function dueCheckIn(file: OkrFile, o: Objective, kr: KeyResult, today: IsoDate): DueKeyResult | undefined {
  const age = checkInAge(file, o, kr, today);
  if (!age) return undefined;
  const cadence = cadenceDays(file);
  if (age.age < cadence) return undefined;
  return {
    objective: o,
    keyResult: kr,
    cadence,
    age: age.age,
    daysLate: age.age - cadence,
    ...(age.checkedIn ? { lastCheckIn: age.since } : {}),
    dueOn: addDays(age.since, cadence),
  };
}

/** The key results of a file due for a check-in, the latest first (then in file order). */
export function dueKeyResults(file: OkrFile, today: IsoDate): DueKeyResult[] {
  const out: DueKeyResult[] = [];
  for (const o of file.objectives) {
    for (const kr of o.keyResults) {
      const due = dueCheckIn(file, o, kr, today);
      if (due) out.push(due);
    }
  }
  return out.sort((a, b) => b.daysLate - a.daysLate);
}

/** "due today", "1 day late", "9 days late". */
export function lateness(daysLate: number): string {
  if (daysLate <= 0) return 'due today';
  return daysLate === 1 ? '1 day late' : `${daysLate} days late`;
}
