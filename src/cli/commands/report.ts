// `okr report`: progress over time to share: per objective a table of key results
// and a burn-up per key result, with the leading indicators, as Markdown (for a
// pull request or a wiki), one self-contained HTML file (prints to PDF) or JSON.

import { AlignmentIndex, alignmentJson } from '../../core/alignment';
import { TREE_MODES, type TreeMode } from '../format/alignment';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../core/escape';
import { CommitIndex } from '../../core/git/history';
import { gitFailureMessage, openRepo } from '../../core/git/git';
import { buildReport, REPORT_FORMATS, renderReport, type ReportFormat, type ReportRepository } from '../../core/report';
import { loadSources } from '../../core/fs/okr-files';
import { isOkrFileName, OKR_FILE_GLOBS, parseSources } from '../../core/workspace';
import { renderRetro } from '../../core/report/retro';
import { choiceOption, type CliIO, type Command, UsageError, parseCommandArgs, parseTodayOption } from '../io';
import { repoContext } from '../repo';
import { displayPath, noteSyntaxErrors, reportLoadProblems } from '../paths';

const HELP = `Usage: okr report [paths...] [options]

A progress report to share: per objective, a table of its key results (progress,
health, pace, the projection at the rate so far, confidence, last check-in, check-ins
on time/late/missed, linked commits) and a burn-up chart per key result; first, the
leading indicators: check-ins against the cadence per owner, the share of the
period's commits that carry a key-result trailer, key results with no linked work,
and key results whose confidence fell at each of their last two check-ins.

Each path is a file or a folder searched for OKR files (${OKR_FILE_GLOBS.join(', ')});
with none, the current folder; a file with YAML errors is reported as far as it can
be read, with a note on stderr saying where its first error is. Commits are read
from the git repository the current folder is in (or each --repo); outside one, the
report leaves commits out.

Options:
  -f, --format <name>  md (default): Markdown with Mermaid charts, no raw HTML
                       html: one self-contained file, no script, no request to any
                             host; prints with a page break before each objective
                       json: the numbers (see the README for the fields)
      --today <date>   the date to report as of, YYYY-MM-DD (default: today's local date)
  -o, --out <file>     write the report to this file instead of standard output
      --repo <dir>     a repository to read commits from; repeat for several
      --no-git         read no commits
      --tree <mode>    files (default); alignment: also the org view across files,
                       company objectives with the team objectives aligned to them,
                       rolled-up progress and the number of teams (JSON: "alignment",
                       as in okr list --tree alignment)
      --retro          the period's retrospective instead (Markdown): scores per
                       objective and key result against what their kind expects
                       (committed 1.0, aspirational about 0.7), what was dropped and
                       why, check-in discipline, linked work, and the team's retro:
  -h, --help           show this help

Exit codes: 0 written; 2 bad usage, a path that does not exist or cannot be read,
a --repo that is not a repository, or an --out file that cannot be written or is an
OKR file (the report never takes an OKR file's place).

Examples:
  okr report > progress.md
  okr report --format html --out progress.html
  okr report teams/ --format json --today 2026-12-31
`;

interface ReportArgs {
  paths: string[];
  format: ReportFormat;
  today: string;
  out?: string;
  repos: string[];
  git: boolean;
  tree: TreeMode;
  retro: boolean;
}

function parseReportArgs(args: string[], io: CliIO): ReportArgs {
  const { values, positionals } = parseCommandArgs('report', args, {
    format: { type: 'string', short: 'f' },
    today: { type: 'string' },
    out: { type: 'string', short: 'o' },
    repo: { type: 'string', multiple: true },
    'no-git': { type: 'boolean' },
    tree: { type: 'string' },
    retro: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.retro && values.format !== undefined && values.format !== 'md')
    throw new UsageError('--retro writes Markdown: leave out --format, or use --format md');
  if (values.retro && values.tree !== undefined) throw new UsageError('--retro and --tree cannot be used together');
  const tree = choiceOption('--tree', values.tree, TREE_MODES, 'files');
  const format = choiceOption('--format', values.format, REPORT_FORMATS, 'md');
  if (values.out === '') throw new UsageError('--out needs a file name');
  if (values['no-git'] && values.repo?.length) throw new UsageError('--no-git and --repo cannot be used together');
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format,
    today: parseTodayOption(values.today, io),
    out: values.out,
    repos: values.repo ?? [],
    git: !values['no-git'],
    tree: tree,
    retro: Boolean(values.retro),
  };
}

