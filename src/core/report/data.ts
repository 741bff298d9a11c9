// The numbers of a progress report, once, for every format (`okr report` as
// Markdown, HTML or JSON, and the editor's Export Report and dashboard): per file
// and objective, each key result's state, series, projection, confidence over
// time, linked work and check-in cadence, and the leading indicators across all
// files. Plain JSON-ready data: absent values are null. Pure.

import type { AlignmentJson } from '../alignment';
import { checkInCadenceDays } from '../cadence';
import type { CommitRecord } from '../git/history';
import {
  activeKeyResults,
  cadenceByOwner,
  checkInCadence,
  confidenceFalling,
  fileIsLinked,
  linkedWorkById,
  trailerShare,
  type LinkedWork,
  weekCount,
} from '../indicators';
import type { IsoDate, OkrFile, Period } from '../model';
import { assessKeyResult, assessObjective, latestCheckIn, objectivePeriod, type Health } from '../progress';
import { itemFields, keyResultValues, orNull } from '../json-fields';
import { keyResultSeries, objectiveSeries, type SeriesPoint } from '../series';

export interface ReportRepository {
  /** How the repository is named in the report (a path relative to where the report was made). */
  name: string;
  commits: readonly CommitRecord[];
}

export interface ReportInput {
  files: readonly { path: string; file: OkrFile }[];
  today: IsoDate;
  /** The repositories whose commits link work to key results; none: the report says nothing of commits. */
  repositories?: readonly ReportRepository[];
}

export interface ReportPoint {
  date: IsoDate;
  value: number | null;
  progress: number;
  kind: SeriesPoint['kind'];
  confidence: number | null;
  note: string | null;
}

export interface ReportCadence {
  everyDays: number;
  onTime: number;
  late: number;
  missed: number;
  nextDue: IsoDate | null;
  overdue: boolean;
}

export interface ReportKeyResult {
  id: string | null;
  title: string | null;
  owner: string | null;
  status: string;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string | null;
  progress: number | null;
  expected: number | null;
  paceGap: number | null;
  health: Health;
  confidence: number | null;
  lastCheckIn: { date: IsoDate; value: number | null; confidence: number | null; note: string | null } | null;
  /** Commits linked in the period (all of them without a period); null when no repository was read. */
  linkedCommits: number | null;
  lastCommitDate: string | null;
  /** Linked commits per 7-day week of the period, from its first day; null without commits or period. */
  commitsPerWeek: number[] | null;
  points: ReportPoint[];
  projection: { date: IsoDate; progress: number; value: number | null } | null;
  confidenceHistory: { date: IsoDate; confidence: number; note: string | null }[];
  cadence: ReportCadence | null;
  confidenceFalling: boolean;
}

export interface ReportObjective {
  id: string | null;
  title: string | null;
  owner: string | null;
  kind: string;
  status: string;
  period: Period | null;
  progress: number | null;
  expected: number | null;
  paceGap: number | null;
  health: Health;
  points: { date: IsoDate; progress: number }[];
  projection: { date: IsoDate; progress: number } | null;
  keyResults: ReportKeyResult[];
}

export interface ReportFile {
  path: string;
  team: string | null;
  period: Period | null;
  /**
   * Whether any commit links to this file's key results; null when no repository
   * was read. Files no code links to (a company's) get no "no linked work" flags.
   */
  linked: boolean | null;
  objectives: ReportObjective[];
}

export interface ReportKeyResultRef {
  id: string | null;
  title: string | null;
  file: string;
  owner: string | null;
}

export interface ReportIndicators {
  checkIns: { owner: string | null; keyResults: number; onTime: number; late: number; missed: number; overdue: number }[];
  /** Per repository, over `window`. */
  trailers: { repository: string; commits: number; tagged: number; share: number | null }[];
  /** The days the trailer share counts: the earliest period start to today (or the latest period end). */
  window: { from: IsoDate; to: IsoDate } | null;
  noLinkedWork: ReportKeyResultRef[];
  confidenceFalling: ReportKeyResultRef[];
}

export interface ReportData {
  today: IsoDate;
  /** The repositories read for linked work; null when none was (no commit numbers then). */
  repositories: string[] | null;
  files: ReportFile[];
  indicators: ReportIndicators;
  /** The org view across files, when asked for (`okr report --tree alignment`). */
  alignment?: AlignmentJson;
}

function reportWindow(files: readonly OkrFile[], today: IsoDate): { from: IsoDate; to: IsoDate } | null {
  const periods = files.map((f) => f.period).filter((p): p is Period => p !== undefined);
  if (periods.length === 0) return null;
  const from = periods.map((p) => p.start).sort()[0];
  const end = periods
    .map((p) => p.end)
    .sort()
    .at(-1)!;
  const to = today < end ? today : end;
  return to < from ? null : { from, to };
}

