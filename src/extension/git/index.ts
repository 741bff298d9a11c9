// The git features of the editor: key-result trailers in the Source Control input
// box, branches for key results, the branch's key result in the status bar, and
// each key result's linked commits in the Objectives view. Thin over src/core/git.
//
// Activation stays fast: commands and the tree's source are registered at once, but
// git is first touched once the OKR files are loaded (for the status bar), and the
// history is first read when the tree asks for a key result's commits. In Restricted
// Mode git is only read (the tree and the status bar work); nothing is written.

import * as vscode from 'vscode';
import { scanWindowStart } from '../../core/git/history';
import { historyStorage } from './history-store';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { GitCommands } from './commands';
import { RepositoryLinkedWork } from './linked-work-source';
import { onDidChangeSettings } from '../settings/settings';
import { AutoTagger } from './auto-tagger';
import { RepositoryTracker } from './repositories';
import { CommitContentProvider, COMMIT_SCHEME } from './show-commit';
import { type GitStatusSnapshot, KeyResultStatusBar } from './status-bar';

/** Hidden command: what the Tag... button of Show Untagged Commits does, with its arguments. */
export const TAG_PAST_COMMIT_COMMAND = '_okr.tagPastCommit';

/** Hidden command for the in-host suites: what the status bar item shows. */
export const GIT_STATUS_COMMAND = '_okr.gitStatus';

/** Hidden command for the in-host suites: the commit indexes as read (see `GitHistorySnapshot`). */
const GIT_HISTORY_COMMAND = '_okr.gitHistory';

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

/** The first day the history scan reads: the earliest period start among the OKR files, minus a week. */
function historyWindowOf(store: OkrStore): string | undefined {
  return scanWindowStart(store.files().flatMap((f) => (f.result.file.period ? [f.result.file.period.start] : [])));
}

function keyResultIds(store: OkrStore): string[] {
  return store.files().flatMap((f) => f.definitions.filter((d) => d.kind === 'key-result').map((d) => d.id));
}

export function registerGitFeatures(context: vscode.ExtensionContext, store: OkrStore, objectivesView: ObjectivesViewHandle): void {
  const log = vscode.window.createOutputChannel('OKR Lens: Git', { log: true });
  // Kept for _okr.gitHistory. A scan reports every 200 ms, so a slow first read of a large history on a loaded
  // machine says hundreds of things: keep enough that its title is still there when it ends.
  const PROGRESS_KEPT = 2000;
  const progressShown: string[] = [];
  const showProgress = (progress: vscode.Progress<{ message?: string }>, message: string) => {
    progressShown.push(message);
    if (progressShown.length > PROGRESS_KEPT) progressShown.shift();
    progress.report({ message });
  };
  const storage = vscode.workspace.isTrusted ? historyStorage(context.storageUri, log) : undefined;
  const tracker = new RepositoryTracker({
    log,
    knownIds: () => keyResultIds(store),
    historyWindow: () => historyWindowOf(store),
    // Saved in the extension's own storage; in Restricted Mode nothing is written at all.
    storage,
    withProgress: async (title, task) =>
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'OKR Lens' }, (progress) => {
        showProgress(progress, title);
        return task((commits) => showProgress(progress, `${title}: ${commits.toLocaleString('en-US')} commits`));
      }),
  });
  const linkedWork = new RepositoryLinkedWork(tracker, store);
  const statusBar = new KeyResultStatusBar(tracker, store);
  const commands = new GitCommands(context, store, tracker, objectivesView, log);
  const autoTagger = new AutoTagger(tracker, store, commands);

  objectivesView.setLinkedWorkSource(linkedWork);

  // Branch names are matched against the ids of the OKR files: look again when the ids change.
  let idsSignature = '';
  const onStoreChange = () => {
    tracker.setHistoryWindow();
    const signature = keyResultIds(store).join('\n');
    if (signature === idsSignature) return;
    idsSignature = signature;
    tracker.refreshAll();
  };

  context.subscriptions.push(
    log,
    tracker,
    linkedWork,
    statusBar,
    autoTagger,
    { dispose: () => objectivesView.setLinkedWorkSource(undefined) },
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitContentProvider()),
    store.onDidChange(onStoreChange),
    // A commit, checkout or pull changes what the history rules compare with.
    tracker.onDidChangeState(() => store.refreshHistory()),
    onDidChangeSettings((change) => {
      if (change.affects('gitTrailer')) tracker.resetHistory();
      if (change.affects('gitAutoTag') || change.affects('gitTrailer')) autoTagger.checkAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // The git extension starts now: it finds nested repositories and has the input boxes.
      void tracker.restart().then(() => autoTagger.checkAll());
    }),
    vscode.commands.registerCommand(CommandId.TagCommit, (kr?: unknown, repo?: unknown) => commands.tagCommit(kr, repo)),
    vscode.commands.registerCommand(CommandId.StartWork, (kr?: unknown, repo?: unknown) => commands.startWork(kr, repo)),
    vscode.commands.registerCommand(CommandId.LinkBranch, (kr?: unknown, repo?: unknown) => commands.linkBranch(kr, repo)),
    vscode.commands.registerCommand(CommandId.ShowUntaggedCommits, (repo?: unknown) => commands.showUntaggedCommits(repo)),
    vscode.commands.registerCommand(CommandId.ShowCommit, (args?: unknown) => commands.showCommit(args)),
    // The Tag... button of Show Untagged Commits, for the in-host suites (not a palette command).
    vscode.commands.registerCommand(TAG_PAST_COMMIT_COMMAND, (sha?: unknown, kr?: unknown, repo?: unknown) =>
      commands.tagPastCommit(sha, kr, repo),
    ),
    vscode.commands.registerCommand(CommandId.RevealKeyResult, (kr?: unknown) => commands.revealKeyResult(kr)),
    vscode.commands.registerCommand(CommandId.InstallHooks, (repo?: unknown) => commands.installHooks(repo)),
    vscode.commands.registerCommand(CommandId.UninstallHooks, (repo?: unknown) => commands.uninstallHooks(repo)),
    // For the in-host suites: brings every index up to date (after a restart of the tracker, as
    // after a reload of the window, when asked) and says what was read and shown.
    vscode.commands.registerCommand(GIT_HISTORY_COMMAND, async (action?: unknown): Promise<GitHistorySnapshot> => {
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
      return { storageDir: storage?.dir, repositories, progress: [...progressShown] };
    }),
    vscode.commands.registerCommand(GIT_STATUS_COMMAND, async (): Promise<GitStatusSnapshot> => {
      await tracker.start();
      statusBar.update();
      return statusBar.state();
    }),
  );

  // git starts once the OKR files are read (the branch is matched against their ids), off the activation path.
  void store.ready.then(
    () => {
      idsSignature = keyResultIds(store).join('\n');
      return tracker.start();
    },
    () => tracker.start(),
  );
}
