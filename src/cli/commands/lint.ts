// `okr lint`: finds OKR files, lints them together (ids unique across all of
// them, `aligns_with` parents loaded), prints the findings as text, JSON or SARIF,
// and exits 1 when there are errors or too many warnings.

import { printable } from '../../core/escape';
import type { Severity } from '../../core/model';
import { rules, ruleById } from '../../core/rules';
import { closestMatch } from '../../core/edit-distance';
import { loadSources, readAlignedTexts } from '../../core/fs/okr-files';
import { OKR_FILE_GLOBS, alignedTargets, lintParsedSourcesAwaitingHistory, parseSources, type ParsedSource } from '../../core/workspace';
import { gitFailureMessage } from '../../core/git/git';
import { type HistoriesRead, MAX_HISTORY_COMMITS, readFileHistories } from '../../core/git/okr-history';
import type { FileHistory } from '../../core/history';
import { formatJson } from '../format/json';
import type { LintReport } from '../format/report';
import { totalCounts } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { choiceOption, type CliIO, type Command, UsageError, parseCommandArgs, parseTodayOption, useColor } from '../io';
import { PACKAGE } from '../package-info';
import { maxOf } from '../../core/arrays';
import { displayPath, reportLoadProblems } from '../paths';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const RULE_VALUES = ['off', 'error', 'warning', 'info'] as const;

function rulesTable(): string {
  const idWidth = maxOf(rules.map((r) => r.id.length));
  return rules.map((r) => `  ${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}`).join('\n');
}

const HELP = `Usage: okr lint [paths...] [options]

Lint OKR files for the classic anti-patterns: task-like objectives, milestone key
results, missing baselines, sandbagging, stale check-ins, and more.

Each path is a file or a folder. Folders are searched for OKR files
(${OKR_FILE_GLOBS.join(', ')}), skipping node_modules and .git; with no
path, the current folder is searched. Links to folders outside a searched
folder are not followed; named pipes, devices and /proc files are never read. All files of one run are linted together:
an id must be unique across them, and each file's aligns_with parent is read to
check \`parent:\` ids.

Options:
  -f, --format <name>     text (default), json (ESLint's JSON shape) or sarif
                          (SARIF 2.1.0, for GitHub code scanning)
      --today <date>      the date to judge pace and staleness by, YYYY-MM-DD
                          (default: today's local date)
      --max-warnings <n>  also fail when there are more than n warnings
                          (default: warnings never fail the run)
      --rule <id=value>   set a rule to off, error, warning or info for this run,
                          over the files' own lint: settings; repeatable
  -q, --quiet             report errors only
      --history           read the OKR files' git history for the rules that need
                          it (target-moved, sandbagging across periods): one
                          bounded git log over the OKR files; default inside a
                          git repository
      --no-history        do not read git history (plain files, fastest)
  -h, --help              show this help

Output:
  text   file:line:col  severity  message  rule-id, grouped by file, then a summary.
         Lines and columns start at 1; columns count as VS Code counts them.
         Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on.
  json   [{ filePath, messages: [{ ruleId, severity (2 error, 1 warning or info),
         level, message, line, column, endLine, endColumn, docsPath, fixable }],
         errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount }]
  sarif  one run of tool "okr-lens" with every rule; paths relative to the current
         folder, so run it from the repository root.

Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors, or more warnings than --max-warnings
  2  bad usage, or a path that does not exist or cannot be read

Examples:
  okr lint                                  lint every OKR file under this folder
  okr lint okrs/platform.okr.yaml           lint one file
  okr lint okrs --max-warnings 0            fail on any warning (for CI)
  okr lint --format sarif > okr.sarif       for GitHub code scanning
  okr lint --today 2026-12-01               judge staleness as of a given day
  okr lint --rule routine-work=off          switch a rule off for this run

Rules (id, default severity, what it checks; docs in docs/rules/<id>.md):
${rulesTable()}
`;

export interface LintArgs {
  paths: string[];
  format: Format;
  today: string;
  maxWarnings?: number;
  overrides: Record<string, 'off' | Severity>;
  quiet: boolean;
  /** true: read history (say why not when it cannot); false: never; undefined: when in a repository. */
  history?: boolean;
}

