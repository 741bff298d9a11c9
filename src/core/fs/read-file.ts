// Reading one text file from a repository someone else may have written: a named
// pipe must not hang us, a device or /proc file must not be read without end, and
// a symbolic link must not smuggle either in. The type is checked (lstat, then the
// link's target) before anything is opened; the open never blocks (O_NONBLOCK);
// the open file is checked again (fstat), and the read is bounded by bytes counted,
// not by the size `stat` reports (special files report 0).

import { isUtf8 } from 'node:buffer';
import {
  close,
  closeSync,
  constants,
  fstat,
  fstatSync,
  lstat,
  lstatSync,
  open,
  openSync,
  promises as fs,
  read,
  readSync,
  stat,
  statSync,
  type Stats,
} from 'node:fs';

/** Why a file was not read, for code (`code`) and for people (`reason`). */
export type ReadProblemCode = 'missing' | 'denied' | 'not-a-file' | 'special' | 'other';

export interface ReadProblem {
  code: ReadProblemCode;
  /** Plain words, no path: "no such file or folder", "a named pipe (FIFO), not a regular file". */
  reason: string;
}

export type ReadResult =
  | {
      kind: 'text';
      /** Decoded as UTF-8, without a byte-order mark. */
      text: string;
      /** Offset in `text` of the first byte that is not valid UTF-8 (decoded as U+FFFD); absent when all is valid. */
      invalidUtf8?: number;
    }
  | { kind: 'oversize'; bytes: number }
  | ({ kind: 'problem' } & ReadProblem);

/** An fs error code as a problem code. */
export function problemCode(err: unknown): ReadProblemCode {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'EISDIR':
      return 'not-a-file';
    default:
      return 'other';
  }
}

/** An fs error as a user reads it. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default: {
      const message = (err as Error)?.message ?? String(err);
      return message.split('\n')[0];
    }
  }
}

export function fsProblem(err: unknown): ReadProblem {
  return { code: problemCode(err), reason: describeFsError(err) };
}

/** What a file that is not a regular file is, in words. */
export function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function notRegular(stat: Stats, viaLink: boolean): ReadProblem {
  if (stat.isDirectory()) return { code: 'not-a-file', reason: viaLink ? 'a link to a folder, not a file' : 'is a folder, not a file' };
  return {
    code: 'special',
    reason: `${viaLink ? 'a link to ' : ''}${fileKind(stat)}, not a regular file: OKR Lens reads only regular files`,
  };
}

// O_NONBLOCK: if the file became a FIFO since it was checked, open returns at once instead of waiting for a writer.
// O_NOCTTY: a terminal device never becomes our controlling terminal.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Bytes read in one call; /proc files such as pagemap refuse reads that are not a multiple of 8. */
const CHUNK = 64 * 1024;

/** One file system call the reader asks for (see readSteps); the drivers below make it, blocking or not. */
type FsCall =
  | { call: 'lstat' | 'stat' | 'open'; path: string }
  | { call: 'fstat' | 'close'; fd: number }
  | { call: 'read'; fd: number; buffer: Buffer; offset: number; length: number };

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8 text. Never opens a FIFO,
 * socket or device (nor a link to one); never reads more than `maxBytes` plus one chunk,
 * whatever `stat` says; a file that turns out longer than its size on disk (as /proc
 * and /sys files are) is refused, not read.
 */
export function readTextFile(absolutePath: string, maxBytes: number): Promise<ReadResult> {
  return runAsync(readSteps(absolutePath, maxBytes));
}

/**
 * `readTextFile` with blocking calls: for a command-line run reading many files, where nothing
 * else waits on the event loop and a blocking call costs a fraction of a promise-based one.
 */
export function readTextFileSync(absolutePath: string, maxBytes: number): ReadResult {
  return runSync(readSteps(absolutePath, maxBytes));
}

/** The reader, written once for both drivers: it yields each call and gets its result (or its error) back. */
function* readSteps(absolutePath: string, maxBytes: number): Generator<FsCall, ReadResult, unknown> {
  let stat: Stats;
  let viaLink = false;
  try {
    stat = (yield { call: 'lstat', path: absolutePath }) as Stats;
    if (stat.isSymbolicLink()) {
      viaLink = true;
      stat = (yield { call: 'stat', path: absolutePath }) as Stats;
    }
  } catch (err) {
    return { kind: 'problem', ...fsProblem(err) };
  }
  if (!stat.isFile()) return { kind: 'problem', ...notRegular(stat, viaLink) };
  if (stat.size > maxBytes) return { kind: 'oversize', bytes: stat.size };

  let fd: number | undefined;
  try {
    fd = (yield { call: 'open', path: absolutePath }) as number;
    const opened = (yield { call: 'fstat', fd }) as Stats;
    // Swapped between the check and the open (a race, or a hostile repository): check what was opened.
    if (!opened.isFile()) return { kind: 'problem', ...notRegular(opened, viaLink) };
    if (opened.size > maxBytes) return { kind: 'oversize', bytes: opened.size };
    const capacity = opened.size + CHUNK;
    // Not zero-filled: only the bytes read are ever looked at (a chunk over the size is what tells a growing file).
    const buffer = Buffer.allocUnsafe(capacity);
    let total = 0;
    while (total < capacity) {
      const bytesRead = (yield { call: 'read', fd, buffer, offset: total, length: Math.min(CHUNK, capacity - total) }) as number;
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > opened.size) {
      if (opened.size === 0 || total > maxBytes) {
        return {
          kind: 'problem',
          code: 'special',
          reason:
            `its size on disk says ${opened.size} bytes but it reads longer, ` +
            `as files under /proc and /sys do: OKR Lens reads only regular files`,
        };
      }
      // Grew while it was read (a save under way): what was read is as good as a snapshot, if it is within the bound.
    }
    return decodeUtf8(buffer.subarray(0, total));
  } catch (err) {
    return { kind: 'problem', ...fsProblem(err) };
  } finally {
    if (fd !== undefined) {
      try {
        yield { call: 'close', fd };
      } catch {
        // closing a file only read: nothing to lose
      }
    }
  }
}

