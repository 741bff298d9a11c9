// How the CLI names files to users, and what it says of the paths it could not use:
// shared by the commands, in a module of its own so that a command bundled alone
// (`okr links`) does not load the lint's rules with them.

import * as path from 'node:path';
import { printable } from '../core/escape';
import type { LoadedSources } from '../core/fs/okr-files';
import { OKR_FILE_GLOBS } from '../core/okr-sources';
import type { CliIO } from './io';

/** A path relative to the current folder, as users typed it; `.` never appears for a file. */
export function displayPath(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath) || path.basename(absolutePath);
}

/**
 * Prints why the paths could not be used (one `okr: ...` line each) and returns
 * true, or returns false when every path was found and readable.
 */
export function reportLoadProblems(loaded: Pick<LoadedSources, 'problems' | 'empty'>, io: CliIO): boolean {
  for (const p of loaded.problems) io.stderr(`okr: ${printable(displayPath(io.cwd, p.path))}: ${printable(p.reason)}\n`);
  for (const target of loaded.empty) {
    io.stderr(`okr: no OKR files in ${printable(target)} (looked for ${OKR_FILE_GLOBS.join(', ')}; node_modules and .git are skipped)\n`);
  }
  return loaded.problems.length > 0 || loaded.empty.length > 0;
}
