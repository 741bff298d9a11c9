// `okr list`: the objectives and key results of OKR files with their progress and
// health, as a table for people or JSON for scripts. A file with syntax errors is
// listed as far as it could be read, with a note.

import { printable } from '../../core/escape';
import { AlignmentIndex } from '../../core/alignment';
import { DependencyGraph, needsLine, neededByLine } from '../../core/dependencies';
import { alignmentJson, alignmentText, TREE_MODES, type TreeMode } from '../format/alignment';
import type { KeyResult, Objective, OkrFile } from '../../core/model';
import {
  assessKeyResult,
  assessObjective,
  effectiveCurrent,
  HEALTH_LABELS,
  percent,
  type Assessment,
  type Health,
} from '../../core/progress';
import { itemFields, keyResultValues, orNull } from '../../core/json-fields';
import {
  type GradeColour,
  GRADE_VERDICT_LABELS,
  type GradeVerdict,
  gradeColour,
  gradeVerdict,
  isObjectiveGraded,
  keyResultScore,
  objectiveScore,
  scoreText,
  verdictColour,
} from '../../core/grade';
import { loadSources } from '../../core/fs/okr-files';
import { OKR_FILE_GLOBS, parseSources, type ParsedSource } from '../../core/workspace';
import { styleFor, type Style } from '../format/ansi';
import { regionOf } from '../format/report';
import { LineIndex } from '../../core/positions';
import { choiceOption, type CliIO, type Command, parseCommandArgs, parseTodayOption, useColor } from '../io';
import { displayPath, reportLoadProblems } from '../paths';
import { formatNumber, formatQuantity, plural } from '../../core/wording';
import { maxOf } from '../../core/arrays';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: okr list [paths...] [options]

List objectives and key results with their progress and health.

Each path is a file or a folder. Folders are searched for OKR files
(${OKR_FILE_GLOBS.join(', ')}), skipping node_modules and .git; with no
path, the current folder is searched. Links to folders outside a searched
folder are not followed; named pipes, devices and /proc files are never read.
A file with YAML errors is listed as far as it could be read, with a note
(okr lint shows every problem).

