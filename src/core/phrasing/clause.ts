// The head of a title: where its meaning starts, and the verb that leads it.

import {
  ADVERBIAL_NEXT,
  ARTIFACT_NOUNS,
  CAPABILITY_VERBS,
  CERTIFICATION_VERBS,
  COMPARATIVE_LEAD,
  COMPOUND_NOUNS,
  COORDINATED_OUTCOME,
  DESCRIPTIVE_ED,
  DETERMINERS,
  EVALUATIVE,
  EXPERIENCE_VERBS,
  IMPROVING_VERBS,
  MULTIPLIERS,
  OUTCOME_METRICS,
  OUTCOME_OBJECTS,
  OUTCOME_VERBS,
  PEOPLE,
  PERIODS,
  PHRASE_STOPS,
  QUALITY_NOUNS,
  SMALL_NUMBERS,
  STATE_WORDS,
  TASK_NOUNS,
  TASK_VERBS,
  TIME_UNITS,
  VERSION_WORDS,
  WORK_NOUNS,
} from './lexicon';
import { type Token } from './tokens';
import { buildVerbLexicon, presentBase, type VerbLexicon } from './word-forms';

const MANNER_ADVERB = /^\p{L}{4,}(?:ally|ively|ously|ently|antly|fully|lessly)$/u;
const LEAD_ADVERB = /^(successfully|fully|finally|completely|properly|officially|formally|also|then|first|quickly|actually)$/;

// Each phrasing rule asks for the lead of the same title's tokens (shared per file, see tokenize):
// found once per token list. Token lists are read-only, so the index cannot go stale.
const leadOfTokens = new WeakMap<readonly Token[], number>();

/**
 * The index of the first word that carries meaning: after a short label ("Q3:",
 * "Payouts:"), "We will", "To", "Let's" and adverbs such as "Successfully".
 */
export function leadIndex(tokens: readonly Token[]): number {
  let lead = leadOfTokens.get(tokens);
  if (lead === undefined) leadOfTokens.set(tokens, (lead = findLeadIndex(tokens)));
  return lead;
}

function findLeadIndex(tokens: readonly Token[]): number {
  let i = 0;
  // A label of up to three words before a colon: "Q3: Migrate search", "Payouts: fix bugs".
  const colon = tokens.findIndex((t) => t.text === ':');
  // "1:1 meetings" is a name written with a colon between digits, not a label.
  const inName =
    colon > 0 &&
    tokens[colon - 1].end === tokens[colon].start &&
    /\d$/.test(tokens[colon - 1].text) &&
    /^\d/.test(tokens[colon + 1]?.text ?? '');
  if (colon > 0 && colon <= 3 && colon < tokens.length - 1 && !inName) i = colon + 1;
  let guard = 0;
  while (i < tokens.length && guard++ < 6) {
    const w = tokens[i].lower;
    if (tokens[i].kind === 'symbol' && tokens[i].text !== '#') i++;
    else if (
      (w === 'we' || w === "we'll" || w === 'our' || w === 'i') &&
      i + 1 < tokens.length &&
      /^(will|shall|must|should|are|need|want|plan|aim|intend)$/.test(tokens[i + 1].lower)
    )
      i += 2;
    else if (w === "we'll" || w === "i'll" || w === "let's" || w === 'lets') i++;
    else if (w === 'let' && tokens[i + 1]?.lower === 'us') i += 2;
    // "Based on feedback, evolve ...": an introductory phrase of what the work rests on, up to its comma.
    else if (i === 0 && /^(based|building|drawing|depending)$/.test(w) && /^(on|upon)$/.test(tokens[1]?.lower ?? '')) {
      const comma = tokens.findIndex((t, k) => k > 1 && k <= 7 && t.text === ',');
      if (comma < 0 || comma === tokens.length - 1) break;
      i = comma + 1;
    } else if (
      (w === 'going' || w === 'need' || w === 'plan' || w === 'aim' || w === 'intend' || w === 'want') &&
      tokens[i + 1]?.lower === 'to'
    )
      i += 2;
    else if (w === 'to' || w === 'will' || w === 'must' || w === 'should' || LEAD_ADVERB.test(w)) i++;
    // "Better understand our users", "Better know our community": a comparative adverb before a verb of knowing.
    else if (w === 'better' && /^(understand|know|learn)$/.test(tokens[i + 1]?.lower ?? '')) i++;
    // "Effectively communicate our outlook", "Proactively monitor ...", "Ruthlessly prioritize": an adverb of manner before a verb.
    else if (
      MANNER_ADVERB.test(w) &&
      (TASK_LEXICON.forms.has(tokens[i + 1]?.lower ?? '') ||
        OUTCOME_VERBS.has(tokens[i + 1]?.lower ?? '') ||
        EFFECT_VERBS.has(tokens[i + 1]?.lower ?? ''))
    )
      i++;
    else break;
  }
  return i;
}

