// Markdown building blocks for tooltips and hovers. User text (titles, notes,
// owners) is escaped so a `*` or `[link](x)` in a title shows as typed, and so
// `$(icon)` in user text cannot render as an icon. Pure: no vscode import.

import { maxOf } from '../../core/arrays';

// Every ASCII punctuation character may be backslash-escaped in CommonMark; these
// are the ones that can start or end markup (including `$` of `$(icon)`, `|` of tables,
// `<` of HTML, `&` of entities and `:` of bare links).
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!<>|~$&:]/g;

/** User text as literal markdown, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(MARKDOWN_SPECIAL, '\\$&');
}

/** Inline code whose fence is longer than any backtick run inside, so any text fits. */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const longestRun = maxOf(
    (oneLine.match(/`+/g) ?? []).map((run) => run.length),
    0,
  );
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A codicon, rendered when the MarkdownString has `supportThemeIcons`. */
export function icon(id: string): string {
  return `$(${id})`;
}
