// Routine work and performance reviews: phrase cues matched over the lower-cased words of a title.

import { leadIndex } from './clause';
import { IMPROVING_VERBS } from './lexicon';
import { findQuantities } from './quantities';
import { MAX_DESCRIPTION, MAX_TITLE, tokenize, type Token } from './tokens';

// Each cue is a list of patterns that must all match. Every pattern is linear (no
// unbounded gap between two words), so a hostile title cannot make matching slow.
type Cue = readonly [readonly RegExp[], string];

const ROUTINE_CUES: readonly Cue[] = [
  [[/\b(keep(?:s|ing)? the lights on|ktlo|bau|business as usual|run the business)\b/], 'keeping the lights on'],
  [[/\bon[- ]?call\b|\bpager (?:duty|rotation)\b|\brotas?\b|\bsupport (?:rotation|duty|shifts?)\b/], 'on-call'],
  [[/\bbug[- ]?fix(?:es|ing)?\b|\bbug (?:bash|backlog|queue)\b/], 'bug fixing'],
  [[/\bfix(?:es|ed|ing)?\b/, /\bbugs?\b/], 'bug fixing'],
  [[/\b(?:resolve|close|clear|squash|burn down|triage|backlog of)[sd]?\b/, /\bbugs\b/], 'bug fixing'],
  // Fixing defects of the product, a named one or a set: "Fix top starred issues", "Close all P1
  // blockers", "Fix the name caching problem". Not requests handled ("Address the top 5 customer requests"),
  // nor the fixing made better ("Resolve customer issues faster").
  [
    [
      /\b(?:fix|resolve|close|squash)(?:es|ed|ing|s|d)?\b[^.;]{0,40}?\b(?:issues?|problems?|blockers?|p[0-4]s?|defects?|crash(?:es|ers?)?|leaks?|glitches)\b(?![^.;]{0,30}\b(?:faster|quicker|sooner|better|more)\b)/,
    ],
    'bug fixing',
  ],
  [[/\btriag(?:e|es|ed|ing)\b/], 'triage'],
  [[/\bmaintenance\b|\bhousekeeping\b|\bpatch(?:es|ed|ing)?\b/], 'maintenance'],
  [
    [
      /\b(?:dependency|dependencies|library|package) (?:upgrades?|updates?|bumps?)\b|\b(?:upgrade|update|bump)s? (?:[\w.-]+ ){0,2}(?:dependencies|libraries|packages)\b|\bupgrades? of\b|\bversion bumps?\b|^upgrad(?:e|es|ed|ing)\b|(?:\bv?\d+(?:\.\d+)* (?:→|->|to) v?\d+(?:\.\d+)*|\bv?\d+(?:\.\d+)+|\bv\d+) (?:upgrades?|updates?)\b/,
    ],
    'upgrades',
  ],
  [
    [
      /\b(?:keep(?:s|ing)?|kept)\b[^.;]{0,40}?\b(?:running|alive|green|healthy|patched|up[- ]to[- ]date|online|current|updated|supported|organi[sz]ed|tidy|in order|in sync)\b/,
    ],
    'keeping things running',
  ],
  [
    [
      /\b(?:support|helpdesk|help desk|service desk) (?:tickets?|queue|requests?)\b|\b(?:answer|respond to|handle|process|work through|clear|acknowledge|ack)\b[^.;]{0,30}\b(?:tickets?|alerts?|pages|incidents|requests|queues?)\b/,
    ],
    'support and alert handling',
  ],
  [
    [
      /\b(?:review|audit|rotate|recertify|re-certify|reindex|re-index|retrain|re-train|refresh|renew|reconcil(?:e|es|ed|ing|iation)|back up|backup|archive|purge|clean)/,
      /\b(?:nightly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|every (?:day|night|week|month|quarter|sprint))\b/,
    ],
    'recurring upkeep',
  ],
  [[/\bapply\w*\b[^.;]{0,40}\b(?:updates|patches|upgrades|fixes)\b/], 'maintenance'],
  // Remediating or patching what is vulnerable, and keeping everything on supported versions (the README's blind9
  // call). Not making that work better ("Reduce time to remediate ...": an improving verb leads, read above).
  [[/\b(?:remediat|patch|fix|resolv|clos)\w*\b[^.;]{0,60}?\bvulnerab(?:le|ility|ilities)\b/], 'maintenance'],
  [
    [/\bon (?:the )?(?:current|supported|latest|maintained)(?:\/(?:current|supported|latest|maintained))? (?:[\w-]+ )?versions?\b/],
    'upgrades',
  ],
  // Fixing what fails: "Fix failing tests", "Fix what breaks in the nightly build".
  [
    [
      /\b(?:fix|resolve|address|clear|squash)(?:es|ed|ing|s|d)?\b[^.;]{0,30}?\b(?:failing|failed|failures?|broken|breakages?|regressions?|warnings|what (?:fails|breaks|broke))\b/,
    ],
    'bug fixing',
  ],
  // Repairing what should work: "Fix the release workflow so nightly runs succeed".
  [[/\bfix(?:es|ed|ing)?\b[^.;]{0,40}?\bso\b[^.;]{0,40}?\b(?:succeed|succeeds|pass|passes|works?|go green|goes green)\b/], 'bug fixing'],
  // Handling what comes in, by a rule or as it arrives: "Resolve all critical security alerts within 7 days",
  // "Resolve or address new GitHub issues". Not fixing a chosen few ("Resolve the top 30 warnings").
  [
    [
      /\b(?:resolve|remediate|address|close|fix|answer|handle|respond to)\b[^.;%]{0,60}?\b(?:alerts|issues|tickets|requests|vulnerabilities|incidents|questions|reports|p[0-4]s?|blockers)\b/,
      /\b(?:within|new|incoming|inbound)\b/,
    ],
    'support and alert handling',
  ],
  // Recurring meetings held: "Host monthly community calls", "Hold bi-weekly 1:1 meetings". Not a meeting
  // introduced ("Start weekly demos") nor counted ("12 monthly sessions"): those are deliverables.
  // Also on a rate: "Have at least one career conversation with each report per month". A share of
  // others reached ("with 80 percent of strategic accounts") measures the reach, not the routine.
  [
    [
      /^(?:host|hold|run|attend|undertake|have|facilitate|chair)\b(?:[^.;]{0,20}?\b(?:daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|regular)\b[^.;]{0,25}?\b(?:calls?|meetings?|conversations?|1:1s?|one-on-ones?|syncs?|stand-?ups?|check-ins?|office hours|reviews?)\b|[^.;]{0,25}?\b(?:calls?|meetings?|conversations?|1:1s?|one-on-ones?|syncs?|stand-?ups?|check-ins?|office hours|sessions?)\b[^.;]{0,30}?\b(?:per|a|every|each) (?:week|month|quarter|sprint|fortnight)\b)/,
      /^(?![^]*(?:%|\bpercent\b))/,
    ],
    'recurring meetings',
  ],
  // A standing rule for what comes in: "Issues with medium risk or higher are resolved within three working days".
  [
    [/\b(?:resolved|fixed|patched|answered|handled|acknowledged|acked|remediated|triaged)\b[^.;%]{0,20}?\bwithin\b/],
    'support and alert handling',
  ],
];

