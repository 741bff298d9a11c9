// Organisation scale, each against its own baseline measured in the same run:
//   - whole process: `okr links --format json` on the 50,000-commit repository, spawned
//     as a user runs it, against a bare `git log` printing the same fields (also
//     spawned, its output read through a pipe and dropped); target <= 1.3x;
//   - a 1,000,000-commit repository whose OKR period holds 20,000 commits: `okr links`
//     against `git log --since=<period start>` with the same fields; target <= 1.5x,
//     and far below the full-history `git log`;
//   - a monorepo of 500 OKR files (50 teams x 10 periods): `okr lint` (whole process)
//     against a process that only reads and parses the same files; target <= 1.5x;
//   - memory: the commit index of the 50,000-commit repository, in a process of its
//     own: heap and RSS growth once it is built and at rest; target < 50 MiB.
// Where NODE_EXTRA_CA_CERTS is set (Node then loads those certificates at every start),
// the two links scenarios also print, apart and labelled, the figure without it.
// The repositories are built with `git fast-import` and cached under .cache/bench/,
// so reruns are quick (the 1,000,000-commit one takes about a minute the first time).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isolatedGitEnv } from './git-env';
import { DEFAULT_TRAILER_KEY } from '../src/core/git/trailers';
import { gitSinceArgument, logFormat, scanWindowStart } from '../src/core/git/history';

export const WHOLE_PROCESS_RATIO_TARGET = 1.3;
export const LARGE_REPO_RATIO_TARGET = 1.5;
export const MONOREPO_RATIO_TARGET = 1.5;
export const INDEX_MEMORY_TARGET_MIB = 50;
const RUNS = 5;

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.cache', 'bench');
const OKR = path.join(ROOT, 'bin', 'okr.js');

function benchEnv(): NodeJS.ProcessEnv {
  const home = path.join(CACHE, 'home');
  mkdirSync(home, { recursive: true });
  return isolatedGitEnv(home, { LC_ALL: 'C' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms median (min ${Math.min(...xs).toFixed(0)}, ${xs.length} runs)`;

/** Spawns a command, drains and drops its stdout; resolves with the milliseconds it took. */
function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
        : reject(new Error(`${command} ${args[0]} exited with ${code}: ${err}`)),
    );
  });
}

/** Takes turns between the two, so load from elsewhere on the machine hits both alike. */
async function alternate(runs: number, a: () => Promise<number>, b: () => Promise<number>): Promise<[number[], number[]]> {
  await a();
  await b();
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < runs; i++) {
    xs.push(await a());
    ys.push(await b());
  }
  return [xs, ys];
}

/**
 * A linear history of `commits` commits, one every `spacingSeconds` from
 * `firstSeconds`, every tenth naming one of 40 key results. Commits after the first
 * change no file (the cost measured is the history walk). Streamed into fast-import.
 */
async function buildRepo(name: string, commits: number, firstSeconds: number, spacingSeconds: number, okrFile: string): Promise<string> {
  const dir = path.join(CACHE, name);
  const marker = path.join(dir, '.git', 'okr-bench-built');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(commits)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = benchEnv();
  spawnSync('git', ['init', '-q', '--initial-branch=main'], { cwd: dir, env });
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, env, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited with ${code}`)))),
  );
  const authors = ['Dana Author <dana@example.com>', 'Li Other <li@example.com>', 'Sam Third <sam@example.com>'];
  let batch: string[] = [];
  const flush = async () => {
    if (!child.stdin.write(batch.join('\n') + '\n')) await new Promise((r) => child.stdin.once('drain', r));
    batch = [];
  };
  for (let i = 1; i <= commits; i++) {
    const when = `${firstSeconds + i * spacingSeconds} +0000`;
    const author = authors[i % authors.length];
    let message =
      `Change ${i}: adjust the retry policy of service ${i % 97}\n\nThe retries of service ${i % 97} back off ` + `exponentially now.\n`;
    if (i % 10 === 0) message += `\nKey-Result: BENCH-KR${i % 40}\n`;
    batch.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author ${author} ${when}`,
      `committer ${author} ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    if (i > 1) batch.push(`from :${i - 1}`);
    else batch.push('M 644 inline bench.okr.yaml', `data ${Buffer.byteLength(okrFile)}`, okrFile);
    batch.push('');
    if (batch.length > 20_000) await flush();
  }
  batch.push('done');
  await flush();
  child.stdin.end();
  await done;
  spawnSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env });
  writeFileSync(marker, String(commits));
  return dir;
}

