// A check-in as a minimal text edit of an OKR file: the entry is appended to the key
// result's `check_ins` (the key is created in the key result's own style when it is
// absent), `current:` and `confidence:` are kept in step where the key result has
// them, and nothing else changes. Anything the edit cannot do exactly is refused with
// one message, and the caller writes nothing.

import { isValidDate } from '../dates';
import { maxOf, minOf } from '../arrays';
import { cadenceDays } from '../check-ins';
import { shownValue } from '../escape';
import type { CheckIn, KeyResult, Objective, OkrFile, Span, TextEdit } from '../model';
import { parseOkr, type ParseResult } from '../parse';
import { LineIndex } from '../positions';
import { daysBetween, latestCheckInWith } from '../progress';
import { closestMatches } from '../edit-distance';
import { yamlScalar } from './fields';
import { appendToBlockListEdit, appendToFlowListEdit, flowScalar } from './lists';
import { replaceScalarEdit } from './scalars';

export interface CheckInInput {
  /** The key result's id (compared case-insensitively when no id matches exactly). */
  krId: string;
  /** YYYY-MM-DD. */
  date: string;
  value: number;
  /** 0..1. */
  confidence?: number;
  note?: string;
}

export interface PlannedCheckIn {
  ok: true;
  edits: TextEdit[];
  objective: Objective;
  keyResult: KeyResult;
  /** The fields kept in step besides the new entry. */
  updated: ('current' | 'confidence')[];
  /** The value and confidence the key result had before (its latest check-in's, else `current:`/`confidence:`). */
  previous: { value?: number; confidence?: number };
}

export interface RefusedCheckIn {
  ok: false;
  message: string;
  /** Where in the file the problem is, when it is in the file. */
  span?: Span;
}

export type CheckInPlan = PlannedCheckIn | RefusedCheckIn;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A value as typed (`6`, `6.5`, `-3`, `1e3`): the number, or why it is not one. */
export function parseCheckInValue(text: string): { value: number } | { message: string } {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)\s*%$/.test(t))
    return { message: `the value must be a number: write ${t.replace(/\s*%$/, '')} (the unit is the key result's \`unit:\`)` };
  if (!NUMBER.test(t) || !Number.isFinite(Number(t))) return { message: `the value must be a number, not "${shownValue(text)}"` };
  return { value: Number(t) };
}

/** A confidence as typed (`0.7`, `.7`): the number in 0..1, or why not. */
export function parseConfidence(text: string): { value: number } | { message: string } {
  const t = text.trim();
  if (!NUMBER.test(t)) return { message: `the confidence must be a number from 0 to 1 (0.7 means 70% sure), not "${shownValue(text)}"` };
  const n = Number(t);
  if (n < 0 || n > 1) {
    const hint = Number.isInteger(n) && n >= 2 && n <= 100 ? `; for ${n}% write ${n / 100}` : '';
    return { message: `the confidence must be from 0 to 1 (0.7 means 70% sure), not ${n}${hint}` };
  }
  return { value: n };
}

