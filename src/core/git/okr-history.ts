// The history of the OKR files themselves, for the rules that read it
// (target-moved, sandbagging across periods): one bounded `git log` over the OKR
// files only, with each commit's blob ids (`--raw`) and renames (`-M`), so a file
// renamed in the period is followed; then the blobs needed, in one
// `git cat-file --batch`, cached by blob id (a blob never changes).

import * as path from 'node:path';
import type { CommittedVersion, FileHistory } from '../history';
import type { Period } from '../model';
import { parseOkr } from '../parse';
import { type GitContext, GitError, runGit } from './git';
import { pushAll } from '../arrays';

/** Commits touching OKR files read at most: years of weekly check-ins. */
export const MAX_HISTORY_COMMITS = 2000;

/** The pathspecs of OKR files: the names okr.files finds by default, anywhere in the tree. */
export const OKR_PATHSPECS: readonly string[] = [':(glob)**/*.okr.yaml', ':(glob)**/*.okr.yml', ':(glob)**/.okr.yaml'];

export interface FileVersion {
  commit: string;
  /** Committer date, ISO 8601 (when the change reached the branch's history). */
  date: string;
  /** The path at that commit, relative to the repository root, with `/`. */
  path: string;
  blob: string;
}

interface RawChange {
  status: string;
  blob: string;
  path: string;
  /** For renames and copies: the path before. */
  from?: string;
}

interface RawCommit {
  commit: string;
  date: string;
  changes: RawChange[];
}

/** More files than this and the log takes the OKR globs instead of each path (the command line stays short). */
export const MAX_LITERAL_PATHS = 200;

/** Renames followed back per file: `--follow`, bounded. */
const MAX_RENAMES = 8;

export function historyLogArgs(maxCommits: number, pathspecs: readonly string[] = OKR_PATHSPECS, revision = 'HEAD'): string[] {
  return [
    'log',
    '-z',
    '--no-show-signature',
    `--max-count=${maxCommits}`,
    '--format=%x1e%H%x1f%cI',
    '--raw',
    '--no-abbrev',
    '-M',
    '--end-of-options',
    revision,
    '--',
    ...pathspecs,
  ];
}

/** Parses `git log` output made with `historyLogArgs`. Malformed records are skipped. */
export function parseHistoryLog(output: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const record of output.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [commit, date] = header.split('\x1f');
    if (!/^[0-9a-f]{40,64}$/.test(commit ?? '') || !date) continue;
    const changes: RawChange[] = [];
    const tokens = headerEnd < 0 ? [] : record.slice(headerEnd + 1).split('\0');
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i].replace(/^\n+/, '');
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      if (fields.length < 5) continue;
      const status = fields[4];
      const blob = fields[3];
      if (status.startsWith('R') || status.startsWith('C')) {
        changes.push({ status: status[0], blob, from: tokens[i + 1], path: tokens[i + 2] });
        i += 2;
      } else {
        changes.push({ status: status[0], blob, path: tokens[i + 1] });
        i += 1;
      }
    }
    commits.push({ commit, date, changes });
  }
  return commits;
}

export interface OkrHistoryOptions {
  maxCommits?: number;
  /**
   * The files to read the history of (absolute): the log then names each path
   * (git walks a literal path far faster than a glob over the tree), and renames
   * are followed back one file at a time. Without it, every OKR file by glob.
   */
  paths?: readonly string[];
  /**
   * Renames are followed only for files added on or after this day (YYYY-MM-DD):
   * older history than the rules read needs no following. Default: always.
   */
  followSince?: string;
}

/** What git knows of the OKR files: read once per lint run (or editor refresh). */
export class OkrHistory {
  private constructor(
    private readonly ctx: GitContext,
    /** The working tree's root. */
    readonly root: string,
    private readonly commits: RawCommit[],
    /** A shallow clone lacks the older commits. */
    readonly shallow: boolean,
    /** The log stopped at the bound: older changes are not read. */
    readonly truncated: boolean,
    private readonly blobs: Map<string, string | undefined>,
  ) {}

