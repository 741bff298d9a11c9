// The key results a repository's commits may name: the ids defined in its OKR
// files, and the lookups the git features need (resolve a trailer's value, suggest
// the closest ids for a typo, tell "that is an objective" from "that is unknown").

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectDefinitions } from '../lint';
import type { IdDefinition } from '../model';
import { closestMatches } from '../text';
import { loadSources, OKR_FILE_GLOBS, parseSources, readOkrSources, SKIPPED_FOLDERS, type WorkspaceProblem } from '../workspace';
import { type GitContext, gitConfigGetAll, OKR_FILES_CONFIG_KEY, runGit } from './git';

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
}

/** Reads the OKR files under `targets` (relative to `cwd`) and collects their ids. */
export async function loadKnownIds(targets: readonly string[], cwd: string): Promise<LoadedKnownIds> {
  const loaded = await loadSources(targets, cwd);
  const definitions = parseSources(loaded.sources).flatMap((p) => collectDefinitions(p.file));
  return { known: new KnownIds(definitions), files: loaded.files, problems: loaded.problems, empty: loaded.empty };
}

/**
 * The key results a repository's commits may name: those of the OKR files under
 * the folders in `git config okr.files` (relative to the repository root, possibly
 * outside it), else those of every OKR file git sees in the working tree, tracked
 * or not but not ignored. Asking git (its index) keeps this fast in a large
 * repository, which matters in a commit hook.
 */
export async function knownIdsForRepo(ctx: GitContext, root: string): Promise<LoadedKnownIds> {
  const configured = await gitConfigGetAll(ctx, OKR_FILES_CONFIG_KEY);
  if (configured.length > 0) return loadKnownIds(configured.map((p) => path.resolve(root, p)), root);
  const { stdout } = await runGit({ ...ctx, cwd: root }, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--deduplicate',
    '--',
    ...OKR_FILE_GLOBS.map((g) => `:(glob)**/${g}`),
  ]);
  const files = [...new Set(stdout.split('\0').filter((f) => f !== ''))]
    // As the folder search does: a dependency's OKR files are not the team's, even when committed.
    .filter((f) => !f.split('/').some((segment) => SKIPPED_FOLDERS.includes(segment)))
    .map((f) => path.join(root, f));
  // A file deleted in the working tree but still in the index is simply not there.
  const existing = (await Promise.all(files.map(async (f) => ((await fs.stat(f).catch(() => undefined))?.isFile() ? f : undefined)))).filter(
    (f): f is string => f !== undefined,
  );
  const read = await readOkrSources(existing);
  const definitions = parseSources(read.sources).flatMap((p) => collectDefinitions(p.file));
  return { known: new KnownIds(definitions), files: existing, problems: read.problems, empty: existing.length === 0 ? [root] : [] };
}
