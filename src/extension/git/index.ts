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
import { addTrailer, isValidTrailerValue, sameId } from '../../core/git/trailers';
import { historyStorage } from './history-store';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { GitCommands } from './commands';
import { RepositoryLinkedWork } from './linked-work-source';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import { RepositoryTracker, type TrackedRepository } from './repositories';
import { CommitContentProvider, COMMIT_SCHEME } from './show-commit';
import { type GitStatusSnapshot, KeyResultStatusBar } from './status-bar';

/** The Source Control input box's document: `vscode-scm:git/scm0/input?rootUri=<repository root>`. */
const SCM_INPUT_SCHEME = 'vscode-scm';

function scmInputRoot(uri: vscode.Uri): string | undefined {
  return new URLSearchParams(uri.query).get('rootUri') ?? undefined;
}

/** Hidden command: what the Tag... button of Show Untagged Commits does, with its arguments. */
export const TAG_PAST_COMMIT_COMMAND = '_okr.tagPastCommit';

/** Hidden command for the in-host suites: what the status bar item shows. */
export const GIT_STATUS_COMMAND = '_okr.gitStatus';

/** The first day the history scan reads: the earliest period start among the OKR files, minus a week. */
function historyWindowOf(store: OkrStore): string | undefined {
  return scanWindowStart(store.files().flatMap((f) => (f.result.file.period ? [f.result.file.period.start] : [])));
}

function keyResultIds(store: OkrStore): string[] {
  return store.files().flatMap((f) => f.definitions.filter((d) => d.kind === 'key-result').map((d) => d.id));
}

export function registerGitFeatures(context: vscode.ExtensionContext, store: OkrStore, objectivesView: ObjectivesViewHandle): void {
  const log = vscode.window.createOutputChannel('OKR Lens: Git', { log: true });
  const tracker = new RepositoryTracker({
    log,
    knownIds: () => keyResultIds(store),
    historyWindow: () => historyWindowOf(store),
    // Saved in the extension's own storage; in Restricted Mode nothing is written at all.
    storage: vscode.workspace.isTrusted ? historyStorage(context.storageUri, log) : undefined,
    withProgress: async (title, task) =>
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'OKR Lens' }, (progress) => {
        progress.report({ message: title });
        return task((commits) => progress.report({ message: `${title}: ${commits.toLocaleString('en-US')} commits` }));
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

/**
 * `okr.git.autoTag`: while the branch stands for a key result, an empty input box gets
 * its trailer (after each commit, the git extension empties the box). The box is
 * never touched once it holds anything the user wrote; only OKR Lens's own untouched
 * trailer is swapped when the branch changes.
 */
class AutoTagger implements vscode.Disposable {
  /** Per repository root: the text OKR Lens last put in the box. */
  private readonly placed = new Map<string, string>();
  /** Per repository root: the branch and HEAD seen last, to notice a commit or a switch. */
  private readonly seenHead = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly store: OkrStore,
    private readonly commands: GitCommands,
  ) {
    this.subscriptions = [
      tracker.onDidTouch((repo) => this.check(repo)),
      tracker.onDidChangeState((repo) => (repo ? this.check(repo) : this.checkAll())),
      // Any edit of the box by the user, even one that ends on the text OKR Lens put
      // there (a trailer typed again by hand), makes the box the user's.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme !== SCM_INPUT_SCHEME || e.contentChanges.length === 0) return;
        const text = e.document.getText();
        for (const repo of this.tracker.repositories()) {
          const placed = this.placed.get(repo.root);
          if (placed !== undefined && text !== placed && scmInputRoot(e.document.uri) === repo.api?.rootUri.toString())
            this.placed.delete(repo.root);
        }
      }),
    ];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  checkAll(): void {
    for (const repo of this.tracker.repositories()) this.check(repo);
  }

  check(repo: TrackedRepository): void {
    const api = repo.api;
    if (!api || !vscode.workspace.isTrusted) return;
    const headKey = `${repo.branch ?? ''}\n${repo.head ?? ''}`;
    if (this.seenHead.get(repo.root) !== headKey) {
      // A commit or a switch: a key result the user untagged may come back.
      this.seenHead.set(repo.root, headKey);
      this.commands.untagged.delete(repo.root);
    }
    const { gitAutoTag: enabled, gitTrailer } = settingsFor(repo.uri);
    const kr = repo.keyResult;
    // An id the file gets wrong (`id: Q4 KR1`, a schema finding) cannot be a trailer: nothing to put in.
    const known =
      kr !== undefined &&
      repo.branch !== undefined &&
      isValidTrailerValue(kr.id) &&
      this.store.findDefinition(kr.id)?.definition.kind === 'key-result';
    const declined = kr !== undefined && this.commands.untagged.has(repo.root) && sameId(this.commands.untagged.get(repo.root)!, kr.id);
    const desired = enabled && known && !declined ? addTrailer('', gitTrailer, kr.id) : '';
    const value = api.inputBox.value;
    // The box as the editor shows it, when the extension host has it: what the user
    // typed may not have reached the git extension's copy yet.
    const shown = vscode.workspace.textDocuments
      .find((d) => d.uri.scheme === SCM_INPUT_SCHEME && scmInputRoot(d.uri) === api.rootUri.toString())
      ?.getText();
    if (shown !== undefined && shown !== value) {
      this.placed.delete(repo.root);
      return;
    }
    const placed = this.placed.get(repo.root);
    if (placed !== undefined && value === placed) {
      if (desired === value) return;
      api.inputBox.value = desired;
      this.remember(repo, desired, kr?.id);
      return;
    }
    if (value !== '') {
      // The user's text: hands off.
      this.placed.delete(repo.root);
      return;
    }
    if (desired === '') return;
    api.inputBox.value = desired;
    this.remember(repo, desired, kr!.id);
  }

  private remember(repo: TrackedRepository, value: string, id: string | undefined): void {
    if (value === '' || id === undefined) {
      this.placed.delete(repo.root);
      this.commands.rememberTag(repo.root, undefined);
      return;
    }
    this.placed.set(repo.root, value);
    this.commands.rememberTag(repo.root, { before: '', after: value, id });
  }
}
