// Starting the next period (`okr next-period`, OKR: Start Next Period...): the
// team's file for the new period, with the chosen unfinished key results carried
// over under new ids (`start` = their last value, `carried_from: PLAT-KR1@2026-Q4`).
//
// Layout: the current period's file keeps its path, so links to it (`aligns_with`
// of other teams, CI commands, git history of the team's file) stay valid; the
// closed period moves beside it into a folder named after it:
//   okrs/platform.okr.yaml          the current period (2027-Q1)
//   okrs/2026-Q4/platform.okr.yaml  the closed one, byte for byte (but `aligns_with`, re-pointed)
// A file that already lives in a period folder (okrs/2026-Q4/platform.okr.yaml) stays
// where it is, and the new one goes into the sibling folder (okrs/2027-Q1/). Both
// layouts are found by the default `okr.files` glob and by `okr lint`.
// Pure: paths are computed, the caller reads and writes.

import * as path from 'node:path';
import { pushAll } from './arrays';
import { yamlScalar } from './edits';
import { keyResultScore, scoreText } from './grade';
import type { Initiative, IsoDate, KeyResult, Objective, OkrFile, Period, TextEdit } from './model';
import { daysBetween, effectiveCurrent } from './progress';
import { addDays, quarterPeriod } from './dates';

export class NextPeriodError extends Error {}

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/i;
const DATES_LABEL = /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;

/** The name of a period's folder: its label (`2026-Q4`), or `2026-10-01_2026-12-31`. */
export function periodFolderName(period: Period): string {
  return period.label ?? `${period.start}_${period.end}`;
}

/** Is this folder name a period's (`2026-Q4`, `2026-10-01_2026-12-31`)? */
export function isPeriodFolderName(name: string): boolean {
  return QUARTER_LABEL.test(name) || DATES_LABEL.test(name);
}

/**
 * The period after this one: the next quarter; for a period of whole calendar months
 * (the first of a month to the last day of a month: a half-year, a month) as many months
 * again; else as many days again from the day after its end.
 */
