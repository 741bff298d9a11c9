// Quantities, deadlines and baselines: what a title measures, and from where.

import {
  DATE_ANYWHERE,
  DEADLINE,
  FREQUENCY_ADVERB_PATTERN,
  MULTIPLIERS,
  ONE_BEFORE,
  OUTCOME_METRICS,
  PERIODS,
  PHRASE_STOPS,
  SCALE_OR_UNIT,
  SMALL_NUMBERS,
  TIME_UNITS,
  UNIT_SUFFIXES,
  VERSION_WORDS,
  YEAR_NOUNS,
  ZERO_NAMES,
} from './lexicon';
import { MAX_TITLE, tokenize, type Token } from './tokens';
import { set } from './word-forms';

/** A number over a number ("9/10") or over a period ("15/month", "3x/week", "2/quarter"). */
const SLASH_QUANTITY =
  /^[$€£¥]?\d+(?:[.,]\d+)?(?:x|%|k)?\+?\/(?:\d+(?:[.,]\d+)?|(?:day|week|wk|month|mo|quarter|qtr|q|year|yr|hour|hr|h|sprint|release|night|person|user|engineer|team|sec|s|min)s?)$/;

export interface Quantity {
  /** The words that make the quantity, as written ("20%", "two hundred", "in half"). */
  text: string;
  start: number;
  end: number;
}

function isYear(t: Token, next: Token | undefined): boolean {
  if (!/^(19|20)\d\d$/.test(t.text)) return false;
  return !(next?.kind === 'word' && next.lower.endsWith('s') && !YEAR_NOUNS.has(next.lower));
}

function numberWordParts(lower: string): boolean {
  const parts = lower.split('-');
  if (parts.every((p) => SMALL_NUMBERS.has(p) || p === 'one' || p === 'zero')) return true;
  // A number word joined to its unit: "one-sprint reduction", "six-week cycle", "two-day turnaround".
  const unit = parts[parts.length - 1];
  return (
    parts.length >= 2 && (TIME_UNITS.has(unit) || PERIODS.has(unit)) && parts.slice(0, -1).every((p) => SMALL_NUMBERS.has(p) || p === 'one')
  );
}

/**
 * The quantities a title states: numbers with their units, number words
 * ("twelve", "two hundred"), percentages and multipliers ("double", "in half").
 * Not quantities: dates and quarters ("by Oct 31", "Q3"), years, versions and
 * standards ("iOS 18", "SOC 2", "PCI DSS 4.0", "Postgres 13 to 16"), names with
 * digits ("P1", "S3", "3-D Secure", "24/7", "day-7", "3DS2") and ranks ("#1").
 */
export function findQuantities(title: string, tokens: readonly Token[] = tokenize(title.slice(0, MAX_TITLE))): readonly Quantity[] {
  const analysed = title.slice(0, MAX_TITLE);
  const known = quantitiesOfTokens.get(tokens);
  if (known?.text === analysed) return known.quantities;
  const quantities = quantitiesIn(title, analysed, tokens);
  quantitiesOfTokens.set(tokens, { text: analysed, quantities });
  return quantities;
}

// Several rules ask for the quantities of the same title (kr-is-milestone, kr-not-measurable,
// kr-no-baseline). The token arrays are shared per linted file (`withTokenCache`), so the
// quantities are kept beside them, as long as the file's tokens live: nothing outlives the file.
const quantitiesOfTokens = new WeakMap<readonly Token[], { text: string; quantities: readonly Quantity[] }>();

