// Re-parsing after an edit without reading the whole file again. YAML's lexer is
// linear in the file's size (about a third of a second for 20,000 lines here), and
// most edits change one objective: this re-parses just that objective and keeps the
// rest of the previous result, shifting what comes after the edit.
//
// The objective is parsed inside a stand-in text of the same length up to it: the
// file's header, then one long comment line in place of the objectives before it,
// then the objective. Offsets in the stand-in are offsets in the real text, so the
// parser's spans and findings need no translation.
//
// Whenever the edit is not plainly inside one objective of a block-style list (or the
// file has YAML errors, anchors, keys after `objectives:`...), it falls back to the full
// parse. test/core/incremental.test.ts checks both give the same result on thousands
// of random edits.

import type { Finding, NodeSpans, Objective, OkrFile, Span } from './model';
import { MAX_FILE_BYTES, parseOkr, type ParseResult } from './parse';

/** Parses `text`, reusing `previous` (the parse of an earlier version of the file) where it can. */
export function reparseOkr(previous: ParseResult, text: string, path: string): ParseResult {
  if (previous.file.text === text && previous.file.path === path) return previous;
  return parseEditedObjective(previous, text, path) ?? parseOkr(text, path);
}

/** Could an anchor or an alias be in this text? (Then objectives may share nodes: no shortcut.) */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The incremental parse, or undefined when the full parse must decide. */
export function parseEditedObjective(previous: ParseResult, text: string, path: string): ParseResult | undefined {
  const old = previous.file.text;
  const file = previous.file;
  const objectives = file.objectives;
  if (previous.file.path !== path || text.length > MAX_FILE_BYTES / 2 || objectives.length < 2) return undefined;
  if (previous.findings.some((f) => f.ruleId === 'syntax')) return undefined;
  const listKey = file.spans.keys.objectives;
  const list = file.spans.values.objectives;
  if (!listKey || !list || old.charAt(list.start) !== '-') return undefined;
  // Everything else of the file comes before the list, so the list runs to the end.
  for (const [key, span] of Object.entries(file.spans.keys)) if (key !== 'objectives' && span.start > listKey.start) return undefined;

  // Where the two texts differ: old[from, oldTo) became text[from, newTo).
  const shorter = Math.min(old.length, text.length);
  let from = 0;
  while (from < shorter && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let same = 0;
  while (same < shorter - from && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  const oldTo = old.length - same;
  const delta = text.length - old.length;

  // Each objective's lines: from the line of its `- ` to the line of the next one.
  const starts = objectives.map((o) => lineStart(old, o.spans.node.start));
  for (let i = 0; i < objectives.length; i++) {
    if (!/^[ ]*-[ ]+$/.test(old.slice(starts[i], objectives[i].spans.node.start))) return undefined;
    if (i > 0 && starts[i] <= starts[i - 1]) return undefined;
  }
  let k = -1;
  for (let i = 0; i < objectives.length; i++) if (starts[i] <= from) k = i;
  if (k < 0 || from < objectives[k].spans.node.start) return undefined;
  const regionStart = starts[k];
  const oldRegionEnd = k + 1 < objectives.length ? starts[k + 1] : old.length;
  if (oldTo >= oldRegionEnd && k + 1 < objectives.length) return undefined;
  const newRegionEnd = oldRegionEnd + delta;
  if (k + 1 < objectives.length && text.charAt(newRegionEnd - 1) !== '\n') return undefined;
  const region = text.slice(regionStart, newRegionEnd);
  // The objective must still end where the next one starts: every later line of it is
  // blank, a comment, or indented past its `-` (else it became a key or item of its own).
  const dashColumn = region.indexOf('-');
  const lines = region.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const content = lines[i].replace(/\r$/, '');
    const indent = content.length - content.trimStart().length;
    if (content.trim() !== '' && !content.trimStart().startsWith('#') && indent <= dashColumn) return undefined;
  }
  if (ANCHOR_OR_ALIAS.test(region) || ANCHOR_OR_ALIAS.test(old.slice(regionStart, oldRegionEnd))) return undefined;

  // The stand-in: header, one comment line as long as the objectives before, the objective.
  const firstStart = starts[0];
  const padLength = regionStart - firstStart;
  const standIn = text.slice(0, firstStart) + (padLength > 0 ? `#${' '.repeat(padLength - 2)}\n` : '') + region;
  if (padLength === 1) return undefined; // cannot happen (an objective takes more than one character), but never guess
  const part = parseOkr(standIn, path);
  if (part.file.objectives.length !== 1 || part.findings.some((f) => f.ruleId === 'syntax')) return undefined;
  // The header must read the same: an edit at the end could have added a top-level key.
  if (Object.keys(part.file.spans.keys).join() !== Object.keys(file.spans.keys).join()) return undefined;
  const edited = part.file.objectives[0];
  if (edited.spans.node.start < regionStart) return undefined;

  // Offsets outside the edit keep their place in the text; those in it have none.
  const shift = (span: Span): Span | undefined => {
    const start = span.start < from ? span.start : span.start >= oldTo ? span.start + delta : -1;
    const end = span.end <= from ? span.end : span.end >= oldTo ? span.end + delta : -1;
    return start < 0 || end < 0 ? undefined : { start, end };
  };
  const findings: Finding[] = [];
  for (const f of previous.findings) {
    if (f.span.start >= regionStart && f.span.start < oldRegionEnd && f.span.end <= oldRegionEnd) continue; // re-found below
    const moved = shiftFinding(f, shift);
    if (!moved) return undefined;
    findings.push(moved);
  }
  for (const f of part.findings) {
    if (f.span.start < regionStart || f.span.end > newRegionEnd) continue; // the header's, already carried over
    findings.push(f);
  }

  const fileSpans = shiftNodeSpans(file.spans, shift);
  if (!fileSpans) return undefined;
  const merged: Objective[] = [];
  for (let i = 0; i < objectives.length; i++) {
    if (i < k) merged.push(objectives[i]);
    else if (i === k) merged.push(edited);
    else merged.push(shiftObjective(objectives[i], delta));
  }
  const result: OkrFile = { ...file, text, objectives: merged, spans: fileSpans };
  return { file: result, findings };
}

function shiftFinding(f: Finding, shift: (s: Span) => Span | undefined): Finding | undefined {
  const span = shift(f.span);
  if (!span) return undefined;
  let fixes = f.fixes;
  if (fixes) {
    const moved = [];
    for (const fix of fixes) {
      const edits = [];
      for (const e of fix.edits) {
        const s = shift(e);
        if (!s) return undefined;
        edits.push({ ...e, start: s.start, end: s.end });
      }
      moved.push({ ...fix, edits });
    }
    fixes = moved;
  }
  // `related` points into other files (duplicate-id), which a parse never reports.
  return { ...f, span, ...(fixes ? { fixes } : {}) };
}

function shiftNodeSpans(spans: NodeSpans, shift: (s: Span) => Span | undefined): NodeSpans | undefined {
  const node = shift(spans.node);
  if (!node) return undefined;
  const keys: Record<string, Span> = {};
  const values: Record<string, Span> = {};
  for (const [k, s] of Object.entries(spans.keys)) {
    const moved = shift(s);
    if (!moved) return undefined;
    keys[k] = moved;
  }
  for (const [k, s] of Object.entries(spans.values)) {
    const moved = shift(s);
    if (!moved) return undefined;
    values[k] = moved;
  }
  return { node, keys, values };
}

/** A copy of an objective after the edit, every span moved by `delta`. */
function shiftObjective(o: Objective, delta: number): Objective {
  const by = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const spans = (ns: NodeSpans): NodeSpans => shiftNodeSpans(ns, by)!;
  return {
    ...o,
    spans: spans(o.spans),
    dependsOn: o.dependsOn.map((d) => ({ ...d, span: by(d.span) })),
    ...(o.keyResultsSpan ? { keyResultsSpan: by(o.keyResultsSpan) } : {}),
    ...(o.initiativesSpan ? { initiativesSpan: by(o.initiativesSpan) } : {}),
    keyResults: o.keyResults.map((kr) => ({
      ...kr,
      spans: spans(kr.spans),
      dependsOn: kr.dependsOn.map((d) => ({ ...d, span: by(d.span) })),
      checkIns: kr.checkIns.map((c) => ({ ...c, spans: spans(c.spans) })),
    })),
    initiatives: o.initiatives.map((i) => ({ ...i, spans: spans(i.spans) })),
  };
}
