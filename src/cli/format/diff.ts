// A unified diff of text edits, for `--dry-run`: hunks are built from the edits
// themselves (with three lines of context), so even a 20,000-line file costs only
// the lines around what changes. Within a hunk, the lines between edits on lines of
// their own are context, as a diff program would show them.

import type { TextEdit } from '../../core/model';
import { LineIndex } from '../../core/positions';
import { pushAll } from '../../core/arrays';
import { printable } from '../../core/escape';

const CONTEXT = 3;

interface Lines {
  first: number;
  last: number;
  edits: TextEdit[];
}

export function unifiedDiff(displayPath: string, text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return '';
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // The lines each edit touches; edits that share a line change together.
  const blocks: Lines[] = [];
  for (const e of sorted) {
    const first = lines.positionAt(e.start).line;
    const last = lines.positionAt(e.end).line;
    const b = blocks[blocks.length - 1];
    if (b && first <= b.last) {
      b.last = Math.max(b.last, last);
      b.edits.push(e);
    } else blocks.push({ first, last, edits: [e] });
  }
  // Hunks: blocks widened by the context, merged when they meet.
  const hunks: { first: number; last: number; blocks: Lines[] }[] = [];
  for (const b of blocks) {
    const first = Math.max(0, b.first - CONTEXT);
    const last = Math.min(lines.lineCount - 1, b.last + CONTEXT);
    const h = hunks[hunks.length - 1];
    if (h && first <= h.last + 1) {
      h.last = Math.max(h.last, last);
      h.blocks.push(b);
    } else hunks.push({ first, last, blocks: [b] });
  }
  const split = (s: string) => s.split(/\r\n|\r|\n/);
  const out = [`--- a/${printable(displayPath)}`, `+++ b/${printable(displayPath)}`];
  let shift = 0;
  for (const h of hunks) {
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    const context = (from: number, to: number) => {
      if (from > to) return;
      for (const l of split(text.slice(lines.lineStart(from), lines.lineEnd(to)))) body.push(` ${printable(l)}`);
      oldCount += to - from + 1;
      newCount += to - from + 1;
    };
    let next = h.first;
    for (const b of h.blocks) {
      context(next, b.first - 1);
      const from = lines.lineStart(b.first);
      const to = lines.lineEnd(b.last);
      let chunk = text.slice(from, to);
      for (const e of [...b.edits].reverse()) chunk = chunk.slice(0, e.start - from) + e.newText + chunk.slice(e.end - from);
      const oldLines = split(text.slice(from, to));
      const newLines = split(chunk);
      // Common lines at both ends are context; the rest is removed and added.
      let head = 0;
      while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
      let tail = 0;
      while (
        tail < oldLines.length - head &&
        tail < newLines.length - head &&
        oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]
      )
        tail++;
      for (const l of oldLines.slice(0, head)) body.push(` ${printable(l)}`);
      for (const l of oldLines.slice(head, oldLines.length - tail)) body.push(`-${printable(l)}`);
      for (const l of newLines.slice(head, newLines.length - tail)) body.push(`+${printable(l)}`);
      for (const l of oldLines.slice(oldLines.length - tail)) body.push(` ${printable(l)}`);
      oldCount += oldLines.length;
      newCount += newLines.length;
      next = b.last + 1;
    }
    context(next, h.last);
    out.push(`@@ -${h.first + 1},${oldCount} +${h.first + 1 + shift},${newCount} @@`);
    pushAll(out, body);
    shift += newCount - oldCount;
  }
  return `${out.join('\n')}\n`;
}
