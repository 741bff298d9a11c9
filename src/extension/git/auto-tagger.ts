// okr.git.autoTag: the branch's key-result trailer in an empty Source Control input box,
// and never a change to text the user wrote there.

import * as vscode from 'vscode';
import { addTrailer, isValidTrailerValue, sameId } from '../../core/git/trailers';
import type { OkrStore } from '../okr-store';
import { settingsFor } from '../settings/settings';
import type { GitCommands } from './commands';
import type { RepositoryTracker, TrackedRepository } from './repositories';

/** The Source Control input box's document: `vscode-scm:git/scm0/input?rootUri=<repository root>`. */
const SCM_INPUT_SCHEME = 'vscode-scm';

function scmInputRoot(uri: vscode.Uri): string | undefined {
  return new URLSearchParams(uri.query).get('rootUri') ?? undefined;
}

/**
 * `okr.git.autoTag`: while the branch stands for a key result, an empty input box gets
 * its trailer (after each commit, the git extension empties the box). The box is
 * never touched once it holds anything the user wrote; only OKR Lens's own untouched
 * trailer is swapped when the branch changes.
 */
export class AutoTagger implements vscode.Disposable {
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
