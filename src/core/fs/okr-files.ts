// The file-system layer of the workspace: finds OKR files under the paths a CLI run
// or a workspace names, and reads them (and their `aligns_with` parents) through
// the safe reader. What it reads goes to the pure layer in ../workspace.ts.
//
// A cloned repository is input like any other: a walk never leaves the folder it was
// asked to search through a link to a folder (`ln -s / root`), never opens a FIFO or
// device, and names a file whose name is not valid UTF-8 rather than calling it missing.

import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { mapLimited } from '../arrays';
import { MAX_FILE_BYTES, oversizeMessage } from '../parse';
import { isOkrFileName, SKIPPED_FOLDERS, type AlignedText, type OkrSource } from '../okr-sources';
import {
  describeFsError,
  fsProblem,
  nameFromBytes,
  readTextFile,
  readTextFileSync,
  invalidUtf8,
  type ReadProblemCode,
  type ReadResult,
} from './read-file';

/** A path that could not be searched or read, with the reason in plain words. */
export interface WorkspaceProblem {
  /** Absolute path. */
  path: string;
  reason: string;
  /** What kind of problem, for code that acts on it (the editor treats `missing` as deleted). */
  code: ReadProblemCode | 'invalid-name';
}

export interface FoundFiles {
  /** Absolute paths, each file once (also when reached through two arguments or a link), in a stable order. */
  files: string[];
  /** Paths that do not exist, folders that cannot be searched, dangling links to OKR files, names that are not UTF-8. */
  problems: WorkspaceProblem[];
  /** Targets (as given) under which no OKR file was found. */
  empty: string[];
}

export { describeFsError };

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Is `inner` the folder `outer` or inside it (both real paths)? */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** A folder's entries with their names, or the name's bytes when they are not valid UTF-8. */
async function readFolder(folder: string): Promise<{ name: string; valid: boolean; entry: Dirent<Buffer> }[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, encoding: 'buffer' });
  return entries.map((entry) => {
    const valid = invalidUtf8(entry.name) === undefined;
    return { name: valid ? entry.name.toString('utf8') : nameFromBytes(entry.name), valid, entry };
  });
}

/**
 * Finds OKR files under the given paths (files or folders, relative to `cwd`).
 * A file named on the command line is taken whatever its name; folders are
 * searched for `.okr.yaml`, `*.okr.yaml` and `*.okr.yml`, skipping `node_modules`
 * and `.git`, following symbolic links that stay inside the searched folder, never
 * around a loop. Links to folders outside it are not followed.
 */
export async function findOkrFiles(targets: readonly string[], cwd: string): Promise<FoundFiles> {
  const files: string[] = [];
  const problems: WorkspaceProblem[] = [];
  const empty: string[] = [];
  // By real path, so a file reached twice (two arguments, a link) is linted once and not reported as its own duplicate.
  const seenFiles = new Set<string>();

  for (const target of targets) {
    let matched = 0;
    /** `knownReal`: the real path when the walk knows it (a file, not a link, in a folder whose real path it has). */
    const addFile = async (absolute: string, knownReal?: string) => {
      let real: string;
      try {
        real = knownReal ?? (await fs.realpath(absolute));
      } catch (err) {
        problems.push({ path: absolute, ...fsProblem(err) });
        return;
      }
      matched++;
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      files.push(absolute);
    };
    // Per target, so that each target's own files are counted even when another target covered them.
    const walkedFolders = new Set<string>();
    let root = '';
    const walk = async (folder: string): Promise<void> => {
      let entries: Awaited<ReturnType<typeof readFolder>>;
      let real: string;
      try {
        real = await fs.realpath(folder);
        if (walkedFolders.has(real)) return; // a link back up the tree
        walkedFolders.add(real);
        entries = await readFolder(folder);
      } catch (err) {
        problems.push({ path: folder, code: fsProblem(err).code, reason: `cannot search: ${describeFsError(err)}` });
        return;
      }
      entries.sort((a, b) => byName(a.name, b.name));
      for (const { name, valid, entry } of entries) {
        if (!valid) {
          // Decoding would give another name, which then "does not exist": say what is wrong instead.
          if (isOkrFileName(name) || entry.isDirectory()) {
            problems.push({
              path: path.join(folder, name),
              code: 'invalid-name',
              reason: `the name is not valid UTF-8, so OKR Lens cannot read ${entry.isDirectory() ? 'what is in it' : 'it'}; rename it`,
            });
          }
          continue;
        }
        const full = path.join(folder, name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const linked = await fs.stat(full);
            isDir = linked.isDirectory();
            isFile = linked.isFile();
            // `ln -s / root` must not make a search of this folder a search of the whole disk.
            if (isDir && !isWithin(root, await fs.realpath(full))) continue;
          } catch (err) {
            // A dangling link to an OKR file is a file we were meant to read; any other is none of our business.
            if (isOkrFileName(name))
              problems.push({ path: full, code: fsProblem(err).code, reason: `cannot read: ${describeFsError(err)}` });
            continue;
          }
        }
        if (isDir) {
          if (!SKIPPED_FOLDERS.includes(name)) await walk(full);
        } else if (isFile && isOkrFileName(name)) {
          // A regular file's real path is its folder's real path and its name: no realpath call per file.
          await addFile(full, entry.isSymbolicLink() ? undefined : path.join(real, name));
        }
      }
    };

    const absolute = path.resolve(cwd, target);
    const problemsBefore = problems.length;
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (err) {
      problems.push({ path: absolute, ...fsProblem(err) });
      continue;
    }
    if (stat.isDirectory()) {
      root = await fs.realpath(absolute);
      await walk(absolute);
    } else if (stat.isFile()) await addFile(absolute);
    else problems.push({ path: absolute, code: 'special', reason: 'not a file or folder' });
    if (matched === 0 && problems.length === problemsBefore) empty.push(target);
  }
  return { files, problems, empty };
}