export interface VerbMatch {
  /** The verb as listed ("roll", with particle "out"), for messages: the words as written. */
  base: string;
  text: string;
  /** Index of the first token after the verb (and its particle). */
  next: number;
}

/** Matches a verb of `lexicon` at token `i`, in any listed inflection, with its particle when it needs one. */
export function matchVerb(tokens: readonly Token[], i: number, lexicon: VerbLexicon): VerbMatch | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word') return undefined;
  const base = lexicon.forms.get(t.lower);
  if (base !== undefined) {
    const next = tokens[i + 1];
    const particles = lexicon.particles.get(base);
    if (particles && next && particles.has(next.lower))
      return { base: `${base} ${next.lower}`, text: `${t.text} ${next.text}`, next: i + 2 };
    return lexicon.standalone.has(base) ? { base, text: t.text, next: i + 1 } : undefined;
  }
  // "launch/test", "design/build": task verbs joined by a slash are one coordinated verb.
  if (t.lower.includes('/')) {
    const parts = t.lower.split('/');
    const bases = parts.flatMap((p) => {
      const b = lexicon.forms.get(p);
      return b !== undefined && lexicon.standalone.has(b) ? [b] : [];
    });
    if (bases.length === parts.length) return { base: bases[0], text: t.text, next: i + 1 };
  }
  // "set-up", "rolled-out": a verb and its particle written as one word.
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const head = lexicon.forms.get(t.lower.slice(0, dash));
    const particle = t.lower.slice(dash + 1);
    if (head !== undefined && lexicon.particles.get(head)?.has(particle)) return { base: `${head} ${particle}`, text: t.text, next: i + 1 };
  }
  return undefined;
}

export const TASK_LEXICON: VerbLexicon = buildVerbLexicon(TASK_VERBS);

/** Builds the lexicon a rule uses: the built-in verbs plus `extra`, minus `ignore`. */
export function taskLexicon(extra: readonly string[], ignore: readonly string[]): VerbLexicon {
  if (extra.length === 0 && ignore.length === 0) return TASK_LEXICON;
  const ignored = new Set(ignore.map((v) => v.trim().toLowerCase()));
  return buildVerbLexicon([...TASK_VERBS.filter((v) => !ignored.has(v)), ...extra.filter((v) => !ignored.has(v.trim().toLowerCase()))]);
}

/** The words of a phrase starting at `from`, up to the first preposition, conjunction or punctuation. */
export function phraseWords(tokens: readonly Token[], from: number): { words: Token[]; stop: Token | undefined } {
  const words: Token[] = [];
  let i = from;
  for (; i < tokens.length && words.length < 8; i++) {
    if (tokens[i].kind === 'symbol' || PHRASE_STOPS.has(tokens[i].lower)) break;
    words.push(tokens[i]);
  }
  return { words, stop: tokens[i] };
}

/**
 * "Get the Brave integration released", "Have the audit done": a causative verb whose
 * object ends in the participle of a task verb names that task.
 */
function causativeTask(tokens: readonly Token[], lead: number, lexicon: VerbLexicon): VerbMatch | undefined {
  if (!/^(get|have)$/.test(tokens[lead]?.lower ?? '')) return undefined;
  // "Get X integrated into more production systems": spreading it further is growth, an outcome.
  if (tokens.some((t, i) => i > lead && COMPARATIVE_LEAD.test(t.lower))) return undefined;
  // "Get 2 case studies published": a count of the object comes first; the work's object starts at it.
  const counted = tokens[lead + 1]?.kind === 'number';
  for (let i = lead + 1; i < tokens.length && i <= lead + 6; i++) {
    const t = tokens[i];
    if (counted && i === lead + 1) continue;
    if (t.kind !== 'word' || (PHRASE_STOPS.has(t.lower) && i > lead + 1)) return undefined;
    const base = lexicon.participles.get(t.lower);
    if (
      base !== undefined &&
      i > lead + 1 &&
      (i + 1 === tokens.length || tokens[i + 1].kind === 'symbol' || PHRASE_STOPS.has(tokens[i + 1].lower))
    ) {
      return { base, text: t.text, next: counted ? lead + 1 : i + 1 };
    }
  }
  return undefined;
}

/**
 * "Detect IPFS Desktop and provide additional controls": a first word coordinated with a
 * task verb in the imperative is an imperative too, whatever verb it is. Parallel
 * clauses share their mood; the second conjunct shows it.
 */
