// What the commands that read a repository share: the repository `--repo <dir>`
// names (the one that folder is in, relative to the current folder), and how a git
// failure ends the command: one line on stderr and exit code 2, never a stack trace.

import * as path from 'node:path';
import { printable } from '../core/escape';
import { gitFailureMessage, type GitContext } from '../core/git/git';
import type { CliIO } from './io';

/** Where git runs for `--repo <dir>`: `dir` (default: the current folder) resolved against the current folder. */
export function repoContext(io: CliIO, dir = '.'): GitContext {
  return { cwd: path.resolve(io.cwd, dir), env: io.env };
}

/**
 * The command's git work, with a git failure (not a repository, an unknown revision, a bad
 * git setting) said as `okr: <message><hint>` and exit code 2. Anything else is rethrown.
 */
export async function exitOnGitFailure(io: CliIO, work: () => Promise<number>, hint: (err: unknown) => string = () => ''): Promise<number> {
  try {
    return await work();
  } catch (err) {
    const message = gitFailureMessage(err);
    if (message === undefined) throw err;
    io.stderr(`okr: ${printable(message)}${hint(err)}\n`);
    return 2;
  }
}