function firstMatch(cues: readonly Cue[], text: string): string | undefined {
  for (const [patterns, what] of cues) if (patterns.every((p) => p.test(text))) return what;
  return undefined;
}

/** Words of a level compared or measured: "an above average diversity percentage", "a downward trend". */
const LEVEL_WORDS =
  /^(above|below|under|over|average|median|trend|trends|downward|upward|percentage|percentages|rate|rates|ratio|ratios|share|score|scores)$/;

/**
 * Whether what follows "Maintain" is a level to hold rather than a thing to look after:
 * a comparison or a measure ("Maintain an above average diversity percentage", "Maintain a
 * clear downward trend"). Holding a level is a guardrail, not routine work.
 */
export function holdsLevel(tokens: readonly Token[], from: number, compared = false): boolean {
  for (let i = from; i < tokens.length && i < from + 8; i++) {
    const t = tokens[i];
    if (t.kind === 'symbol' && t.text !== '-') break;
    // A comparison with a reference can be checked; a trend or a bare measure says only a direction.
    if (COMPARED.test(t.lower) || /^(above|below)-/.test(t.lower)) return true;
    if (!compared && LEVEL_WORDS.test(t.lower)) return true;
  }
  return false;
}
const COMPARED = /^(above|below|under|over)$/;

/** Adjectives that make routine work lighter: "for efficient maintenance", "for easier upgrades". */
const EASING = /^(efficient|easy|easier|simple|simpler|cheap|cheaper|fast|faster|less|lower|reduced|minimal|painless|smooth|smoother)$/;

/** Modals of obligation: a title with one states a rule to keep. */
const OBLIGATION = /^(should|must|shall)$/;
/** Nouns of what arrives or happens to a team, case by case: the occurrences a standing rule is applied to. */
const OCCURRENCES = new Set(
  `situation situations request requests incident incidents outage outages alert alerts ticket tickets bug bugs issue
   issues failure failures escalation escalations case cases question questions complaint complaints`
    .trim()
    .split(/\s+/),
);

/** Words that end the noun phrase after every/each/any before an occurrence noun is reached. */
const PHRASE_STOPS_FOR_RULES = new Set('to for of in on with at by from and or that which who should must shall is are'.split(' '));