function coordinatedImperative(tokens: readonly Token[], lead: number, lexicon: VerbLexicon): VerbMatch | undefined {
  const first = tokens[lead];
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower) || DETERMINERS_LEAD.has(first.lower) || /(s|ing|ed)$/.test(first.lower))
    return undefined;
  // "Microsoft-internal teams review and provide ...": a compound with a hyphen is a modifier, unless a prefix makes a verb ("re-run", "co-host").
  if (first.lower.includes('-') && !/^(re|co|pre|de|un)-/.test(first.lower)) return undefined;
  // "Patch/Mitigate/Document all systems", "Remediate/Document exceptions": verbs joined by slashes, the
  // last a task verb in its base form, share its mood as conjuncts after "and" do.
  if (first.lower.includes('/')) {
    const parts = first.lower.split('/');
    const last = parts[parts.length - 1];
    const plain = (p: string) => /^\p{L}{3,}$/u.test(p) && !OUTCOME_VERBS.has(p) && !/(s|ing|ed)$/.test(p);
    return parts.every(plain) && lexicon.standalone.has(last) && lexicon.forms.get(last) === last && tokens[lead + 1]?.kind === 'word'
      ? { base: last, text: first.text, next: lead + 1 }
      : undefined;
  }
  for (let i = lead + 1; i < tokens.length && i <= lead + 5; i++) {
    const t = tokens[i];
    // "sanitize, publish and archive the results": a list of verbs, each conjunct after a comma or "and".
    if (t.kind === 'symbol' && t.text !== ',') return undefined;
    if (t.lower !== 'and' && t.text !== ',') continue;
    const second = tokens[i + 1];
    // The second conjunct in its base form, leading its own object ("and provide additional controls").
    if (
      second &&
      lexicon.standalone.has(second.lower) &&
      lexicon.forms.get(second.lower) === second.lower &&
      tokens[i + 2]?.kind === 'word'
    )
      return { base: first.lower, text: first.text, next: lead + 1 };
    return undefined;
  }
  return undefined;
}
const DETERMINERS_LEAD = new Set([
  'the',
  'a',
  'an',
  'all',
  'every',
  'each',
  'our',
  'their',
  'its',
  'no',
  'this',
  'these',
  'those',
  'there',
  'we',
  'they',
  'i',
]);

/**
 * "Calibrate the fee model", "Analyze our funnel", "Leverage 3 partner channels": a verb
 * outside the lexicon, recognised by its form and place. A title-initial word in its base
 * form (no -s, -ed or gerund -ing; no noun suffix such as -tion, -ment, -ness, -ity,
 * -ance; not capitalised inside, so no name or acronym), that the lexicon does not know
 * as a noun, an adjective, a determiner, a number or an outcome verb, followed by the
 * start of a noun phrase (a determiner, a possessive, "new", a number), is an imperative:
 * a noun phrase does not go on with a determiner ("Customer trust grows", "Release
 * cadence under 2 weeks" do not).
 */