  /** Reads the history of the OKR files of the repository `ctx.cwd` is in; GitError outside one. */
  static async read(ctx: GitContext, options: OkrHistoryOptions = {}, cache = new Map<string, string | undefined>()): Promise<OkrHistory> {
    const probe = await runGit(ctx, ['rev-parse', '--path-format=absolute', '--show-toplevel', '--is-shallow-repository']);
    const [root, shallowLine] = probe.stdout.split('\n');
    const rooted = { ...ctx, cwd: root };
    const shallow = shallowLine === 'true';
    const max = options.maxCommits ?? MAX_HISTORY_COMMITS;
    const relative = (options.paths ?? []).map((p) => toRelative(root, p)).filter((p): p is string => p !== undefined);
    const literal = options.paths !== undefined && relative.length <= MAX_LITERAL_PATHS;
    if (literal && relative.length === 0) return new OkrHistory(rooted, root, [], shallow, false, cache);
    const specs = literal ? relative.map((p) => `:(literal)${p}`) : OKR_PATHSPECS;
    // A repository without commits yet (HEAD unborn) has no history: not an error.
    const log = await runGit(rooted, historyLogArgs(max, specs), { okCodes: [128] });
    if (log.code !== 0 && !/does not have any commits|bad default revision|unknown revision/i.test(log.stderr)) {
      throw new GitError(`git log failed: ${log.stderr.split('\n')[0]}`, 'failed', ['log'], log.stderr, log.code);
    }
    const commits = log.code === 0 ? parseHistoryLog(log.stdout) : [];
    const history = new OkrHistory(rooted, root, commits, shallow, commits.length >= max, cache);
    if (literal) for (const rel of relative) await history.followRenames(rel, max, options.followSince);
    return history;
  }

  /** Per path, the versions found beyond a rename (a literal pathspec does not see the old name). */
  private readonly beyondRenames = new Map<string, FileVersion[]>();

  /**
   * Where the path's history starts with an addition, asks git whether that commit
   * renamed it (one commit's diff), and if so reads the old name's history from
   * the commit before: what `git log --follow` does, a file at a time.
   */
  private async followRenames(rel: string, max: number, since: string | undefined): Promise<void> {
    let name = rel;
    let versions = this.walk(this.commits, name);
    const extra: FileVersion[] = [];
    for (let i = 0; i < MAX_RENAMES; i++) {
      const oldest = versions.at(-1);
      if (oldest?.status !== 'A' || (since !== undefined && oldest.date.slice(0, 10) < since)) break;
      const diff = await runGit(this.ctx, [
        'diff-tree',
        '-z',
        '-r',
        '-M',
        '--raw',
        '--no-abbrev',
        '--no-commit-id',
        '--root',
        oldest.commit,
      ]);
      const renamed = parseHistoryLog(`\x1e${oldest.commit}\x1f${oldest.date}\0${diff.stdout}`)[0]?.changes.find(
        (c) => c.status === 'R' && c.path === name,
      );
      if (!renamed?.from) break;
      name = renamed.from;
      const older = parseHistoryLog(
        (await runGit(this.ctx, historyLogArgs(max, [`:(literal)${name}`], `${oldest.commit}^`), { okCodes: [128] })).stdout,
      );
      versions = this.walk(older, name);
      pushAll(
        extra,
        versions.map(({ status: _status, ...v }) => v),
      );
    }
    if (extra.length) this.beyondRenames.set(rel, extra);
  }

  /** The versions of `name` in `commits` (newest first), to the first addition or deletion, with the change's status. */
  private walk(commits: readonly RawCommit[], start: string): (FileVersion & { status: string })[] {
    let name = start;
    const out: (FileVersion & { status: string })[] = [];
    for (const c of commits) {
      const change = c.changes.find((ch) => ch.path === name);
      if (!change) continue;
      if (change.status === 'D') break;
      out.push({ commit: c.commit, date: c.date, path: name, blob: change.blob, status: change.status });
      if (change.status === 'R' && change.from) name = change.from;
      else if (change.status === 'A' || change.status === 'C') break;
    }
    return out;
  }

  /** The repository-relative path of an absolute one, with `/`; undefined outside the tree. */
  relative(absolute: string): string | undefined {
    return toRelative(this.root, absolute);
  }

  /** Has the file been committed? A new or untracked file has no history yet. */
  isTracked(absolute: string): boolean {
    return this.versionsOf(absolute).length > 0;
  }

  /**
   * The committed versions of the file now at `absolute`, newest first, following
   * renames back through its history (`git log --follow` for each file, in one log).
   */
  versionsOf(absolute: string): FileVersion[] {
    const name = this.relative(absolute);
    if (name === undefined) return [];
    // A deletion ends the walk: what came before is another file's life.
    const own = this.walk(this.commits, name).map(({ status: _status, ...v }) => v);
    return [...own, ...(this.beyondRenames.get(name) ?? [])];
  }

