// How the CLI names files to users, and what it says of the paths it could not use:
// shared by the commands, in a module of its own so that a command bundled alone
// (`okr links`) does not load the lint's rules with them.

import * as path from 'node:path';
import { printable } from '../core/escape';
import type { LoadedSources } from '../core/fs/okr-files';
import { OKR_FILE_GLOBS, type ParsedSource } from '../core/okr-sources';
import { LineIndex } from '../core/positions';
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

/**
 * One `okr: note:` line on stderr for each file with YAML errors: where its first
 * error is (file:line:column) and that the file was read only as far as it could be,
 * so what the command shows of it may be short. Returns how many files had errors.
 */
export function noteSyntaxErrors(parsed: readonly ParsedSource[], io: CliIO): number {
  let files = 0;
  for (const p of parsed) {
    const syntax = p.findings.filter((f) => f.ruleId === 'syntax');
    if (syntax.length === 0) continue;
    files++;
    const at = new LineIndex(p.source.text).positionAt(syntax[0].span.start);
    const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more)` : '';
    io.stderr(
      `okr: note: ${printable(`${displayPath(io.cwd, p.source.path)}:${at.line + 1}:${at.character + 1}`)}: ` +
        `${printable(syntax[0].message)}${more}; read only as far as it could be (okr lint shows every problem)\n`,
    );
  }
  return files;
}
