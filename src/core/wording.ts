// Short human-readable texts about OKRs: progress, pace, confidence, quantities,
// periods and relative dates. One wording for the tree, hovers and the CLI, so
// "behind pace by 15%" means the same thing everywhere. Pure: no clock, no locale.

import type { InitiativeStatus, Period } from './model';
import { daysBetween, HEALTH_LABELS, percent, type Health } from './progress';

/** What separates the parts of a one-line summary. */
export const SEPARATOR = ' · ';

/** `1 file`, `2 files`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A pace gap this small (in either direction) is "on pace" and not worth a word. */
export const PACE_TOLERANCE = 0.05;

/**
 * `-0.15` -> "behind pace by 15%", `0.1` -> "ahead of pace by 10%";
 * undefined within ±5 points, or when the gap is unknown.
 */
export function paceText(paceGap: number | undefined): string | undefined {
  if (paceGap === undefined || !Number.isFinite(paceGap)) return undefined;
  const points = Math.round(paceGap * 100);
  if (Math.abs(points) <= Math.round(PACE_TOLERANCE * 100)) return undefined;
  return points < 0 ? `behind pace by ${-points}%` : `ahead of pace by ${points}%`;
}

/** `0.6` -> "60% confident". */
export function confidenceText(confidence: number | undefined): string | undefined {
  return confidence === undefined || !Number.isFinite(confidence) ? undefined : `${percent(confidence)} confident`;
}

/** A number as people write it: no float noise (`0.30000000000000004` -> "0.3"), no exponent for ordinary sizes. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(12));
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1e21) return rounded.toFixed(0);
  return String(rounded);
}

/** `7, "incidents"` -> "7 incidents"; `99.9, "%"` -> "99.9%"; no unit -> "7". */
export function formatQuantity(value: number, unit?: string): string {
  const n = formatNumber(value);
  const u = unit?.trim();
  if (!u) return n;
  return u === '%' ? `${n}%` : `${n} ${u}`;
}

/** "2026-Q4", or "2026-10-01 to 2026-12-31" for a period given by dates. */
export function periodText(period: Period | undefined): string | undefined {
  if (!period) return undefined;
  return period.label ?? `${period.start} to ${period.end}`;
}

/** "Platform · 2026-Q4"; either part may be missing; undefined when both are. */
export function teamPeriodText(team: string | undefined, period: Period | undefined): string | undefined {
  const parts = [oneLine(team ?? ''), periodText(period) ?? ''].filter((p) => p !== '');
  return parts.length ? parts.join(SEPARATOR) : undefined;
}

const INITIATIVE_STATUS_TEXT: Record<InitiativeStatus, string> = {
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

export function initiativeStatusText(status: InitiativeStatus): string {
  return INITIATIVE_STATUS_TEXT[status];
}

export interface SummaryParts {
  progress?: number;
  paceGap?: number;
  confidence?: number;
  owner?: string;
  health?: Health;
}

// Health words that progress and pace do not already say.
const HEALTH_IN_SUMMARY: ReadonlySet<Health> = new Set<Health>(['done', 'dropped', 'not-started', 'unknown']);

/**
 * "60% · behind pace by 15% · 60% confident · dana". Leaves out what is unknown;
 * adds the health when progress and pace cannot say it (done, dropped, not started, no data).
 */
export function progressSummary(parts: SummaryParts): string {
  const out: string[] = [];
  if (parts.progress !== undefined && Number.isFinite(parts.progress)) out.push(percent(parts.progress));
  if (parts.health && HEALTH_IN_SUMMARY.has(parts.health)) out.push(HEALTH_LABELS[parts.health]);
  const pace = paceText(parts.paceGap);
  if (pace) out.push(pace);
  const confidence = confidenceText(parts.confidence);
  if (confidence) out.push(confidence);
  const owner = oneLine(parts.owner ?? '');
  if (owner) out.push(owner);
  return out.join(SEPARATOR);
}

/**
 * How long ago `date` was, seen from `today` (both YYYY-MM-DD): "today",
 * "yesterday", "5d ago", "3w ago", "4mo ago", "2y ago"; "in 3d" for a future date.
 */
export function relativeDate(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (!Number.isFinite(days)) return date;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 0) return `in ${compactDays(-days)}`;
  return `${compactDays(days)} ago`;
}

function compactDays(days: number): string {
  if (days < 14) return `${days}d`;
  if (days < 60) return `${Math.floor(days / 7)}w`;
  if (days < 730) return `${Math.floor(days / 30)}mo`;
  return `${Math.floor(days / 365)}y`;
}

/** "3 commits · 2d ago", "1 commit · today", "no commits". `lastDate` may carry a time: only its date counts. */
export function linkedWorkText(count: number, lastDate: string | undefined, today: string): string {
  if (count <= 0) return 'no commits';
  const what = count === 1 ? '1 commit' : `${count} commits`;
  const day = lastDate?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${what}${SEPARATOR}${relativeDate(day, today)}` : what;
}

/** Collapses line breaks and runs of spaces, for labels that must fit on one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
