// The history of the OKR files themselves, for the rules that read it
// (target-moved, sandbagging across periods): one bounded `git log` over the OKR
// files only, with each commit's blob ids (`--raw`) and renames (`-M`), so a file
// renamed in the period is followed; then the blobs needed, in one
// `git cat-file --batch`, cached by blob id (a blob never changes).

import { OKR_FILE_GLOBS } from '../okr-sources';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { CommittedVersion, FileHistory } from '../history';
import type { Period } from '../model';
import { parseOkr } from '../parse';
import { type GitContext, GitError, runGit } from './git';
import { pushAll } from '../arrays';

/** Commits touching OKR files read at most: years of weekly check-ins. */
export const MAX_HISTORY_COMMITS = 2000;

/** The pathspecs of OKR files: the names okr.files finds by default, anywhere in the tree. */
export const OKR_PATHSPECS: readonly string[] = OKR_FILE_GLOBS.map((glob) => `:(glob)**/${glob}`);

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

export function historyLogArgs(
  maxCommits: number,
  pathspecs: readonly string[] = OKR_PATHSPECS,
  revision = 'HEAD',
  since?: string,
): string[] {
  return [
    'log',
    '-z',
    '--no-show-signature',
    `--max-count=${maxCommits}`,
    ...(since !== undefined ? [`--since=${since}T00:00:00Z`] : []),
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
  /**
   * Read no commit older than this day (YYYY-MM-DD): the log stops walking there,
   * so its cost follows the periods the rules read, not the repository's age. For
   * each file whose life goes on before that day, its newest version from before it
   * is read too (one short `git log -1` from there), and files with no commit since
   * are asked about once (`ls-tree`): an old file is not taken for an untracked one.
   */
  since?: string;
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
    const probing = runGit(ctx, ['rev-parse', '--path-format=absolute', '--show-toplevel', '--is-shallow-repository']);
    const max = options.maxCommits ?? MAX_HISTORY_COMMITS;
    const since = options.since;
    // The log starts with the probe, not after it: the paths are given relative to `cwd`.
    const early =
      options.paths !== undefined && options.paths.length > 0 && options.paths.length <= MAX_LITERAL_PATHS
        ? runGit(
            ctx,
            historyLogArgs(
              max,
              options.paths.map((p) => `:(literal)${path.relative(ctx.cwd, p) || '.'}`),
              'HEAD',
              since,
            ),
            {
              okCodes: [128],
            },
          )
        : undefined;
    early?.catch(() => undefined); // awaited below, or moot when the probe fails
    const probe = await probing;
    const [root, shallowLine] = probe.stdout.split('\n');
    const rooted = { ...ctx, cwd: root };
    const shallow = shallowLine === 'true';
    const relative = (options.paths ?? []).map((p) => toRelative(root, p)).filter((p): p is string => p !== undefined);
    const literal = options.paths !== undefined && relative.length <= MAX_LITERAL_PATHS;
    if (literal && relative.length === 0) return new OkrHistory(rooted, root, [], shallow, false, cache);
    const specs = literal ? relative.map((p) => `:(literal)${p}`) : OKR_PATHSPECS;
    // A path outside the repository fails the early log: then the log of the paths inside it.
    let log = early && relative.length === options.paths?.length ? await early : undefined;
    if (log && log.code !== 0 && /outside repository/i.test(log.stderr)) log = undefined;
    log ??= await runGit(rooted, historyLogArgs(max, specs, 'HEAD', since), { okCodes: [128] });
    // A repository without commits yet (HEAD unborn) has no history: not an error.
    if (log.code !== 0 && !/does not have any commits|bad default revision|unknown revision/i.test(log.stderr)) {
      throw new GitError(`git log failed: ${log.stderr.split('\n')[0]}`, 'failed', ['log'], log.stderr, log.code);
    }
    const commits = log.code === 0 ? parseHistoryLog(log.stdout) : [];
    const history = new OkrHistory(rooted, root, commits, shallow, commits.length >= max, cache);
    if (literal && since !== undefined && log.code === 0 && !history.truncated) await history.readBeforeWindow(relative);
    if (literal) for (const rel of relative) await history.followRenames(rel, max, options.followSince);
    return history;
  }

  /**
   * For a log bounded by `since`: each file whose versions in the window do not start
   * with its addition has an older life; its newest version from before the window is
   * read (one commit, `git log -1`) and joins the commits. Files with no version in
   * the window are first asked about at HEAD, so untracked ones cost no walk.
   */
  private async readBeforeWindow(relative: readonly string[]): Promise<void> {
    const starts = new Map<string, string>();
    const unseen: string[] = [];
    for (const rel of relative) {
      const { versions, ended } = this.walkWithEnd(this.commits, rel);
      if (ended) continue;
      const oldest = versions.at(-1);
      if (oldest) starts.set(oldest.path, `${oldest.commit}^`);
      else unseen.push(rel);
    }
    if (unseen.length) {
      const listed = await runGit(this.ctx, ['ls-tree', '-z', '--name-only', '--full-tree', 'HEAD', '--', ...unseen], {
        okCodes: [128],
      });
      if (listed.code === 0) for (const name of listed.stdout.split('\0')) if (name !== '') starts.set(name, 'HEAD');
    }
    const older = await Promise.all(
      [...starts].map(async ([name, from]) => {
        const r = await runGit(this.ctx, historyLogArgs(1, [`:(literal)${name}`], from), { okCodes: [128] });
        return r.code === 0 ? parseHistoryLog(r.stdout) : [];
      }),
    );
    for (const found of older) pushAll(this.commits, found);
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
    return this.walkWithEnd(commits, start).versions;
  }

  /**
   * Per path, the commits of `this.commits` that change it (their indexes, oldest last) and the change:
   * built in one pass, so each file's walk costs its own commits, not every commit read. Extended when
   * commits are appended (readBeforeWindow).
   */
  private readonly changesByPath = new Map<string, { at: number; change: RawChange }[]>();
  private indexedCommits = 0;

  private indexedChanges(name: string): readonly { at: number; change: RawChange }[] {
    for (; this.indexedCommits < this.commits.length; this.indexedCommits++) {
      const at = this.indexedCommits;
      for (const change of this.commits[at].changes) {
        let list = this.changesByPath.get(change.path);
        if (!list) this.changesByPath.set(change.path, (list = []));
        // The walk reads a commit's first change of a path, as `find` did.
        if (list.at(-1)?.at !== at) list.push({ at, change });
      }
    }
    return this.changesByPath.get(name) ?? [];
  }

  /** `walk`, and whether it ended at an addition or deletion (rather than at the end of the commits read). */
  private walkWithEnd(commits: readonly RawCommit[], start: string): { versions: (FileVersion & { status: string })[]; ended: boolean } {
    if (commits !== this.commits) {
      // Another log (an old name's, once per rename): walked as it is.
      let name = start;
      const versions: (FileVersion & { status: string })[] = [];
      for (const c of commits) {
        const change = c.changes.find((ch) => ch.path === name);
        if (!change) continue;
        if (change.status === 'D') return { versions, ended: true };
        versions.push({ commit: c.commit, date: c.date, path: name, blob: change.blob, status: change.status });
        if (change.status === 'R' && change.from) name = change.from;
        else if (change.status === 'A' || change.status === 'C') return { versions, ended: true };
      }
      return { versions, ended: false };
    }
    let name = start;
    let next = 0; // the first commit index not walked yet
    const versions: (FileVersion & { status: string })[] = [];
    for (;;) {
      const changes = this.indexedChanges(name);
      const i = firstAtOrAfter(changes, next);
      if (i === changes.length) return { versions, ended: false };
      const { at, change } = changes[i];
      const c = this.commits[at];
      if (change.status === 'D') return { versions, ended: true };
      versions.push({ commit: c.commit, date: c.date, path: name, blob: change.blob, status: change.status });
      if (change.status === 'R' && change.from) name = change.from;
      else if (change.status === 'A' || change.status === 'C') return { versions, ended: true };
      next = at + 1;
    }
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

/** The first index of `changes` (sorted by `at`) whose commit is at or after `at`: by bisection. */
function firstAtOrAfter(changes: readonly { at: number }[], at: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toRelative(root: string, absolute: string): string | undefined {
  const direct = inside(root, absolute);
  if (direct !== undefined) return direct;
  // A path through a symbolic link (a linked workspace folder, macOS's /tmp): git's root is the real path.
  try {
    return inside(root, path.join(realpathSync.native(path.dirname(absolute)), path.basename(absolute)));
  } catch {
    return undefined; // its folder is gone: nothing of it in this repository
  }
}

function inside(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Versions parsed once per blob: the same blob in many commits (or runs) is one parse. */
const parsedBlobs = new Map<string, CommittedVersion['file']>();
const MAX_PARSED_BLOBS = 5000;

/** Versions whose texts are read in one go when a file has no more (small texts: a few MB at most). */
const MAX_BLOBS_AT_ONCE = 1000;

/** Past periods the rules look back over: sandbagging asks for the last two. */
export const PAST_PERIODS_READ = 2;

/**
 * The committed versions of a file, newest first: what the history rules read. Not
 * every version: those of the current period (`current`, else the newest version's),
 * then for each of the last PAST_PERIODS_READ periods before it only its final
 * version, found by skipping the versions committed after that period began. The
 * texts come in one cat-file; a version is parsed only when a rule reads its `file`:
 * the end of the current period's versions is found by bisection (periods follow
 * each other in a file's life), so a check-in a day costs a few parses, not one each.
 */
export async function fileHistory(history: OkrHistory, absolute: string, current?: Period): Promise<FileHistory> {
  const newest = history.versionsOf(absolute).slice(0, MAX_BLOBS_AT_ONCE);
  if (newest.length === 0) return { versions: [] };
  const texts = await history.texts(newest.filter((v) => !parsedBlobs.has(v.blob)).map((v) => v.blob));
  // A blob a shallow or partial clone lacks is no version.
  const versions = newest
    .filter((v) => parsedBlobs.has(v.blob) || texts.get(v.blob) !== undefined)
    .map((v) => lazyVersion(v, texts.get(v.blob)));
  if (versions.length === 0) return { versions: [] };
  const samePeriod = (a: Period | undefined, b: Period | undefined) => b !== undefined && a?.start === b.start && a.end === b.end;
  const period = current ?? versions[0].file.period;
  // versions[0, count) are of `period`: the first that is not, by bisection.
  let count = 0;
  if (samePeriod(versions[0].file.period, period)) {
    let lo = 0;
    let hi = versions.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (samePeriod(versions[mid].file.period, period)) lo = mid;
      else hi = mid;
    }
    count = lo + 1;
  }
  const out = versions.slice(0, count);
  // Earlier periods: the newest version of each, skipping the rest of that period's versions.
  let at = count;
  for (let found = 0; found < PAST_PERIODS_READ && at < versions.length;) {
    const v = versions[at++];
    out.push(v);
    const p = v.file.period;
    if (!p || samePeriod(p, period)) continue;
    found++;
    // Versions committed since this period began are its earlier drafts.
    while (at < versions.length && versions[at].date.slice(0, 10) >= p.start) at++;
  }
  return { versions: out, current: count };
}

/** A committed version whose text is parsed on first reading of `file`, once per blob. */
function lazyVersion(v: FileVersion, text: string | undefined): CommittedVersion {
  let file = parsedBlobs.get(v.blob);
  return {
    commit: v.commit,
    date: v.date.slice(0, 10),
    get file() {
      if (!file) {
        const t = text ?? '';
        file = parseOkr(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t, v.path).file;
        if (parsedBlobs.size >= MAX_PARSED_BLOBS) parsedBlobs.clear();
        parsedBlobs.set(v.blob, file);
      }
      return file;
    },
  };
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
  // The log walks back as far as the rules read: the last PAST_PERIODS_READ periods of each
  // file's length before its own, and a month for planning. A file without a period: all of it.
  const reach = files.map((f) => {
    const days = f.period ? periodDays(f.period) : NaN;
    return f.period && Number.isFinite(days) ? shiftDays(f.period.start, -(PAST_PERIODS_READ * days + 30)) : undefined;
  });
  const since = reach.some((d) => d === undefined) ? undefined : (reach as string[]).sort()[0];
  const history = await OkrHistory.read(ctx, { paths: files.map((f) => f.path), followSince, since }, cache);
  const histories = new Map<string, FileHistory>();
  const untracked: string[] = [];
  for (const f of files) {
    if (history.relative(f.path) === undefined) continue;
    if (!history.isTracked(f.path)) untracked.push(f.path);
    histories.set(f.path, await fileHistory(history, f.path, f.period));
  }
  return { histories, untracked, shallow: history.shallow, truncated: history.truncated };
}

function periodDays(period: Period): number {
  return Math.max(1, Math.round((Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`)) / 86_400_000) + 1);
}

/** The day `days` after `date`; undefined for a date that is none. */
function shiftDays(date: string, days: number): string | undefined {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

export { GitError };
