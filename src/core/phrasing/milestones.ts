// Key results: whether a title names a deliverable or a date rather than a measured outcome.

import {
  EFFECT_VERBS,
  TASK_LEXICON,
  leadIndex,
  leadingTaskVerb,
  namesQuality,
  namesWork,
  phraseWords,
  sharesClauseWithOutcome,
  type VerbMatch,
} from './clause';
import {
  ADVERBIAL_NEXT,
  WORK_NOUNS,
  MULTIPLIERS,
  ARTIFACT_NOUNS,
  BINARY_UNITS,
  CAPABILITY_VERBS,
  COORDINATED_OUTCOME,
  COPULAS,
  DELIVERED_ADJECTIVES,
  EXPERIENCE_PARTICIPLES,
  EXPERIENCE_VERBS,
  MODALS,
  PHRASE_STOPS,
  RESULT_CONNECTORS,
  THRESHOLD_WORDS,
  CERTIFICATION_NOUNS,
  CERTIFICATION_VERBS,
  COMPARATIVE_AFTER,
  COMPARATIVE_LEAD,
  DESCRIPTIVE_ED,
  DETERMINERS,
  EVALUATIVE,
  FREQUENCY_ADVERBS,
  IMPROVING_VERBS,
  OUTCOME_METRICS,
  OUTCOME_OBJECTS,
  OUTCOME_PARTICIPLES,
  OUTCOME_VERBS,
  PEOPLE,
  PERCENTILE,
  PERIODS,
  QUALITY_NOUNS,
  RATE_WORDS,
  RECURRING,
  SMALL_NUMBERS,
  STATE_PHRASES,
  STATE_VERBS,
  STATE_WORDS,
  TIME_SUFFIX,
  TIME_UNITS,
} from './lexicon';
import { holdsLevel, routineCue } from './cues';
import { findDeadline, findQuantities, rateUnit, statesBaseline, type Quantity } from './quantities';
import { MAX_TITLE, tokenize, type Token } from './tokens';
import { presentBase, set, type VerbLexicon } from './word-forms';

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
 * When a task verb leads (`objectAt` is the token after it), a number that counts
 * its direct object counts the work ("Publish 5 blog posts", "Interview 20 customers
 * per month") unless the title also measures what the work yields ("Launch NPS above
 * 40", "with 100% participation", "generating 10 hires").
 */
function measuresOutcome(tokens: readonly Token[], quantities: readonly Quantity[], objectAt = -1, verb?: string): boolean {
  if (quantities.length === 0) return false;
  if (statesResult(tokens, quantities)) return true;
  const quantityAt = (i: number) => tokens[i] !== undefined && quantities.some((q) => tokens[i].start >= q.start && tokens[i].end <= q.end);
  // The direct object's count: "Publish [5] posts", "Migrate [40] of 55 services", "Hire [the] 10 engineers".
  let counted = -1;
  if (objectAt >= 0) {
    let j = objectAt;
    // "Write and submit two essays per month": the object of coordinated task verbs follows the last one.
    if (/^(and|&|or)$/.test(tokens[j]?.lower ?? '') && TASK_LEXICON.forms.has(tokens[j + 1]?.lower ?? '')) j += 2;
    if (tokens[j] && /^(the|a|an|another|all|over|at|least|up|to)$/.test(tokens[j].lower) && !quantityAt(j)) j++;
    if (tokens[j] && /^(least|to)$/.test(tokens[j].lower)) j++;
    if (quantityAt(j)) counted = j;
  }
  // Whether the direct object's count is itself a result ("Close 40 deals", "Sign 25 merchants"): not
  // when the verb only reaches people ("Interview 20 customers", "Call 50 users"), which counts the work.
  // Hiring counts the team's own growth, the work itself: "Hire 15 new team members".
  const countedIsResult =
    counted >= 0 &&
    ((!(verb !== undefined && (CONTACT_VERBS.has(verb) || STAFFING_VERBS.has(verb))) && countsOutcome(tokens, counted)) ||
      countsGiven(tokens, counted, verb));
  const isQuantityToken = (i: number) => quantities.find((q) => tokens[i].start >= q.start && tokens[i].end <= q.end);
  const sizedPeople = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!quantityAt(i)) continue;
    const next = tokens[i + 1];
    // The schedule of counted work is no measure of its effect: "Publish 12 posts (3/week for 4 weeks)".
    if (counted >= 0 && i > counted && !countedIsResult && (t.text.includes('/') || /^(for|over|during)$/.test(tokens[i - 1]?.lower ?? '')))
      continue;
    // An age picks what is counted, it is no duration reached: "all vulnerabilities 90-180 days old".
    const age = tokens[i + 2]?.lower === 'old';
    if (!age && (TIME_SUFFIX.test(t.lower) || (next && TIME_UNITS.has(rateUnit(next.lower))) || clockDuration(tokens, i))) return true;
    if (holdsBound(tokens, i)) return true;
    // "drop-off at step 3 reduced by 50%", "latency cut by 30%": a change by an amount, wherever it is stated.
    if (
      tokens[i - 1]?.lower === 'by' &&
      (OUTCOME_PARTICIPLES.has(tokens[i - 2]?.lower ?? '') || OUTCOME_VERBS.has(tokens[i - 2]?.lower ?? ''))
    )
      return true;
    // "make $1 from someone", "earn $500 in sales": money others pay is a result, not output.
    if (/^[$€£¥]/.test(t.text) && EARNING_VERBS.has(tokens[i - 1]?.lower ?? '')) return true;
    // "40% less JavaScript", "2x faster builds", "twice as many as last year": a change measured against today.
    if (next && (COMPARATIVE_AFTER.test(next.lower) || next.lower === 'as')) return true;
    if (MULTIPLIERS.has(t.lower)) return true;
    // "Support 3x current peak load": a multiple of today's level is a change measured against it.
    if (/^\d+(?:\.\d+)?x$/.test(t.lower) && /^(current|today's|existing|baseline)$/.test(next?.lower ?? '')) return true;
    // A metric named right before the number, or a result connector: "NPS above 40", "with 100% participation".
    let sized = false;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const w = tokens[k].lower;
      if (OUTCOME_METRICS.has(w) || PERCENTILE.test(w)) return true;
      // "dashboards used by at least 5 departments": how many take the thing delivered, an outcome.
      if (EXPERIENCE_PARTICIPLES.has(w) && tokens[k + 1]?.lower === 'by' && k < i - 1) return true;
      // "with less than 2% downtime", "with more than 500 signups": a bound before the number.
      if (/^(less|fewer|more)$/.test(w) && tokens[k + 1]?.lower === 'than') continue;
      // "with 100% participation", "with 500 signups"; but "Launch with 3 content types" counts what is shipped.
      // "Complete user research with 50+ target users", "Negotiate the contract with top 10 customers": the
      // people an activity is done with size the work, they are not its effect (the README's blind9 call).
      if (w === 'with' && sizesActivity(tokens, k, verb) && !/[%/]/.test(isQuantityToken(i)?.text ?? '')) {
        sized = true;
        // The people counted are no metric named either.
        for (let p = i + 1; p < tokens.length && tokens[p].kind === 'word' && !PHRASE_STOPS.has(tokens[p].lower); p++) sizedPeople.add(p);
        break;
      }
      if (RESULT_CONNECTORS.has(w) && (w !== 'with' || /[%/]/.test(isQuantityToken(i)?.text ?? '') || countsOutcome(tokens, i)))
        return true;
      if (!THRESHOLD_WORDS.has(w) && !/^(of|at|to|a|an|the|is|are|score|by)$/.test(w)) break;
    }
    if (sized) continue;
    // The direct object counted is work, unless what it counts is itself a result: "Close 40 deals".
    if (i === counted) {
      if (countedIsResult) return true;
      continue;
    }
    if (counted >= 0 && i > counted && i <= counted + 3 && tokens[counted + 1]?.lower === 'of') continue;
    // A number elsewhere that counts an outcome: "to 500 customers".
    if (objectAt >= 0 && countsOutcome(tokens, i)) return true;
  }
  if (counted >= 0) return false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (RATE_WORDS.has(t.lower) && tokens[i + 1] && PERIODS.has(tokens[i + 1].lower) && t.lower !== 'every') return true;
  }
  // A metric word names a measure, except inside the verb's object, where it names the thing
  // delivered: "Roll out Users & Roles V2 ... across 3 pilot institutions".
  let objectEnd = objectAt;
  while (
    objectAt >= 0 &&
    objectEnd < tokens.length &&
    !PHRASE_STOPS.has(tokens[objectEnd].lower) &&
    (tokens[objectEnd].kind !== 'symbol' || tokens[objectEnd].text === '&')
  )
    objectEnd++;
  return tokens.some(
    (t, i) =>
      t.kind === 'word' &&
      !(i >= objectAt && i < objectEnd) &&
      !sizedPeople.has(i) &&
      (OUTCOME_METRICS.has(t.lower) || PERCENTILE.test(t.lower)),
  );
}

/** Activities done with people, whose number of people sizes the activity: research, tests, interviews, a contract. */
const SIZED_ACTIVITIES = set(
  'research testing tests test interviews interview study studies sessions session usability contract contracts terms agreement agreements',
);

/** Whether "with" at `at` follows an activity done with people, or a verb that reaches or negotiates with them. */
function sizesActivity(tokens: readonly Token[], at: number, verb: string | undefined): boolean {
  if (verb !== undefined && (CONTACT_VERBS.has(verb) || verb === 'negotiate')) return true;
  return SIZED_ACTIVITIES.has(tokens[at - 1]?.lower ?? '');
}

/**
 * "Run a 17:59 5K", "a 1:20:59 half": minutes and seconds written with colons are a time taken, a
 * level reached, not a count. Not a time of day ("by 17:00", "at 9:30 am") nor a name ("1:1").
 */
function clockDuration(tokens: readonly Token[], at: number): boolean {
  const colon = tokens[at + 1];
  const seconds = tokens[at + 2];
  if (tokens[at].kind !== 'number' || colon?.text !== ':' || seconds?.kind !== 'number') return false;
  if (colon.start !== tokens[at].end || seconds.start !== colon.end || !/^[0-5]\d$/.test(seconds.text)) return false;
  if (/^(at|by|before|until|till|after|from|around)$/.test(tokens[at - 1]?.lower ?? '')) return false;
  let end = at + 2;
  while (tokens[end + 1]?.text === ':' && /^[0-5]\d$/.test(tokens[end + 2]?.text ?? '')) end += 2;
  return !/^(am|pm|utc|gmt|cet|est|pst|o'clock)$/.test(tokens[end + 1]?.lower ?? '');
}

/** Verbs of money coming in: the amount they take is paid by others. */
const EARNING_VERBS = new Set('make makes made earn earns earned raise raises raised'.split(' '));

/**
 * "to maintain treasury above CHF 20,000", "keep cash reserves above USD 2M": a level held within a
 * bound is a measure kept (a guardrail), whatever leads the title. A currency code may sit between.
 */
function holdsBound(tokens: readonly Token[], at: number): boolean {
  let k = at - 1;
  if (/^(chf|usd|eur|gbp|jpy|cad|aud|inr|sek|nok|dkk)$/.test(tokens[k]?.lower ?? '')) k--;
  if (!/^(above|below|under|over)$/.test(tokens[k]?.lower ?? '')) return false;
  for (let j = k - 1; j >= 0 && j >= k - 6; j--)
    if (/^(maintain|maintains|keep|keeps|hold|holds|stay|stays|remain|remains|sustain)$/.test(tokens[j].lower)) return true;
  return false;
}

/** Verbs of a result clause: "an algorithm that outperforms the baseline by 15%". */
const RESULT_CLAUSE_VERBS = new Set([
  ...[...OUTCOME_VERBS].filter((v) => /[^s]s$/.test(v) && !/^(is|makes|becomes|keeps|holds|gets|secures|serves)$/.test(v)),
  'outperforms',
  'outperform',
  'beats',
  'beat',
  'exceeds',
  'exceed',
]);

/**
 * Whether the title says, apart from the work, the result it is measured by: a stated target
 * ("(target: 100% of reruns spawn jobs)"), a result clause with a number ("an algorithm that
 * outperforms the baseline by 15%"), or a share of people converted into others ("Convert 12%
 * of anonymous downloaders into registered users": a conversion rate).
 */
function statesResult(tokens: readonly Token[], quantities: readonly Quantity[]): boolean {
  const quantityFrom = (from: number) => quantities.some((q) => q.start >= tokens[from].start);
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = tokens[i].lower;
    if (/^(target|goal)$/.test(w) && tokens[i + 1].text === ':' && quantityFrom(i)) return true;
    if (/^(that|which)$/.test(w) && RESULT_CLAUSE_VERBS.has(tokens[i + 1].lower) && quantityFrom(i)) return true;
    // "... and surpass it by >10%": a margin over a reference, wherever the verb of surpassing stands.
    if (i > 0 && SURPASSING.test(w) && marginAfter(tokens, quantities, i + 1)) return true;
    // "with a variance in MAE of less than 10%": a ceiling stated for a property names its level.
    if (w === 'of' && i > 0 && tokens[i - 1].kind === 'word' && ceilingAt(tokens, quantities, i + 1)) return true;
    const share = quantities.find((q) => q.start === tokens[i].start && q.text.endsWith('%'));
    if (share && tokens[i + 1].lower === 'of') {
      for (let k = i + 2; k < tokens.length && k <= i + 6; k++) {
        if (tokens[k].lower !== 'into') continue;
        const into = phraseWords(tokens, k + 1).words;
        const head = into[into.length - 1]?.lower ?? '';
        if (PEOPLE.has(head) || OUTCOME_PEOPLE.has(head) || /\p{L}{3,}(ers|ors)$/u.test(head)) return true;
      }
    }
  }
  return false;
}