function okrFileFor(period: { start: string; end: string }): string {
  const krs = Array.from(
    { length: 40 },
    (_, i) => `      - { id: BENCH-KR${i}, title: Cut incidents from ${i + 10} to 1, start: ${i + 10}, target: 1 }`,
  );
  return [
    'version: 1',
    'team: Bench',
    `period: { start: ${period.start}, end: ${period.end} }`,
    'objectives:',
    '  - id: BENCH-O1',
    '    title: The platform is dependable',
    '    key_results:',
    ...krs,
    '',
  ].join('\n');
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** `git log` with the fields and bounds `okr links` reads, as a user would type it. */
function gitLogArgs(since?: string): string[] {
  return [
    'log',
    '-z',
    '--no-show-signature',
    '--encoding=UTF-8',
    `--format=${logFormat(DEFAULT_TRAILER_KEY)}`,
    ...(since ? [gitSinceArgument(since)] : []),
    'HEAD',
    '--',
  ];
}

/**
 * okr's environment for the second figure of the links scenarios: `env` without
 * NODE_EXTRA_CA_CERTS, which makes every Node start load the certificates it names
 * (~100 ms on a machine that sets it), as on a machine without extra CA certificates.
 * Undefined when it is not set: the official figure is that already.
 */
function withoutExtraCaCerts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | undefined {
  if (env.NODE_EXTRA_CA_CERTS === undefined) return undefined;
  const rest = { ...env };
  delete rest.NODE_EXTRA_CA_CERTS;
  return rest;
}

/**
 * `okr links` against git, taking turns (one warm-up each): the official figure with the
 * bench's environment, and the same without NODE_EXTRA_CA_CERTS when it is set.
 */
async function linksAgainstGit(
  dir: string,
  env: NodeJS.ProcessEnv,
  git: () => Promise<number>,
): Promise<{ okrTimes: number[]; gitTimes: number[]; bareTimes?: number[] }> {
  const okr = (e: NodeJS.ProcessEnv) => () => timed(process.execPath, [OKR, 'links', '--format', 'json'], dir, e);
  const bare = withoutExtraCaCerts(env);
  const arms = [okr(env), git, ...(bare ? [okr(bare)] : [])];
  for (const arm of arms) await arm();
  const times = arms.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) for (const [n, arm] of arms.entries()) times[n].push(await arm());
  return { okrTimes: times[0], gitTimes: times[1], bareTimes: bare ? times[2] : undefined };
}

/** The second figure's lines: okr without NODE_EXTRA_CA_CERTS against the same git runs. */
function printWithoutExtraCaCerts(bareTimes: number[] | undefined, gitTimes: number[], target: number): void {
  if (bareTimes === undefined) {
    console.log('  (NODE_EXTRA_CA_CERTS is not set here: the figures above are those of a machine without extra CA certificates)');
    return;
  }
  const ratio = median(bareTimes) / median(gitTimes);
  console.log("  as on a machine without extra CA certificates (NODE_EXTRA_CA_CERTS removed from okr's environment):");
  console.log(`  okr links --format json              ${ms(bareTimes)}`);
  console.log(
    `  ratio                                ${ratio.toFixed(2)}  (target <= ${target}: ${ratio <= target ? 'met' : 'NOT MET'}; not the official figure)`,
  );
}

// ---------------------------------------------------------------------------

