// The commits of a repository with their key-result trailers, read with one
// `git log` and kept up to date incrementally: after the first scan, only the
// commits added since the last head are read (`<old>..HEAD`); when the old head is
// no longer in the history (a rebase, a force-push, a reset), everything is read
// again. The state is plain JSON, so the extension can persist it.
//
// Linked work only matters inside the OKR periods, so the scan is bounded: it reads
// the commits from a day on (`since`: the earliest period start among the loaded
// files, minus a week of slack; see `scanWindowStart`), and git itself stops
// walking there (`--since`), instead of reading a decade of history to drop it.

import { closestMatches } from '../edit-distance';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_GIT_MAX_BUFFER, type GitContext, GitError, runGit } from './git';
import { applyNoteLinks, type NoteLinks, notesTip, readNoteLinks } from './notes';
import { DEFAULT_TRAILER_KEY, isValidTrailerKey, sameId } from './trailers';
import { addDays } from '../dates';

export interface CommitRecord {
  sha: string;
  parents: string[];
  /** Author name and email, after .mailmap. */
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset (`2026-11-24T10:00:00+01:00`). */
  date: string;
  subject: string;
  /**
   * The key results the commit names, as written (not checked against any OKR file):
   * its trailers' values, then those of its OKR Lens note (notes.ts).
   */
  keyResults: string[];
  /** The values that came from the commit's note, when it has one (the tail of `keyResults`). */
  notedKeyResults?: string[];
}

export interface CommitIndexState {
  version: 1;
  trailerKey: string;
  ref: string;
  /** The commit the index was last brought up to; undefined before the first commit. */
  head?: string;
  /** Absent in states written before shallow clones were told apart. */
  shallow?: boolean;
  /** The notes ref's commit the notes were merged from (notes.ts). */
  notesTip?: string;
  /** The first day read (YYYY-MM-DD or an ISO time); absent: the whole history. */
  since?: string;
  /** Newest first, in `git log` order. */
  commits: CommitRecord[];
}

const FIELD = '\x1f';
const VALUE = '\x1d';

/** The `git log` format: hash, parents, author, email, date, trailer values, then the subject (last: it may hold anything). */
export function logFormat(trailerKey: string): string {
  if (!isValidTrailerKey(trailerKey)) throw new RangeError(`"${trailerKey}" cannot be a trailer key`);
  return ['%H', '%P', '%aN', '%aE', '%aI', `%(trailers:key=${trailerKey},valueonly,unfold,separator=%x1d)`, '%s'].join('%x1f');
}

/**
 * The arguments of the history scan for the given revisions (`HEAD`, `a..b`).
 * Commits end with NUL (`-z`), which no commit message holds; settings that would
 * change the output (signatures, encodings) are overridden.
 */
export function logArgs(trailerKey: string, revisions: readonly string[], options: ReadCommitsOptions = {}): string[] {
  return [
    'log',
    '-z',
    '--no-show-signature',
    '--encoding=UTF-8',
    `--format=${logFormat(trailerKey)}`,
    ...(options.noWalk ? ['--no-walk=unsorted'] : []),
    ...(options.since !== undefined ? [gitSinceArgument(options.since)] : []),
    '--end-of-options',
    ...revisions,
    '--',
  ];
}

export interface ReadCommitsOptions {
  /** Just the named commits, not their history. */
  noWalk?: boolean;
  /** Only commits from this day (YYYY-MM-DD) or time (ISO 8601) on; git stops walking there. */
  since?: string;
  /** Called as commits arrive, with the number read so far. */
  onProgress?: (commits: number) => void;
  /** Stops the scan (git is killed, the read rejects) when aborted. */
  signal?: AbortSignal;
  /** Called once git has been started. */
  onStart?: () => void;
}

/** Days of slack before the earliest period start: work often starts just before a quarter does. */
export const SCAN_SLACK_DAYS = 7;

/** The first day the history scan reads for these periods' starts: the earliest minus the slack; undefined without any. */
export function scanWindowStart(periodStarts: Iterable<string>, slackDays = SCAN_SLACK_DAYS): string | undefined {
  let earliest: string | undefined;
  for (const s of periodStarts) if (/^\d{4}-\d{2}-\d{2}$/.test(s) && (earliest === undefined || s < earliest)) earliest = s;
  return earliest === undefined ? undefined : addDays(earliest, -slackDays);
}

