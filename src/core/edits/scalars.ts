// Replacing one scalar value in place: `current: 4` -> `current: 6`. A comment
// after the value keeps its column where the spaces before it allow, so aligned
// comments (as in the starter file) stay aligned.

import type { Span, TextEdit } from '../model';

export function replaceScalarEdit(text: string, value: Span, newText: string, keepCommentColumn = true): TextEdit {
  if (value.start === value.end) {
    // `current:` with no value: the value goes after the colon.
    const colon = text.indexOf(':', value.start);
    const at = colon >= 0 && /^[ \t]*$/.test(text.slice(value.start, colon)) ? colon + 1 : value.start;
    return { start: at, end: at, newText: ` ${newText}` };
  }
  const old = text.slice(value.start, value.end);
  const gap = /^[ \t]+(?=#)/.exec(text.slice(value.end, value.end + 200));
  if (keepCommentColumn && gap && newText.length !== old.length) {
    // Keep the comment where it was: take spaces from the gap, or give them to it, leaving at least one.
    const spaces = Math.max(1, gap[0].length + old.length - newText.length);
    return { start: value.start, end: value.end + gap[0].length, newText: `${newText}${' '.repeat(spaces)}` };
  }
  return { start: value.start, end: value.end, newText };
}
