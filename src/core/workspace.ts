// The OKR files of a workspace or a CLI run, linted together: ids must be unique
// across all of them, and each file's `aligns_with` parent is loaded for the rules
// that check alignment.
//
// Two layers. The pure one (`parseSources`, `alignedTargets`, `lintParsedSources`,
// `lintSources`) takes texts and returns results, so the extension can feed it the
// live text of open editors. The file-system one (`findOkrFiles`, `readOkrSource`,
// `readAlignedTexts`, `lintPaths`) finds and reads files for the CLI. Neither reads
// the clock: `today` is always passed in.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AlignmentIndex } from './alignment';
import { DependencyGraph } from './dependencies';
import { collectDefinitions, docsPath, lintParsed, type LintResult } from './lint';
import type { Finding, IdDefinition, OkrFile, RuleSettings, Severity } from './model';
import { reparseOkr } from './incremental';
import { MAX_FILE_BYTES, parseOkr } from './parse';
import { LineIndex } from './positions';

// ---------------------------------------------------------------------------
// Which files are OKR files

/** The names OKR files go by, as globs (for messages and file watchers). */
export const OKR_FILE_GLOBS: readonly string[] = ['.okr.yaml', '*.okr.yaml', '*.okr.yml'];

/** Folders never searched: dependencies and git's own data. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/** Is this file name (not path) an OKR file: `.okr.yaml`, `*.okr.yaml` or `*.okr.yml`? */
export function isOkrFileName(name: string): boolean {
  return name.endsWith('.okr.yaml') || name.endsWith('.okr.yml');
}

// ---------------------------------------------------------------------------
// Pure layer: texts in, results out

export interface OkrSource {
  /** Absolute path: identifies the file and anchors its relative `aligns_with`. */
  path: string;
  text: string;
  /**
   * Set when the file is larger than MAX_FILE_BYTES and was therefore not read
   * (`text` is then empty): it gets one `syntax` finding instead of being linted.
   */
  oversizeBytes?: number;
}

export interface ParsedSource {
  source: OkrSource;
  file: OkrFile;
  /** The parser's `syntax` and `schema` findings. */
  findings: Finding[];
}

export interface ParseSourcesOptions {
  /**
   * How files are named to the rules and in their messages (`OkrFile.path`,
   * definitions, `alignedPath`): the CLI passes "relative to the current folder";
   * the default keeps the absolute path.
   */
  displayPath?: (absolutePath: string) => string;
}

export interface SourcesLintOptions extends ParseSourcesOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Settings from outside the files (editor setting, CLI defaults); each file's `lint:` block wins over them. */
  settings?: RuleSettings;
  /**
   * Rule on/off and severities that win even over the files' own `lint:` blocks
   * (the CLI's `--rule`); a rule's options in the file are kept.
   */
  overrides?: Readonly<Record<string, 'off' | Severity>>;
  /**
   * Texts of `aligns_with` targets that are not among the sources, by absolute
   * path; `null` when the target does not exist or cannot be read. A target that
   * is neither here nor among the sources counts as "not looked up", and the
   * alignment rules stay silent about it.
   */
  aligned?: ReadonlyMap<string, string | null>;
  /**
   * Settings per file, for editors whose settings differ by folder; wins over
   * `settings`. Each file's own `lint:` block still wins over both.
   */
  settingsFor?: (sourcePath: string) => RuleSettings | undefined;
  /**
   * Lint only these sources (by path); the others still count for duplicate ids and
   * alignment. The editor uses it to re-lint one edited file of a large workspace.
   */
  only?: ReadonlySet<string>;
}

export interface SourceLint {
  /** Absolute path, as in the source. */
  path: string;
  result: LintResult;
  /** The ids this file defines. */
  definitions: IdDefinition[];
}

export interface WorkspaceLint {
  /** In the order of the sources. */
  files: SourceLint[];
}

/** The message for a file over the size limit; the same words whether or not it was read. */
export function oversizeMessage(bytes: number): string {
  return `This file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; OKR files over ${MAX_FILE_BYTES / 1024 / 1024} MiB are not read. Split it by team or period.`;
}

