// A unified diff of text edits, for `--dry-run`: hunks are built from the edits
// themselves (with three lines of context), so even a 20,000-line file costs only
// the lines around what changes.

import type { TextEdit } from '../../core/model';
import { LineIndex } from '../../core/positions';
import { printable } from '../../core/escape';

const CONTEXT = 3;

export function unifiedDiff(displayPath: string, text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return '';
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // Line ranges each edit touches, widened by the context and merged when they meet.
  const groups: { first: number; last: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    const first = Math.max(0, lines.positionAt(e.start).line - CONTEXT);
    const last = Math.min(lines.lineCount - 1, lines.positionAt(e.end).line + CONTEXT);
    const g = groups[groups.length - 1];
    if (g && first <= g.last + 1) {
      g.last = Math.max(g.last, last);
      g.edits.push(e);
    } else groups.push({ first, last, edits: [e] });
  }
  const out = [`--- a/${printable(displayPath)}`, `+++ b/${printable(displayPath)}`];
  let shift = 0;
  for (const g of groups) {
    const from = lines.lineStart(g.first);
    const to = lines.lineEnd(g.last);
    let chunk = text.slice(from, to);
    for (const e of [...g.edits].reverse()) chunk = chunk.slice(0, e.start - from) + e.newText + chunk.slice(e.end - from);
    const oldLines = text.slice(from, to).split(/\r\n|\r|\n/);
    const newLines = chunk.split(/\r\n|\r|\n/);
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
    out.push(`@@ -${g.first + 1},${oldLines.length} +${g.first + 1 + shift},${newLines.length} @@`);
    for (const l of oldLines.slice(0, head)) out.push(` ${printable(l)}`);
    for (const l of oldLines.slice(head, oldLines.length - tail)) out.push(`-${printable(l)}`);
    for (const l of newLines.slice(head, newLines.length - tail)) out.push(`+${printable(l)}`);
    for (const l of oldLines.slice(oldLines.length - tail)) out.push(` ${printable(l)}`);
    shift += newLines.length - oldLines.length;
  }
  return `${out.join('\n')}\n`;
}
