// A commit index kept between CLI runs, when asked for (`okr links --cache`): one
// JSON file per ref and trailer key under the repository's git directory
// (`<git common dir>/okr-lens/`), never in the working tree. It is only a cache:
// the index checks its head on each run and reads a rewritten history in full, and
// an unreadable or foreign file is ignored.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CommitIndexState } from './history';

export function indexCachePath(commonDir: string, ref: string, trailerKey: string): string {
  const key = createHash('sha256').update(`${ref}\0${trailerKey}`).digest('hex').slice(0, 16);
  return path.join(commonDir, 'okr-lens', `commit-index-${key}.json`);
}

export async function readIndexCache(file: string, ref: string, trailerKey: string): Promise<CommitIndexState | undefined> {
  try {
    const state = JSON.parse(await fs.readFile(file, 'utf8')) as CommitIndexState;
    return state.version === 1 && state.ref === ref && state.trailerKey === trailerKey && Array.isArray(state.commits) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the whole file, then renames it into place: a reader never sees half of one. */
export async function writeIndexCache(file: string, state: CommitIndexState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    await fs.writeFile(partial, JSON.stringify(state));
    await fs.rename(partial, file);
  } finally {
    await fs.rm(partial, { force: true }).catch(() => undefined);
  }
}
