// The hook through which linked git work reaches the Objectives tree. The git
// features implement `LinkedWorkSource` and hand it to the view with
// `setLinkedWorkSource`; the tree then shows each key result's commits under it
// and "3 commits · 2d ago" in its description. The tree never runs git itself.

import type * as vscode from 'vscode';
import type { CommitRecord } from '../../core/git/history';

export interface LinkedCommit {
  sha: string;
  /** The commit's first line. */
  subject: string;
  author: string;
  /** ISO 8601 date (a date-time is fine: only its date is shown). */
  date: string;
  /** The repository the commit belongs to, when the workspace has several. */
  repository?: vscode.Uri;
}

export interface LinkedWork {
  count: number;
  /** Date of the newest linked commit, ISO 8601. */
  lastDate?: string;
  /** Newest first; may hold fewer than `count` commits (a recent window). */
  commits: LinkedCommit[];
  /** No linked work for longer than the git features think healthy. */
  stale?: boolean;
}

export interface LinkedWorkSource {
  /** Fires when any key result's linked work may have changed. */
  onDidChange: vscode.Event<void>;
  /** Linked work of a key result, or undefined when nothing is known about it. */
  forKeyResult(id: string): LinkedWork | undefined;
  /**
   * Every commit of each repository whose history has been read (none yet: empty), for
   * the dashboard's indicators (the share of commits with a trailer, commits per week).
   */
  repositoryCommits?(): { name: string; commits: readonly CommitRecord[] }[];
}

/**
 * The arguments `okr.showCommit` receives when a commit node is clicked: the commit,
 * the key result it was listed under, and the OKR file that defines that key result
 * (to find the repository when `repository` is not given).
 */
export interface ShowCommitArgs {
  sha: string;
  repository?: vscode.Uri;
  keyResultId: string;
  okrFile: vscode.Uri;
}
