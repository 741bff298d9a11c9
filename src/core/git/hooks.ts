// Installing and removing OKR Lens's commit hooks without ever losing the user's:
// a hook already in place is moved aside to `<hook>.okr-chained` (a rename keeps its
// bytes, mode and links exactly) and our script runs it first, under the hook's
// own name, with the same arguments, stopping on its failure; uninstalling renames
// it back. `core.hooksPath` is honoured. Installing twice changes nothing. Installs
// and uninstalls of one hooks folder take turns (a lock file in it), so that two at
// once never move our hook over the user's.
//
// Where a hook manager (husky, lefthook, pre-commit, simple-git-hooks) owns the
// hooks, nothing is installed: see hook-managers.ts.
//
// The scripts are POSIX sh and never block a commit because OKR Lens is missing:
// they find the CLI when they run (hook-cli.ts); when node or the CLI cannot be
// found, prepare-commit-msg does nothing and commit-msg warns in one line and lets
// the commit through.

import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { type GitContext, gitConfigGet, hooksDir, repoInfo } from './git';
import { type HookCli, LOCATOR_JS, locateHookCli } from './hook-cli';
import { detectHookManager, type HookManager } from './hook-managers';
import { readFileStart } from '../fs/read-file';

export const HOOK_NAMES = ['prepare-commit-msg', 'commit-msg'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** The line that marks a hook file as ours. */
export const HOOK_MARKER = '# okr-lens-hook:';
/** Version of the hook script, after the marker: 2 finds the CLI when it runs. */
export const HOOK_SCRIPT_VERSION = 2;
/** Suffix of the user's own hook, moved aside while ours is installed. */
export const CHAINED_SUFFIX = '.okr-chained';
/** A file in a hooks folder that `okr hook install` created, so that uninstall removes the folder again. */
export const CREATED_MARKER = '.okr-lens-created';
/** The lock file install and uninstall hold in the hooks folder. */
export const LOCK_FILE = '.okr-lens.lock';
/**
 * The exit code with which `okr hook run commit-msg` refuses a message. Not one
 * node uses for its own failures, so that a broken node or CLI is told apart from
 * a refusal and never blocks a commit.
 */
export const HOOK_REJECT_EXIT_CODE = 65;

/** How a hook reaches the CLI. */
export interface HookRunner {
  /**
   * Absolute path of the script node runs as the `okr` command (bin/okr.js): the
   * hooks' last resort, after OKR_CLI_PATH, `okr` on the PATH and the newest
   * OKR Lens extension (see hook-cli.ts).
   */
  cliPath: string;
  /** Absolute path of the node that installed the hooks; tried before the `node` on PATH. */
  nodePath?: string;
}

/** A string as one single-quoted sh word. */
function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The value of a `name=<single-quoted word>` line written by shQuote, or undefined. */
function shQuotedValue(text: string, name: string): string | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}='`));
  if (line === undefined) return undefined;
  const word = line.slice(name.length + 1);
  if (!/^'(?:[^']|'\\'')*'$/.test(word)) return undefined;
  return word.slice(1, -1).replace(/'\\''/g, "'");
}

const PURPOSE: Record<HookName, string> = {
  'prepare-commit-msg': 'adds the key-result trailer of the branch to the commit message',
  'commit-msg': 'refuses a key-result trailer that names no key result in the OKR files',
};

if (LOCATOR_JS.includes("'")) throw new Error('LOCATOR_JS must hold no single quote: it is baked into a hook in sh single quotes');