/**
 * A standing rule applied to each case that comes in, with no number: "Every situation you come across
 * should be the subject of a post-mortem", "SREs should prepare test plans for every feature request
 * made by customers". Kept or broken case by case, it is how the work is done, not an outcome.
 * The quantified noun may carry modifiers ("every feature request", "each customer-facing incident").
 */
function standingRuleForEach(tokens: readonly Token[], title: string): boolean {
  if (!tokens.some((t) => OBLIGATION.test(t.lower))) return false;
  if (findQuantities(title, tokens).length > 0) return false;
  return tokens.some((t, i) => {
    if (!/^(every|each|any)$/.test(t.lower)) return false;
    for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
      if (tokens[k].kind !== 'word' || PHRASE_STOPS_FOR_RULES.has(tokens[k].lower)) return false;
      if (OCCURRENCES.has(tokens[k].lower)) return true;
    }
    return false;
  });
}

/** Verbs of a rise in a measure: with a number, they change a level, whatever it counts. */
const RISING = /^(increase|increases|grow|grows|raise|raises|boost|boosts)$/;

function measuresTheRoutine(tokens: readonly Token[], lead: number, title: string): boolean {
  const quantified = () => findQuantities(title, tokens).length > 0;
  if (RISING.test(tokens[lead]?.lower ?? '') && quantified()) return true;
  for (let i = lead; i < tokens.length - 2; i++) {
    const w = tokens[i].lower;
    if (w === 'time' && tokens[i + 1].lower === 'spent' && /^(in|on)$/.test(tokens[i + 2].lower) && quantified()) return true;
    if (w === 'balance' && /^(between|of)$/.test(tokens[i + 1].lower)) return true;
  }
  return false;
}

/** Whether the object phrase from `from` is followed by "against" and what threatens it ("against emerging threats"). */
function againstThreats(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length - 1 && i <= from + 4; i++) {
    if (tokens[i].kind !== 'word') return false;
    if (tokens[i].lower !== 'against') continue;
    for (let k = i + 1; k < tokens.length && k <= i + 3; k++) if (THREATS.test(tokens[k].lower)) return true;
    return false;
  }
  return false;
}
const THREATS =
  /^(threats?|attacks?|attackers|breach(?:es)?|intrusions?|exploits?|vulnerabilit(?:y|ies)|malware|ransomware|fraud|abuse|outages?|failures?)$/;

/** What routine work (bug fixing, on-call, maintenance) a title describes, if any. */
export function routineCue(title: string): string | undefined {
  const tokens = tokenize(title.slice(0, MAX_TITLE));
  const lead = leadIndex(tokens);
  if (tokens[lead] && IMPROVING_VERBS.has(tokens[lead].lower)) return undefined;
  // What is measured about the routine work, not the routine work: a measured rise led by a verb of
  // change ("Increase the percentage of monthly subscription renewals from 64% to 85%"), the share of
  // time it takes ("Redirect 25% of the time spent in maintenance"), a balance struck between it and
  // new work ("find the right balance between maintenance and new content").
  if (measuresTheRoutine(tokens, lead, title)) return undefined;
  // Maintaining or securing what exists, with no level to hold: "Maintain world-class IT infrastructure".
  // ("Maintain 99.9% uptime" holds a level: a guardrail, not routine work.)
  if (
    tokens[lead] &&
    /^(maintain|maintaining|upkeep)$/.test(tokens[lead].lower) &&
    findQuantities(title).length === 0 &&
    !tokens.some((t) => t.text.includes('%')) &&
    !holdsLevel(tokens, lead + 1) &&
    !(
      /^(and|&)$/.test(tokens[lead + 1]?.lower ?? '') &&
      /^(strengthen|improve|grow|deepen|expand|extend|enhance)$/.test(tokens[lead + 2]?.lower ?? '')
    )
  )
    return 'maintenance';
  // Securing or hardening what the team already runs: "Secure the build pipeline", "Harden our
  // servers". Not "Secure 3 pilots" or "Secure a partnership": a number or a new thing is a result.
  if (
    tokens[lead] &&
    /^(secure|securing|harden|hardening)$/.test(tokens[lead].lower) &&
    /^(the|our|all|its|their|every|each|existing)$/.test(tokens[lead + 1]?.lower ?? '') &&
    findQuantities(title).length === 0
  )
    return 'maintenance';
  // "Fortify digital platforms against emerging threats": what is hardened against threats is what exists,
  // with or without a determiner (not a result secured against rivals).
  if (
    tokens[lead] &&
    /^(secure|securing|harden|hardening|fortify|fortifying)$/.test(tokens[lead].lower) &&
    againstThreats(tokens, lead + 1) &&
    findQuantities(title).length === 0
  )
    return 'maintenance';
  // Monitoring what the team runs is upkeep, with or without a guardrail to hold ("Monitor and analyze logs
  // ..., ensuring less than 10 error logs per day", "We will monitor all critical components"); monitoring
  // to improve it ("Monitor and reduce cold starts") is read below as the improvement.
  if (
    /^(monitor|monitors|monitoring)$/.test(tokens[lead]?.lower ?? '') &&
    tokens[lead + 1]?.kind === 'word' &&
    !tokens.slice(lead + 1, lead + 4).some((t) => IMPROVING_VERBS.has(t.lower) || /^(increase|grow|raise|boost)$/.test(t.lower))
  )
    return 'keeping things running';
  if (standingRuleForEach(tokens, title)) return 'handling what comes in';
  // A purpose that improves the routine work: "Mitigate false alerts to reduce on-call costs".
  if (tokens.some((t, i) => t.lower === 'to' && i > lead && IMPROVING_VERBS.has(tokens[i + 1]?.lower ?? ''))) return undefined;
  // Routine work as what the thing makes easier: "automated testing for efficient maintenance".
  if (tokens.some((t, i) => t.lower === 'for' && i > lead && EASING.test(tokens[i + 1]?.lower ?? ''))) return undefined;
  return firstMatch(
    ROUTINE_CUES,
    tokens
      .slice(lead)
      .map((t) => t.lower)
      .join(' '),
  );
}

