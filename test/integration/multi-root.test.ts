// workspace: multi
// A multi-root window (api and web folders, test/workspaces/multi): each folder's OKR
// files and settings, ids checked across folders, and the tree naming each file with
// its folder.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { OkrStore } from '../../src/extension/okr-store';
import type { ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { diagnosticCode, okrLens, okrStore, waitUntil } from './helpers';

function folderFile(folderName: string, relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === folderName);
  assert.ok(folder, `no folder ${folderName} in this window`);
  return vscode.Uri.joinPath(folder.uri, relative);
}

const codeOf = diagnosticCode;

describe('A multi-root workspace', function () {
  this.timeout(60_000);
  let store: OkrStore;

  before(async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2, 'the window opened both folders');
    store = await okrStore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("reads each folder's OKR files under that folder's okr.exclude", () => {
    const files = store.files().map((f) => `${f.folder?.name}:${vscode.workspace.asRelativePath(f.uri, false)}`);
    assert.deepEqual(files, ['api:.okr.yaml', 'web:.okr.yaml'], 'web/legacy is excluded by the web folder only');
    assert.equal(store.findDefinition('API-O1')?.state.folder?.name, 'api');
  });

  it("lints each file with its own folder's okr.lint.rules", async () => {
    const api = folderFile('api', '.okr.yaml');
    const web = folderFile('web', '.okr.yaml');
    await waitUntil('the api diagnostics', () => vscode.languages.getDiagnostics(api).some((d) => codeOf(d) === 'kr-no-baseline'));
    assert.deepEqual(
      store.get(web)?.result.findings.map((f) => f.ruleId),
      [],
      'kr-no-baseline is off in web, and nothing else fires',
    );
    assert.deepEqual(vscode.languages.getDiagnostics(web), []);
  });

  it('finds an id used in both folders, in both', async () => {
    const web = folderFile('web', '.okr.yaml');
    const document = await vscode.workspace.openTextDocument(web);
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('WEB-KR2');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(web, new vscode.Range(document.positionAt(at), document.positionAt(at + 'WEB-KR2'.length)), 'API-KR2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const api = folderFile('api', '.okr.yaml');
    await waitUntil('duplicate-id in both folders', () =>
      [api, web].every((uri) => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'duplicate-id')),
    );
    const inWeb = vscode.languages.getDiagnostics(web).find((d) => codeOf(d) === 'duplicate-id')!;
    assert.equal(inWeb.relatedInformation?.[0]?.location.uri.toString(), api.toString(), 'points at the first use, in the other folder');
    // Give the text back before the editor closes: a revert through code-server can leave the document
    // clean but still holding the edit, and the next test reads the files as they are on disk.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(web, new vscode.Range(document.positionAt(at), document.positionAt(at + 'API-KR2'.length)), 'WEB-KR2');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await document.save();
  });

  it('shows one node per file, named with its folder', async () => {
    const view = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    const shown = async () =>
      (await view.provider.getChildren()).map((node) => view.provider.getTreeItem(node)).map((i) => [i.label, i.description]);
    const expected = [
      ['API · 2026-Q4', 'api/.okr.yaml'],
      ['Web · 2026-Q4', 'web/.okr.yaml'],
    ];
    // The test before reverted its duplicate id; the error count goes once the store re-lints.
    await waitUntil('both files without errors', async () => JSON.stringify(await shown()) === JSON.stringify(expected), {
      wakeOn: view.provider.onDidChangeTreeData,
      describe: shown,
    });
  });

  it("publishes each file's diagnostics under its own folder's okr.lint.enabled", async () => {
    const api = folderFile('api', '.okr.yaml');
    const apiFolder = vscode.workspace.workspaceFolders!.find((f) => f.name === 'api')!;
    const webFolder = vscode.workspace.workspaceFolders!.find((f) => f.name === 'web')!;
    const lint = (folder: vscode.WorkspaceFolder) => vscode.workspace.getConfiguration('okr.lint', folder.uri);
    const apiShown = () => vscode.languages.getDiagnostics(api).some((d) => codeOf(d) === 'kr-no-baseline');
    await waitUntil('the api diagnostics', apiShown);
    try {
      // Off in the other folder: api's stay, through a full re-publish.
      await lint(webFolder).update('enabled', false, vscode.ConfigurationTarget.WorkspaceFolder);
      await store.refresh();
      await waitUntil('the store re-published', () => store.files().length === 2);
      assert.ok(apiShown(), 'okr.lint.enabled off in web leaves the api diagnostics');
      // Off in api's own folder: its diagnostics go, its findings stay in the store.
      await lint(apiFolder).update('enabled', false, vscode.ConfigurationTarget.WorkspaceFolder);
      await waitUntil('the api diagnostics gone', () => vscode.languages.getDiagnostics(api).length === 0);
      assert.ok(store.get(api)?.result.findings.some((f) => f.ruleId === 'kr-no-baseline'));
    } finally {
      await lint(webFolder).update('enabled', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await lint(apiFolder).update('enabled', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitUntil('the api diagnostics back', apiShown);
  });
});