/**
 * `--since` for git, a superset of "authored on or after `since`": a calendar day
 * starts up to 14 hours before UTC midnight somewhere, and git compares committer
 * dates, so a day becomes the previous day at 00:00 UTC; callers filter exactly.
 */
export function gitSinceArgument(since: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? `--since=${addDays(since, -1)}T00:00:00Z` : `--since=${since}`;
}

/** Does a state read from `stateSince` hold every commit a scan from `wanted` needs? */
function covers(stateSince: string | undefined, wanted: string | undefined): boolean {
  if (stateSince === undefined) return true;
  if (wanted === undefined) return false;
  return stateSince.slice(0, 10) <= wanted.slice(0, 10);
}

/**
 * Parses `git log` output made with `logArgs`. A malformed record is skipped, never fatal.
 * Given the raw bytes, each field is decoded on its own: no copy of the whole log is
 * made as one string, and no field keeps such a copy alive (a slice of a large string
 * does), so a long history costs what its commits hold. The separators are ASCII
 * control bytes, which no UTF-8 sequence contains, so splitting the bytes is safe.
 */
export function parseLog(output: string | Buffer): CommitRecord[] {
  const parser = new LogParser();
  parser.push(typeof output === 'string' ? Buffer.from(output, 'utf8') : output);
  return parser.end();
}

const FIELD_BYTE = FIELD.charCodeAt(0);
const VALUE_BYTE = VALUE.charCodeAt(0);
const SHA = /^[0-9a-f]{40,64}$/;
/** Shared by every commit without a trailer (most of them); frozen, so nothing can add to all of them at once. */
const NO_KEY_RESULTS = Object.freeze([]) as unknown as string[];

/** Is `start..end` a lowercase hex hash of 40 to 64 digits (`SHA`), read from the bytes? */
function isShaBytes(buf: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length < 40 || length > 64) return false;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (!((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66))) return false;
  }
  return true;
}

/** Which records a `LogParser` decodes into `CommitRecord`s. */
interface LinkedOnly {
  /** Commits whose OKR Lens note names a key result: kept even without a trailer. */
  noted: ReadonlySet<string>;
}

/**
 * Parses the log as it arrives, chunk by chunk: complete records are parsed at
 * once and only an unfinished one is kept (copied) for the next chunk, so the
 * bytes read need not stay alive, and the reader's buffer can be reused.
 *
 * `linkedOnly`: only the commits that name a key result (a trailer value, or a note
 * in `noted`) are decoded and kept; the others are counted from their bytes, never
 * made into strings (most commits name nothing, and decoding them was most of the parse).
 */
class LogParser {
  readonly commits: CommitRecord[] = [];
  /** The well-formed records parsed, kept or not. */
  count = 0;
  private carry: Buffer | undefined;
  private readonly bounds = new Array<number>(6);
  /** Author and email byte ranges seen before, by a hash of their bytes: one pair of strings each. */
  private readonly people = new Map<number, { bytes: Buffer; author: string; email: string }[]>();
  /** The first parent of the last commit parsed: in a linear stretch, the next record's own hash. */
  private lastParent = '';

  constructor(private readonly linkedOnly?: LinkedOnly) {}

  /** Parses the complete records of `chunk`; the bytes are not used after it returns. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carry) {
      const nul = chunk.indexOf(0);
      if (nul < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const record = Buffer.concat([this.carry, chunk.subarray(0, nul)]);
      this.carry = undefined;
      this.record(record, 0, record.length);
      start = nul + 1;
    }
    for (;;) {
      const end = chunk.indexOf(0, start);
      if (end < 0) break;
      this.record(chunk, start, end);
      start = end + 1;
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
  }

  /** The commits parsed, after the last record (one without a final NUL) is. */
  end(): CommitRecord[] {
    if (this.carry) this.record(this.carry, 0, this.carry.length);
    this.carry = undefined;
    return this.commits;
  }

