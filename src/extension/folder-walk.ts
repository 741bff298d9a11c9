// A scan's search for the OKR files of a local workspace folder, read straight from the
// disk: what vscode.workspace.findFiles finds for okr.files (files.exclude applied, no ignore
// files), without its two round trips through the workbench and a ripgrep process (300-700 ms
// of the in-host 504-file scan on a loaded 2-core machine, ~10 ms read here). It gives up
// (undefined) wherever the two could differ or the walk grows long: a symbolic link (findFiles
// follows them), a folder it cannot read, a files.exclude entry with a condition, a workspace
// larger than a repository of OKR files, a slow disk. The store asks findFiles then.
// No vscode: unit-tested in test/extension-unit/folder-walk.test.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';

export interface FolderWalkLimits {
  /** Directory entries read before giving up (node_modules, a build output). */
  maxEntries: number;
  /** Time spent before giving up (a network drive). */
  maxMs: number;
  now: () => number;
}

export const FOLDER_WALK_LIMITS: FolderWalkLimits = { maxEntries: 5_000, maxMs: 100, now: () => performance.now() };

/**
 * The globs of a `files.exclude` value that the walk applies as findFiles does (`true` entries), or
 * undefined when an entry has a condition (`{ "when": ... }`) or is not a boolean: then only findFiles knows.
 */
export function excludeGlobs(filesExclude: unknown): Minimatch[] | undefined {
  if (filesExclude === undefined || filesExclude === null) return [];
  if (typeof filesExclude !== 'object' || Array.isArray(filesExclude)) return undefined;
  const globs: Minimatch[] = [];
  for (const [glob, on] of Object.entries(filesExclude as Record<string, unknown>)) {
    if (typeof on !== 'boolean') return undefined;
    if (on) globs.push(new Minimatch(glob, { dot: true }));
  }
  return globs;
}

/**
 * The files under `root` whose path relative to it matches `files`, as such relative paths (`/`-separated),
 * leaving out every path (and what is under a folder) that an `exclude` glob matches; undefined when the
 * walk gives up (see the file comment).
 */
export function walkFolder(
  root: string,
  files: Minimatch,
  exclude: readonly Minimatch[],
  limits: FolderWalkLimits = FOLDER_WALK_LIMITS,
): string[] | undefined {
  const started = limits.now();
  const found: string[] = [];
  const folders = [''];
  let entries = 0;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let dirents: fs.Dirent[];
    try {
      // Blocking: a few system calls per folder, bounded by the limits (as the scan's reads).
      dirents = fs.readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      return undefined;
    }
    entries += dirents.length;
    if (entries > limits.maxEntries || limits.now() - started > limits.maxMs) return undefined;
    for (const dirent of dirents) {
      const relative = folder === '' ? dirent.name : `${folder}/${dirent.name}`;
      if (exclude.some((glob) => glob.match(relative))) continue;
      if (dirent.isSymbolicLink()) return undefined;
      if (dirent.isDirectory()) folders.push(relative);
      else if (dirent.isFile() && files.match(relative)) found.push(relative);
    }
  }
  return found.sort();
}