/** Verbs of surpassing a reference: their margin ("by 10%") is the result measured. */
const SURPASSING = /^(surpass|surpasses|exceed|exceeds|beat|beats|outperform|outperforms|outdo|outdoes)$/;

/** Whether "by <number>" follows within a few words: "surpass it by >10%", "beat the baseline by 5 points". */
function marginAfter(tokens: readonly Token[], quantities: readonly Quantity[], from: number): boolean {
  for (let k = from; k < tokens.length && k <= from + 4; k++) {
    if (tokens[k].lower !== 'by') continue;
    const next = tokens[k + 1];
    return next !== undefined && quantities.some((q) => q.start <= next.start && next.end <= q.end);
  }
  return false;
}

/** Whether an upper bound and a number start at `at`: "less than 10%", "under 2%", "at most 3", "< 5". */
function ceilingAt(tokens: readonly Token[], quantities: readonly Quantity[], at: number): boolean {
  let k = at;
  const w = tokens[k]?.lower ?? '';
  if (/^(less|fewer)$/.test(w) && tokens[k + 1]?.lower === 'than') k += 2;
  else if (w === 'at' && tokens[k + 1]?.lower === 'most') k += 2;
  else if (/^(under|below)$/.test(w)) k += 1;
  else if (!/^(<|<=|≤)$/.test(w) && !/^(<|<=|≤)/.test(tokens[k]?.text ?? '')) return false;
  const t = tokens[k];
  return t !== undefined && quantities.some((q) => q.start <= t.start && t.end <= q.end);
}

/**
 * "Fix the ergonomics setup (eliminate back pain)": the work states its result, a cut to zero of
 * something that happens. Not the removal of one thing ("to eliminate the legacy cron").
 */
function cutsToZero(tokens: readonly Token[], from: number): boolean {
  return tokens.some(
    (t, i) =>
      i >= from &&
      /^(eliminate|eliminates|eliminating)$/.test(t.lower) &&
      tokens[i + 1]?.kind === 'word' &&
      !DETERMINERS.has(tokens[i + 1].lower),
  );
}

/** Verbs that reach people without making them a result: their count is the work done. */
const CONTACT_VERBS = new Set([
  'interview',
  'survey',
  'call',
  'email',
  'contact',
  'meet',
  'visit',
  'train',
  'coach',
  'mentor',
  'invite',
  'host',
  'demo',
]);

/** Verbs of receiving: what they count is given by others ("Collect 50 nominations", "Receive 100 applications"). */
const RECEIVING_VERBS = new Set(['collect', 'receive', 'gather', 'garner', 'attract', 'solicit', 'obtain', 'win', 'earn', 'get']);

/** Receiving verbs whose object is by their sense given by someone else (unlike "collect data", "get docs"). */
const GIVEN_VERBS = new Set(['receive', 'solicit', 'garner', 'attract']);

/**
 * Nouns of an act someone else performs, named from its verb ("nominations", "applications",
 * "submissions", "referrals", "pledges"): received, each counts a person who acted.
 */
const ACT_OF_OTHERS =
  /^(?:\p{L}{3,}(?:ations|itions|issions|ptions|ctions)|\p{L}{3,}(?:als|ses)|votes|pledges|signatures|replies|entries|rsvps|endorsements|testimonials)$/u;

/** Units of distance or weight: an amount of one's own activity measured, not things made ("Run 250 miles", "Deadlift 5 plates"). */
const MEASURED_AMOUNT = new Set('kg kgs kilos kilograms lb lbs pounds km kms kilometres kilometers miles steps plates'.split(' '));

/** Exercises counted in one go: a level of the body reached ("Do 11 muscle ups"), as a weight lifted is. */
const FEAT_REPETITIONS = new Set(
  'ups pushups push-ups pullups pull-ups chinups chin-ups situps sit-ups squats burpees dips lunges reps'.split(' '),
);

/** "Run a 5k", "Finish a 10K race": a race by its distance is a level reached; not "a 10k record backfill". */
function raceDistance(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  return (
    /^(a|an)$/.test(tokens[at - 1]?.lower ?? '') &&
    /^[\d.]+k$/.test(tokens[at].lower) &&
    (next === undefined || next.kind === 'symbol' || /^(race|run|swim|ride|row|in|under|without)$/.test(next.lower))
  );
}

/**
 * Whether the direct object's count is given by others, not made by the team: acts received
 * ("Collect 50 nominations"), people won over by recruiting ("Recruit 50 members", not "Recruit 5
 * engineers": staff), an amount in a unit of one's own activity ("Run 250 miles", as "Lose 5 kg"), or a
 * feat's level ("Do 11 muscle ups", "Run a 5k").
 */
function countsGiven(tokens: readonly Token[], counted: number, verb: string | undefined): boolean {
  const head = phraseWords(tokens, counted + 1).words.at(-1)?.lower ?? '';
  if (MEASURED_AMOUNT.has(rateUnit(tokens[counted + 1]?.lower ?? '')) || MEASURED_AMOUNT.has(unitSuffix(tokens[counted].lower)))
    return true;
  // A feat done in one go, with no schedule (a schedule makes it repeated work, read before this).
  if (FEAT_REPETITIONS.has(head) || raceDistance(tokens, counted)) return true;
  if (verb === undefined) return false;
  // Asking for or being given a thing ("Solicit 3 term sheets", "Receive 5 offers"): others give it, whatever it is.
  if (GIVEN_VERBS.has(verb)) return true;
  if (RECEIVING_VERBS.has(verb)) return ACT_OF_OTHERS.test(head);
  // People found or chosen from outside ("Select 40 new franchise candidates", "identify five voting members"):
  // who answered the search is a result, as people recruited are; not the team's own staff.
  if (FINDING_VERBS.has(verb)) return !STAFF.has(head) && (wonResult(head) || FOUND_PEOPLE.has(head));
  return verb === 'recruit' && !STAFF.has(head) && (wonResult(head) || head === 'volunteers');
}

/** Verbs of finding or choosing people. */
const FINDING_VERBS = new Set(['select', 'shortlist', 'identify']);
/** People one finds or chooses for a role outside the team. */
const FOUND_PEOPLE = new Set(['candidates', 'volunteers', 'ambassadors', 'champions', 'mentors', 'advisors', 'franchisees']);

/** The unit written onto a number ("40km" -> "km", "5lbs" -> "lbs"), or "". */
function unitSuffix(text: string): string {
  return /^[\d.,]+(\p{L}+)$/u.exec(text)?.[1] ?? '';
}

/** Verbs that staff the team: the people they count are the team's own output, not a result. */
const STAFFING_VERBS = new Set(['hire', 'recruit', 'staff']);

/** The team's own people: onboarding them staffs the team ("Onboard 3 new engineers to the on-call rotation"). */
const STAFF = new Set(
  'engineer engineers hire hires employee employees staff teammates interns sres designers salespeople recruits'.split(' '),
);

/**
 * Whether a leading "Onboard" counts the team's own new people ("Onboard 3 new engineers"),
 * not people won over ("Onboard 300 resellers", "Onboard 4 new contributors": a result).
 */
function onboardsStaff(tokens: readonly Token[], lead: number, quantities: readonly Quantity[]): boolean {
  if (!/^(onboard|onboarding)$/.test(tokens[lead]?.lower ?? '')) return false;
  let i = lead + 1;
  if (/^(at|the)$/.test(tokens[i]?.lower ?? '')) i++;
  if (tokens[i]?.lower === 'least') i++;
  if (!tokens[i] || !quantities.some((q) => q.start === tokens[i].start)) return false;
  const { words } = phraseWords(tokens, i + 1);
  const head = words[words.length - 1]?.lower ?? '';
  return STAFF.has(head) || (head === 'members' && words[words.length - 2]?.lower === 'team');
}

/** RECURRING, global, made once (recursAsAdverb resets it; nothing else uses it). */
const RECURRING_ALL = new RegExp(RECURRING.source, 'g');

/**
 * Whether the work recurs: "Reindex nightly", "Review all IAM roles quarterly". A
 * frequency word before a noun describes the noun instead ("daily web browsing",
 * "weekly active users", "daily stand-up meetings").
 */
function recursAsAdverb(title: string): boolean {
  const lower = title.toLowerCase();
  // A day of the week, or a run of them, is a weekly schedule: "Meal prep on Saturday", "Go for a run M-F".
  if (WEEKDAY_SCHEDULE.test(lower)) return true;
  const re = RECURRING_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    // "bi-weekly 1:1 meetings": the one-on-one is the noun the frequency describes.
    const after = /^[\s]*(1:1s?|[\p{L}][\p{L}-]*)/u.exec(lower.slice(m.index + m[0].length));
    if (!after || PHRASE_STOPS.has(after[1]) || DETERMINERS.has(after[1]) || /^(and|or|instead|rather|basis)$/.test(after[1])) return true;
  }
  return false;
}

/** Words that name an occasion a count repeats: "3 times per week", "6 days a week", "2 sessions a week". */
const OCCASIONS = set('time times day days night nights morning mornings evening evenings session sessions');
/** Events one takes part in, counted as occasions after their modifiers: "one career conversation ... per month". */
const EVENTS = set(`
  conversation conversations meeting meetings call calls check-in check-ins 1:1 1:1s one-on-one one-on-ones workout
  workouts class classes lesson lessons session sessions
`);
/** Counts that carry their occasion: "once a week", "twice a day". */
const REPEAT_WORDS = /^(once|twice|thrice)$/;
/** A period a repetition is counted in, singular or plural: "a week", "every two weeks", "/night". */
const periodWord = (w: string | undefined) =>
  w !== undefined && (PERIODS.has(w) || PERIODS.has(w.replace(/s$/, '')) || /^(weekday|weekend|workday)s?$/.test(w));
/** The period after the slash of a word written as a rate ("days/week", "drinking/week"). */
const slashPeriod = (w: string | undefined) => w !== undefined && w.includes('/') && periodWord(w.slice(w.lastIndexOf('/') + 1));

/**
 * Where a title counts how often its activity is repeated in a period: "Lift weights 3 days/week",
 * "Bike to work at least 3 times per week", "Do yoga a minimum of 2x a week", "once per month",
 * "One day or less of drinking/week", "1x every two weeks". The number counts occasions of the
 * doing, not an amount it yields ("Sleep 7.5 hours/night", "Lose 5 pounds per month": amounts).
 * Returns the index of the count.
 */
function repetitionCount(tokens: readonly Token[], quantities: readonly Quantity[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const repeatWord = REPEAT_WORDS.test(t.lower);
    if (!repeatWord && !quantities.some((q) => q.start === t.start)) continue;
    // "4x/week", "3x/week": the multiplier is the occasion, the slash the period.
    if (/^\d+x\//.test(t.lower) && slashPeriod(t.lower)) return i;
    let k = i + 1;
    // "once per month", "2x a week": the period follows at once ("twice as many ... per quarter" compares).
    const implicit = repeatWord || /^\d+x$/.test(t.lower);
    // "3x exercise sessions per week": a multiplier may count events named after it, as a number does.
    const eventAfter = implicit && !RATE_WORDS.has(tokens[k]?.lower ?? '') && /^\d+x$/.test(t.lower) ? eventEnd(tokens, k) : undefined;
    if (eventAfter !== undefined) k = eventAfter;
    else if (implicit && !RATE_WORDS.has(tokens[k]?.lower ?? '')) continue;
    if (!implicit) {
      const w = tokens[k]?.lower ?? '';
      if (OCCASIONS.has(w)) k++;
      else if (slashPeriod(w) && OCCASIONS.has(w.slice(0, w.indexOf('/')))) return i;
      else {
        // An event after up to two modifiers: "one career conversation", "2 coaching sessions".
        const e = eventEnd(tokens, k);
        if (e === undefined) continue;
        k = e;
      }
    }
    // The period: "a week", "per month", "every (two) weeks", or a rate closing a short phrase ("or less of drinking/week").
    for (let j = k; j < tokens.length && j <= k + 5; j++) {
      const w = tokens[j].lower;
      if (RATE_WORDS.has(w)) {
        const n = tokens[j + 1]?.lower;
        if (periodWord(n) || ((SMALL_NUMBERS.has(n ?? '') || n === 'other' || /^\d+$/.test(n ?? '')) && periodWord(tokens[j + 2]?.lower)))
          return i;
        // "with each report per month": "each" before a noun that is no period distributes, the rate follows.
        if (!/^(each|every)$/.test(w)) break;
      }
      if (slashPeriod(w)) return i;
      // Who or where it is done with may come first: "with each report per month".
      if (tokens[j].kind === 'symbol' || (PHRASE_STOPS.has(w) && !/^(of|or|and|with|at|in|on)$/.test(w))) break;
    }
  }
  return undefined;
}

/** The index after an event named from `k` past up to two modifiers ("career conversation", "exercise sessions"), if one is. */
function eventEnd(tokens: readonly Token[], k: number): number | undefined {
  let e = k;
  while (e < k + 2 && tokens[e]?.kind === 'word' && !EVENTS.has(tokens[e].lower) && !PHRASE_STOPS.has(tokens[e].lower)) e++;
  return EVENTS.has(tokens[e]?.lower ?? '') ? e + 1 : undefined;
}

/**
 * Where a title gives time to its activity in every period: "Spend 1hr every week on personal
 * projects", "60 mins guitar practice per week", "Meditate 10 minutes a day". The time is how much of
 * the doing is scheduled, the work itself, as a count of sessions is. Not a rate written with a slash
 * ("Sleep 7.5 hours/night", an amount), nor a bound ("under 4 hours per week": ownRepetition's).
 * Returns the index of the time's number.
 */
function timeOnSchedule(tokens: readonly Token[], quantities: readonly Quantity[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!quantities.some((q) => q.start === t.start)) continue;
    const unit = TIME_SUFFIX.test(t.lower)
      ? i
      : TIME_UNITS.has(tokens[i + 1]?.lower ?? '') && !periodWord(tokens[i + 1].lower)
        ? i + 1
        : -1;
    if (unit < 0 || tokens[unit].text.includes('/')) continue;
    for (let j = unit + 1; j < tokens.length && j <= unit + 8; j++) {
      const w = tokens[j];
      if (w.kind === 'symbol' && !/^[&,]$/.test(w.text)) break;
      if (RATE_WORDS.has(w.lower) && periodWord(tokens[j + 1]?.lower)) return i;
    }
  }
  return undefined;
}