function quantitiesIn(title: string, analysed: string, tokens: readonly Token[]): readonly Quantity[] {
  const dateRanges: [number, number][] = [];
  // Every date DATE_ANYWHERE knows has a digit ("March 3", "Q3 2025", "week 12"): most titles need no scan.
  DATE_ANYWHERE.lastIndex = 0;
  if (/\d/.test(analysed))
    for (let m = DATE_ANYWHERE.exec(analysed); m !== null; m = DATE_ANYWHERE.exec(analysed))
      dateRanges.push([m.index, m.index + m[0].length]);
  const inDate = (t: Token) => dateRanges.some(([s, e]) => t.start >= s && t.end <= e);

  const out: Quantity[] = [];
  const versionAt = new Set<number>();
  const scale = gradingScale(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'number') {
      if (inDate(t) || scale.has(i)) continue;
      if (prev?.text === '#') continue;
      // "Postgres 13 to 16", "from iOS 17 to 18": a number after a version word, or after
      // "to"/"from"/"and" that follows another version, is a version too.
      const prevWord = prev?.lower;
      // "Secure 3 pilots": a verb at the head, not the "3-D Secure 2" standard.
      const versionWord =
        prevWord !== undefined && VERSION_WORDS.has(prevWord) && !(prevWord === 'secure' && !/^3-?d/.test(tokens[i - 2]?.lower ?? ''));
      if (
        prevWord &&
        (versionWord ||
          (/^(to|from|and|or|through)$/.test(prevWord) &&
            (versionAt.has(i - 2) || (tokens[i - 2] && VERSION_WORDS.has(tokens[i - 2].lower)))))
      ) {
        versionAt.add(i);
        continue;
      }
      if (/\d\.\d+\.\d/.test(t.text)) continue; // 1.2.3
      // "Bring Cadence 1.0 to market", "EVM 2.0 support": a decimal after a name (capitalised, not
      // the title's first word, not a metric) is the name's version.
      if (
        /^\d+\.\d+$/.test(t.text) &&
        prev?.kind === 'word' &&
        i > 1 &&
        /^\p{Lu}/u.test(prev.text) &&
        !OUTCOME_METRICS.has(prev.lower) &&
        !(next?.kind === 'word' && (TIME_UNITS.has(next.lower) || SCALE_OR_UNIT.has(next.lower)))
      )
        continue;
      if (versionBeforeNoun(t, prev, next)) continue;
      // "1:1 meetings": a one-on-one, a name; a ratio to measure has other terms ("LTV:CAC above 3:1").
      if (t.text === '1' && oneToOne(tokens, i)) continue;
      // "reporting 2022-2023", "the 2024/25 season": a span of years names a period, not an amount.
      if (YEAR_SPAN.test(t.text)) continue;
      if (t.text.includes('/')) {
        // "9/10", "4.5/5", "8/8": a fraction; "15/month", "3x/week": a rate. "24/7" is a name.
        if (SLASH_QUANTITY.test(t.lower) && t.lower !== '24/7') out.push({ text: t.text, start: t.start, end: t.end });
        continue;
      }
      if (/-\p{L}/u.test(t.text)) continue; // 3-D, 30-day
      // "2D canvas", "3D printing": a capital D after a small digit names dimensions, not days ("30d").
      if (/^[234]D$/.test(t.text)) continue;
      const suffix = /^[$€£¥]?[\d.,]+\s?(%|\p{L}[\p{L}\p{N}]*)?/u.exec(t.lower)?.[1];
      if (suffix !== undefined && !UNIT_SUFFIXES.has(suffix)) continue; // 3ds2, 2fa, 5g, 1st
      if (!suffix && !/^[$€£¥]/.test(t.text) && !t.text.includes(',') && isYear(t, next)) continue;
      out.push({ text: t.text, start: t.start, end: t.end });
      continue;
    }
    if (t.kind !== 'word') continue;
    const w = t.lower;
    if (SMALL_NUMBERS.has(w) || (w.includes('-') && numberWordParts(w))) {
      // Join "two hundred", "five thousand" into one quantity.
      let j = i;
      while (tokens[j + 1]?.kind === 'word' && (SMALL_NUMBERS.has(tokens[j + 1].lower) || tokens[j + 1].lower === 'and')) j++;
      if (tokens[j].lower === 'and') j--;
      out.push({ text: title.slice(t.start, tokens[j].end), start: t.start, end: tokens[j].end });
      i = j;
      continue;
    }
    if (w === 'one') {
      // "one" is a number in "within one day" or "from five to one", not in "one platform" or "no one".
      const counts =
        !next ||
        next.kind === 'symbol' ||
        (next.kind === 'word' && SCALE_OR_UNIT.has(next.lower)) ||
        (prev !== undefined && ONE_BEFORE.has(prev.lower));
      // "with a more scalable one", "the new one": after a determiner and its modifiers, "one" stands for a noun.
      const pronoun =
        prev?.kind === 'word' &&
        !ONE_BEFORE.has(prev.lower) &&
        !PHRASE_STOPS.has(prev.lower) &&
        [tokens[i - 1], tokens[i - 2], tokens[i - 3]].some(
          (b) => b !== undefined && /^(a|an|the|this|that|another|each|every)$/.test(b.lower),
        );
      if (counts && !pronoun && prev?.lower !== 'number' && prev?.lower !== 'no') out.push({ text: t.text, start: t.start, end: t.end });
      continue;
    }
    if (w === 'zero') {
      if (!(next && ZERO_NAMES.has(next.lower))) out.push({ text: t.text, start: t.start, end: t.end });
      continue;
    }
    if (MULTIPLIERS.has(w)) {
      if (next?.lower === 'down') continue; // "double down on"
      out.push({ text: t.text, start: t.start, end: t.end });
      continue;
    }
    if (w === 'half' && prev && (prev.lower === 'in' || prev.lower === 'by')) {
      out.push({ text: title.slice(prev.start, t.end), start: prev.start, end: t.end });
      continue;
    }
    // Fractions in words: "Half of the teams", "a third of users", "by a quarter".
    if (w === 'half' && next?.lower === 'of') {
      out.push({ text: t.text, start: t.start, end: t.end });
      continue;
    }
    if (/^(third|quarter|fifth|tenth)$/.test(w) && prev?.lower === 'a' && (next?.lower === 'of' || tokens[i - 2]?.lower === 'by')) {
      out.push({ text: title.slice(prev.start, t.end), start: prev.start, end: t.end });
    }
  }
  return out;
}