/** The hook script. `runner` paths are baked in as fallbacks; the script checks them at every run. */
export function hookScript(hook: HookName, runner: HookRunner): string {
  const head = [
    '#!/bin/sh',
    `# OKR Lens ${hook} hook: ${PURPOSE[hook]}.`,
    '# Installed by `okr hook install`; `okr hook uninstall` removes it and puts back',
    `# the hook that was here before (kept beside it as ${hook}${CHAINED_SUFFIX}).`,
    `${HOOK_MARKER} ${hook} ${HOOK_SCRIPT_VERSION}`,
    `okr_hook=${hook}`,
    '# Run again from inside the hook we chain to (a hook manager running its old hooks,',
    '# a link to another OKR Lens hook): the outer run does the work, once.',
    'if [ "${OKR_LENS_CHAINED_RUN-}" = "$okr_hook" ]; then exit 0; fi',
    `okr_chained="$(dirname "$0")/$okr_hook${CHAINED_SUFFIX}"`,
    'if [ -x "$okr_chained" ] && ! grep -q \'^# okr-lens-hook:\' "$okr_chained" 2>/dev/null; then',
    "\t# A shell script runs under the hook's own name, $0 as git gives it (husky and",
    "\t# others find their files and their hook's name from it); anything else is executed.",
    '\tokr_first=',
    '\tIFS= read -r okr_first < "$okr_chained" || :',
    '\tokr_shell=',
    '\tcase $okr_first in',
    "\t'#!'*) okr_shell=$(set -f; set -- ${okr_first#??}; " +
      'if [ "${1-}" = /usr/bin/env ] || [ "${1-}" = /bin/env ]; then shift; fi; ' +
      'case ${1##*/} in sh | bash | dash | ksh | zsh | ash | mksh | yash) echo "$*" ;; esac) ;;',
    '\tesac',
    '\tif [ -n "$okr_shell" ]; then',
    '\t\tOKR_LENS_CHAINED_RUN=$okr_hook OKR_LENS_CHAINED_FILE=$okr_chained ' +
      '$okr_shell -c \'. "$OKR_LENS_CHAINED_FILE"\' "$0" "$@" || exit $?',
    '\telse',
    '\t\tOKR_LENS_CHAINED_RUN=$okr_hook "$okr_chained" "$@" || exit $?',
    '\tfi',
    'fi',
    `okr_installed_from=${shQuote(runner.cliPath)}`,
    `okr_node=${shQuote(runner.nodePath ?? '')}`,
    'if [ -z "$okr_node" ] || [ ! -x "$okr_node" ]; then',
    '\tokr_node=$(command -v node 2>/dev/null) || okr_node=',
    'fi',
    `okr_find=${shQuote(LOCATOR_JS)}`,
  ];
  if (hook === 'prepare-commit-msg') {
    return [
      ...head,
      '# Without node the commit goes ahead without the trailer; the commit-msg hook says so.',
      'if [ -z "$okr_node" ]; then exit 0; fi',
      `"$okr_node" -e "$okr_find" "$okr_installed_from" --run hook run ${hook} "$@" ||`,
      '\techo "OKR Lens: the key-result trailer was not added (the hook failed with exit code $?)." >&2',
      'exit 0',
      '',
    ].join('\n');
  }
  return [
    ...head,
    'if [ -z "$okr_node" ]; then',
    '\techo "OKR Lens: key results not checked: node is not on the PATH." >&2',
    '\texit 0',
    'fi',
    `"$okr_node" -e "$okr_find" "$okr_installed_from" --run hook run ${hook} "$@"`,
    'okr_status=$?',
    `if [ "$okr_status" -eq ${HOOK_REJECT_EXIT_CODE} ]; then`,
    '\texit 1',
    'elif [ "$okr_status" -ne 0 ]; then',
    '\techo "OKR Lens: key results not checked: the check failed with exit code $okr_status." >&2',
    'fi',
    'exit 0',
    '',
  ].join('\n');
}

