// Running git: always `git` with an argument array (never a shell), with a timeout
// and an output limit, and failures turned into errors a user can act on ("not a
// git repository", "git is not installed"). Plus the few questions about a
// repository the rest of the git code asks.

import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TRAILER_KEY, trailerKeyProblem } from './trailers';

/** Where and with which environment git runs. */
export interface GitContext {
  /** A folder inside the repository (or the folder to say "not a repository" about). */
  cwd: string;
  /** The environment for git; `process.env` when absent. */
  env?: NodeJS.ProcessEnv;
  /**
   * Keep GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and the other variables that point
   * git at another repository. Only for code git itself runs (a hook), where git
   * sets them for the repository it is committing to; everywhere else `cwd` names
   * the repository and a variable left over in the environment must not beat it.
   */
  repositoryFromEnv?: boolean;
}

export interface RunGitOptions {
  /** Text for git's standard input. */
  input?: string;
  /**
   * Default 30 s, for the small questions that must never hang an editor. 0: no
   * limit, for the history scan, whose time grows with the repository and which
   * shows progress instead (a timeout must never be what ends it).
   */
  timeoutMs?: number;
  /** Called with each chunk of standard output as it arrives (progress of a long scan). */
  onOutput?: (chunk: Buffer) => void;
  /** Default 512 MiB of output, then git is stopped. */
  maxBuffer?: number;
  /** Exit codes that are answers rather than failures (`git config --get` says 1 for "not set"). */
  okCodes?: readonly number[];
  /** Stops git (SIGKILL) when aborted: the caller no longer needs what it would say. */
  signal?: AbortSignal;
  /** Called once git has been started (the caller may then do other work beside it). */
  onSpawn?: () => void;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

export type GitErrorKind =
  'not-installed' | 'no-folder' | 'not-a-repository' | 'unsafe-repository' | 'timeout' | 'output-too-large' | 'failed';

export class GitError extends Error {
  constructor(
    message: string,
    readonly kind: GitErrorKind,
    readonly args: readonly string[],
    readonly stderr = '',
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export const DEFAULT_GIT_TIMEOUT_MS = 30_000;
export const DEFAULT_GIT_MAX_BUFFER = 512 * 1024 * 1024;

/**
 * The variables that make git work on another repository, index or object store
 * than the one it would find from its working folder (`git rev-parse
 * --local-env-vars`, less the config ones, which are settings and not places).
 */
export const REPOSITORY_ENV_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_GRAFT_FILE',
  'GIT_SHALLOW_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_NAMESPACE',
] as const;

function gitEnv(ctx: GitContext): NodeJS.ProcessEnv {
  const repositoryVars: readonly string[] = REPOSITORY_ENV_VARS;
  const base = Object.fromEntries(
    Object.entries(ctx.env ?? process.env).filter(([name]) => ctx.repositoryFromEnv || !repositoryVars.includes(name)),
  );
  return {
    ...base,
    // Messages we match on are git's English ones; output encoding is unaffected.
    LC_ALL: 'C',
    LANGUAGE: 'C',
    // Never wait for a password prompt, and never take locks a user's own git command might need.
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
  };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.replace(/^(fatal|error):\s*/, '').trim())
      .find((l) => l !== '') ?? ''
  );
}

function classify(args: readonly string[], cwd: string, code: number, stderr: string): GitError {
  if (/not a git repository/i.test(stderr)) {
    return new GitError(`${cwd} is not in a git repository`, 'not-a-repository', args, stderr, code);
  }
  if (/dubious ownership/i.test(stderr)) {
    return new GitError(
      `git refuses to work in ${cwd}: the repository belongs to another user (see "git config --global --add safe.directory")`,
      'unsafe-repository',
      args,
      stderr,
      code,
    );
  }
  const detail = firstLine(stderr) || `exit code ${code}`;
  return new GitError(`git ${args.find((a) => !a.startsWith('-')) ?? args[0] ?? ''} failed: ${detail}`, 'failed', args, stderr, code);
}

/**
 * Why spawn failed: spawn reports a missing cwd as a missing program, so the folder is
 * looked at when it fails (not before every call: that cost a round trip each).
 */