export async function benchWholeProcess(): Promise<boolean> {
  const first = Date.UTC(2024, 0, 1) / 1000;
  const commits = 50_000;
  // The period holds every commit: both sides read the same 50,000.
  const period = { start: day(first), end: day(first + (commits + 1) * 600) };
  const dir = await buildRepo('repo-50k', commits, first, 600, okrFileFor(period));
  const env = benchEnv();
  const window = scanWindowStart([period.start]);
  const { okrTimes, gitTimes, bareTimes } = await linksAgainstGit(dir, env, () => timed('git', gitLogArgs(window), dir, env));
  const ratio = median(okrTimes) / median(gitTimes);
  const ok = ratio <= WHOLE_PROCESS_RATIO_TARGET;
  console.log(`scale: whole process, ${commits} commits (${commits / 10} with Key-Result trailers), both spawned, output through a pipe`);
  console.log(`  git log with the same fields         ${ms(gitTimes)}`);
  console.log(`  okr links --format json              ${ms(okrTimes)}`);
  console.log(
    `  ratio                                ${ratio.toFixed(2)}  (target <= ${WHOLE_PROCESS_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`,
  );
  printWithoutExtraCaCerts(bareTimes, gitTimes, WHOLE_PROCESS_RATIO_TARGET);
  return ok;
}

export async function benchLargeRepo(): Promise<boolean> {
  const commits = 1_000_000;
  const inPeriod = 20_000;
  const spacing = 600;
  const first = Date.UTC(2008, 0, 1) / 1000;
  // The period starts at commit 980,001 and runs past the last one.
  const periodStart = first + (commits - inPeriod + 1) * spacing;
  const start = day(periodStart + 86_400); // the next midnight: exactly the commits after it count
  const startSeconds = Date.parse(`${start}T00:00:00Z`) / 1000;
  const end = day(first + (commits + 10) * spacing);
  const t0 = Date.now();
  const dir = await buildRepo('repo-1m', commits, first, spacing, okrFileFor({ start, end }));
  const built = Date.now() - t0;
  const env = benchEnv();
  const inside = Math.floor((first + commits * spacing - startSeconds) / spacing) + 1;
  const { okrTimes, gitTimes, bareTimes } = await linksAgainstGit(dir, env, () =>
    timed(
      'git',
      [
        'log',
        '-z',
        '--no-show-signature',
        '--encoding=UTF-8',
        `--format=${logFormat(DEFAULT_TRAILER_KEY)}`,
        `--since=${start}T00:00:00Z`,
        'HEAD',
        '--',
      ],
      dir,
      env,
    ),
  );
  const full = await timed('git', gitLogArgs(), dir, env);
  const ratio = median(okrTimes) / median(gitTimes);
  const ok = ratio <= LARGE_REPO_RATIO_TARGET && median(okrTimes) < full / 5;
  console.log(
    `scale: ${commits.toLocaleString('en-US')} commits, about ${inside.toLocaleString('en-US')} in the OKR period (from ` +
      `${start})${built > 2000 ? `; built in ${(built / 1000).toFixed(0)} s, cached in .cache/bench` : ''}`,
  );
  console.log(`  git log --since=<period start>       ${ms(gitTimes)}`);
  console.log(`  okr links --format json              ${ms(okrTimes)}  (reads from a week before the period)`);
  console.log(`  git log of the whole history         ${full.toFixed(0)} ms (once)`);
  console.log(
    `  ratio                                ${ratio.toFixed(2)}  (target <= ${LARGE_REPO_RATIO_TARGET}, and under a fifth of the ` +
      `full history: ${ok ? 'met' : 'NOT MET'})`,
  );
  printWithoutExtraCaCerts(bareTimes, gitTimes, LARGE_REPO_RATIO_TARGET);
  return ok;
}