export function buildReport(input: ReportInput): ReportData {
  const { today } = input;
  const repositories = input.repositories;
  const idsOfFiles = new Map<string, string>();
  for (const { file } of input.files)
    for (const o of file.objectives)
      for (const kr of o.keyResults) if (kr.id && !idsOfFiles.has(kr.id.toLowerCase())) idsOfFiles.set(kr.id.toLowerCase(), kr.id);
  const resolve = (value: string) => idsOfFiles.get(value.trim().toLowerCase());
  const allCommits = repositories?.flatMap((r) => r.commits) ?? [];
  // Per period, since files may differ; cached because most share one.
  const linkedByPeriod = new Map<string, Map<string, LinkedWork>>();
  const linkedIn = (period: Period | undefined) => {
    const key = period ? `${period.start}/${period.end}` : '';
    let m = linkedByPeriod.get(key);
    if (!m) {
      m = linkedWorkById(allCommits, resolve, period);
      linkedByPeriod.set(key, m);
    }
    return m;
  };
  const everLinked = repositories ? linkedIn(undefined) : undefined;

  const files: ReportFile[] = input.files.map(({ path, file }) => {
    const linked = everLinked ? fileIsLinked(file, everLinked) : null;
    const cadenceDays = checkInCadenceDays(file);
    return {
      path,
      team: orNull(file.team),
      period: file.period
        ? { ...(file.period.label ? { label: file.period.label } : {}), start: file.period.start, end: file.period.end }
        : null,
      linked,
      objectives: file.objectives.map<ReportObjective>((o) => {
        const period = objectivePeriod(file, o);
        const a = assessObjective(file, o, today);
        const os = objectiveSeries(file, o, today);
        const work = repositories ? linkedIn(period) : undefined;
        return {
          ...itemFields(o),
          kind: o.kind,
          status: o.status,
          period: period ? { start: period.start, end: period.end } : null,
          progress: orNull(a.progress),
          expected: orNull(a.expected),
          paceGap: orNull(a.paceGap),
          health: a.health,
          points: os.points.map((p) => ({ date: p.date, progress: p.progress })),
          projection: os.projection ? { date: os.projection.date, progress: os.projection.progress } : null,
          keyResults: o.keyResults.map<ReportKeyResult>((kr) => {
            const k = assessKeyResult(file, o, kr, today);
            const s = keyResultSeries(file, o, kr, today);
            const last = latestCheckIn({ ...kr, checkIns: kr.checkIns.filter((c) => c.date !== undefined && c.date <= today) });
            const w = work && kr.id ? work.get(kr.id.toLowerCase()) : undefined;
            const cadence = kr.status === 'active' && o.status === 'active' ? checkInCadence(period, kr, cadenceDays, today) : undefined;
            return {
              ...itemFields(kr),
              status: kr.status,
              ...keyResultValues(kr),
              progress: orNull(k.progress),
              expected: orNull(k.expected),
              paceGap: orNull(k.paceGap),
              health: k.health,
              confidence: orNull(k.confidence),
              lastCheckIn: last?.date
                ? { date: last.date, value: orNull(last.value), confidence: orNull(last.confidence), note: orNull(last.note) }
                : null,
              linkedCommits: work ? (w?.count ?? 0) : null,
              lastCommitDate: orNull(w?.lastDate),
              commitsPerWeek: work && period ? (w?.weeks ?? new Array<number>(weekCount(period)).fill(0)) : null,
              points: s.points.map((p) => ({
                date: p.date,
                value: orNull(p.value),
                progress: p.progress,
                kind: p.kind,
                confidence: orNull(p.confidence),
                note: orNull(p.note),
              })),
              projection: s.projection
                ? { date: s.projection.date, progress: s.projection.progress, value: orNull(s.projection.value) }
                : null,
              confidenceHistory: s.confidence.map((c) => ({ date: c.date, confidence: c.confidence, note: orNull(c.note) })),
              cadence: cadence ? { ...cadence, nextDue: orNull(cadence.nextDue) } : null,
              confidenceFalling: confidenceFalling(kr, today),
            };
          }),
        };
      }),
    };
  });

  const refs = activeKeyResults(input.files.map((f) => f.file));
  const pathOf = new Map(input.files.map((f) => [f.file, f.path]));
  const refOf = (r: (typeof refs)[number]): ReportKeyResultRef => ({
    id: orNull(r.keyResult.id),
    title: orNull(r.keyResult.title),
    file: pathOf.get(r.file) ?? r.file.path,
    owner: orNull(r.keyResult.owner?.trim() || r.objective.owner?.trim() || undefined),
  });
  const window = reportWindow(
    input.files.map((f) => f.file),
    today,
  );
  const noLinkedWork = everLinked
    ? refs
        .filter((r) => fileIsLinked(r.file, everLinked))
        .filter((r) => {
          const period = objectivePeriod(r.file, r.objective);
          if (period && today < period.start) return false;
          return !r.keyResult.id || !linkedIn(period).has(r.keyResult.id.toLowerCase());
        })
        .map(refOf)
    : [];
  return {
    today,
    repositories: repositories ? repositories.map((r) => r.name) : null,
    files,
    indicators: {
      checkIns: cadenceByOwner(refs, today).map((row) => ({ ...row, owner: orNull(row.owner) })),
      trailers:
        repositories && window
          ? repositories.map((r) => {
              const t = trailerShare(r.commits, window.from, window.to);
              return { repository: r.name, commits: t.commits, tagged: t.tagged, share: orNull(t.share) };
            })
          : [],
      window,
      noLinkedWork,
      confidenceFalling: refs.filter((r) => confidenceFalling(r.keyResult, today)).map(refOf),
    },
  };
}
