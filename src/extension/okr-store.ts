// The extension's one source of truth about OKR files: every OKR file of the
// workspace (open documents from their live text, others from disk), parsed and
// linted with the core, with an event when any of it changes. Tree, diagnostics,
// completion, hover and the git features all read from here; none of them parses.
//
// INTERFACE FIRST: the implementation (`createOkrStore`) is written by the
// extension-core owner; the tree/editing-help and git owners code against this.

import type * as vscode from 'vscode';
import type { IdDefinition, KeyResult, Objective } from '../core/model';
import type { LintResult } from '../core/lint';

export interface OkrFileState {
  uri: vscode.Uri;
  /** The workspace folder the file belongs to (multi-root). */
  folder?: vscode.WorkspaceFolder;
  /** Document version when read from an open editor; undefined when read from disk. */
  version?: number;
  /** Parsed file, findings (sorted, severities applied) and line index. */
  result: LintResult;
  definitions: IdDefinition[];
}

export interface KeyResultRef {
  state: OkrFileState;
  objective: Objective;
  keyResult: KeyResult;
}

export interface OkrStoreChange {
  /** Files added, changed or removed; empty array means "everything may have changed". */
  uris: vscode.Uri[];
}

export interface OkrStore extends vscode.Disposable {
  /** Fires after files were (re)linted, added or removed. */
  readonly onDidChange: vscode.Event<OkrStoreChange>;
  /** Resolves once the first scan of the workspace is done. */
  readonly ready: Promise<void>;
  /** All OKR files, sorted by path. */
  files(): readonly OkrFileState[];
  get(uri: vscode.Uri): OkrFileState | undefined;
  /** "Today" as YYYY-MM-DD: `okr.lint.today` when set, else the local date. */
  today(): string;
  /** Where an objective, KR or initiative id is defined (first definition wins). */
  findDefinition(id: string): { state: OkrFileState; definition: IdDefinition } | undefined;
  /** Every active KR of every file, in file order. */
  activeKeyResults(): KeyResultRef[];
  /** Rescans the workspace from disk (the Refresh command). */
  refresh(): Promise<void>;
}
