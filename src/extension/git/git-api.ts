// The part of the built-in git extension's API (`vscode.git`, API version 1) that
// OKR Lens uses, typed by hand from the extension's own git.d.ts: the repositories,
// their HEAD and Source Control input box, and the events that say they changed.
// Types only: nothing here runs.

import type * as vscode from 'vscode';

export interface GitBranch {
  /** The branch's short name; undefined when HEAD is detached. */
  readonly name?: string;
  /** The commit it points at; undefined before the first commit. */
  readonly commit?: string;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  /** Fires on every change the extension sees (status, refs, HEAD). */
  readonly onDidChange: vscode.Event<void>;
}

export interface GitInputBox {
  value: string;
}

export interface GitRepositoryUIState {
  /** Whether the repository is selected in the Source Control view. */
  readonly selected: boolean;
  readonly onDidChange: vscode.Event<void>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: GitInputBox;
  readonly state: GitRepositoryState;
  readonly ui: GitRepositoryUIState;
}

export type GitAPIState = 'uninitialized' | 'initialized';

export interface GitAPI {
  readonly state: GitAPIState;
  readonly onDidChangeState: vscode.Event<GitAPIState>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitExtension {
  /** False when the user turned git off (`git.enabled`); getAPI then throws. */
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitAPI;
}

export const GIT_EXTENSION_ID = 'vscode.git';
