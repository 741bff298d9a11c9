// Finds, reads and lints the OKR files under some paths in one call: the file-system
// layer (okr-files.ts) and the lint (../workspace.ts) together, apart from the reading
// alone so that what only reads files loads no rule.

import { alignedTargets, lintParsedSources, parseSources, type SourcesLintOptions, type WorkspaceLint } from '../workspace';
import { loadSources, readAlignedTexts, type WorkspaceProblem } from './okr-files';

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
