// `okr hook install|uninstall|status`: the commit hooks that add and check
// key-result trailers; `okr hook run <hook> ...` is what the installed hooks call.

import { printable } from '../../core/escape';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { commitMsg, prepareCommitMsg } from '../../core/git/hook-run';
import type { HookCliSource } from '../../core/git/hook-cli';
import {
  CHAINED_SUFFIX,
  HOOK_NAMES,
  HOOK_REJECT_EXIT_CODE,
  type HookName,
  HookInstallError,
  HookManagerError,
  HooksFolderError,
  hooksStatus,
  installHooks,
  uninstallHooks,
} from '../../core/git/hooks';
import {
  BRANCH_TEMPLATE_CONFIG_KEY,
  gitConfigGet,
  type GitContext,
  gitFailureMessage,
  OKR_FILES_CONFIG_KEY,
  TRAILER_CONFIG_KEY,
} from '../../core/git/git';
import { DEFAULT_TRAILER_KEY } from '../../core/git/trailers';
import { type CliIO, type Command, UsageError, parseCommandArgs } from '../io';
import { repoContext } from '../repo';

const HELP = `Usage: okr hook install|uninstall|status [--repo <dir>]

Install git hooks that link commits made in a terminal to key results:

  prepare-commit-msg  adds the trailer "${DEFAULT_TRAILER_KEY}: <id>" for the key result of
                      the checked-out branch: its link in git config
                      (branch.<name>.okrKeyResult, set by okr branch --create), else
                      the key-result id in the branch name. Nothing is added on a
                      detached HEAD, to a merge commit, or when the message already
                      has the trailer (amend, reword); a squash keeps the trailers of
                      the squashed commits.
  commit-msg          refuses a commit whose trailer names no key result in the OKR
                      files, with the closest ids. git commit --no-verify skips it.

The hooks go where git runs them: core.hooksPath when set, else .git/hooks. A hook
already there is kept as <hook>${CHAINED_SUFFIX} and run first, under its own name
and with the same arguments; its failure stops the commit as before. Uninstall
puts it back, byte for byte. Installing again updates the hooks in place.

Where a hook manager owns the hooks (husky, lefthook, pre-commit,
simple-git-hooks), install changes nothing and prints the lines to add to that
manager's configuration instead: they run "okr hook run <hook>".

Each time they run, the hooks look for okr: OKR_CLI_PATH, else okr on the PATH,
else the newest installed OKR Lens extension, else the okr that installed them.
okr hook status says which one they find. When none is found, commits go ahead:
prepare-commit-msg adds nothing, commit-msg says so in one line.

Settings (git config): ${TRAILER_CONFIG_KEY} (the trailer key, default ${DEFAULT_TRAILER_KEY}),
${OKR_FILES_CONFIG_KEY} (where the OKR files are, relative to the repository root; may be
given several times; default: the whole repository), ${BRANCH_TEMPLATE_CONFIG_KEY}.

Options:
      --repo <dir>  the repository (default: the one the current folder is in)
  -h, --help        show this help

Exit codes: 0 done; 2 bad usage, not a repository, or a hook that cannot be
installed safely (nothing is changed then).
`;

export const hookCommand: Command = {
  name: 'hook',
  summary: 'install or remove the commit hooks that add and check key-result trailers',
  help: HELP,
  async run(args, io) {
    if (args[0] === 'run') return runHook(args.slice(1), io);
    const { values, positionals } = parseCommandArgs('hook', args, { repo: { type: 'string' } });
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" (see okr hook --help)`);
    const ctx = repoContext(io, values.repo);
    try {
      switch (action) {
        case 'install':
          return await install(ctx, io);
        case 'uninstall':
          return await uninstall(ctx, io);
        case 'status':
          return await status(ctx, io);
        case undefined:
          throw new UsageError('install, uninstall or status? (see okr hook --help)');
        default:
          throw new UsageError(`unknown hook action "${action}": use install, uninstall or status`);
      }
    } catch (err) {
      if (err instanceof HooksFolderError && action !== 'install') {
        // Nothing to show or remove where git runs no hooks: an answer, not a failure.
        io.stdout(`${printable(err.message)}.\n`);
        return 0;
      }
      const message = err instanceof HookInstallError ? err.message : gitFailureMessage(err);
      if (message === undefined) throw err;
      io.stderr(`okr: ${printable(message)}\n`);
      if (err instanceof HookManagerError) io.stderr(`\n${printableLines(err.manager.advice)}\n`);
      return 2;
    }
  },
};

/** Several lines, each escaped for the terminal. */
function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** The script the hooks run: OKR_CLI_PATH, else the one running now. */
function cliPath(io: CliIO): string {
  const configured = io.env.OKR_CLI_PATH;
  const candidate = configured && configured !== '' ? configured : process.argv[1];
  if (!candidate) throw new HookInstallError('cannot tell where this okr is installed; set OKR_CLI_PATH to its bin/okr.js');
  const absolute = path.resolve(io.cwd, candidate);
  try {
    // Through links (npm's bin links), so the hook keeps working when the link goes.
    return realpathSync(absolute);
  } catch {
    throw new HookInstallError(`the okr script ${absolute} does not exist`);
  }
}

function shown(io: CliIO, p: string): string {
  const relative = path.relative(io.cwd, p);
  return printable(relative && !relative.startsWith('..') ? relative : p);
}

