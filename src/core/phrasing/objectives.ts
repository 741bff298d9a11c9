// Objectives: whether a title names a task rather than an outcome.

import { EFFECT_VERBS, TASK_LEXICON, doesWork as worksClause, leadIndex, leadingTaskVerb, namesWork, phraseWords } from './clause';
import {
  ADVERBIAL_NEXT,
  ARTIFACT_NOUNS,
  COMPARATIVE_LEAD,
  COPULAS,
  DELIVERED_ADJECTIVES,
  DETERMINERS,
  EVALUATIVE,
  IMPROVING_VERBS,
  OUTCOME_METRICS,
  OUTCOME_OBJECTS,
  OUTCOME_PARTICIPLES,
  OUTCOME_VERBS,
  PEOPLE,
  PHRASE_STOPS,
  QUALITY_NOUNS,
  STATE_PHRASES,
  STATE_VERBS,
  TASK_NOUNS,
  WORK_NOUNS,
} from './lexicon';
import { routineCue } from './cues';
import { OUTCOME_PEOPLE, subjectPredicate } from './milestones';
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
  const handled = handlingWork(title, tokens);
  if (handled) return { words: handled.text, kind: 'verb' };
  const verb = leadingTaskVerb(tokens, lexicon, true);
  if (verb) return winsBusiness(tokens, verb.next, lexicon) ? undefined : { words: verb.text, kind: 'verb' };
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  // "Know our users", "Better know our community": knowing as understanding, a soft task verb ("Understand how
  // customers use ...", the README's blind10 call), before its object.
  if (/^(know)$/.test(first?.lower ?? '') && /^(our|the|your|their|my|how|what|why|who|which)$/.test(tokens[lead + 1]?.lower ?? ''))
    return { words: first.text, kind: 'verb' };
  const continuing = continuedWork(tokens, lead);
  if (continuing) return { words: continuing, kind: 'verb' };
  // "Streamline infrastructure management and operations": streamlining a function (not a measure) is work
  // on how it runs, as "Optimize support" is (the README's blind5 and blind10 calls).
  if (
    /^(streamline|streamlines|streamlining)$/.test(first?.lower ?? '') &&
    FUNCTIONS.has(phraseWords(tokens, lead + 1).words.at(-1)?.lower ?? '')
  )
    return { words: first.text, kind: 'verb' };
  const preparing = preparation(tokens, lead);
  if (preparing) return { words: preparing, kind: 'verb' };
  const built = thingThatWorks(tokens, lead);
  if (built) return { words: built.text, kind: 'noun' };
  const done = deliveredState(tokens, lead, lexicon) ?? verblessDelivered(title, tokens, lead, lexicon) ?? madeDelivered(tokens, lead);
  if (done) return { words: done.text, kind: 'noun' };
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower)) return undefined;
  const held = heldThing(tokens, lead);
  if (held) return { words: held.text, kind: 'verb' };
  // A task verb before a determiner leads a clause whose object was judged an outcome ("Build a
  // world-class sales organization"): no noun phrase to read.
  if (lexicon.forms.has(first.lower) && DETERMINERS.has(tokens[lead + 1]?.lower ?? '')) return undefined;
  // A verb of effect on people's growth ("Nurture the development of a ... team"): the people's growth is the outcome.
  if (EFFECT_VERBS.has(first.lower) && ofPeople(tokens, lead)) return undefined;
  // A verbless noun phrase whose head is a task: "Kubernetes migration", "Migration to Kubernetes".
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (head && (TASK_NOUNS.has(head.lower) || namesWork(head.lower, lexicon))) return { words: head.text, kind: 'noun' };
  const deliverable = deliverableNamed(phrase.words, lexicon);
  if (deliverable) return { words: deliverable.text, kind: 'noun' };
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
 * A verbless heading that names a deliverable: an artefact or a capability ("Canvas color space
 * support", "Misc features"), or one reported done ("OffscreenCanvas feature complete"). One word
 * names an area ("Documentation"), as does a thing for people or for business ("Customer support",
 * "Developer tools", "Sales pipeline"); a judged thing is an outcome ("World-class tools").
 * (A phrase with a verb in it is a clause the verb analysis reads.)
 */
function deliverableNamed(words: readonly Token[], lexicon: VerbLexicon): Token | undefined {
  const content = words.filter((t) => !DETERMINERS.has(t.lower));
  const head = content[content.length - 1];
  if (head?.kind !== 'word' || content.length < 2) return undefined;
  // A verb before the head makes it a clause, not a heading: "further improve the library api".
  if (content.slice(0, -1).some((t) => OUTCOME_VERBS.has(t.lower) || lexicon.forms.has(t.lower))) return undefined;
  if (
    content.some(
      (t) =>
        PEOPLE.has(t.lower) ||
        EVALUATIVE.has(t.lower) ||
        OUTCOME_OBJECTS.has(t.lower) ||
        COMMERCIAL.has(t.lower) ||
        QUALITY_NOUNS.has(t.lower) ||
        COMPARATIVE_LEAD.test(t.lower),
    )
  )
    return undefined;
  if (ARTIFACT_NOUNS.has(head.lower)) return head;
  const before = content[content.length - 2].lower;
  return DELIVERED_ADJECTIVES.has(head.lower) && ARTIFACT_NOUNS.has(before) ? head : undefined;
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
  // "a Sales and Marketing team": coordinated modifiers; the head closes the last conjunct.
  let phrase = phraseWords(tokens, at);
  let guard = 0;
  while (/^(and|&)$/.test(phrase.stop?.lower ?? '') && guard++ < 3) {
    const after = tokens.indexOf(phrase.stop!) + 1;
    if (tokens[after]?.kind !== 'word' || DETERMINERS.has(tokens[after].lower) || lexicon.forms.has(tokens[after].lower)) break;
    const more = phraseWords(tokens, after);
    phrase = { words: [...phrase.words, ...more.words], stop: more.stop };
  }
  const words = phrase.words.filter((t) => !DETERMINERS.has(t.lower));
  const head = words[words.length - 1]?.lower;
  // "Build a Sales and Marketing team": a team is staffed, work; not a capability that wins business.
  if (
    !head ||
    PEOPLE.has(head) ||
    WORK_NOUNS.has(head) ||
    (ARTIFACT_NOUNS.has(head) && !/^pipelines?$/.test(head)) ||
    lexicon.forms.has(head)
  )
    return false;
  return words.some((t) => COMMERCIAL.has(t.lower) || COMMERCIAL.has(`${t.lower}s`));
}

/** What a go-to-market capability wins. */
const COMMERCIAL = new Set(
  `revenue revenues sales leads deals partnerships opportunities bookings arr mrr gtm go-to-market inbound retention growth
   acquisition monetization monetisation upsell`
    .trim()
    .split(/\s+/),
);

/**
 * The "have" of "Have well-defined roles and responsibilities", "We want to have more comprehensive metrics":
 * to have a thing built is a task; to have a result ("Have more users", "Have a healthy pipeline")
 * or a quality ("Have great reliability") is not.
 */
function heldThing(tokens: readonly Token[], lead: number): Token | undefined {
  // "We Have a Budget Plan", "Each team has a commitment around ...": a subject that has the thing.
  const subject = /^(we|i|they)$/.test(tokens[lead]?.lower ?? '') ? 1 : /^(each|every)$/.test(tokens[lead]?.lower ?? '') ? 2 : 0;
  lead += subject;
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
  return tokens[lead];
}

/** Functions of an organisation, run rather than measured: what streamlining works on. */
const FUNCTIONS = new Set(
  'management operations administration process processes workflow workflows procedures procedure support logistics procurement'.split(' '),
);

/**
 * "Keep working with the community", "Keep watering the flowers": keeping on with an activity (a gerund
 * after "keep") is continuing work, as "Continue building" is. Not keeping on improving or growing (a
 * change of state), nor keeping a thing in a state ("Keep the site up to date": read by routine-work).
 */
function continuedWork(tokens: readonly Token[], lead: number): string | undefined {
  const next = tokens[lead + 1];
  if (!/^(keep|keeps)$/.test(tokens[lead]?.lower ?? '') || next?.kind !== 'word') return undefined;
  // A gerund, not a noun in -ing ("Keep everything running", "Keep mornings free").
  const w = next.lower;
  const gerund = /^\p{L}{3,}ing$/u.test(w) && !/^(?:\p{L}*thing|morning|evening|spring|string|ceiling|ring|king)$/u.test(w);
  if (!gerund || OUTCOME_VERBS.has(w) || IMPROVING_VERBS.has(w)) return undefined;
  return `${tokens[lead].text} ${next.text}`;
}

/**
 * "Learn how to swim", "Learn about our users", "get ready to evaluate ...", "Prepare to launch":
 * learning and getting ready are work done before an outcome, as understanding is. Not "Learn
 * faster" (a manner) nor a subject that learns ("Support engineers learn to deploy").
 */
function preparation(tokens: readonly Token[], lead: number): string | undefined {
  const first = tokens[lead];
  const next = tokens[lead + 1];
  if (first?.kind !== 'word' || !next) return undefined;
  if (first.lower === 'learn' && next.kind === 'word' && !ADVERBIAL_NEXT.has(next.lower)) return first.text;
  if (/^(get|getting|be)$/.test(first.lower) && next.lower === 'ready' && tokens[lead + 2]?.lower === 'to')
    return `${first.text} ${next.text}`;
  return undefined;
}

/**
 * "a working toolchain that supports C++ interop", "A CLI which automates releases": a verbless
 * objective naming a thing by what it does (a relative clause with a verb of work) names a thing
 * to build. Not people ("A team that ships weekly"), a quality or an outcome, nor a judged thing.
 */
function thingThatWorks(tokens: readonly Token[], lead: number): Token | undefined {
  let at = lead;
  if (/^(a|an|the)$/.test(tokens[at]?.lower ?? '')) at++;
  if (tokens[at]?.kind !== 'word' || TASK_LEXICON.forms.has(tokens[at].lower) || OUTCOME_VERBS.has(tokens[at].lower)) return undefined;
  const phrase = phraseWords(tokens, at);
  const head = phrase.words[phrase.words.length - 1];
  if (head?.kind !== 'word' || !phrase.stop || !/^(that|which)$/.test(phrase.stop.lower)) return undefined;
  if (
    PEOPLE.has(head.lower) ||
    QUALITY_NOUNS.has(head.lower) ||
    OUTCOME_OBJECTS.has(head.lower) ||
    OUTCOME_METRICS.has(head.lower) ||
    phrase.words.some((t) => EVALUATIVE.has(t.lower) || COMPARATIVE_LEAD.test(t.lower))
  )
    return undefined;
  // The relative verb acts on something ("that supports C++ interop"); alone it reports a result
  // ("Checkout that converts", "A platform that scales").
  const rel = tokens.indexOf(phrase.stop);
  const object = tokens[rel + 2];
  if (object?.kind !== 'word' || PHRASE_STOPS.has(object.lower) || ADVERBIAL_NEXT.has(object.lower) || object.lower.endsWith('ly'))
    return undefined;
  return worksClause(tokens, rel) ? head : undefined;
}

/** Whether the phrase from `lead` goes on with "of" and a phrase whose head is people: "the development of our team". */
function ofPeople(tokens: readonly Token[], lead: number): boolean {
  const { stop } = phraseWords(tokens, lead);
  if (stop?.lower !== 'of') return false;
  let from = tokens.indexOf(stop) + 1;
  // Adjectives listed with commas: "of a productive, high-performing, and fulfilled data engineering team".
  let words: Token[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const part = phraseWords(tokens, from);
    words = part.words;
    if (!part.stop || !/^(,|and)$/.test(part.stop.text.toLowerCase())) break;
    from = tokens.indexOf(part.stop) + 1;
    if (tokens[from]?.lower === 'and') from++;
  }
  const head = words.at(-1)?.lower ?? '';
  return PEOPLE.has(head);
}

/**
 * "SMART Web Messaging V1 is published", "Bulk Data V2 is ready for publication", "Ongoing browser
 * collabs and grants are supported": a sentence that reports a thing delivered (the participle of a
 * task verb, or made ready) names the work, as a key result's delivered state does. Not how people
 * take it ("The docs are loved") nor people made ready ("Customers are ready to buy").
 */
function deliveredState(tokens: readonly Token[], lead: number, lexicon: VerbLexicon): Token | undefined {
  const predicate = subjectPredicate(tokens, lead);
  if (predicate?.kind !== 'delivered') return undefined;
  const v = predicate.verb;
  const at = tokens.indexOf(v);
  // People made able ("Chapter leaders are enabled to foster ...") are an outcome, not a thing delivered.
  if (tokens.slice(lead, at).some((t) => PEOPLE.has(t.lower) || /\p{L}{3,}(ers|ors)$/u.test(t.lower))) return undefined;
  if (!COPULAS.has(tokens[at - 1]?.lower ?? '') && !COPULAS.has(v.lower)) return undefined;
  const complement = COPULAS.has(v.lower) ? tokens[at + 1] : v;
  if (complement?.kind !== 'word') return undefined;
  if (complement.lower === 'ready' || (lexicon.participles.has(complement.lower) && !OUTCOME_PARTICIPLES.has(complement.lower)))
    return complement;
  return undefined;
}

/**
 * "Applications and admissions process integrated into the portal", "Batch 5 portal up and running": a
 * verbless heading that reports a thing delivered (a task verb's participle after its noun, closing the
 * clause or before a preposition; a state phrase) names the work, as a key result's delivered state does.
 * Not a participle of an outcome or of how people take it ("Customers delighted"), nor one after a
 * determiner ("the integrated portal": an attribute).
 */
function verblessDelivered(title: string, tokens: readonly Token[], lead: number, lexicon: VerbLexicon): Token | undefined {
  const first = tokens[lead];
  if (first?.kind !== 'word' || lexicon.forms.has(first.lower) || OUTCOME_VERBS.has(first.lower) || EFFECT_VERBS.has(first.lower))
    return undefined;
  if (/^(keep|keeps|get|gets|have|has|make|makes|be)$/.test(first.lower)) return undefined;
  for (let i = lead + 1; i < tokens.length && i <= lead + 8; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    if (t.kind !== 'word') {
      // "Batch 5 portal": a number inside a name.
      if (t.text === ',' || t.text === '&' || t.kind === 'number') continue;
      return undefined;
    }
    if (COPULAS.has(t.lower) || STATE_VERBS.has(t.lower)) return undefined;
    // "Value built on Stacks": a participle after a measure or an outcome qualifies it, nothing is delivered.
    if (OUTCOME_OBJECTS.has(before.lower) || QUALITY_NOUNS.has(before.lower) || OUTCOME_METRICS.has(before.lower)) return undefined;
    const phrase = STATE_PHRASE_START.has(t.lower) ? STATE_PHRASES.exec(title.slice(t.start).toLowerCase()) : null;
    if (phrase?.index === 0) return { ...t, text: title.slice(t.start, t.start + phrase[0].length) };
    if (!lexicon.participles.has(t.lower) || OUTCOME_PARTICIPLES.has(t.lower)) continue;
    // People made something ("Customers onboarded in days") are an outcome in them.
    if (before.kind !== 'word' || DETERMINERS.has(before.lower) || PHRASE_STOPS.has(before.lower)) continue;
    if (PEOPLE.has(before.lower) || OUTCOME_PEOPLE.has(before.lower)) return undefined;
    const next = tokens[i + 1];
    // Not readiness for an outcome ("prepared for 2020 growth"): what it is for is no place it went.
    if (!next || next.kind === 'symbol' || /^(into|in|on|across|to|with|by)$/.test(next.lower)) return t;
  }
  return undefined;
}
const STATE_PHRASE_START = new Set(['up', 'in', 'generally']);

/**
 * "Make Hack Club's finances public & accessible", "Make the dataset available": making a thing public or
 * available is a delivered state reached by work (a judged one, "Make onboarding delightful", is an outcome).
 */
function madeDelivered(tokens: readonly Token[], lead: number): Token | undefined {
  if (!/^(make|makes)$/.test(tokens[lead]?.lower ?? '')) return undefined;
  for (let i = lead + 2; i < tokens.length && i <= lead + 7; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !/^(public|available|open-source)$/.test(t.lower)) continue;
    // The adjective closes the title, alone or joined to another ("public & accessible").
    const rest = tokens.slice(i + 1);
    if (rest.every((r) => r.kind === 'symbol' || /^(and|accessible|searchable|transparent)$/.test(r.lower))) return t;
  }
  return undefined;
}

/**
 * "Resolve or address new GitHub issues", "Fix all open bugs", "Triage incoming requests": an
 * objective that handles what comes in is routine work and, led by the verb, work to do.
 */
function handlingWork(title: string, tokens: readonly Token[]): Token | undefined {
  const first = tokens[leadIndex(tokens)];
  if (first?.kind !== 'word' || !HANDLING_VERBS.has(first.lower)) return undefined;
  const cue = routineCue(title);
  return cue === 'support and alert handling' || cue === 'bug fixing' || cue === 'triage' ? first : undefined;
}
const HANDLING_VERBS = new Set('resolve address handle answer fix triage close respond process clear patch remediate'.split(' '));
