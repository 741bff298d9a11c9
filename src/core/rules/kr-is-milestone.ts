import type { Fix, KeyResult, Objective, TextEdit } from '../model';
import type { Rule, RuleReport } from '../rule';
import { yamlScalar } from '../edits';
import { ID_PATTERN } from '../parse';
import { LineIndex } from '../positions';
import { rawProgress } from '../progress';
import { findDeadline, milestoneCue, quoteTitle, stringList, taskLexicon, type MilestoneCue } from '../phrasing';

export interface KrIsMilestoneOptions {
  /** More verbs that name a deliverable ("spike", "hand off"). */
  extraVerbs: string[];
  /** Built-in verbs this team accepts at the start of a key result. */
  ignoreVerbs: string[];
}

// The guide: "'Ship the new API by March' is a milestone, not a key result. A better
// formulation would be 'Increase API adoption from fifty to two hundred external
// integrations', which measures the actual outcome the new API is intended to achieve."
export const krIsMilestone: Rule<KrIsMilestoneOptions> = {
  id: 'kr-is-milestone',
  description: 'A key result measures an outcome, not a deliverable or a date ("Ship the new API by March").',
  defaultSeverity: 'warning',
  defaultOptions: { extraVerbs: [], ignoreVerbs: [] },
  fixable: true,
  check({ file, options }) {
    const reports: RuleReport[] = [];
    const lexicon = taskLexicon(stringList(options.extraVerbs), stringList(options.ignoreVerbs));
    let lines: LineIndex | undefined;
    for (const o of file.objectives) {
      // Done and dropped items are history: rephrasing them helps nobody.
      if (o.status !== 'active') continue;
      o.keyResults.forEach((kr, index) => {
        const span = kr.spans.values.title;
        if (kr.status !== 'active' || !kr.title || !span) return;
        const cue = milestoneCue(kr.title, kr, lexicon);
        if (!cue) return;
        lines ??= new LineIndex(file.text);
        const fix = moveToInitiativesFix(file.text, lines, o, kr, index);
        reports.push({ message: message(kr.title, cue), span, ...(fix ? { fixes: [fix] } : {}) });
      });
    }
    return reports;
  },
};

function message(title: string, cue: MilestoneCue): string {
  const deadline = cue.kind === 'verb' ? findDeadline(title) : undefined;
  const what: Record<MilestoneCue['kind'], string> = {
    verb: deadline ? `a deliverable with a date ("${cue.words}", "${deadline.text}")` : `a deliverable ("${cue.words}")`,
    deliverable: `a deliverable ("${cue.words}")`,
    deadline: `a deliverable with a date ("${cue.words}")`,
    state: `a deliverable ("${cue.words}")`,
    certification: `a certificate to obtain ("${cue.words}")`,
    'binary-target': 'a done-or-not milestone (`target: 1`)',
  };
  return (
    `Key result ${quoteTitle(title)} is ${what[cue.kind]}, not a measured outcome. As the guide puts it, ` +
    `"Ship the new API by March" is a milestone, not a key result; measure the outcome the work is for instead ` +
    `(e.g. "Increase API adoption from fifty to two hundred external integrations") and track the work as an initiative.`
  );
}

// ---------------------------------------------------------------------------
// The fix: move the key result to its objective's `initiatives:`. Offered only when
// the edit is certain: the key result holds nothing an initiative would lose
// (description, check-ins, reason), defines no anchor, and its list item and the
// place it goes to have a shape whose text can be cut and extended exactly.