function imperativeByForm(tokens: readonly Token[], lead: number, lexicon: VerbLexicon = TASK_LEXICON): VerbMatch | undefined {
  const first = tokens[lead];
  if (first?.kind !== 'word') return undefined;
  const w = first.lower;
  // The checks that end here without a verb go cheapest first (set lookups before patterns).
  // A built-in verb a team chose to ignore stays ignored; a listed one was matched already.
  if (TASK_LEXICON.forms.has(w) || lexicon.forms.has(w)) return undefined;
  // After "I want to", "We will", "To" a verb must come: a word the lists know as a noun ("share",
  // "focus") is that verb here, unless it is a verb of effect or of how people take something.
  const framed = lead > 0 && /^(to|will|shall|must|should|i'll|we'll)$/.test(tokens[lead - 1].lower);
  if ((framed ? FRAMED_NOT_TASK : KNOWN_WORD).some((s) => s.has(w)) || NOT_VERBS.has(w)) return undefined;
  // "Re-engineer GetTor": the prefix re- makes a verb of what follows.
  const prefixed = (/^re-\p{Ll}{3,}$/u.test(w) || reListed(w, lexicon)) && !/(tion|ment|s)$/.test(w);
  if (!prefixed && !/^\p{Lu}?\p{Ll}{2,}$/u.test(first.text)) return undefined;
  if (
    /(?<!s)s$|ed$|(?<=[aeiouy]\p{L}*)ing$|(?<!p)ly$|(tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|hood|dom|ics|ful|ous|ive|able|ible)$/u.test(
      w,
    )
  )
    return undefined;
  const next = tokens[lead + 1];
  if (!next) return undefined;
  // "Renegotiate supplier contracts", "Operationalize KPI exports": a verbal suffix (-ize, -yze,
  // -ify, -ate) marks a verb even before a bare noun, where a noun phrase could start.
  const verbalSuffix =
    (prefixed || /^\p{L}{3,}(?:ize|yze|ify|ate|ise)$/u.test(w)) &&
    !ATE_NOUNS.has(w) &&
    !ISE_NOUNS.has(w) &&
    next.kind === 'word' &&
    !PHRASE_STOPS.has(next.lower) &&
    !next.lower.endsWith('ly') &&
    !ADVERBIAL_NEXT.has(next.lower);
  const startsObject =
    verbalSuffix ||
    (DETERMINERS.has(next.lower) && next.lower !== 'no') ||
    next.lower === 'new' ||
    SMALL_NUMBERS.has(next.lower) ||
    (next.kind === 'word' && /\p{L}'s$/u.test(next.lower)) ||
    (next.kind === 'number' && !/^v?\d+\.\d+/.test(next.lower));
  if (!startsObject) return undefined;
  // What the guessed verb acts on decides, since the verb says nothing: people or a measure as
  // the head of its object ("Onboard 3 early customers", "Convert our visitors") make a result,
  // so do a quality, an outcome or a market position ("Own the developer experience", "Outpace
  // our competitors", "Dominate the mid-market segment": aspirational objectives, not work),
  // and a bound anywhere ("within SLA", "under budget") a level to hold.
  const objectPhrase = phraseWords(tokens, lead + 1);
  // "Multiformat API's are easier to use": a verb after the phrase makes it the subject, no object.
  if (objectPhrase.stop && /^(is|are|can|will|has|have|gets|get)$/.test(objectPhrase.stop.lower)) return undefined;
  const object = objectPhrase.words;
  const head = object[object.length - 1]?.lower ?? '';
  if (
    PEOPLE.has(head) ||
    OUTCOME_METRICS.has(head) ||
    QUALITY_NOUNS.has(head) ||
    OUTCOME_OBJECTS.has(head) ||
    MARKET_POSITIONS.has(head) ||
    tokens.some((t) => BOUNDS.has(t.lower))
  )
    return undefined;
  return { base: w, text: first.text, next: lead + 1 };
}

/** Words in -ate (and names in -ify) that are not verbs: "Private beta", "Corporate site", "Shopify app". */
const ATE_NOUNS = new Set(
  `private corporate separate accurate adequate ultimate immediate intermediate appropriate delicate literate
   candidate template certificate climate estate senate mandate debate graduate affiliate associate advocate
   delegate duplicate estimate aggregate alternate approximate collaborate deliberate elaborate moderate
   passionate fortunate considerate desperate innate ornate magistrate syndicate doctorate directorate
   electorate update state rate date late plate legitimate intricate inaccurate articulate compassionate
   shopify spotify netlify`
    .trim()
    .split(/\s+/),
);

/** Words in -ise that are no verbs (the British -ise of -ize verbs is one): "Enterprise plan", "Expertise". */
const ISE_NOUNS = new Set(
  'enterprise expertise exercise franchise merchandise premise promise compromise otherwise paradise concise precise noise cruise praise surprise raise rise wise'.split(
    ' ',
  ),
);

/** "Relaunch", "Redeploy", "Reconfigure": re- before a listed task verb does that work again. */
function reListed(w: string, lexicon: VerbLexicon): boolean {
  if (!/^re\p{Ll}{4,}$/u.test(w)) return false;
  const rest = w.slice(2);
  return lexicon.standalone.has(rest) && lexicon.forms.get(rest) === rest;
}

/** Heads of an object that name a place in a market, which a team wins rather than builds. */
const MARKET_POSITIONS = new Set([
  'market',
  'markets',
  'segment',
  'segments',
  'competitors',
  'competition',
  'rivals',
  'industry',
  'category',
  'space',
  'field',
]);

const BOUNDS = new Set(['within', 'under', 'below', 'above', 'sla', 'slas', 'slo', 'slos']);

/** Word lists that know a word as something other than a task verb. */
const KNOWN_WORD: readonly ReadonlySet<string>[] = [
  DETERMINERS,
  IMPROVING_VERBS,
  SMALL_NUMBERS,
  MULTIPLIERS,
  OUTCOME_VERBS,
  CERTIFICATION_VERBS,
  CAPABILITY_VERBS,
  EXPERIENCE_VERBS,
  OUTCOME_METRICS,
  OUTCOME_OBJECTS,
  QUALITY_NOUNS,
  ARTIFACT_NOUNS,
  WORK_NOUNS,
  TASK_NOUNS,
  PEOPLE,
  EVALUATIVE,
  DESCRIPTIVE_ED,
  STATE_WORDS,
  VERSION_WORDS,
  PHRASE_STOPS,
  TIME_UNITS,
  PERIODS,
  ADVERBIAL_NEXT,
];

/** After a frame that a verb must follow, the lists that still rule a word out as a task verb. */
const FRAMED_NOT_TASK: readonly ReadonlySet<string>[] = [
  DETERMINERS,
  IMPROVING_VERBS,
  OUTCOME_VERBS,
  EXPERIENCE_VERBS,
  OUTCOME_OBJECTS,
  EVALUATIVE,
  PHRASE_STOPS,
  ADVERBIAL_NEXT,
];

/**
 * Words that lead a title without being a verb ("Top 10 customers", "Only the core team",
 * "Nearly all teams"), and verbs of effect whose object is the outcome ("Foster a culture",
 * "Ensure every team ...", "Inspire our community").
 */
const NOT_VERBS = new Set(
  `top first last next only just about around approximately nearly almost roughly total min max half zero one both
   either neither such what how why when where who which whose while once even also then here there now today
   mobile global internal external annual final main core key new old full open public private
   beyond toward towards among between against behind like along despite inside outside beside throughout upon amid
   unlike except until since because although unless whether as not very quite rather such you it everyone everybody
   anyone someone nobody`
    .trim()
    .split(/\s+/)
    .concat(COMPARATIVE_LEAD.source.replace(/[\^$()]/g, '').split('|')),
);

/** Verbs of effect, whose object is the outcome: "Foster a culture", "Ensure commitments from providers". */
export const EFFECT_VERBS = new Set(
  `foster inspire encourage nurture engage excite impress thrill satisfy please wow unlock enhance deepen broaden widen
   tighten sharpen elevate ensure enrich energize energise motivate reward
   stabilize stabilise differentiate democratize democratise revitalize galvanize incentivize mobilize capitalize
   maximize maximise minimize minimise prioritize prioritise dominate conquer outpace outperform outgrow outsell`
    .trim()
    .split(/\s+/),
);
for (const w of EFFECT_VERBS) NOT_VERBS.add(w);

/** The verb leading a title when it names work (`migrate`), not an outcome ("Build trust", "Ship with confidence"). */
export function leadingTaskVerb(tokens: readonly Token[], lexicon: VerbLexicon = TASK_LEXICON, byForm = false): VerbMatch | undefined {
  const lead = leadIndex(tokens);
  const causative = causativeTask(tokens, lead, lexicon);
  if (causative) return causative;
  const verb =
    matchVerb(tokens, lead, lexicon) ??
    coordinatedImperative(tokens, lead, lexicon) ??
    (byForm ? imperativeByForm(tokens, lead, lexicon) : undefined);
  if (!verb) return undefined;
  const next = tokens[verb.next];
  // "Release weekly", "Ship with confidence"; but "Implement daily stand-ups": a frequency before a noun describes it.
  const after = tokens[verb.next + 1];
  const describesNoun =
    /^(daily|weekly|hourly)$/.test(next?.lower ?? '') &&
    after?.kind === 'word' &&
    !PHRASE_STOPS.has(after.lower) &&
    !/^(and|or|instead)$/.test(after.lower);
  // "Add more user metrics": "more"/"less" before a noun counts the object; "Ship more often" is adverbial.
  const quantifiesNoun =
    /^(more|less|fewer)$/.test(next?.lower ?? '') &&
    after?.kind === 'word' &&
    !PHRASE_STOPS.has(after.lower) &&
    !ADVERBIAL_NEXT.has(after.lower) &&
    !/^(than|and|or|often|frequently|ly)$/.test(after.lower) &&
    !after.lower.endsWith('ly');
  if (next && ADVERBIAL_NEXT.has(next.lower) && !describesNoun && !quantifiesNoun) return undefined;
  // "Design system", "Build times", "Release notes": the verb is the first half of a noun.
  if (next && verb.next === lead + 1 && COMPOUND_NOUNS.get(verb.base)?.has(next.lower)) return undefined;
  const object = objectWords(tokens, verb.next);
  // "Build trust", "Establish a culture of ownership"; but "Publish 20 thought leadership pieces":
  // a thing the team produces as the head makes the outcome word a modifier of it.
  const objectHead = object[object.length - 1]?.lower ?? '';
  const producedHead = (WORK_NOUNS.has(objectHead) || ARTIFACT_NOUNS.has(objectHead)) && !OUTCOME_OBJECTS.has(objectHead);
  if (!producedHead && !TOPIC_VERBS.has(verb.base) && object.some((t) => OUTCOME_OBJECTS.has(t.lower))) return undefined;
  // "Summit the mountain safely": a clause that ends on how it is done makes the manner the outcome.
  const words = tokens.filter((t) => t.kind === 'word');
  const last = words[words.length - 1];
  if (last && tokens.indexOf(last) > verb.next && MANNER.test(last.lower)) return undefined;
  // The object is the outcome when it is judged ("a world-class experience", "flawless
  // products") or is a quality ("Deliver platform reliability").
  const head = object[object.length - 1];
  // Unless a clause says what the judged thing does: "Build a robust backend that connects the
  // pipeline to the frontend" specifies a thing to build, "a sticky experience that users love" does not.
  // A collective is judged by its members: "Build a team of high performing engineers".
  const judged =
    head && COLLECTIVES.has(head.lower) && tokens[tokens.indexOf(head) + 1]?.lower === 'of'
      ? [...object, ...phraseWords(tokens, tokens.indexOf(head) + 2).words]
      : object;
  // A built thing whose only judging words are qualities it is built with is specified, not judged.
  const specified =
    head !== undefined &&
    (BUILT_THINGS.has(head.lower) || ARTIFACT_NOUNS.has(head.lower)) &&
    judged.every((t) => !EVALUATIVE.has(t.lower) || TECHNICAL_QUALITIES.has(t.lower));
  if (
    !specified &&
    judged.some((t, k) => EVALUATIVE.has(t.lower) || EVALUATIVE.has(`${t.lower}-${judged[k + 1]?.lower ?? ''}`)) &&
    !(head && !QUALITY_NOUNS.has(head.lower) && doesWork(tokens, tokens.indexOf(head) + 1))
  )
    return undefined;
  if (head && namesQuality(head) && !SOFT_QUALITY.has(head.lower) && !TOPIC_VERBS.has(verb.base)) return undefined;
  // Verbs that act on people make an outcome in them: "Enable teams to ship", "Align the organization".
  if ((verb.base === 'enable' || verb.base === 'align') && object.some((t) => PEOPLE.has(t.lower))) return undefined;
  // Verbs that grow people, also coordinated, make the people's growth the outcome: "Coach and develop
  // the team", "Mentor the support engineers". Not a team put together ("Build a Sales and Marketing team").
  if (growsPeople(tokens, verb, lexicon)) return undefined;
  // "Reshape my body", "Develop my skills": the writer's own person changed is a life state, as people grown
  // are; studying it ("Understand my body") stays a task.
  if (object[0]?.lower === 'my' && head && OWN_PERSON.has(head.lower) && !TOPIC_VERBS.has(verb.base)) return undefined;
  // "Build Team", "Build our team": a team with no function named grows as people do; "Build a Sales
  // and Marketing team" staffs one, work.
  if (verb.base === 'build' && object.length > 0 && object.length <= 2 && COLLECTIVES.has(object[object.length - 1].lower)) {
    if (object.length === 1 || /^(the|our|my|a|an|your|their)$/.test(object[0].lower)) {
      if (!tokens[verb.next + object.length] || tokens[verb.next + object.length].kind === 'symbol') return undefined;
    }
  }
  // "Optimize infrastructure costs": optimizing a measure is improving it.
  if (verb.base === 'optimize' && head && OUTCOME_METRICS.has(head.lower)) return undefined;
  // "Optimize for organic discovery": what one optimizes for is the goal, an outcome.
  if (verb.base === 'optimize' && tokens[verb.next]?.lower === 'for') return undefined;
  // "Continue to grow revenue": the verb after "to" carries the meaning.
  if (verb.base === 'continue' && tokens[verb.next]?.lower === 'to' && OUTCOME_VERBS.has(tokens[verb.next + 1]?.lower ?? ''))
    return undefined;
  if (sharesClauseWithOutcome(tokens, verb.next)) return undefined;
  return verb;
}

/** Aspects of one's own person: "my body", "my fitness", "my skills". */
const OWN_PERSON = new Set(
  'body health fitness mind physique strength stamina skills skillset habits wellbeing well-being confidence mindset self'.split(' '),
);

/** Verbs that grow people: their object's growth is what they are for. */
const GROWING_PEOPLE = new Set(['coach', 'develop', 'mentor', 'nurture', 'upskill']);
/** Nouns of a group whose members can be judged: "a team of high performing engineers". */
const COLLECTIVES = new Set(['team', 'teams', 'group', 'groups', 'organization', 'organisation', 'org', 'community', 'squad', 'squads']);

/** Whether the leading verbs ("Coach and develop") include one that grows people and their object's head is people. */
function growsPeople(tokens: readonly Token[], verb: VerbMatch, lexicon: VerbLexicon): boolean {
  let grows = GROWING_PEOPLE.has(verb.base);
  let at = verb.next;
  for (let guard = 0; guard < 3 && /^(and|&)$/.test(tokens[at]?.lower ?? ''); guard++) {
    const base = lexicon.forms.get(tokens[at + 1]?.lower ?? '') ?? tokens[at + 1]?.lower ?? '';
    if (!lexicon.forms.has(tokens[at + 1]?.lower ?? '') && !GROWING_PEOPLE.has(base)) break;
    grows ||= GROWING_PEOPLE.has(base);
    at += 2;
  }
  if (!grows) return false;
  const { words, stop } = phraseWords(tokens, at);
  const head = words[words.length - 1]?.lower ?? '';
  // The people close the clause, or what they grow into follows: "develop engineers into leads". A
  // subject taught ("Coach the team on the new CRM") makes it training, work to do.
  if (stop && !/^(to|into)$/.test(stop.lower)) return false;
  return PEOPLE.has(head) || /^(reports|leaders|managers|juniors|interns|hires)$/.test(head);
}

/**
 * Verbs whose object is a topic studied or a structure put up, whatever it names: "Validate
 * product-market fit", "Understand customer trust", "Set up a community of writers". An outcome
 * word after them is what the work is about, not what it wins.
 */
const TOPIC_VERBS = new Set([
  'validate',
  'verify',
  'understand',
  'research',
  'investigate',
  'explore',
  'evaluate',
  'assess',
  'examine',
  'analyse',
  'analyze',
  'set up',
  'setup',
  'stand up',
  'spin up',
]);

/** Adverbs of manner that can close a clause: "safely", "reliably", "sustainably". */
const MANNER =
  /^(safely|securely|reliably|confidently|predictably|painlessly|fearlessly|sustainably|profitably|seamlessly|smoothly|efficiently|responsibly)$/;

/**
 * A verb's object: its phrase, and adjectives before the head that commas separate ("a small, devoted
 * community"); past an adjective, also those that "and" joins ("a highly reliable and scalable IT
 * platform", "an extensible, maintainable, and observable infrastructure").
 */
function objectWords(tokens: readonly Token[], from: number): Token[] {
  const first = phraseWords(tokens, from);
  let words = first.words;
  let stop = first.stop;
  for (let guard = 0; guard < 4 && stop && words.length > 0; guard++) {
    const comma = stop.text === ',';
    // The first comma joins as it always did; any further join only follows an adjective.
    if (
      comma
        ? guard > 0 && !adjectiveLike(words[words.length - 1])
        : !/^(and|&)$/.test(stop.lower) || !adjectiveLike(words[words.length - 1])
    )
      break;
    if (comma && guard === 0 && words.length > 3) break;
    let at = tokens.indexOf(stop) + 1;
    if (comma && tokens[at]?.lower === 'and') at++;
    const rest = phraseWords(tokens, at);
    if (rest.words.length === 0 || rest.words[0].kind !== 'word' || DETERMINERS.has(rest.words[0].lower)) break;
    words = [...words, ...rest.words];
    stop = rest.stop;
  }
  return words;
}

/** A word read as an adjective before a head: a judging or technical one, or one in -able, -ible, -ive, -ful, -ous. */
function adjectiveLike(t: Token | undefined): boolean {
  return (
    t !== undefined && (EVALUATIVE.has(t.lower) || TECHNICAL_QUALITIES.has(t.lower) || /\p{L}{3,}(?:able|ible|ive|ful|ous)$/u.test(t.lower))
  );
}

/**
 * Qualities a thing is built with, which specify it rather than judge it: "Build a reliable, scalable
 * platform" is a task (the docs' "A technical modifier specifies a thing to build, it does not judge").
 */
const TECHNICAL_QUALITIES = new Set(
  'reliable resilient maintainable sustainable scalable extensible observable secure stable robust performant rock-solid dependable predictable modular'.split(
    ' ',
  ),
);
/** Built things that technical qualities specify: "infrastructure", "platform", "foundation". */
const BUILT_THINGS = new Set(
  'platform platforms infrastructure foundation foundations system systems architecture backend stack service services solution solutions'.split(
    ' ',
  ),
);

/**
 * Whether a relative clause at `at` says what a thing does: "that ingests ...", "which
 * automates ...", a verb in the present right after "that/which" (not one of how people take it).
 */
export function doesWork(tokens: readonly Token[], at: number): boolean {
  if (!/^(that|which)$/.test(tokens[at]?.lower ?? '')) return false;
  const verb = tokens[at + 1];
  return (
    verb?.kind === 'word' &&
    /[^s]s$/.test(verb.lower) &&
    !EXPERIENCE_VERBS.has(verb.lower) &&
    !OUTCOME_VERBS.has(verb.lower) &&
    !PEOPLE.has(verb.lower) &&
    !OUTCOME_METRICS.has(verb.lower) &&
    // "a recruiting process that excites top talent": a verb of effect says how people take the thing.
    !EFFECT_VERBS.has(presentBase(verb.lower)) &&
    !/^(is|has|was|does)$/.test(verb.lower)
  );
}

/** Quality nouns that are also things one ships: "Ship the new onboarding experience". */
const SOFT_QUALITY = new Set(['experience', 'onboarding', 'thing', 'things', 'ux', 'dx']);

/**
 * Whether a noun names a quality: a listed one, or an abstract noun in -ness, -ity, -ency or -ancy ("fitness",
 * "creativity", "maintainability"), not a name, except the ones that name a thing, a body or an activity
 * ("business", "harness", "community", "functionality", "priority").
 */
export function namesQuality(t: Token): boolean {
  if (QUALITY_NOUNS.has(t.lower)) return true;
  // A capital inside the word makes it a name: "Ship ImageSmoothingQuality". "-ency"/"-ancy" as in
  // "consistency", "transparency", "redundancy".
  return (
    /\p{L}{3,}(?:ness|ity|ency|ancy)$/u.test(t.lower) &&
    !/\p{Lu}/u.test(t.text.slice(1)) &&
    !THINGS_IN_NESS_OR_ITY.test(t.lower) &&
    !THINGS_IN_ENCY.test(t.lower)
  );
}
const THINGS_IN_ENCY = /(?:agency|currency|dependency|emergency|contingency|tenancy|vacancy|constituency|presidency|residency|frequency)$/;
const THINGS_IN_NESS_OR_ITY =
  /(?:business|harness|witness|wilderness|city|charity|community|entity|facility|utility|university|activity|identity|authority|priority|opportunity|property|commodity|functionality|capacity|parity|celebrity|society|fraternity|sorority|municipality|locality)$/;

/**
 * Whether a task verb shares its clause with an outcome verb: "Add and retain 5 members",
 * "Send the survey to 500 customers and achieve a 9/10 score".
 */
export function sharesClauseWithOutcome(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length - 1; i++) {
    const t = tokens[i];
    // A parenthesis inside the clause is skipped: "Train 5 models (one per attribute) and achieve 80% accuracy".
    if (t.text === '(') {
      const close = tokens.findIndex((c, k) => k > i && c.text === ')');
      if (close > i && close - i <= 12) {
        i = close;
        continue;
      }
    }
    if (t.kind === 'symbol' && t.text !== ',' && t.text !== '&') return false;
    if ((t.lower === 'and' || t.text === ',' || t.text === '&') && COORDINATED_OUTCOME.has(tokens[i + 1].lower)) return true;
  }
  return false;
}