function oneToOne(tokens: readonly Token[], i: number): boolean {
  const joined = (a: number, b: number) => tokens[a]?.end !== undefined && tokens[a].end === tokens[b]?.start;
  const first = tokens[i + 1]?.text === ':' && tokens[i + 2]?.text === '1' && joined(i, i + 1) && joined(i + 1, i + 2);
  const second = tokens[i - 1]?.text === ':' && tokens[i - 2]?.text === '1' && joined(i - 1, i) && joined(i - 2, i - 1);
  return first || second;
}

/** Two years, or a year and the next one's last digits: "2022-2023", "2024/25". */
const YEAR_SPAN = /^(?:19|20)\d\d[-/](?:(?:19|20)\d\d|\d\d)$/;

/** Words after a decimal that make it an amount, not a version: "4.5 stars", "0.5 FTE". */
const AMOUNT_AFTER = set('star stars point points pt pts fte ftes kg lb km mile miles grade gpa multiple times');

/**
 * "finish the 0.1 language", "Launch the 2.0 release", "Migrate to the 2.0 API": a decimal
 * written as a version (a dot, no unit) right before a singular noun that is no unit, measure or
 * metric, and not after a word that sets a level ("to 4.5", "by 2.5", "a 4.5 rating"), names what
 * it qualifies. Plurals are counted ("1.5 million", "2.5 seconds").
 */
function versionBeforeNoun(t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (!/^\d{1,2}\.\d{1,2}$/.test(t.text) || next?.kind !== 'word') return false;
  // "7.5 hours/night": a unit written as a rate is judged by its unit.
  const w = rateUnit(next.lower);
  if (
    w.endsWith('s') ||
    PHRASE_STOPS.has(w) ||
    TIME_UNITS.has(w) ||
    SCALE_OR_UNIT.has(w) ||
    OUTCOME_METRICS.has(w) ||
    OUTCOME_METRICS.has(`${w}s`) ||
    AMOUNT_AFTER.has(w)
  )
    return false;
  return !(prev && (prev.kind !== 'word' || LEVEL_BEFORE.has(prev.lower)));
}
/** The unit of a word written as a rate over a period ("hours/night" -> "hours"); the word itself otherwise. */
export function rateUnit(w: string): string {
  const slash = w.indexOf('/');
  return slash > 0 && PERIODS.has(w.slice(slash + 1).replace(/s$/, '')) ? w.slice(0, slash) : w;
}

const LEVEL_BEFORE = set('a an to by from under below above over at of than about around nearly almost least most per with');

/**
 * The tokens of a grading scale in parentheses, "(0.0 → 1.0)", "(0–1)": how the key result will
 * be scored at the end of the period, not a quantity it states.
 */
function gradingScale(tokens: readonly Token[]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== '(') continue;
    const a = tokens[i + 1];
    if (/^0(?:\.0)?[-–]1(?:\.0)?$/.test(a.text) && tokens[i + 2].text === ')') at.add(i + 1);
    // A tally closing the title, done of planned: "Weekly date nights (13/13)" is scored, not measured.
    else if (i + 3 === tokens.length && tokens[i + 2].text === ')' && tallies(a.text)) at.add(i + 1);
    else if (
      /^0(?:\.0)?$/.test(a.text) &&
      /^(→|->|-|–|to)$/.test(tokens[i + 2].text) &&
      /^1(?:\.0)?$/.test(tokens[i + 3]?.text ?? '') &&
      tokens[i + 4]?.text === ')'
    ) {
      at.add(i + 1);
      at.add(i + 3);
    }
  }
  return at;
}

function tallies(text: string): boolean {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  return m !== null && Number(m[1]) <= Number(m[2]) && Number(m[2]) > 1;
}