/** What happens to a team, counted per period as a measure ("3 incidents per month"), not work done. */
const HAPPENINGS = set(`
  incident incidents outage outages alert alerts page pages error errors failure failures bug bugs crash crashes
  ticket tickets request requests complaint complaints escalation escalations regression regressions defect defects
`);

/**
 * "Finish a track every month", "Learn a new tune each month", "Write a post weekly": the verb's object
 * is one thing ("a", "an", "one") and a period follows it, so one is made in every period, a schedule
 * of output. Not a place or a tool after a preposition ("Write in a journal weekly"), which counts nothing.
 */
function oneEachPeriod(tokens: readonly Token[], lexicon: VerbLexicon): VerbMatch | undefined {
  const verb = leadingTaskVerb(tokens, lexicon, true);
  if (!verb || !/^(a|an|one)$/.test(tokens[verb.next]?.lower ?? '')) return undefined;
  for (let i = verb.next + 2; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (/^(each|every)$/.test(w) && periodWord(tokens[i + 1]?.lower)) return verb;
    if (FREQUENCY_ADVERBS.has(w)) return verb;
  }
  return undefined;
}

/** Verbs of a bodily state, whose time is an amount of it, not work: "Sleep 8 hours every night". */
const BODILY_STATES = set('sleep rest nap fast');

/**
 * Where a title with a number repeats its activity on every day or week: "Work out each day of the week
 * at least 30 minutes each", "Write 500 words every weekday". The number is what is done each time (a
 * rate with no repetition word, "Sleep 7.5 hours/night", is an amount). An amount of weight or distance
 * ("Lose 1 pound every week", "Run 5 miles every day") is measured, as "Lose 5 kg" is. Returns the index
 * of "each"/"every".
 */
function distributiveSchedule(tokens: readonly Token[], quantities: readonly Quantity[]): number | undefined {
  // Not zero, nor the length of a period ("every three weeks": countedPeriod's).
  const counts = quantities.filter(
    (q) => !/^(0|zero)$/i.test(q.text) && tokens[tokens.findIndex((t) => t.start === q.start) - 1]?.lower !== 'every',
  );
  if (counts.length === 0) return undefined;
  for (const q of counts) {
    const at = tokens.findIndex((t) => t.start === q.start);
    const unit = rateUnit(tokens[at + 1]?.lower ?? '');
    if (at >= 0 && (MEASURED_AMOUNT.has(unit) || MEASURED_AMOUNT.has(`${unit}s`) || MEASURED_AMOUNT.has(unitSuffix(q.text.toLowerCase()))))
      return undefined;
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!/^(each|every)$/.test(tokens[i].lower)) continue;
    if (/^(day|night|morning|evening|weekday|workday|week)$/.test(tokens[i + 1].lower)) return tokens.indexOf(firstCount(tokens, counts)!);
  }
  // "evolve at least 1 program component annually": a count done again at a frequency after the work.
  if (recursAsAdverb(tokens.map((t) => t.text).join(' '))) return tokens.indexOf(firstCount(tokens, counts)!);
  return undefined;
}

function firstCount(tokens: readonly Token[], counts: readonly Quantity[]): Token | undefined {
  return tokens.find((t) => t.start === counts[0].start);
}

/**
 * "Send community update newsletters every 4-6 weeks", "Release every 2 weeks": a schedule whose
 * period is counted, a repetition with a number. Returns the index of "every".
 */
function countedPeriod(tokens: readonly Token[]): number | undefined {
  for (let i = 0; i < tokens.length - 2; i++) {
    // "Release weekly instead of every three weeks": the counted period is the baseline of a change.
    if (tokens[i].lower !== 'every' || /^(of|from|than)$/.test(tokens[i - 1]?.lower ?? '')) continue;
    const n = tokens[i + 1];
    const counted =
      (n.kind === 'number' && /^\d+(?:[-–]\d+)?$/.test(n.text)) ||
      SMALL_NUMBERS.has(n.lower) ||
      /^(two|three|four|six)-(three|four|six|eight)$/.test(n.lower);
    if (counted && /^(days|weeks|months|sprints|releases)$/.test(tokens[i + 2].lower)) return i;
  }
  return undefined;
}

/**
 * Whether a repetition counted at `at` is the doer's own activity on a schedule, not a measure moved or
 * others' doing: no share ("40% of users ... 3 days a week"), no people or metric before the count
 * ("Users log in 3 days a week"), and no level the count is moved to ("Reduce pages to 2 times a week").
 */
function ownRepetition(tokens: readonly Token[], lead: number, at: number): boolean {
  if (tokens.some((t) => t.text.includes('%'))) return false;
  const before = tokens[at - 1]?.lower ?? '';
  if (/^(to|by|from|under|below|above|than|within|over)$/.test(before)) return false;
  // People as subject or as the ones counted ("200 active publishers, ... publishing once per month"),
  // or a measure or result counted ("Reach 100 signups weekly").
  // An event or occasion counted is the doing ("2 office hours sessions"), not a measure of users' sessions.
  const measureOrPeople = (w: string) =>
    !EVENTS.has(w) &&
    !OCCASIONS.has(w) &&
    (PEOPLE.has(w) || OUTCOME_PEOPLE.has(w) || OUTCOME_METRICS.has(w) || PERCENTILE.test(w) || wonResult(w));
  // An agent noun counted is people ("200 active publishers"); uncounted it may be a thing ("newsletters").
  const countedAgent = (i: number) =>
    /\p{L}{3,}(ers|ors)$/u.test(tokens[i].lower) && tokens.slice(Math.max(0, i - 3), i).some((t) => t.kind === 'number');
  // The leading verb right before its object is the doing, not a measure: "Spend 1hr every week" ("spend" is also a cost).
  const verbLeads = at > lead && (at === lead + 1 || DETERMINERS.has(tokens[lead + 1]?.lower ?? '')) && tokens[lead].kind === 'word';
  for (let i = verbLeads ? lead + 1 : lead; i < at; i++) if (measureOrPeople(tokens[i].lower) || countedAgent(i)) return false;
  for (let i = at + 1; i < tokens.length && i <= at + 4 && tokens[i].kind === 'word' && !PHRASE_STOPS.has(tokens[i].lower); i++)
    if (measureOrPeople(tokens[i].lower)) return false;
  // Handling what comes in on a cadence ("Triage the IT queue twice a day") is a standing rule, as
  // "within 24 hours" is: routine-work's, not a deliverable.
  const routine = routineCue(tokens.map((t) => t.text).join(' '));
  return routine !== 'triage' && routine !== 'support and alert handling';
}

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
/**
 * A schedule by days of the week, with no date: "on Saturday(s)", "every Monday", "M-F", "Mon-Fri",
 * "Monday to Friday", "on weekdays". With no number it says when the work recurs, not what it yields.
 */
const WEEKDAY_SCHEDULE = new RegExp(
  `\\b(?:(?:on|every|each) ${WEEKDAY}s?\\b(?! \\d)|${WEEKDAY}s? (?:to|through|-) ${WEEKDAY}\\b|(?:m-f|mon-fri|mon-sun|on weekdays|on weekends|every weekday)\\b)`,
);

/** Whether "within <N> releases/sprints" bounds the work: a time limit counted in the team's cycles. */
function limitInCycles(tokens: readonly Token[], quantities: readonly Quantity[]): boolean {
  return tokens.some(
    (t, i) =>
      t.lower === 'within' &&
      tokens[i + 1] !== undefined &&
      quantities.some((q) => q.start === tokens[i + 1].start) &&
      /^(releases?|sprints?|iterations?|cycles?)$/.test(tokens[i + 2]?.lower ?? ''),
  );
}

/** Whether the number right after the verb counts work items: "Elevate 1 process", "celebrate 20 announcements". */
function countsWorkItems(tokens: readonly Token[], quantities: readonly Quantity[], from: number, reach = 3): boolean {
  for (let i = from; i < tokens.length && i <= from + reach; i++) {
    if (!quantities.some((q) => tokens[i].start === q.start)) continue;
    for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
      const w = tokens[k].lower;
      if (WORK_NOUNS.has(w) || ARTIFACT_NOUNS.has(w)) return true;
      if ((PHRASE_STOPS.has(w) && w !== 'of') || tokens[k].kind === 'symbol') break;
    }
    return false;
  }
  return false;
}

/**
 * After a verb the lexicon does not know ("Read 12 books", "Watch at least one talk per week"):
 * whether its number counts the things the doer does or makes, the work itself. Not a result
 * others give (people, accounts, partnerships, an outcome metric: "Sign 25 merchants"), a share
 * ("Cover 100% of shifts", "3 of 5"), or an amount in a unit ("Lose 5 kg").
 */
function countsDoneThings(tokens: readonly Token[], quantities: readonly Quantity[], from: number): boolean {
  // Holding or yielding is no work: "have 15 repeat customers", "Generate 10 inbound calls from content".
  if (YIELD_VERBS.has(tokens[from - 1]?.lower ?? '')) return false;
  for (let i = from; i < tokens.length && i <= from + 3; i++) {
    const q = quantities.find((x) => tokens[i].start === x.start);
    if (!q) continue;
    // A share, or a count held at zero ("Cover 100% of support shifts", "Ensure zero leaks"): measured.
    if (/[%/]/.test(q.text) || /^(0|zero)$/.test(q.text.toLowerCase()) || tokens[i + 1]?.lower === 'of') return false;
    // Acts of others received ("Collect 50 nominations", "Gather 200 survey responses"): a result.
    if (countsGiven(tokens, i, tokens[from - 1]?.lower)) return false;
    // A verb that only reaches people counts the work, whoever they are: "Call 50 lapsed donors", as
    // "Interview 20 customers" (measuresOutcome reads it so after a listed verb).
    if (CONTACT_VERBS.has(tokens[from - 1]?.lower ?? '') && i === from) return true;
    if (countsWorkItems(tokens, quantities, from)) return true;
    // The counted phrase, past a parenthesis inside it: "15 repeat (3+ times) repo customers".
    const phrase = phraseWords(tokens, i + 1);
    let words = phrase.words;
    if (phrase.stop?.text === '(') {
      const close = tokens.findIndex((c, k) => k > i && c.text === ')');
      if (close > 0) words = [...words, ...phraseWords(tokens, close + 1).words];
    }
    const last = words[words.length - 1]?.lower;
    if (last === undefined) return false;
    // "8 hours/night": a unit written as a rate is judged by its unit.
    const head = rateUnit(last);
    return !(
      wonResult(head) ||
      OUTCOME_METRICS.has(head) ||
      OUTCOME_METRICS.has(`${head}s`) ||
      TIME_UNITS.has(head) ||
      AMOUNT_UNITS.has(head) ||
      /\p{L}{3,}(ers|ors|ists|ants|ents)$/u.test(head)
    );
  }
  return false;
}

/** Verbs of holding or yielding: what they count is had or won, not done. */
const YIELD_VERBS = new Set('have has get gets generate generates yield yields bring brings'.split(' '));

/** Units of an amount rather than things counted: "Lose 5 kg", "Run 100 miles", "Gain 20 points". */
const AMOUNT_UNITS = new Set([...MEASURED_AMOUNT, 'points', 'pts', 'percent']);

/**
 * Whether the noun a number counts is an outcome ("500 customers", "9/10 score"), skipping modifiers
 * ("5 new"). A thing produced after the outcome word is the head it modifies: "15 customer discovery
 * calls" counts calls, work done.
 */
