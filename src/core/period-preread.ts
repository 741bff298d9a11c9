// A cheap first look at an OKR file's `period:`, before the YAML parse: the history
// scan's window comes from the periods, and a cold parse costs more than starting
// `git log`, so the scan can start from this guess while the file is parsed. It is
// only a guess: the caller checks it against the parse and scans again when they
// differ. It says "unknown" whenever the text is anything but the plain forms.

import { isValidDate, quarterPeriod } from './dates';

/** Not read: the parse must decide. */
export const UNKNOWN_PERIOD = Symbol('unknown period');

/**
 * The first day of the file's period as the parse would give it (`null`: the file
 * has no period), or UNKNOWN_PERIOD when the text is not one of the plain forms:
 * one top-level line `period: 2026-Q4` or `period: { start: YYYY-MM-DD, end: YYYY-MM-DD }`
 * (values bare or quoted, a trailing comment allowed).
 */
export function prereadPeriodStart(text: string): string | null | typeof UNKNOWN_PERIOD {
  if (!/period/i.test(text)) return null;
  // A second document, a tab, a lone carriage return or an escape: leave it to the parser.
  if (/^(---|\.\.\.)/m.test(text.slice(text.indexOf('\n') + 1)) || text.startsWith('...')) return UNKNOWN_PERIOD;
  if (/[\\\t]/.test(text) || /\r(?!\n)/.test(text)) return UNKNOWN_PERIOD;
  // Every line that could be the top-level key, in any spelling; exactly one, in the plain spelling.
  const candidates = text.match(/^[ ?"'{[]*period\b.*$/gim) ?? [];
  if (candidates.length !== 1) return UNKNOWN_PERIOD;
  const m = /^period:[ ]+(.*?)[ ]*(?:[ ]#.*)?\r?$/.exec(candidates[0]);
  if (!m) return UNKNOWN_PERIOD;
  const value = m[1];
  const quarter = /^(["']?)(\d{4}-Q[1-4])\1$/.exec(value);
  if (quarter) return quarterPeriod(quarter[2])!.start;
  const range = /^\{[ ]*start:[ ]+(["']?)(\d{4}-\d{2}-\d{2})\1[ ]*,[ ]*end:[ ]+(["']?)(\d{4}-\d{2}-\d{2})\3[ ]*\}$/.exec(value);
  if (range && isValidDate(range[2]) && isValidDate(range[4]) && range[4] >= range[2]) return range[2];
  return UNKNOWN_PERIOD;
}
