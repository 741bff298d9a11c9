// For the in-host suites: what `_okr.gitHistory` says of each repository's commit index
// (read, restored from storage, or failed), and the progress messages the window showed.

import type * as vscode from 'vscode';
import type { HistoryStorage } from './history-store';
import type { RepositoryTracker } from './repositories';

/** What `_okr.gitHistory` returns: each repository's index, and what the window's progress area showed. */
export interface GitHistorySnapshot {
  /** Where the indexes are kept across restarts (undefined: not kept, e.g. in Restricted Mode). */
  storageDir?: string;
  repositories: {
    root: string;
    /** The first day read (undefined: the whole history). */
    window?: string;
    commits: number;
    /** The oldest author date among them. */
    oldest?: string;
    restored: boolean;
    reads: { full: number; added: number };
    error?: string;
  }[];
  /** The progress messages shown, oldest first (the last PROGRESS_KEPT). */
  progress: string[];
}

// A scan reports every 200 ms, so a slow first read of a large history on a loaded machine
// says hundreds of things: keep enough that its title is still there when it ends.
const PROGRESS_KEPT = 2000;

/** Reports progress in the window and keeps the last PROGRESS_KEPT messages for the snapshot. */
export class ProgressShown {
  readonly messages: string[] = [];

  show(progress: vscode.Progress<{ message?: string }>, message: string): void {
    this.messages.push(message);
    if (this.messages.length > PROGRESS_KEPT) this.messages.shift();
    progress.report({ message });
  }
}

/** Brings every index up to date (after a restart of the tracker, as after a reload of the window, when asked). */
export async function historySnapshot(
  tracker: RepositoryTracker,
  storage: HistoryStorage | undefined,
  progress: ProgressShown,
  action: unknown,
): Promise<GitHistorySnapshot> {
  if (action === 'restart') await tracker.restart();
  await tracker.start();
  const repositories: GitHistorySnapshot['repositories'] = [];
  for (const repo of tracker.repositories()) {
    const index = await tracker.history(repo).catch(() => undefined);
    const dates = index?.commits.map((c) => c.date.slice(0, 10)).sort();
    repositories.push({
      root: repo.root,
      window: index?.window,
      commits: index?.commits.length ?? 0,
      oldest: dates?.[0],
      restored: repo.restored ?? false,
      reads: { ...(repo.reads ?? { full: 0, added: 0 }) },
      error: repo.historyError,
    });
  }
  return { storageDir: storage?.dir, repositories, progress: [...progress.messages] };
}