/**
 * Whether a noun names the work of a task verb by its form: "migration", "implementation",
 * "deployment", "improvements", "delivery" (-ation, -ion, -ment, -y of a verb in the lexicon, plural too).
 * A measure or a quality ("adoption", "retention") is no work.
 */
export function namesWork(noun: string, lexicon: VerbLexicon = TASK_LEXICON): boolean {
  if (QUALITY_NOUNS.has(noun) || OUTCOME_METRICS.has(noun) || OUTCOME_OBJECTS.has(noun) || ENTITIES.test(noun)) return false;
  const singular = noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun;
  // Every split of the suffix is tried: "creation" is "create" + "ion", not "cre" + "ation".
  const stems = [/^(.{3,})(ation)$/, /^(.{3,})(ition)$/, /^(.{3,})(ion)$/, /^(.{3,})(ment)$/].flatMap((re) => re.exec(singular)?.[1] ?? []);
  const y = /^(.{3,}er)(y)$/.exec(noun.replace(/ies$/, 'y'));
  if (y) stems.push(y[1]);
  return stems.some((stem) =>
    [stem, `${stem}e`, stem.replace(/at$/, 'ate'), stem.replace(/ific$/, 'ify'), stem.replace(/(.)\1$/, '$1')].some(
      (c) => lexicon.standalone.has(c) || (WORK_VERBS_FOR_NOUNS.has(c) && (noun !== singular || c === 'prepare')),
    ),
  );
}

/** Nominalizations that name a body of people, not work: "Sales organization". */
const ENTITIES = /^(organi[sz]ations?|foundations?|administrations?|associations?|institutions?|governments?|departments?)$/;

/**
 * Verbs whose nouns name work though the verbs lead outcomes ("Improve X" is an outcome, "X improvements"
 * are work items); in the singular the noun names the change itself ("Personal Improvement"), preparing aside.
 */
const WORK_VERBS_FOR_NOUNS = new Set(['improve', 'enhance', 'prepare']);
