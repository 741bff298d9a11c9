// `okr lint --history` against git's own speed, measured in the same run, on a
// repository of 50,000 commits holding 8 past quarters of one team's OKR file (it
// changes every 50th commit: weekly check-ins, a new period each quarter):
//   - `git log` over that file alone (its commits and blob ids), as a process;
//   - `okr lint --history` on that file, as a process (node start, the git log over
//     the OKR files, bounded to the periods the rules read, the version from before
//     that bound, the blobs in one cat-file, parsing the versions the rules need);
//   target: at most 1.5 times git log alone.
// For the record (no target): git log over the file bounded as okr's is (--since), so
// what okr adds over git's own walk shows too.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isolatedGitEnv } from './git-env';

export const HISTORY_RATIO_TARGET = 1.5;
const COMMITS = 50_000;
const OKR_EVERY = 50;
const RUNS = 5;
const OKR_PATH = 'okrs/platform.okr.yaml';

function benchEnv(home: string): NodeJS.ProcessEnv {
  return isolatedGitEnv(home, { NO_COLOR: '1' });
}

function quarterOf(ms: number): { label: string; start: number; end: number } {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = Date.UTC(d.getUTCFullYear(), q * 3, 1);
  const end = Date.UTC(d.getUTCFullYear(), q * 3 + 3, 1);
  return { label: `${d.getUTCFullYear()}-Q${q + 1}`, start, end };
}

function okrText(ms: number): string {
  const q = quarterOf(ms);
  const share = Math.min(1, (ms - q.start) / (q.end - q.start));
  const day = new Date(ms).toISOString().slice(0, 10);
  const kr = (n: number, from: number, to: number) =>
    `      - id: PLAT-KR${n}\n        title: Reduce P1 incidents from ${from} to ${to} per quarter\n        start: ${from}\n` +
    `        target: ${to}\n        check_ins:\n          - { date: ${day}, value: ${Math.round(from - (from - to) * share * 0.8)} }\n`;
  return (
    `version: 1\nteam: Platform\nperiod: ${q.label}\nobjectives:\n  - id: PLAT-O1\n    title: Customers can rely on our ` +
    `platform\n    key_results:\n${kr(1, 12, 3)}${kr(2, 40, 10)}`
  );
}

/** 50,000 commits over the last 8 quarters and a half; every 50th changes the OKR file. */
export function fastImportStream(now: number): Buffer {
  const parts: string[] = [];
  const span = (8 * 91 + 45) * 86_400_000;
  const first = now - span;
  for (let i = 1; i <= COMMITS; i++) {
    const ms = first + Math.floor((span * i) / COMMITS);
    const when = `${Math.floor(ms / 1000)} +0000`;
    const message = `Change ${i}\n`;
    const [file, content] = i % OKR_EVERY === 1 ? [OKR_PATH, okrText(ms)] : [`src/service-${i % 97}.txt`, `value ${i}\n`];
    parts.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author Bench <bench@example.com> ${when}`,
      `committer Bench <bench@example.com> ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    if (i > 1) parts.push(`from :${i - 1}`);
    parts.push(`M 644 inline ${file}`, `data ${Buffer.byteLength(content)}`, content);
  }
  parts.push('');
  return Buffer.from(parts.join('\n'));
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchHistory(): Promise<boolean> {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-bench-history-'));
  try {
    const home = path.join(root, 'home');
    mkdirSync(home);
    const dir = path.join(root, 'repo');
    mkdirSync(dir);
    const env = benchEnv(home);
    const now = Date.UTC(2026, 10, 15);
    const git = (args: string[], input?: Buffer) => {
      const r = spawnSync('git', args, { cwd: dir, env, input, maxBuffer: 1024 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr.toString()}`);
    };
    git(['init', '-q', '--initial-branch=main']);
    git(['fast-import', '--quiet'], fastImportStream(now));
    git(['reset', '-q', '--hard', 'main']);
    // bin/okr.js, as users run it (dist/cli.js is the bundle it loads).
    const cli = path.join(__dirname, '..', 'bin', 'okr.js');
    const today = new Date(now).toISOString().slice(0, 10);
    const gitLog = () => run('git', ['log', '--format=%H%x1f%cI', '--raw', '--no-abbrev', '--', OKR_PATH], dir, env);
    // The bound okr lint reads back to: two quarters and a month before the current quarter (2026-10-01).
    const gitLogBounded = () =>
      run('git', ['log', '--since=2026-03-01T00:00:00Z', '--format=%H%x1f%cI', '--raw', '--no-abbrev', '--', OKR_PATH], dir, env);
    const lint = () => run(process.execPath, [cli, 'lint', '--history', '--today', today, OKR_PATH], dir, env);

    // Check once that the history is read: the file has every version, and the run is clean.
    const check = await lint();
    if (check.code !== 0 || check.stderr !== '')
      throw new Error(`okr lint --history failed (${check.code}): ${check.stderr}${check.stdout}`);
    const versions = (await gitLog()).stdout.split('\n').filter((l) => l.includes('\x1f')).length;
    const gitRuns: number[] = [];
    const lintRuns: number[] = [];
    const boundedRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      gitRuns.push(await time(gitLog));
      lintRuns.push(await time(lint));
      boundedRuns.push(await time(gitLogBounded));
    }
    const ratio = median(lintRuns) / median(gitRuns);
    const ok = ratio <= HISTORY_RATIO_TARGET;
    const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms median (min ${Math.min(...xs).toFixed(1)}, ${xs.length} runs)`;
    console.log(`history: okr lint --history over ${COMMITS} commits, ${versions} versions of ${OKR_PATH} across 8 past quarters`);
    console.log(`  git log over that file alone (process)   ${ms(gitRuns)}`);
    console.log(`  okr lint --history (process)             ${ms(lintRuns)}`);
    console.log(
      `  git log --since as okr bounds it         ${ms(boundedRuns)}  (for the record: lint/bounded ` +
        `${(median(lintRuns) / median(boundedRuns)).toFixed(2)})`,
    );
    console.log(
      `  ratio lint/git log                       ${ratio.toFixed(2)}  (target <= ${HISTORY_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`,
    );
    return ok;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