/** Fields an initiative has no room for; a key result with any of them is not moved. */
const KEPT_ONLY_BY_KEY_RESULTS = ['description', 'check_ins', 'reason'];
/** An anchor defined in the text (`&name`), which a deletion could leave aliases pointing nowhere. */
const ANCHOR = /(^|[\s[{,])&[^\s,[\]{}]/;

function initiativeStatus(kr: KeyResult): string {
  const p = rawProgress(kr);
  if (p !== undefined && p >= 1) return 'done';
  if (p !== undefined && p > 0) return 'in_progress';
  return 'planned';
}

/** Plain scalars YAML would read as numbers or special floats ("0x1F", "1e3", ".inf"). */
const NUMBER_LIKE = /^[-+]?(0x[0-9a-f]+|0o[0-7]+|(\d[\d_]*)?\.?\d*(e[-+]?\d+)?|\.inf|\.nan)$/i;

/** A string for a flow mapping that reads back as the same string. */
function flowScalar(value: string): string {
  const plain = yamlScalar(value);
  return plain === value && NUMBER_LIKE.test(value) ? JSON.stringify(value) : plain;
}

function initiativeEntry(kr: KeyResult): string {
  const fields = [
    ...(kr.id !== undefined ? [`id: ${flowScalar(kr.id)}`] : []),
    `title: ${flowScalar(kr.title!.replace(/\s+/g, ' ').trim())}`,
    ...(kr.owner !== undefined ? [`owner: ${flowScalar(kr.owner)}`] : []),
    `status: ${initiativeStatus(kr)}`,
  ];
  return `{ ${fields.join(', ')} }`;
}

/** Offset just past the line break that ends at `lineEnd`, or `lineEnd` at the end of the text. */
function afterBreak(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  if (text[lineEnd] === '\n' || text[lineEnd] === '\r') return lineEnd + 1;
  return lineEnd;
}

/** The whole lines of a block-style list item, with its line break, when nothing else shares them. */
function blockItemLines(text: string, lines: LineIndex, start: number, end: number): TextEdit | undefined {
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

function removeFromFlowList(text: string, listStart: number, listEnd: number, items: readonly { start: number; end: number }[], index: number): TextEdit | undefined {
  if (text[listStart] !== '[' || text[listEnd - 1] !== ']' || text.slice(listStart, listEnd).includes('#')) return undefined;
  // Every gap must be plain separators, so item i is really the i-th entry of the list.
  if (text.slice(listStart + 1, items[0].start).trim() !== '') return undefined;
  for (let i = 1; i < items.length; i++) if (!/^\s*,\s*$/.test(text.slice(items[i - 1].end, items[i].start))) return undefined;
  if (!/^\s*,?\s*$/.test(text.slice(items[items.length - 1].end, listEnd - 1))) return undefined;
  if (items.length === 1) return { start: listStart + 1, end: listEnd - 1, newText: '' };
  if (index < items.length - 1) return { start: items[index].start, end: items[index + 1].start, newText: '' };
  return { start: items[index - 1].end, end: items[index].end, newText: '' };
}

function keyIndent(text: string, lines: LineIndex, keyStart: number): string | undefined {
  const lineStart = lines.lineStart(lines.positionAt(keyStart).line);
  const before = text.slice(lineStart, keyStart);
  // The key is first on its line, or follows the objective's own "- ".
  if (/^[ \t]*$/.test(before)) return before;
  if (/^[ \t]*-[ \t]+$/.test(before)) return ' '.repeat(before.length);
  return undefined;
}

export function moveToInitiativesFix(text: string, lines: LineIndex, o: Objective, kr: KeyResult, index: number): Fix | undefined {
  const list = o.keyResultsSpan;
  if (!list || !kr.title || (kr.id !== undefined && !ID_PATTERN.test(kr.id))) return undefined;
  if (KEPT_ONLY_BY_KEY_RESULTS.some((k) => k in kr.spans.keys)) return undefined;
  const nodes = o.keyResults.map((k) => k.spans.node);
  // Each key result must sit inside the list, in order: an alias to a key result elsewhere is not moved.
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].start < list.start || nodes[i].end > list.end || (i > 0 && nodes[i].start < nodes[i - 1].end)) return undefined;
  }
  const node = kr.spans.node;
  if (ANCHOR.test(text.slice(node.start, node.end))) return undefined;
  const eol = LineIndex.eol(text);
  const entry = initiativeEntry(kr);

  // 1. Cut the key result.
  const removal =
    text[list.start] === '[' ? removeFromFlowList(text, list.start, list.end, nodes, index)
    : text[list.start] === '-' ? blockItemLines(text, lines, node.start, node.end)
    : undefined;
  if (!removal) return undefined;

  // 2. Add the initiative.
  let addition: TextEdit | undefined;
  const flowObjective = text[o.spans.node.start] === '{';
  const initiatives = o.initiativesSpan;
  const initiativesKey = o.spans.keys.initiatives;
  if (initiativesKey && initiatives && text[initiatives.start] === '[') {
    const inner = text.slice(initiatives.start + 1, initiatives.end - 1);
    if (text[initiatives.end - 1] !== ']' || inner.includes('#')) return undefined;
    if (inner.trim() === '') {
      addition = { start: initiatives.start + 1, end: initiatives.end - 1, newText: entry };
    } else {
      let at = initiatives.end - 1;
      while (at > initiatives.start && /\s/.test(text[at - 1])) at--;
      addition = { start: at, end: at, newText: text[at - 1] === ',' ? ` ${entry}` : `, ${entry}` };
    }
  } else if (initiativesKey && initiatives && text[initiatives.start] === '-' && !flowObjective) {
    const indent = text.slice(lines.lineStart(lines.positionAt(initiatives.start).line), initiatives.start);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    const lastLineEnd = lines.lineEnd(lines.positionAt(Math.max(initiatives.start, initiatives.end - 1)).line);
    addition = { start: lastLineEnd, end: lastLineEnd, newText: `${eol}${indent}- ${entry}` };
  } else if (initiativesKey && !flowObjective) {
    // `initiatives:` with no value yet: the list goes on the lines below the key.
    const keyLine = lines.positionAt(initiativesKey.start).line;
    const lineEnd = lines.lineEnd(keyLine);
    const indent = keyIndent(text, lines, initiativesKey.start);
    if (indent === undefined || !/^:[ \t]*(#.*)?$/.test(text.slice(initiativesKey.end, lineEnd))) return undefined;
    if (o.initiatives.length > 0) return undefined;
    addition = { start: lineEnd, end: lineEnd, newText: `${eol}${indent}  - ${entry}` };
  } else if (!initiativesKey && flowObjective) {
    if (text.slice(o.spans.node.start, o.spans.node.end).includes('#') || text[list.start] !== '[') return undefined;
    addition = { start: list.end, end: list.end, newText: `, initiatives: [${entry}]` };
  } else if (!initiativesKey) {
    const krKey = o.spans.keys.key_results;
    const indent = krKey ? keyIndent(text, lines, krKey.start) : undefined;
    if (indent === undefined) return undefined;
    // After the last line of the key results, which may be the line being cut: insert
    // at the start of the following line so the two edits touch but never overlap.
    const lastLineEnd = lines.lineEnd(lines.positionAt(Math.max(list.start, list.end - 1)).line);
    if (list.end < lastLineEnd && !/^[ \t]*(#.*)?$/.test(text.slice(list.end, lastLineEnd))) return undefined;
    const at = afterBreak(text, lastLineEnd);
    const block = `${indent}initiatives:${eol}${indent}  - ${entry}`;
    addition = at > lastLineEnd ? { start: at, end: at, newText: `${block}${eol}` } : { start: at, end: at, newText: `${eol}${block}` };
  }
  if (!addition) return undefined;
  if (addition.start < removal.end && addition.end > removal.start) return undefined;
  return { title: `Move ${kr.id ?? 'this key result'} to the objective's \`initiatives:\``, edits: [removal, addition] };
}
