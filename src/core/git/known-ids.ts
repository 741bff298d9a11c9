// The key results a repository's commits may name: the ids defined in its OKR
// files, and the lookups the git features need (resolve a trailer's value, suggest
// the closest ids for a typo, tell "that is an objective" from "that is unknown").

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { collectDefinitions } from '../definitions';
import type { IdDefinition } from '../model';
import { closestMatches } from '../edit-distance';
import { loadSources, readOkrSources, type WorkspaceProblem } from '../fs/okr-files';
import { OKR_FILE_GLOBS, type OkrSource, parseSources, SKIPPED_FOLDERS } from '../okr-sources';
import { MAX_FILE_BYTES } from '../parse';
import { GitError, type GitContext, type GitResult, gitConfigGetAll, OKR_FILES_CONFIG_KEY, resolveCommit, runGit } from './git';

export class KnownIds {
  private readonly keyResults = new Map<string, IdDefinition>();
  private readonly others = new Map<string, IdDefinition>();

  constructor(readonly definitions: readonly IdDefinition[]) {
    for (const d of definitions) {
      const map = d.kind === 'key-result' ? this.keyResults : this.others;
      const key = d.id.toLowerCase();
      // The first definition wins; duplicates are the lint's business.
      if (!map.has(key)) map.set(key, d);
    }
  }

  /** The key-result ids, as written in the OKR files. */
  get ids(): string[] {
    return [...this.keyResults.values()].map((d) => d.id);
  }

  get size(): number {
    return this.keyResults.size;
  }

  /** The key result a trailer value or branch link names (ids compare case-insensitively). */
  resolve(value: string): IdDefinition | undefined {
    return this.keyResults.get(value.trim().toLowerCase());
  }

  /** The objective or initiative an id names, when it is not a key result. */
  otherKind(value: string): IdDefinition | undefined {
    return this.others.get(value.trim().toLowerCase());
  }

  /** The ids of the key results still in play: what "did you mean" may offer. */
  get liveIds(): string[] {
    return [...this.keyResults.values()].filter((d) => !d.dropped).map((d) => d.id);
  }

  /** The live key-result ids closest to `value`, nearest first, for "did you mean" (never a dropped one). */
  suggest(value: string, limit = 3): string[] {
    return closestMatches(value.trim(), this.liveIds, limit);
  }

  /**
   * Why a trailer value names no key result, in one sentence; undefined when it
   * does name one.
   */
  explainUnknown(value: string): string | undefined {
    if (this.resolve(value)) return undefined;
    const other = this.otherKind(value);
    if (other) return `${value} is ${other.kind === 'objective' ? 'an objective' : 'an initiative'}, not a key result`;
    const parts = value.split(/[\s,;]+/).filter((p) => p !== '');
    if (parts.length > 1 && parts.every((p) => this.resolve(p))) {
      return `"${value}" names several key results in one trailer: write one trailer per key result`;
    }
    const suggestions = this.suggest(value);
    return `${value} is not a key result in the OKR files${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}`;
  }
}

export interface LoadedKnownIds {
  known: KnownIds;
  /** The OKR files read (absolute paths). */
  files: string[];
  /** Paths that could not be read. */
  problems: WorkspaceProblem[];
  /** Targets (as given) holding no OKR file. */
  empty: string[];
  /** The first day of each file's period (files without one are left out): the history scan starts from the earliest. */
  periodStarts: string[];
}

/**
 * Called with the OKR files' texts once they are read, before they are parsed; the parse
 * waits for it (`okr links` starts the history scan from the periods it pre-reads).
 */
export type BeforeParse = (sources: readonly OkrSource[]) => Promise<void> | void;

/**
 * The ids of OKR files read, however they were found: `beforeParse` is awaited, the
 * sources parsed, their definitions and period starts collected.
 */
async function knownIdsOf(
  sources: readonly OkrSource[],
  found: Pick<LoadedKnownIds, 'files' | 'problems' | 'empty'>,
  beforeParse: BeforeParse | undefined,
): Promise<LoadedKnownIds> {
  await beforeParse?.(sources);
  const parsed = parseSources(sources);
  return {
    known: new KnownIds(parsed.flatMap((p) => collectDefinitions(p.file))),
    ...found,
    periodStarts: parsed.flatMap((p) => (p.file.period ? [p.file.period.start] : [])),
  };
}

