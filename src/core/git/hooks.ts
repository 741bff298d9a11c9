// Installing and removing OKR Lens's commit hooks without ever losing the user's:
// a hook already in place is moved aside to `<hook>.okr-chained` (a rename keeps its
// bytes, mode and links exactly) and our script runs it first, with the same
// arguments, stopping on its failure; uninstalling renames it back. `core.hooksPath`
// is honoured. Installing twice changes nothing.
//
// The scripts are POSIX sh and never block a commit because OKR Lens is missing:
// when node or the CLI cannot be found, prepare-commit-msg does nothing and
// commit-msg warns and lets the commit through.

import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { type GitContext, hooksDir } from './git';

export const HOOK_NAMES = ['prepare-commit-msg', 'commit-msg'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** The line that marks a hook file as ours. */
export const HOOK_MARKER = '# okr-lens-hook:';
/** Suffix of the user's own hook, moved aside while ours is installed. */
export const CHAINED_SUFFIX = '.okr-chained';
/**
 * The exit code with which `okr hook run commit-msg` refuses a message. Not one
 * node uses for its own failures, so that a broken node or CLI is told apart from
 * a refusal and never blocks a commit.
 */
export const HOOK_REJECT_EXIT_CODE = 65;

/** How a hook reaches the CLI. */
export interface HookRunner {
  /** Absolute path of a script node runs as the `okr` command (bin/okr.js). */
  cliPath: string;
  /** Absolute path of the node that installed the hooks; tried before the `node` on PATH. */
  nodePath?: string;
}

/** A string as one single-quoted sh word. */
function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const PURPOSE: Record<HookName, string> = {
  'prepare-commit-msg': "adds the key-result trailer of the branch to the commit message",
  'commit-msg': 'refuses a key-result trailer that names no key result in the OKR files',
};

/** The hook script. `runner` paths are baked in; the script checks them at every run. */
export function hookScript(hook: HookName, runner: HookRunner): string {
  const head = [
    '#!/bin/sh',
    `# OKR Lens ${hook} hook: ${PURPOSE[hook]}.`,
    '# Installed by `okr hook install`; `okr hook uninstall` removes it and puts back',
    `# the hook that was here before (kept beside it as ${hook}${CHAINED_SUFFIX}).`,
    `${HOOK_MARKER} ${hook} 1`,
    `okr_chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"`,
    'if [ -x "$okr_chained" ]; then',
    '\t"$okr_chained" "$@" || exit $?',
    'fi',
    `okr_cli=${shQuote(runner.cliPath)}`,
    `okr_node=${shQuote(runner.nodePath ?? '')}`,
    'if [ -z "$okr_node" ] || [ ! -x "$okr_node" ]; then',
    '\tokr_node=$(command -v node 2>/dev/null) || okr_node=',
    'fi',
  ];
  if (hook === 'prepare-commit-msg') {
    return [
      ...head,
      'if [ -z "$okr_node" ] || [ ! -f "$okr_cli" ]; then',
      '\t# OKR Lens was moved or removed: the commit goes ahead without the trailer;',
      '\t# the commit-msg hook says so.',
      '\texit 0',
      'fi',
      `"$okr_node" "$okr_cli" hook run ${hook} "$@" ||`,
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
    'if [ ! -f "$okr_cli" ]; then',
    `\techo "OKR Lens: key results not checked: $okr_cli is gone. Run okr hook install again, or okr hook uninstall." >&2`,
    '\texit 0',
    'fi',
    `"$okr_node" "$okr_cli" hook run ${hook} "$@"`,
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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Reads a hook file's start to see whether it is ours; links and non-files never are. */
async function hookIsOurs(p: string): Promise<boolean> {
  const stat = await lstatOrUndefined(p);
  if (!stat || !stat.isFile()) return false;
  const handle = await fs.open(p, 'r');
  try {
    const buffer = Buffer.alloc(2048);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return isOurHook(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export class HookInstallError extends Error {}

export type InstallAction = 'installed' | 'updated' | 'unchanged';

export interface HookInstallReport {
  hook: HookName;
  path: string;
  action: InstallAction;
  /** Where the user's own hook was moved to (now, or by an earlier install), when there is one. */
  chained?: string;
}

export interface HooksInstallResult {
  hooksDir: string;
  hooks: HookInstallReport[];
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
 * rather than risk a user's file: when a foreign hook AND a chained one both exist,
 * or a hook path is a folder.
 */
export async function installHooks(ctx: GitContext, runner: HookRunner, hooks: readonly HookName[] = HOOK_NAMES): Promise<HooksInstallResult> {
  if (!path.isAbsolute(runner.cliPath)) throw new HookInstallError(`the CLI path must be absolute, not "${runner.cliPath}"`);
  const dir = await hooksDir(ctx);
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
        `both ${target} and ${chained} exist: OKR Lens will not move one over the other. Move one of them away and install again; nothing was installed`,
      );
    }
    plans.push({ hook, target, chained, ours, exists: stat !== undefined, chainedExists });
  }
  await fs.mkdir(dir, { recursive: true });
  const reports: HookInstallReport[] = [];
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
      if (plan.exists) await fs.rename(plan.target, plan.chained);
      await writeExecutable(plan.target, script);
    }
    const chainedNow = plan.exists && !plan.ours ? true : plan.chainedExists;
    reports.push({ hook: plan.hook, path: plan.target, action, ...(chainedNow ? { chained: plan.chained } : {}) });
  }
  return { hooksDir: dir, hooks: reports };
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
}

/** Removes our hooks and renames the user's own back in place, byte for byte. */
export async function uninstallHooks(ctx: GitContext, hooks: readonly HookName[] = HOOK_NAMES): Promise<HooksUninstallResult> {
  const dir = await hooksDir(ctx);
  const reports: HookUninstallReport[] = [];
  for (const hook of hooks) {
    const target = path.join(dir, hook);
    const chained = target + CHAINED_SUFFIX;
    const stat = await lstatOrUndefined(target);
    const chainedExists = (await lstatOrUndefined(chained)) !== undefined;
    if (stat && !(await hookIsOurs(target))) {
      reports.push({ hook, path: target, action: 'foreign', ...(chainedExists ? { leftChained: chained } : {}) });
      continue;
    }
    if (stat) await fs.unlink(target);
    if (chainedExists) {
      await fs.rename(chained, target);
      reports.push({ hook, path: target, action: 'restored' });
    } else {
      reports.push({ hook, path: target, action: stat ? 'removed' : 'not-installed' });
    }
  }
  return { hooksDir: dir, hooks: reports };
}

export type HookState = 'installed' | 'not-installed' | 'foreign';

/** Whether each hook is ours, absent, or someone else's (for a status line). */
export async function hooksStatus(ctx: GitContext): Promise<{ hooksDir: string; hooks: { hook: HookName; path: string; state: HookState; runnable: boolean }[] }> {
  const dir = await hooksDir(ctx);
  const out: { hook: HookName; path: string; state: HookState; runnable: boolean }[] = [];
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
    out.push({ hook, path: target, state: !stat ? 'not-installed' : (await hookIsOurs(target)) ? 'installed' : 'foreign', runnable });
  }
  return { hooksDir: dir, hooks: out };
}