/** The deadline a title names ("by March", "by the end of Q3", "by 2026-12-01"), if any. */
export function findDeadline(title: string): { text: string; start: number; end: number } | undefined {
  const m = DEADLINE.exec(title.slice(0, MAX_TITLE));
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}

const BASELINE_FILLERS = set("a an the baseline of today's today current currently about around roughly approximately ~ some its our");

/**
 * Whether a title states where the measure starts: "from twelve to three",
 * "from 2.1% to 3%", "up from 40", "40 -> 60", "(baseline: 40)", "currently 40".
 */
export function statesBaseline(
  title: string,
  tokens: readonly Token[] = tokenize(title.slice(0, MAX_TITLE)),
  quantities: readonly Quantity[] = findQuantities(title, tokens),
): boolean {
  // A change of frequency ("from weekly to daily") states one too; its pattern is read last, when
  // no quantity after "from" or around an arrow has settled it.
  if (quantities.length === 0) return statesFrequencyChange(title);
  const isQuantityAt = (i: number) =>
    tokens[i] !== undefined && quantities.some((q) => tokens[i].start >= q.start && tokens[i].end <= q.end);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (w === 'from' || w === 'baseline' || w === 'currently') {
      let j = i + 1;
      while (j < tokens.length && j <= i + 4 && (BASELINE_FILLERS.has(tokens[j].lower) || tokens[j].text === ':' || tokens[j].text === '('))
        j++;
      if (isQuantityAt(j)) return true;
    }
    if ((w === '→' || w === '->') && isQuantityAt(i - 1) && isQuantityAt(i + 1)) return true;
  }
  return statesFrequencyChange(title);
}

/** How often, in words or as a rate: "daily", "every sprint", "twice a week", "3x/week", "on demand". */
const FREQUENCY =
  `(?:hourly|bi-?weekly|${FREQUENCY_ADVERB_PATTERN}|on[- ]demand|continuously|` +
  '(?:once|twice|\\d+x?) (?:a|an|per|every) (?:day|week|month|quarter|sprint|release)|every (?:\\w+ )?(?:days?|weeks?|months?|quarters?|sprints?|releases?|commits?|merges?)|' +
  '\\d+(?:[.,]\\d+)?x?\\/(?:day|week|month|quarter|sprint))';
const FREQUENCY_CHANGE = new RegExp(`\\bfrom (?:about |around )?${FREQUENCY} to (?:at least )?${FREQUENCY}`, 'i');

/** Whether a title moves a frequency: "from weekly to daily", "from 3x/week to daily". */
export function statesFrequencyChange(title: string): boolean {
  return FREQUENCY_CHANGE.test(title.slice(0, MAX_TITLE));
}

/** Verbs whose object goes to zero: "Eliminate systems downtime" measures downtime against 0. */
const TO_ZERO = /^(?:eliminate|eliminates|eliminating|eradicate|eradicates|end|ends)$/;

/**
 * Whether a title states a measure without a number of its own: a change of
 * frequency ("from weekly to daily") or a cut to zero ("Eliminate systems downtime").
 */
export function impliesMeasure(title: string, tokens: readonly Token[] = tokenize(title.slice(0, MAX_TITLE))): boolean {
  if (statesFrequencyChange(title)) return true;
  const words = tokens.filter((t) => t.kind === 'word');
  const first = words[0];
  if (first === undefined || tokens.length < 2) return false;
  if (TO_ZERO.test(first.lower)) return true;
  // "Avoid eating anything left in the breakroom", "Prevent any regressions from reaching stable":
  // avoiding every case of something holds its count at zero, a guardrail.
  if (/^(avoid|prevent)$/.test(first.lower) && words.slice(1, 4).some((t) => /^(any|anything|all|every)$/.test(t.lower))) return true;
  // A standing absence is a count held at zero, a guardrail: "No one on the team experiences a
  // major injury", "None of the releases slips", "There are no open P1 bugs".
  if (ABSENCE.test(first.lower) && words.length > 1) return true;
  // A standing rule after its subject is kept or broken, a count of breaches held at zero:
  // "Deploys must not skip the canary stage", "Every PR should have two reviewers".
  if (words.slice(1).some((t) => STANDING_RULE.test(t.lower))) return true;
  const w = words.map((t) => t.lower);
  if (w[0] !== 'there') return false;
  const after = w[1] === 'will' && w[2] === 'be' ? w[3] : /^(is|are|were)$/.test(w[1] ?? '') ? w[2] : undefined;
  return after === 'no' || after === 'zero';
}

const ABSENCE = /^(?:no|none|nobody|nothing|never|zero)$/;
const STANDING_RULE = /^(?:must|should|shall|mustn't|shouldn't|cannot|can't|never)$/;