function countsOutcome(tokens: readonly Token[], at: number): boolean {
  let outcome = false;
  for (let k = at + 1; k < tokens.length && k <= at + 4; k++) {
    // "10K+ signups/month": a count over a period is judged by what it counts.
    const w = rateUnit(tokens[k].lower);
    if (tokens[k].kind === 'symbol' || PHRASE_STOPS.has(w)) break;
    // "Close 1 customer": the singular counts as the plural does.
    if (OUTCOME_METRICS.has(w) || OUTCOME_METRICS.has(`${w}s`) || PERCENTILE.test(w)) outcome = true;
    else if (outcome && (WORK_NOUNS.has(w) || ARTIFACT_NOUNS.has(w))) return false;
  }
  return outcome;
}

/** The head of a leading noun phrase when it names a deliverable (an artifact, or a feature in -ing). */
function deliverableHead(tokens: readonly Token[], lead: number): Token | undefined {
  const first = tokens[lead];
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower) || COMPARATIVE_LEAD.test(first.lower)) return undefined;
  // "Handle all pages", "Staff the rotation": a word before a determiner is a verb, not a noun phrase.
  if (tokens[lead + 1] && DETERMINERS.has(tokens[lead + 1].lower)) return undefined;
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (
    head?.kind !== 'word' ||
    QUALITY_NOUNS.has(head.lower) ||
    OUTCOME_METRICS.has(head.lower) ||
    OUTCOME_OBJECTS.has(head.lower) ||
    PEOPLE.has(head.lower)
  )
    return undefined;
  if (ARTIFACT_NOUNS.has(head.lower) || namesWork(head.lower)) return head;
  // A feature named by its -ing form after a qualifier: "Server-side rendering", "Usage-based pricing".
  if (phrase.words.length >= 2 && head.lower.length >= 6 && head.lower.endsWith('ing') && !head.lower.includes('-')) return head;
  return undefined;
}

/**
 * A verbless key result with no number that names a thing ("CI on every PR", "Runbook + DR plan",
 * "R2 mirror of canonical artifacts", "Self-service password reset for all staff"): a noun phrase
 * states no change, so what it names is a deliverable, unless its head is a measure, a quality,
 * an outcome or people ("Checkout reliability", "Customer trust"), or something judges it. Reached
 * only when no verb, predicate, participle or state was found; what reads as an unmeasured outcome
 * or standing work is left to kr-not-measurable.
 */
function namedThing(title: string, tokens: readonly Token[], lead: number): Token | undefined {
  const first = tokens[lead];
  if (first?.kind !== 'word' || OUTCOME_VERBS.has(first.lower) || EFFECT_VERBS.has(first.lower) || COMPARATIVE_LEAD.test(first.lower))
    return undefined;
  if (DETERMINERS.has(tokens[lead + 1]?.lower ?? '') || readsAsUnmeasuredOutcome(title)) return undefined;
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && (STATE_VERBS.has(phrase.stop.lower) || COPULAS.has(phrase.stop.lower))) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (head?.kind !== 'word' || phrase.words.length === 8) return undefined;
  // "sign ups", "check ins": a compound written apart names what the two words name together.
  const h = OUTCOME_PEOPLE.has(`${phrase.words.at(-2)?.lower ?? ''}${head.lower}`)
    ? `${phrase.words.at(-2)!.lower}${head.lower}`
    : head.lower;
  if (
    QUALITY_NOUNS.has(h) ||
    OUTCOME_METRICS.has(h) ||
    OUTCOME_OBJECTS.has(h) ||
    PEOPLE.has(h) ||
    OUTCOME_PEOPLE.has(h) ||
    /(ly|ed|ness|ity|ous|ful)$/.test(h) ||
    namesQuality(head) ||
    // "Checkout service scalable across regions": an adjective of quality closing the phrase judges.
    QUALITY_ABLE.has(h) ||
    // A judgement, a sentence, an absence ("No one on the team ...": measured) or a direction of change.
    tokens.some(
      (t) => judges(t) || MODALS.has(t.lower) || COPULAS.has(t.lower) || STATE_VERBS.has(t.lower) || ABSENCE_OR_DIRECTION.test(t.lower),
    )
  )
    return undefined;
  return head;
}

const ABSENCE_OR_DIRECTION =
  /^(no|not|never|none|zero|without|positive|negative|upward|downward|direction|trend|trends|trending|growth|increase|increases|decrease|decreases|reduction|reductions|decline|uplift|rise|gain|gains|fit)$/;

/** A past participle reporting delivery in a verbless title: "GPU cluster provisioned", "Personalised ranking". */
function deliveredParticiple(tokens: readonly Token[], lead: number, lexicon: VerbLexicon, anyVerb: boolean): Token | undefined {
  for (let i = lead; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (EXPERIENCE_PARTICIPLES.has(t.lower)) continue;
    if (lexicon.participles.has(t.lower) || STATE_WORDS.has(t.lower)) return t;
    // Any other verb's -ed form is weaker evidence, taken only when no number is measured.
    if (
      anyVerb &&
      t.lower.length >= 5 &&
      t.lower.endsWith('ed') &&
      !t.lower.includes('-') &&
      !t.lower.startsWith('un') &&
      !DESCRIPTIVE_ED.has(t.lower) &&
      !OUTCOME_PARTICIPLES.has(t.lower)
    )
      return t;
  }
  return undefined;
}

/**
 * A verb's -able adjective after its noun, closing the phrase: "Real matches playable online",
 * "Invoices downloadable as PDF" say the thing can now be played, downloaded: a delivered
 * capability, as "Users can export reports" is. Adjectives of quality ("reliable", "scalable")
 * judge rather than report.
 */
function capabilityAdjective(tokens: readonly Token[], lead: number): Token | undefined {
  for (let i = lead + 1; i < tokens.length && i <= lead + 6; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    if (t.kind !== 'word' || before.kind !== 'word' || DETERMINERS.has(before.lower) || PHRASE_STOPS.has(before.lower)) continue;
    if (!/^\p{L}{4,}(?:able|ible)$/u.test(t.lower) || QUALITY_ABLE.has(t.lower) || EVALUATIVE.has(t.lower)) continue;
    const next = tokens[i + 1];
    if (!next || next.kind === 'symbol' || PHRASE_STOPS.has(next.lower) || /^(online|offline|locally|anywhere|as|again)$/.test(next.lower))
      return t;
  }
  return undefined;
}

/** -able adjectives that name a quality, not a capability delivered. */
const QUALITY_ABLE = new Set(
  `reliable sustainable scalable maintainable predictable dependable profitable affordable comfortable valuable
   capable responsible possible impossible visible flexible accessible compatible suitable acceptable notable
   reasonable measurable actionable viable enjoyable lovable favorable favourable considerable remarkable
   vulnerable variable available unavailable portable durable reproducible credible sensible feasible
   accountable observable testable readable usable`
    .trim()
    .split(/\s+/),
);

/** After "There is/are/will be": where the subject starts and where its noun phrase ends. */
function existentialSubject(tokens: readonly Token[], lead: number): { at: number; end: number } | undefined {
  // "Having a brand carved out", "Having 1,000 people engaged": a gerund of possession says what exists.
  const having = tokens[lead]?.lower === 'having';
  if (tokens[lead]?.lower !== 'there' && !having) return undefined;
  let at = lead + 1;
  if (having) {
    /* the subject follows directly */
  } else if (tokens[at]?.lower === 'will' && tokens[at + 1]?.lower === 'be') at += 2;
  else if (/^(is|are|was|were|exists|exist)$/.test(tokens[at]?.lower ?? '')) at += 1;
  else return undefined;
  if (!tokens[at] || /^(no|not|zero|never)$/.test(tokens[at].lower)) return undefined;
  let j = at;
  while (j < tokens.length && j < at + 8 && tokens[j].kind !== 'symbol' && !(PHRASE_STOPS.has(tokens[j].lower) && j > at)) j++;
  return { at, end: tokens[j - 1].end };
}

/**
 * After a title-initial "Have/Has/Get": the noun phrase held, when it names a thing and not
 * a result ("Get more users", "Have a healthy pipeline", "Get users to ...", "Get better at"
 * and "Get promoted" are none).
 */
function heldThing(tokens: readonly Token[], lead: number): Token | undefined {
  // "Obtain a scale": obtaining a thing is getting it.
  if (!/^(have|has|get|obtain)$/.test(tokens[lead]?.lower ?? '')) return undefined;
  const phrase = phraseWords(tokens, lead + 1);
  const words = phrase.words;
  if (words.length === 0 || words[0].kind !== 'word') return undefined;
  const w = words[0].lower;
  if (COMPARATIVE_LEAD.test(w) || /^(rid|ready|back|started|going|done)$/.test(w) || (w.endsWith('ed') && !DESCRIPTIVE_ED.has(w)))
    return undefined;
  const head = words[words.length - 1];
  if (
    words.some((t) => OUTCOME_OBJECTS.has(t.lower) || EVALUATIVE.has(t.lower) || OUTCOME_METRICS.has(t.lower) || PEOPLE.has(t.lower)) ||
    QUALITY_NOUNS.has(head.lower) ||
    COMPARATIVE_AFTER.test(head.lower)
  )
    return undefined;
  return head;
}

/** A title that opens with a count whose noun is reported delivered ("3 integrations live", "100 reports generated"). */
function deliveredCount(tokens: readonly Token[], lead: number, quantities: readonly Quantity[], lexicon: VerbLexicon): Token | undefined {
  const first = tokens[lead];
  if (!first || !quantities.some((q) => q.start === first.start)) return undefined;
  for (let i = lead + 1; i < tokens.length && i <= lead + 5; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || PHRASE_STOPS.has(t.lower)) return undefined;
    const counted = tokens[i - 1];
    const delivered =
      i > lead + 1 &&
      (STATE_WORDS.has(t.lower) ||
        lexicon.participles.has(t.lower) ||
        (t.lower.length >= 5 && t.lower.endsWith('ed') && !OUTCOME_PARTICIPLES.has(t.lower) && !DESCRIPTIVE_ED.has(t.lower)));
    // The participle closes the phrase ("generated", "live ("); before a noun it is an adjective ("qualified leads").
    const closes = !tokens[i + 1] || tokens[i + 1].kind === 'symbol' || PHRASE_STOPS.has(tokens[i + 1].lower);
    // Nor what others give ("30+ testimonials collected", "5 partnerships signed"): a result won.
    if (delivered && closes) return wonResult(counted.lower) ? undefined : t;
  }
  return undefined;
}

/** Counted nouns of a sales pipeline at the head of a key result: results others give, as leads are. */
const PIPELINE = new Set(['opportunities', 'opps', 'deals']);

/** The head noun of a phrase a leading number counts, and whether the phrase ends the clause. */
function countedHead(
  tokens: readonly Token[],
  lead: number,
  quantities: readonly Quantity[],
): { head: Token; closes: boolean; judged: boolean; repeats: boolean } | undefined {
  const first = tokens[lead];
  if (!first || !quantities.some((q) => q.start === first.start)) return undefined;
  let head: Token | undefined;
  // "25 positive reviews": what others judge is a result, not work the team produces.
  let judged = false;
  let i = lead + 1;
  for (; i < tokens.length && i <= lead + 5; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || PHRASE_STOPS.has(t.lower) || STATE_VERBS.has(t.lower) || COPULAS.has(t.lower) || DETERMINERS.has(t.lower))
      break;
    if (JUDGED_BY_OTHERS.has(t.lower) || EVALUATIVE.has(t.lower)) judged = true;
    head = t;
  }
  // The count is the whole key result, or ends at a preposition or a parenthesis: not "12 posts get 1000 views".
  const after = tokens[i];
  // A time frame after the count does not change what is counted: "4 speaking engagements this quarter".
  const timeFrame = /^(this|next|each|every|a)$/.test(after?.lower ?? '') && PERIODS.has(tokens[i + 1]?.lower ?? '');
  // "20 pushups each day", "10 pullups each work day": the count is done again in every period.
  const period = /^(work|working|week|school)$/.test(tokens[i + 1]?.lower ?? '') ? tokens[i + 2] : tokens[i + 1];
  // "20 freelance pomodoros per week": a rate over a period repeats the count too.
  const repeats =
    (/^(each|every)$/.test(after?.lower ?? '') && /^(day|days|night|morning|evening|weekday|workday)$/.test(period?.lower ?? '')) ||
    (/^(per|a|an|each|every)$/.test(after?.lower ?? '') && periodWord(tokens[i + 1]?.lower));
  return head
    ? {
        head,
        closes: !after || after.kind === 'symbol' || timeFrame || /^(to|for|of|in|on|at|with|about|across|per|by)$/.test(after.lower),
        judged,
        repeats,
      }
    : undefined;
}

/** Things others give the team, counted: results won, not output ("Establish 3 strategic partnerships"). */
const WON = new Set(['partnerships', 'testimonials', 'logos', 'sponsors', 'sponsorships', 'endorsements']);

/** Adjectives of a verdict others give: "25 positive reviews", "10 five-star ratings". */
const JUDGED_BY_OTHERS = new Set(['positive', 'favourable', 'favorable', 'five-star', '5-star', 'glowing', 'good']);

