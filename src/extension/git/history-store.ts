// The commit indexes kept across restarts, one JSON file per repository in the
// extension's workspace storage (never in the workspace). A saved index is used
// only for the same trailer key and a window that covers the one asked for; its
// head is checked on the first update, and a rewritten history is read in full.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { CommitIndexState } from '../../core/git/history';

export interface HistoryStorage {
  /** The folder of the saved indexes. */
  readonly dir: string;
  load(root: string, trailerKey: string): Promise<CommitIndexState | undefined>;
  save(root: string, state: CommitIndexState): Promise<void>;
}

/** Saved indexes under `folder` (the extension's `storageUri`); undefined without one (no folder open). */
export function historyStorage(folder: vscode.Uri | undefined, log: vscode.LogOutputChannel): HistoryStorage | undefined {
  if (folder?.scheme !== 'file') return undefined;
  const dir = path.join(folder.fsPath, 'commit-index');
  // One file per repository and trailer key: the key is part of what an index means.
  const fileOf = (root: string, trailerKey: string) =>
    path.join(dir, `${createHash('sha256').update(`${root}\0${trailerKey}`).digest('hex').slice(0, 32)}.json`);
  return {
    dir,
    async load(root, trailerKey) {
      try {
        const state = JSON.parse(await fs.readFile(fileOf(root, trailerKey), 'utf8')) as CommitIndexState & { root?: string };
        return state.root === root && state.trailerKey === trailerKey && Array.isArray(state.commits) ? state : undefined;
      } catch {
        return undefined; // none yet, or unreadable: the history is read from git
      }
    },
    async save(root, state) {
      try {
        await fs.mkdir(dir, { recursive: true });
        const file = fileOf(root, state.trailerKey);
        // Written whole, then renamed: a crash never leaves half an index behind.
        const partial = `${file}.${process.pid}.partial`;
        await fs.writeFile(partial, JSON.stringify({ ...state, root }));
        await fs.rename(partial, file);
      } catch (err) {
        log.warn(`could not save the commit index of ${root}: ${(err as Error).message}`);
      }
    },
  };
}
