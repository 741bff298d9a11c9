// The tree's source of linked commits: each key result's commits over every
// repository of the workspace, from the repositories' commit indexes. Lazy: the first
// question starts the history reading and gets "nothing known yet"; the tree is told
// to ask again when the indexes have been read or have moved.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommitRecord } from '../../core/git/history';
import { objectivePeriod } from '../../core/progress';
import type { OkrStore } from '../okr-store';
import type { LinkedWork, LinkedWorkSource } from '../tree/linked-work';
import { findKeyResultEntry } from '../tree/nodes';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import { linkedWork, type StaleContext } from './decisions';
import type { RepositoryTracker } from './repositories';

/** Tree refreshes after history changes are coalesced: a rebase moves HEAD many times. */
const REFRESH_DEBOUNCE_MS = 200;

export class RepositoryLinkedWork implements LinkedWorkSource, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly store: OkrStore,
  ) {
    this.subscriptions.push(
      tracker.onDidChangeHistory(() => this.fireSoon()),
      onDidChangeSettings((change) => change.affects('gitStaleDays') && this.fireSoon()),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }

  private fireSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire();
    }, REFRESH_DEBOUNCE_MS);
  }

  repositoryCommits(): { name: string; commits: readonly CommitRecord[] }[] {
    this.tracker.wantHistory();
    return this.tracker
      .repositories()
      .filter((r) => r.historyRead && r.index)
      .map((r) => {
        // Named as `okr report` run at the workspace's root names it: `.` for the root itself.
        const isFolder = vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === r.uri.toString());
        const relative = vscode.workspace.asRelativePath(r.uri, false);
        return {
          name: isFolder ? '.' : relative && relative !== r.uri.fsPath ? relative : path.basename(r.root),
          commits: r.index!.commits,
        };
      });
  }

  forKeyResult(id: string): LinkedWork | undefined {
    this.tracker.wantHistory();
    // Before any history is read, say nothing rather than "no commits".
    const read = this.tracker.repositories().filter((r) => r.historyRead && r.index);
    if (read.length === 0) return undefined;
    const found = this.store.findDefinition(id);
    const entry = found ? findKeyResultEntry(found.state.result.file, id) : undefined;
    const stale: StaleContext = {
      today: this.store.today(),
      period: found && entry ? objectivePeriod(found.state.result.file, entry.objective.objective) : undefined,
      active: entry?.objective.objective.status === 'active' && entry.keyResult.keyResult.status === 'active',
      staleDays: settingsFor(found?.state.uri ?? read[0].uri).gitStaleDays,
    };
    // The repository goes with every commit, so a click finds it without guessing.
    return linkedWork(
      read.map((r) => ({ repository: r, commits: r.index!.commitsFor(id) })),
      stale,
      (r) => r?.uri,
    );
  }
}