function callSync(c: FsCall): unknown {
  switch (c.call) {
    case 'lstat':
      return lstatSync(c.path);
    case 'stat':
      return statSync(c.path);
    case 'open':
      return openSync(c.path, OPEN_FLAGS);
    case 'fstat':
      return fstatSync(c.fd);
    case 'read':
      return readSync(c.fd, c.buffer, c.offset, c.length, null);
    case 'close':
      closeSync(c.fd);
      return undefined;
  }
}

function callAsync(c: FsCall): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done = (err: NodeJS.ErrnoException | null, value?: unknown) => (err ? reject(err) : resolve(value));
    switch (c.call) {
      case 'lstat':
        lstat(c.path, done);
        return;
      case 'stat':
        stat(c.path, done);
        return;
      case 'open':
        open(c.path, OPEN_FLAGS, done);
        return;
      case 'fstat':
        fstat(c.fd, done);
        return;
      case 'read':
        read(c.fd, c.buffer, c.offset, c.length, null, done);
        return;
      case 'close':
        close(c.fd, done);
        return;
    }
  });
}

function runSync<R>(steps: Generator<FsCall, R, unknown>): R {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = callSync(next.value);
    } catch (err) {
      next = steps.throw(err);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}

async function runAsync<R>(steps: Generator<FsCall, R, unknown>): Promise<R> {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await callAsync(next.value);
    } catch (err) {
      next = steps.throw(err);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}

/**
 * The first `bytes` bytes of a regular file (through links) as UTF-8 text, for telling what
 * a file is (a hook, a hook manager's script); undefined for anything else or on any error.
 * Never opens a FIFO, socket or device, and never reads past `bytes`.
 */
export async function readFileStart(absolutePath: string, bytes: number): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    if (!(await fs.stat(absolutePath)).isFile()) return undefined;
    handle = await fs.open(absolutePath, OPEN_FLAGS);
    if (!(await handle.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Where bytes stop being valid UTF-8: the text of the complete, valid characters
 * before the first bad sequence, and that sequence's first byte; undefined when all
 * is valid. Found with a fatal decoder: in streaming mode a prefix cut inside a valid
 * character is not an error, so the first failing prefix can be bisected.
 */
export function invalidUtf8(bytes: Uint8Array): { validText: string; badByte: number } | undefined {
  try {
    decoder().decode(bytes);
    return undefined;
  } catch {
    // fall through: find where
  }
  const fails = (length: number): boolean => {
    try {
      decoder().decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 1;
  let high = bytes.length;
  if (fails(high)) {
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (fails(mid)) high = mid;
      else low = mid + 1;
    }
  } else {
    low = bytes.length + 1; // only an unfinished character at the very end
  }
  // The bytes before the failing one decode (streaming) to the complete characters before the bad sequence.
  const validText = decoder().decode(bytes.subarray(0, low - 1), { stream: true });
  return { validText, badByte: Buffer.byteLength(validText, 'utf8') };
}

/** UTF-8 bytes as text, without a byte-order mark, with the place of the first invalid byte if any. */
export function decodeUtf8(bytes: Buffer): ReadResult & { kind: 'text' } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  const text = body.toString('utf8');
  // The fast check first: the search for where the first bad byte is only for text that has one.
  const bad = isUtf8(body) ? undefined : invalidUtf8(body);
  // Lossy decoding gives the same characters for the valid part, then U+FFFD: the offset is the valid part's length.
  return bad ? { kind: 'text', text, invalidUtf8: bad.validText.length } : { kind: 'text', text };
}

/** A file name as bytes shown as text: valid UTF-8 as is, each invalid byte as `\xNN`. */
export function nameFromBytes(bytes: Buffer): string {
  let out = '';
  let rest = bytes;
  for (;;) {
    const bad = invalidUtf8(rest);
    if (!bad) return out + rest.toString('utf8');
    out += `${bad.validText}\\x${rest[bad.badByte].toString(16).padStart(2, '0')}`;
    rest = rest.subarray(bad.badByte + 1);
  }
}
