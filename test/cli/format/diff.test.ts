// The --dry-run diff: only the changed lines are marked, the lines between edits are
// context, and the hunks read back as the text before and after the edits.

import * as assert from 'node:assert/strict';
import { unifiedDiff } from '../../../src/cli/format/diff';
import { applyEdits } from '../../../src/core/edits';
import type { TextEdit } from '../../../src/core/model';

const lines = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join(eol) + eol;
const at = (text: string, s: string) => text.indexOf(s);
const replace = (text: string, from: string, to: string): TextEdit => ({
  start: at(text, from),
  end: at(text, from) + from.length,
  newText: to,
});

/** The old and new text of each hunk, read back from its lines, with where it starts. */
function readBack(diff: string) {
  const hunks: { oldStart: number; newStart: number; old: string[]; now: string[] }[] = [];
  for (const l of diff.split('\n').slice(2, -1)) {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(l);
    if (m) hunks.push({ oldStart: Number(m[1]), newStart: Number(m[3]), old: [], now: [] });
    else {
      const h = hunks[hunks.length - 1];
      if (!l.startsWith('+')) h.old.push(l.slice(1));
      if (!l.startsWith('-')) h.now.push(l.slice(1));
    }
  }
  return hunks;
}

describe('unifiedDiff', () => {
  it('marks only the changed lines; the lines between two edits of one hunk are context', () => {
    const text = lines(12);
    const edits = [
      replace(text, 'line 4', 'line four'),
      { start: at(text, 'line 8') + 6, end: at(text, 'line 8') + 6, newText: '\nadded' },
    ];
    assert.equal(
      unifiedDiff('t.okr.yaml', text, edits),
      [
        '--- a/t.okr.yaml',
        '+++ b/t.okr.yaml',
        '@@ -1,11 +1,12 @@',
        ' line 1',
        ' line 2',
        ' line 3',
        '-line 4',
        '+line four',
        ' line 5',
        ' line 6',
        ' line 7',
        ' line 8',
        '+added',
        ' line 9',
        ' line 10',
        ' line 11',
        '',
      ].join('\n'),
    );
  });

  it('far apart edits get hunks of their own; two edits on one line change it once; CRLF text too', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = lines(30, eol);
      const edits = [
        replace(text, 'line 2', 'line two'),
        replace(text, 'line 20', 'line twenty'),
        { start: at(text, 'line 20') + 7, end: at(text, 'line 20') + 7, newText: ' # and a comment' },
      ];
      const diff = unifiedDiff('t.okr.yaml', text, edits);
      const hunks = readBack(diff);
      assert.equal(hunks.length, 2);
      assert.deepEqual(
        diff.split('\n').filter((l) => /^[-+][^-+]/.test(l)),
        ['-line 2', '+line two', '-line 20', '+line twenty # and a comment'],
      );
      const before = text.split(eol);
      const after = applyEdits(text, edits).split(eol);
      for (const h of hunks) {
        assert.deepEqual(h.old, before.slice(h.oldStart - 1, h.oldStart - 1 + h.old.length));
        assert.deepEqual(h.now, after.slice(h.newStart - 1, h.newStart - 1 + h.now.length));
      }
    }
  });
});