/** Whether the title opens with a count of people: "5 people have tested it", "10 new enterprise customers". */
function countsPeopleAtLead(tokens: readonly Token[], lead: number, quantities: readonly Quantity[]): boolean {
  const first = tokens[lead];
  if (!first || !quantities.some((q) => q.start === first.start)) return false;
  // The head of the counted phrase is its last noun: "5 people have ...", but "3 partner integrations live".
  let head: Token | undefined;
  for (let i = lead + 1; i < tokens.length && i <= lead + 5; i++) {
    const t = tokens[i];
    if (
      t.kind !== 'word' ||
      PHRASE_STOPS.has(t.lower) ||
      STATE_VERBS.has(t.lower) ||
      COPULAS.has(t.lower) ||
      STATE_WORDS.has(t.lower) ||
      DETERMINERS.has(t.lower)
    )
      break;
    // A participle closes the counted phrase, irregular ones too: "120 companies built on ...".
    if (i > lead + 1 && (t.lower.endsWith('ed') || TASK_LEXICON.participles.has(t.lower))) break;
    head = t;
  }
  // Sales opportunities counted are pipeline won, as leads are ("25 Telecom opportunities generated by Nov 30").
  return head !== undefined && (wonResult(head.lower) || PIPELINE.has(head.lower));
}

/**
 * Whether a counted noun is a result others give the team (people won over, accounts, partnerships),
 * also in the singular: "1 association partnership signed", "5 design-partner accounts signed".
 */
function wonResult(noun: string): boolean {
  // "300 companies": a plural in -ies counts as its singular ("company") does.
  return [noun, `${noun}s`, noun.replace(/ies$/, 'y')].some((w) => PEOPLE.has(w) || OUTCOME_PEOPLE.has(w) || WON.has(w));
}

/** Counted nouns that are people won over, whatever is done to them: "500 users onboarded". */
export const OUTCOME_PEOPLE = new Set([
  'users',
  'customers',
  'merchants',
  'members',
  'contributors',
  'subscribers',
  'signups',
  'sign-ups',
  'buyers',
  'visitors',
  'followers',
  'attendees',
  'participants',
  'readers',
  'leads',
  'people',
  'builders',
  'developers',
  'partners',
  'accounts',
  'clients',
  'affiliates',
  'businesses',
  'startups',
]);

/**
 * The predicate of a title that starts with its subject ("Peerpad runs on Chrome",
 * "Users understand how it works", "The Core API is finalized"): `delivered` when it
 * reports what now exists, works or was done; `experience` when it reports how people
 * take it, an outcome. Undefined when no predicate is found in the first words.
 */
export function subjectPredicate(tokens: readonly Token[], lead: number): { kind: 'delivered' | 'experience'; verb: Token } | undefined {
  // "We gather, process and present metrics": after a personal pronoun comes the verb. Work the
  // team does is delivered; "We grow revenue" and "They understand" are outcomes.
  if (/^(we|they)$/.test(tokens[lead]?.lower ?? '') && tokens[lead + 1]?.kind === 'word') {
    const v = tokens[lead + 1];
    if (!COPULAS.has(v.lower) && !MODALS.has(v.lower) && !STATE_VERBS.has(v.lower))
      return OUTCOME_VERBS.has(v.lower) || EXPERIENCE_VERBS.has(v.lower) ? { kind: 'experience', verb: v } : { kind: 'delivered', verb: v };
  }
  let reach = lead + 8;
  for (let i = lead + 1; i < tokens.length && i <= reach; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') {
      // A parenthesis inside the subject ("all elements (files, texts) build up ...") is skipped whole.
      if (t.text === '(') {
        const close = tokens.findIndex((c, k) => k > i && c.text === ')');
        if (close > i && close - i <= 10) {
          reach += close - i;
          i = close - 1;
        }
        continue;
      }
      // "Lead time, the time between code change and release, is shorter": an appositive between commas
      // names the subject again; the verb after the second comma is the subject's.
      if (t.text === ',') {
        const close = tokens.findIndex((c, k) => k > i + 1 && k <= i + 10 && c.text === ',');
        const after = tokens[close + 1]?.lower ?? '';
        if (close > 0 && (COPULAS.has(after) || MODALS.has(after) || /^gets?$/.test(after))) {
          reach += close - i;
          i = close;
        }
        continue;
      }
      if (t.text === ')' || t.text === '&') continue;
      return undefined;
    }
    const w = t.lower;
    const next = tokens[i + 1]?.lower ?? '';
    // A standing rule is a guardrail, not a deliverable: "Deploys must not skip CI", "Pages should be acked within 5 minutes".
    if (
      /^(should|must|shall|never|mustn't|shouldn't|don't|doesn't|won't|cannot|can't)$/.test(w) ||
      (COPULAS.has(w) && /^(not|never|no)$/.test(next))
    )
      return { kind: 'experience', verb: t };
    if (COPULAS.has(w)) {
      const people = tokens.slice(lead, i).some((s) => PEOPLE.has(s.lower) || OUTCOME_PEOPLE.has(s.lower));
      // "Kiwix is able to host ZIM on IPFS": a capability, as "can" is ("Users are able to find answers faster" compares).
      if (next === 'able' && tokens[i + 2]?.lower === 'to')
        return EXPERIENCE_VERBS.has(tokens[i + 3]?.lower ?? '') || comparesWithoutNumber(tokens, i + 3)
          ? { kind: 'experience', verb: t }
          : { kind: 'delivered', verb: tokens[i + 1] };
      // "Bulk Data V2 is ready for publication": a thing made ready (people ready to buy are an outcome).
      if (next === 'ready' && /^(for|to)$/.test(tokens[i + 2]?.lower ?? '') && !people) return { kind: 'delivered', verb: tokens[i + 1] };
      // "issues are resolved and applied": participles joined share the clause; one of delivery makes it delivered.
      const joined = tokens[i + 3]?.lower ?? '';
      if (
        OUTCOME_PARTICIPLES.has(next) &&
        tokens[i + 2]?.lower === 'and' &&
        /^\p{L}{3,}(ed|en)$/u.test(joined) &&
        !OUTCOME_PARTICIPLES.has(joined) &&
        !DESCRIPTIVE_ED_AFTER_BE.has(joined) &&
        !EXPERIENCE_PARTICIPLES.has(joined) &&
        !comparesWithoutNumber(tokens, i + 1)
      )
        return { kind: 'delivered', verb: tokens[i + 3] };
      const state = copulaComplement(tokens, i + 1);
      if (state) return { kind: state, verb: t };
      if (EXPERIENCE_PARTICIPLES.has(next) || /^(a|an|the|seen|known|joy)$/.test(next)) return { kind: 'experience', verb: t };
      if (DELIVERED_ADJECTIVES.has(next) || STATE_WORDS.has(next) || (/^in$/.test(next) && tokens[i + 2]?.lower === 'place'))
        return { kind: 'delivered', verb: t };
      if (/^\p{L}{3,}(ed|en|lt|wn)$/u.test(next) && !OUTCOME_PARTICIPLES.has(next) && !DESCRIPTIVE_ED_AFTER_BE.has(next))
        return { kind: 'delivered', verb: tokens[i + 1] };
      return { kind: 'experience', verb: t };
    }
    // "Users can perform common tasks in less time compared to the CLI": a capability compared with
    // no number is an unmeasured outcome; "Users can export reports" is delivered.
    if (MODALS.has(w))
      return EXPERIENCE_VERBS.has(next) || comparesWithoutNumber(tokens, i + 1)
        ? { kind: 'experience', verb: t }
        : { kind: 'delivered', verb: t };
    if (EXPERIENCE_VERBS.has(w)) return { kind: 'experience', verb: t };
    // "All new products have a faster transaction time than those they replaced": a comparison with a
    // reference and no number is an unmeasured outcome, not a capability delivered.
    if (CAPABILITY_VERBS.has(w))
      return comparesWithReference(tokens, i + 1) ? { kind: 'experience', verb: t } : { kind: 'delivered', verb: t };
    if (w === 'gets' || w === 'get') {
      if (DETERMINERS.has(next)) return { kind: 'delivered', verb: t };
      // "Every issue gets triaged": a habitual passive is a standing rule for what comes in, not a delivery.
      return /^\p{L}{3,}(ed|en)$/u.test(next) ? { kind: 'experience', verb: t } : undefined;
    }
    // A verb in the present after a singular subject: "GraphSync learns to distribute IPLD paths"
    // (a thing that learns gains a capability; people who learn are an outcome), "The planning
    // identifies our next area of focus" (a listed task verb's -s form before its object).
    const prior = tokens[i - 1];
    // "Candidates go through the admission process in the portal", "Staff manages applications through
    // the portal": people outside the team's own work, in the present with no number, use what was
    // delivered; how they take it is an outcome (an unmeasured one), not a thing delivered.
    if (usedByPeople(tokens, lead, i)) return { kind: 'experience', verb: t };
    if (prior.kind === 'word' && !prior.lower.endsWith('s') && !PHRASE_STOPS.has(prior.lower) && !DETERMINERS.has(prior.lower)) {
      const subject = tokens.slice(lead, i);
      if (w === 'learns' && next === 'to' && !subject.some((s) => PEOPLE.has(s.lower) || OUTCOME_PEOPLE.has(s.lower)))
        return { kind: 'delivered', verb: t };
      if (thirdPersonOfTaskVerb(w) && DETERMINERS.has(next) && next !== 'no')
        return OUTCOME_VERBS.has(w) ? { kind: 'experience', verb: t } : { kind: 'delivered', verb: t };
    }
    // A verb in the present after a plural subject, heading its own complement: "Members speak on
    // our initiatives", "all elements (files, texts) build up history". A word that ends the
    // subject's noun phrase and is followed by a preposition, particle or determiner is its verb.
    const before = tokens[i - 1];
    if (
      (before.text === ')' || (before.kind === 'word' && /[^s]s$/.test(before.lower) && !PHRASE_STOPS.has(before.lower))) &&
      !/(s|ed|able|ible|ive|al|ful|ous)$/.test(w) &&
      !EXPERIENCE_PARTICIPLES.has(w) &&
      !STATE_WORDS.has(w) &&
      !DELIVERED_ADJECTIVES.has(w) &&
      !PHRASE_STOPS.has(w) &&
      !DETERMINERS.has(w) &&
      // A copula after it makes the word the subject's head: "The analytics team is ..." ("analytics" modifies).
      !COPULAS.has(next) &&
      !MODALS.has(next) &&
      (PHRASE_STOPS.has(next) || DETERMINERS.has(next) || PARTICLES.has(next))
    ) {
      if (OUTCOME_VERBS.has(w) || ADVERBIAL_NEXT.has(next)) return { kind: 'experience', verb: t };
      // "Our platforms measure and improve the satisfaction of their users": a verb joined to one of
      // change shares its clause, whose head is the change; a comparison with a reference compares.
      if ((/^(and|&)$/.test(next) && COORDINATED_OUTCOME.has(tokens[i + 2]?.lower ?? '')) || comparesWithReference(tokens, i + 1))
        return { kind: 'experience', verb: t };
      // "Support engineers learn to deploy": people who learn are an outcome.
      if (w === 'learn' && tokens.slice(lead, i).some((s) => PEOPLE.has(s.lower) || OUTCOME_PEOPLE.has(s.lower)))
        return { kind: 'experience', verb: t };
      return { kind: 'delivered', verb: t };
    }
    // The subject may be coordinated: "go and js are interoperable", "Opt-in or access controls exist".
    if ((PHRASE_STOPS.has(w) && w !== 'and' && w !== 'or') || DETERMINERS.has(w)) return undefined;
  }
  return undefined;
}

/** People who use what a team delivers, as the head of a sentence's subject. */
const USING_PEOPLE = new Set(
  `users customers candidates applicants students staff employees members visitors buyers clients patients parents
   learners readers subscribers volunteers donors citizens residents`
    .trim()
    .split(/\s+/),
);

/**
 * Whether the word at `at` is the present-tense verb of a subject of people who use what is delivered
 * ("Candidates go through ...", "Staff manages ... through the portal"), in a title with no number. Not a
 * task verb the subject does ("Users export reports" names a capability delivered), a copula or modal
 * (read apart), nor people doing counted work ("Members speak at 10 conferences").
 */
function usedByPeople(tokens: readonly Token[], lead: number, at: number): boolean {
  const head = tokens[at - 1];
  if (head?.kind !== 'word' || !USING_PEOPLE.has(head.lower) || at - lead > 3) return false;
  if (tokens.slice(lead, at).some((s) => s.kind !== 'word')) return false;
  const w = tokens[at].lower;
  const plural = head.lower.endsWith('s');
  // The verb agrees with its subject: the base form after a plural, the -s form after "staff".
  if (plural ? w.endsWith('s') : !/[^s]s$/.test(w)) return false;
  const base = plural ? w : presentBase(w);
  if (
    COPULAS.has(w) ||
    MODALS.has(w) ||
    PHRASE_STOPS.has(w) ||
    DETERMINERS.has(w) ||
    TASK_LEXICON.standalone.has(TASK_LEXICON.forms.get(w) ?? '') ||
    TASK_LEXICON.standalone.has(TASK_LEXICON.forms.get(base) ?? '') ||
    CAPABILITY_VERBS.has(w) ||
    !/^\p{Ll}{2,}$/u.test(w)
  )
    return false;
  const next = tokens[at + 1];
  if (next?.kind !== 'word' || COPULAS.has(next.lower) || MODALS.has(next.lower)) return false;
  if (findQuantities(tokens.map((t) => t.text).join(' ')).length > 0) return false;
  // What they use is named: a thing delivered after a preposition ("through the integrated portal",
  // "in the new app"), its head an artefact.
  for (let k = at + 1; k < tokens.length - 1; k++) {
    if (!/^(through|via|in|on|using|with|from)$/.test(tokens[k].lower) || !/^(a|an|the|our|their|its)$/.test(tokens[k + 1].lower)) continue;
    const head = phraseWords(tokens, k + 2).words.at(-1)?.lower ?? '';
    if (ARTIFACT_NOUNS.has(head)) return true;
  }
  return false;
}