  private record(buf: Buffer, start: number, end: number): void {
    if (start >= end) return;
    const bounds = this.bounds;
    // Six fields end with FIELD; the subject runs to the end of the record.
    let at = start;
    for (let n = 0; n < 6; n++) {
      const next = buf.indexOf(FIELD_BYTE, at);
      if (next < 0 || next >= end) return;
      bounds[n] = next;
      at = next + 1;
    }
    let keyResults: string[] | undefined;
    if (this.linkedOnly) {
      keyResults = this.linkedKeyResults(buf, start, bounds[0], bounds[4] + 1, bounds[5]);
      if (keyResults === undefined) {
        if (isShaBytes(buf, start, bounds[0])) this.count++;
        this.lastParent = '';
        return;
      }
    }
    const sha = this.sameAs(this.lastParent, buf, start, bounds[0]) ? this.lastParent : buf.toString('latin1', start, bounds[0]);
    if (!SHA.test(sha)) return;
    this.count++;
    const parentsEnd = bounds[1];
    const parentsStart = bounds[0] + 1;
    let parents: string[];
    if (parentsEnd === parentsStart) parents = [];
    else {
      parents = buf.toString('latin1', parentsStart, parentsEnd).split(' ');
    }
    this.lastParent = parents.length > 0 ? parents[0] : '';
    const person = this.person(buf, bounds[1] + 1, bounds[2], bounds[3]);
    keyResults ??= trailerValues(bounds[5] > bounds[4] + 1 ? buf.toString('utf8', bounds[4] + 1, bounds[5]) : '');
    this.commits.push({
      sha,
      parents,
      author: person.author,
      email: person.email,
      date: buf.toString('latin1', bounds[3] + 1, bounds[4]),
      subject: buf.toString('utf8', at, end),
      keyResults,
    });
  }

  /**
   * For a linked-only parse: the record's trailer values (bytes `trailersStart..trailersEnd`)
   * when it names a key result, by a trailer value that is not blank or by a note; else
   * undefined. Asked from the bytes: the values are decoded only when a byte could make one,
   * the hash only when some commit has a note.
   */
  private linkedKeyResults(
    buf: Buffer,
    shaStart: number,
    shaEnd: number,
    trailersStart: number,
    trailersEnd: number,
  ): string[] | undefined {
    let values = NO_KEY_RESULTS;
    for (let i = trailersStart; i < trailersEnd; i++) {
      // Anything but the separator and ASCII blanks may make a value; trailerValues decides exactly.
      const b = buf[i];
      if (b !== VALUE_BYTE && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) {
        values = trailerValues(buf.toString('utf8', trailersStart, trailersEnd));
        break;
      }
    }
    if (values.length > 0) return values;
    // No value (a blank one too, "Key-Result: " and a non-ASCII space): a note may still link the commit.
    const noted = this.linkedOnly!.noted;
    return noted.size > 0 && noted.has(buf.toString('latin1', shaStart, shaEnd)) ? values : undefined;
  }

  /** Do the bytes `start..end` spell `text` (ASCII)? */
  private sameAs(text: string, buf: Buffer, start: number, end: number): boolean {
    if (text.length !== end - start) return false;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== buf[start + i]) return false;
    return true;
  }

  /** The author and email in `start..emailEnd` (split at `nameEnd`), decoded once per distinct pair. */
  private person(buf: Buffer, start: number, nameEnd: number, emailEnd: number): { author: string; email: string } {
    let hash = 0x811c9dc5;
    for (let i = start; i < emailEnd; i++) hash = Math.imul(hash ^ buf[i], 0x01000193);
    let known = this.people.get(hash);
    if (known) {
      const length = emailEnd - start;
      for (const p of known) if (p.bytes.length === length && buf.compare(p.bytes, 0, length, start, emailEnd) === 0) return p;
    } else this.people.set(hash, (known = []));
    const p = {
      bytes: Buffer.from(buf.subarray(start, emailEnd)),
      author: buf.toString('utf8', start, nameEnd),
      email: buf.toString('utf8', nameEnd + 1, emailEnd),
    };
    known.push(p);
    return p;
  }
}

/** The values of a `%(trailers:...,separator=%x1d)` field, trimmed, blanks left out. */
function trailerValues(field: string): string[] {
  if (field === '') return NO_KEY_RESULTS;
  const values = field
    .split(VALUE)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length > 0 ? values : NO_KEY_RESULTS;
}