export function followingPeriod(period: Period): Period {
  const m = period.label ? QUARTER_LABEL.exec(period.label) : null;
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return quarterPeriod(q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`)!;
  }
  const months = wholeMonths(period);
  if (months !== undefined) {
    // From the month after the period's last one, as many months: up to the day before the month after those.
    const first = monthIndex(period.end) + 1;
    return { start: firstOfMonth(first), end: addDays(firstOfMonth(first + months), -1) };
  }
  const length = daysBetween(period.start, period.end);
  const start = addDays(period.end, 1);
  return { start, end: addDays(start, length) };
}

/** How many calendar months the period spans, when it is whole months; else undefined. */
function wholeMonths(period: Period): number | undefined {
  if (!period.start.endsWith('-01') || addDays(period.end, 1).slice(8) !== '01') return undefined;
  return monthIndex(period.end) - monthIndex(period.start) + 1;
}

/** A date's month counted from January of year 0 (0): month arithmetic on ISO dates, with no time zone. */
function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** The first day of the month `monthIndex` counts. */
function firstOfMonth(index: number): IsoDate {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * A new id for a carried item, free across the workspace: the same prefix with the
 * next number after the highest in use (`PLAT-KR1` -> `PLAT-KR5` when KR4 is taken),
 * or `-2`, `-3`... for an id without a number. Adds it to `taken` (lower-cased ids).
 */
export function nextFreeId(id: string, taken: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  let candidate: string;
  if (m) {
    const prefix = m[1];
    let highest = Number(m[2]);
    const lower = prefix.toLowerCase();
    for (const t of taken) {
      if (!t.startsWith(lower)) continue;
      const rest = t.slice(lower.length);
      if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
    }
    candidate = `${prefix}${highest + 1}`;
  } else {
    let n = 2;
    while (taken.has(`${id}-${n}`.toLowerCase())) n++;
    candidate = `${id}-${n}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A key result can be carried when it is active and did not reach its target. */
export function isUnfinished(o: Objective, kr: KeyResult): boolean {
  if (o.status === 'dropped' || kr.status !== 'active') return false;
  const score = keyResultScore(kr);
  return score === undefined || score < 1 - 1e-9;
}

export interface NextPeriodInput {
  file: OkrFile;
  /** Absolute path of the file. */
  sourcePath: string;
  today: IsoDate;
  /** `2027-Q1`; default the period after the file's. */
  periodLabel?: string;
  /** Ids of the key results to carry; default every unfinished one. */
  carry?: readonly string[];
  /** Every id defined in the workspace (any case): new ids avoid them all. */
  takenIds: Iterable<string>;
}

export interface CarriedKeyResult {
  from: KeyResult;
  objective: Objective;
  newId: string;
  newObjectiveId: string;
  start?: number;
}

/** An initiative still planned or in progress, carried with its objective. */
export interface CarriedInitiative {
  from: Initiative;
  objective: Objective;
  /** Free across the workspace; undefined for an initiative written without an id. */
  newId?: string;
  newObjectiveId: string;
}

export interface NextPeriodPlan {
  period: Period;
  /** Where the new period's file goes (absolute). */
  newPath: string;
  /** Its text. */
  text: string;
  /** Where the closed file moves, when it keeps no folder of its own yet (absolute), and its text there. */
  archive?: { path: string; text: string };
  carried: CarriedKeyResult[];
  /** The unfinished initiatives of the objectives that come along (done and dropped ones stay behind). */
  carriedInitiatives: CarriedInitiative[];
}

/** Planned or in progress: work the objective still has, which goes on with it. */
function isOpenInitiative(i: Initiative): boolean {
  return i.status === 'planned' || i.status === 'in_progress';
}

function periodValue(period: Period): string {
  return period.label ?? `{ start: ${period.start}, end: ${period.end} }`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * A key result's `source:` for the new period's file: where its metric comes from stays the same file
 * (a path relative to the new file's folder) and pointer; undefined without a readable one.
 */
function carriedSource(kr: KeyResult, fromFolder: string, toFolder: string): string | undefined {
  const file = kr.source?.file;
  if (file === undefined || kr.source?.problem !== undefined || path.isAbsolute(file)) return undefined;
  const moved = toPosix(path.relative(toFolder, path.resolve(fromFolder, file)));
  const fields = [`file: ${yamlScalar(moved)}`, ...(kr.source?.pointer !== undefined ? [`pointer: ${yamlScalar(kr.source.pointer)}`] : [])];
  return `{ ${fields.join(', ')} }`;
}

/** `aligns_with` re-pointed from the archive folder, so it still names the same file. */
function archivedText(file: OkrFile, sourcePath: string, archivePath: string): string {
  const target = file.alignsWith?.trim();
  const span = file.spans.values.aligns_with;
  if (!target || !span || path.isAbsolute(target)) return file.text;
  const resolved = path.resolve(path.dirname(sourcePath), target);
  const relative = toPosix(path.relative(path.dirname(archivePath), resolved));
  const edit: TextEdit = { start: span.start, end: span.end, newText: yamlScalar(relative) };
  return file.text.slice(0, edit.start) + edit.newText + file.text.slice(edit.end);
}

export function planNextPeriod(input: NextPeriodInput): NextPeriodPlan {
  const { file, sourcePath, today } = input;
  if (!file.period) throw new NextPeriodError('the file has no `period:`, so there is no next period to start');
  let period: Period;
  if (input.periodLabel !== undefined) {
    const p = quarterPeriod(input.periodLabel);
    if (!p) throw new NextPeriodError(`--period must be a quarter such as 2027-Q1, not "${input.periodLabel}"`);
    if (p.start <= file.period.end)
      throw new NextPeriodError(`${p.label} does not start after ${periodFolderName(file.period)} ends (${file.period.end})`);
    period = p;
  } else {
    period = followingPeriod(file.period);
  }
  const folder = path.dirname(sourcePath);
  const name = path.basename(sourcePath);
  let newPath: string;
  let archive: NextPeriodPlan['archive'];
  if (isPeriodFolderName(path.basename(folder))) {
    newPath = path.join(path.dirname(folder), periodFolderName(period), name);
  } else {
    newPath = sourcePath;
    const archivePath = path.join(folder, periodFolderName(file.period), name);
    archive = { path: archivePath, text: archivedText(file, sourcePath, archivePath) };
  }

  // Which key results: the named ones (each must exist and be unfinished), else every unfinished one.
  const all = file.objectives.flatMap((o) => o.keyResults.map((kr) => ({ o, kr })));
  let chosen: { o: Objective; kr: KeyResult }[];
  if (input.carry) {
    chosen = [];
    for (const id of input.carry) {
      const hit = all.find((x) => x.kr.id?.toLowerCase() === id.toLowerCase());
      if (!hit) throw new NextPeriodError(`--carry names ${id}, which is not a key result of this file`);
      if (!isUnfinished(hit.o, hit.kr)) {
        const s = keyResultScore(hit.kr);
        const why =
          hit.kr.status === 'dropped' || hit.o.status === 'dropped'
            ? 'was dropped'
            : s !== undefined
              ? `was met (${scoreText(s)})`
              : `is ${hit.kr.status}`;
        throw new NextPeriodError(`${hit.kr.id} ${why}: only unfinished key results are carried over`);
      }
      if (!chosen.includes(hit)) chosen.push(hit);
    }
  } else {
    chosen = all.filter((x) => x.kr.id !== undefined && isUnfinished(x.o, x.kr));
  }

  const taken = new Set([...input.takenIds].map((t) => t.toLowerCase()));
  const fromLabel = periodFolderName(file.period);
  const carried: CarriedKeyResult[] = [];
  const objectiveIds = new Map<Objective, string>();
  for (const { o, kr } of chosen) {
    let newObjectiveId = objectiveIds.get(o);
    if (!newObjectiveId) {
      newObjectiveId = nextFreeId(o.id ?? 'O1', taken);
      objectiveIds.set(o, newObjectiveId);
    }
    const last = effectiveCurrent(kr);
    carried.push({ from: kr, objective: o, newId: nextFreeId(kr.id!, taken), newObjectiveId, start: last ?? kr.start });
  }

  const carriedInitiatives: CarriedInitiative[] = [];
  for (const [o, newObjectiveId] of objectiveIds) {
    for (const i of o.initiatives.filter(isOpenInitiative)) {
      carriedInitiatives.push({ from: i, objective: o, newObjectiveId, ...(i.id ? { newId: nextFreeId(i.id, taken) } : {}) });
    }
  }

  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const lines: string[] = [];
  lines.push(`# ${file.team ? `${file.team}: ` : ''}OKRs for ${periodFolderName(period)}, started on ${today} from ${fromLabel}.`);
  if (carried.length) lines.push(`# Carried over from ${fromLabel}: ${carried.map((c) => `${c.from.id} as ${c.newId}`).join(', ')}.`);
  const renamed = carriedInitiatives.filter((c) => c.newId !== undefined);
  if (renamed.length)
    lines.push(`# Initiatives still open, carried with them: ${renamed.map((c) => `${c.from.id} as ${c.newId}`).join(', ')}.`);
  lines.push('version: 1');
  if (file.team !== undefined) lines.push(`team: ${yamlScalar(file.team)}`);
  lines.push(`period: ${periodValue(period)}`);
  if (file.alignsWith !== undefined) {
    const target = file.alignsWith.trim();
    const resolved = path.isAbsolute(target) ? target : toPosix(path.relative(path.dirname(newPath), path.resolve(folder, target)));
    lines.push(`aligns_with: ${yamlScalar(resolved)}`);
  }
  const cadence = file.spans.values.check_in_every;
  if (cadence) {
    // The team's check-in cadence, as they wrote it (weekly, 7): a setting of the team, as lint: is.
    lines.push(`check_in_every: ${file.text.slice(cadence.start, cadence.end).replace(/\r?\n\s*/g, ' ')}`);
  }
  if (file.spans.keys.lint && file.spans.values.lint) {
    // The team's own rule settings, as they wrote them.
    const lintText = file.text.slice(file.spans.keys.lint.start, file.spans.values.lint.end).replace(/\r?\n/g, eol);
    pushAll(lines, lintText.split(eol));
  }
  if (carried.length === 0) {
    lines.push("objectives: []  # nothing carried over: write this period's objectives here");
  } else {
    lines.push('objectives:');
    for (const [o, newObjectiveId] of objectiveIds) {
      lines.push(`  - id: ${newObjectiveId}`);
      if (o.title !== undefined) lines.push(`    title: ${yamlScalar(o.title)}`);
      if (o.owner !== undefined) lines.push(`    owner: ${yamlScalar(o.owner)}`);
      if (o.kind === 'committed') lines.push('    kind: committed');
      if (o.parent !== undefined) lines.push(`    parent: ${yamlScalar(o.parent)}`);
      lines.push('    key_results:');
      for (const c of carried.filter((x) => x.objective === o)) {
        const kr = c.from;
        lines.push(`      - id: ${c.newId}`);
        if (kr.title !== undefined) lines.push(`        title: ${yamlScalar(kr.title)}`);
        if (kr.owner !== undefined) lines.push(`        owner: ${yamlScalar(kr.owner)}`);
        if (c.start !== undefined) lines.push(`        start: ${yamlScalar(c.start)}`);
        if (kr.target !== undefined) lines.push(`        target: ${yamlScalar(kr.target)}`);
        if (kr.unit !== undefined) lines.push(`        unit: ${yamlScalar(kr.unit)}`);
        const source = carriedSource(kr, folder, path.dirname(newPath));
        if (source) lines.push(`        source: ${source}`);
        lines.push(`        carried_from: ${kr.id}@${fromLabel}`);
        if (c.start !== undefined) {
          const score = keyResultScore(kr);
          const note = `carried over from ${fromLabel}${score !== undefined ? ` (graded ${scoreText(score)})` : ''}`;
          lines.push('        check_ins:');
          lines.push(`          - { date: ${today}, value: ${yamlScalar(c.start)}, note: ${yamlScalar(note)} }`);
        }
      }
      const initiatives = carriedInitiatives.filter((x) => x.objective === o);
      if (initiatives.length) lines.push('    initiatives:');
      for (const c of initiatives) {
        const i = c.from;
        const fields = [
          ...(c.newId !== undefined ? [`id: ${c.newId}`] : []),
          ...(i.title !== undefined ? [`title: ${yamlScalar(i.title)}`] : []),
          ...(i.owner !== undefined ? [`owner: ${yamlScalar(i.owner)}`] : []),
          `status: ${i.status}`,
        ];
        lines.push(`      - ${fields[0]}`);
        for (const f of fields.slice(1)) lines.push(`        ${f}`);
      }
    }
  }
  const text = `${lines.join(eol)}${eol}`;
  return { period, newPath, text, archive, carried, carriedInitiatives };
}
