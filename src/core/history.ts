// What the rules that read history are given: the committed versions of the file
// being linted (parsed), and the grades of the same team's earlier periods, from
// files of the workspace or from those versions. Pure: git is read by
// core/git/okr-history.ts, the callers bring the texts.

import { gradeFile, isGraded } from './grade';
import type { IsoDate, OkrFile, Period } from './model';

/** One committed version of a file, parsed. */
export interface CommittedVersion {
  commit: string;
  /** YYYY-MM-DD of the commit (committer date). */
  date: IsoDate;
  file: OkrFile;
}

/** What history says about the file being linted; versions newest first. */
export interface FileHistory {
  versions: readonly CommittedVersion[];
  /**
   * How many of the first versions are of the period the history was read for (found
   * without parsing each: `file` of a version may be parsed only when read). Absent:
   * the rules tell the periods apart by reading each version.
   */
  current?: number;
}

const samePeriod = (a: Period | undefined, b: Period | undefined) => b !== undefined && a?.start === b.start && a.end === b.end;

/**
 * The versions of `file`'s own period, newest first, and the others. Uses the history's
 * `current` count when it was read for the period the file has now (an edit may have
 * changed it since), reading one version; else reads them all.
 */
export function splitByPeriod(file: OkrFile, history: FileHistory): { same: CommittedVersion[]; others: CommittedVersion[] } {
  const { versions, current } = history;
  if (
    current !== undefined &&
    (current === 0
      ? versions.length === 0 || !samePeriod(versions[0].file.period, file.period)
      : samePeriod(versions[0].file.period, file.period))
  ) {
    return { same: versions.slice(0, current), others: versions.slice(current) };
  }
  const same: CommittedVersion[] = [];
  const others: CommittedVersion[] = [];
  for (const v of versions) (samePeriod(v.file.period, file.period) ? same : others).push(v);
  return { same, others };
}

/** A closed period of the same team, with the grades of its aspirational objectives. */
export interface PastPeriod {
  /** `2026-Q3`, or `2026-07-01 to 2026-09-30`. */
  label: string;
  period: Period;
  /** Where the grades come from: a workspace path, or `git <short sha>`. */
  source: string;
  /** The aspirational objectives' scores (dropped and ungraded left out). */
  aspirationalScores: number[];
}

export function periodLabel(period: Period): string {
  return period.label ?? `${period.start} to ${period.end}`;
}

const sameTeam = (a: OkrFile, b: OkrFile) => teamKey(a) !== undefined && teamKey(a) === teamKey(b);

const scoresOf = new WeakMap<OkrFile, number[]>();

function aspirationalScores(file: OkrFile): number[] {
  const known = scoresOf.get(file);
  if (known) return known;
  const scores = gradeFile(file)
    .filter((g) => g.objective.kind === 'aspirational' && g.objective.status !== 'dropped' && g.score !== undefined)
    .map((g) => g.score!);
  scoresOf.set(file, scores);
  return scores;
}

/** The team key files are grouped by: the team name, trimmed and lower-cased. */
export function teamKey(file: OkrFile): string | undefined {
  return file.team === undefined ? undefined : file.team.trim().toLowerCase();
}

/**
 * The same team's periods that ended before `file`'s began, newest first: from the
 * workspace's files when it has one for a period, else from the newest committed
 * version of the team's file that was in that period. Only periods over on `today`.
 * `workspace` may hold other teams' files too; pass the team's alone for speed.
 */
export function pastPeriodsOf(
  file: OkrFile,
  workspace: readonly { source: string; file: OkrFile }[],
  history: FileHistory | undefined,
  today: IsoDate,
): PastPeriod[] {
  const current = file.period;
  if (!current || file.team === undefined) return [];
  const byLabel = new Map<string, PastPeriod>();
  const consider = (other: OkrFile, source: string) => {
    const p = other.period;
    if (!p || p.end >= current.start || !sameTeam(file, other) || !isGraded(other, today)) return;
    const label = periodLabel(p);
    if (byLabel.has(label)) return;
    byLabel.set(label, { label, period: p, source, aspirationalScores: aspirationalScores(other) });
  };
  for (const w of workspace) if (w.file !== file) consider(w.file, w.source);
  // Newest first: the first version seen of a period is its final state.
  // The versions of the file's own period are no past period: not even parsed.
  for (const v of history ? splitByPeriod(file, history).others : []) consider(v.file, `git ${v.commit.slice(0, 7)}`);
  return [...byLabel.values()].sort((a, b) => (a.period.end < b.period.end ? 1 : a.period.end > b.period.end ? -1 : 0));
}
