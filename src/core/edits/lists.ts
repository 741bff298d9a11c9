// Edits of YAML lists: cut an item, append one, in flow (`[a, b]`) or block
// (`- a`) style. Each returns undefined when the text around the list has a
// shape it cannot edit exactly; callers then offer no edit rather than a wrong one.

import type { Span, TextEdit } from '../model';
import { LineIndex } from '../positions';
import { yamlScalar } from './fields';

/** Plain scalars YAML would read as numbers or special floats ("0x1F", "1e3", ".inf"). */
const NUMBER_LIKE = /^[-+]?(0x[0-9a-f]+|0o[0-7]+|(\d[\d_]*)?\.?\d*(e[-+]?\d+)?|\.inf|\.nan)$/i;

/** A string for a flow mapping that reads back as the same string. */
export function flowScalar(value: string): string {
  const plain = yamlScalar(value);
  return plain === value && NUMBER_LIKE.test(value) ? JSON.stringify(value) : plain;
}

/** Offset just past the line break that ends at `lineEnd`, or `lineEnd` at the end of the text. */
export function afterBreak(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  if (text[lineEnd] === '\n' || text[lineEnd] === '\r') return lineEnd + 1;
  return lineEnd;
}

/** The whole lines of a block-style list item, with its line break, when nothing else shares them. */
export function removeBlockItemEdit(text: string, lines: LineIndex, start: number, end: number): TextEdit | undefined {
  const first = lines.positionAt(start).line;
  const lineStart = lines.lineStart(first);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, start))) return undefined;
  const last = lines.positionAt(Math.max(start, end - 1)).line;
  const lastLineEnd = lines.lineEnd(last);
  if (end < lastLineEnd && !/^[ \t]*(#.*)?$/.test(text.slice(end, lastLineEnd))) return undefined;
  const after = afterBreak(text, lastLineEnd);
  if (after > lastLineEnd) return { start: lineStart, end: after, newText: '' };
  // The last line of the file, without a line break: take the one before it instead.
  const before = lineStart >= 2 && text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : Math.max(0, lineStart - 1);
  return { start: before, end: lastLineEnd, newText: '' };
}

/** Removes item `index` of a flow list `[...]` holding no comments, with its separator. */
export function removeFlowItemEdit(
  text: string,
  listStart: number,
  listEnd: number,
  items: readonly Span[],
  index: number,
): TextEdit | undefined {
  if (text[listStart] !== '[' || text[listEnd - 1] !== ']' || text.slice(listStart, listEnd).includes('#')) return undefined;
  // Every gap must be plain separators, so item i is really the i-th entry of the list.
  if (text.slice(listStart + 1, items[0].start).trim() !== '') return undefined;
  for (let i = 1; i < items.length; i++) if (!/^\s*,\s*$/.test(text.slice(items[i - 1].end, items[i].start))) return undefined;
  if (!/^\s*,?\s*$/.test(text.slice(items[items.length - 1].end, listEnd - 1))) return undefined;
  if (items.length === 1) return { start: listStart + 1, end: listEnd - 1, newText: '' };
  if (index < items.length - 1) return { start: items[index].start, end: items[index + 1].start, newText: '' };
  return { start: items[index - 1].end, end: items[index].end, newText: '' };
}

/**
 * The indentation for keys below the one at `keyStart`: the spaces before it when it
 * is first on its line, or as many spaces as `- ` when it follows a list item's dash.
 */
export function keyIndentAt(text: string, lines: LineIndex, keyStart: number): string | undefined {
  const lineStart = lines.lineStart(lines.positionAt(keyStart).line);
  const before = text.slice(lineStart, keyStart).replace(/^\uFEFF/, '');
  if (/^[ \t]*$/.test(before)) return before;
  if (/^[ \t]*-[ \t]+$/.test(before)) return ' '.repeat(before.length);
  return undefined;
}

/**
 * Appends `entry` to a flow list `[...]`: right after its last item (so a comment or
 * trailing comma after it stays where it is), on a line of its own when the last item
 * has one, or into an empty list.
 */
export function appendToFlowListEdit(
  text: string,
  lines: LineIndex,
  list: Span,
  items: readonly Span[],
  entry: string,
): TextEdit | undefined {
  if (text[list.start] !== '[' || text[list.end - 1] !== ']') return undefined;
  if (items.length === 0) {
    const inner = text.slice(list.start + 1, list.end - 1);
    if (/^[ \t]*$/.test(inner)) return { start: list.start + 1, end: list.end - 1, newText: entry };
    return { start: list.start + 1, end: list.start + 1, newText: entry };
  }
  const last = items[items.length - 1];
  if (last.start < list.start || last.end > list.end) return undefined;
  const lastLine = lines.positionAt(last.start).line;
  const ownLine = lines.positionAt(list.start).line !== lastLine && /^[ \t]*$/.test(text.slice(lines.lineStart(lastLine), last.start));
  // A trailing comma (`[a, b, ]`) stays last: the entry goes after it, followed by one of its own.
  const trailing = /^[ \t]*,/.exec(text.slice(last.end, list.end - 1));
  const lineEnd = lines.lineEnd(lines.positionAt(last.end).line);
  const rest = text.slice(last.end, lineEnd);
  if (ownLine && /^[ \t]*,?[ \t]*(#.*)?$/.test(rest)) {
    // The entry gets a line of its own after the last one, whose comment stays on it.
    const indent = text.slice(lines.lineStart(lastLine), last.start);
    const eol = LineIndex.eol(text);
    return { start: last.end, end: lineEnd, newText: `${trailing ? '' : ','}${rest}${eol}${indent}${entry}${trailing ? ',' : ''}` };
  }
  if (trailing) return { start: last.end + trailing[0].length, end: last.end + trailing[0].length, newText: ` ${entry}` };
  return { start: last.end, end: last.end, newText: `, ${entry}` };
}

/**
 * Appends `- entry` to a block list, on a new line after the last item's last line,
 * at the column of the list's first dash, `gap` after the dash. `entryLines` may be
 * several lines (a block mapping); they are joined with the file's line break.
 */
export function appendToBlockListEdit(
  text: string,
  lines: LineIndex,
  list: Span,
  entryLines: readonly string[],
  gap = ' ',
): TextEdit | undefined {
  if (text[list.start] !== '-') return undefined;
  const indent = text.slice(lines.lineStart(lines.positionAt(list.start).line), list.start).replace(/^\uFEFF/, '');
  if (!/^[ \t]*$/.test(indent)) return undefined;
  // A list whose last item ends in a comment runs on to the indentation of the next line: the list is what comes before.
  let end = list.end;
  while (end > list.start + 1 && /[ \t\r\n]/.test(text[end - 1])) end--;
  const lastLineEnd = lines.lineEnd(lines.positionAt(end - 1).line);
  if (end < lastLineEnd && !/^[ \t]*(#.*)?$/.test(text.slice(end, lastLineEnd))) return undefined;
  const eol = LineIndex.eol(text);
  const pad = ' '.repeat(indent.length + 1 + gap.length);
  return {
    start: lastLineEnd,
    end: lastLineEnd,
    newText: `${eol}${indent}-${gap}${entryLines.map((l, i) => (i === 0 ? l : `${pad}${l}`)).join(eol)}`,
  };
}
