// How titles are phrased: the analysis behind the phrasing rules (objective-is-task,
// objective-has-metric, kr-is-milestone, kr-not-measurable, kr-no-baseline,
// routine-work, performance-review). Pure and linear in the title's length: every
// table and regular expression is built once, at module load. One concern per file:
//
//   tokens      words, numbers and symbols with their offsets
//   word-forms  spellings, inflections, verb lexicons
//   lexicon     the word lists
//   quantities  numbers that measure something, deadlines, baselines
//   clause      where a title's meaning starts and the verb that leads it
//   objectives  task or outcome
//   milestones  deliverable or measured outcome
//   cues        routine work, performance reviews
//   messages    reading list options (titles are quoted by core/escape.ts)
//
// The guide these come from: objectives are qualitative outcomes, not tasks; key
// results are measurable ("Reduce P1 incidents from twelve to three per quarter"),
// not milestones ("Ship the new API by March").

export { tokenize, withTokenCache, type Token, type TokenKind } from './tokens';
export { buildVerbLexicon, inflections, type VerbLexicon } from './word-forms';
export { TASK_VERBS } from './lexicon';
export { findDeadline, findQuantities, impliesMeasure, statesBaseline, statesFrequencyChange, type Quantity } from './quantities';
export { leadIndex, leadingTaskVerb, matchVerb, TASK_LEXICON, taskLexicon, type VerbMatch } from './clause';
export { objectiveTaskCue, type TaskCue } from './objectives';
export { milestoneCue, readsAsUnmeasuredOutcome, type KeyResultNumbers, type MilestoneCue, type MilestoneKind } from './milestones';
export { performanceCue, routineCue } from './cues';
export { stringList } from './messages';