/**
 * What the complement after "is/are" reports, where its form decides: a finished state ("The
 * refactoring is complete", "Rust IPLD is feature complete", "is now live", "A slide deck is made
 * available"), how a thing is built ("The spec is path based"), or a thing it now is ("X is a usable
 * replacement for Y", "Okta is the only way into ..."): delivered. A place others give it ("is the
 * market leader", "is the go-to tool") or a judgement ("is a joy", "is a viable ...") is how people
 * take it. Undefined when the form says neither.
 */
function copulaComplement(tokens: readonly Token[], at: number): 'delivered' | 'experience' | undefined {
  let i = at;
  if (/^(now|fully|finally|already)$/.test(tokens[i]?.lower ?? '')) i++;
  const t = tokens[i];
  if (t?.kind !== 'word') return undefined;
  const after = tokens[i + 1];
  const closes = !after || after.kind === 'symbol' || PHRASE_STOPS.has(after.lower) || /^(rather|and|or)$/.test(after.lower);
  // "made available", "made public", "made the default": the causative of a delivered state.
  if (t.lower === 'made' && after && (DELIVERED_ADJECTIVES.has(after.lower) || STATE_WORDS.has(after.lower))) return 'delivered';
  if (t.lower === 'made' && /^(the|a)$/.test(after?.lower ?? '') && tokens[i + 2]?.lower === 'default') return 'delivered';
  if (i > at && (DELIVERED_ADJECTIVES.has(t.lower) || STATE_WORDS.has(t.lower))) return 'delivered';
  // "feature complete", "code complete"; "path based", "CRDT-based".
  if (/^(feature|code|spec)$/.test(t.lower) && after?.lower === 'complete') return 'delivered';
  if (/^\p{L}[\p{L}\p{N}]*-based$/u.test(t.lower) && closes && !judges(t)) return 'delivered';
  if (after?.lower === 'based' && !DETERMINERS.has(t.lower) && (tokens[i + 2] === undefined || !/^(on|in)$/.test(tokens[i + 2].lower)))
    return 'delivered';
  if (!DETERMINERS.has(t.lower) || /^(no|all|every|each|any|some)$/.test(t.lower)) return undefined;
  // A noun phrase: what it is now, unless a judgement or a standing among others.
  const phrase = phraseWords(tokens, i + 1).words;
  const head = phrase[phrase.length - 1];
  if (head?.kind !== 'word') return undefined;
  if (
    phrase.some((p) => judges(p) || STANDING.has(p.lower) || OUTCOME_OBJECTS.has(p.lower)) ||
    QUALITY_NOUNS.has(head.lower) ||
    PEOPLE.has(head.lower) ||
    OUTCOME_PEOPLE.has(head.lower) ||
    OUTCOME_METRICS.has(head.lower)
  )
    return 'experience';
  return 'delivered';
}

/** Words of a standing others give or a judgement after "is a/the": "the market leader", "a joy to use". */
const STANDING = new Set(
  `joy pleasure delight leader leaders leading go-to favorite favourite favourites favorites choice preferred standard
   benchmark priority success hit viable mature growing top best first advantage edge differentiator`
    .trim()
    .split(/\s+/),
);

/** Whether the clause from `from` compares ("in less time", "faster", "compared to the CLI") with no number. */
function comparesWithoutNumber(tokens: readonly Token[], from: number): boolean {
  if (findQuantities(tokens.map((t) => t.text).join(' ')).length > 0) return false;
  return tokens.some(
    (t, i) =>
      i >= from &&
      t.kind === 'word' &&
      // "learn more about": "more" before a preposition is no comparison.
      ((COMPARATIVE_AFTER.test(t.lower) && !(/^(more|less)$/.test(t.lower) && /^(about|of|on|in|to)$/.test(tokens[i + 1]?.lower ?? ''))) ||
        JUDGING.has(t.lower) ||
        (/^(compared|relative)$/.test(t.lower) && /^(to|with)$/.test(tokens[i + 1]?.lower ?? ''))),
  );
}

/**
 * Whether the clause from `from` compares with a reference and states no number: a comparative and,
 * after it, "than" ("a faster transaction time than those they replaced"), or "compared to/with".
 */
function comparesWithReference(tokens: readonly Token[], from: number): boolean {
  // The words are read first: most clauses compare nothing, and their quantities need not be found.
  let compares = false;
  for (let i = from; i < tokens.length && !compares; i++) {
    const w = tokens[i].lower;
    if (/^(compared|relative)$/.test(w) && /^(to|with)$/.test(tokens[i + 1]?.lower ?? '')) compares = true;
    else if (COMPARATIVE_AFTER.test(w) || COMPARATIVE_LEAD.test(w) || JUDGING.has(w)) {
      for (let k = i + 1; k < tokens.length && k <= i + 5 && tokens[k].kind !== 'symbol'; k++)
        if (tokens[k].lower === 'than') compares = true;
    }
  }
  return compares && findQuantities(tokens.map((t) => t.text).join(' ')).length === 0;
}

/** Whether a word is the -s form of a listed task verb: "publishes", "identifies", "ships". */
function thirdPersonOfTaskVerb(w: string): boolean {
  if (!/[^s]s$/.test(w)) return false;
  const bases = [w.slice(0, -1), /(?:sh|ch|x|z|ss)es$/.test(w) ? w.slice(0, -2) : '', w.endsWith('ies') ? `${w.slice(0, -3)}y` : ''];
  return bases.some((b) => b !== '' && TASK_LEXICON.standalone.has(b) && TASK_LEXICON.forms.get(b) === b);
}

/** Particles and prepositions that can open a verb's complement (besides the phrase stops). */
const PARTICLES = new Set([
  'up',
  'out',
  'down',
  'off',
  'over',
  'back',
  'about',
  'around',
  'toward',
  'towards',
  'among',
  'between',
  'against',
]);

/** -ed words that describe a state after "is/are" without reporting delivery ("is limited", "are satisfied"). */
const DESCRIPTIVE_ED_AFTER_BE = new Set([
  'limited',
  'satisfied',
  'delighted',
  'engaged',
  'motivated',
  'informed',
  'based',
  'needed',
  'expected',
  'interested',
  'excited',
  'confident',
  'aligned',
  'prepared',
  'reduced',
  'kept',
]);

/**
 * Whether the first word is a verb in the imperative, by its syntax: a word that is
 * followed by a determiner or a number ("Elevate 1 process", "Hire the team"), or
 * coordinated with another such word ("Amplify and celebrate 20 announcements"),
 * starts a clause, not a noun phrase.
 */
function imperativeAt(tokens: readonly Token[], lead: number, quantities: readonly Quantity[]): boolean {
  const first = tokens[lead];
  if (first?.kind !== 'word' || first.lower.includes('-') || (first.lower.endsWith('s') && !/(ss|us)$/.test(first.lower))) return false;
  const startsObject = (j: number) => {
    const t = tokens[j];
    if (!t) return false;
    if (DETERMINERS.has(t.lower) && t.lower !== 'no') return true;
    // A number, but not a version: "stable 1.0 version released".
    return quantities.some((q) => t.start === q.start) && !/^\d+\.\d+$/.test(t.text);
  };
  if (startsObject(lead + 1)) return true;
  // "Watch at least one talk per week": a bound before the number.
  if (tokens[lead + 1]?.lower === 'at' && tokens[lead + 2]?.lower === 'least' && startsObject(lead + 3)) return true;
  return tokens[lead + 1]?.lower === 'and' && tokens[lead + 2]?.kind === 'word' && startsObject(lead + 3);
}

/**
 * Whether a verb in the imperative ("Participate", "Collaborate", "Share ... through") has, in a
 * prepositional complement within its clause, a number that counts work items: "in at least 2
 * initiatives", "on 1 project", "through 2 internal workshops". The first word must have a verb's form
 * (no -s, -ed, -ing, -ly, no noun suffix), as imperativeByForm reads it.
 */
function countsWorkInComplement(tokens: readonly Token[], lead: number, quantities: readonly Quantity[]): boolean {
  const first = tokens[lead];
  if (first?.kind !== 'word' || quantities.length === 0 || !/^\p{Lu}?\p{Ll}{3,}$/u.test(first.text)) return false;
  const w = first.lower;
  if (
    DETERMINERS.has(w) ||
    PHRASE_STOPS.has(w) ||
    PEOPLE.has(w) ||
    OUTCOME_METRICS.has(w) ||
    QUALITY_NOUNS.has(w) ||
    /(?:s|ed|ing|ly|tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|hood|dom|ics|ful|ous|ive|able|ible|al|er|or)$/.test(w)
  )
    return false;
  for (let k = lead + 1; k < tokens.length - 1 && k <= lead + 8; k++) {
    if (tokens[k].kind === 'symbol') return false;
    if (!/^(in|on|through|at|across|via|during)$/.test(tokens[k].lower)) continue;
    let j = k + 1;
    if (/^(at|up)$/.test(tokens[j]?.lower ?? '') && /^(least|to)$/.test(tokens[j + 1]?.lower ?? '')) j += 2;
    if (quantities.some((q) => q.start === tokens[j]?.start)) return countsWorkItems(tokens, quantities, j, 0);
  }
  return false;
}

/**
 * "Increase snippet collection to 650 snippets", "Have a total of 45 blog posts published": a total of
 * the team's own content reached or held counts the work, as "Publish 45 posts" does. Not people or
 * results ("Grow the newsletter to 5,000 subscribers"), a share, or a rate ("to 4 posts per month").
 */
function ownContentTotal(
  tokens: readonly Token[],
  lead: number,
  quantities: readonly Quantity[],
): { count: Token; noun: Token } | undefined {
  const w = tokens[lead]?.lower ?? '';
  let at = -1;
  if (/^(increase|increases|grow|grows|expand|expands)$/.test(w)) at = tokens.findIndex((t, i) => i > lead && t.lower === 'to') + 1;
  else if (/^(have|has)$/.test(w)) {
    at = lead + 1;
    if (tokens[at]?.lower === 'a' && tokens[at + 1]?.lower === 'total' && tokens[at + 2]?.lower === 'of') at += 3;
  }
  const q = at > 0 ? quantities.find((x) => x.start === tokens[at]?.start) : undefined;
  if (!q || /[%/]/.test(q.text)) return undefined;
  const { words, stop } = phraseWords(tokens, at + 1);
  if (stop?.kind === 'word') return undefined;
  const noun = words.map((t) => WORK_NOUNS.has(t.lower)).lastIndexOf(true);
  // The content, then at most a participle of its delivery: "45 blog posts published".
  if (noun < 0 || words.slice(noun + 1).some((t) => !/\p{L}{3,}ed$/u.test(t.lower))) return undefined;
  return { count: tokens[at], noun: words[noun] };
}

/**
 * "Understand how nutrition impacts my health", "Understand the biology of my condition": knowledge
 * to gain, an unmeasured outcome with nothing to ship. Not "Understand sharing a node across origins"
 * or "Understand ways of leveraging X" (an approach to investigate, whose finding is the deliverable),
 * nor "Understand how to deploy X" (know-how, learnt by doing the work).
 */
function gainsKnowledge(tokens: readonly Token[], lead: number): boolean {
  if (!/^(understand|understands)$/.test(tokens[lead]?.lower ?? '')) return false;
  const next = tokens[lead + 1];
  if (next?.kind !== 'word') return false;
  if (/^(how|why|what|where|when|which|who|whether)$/.test(next.lower)) return tokens[lead + 2]?.lower !== 'to';
  return (
    /^(the|our|my|their|your|its)$/.test(next.lower) &&
    !/^(ways?|options?|approach(es)?|alternatives?)$/.test(tokens[lead + 2]?.lower ?? '')
  );
}

/**
 * Why a key result reads as a milestone (a deliverable or a date) rather than a
 * measured outcome, if it does. Never one: a title that states a change from a
 * baseline ("from 20 to 8 minutes"), describes recurring work ("nightly"), or
 * leads with an outcome verb ("Reduce") or a comparative ("Faster"). A task verb
 * ("Ship", "Migrate"), or any verb in the imperative ("Elevate 1 process"), makes
 * one unless the title measures an outcome: a metric ("Launch NPS above 40"), a
 * duration, a rate or a comparison ("40% less JavaScript"); "Migrate 40 services"
 * and "Publish 5 posts a month" count the work, so they are one. Without a verb: a
 * deadline, a delivered state ("live", "migrated", "in production", "Peerpad runs on
 * Chrome", "Users can export reports"), a certificate, the name of a thing to build
 * ("Cost dashboards"), or `target: 1`. A subject that people take a certain way
 * ("Users understand how it works") is an outcome, if an unmeasured one.
 */
