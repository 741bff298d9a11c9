// Objectives: whether a title names a task rather than an outcome.

import { TASK_LEXICON, leadIndex, leadingTaskVerb, namesWork, phraseWords } from './clause';
import { DETERMINERS, OUTCOME_VERBS, STATE_VERBS, TASK_NOUNS } from './lexicon';
import { MAX_TITLE, tokenize } from './tokens';
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
  if (verb) return { words: verb.text, kind: 'verb' };
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower)) return undefined;
  // A task verb before a determiner leads a clause whose object was judged an outcome ("Build a
  // world-class sales organization"): no noun phrase to read.
  if (lexicon.forms.has(first.lower) && DETERMINERS.has(tokens[lead + 1]?.lower ?? '')) return undefined;
  // A verbless noun phrase whose head is a task: "Kubernetes migration", "Migration to Kubernetes".
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (head && (TASK_NOUNS.has(head.lower) || namesWork(head.lower, lexicon))) return { words: head.text, kind: 'noun' };
  return undefined;
}