/** Reads the commits of the given revisions (`okr check-commits` uses ranges). */
export async function readCommits(
  ctx: GitContext,
  trailerKey: string,
  revisions: readonly string[],
  options?: ReadCommitsOptions,
): Promise<CommitRecord[]> {
  return (await scanLog(ctx, logArgs(trailerKey, revisions, options), options)).commits;
}

/**
 * Reads the commits of the given revisions, but keeps only those that name a key
 * result, by a trailer or by a note of `noted` (awaited before the parse starts; git
 * runs meanwhile); `count` is every commit read.
 */
async function readLinkedCommits(
  ctx: GitContext,
  trailerKey: string,
  revisions: readonly string[],
  options: ReadCommitsOptions,
  noted: Promise<ReadonlySet<string>>,
): Promise<{ commits: CommitRecord[]; count: number }> {
  return scanLog(ctx, logArgs(trailerKey, revisions, options), options, noted);
}

/** How often a long scan reports progress. */
const PROGRESS_INTERVAL_MS = 200;
/** How long the reader waits for git to write more before it looks again. */
const POLL_MS = 4;
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Runs `git log` with its output written to a private temporary file
 * (`--output`) rather than a pipe: through a pipe, git writes in small blocks and
 * waits on the reader each time, which made the scan of a large history up to
 * twice as slow as git alone. The file is read and parsed as it grows, so the
 * parse runs beside git's walk (on another core), progress is counted on the way,
 * and no copy of the whole log is ever held; it is removed at the end, whatever
 * happens.
 */
async function scanLog(
  ctx: GitContext,
  args: string[],
  options: ReadCommitsOptions = {},
  linkedOnlyNoted?: Promise<ReadonlySet<string>>,
): Promise<{ commits: CommitRecord[]; count: number }> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-log-'));
  const file = path.join(dir, 'log');
  const at = args.indexOf('--end-of-options');
  const withOutput = [...args.slice(0, at), `--output=${file}`, ...args.slice(at)];
  let parser = new LogParser();
  const tooLarge = () =>
    new GitError(
      `git log printed more than ${Math.round(DEFAULT_GIT_MAX_BUFFER / 1024 / 1024)} MiB and was stopped`,
      'output-too-large',
      args,
    );
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    // Created here, before git truncates and fills it: the reader can open it at once.
    handle = await fs.open(file, 'w+', 0o600);
    let exited = false;
    let wake: (() => void) | undefined;
    const git = runGit(ctx, withOutput, { timeoutMs: 0, signal: stop.signal, onSpawn: options.onStart }).finally(() => {
      exited = true;
      wake?.();
    });
    git.catch(() => undefined);
    if (linkedOnlyNoted) parser = new LogParser({ noted: await linkedOnlyNoted });
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let offset = 0;
    let reported = Date.now();
    for (;;) {
      // Whether git had exited is taken before the read: a read after that sees everything it wrote.
      const done = exited;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, offset);
      if (bytesRead > 0) {
        offset += bytesRead;
        if (offset > DEFAULT_GIT_MAX_BUFFER) {
          stop.abort();
          throw tooLarge();
        }
        parser.push(chunk.subarray(0, bytesRead));
        if (onProgress && Date.now() - reported >= PROGRESS_INTERVAL_MS) {
          reported = Date.now();
          onProgress(parser.count);
        }
        if (bytesRead === chunk.length) continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, POLL_MS);
      });
      wake = undefined;
    }
    await git;
    const commits = parser.end();
    onProgress?.(parser.count);
    return { commits, count: parser.count };
  } finally {
    signal?.removeEventListener('abort', abort);
    stop.abort();
    await handle?.close().catch(() => undefined);
    // The file, then the folder: cheaper than a recursive removal, which loads a module of its own.
    await fs.unlink(file).catch(() => undefined);
    await fs.rmdir(dir).catch(() => fs.rm(dir, { recursive: true, force: true }).catch(() => undefined));
  }
}

export interface UnknownTrailer {
  commit: CommitRecord;
  /** The trailer's value as written. */
  value: string;
  /** Known ids close to it, nearest first. */
  suggestions: string[];
}

export interface UpdateResult {
  /** Commits read by this update. */
  added: number;
  /** Whether the whole history was read (first scan, rewritten history, or a changed setting). */
  full: boolean;
}

