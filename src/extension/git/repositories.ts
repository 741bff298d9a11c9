// The git repositories of the workspace, as OKR Lens follows them: each one's root,
// checked-out branch, the key result that branch stands for, and (once someone asks)
// its commit index. Repositories come from the built-in git extension when it runs
// (it finds nested repositories and says when HEAD moves); without it (turned off, or
// Restricted Mode, where it does not run) from the workspace folders themselves.
//
// Only reads happen here (rev-parse, symbolic-ref, config --get, log), always through
// the core's runGit with an argument array. Nothing starts at activation: `start` runs
// when a feature first needs git or once the OKR files are loaded.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommitIndex } from '../../core/git/history';
import type { HistoryStorage } from './history-store';
import { branchLink, currentBranch, type GitContext, GitError, repoInfo, resolveCommit } from '../../core/git/git';
import { settingsFor } from '../settings/settings';
import { GIT_EXTENSION_ID, type GitAPI, type GitExtension, type GitRepository } from './git-api';
import { branchKeyResult } from './decisions';
import { KeyedDebounce } from '../keyed-debounce';

/** Quiet time after the git extension reports a change before we look (it reports in bursts). */
const CHANGE_DEBOUNCE_MS = 250;

export interface TrackedRepository {
  /** The working tree's root, as git reports it. */
  readonly root: string;
  readonly uri: vscode.Uri;
  readonly ctx: GitContext;
  /** The git extension's repository, when that extension runs. */
  api?: GitRepository;
  /** The checked-out branch; undefined when HEAD is detached. */
  branch?: string;
  /** The commit HEAD points at; undefined before the first commit. */
  head?: string;
  /** The branch's explicit link in git config. */
  link?: string;
  /** The key result the branch stands for. */
  keyResult?: { id: string; source: 'link' | 'name' };
  /** The trailer key the index reads. */
  trailerKey: string;
  index?: CommitIndex;
  /** True once the index has been read at least once (an empty repository reads as no commits). */
  historyRead?: boolean;
  /** Why the history could not be read, when it could not. */
  historyError?: string;
  /** Whether the index started from the one kept in storage (across a restart). */
  restored?: boolean;
  /** What the updates of the current index read from git: full reads and commits added. */
  reads?: { full: number; added: number };
}

export interface RepositoryTrackerOptions {
  log: vscode.LogOutputChannel;
  /** The key-result ids of the OKR files, to find one in a branch name. */
  knownIds(): Iterable<string>;
  /** The first day the history scan reads (the OKR periods' earliest start minus a week); undefined: all of it. */
  historyWindow?(): string | undefined;
  /** Where indexes are kept across restarts; undefined: read the history again each time. */
  storage?: HistoryStorage;
  /** Shows a long scan's progress (the window's progress area); `report` takes the commits read so far. */
  withProgress?<T>(title: string, task: (report: (commits: number) => void) => Promise<T>): Promise<T>;
}

function describe(err: unknown): string {
  return err instanceof GitError ? err.message : err instanceof Error ? err.message : String(err);
}