/** Is this hook file's text ours? */
export function isOurHook(text: string): boolean {
  return text.split('\n', 8).some((l) => l.startsWith(HOOK_MARKER));
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** The start of a file as text, through links; undefined when it is no regular file. */
const fileStart = (p: string): Promise<string | undefined> => readFileStart(p, 2048);

/** Is this hook file ours? Links never are (they are the user's, whatever they point at). */
async function hookIsOurs(p: string): Promise<boolean> {
  const stat = await lstatOrUndefined(p);
  if (!stat?.isFile()) return false;
  const text = await fileStart(p);
  return text !== undefined && isOurHook(text);
}

/** Does this path, through links, lead to an OKR Lens hook (ours or another repository's)? */
async function leadsToOurHook(p: string): Promise<boolean> {
  const text = await fileStart(p);
  return text !== undefined && isOurHook(text);
}

export class HookInstallError extends Error {}

/** The hooks folder cannot hold hooks: `core.hooksPath` names a file (`/dev/null` switches hooks off). */
export class HooksFolderError extends HookInstallError {
  constructor(
    message: string,
    readonly hooksDir: string,
  ) {
    super(message);
  }
}

/** A hook manager owns the hooks: nothing installed; `manager.advice` says what to do instead. */
export class HookManagerError extends HookInstallError {
  constructor(
    message: string,
    readonly manager: HookManager,
  ) {
    super(message);
  }
}

/** The folder git runs hooks from, checked to be one (or not to exist yet). */
async function usableHooksDir(ctx: GitContext): Promise<string> {
  const dir = await hooksDir(ctx);
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return dir;
    if (code !== 'ENOTDIR') throw err;
  }
  if (stat?.isDirectory()) return dir;
  const configured = await gitConfigGet(ctx, 'core.hooksPath');
  const what = configured !== undefined ? `core.hooksPath is ${configured}` : `the hooks folder ${dir}`;
  throw new HooksFolderError(
    `${what}, which is not a folder: git runs no hooks at all in this repository (a common way to switch them off). ` +
      'To use the OKR Lens hooks, point core.hooksPath at a folder or unset it (git config --unset core.hooksPath)',
    dir,
  );
}

