// workspace: lint
// "Create Starter OKR File" in a real VS Code: the file lands in the folder's root,
// opens, lints clean, and is never overwritten.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import type { OkrStore } from '../../src/extension/okr-store';
import { okrStore, waitUntil, workspaceFile, workspaceRoot } from './helpers';

describe('Starter OKR file', function () {
  this.timeout(60_000);
  let store: OkrStore;

  before(async () => {
    store = await okrStore();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates .okr.yaml in the folder, opens it, and it has no diagnostics', async () => {
    const target = workspaceFile('.okr.yaml');
    assert.ok(!fs.existsSync(target.fsPath), 'the workspace has no .okr.yaml yet');
    const created = await vscode.commands.executeCommand<vscode.Uri>(CommandId.CreateStarterFile, workspaceRoot());
    assert.equal(created?.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new file is open');
    const text = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(text, /^period: 2026-Q4 /m, 'the quarter of okr.lint.today');
    assert.match(text, /date: 2026-11-15/, 'first check-ins dated okr.lint.today');
    await waitUntil('the store to read the starter file', () => store.get(target) !== undefined, { wakeOn: store.onDidChange });
    assert.deepEqual(
      store.get(target)!.result.findings.map((f) => f.message),
      [],
    );
    // Diagnostics are published from the same state; give the publisher its turn, then expect none.
    await waitUntil(
      "the other files' diagnostics to be published",
      () => vscode.languages.getDiagnostics().some(([uri, ds]) => uri.path.endsWith('growth.okr.yaml') && ds.length > 0),
      {
        wakeOn: vscode.languages.onDidChangeDiagnostics,
      },
    );
    assert.deepEqual(
      vscode.languages.getDiagnostics(target).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  it('opens an existing .okr.yaml instead of overwriting it', async () => {
    const target = workspaceFile('.okr.yaml');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const before = fs.readFileSync(target.fsPath, 'utf8') + '# our own notes\n';
    fs.writeFileSync(target.fsPath, before);
    const opened = await vscode.commands.executeCommand<vscode.Uri>(CommandId.CreateStarterFile, workspaceRoot());
    assert.equal(opened?.toString(), target.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), before, 'the file on disk is untouched');
  });
});