async function spawnFailure(ctx: GitContext, args: readonly string[], e: NodeJS.ErrnoException, thrown: boolean): Promise<Error> {
  const stat = await fs.stat(ctx.cwd).catch(() => undefined);
  if (!stat) return new GitError(`${ctx.cwd} does not exist`, 'no-folder', args);
  if (!stat.isDirectory()) return new GitError(`${ctx.cwd} is not a folder`, 'no-folder', args);
  // Thrown with a good folder: bad arguments (a NUL in one), a bug of the caller's.
  if (thrown) return e;
  return e.code === 'ENOENT'
    ? new GitError('git is not installed, or not on the PATH', 'not-installed', args)
    : new GitError(`could not run git: ${e.message}`, 'failed', args);
}

/** Runs git in `ctx.cwd`; rejects with a GitError unless it exits 0 (or with one of `okCodes`). */
export function runGit(ctx: GitContext, args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  const maxBuffer = options.maxBuffer ?? DEFAULT_GIT_MAX_BUFFER;
  return new Promise<GitResult>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      fn();
    };
    let child: ChildProcess;
    try {
      child = spawn('git', args as string[], {
        cwd: ctx.cwd,
        env: gitEnv(ctx),
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      // Some failures throw at once (a cwd that is a file: ENOTDIR), others come as an 'error' event.
      settled = true;
      void spawnFailure(ctx, args, e as NodeJS.ErrnoException, true).then(reject);
      return;
    }
    // No pid: it failed to start (the 'error' event says why).
    if (child.pid !== undefined) options.onSpawn?.();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            child.kill('SIGKILL');
            finish(() =>
              reject(new GitError(`git ${args[0]} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, 'timeout', args)),
            );
          }, timeoutMs)
        : undefined;
    const abort = () => {
      child.kill('SIGKILL');
      finish(() => reject(new GitError(`git ${args[0]} was stopped`, 'failed', args)));
    };
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener('abort', abort, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxBuffer) {
        child.kill('SIGKILL');
        finish(() =>
          reject(
            new GitError(
              `git ${args[0]} printed more than ${Math.round(maxBuffer / 1024 / 1024)} MiB and was stopped`,
              'output-too-large',
              args,
            ),
          ),
        );
        return;
      }
      out.push(chunk);
      options.onOutput?.(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      // stderr is only read for messages: keep its start.
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    // Settled at once, so that nothing else (a close, the timer) settles it while the folder is looked at.
    child.on('error', (e: NodeJS.ErrnoException) => finish(() => void spawnFailure(ctx, args, e, false).then(reject)));
    child.on('close', (code, signal) => {
      finish(() => {
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        const exit = code ?? (signal ? 128 : 1);
        if (exit === 0 || options.okCodes?.includes(exit)) resolve({ stdout, stderr, code: exit });
        else reject(classify(args, ctx.cwd, exit, stderr));
      });
    });
    if (child.stdin) {
      // A git that exits before reading its input must not crash us with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

// ---------------------------------------------------------------------------
// Questions about a repository

export interface RepoInfo {
  /** The working tree's root; undefined in a bare repository. */
  root?: string;
  /** Absolute `.git` folder of this worktree. */
  gitDir: string;
  /** Absolute folder shared by all worktrees (hooks and config live there). */
  commonDir: string;
  bare: boolean;
  shallow: boolean;
  /**
   * The commit HEAD points at when asked (`commit` undefined before the first one);
   * absent where it is not asked: a bare repository, a .git folder.
   */
  head?: { commit: string | undefined };
}

export async function repoInfo(ctx: GitContext): Promise<RepoInfo> {
  // One git call for all of it: `--show-toplevel` comes after the rest because it fails in
  // a bare repository (and in a .git folder) once the answers before it are printed; HEAD's
  // commit comes last (git exits 1, quietly, before the first commit).
  const args = [
    'rev-parse',
    '--path-format=absolute',
    '--is-bare-repository',
    '--is-shallow-repository',
    '--git-dir',
    '--git-common-dir',
    '--show-toplevel',
    '--verify',
    '--quiet',
    '--end-of-options',
    'HEAD^{commit}',
  ];
  const r = await runGit(ctx, args, { okCodes: [1, 128] });
  const lines = r.stdout.split('\n');
  if (lines.length < 4 || (r.code !== 0 && /not a git repository/i.test(r.stderr))) throw classify(args, ctx.cwd, r.code, r.stderr);
  const bare = lines[0] === 'true';
  const info: RepoInfo = { bare, shallow: lines[1] === 'true', gitDir: lines[2], commonDir: lines[3] };
  if (!bare) {
    if (r.code === 128 || !lines[4]) throw classify(args, ctx.cwd, 128, r.stderr);
    info.root = lines[4];
    info.head = { commit: r.code === 0 && lines[5] ? lines[5] : undefined };
  }
  return info;
}

/** The value of a git config key, or undefined when it is not set. */
export async function gitConfigGet(ctx: GitContext, key: string): Promise<string | undefined> {
  const r = await runGit(ctx, ['config', '--get', key], { okCodes: [1] });
  return r.code === 0 ? r.stdout.replace(/\n$/, '') : undefined;
}

/** Every value of a multi-valued git config key. */
export async function gitConfigGetAll(ctx: GitContext, key: string): Promise<string[]> {
  const r = await runGit(ctx, ['config', '--get-all', key], { okCodes: [1] });
  return r.code === 0 ? r.stdout.split('\n').filter((l) => l !== '') : [];
}

/** The commit HEAD (or `ref`) points at; undefined in a repository without commits. */
export async function resolveCommit(ctx: GitContext, ref = 'HEAD'): Promise<string | undefined> {
  const r = await runGit(ctx, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { okCodes: [1] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** The checked-out branch's short name (also before its first commit); undefined when HEAD is detached. */
export async function currentBranch(ctx: GitContext): Promise<string | undefined> {
  const r = await runGit(ctx, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { okCodes: [1] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Is `ancestor` reachable from `descendant`? False too when `ancestor` no longer exists (history rewritten and pruned). */
export async function isAncestor(ctx: GitContext, ancestor: string, descendant: string): Promise<boolean> {
  const r = await runGit(ctx, ['merge-base', '--is-ancestor', ancestor, descendant], { okCodes: [1, 128] });
  return r.code === 0;
}

/** Does a local branch of this name exist? */
export async function branchExists(ctx: GitContext, name: string): Promise<boolean> {
  const r = await runGit(ctx, ['show-ref', '--verify', '--quiet', `refs/heads/${name}`], { okCodes: [1] });
  return r.code === 0;
}

/** The git config key holding a branch's explicit key-result link. */
export function branchLinkKey(branch: string): string {
  return `branch.${branch}.okrKeyResult`;
}

/** The key result a branch is explicitly linked to in git config. */
export async function branchLink(ctx: GitContext, branch: string): Promise<string | undefined> {
  const value = (await gitConfigGet(ctx, branchLinkKey(branch)))?.trim();
  return value === '' ? undefined : value;
}

export async function setBranchLink(ctx: GitContext, branch: string, krId: string): Promise<void> {
  await runGit(ctx, ['config', branchLinkKey(branch), krId]);
}

/**
 * The folder git runs hooks from: `core.hooksPath` when set (a relative one is
 * relative to the working tree's root, as git reads it), else `hooks` in the
 * folder shared by all worktrees.
 */
export async function hooksDir(ctx: GitContext): Promise<string> {
  const info = await repoInfo(ctx);
  const configured = await gitConfigGet(ctx, 'core.hooksPath');
  if (configured !== undefined && configured !== '') {
    const home = (ctx.env ?? process.env).HOME;
    const expanded = configured.startsWith('~/') && home ? path.join(home, configured.slice(2)) : configured;
    return path.resolve(info.root ?? info.gitDir, expanded);
  }
  return path.join(info.commonDir, 'hooks');
}

/** git's comment character (`core.commentChar`); `#` also for `auto`, which only git can resolve. */
export async function commentChar(ctx: GitContext): Promise<string> {
  const c = await gitConfigGet(ctx, 'core.commentChar');
  return c?.length === 1 ? c : '#';
}

// ---------------------------------------------------------------------------
// OKR Lens settings kept in git config, shared by the CLI and the hooks

/** `git config okr.trailer`: the trailer key (the editor's `okr.git.trailer`). */
export const TRAILER_CONFIG_KEY = 'okr.trailer';
/** `git config okr.branchTemplate` (the editor's `okr.git.branchTemplate`). */
export const BRANCH_TEMPLATE_CONFIG_KEY = 'okr.branchTemplate';
/** `git config okr.files` (multi-valued): where the OKR files are, relative to the repository root. */
export const OKR_FILES_CONFIG_KEY = 'okr.files';

/** A setting that cannot be used, with what to do about it. */
export class GitSettingError extends Error {}

/** The trailer key from git config, checked; DEFAULT_TRAILER_KEY when not set. */
export async function configuredTrailerKey(ctx: GitContext): Promise<string> {
  return checkedTrailerKey(await gitConfigGet(ctx, TRAILER_CONFIG_KEY));
}

function checkedTrailerKey(value: string | undefined): string {
  const key = value?.trim();
  if (key === undefined || key === '') return DEFAULT_TRAILER_KEY;
  const problem = trailerKeyProblem(key);
  if (problem !== undefined) throw new GitSettingError(`git config ${TRAILER_CONFIG_KEY} is "${key}": ${problem}`);
  return key;
}

/** The message for a failure of git or of a git setting, or undefined for any other error (a bug). */
export function gitFailureMessage(err: unknown): string | undefined {
  if (err instanceof GitError || err instanceof GitSettingError) return err.message;
  return undefined;
}

/** A repository opened for a command: where it is, and the trailer key it uses. */
export interface RepoSession {
  ctx: GitContext;
  info: RepoInfo;
  /** The working tree's root (the git folder of a bare repository). */
  root: string;
  trailerKey: string;
  /** `git config okr.files`: where the OKR files are, as configured (empty when not set). */
  okrFiles: string[];
}

/** `okr.trailer` (the last value) and every `okr.files` value, in one git call. */
async function okrConfig(ctx: GitContext): Promise<{ trailer?: string; files: string[] }> {
  const r = await runGit(ctx, ['config', '-z', '--get-regexp', '^okr\\.(trailer|files)$'], { okCodes: [1] });
  const config: { trailer?: string; files: string[] } = { files: [] };
  if (r.code !== 0) return config;
  // -z: each entry is "name\nvalue\0", or "name\0" for a key written without a value.
  for (const entry of r.stdout.split('\0')) {
    if (entry === '') continue;
    const newline = entry.indexOf('\n');
    const name = newline < 0 ? entry : entry.slice(0, newline);
    const value = newline < 0 ? '' : entry.slice(newline + 1);
    if (name === TRAILER_CONFIG_KEY) config.trailer = value;
    else if (name === OKR_FILES_CONFIG_KEY && value !== '') config.files.push(value);
  }
  return config;
}

/** Opens the repository `ctx.cwd` is in; GitError when it is none. */
export async function openRepo(ctx: GitContext): Promise<RepoSession> {
  // The settings are read from the same repository wherever in it `cwd` is: ask at the same time.
  const config = okrConfig(ctx);
  config.catch(() => undefined); // awaited below, or moot when the folder is no repository
  const info = await repoInfo(ctx);
  const root = info.root ?? info.gitDir;
  const rooted = { ...ctx, cwd: root };
  const { trailer, files } = await config;
  return { ctx: rooted, info, root, trailerKey: checkedTrailerKey(trailer), okrFiles: files };
}

/**
 * The branch feature branches leave from, as a revision: the remote's default
 * (`origin/HEAD` -> `origin/main`) when known, else the first of `init.defaultBranch`,
 * `main`, `master`, `trunk`, `develop` that exists locally. Undefined when none does.
 */
export async function defaultBranch(ctx: GitContext): Promise<string | undefined> {
  const remoteHead = await runGit(ctx, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], { okCodes: [1, 128] });
  const remote = remoteHead.code === 0 ? remoteHead.stdout.trim() : '';
  if (remote !== '' && (await resolveCommit(ctx, `refs/remotes/${remote}`)) !== undefined) return remote;
  const configured = (await gitConfigGet(ctx, 'init.defaultBranch'))?.trim();
  const candidates = [...new Set([configured, 'main', 'master', 'trunk', 'develop'].filter((b): b is string => Boolean(b)))];
  for (const name of candidates) if (await branchExists(ctx, name)) return name;
  return undefined;
}