export function milestoneCue(title: string, numbers: KeyResultNumbers = {}, lexicon: VerbLexicon = TASK_LEXICON): MilestoneCue | undefined {
  title = title.slice(0, MAX_TITLE);
  const tokens = tokenize(title);
  const quantities = findQuantities(title, tokens);
  // An example in brackets illustrates the key result, it is not the key result: the clause before it
  // decides, unless the example gives a number, which states the measure ("(E.g. 50% of agenda items ...)").
  const example = exampleAt(tokens);
  if (example !== undefined) {
    if (quantities.some((q) => q.start >= tokens[example].start)) return undefined;
    return milestoneCue(title.slice(0, tokens[example].start), numbers, lexicon);
  }
  // "Put people over process": a preference between two goods cannot be delivered, nor checked.
  if (preferencePrinciple(tokens, leadIndex(tokens))) return undefined;
  if (statesBaseline(title, tokens, quantities)) return undefined;
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  if (!first) return undefined;
  // A count of how often one's own activity is repeated is a schedule of the work, as a count of
  // posts is: "Lift weights 3 days/week", "Do a daily fast once per month" (the README's "3 times per week").
  const timed = BODILY_STATES.has(first.lower) ? undefined : timeOnSchedule(tokens, quantities);
  const repeated = repetitionCount(tokens, quantities) ?? distributiveSchedule(tokens, quantities) ?? countedPeriod(tokens) ?? timed;
  if (repeated !== undefined && ownRepetition(tokens, lead, repeated)) {
    return repeated === lead
      ? { kind: 'deliverable', words: title.slice(first.start, tokens[Math.min(repeated + 1, tokens.length - 1)].end) }
      : { kind: 'verb', words: first.text };
  }
  // "Finish a track every month": one thing made in every period is a count of the work, as "1 blog post a week".
  const once = oneEachPeriod(tokens, lexicon);
  if (once && !routineCue(title)) return { kind: 'verb', words: once.text };
  // Work that recurs with no number is standing work (kr-not-measurable's); a number with it counts
  // the work done on that schedule ("Publish 1 blog post every day"), read below.
  if (quantities.length === 0 && recursAsAdverb(title)) return undefined;
  // "0 PII violations in production", "Zero P1 incidents": a count held at zero is a measured absence.
  if (/^(0|zero)$/.test(first.lower) && tokens[lead + 1]?.kind === 'word') return undefined;
  // "No transactions accepted by our products have a fatal error": a standing absence is a count held at
  // zero too (kr-not-measurable's quantities read it so); a participle inside its subject delivers nothing.
  if (/^(no|none|nobody|nothing)$/.test(first.lower) && tokens[lead + 1]?.kind === 'word') return undefined;
  // "Our platforms hit the 'elite' level (as defined by DORA)", "Show up on first page of Google results":
  // a level or rank on an outside reference, reached, is checkable against it: no deliverable.
  if (reachesReferenceLevel(tokens, lead)) return undefined;
  // A time limit in releases or sprints on handling what comes in ("Fix all new P1 bug reports within
  // one release") measures the routine work as "within 7 days" does: routine-work's, not a deliverable.
  if (limitInCycles(tokens, quantities) && routineCue(title)) return undefined;

  // "Understand the biology of my health condition": knowledge gained is an unmeasured outcome
  // (kr-not-measurable's), no deliverable to ship; an objective so worded is still a task.
  if (quantities.length === 0 && gainsKnowledge(tokens, lead)) return undefined;
  // A total of own content reached or held ("Increase snippet collection to 650 snippets") counts the work.
  const content = ownContentTotal(tokens, lead, quantities);
  if (content && !measuresOutcome(tokens, quantities))
    return { kind: 'deliverable', words: title.slice(content.count.start, content.noun.end) };
  // A verb outside the lexicon, known by its form, when no number is there to weigh (those go below).
  const verb = leadingTaskVerb(tokens, lexicon, quantities.length === 0);
  if (verb)
    return measuresOutcome(tokens, quantities, verb.next, verb.base) || cutsToZero(tokens, verb.next)
      ? undefined
      : { kind: 'verb', words: verb.text };
  // "There is a public roadmap", "There are at least 10 builders": an existential clause; what
  // follows the copula is its subject, and it exists. A thing that exists was delivered unless a
  // number measures it ("at least 10 builders": people, an outcome).
  const existential = existentialSubject(tokens, lead);
  if (existential !== undefined) {
    if (quantities.length === 0) return { kind: 'state', words: title.slice(first.start, existential.end) };
    return countsWorkItems(tokens, quantities, existential.at)
      ? { kind: 'state', words: title.slice(first.start, existential.end) }
      : undefined;
  }
  if (CERTIFICATION_VERBS.has(first.lower)) {
    const noun = quantities.length === 0 ? tokens.find((t) => CERTIFICATION_NOUNS.has(t.lower)) : undefined;
    if (noun) return { kind: 'certification', words: noun.text };
  }
  // "Have proper JSON serialization", "Get some feedback": holding a thing, with no number that
  // measures it, is a state the work delivers.
  const held = quantities.length === 0 ? heldThing(tokens, lead) : undefined;
  if (held) return { kind: 'state', words: title.slice(first.start, held.end) };
  if (CERTIFICATION_VERBS.has(first.lower)) return undefined;
  // "Hold bi-weekly 1:1 meetings", "Hold 4 design workshops": holding an event is doing the work, not
  // holding a level ("Hold churn below 2%").
  // A rule for each occurrence ("Hold a retro after each incident") is standing work, read below.
  if (
    /^(hold|holds)$/.test(first.lower) &&
    holdsEvent(tokens, lead) &&
    !tokens.some((t, i) => /^(for|after)$/.test(t.lower) && /^(every|each)$/.test(tokens[i + 1]?.lower ?? '')) &&
    !measuresOutcome(tokens, quantities, lead + 1)
  )
    return { kind: 'verb', words: first.text };
  // "Resolve all memory leak issues", "Triage and address P2s": fixing or triaging defects with no
  // number is work to do (and routine-work's), not the outcome "resolve" names in "Resolve 90% of tickets".
  if (quantities.length === 0 && /^(resolve|close|triage)$/.test(first.lower)) {
    const routine = routineCue(title);
    if (routine === 'bug fixing' || routine === 'triage') return { kind: 'verb', words: first.text };
  }
  // "Reduce technical debt by refactoring at least 3 critical components": when the only number counts the
  // work items of the means, the outcome is unmeasured and the number counts the work (the README's blind10 call).
  const means = OUTCOME_VERBS.has(first.lower) ? countedMeans(tokens, lead, quantities) : undefined;
  if (means) return { kind: 'verb', words: means.text };
  if (OUTCOME_VERBS.has(first.lower) || COMPARATIVE_LEAD.test(first.lower)) return undefined;
  // Any other verb in the imperative names work too: "Elevate 1 process", "Amplify and celebrate 20 announcements".
  // A built-in verb a team chose to ignore (`ignoreVerbs`) stays ignored.
  // Its number has to count work items, though: "Sign 25 merchants" and "Cover 100% of shifts" measure results.
  if (onboardsStaff(tokens, lead, quantities) && !sharesClauseWithOutcome(tokens, lead + 1)) return { kind: 'verb', words: first.text };
  // "Participate in at least 2 cross-team initiatives", "Share knowledge through 2 internal workshops": a
  // verb whose complement counts work items counts the doer's own work, as "Hold 4 workshops" does.
  if (
    !TASK_LEXICON.forms.has(first.lower) &&
    countsWorkInComplement(tokens, lead, quantities) &&
    !sharesClauseWithOutcome(tokens, lead + 1) &&
    !measuresOutcome(tokens, quantities, lead + 1)
  )
    return { kind: 'verb', words: first.text };
  if (!TASK_LEXICON.forms.has(first.lower) && imperativeAt(tokens, lead, quantities) && !sharesClauseWithOutcome(tokens, lead + 1)) {
    return countsDoneThings(tokens, quantities, lead + 1) && !measuresOutcome(tokens, quantities, lead + 1, first.lower)
      ? { kind: 'verb', words: first.text }
      : undefined;
  }
  // "80% of services are migrated to Kubernetes", "Ensure that more than 60% of financial changes are recorded":
  // a share of the team's own work items reported done by a task verb counts the work, as "Migrate 40 of
  // 55 services" does; not a share of people or teams, nor one held within a time ("within 24 hours").
  const shareDone = shareOfWorkDone(tokens, lead, quantities, lexicon);
  if (shareDone && !measuresOutcome(tokens, quantities)) return { kind: 'state', words: shareDone.text };
  // "100% of functions have career frameworks", "9/10 of teams use it": a share of a population is measured.
  if (quantities.some((q) => q.start === first.start && /[%/]/.test(q.text)) && tokens[lead + 1]?.lower === 'of') return undefined;
  // "5 people have tested the bot": a count of people doing something measures how many did.
  if (countsPeopleAtLead(tokens, lead, quantities)) return undefined;
  // "3+ channel integrations live", "100+ test recommendations generated": a count whose noun is
  // reported delivered counts the work, unless it counts people ("500 users onboarded").
  const countedDelivery = deliveredCount(tokens, lead, quantities, lexicon);
  if (countedDelivery) return { kind: 'state', words: title.slice(first.start, countedDelivery.end) };
  // A verbless count of work items: "4 speaking engagements", "12 blog posts", "3 payment service deployments".
  const counted = countedHead(tokens, lead, quantities);
  if (
    counted &&
    !OUTCOME_METRICS.has(counted.head.lower) &&
    !counted.judged &&
    (WORK_NOUNS.has(counted.head.lower) || namesWork(counted.head.lower)) &&
    counted.closes
  )
    return { kind: 'deliverable', words: title.slice(first.start, counted.head.end) };
  // A count the doer repeats each day ("20 pushups each day"): a schedule of one's own activity, as
  // "Bike to work 3 times per week"; not people or a measure counted daily ("500 signups each day").
  if (
    counted?.repeats &&
    !counted.judged &&
    !OUTCOME_METRICS.has(counted.head.lower) &&
    !OUTCOME_METRICS.has(`${counted.head.lower}s`) &&
    !wonResult(counted.head.lower) &&
    !TIME_UNITS.has(counted.head.lower) &&
    !AMOUNT_UNITS.has(counted.head.lower) &&
    !HAPPENINGS.has(counted.head.lower)
  )
    return { kind: 'deliverable', words: title.slice(first.start, counted.head.end) };
  // A subject doing counted work: "Members speak on our initiatives at 10 conferences".
  const predicate = subjectPredicate(tokens, lead);
  if (predicate?.kind === 'delivered' && countsWorkItems(tokens, quantities, tokens.indexOf(predicate.verb) + 1, 8))
    return { kind: 'state', words: predicate.verb.text };
  const measured = measuresOutcome(tokens, quantities);
  if (measured) return undefined;
  // Verbless: "Data lake GA by 2026-12-01", "Feature store in production", "SSO enabled for all apps".
  const deadline = findDeadline(title);
  if (deadline) return { kind: 'deadline', words: deadline.text.trim() };
  if (predicate?.kind === 'experience') return undefined;
  // "Every issue on the board gets triaged": a habitual passive after the subject is a standing rule.
  if (tokens.some((t, i) => i > lead && /^gets?$/.test(t.lower) && /^\p{L}{3,}(ed|en)$/u.test(tokens[i + 1]?.lower ?? '')))
    return undefined;
  if (predicate && quantities.length === 0) return { kind: 'state', words: predicate.verb.text };
  const state = deliveredParticiple(tokens, lead, lexicon, quantities.length === 0);
  if (state) return { kind: 'state', words: state.text };
  const capability = quantities.length === 0 ? capabilityAdjective(tokens, lead) : undefined;
  if (capability) return { kind: 'state', words: capability.text };
  const phrase = STATE_PHRASES.exec(title.toLowerCase());
  if (phrase) return { kind: 'state', words: title.slice(phrase.index, phrase.index + phrase[0].length) };
  // A verbless name of a thing to build: "Cost dashboards for every team", "Server-side rendering".
  const artifact = quantities.length === 0 ? deliverableHead(tokens, lead) : undefined;
  if (artifact) return { kind: 'deliverable', words: artifact.text };
  const named = quantities.length === 0 && numbers.target === undefined ? namedThing(title, tokens, lead) : undefined;
  if (named) return { kind: 'deliverable', words: named.text };
  if (
    quantities.length === 0 &&
    numbers.target === 1 &&
    (numbers.start === undefined || numbers.start === 0) &&
    (numbers.unit === undefined || BINARY_UNITS.test(numbers.unit.trim()))
  ) {
    return { kind: 'binary-target', words: 'target: 1' };
  }
  return undefined;
}

/**
 * The participle that reports a share of work items done: "<N%> of <items> are|were|get <participle>",
 * also after "Ensure (that)" and a bound ("more than", "at least"). The items are no people, teams or
 * outcome measures; the participle is a listed task verb's.
 */