Options:
  -f, --format <name>  text (default) or json
      --today <date>   the date to judge pace by, YYYY-MM-DD (default: today's local date)
      --tree <mode>    files (default): each file on its own; alignment: the org view
                       across files, company objectives at the top and the team
                       objectives that name each as parent: beneath
  -h, --help           show this help

Progress is (current - start) / (target - start), between 0% and 100%; a key result
without start is measured from 0, and its current value is its latest check-in's
(current: only when no check-in has a value). An objective's progress is the mean of its active key results'. Health compares progress
with the share of the period gone by, and the latest confidence (0.7 and up is on
track, 0.4 to 0.6 at risk, lower off track); an objective is as healthy as its least
healthy active key result. Health is one of: on track, at risk, off track, done,
dropped, not started (the period has not begun), no data.

Dependencies (depends_on:) show in both directions under each item: "needs SEC-KR2
(off track)" and "needed by MOB-KR1, WEB-KR4". Ids are looked up among the files
listed, so list the whole workspace to see dependencies across teams.

Once the period is over (or the file closed with okr close), each objective and key
result is graded instead, Google's way: the score is the progress at the end from
0.0 to 1.0 (a score recorded by okr close wins), an objective's the mean of its key
results'. Committed objectives are expected at 1.0; aspirational ones at about 0.7
(0.7 to 1.0 green, 0.4 to 0.6 yellow, lower red; 1.0 may mean the goal was too easy).

Text output, per file:
  path: team, period (first day to last day)
    OBJECTIVE-ID  progress  health  title  (kind, owner)
      KR-ID       progress  health  title  current unit (from start, target target), confidence, owner
  after the period, the score and the verdict take the place of progress and health:
    OBJECTIVE-ID  0.7  on target  title  (kind, owner)

JSON output (one object; absent values are null, never missing):
  { "today": "YYYY-MM-DD",
    "files": [{ "filePath" (absolute), "team", "period": { "label", "start", "end" },
      "alignsWith", "syntaxErrors": [{ "message", "line", "column" }],
      "objectives": [{ "id", "title", "owner", "kind", "status", "parent", "due", "line",
        "progress" (0..1), "expected" (0..1, share of the period gone by), "health",
        "dependsOn": [{ "id", "found", "health" }], "neededBy": [ids],
        "score" (0..1 once the period is over, else null), "verdict" (met, missed,
        on-target, fell-short, too-easy, or null),
        "keyResults": [{ "id", "title", "owner", "status", "line", "start", "target",
          "current", "unit", "confidence", "progress", "expected", "health",
          "dependsOn", "neededBy", "score" }],
        "initiatives": [{ "id", "title", "owner", "status", "line" }] }] }] }
  "health" is on-track, at-risk, off-track, done, dropped, not-started or unknown.

With --tree alignment, JSON is { "today", "tree": "alignment", "objectives": [node],
  "unaligned": [node] }, each node { "id", "title", "file", "team", "status",
  "progressFrom", "progress", "health", "teams" (count of distinct teams beneath),
  "teamNames", "children": [node] }. An objective with progress_from: aligned takes
  the mean progress of the objectives aligned to it; both: of its own key results
  and the aligned objectives together.

Exit codes: 0 listed; 2 bad usage, or a path that does not exist or cannot be read.

Examples:
  okr list                              every OKR file under this folder
  okr list okrs/platform.okr.yaml       one file
  okr list --format json | jq '.files[].objectives[] | {id, health}'
  okr list --today 2026-12-15           health as of a given day
  okr list --tree alignment             company objectives with the team objectives aligned to them
`;

export interface ListArgs {
  paths: string[];
  format: Format;
  today: string;
  tree: TreeMode;
}

export function parseListArgs(args: string[], io: CliIO): ListArgs {
  const { values, positionals } = parseCommandArgs('list', args, {
    format: { type: 'string', short: 'f' },
    today: { type: 'string' },
    tree: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const tree = choiceOption('--tree', values.tree, TREE_MODES, 'files');
  const format = choiceOption('--format', values.format, FORMATS, 'text');
  return { paths: positionals.length ? positionals : ['.'], format: format, today: parseTodayOption(values.today, io), tree: tree };
}

// ---------------------------------------------------------------------------
// JSON: the documented, stable shape

/** Where an objective or key result stands: written after its own fields, before its score. */
interface ListStanding {
  progress: number | null;
  expected: number | null;
  health: Health;
  dependsOn: ListDependency[];
  neededBy: string[];
}

export interface ListKeyResult extends ListStanding {
  id: string | null;
  title: string | null;
  owner: string | null;
  status: string;
  line: number;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string | null;
  confidence: number | null;
  /** The grade once the period is over (or the file closed), else null. */
  score: number | null;
}

/** One `depends_on` entry: the id as written, whether it was found among the listed files, and its health. */
export interface ListDependency {
  id: string;
  found: boolean;
  health: Health | null;
}

export interface ListObjective extends ListStanding {
  id: string | null;
  title: string | null;
  owner: string | null;
  kind: string;
  status: string;
  parent: string | null;
  due: string | null;
  line: number;
  score: number | null;
  verdict: GradeVerdict | null;
  keyResults: ListKeyResult[];
  initiatives: { id: string | null; title: string | null; owner: string | null; status: string; line: number }[];
}

export interface ListFile {
  filePath: string;
  team: string | null;
  period: { label: string | null; start: string; end: string } | null;
  alignsWith: string | null;
  syntaxErrors: { message: string; line: number; column: number }[];
  objectives: ListObjective[];
}

export interface ListOutput {
  today: string;
  files: ListFile[];
}

/**
 * Where an item stands: its assessment, the `depends_on` of the item and what depends on it
 * (from the graph of all the listed files).
 */
function standing(assessment: Assessment, graph: DependencyGraph | undefined, item: Objective | KeyResult): ListStanding {
  const measured = { progress: orNull(assessment.progress), expected: orNull(assessment.expected), health: assessment.health };
  const node = graph?.nodeOf(item);
  if (!graph || !node)
    return { ...measured, dependsOn: item.dependsOn.map((d) => ({ id: d.id, found: false, health: null })), neededBy: [] };
  return {
    ...measured,
    dependsOn: graph.needs(node).map((d) => ({ id: d.ref.id, found: d.node !== undefined, health: d.health ?? null })),
    neededBy: graph.neededBy(node).map((n) => n.id),
  };
}

export function listFile(parsed: ParsedSource, today: string, graph?: DependencyGraph): ListFile {
  const { file } = parsed;
  const lines = new LineIndex(file.text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const syntaxErrors = parsed.findings
    .filter((f) => f.ruleId === 'syntax')
    .map((f) => {
      const r = regionOf(lines, f.span);
      return { message: f.message, line: r.line, column: r.column };
    });
  return {
    filePath: parsed.source.path,
    team: orNull(file.team),
    period: file.period ? { label: orNull(file.period.label), start: file.period.start, end: file.period.end } : null,
    alignsWith: orNull(file.alignsWith),
    syntaxErrors,
    objectives: file.objectives.map<ListObjective>((o) => {
      const a = assessObjective(file, o, today);
      const graded = isObjectiveGraded(file, o, today);
      const score = graded ? objectiveScore(o) : undefined;
      return {
        ...itemFields(o),
        kind: o.kind,
        status: o.status,
        parent: orNull(o.parent),
        due: orNull(o.due),
        line: lineOf(o.spans.node.start),
        ...standing(a, graph, o),
        score: orNull(score),
        verdict: score === undefined ? null : gradeVerdict(o.kind, score),
        keyResults: o.keyResults.map<ListKeyResult>((kr) => {
          const k = assessKeyResult(file, o, kr, today);
          return {
            ...itemFields(kr),
            status: kr.status,
            line: lineOf(kr.spans.node.start),
            ...keyResultValues(kr),
            confidence: orNull(k.confidence),
            ...standing(k, graph, kr),
            score: orNull(graded ? keyResultScore(kr) : undefined),
          };
        }),
        initiatives: o.initiatives.map((i) => ({
          ...itemFields(i),
          status: i.status,
          line: lineOf(i.spans.node.start),
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Text

function healthStyle(style: Style, health: Health): (s: string) => string {
  switch (health) {
    case 'on-track':
    case 'done':
      return style.green;
    case 'at-risk':
      return style.yellow;
    case 'off-track':
      return style.red;
    default:
      return style.dim;
  }
}

/**
 * `7 incidents (from 12, target 3)`, `99.9% (from 99.5%, target 99.95%)`: the
 * current value with its unit, then where it started and where it is going.
 */
export function amountText(kr: KeyResult): string | undefined {
  const current = effectiveCurrent(kr);
  if (current === undefined && kr.target === undefined) return undefined;
  const unit = kr.unit?.trim();
  const withUnit = (n: number) => formatQuantity(n, unit);
  // Start and target after the current value: the unit once, but a percentage sign on each.
  const bare = (n: number) => (unit === '%' ? formatQuantity(n, unit) : formatNumber(n));
  const context = [
    ...(kr.start !== undefined ? [`from ${bare(kr.start)}`] : []),
    // With no current value, the unit goes with the target.
    ...(kr.target !== undefined ? [`target ${current === undefined ? withUnit(kr.target) : bare(kr.target)}`] : []),
  ];
  const head = current === undefined ? 'no value yet' : withUnit(current);
  return context.length ? `${head} (${context.join(', ')})` : head;
}

/** The period with its days: "2026-Q4 (2026-10-01 to 2026-12-31)". */
function periodWithDays(file: OkrFile): string {
  if (!file.period) return 'no period';
  const range = `${file.period.start} to ${file.period.end}`;
  return file.period.label ? `${printable(file.period.label)} (${range})` : range;
}

interface Row {
  depth: number;
  id: string;
  progress: string;
  health: Health;
  /** After the period: the grade's words and colour in place of the health. */
  grade?: { label: string; colour: GradeColour | 'dim' };
  title: string;
  details: string[];
  /** Lines under the row: "needs SEC-KR2 (off track)", "needed by MOB-KR1". */
  notes: string[];
}

function dependencyNotes(graph: DependencyGraph | undefined, item: Objective | KeyResult): string[] {
  const node = graph?.nodeOf(item);
  if (!graph || !node) return [];
  return [needsLine(graph, node), neededByLine(graph, node)].filter((l): l is string => l !== undefined);
}

function gradeStyle(style: Style, colour: GradeColour | 'dim'): (s: string) => string {
  return colour === 'green' ? style.green : colour === 'yellow' ? style.yellow : colour === 'red' ? style.red : style.dim;
}

function objectiveRows(file: OkrFile, o: Objective, today: string, graph?: DependencyGraph): Row[] {
  const a = assessObjective(file, o, today);
  const graded = isObjectiveGraded(file, o, today);
  const score = graded ? objectiveScore(o) : undefined;
  const rows: Row[] = [
    {
      depth: 0,
      id: o.id ?? '(no id)',
      progress: graded ? (score === undefined ? '-' : scoreText(score)) : a.progress === undefined ? '-' : percent(a.progress),
      health: a.health,
      ...(graded
        ? {
            grade:
              o.status === 'dropped'
                ? { label: 'dropped', colour: 'dim' as const }
                : score === undefined
                  ? { label: 'not graded', colour: 'dim' as const }
                  : { label: GRADE_VERDICT_LABELS[gradeVerdict(o.kind, score)], colour: verdictColour(o.kind, score) },
          }
        : {}),
      title: o.title ?? '(no title)',
      details: [...(o.kind === 'committed' ? ['committed'] : []), ...(o.owner ? [`owner ${o.owner}`] : [])],
      notes: dependencyNotes(graph, o),
    },
  ];
  for (const kr of o.keyResults) {
    const k = assessKeyResult(file, o, kr, today);
    const amount = amountText(kr);
    const krScore = graded ? keyResultScore(kr) : undefined;
    rows.push({
      depth: 1,
      id: kr.id ?? '(no id)',
      progress: graded ? (krScore === undefined ? '-' : scoreText(krScore)) : k.progress === undefined ? '-' : percent(k.progress),
      health: k.health,
      ...(graded
        ? {
            grade:
              kr.status === 'dropped' || o.status === 'dropped'
                ? { label: 'dropped', colour: 'dim' as const }
                : krScore === undefined
                  ? { label: 'not graded', colour: 'dim' as const }
                  : { label: '', colour: o.kind === 'committed' ? verdictColour('committed', krScore) : gradeColour(krScore) },
          }
        : {}),
      title: kr.title ?? '(no title)',
      details: [
        ...(amount ? [amount] : []),
        ...(k.confidence !== undefined ? [`confidence ${formatNumber(k.confidence)}`] : []),
        ...(kr.owner ? [`owner ${kr.owner}`] : []),
      ],
      notes: dependencyNotes(graph, kr),
    });
  }
  return rows;
}

export function formatListText(
  parsed: readonly ParsedSource[],
  cwd: string,
  today: string,
  color: boolean,
  graph?: DependencyGraph,
): string {
  const style = styleFor(color);
  const blocks: string[] = [];
  let objectiveCount = 0;
  let keyResultCount = 0;
  for (const p of parsed) {
    const { file } = p;
    const out: string[] = [];
    out.push(`${style.bold(printable(displayPath(cwd, p.source.path)))}: ${printable(file.team ?? 'no team')}, ${periodWithDays(file)}`);
    const syntax = p.findings.filter((f) => f.ruleId === 'syntax');
    if (syntax.length) {
      const first = syntax[0];
      const r = regionOf(new LineIndex(file.text), first.span);
      const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more; okr lint shows them all)` : '';
      out.push(style.yellow(`  note: listed as far as it could be read. Line ${r.line}: ${printable(first.message)}${more}`));
    }
    const rows = file.objectives.flatMap((o) => objectiveRows(file, o, today, graph));
    objectiveCount += file.objectives.length;
    keyResultCount += file.objectives.reduce((n, o) => n + o.keyResults.length, 0);
    if (rows.length === 0) out.push(style.dim('  (no objectives)'));
    const idWidth = maxOf(
      rows.map((r) => r.depth * 2 + printable(r.id).length),
      0,
    );
    const labelOf = (r: Row) => r.grade?.label ?? HEALTH_LABELS[r.health];
    const healthWidth = maxOf(
      rows.map((r) => labelOf(r).length),
      0,
    );
    for (const r of rows) {
      const id = `${'  '.repeat(r.depth)}${printable(r.id)}`.padEnd(idWidth);
      const label = labelOf(r);
      const paint = r.grade ? gradeStyle(style, r.grade.colour) : healthStyle(style, r.health);
      const health = paint(label) + ' '.repeat(healthWidth - label.length);
      // A key result's details start with the amount, which has its own parentheses
      // ("7 incidents (from 12, target 3)"): not wrapped in more.
      const joined = printable(r.details.join(', '));
      const details = r.details.length ? `  ${style.dim(r.depth === 0 ? `(${joined})` : joined)}` : '';
      const progress = r.grade ? gradeStyle(style, r.grade.colour)(r.progress.padStart(4)) : r.progress.padStart(4);
      out.push(`  ${r.depth === 0 ? style.bold(id) : id}  ${progress}  ${health}  ${printable(r.title)}${details}`);
      for (const note of r.notes) out.push(`  ${' '.repeat(r.depth * 2 + 2)}${style.dim(printable(note))}`);
    }
    blocks.push(out.join('\n'));
  }
  const summary = style.dim(
    `${plural(parsed.length, 'file', 'files')}, ${plural(objectiveCount, 'objective', 'objectives')}, ` +
      `${plural(keyResultCount, 'key result', 'key results')}; health as of ${today}`,
  );
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
}