/** Reads one OKR file: its text (UTF-8, without a byte-order mark, as editors show it), or why not. */
export async function readOkrSource(absolutePath: string): Promise<OkrSource | WorkspaceProblem> {
  return sourceOf(absolutePath, await readTextFile(absolutePath, MAX_FILE_BYTES));
}

/** `readOkrSource` with blocking calls (the same checks, in the same order). */
export function readOkrSourceSync(absolutePath: string): OkrSource | WorkspaceProblem {
  return sourceOf(absolutePath, readTextFileSync(absolutePath, MAX_FILE_BYTES));
}

function sourceOf(absolutePath: string, read: ReadResult): OkrSource | WorkspaceProblem {
  switch (read.kind) {
    case 'text':
      return read.invalidUtf8 === undefined
        ? { path: absolutePath, text: read.text }
        : { path: absolutePath, text: read.text, invalidUtf8: read.invalidUtf8 };
    case 'oversize':
      return { path: absolutePath, text: '', oversizeBytes: read.bytes };
    default:
      return { path: absolutePath, code: read.code, reason: read.reason };
  }
}

export function isProblem(x: OkrSource | WorkspaceProblem): x is WorkspaceProblem {
  return (x as WorkspaceProblem).reason !== undefined;
}

/** Parallel reads, but never thousands of open files at once. */
const READ_CONCURRENCY = 16;

export interface ReadOptions {
  /**
   * Blocking reads, for a command-line run: nothing else waits on its event loop, and a blocking
   * read costs a fraction of a promise-based one (the same checks, in the same order).
   */
  blocking?: boolean;
}

/** Reads OKR files; the unreadable ones come back as problems. */
export async function readOkrSources(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<{ sources: OkrSource[]; problems: WorkspaceProblem[] }> {
  const read = options.blocking
    ? paths.map((p) => sourceOf(p, readTextFileSync(p, MAX_FILE_BYTES)))
    : await mapLimited(paths, READ_CONCURRENCY, readOkrSource);
  return { sources: read.filter((r): r is OkrSource => !isProblem(r)), problems: read.filter(isProblem) };
}

/**
 * Reads `aligns_with` targets: the text; null when the file does not exist; why not
 * when it exists but is not read (too large, a FIFO, a device, a /proc file, no permission).
 */
export async function readAlignedTexts(paths: readonly string[]): Promise<Map<string, AlignedText>> {
  const read = await mapLimited(paths, READ_CONCURRENCY, readOkrSource);
  return new Map(
    read.map((r, i): [string, AlignedText] => {
      if (isProblem(r)) return [paths[i], r.code === 'missing' ? null : { unreadable: r.reason }];
      if (r.oversizeBytes !== undefined) return [paths[i], { unreadable: oversizeMessage(r.oversizeBytes) }];
      return [paths[i], r.text];
    }),
  );
}

export interface LoadedSources extends FoundFiles {
  sources: OkrSource[];
}

/** Finds and reads the OKR files under the given paths (relative to `cwd`). */
export async function loadSources(targets: readonly string[], cwd: string, options: ReadOptions = {}): Promise<LoadedSources> {
  const found = await findOkrFiles(targets, cwd);
  const read = await readOkrSources(found.files, options);
  return { ...found, sources: read.sources, problems: found.problems.concat(read.problems) };
}
