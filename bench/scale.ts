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

// ---------------------------------------------------------------------------

export async function benchWholeProcess(): Promise<boolean> {
  const first = Date.UTC(2024, 0, 1) / 1000;
  const commits = 50_000;
  // The period holds every commit: both sides read the same 50,000.
  const period = { start: day(first), end: day(first + (commits + 1) * 600) };
  const dir = await buildRepo('repo-50k', commits, first, 600, okrFileFor(period));
  const env = benchEnv();
  const window = scanWindowStart([period.start]);
  const [okrTimes, gitTimes] = await alternate(
    RUNS,
    () => timed(process.execPath, [OKR, 'links', '--format', 'json'], dir, env),
    () => timed('git', gitLogArgs(window), dir, env),
  );
  const ratio = median(okrTimes) / median(gitTimes);
  const ok = ratio <= WHOLE_PROCESS_RATIO_TARGET;
  console.log(`scale: whole process, ${commits} commits (${commits / 10} with Key-Result trailers), both spawned, output through a pipe`);
  console.log(`  git log with the same fields         ${ms(gitTimes)}`);
  console.log(`  okr links --format json              ${ms(okrTimes)}`);
  console.log(
    `  ratio                                ${ratio.toFixed(2)}  (target <= ${WHOLE_PROCESS_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`,
  );
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
  const [okrTimes, gitTimes] = await alternate(
    RUNS,
    () => timed(process.execPath, [OKR, 'links', '--format', 'json'], dir, env),
    () =>
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
  return ok;
}

/** 50 teams x 10 periods of realistic files, in one folder tree. */
function buildMonorepo(): string {
  const dir = path.join(CACHE, 'monorepo-500');
  const marker = path.join(dir, '.built');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (let t = 1; t <= 50; t++) {
    for (let q = 0; q < 10; q++) {
      const year = 2024 + Math.floor(q / 4);
      const quarter = (q % 4) + 1;
      const id = `T${t}-${year}Q${quarter}`;
      const lines = [
        `version: 1`,
        `team: Team ${t}`,
        `period: ${year}-Q${quarter}`,
        t > 1 ? `aligns_with: ../team-1/${year}-q${quarter}.okr.yaml` : '',
        'objectives:',
      ].filter(Boolean);
      for (let o = 1; o <= 3; o++) {
        lines.push(
          `  - id: ${id}-O${o}`,
          `    title: Customers in region ${o} rely on team ${t}`,
          ...(t > 1 ? [`    parent: T1-${year}Q${quarter}-O${o}`] : []),
          '    key_results:',
        );
        for (let k = 1; k <= 3; k++) {
          lines.push(
            `      - id: ${id}-KR${o}${k}`,
            `        title: Cut P1 incidents in region ${o} from ${10 + k} to ${k}`,
            `        start: ${10 + k}`,
            `        target: ${k}`,
            `        current: ${5 + k}`,
            ...(k === 3 && t > 1 ? [`        depends_on: [T${t - 1}-${year}Q${quarter}-KR${o}1]`] : []),
            '        check_ins:',
            `          - { date: ${year}-${String((quarter - 1) * 3 + 2).padStart(2, '0')}-10, value: ${5 + k}, confidence: 0.7 }`,
          );
        }
      }
      const file = path.join(dir, `team-${t}`, `${year}-q${quarter}.okr.yaml`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
  }
  writeFileSync(marker, '500');
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
