// The columns of a report's key-result table, as plain text: each format escapes
// them its own way. A new column (a grade at the end of the quarter) is one entry.

import { formatNumber, formatQuantity, paceText } from '../wording';
import { HEALTH_LABELS, percent } from '../progress';
import type { ReportData, ReportIndicators, ReportKeyResult } from './data';

export interface KeyResultColumn {
  header: string;
  cell(kr: ReportKeyResult, report: ReportData): string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Left out of reports it says nothing in (commits when no repository was read). */
  shown?(report: ReportData): boolean;
}

/** A small table of plain-text cells; each format escapes and lays it out its own way. */
export interface PlainTable {
  headers: string[];
  rows: string[][];
  /** Per column: right-aligned numbers. */
  numeric: boolean[];
}

/** Check-ins against the cadence, one row per owner. */
export function checkInTable(ind: ReportIndicators): PlainTable {
  return {
    headers: ['Owner', 'Key results', 'On time', 'Late', 'Missed', 'Overdue now'],
    rows: ind.checkIns.map((r) => [
      r.owner ?? '(no owner)',
      String(r.keyResults),
      String(r.onTime),
      String(r.late),
      String(r.missed),
      String(r.overdue),
    ]),
    numeric: [false, true, true, true, true, true],
  };
}

/** Commits carrying a key-result trailer, one row per repository. */
export function trailerTable(ind: ReportIndicators): PlainTable {
  return {
    headers: ['Repository', 'Commits', 'With a trailer', 'Share'],
    rows: ind.trailers.map((t) => [t.repository, String(t.commits), String(t.tagged), t.share === null ? '' : percent(t.share)]),
    numeric: [false, true, true, true],
  };
}

/** The columns a report shows. */
export function columnsFor(report: ReportData): KeyResultColumn[] {
  return KEY_RESULT_COLUMNS.filter((c) => !c.shown || c.shown(report));
}

/** "20/30 deploys", "?/30". */
export function amountOf(kr: ReportKeyResult): string {
  if (kr.current === null && kr.target === null) return '';
  const current = kr.current === null ? '?' : formatNumber(kr.current);
  return kr.target === null
    ? formatQuantity(kr.current!, kr.unit ?? undefined)
    : `${current}/${formatQuantity(kr.target, kr.unit ?? undefined)}`;
}

export function keyResultName(kr: { id: string | null; title: string | null }): string {
  return [kr.id, kr.title].filter((x) => x !== null && x !== '').join(' ') || '(no id)';
}

export const KEY_RESULT_COLUMNS: KeyResultColumn[] = [
  { header: 'Key result', cell: (kr) => keyResultName(kr) },
  { header: 'Owner', cell: (kr) => kr.owner ?? '' },
  {
    header: 'Progress',
    numeric: true,
    cell: (kr) => {
      const amount = amountOf(kr);
      if (kr.progress === null) return amount;
      return amount ? `${percent(kr.progress)} (${amount})` : percent(kr.progress);
    },
  },
  { header: 'Health', cell: (kr) => HEALTH_LABELS[kr.health] },
  {
    header: 'Pace',
    cell: (kr) => {
      if (kr.expected === null) return '';
      const gap = paceText(kr.paceGap ?? undefined);
      return gap ?? (kr.paceGap === null ? `expected ${percent(kr.expected)}` : 'on pace');
    },
  },
  {
    header: 'At this rate',
    numeric: true,
    cell: (kr) => (kr.projection ? `${percent(kr.projection.progress)} by ${kr.projection.date}` : ''),
  },
  { header: 'Confidence', numeric: true, cell: (kr) => (kr.confidence === null ? '' : percent(kr.confidence)) },
  {
    header: 'Last check-in',
    cell: (kr) => {
      const c = kr.lastCheckIn;
      if (!c) return 'none';
      return c.note ? `${c.date}: ${c.note}` : c.date;
    },
  },
  {
    header: 'Check-ins (on time/late/missed)',
    cell: (kr) =>
      kr.cadence ? `${kr.cadence.onTime}/${kr.cadence.late}/${kr.cadence.missed}${kr.cadence.overdue ? ', overdue' : ''}` : '',
  },
  {
    header: 'Linked commits',
    numeric: true,
    shown: (report) => report.repositories !== null,
    cell: (kr) => (kr.linkedCommits === null ? '' : String(kr.linkedCommits)),
  },
];
