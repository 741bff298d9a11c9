// Real git repositories in temporary folders for the git tests: a fixed identity
// and fixed, increasing dates, and an environment in which the machine's own git
// configuration (system, global, XDG) and any GIT_* variable of the calling process
// (say, the tests run from a hook) cannot interfere.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GitContext } from '../../src/core/git/git';

export const AUTHOR = { name: 'Dana Author', email: 'dana@example.com' };

/** The first commit's date; each later commit is one hour later. */
export const BASE_DATE = Date.UTC(2026, 10, 1, 9, 0, 0);

/** An environment isolated from the machine's git setup, with `home` as HOME. */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // OKR_CLI_PATH and the editors' folders too: the hooks look for the CLI there.
    if (!k.startsWith('GIT_') && !['EMAIL', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'VSCODE_EXTENSIONS', 'OKR_CLI_PATH'].includes(k))
      env[k] = v;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: AUTHOR.name,
    GIT_AUTHOR_EMAIL: AUTHOR.email,
    GIT_COMMITTER_NAME: AUTHOR.name,
    GIT_COMMITTER_EMAIL: AUTHOR.email,
    // No editor opens: the message is taken as prepared (tests that edit set their own).
    GIT_EDITOR: 'true',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

export interface GitRun {
  status: number;
  stdout: string;
  stderr: string;
}

export class TempRepo {
  /** Commits made so far through `commit`, for the next fixed date. */
  private clock = 0;

  private constructor(
    readonly dir: string,
    readonly root: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** A fresh repository on branch `main` (or `options.branch`). */
  static create(options: { branch?: string; name?: string } = {}): TempRepo {
    const root = mkdtempSync(path.join(tmpdir(), 'okr-git-'));
    const home = path.join(root, 'home');
    mkdirSync(home);
    const dir = path.join(root, options.name ?? 'repo');
    mkdirSync(dir);
    const repo = new TempRepo(dir, root, isolatedGitEnv(home));
    repo.git(['init', '-q', `--initial-branch=${options.branch ?? 'main'}`]);
    return repo;
  }

  /** Another repository in the same temporary root and environment (clones, several repositories). */
  sibling(name: string): TempRepo {
    const dir = path.join(this.root, name);
    const other = new TempRepo(dir, this.root, this.env);
    other.clock = this.clock + 1000;
    return other;
  }

  get ctx(): GitContext {
    return { cwd: this.dir, env: this.env };
  }

  /** The date of the next commit, ISO with an offset. */
  nextDate(): string {
    return new Date(BASE_DATE + this.clock++ * 3600_000).toISOString().replace('.000Z', '+00:00');
  }

  /** Runs git; throws with git's stderr unless `allowFail`. */
  git(
    args: string[],
    options: { input?: string; env?: NodeJS.ProcessEnv; allowFail?: boolean; cwd?: string; timeoutMs?: number } = {},
  ): GitRun {
    const r = spawnSync('git', args, {
      cwd: options.cwd ?? this.dir,
      env: { ...this.env, ...options.env },
      input: options.input ?? '',
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      // A hook that runs itself forever must fail the test, not hang it.
      timeout: options.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
    });
    if (r.error) throw r.error;
    const run = { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    if (run.status !== 0 && !options.allowFail) {
      throw new Error(`git ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
    }
    return run;
  }

  /** git's stdout without the final newline. */
  out(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): string {
    return this.git(args, options).stdout.replace(/\n$/, '');
  }

  write(relative: string, content: string, mode?: number): string {
    const file = path.join(this.dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    if (mode !== undefined) chmodSync(file, mode);
    return file;
  }

  /** The environment of a commit at the next fixed date. */
  dated(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const date = this.nextDate();
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...extra };
  }

  /**
   * Commits (staging `files` first, or an empty commit) with the message on stdin
   * (`git commit -F -`); returns the new HEAD. `args` are extra commit options.
   */
  commit(message: string, options: { files?: Record<string, string>; args?: string[]; env?: NodeJS.ProcessEnv } = {}): string {
    const files = options.files ?? {};
    for (const [name, content] of Object.entries(files)) this.write(name, content);
    if (Object.keys(files).length > 0) this.git(['add', '--', ...Object.keys(files)]);
    const empty = Object.keys(files).length === 0 ? ['--allow-empty'] : [];
    this.git(['commit', '-q', ...empty, ...(options.args ?? []), '-F', '-'], { input: message, env: this.dated(options.env) });
    return this.head();
  }

  /** A commit made like a user in a terminal: `git commit` with extra args, hooks and all; returns the run. */
  commitLikeUser(
    args: string[],
    options: { input?: string; env?: NodeJS.ProcessEnv; allowFail?: boolean; timeoutMs?: number } = {},
  ): GitRun {
    return this.git(['commit', ...args], {
      input: options.input,
      env: this.dated(options.env),
      allowFail: options.allowFail,
      timeoutMs: options.timeoutMs,
    });
  }

  head(): string {
    return this.out(['rev-parse', 'HEAD']);
  }

  /** The full message of a commit, as git stores it. */
  message(rev = 'HEAD'): string {
    const raw = this.git(['cat-file', 'commit', rev]).stdout;
    return raw.slice(raw.indexOf('\n\n') + 2);
  }

  /** The trailer values of a commit for `key`, as git reads them. */
  trailers(key = 'Key-Result', rev = 'HEAD'): string[] {
    return this.out(['log', '-1', `--format=%(trailers:key=${key},valueonly,separator=%x00)`, rev])
      .split('\0')
      .filter((v) => v !== '');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

let builtCli: { dir: string; shim: string } | undefined;

/**
 * The `okr` CLI of the current sources, bundled once per test run into a
 * temporary folder, as a script node runs (what installed hooks call). Built
 * with esbuild like the real bundle, without touching dist/.
 */
export function testCliPath(): string {
  if (builtCli) return builtCli.shim;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-test-cli-'));
  const bundle = path.join(dir, 'cli.js');
  esbuild.buildSync({
    entryPoints: [path.resolve(__dirname, '..', '..', 'src', 'cli', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const shim = path.join(dir, 'okr.js');
  writeFileSync(shim, `require(${JSON.stringify(bundle)}).main();\n`);
  builtCli = { dir, shim };
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return shim;
}

/**
 * An installed copy of OKR Lens as the hooks meet one (an extension folder, an npm
 * package): `package.json` named okr-lens, `bin/okr.js` (the real one) and
 * `dist/cli.js` (the current sources' CLI). Returns its bin/okr.js.
 */
export function installOkrCopy(dir: string, version = '0.1.0'): string {
  const bundle = path.join(path.dirname(testCliPath()), 'cli.js');
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'okr-lens', publisher: 'okr-lens', version })}\n`);
  copyFileSync(path.resolve(__dirname, '..', '..', 'bin', 'okr.js'), path.join(dir, 'bin', 'okr.js'));
  chmodSync(path.join(dir, 'bin', 'okr.js'), 0o755);
  copyFileSync(bundle, path.join(dir, 'dist', 'cli.js'));
  return path.join(dir, 'bin', 'okr.js');
}

/** The OKR file the git tests link commits to. */
export const PLATFORM_OKR = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    key_results:
      - id: PLAT-KR1
        title: Reduce P1 incidents from twelve to three per quarter
        start: 12
        target: 3
      - id: PLAT-KR12
        title: Cut the deploy time from 40 to 10 minutes
        start: 40
        target: 10
      - id: PLAT-KR2
        title: Achieve 99.95% uptime for core services
        start: 99.5
        target: 99.95
    initiatives:
      - { id: PLAT-I1, title: Canary deploys for every service, status: in_progress }
`;