function emptyFile(displayed: string): OkrFile {
  return { path: displayed, text: '', lint: {}, objectives: [], spans: { node: { start: 0, end: 0 }, keys: {}, values: {} } };
}

/** Parses each source once; an oversize source becomes an empty file with one finding. */
export function parseSources(sources: readonly OkrSource[], options: ParseSourcesOptions = {}): ParsedSource[] {
  const display = options.displayPath ?? ((p: string) => p);
  return sources.map((source) => {
    if (source.oversizeBytes !== undefined) {
      return {
        source,
        file: emptyFile(display(source.path)),
        findings: [{ ruleId: 'syntax', severity: 'error', message: oversizeMessage(source.oversizeBytes), span: { start: 0, end: 0 } }],
      };
    }
    const { file, findings } = parseOkr(source.text, display(source.path));
    return { source, file, findings };
  });
}

/**
 * Parses a new version of a source, reusing the parse of the previous version where
 * the edit allows (see incremental.ts): what an editor does on every keystroke.
 */
export function reparseSource(previous: ParsedSource, source: OkrSource): ParsedSource {
  if (source.oversizeBytes !== undefined || previous.source.oversizeBytes !== undefined || previous.source.path !== source.path) {
    return parseSources([source])[0];
  }
  const { file, findings } = reparseOkr({ file: previous.file, findings: previous.findings }, source.text, source.path);
  return { source, file, findings };
}

/** The absolute path a file's `aligns_with` names, resolved against the file's folder. */
export function alignedPathOf(sourcePath: string, file: OkrFile): string | undefined {
  const target = file.alignsWith?.trim();
  if (!target) return undefined;
  return path.resolve(path.dirname(sourcePath), target);
}

/** The `aligns_with` targets the caller must read because they are not among the sources. */
export function alignedTargets(parsed: readonly ParsedSource[]): string[] {
  const inRun = new Set(parsed.map((p) => p.source.path));
  const out = new Set<string>();
  for (const p of parsed) {
    const target = alignedPathOf(p.source.path, p.file);
    if (target && !inRun.has(target)) out.add(target);
  }
  return [...out];
}

/** A file's `lint:` block with the overrides laid on top, keeping the file's options of overridden rules. */
function withOverrides(lint: RuleSettings, overrides: Readonly<Record<string, 'off' | Severity>>): RuleSettings {
  const out: RuleSettings = {};
  for (const [key, value] of Object.entries(lint)) if (!(key in overrides)) out[key] = value;
  // Added last so that a `default: off` in the file cannot switch them off again.
  for (const [key, value] of Object.entries(overrides)) {
    const own = lint[key];
    out[key] = value !== 'off' && own && typeof own === 'object' && !Array.isArray(own) ? { ...(own as object), severity: value } : value;
  }
  return out;
}

/**
 * Lints parsed sources together: each file sees the ids of all the others (for
 * duplicate-id) and its `aligns_with` parent, taken from the sources when it is
 * one of them, else from `options.aligned`.
 */
