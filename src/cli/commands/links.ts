// `okr links`: the commits that support each key result (through their trailers),
// across one or several repositories, and the trailers that name no known key
// result (a typo, or a key result renamed or removed since).

import { isValidDate } from '../../core/dates';
import { printable } from '../../core/escape';
import * as path from 'node:path';
import { type CommitRecord, CommitIndex, SCAN_SLACK_DAYS, scanWindowStart } from '../../core/git/history';
import { indexCachePath, readIndexCache, writeIndexCache } from '../../core/git/index-cache';
import {
  gitFailureMessage,
  type GitResult,
  openRepo,
  OKR_FILES_CONFIG_KEY,
  type RepoSession,
  TRAILER_CONFIG_KEY,
} from '../../core/git/git';
import { type BeforeParse, KnownIds, knownIdsForRepo, listOkrFiles, type LoadedKnownIds, loadKnownIds } from '../../core/git/known-ids';
import { prereadScanWindow, WindowedScan } from '../../core/git/windowed-scan';
import { NOTES_REF } from '../../core/git/notes';
import { DEFAULT_TRAILER_KEY } from '../../core/git/trailers';
import { OKR_FILE_GLOBS, type OkrSource } from '../../core/okr-sources';
import { styleFor } from '../format/ansi';
import { choiceOption, type CliIO, type Command, UsageError, parseCommandArgs, useColor } from '../io';
import { repoContext } from '../repo';
import { reportLoadProblems } from '../paths';
import { pushAll } from '../../core/arrays';

const FORMATS = ['text', 'json'] as const;
/** The scan's window is the periods' (known once the OKR files are read). */
const PERIODS = Symbol('the periods');
const DEFAULT_LIMIT = 10;

const HELP = `Usage: okr links [paths...] [options]

Show the commits that support each key result: those whose message carries the
trailer "${DEFAULT_TRAILER_KEY}: <id>" (or the key in git config ${TRAILER_CONFIG_KEY}) in the
history reachable from HEAD, or whose OKR Lens note names it (okr tag,
git notes in ${NOTES_REF}). Trailers that name no key result of the OKR files are
listed apart, with the closest ids.

OKR files (${OKR_FILE_GLOBS.join(', ')}) are read under the given paths; with none,
under the folders in each repository's git config ${OKR_FILES_CONFIG_KEY}, else the
whole repository.

Only the commits that can matter are read: from the earliest period start among
the OKR files read, minus ${SCAN_SLACK_DAYS} days of slack (work often starts just before a
quarter does); git itself stops walking there. --all-history reads everything, as
for OKR files without a period. A long scan shows its progress on a terminal.

Options:
  -f, --format <name>  text (default) or json
      --since <date>   only commits authored on or after this date (YYYY-MM-DD,
                       or an ISO 8601 time like 2026-11-01T09:00:00Z); passed to
                       git, so older history is not read at all
      --all-history    read the whole history, not just from the periods on
      --cache          keep the commits read under the repository's git directory
                       (.git/okr-lens/) and read only new ones next time; a
                       rewritten history is still read again in full
      --repo <dir>     a repository to read; repeat for several (default: the one
                       the current folder is in)
      --limit <n>      commits listed per key result in text (default ${DEFAULT_LIMIT}; 0: all)
  -h, --help           show this help

Text output (a dropped key result only when commits name it):
  ID  title
    N commits by authors, first date to last date
    <short sha>  <date>  <author>  <subject>

JSON output: { "since", "window" (the first day read; null: the whole history),
  "repositories": [{ "root", "head", "shallow", "commits", "read" (commits read
  from git by this run), "full" (the whole window was read) }],
  "keyResults": [{ "id", "title", "dropped", "file", "count", "authors": [names], "firstDate",
    "lastDate", "commits": [{ "repository", "sha", "subject", "author", "email", "date" }] }],
  "unknown": [{ "value", "suggestions": [ids], "repository", "sha", "subject",
    "author", "email", "date" }] }
Commits are newest first; dates are the authors', ISO 8601.

Exit codes: 0 listed; 2 bad usage, not a repository, or no OKR file found.
`;

interface LinkedCommit {
  repository: string;
  commit: CommitRecord;
}

/**
 * The items sorted newest first by their commits' dates (a stable sort, so equal
 * dates keep their order), each date parsed once rather than at every comparison.
 */
function newestFirst<T>(items: readonly T[], linked: (item: T) => LinkedCommit): T[] {
  return items
    .map((item) => ({ item, time: Date.parse(linked(item).commit.date) }))
    .sort((a, b) => b.time - a.time)
    .map((x) => x.item);
}