const CAREER =
  /\b(?:engineer|staff|senior|principal|career|ladder|level|packet|case|cycle|criteria|decision|eligib|committee|people|employee|manager|ic\b|individual)/;
const PERFORMANCE_CUES: readonly Cue[] = [
  [
    [/(?<!\b(?:referral|sign-?up|welcome|loyalty|cashback|cash-back|deposit|signing|sign-on|retention|joining|referrer) )\bbonus(?:es)?\b/],
    'bonuses',
  ],
  [
    [
      /\b(?:performance|perf) (?:reviews?|ratings?|appraisals?|evaluations?)\b(?! of\b)|\b(?:annual|mid-year|year-end|360) (?:reviews?|appraisals?)\b/,
    ],
    'performance reviews',
  ],
  [
    [/\b(?:compensation|salary|salaries|pay (?:rise|raise|increase)s?|payrise|merit (?:increase|raise|pay)s?|variable pay|pay bands?)\b/],
    'pay',
  ],
  [[/\b(?:get|gets|got|getting|be|been|being|is|are) promoted\b|\bpromoted to\b/], 'promotions'],
  // "promotion" alone is also marketing ("a Black Friday promotion"): only with a career word.
  [[/\bpromotions?\b/, CAREER], 'promotions'],
  // Promoting a person is a career step, not marketing ("Promote the new pricing to existing customers"):
  // "Help promote 1 of your direct reports to the next level". The person is the object, not where a
  // thing is promoted to ("Promote the portal to engineers"), and closes it.
  [
    [
      /\bpromot(?:e|es|ed|ing) (?:(?!to\b)[^ .;]+ ){0,5}?(?:direct reports?|reports|engineers?|employees?|team members?|teammates?|ics|individuals?|someone|staff members?)\b(?= (?:to|into|this|by|in|within|before)\b|$)/,
    ],
    'promotions',
  ],
  // A rating of individuals as the target: "Ensure no engineering team member is low performing",
  // "Exit underperformers". A team's aim ("a team of high performing engineers") rates no one.
  [
    [
      /\b(?:low|under|poor|non)[- ]?performers?\b|\bperformance improvement plans?\b|\b(?:low|under|poor|poorly|non)[- ]?performing (?:engineers?|employees?|staff|people|team members?|teammates?|reports|individuals?|hires)\b|\b(?:engineers?|employees?|staff|people|member|members|teammates?|reports?|individuals?|hires?|anyone|one) (?:is|are|be|remains?) (?:low|under|poor|poorly|non)[- ]?performing\b/,
    ],
    'performance ratings',
  ],
];

/** A word each of PERFORMANCE_CUES needs (the cues match lower-cased tokens, so any case here). */
const PERFORMANCE_WORDS = /bonus|review|rating|apprais|evaluat|compensat|salar|pay|merit|promot|perform/i;

/** What part of pay or performance evaluation a text ties OKRs to, if any. */
export function performanceCue(text: string): string | undefined {
  const head = text.slice(0, MAX_DESCRIPTION);
  // Every cue names one of these words: most texts are ruled out without tokenizing them.
  if (!PERFORMANCE_WORDS.test(head)) return undefined;
  return firstMatch(
    PERFORMANCE_CUES,
    tokenize(head)
      .map((t) => t.lower)
      .join(' '),
  );
}