export class RepositoryTracker implements vscode.Disposable {
  private readonly repos = new Map<string, TrackedRepository>();
  private readonly stateEmitter = new vscode.EventEmitter<TrackedRepository | undefined>();
  private readonly historyEmitter = new vscode.EventEmitter<void>();
  /** Fires when a repository appears, goes, or its branch, HEAD or link changes (undefined: the set changed). */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires when a commit index read new commits. */
  readonly onDidChangeHistory = this.historyEmitter.event;
  private readonly touchEmitter = new vscode.EventEmitter<TrackedRepository>();
  /** Fires, debounced, after any change the git extension reports (a commit clears the input box). */
  readonly onDidTouch = this.touchEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter, this.historyEmitter, this.touchEmitter];
  /** What `start` subscribed to; dropped by `restart`. */
  private startDisposables: vscode.Disposable[] = [];
  private readonly repoDisposables = new Map<string, vscode.Disposable[]>();
  /** Per repository root: the next read of its state, and the next onDidTouch. */
  private readonly stateReads = new KeyedDebounce<string>();
  private readonly touches = new KeyedDebounce<string>();
  private started: Promise<void> | undefined;
  private api: GitAPI | undefined;
  private historyWanted = false;
  /** Bumped by `restart`: a start still running from before adds nothing. */
  private generation = 0;
  private disposed = false;

  constructor(private readonly options: RepositoryTrackerOptions) {}

  dispose(): void {
    this.disposed = true;
    this.stop();
    for (const d of this.disposables) d.dispose();
  }

  private stop(): void {
    this.stateReads.clear();
    this.touches.clear();
    for (const list of this.repoDisposables.values()) for (const d of list) d.dispose();
    this.repoDisposables.clear();
    for (const d of this.startDisposables) d.dispose();
    this.startDisposables = [];
    this.repos.clear();
    this.api = undefined;
  }

  /**
   * Looks for the repositories again from scratch: after workspace trust is granted
   * the git extension starts, and it knows more than the folders do.
   */
  restart(): Promise<void> {
    if (this.started === undefined) return Promise.resolve();
    this.stop();
    this.generation++;
    this.started = undefined;
    this.stateEmitter.fire(undefined);
    this.historyEmitter.fire();
    return this.start();
  }

  /** The git extension's API, when it runs (not in Restricted Mode, not when git is off). */
  get gitApi(): GitAPI | undefined {
    return this.api;
  }

  /** Starts following the repositories; later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= this.doStart().catch((err: unknown) => this.options.log.error('OKR Lens could not look for git repositories', err));
    return this.started;
  }

  repositories(): TrackedRepository[] {
    return [...this.repos.values()].sort((a, b) => a.root.localeCompare(b.root));
  }

  /** The innermost repository holding `uri`. */
  repositoryOf(uri: vscode.Uri): TrackedRepository | undefined {
    if (uri.scheme !== 'file') return undefined;
    const file = uri.fsPath;
    let best: TrackedRepository | undefined;
    for (const repo of this.repos.values()) {
      const inside = file === repo.root || file.startsWith(repo.root.endsWith(path.sep) ? repo.root : repo.root + path.sep);
      if (inside && (!best || repo.root.length > best.root.length)) best = repo;
    }
    return best;
  }

  /** The repository whose root is `root` (a path or uri). */
  byRoot(root: string | vscode.Uri): TrackedRepository | undefined {
    const p = typeof root === 'string' ? (root.startsWith('file:') ? vscode.Uri.parse(root).fsPath : root) : root.fsPath;
    return this.repos.get(path.resolve(p)) ?? this.repositoryOf(vscode.Uri.file(p));
  }

  /** Re-reads every repository's branch and link (a key result was added to the files, the window got focus). */
  refreshAll(): void {
    for (const repo of this.repos.values()) this.schedule(repo, 0);
  }

  /** Re-reads one repository now (after OKR Lens itself moved HEAD or wrote a link). */
  async refreshNow(repo: TrackedRepository): Promise<void> {
    this.stateReads.cancel(repo.root);
    await this.readState(repo);
  }

  /** Asks for the commit indexes: from now on they are read, and kept up to date. */
  wantHistory(): void {
    if (this.historyWanted) return;
    this.historyWanted = true;
    void this.start().then(() => {
      for (const repo of this.repos.values()) void this.updateHistory(repo);
    });
  }

  /** Brings a repository's index up to date now and returns it (for commands that need it fresh). */
  async history(repo: TrackedRepository): Promise<CommitIndex> {
    this.historyWanted = true;
    await this.updateHistory(repo);
    if (!repo.index) throw new Error(repo.historyError ?? `the history of ${repo.root} could not be read`);
    return repo.index;
  }

  /** The trailer key changed: indexes are read again with the new one. */
  resetHistory(): void {
    for (const repo of this.repos.values()) {
      repo.trailerKey = settingsFor(repo.uri).gitTrailer;
      repo.index = undefined;
      repo.historyRead = false;
      if (this.historyWanted) void this.updateHistory(repo);
    }
    this.historyEmitter.fire();
  }

  // -------------------------------------------------------------------------

  private async doStart(): Promise<void> {
    const generation = this.generation;
    const api = await this.gitExtensionApi();
    if (this.disposed || generation !== this.generation) return;
    this.api = api;
    if (api) {
      this.startDisposables.push(
        api.onDidOpenRepository((r) => void this.addApiRepository(r)),
        api.onDidCloseRepository((r) => this.remove(path.resolve(r.rootUri.fsPath))),
      );
      if (api.state !== 'initialized') {
        // The extension is still opening repositories; they arrive through onDidOpenRepository too.
        await new Promise<void>((resolve) => {
          const sub = api.onDidChangeState((s) => {
            if (s === 'initialized') {
              sub.dispose();
              resolve();
            }
          });
          // It never initializes when it finds no git: do not wait forever.
          setTimeout(() => {
            sub.dispose();
            resolve();
          }, 10_000);
        });
      }
      await Promise.all(api.repositories.map((r) => this.addApiRepository(r)));
    } else {
      await this.discoverFromFolders();
      this.startDisposables.push(
        vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discoverFromFolders()),
        // Without the git extension nobody says HEAD moved: look again when the user comes back.
        vscode.window.onDidChangeWindowState((s) => s.focused && this.refreshAll()),
      );
    }
  }

  private async gitExtensionApi(): Promise<GitAPI | undefined> {
    const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
    if (!extension) return undefined;
    try {
      const exports = extension.isActive ? extension.exports : await extension.activate();
      if (!exports?.enabled) {
        this.options.log.info('the git extension is turned off (git.enabled): OKR Lens reads the workspace folders with git itself');
        return undefined;
      }
      return exports.getAPI(1);
    } catch (err) {
      // In Restricted Mode the git extension does not run; reading history still works without it.
      this.options.log.info(`the git extension is not available (${describe(err)}): OKR Lens reads the workspace folders with git itself`);
      return undefined;
    }
  }

  private async discoverFromFolders(): Promise<void> {
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      try {
        const info = await repoInfo({ cwd: folder.uri.fsPath });
        if (!info.root) continue;
        const root = path.resolve(info.root);
        found.add(root);
        if (!this.repos.has(root)) await this.add(root, undefined);
      } catch (err) {
        if (!(err instanceof GitError && (err.kind === 'not-a-repository' || err.kind === 'no-folder'))) {
          this.options.log.warn(`${folder.uri.fsPath}: ${describe(err)}`);
        }
      }
    }
    for (const root of [...this.repos.keys()]) if (!found.has(root)) this.remove(root);
  }

  private async addApiRepository(api: GitRepository): Promise<void> {
    const root = path.resolve(api.rootUri.fsPath);
    const existing = this.repos.get(root);
    if (existing) {
      existing.api = api;
      return;
    }
    await this.add(root, api);
  }

  private async add(root: string, api: GitRepository | undefined): Promise<void> {
    if (this.disposed) return;
    const uri = vscode.Uri.file(root);
    const repo: TrackedRepository = { root, uri, ctx: { cwd: root }, api, trailerKey: settingsFor(uri).gitTrailer };
    this.repos.set(root, repo);
    if (api) {
      let lastSeen = `${api.state.HEAD?.name ?? ''}\n${api.state.HEAD?.commit ?? ''}`;
      this.repoDisposables.set(root, [
        api.state.onDidChange(() => {
          this.touch(repo);
          // Most changes are the working tree's status: look only when HEAD moved.
          const now = `${api.state.HEAD?.name ?? ''}\n${api.state.HEAD?.commit ?? ''}`;
          if (now === lastSeen) return;
          lastSeen = now;
          this.schedule(repo, CHANGE_DEBOUNCE_MS);
        }),
      ]);
    }
    await this.readState(repo);
    this.stateEmitter.fire(undefined);
    if (this.historyWanted) void this.updateHistory(repo);
  }

  private remove(root: string): void {
    if (!this.repos.delete(root)) return;
    for (const d of this.repoDisposables.get(root) ?? []) d.dispose();
    this.repoDisposables.delete(root);
    this.stateEmitter.fire(undefined);
    this.historyEmitter.fire();
  }

  private touch(repo: TrackedRepository): void {
    this.touches.schedule(repo.root, CHANGE_DEBOUNCE_MS, () => {
      if (this.repos.get(repo.root) === repo) this.touchEmitter.fire(repo);
    });
  }

  private schedule(repo: TrackedRepository, delay: number): void {
    this.stateReads.schedule(repo.root, delay, () => {
      if (this.repos.get(repo.root) !== repo) return;
      void this.readState(repo).then(() => {
        if (this.historyWanted) void this.updateHistory(repo);
      });
    });
  }

  /** Reads the branch, HEAD and link; fires onDidChangeState when any changed. */
  private async readState(repo: TrackedRepository): Promise<void> {
    try {
      const [branch, head] = await Promise.all([currentBranch(repo.ctx), resolveCommit(repo.ctx)]);
      const link = branch === undefined ? undefined : await branchLink(repo.ctx, branch);
      const keyResult = branchKeyResult(branch, link, this.options.knownIds());
      const changed = branch !== repo.branch || head !== repo.head || link !== repo.link || keyResult?.id !== repo.keyResult?.id;
      Object.assign(repo, { branch, head, link, keyResult });
      if (changed) this.stateEmitter.fire(repo);
    } catch (err) {
      this.options.log.warn(`${repo.root}: could not read the branch: ${describe(err)}`);
    }
  }

  /** The OKR periods moved: indexes read from a later day than now needed are read again. */
  setHistoryWindow(): void {
    const window = this.options.historyWindow?.();
    for (const repo of this.repos.values()) {
      if (!repo.index || repo.index.window === window) continue;
      repo.index.setWindow(window);
      if (this.historyWanted) void this.updateHistory(repo);
    }
  }

  private async createIndex(repo: TrackedRepository): Promise<{ index: CommitIndex; restored: boolean }> {
    const trailerKey = repo.trailerKey;
    const state = await this.options.storage?.load(repo.root, trailerKey);
    let report: ((commits: number) => void) | undefined;
    const index = new CommitIndex(repo.ctx, { trailerKey, since: this.options.historyWindow?.(), state, onProgress: (n) => report?.(n) });
    this.progressReporters.set(index, (r) => (report = r));
    return { index, restored: state !== undefined };
  }

  /** Per index: plugs the progress reporter of the scan running now in (or out). */
  private readonly progressReporters = new WeakMap<CommitIndex, (report: ((commits: number) => void) | undefined) => void>();
  /** The indexes whose first read shows its progress now. */
  private readonly showingProgress = new WeakSet<CommitIndex>();

  private async updateHistory(repo: TrackedRepository): Promise<void> {
    try {
      if (!repo.index) {
        const { index: created, restored } = await this.createIndex(repo);
        if (!repo.index) {
          repo.index = created;
          repo.restored = restored;
          repo.reads = { full: 0, added: 0 };
        }
      }
      const index = repo.index;
      const plug = this.progressReporters.get(index);
      // No time limit ends a long scan: it shows progress in the window's status area instead.
      // The first read can be long; later ones read only what is new.
      // One progress indicator per first read, however many callers wait on it.
      let result;
      if (this.options.withProgress && plug && index.head === undefined && !this.showingProgress.has(index)) {
        this.showingProgress.add(index);
        try {
          result = await this.options.withProgress(`reading the history of ${path.basename(repo.root)}`, async (report) => {
            plug(report);
            try {
              return await index.update();
            } finally {
              plug(undefined);
            }
          });
        } finally {
          this.showingProgress.delete(index);
        }
      } else result = await index.update();
      if (repo.index !== index) return; // the trailer key changed meanwhile
      if (repo.reads) {
        repo.reads.full += result.full ? 1 : 0;
        repo.reads.added += result.added;
      }
      if (result.full || result.added > 0) void this.options.storage?.save(repo.root, index.state());
      const first = !repo.historyRead;
      repo.historyRead = true;
      if (first || repo.historyError !== undefined || result.added > 0 || result.full) {
        repo.historyError = undefined;
        if (result.full) {
          this.options.log.info(
            `${repo.root}: read ${index.commits.length} commits` +
              (index.shallow ? ' (a shallow clone: older commits are not in it)' : '') +
              (index.head === undefined ? ' (no commits yet)' : ''),
          );
        }
        this.historyEmitter.fire();
      }
    } catch (err) {
      const message = describe(err);
      if (repo.historyError !== message) {
        repo.historyError = message;
        this.options.log.warn(`${repo.root}: could not read the history: ${message}`);
        this.historyEmitter.fire();
      }
    }
  }
}
