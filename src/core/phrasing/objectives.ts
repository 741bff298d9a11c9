// Objectives: whether a title names a task rather than an outcome.

import { TASK_LEXICON, leadIndex, leadingTaskVerb, namesWork, phraseWords } from './clause';
import {
  ARTIFACT_NOUNS,
  COMPARATIVE_LEAD,
  DETERMINERS,
  EVALUATIVE,
  OUTCOME_METRICS,
  OUTCOME_OBJECTS,
  OUTCOME_VERBS,
  PEOPLE,
  QUALITY_NOUNS,
  STATE_VERBS,
  TASK_NOUNS,
  WORK_NOUNS,
} from './lexicon';
import { MAX_TITLE, tokenize, type Token } from './tokens';
import { type VerbLexicon } from './word-forms';

export interface TaskCue {
  /** The words that make the title a task, as written ("Migrate", "migration"). */
  words: string;
  kind: 'verb' | 'noun';
}

/** Why an objective reads as a task, if it does. */
export function objectiveTaskCue(title: string, lexicon: VerbLexicon = TASK_LEXICON): TaskCue | undefined {
  const tokens = tokenize(title.slice(0, MAX_TITLE));
  const verb = leadingTaskVerb(tokens, lexicon, true);
  if (verb) return winsBusiness(tokens, verb.next, lexicon) ? undefined : { words: verb.text, kind: 'verb' };
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower)) return undefined;
  const held = heldThing(tokens, lead);
  if (held) return { words: first.text, kind: 'verb' };
  // A task verb before a determiner leads a clause whose object was judged an outcome ("Build a
  // world-class sales organization"): no noun phrase to read.
  if (lexicon.forms.has(first.lower) && DETERMINERS.has(tokens[lead + 1]?.lower ?? '')) return undefined;
  // A verbless noun phrase whose head is a task: "Kubernetes migration", "Migration to Kubernetes".
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (head && (TASK_NOUNS.has(head.lower) || namesWork(head.lower, lexicon))) return { words: head.text, kind: 'noun' };
  // Work named by a task verb's gerund after what it is done to: "Rapid hypothesis testing in ...";
  // a short phrase no verb leads, whose head is no outcome ("Build organization-wide understanding").
  if (
    head &&
    phrase.words.length >= 2 &&
    phrase.words.length <= 4 &&
    head.lower.endsWith('ing') &&
    !OUTCOME_OBJECTS.has(head.lower) &&
    !lexicon.forms.has(first.lower) &&
    lexicon.standalone.has(lexicon.forms.get(head.lower) ?? '')
  )
    return { words: head.text, kind: 'noun' };
  return undefined;
}

/**
 * "Build the revenue engine", "Develop our leads pipeline", "Build a repeatable enterprise sales
 * motion": the object is a capability named by the business it wins (revenue, sales, leads,
 * deals, partnerships), an outcome like a pipeline; not a thing that shows or documents it
 * ("Build a revenue dashboard", "Write the sales playbook").
 */
function winsBusiness(tokens: readonly Token[], from: number, lexicon: VerbLexicon): boolean {
  let at = from;
  // "Build and activate the revenue engine": the object follows the second verb.
  if (/^(and|&)$/.test(tokens[at]?.lower ?? '') && tokens[at + 1]?.kind === 'word' && !DETERMINERS.has(tokens[at + 1].lower)) at += 2;
  const words = phraseWords(tokens, at).words.filter((t) => !DETERMINERS.has(t.lower));
  const head = words[words.length - 1]?.lower;
  if (!head || WORK_NOUNS.has(head) || (ARTIFACT_NOUNS.has(head) && !/^pipelines?$/.test(head)) || lexicon.forms.has(head)) return false;
  return words.some((t) => COMMERCIAL.has(t.lower) || COMMERCIAL.has(`${t.lower}s`));
}

/** What a go-to-market capability wins. */
const COMMERCIAL = new Set(
  'revenue revenues sales leads deals partnerships opportunities bookings arr mrr gtm go-to-market inbound'.split(' '),
);

/**
 * "Have well-defined roles and responsibilities", "We want to have more comprehensive metrics":
 * to have a thing built is a task; to have a result ("Have more users", "Have a healthy pipeline")
 * or a quality ("Have great reliability") is not.
 */
function heldThing(tokens: readonly Token[], lead: number): Token | undefined {
  if (!/^(have|has)$/.test(tokens[lead]?.lower ?? '')) return undefined;
  const phrase = phraseWords(tokens, lead + 1);
  let words = phrase.words;
  // Coordinated modifiers: "accurate and safely-collected statistics".
  if (phrase.stop?.lower === 'and') words = [...words, ...phraseWords(tokens, tokens.indexOf(phrase.stop) + 1).words];
  const content = words.filter((t) => !DETERMINERS.has(t.lower) && t.lower !== 'more');
  const head = content[content.length - 1];
  if (head?.kind !== 'word' || content.some((t) => t.kind !== 'word')) return undefined;
  if (
    content.some((t) => OUTCOME_OBJECTS.has(t.lower) || EVALUATIVE.has(t.lower) || PEOPLE.has(t.lower) || COMPARATIVE_LEAD.test(t.lower)) ||
    QUALITY_NOUNS.has(head.lower) ||
    OUTCOME_METRICS.has(head.lower)
  )
    return undefined;
  return head;
}
