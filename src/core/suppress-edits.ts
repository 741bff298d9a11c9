// The edits behind "Disable <rule> for this line / for this file": they write the
// suppression comments suppress.ts reads, merging into a comment already there
// rather than stacking a second one, and touch nothing else in the file.

import type { Fix, TextEdit } from './model';
import { LineIndex } from './positions';
import { parseRuleList } from './suppress';

// A comment-only line holding one directive; group 2 is the rule list (with any ` -- note`).
const NEXT_LINE_DIRECTIVE = /^([ \t]*#\s*okr-lint-disable-next-line)(?=\s|$)(.*)$/;
const FILE_DIRECTIVE = /^(\uFEFF?[ \t]*#\s*okr-lint-disable)(?=\s|$)(.*)$/;
const COMMENT_LINE = /^\uFEFF?[ \t]*#/;

/**
 * Adds `ruleId` to the rule list of a directive line: before a ` -- note`, after the
 * last id. `undefined` when the directive already covers the rule (or every rule).
 */
function appendToDirective(lineStart: number, head: string, rest: string, ruleId: string): TextEdit | undefined {
  const list = parseRuleList(rest);
  if (list === 'all' || list.includes(ruleId)) return undefined;
  const note = /(^|\s)--(\s|$)/.exec(rest);
  const listText = note ? rest.slice(0, note.index) : rest;
  const at = lineStart + head.length + listText.replace(/\s+$/, '').length;
  return { start: at, end: at, newText: `, ${ruleId}` };
}

/**
 * Suppresses `ruleId` on the line holding `offset`: adds it to an
 * `# okr-lint-disable-next-line` comment on the line above, or inserts one there with
 * the line's indentation. `undefined` when the comment above already covers the rule.
 */
export function disableForLineEdit(text: string, offset: number, ruleId: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  const line = lines.positionAt(offset).line;
  if (line > 0) {
    const above = line - 1;
    const aboveStart = lines.lineStart(above);
    const aboveText = text.slice(aboveStart, lines.lineEnd(above));
    const m = NEXT_LINE_DIRECTIVE.exec(aboveText);
    if (m) return appendToDirective(aboveStart, m[1], m[2], ruleId);
  }
  const start = lines.lineStart(line);
  const lineText = text.slice(start, lines.lineEnd(line));
  // A byte-order mark starts the text, not the indentation: the comment goes after it.
  const bom = line === 0 && lineText.startsWith('\uFEFF') ? 1 : 0;
  const indent = /^[ \t]*/.exec(lineText.slice(bom))![0];
  return { start: start + bom, end: start + bom, newText: `${indent}# okr-lint-disable-next-line ${ruleId}${LineIndex.eol(text)}` };
}

/**
 * Suppresses `ruleId` in the whole file: adds it to an `# okr-lint-disable` comment in
 * the file's leading comments, or inserts one after the first block of comment lines
 * (a header stays the header). `undefined` when the file already disables the rule there.
 */
export function disableForFileEdit(text: string, ruleId: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  const eol = LineIndex.eol(text);
  // The leading comments: comment and blank lines before the first line of YAML.
  let headerEnd = -1; // last line of the comment lines the file starts with
  let inFirstBlock = true;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const lineText = text.slice(start, lines.lineEnd(line));
    const m = FILE_DIRECTIVE.exec(lineText);
    if (m) return appendToDirective(start, m[1], m[2], ruleId);
    if (COMMENT_LINE.test(lineText)) {
      if (inFirstBlock) headerEnd = line;
      continue;
    }
    if (/^\uFEFF?[ \t]*$/.test(lineText)) {
      inFirstBlock = false;
      continue;
    }
    break;
  }
  const directive = `# okr-lint-disable ${ruleId}`;
  if (headerEnd < 0) {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    return { start: at, end: at, newText: `${directive}${eol}` };
  }
  const end = lines.lineEnd(headerEnd);
  return { start: end, end, newText: `${eol}${directive}` };
}

export function disableForLineFix(text: string, offset: number, ruleId: string): Fix | undefined {
  const edit = disableForLineEdit(text, offset, ruleId);
  return edit && { title: `Disable ${ruleId} for this line`, edits: [edit] };
}

export function disableForFileFix(text: string, ruleId: string): Fix | undefined {
  const edit = disableForFileEdit(text, ruleId);
  return edit && { title: `Disable ${ruleId} for this file`, edits: [edit] };
}