// Every title of the monorepo is its own, as in a real organisation: teams do not write the
// same key results across 50 teams and 10 periods. (The first version repeated 150 objective
// and 9 key result titles over 1,500 and 4,500, so whatever was cached by title text looked
// faster than any user would see it.) Each team owns one product area; its three objectives are
// about its reliability, its speed and its adoption, each with three metrics of that kind whose
// numbers come from a fixed seed. Ids, dependencies, alignment, file count and structure are as
// before, and every key result is still halfway from start to target, so health is too.
const AREAS = (
  'checkout,search,billing,payments,notifications,identity,onboarding,catalog,recommendations,inventory,shipping,returns,' +
  'pricing,reviews,messaging,analytics,reporting,ledger,fraud detection,customer support,mobile app,web storefront,' +
  'partner API,data warehouse,feature flags,build system,CI pipeline,deploy tooling,observability,logging,alerting,' +
  'service mesh,edge cache,image service,video transcoding,maps,scheduling,subscriptions,invoicing,tax engine,' +
  'localization,accessibility,design system,admin console,access control,secrets manager,backups,object storage,' +
  'event ingest,ML platform'
).split(',');

/** Objective titles of each concern (reliability, speed, adoption), for a team's area. */
const OBJECTIVE_TITLES: ((area: string) => string)[][] = [
  [
    (a) => `Make ${a} reliable enough that customers stop noticing it`,
    (a) => `Customers can count on ${a} during the holiday peak`,
    (a) => `Earn back trust in ${a} after last quarter's outages`,
    (a) => `Make on-call for ${a} calm and predictable`,
    (a) => `Keep ${a} healthy while traffic keeps growing`,
    (a) => `Catch ${a} regressions before our customers do`,
    (a) => `Recover from ${a} failures without waking anyone up`,
    (a) => `Run ${a} across 2 regions without customers noticing a failover`,
    (a) => `Make ${a} boringly stable for the partners who build on it`,
    (a) => `Know about every ${a} problem within minutes`,
  ],
  [
    (a) => `Make ${a} the fastest part of the product`,
    (a) => `Engineers ship changes to ${a} the day they are ready`,
    (a) => `Remove the waiting from working on ${a}`,
    (a) => `Make ${a} feel instant on a slow phone`,
    (a) => `Give new engineers on ${a} a productive first week`,
    (a) => `Turn ${a} releases into a non-event`,
    (a) => `Make the ${a} codebase a pleasure to change`,
    (a) => `Cut the toil out of operating ${a}`,
    (a) => `Serve ${a} at 10x today's load without a rewrite`,
    (a) => `Let product teams change ${a} without asking us first`,
  ],
  [
    (a) => `Make ${a} the default choice for every product team`,
    (a) => `Customers get more value out of ${a}`,
    (a) => `Run ${a} at a cost the business is proud of`,
    (a) => `Turn ${a} into a self-service platform`,
    (a) => `Grow ${a} usage beyond our own teams`,
    (a) => `Make ${a} data something teams trust and use`,
    (a) => `Win back customers who gave up on ${a}`,
    (a) => `Make ${a} easy to adopt for partners`,
    (a) => `Spend less on ${a} infrastructure while serving more`,
    (a) => `Make ${a} accessible to everyone who needs it`,
  ],
];

/** A key result's metric: its title from start to target, whether it falls, where it starts, its decimals and ceiling. */
interface Metric {
  title: (area: string, from: string, to: string) => string;
  falls: boolean;
  low: number;
  high: number;
  decimals?: number;
  max?: number;
}