async function install(ctx: GitContext, io: CliIO): Promise<number> {
  const result = await installHooks(ctx, { cliPath: cliPath(io), nodePath: process.execPath });
  if (result.createdDir) io.stdout(`created ${shown(io, result.createdDir)} (okr hook uninstall removes it again while empty)\n`);
  for (const h of result.hooks) {
    const verb = h.action === 'unchanged' ? 'already installed' : h.action === 'updated' ? 'updated' : 'installed';
    let chained = '';
    if (h.chained && h.chainedIsOurs) chained = `; ${shown(io, h.chained)} is another OKR Lens hook: kept, never run`;
    else if (h.chained)
      chained =
        `; runs your own hook first${h.chainedManager ? ` (${h.chainedManager}'s)` : ''}, under its own name ` +
        `(${shown(io, h.chained)})`;
    io.stdout(`${h.hook}: ${verb} in ${shown(io, result.hooksDir)}${chained}\n`);
  }
  const hooksPath = await gitConfigGet(ctx, 'core.hooksPath');
  if (hooksPath) io.stdout(`(core.hooksPath is set: the hooks are in ${shown(io, result.hooksDir)})\n`);
  return 0;
}

async function uninstall(ctx: GitContext, io: CliIO): Promise<number> {
  const result = await uninstallHooks(ctx);
  for (const h of result.hooks) {
    let line: string;
    switch (h.action) {
      case 'removed':
        line = 'removed';
        break;
      case 'restored':
        line = 'removed; your own hook is back in place';
        break;
      case 'not-installed':
        line = 'not installed';
        break;
      case 'foreign':
        line = `not ours, left alone${h.leftChained ? ` (and so is ${shown(io, h.leftChained)})` : ''}`;
        break;
    }
    io.stdout(`${h.hook}: ${line}\n`);
  }
  for (const dir of result.removedDirs) io.stdout(`removed ${shown(io, dir)} (okr hook install had created it)\n`);
  return 0;
}

const CLI_SOURCE: Record<HookCliSource, string> = {
  env: 'OKR_CLI_PATH',
  path: 'okr on the PATH',
  extension: 'the newest installed OKR Lens extension',
  installed: 'the okr that installed them',
};

async function status(ctx: GitContext, io: CliIO): Promise<number> {
  const result = await hooksStatus(ctx);
  for (const h of result.hooks) {
    const state = h.state === 'installed' ? 'installed' : h.state === 'foreign' ? 'another hook (not OKR Lens)' : 'not installed';
    const notes = [
      h.state !== 'not-installed' && !h.runnable ? ' (not executable: git skips it)' : '',
      h.chained ? ` (runs your own ${shown(io, h.chained)} first)` : '',
      h.outdated ? ` (by an older OKR Lens: it runs only ${printable(h.fixedCli ?? '?')}; run okr hook install again)` : '',
    ].join('');
    io.stdout(`${h.hook}: ${state}${notes} - ${shown(io, h.path)}\n`);
  }
  if (result.manager) {
    io.stdout(
      `\n${printable(result.manager.name)} manages the hooks here (${shown(io, result.manager.evidence)}). To add OKR ` +
        `Lens:\n${printableLines(result.manager.advice)}\n`,
    );
  }
  if (result.hooks.some((h) => h.state === 'installed' && !h.outdated)) {
    if (result.cli) io.stdout(`the hooks run ${shown(io, result.cli.cli)} (${CLI_SOURCE[result.cli.source]})\n`);
    else {
      io.stdout(
        `the hooks find no okr (not on the PATH, no OKR Lens extension ` +
          `installed${result.installedFrom ? `, ${shown(io, result.installedFrom)} is gone` : ''}): ` +
          'commits go ahead without trailers. Put okr on the PATH, or run okr hook install again.\n',
      );
    }
  }
  return 0;
}

/**
 * `okr hook run <hook> <git's arguments>`, called by the installed hooks. Never
 * blocks a commit by failing: a problem is reported and the commit goes ahead;
 * only a refused trailer exits with HOOK_REJECT_EXIT_CODE.
 */
async function runHook(args: string[], io: CliIO): Promise<number> {
  const [hook, ...hookArgs] = args;
  if (!(HOOK_NAMES as readonly string[]).includes(hook)) {
    throw new UsageError(`okr hook run takes one of ${HOOK_NAMES.join(', ')}, not "${hook ?? ''}"`);
  }
  // git set GIT_DIR, GIT_INDEX_FILE and friends for the commit this hook is part of.
  const ctx: GitContext = { cwd: io.cwd, env: io.env, repositoryFromEnv: true };
  const out = { warn: (line: string) => io.stderr(`${printable(line)}\n`) };
  try {
    if ((hook as HookName) === 'prepare-commit-msg') {
      // The pre-commit framework passes only the file, and git's other two arguments in its environment.
      const source = io.env.PRE_COMMIT_COMMIT_MSG_SOURCE;
      if (hookArgs.length === 1 && source)
        hookArgs.push(source, ...(io.env.PRE_COMMIT_COMMIT_OBJECT_NAME ? [io.env.PRE_COMMIT_COMMIT_OBJECT_NAME] : []));
      await prepareCommitMsg(ctx, hookArgs, out);
      return 0;
    }
    return (await commitMsg(ctx, hookArgs, out)) ? 0 : HOOK_REJECT_EXIT_CODE;
  } catch (err) {
    const message = gitFailureMessage(err) ?? (err as Error).message;
    io.stderr(
      hook === 'prepare-commit-msg'
        ? `OKR Lens: the key-result trailer was not added: ${printable(message)}\n`
        : `OKR Lens: key results not checked: ${printable(message)}\n`,
    );
    return 0;
  }
}