export async function runList(options: ListArgs, io: CliIO): Promise<number> {
  const loaded = await loadSources(options.paths, io.cwd);
  if (reportLoadProblems(loaded, io)) return 2;
  const parsed = parseSources(loaded.sources, { displayPath: (p) => displayPath(io.cwd, p) });
  if (options.tree === 'alignment') {
    const tree = new AlignmentIndex(parsed.map((p) => ({ path: p.source.path, file: p.file }))).tree(options.today);
    const show = (p: string) => displayPath(io.cwd, p);
    if (options.format === 'json')
      io.stdout(`${JSON.stringify({ today: options.today, tree: 'alignment', ...alignmentJson(tree, show) })}\n`);
    else io.stdout(alignmentText(tree, useColor(io), show));
    return 0;
  }
  const graph = new DependencyGraph(
    parsed.map((p) => p.file),
    options.today,
  );
  if (options.format === 'json') {
    const output: ListOutput = { today: options.today, files: parsed.map((p) => listFile(p, options.today, graph)) };
    io.stdout(`${JSON.stringify(output)}\n`);
  } else {
    io.stdout(formatListText(parsed, io.cwd, options.today, useColor(io), graph));
  }
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'list objectives and key results with progress and health',
  help: HELP,
  run: async (args, io) => runList(parseListArgs(args, io), io),
};