/** Metrics of each concern, as OBJECTIVE_TITLES. */
const METRICS: Metric[][] = [
  [
    { title: (a, f, t) => `Cut P1 incidents in ${a} from ${f} to ${t} per quarter`, falls: true, low: 6, high: 30 },
    { title: (a, f, t) => `Reduce p95 latency of the ${a} API from ${f}ms to ${t}ms`, falls: true, low: 180, high: 1200 },
    { title: (a, f, t) => `Raise ${a} availability from ${f}% to ${t}%`, falls: false, low: 99, high: 99.6, decimals: 2, max: 99.99 },
    { title: (a, f, t) => `Bring mean time to recovery for ${a} down from ${f} to ${t} minutes`, falls: true, low: 25, high: 240 },
    { title: (a, f, t) => `Lower the ${a} error rate from ${f}% to ${t}%`, falls: true, low: 0.8, high: 4.5, decimals: 1 },
    { title: (a, f, t) => `Cut pages to the ${a} on-call rotation from ${f} to ${t} a week`, falls: true, low: 9, high: 45 },
    { title: (a, f, t) => `Increase alert coverage of ${a} endpoints from ${f}% to ${t}%`, falls: false, low: 35, high: 70, max: 100 },
  ],
  [
    { title: (a, f, t) => `Shrink the ${a} build from ${f} to ${t} minutes`, falls: true, low: 14, high: 55 },
    { title: (a, f, t) => `Grow ${a} deploys per week from ${f} to ${t}`, falls: false, low: 3, high: 25 },
    { title: (a, f, t) => `Cut lead time for ${a} changes from ${f} to ${t} hours`, falls: true, low: 30, high: 160 },
    { title: (a, f, t) => `Raise test coverage of ${a} from ${f}% to ${t}%`, falls: false, low: 38, high: 72, max: 100 },
    { title: (a, f, t) => `Reduce flaky tests in the ${a} suite from ${f} to ${t}`, falls: true, low: 12, high: 90 },
    { title: (a, f, t) => `Reduce ${a} page load time on 3G from ${f}s to ${t}s`, falls: true, low: 3.2, high: 9.5, decimals: 1 },
    { title: (a, f, t) => `Take a new ${a} engineer from ${f} to ${t} days to first deploy`, falls: true, low: 8, high: 30 },
  ],
  [
    { title: (a, f, t) => `Grow the number of teams using ${a} from ${f} to ${t}`, falls: false, low: 4, high: 22 },
    { title: (a, f, t) => `Increase weekly active users of ${a} from ${f} to ${t}`, falls: false, low: 1200, high: 48000 },
    { title: (a, f, t) => `Lower monthly cloud spend on ${a} from $${f}k to $${t}k`, falls: true, low: 40, high: 380 },
    { title: (a, f, t) => `Reduce the ${a} support ticket backlog from ${f} to ${t}`, falls: true, low: 60, high: 700 },
    {
      title: (a, f, t) => `Lift ${a} customer satisfaction from ${f} to ${t} out of 5`,
      falls: false,
      low: 3.1,
      high: 3.9,
      decimals: 1,
      max: 5,
    },
    { title: (a, f, t) => `Grow ${a} API adoption from ${f} to ${t} external integrations`, falls: false, low: 5, high: 60 },
    { title: (a, f, t) => `Cut open security findings in ${a} from ${f} to ${t}`, falls: true, low: 15, high: 120 },
    {
      title: (a, f, t) => `Raise the share of ${a} traffic on the new runtime from ${f}% to ${t}%`,
      falls: false,
      low: 10,
      high: 45,
      max: 100,
    },
  ],
];

/** A fixed sequence of numbers in [0, 1) (mulberry32), so that every build writes the same files. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start, target and the value halfway of a metric, drawn from `random`. */
function numbersOf(metric: Metric, random: () => number): { start: number; target: number; current: number } {
  const round = (x: number) => Number(x.toFixed(metric.decimals ?? 0));
  const start = round(metric.low + random() * (metric.high - metric.low));
  const step = metric.max !== undefined ? (metric.max - start) * (0.3 + random() * 0.5) : start * (0.3 + random() * 0.6);
  const target = round(metric.falls ? start - start * (0.3 + random() * 0.4) : start + step);
  return { start, target: target === start ? start + (metric.falls ? -1 : 1) : target, current: round((start + target) / 2) };
}

const MONOREPO_VERSION = 'distinct titles';

