// Key results: whether a title names a deliverable or a date rather than a measured outcome.

import { TASK_LEXICON, leadIndex, leadingTaskVerb, phraseWords } from './clause';
import { ARTIFACT_NOUNS, BINARY_UNITS, CERTIFICATION_NOUNS, CERTIFICATION_VERBS, COMPARATIVE_AFTER, COMPARATIVE_LEAD, DESCRIPTIVE_ED, DETERMINERS, OUTCOME_METRICS, OUTCOME_OBJECTS, OUTCOME_PARTICIPLES, OUTCOME_VERBS, PEOPLE, PERCENTILE, PERIODS, QUALITY_NOUNS, RATE_WORDS, RECURRING, STATE_PHRASES, STATE_VERBS, STATE_WORDS, TIME_SUFFIX, TIME_UNITS } from './lexicon';
import { findDeadline, findQuantities, statesBaseline, type Quantity } from './quantities';
import { MAX_TITLE, tokenize, type Token } from './tokens';
import { type VerbLexicon } from './word-forms';

export type MilestoneKind = 'verb' | 'deliverable' | 'deadline' | 'state' | 'certification' | 'binary-target';

export interface MilestoneCue {
  kind: MilestoneKind;
  /** The words that show it, as written ("Ship", "by March", "live"). */
  words: string;
}

export interface KeyResultNumbers {
  start?: number;
  target?: number;
  unit?: string;
}

/**
 * Whether a title measures an outcome: it names an outcome metric (NPS, latency,
 * revenue...), a duration ("within 24 hours", "under 200ms") or a rate ("per week").
 */
function measuresOutcome(tokens: readonly Token[], quantities: readonly Quantity[]): boolean {
  if (quantities.length === 0) return false;
  if (tokens.some((t) => t.kind === 'word' && (OUTCOME_METRICS.has(t.lower) || PERCENTILE.test(t.lower)))) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const isQuantity = quantities.some((q) => t.start >= q.start && t.end <= q.end);
    if (isQuantity && (TIME_SUFFIX.test(t.lower) || (tokens[i + 1] && TIME_UNITS.has(tokens[i + 1].lower)))) return true;
    // "40% less JavaScript", "2x faster builds": a change measured against today.
    if (isQuantity && tokens[i + 1] && COMPARATIVE_AFTER.test(tokens[i + 1].lower)) return true;
    if (RATE_WORDS.has(t.lower) && tokens[i + 1] && PERIODS.has(tokens[i + 1].lower) && t.lower !== 'every') return true;
  }
  return false;
}

/** The head of a leading noun phrase when it names a deliverable (an artifact, or a feature in -ing). */
function deliverableHead(tokens: readonly Token[], lead: number): Token | undefined {
  const first = tokens[lead];
  if (!first || first.kind !== 'word' || OUTCOME_VERBS.has(first.lower) || COMPARATIVE_LEAD.test(first.lower)) return undefined;
  // "Handle all pages", "Staff the rotation": a word before a determiner is a verb, not a noun phrase.
  if (tokens[lead + 1] && DETERMINERS.has(tokens[lead + 1].lower)) return undefined;
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (!head || head.kind !== 'word' || QUALITY_NOUNS.has(head.lower) || OUTCOME_METRICS.has(head.lower) || OUTCOME_OBJECTS.has(head.lower) || PEOPLE.has(head.lower)) return undefined;
  if (ARTIFACT_NOUNS.has(head.lower)) return head;
  // A feature named by its -ing form after a qualifier: "Server-side rendering", "Usage-based pricing".
  if (phrase.words.length >= 2 && head.lower.length >= 6 && head.lower.endsWith('ing') && !head.lower.includes('-')) return head;
  return undefined;
}

/** A past participle reporting delivery in a verbless title: "GPU cluster provisioned", "Personalised ranking". */
function deliveredParticiple(tokens: readonly Token[], lead: number, lexicon: VerbLexicon, anyVerb: boolean): Token | undefined {
  for (let i = lead; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (lexicon.participles.has(t.lower) || STATE_WORDS.has(t.lower)) return t;
    // Any other verb's -ed form is weaker evidence, taken only when no number is measured.
    if (anyVerb && t.lower.length >= 5 && t.lower.endsWith('ed') && !t.lower.includes('-') && !t.lower.startsWith('un') && !DESCRIPTIVE_ED.has(t.lower) && !OUTCOME_PARTICIPLES.has(t.lower)) return t;
  }
  return undefined;
}

/**
 * Why a key result reads as a milestone (a deliverable or a date) rather than a
 * measured outcome, if it does. Never one: a title that states a change from a
 * baseline ("from 20 to 8 minutes"), describes recurring work ("nightly"), or
 * leads with an outcome verb ("Reduce") or a comparative ("Faster"). A task verb
 * ("Ship", "Migrate") makes one unless the title measures an outcome: a metric
 * ("Launch NPS above 40"), a duration, a rate or a comparison ("40% less
 * JavaScript"); "Migrate 40 services" counts the work, so it is one. Without a
 * verb: a deadline, a delivered state ("live", "migrated", "in production"), a
 * certificate, the name of a thing to build ("Cost dashboards"), or `target: 1`.
 */
export function milestoneCue(title: string, numbers: KeyResultNumbers = {}, lexicon: VerbLexicon = TASK_LEXICON): MilestoneCue | undefined {
  title = title.slice(0, MAX_TITLE);
  const tokens = tokenize(title);
  const quantities = findQuantities(title, tokens);
  if (statesBaseline(title, tokens, quantities)) return undefined;
  if (RECURRING.test(title.toLowerCase())) return undefined;
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  if (!first) return undefined;
  const measured = measuresOutcome(tokens, quantities);

  const verb = leadingTaskVerb(tokens, lexicon);
  if (verb) return measured ? undefined : { kind: 'verb', words: verb.text };
  if (CERTIFICATION_VERBS.has(first.lower)) {
    const noun = quantities.length === 0 ? tokens.find((t) => CERTIFICATION_NOUNS.has(t.lower)) : undefined;
    return noun ? { kind: 'certification', words: noun.text } : undefined;
  }
  if (OUTCOME_VERBS.has(first.lower) || COMPARATIVE_LEAD.test(first.lower) || measured) return undefined;
  // Verbless: "Data lake GA by 2026-12-01", "Feature store in production", "SSO enabled for all apps".
  const deadline = findDeadline(title);
  if (deadline) return { kind: 'deadline', words: deadline.text.trim() };
  const state = deliveredParticiple(tokens, lead, lexicon, quantities.length === 0);
  if (state) return { kind: 'state', words: state.text };
  const phrase = STATE_PHRASES.exec(title.toLowerCase());
  if (phrase) return { kind: 'state', words: title.substr(phrase.index, phrase[0].length) };
  // A verbless name of a thing to build: "Cost dashboards for every team", "Server-side rendering".
  const artifact = quantities.length === 0 ? deliverableHead(tokens, lead) : undefined;
  if (artifact) return { kind: 'deliverable', words: artifact.text };
  if (quantities.length === 0 && numbers.target === 1 && (numbers.start === undefined || numbers.start === 0) && (numbers.unit === undefined || BINARY_UNITS.test(numbers.unit.trim()))) {
    return { kind: 'binary-target', words: 'target: 1' };
  }
  return undefined;
}
