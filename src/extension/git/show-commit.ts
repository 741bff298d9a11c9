// `okr.showCommit`: a commit as a read-only document (`okr-commit:` scheme), the
// output of `git show --stat --format=fuller`. Read only: no external diff, no
// textconv filter, no signature check runs, so it is safe in Restricted Mode too.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { runGit } from '../../core/git/git';

export const COMMIT_SCHEME = 'okr-commit';

const SHA_PATTERN = /^[0-9a-f]{7,64}$/i;

export function isCommitSha(value: unknown): value is string {
  return typeof value === 'string' && SHA_PATTERN.test(value);
}

/** The document of a commit: its title is the short sha and the repository's name. */
export function commitUri(root: string, sha: string): vscode.Uri {
  const query = new URLSearchParams({ root, sha }).toString();
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${path.basename(root) || 'repository'}/${sha.slice(0, 10)}.commit`, query });
}

/** The `git show` arguments for a commit (exported for the unit tests). */
export function showArgs(sha: string): string[] {
  return [
    'show',
    '--stat',
    '--format=fuller',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-show-signature',
    '--encoding=UTF-8',
    '--end-of-options',
    sha,
    '--',
  ];
}

export class CommitContentProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const root = params.get('root') ?? '';
    const sha = params.get('sha') ?? '';
    if (!path.isAbsolute(root) || !isCommitSha(sha)) return `OKR Lens cannot show ${uri.toString()}: it names no commit.`;
    try {
      return (await runGit({ cwd: root }, showArgs(sha))).stdout;
    } catch (err) {
      // History rewritten since the tree was drawn (rebase, force-push), or the repository moved.
      return (
        `OKR Lens could not show commit ${sha} of ${root}:\n${(err as Error).message}\n\n` +
        `If the history was rewritten (a rebase or a force-push), the commit may no longer exist.`
      );
    }
  }
}
