// The committed versions of the workspace's OKR files, for the rules that read git
// history (target-moved, sandbagging across periods): read in the background, one
// `git log` per workspace folder through the core (as `okr lint --history` does),
// never on a keystroke. Typing lints without waiting; findings that need history
// arrive when it has been read. Untracked files, shallow clones, folders outside a
// repository and a machine without git degrade quietly: the rules stay silent, and
// the output channel says why once.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { gitFailureMessage } from '../core/git/git';
import { readFileHistories } from '../core/git/okr-history';
import type { FileHistory } from '../core/history';
import type { Period } from '../core/model';

export interface HistoryTarget {
  /** Absolute path of the OKR file. */
  path: string;
  /** Its workspace folder's path; files outside any folder are read from their own folder. */
  folder?: string;
  period?: Period;
}

/** Blob texts kept per repository folder; a blob never changes, so only the count is bounded. */
const MAX_CACHED_BLOBS = 2000;

export class StoreHistory {
  private readonly histories = new Map<string, FileHistory>();
  /** What each file's history was made of, to tell whether a new reading changed anything. */
  private readonly signatures = new Map<string, string>();
  private readonly caches = new Map<string, Map<string, string | undefined>>();
  /** Notes already written, so a refresh does not repeat them. */
  private readonly said = new Set<string>();

  constructor(private readonly log?: vscode.LogOutputChannel) {}

  /** The file's committed versions; undefined until read, or when git cannot say. */
  get(file: string): FileHistory | undefined {
    return this.histories.get(file);
  }

  /** Reads the history of `targets` (dropping files no longer among them); resolves with the files whose history changed. */
  async read(targets: readonly HistoryTarget[]): Promise<Set<string>> {
    const changed = new Set<string>();
    const wanted = new Set(targets.map((t) => t.path));
    for (const file of [...this.histories.keys()]) {
      if (wanted.has(file)) continue;
      this.histories.delete(file);
      this.signatures.delete(file);
    }
    const groups = new Map<string, HistoryTarget[]>();
    for (const t of targets) {
      const cwd = t.folder ?? path.dirname(t.path);
      let group = groups.get(cwd);
      if (!group) groups.set(cwd, (group = []));
      group.push(t);
    }
    for (const [cwd, group] of groups) {
      let cache = this.caches.get(cwd);
      if (!cache || cache.size > MAX_CACHED_BLOBS) this.caches.set(cwd, (cache = new Map<string, string | undefined>()));
      try {
        const read = await readFileHistories({ cwd }, group, cache);
        if (read.untracked.length) this.note(`not committed yet, so no history to compare with: ${read.untracked.join(', ')}`);
        if (read.shallow)
          this.note(`${cwd} is a shallow clone: older versions of the OKR files are missing (git fetch --unshallow reads them)`);
        if (read.truncated) this.note(`${cwd}: only the newest commits of the OKR files were read; older history is not checked`);
        for (const t of group) {
          const history = read.histories.get(t.path);
          if (history) this.set(t.path, history, changed);
          else this.clear(t.path, changed);
        }
      } catch (err) {
        const message = gitFailureMessage(err);
        if (message === undefined) throw err;
        // Not a repository, git missing, a repository git refuses: no history, the rules stay silent.
        this.note(`no git history for the OKR files of ${cwd}: ${message}; the rules that read history are skipped there`);
        for (const t of group) this.clear(t.path, changed);
      }
    }
    return changed;
  }

  // No history and an empty one lint alike: only a change of versions re-lints the file.
  private set(file: string, history: FileHistory, changed: Set<string>): void {
    const signature = history.versions.map((v) => v.commit).join(',');
    if ((this.signatures.get(file) ?? '') !== signature) changed.add(file);
    this.histories.set(file, history);
    this.signatures.set(file, signature);
  }

  private clear(file: string, changed: Set<string>): void {
    if (this.signatures.get(file)) changed.add(file);
    this.histories.delete(file);
    this.signatures.delete(file);
  }

  private note(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.log?.info(message);
  }
}