/** `--since`: a day compares with the commit's own calendar day, a time with its instant. */
function sinceFilter(since: string | undefined): (c: CommitRecord) => boolean {
  if (since === undefined) return () => true;
  if (isValidDate(since)) return (c) => c.date.slice(0, 10) >= since;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(since) ? Date.parse(since) : NaN;
  if (Number.isNaN(instant)) throw new UsageError(`--since must be a date (YYYY-MM-DD) or an ISO 8601 time, not "${since}"`);
  return (c) => Date.parse(c.date) >= instant;
}

/**
 * A progress line on stderr while the history is read, on a terminal only (never in
 * a pipe or a CI log): "okr: reading history... 120,000 commits". Redrawn at most
 * ten times a second, and erased when done.
 */
function scanProgress(io: CliIO, repositories: number): { enabled: boolean; update(repo: number, commits: number): void; done(): void } {
  if (!io.stderrIsTTY) return { enabled: false, update: () => undefined, done: () => undefined };
  const counts = new Array<number>(repositories).fill(0);
  let shown = false;
  let last = 0;
  return {
    enabled: true,
    update(repo, commits) {
      counts[repo] = commits;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const total = counts.reduce((a, b) => a + b, 0);
      io.stderr(`\r\x1b[Kokr: reading history... ${total.toLocaleString('en-US')} commits`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/**
 * The key results of several repositories' OKR files together; each file read once.
 * `early`: the OKR files listed in a folder before its repository was opened, used for
 * the repository whose root that folder is.
 */
async function knownIdsOfRepos(
  sessions: readonly RepoSession[],
  beforeParse?: BeforeParse,
  early?: { cwd: string; listing: Promise<GitResult> },
): Promise<LoadedKnownIds> {
  const all = await Promise.all(
    sessions.map((s) => knownIdsForRepo(s.ctx, s.root, s.okrFiles, beforeParse, early?.cwd === s.root ? early.listing : undefined)),
  );
  if (all.length === 1) return all[0];
  const files = [...new Set(all.flatMap((a) => a.files))];
  const definitions = all.flatMap((a) => a.known.definitions);
  return {
    known: new KnownIds(definitions),
    files,
    problems: all.flatMap((a) => a.problems),
    // Only "no OKR file anywhere" is worth saying when several repositories are read.
    empty: files.length === 0 ? all.flatMap((a) => a.empty) : [],
    periodStarts: all.flatMap((a) => a.periodStarts),
  };
}

interface LinksArgs {
  /** OKR files or folders named on the command line; none: each repository's own. */
  paths: string[];
  format: (typeof FORMATS)[number];
  since: string | undefined;
  /** Whether a commit is authored on or after --since. */
  keep: (c: CommitRecord) => boolean;
  allHistory: boolean;
  repoDirs: string[];
  limit: number;
  cache: boolean;
}

function parseLinksArgs(args: string[]): LinksArgs {
  const { values, positionals } = parseCommandArgs('links', args, {
    format: { type: 'string', short: 'f' },
    since: { type: 'string' },
    repo: { type: 'string', multiple: true },
    limit: { type: 'string' },
    'all-history': { type: 'boolean' },
    cache: { type: 'boolean' },
  });
  if (values['all-history'] && values.since !== undefined) throw new UsageError('--since and --all-history cannot be used together');
  const format = choiceOption('--format', values.format, FORMATS, 'text');
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0)
    throw new UsageError(`--limit must be a whole number, 0 or more (0 lists all), not "${values.limit}"`);
  return {
    paths: positionals,
    format,
    since: values.since,
    keep: sinceFilter(values.since),
    allHistory: Boolean(values['all-history']),
    repoDirs: values.repo && values.repo.length > 0 ? values.repo : ['.'],
    limit,
    cache: Boolean(values.cache),
  };
}

export const linksCommand: Command = {
  name: 'links',
  summary: 'list the commits that support each key result',
  help: HELP,
  run: async (args, io) => runLinks(parseLinksArgs(args), io),
};

async function runLinks(options: LinksArgs, io: CliIO): Promise<number> {
  let failed = false;
  const fail = (err: unknown) => {
    const message = gitFailureMessage(err);
    if (message === undefined) throw err;
    io.stderr(`okr: ${printable(message)}\n`);
    failed = true;
  };
  // The repositories and (with paths given) the OKR files are independent: read them side by side.
  let explicitIds: ((beforeParse?: BeforeParse) => Promise<LoadedKnownIds>) | undefined;
  if (options.paths.length > 0) {
    // The files are read now; their parse waits for the scans' window (beforeParse), given once the repositories are open.
    let release!: (beforeParse: BeforeParse | undefined) => void;
    const given = new Promise<BeforeParse | undefined>((resolve) => (release = resolve));
    const loading = loadKnownIds(options.paths, io.cwd, async (sources) => (await given)?.(sources));
    loading.catch(() => undefined);
    explicitIds = (beforeParse) => (release(beforeParse), loading);
  }
  // One repository, its own OKR files: they are listed beside opening it, as the folder is
  // usually its root (the listing is then the one knownIdsForRepo asks for; else it is dropped).
  let early: { cwd: string; listing: Promise<GitResult> } | undefined;
  if (options.paths.length === 0 && options.repoDirs.length === 1) {
    const ctx = repoContext(io, options.repoDirs[0]);
    early = { cwd: ctx.cwd, listing: listOkrFiles(ctx) };
    early.listing.catch(() => undefined);
  }
  const opened = await Promise.all(
    options.repoDirs.map((dir) => openRepo(repoContext(io, dir)).catch((err: unknown) => (fail(err), undefined))),
  );
  const sessions: RepoSession[] = [];
  for (const s of opened) if (s && !sessions.some((x) => x.root === s.root)) sessions.push(s);
  if (sessions.length === 0) {
    explicitIds?.(undefined).catch(() => undefined);
    return 2;
  }
  const progress = scanProgress(io, sessions.length);
  const cacheFiles = sessions.map((s) => (options.cache ? indexCachePath(s.info.commonDir, 'HEAD', s.trailerKey) : undefined));
  const cached = await Promise.all(
    cacheFiles.map((f, i) => (f ? readIndexCache(f, 'HEAD', sessions[i].trailerKey) : Promise.resolve(undefined))),
  );
  // Each index knows its head from opening the repository (or, in a bare one, asks for it while the OKR files are read).
  const scan = new WindowedScan(
    (i) =>
      new CommitIndex(sessions[i].ctx, {
        trailerKey: sessions[i].trailerKey,
        state: cached[i],
        // Without --cache nothing is kept: only the commits that name a key result are decoded.
        linkedOnly: !options.cache,
        // Opening the repository asked for HEAD already (not in a bare one).
        probed: sessions[i].info.head && { head: sessions[i].info.head.commit, shallow: sessions[i].info.shallow },
        onProgress: progress.enabled ? (n) => progress.update(i, n) : undefined,
      }),
    sessions.length,
  );
  // The scan reads from the periods on (or --since), never the whole history unless asked. A window
  // known now starts the scan now; else it starts from the periods pre-read, beside the parse, and
  // runs again should the parse say otherwise.
  const givenWindow = options.since ?? (options.allHistory ? undefined : PERIODS);
  if (givenWindow !== PERIODS) scan.begin(givenWindow).catch(() => undefined);
  const beforeParse =
    givenWindow === PERIODS && (explicitIds !== undefined || sessions.length === 1)
      ? async (sources: readonly OkrSource[]) => {
          const guess = prereadScanWindow(sources.map((s) => s.text));
          if (guess !== undefined) await scan.begin(guess);
        }
      : undefined;

  const loaded = explicitIds ? await explicitIds(beforeParse) : await knownIdsOfRepos(sessions, beforeParse, early);
  if (reportLoadProblems(loaded, io) && loaded.files.length === 0) {
    await scan.stop();
    return 2;
  }

  // Made now, while git log runs: the first comparison by locale loads ICU's collation data,
  // which takes longer than anything else done after the log.
  const byName = new Intl.Collator().compare;
  const window = givenWindow !== PERIODS ? givenWindow : scanWindowStart(loaded.periodStarts);
  const updates = await scan.finish(window);
  const repos: { session: RepoSession; index: CommitIndex; read: number; full: boolean }[] = [];
  await Promise.all(
    sessions.map(async (session, i) => {
      const index = scan.indexes[i];
      try {
        const result = await updates[i];
        repos[i] = { session, index, read: result.added, full: result.full };
        const file = cacheFiles[i];
        if (file && (result.added > 0 || result.full || cached[i] === undefined)) {
          await writeIndexCache(file, index.state()).catch((err: unknown) =>
            io.stderr(`okr: could not keep the commits in ${printable(file)}: ${printable((err as Error).message)}\n`),
          );
        }
      } catch (err) {
        fail(err);
      }
    }),
  );
  progress.done();
  const found = repos.filter((r) => r !== undefined);
  repos.length = 0;
  pushAll(repos, found);
  if (repos.length === 0) return 2;

  const labels = new Map(repos.map(({ session: s }) => [s, repos.length === 1 ? path.relative(io.cwd, s.root) || '.' : s.root]));
  const label = (s: RepoSession) => labels.get(s)!;
  const byId = new Map<string, LinkedCommit[]>(loaded.known.ids.map((id) => [id, []]));
  const unknown: { value: string; key: string; suggestions: string[]; linked: LinkedCommit }[] = [];
  for (const { session, index } of repos) {
    const repository = label(session);
    for (const commit of index.commits) {
      // Most commits name nothing: they are passed over before anything else is asked.
      if (commit.keyResults.length === 0 || !options.keep(commit)) continue;
      const seen = commit.keyResults.length > 1 ? new Set<string>() : undefined;
      for (const value of commit.keyResults) {
        const definition = loaded.known.resolve(value);
        if (!definition) {
          unknown.push({
            value,
            key: session.trailerKey,
            suggestions: loaded.known.suggest(value),
            linked: { repository, commit },
          });
        } else if (!seen?.has(definition.id)) {
          seen?.add(definition.id);
          byId.get(definition.id)!.push({ repository, commit });
        }
      }
    }
  }
  for (const [id, list] of byId)
    byId.set(
      id,
      newestFirst(list, (l) => l),
    );
  const unknownSorted = newestFirst(unknown, (u) => u.linked);
  unknown.length = 0;
  pushAll(unknown, unknownSorted);

  const summaries = loaded.known.ids.map((id) => {
    const definition = loaded.known.resolve(id)!;
    const commits = byId.get(id)!;
    const authorCounts = new Map<string, number>();
    for (const c of commits) authorCounts.set(c.commit.author, (authorCounts.get(c.commit.author) ?? 0) + 1);
    const authors = [...authorCounts.entries()].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).map(([name]) => name);
    return {
      id,
      title: definition.title ?? null,
      dropped: Boolean(definition.dropped),
      file: definition.path,
      count: commits.length,
      authors,
      firstDate: commits.length ? commits[commits.length - 1].commit.date : null,
      lastDate: commits.length ? commits[0].commit.date : null,
      commits,
    };
  });

  if (options.format === 'json') {
    const commitJson = (l: LinkedCommit) => ({
      repository: l.repository,
      sha: l.commit.sha,
      subject: l.commit.subject,
      author: l.commit.author,
      email: l.commit.email,
      date: l.commit.date,
    });
    const json = {
      since: options.since ?? null,
      window: window ?? null,
      repositories: repos.map((r) => ({
        root: r.session.root,
        head: r.index.head ?? null,
        shallow: r.index.shallow,
        commits: r.index.size,
        read: r.read,
        full: r.full,
      })),
      keyResults: summaries.map((s) => ({ ...s, commits: s.commits.map(commitJson) })),
      unknown: unknown.map((u) => ({ value: u.value, suggestions: u.suggestions, ...commitJson(u.linked) })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return failed ? 2 : 0;
  }

  const style = styleFor(useColor(io));
  const line = (l: LinkedCommit) =>
    `    ${style.yellow(l.commit.sha.slice(0, 10))}  ${l.commit.date.slice(0, 10)}  ${printable(l.commit.author)}  ` +
    `${printable(l.commit.subject)}${repos.length > 1 ? style.dim(`  (${printable(l.repository)})`) : ''}`;
  for (const r of repos) {
    if (r.index.head === undefined) io.stdout(`${style.dim(`${printable(label(r.session))}: no commits yet`)}\n`);
    if (r.index.shallow)
      io.stdout(`${style.dim(`${printable(label(r.session))}: a shallow clone: older commits are not in it (git fetch --unshallow)`)}\n`);
  }
  for (const s of summaries) {
    // A dropped key result is history: worth a line only when commits name it.
    if (s.dropped && s.count === 0) continue;
    const title = s.title ? printable(s.title) : style.dim('(no title)');
    io.stdout(`${style.bold(printable(s.id))}  ${title}${s.dropped ? `  ${style.dim('(dropped)')}` : ''}\n`);
    if (s.count === 0) {
      io.stdout(`  ${style.dim('no commits')}\n`);
      continue;
    }
    const shownAuthors =
      s.authors.slice(0, 3).map(printable).join(', ') + (s.authors.length > 3 ? ` and ${s.authors.length - 3} more` : '');
    const span =
      s.firstDate!.slice(0, 10) === s.lastDate!.slice(0, 10)
        ? `on ${s.firstDate!.slice(0, 10)}`
        : `${s.firstDate!.slice(0, 10)} to ${s.lastDate!.slice(0, 10)}`;
    io.stdout(`  ${s.count} commit${s.count === 1 ? '' : 's'} by ${shownAuthors}, ${span}\n`);
    const listed = options.limit === 0 ? s.commits : s.commits.slice(0, options.limit);
    for (const l of listed) io.stdout(`${line(l)}\n`);
    if (listed.length < s.commits.length)
      io.stdout(`    ${style.dim(`... and ${s.commits.length - listed.length} more (--limit 0 lists all)`)}\n`);
  }
  if (unknown.length > 0) {
    io.stdout(`\n${style.red(`Trailers naming no known key result (${unknown.length}):`)}\n`);
    for (const u of unknown) {
      const hint = u.suggestions.length ? `; did you mean ${u.suggestions.join(', ')}?` : '';
      io.stdout(`${line(u.linked)}\n      ${printable(`${u.key}: ${u.value}`)}${hint}\n`);
    }
  }
  return failed ? 2 : 0;
}