/** For one `CommitIndex.update`: how to stop its `git log`, and when it has started. */
export interface ScanHooks {
  /** Stops the read (the update rejects, the index keeps what it held). */
  signal?: AbortSignal;
  /** Called once `git log` has been started, if this update reads any commits. */
  onStart?: () => void;
}

export interface CommitIndexOptions {
  /** Default DEFAULT_TRAILER_KEY. */
  trailerKey?: string;
  /** The ref whose history is indexed; default HEAD (works detached too). */
  ref?: string;
  /**
   * A state saved earlier; ignored when it was made for another trailer key or ref,
   * or read from a later day than `since` asks for.
   */
  state?: CommitIndexState;
  /** The first day to read (YYYY-MM-DD, or an ISO time); undefined reads the whole history. */
  since?: string;
  /** Called as a full or incremental read goes, with the commits read so far. */
  onProgress?: (commits: number) => void;
  /**
   * Hold only the commits that name a key result (by a trailer or a note); the others
   * are counted (`size`), never decoded. For a one-off read (`okr links`): such an
   * index takes no `state`, gives none, and has no `untaggedSince`; each update that
   * finds a new head reads the window again in full.
   */
  linkedOnly?: boolean;
  /**
   * The ref's commit (undefined: none yet) and whether the clone is shallow, as the
   * caller has just asked git (`RepoInfo.head` for HEAD): the first update uses them
   * instead of asking again; later ones ask.
   */
  probed?: { head: string | undefined; shallow: boolean };
}

/** What an update needs to know first: the ref's commit, and whether the clone is shallow. */
interface Probe {
  head: string | undefined;
  shallow: boolean;
}

/** The unique-ish key under which ids compare. */
const idKey = (id: string) => id.toLowerCase();

export class CommitIndex {
  readonly trailerKey: string;
  readonly ref: string;
  private commitList: CommitRecord[] = [];
  private currentHead: string | undefined;
  private isShallow = false;
  private byKeyResult: Map<string, CommitRecord[]> | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private readonly linkedOnly: boolean;
  /** In a linked-only index, the commits read, held or not. */
  private counted = 0;

  constructor(
    private readonly ctx: GitContext,
    options: CommitIndexOptions = {},
  ) {
    this.trailerKey = options.trailerKey ?? DEFAULT_TRAILER_KEY;
    if (!isValidTrailerKey(this.trailerKey)) throw new RangeError(`"${this.trailerKey}" cannot be a trailer key`);
    this.ref = options.ref ?? 'HEAD';
    this.since = options.since;
    this.onProgress = options.onProgress;
    this.linkedOnly = Boolean(options.linkedOnly);
    if (options.probed) this.probed = Promise.resolve({ ...options.probed });
    if (this.linkedOnly && options.state) throw new RangeError('a linked-only commit index cannot start from a saved state');
    const s = options.state;
    // Whether it reaches back far enough is checked when it is used (`setWindow` may still move the window).
    if (s?.version === 1 && s.trailerKey === this.trailerKey && s.ref === this.ref && Array.isArray(s.commits)) {
      this.commitList = s.commits;
      this.currentHead = s.head;
      this.isShallow = Boolean(s.shallow);
      this.notesAt = s.notesTip;
      this.readSince = s.since;
    }
  }

  /** The first day asked for; undefined: the whole history. */
  private since: string | undefined;
  private probed: Promise<Probe> | undefined;

  /** The first day to read from; a held state that does not reach back that far is dropped. */
  setWindow(since: string | undefined): void {
    this.since = since;
    if (!covers(this.readSince, since)) this.reset([], undefined, this.isShallow);
  }

  /**
   * Starts asking git for the head now, so that the question runs while the caller
   * does other work (reading the OKR files); the next `update` uses the answer.
   */
  prepare(): void {
    this.probed ??= this.probe();
    this.probed.catch(() => undefined);
  }

