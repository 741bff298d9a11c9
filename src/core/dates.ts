// Calendar days as OKR files write them (YYYY-MM-DD), and quarters (2026-Q4). Days are
// counted in UTC so a day is always 24 hours; "today" is the user's own calendar day.

import type { IsoDate, Period } from './model';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/i;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Is this the date of a real calendar day? (`2026-02-30` is not.) */
export function isValidDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `2026-Q4` -> its first and last day. */
export function quarterPeriod(label: string): Period | undefined {
  const m = QUARTER_PATTERN.exec(label.trim());
  if (!m) return undefined;
  const year = m[1];
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), endMonth, 0)).getUTCDate();
  return { label: label.trim(), start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The quarter a date falls in, as a `period:` label: `2026-11-28` -> `2026-Q4`. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.min(4, Math.max(1, Math.ceil(month / 3)))}`;
}

function dayNumber(d: IsoDate): number {
  return Math.floor(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The day `days` after `date` (before it, for a negative count). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar day of `now` (not UTC's: a team in Sydney checks in on its own Monday). */
export function localDate(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