export function lintParsedSources(parsed: readonly ParsedSource[], options: SourcesLintOptions): WorkspaceLint {
  const display = options.displayPath ?? ((p: string) => p);
  const definitions = parsed.map((p) => collectDefinitions(p.file));
  const bySourcePath = new Map(parsed.map((p) => [p.source.path, p]));
  const alignedFiles = new Map<string, OkrFile | null>();
  const alignedFile = (target: string): OkrFile | null | undefined => {
    const own = bySourcePath.get(target);
    if (own) return own.source.oversizeBytes !== undefined ? null : own.file;
    if (alignedFiles.has(target)) return alignedFiles.get(target);
    const text = options.aligned?.get(target);
    if (text === undefined) return undefined;
    const file = text === null || text.length > MAX_FILE_BYTES ? null : parseOkr(text, display(target)).file;
    alignedFiles.set(target, file);
    return file;
  };

  // Built once for the run: every file's `depends_on` resolves against all of them.
  const dependencies = new DependencyGraph(
    parsed.filter((p) => p.source.oversizeBytes === undefined).map((p) => p.file),
    options.today,
  );
  const alignment = new AlignmentIndex(parsed.filter((p) => p.source.oversizeBytes === undefined).map((p) => ({ path: p.source.path, file: p.file })));
  const files: SourceLint[] = [];
  parsed.forEach((p, index) => {
    if (options.only && !options.only.has(p.source.path)) return;
    files.push(lintOne(p, index));
  });
  return { files };

  function lintOne(p: ParsedSource, index: number): SourceLint {
    const own = definitions[index];
    if (p.source.oversizeBytes !== undefined) {
      // Not linted: there is nothing to lint, and a rule must not report on an empty stand-in.
      const findings = p.findings.map((f) => ({ ...f, docsPath: docsPath(f.ruleId) }));
      return { path: p.source.path, result: { file: p.file, findings, lines: new LineIndex('') }, definitions: own };
    }
    const otherDefinitions: IdDefinition[] = [];
    definitions.forEach((defs, i) => {
      if (i !== index) otherDefinitions.push(...defs);
    });
    const target = alignedPathOf(p.source.path, p.file);
    const file = options.overrides && Object.keys(options.overrides).length ? { ...p.file, lint: withOverrides(p.file.lint, options.overrides) } : p.file;
    const result = lintParsed(file, p.findings, {
      today: options.today,
      settings: options.settingsFor?.(p.source.path) ?? options.settings,
      otherDefinitions,
      alignedFile: target === undefined ? undefined : alignedFile(target),
      alignedPath: target === undefined ? undefined : display(target),
      dependencies,
      alignment,
    });
    return { path: p.source.path, result: { ...result, file: p.file }, definitions: own };
  }
}

/** Parses and lints texts together; see `lintParsedSources`. */
export function lintSources(sources: readonly OkrSource[], options: SourcesLintOptions): WorkspaceLint {
  return lintParsedSources(parseSources(sources, options), options);
}

// ---------------------------------------------------------------------------
// File-system layer

/** A path that could not be searched or read, with the reason in plain words. */
export interface WorkspaceProblem {
  /** Absolute path. */
  path: string;
  reason: string;
}

export interface FoundFiles {
  /** Absolute paths, each file once (also when reached through two arguments or a link), in a stable order. */
  files: string[];
  /** Paths that do not exist, folders that cannot be searched, dangling links to OKR files. */
  problems: WorkspaceProblem[];
  /** Targets (as given) under which no OKR file was found. */
  empty: string[];
}

/** An fs error as a user reads it. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default: {
      const message = (err as Error)?.message ?? String(err);
      return message.split('\n')[0];
    }
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds OKR files under the given paths (files or folders, relative to `cwd`).
 * A file named on the command line is taken whatever its name; folders are
 * searched for `.okr.yaml`, `*.okr.yaml` and `*.okr.yml`, skipping `node_modules`
 * and `.git`, following symbolic links but never around a loop.
 */
export async function findOkrFiles(targets: readonly string[], cwd: string): Promise<FoundFiles> {
  const files: string[] = [];
  const problems: WorkspaceProblem[] = [];
  const empty: string[] = [];
  // By real path, so a file reached twice (two arguments, a link) is linted once and not reported as its own duplicate.
  const seenFiles = new Set<string>();

  for (const target of targets) {
    let matched = 0;
    const addFile = async (absolute: string) => {
      let real: string;
      try {
        real = await fs.realpath(absolute);
      } catch (err) {
        problems.push({ path: absolute, reason: describeFsError(err) });
        return;
      }
      matched++;
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
      files.push(absolute);
    };
    // Per target, so that each target's own files are counted even when another target covered them.
    const walkedFolders = new Set<string>();
    const walk = async (folder: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        const real = await fs.realpath(folder);
        if (walkedFolders.has(real)) return; // a link back up the tree
        walkedFolders.add(real);
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch (err) {
        problems.push({ path: folder, reason: `cannot search: ${describeFsError(err)}` });
        return;
      }
      entries.sort((a, b) => byName(a.name, b.name));
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const linked = await fs.stat(full);
            isDir = linked.isDirectory();
            isFile = linked.isFile();
          } catch (err) {
            // A dangling link to an OKR file is a file we were meant to read; any other is none of our business.
            if (isOkrFileName(entry.name)) problems.push({ path: full, reason: `cannot read: ${describeFsError(err)}` });
            continue;
          }
        }
        if (isDir) {
          if (!SKIPPED_FOLDERS.includes(entry.name)) await walk(full);
        } else if (isFile && isOkrFileName(entry.name)) {
          await addFile(full);
        }
      }
    };

    const absolute = path.resolve(cwd, target);
    const problemsBefore = problems.length;
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (err) {
      problems.push({ path: absolute, reason: describeFsError(err) });
      continue;
    }
    if (stat.isDirectory()) await walk(absolute);
    else if (stat.isFile()) await addFile(absolute);
    else problems.push({ path: absolute, reason: 'not a file or folder' });
    if (matched === 0 && problems.length === problemsBefore) empty.push(target);
  }
  return { files, problems, empty };
}

