// The word lists behind the phrasing heuristics. Every table is built once, at module load.

import { inflections, set, spellings } from './word-forms';

/**
 * Verbs that name work to be done rather than a result: "Migrate to Kubernetes",
 * "Implement SSO", "Roll out canary deploys". A verb with a particle is written
 * with it ("roll out"); the particle is then required.
 */
export const TASK_VERBS: readonly string[] = [
  'migrate',
  'port',
  'rewrite',
  're-write',
  'rebuild',
  'build',
  'build out',
  'implement',
  'complete',
  'finish',
  'finalize',
  'ship',
  'launch',
  'release',
  'deliver',
  'roll out',
  'rollout',
  'set up',
  'setup',
  'deploy',
  'integrate',
  'upgrade',
  'refactor',
  'create',
  'write',
  'document',
  'develop',
  'design',
  'redesign',
  'introduce',
  'add',
  'install',
  'configure',
  'replace',
  'convert',
  'consolidate',
  'decommission',
  'deprecate',
  'sunset',
  'retire',
  'remove',
  'delete',
  're-architect',
  'rearchitect',
  're-platform',
  'replatform',
  'revamp',
  'overhaul',
  'modernize',
  'automate',
  'standardize',
  'centralize',
  'containerize',
  'adopt',
  'establish',
  'publish',
  'produce',
  'prepare',
  'draft',
  'define',
  'conduct',
  'run',
  'organize',
  'host',
  'pilot',
  'prototype',
  'investigate',
  'research',
  'explore',
  'evaluate',
  'fix',
  'enforce',
  'ingest',
  'stream',
  'shard',
  'split',
  'extract',
  'merge',
  'unify',
  'localize',
  'translate',
  'pass',
  'submit',
  'encrypt',
  'update',
  'rename',
  'move',
  'switch',
  'offer',
  'promote',
  'train',
  'enable',
  'clean up',
  'cleanup',
  'kick off',
  'spin up',
  'stand up',
  'phase out',
  'wrap up',
  'go live',
  'finish up',
  'cut over',
  'hand over',
  'start',
  'begin',
  'close',
  'clear',
  'provision',
  'quantize',
  'test',
  'a/b test',
  'turn off',
  'turn on',
  'switch off',
  'switch on',
  'shut down',
  'roll back',
  'purchase',
  'buy',
  'procure',
  'tidy',
  'tidy up',
  'sort out',
  'notify',
  'announce',
  'communicate',
  'send',
  'email',
  // Soft task verbs: work named as studying, supporting or carrying on, not as a result.
  'provide',
  'understand',
  'validate',
  'verify',
  'continue',
  'support',
  'guide',
  'optimize',
  'hire',
  'recruit',
  'interview',
  'use',
  'experiment with',
];

/**
 * Verbs that name a result: an objective or key result that starts with one of
 * them is an outcome ("Reduce", "Grow", "Make onboarding delightful"), whatever
 * nouns follow.
 */
export const OUTCOME_VERBS = set(`
  reduce reduces reducing cut cuts cutting lower lowers lowering decrease decreases decreasing increase increases increasing
  grow grows growing improve improves improving raise raises raising boost boosts boosting accelerate accelerates
  speed speeds make makes making become becomes becoming be is are win wins winning delight delights keep keeps keeping
  maintain maintains sustain sustains hold holds protect protects strengthen strengthens simplify simplifies expand expands
  expanding scale scales scaling reach reaches achieve achieves drive drives double doubles doubling triple triples halve
  halves halving minimize minimise minimizes minimises maximize maximise eliminate eliminates shrink shrinks shorten
  shortens help helps empower empowers earn earns gain gains lose loses get gets secure secures attract retain
  retains recover recovers save saves lift lifts acquire acquires activate activates retain prevent prevents avoid avoids
  detect detects resolve resolves serve serves ease eases alleviate alleviates relieve relieves
`);

/** After a task verb these make it an outcome: "Ship with confidence", "Release weekly", "Move faster". */
export const ADVERBIAL_NEXT = set(`
  faster quicker sooner more less safely safer reliably confidently continuously daily weekly hourly often frequently
  fearlessly independently with without anytime whenever on-demand better smarter fast quickly predictably painlessly
  reliable safe
`);

