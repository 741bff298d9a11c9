// How titles are phrased: the lexicon and heuristics behind the phrasing rules
// (objective-is-task, objective-has-metric, kr-is-milestone, kr-not-measurable,
// kr-no-baseline, routine-work, performance-review). Pure and linear in the title's
// length: every table and regular expression is built once, at module load.
//
// The guide these come from: objectives are qualitative outcomes, not tasks; key
// results are measurable ("Reduce P1 incidents from twelve to three per quarter"),
// not milestones ("Ship the new API by March").

// ---------------------------------------------------------------------------
// Tokens

/** Titles are analysed up to this length; anything longer is not a title a person wrote to be read. */
const MAX_TITLE = 500;
/** Descriptions, which performance-review also reads, up to this length. */
const MAX_DESCRIPTION = 4000;

export type TokenKind = 'word' | 'number' | 'symbol';

export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  kind: TokenKind;
  /** Offsets into the title, [start, end). */
  start: number;
  end: number;
}

// A number may carry a currency sign, digit groups ("1,200"), decimals, a unit
// suffix ("12s", "€40M", "10x", "99.9%") and hyphen/slash compounds ("3-D", "24/7",
// "30-day") that make it part of a name rather than a quantity.
const TOKEN_PATTERN =
  /([$€£¥]?\d+(?:[.,]\d+)*(?:\s?%|\p{L}[\p{L}\p{N}]*)?(?:[-/][\p{L}\p{N}]+)*\+?)|(\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)?(?:[-/.][\p{L}\p{N}]+)*)|([#:;,()&→–—]|->)/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let m = TOKEN_PATTERN.exec(text); m !== null; m = TOKEN_PATTERN.exec(text)) {
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'symbol';
    out.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Small helpers for word lists

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** American and British spellings of a word (`modernize` <-> `modernise`). */
function spellings(word: string): string[] {
  const out = [word];
  if (/iz(e|es|ed|ing|ation|ations)$/.test(word)) out.push(word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1'));
  if (/is(e|es|ed|ing|ation|ations)$/.test(word)) out.push(word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1'));
  return out;
}

const IRREGULAR_PAST: Record<string, string[]> = {
  build: ['built'],
  rebuild: ['rebuilt'],
  write: ['written', 'wrote'],
  rewrite: ['rewritten', 'rewrote'],
  run: ['ran', 'run'],
  set: ['set'],
  put: ['put'],
  split: ['split'],
  do: ['done', 'did'],
  hold: ['held'],
  shut: ['shut'],
  go: ['gone', 'went'],
  stand: ['stood'],
  spin: ['spun'],
  begin: ['begun', 'began'],
};

const VOWEL = /[aeiou]/;

/** The -ing and past forms of a verb. */
export function inflections(base: string): { gerund: string[]; past: string[] } {
  const gerund: string[] = [];
  const past: string[] = [...(IRREGULAR_PAST[base] ?? [])];
  const last = base.charAt(base.length - 1);
  // Consonant-vowel-consonant endings double the consonant (ship -> shipping); both forms are kept, harmlessly.
  const doubles = base.length >= 3 && !VOWEL.test(last) && !/[wxy]/.test(last) && VOWEL.test(base.charAt(base.length - 2)) && !VOWEL.test(base.charAt(base.length - 3));
  if (base.endsWith('ie')) gerund.push(`${base.slice(0, -2)}ying`);
  else if (base.endsWith('e') && !/(ee|ye|oe)$/.test(base)) gerund.push(`${base.slice(0, -1)}ing`);
  else gerund.push(`${base}ing`);
  if (doubles) gerund.push(`${base}${last}ing`);
  if (base.endsWith('e')) past.push(`${base}d`);
  else if (/[^aeiou]y$/.test(base)) past.push(`${base.slice(0, -1)}ied`);
  else past.push(`${base}ed`);
  if (doubles) past.push(`${base}${last}ed`);
  return { gerund, past };
}

export interface VerbLexicon {
  /** Surface form (base, -ing or past, either spelling) -> base form as listed. */
  forms: Map<string, string>;
  /** Past participles -> base form (for "Billing migrated to Go"). */
  participles: Map<string, string>;
  /** Base verbs listed with a particle ("roll out", "build out") -> the particles. */
  particles: Map<string, Set<string>>;
  /** Base verbs listed on their own ("build"); the others need their particle ("roll" needs "out"). */
  standalone: Set<string>;
}

/**
 * Builds a lexicon from verbs such as "migrate", "roll out", "set up". Third-person
 * forms are left out on purpose: a title that starts with "Releases" or "Builds"
 * starts with a plural noun ("Releases are boring"), not an instruction.
 */
export function buildVerbLexicon(verbs: readonly string[]): VerbLexicon {
  const lexicon: VerbLexicon = { forms: new Map(), participles: new Map(), particles: new Map(), standalone: new Set() };
  for (const raw of verbs) {
    const phrase = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (phrase === '') continue;
    const [head, ...rest] = phrase.split(' ');
    if (rest.length) {
      const p = lexicon.particles.get(head) ?? new Set<string>();
      p.add(rest.join(' '));
      lexicon.particles.set(head, p);
    } else {
      lexicon.standalone.add(head);
    }
    for (const spelling of spellings(head)) {
      const f = inflections(spelling);
      for (const w of [spelling, ...f.gerund, ...f.past]) if (!lexicon.forms.has(w)) lexicon.forms.set(w, head);
      for (const w of f.past) if (!lexicon.participles.has(w)) lexicon.participles.set(w, head);
    }
  }
  return lexicon;
}

// ---------------------------------------------------------------------------
// The lexicon

/**
 * Verbs that name work to be done rather than a result: "Migrate to Kubernetes",
 * "Implement SSO", "Roll out canary deploys". A verb with a particle is written
 * with it ("roll out"); the particle is then required.
 */
export const TASK_VERBS: readonly string[] = [
  'migrate', 'port', 'rewrite', 're-write', 'rebuild', 'build', 'build out', 'implement', 'complete', 'finish', 'finalize',
  'ship', 'launch', 'release', 'deliver', 'roll out', 'rollout', 'set up', 'setup', 'deploy', 'integrate', 'upgrade',
  'refactor', 'create', 'write', 'document', 'develop', 'design', 'redesign', 'introduce', 'add', 'install', 'configure',
  'replace', 'convert', 'consolidate', 'decommission', 'deprecate', 'sunset', 'retire', 'remove', 'delete', 're-architect',
  'rearchitect', 're-platform', 'replatform', 'revamp', 'overhaul', 'modernize', 'automate', 'standardize', 'centralize',
  'containerize', 'adopt', 'establish', 'publish', 'produce', 'prepare', 'draft', 'define', 'conduct', 'run', 'organize',
  'host', 'pilot', 'prototype', 'investigate', 'research', 'explore', 'evaluate', 'fix', 'enforce', 'ingest', 'stream',
  'shard', 'split', 'extract', 'merge', 'unify', 'localize', 'translate', 'pass', 'submit', 'encrypt', 'update', 'rename',
  'move', 'switch', 'offer', 'promote', 'train', 'enable', 'clean up', 'cleanup', 'kick off', 'spin up', 'stand up',
  'phase out', 'wrap up', 'go live', 'finish up', 'cut over', 'hand over', 'start', 'begin', 'close', 'clear',
  'provision', 'quantize', 'test', 'a/b test', 'turn off', 'turn on', 'switch off', 'switch on', 'shut down', 'roll back',
  'purchase', 'buy', 'procure', 'tidy', 'tidy up', 'sort out', 'notify', 'announce', 'communicate', 'send', 'email',
];

/**
 * Verbs that name a result: an objective or key result that starts with one of
 * them is an outcome ("Reduce", "Grow", "Make onboarding delightful"), whatever
 * nouns follow.
 */
const OUTCOME_VERBS = set(`
  reduce reduces reducing cut cuts cutting lower lowers lowering decrease decreases decreasing increase increases increasing
  grow grows growing improve improves improving raise raises raising boost boosts boosting accelerate accelerates
  speed speeds make makes making become becomes becoming be is are win wins winning delight delights keep keeps keeping
  maintain maintains sustain sustains hold holds protect protects strengthen strengthens simplify simplifies expand expands
  expanding scale scales scaling reach reaches achieve achieves drive drives double doubles doubling triple triples halve
  halves halving minimize minimise minimizes minimises maximize maximise eliminate eliminates shrink shrinks shorten
  shortens help helps empower empowers earn earns gain gains get gets secure secures provide provides attract retain
  retains recover recovers save saves lift lifts acquire acquires activate activates retain prevent prevents avoid avoids
  detect detects resolve resolves serve serves
`);

/** After a task verb these make it an outcome: "Ship with confidence", "Release weekly", "Move faster". */
const ADVERBIAL_NEXT = set(`
  faster quicker sooner more less safely safer reliably confidently continuously daily weekly hourly often frequently
  fearlessly independently with without anytime whenever on-demand better smarter fast quickly predictably painlessly
  reliable safe
`);

/** Nouns that a listed verb starts as a compound: "Design system adoption", "Build times from 20 to 8 minutes". */
const COMPOUND_NOUNS = new Map<string, ReadonlySet<string>>([
  ['design', set('system systems tokens token review reviews doc docs language quality debt')],
  ['build', set('time times queue queues cache caches failure failures minutes pipeline pipelines success reliability speed')],
  ['release', set('notes cadence frequency train process quality velocity')],
  ['deploy', set('frequency time times failures failure pipeline pipelines success lead')],
  ['test', set('coverage suite suites flakiness failures failure time times pass reliability')],
  ['launch', set('date readiness nps')],
  ['run', set('time times rate rates cost costs')],
  ['merge', set('queue queues time times conflicts')],
  ['setup', set('time times')],
  ['update', set('rate rates adoption')],
  ['start', set('time times')],
  ['train', set('time times')],
  ['stream', set('processing latency lag')],
  ['host', set('count counts')],
  ['document', set('quality')],
]);

/** Objects that make "Build/Establish/Deliver/Create ..." an outcome: "Build trust", "Establish a culture of ownership". */
const OUTCOME_OBJECTS = set(`
  trust confidence culture cultures reputation loyalty momentum credibility relationship relationships habit habits
  excellence awareness community love delight demand value engagement alignment ownership expertise resilience
  mastery visibility transparency clarity focus gap gaps loop loops
`);

/** People after "enable": "Enable teams to ship on their own" is an outcome, "Enable SSO" is not. */
const PEOPLE = set(`
  teams team engineers engineer developers developer customers customer users user merchants merchant everyone people
  analysts analyst us partners partner squads squad staff
`);

/** Nouns that make a verbless objective a task: "Kubernetes migration", "Billing rewrite in Go". */
const TASK_NOUNS = new Set(
  `migration implementation rewrite re-write rollout roll-out build-out buildout setup set-up upgrade refactor refactoring
   overhaul replatforming re-platforming decommissioning deprecation installation rebuild redesign integration launch
   release deployment consolidation modernization rearchitecture re-architecture project revamp`
    .trim()
    .split(/\s+/)
    .flatMap(spellings),
);

/** Words that end a noun phrase: its head is the word before. */
const PHRASE_STOPS = set(`
  to for of in on with across at by from into onto via and or so that which who than while without under over before after
  during through per within is are can will gets get has have stays stay feels feel becomes become never always
`);

/** Outcome metrics: a task verb measured against one of these is a result ("Launch NPS above 40"). */
const OUTCOME_METRICS = set(`
  nps csat ces score scores rate rates ratio share adoption conversion conversions retention churn latency uptime
  availability revenue arr mrr gmv volume margin margins cost costs spend users customers merchants signups sign-ups
  subscribers sessions crash-free errors error incidents satisfaction time mttr mttd throughput engagement
  activation dau wau mau traffic installs downloads rating ratings integrations requests seats visitors buyers
  deals win-rate utilization utilisation coverage accuracy precision recall
`);
const PERCENTILE = /^p\d{2,3}$/;

/** Delivered states, for key results without a verb: "Data lake GA", "Feature store in production". */
const STATE_WORDS = set('live ga available');
const STATE_PHRASES = /\b(generally available|in production|in prod|in place|up and running|in the (?:app|play) store)\b/;

/** "Achieve SOC 2 certification", "Pass the PCI DSS assessment": a certificate is delivered, not measured. */
const CERTIFICATION_VERBS = set('achieve obtain get earn gain secure attain receive complete pass become');
const CERTIFICATION_NOUNS = set(`
  certification certifications certificate certified compliance compliant accreditation accredited attestation audit
  audits assessment approval sign-off authorization authorisation
`);

/** Units that may follow a number directly ("12s", "€40M", "10x"); anything else ("3DS2", "5G", "2FA") is a name. */
const UNIT_SUFFIXES = set(`
  % k m mm b bn x s sec secs ms min mins h hr hrs d w gb mb tb kb pb gbps mbps rps qps tps pp bps pts
`);

/** Words after which a number is a name (version, level, standard, label): "SOC 2", "iOS 18", "Tier 1", "region 12". */
const VERSION_WORDS = set(`
  soc iso pci dss hipaa wcag tls ssl http oauth ipv python java node nodejs js ruby rails php go golang ios android
  macos windows ubuntu debian rhel centos postgres postgresql mysql mongodb redis kafka spark airflow elasticsearch
  opensearch kubernetes k8s terraform react angular vue next nextjs next.js node.js swift kotlin xcode gradle jdk scala dotnet
  .net django spring webpack es ecmascript chrome safari firefox gpt llama tier sev severity level phase part stage
  wave gen generation version v type step web secure priority class grade category room region zone floor building
  squad pod cluster shard cohort batch lane site office gate terminal
  chapter section rfc cve cwe article gdpr psd lts api sdk
`);

/** Number words; "one" and "zero" need context (see below). */
const SMALL_NUMBERS = set(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen
`);
const SCALE_OR_UNIT = set(`
  hundred thousand million billion trillion percent per day days hour hours minute minutes second seconds week weeks
  month months quarter quarters year years business working sprint sprints in
`);
const ONE_BEFORE = set('from than under below above within least most only just');
/** "zero trust" and "zero-day" are names, not targets. */
const ZERO_NAMES = set('trust day copy touch config configuration knowledge etl shot party sum based');
const MULTIPLIERS = set(`
  double doubled doubles doubling triple tripled triples tripling quadruple quadrupled halve halved halves halving
  twofold threefold fourfold fivefold tenfold hundredfold twice
`);
const YEAR_NOUNS = set('goals okrs objectives plans priorities roadmap roadmaps strategy budget budgets');

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const WHEN =
  `(?:(?:the\\s+)?(?:end|start|beginning|middle|close)\\s+of\\s+(?:the\\s+)?|mid[-\\s]|early\\s+|late\\s+)?` +
  `(?:(?:${MONTH})\\.?(?:\\s+${DAY})?(?:,?\\s+\\d{4})?|${DAY}\\s+(?:${MONTH})\\.?(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|` +
  `q[1-4](?:\\s*'?\\d{2,4})?|h[12](?:\\s*'?\\d{2,4})?|fy\\s?'?\\d{2,4}|eo[qmy]|(?:this|next|the)\\s+(?:quarter|half|year|month)|` +
  `(?:the\\s+)?(?:quarter|year|month|period)|(?:week|sprint)\\s+\\d{1,2}|(?:19|20)\\d{2})`;
/** A deadline: "by March", "by the end of Q3", "before 2026-12-01", "in Q1", "due Oct 31". */
const DEADLINE = new RegExp(`\\b(?:by|before|until|till|no later than|due|in|on|at)\\s+(?:the\\s+)?(?:${WHEN})(?![\\w-])`, 'i');
/** Dates anywhere, whose digits are never quantities: "Oct 31", "2026-12-01", "Q3 2026". */
const DATE_ANYWHERE = new RegExp(
  `\\b(?:(?:${MONTH})\\.?\\s+${DAY}(?:,?\\s+\\d{4})?|${DAY}\\s+(?:${MONTH})\\b(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|q[1-4]\\s*'?\\d{2,4}|h[12]\\s+\\d{4}|(?:week|sprint)\\s+\\d{1,2})\\b`,
  'gi',
);

// ---------------------------------------------------------------------------
// Quantities

export interface Quantity {
  /** The words that make the quantity, as written ("20%", "two hundred", "in half"). */
  text: string;
  start: number;
  end: number;
}

function isYear(t: Token, next: Token | undefined): boolean {
  if (!/^(19|20)\d\d$/.test(t.text)) return false;
  return !(next && next.kind === 'word' && next.lower.endsWith('s') && !YEAR_NOUNS.has(next.lower));
}

function numberWordParts(lower: string): boolean {
  return lower.split('-').every((p) => SMALL_NUMBERS.has(p) || p === 'one' || p === 'zero');
}

/**
 * The quantities a title states: numbers with their units, number words
 * ("twelve", "two hundred"), percentages and multipliers ("double", "in half").
 * Not quantities: dates and quarters ("by Oct 31", "Q3"), years, versions and
 * standards ("iOS 18", "SOC 2", "PCI DSS 4.0", "Postgres 13 to 16"), names with
 * digits ("P1", "S3", "3-D Secure", "24/7", "day-7", "3DS2") and ranks ("#1").
 */
export function findQuantities(title: string, tokens: readonly Token[] = tokenize(title.slice(0, MAX_TITLE))): Quantity[] {
  const dateRanges: [number, number][] = [];
  const analysed = title.slice(0, MAX_TITLE);
  DATE_ANYWHERE.lastIndex = 0;
  for (let m = DATE_ANYWHERE.exec(analysed); m !== null; m = DATE_ANYWHERE.exec(analysed)) dateRanges.push([m.index, m.index + m[0].length]);
  const inDate = (t: Token) => dateRanges.some(([s, e]) => t.start >= s && t.end <= e);

  const out: Quantity[] = [];
  const versionAt = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'number') {
      if (inDate(t)) continue;
      if (prev?.text === '#') continue;
      // "Postgres 13 to 16", "from iOS 17 to 18": a number after a version word, or after
      // "to"/"from"/"and" that follows another version, is a version too.
      const prevWord = prev?.lower;
      if (prevWord && (VERSION_WORDS.has(prevWord) || (/^(to|from|and|or|through)$/.test(prevWord) && (versionAt.has(i - 2) || (tokens[i - 2] && VERSION_WORDS.has(tokens[i - 2].lower)))))) {
        versionAt.add(i);
        continue;
      }
      if (/\d\.\d+\.\d/.test(t.text)) continue; // 1.2.3
      if (t.text.includes('/')) continue; // 24/7
      if (/-\p{L}/u.test(t.text)) continue; // 3-D, 30-day
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
      const counts = !next || next.kind === 'symbol' || (next.kind === 'word' && SCALE_OR_UNIT.has(next.lower)) || (prev !== undefined && ONE_BEFORE.has(prev.lower));
      if (counts && prev?.lower !== 'number' && prev?.lower !== 'no') out.push({ text: t.text, start: t.start, end: t.end });
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
    }
  }
  return out;
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
export function statesBaseline(title: string, tokens: readonly Token[] = tokenize(title.slice(0, MAX_TITLE)), quantities: readonly Quantity[] = findQuantities(title, tokens)): boolean {
  if (quantities.length === 0) return false;
  const isQuantityAt = (i: number) => tokens[i] !== undefined && quantities.some((q) => tokens[i].start >= q.start && tokens[i].end <= q.end);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (w === 'from' || w === 'baseline' || w === 'currently') {
      let j = i + 1;
      while (j < tokens.length && j <= i + 4 && (BASELINE_FILLERS.has(tokens[j].lower) || tokens[j].text === ':' || tokens[j].text === '(')) j++;
      if (isQuantityAt(j)) return true;
    }
    if ((w === '→' || w === '->') && isQuantityAt(i - 1) && isQuantityAt(i + 1)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Leading words

const LEAD_ADVERB = /^(successfully|fully|finally|completely|properly|officially|formally|also|then|first|quickly|actually)$/;

/**
 * The index of the first word that carries meaning: after a short label ("Q3:",
 * "Payouts:"), "We will", "To", "Let's" and adverbs such as "Successfully".
 */
export function leadIndex(tokens: readonly Token[]): number {
  let i = 0;
  // A label of up to three words before a colon: "Q3: Migrate search", "Payouts: fix bugs".
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon > 0 && colon <= 3 && colon < tokens.length - 1) i = colon + 1;
  let guard = 0;
  while (i < tokens.length && guard++ < 6) {
    const w = tokens[i].lower;
    if (tokens[i].kind === 'symbol' && tokens[i].text !== '#') i++;
    else if ((w === 'we' || w === "we'll" || w === 'our') && i + 1 < tokens.length && /^(will|shall|must|should|are|need|want|plan|aim|intend)$/.test(tokens[i + 1].lower)) i += 2;
    else if (w === "we'll" || w === "let's" || w === 'lets') i++;
    else if (w === 'let' && tokens[i + 1]?.lower === 'us') i += 2;
    else if ((w === 'going' || w === 'need' || w === 'plan' || w === 'aim' || w === 'intend' || w === 'want') && tokens[i + 1]?.lower === 'to') i += 2;
    else if (w === 'to' || w === 'will' || w === 'must' || w === 'should' || LEAD_ADVERB.test(w)) i++;
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
  if (!t || t.kind !== 'word') return undefined;
  const base = lexicon.forms.get(t.lower);
  if (base !== undefined) {
    const next = tokens[i + 1];
    const particles = lexicon.particles.get(base);
    if (particles && next && particles.has(next.lower)) return { base: `${base} ${next.lower}`, text: `${t.text} ${next.text}`, next: i + 2 };
    return lexicon.standalone.has(base) ? { base, text: t.text, next: i + 1 } : undefined;
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
function phraseWords(tokens: readonly Token[], from: number): { words: Token[]; stop: Token | undefined } {
  const words: Token[] = [];
  let i = from;
  for (; i < tokens.length && words.length < 8; i++) {
    if (tokens[i].kind === 'symbol' || PHRASE_STOPS.has(tokens[i].lower)) break;
    words.push(tokens[i]);
  }
  return { words, stop: tokens[i] };
}

/** Words that, right after a noun phrase, make the title a sentence about a state: "Every release is boring". */
const STATE_VERBS = set('is are can will gets get has have stays stay feels feel becomes become never always');

/** The verb leading a title when it names work (`migrate`), not an outcome ("Build trust", "Ship with confidence"). */
export function leadingTaskVerb(tokens: readonly Token[], lexicon: VerbLexicon = TASK_LEXICON): VerbMatch | undefined {
  const lead = leadIndex(tokens);
  const verb = matchVerb(tokens, lead, lexicon);
  if (!verb) return undefined;
  const next = tokens[verb.next];
  if (next && ADVERBIAL_NEXT.has(next.lower)) return undefined;
  // "Design system", "Build times", "Release notes": the verb is the first half of a noun.
  if (next && verb.next === lead + 1 && COMPOUND_NOUNS.get(verb.base)?.has(next.lower)) return undefined;
  const object = phraseWords(tokens, verb.next).words;
  if (object.some((t) => OUTCOME_OBJECTS.has(t.lower))) return undefined;
  if (verb.base === 'enable' && object.some((t) => PEOPLE.has(t.lower))) return undefined;
  return verb;
}

// ---------------------------------------------------------------------------
// Objectives

export interface TaskCue {
  /** The words that make the title a task, as written ("Migrate", "migration"). */
  words: string;
  kind: 'verb' | 'noun';
}

/** Why an objective reads as a task, if it does. */
export function objectiveTaskCue(title: string, lexicon: VerbLexicon = TASK_LEXICON): TaskCue | undefined {
  const tokens = tokenize(title.slice(0, MAX_TITLE));
  const verb = leadingTaskVerb(tokens, lexicon);
  if (verb) return { words: verb.text, kind: 'verb' };
  const lead = leadIndex(tokens);
  const first = tokens[lead];
  if (!first || first.kind !== 'word' || OUTCOME_VERBS.has(first.lower)) return undefined;
  // A verbless noun phrase whose head is a task: "Kubernetes migration", "Migration to Kubernetes".
  const phrase = phraseWords(tokens, lead);
  if (phrase.stop && STATE_VERBS.has(phrase.stop.lower)) return undefined;
  const head = phrase.words[phrase.words.length - 1];
  if (head && TASK_NOUNS.has(head.lower)) return { words: head.text, kind: 'noun' };
  return undefined;
}

// ---------------------------------------------------------------------------
// Key results

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

const BINARY_UNITS = /^(done|launched|shipped|live|complete|completed|yes|yes\/no|bool|boolean|binary|milestone)$/i;

const TIME_UNITS = set(`
  ms millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks
  month months
`);
const PERIODS = set('day week month quarter year sprint night release');
const RATE_WORDS = set('per a an each every');
const TIME_SUFFIX = /^[\d.,]+(ms|s|sec|secs|min|mins|h|hr|hrs|d|w)$/;

const COMPARATIVE_AFTER = /^(less|fewer|more|faster|slower|smaller|larger|bigger|lower|higher|cheaper|shorter|longer|quicker)$/;

/** Things one builds or runs once: the head of a verbless key result that names a deliverable. */
const ARTIFACT_NOUNS = set(`
  dashboard dashboards portal portals page pages app apps api apis sdk sdks guide guides docs documentation runbook
  runbooks playbook playbooks template templates pipeline pipelines tool tools cli plugin plugins feature features
  report reports widget widgets library libraries framework frameworks website site sites prototype prototypes poc mvp
  card cards catalog catalogue registry checklist workshop workshops training trainings audit audits rollout migration
  launch release integration version redesign rewrite spike pilot beta alpha v1 v2 v3 mode flow flows wizard screen
  screens editor endpoint endpoints connector connectors
`);

const DETERMINERS = set('the a an all every each our their its any some no this these those my your');

/** Heads that name a quality, not a thing: "Developer experience", "Checkout reliability". */
const QUALITY_NOUNS = set(`
  experience quality reliability performance stability speed security happiness health productivity efficiency velocity
  usability ux dx morale wellbeing safety scalability hygiene posture trust onboarding thing things
`);

/** Recurring work ("nightly", "every month") is routine, not a deliverable. */
const RECURRING = /\b(nightly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|every (?:day|night|week|month|quarter|sprint|release|year))\b/;

/** Words ending in -ed that describe rather than report delivery ("trusted data", "unplanned downtime"). */
const DESCRIPTIVE_ED = set(`
  trusted skilled detailed advanced dedicated experienced informed limited engaged motivated satisfied delighted
  connected distributed related based balanced shared needed preferred unexpected expected
`);
const COMPARATIVE_LEAD = /^(more|less|fewer|better|faster|quicker|higher|lower|cheaper|safer|clearer|simpler|easier|smoother|happier|stronger|greater|smaller|shorter|tighter)$/;

/** Participles of outcome verbs ("Reduced churn") report a result, not a delivery. */
const OUTCOME_PARTICIPLES: ReadonlySet<string> = new Set(
  [...OUTCOME_VERBS].flatMap((v) => inflections(v).past),
);

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

// ---------------------------------------------------------------------------
// Routine work and performance reviews

/** Leading verbs that make routine work the thing being improved: "Reduce on-call pages", "Automate upgrades". */
const IMPROVING_VERBS = set(`
  reduce reduces reducing cut cuts cutting lower lowers decrease decreases minimize minimise eliminate eliminates halve
  shrink shrinks automate automates automating streamline streamlines simplify simplifies improve improves improving
  make makes speed accelerate shorten fewer less
`);

// Each cue is a list of patterns that must all match. Every pattern is linear (no
// unbounded gap between two words), so a hostile title cannot make matching slow.
type Cue = readonly [readonly RegExp[], string];

const ROUTINE_CUES: readonly Cue[] = [
  [[/\b(keep(?:s|ing)? the lights on|ktlo|bau|business as usual|run the business)\b/], 'keeping the lights on'],
  [[/\bon[- ]?call\b|\bpager (?:duty|rotation)\b|\brotas?\b|\bsupport (?:rotation|duty|shifts?)\b/], 'on-call'],
  [[/\bbug[- ]?fix(?:es|ing)?\b|\bbug (?:bash|backlog|queue)\b/], 'bug fixing'],
  [[/\bfix(?:es|ed|ing)?\b/, /\bbugs?\b/], 'bug fixing'],
  [[/\b(?:resolve|close|clear|squash|burn down|triage|backlog of)[sd]?\b/, /\bbugs\b/], 'bug fixing'],
  [[/\btriag(?:e|es|ed|ing)\b/], 'triage'],
  [[/\bmaintenance\b|\bhousekeeping\b|\bpatch(?:es|ed|ing)?\b/], 'maintenance'],
  [
    [/\b(?:dependency|dependencies|library|package) (?:upgrades?|updates?|bumps?)\b|\b(?:upgrade|update|bump)s? (?:[\w.-]+ ){0,2}(?:dependencies|libraries|packages)\b|\bupgrades? of\b|\bversion bumps?\b|^upgrad(?:e|es|ed|ing)\b/],
    'upgrades',
  ],
  [[/\bkeep(?:s|ing)?\b[^.;]{0,40}?\b(?:running|alive|green|healthy|patched|up[- ]to[- ]date|online)\b/], 'keeping things running'],
  [
    [/\b(?:support|helpdesk|help desk|service desk) (?:tickets?|queue|requests?)\b|\b(?:answer|respond to|handle|process|work through|clear|acknowledge|ack)\b[^.;]{0,30}\b(?:tickets?|alerts?|pages|incidents|requests)\b/],
    'support and alert handling',
  ],
  [
    [
      /\b(?:review|audit|rotate|recertify|re-certify|reindex|re-index|retrain|re-train|refresh|renew|reconcile|back up|backup|archive|purge|clean)/,
      /\b(?:nightly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|every (?:day|night|week|month|quarter|sprint))\b/,
    ],
    'recurring upkeep',
  ],
  [[/\bapply\w*\b[^.;]{0,40}\b(?:updates|patches|upgrades|fixes)\b/], 'maintenance'],
];

function firstMatch(cues: readonly Cue[], text: string): string | undefined {
  for (const [patterns, what] of cues) if (patterns.every((p) => p.test(text))) return what;
  return undefined;
}

/** What routine work (bug fixing, on-call, maintenance) a title describes, if any. */
export function routineCue(title: string): string | undefined {
  const tokens = tokenize(title.slice(0, MAX_TITLE));
  const lead = leadIndex(tokens);
  if (tokens[lead] && IMPROVING_VERBS.has(tokens[lead].lower)) return undefined;
  return firstMatch(ROUTINE_CUES, tokens.slice(lead).map((t) => t.lower).join(' '));
}

const CAREER = /\b(?:engineer|staff|senior|principal|career|ladder|level|packet|case|cycle|criteria|decision|eligib|committee|people|employee|manager|ic\b|individual)/;
const PERFORMANCE_CUES: readonly Cue[] = [
  [[/(?<!\b(?:referral|sign-?up|welcome|loyalty|cashback|cash-back|deposit|signing|sign-on|retention|joining|referrer) )\bbonus(?:es)?\b/], 'bonuses'],
  [[/\b(?:performance|perf) (?:reviews?|ratings?|appraisals?|evaluations?)\b(?! of\b)|\b(?:annual|mid-year|year-end|360) (?:reviews?|appraisals?)\b/], 'performance reviews'],
  [[/\b(?:compensation|salary|salaries|pay (?:rise|raise|increase)s?|payrise|merit (?:increase|raise|pay)s?|variable pay|pay bands?)\b/], 'pay'],
  [[/\b(?:get|gets|got|getting|be|been|being|is|are) promoted\b|\bpromoted to\b/], 'promotions'],
  // "promotion" alone is also marketing ("a Black Friday promotion"): only with a career word.
  [[/\bpromotions?\b/, CAREER], 'promotions'],
];

/** What part of pay or performance evaluation a text ties OKRs to, if any. */
export function performanceCue(text: string): string | undefined {
  return firstMatch(PERFORMANCE_CUES, tokenize(text.slice(0, MAX_DESCRIPTION)).map((t) => t.lower).join(' '));
}

// Moved to escape.ts (the one escaping helper); re-exported for the rules that import it from here.
export { quoteTitle } from './escape';

/**
 * A list option as given: rule options are checked against their defaults' `typeof`
 * only, so an array option may arrive as a mapping; keep the strings and ignore the rest.
 */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}