  private async probe(): Promise<Probe> {
    // One git call for both: each spawn costs more than git's own work here.
    const r = await runGit(
      this.ctx,
      ['rev-parse', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', `${this.ref}^{commit}`],
      { okCodes: [1] },
    );
    const [shallowLine, headLine] = r.stdout.split('\n');
    return { shallow: shallowLine === 'true', head: r.code === 0 ? headLine : undefined };
  }
  /** The first day the commits held were read from (a saved state may reach further back than asked). */
  private readSince: string | undefined;
  private readonly onProgress: ((commits: number) => void) | undefined;

  /** The first day the indexed commits were read from; undefined: the whole history. */
  get window(): string | undefined {
    return this.readSince;
  }

  /** The commit the index is up to date with; undefined when the repository has no commits (or before `update`). */
  get head(): string | undefined {
    return this.currentHead;
  }

  /** True when the repository is a shallow clone: older commits are missing from it, and so from the index. */
  get shallow(): boolean {
    return this.isShallow;
  }

  /** Every indexed commit, newest first (in a linked-only index, those that name a key result). */
  get commits(): readonly CommitRecord[] {
    return this.commitList;
  }

  /** How many commits the index read into its window, held or (linked-only) just counted. */
  get size(): number {
    return this.linkedOnly ? this.counted : this.commitList.length;
  }

  /**
   * Brings the index up to the ref's current commit: reads only the new commits
   * when the last indexed head is an ancestor of it, else the whole history.
   * Calls made while one runs wait for it (never two scans at once).
   */
  update(scan: ScanHooks = {}): Promise<UpdateResult> {
    const step = () => {
      // The notes ref is asked about while the history is read, not after; but once `git log`
      // has started, which matters more (or when no log is read).
      let ask!: () => void;
      const asked = new Promise<void>((resolve) => (ask = resolve));
      const tip = asked.then(() => notesTip(this.ctx));
      tip.catch(() => undefined);
      const onStart = () => {
        ask();
        scan.onStart?.();
      };
      // A linked-only read must know the noted commits before it parses: the notes are read while git log runs.
      const links = this.linkedOnly ? tip.then((t) => this.readNotes(t)) : undefined;
      links?.catch(() => undefined);
      return this.doUpdate({ ...scan, onStart }, links)
        .finally(ask)
        .then((r) => this.mergeNotes(r, tip, links));
    };
    const run = this.pending.then(step, step);
    this.pending = run.catch(() => undefined);
    return run;
  }

  private readNotes(tip: string | undefined): Promise<NoteLinks> {
    return tip === undefined ? Promise.resolve({ bySha: new Map() }) : readNoteLinks(this.ctx, this.trailerKey, tip);
  }

  private async doUpdate(scan: ScanHooks, links?: Promise<NoteLinks>): Promise<UpdateResult> {
    const { head, shallow } = await (this.probed ?? this.probe());
    this.probed = undefined;
    scan.signal?.throwIfAborted();
    // Commits held from a later day than now asked for are not enough: read again.
    if (!covers(this.readSince, this.since)) this.reset([], undefined, this.isShallow);
    if (head === undefined) {
      // No commits yet (or the ref does not exist): HEAD is the only ref allowed to be unborn.
      if (this.ref !== 'HEAD') throw new GitError(`"${this.ref}" is not a commit in this repository`, 'failed', ['rev-parse', this.ref]);
      const had = this.size > 0;
      this.reset([], undefined, shallow);
      this.counted = 0;
      return { added: 0, full: had };
    }
    // A shallow clone can be deepened without its head moving: then older commits appear.
    if (head === this.currentHead && shallow === this.isShallow) return { added: 0, full: false };
    if (links) {
      // Linked-only: the commits not held cannot tell whether the old head is an ancestor; the window is read again.
      const noted = links.then((l) => new Set(l.bySha.keys()));
      const read = await readLinkedCommits(
        this.ctx,
        this.trailerKey,
        [head],
        { since: this.since, onProgress: this.onProgress, ...scan },
        noted,
      );
      this.reset(read.commits, head, shallow);
      this.counted = read.count;
      this.readSince = this.since;
      return { added: read.count, full: true };
    }
    const old = this.currentHead;
    if (old !== undefined && head !== old && shallow === this.isShallow) {
      // The old head is an ancestor of the new one exactly when some commit in old..head
      // has it as a parent; otherwise history was rewritten and everything is read again.
      const added = await readCommits(this.ctx, this.trailerKey, [`${old}..${head}`], {
        since: this.readSince,
        onProgress: this.onProgress,
        ...scan,
      }).catch((err: unknown) => {
        // The old head is gone, unless the read was stopped.
        if (err instanceof GitError && err.kind === 'failed' && !scan.signal?.aborted) return undefined;
        throw err;
      });
      if (added?.some((c) => c.parents.includes(old))) {
        this.reset([...added, ...this.commitList], head, shallow);
        return { added: added.length, full: false };
      }
    }
    const all = await readCommits(this.ctx, this.trailerKey, [head], { since: this.since, onProgress: this.onProgress, ...scan });
    this.reset(all, head, shallow);
    this.readSince = this.since;
    return { added: all.length, full: true };
  }

  private notesAt: string | undefined;

  /** Links recorded as git notes (notes.ts), merged after the scan: re-read only when the notes ref moved or commits were read. */
  private async mergeNotes(
    result: UpdateResult,
    tipAsked: Promise<string | undefined>,
    linksRead: Promise<NoteLinks> | undefined,
  ): Promise<UpdateResult> {
    const tip = await tipAsked;
    if (tip === this.notesAt && result.added === 0 && !result.full) return result;
    // No notes now, and none merged before: every record stays as it is.
    if (tip === undefined && this.notesAt === undefined) return result;
    const links = await (linksRead ?? this.readNotes(tip));
    this.commitList = applyNoteLinks(this.commitList, links);
    this.notesAt = tip;
    this.byKeyResult = undefined;
    return result;
  }

  private reset(commits: CommitRecord[], head: string | undefined, shallow: boolean): void {
    this.commitList = commits;
    this.currentHead = head;
    this.isShallow = shallow;
    this.byKeyResult = undefined;
  }

  private keyResultMap(): Map<string, CommitRecord[]> {
    if (!this.byKeyResult) {
      const map = new Map<string, CommitRecord[]>();
      for (const c of this.commitList) {
        // A commit naming the same key result twice counts once.
        for (const key of new Set(c.keyResults.map(idKey))) {
          let list = map.get(key);
          if (!list) map.set(key, (list = []));
          list.push(c);
        }
      }
      this.byKeyResult = map;
    }
    return this.byKeyResult;
  }

  /** The commits whose trailers name `krId` (case-insensitively), newest first. */
  commitsFor(krId: string): readonly CommitRecord[] {
    return this.keyResultMap().get(idKey(krId)) ?? [];
  }

  /** Trailer values naming no known key result (a typo, a renamed or deleted key result), newest first. */
  unknownTrailers(knownIds: Iterable<string>): UnknownTrailer[] {
    const ids = [...knownIds];
    const known = new Set(ids.map(idKey));
    const out: UnknownTrailer[] = [];
    const suggestionsFor = new Map<string, string[]>();
    for (const commit of this.commitList) {
      for (const value of commit.keyResults) {
        if (known.has(idKey(value))) continue;
        let suggestions = suggestionsFor.get(value);
        if (!suggestions) suggestionsFor.set(value, (suggestions = closestMatches(value, ids)));
        out.push({ commit, value, suggestions });
      }
    }
    return out;
  }

  /**
   * The commits on the ref since `base` (a branch, tag or sha: `base..ref`) that
   * name no key result, newest first; merge commits are left out. Uses the
   * indexed commits: call `update` first.
   */
  async untaggedSince(base: string): Promise<CommitRecord[]> {
    if (this.linkedOnly) throw new Error('a linked-only commit index does not hold the untagged commits');
    if (this.currentHead === undefined) return [];
    const { stdout } = await runGit(this.ctx, ['rev-list', '--end-of-options', `${base}..${this.currentHead}`, '--']);
    const wanted = new Set(stdout.split('\n').filter((l) => l !== ''));
    return this.commitList.filter((c) => wanted.has(c.sha) && c.parents.length < 2 && c.keyResults.length === 0);
  }

  /** Does the commit name this key result? */
  static names(commit: CommitRecord, krId: string): boolean {
    return commit.keyResults.some((v) => sameId(v, krId));
  }

  /** A JSON-safe snapshot to pass back as `options.state` later. */
  state(): CommitIndexState {
    if (this.linkedOnly) throw new Error('a linked-only commit index has no state to save');
    return {
      version: 1,
      trailerKey: this.trailerKey,
      ref: this.ref,
      head: this.currentHead,
      shallow: this.isShallow,
      notesTip: this.notesAt,
      ...(this.readSince !== undefined ? { since: this.readSince } : {}),
      commits: this.commitList,
    };
  }
}
