import assert from 'node:assert/strict';
import {
  diskTextVersion,
  readAfterChange,
  readEachBlockingWhileQuick,
  readEachThen,
  readsEditorText,
  readsMarkingStart,
  ScanUnread,
} from '../../src/extension/store-reads';

describe('Store: where a file is read from', () => {
  it('an edit is read from the editor; a document turned clean with no change (saved, reverted) from disk; else nothing', () => {
    assert.equal(readAfterChange(1, true), 'editor');
    assert.equal(readAfterChange(2, false), 'editor'); // an undo back to the saved text
    assert.equal(readAfterChange(0, false), 'disk');
    assert.equal(readAfterChange(0, true), 'nothing');
  });

  it('a read takes the editor text unless asked for the disk and the document has no unsaved edits', () => {
    assert.equal(readsEditorText({ isDirty: true }, false), true);
    assert.equal(readsEditorText({ isDirty: false }, false), true);
    assert.equal(readsEditorText({ isDirty: true }, true), true); // unsaved work is what the user sees
    assert.equal(readsEditorText({ isDirty: false }, true), false);
    assert.equal(readsEditorText(undefined, false), false);
  });

  it("a text read from disk keeps the document's version only when the texts are the same", () => {
    assert.equal(diskTextVersion({ text: 'a: 1\n', version: 7 }, 'a: 1\n'), 7);
    assert.equal(diskTextVersion({ text: 'a: 2\n', version: 7 }, 'a: 1\n'), undefined);
    assert.equal(diskTextVersion({ text: 'a: 1\r\n', version: 7 }, 'a: 1\n'), undefined);
    assert.equal(diskTextVersion(undefined, 'a: 1\n'), undefined);
  });

  it('a soft revert (the edit stays in a clean document) is read from disk, with no version, so the disk text is linted', () => {
    const document = { isDirty: false, text: 'title: edited\n', version: 9 };
    const disk = 'title: saved\n';
    assert.equal(readAfterChange(0, document.isDirty), 'disk');
    assert.equal(readsEditorText(document, true), false);
    assert.equal(diskTextVersion(document, disk), undefined);
  });

  it('after a save the disk text is the document text: same version, nothing to lint again', () => {
    const document = { isDirty: false, text: 'title: saved\n', version: 10 };
    assert.equal(readAfterChange(0, document.isDirty), 'disk');
    assert.equal(readsEditorText(document, true), false);
    assert.equal(diskTextVersion(document, 'title: saved\n'), 10);
  });

  it('a scan uses each file as soon as it is read, while later reads still wait, and keeps the order found', async () => {
    // Reads that finish only when the test says so: file 0 is used before the last read is done.
    const pending = new Map<number, () => void>();
    const events: string[] = [];
    const read = (n: number) =>
      new Promise<number>((resolve) => {
        events.push(`read ${n}`);
        pending.set(n, () => resolve(n * 10));
      });
    const scan = readEachThen([0, 1, 2, 3], 2, read, (text, n) => {
      events.push(`use ${n}`);
      return `${n}:${text}`;
    });
    const settle = async (n: number) => {
      await new Promise((r) => setImmediate(r));
      pending.get(n)!();
      await new Promise((r) => setImmediate(r));
    };
    await settle(1);
    await settle(0);
    await settle(3);
    await settle(2);
    assert.deepEqual(await scan, ['0:0', '1:10', '2:20', '3:30']);
    // Two reads at once; each used when its read is done, before the reads after it finish.
    assert.deepEqual(events, ['read 0', 'read 1', 'use 1', 'read 2', 'use 0', 'read 3', 'use 3', 'use 2']);
  });

  describe('a scan reads blocking while the reads are quick', () => {
    /** A clock the reads move: each read costs what `costs` says, each use 2 ms. */
    function scanOf(costs: number[]) {
      let clock = 0;
      const events: string[] = [];
      const reads = {
        readNow: (n: number) => {
          events.push(`now ${n}`);
          clock += costs[n];
          return n * 10;
        },
        readLater: async (n: number) => {
          events.push(`later ${n}`);
          await new Promise((r) => setImmediate(r));
          return n * 10;
        },
        limit: 2,
        slowReadMs: 50,
        sliceMs: 5,
        now: () => clock,
        yieldNow: async () => {
          events.push('yield');
          await new Promise((r) => setImmediate(r));
        },
      };
      const use = (text: number, n: number) => {
        events.push(`use ${n}`);
        clock += 2;
        return `${n}:${text}`;
      };
      return { run: () => readEachBlockingWhileQuick([0, 1, 2, 3, 4], reads, use), events };
    }

    it('quick reads: all blocking, each used at once, a yield after every 5 ms of work, the order kept', async () => {
      const { run, events } = scanOf([1, 1, 1, 1, 1]);
      assert.deepEqual(await run(), ['0:0', '1:10', '2:20', '3:30', '4:40']);
      assert.deepEqual(events, [
        'now 0',
        'use 0',
        'now 1',
        'use 1',
        'yield',
        'now 2',
        'use 2',
        'now 3',
        'use 3',
        'yield',
        'now 4',
        'use 4',
      ]);
    });

    it('after one slow read the rest are promise-based, side by side; each item read and used once, in order', async () => {
      const { run, events } = scanOf([1, 60, 1, 1, 1]);
      assert.deepEqual(await run(), ['0:0', '1:10', '2:20', '3:30', '4:40']);
      assert.deepEqual(events.slice(0, 4), ['now 0', 'use 0', 'now 1', 'use 1']);
      assert.deepEqual(
        events.filter((e) => e.startsWith('now')),
        ['now 0', 'now 1'],
      );
      assert.deepEqual(
        events.filter((e) => e.startsWith('later')),
        ['later 2', 'later 3', 'later 4'],
      );
      assert.deepEqual(
        events.filter((e) => e.startsWith('use')),
        ['use 0', 'use 1', 'use 2', 'use 3', 'use 4'],
      );
      assert.equal(events[4], 'later 2');
      assert.equal(events[5], 'later 3'); // two at once
    });
  });

  describe('file watcher reports during a scan: left to the scan when it has the file still to read, else read again', () => {
    /**
     * A scan of files a..e over a disk the test changes between the scan's slices (as a generator writes
     * files while the store scans): the store's handling of a report is `covers` or a read of its own.
     * Returns what the store holds once the scan and the reads the reports asked for are done.
     */
    async function scanWhileWriting(costs: Record<string, number>, write: (file: string) => boolean) {
      const files = ['a', 'b', 'c', 'd', 'e'];
      const disk = new Map(files.map((f) => [f, `${f}0`]));
      const unread = new ScanUnread<string, string>();
      const ownReads: string[] = [];
      let clock = 0;
      let slices = 0;
      /** A file written now, and the watcher's report of it. */
      const report = (file: string) => {
        disk.set(file, `${file}1`);
        if (!unread.covers(file)) ownReads.push(file);
      };
      const afterSlice = () => {
        slices++;
        for (const file of files) if (write(`${file}${slices}`)) report(file);
      };
      const reads = {
        readNow: (f: string) => {
          clock += costs[f] ?? 1;
          return disk.get(f)!;
        },
        // What the disk held as the read started; the report comes while the read is still under way.
        readLater: async (f: string) => {
          const text = disk.get(f)!;
          await new Promise((r) => setImmediate(r));
          if (write(`${f} in flight`)) report(f);
          return text;
        },
        limit: 2,
        slowReadMs: 50,
        sliceMs: 2,
        now: () => clock,
        yieldNow: async () => {
          await new Promise((r) => setImmediate(r));
          afterSlice();
        },
      };
      unread.begin(files.map((f) => [f, f]));
      const read = await readEachBlockingWhileQuick(
        files,
        readsMarkingStart(reads, unread, (f) => f),
        (text, f) => [f, text] as const,
      );
      const left = unread.coveredCount();
      unread.end();
      const held = new Map(read);
      for (const f of ownReads) held.set(f, disk.get(f)!);
      return { held, disk, ownReads, left };
    }

    it('a file written before the scan read it is left to the scan; one written after its read is read again', async () => {
      // Slices: a b | c d | e. After the first: a (read) and d (not yet) are written.
      const { held, disk, ownReads, left } = await scanWhileWriting({}, (w) => w === 'a1' || w === 'd1');
      assert.deepEqual(ownReads, ['a']);
      assert.equal(left, 1);
      assert.deepEqual([...held], [...disk]); // no change lost
      assert.equal(held.get('d'), 'd1');
    });

    it('a file written while its promise-based read is under way is read again', async () => {
      // b's blocking read is slow: c, d, e are read with promises; c changes while its read waits on the disk.
      const { held, disk, ownReads } = await scanWhileWriting({ b: 60 }, (w) => w === 'c in flight');
      assert.deepEqual(ownReads, ['c']);
      assert.deepEqual([...held], [...disk]);
      assert.equal(held.get('c'), 'c1');
    });

    it('reports for files outside the scan are read; after the scan, every report is', () => {
      const unread = new ScanUnread<string, string>();
      unread.begin([['a', 'A']]);
      assert.equal(unread.covers('z'), false);
      assert.equal(unread.covers('a'), true);
      assert.deepEqual(unread.end(), ['A']); // what a scan that fails reads again
      assert.equal(unread.covers('a'), false);
      assert.equal(unread.coveredCount(), 0);
    });
  });
});
