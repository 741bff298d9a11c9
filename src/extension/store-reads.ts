// Where the store takes a file's text from, decided apart from VS Code: after an open
// document changes, and when it reads. Pure: unit-tested in test/extension-unit/store-reads.test.ts.

import { mapLimited } from '../core/arrays';

/** An open document, as far as these decisions look at it. */
export interface OpenDocumentState {
  isDirty: boolean;
  text: string;
  version: number;
}

/** What the store reads after an open document's change event: the editor's text, the disk's, or nothing. */
export type ReadAfterChange = 'editor' | 'disk' | 'nothing';

export function readAfterChange(contentChanges: number, isDirty: boolean): ReadAfterChange {
  if (contentChanges > 0) return 'editor';
  // Turned clean with no change to its text (saved, or reverted): the disk says what the file is. A revert can
  // leave the edit in a clean document (VS Code reverts softly when the reload fails), or change only line endings.
  return isDirty ? 'nothing' : 'disk';
}

/** Does a read take the open document's text? Yes, unless asked for the disk's and the document has no unsaved edits. */
export function readsEditorText(document: Pick<OpenDocumentState, 'isDirty'> | undefined, fromDisk: boolean): boolean {
  return document !== undefined && !(fromDisk && !document.isDirty);
}

/** The document version a text read from disk stands for: the open document's only when its text is the disk's. */
export function diskTextVersion(document: Omit<OpenDocumentState, 'isDirty'> | undefined, diskText: string): number | undefined {
  return document?.text === diskText ? document.version : undefined;
}

/**
 * Reads items side by side (at most `limit` at once) and hands each to `use` as soon as its read
 * is done, while the other reads still wait on the disk: a scan parses one file as the next ones
 * are read, instead of reading them all first. `use` runs once per item, in the order the reads
 * finish; the results come back in the items' order.
 */
export async function readEachThen<T, R, U>(
  items: readonly T[],
  limit: number,
  read: (item: T) => Promise<R>,
  use: (result: R, item: T) => U,
): Promise<U[]> {
  return mapLimited(items, limit, async (item) => use(await read(item), item));
}

export interface ScanReads<T, R> {
  /** A blocking read: a few system calls, no thread-pool round trip. */
  readNow: (item: T) => R;
  /** The promise-based read, for the rest of the scan once a blocking one was slow. */
  readLater: (item: T) => Promise<R>;
  /** Promise-based reads at once. */
  limit: number;
  /** A blocking read longer than this (a network drive, a busy disk) sends the rest to `readLater`. */
  slowReadMs: number;
  /** Work done between yields to the event loop, so other extensions and the editor's requests are served. */
  sliceMs: number;
  now: () => number;
  /** Lets the event loop run; resolves when it has. */
  yieldNow: () => Promise<void>;
}

/**
 * Reads items in order with blocking reads while each is quick, handing each to `use` at once,
 * and yields to the event loop after every `sliceMs` of work. On a busy extension host a
 * promise-based read of a small file is several thread-pool round trips that each wait for a
 * core: ten times the blocking read's cost. After one slow blocking read, the rest are read with
 * `readLater`, side by side (`readEachThen`). Results in the items' order.
 */
export async function readEachBlockingWhileQuick<T, R, U>(
  items: readonly T[],
  reads: ScanReads<T, R>,
  use: (result: R, item: T) => U,
): Promise<U[]> {
  const out: U[] = [];
  let sliceStart = reads.now();
  for (let i = 0; i < items.length; i++) {
    const started = reads.now();
    const result = reads.readNow(items[i]);
    const slow = reads.now() - started > reads.slowReadMs;
    out.push(use(result, items[i]));
    if (slow) return [...out, ...(await readEachThen(items.slice(i + 1), reads.limit, reads.readLater, use))];
    if (i + 1 < items.length && reads.now() - sliceStart >= reads.sliceMs) {
      await reads.yieldNow();
      sliceStart = reads.now();
    }
  }
  return out;
}

/**
 * The files a running scan has yet to start reading, so that a file watcher's report (created, changed)
 * for one of them needs no read of its own: the scan reads the file after the report came, so it reads
 * what was reported. Once a file's read has started, a report may stand for a change that read missed:
 * that file is read again. A checkout or a generator writing hundreds of files reports each one while
 * the scan of them runs.
 */
export class ScanUnread<K, V> {
  private unread = new Map<K, V>();
  private covered: V[] = [];

  /** A scan is about to read these items, by key. */
  begin(items: Iterable<[K, V]>): void {
    this.unread = new Map(items);
    this.covered = [];
  }

  /** The item's read starts now: called before the read, never after it (a change during an awaited read is missed by it). */
  reading(key: K): void {
    this.unread.delete(key);
  }

  /** Does the running scan read this file later? Then the report is left to it (and kept, see `end`). */
  covers(key: K): boolean {
    const item = this.unread.get(key);
    if (item === undefined) return false;
    this.covered.push(item);
    return true;
  }

  /** How many reports were left to the running scan. */
  coveredCount(): number {
    return this.covered.length;
  }

  /** The scan is over; returns the items whose reports were left to it (to read again if it did not finish). */
  end(): V[] {
    const covered = this.covered;
    this.unread = new Map();
    this.covered = [];
    return covered;
  }
}

/** `reads` telling `unread` as each item's read starts (see ScanUnread). */
export function readsMarkingStart<T, R, K>(
  reads: ScanReads<T, R>,
  unread: Pick<ScanUnread<K, unknown>, 'reading'>,
  keyOf: (item: T) => K,
): ScanReads<T, R> {
  return {
    ...reads,
    readNow: (item) => {
      unread.reading(keyOf(item));
      return reads.readNow(item);
    },
    readLater: (item) => {
      unread.reading(keyOf(item));
      return reads.readLater(item);
    },
  };
}