function shareOfWorkDone(tokens: readonly Token[], lead: number, quantities: readonly Quantity[], lexicon: VerbLexicon): Token | undefined {
  let at = lead;
  if (/^(ensure|ensures)$/.test(tokens[at]?.lower ?? '')) at++;
  if (tokens[at]?.lower === 'that') at++;
  if (/^(more|less|fewer)$/.test(tokens[at]?.lower ?? '') && tokens[at + 1]?.lower === 'than') at += 2;
  else if (/^(at)$/.test(tokens[at]?.lower ?? '') && /^(least|most)$/.test(tokens[at + 1]?.lower ?? '')) at += 2;
  const q = quantities.find((x) => x.start === tokens[at]?.start);
  if (!q?.text.endsWith('%') || tokens[at + 1]?.lower !== 'of') return undefined;
  const { words, stop } = phraseWords(tokens, at + 2);
  const content = words.filter((t) => !DETERMINERS.has(t.lower));
  const head = content.at(-1);
  if (head?.kind !== 'word' || wonResult(head.lower) || PEOPLE.has(head.lower) || OUTCOME_METRICS.has(head.lower)) return undefined;
  const done = (t: Token | undefined) =>
    t?.kind === 'word' &&
    (lexicon.participles.has(t.lower) ||
      (/^\p{L}{3,}ed$/u.test(t.lower) && !DESCRIPTIVE_ED.has(t.lower) && !DESCRIPTIVE_ED_AFTER_BE.has(t.lower))) &&
    !OUTCOME_PARTICIPLES.has(t.lower) &&
    !EXPERIENCE_PARTICIPLES.has(t.lower);
  // Reported with its copula ("are migrated"); a bare participle after the items may name who did it
  // ("100% of production services registered in the developer portal": the services' owners).
  const k = stop ? tokens.indexOf(stop) : -1;
  if (k < 0 || !/^(are|were|is|get|gets)$/.test(tokens[k].lower)) return undefined;
  return done(tokens[k + 1]) ? tokens[k + 1] : undefined;
}

/**
 * The gerund of a means ("by refactoring", "through publishing") whose direct object's count is every
 * number of the title and counts work items: "Reduce technical debt by refactoring at least 3 critical
 * components". Not a means with a measured effect, nor a number elsewhere ("Reduce churn by 5% by calling ...").
 */
function countedMeans(tokens: readonly Token[], lead: number, quantities: readonly Quantity[]): Token | undefined {
  for (let i = lead + 2; i < tokens.length - 1; i++) {
    if (!/^(by|through)$/.test(tokens[i].lower)) continue;
    const gerund = tokens[i + 1];
    if (gerund.kind !== 'word' || !/^\p{L}{3,}ing$/u.test(gerund.lower)) return undefined;
    let j = i + 2;
    if (tokens[j]?.lower === 'at' && /^(least|most)$/.test(tokens[j + 1]?.lower ?? '')) j += 2;
    const q = quantities.find((x) => x.start === tokens[j]?.start);
    if (!q || quantities.some((x) => x !== q) || /[%/]/.test(q.text)) return undefined;
    return countsWorkItems(tokens, quantities, j, 0) ? gerund : undefined;
  }
  return undefined;
}

/** Verbs of reaching a level. */
const REACHING = /^(hit|hits|reach|reaches|attain|attains|achieve|achieves)$/;
/** Heads that name a level on a scale someone else defines. */
const LEVEL_HEADS = /^(level|levels|tier|tiers|status|grade|rank|ranking|rankings|band|league)$/;

/**
 * Whether the title reaches a level defined outside it: a verb of reaching whose object's head is a
 * level ("hit the elite level", "reach gold tier"), or the first page of a reference's results ("Show up
 * on first page of Google results").
 */
function reachesReferenceLevel(tokens: readonly Token[], lead: number): boolean {
  for (let i = lead; i < tokens.length - 1 && i <= lead + 6; i++) {
    const w = tokens[i].lower;
    if (REACHING.test(w)) {
      const head = phraseWords(tokens, i + 1).words.at(-1)?.lower ?? '';
      if (LEVEL_HEADS.test(head)) return true;
    }
    if (/^(first|top|front)$/.test(w) && tokens[i + 1].lower === 'page' && tokens[i + 2]?.lower === 'of') return true;
  }
  return false;
}

/** Where an example in brackets starts: "(E.g. ...", "(e.g., ...", "(for example ...", "(such as ...". */
function exampleAt(tokens: readonly Token[]): number | undefined {
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i].text !== '(') continue;
    const w = tokens[i + 1].lower;
    if (
      /^(e\.g|eg|e\.g\.)$/.test(w) ||
      (w === 'for' && tokens[i + 2]?.lower === 'example') ||
      (w === 'such' && tokens[i + 2]?.lower === 'as')
    )
      return i;
  }
  return undefined;
}

/** Verbs that rank one thing above another: "Put people over process", "Value outcomes over output". */
const RANKING_VERBS = new Set('put place value prefer favour favor choose prioritise prioritize'.split(' '));

/**
 * Whether a title states a preference between two things ("Put people over process", "Value
 * listening over speaking", "Choose simplicity over features"): a principle, a comparison with no
 * reference point, never delivered and not checkable without a number.
 */
function preferencePrinciple(tokens: readonly Token[], lead: number): boolean {
  if (!RANKING_VERBS.has(tokens[lead]?.lower ?? '')) return false;
  for (let i = lead + 2; i < tokens.length && i <= lead + 5; i++) {
    const w = tokens[i].lower;
    if (w === 'over' || (w === 'rather' && tokens[i + 1]?.lower === 'than') || (w === 'ahead' && tokens[i + 1]?.lower === 'of'))
      return tokens[i + 1]?.kind === 'word';
    if (tokens[i].kind !== 'word') return false;
  }
  return false;
}

/** Whether the object after "Hold" is an event the team runs: its head is a meeting, call, workshop... */
function holdsEvent(tokens: readonly Token[], lead: number): boolean {
  // The head closes the phrase, past names written with digits and symbols ("bi-weekly 1:1 meetings").
  let head = '';
  for (let i = lead + 1; i < tokens.length && i <= lead + 7 && !PHRASE_STOPS.has(tokens[i].lower); i++)
    if (tokens[i].kind === 'word') head = tokens[i].lower;
  return /^(meetings?|calls?|workshops?|events?|sessions?|meetups?|webinars?|hackathons?|retrospectives?|retros?|reviews?|town-?halls?|all-hands|offsites?|summits?|conferences?)$/.test(
    head,
  );
}

/** Outcome verbs that name a direction of change, not a task: "Improve onboarding", "Retain our top accounts". */
const CHANGE_VERBS = new Set(
  [...OUTCOME_VERBS, ...IMPROVING_VERBS].filter(
    (v) =>
      !/^(make|makes|making|become|becomes|becoming|be|is|are|hold|holds|reach|reaches|achieve|achieves|drive|drives|expand|expands|expanding|earn|earns|gain|gains|get|gets|secure|secures|detect|detects|resolve|resolves|serve|serves|acquire|acquires|activate|activates|automate|automates|automating|eliminate|eliminates)$/.test(
        v,
      ),
  ),
);

/** "Generate public interest", "Collect sign ups": a verb that wins people's interest or people, the phrase closing the title. */
function winsUnmeasured(tokens: readonly Token[], lead: number): boolean {
  const w = tokens[lead]?.lower ?? '';
  const { words, stop } = phraseWords(tokens, lead + 1);
  if (stop?.kind === 'word') return false;
  const head = words.at(-1)?.lower ?? '';
  const compound = `${words.at(-2)?.lower ?? ''}${head}`;
  if (RECEIVING_VERBS.has(w)) return OUTCOME_PEOPLE.has(head) || OUTCOME_PEOPLE.has(compound);
  return /^(generate|create|build|drive|earn|win)$/.test(w) && OUTCOME_OBJECTS.has(head);
}

/**
 * "Raise capital at a seed valuation", "Raise a seed round": raising money is a result investors give,
 * done or not, not a direction of change.
 */
function raisesMoney(tokens: readonly Token[], lead: number): boolean {
  if (!/^(raise|raises|raising)$/.test(tokens[lead]?.lower ?? '')) return false;
  const head = phraseWords(tokens, lead + 1).words.at(-1)?.lower ?? '';
  return /^(capital|funds|funding|money|round|seed|investment|financing|grant|grants)$/.test(head);
}

/** Whether a verb of trending after the subject says only where a measure goes: "trends in a positive direction", "moves upward". */
function statesDirection(tokens: readonly Token[], lead: number): boolean {
  for (let i = lead + 1; i < tokens.length - 1; i++) {
    if (!/^(trends?|trending|moves?|moving|heads?|heading)$/.test(tokens[i].lower)) continue;
    let k = i + 1;
    if (/^(upward|upwards|downward|downwards)$/.test(tokens[k].lower)) return true;
    if (tokens[k].lower !== 'in') return false;
    k++;
    if (/^(a|the)$/.test(tokens[k]?.lower ?? '')) k++;
    return /^(positive|upward|downward|negative|right|good)$/.test(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower === 'direction';
  }
  return false;
}

/** Comparatives and verbs of impression outside the comparative lists. */
const JUDGING = new Set(
  'friendlier easier happier healthier speedier tidier sturdier handier lighter leaner nicer calmer kinder feel feels'.split(' '),
);

/** A word that judges or compares: "friendlier", "easier to use", "feel faster", "world-class". */
function judges(t: Token): boolean {
  return (
    t.kind === 'word' &&
    (COMPARATIVE_LEAD.test(t.lower) || COMPARATIVE_AFTER.test(t.lower) || EVALUATIVE.has(t.lower) || JUDGING.has(t.lower))
  );
}

/**
 * Whether a key result without a number reads as an unmeasured outcome or as standing work,
 * the two things kr-not-measurable is about: a direction of change ("Improve onboarding",
 * "Simplified and improved UX"), a judgement ("Make the docs friendlier", "Better internal
 * tools", "Get more people to buy"), how people take something ("Users understand ...",
 * "X is used by every team"), or work that recurs ("Reindex nightly", "for every SEV-1",
 * "within SLA"). A title that reads as none of these is most often a deliverable the
 * milestone analysis did not recognise ("IPFS Mount", "Renegotiate supplier contracts"):
 * saying "no number" there would be the wrong advice, so the rule stays silent.
 */
export function readsAsUnmeasuredOutcome(title: string): boolean {
  title = title.slice(0, MAX_TITLE);
  const tokens = tokenize(title);
  // The clause before an example in brackets is what is judged (see milestoneCue).
  const example = exampleAt(tokens);
  if (example !== undefined) return readsAsUnmeasuredOutcome(title.slice(0, tokens[example].start));
  const lead = leadIndex(tokens);
  if (preferencePrinciple(tokens, lead)) return true;
  const first = tokens[lead];
  if (first?.kind !== 'word') return false;
  const w = first.lower;
  // "Maintain an above average diversity percentage": a level held by comparison is a guardrail.
  if (/^(maintain|maintains|sustain|sustains|hold|holds|keep|keeps)$/.test(w) && holdsLevel(tokens, lead + 1, true)) return false;
  if (
    (CHANGE_VERBS.has(w) && !raisesMoney(tokens, lead)) ||
    (OUTCOME_PARTICIPLES.has(w) &&
      !/^(made|become|been|held|reached|achieved|driven|expanded|earned|gained|got|gotten|secured|detected|resolved|served|acquired|activated)$/.test(
        w,
      ))
  )
    return true;
  if (judges(first)) return true;
  if (gainsKnowledge(tokens, lead)) return true;
  // "Make the warehouse easier to use", "Get more people to buy our product": a judgement in the clause.
  if (/^(make|makes|get|gets|keep|keeps)$/.test(w) && tokens.slice(lead + 1, lead + 8).some(judges)) return true;
  if (subjectPredicate(tokens, lead)?.kind === 'experience') return true;
  // "Platform user happiness trends in positive direction": a direction stated for a measure, with no
  // number to say how far (a trend alone, as "Sustain an upward trend" is).
  if (statesDirection(tokens, lead)) return true;
  // "find the right balance between maintenance and new content": a balance between two things, with no
  // number, is a judgement nobody can check (routine-work leaves it: it weighs the routine, it is none).
  if (tokens.some((t, i) => t.lower === 'balance' && /^(between|of)$/.test(tokens[i + 1]?.lower ?? ''))) return true;
  // "Generate public interest", "Collect sign ups": an outcome in people (their interest, trust, their
  // signing up) won by the work, with no number to say how much.
  if (winsUnmeasured(tokens, lead)) return true;
  // "Mindless Project Consistency", "Model freshness": a heading whose head is a quality names no change to check.
  const heading = phraseWords(tokens, lead);
  const head = heading.words.at(-1);
  if (
    heading.stop === undefined &&
    head !== undefined &&
    heading.words.every((t) => t.kind === 'word') &&
    !TASK_LEXICON.forms.has(w) &&
    !EFFECT_VERBS.has(w) &&
    namesQuality(head)
  )
    return true;
  if (recursAsAdverb(title) || routineCue(title) !== undefined) return true;
  // "Some form of regular cardio": "regular" says the work recurs but not how often, standing work.
  // "Eat from the garden regularly" too.
  if (tokens.some((t) => t.lower === 'regular' || t.lower === 'regularly') && findQuantities(title, tokens).length === 0) return true;
  return tokens.some(
    (t, i) =>
      /^(within|sla|slas|slo|slos)$/.test(t.lower) || (/^(for|after)$/.test(t.lower) && /^(every|each)$/.test(tokens[i + 1]?.lower ?? '')),
  );
}