/** A note as a YAML scalar that reads back as exactly the same text, on one line. */
export function noteScalar(note: string): string {
  const plain = flowScalar(note);
  if (plain === note && note.trim() === note) return plain;
  // JSON is YAML's double-quoted style, except for characters YAML does not print raw.
  return JSON.stringify(note).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function entryFields(input: CheckInInput): string[] {
  return [
    `date: ${input.date}`,
    `value: ${yamlScalar(input.value)}`,
    ...(input.confidence !== undefined ? [`confidence: ${yamlScalar(input.confidence)}`] : []),
    ...(input.note !== undefined && input.note !== '' ? [`note: ${noteScalar(input.note)}`] : []),
  ];
}

function flowEntry(input: CheckInInput): string {
  return `{ ${entryFields(input).join(', ')} }`;
}

/** Finds the key result: exact id first, then case-insensitive (ids compare that way everywhere else). */
export function findKeyResult(file: OkrFile, krId: string): { objective: Objective; keyResult: KeyResult } | undefined {
  const all = file.objectives.flatMap((objective) => objective.keyResults.map((keyResult) => ({ objective, keyResult })));
  return all.find((x) => x.keyResult.id === krId) ?? all.find((x) => x.keyResult.id?.toLowerCase() === krId.trim().toLowerCase());
}

/** Checks the input against the file: one message for the first problem, or undefined. */
function refusal(parsed: ParseResult, input: CheckInInput, lines: () => LineIndex): RefusedCheckIn | undefined {
  const { file } = parsed;
  const where = (span: Span) => {
    const p = lines().positionAt(span.start);
    return `${file.path}:${p.line + 1}:${p.character + 1}`;
  };
  const syntax = parsed.findings.find((f) => f.ruleId === 'syntax');
  if (syntax)
    return {
      ok: false,
      span: syntax.span,
      message: `${where(syntax.span)}: the file has a YAML error, so nothing was changed: ${syntax.message}`,
    };
  if (!Number.isFinite(input.value)) return { ok: false, message: `the value must be a number, not ${String(input.value)}` };
  if (input.confidence !== undefined && !(input.confidence >= 0 && input.confidence <= 1)) {
    return { ok: false, message: `the confidence must be from 0 to 1 (0.7 means 70% sure), not ${String(input.confidence)}` };
  }
  if (!isValidDate(input.date))
    return { ok: false, message: `the date must be a real day written YYYY-MM-DD, not "${shownValue(input.date)}"` };
  if (file.period) {
    const cadence = cadenceDays(file);
    if (daysBetween(file.period.end, input.date) > cadence) {
      return {
        ok: false,
        message:
          `${input.date} is past the end of the period (${file.period.end}) by more than the check-in cadence (${cadence} ` +
          `days): a check-in belongs to the period it measures; start the next period's file for this one`,
      };
    }
    // A baseline measured just before the period starts is fine; one much earlier measures another period.
    if (daysBetween(input.date, file.period.start) > cadence) {
      return {
        ok: false,
        message:
          `${input.date} is before the start of the period (${file.period.start}) by more than the check-in cadence (${cadence} ` +
          `days): a check-in belongs to the period it measures`,
      };
    }
  }
  return undefined;
}

/** The spaces a new `check_ins:` list is indented by under its key: as `key_results:` is under its objective. */
function listOffset(text: string, lines: LineIndex, objective: Objective): string {
  const key = objective.spans.keys.key_results;
  const list = objective.keyResultsSpan;
  if (key && list && text[list.start] === '-') {
    const offset = lines.positionAt(list.start).character - lines.positionAt(key.start).character;
    if (offset >= 0 && offset <= 8 && lines.positionAt(list.start).line > lines.positionAt(key.start).line) return ' '.repeat(offset);
  }
  return '  ';
}

/** The indentation of a block mapping's keys (spaces before the first key, or under its `- `). */
function blockKeyIndent(text: string, lines: LineIndex, kr: KeyResult): string {
  const first = minOf(Object.values(kr.spans.keys).map((s) => s.start));
  const lineStart = lines.lineStart(lines.positionAt(first).line);
  return text
    .slice(lineStart, first)
    .replace(/^\uFEFF/, '')
    .replace(/[^\t]/g, ' ');
}

/** The edit that adds the entry to the key result's check-ins. */
function appendEdit(text: string, lines: LineIndex, objective: Objective, kr: KeyResult, input: CheckInInput): TextEdit | string {
  const eol = LineIndex.eol(text);
  const flowKr = text[kr.spans.node.start] === '{';
  const key = kr.spans.keys.check_ins;
  const value = kr.spans.values.check_ins;
  const entry = flowEntry(input);
  if (key && value) {
    const first = text[value.start];
    if (first === '*') return '`check_ins` is an alias of a list elsewhere in the file; add this check-in by hand';
    if (first === '[') {
      return (
        appendToFlowListEdit(
          text,
          lines,
          value,
          kr.checkIns.map((c) => c.spans.node),
          entry,
        ) ?? 'its `check_ins` list has a shape that cannot be extended exactly'
      );
    }
    if (first === '-') {
      const last = kr.checkIns[kr.checkIns.length - 1];
      if (last && text[last.spans.node.start] !== '{' && Object.keys(last.spans.keys).length > 0) {
        // The list holds block mappings: the new entry is one too, its keys where the last entry's are.
        const dashLine = lines.lineStart(lines.positionAt(last.spans.node.start).line);
        const gap = lines.positionAt(last.spans.node.start).character - (text.slice(dashLine, last.spans.node.start).indexOf('-') + 1);
        const fields = entryFields(input);
        const edit = appendToBlockListEdit(text, lines, value, fields, ' '.repeat(Math.max(1, gap)));
        return edit ?? 'its `check_ins` list has a shape that cannot be extended exactly';
      }
      return appendToBlockListEdit(text, lines, value, [entry]) ?? 'its `check_ins` list has a shape that cannot be extended exactly';
    }
    const written = text.slice(value.start, value.end);
    if (kr.checkIns.length === 0 && (written === '' || /^(~|null|Null|NULL)$/.test(written))) {
      if (flowKr || written !== '')
        return written === ''
          ? replaceScalarEdit(text, value, `[${entry}]`)
          : { start: value.start, end: value.end, newText: `[${entry}]` };
      // `check_ins:` with nothing after it (but maybe a comment): the list goes on the lines below.
      const keyLine = lines.positionAt(key.start).line;
      const indent = blockKeyIndent(text, lines, kr);
      const at = lines.lineEnd(keyLine);
      return { start: at, end: at, newText: `${eol}${indent}${listOffset(text, lines, objective)}- ${entry}` };
    }
    return '`check_ins` is not a list';
  }
  if (flowKr) {
    // `{ id: ..., title: ... }` gets `, check_ins: [{ ... }]` after its last field: still one flow mapping.
    const ends = Object.values(kr.spans.values).map((s) => s.end);
    const lastEnd = maxOf(ends.concat(Object.values(kr.spans.keys).map((s) => s.end)));
    const close = kr.spans.node.end - 1;
    if (text[close] !== '}' || lastEnd > close) return 'the key result has a shape that cannot be extended exactly';
    const trailing = /^[ \t]*,/.exec(text.slice(lastEnd, close));
    const at = trailing ? lastEnd + trailing[0].length : lastEnd;
    return { start: at, end: at, newText: `${trailing ? ' ' : ', '}check_ins: [${entry}]` };
  }
  const indent = blockKeyIndent(text, lines, kr);
  const lastLine = lines.positionAt(Math.max(kr.spans.node.start, kr.spans.node.end - 1)).line;
  const at = lines.lineEnd(lastLine);
  return { start: at, end: at, newText: `${eol}${indent}check_ins:${eol}${indent}${listOffset(text, lines, objective)}- ${entry}` };
}

/**
 * Plans a check-in: the edits to make, or why none can be made. `parsed` may be
 * passed when the caller has parsed the text already (the editor's store).
 */
export function planCheckIn(text: string, path: string, input: CheckInInput, parsed: ParseResult = parseOkr(text, path)): CheckInPlan {
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(text));
  const refused = refusal(parsed, input, lines);
  if (refused) return refused;
  const found = findKeyResult(parsed.file, input.krId);
  if (!found) {
    const ids = parsed.file.objectives.flatMap((o) => o.keyResults.map((k) => k.id)).filter((id): id is string => id !== undefined);
    const near = closestMatches(input.krId, ids, 3);
    return {
      ok: false,
      message:
        `${shownValue(input.krId)} is not a key result in ` +
        `${parsed.file.path}${near.length ? ` (did you mean ${near.join(', ')}?)` : ids.length ? '' : ': it has no key results'}`,
    };
  }
  const { objective, keyResult: kr } = found;
  const list = objective.keyResultsSpan;
  const at = () => {
    const p = lines().positionAt(kr.spans.node.start);
    return `${parsed.file.path}:${p.line + 1}:${p.character + 1}`;
  };
  if (
    !list ||
    kr.spans.node.start < list.start ||
    kr.spans.node.end > list.end ||
    // An alias (`- *kr1`) reads as the very node it names: the same key result twice.
    parsed.file.objectives.some((o) => o.keyResults.some((k) => k !== kr && k.spans.node.start === kr.spans.node.start)) ||
    /(^|[\s[{,])&[^\s,[\]{}]/.test(text.slice(lines().lineStart(lines().positionAt(kr.spans.node.start).line), kr.spans.node.end))
  ) {
    return {
      ok: false,
      message: `${at()}: key result ${shownValue(kr.id ?? input.krId)} is shared through a YAML anchor or alias; add this check-in by hand`,
    };
  }
  const append = appendEdit(text, lines(), objective, kr, input);
  if (typeof append === 'string') return { ok: false, message: `${at()}: key result ${shownValue(kr.id ?? input.krId)}: ${append}` };
  const edits: TextEdit[] = [append];
  const updated: PlannedCheckIn['updated'] = [];
  const added: CheckIn = {
    date: input.date,
    value: input.value,
    confidence: input.confidence,
    spans: { node: { start: 0, end: 0 }, keys: {}, values: {} },
  };
  const after: KeyResult = { ...kr, checkIns: [...kr.checkIns, added] };
  const flowKr = text[kr.spans.node.start] === '{';
  const plainNumber = (span: Span) => span.start === span.end || NUMBER.test(text.slice(span.start, span.end));
  const newValue = latestCheckInWith(after, 'value')?.value;
  if (kr.spans.keys.current && newValue !== undefined && kr.current !== newValue && plainNumber(kr.spans.values.current)) {
    edits.push(replaceScalarEdit(text, kr.spans.values.current, yamlScalar(newValue), !flowKr));
    updated.push('current');
  }
  const newConfidence = latestCheckInWith(after, 'confidence')?.confidence;
  if (
    kr.spans.keys.confidence &&
    newConfidence !== undefined &&
    kr.confidence !== newConfidence &&
    plainNumber(kr.spans.values.confidence)
  ) {
    edits.push(replaceScalarEdit(text, kr.spans.values.confidence, yamlScalar(newConfidence), !flowKr));
    updated.push('confidence');
  }
  const previous = {
    value: latestCheckInWith(kr, 'value')?.value ?? kr.current,
    confidence: latestCheckInWith(kr, 'confidence')?.confidence ?? kr.confidence,
  };
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start), objective, keyResult: kr, updated, previous };
}
