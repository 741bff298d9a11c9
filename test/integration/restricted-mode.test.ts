// workspace: restricted
// Restricted Mode (an untrusted workspace, test/workspaces/restricted): OKR Lens lints
// and shows the tree, and its git commands change nothing: no branch, no git config,
// no hook. The repository is checked with the git CLI before and after.

import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import type { RemindersSnapshot } from '../../src/extension/check-in/reminders';
import type { ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { diagnosticCode, okrLens, okrStore, waitUntil, workspaceFile, workspaceRoot } from './helpers';

const run = promisify(execFile);

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: workspaceRoot().fsPath });
  return stdout.trim();
}

/** Everything OKR Lens could change in the repository. */
async function repositoryState(): Promise<string> {
  const hooks = path.join(workspaceRoot().fsPath, '.git', 'hooks');
  return JSON.stringify({
    branches: await git('branch', '--list', '--format=%(refname:short)'),
    head: await git('rev-parse', 'HEAD'),
    config: fs.readFileSync(path.join(workspaceRoot().fsPath, '.git', 'config'), 'utf8'),
    hooks: fs.existsSync(hooks)
      ? fs
          .readdirSync(hooks)
          .filter((f) => !f.endsWith('.sample'))
          .sort()
      : [],
  });
}

describe('Restricted Mode', function () {
  this.timeout(60_000);
  let before_: string;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher opened this workspace untrusted');
    await okrStore();
    before_ = await repositoryState();
  });

  it('lints the OKR files and shows them in the tree', async () => {
    const view = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    const labels = async () => (await view.provider.getChildren()).map((n) => view.provider.getTreeItem(n).label);
    await waitUntil('the objectives in the tree', async () => (await labels()).includes('Customers can rely on our platform'), {
      wakeOn: view.provider.onDidChangeTreeData,
    });
    const uri = workspaceFile('platform.okr.yaml');
    // No check-ins and a month into the quarter: the file has findings, so the linter ran.
    await waitUntil('diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => diagnosticCode(d) === 'stale-check-in'));
  });

  it('refuses Start Work, Link Branch, Tag Commit and the hooks, changing nothing in git', async () => {
    assert.equal(await vscode.commands.executeCommand(CommandId.StartWork, 'PLAT-KR1'), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.LinkBranch, 'PLAT-KR1'), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.TagCommit, 'PLAT-KR1'), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.InstallHooks), undefined);
    assert.equal(await repositoryState(), before_, 'the repository is as it was');
  });

  it("refuses to install the 'okr' command, writing nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-path-'));
    assert.equal(await vscode.commands.executeCommand(CommandId.InstallCli, dir), undefined);
    assert.deepEqual(fs.readdirSync(dir), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Check In writes nothing and offers no code lens or quick fix to check in', async () => {
    const file = workspaceFile('platform.okr.yaml');
    const text = fs.readFileSync(file.fsPath, 'utf8');
    const document = await vscode.workspace.openTextDocument(file);
    assert.equal(await vscode.commands.executeCommand(CommandId.CheckIn, file, 'PLAT-KR1'), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.CheckIn, 'PLAT-KR1'), undefined);
    assert.equal(fs.readFileSync(file.fsPath, 'utf8'), text);
    assert.equal(document.isDirty, false);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file);
    assert.deepEqual(
      lenses.filter((l) => l.command?.command === CommandId.CheckIn),
      [],
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    assert.deepEqual(
      actions.filter((a) => a.command?.command === CommandId.CheckIn),
      [],
    );
  });

  it('reminds of nothing, and Check In on Due Key Results and Update From Sources explain and write nothing', async () => {
    const file = workspaceFile('platform.okr.yaml');
    const text = fs.readFileSync(file.fsPath, 'utf8');
    // The key results have had no check-in since the period started: they are due, yet nothing nags.
    const store = await okrStore();
    assert.ok(
      store.activeKeyResults().length > 0 && fs.existsSync(workspaceFile('metrics/setups.txt').fsPath),
      'the workspace has due key results and a metrics file',
    );
    const reminders = await vscode.commands.executeCommand<RemindersSnapshot>('_okr.reminders');
    assert.deepEqual(reminders.statusBar, { visible: false, text: '', tooltip: '' });
    assert.equal(reminders.notification, undefined);
    assert.equal(reminders.shown, 0);
    assert.equal(await vscode.commands.executeCommand(CommandId.CheckInDue), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.CheckInDue, file), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandId.UpdateFromSources), undefined);
    assert.equal(fs.readFileSync(file.fsPath, 'utf8'), text, 'PLAT-KR3 keeps its value, although its source says 52');
  });
});
