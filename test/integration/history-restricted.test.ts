// workspace: history-restricted
// Restricted Mode reads the OKR files' git history as a trusted window does (it writes
// nothing and runs no command of the workspace, like the tree's linked commits), so
// target-moved shows; the repository is as it was.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { diagnosticCode, waitFor, workspaceFile, workspaceRoot } from './helpers';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' }).trim();
}

describe('history findings in Restricted Mode', function () {
  this.timeout(60_000);

  it('target-moved arrives from the git history in an untrusted window, and git is left as it was', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the window is in Restricted Mode');
    const before = git('status', '--porcelain', '--ignored');
    const uri = workspaceFile('okrs/platform.okr.yaml');
    const d = await waitFor(
      'a target-moved diagnostic',
      () => vscode.languages.getDiagnostics(uri).find((x) => x.source === 'okr-lens' && diagnosticCode(x) === 'target-moved'),
      { wakeOn: vscode.languages.onDidChangeDiagnostics, timeoutMs: 30_000 },
    );
    assert.match(d.message, /target of key result PLAT-KR1 moved from 3 to 6/);
    assert.equal(git('status', '--porcelain', '--ignored'), before);
  });
});
