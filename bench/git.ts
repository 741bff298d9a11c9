// The history scan against git's own speed, measured in the same run, on a
// repository of 50,000 commits (a tenth with key-result trailers) built with
// `git fast-import` in a temporary folder:
//   - `git log` with the scan's format alone (output read and thrown away);
//   - the full scan (`CommitIndex.update` from nothing: the same git log, parsed);
//     target: at most 1.5 times git log alone;
//   - the incremental update after one new commit; target: under 100 ms.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isolatedGitEnv } from './git-env';
import type { GitContext } from '../src/core/git/git';
import { CommitIndex, logArgs } from '../src/core/git/history';
import { DEFAULT_TRAILER_KEY } from '../src/core/git/trailers';

export const GIT_SCAN_RATIO_TARGET = 1.5;
export const GIT_INCREMENTAL_TARGET_MS = 100;
const COMMITS = 50_000;
const RUNS = 5;

/** git isolated from the machine's configuration, with a fixed identity. */
function benchEnv(home: string): NodeJS.ProcessEnv {
  return isolatedGitEnv(home, {
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  });
}

/** The fast-import stream of a linear history: each commit changes one file; every tenth names a key result. */
function fastImportStream(commits: number): Buffer {
  const parts: string[] = [];
  const start = Date.UTC(2024, 0, 1) / 1000;
  const authors = ['Dana Author <dana@example.com>', 'Li Other <li@example.com>', 'Sam Third <sam@example.com>'];
  for (let i = 1; i <= commits; i++) {
    const when = `${start + i * 600} +0000`;
    const author = authors[i % authors.length];
    let message =
      `Change ${i}: adjust the retry policy of service ${i % 97}\n\nThe retries of service ${i % 97} back off ` + `exponentially now.\n`;
    if (i % 10 === 0) message += `\nSigned-off-by: ${author}\nKey-Result: BENCH-KR${i % 40}\n`;
    const content = `value ${i}\n`;
    parts.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author ${author} ${when}`,
      `committer ${author} ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(i > 1 ? [`from :${i - 1}`] : []),
      `M 644 inline service-${i % 97}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  parts.push('');
  return Buffer.from(parts.join('\n'));
}

function git(ctx: GitContext, args: string[], input?: Buffer): string {
  const r = spawnSync('git', args, { cwd: ctx.cwd, env: ctx.env, input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** `git log` with the scan's arguments, its output drained and dropped: git's own cost. */
function gitLogAlone(ctx: GitContext): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', logArgs(DEFAULT_TRAILER_KEY, ['HEAD']), {
      cwd: ctx.cwd,
      env: { ...ctx.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git log exited with ${code}`))));
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface GitBenchResult {
  commits: number;
  outputBytes: number;
  gitLog: number[];
  fullScan: number[];
  incremental: number[];
  ratio: number;
}

export async function measureGit(commits = COMMITS, runs = RUNS): Promise<GitBenchResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-bench-git-'));
  try {
    const home = path.join(root, 'home');
    mkdirSync(home);
    const dir = path.join(root, 'repo');
    mkdirSync(dir);
    const ctx: GitContext = { cwd: dir, env: benchEnv(home) };
    git(ctx, ['init', '-q', '--initial-branch=main']);
    git(ctx, ['fast-import', '--quiet'], fastImportStream(commits));
    git(ctx, ['reset', '-q', '--hard', 'main']);

    // Warm the caches once each, then take turns so load from elsewhere hits both alike.
    const outputBytes = await gitLogAlone(ctx);
    const check = new CommitIndex(ctx);
    await check.update();
    if (check.commits.length !== commits) throw new Error(`the scan found ${check.commits.length} commits, not ${commits}`);
    const tagged = check.commits.filter((c) => c.keyResults.length > 0).length;
    if (tagged !== commits / 10) throw new Error(`the scan found ${tagged} tagged commits, not ${commits / 10}`);

    const gitLog: number[] = [];
    const fullScan: number[] = [];
    for (let i = 0; i < runs; i++) {
      gitLog.push(await time(() => gitLogAlone(ctx)));
      fullScan.push(await time(() => new CommitIndex(ctx).update()));
    }

    const index = new CommitIndex(ctx);
    await index.update();
    const incremental: number[] = [];
    for (let i = 0; i < runs; i++) {
      git(ctx, ['commit', '-q', '--allow-empty', '--no-verify', '-m', `New work ${i}`, '-m', 'Key-Result: BENCH-KR1']);
      const t = await time(async () => {
        const r = await index.update();
        if (r.full || r.added !== 1) throw new Error(`the incremental update read ${r.added} commits (full: ${r.full})`);
      });
      incremental.push(t);
    }
    return { commits, outputBytes, gitLog, fullScan, incremental, ratio: median(fullScan) / median(gitLog) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Prints the figures; true when both targets are met. */
export async function benchGit(): Promise<boolean> {
  const r = await measureGit();
  const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms median (min ${Math.min(...xs).toFixed(1)}, ${xs.length} runs)`;
  const ratioOk = r.ratio <= GIT_SCAN_RATIO_TARGET;
  const incrementalOk = median(r.incremental) < GIT_INCREMENTAL_TARGET_MS;
  console.log(
    `git: history scan of ${r.commits} commits (${r.commits / 10} with Key-Result trailers), ` +
      `${(r.outputBytes / 1024 / 1024).toFixed(1)} MiB of log`,
  );
  console.log(`  git log with the scan's format alone   ${ms(r.gitLog)}`);
  console.log(`  full scan (CommitIndex.update)        ${ms(r.fullScan)}`);
  console.log(
    `  ratio scan/git log                    ${r.ratio.toFixed(2)}  (target <= ${GIT_SCAN_RATIO_TARGET}: ${ratioOk ? 'met' : 'NOT MET'})`,
  );
  console.log(
    `  incremental update after 1 commit     ${ms(r.incremental)}  (target < ${GIT_INCREMENTAL_TARGET_MS} ms: ` +
      `${incrementalOk ? 'met' : 'NOT MET'})`,
  );
  return ratioOk && incrementalOk;
}