/** The repositories' commits; undefined when none is read. A named --repo that fails is an error (null). */
async function readRepositories(options: ReportArgs, io: CliIO): Promise<ReportRepository[] | undefined | null> {
  if (!options.git) return undefined;
  const named = options.repos.length > 0;
  const dirs = named ? options.repos : ['.'];
  const out: ReportRepository[] = [];
  const roots = new Set<string>();
  for (const dir of dirs) {
    try {
      const session = await openRepo(repoContext(io, dir));
      if (roots.has(session.root)) continue;
      roots.add(session.root);
      const index = new CommitIndex(session.ctx, { trailerKey: session.trailerKey });
      await index.update();
      out.push({ name: path.relative(io.cwd, session.root) || '.', commits: index.commits });
    } catch (err) {
      const message = gitFailureMessage(err);
      if (message === undefined) throw err;
      // Outside a repository, the report is still worth having: without commit numbers.
      if (!named) return undefined;
      io.stderr(`okr: ${printable(message)}\n`);
      return null;
    }
  }
  return out;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a progress report (Markdown, HTML or JSON) with burn-up charts',
  help: HELP,
  run: async (args, io) => runReport(parseReportArgs(args, io), io),
};

/** Is `target` (through links) one of `paths`? False when it does not exist. */
async function isOneOf(target: string, paths: readonly string[]): Promise<boolean> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) return false;
  for (const p of paths) {
    const other = await fs.stat(p).catch(() => undefined);
    if (other?.dev === stat.dev && other.ino === stat.ino) return true;
  }
  return false;
}

async function runReport(options: ReportArgs, io: CliIO): Promise<number> {
  const loaded = await loadSources(options.paths, io.cwd);
  if (reportLoadProblems(loaded, io)) return 2;
  const show = (p: string) => displayPath(io.cwd, p);
  if (options.out !== undefined) {
    const target = path.resolve(io.cwd, options.out);
    if (
      isOkrFileName(path.basename(target)) ||
      (await isOneOf(
        target,
        loaded.sources.map((s) => s.path),
      ))
    ) {
      io.stderr(`okr: --out ${printable(show(target))} is an OKR file: the report is not written over it; name another file\n`);
      return 2;
    }
  }
  const parsed = parseSources(loaded.sources, { displayPath: show });
  noteSyntaxErrors(parsed, io);
  const repositories = await readRepositories(options, io);
  if (repositories === null) return 2;
  const input = {
    files: parsed.map((p) => ({ path: show(p.source.path), file: p.file })),
    today: options.today,
    repositories,
  };
  const report = buildReport(input);
  if (options.tree === 'alignment') {
    report.alignment = alignmentJson(
      new AlignmentIndex(parsed.map((p) => ({ path: p.source.path, file: p.file }))).tree(options.today),
      show,
    );
  }
  const text = options.retro ? renderRetro(input) : renderReport(report, options.format);
  if (options.out === undefined) {
    io.stdout(text);
    return 0;
  }
  const target = path.resolve(io.cwd, options.out);
  try {
    await fs.writeFile(target, text, 'utf8');
  } catch (err) {
    io.stderr(`okr: cannot write ${printable(show(target))}: ${printable((err as Error).message)}\n`);
    return 2;
  }
  io.stderr(`okr: wrote ${printable(show(target))}\n`);
  return 0;
}