/** 50 teams x 10 periods of realistic files, in one folder tree; no title appears twice. */
function buildMonorepo(): string {
  const dir = path.join(CACHE, 'monorepo-500');
  const marker = path.join(dir, '.built');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === MONOREPO_VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });
  const titles = new Set<string>();
  const distinct = (title: string) => {
    if (titles.has(title)) throw new Error(`monorepo bench: title written twice: ${title}`);
    titles.add(title);
    return title;
  };
  for (let t = 1; t <= 50; t++) {
    const area = AREAS[t - 1];
    for (let q = 0; q < 10; q++) {
      const year = 2024 + Math.floor(q / 4);
      const quarter = (q % 4) + 1;
      const id = `T${t}-${year}Q${quarter}`;
      const random = seeded(t * 100 + q);
      const lines = [
        `version: 1`,
        `team: Team ${t}`,
        `period: ${year}-Q${quarter}`,
        t > 1 ? `aligns_with: ../team-1/${year}-q${quarter}.okr.yaml` : '',
        'objectives:',
      ].filter(Boolean);
      for (let o = 1; o <= 3; o++) {
        const objectiveTitles = OBJECTIVE_TITLES[o - 1];
        lines.push(
          `  - id: ${id}-O${o}`,
          `    title: ${distinct(objectiveTitles[(q + t) % objectiveTitles.length](area))}`,
          ...(t > 1 ? [`    parent: T1-${year}Q${quarter}-O${o}`] : []),
          '    key_results:',
        );
        for (let k = 1; k <= 3; k++) {
          const metrics = METRICS[o - 1];
          const metric = metrics[(q * 3 + k + t) % metrics.length];
          let numbers = numbersOf(metric, random);
          // A team tracks the same metric in several periods; its numbers tell them apart.
          while (titles.has(metric.title(area, String(numbers.start), String(numbers.target)))) numbers = numbersOf(metric, random);
          const { start, target, current } = numbers;
          lines.push(
            `      - id: ${id}-KR${o}${k}`,
            `        title: ${distinct(metric.title(area, String(start), String(target)))}`,
            `        start: ${start}`,
            `        target: ${target}`,
            `        current: ${current}`,
            ...(k === 3 && t > 1 ? [`        depends_on: [T${t - 1}-${year}Q${quarter}-KR${o}1]`] : []),
            '        check_ins:',
            `          - { date: ${year}-${String((quarter - 1) * 3 + 2).padStart(2, '0')}-10, value: ${current}, confidence: 0.7 }`,
          );
        }
      }
      const file = path.join(dir, `team-${t}`, `${year}-q${quarter}.okr.yaml`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
  }
  writeFileSync(marker, MONOREPO_VERSION);
  return dir;
}

/** A process that reads and parses every OKR file of the folder and nothing else: the baseline of `okr lint`. */
const BARE_PARSE = `
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const { parseOkr } = require(process.argv[1]);
const walk = (d) => readdirSync(d).sort().flatMap((n) => { const p = path.join(d, n); return statSync(p).isDirectory() ? walk(p) : n.endsWith('.okr.yaml') ? [p] : []; });
let objectives = 0;
for (const f of walk(process.argv[2])) objectives += parseOkr(readFileSync(f, 'utf8'), f).file.objectives.length;
process.stdout.write(String(objectives));
`;

export async function benchMonorepo(): Promise<boolean> {
  const dir = buildMonorepo();
  const env = benchEnv();
  // The bare parse uses the same bundled parser as the CLI (dist/bench-parse.js, built by esbuild.js).
  const parser = path.join(ROOT, 'dist', 'bench-parse.js');
  const [lintTimes, parseTimes] = await alternate(
    RUNS,
    () => timed(process.execPath, [OKR, 'lint', '--today', '2026-11-28', '--format', 'json', '.'], dir, env).catch(() => NaN),
    () => timed(process.execPath, ['-e', BARE_PARSE, parser, dir], dir, env),
  );
  const ratio = median(lintTimes) / median(parseTimes);
  const ok = ratio <= MONOREPO_RATIO_TARGET;
  console.log('scale: monorepo of 500 OKR files (50 teams x 10 periods, aligned and with dependencies), whole process');
  console.log(`  read and parse every file            ${ms(parseTimes)}`);
  console.log(`  okr lint                             ${ms(lintTimes)}`);
  console.log(
    `  ratio                                ${ratio.toFixed(2)}  (target <= ${MONOREPO_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`,
  );
  return ok;
}

/**
 * Builds the 50,000-commit index in a process of its own and reports what it holds:
 * the live heap and the RSS growth right after the scan, and the RSS growth at rest,
 * once V8's memory reducer has run (a few seconds without allocation, as in an idle
 * editor): right after the scan, V8 still keeps the young generation it grew to for
 * the scan's garbage (up to 32 MiB), which it gives back when the process goes quiet.
 */
const INDEX_MEMORY = `
const { CommitIndex } = require(process.argv[1]);
const v8 = require('node:v8');
const collect = () => { global.gc(); global.gc(); };
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
collect();
const before = process.memoryUsage();
const index = new CommitIndex({ cwd: process.argv[2] }, { since: undefined });
index.update().then(async () => {
  index.commitsFor('BENCH-KR1');
  collect();
  const after = process.memoryUsage();
  const grown = young();
  const t0 = Date.now();
  while (young() >= grown && Date.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 250));
  collect();
  const rest = process.memoryUsage();
  process.stdout.write(JSON.stringify({ commits: index.commits.length, heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss,
    restRss: rest.rss - before.rss, restSeconds: (Date.now() - t0) / 1000, totalRss: rest.rss }));
});
`;

export async function benchIndexMemory(): Promise<boolean> {
  const first = Date.UTC(2024, 0, 1) / 1000;
  const dir = await buildRepo('repo-50k', 50_000, first, 600, okrFileFor({ start: day(first), end: day(first + 50_001 * 600) }));
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', INDEX_MEMORY, path.join(ROOT, 'dist', 'bench-parse.js'), dir], {
    env: benchEnv(),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the memory probe failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as { commits: number; heap: number; rss: number; restRss: number; restSeconds: number; totalRss: number };
  const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
  // The live heap, the RSS right after the scan (which includes the young generation V8 grew
  // for the scan and gives back when idle) and the RSS at rest must all stay under the target.
  const ok = [m.heap, m.rss, m.restRss].every((bytes) => bytes / 1024 / 1024 < INDEX_MEMORY_TARGET_MIB);
  console.log(`scale: memory of the commit index of ${m.commits} commits (with its key-result map), after GC, in its own process`);
  console.log(
    `  live heap of the index ${mib(m.heap)} MiB, RSS growth at rest ${mib(m.restRss)} MiB (target < ${INDEX_MEMORY_TARGET_MIB} ` +
      `MiB each: ${ok ? 'met' : 'NOT MET'})`,
  );
  console.log(
    `  RSS growth right after the scan ${mib(m.rss)} MiB (target < ${INDEX_MEMORY_TARGET_MIB} MiB too); at rest after ${m.restSeconds.toFixed(1)} s, process RSS ${mib(m.totalRss)} MiB`,
  );
  return ok;
}

const SCALE_BENCHMARKS: { name: string; run: () => Promise<boolean> }[] = [
  { name: 'whole-process', run: benchWholeProcess },
  { name: 'memory', run: benchIndexMemory },
  { name: 'monorepo', run: benchMonorepo },
  { name: 'large-repo', run: benchLargeRepo },
];

export async function benchScale(): Promise<boolean> {
  // OKR_BENCH_SCALE=monorepo,large-repo runs just those (names above).
  const only = process.env.OKR_BENCH_SCALE?.split(',').map((n) => n.trim());
  const results: boolean[] = [];
  for (const b of SCALE_BENCHMARKS) {
    if (only && !only.includes(b.name)) continue;
    if (b.name === 'large-repo' && process.env.OKR_BENCH_SKIP_LARGE === '1') {
      console.log('scale: the 1,000,000-commit benchmark is skipped (OKR_BENCH_SKIP_LARGE=1)');
      continue;
    }
    results.push(await b.run());
  }
  return results.every(Boolean);
}