/** Nouns that a listed verb starts as a compound: "Design system adoption", "Build times from 20 to 8 minutes". */
export const COMPOUND_NOUNS = new Map<string, ReadonlySet<string>>([
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
export const OUTCOME_OBJECTS = set(`
  leadership advocacy
  trust confidence culture cultures reputation loyalty momentum credibility relationship relationships habit habits
  excellence awareness community love delight demand value engagement alignment ownership expertise resilience
  mastery visibility transparency clarity focus gap gaps loop loops brand brands moat moats understanding voice
  authority fit interest attention buzz excitement goodwill presence
`);

/** People after "enable": "Enable teams to ship on their own" is an outcome, "Enable SSO" is not. */
export const PEOPLE = set(`
  organization organisation org company everybody
  teams team engineers engineer developers developer customers customer users user merchants merchant everyone people
  analysts analyst us partners partner squads squad staff
`);

/** Nouns that make a verbless objective a task: "Kubernetes migration", "Billing rewrite in Go". */
export const TASK_NOUNS = new Set(
  `migration implementation rewrite re-write rollout roll-out build-out buildout setup set-up upgrade refactor refactoring
   overhaul replatforming re-platforming decommissioning deprecation installation rebuild redesign integration launch
   release deployment consolidation modernization rearchitecture re-architecture project revamp outreach cleanup clean-up
   prep preparation`
    .trim()
    .split(/\s+/)
    .flatMap(spellings),
);

/** Words that end a noun phrase: its head is the word before. */
export const PHRASE_STOPS = set(`
  to for of in on with across at by from into onto via and or so that which who than while without under over before after
  during through per within is are can will gets get has have stays stay feels feel becomes become never always
`);

/** Outcome metrics: a task verb measured against one of these is a result ("Launch NPS above 40"). */
export const OUTCOME_METRICS = set(`
  nps csat ces score scores rate rates ratio share adoption conversion conversions retention churn latency uptime
  availability revenue arr mrr gmv volume margin margins cost costs spend users customers merchants signups sign-ups
  subscribers sessions crash-free errors error incidents satisfaction time mttr mttd throughput engagement
  activation dau wau mau traffic installs downloads rating ratings integrations requests seats visitors buyers
  deals win-rate utilization utilisation coverage accuracy precision recall leads mqls sqls followers mentions views
  visits registrations registrants members contributors readers attendees participants bookings orders purchases
  renewals upsells partnerships testimonials logos sponsors sponsorships endorsements
`);
export const PERCENTILE = /^p\d{2,3}$/;

/** Delivered states, for key results without a verb: "Data lake GA", "Feature store in production". */
export const STATE_WORDS = set('live ga available');
export const STATE_PHRASES = /\b(generally available|in production|in prod|in place|up and running|in the (?:app|play) store)\b/;

/** "Achieve SOC 2 certification", "Pass the PCI DSS assessment": a certificate is delivered, not measured. */
export const CERTIFICATION_VERBS = set('achieve obtain get earn gain secure attain receive complete pass become');
export const CERTIFICATION_NOUNS = set(`
  certification certifications certificate certified compliance compliant accreditation accredited attestation audit
  audits assessment approval sign-off authorization authorisation
`);

/** Units that may follow a number directly ("12s", "€40M", "10x"); anything else ("3DS2", "5G", "2FA") is a name. */
export const UNIT_SUFFIXES = set(`
  % k m mm b bn x s sec secs ms min mins h hr hrs d w gb mb tb kb pb gbps mbps rps qps tps pp bps pts
  kg kgs lb lbs km kms
`);

/** Words after which a number is a name (version, level, standard, label): "SOC 2", "iOS 18", "Tier 1", "region 12". */
export const VERSION_WORDS = set(`
  soc iso pci dss hipaa wcag tls ssl http oauth ipv python java node nodejs js ruby rails php go golang ios android
  macos windows ubuntu debian rhel centos postgres postgresql mysql mongodb redis kafka spark airflow elasticsearch
  opensearch kubernetes k8s terraform react angular vue next nextjs next.js node.js swift kotlin xcode gradle jdk scala dotnet
  .net django spring webpack es ecmascript chrome safari firefox gpt llama tier sev severity level phase part stage
  wave gen generation version v type step web secure priority class grade category room region zone floor building
  squad pod cluster shard cohort batch lane site office gate terminal
  chapter section rfc cve cwe article gdpr psd lts api sdk
`);

/** Number words; "one" and "zero" need context (see below). */
export const SMALL_NUMBERS = set(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen
`);
export const SCALE_OR_UNIT = set(`
  hundred thousand million billion trillion percent per day days hour hours minute minutes second seconds week weeks
  month months quarter quarters year years business working sprint sprints in
`);
export const ONE_BEFORE = set('from than under below above within least most only just');
/** "zero trust" and "zero-day" are names, not targets. */
export const ZERO_NAMES = set('trust day copy touch config configuration knowledge etl shot party sum based');
export const MULTIPLIERS = set(`
  double doubled doubles doubling triple tripled triples tripling quadruple quadrupled halve halved halves halving
  twofold threefold fourfold fivefold tenfold hundredfold twice
`);
export const YEAR_NOUNS = set('goals okrs objectives plans priorities roadmap roadmaps strategy budget budgets');

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const WHEN =
  `(?:(?:the\\s+)?(?:end|start|beginning|middle|close)\\s+of\\s+(?:the\\s+)?|mid[-\\s]|early\\s+|late\\s+)?` +
  `(?:(?:${MONTH})\\.?(?:\\s+${DAY})?(?:,?\\s+\\d{4})?|${DAY}\\s+(?:${MONTH})\\.?(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|` +
  `q[1-4](?:\\s*'?\\d{2,4})?|h[12](?:\\s*'?\\d{2,4})?|fy\\s?'?\\d{2,4}|eo[qmy]|(?:this|next|the)\\s+(?:quarter|half|year|month)|` +
  `(?:the\\s+)?(?:quarter|year|month|period)|(?:week|sprint)\\s+\\d{1,2}|(?:19|20)\\d{2})`;
/** A deadline: "by March", "by the end of Q3", "before 2026-12-01", "in Q1", "due Oct 31". */
export const DEADLINE = new RegExp(`\\b(?:by|before|until|till|no later than|due|in|on|at)\\s+(?:the\\s+)?(?:${WHEN})(?![\\w-])`, 'i');
/** Dates anywhere, whose digits are never quantities: "Oct 31", "2026-12-01", "Q3 2026". */
export const DATE_ANYWHERE = new RegExp(
  `\\b(?:(?:${MONTH})\\.?\\s+${DAY}(?:,?\\s+\\d{4})?|${DAY}\\s+(?:${MONTH})\\b(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|q[1-4]\\s*'?\\d{2,4}|h[12]\\s+\\d{4}|(?:week|sprint)\\s+\\d{1,2})\\b`,
  'gi',
);

/** Words that, right after a noun phrase, make the title a sentence about a state: "Every release is boring". */
export const STATE_VERBS = set('is are can will gets get has have stays stay feels feel becomes become never always');

export const BINARY_UNITS = /^(done|launched|shipped|live|complete|completed|yes|yes\/no|bool|boolean|binary|milestone)$/i;

export const TIME_UNITS = set(`
  ms millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks
  month months
`);
export const PERIODS = set('day week month quarter year sprint night release');
export const RATE_WORDS = set('per a an each every');
export const TIME_SUFFIX = /^[\d.,]+(ms|s|sec|secs|min|mins|h|hr|hrs|d|w)$/;

export const COMPARATIVE_AFTER = /^(less|fewer|more|faster|slower|smaller|larger|bigger|lower|higher|cheaper|shorter|longer|quicker)$/;

/** Things one builds or runs once: the head of a verbless key result that names a deliverable. */
export const ARTIFACT_NOUNS = set(`
  dashboard dashboards portal portals page pages app apps api apis sdk sdks guide guides docs documentation runbook
  runbooks playbook playbooks template templates pipeline pipelines tool tools cli plugin plugins feature features
  report reports widget widgets library libraries framework frameworks website site sites prototype prototypes poc mvp
  card cards catalog catalogue registry checklist workshop workshops training trainings audit audits rollout migration
  launch release integration version redesign rewrite spike pilot beta alpha v1 v2 v3 mode flow flows wizard screen
  screens editor endpoint endpoints connector connectors support strategy strategies
`);

export const DETERMINERS = set('the a an all every each our their its any some no this these those my your');

/** Heads that name a quality, not a thing: "Developer experience", "Checkout reliability". */
export const QUALITY_NOUNS = set(`
  experience quality reliability performance stability speed security happiness health productivity efficiency velocity
  usability ux dx morale wellbeing safety scalability hygiene posture trust onboarding thing things
`);

/** Adverbs of how often, one word each: the one list RECURRING, quantities' FREQUENCY and oneEachPeriod read. */
export const FREQUENCY_ADVERBS = set('nightly daily weekly fortnightly monthly quarterly annually yearly');
/** FREQUENCY_ADVERBS as a regular expression alternation. */
export const FREQUENCY_ADVERB_PATTERN = [...FREQUENCY_ADVERBS].join('|');

/** Recurring work ("nightly", "every month") is routine, not a deliverable. */
export const RECURRING = new RegExp(`\\b(${FREQUENCY_ADVERB_PATTERN}|every (?:day|night|week|month|quarter|sprint|release|year))\\b`);

/** Words ending in -ed that describe rather than report delivery ("trusted data", "unplanned downtime"). */
export const DESCRIPTIVE_ED = set(`
  trusted skilled detailed advanced dedicated experienced informed limited engaged motivated satisfied delighted
  connected distributed related based balanced shared needed preferred unexpected expected
`);
export const COMPARATIVE_LEAD =
  /^(more|less|fewer|better|faster|quicker|higher|lower|cheaper|safer|clearer|simpler|easier|smoother|happier|stronger|greater|smaller|shorter|tighter)$/;

/** Participles of outcome verbs ("Reduced churn") report a result, not a delivery. */
export const OUTCOME_PARTICIPLES: ReadonlySet<string> = new Set([...OUTCOME_VERBS].flatMap((v) => inflections(v).past));

/** Leading verbs that make routine work the thing being improved: "Reduce on-call pages", "Automate upgrades". */
export const IMPROVING_VERBS = set(`
  reduce reduces reducing cut cuts cutting lower lowers decrease decreases minimize minimise eliminate eliminates halve
  shrink shrinks automate automates automating streamline streamlines simplify simplifies improve improves improving
  make makes speed accelerate shorten fewer less mitigate mitigates prevent prevents avoid avoids optimize optimise
`);

/**
 * Adjectives that judge rather than describe: after a task verb they make its
 * object the outcome ("Deliver a world-class mobile experience", "Build a healthy
 * sales pipeline", "Release flawless products").
 */
export const EVALUATIVE = set(`
  world-class best-in-class first-class excellent exceptional outstanding stellar great delightful delightful flawless
  healthy maintainable high-quality high-performing rock-solid reliable resilient trustworthy sticky helpful seamless
  effortless frictionless joyful lovable loved amazing awesome superb superior winning thriving vibrant sustainable
  predictable dependable painless happy engaged engaging compelling inspiring valuable meaningful effective game-changing
  life-changing groundbreaking ground-breaking
`);

/** Verbs a task verb may share its clause with that make the clause an outcome: "Add and retain 5 members". */
export const COORDINATED_OUTCOME = set('retain grow increase achieve reach reduce improve raise keep maintain sustain win engage');

/** Inflected verbs that, after a subject, report what a thing now has or does: "Peerpad runs on Chrome". */
export const CAPABILITY_VERBS = set(`
  exists exist supports support runs run works work working ensures ensure provides provide exposes expose offers offer
  includes include contains contain allows allow lets has have interops interoperates uses
`);

/** Verbs that, after a subject, report how people take something: "Users understand how it works", an outcome. */
export const EXPERIENCE_VERBS = set(`
  understand understands know knows recognize recognise recognizes recognises love loves trust trusts rely relies prefer
  prefers feel feels enjoy enjoys choose chooses adopt adopts recommend recommends find finds see sees become becomes
  replace replaces reach reaches notice notices care cares want wants learn-to agree agrees return returns stay stays
  handle handles grow grows
`);
/** Participles that report people's take ("is used by", "is seen as", "is known"), not a delivery. */
export const EXPERIENCE_PARTICIPLES = set(
  'used seen known loved trusted adopted recognized recognised liked preferred chosen recommended perceived regarded considered viewed',
);
export const COPULAS = set('is are was were be been');
export const MODALS = set('can could');
/** Adjectives after "is/are" that report a delivered property: "Peerpad is private", "go and js are interoperable". */
export const DELIVERED_ADJECTIVES = set(
  'live available private public interoperable compatible enabled supported open-source complete done functional operational default',
);

/** Outcome connectors: a number after them measures what the work yields ("with 100% participation", "generating 10 hires"). */
export const RESULT_CONNECTORS = set('with generating achieving reaching resulting yielding bringing driving leading so scoring');
export const THRESHOLD_WORDS = set('< > <= >= ≤ ≥ under below above over least most within than');

/**
 * Things a team produces, counted: a number that counts one of these counts the work
 * itself ("Publish 5 posts", "Elevate 1 process"), not what the work yields.
 */
export const WORK_NOUNS = set(`
  post posts blog blogs article articles tutorial tutorials guide guides doc docs document documents page pages talk talks
  engagements webinar webinars ama amas meetup meetups event events workshop workshops demo demos interview interviews
  review reviews announcement announcements process processes practice practices program programs programme programmes
  feature features component components module modules release releases test tests dashboard dashboards report reports
  campaign campaigns experiment experiments course courses training trainings video videos episode episodes newsletter
  newsletters study studies call calls meeting meetings hackathon hackathons project projects initiative initiatives
  prototype prototypes pilot pilots spike spikes rfc rfcs proposal proposals improvements fixes repositories repos
  confs conferences items tasks stories piece pieces snippet snippets lesson lessons chapter chapters recipe recipes
`);