/** Reads the OKR files under `targets` (relative to `cwd`) and collects their ids. */
export async function loadKnownIds(targets: readonly string[], cwd: string, beforeParse?: BeforeParse): Promise<LoadedKnownIds> {
  const loaded = await loadSources(targets, cwd);
  return knownIdsOf(loaded.sources, { files: loaded.files, problems: loaded.problems, empty: loaded.empty }, beforeParse);
}

/**
 * `git ls-files` of the OKR files under `ctx.cwd`, tracked or not but not ignored (exit
 * code 128, outside a work tree, is the caller's to read): what knownIdsForRepo asks in the
 * repository's root.
 */
export function listOkrFiles(ctx: GitContext): Promise<GitResult> {
  return runGit(
    ctx,
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--', ...OKR_FILE_GLOBS.map((g) => `:(glob)**/${g}`)],
    { okCodes: [128] },
  );
}

/**
 * The key results a repository's commits may name: those of the OKR files under
 * the folders in `git config okr.files` (relative to the repository root, possibly
 * outside it), else those of every OKR file git sees in the working tree, tracked
 * or not but not ignored. Asking git (its index) keeps this fast in a large
 * repository, which matters in a commit hook.
 */
export async function knownIdsForRepo(
  ctx: GitContext,
  root: string,
  okrFiles?: readonly string[],
  beforeParse?: BeforeParse,
  listing?: Promise<GitResult>,
): Promise<LoadedKnownIds> {
  // `okrFiles`: the setting, when the caller has read it already (RepoSession.okrFiles).
  const configured = okrFiles ?? (await gitConfigGetAll(ctx, OKR_FILES_CONFIG_KEY));
  if (configured.length > 0)
    return loadKnownIds(
      configured.map((p) => path.resolve(root, p)),
      root,
      beforeParse,
    );
  // `listing`: listOkrFiles in `root`, when the caller could start it before the root was known.
  const listed = await (listing ?? listOkrFiles({ ...ctx, cwd: root }));
  if (listed.code !== 0) {
    if (listed.stderr.includes('must be run in a work tree')) return knownIdsAtHead(ctx, root, beforeParse);
    throw new GitError(`git ls-files failed: ${listed.stderr.trim().split('\n')[0]}`, 'failed', ['ls-files'], listed.stderr, listed.code);
  }
  const { stdout } = listed;
  const files = [...new Set(stdout.split('\0').filter((f) => f !== ''))]
    // As the folder search does: a dependency's OKR files are not the team's, even when committed.
    .filter((f) => !f.split('/').some((segment) => SKIPPED_FOLDERS.includes(segment)))
    .map((f) => path.join(root, f));
  // A file deleted in the working tree but still in the index is simply not there. Blocking calls:
  // only command-line processes (okr, its git hooks) come here, and the history scan waits on them.
  const existing = files.filter((f) => isFileSync(f));
  const read = await readOkrSources(existing, { blocking: true });
  return knownIdsOf(read.sources, { files: existing, problems: read.problems, empty: existing.length === 0 ? [root] : [] }, beforeParse);
}

function isFileSync(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A bare repository has no working tree: its OKR files are those of the commit
 * HEAD points at (none before the first commit), read from git's objects.
 */
async function knownIdsAtHead(ctx: GitContext, gitDir: string, beforeParse?: BeforeParse): Promise<LoadedKnownIds> {
  const at = { ...ctx, cwd: gitDir };
  const empty = { known: new KnownIds([]), files: [], problems: [], empty: [gitDir], periodStarts: [] };
  if ((await resolveCommit(at, 'HEAD')) === undefined) return empty;
  const { stdout } = await runGit(at, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', 'HEAD']);
  const suffixes = OKR_FILE_GLOBS.map((g) => g.replace(/^\*/, ''));
  const names = stdout
    .split('\0')
    .filter((f) => f !== '' && suffixes.some((s) => path.posix.basename(f) === s || (s.startsWith('.') && f.endsWith(s))))
    .filter((f) => !f.split('/').some((segment) => SKIPPED_FOLDERS.includes(segment)));
  const sources = [];
  for (const name of names) {
    const blob = await runGit(at, ['cat-file', 'blob', `HEAD:${name}`], { maxBuffer: MAX_FILE_BYTES, okCodes: [128] }).catch(
      () => undefined,
    );
    if (blob?.code === 0) sources.push({ path: path.join(gitDir, name), text: blob.stdout });
  }
  if (sources.length === 0) return empty;
  return knownIdsOf(sources, { files: sources.map((s) => s.path), problems: [], empty: [] }, beforeParse);
}