export function parseLintArgs(args: string[], io: CliIO): LintArgs {
  const { values, positionals } = parseCommandArgs('lint', args, {
    format: { type: 'string', short: 'f' },
    today: { type: 'string' },
    'max-warnings': { type: 'string' },
    rule: { type: 'string', multiple: true },
    quiet: { type: 'boolean', short: 'q' },
    history: { type: 'boolean' },
    'no-history': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const format = choiceOption('--format', values.format, FORMATS, 'text');
  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax.trim())) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${rawMax}"`);
    maxWarnings = Number(rawMax.trim());
  }
  const overrides: Record<string, 'off' | Severity> = {};
  for (const raw of values.rule ?? []) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(raw);
    if (!m) throw new UsageError(`--rule takes id=${RULE_VALUES.join('|')}, such as routine-work=off; not "${raw}"`);
    const [, id, value] = m;
    if (!ruleById(id)) {
      const near = closestMatch(
        id,
        rules.map((r) => r.id),
      );
      throw new UsageError(`unknown rule "${id}" in --rule` + (near ? ` (did you mean "${near}"?)` : ' (okr lint --help lists the rules)'));
    }
    if (!(RULE_VALUES as readonly string[]).includes(value)) {
      throw new UsageError(`--rule ${id}= must be one of ${RULE_VALUES.join(', ')}, not "${value}"`);
    }
    overrides[id] = value as 'off' | Severity;
  }
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format,
    today: parseTodayOption(values.today, io),
    maxWarnings,
    overrides,
    quiet: Boolean(values.quiet),
    history: values['no-history'] ? false : values.history ? true : undefined,
  };
}

export async function runLint(options: LintArgs, io: CliIO): Promise<number> {
  // Blocking reads: nothing else runs meanwhile, and they cost a fraction of promise-based ones over 500 files.
  const loaded = await loadSources(options.paths, io.cwd, { blocking: true });
  if (reportLoadProblems(loaded, io)) return 2;
  // Asked for the same paths many times (rules' messages, definitions, output): each path is made relative once.
  const shown = new Map<string, string>();
  const show = (p: string) => {
    let d = shown.get(p);
    if (d === undefined) shown.set(p, (d = displayPath(io.cwd, p)));
    return d;
  };
  const parsed = parseSources(loaded.sources, { displayPath: show });
  // git reads the history while the rules that do not need it run.
  const histories = options.history === false ? Promise.resolve(undefined) : readHistories(parsed, options.history === true, io);
  histories.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const aligned = await readAlignedTexts(alignedTargets(parsed));
  const linted = await lintParsedSourcesAwaitingHistory(
    parsed,
    { today: options.today, overrides: options.overrides, aligned, displayPath: show },
    histories.then((read) => read && ((p: string) => read.get(p))),
  );

  const report: LintReport = {
    cwd: io.cwd,
    files: linted.files.map((f) => ({
      path: f.path,
      displayPath: show(f.path),
      lines: f.result.lines,
      findings: options.quiet ? f.result.findings.filter((x) => x.severity === 'error') : f.result.findings,
    })),
  };
  if (options.format === 'json') io.stdout(formatJson(report));
  else if (options.format === 'sarif') {
    io.stdout(
      formatSarif(report, {
        toolName: 'okr-lens',
        version: PACKAGE.version,
        informationUri: PACKAGE.homepage,
        docsBaseUri: PACKAGE.homepage ? `${PACKAGE.homepage}/blob/main/` : undefined,
        rules,
      }),
    );
  } else io.stdout(formatText(report, { color: useColor(io) }));

  const counts = totalCounts(report);
  if (counts.errors > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr(`okr: too many warnings (${counts.warnings}; --max-warnings is ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * The committed versions of each file, from one git log over the OKR files of the
 * repository the current folder is in. Outside a repository: nothing, and a note
 * only when --history was asked for. Untracked files and shallow clones get a note.
 */
async function readHistories(parsed: readonly ParsedSource[], asked: boolean, io: CliIO): Promise<Map<string, FileHistory> | undefined> {
  let read: HistoriesRead;
  try {
    read = await readFileHistories(
      { cwd: io.cwd, env: io.env },
      parsed.map((p) => ({ path: p.source.path, period: p.file.period })),
    );
  } catch (err) {
    const message = gitFailureMessage(err);
    if (message === undefined) throw err;
    if (asked) io.stderr(`okr: note: --history: ${printable(message)}; the rules that read history are skipped\n`);
    return undefined;
  }
  const { untracked } = read;
  if (untracked.length) {
    const names = untracked
      .slice(0, 3)
      .map((p) => printable(displayPath(io.cwd, p)))
      .join(', ');
    io.stderr(
      `okr: note: not committed yet, so no history to compare with: ` +
        `${names}${untracked.length > 3 ? ` and ${untracked.length - 3} more` : ''}\n`,
    );
  }
  if (read.shallow)
    io.stderr('okr: note: this is a shallow clone: older versions of the OKR files are missing (git fetch --unshallow reads them)\n');
  if (read.truncated)
    io.stderr(`okr: note: read the last ${MAX_HISTORY_COMMITS} commits of the OKR files only; older history is not checked\n`);
  return read.histories;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'lint OKR files for anti-patterns (text, JSON or SARIF output)',
  help: HELP,
  run: async (args, io) => runLint(parseLintArgs(args, io), io),
};
