import { quoteTitle } from '../escape';
import type { Fix, KeyResult, Objective, TextEdit } from '../model';
import type { Rule, RuleReport } from '../rule';
import {
  afterBreak,
  appendToBlockListEdit,
  appendToFlowListEdit,
  flowScalar,
  keyIndentAt,
  removeBlockItemEdit,
  removeFlowItemEdit,
} from '../edits';
import { ID_PATTERN } from '../parse';
import { LineIndex } from '../positions';
import { rawProgress } from '../progress';
import { findDeadline, milestoneCue, stringList, taskLexicon, type MilestoneCue } from '../phrasing';
import { activeKeyResults } from './utils/active';

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
  optionsSchema: {
    extraVerbs: { type: 'string-list', description: 'More verbs that name a deliverable ("spike", "hand off").' },
    ignoreVerbs: { type: 'string-list', description: 'Built-in verbs this team accepts at the start of a key result.' },
  },
  fixable: true,
  check({ file, options }) {
    const reports: RuleReport[] = [];
    const lexicon = taskLexicon(stringList(options.extraVerbs), stringList(options.ignoreVerbs));
    let lines: LineIndex | undefined;
    for (const { objective: o, keyResult: kr, index } of activeKeyResults(file)) {
      const span = kr.spans.values.title;
      if (!kr.title || !span) continue;
      const cue = milestoneCue(kr.title, kr, lexicon);
      if (!cue) continue;
      lines ??= new LineIndex(file.text);
      const fix = moveToInitiativesFix(file.text, lines, o, kr, index);
      reports.push({ message: message(kr.title, cue), span, ...(fix ? { fixes: [fix] } : {}) });
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

function initiativeEntry(kr: KeyResult): string {
  const fields = [
    ...(kr.id !== undefined ? [`id: ${flowScalar(kr.id)}`] : []),
    `title: ${flowScalar(kr.title!.replace(/\s+/g, ' ').trim())}`,
    ...(kr.owner !== undefined ? [`owner: ${flowScalar(kr.owner)}`] : []),
    `status: ${initiativeStatus(kr)}`,
  ];
  return `{ ${fields.join(', ')} }`;
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
    text[list.start] === '['
      ? removeFlowItemEdit(text, list.start, list.end, nodes, index)
      : text[list.start] === '-'
        ? removeBlockItemEdit(text, lines, node.start, node.end)
        : undefined;
  if (!removal) return undefined;

  // 2. Add the initiative.
  let addition: TextEdit | undefined;
  const flowObjective = text[o.spans.node.start] === '{';
  const initiatives = o.initiativesSpan;
  const initiativesKey = o.spans.keys.initiatives;
  if (initiativesKey && initiatives && text[initiatives.start] === '[') {
    // A comment inside the list could be one about the items' order: leave such a list to the user.
    if (text.slice(initiatives.start, initiatives.end).includes('#')) return undefined;
    addition = appendToFlowListEdit(
      text,
      lines,
      initiatives,
      o.initiatives.map((i) => i.spans.node),
      entry,
    );
  } else if (initiativesKey && initiatives && text[initiatives.start] === '-' && !flowObjective) {
    addition = appendToBlockListEdit(text, lines, initiatives, [entry]);
  } else if (initiativesKey && !flowObjective) {
    // `initiatives:` with no value yet: the list goes on the lines below the key.
    const keyLine = lines.positionAt(initiativesKey.start).line;
    const lineEnd = lines.lineEnd(keyLine);
    const indent = keyIndentAt(text, lines, initiativesKey.start);
    if (indent === undefined || !/^:[ \t]*(#.*)?$/.test(text.slice(initiativesKey.end, lineEnd))) return undefined;
    if (o.initiatives.length > 0) return undefined;
    addition = { start: lineEnd, end: lineEnd, newText: `${eol}${indent}  - ${entry}` };
  } else if (!initiativesKey && flowObjective) {
    if (text.slice(o.spans.node.start, o.spans.node.end).includes('#') || text[list.start] !== '[') return undefined;
    addition = { start: list.end, end: list.end, newText: `, initiatives: [${entry}]` };
  } else if (!initiativesKey) {
    const krKey = o.spans.keys.key_results;
    const indent = krKey ? keyIndentAt(text, lines, krKey.start) : undefined;
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
