// The git features of the editor: key-result trailers in the Source Control input
// box, branches for key results, the branch's key result in the status bar, and
// each key result's linked commits in the Objectives view. Thin over src/core/git.
//
// Activation stays fast: commands and the tree's source are registered at once, but
// git is first touched once the OKR files are loaded (for the status bar), and the
// history is first read when the tree asks for a key result's commits. In Restricted
// Mode git is only read (the tree and the status bar work); nothing is written.

import * as vscode from 'vscode';
import { historyStorage } from './history-store';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { GitCommands } from './commands';
import { RepositoryLinkedWork } from './linked-work-source';
import { onDidChangeSettings } from '../settings/settings';
import { AutoTagger } from './auto-tagger';
import { followOkrFiles } from './follow-okr-files';
import { historySnapshot, ProgressShown } from './history-snapshot';
import { historyWindowOf, keyResultIds } from './okr-ids';
import { RepositoryTracker } from './repositories';
import { CommitContentProvider, COMMIT_SCHEME } from './show-commit';
import { type GitStatusSnapshot, KeyResultStatusBar } from './status-bar';

/** Hidden command: what the Tag... button of Show Untagged Commits does, with its arguments. */
export const TAG_PAST_COMMIT_COMMAND = '_okr.tagPastCommit';

/** Hidden command for the in-host suites: what the status bar item shows. */
export const GIT_STATUS_COMMAND = '_okr.gitStatus';

/** Hidden command for the in-host suites: the commit indexes as read (see `GitHistorySnapshot`). */
const GIT_HISTORY_COMMAND = '_okr.gitHistory';

export type { GitHistorySnapshot } from './history-snapshot';

export function registerGitFeatures(context: vscode.ExtensionContext, store: OkrStore, objectivesView: ObjectivesViewHandle): void {
  const log = vscode.window.createOutputChannel('OKR Lens: Git', { log: true });
  // Kept for _okr.gitHistory.
  const progressShown = new ProgressShown();
  const storage = vscode.workspace.isTrusted ? historyStorage(context.storageUri, log) : undefined;
  const tracker = new RepositoryTracker({
    log,
    knownIds: () => keyResultIds(store.files()),
    historyWindow: () => historyWindowOf(store.files()),
    // Saved in the extension's own storage; in Restricted Mode nothing is written at all.
    storage,
    withProgress: async (title, task) =>
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'OKR Lens' }, (progress) => {
        progressShown.show(progress, title);
        return task((commits) => progressShown.show(progress, `${title}: ${commits.toLocaleString('en-US')} commits`));
      }),
  });
  const linkedWork = new RepositoryLinkedWork(tracker, store);
  const statusBar = new KeyResultStatusBar(tracker, store);
  const commands = new GitCommands(context, store, tracker, objectivesView, log);
  const autoTagger = new AutoTagger(tracker, store, commands);

  objectivesView.setLinkedWorkSource(linkedWork);

  context.subscriptions.push(
    log,
    tracker,
    linkedWork,
    statusBar,
    autoTagger,
    { dispose: () => objectivesView.setLinkedWorkSource(undefined) },
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitContentProvider()),
    followOkrFiles(store, tracker),
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
    vscode.commands.registerCommand(GIT_HISTORY_COMMAND, (action?: unknown) => historySnapshot(tracker, storage, progressShown, action)),
    vscode.commands.registerCommand(GIT_STATUS_COMMAND, async (): Promise<GitStatusSnapshot> => {
      await tracker.start();
      statusBar.update();
      return statusBar.state();
    }),
  );
}