const LOCK_WAIT_MS = 30_000;
/** A lock older than this was left by an install that died. */
const LOCK_STALE_MS = 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Holds `<dir>/.okr-lens.lock` while `body` runs: installs and uninstalls of one folder take turns. */
async function withHooksLock<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, LOCK_FILE);
  const started = Date.now();
  let delay = 10;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Someone holds it: wait, unless it was left behind by a process that is gone.
    const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8').catch(() => ''), fs.stat(lock).catch(() => undefined)]);
    const pid = Number.parseInt(text, 10);
    const stale = (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) || (Number.isInteger(pid) && pid > 0 && !processAlive(pid));
    if (stale) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new HookInstallError(
        `another okr hook install or uninstall holds ${lock}; try again when it is done (or delete the file if none is running)`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await body();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

export type InstallAction = 'installed' | 'updated' | 'unchanged';

export interface HookInstallReport {
  hook: HookName;
  path: string;
  action: InstallAction;
  /** Where the user's own hook was moved to (now, or by an earlier install), when there is one. */
  chained?: string;
  /** The chained hook is itself an OKR Lens hook (a link to another repository's): kept, never run. */
  chainedIsOurs?: boolean;
  /** The manager that wrote the chained hook (husky 4), when known. */
  chainedManager?: string;
}

export interface HooksInstallResult {
  hooksDir: string;
  hooks: HookInstallReport[];
  /** The folder this install created (removed again by uninstall when empty). */
  createdDir?: string;
}

async function writeExecutable(target: string, text: string): Promise<void> {
  const temp = `${target}.okr-tmp-${process.pid}`;
  try {
    await fs.writeFile(temp, text, { mode: 0o755 });
    await fs.chmod(temp, 0o755);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Installs the hooks in the repository's hooks folder. Refuses (HookInstallError)
 * rather than risk a user's file: when a hook manager owns the hooks, when a
 * foreign hook AND a chained one both exist, or a hook path is a folder.
 */
export async function installHooks(
  ctx: GitContext,
  runner: HookRunner,
  hooks: readonly HookName[] = HOOK_NAMES,
): Promise<HooksInstallResult> {
  if (!path.isAbsolute(runner.cliPath)) throw new HookInstallError(`the CLI path must be absolute, not "${runner.cliPath}"`);
  const dir = await usableHooksDir(ctx);
  const info = await repoInfo(ctx);
  const manager = await detectHookManager(dir, info.root, hooks);
  if (manager?.refuse) {
    throw new HookManagerError(
      `${manager.name} manages the hooks of this repository (${manager.evidence}); OKR Lens installs no hook beside it, ` +
        `which ${manager.name} would overwrite or delete. ` +
        `Nothing was installed: add OKR Lens to the configuration of ${manager.name} instead ` +
        '(see "Commit hooks and hook managers" in the OKR Lens README).',
      manager,
    );
  }
  const created = await fs.mkdir(dir, { recursive: true });
  if (created !== undefined) await fs.writeFile(path.join(dir, CREATED_MARKER), `${created}\n`);
  const reports = await withHooksLock(dir, async () => {
    // Check every hook before touching any, so a refusal leaves nothing half done.
    const plans: { hook: HookName; target: string; chained: string; ours: boolean; exists: boolean; chainedExists: boolean }[] = [];
    for (const hook of hooks) {
      const target = path.join(dir, hook);
      const chained = target + CHAINED_SUFFIX;
      const stat = await lstatOrUndefined(target);
      const chainedExists = (await lstatOrUndefined(chained)) !== undefined;
      if (stat?.isDirectory()) throw new HookInstallError(`${target} is a folder, not a hook; nothing was installed`);
      const ours = stat ? await hookIsOurs(target) : false;
      if (stat && !ours && chainedExists) {
        throw new HookInstallError(
          `both ${target} and ${chained} exist: OKR Lens will not move one over the other. ` +
            'Move one of them away and install again; nothing was installed',
        );
      }
      plans.push({ hook, target, chained, ours, exists: stat !== undefined, chainedExists });
    }
    const done: HookInstallReport[] = [];
    for (const plan of plans) {
      const script = hookScript(plan.hook, runner);
      let action: InstallAction = 'installed';
      if (plan.ours) {
        const current = await fs.readFile(plan.target, 'utf8');
        if (current === script) action = 'unchanged';
        else {
          await writeExecutable(plan.target, script);
          action = 'updated';
        }
      } else {
        // The user's file, whatever it is, is renamed, never rewritten.
        if (plan.exists) await fs.rename(plan.target, plan.chained);
        await writeExecutable(plan.target, script);
      }
      const chainedNow = plan.exists && !plan.ours ? true : plan.chainedExists;
      const report: HookInstallReport = { hook: plan.hook, path: plan.target, action };
      if (chainedNow) {
        report.chained = plan.chained;
        if (await leadsToOurHook(plan.chained)) report.chainedIsOurs = true;
        if (manager?.id === 'husky-4' && manager.evidence === plan.target) report.chainedManager = manager.name;
      }
      done.push(report);
    }
    return done;
  });
  return { hooksDir: dir, hooks: reports, ...(created !== undefined ? { createdDir: created } : {}) };
}

export type UninstallAction =
  /** Ours removed; there was no hook before. */
  | 'removed'
  /** Ours removed and the user's own hook put back. */
  | 'restored'
  /** Nothing of ours there. */
  | 'not-installed'
  /** Someone else's hook is in place: left alone. */
  | 'foreign';

export interface HookUninstallReport {
  hook: HookName;
  path: string;
  action: UninstallAction;
  /** A chained hook left where it is because a foreign hook holds its place. */
  leftChained?: string;
}

export interface HooksUninstallResult {
  hooksDir: string;
  hooks: HookUninstallReport[];
  /** The folders removed because install had created them and they are empty now. */
  removedDirs: string[];
}

/** Removes the folders an install created (`dir` and up to the recorded one), while they are empty. */
async function removeCreatedDirs(dir: string): Promise<string[]> {
  const marker = path.join(dir, CREATED_MARKER);
  const recorded = (await fs.readFile(marker, 'utf8').catch(() => undefined))?.trim();
  if (recorded === undefined) return [];
  const entries = await fs.readdir(dir);
  if (entries.some((e) => e !== CREATED_MARKER)) return [];
  await fs.rm(marker, { force: true });
  const removed: string[] = [];
  const top = path.resolve(recorded);
  let current = dir;
  for (;;) {
    try {
      await fs.rmdir(current);
    } catch {
      break; // not empty (or not ours to remove): stop here
    }
    removed.push(current);
    if (current === top || !current.startsWith(top + path.sep)) break;
    current = path.dirname(current);
  }
  return removed;
}

/** Removes our hooks and renames the user's own back in place, byte for byte. */
export async function uninstallHooks(ctx: GitContext, hooks: readonly HookName[] = HOOK_NAMES): Promise<HooksUninstallResult> {
  const dir = await usableHooksDir(ctx);
  if ((await lstatOrUndefined(dir)) === undefined) {
    return { hooksDir: dir, hooks: hooks.map((hook) => ({ hook, path: path.join(dir, hook), action: 'not-installed' })), removedDirs: [] };
  }
  const reports = await withHooksLock(dir, async () => {
    const done: HookUninstallReport[] = [];
    for (const hook of hooks) {
      const target = path.join(dir, hook);
      const chained = target + CHAINED_SUFFIX;
      const stat = await lstatOrUndefined(target);
      const chainedExists = (await lstatOrUndefined(chained)) !== undefined;
      if (stat && !(await hookIsOurs(target))) {
        done.push({ hook, path: target, action: 'foreign', ...(chainedExists ? { leftChained: chained } : {}) });
        continue;
      }
      if (stat) await fs.unlink(target);
      if (chainedExists) {
        await fs.rename(chained, target);
        done.push({ hook, path: target, action: 'restored' });
      } else {
        done.push({ hook, path: target, action: stat ? 'removed' : 'not-installed' });
      }
    }
    return done;
  });
  return { hooksDir: dir, hooks: reports, removedDirs: await removeCreatedDirs(dir) };
}

export type HookState = 'installed' | 'not-installed' | 'foreign';

export interface HookStatus {
  hook: HookName;
  path: string;
  state: HookState;
  runnable: boolean;
  /** The user's own hook that ours runs first. */
  chained?: string;
  /** Installed by an older OKR Lens, whose hook runs only `fixedCli`: install again to update it. */
  outdated?: boolean;
  fixedCli?: string;
}

export interface HooksStatusResult {
  hooksDir: string;
  hooks: HookStatus[];
  /** A hook manager in charge of the hooks (then OKR Lens belongs in its configuration). */
  manager?: HookManager;
  /** The CLI our installed hooks will run now, found as they find it; undefined when none is found. */
  cli?: HookCli;
  /** The CLI the hooks were installed from (their last resort). */
  installedFrom?: string;
}

/** Whether each hook is ours, absent, or someone else's, and which CLI ours will run. */
export async function hooksStatus(ctx: GitContext, options: { node?: string } = {}): Promise<HooksStatusResult> {
  const dir = await usableHooksDir(ctx);
  const info = await repoInfo(ctx);
  const out: HookStatus[] = [];
  let installedFrom: string | undefined;
  for (const hook of HOOK_NAMES) {
    const target = path.join(dir, hook);
    const stat = await lstatOrUndefined(target);
    let runnable = false;
    if (stat) {
      runnable = await fs.access(target, fsConstants.X_OK).then(
        () => true,
        () => false,
      );
    }
    const ours = stat ? await hookIsOurs(target) : false;
    const status: HookStatus = { hook, path: target, state: !stat ? 'not-installed' : ours ? 'installed' : 'foreign', runnable };
    if (ours) {
      const text = await fs.readFile(target, 'utf8');
      const version = Number(/^# okr-lens-hook: \S+ (\d+)/m.exec(text)?.[1] ?? '0');
      if (version < HOOK_SCRIPT_VERSION) {
        status.outdated = true;
        // An older hook runs only the CLI it was installed with.
        status.fixedCli = shQuotedValue(text, 'okr_cli');
      } else installedFrom ??= shQuotedValue(text, 'okr_installed_from');
      if ((await lstatOrUndefined(target + CHAINED_SUFFIX)) !== undefined) status.chained = target + CHAINED_SUFFIX;
    }
    out.push(status);
  }
  const result: HooksStatusResult = { hooksDir: dir, hooks: out };
  const manager = await detectHookManager(dir, info.root, HOOK_NAMES);
  if (manager?.refuse) result.manager = manager;
  if (out.some((h) => h.state === 'installed' && !h.outdated)) {
    result.installedFrom = installedFrom;
    result.cli = await locateHookCli(installedFrom ?? '', ctx.env ?? process.env, options.node);
  }
  return result;
}