  /** The texts of the given blobs, in one `git cat-file --batch`; cached by blob id. */
  async texts(blobs: readonly string[]): Promise<Map<string, string | undefined>> {
    const missing = [...new Set(blobs)].filter((b) => !this.blobs.has(b));
    if (missing.length) {
      const { stdout } = await runGit(this.ctx, ['cat-file', '--batch'], {
        input: `${missing.join('\n')}\n`,
        maxBuffer: 256 * 1024 * 1024,
      });
      const buffer = Buffer.from(stdout, 'utf8');
      let at = 0;
      for (const blob of missing) {
        const nl = buffer.indexOf(10, at);
        if (nl < 0) break;
        const header = buffer.toString('utf8', at, nl);
        const m = /^([0-9a-f]+) blob (\d+)$/.exec(header);
        if (!m) {
          // "<sha> missing": a shallow or partial clone without that blob.
          this.blobs.set(blob, undefined);
          at = nl + 1;
          continue;
        }
        const size = Number(m[2]);
        this.blobs.set(blob, buffer.toString('utf8', nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1;
      }
    }
    return new Map(blobs.map((b) => [b, this.blobs.get(b)]));
  }
}

function toRelative(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Versions parsed once per blob: the same blob in many commits (or runs) is one parse. */
const parsedBlobs = new Map<string, CommittedVersion['file']>();
const MAX_PARSED_BLOBS = 5000;

/** Past periods the rules look back over: sandbagging asks for the last two. */
export const PAST_PERIODS_READ = 2;

/**
 * The committed versions of a file, parsed, newest first: what the history rules
 * read. Not every version: those of the current period (`current`, else the newest
 * version's), then for each of the last PAST_PERIODS_READ periods before it only its
 * final version, found by skipping the versions committed after that period began.
 * So the cost follows the current period's commits, not the file's whole life.
 */
export async function fileHistory(history: OkrHistory, absolute: string, current?: Period): Promise<FileHistory> {
  const versions = history.versionsOf(absolute);
  if (versions.length === 0) return { versions: [] };
  const parse = async (from: number, count: number): Promise<(CommittedVersion | undefined)[]> => {
    const slice = versions.slice(from, from + count);
    const texts = await history.texts(slice.filter((v) => !parsedBlobs.has(v.blob)).map((v) => v.blob));
    return slice.map((v) => {
      let file = parsedBlobs.get(v.blob);
      if (!file) {
        const text = texts.get(v.blob);
        if (text === undefined) return undefined;
        file = parseOkr(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, v.path).file;
        if (parsedBlobs.size >= MAX_PARSED_BLOBS) parsedBlobs.clear();
        parsedBlobs.set(v.blob, file);
      }
      return { commit: v.commit, date: v.date.slice(0, 10), file };
    });
  };
  const out: CommittedVersion[] = [];
  const samePeriod = (a: Period | undefined, b: Period | undefined) => b !== undefined && a?.start === b.start && a.end === b.end;
  // The current period: read in batches until a version of another period shows; the
  // first batch is every version committed since the period began, in one cat-file.
  let at = 0;
  let period = current;
  let batch = Math.max(8, current ? versions.filter((v) => v.date.slice(0, 10) >= current.start).length + 1 : 8);
  scan: while (at < versions.length) {
    const parsed = await parse(at, batch);
    for (const v of parsed) {
      at++;
      if (!v) continue;
      period ??= v.file.period;
      if (!samePeriod(v.file.period, period)) {
        at--;
        break scan;
      }
      out.push(v);
    }
    batch *= 2;
  }
  // Earlier periods: the newest version of each, skipping the rest of that period's versions.
  for (let found = 0; found < PAST_PERIODS_READ && at < versions.length;) {
    const [v] = await parse(at, 1);
    at++;
    if (!v) continue;
    out.push(v);
    const p = v.file.period;
    if (!p || samePeriod(p, period)) continue;
    found++;
    // Versions committed since this period began are its earlier drafts.
    while (at < versions.length && versions[at].date.slice(0, 10) >= p.start) at++;
  }
  return { versions: out };
}

/** What one reading of the history gave, for the files asked about. */
export interface HistoriesRead {
  /** Per absolute path of a file inside the repository: its committed versions (none when untracked). */
  histories: Map<string, FileHistory>;
  /** Files inside the repository that were never committed: no history to compare with. */
  untracked: string[];
  shallow: boolean;
  truncated: boolean;
}

/**
 * The histories of the given OKR files, from one `git log` over their paths in the
 * repository `ctx.cwd` is in (GitError outside one). Renames are followed back only
 * as far as the rules look: two quarters before the earliest period. `cache` keeps
 * blob texts across readings (a blob never changes); the caller bounds it.
 */
export async function readFileHistories(
  ctx: GitContext,
  files: readonly { path: string; period?: Period }[],
  cache?: Map<string, string | undefined>,
): Promise<HistoriesRead> {
  const starts = files
    .map((f) => f.period?.start)
    .filter((d): d is string => d !== undefined)
    .sort();
  const followSince = starts.length ? shiftDays(starts[0], -200) : undefined;
  const history = await OkrHistory.read(ctx, { paths: files.map((f) => f.path), followSince }, cache);
  const histories = new Map<string, FileHistory>();
  const untracked: string[] = [];
  for (const f of files) {
    if (history.relative(f.path) === undefined) continue;
    if (!history.isTracked(f.path)) untracked.push(f.path);
    histories.set(f.path, await fileHistory(history, f.path, f.period));
  }
  return { histories, untracked, shallow: history.shallow, truncated: history.truncated };
}

function shiftDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

export { GitError };
