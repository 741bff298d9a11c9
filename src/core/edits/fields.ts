// Building blocks for fixes. Fixes are text replacements between offsets of the
// original text, so everything else the user wrote (comments, order, quoting,
// blank lines) stays exactly as it was.

import { parse as parseYaml } from 'yaml';
import type { Fix, NodeSpans, TextEdit } from '../model';
import { LineIndex } from '../positions';
import { minOf } from '../arrays';

const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$/;

/** A scalar as YAML text: plain when that reads back the same, else double-quoted. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (value === '') return '';
  if (PLAIN_SAFE.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) && !/\s$/.test(value) && readsBackAs(value))
    return value;
  return JSON.stringify(value);
}

// The YAML parser is the judge of what a plain scalar means: `0x1F`, `1e3`, `.inf`,
// `1_000` or `2026-10-01` are not the text they look like to everyone.
function readsBackAs(plain: string): boolean {
  try {
    return parseYaml(plain, { schema: 'core' }) === plain && parseYaml(plain, { schema: 'yaml-1.1' }) === plain;
  } catch {
    return false;
  }
}

function isFlowMap(text: string, spans: NodeSpans): boolean {
  return text.charAt(spans.node.start) === '{';
}

/**
 * An edit that adds `key: value` to a mapping: after the line of `afterKey` when
 * the mapping has it, else after the mapping's last line; in flow style, before
 * the closing brace. Indentation matches the mapping's own keys.
 */
export function insertFieldEdit(text: string, spans: NodeSpans, key: string, value: string, afterKey?: string): TextEdit {
  const rendered = value === '' ? `${key}:` : `${key}: ${value}`;
  if (isFlowMap(text, spans)) {
    let close = spans.node.end - 1;
    while (close > spans.node.start && text.charAt(close) !== '}') close--;
    let at = close;
    while (at > spans.node.start && /[ \t]/.test(text.charAt(at - 1))) at--;
    const empty = text.slice(spans.node.start + 1, at).trim() === '';
    return { start: at, end: at, newText: empty ? ` ${rendered} ` : `, ${rendered}` };
  }
  const lines = new LineIndex(text);
  const indent = keyIndent(text, lines, spans);
  const anchor = afterKey && spans.values[afterKey] ? spans.values[afterKey].end : spans.node.end;
  const line = lines.positionAt(Math.max(anchor - (anchor > spans.node.start && anchor === spans.node.end ? 1 : 0), 0)).line;
  const at = lines.lineEnd(line);
  return { start: at, end: at, newText: `${LineIndex.eol(text)}${indent}${rendered}` };
}

/** The indentation of a block mapping's keys: `  - id:` gives four spaces; a byte-order mark is no indentation. */
function keyIndent(text: string, lines: LineIndex, spans: NodeSpans): string {
  const keyStarts = Object.values(spans.keys).map((s) => s.start);
  const firstKey = keyStarts.length ? minOf(keyStarts) : spans.node.start;
  const lineStart = lines.lineStart(lines.positionAt(firstKey).line);
  return text
    .slice(lineStart, firstKey)
    .replace(/\uFEFF/g, '')
    .replace(/[^\t]/g, ' ');
}

/**
 * An edit that adds `key: value` to a file's top-level mapping (or any block
 * mapping): after the first of `afterKeys` the mapping has, else on a new line
 * before its first key, so it lands above `objectives:` rather than after them.
 */
export function insertTopLevelFieldEdit(
  text: string,
  spans: NodeSpans,
  key: string,
  value: string,
  afterKeys: readonly string[],
): TextEdit {
  const after = afterKeys.find((k) => spans.values[k] !== undefined);
  if (after || isFlowMap(text, spans) || Object.keys(spans.keys).length === 0) return insertFieldEdit(text, spans, key, value, after);
  const lines = new LineIndex(text);
  const firstKey = minOf(Object.values(spans.keys).map((s) => s.start));
  const rendered = value === '' ? `${key}:` : `${key}: ${value}`;
  return { start: firstKey, end: firstKey, newText: `${rendered}${LineIndex.eol(text)}${keyIndent(text, lines, spans)}` };
}

export function insertFieldFix(text: string, spans: NodeSpans, key: string, value: string, title: string, afterKey?: string): Fix {
  const edit = insertFieldEdit(text, spans, key, value, afterKey);
  if (value !== '') return { title, edits: [edit] };
  // An empty value is the user's to write: say where it goes (right after `key:`).
  const at = edit.newText.lastIndexOf(`${key}:`);
  return { title, edits: [edit], ...(at >= 0 ? { valueAt: at + key.length + 1 } : {}) };
}

/**
 * Applies non-overlapping edits to a text (used by `okr lint --fix`-style callers and tests).
 * The same edit proposed twice (two findings offering one fix) is applied once; an
 * edit overlapping one already applied is skipped, for a later run to pick up.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const key = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = unique.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) continue; // not an edit of this text
    if (e.end > lastStart) continue; // overlapping: skip, the next run picks it up
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}