/** Reads one OKR file: its text (UTF-8, without a byte-order mark, as editors show it), or why not. */
export async function readOkrSource(absolutePath: string): Promise<OkrSource | WorkspaceProblem> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fs.open(absolutePath, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { path: absolutePath, reason: 'not a file' };
    // Refused before reading: a huge file must not be loaded into memory at all.
    if (stat.size > MAX_FILE_BYTES) return { path: absolutePath, text: '', oversizeBytes: stat.size };
    const buffer = await handle.readFile();
    if (buffer.length > MAX_FILE_BYTES) return { path: absolutePath, text: '', oversizeBytes: buffer.length };
    let text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { path: absolutePath, text };
  } catch (err) {
    return { path: absolutePath, reason: describeFsError(err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export function isProblem(x: OkrSource | WorkspaceProblem): x is WorkspaceProblem {
  return (x as WorkspaceProblem).reason !== undefined;
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Parallel reads, but never thousands of open files at once. */
const READ_CONCURRENCY = 16;

/** Reads OKR files; the unreadable ones come back as problems. */
export async function readOkrSources(paths: readonly string[]): Promise<{ sources: OkrSource[]; problems: WorkspaceProblem[] }> {
  const read = await mapLimited(paths, READ_CONCURRENCY, readOkrSource);
  return { sources: read.filter((r): r is OkrSource => !isProblem(r)), problems: read.filter(isProblem) };
}

/** Reads `aligns_with` targets: text, or null when missing, unreadable or too large. */
export async function readAlignedTexts(paths: readonly string[]): Promise<Map<string, string | null>> {
  const read = await mapLimited(paths, READ_CONCURRENCY, readOkrSource);
  return new Map(read.map((r, i) => [paths[i], isProblem(r) || r.oversizeBytes !== undefined ? null : r.text]));
}

export interface LoadedSources extends FoundFiles {
  sources: OkrSource[];
}

/** Finds and reads the OKR files under the given paths (relative to `cwd`). */
export async function loadSources(targets: readonly string[], cwd: string): Promise<LoadedSources> {
  const found = await findOkrFiles(targets, cwd);
  const read = await readOkrSources(found.files);
  return { ...found, sources: read.sources, problems: [...found.problems, ...read.problems] };
}

export interface PathsLintOptions extends Omit<SourcesLintOptions, 'aligned'> {
  cwd: string;
}

export interface PathsLint extends WorkspaceLint {
  problems: WorkspaceProblem[];
  empty: string[];
}

/** Finds, reads and lints the OKR files under the given paths: the whole of `okr lint` but the output. */
export async function lintPaths(targets: readonly string[], options: PathsLintOptions): Promise<PathsLint> {
  const { sources, problems, empty } = await loadSources(targets, options.cwd);
  const parsed = parseSources(sources, options);
  const aligned = await readAlignedTexts(alignedTargets(parsed));
  return { ...lintParsedSources(parsed, { ...options, aligned }), problems, empty };
}
