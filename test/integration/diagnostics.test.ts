// workspace: lint
// Diagnostics in a real VS Code: every OKR file's findings, open or not, with rule ids,
// ranges, docs links and related locations; following unsaved edits, deleted files and
// the okr.lint.* settings. The files carry their expectations in `# expect:` comments.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { readExpectations } from '../helpers/fixtures';
import { diagnosticCode, okrStore, revertToDisk, waitUntil, workspaceFile } from './helpers';
import type { OkrStore } from '../../src/extension/okr-store';

const FILES = ['teams/growth.okr.yaml', 'teams/mobile.okr.yaml', 'broken.okr.yaml', 'fixes.okr.yaml'];
const TODAY = '2026-11-15';

const codeOf = diagnosticCode;
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'okr-lens');
/** "line:rule" keys, 1-based lines as the editor shows them, sorted. */
const keysOf = (uri: vscode.Uri) =>
  ours(uri)
    .map((d) => `${d.range.start.line + 1}:${codeOf(d)}`)
    .sort();
const expectedKeys = (text: string) =>
  readExpectations(text)
    .flatMap((e) => e.ruleIds.map((r) => `${e.line + 1}:${r}`))
    .sort();
const diskText = (relative: string) => fs.readFileSync(workspaceFile(relative).fsPath, 'utf8');

/** Waits until the file's diagnostics have exactly these keys. */
async function diagnosticsBecome(relative: string, keys: string[], what = `the diagnostics of ${relative}`): Promise<void> {
  const uri = workspaceFile(relative);
  await waitUntil(what, () => JSON.stringify(keysOf(uri)) === JSON.stringify(keys), {
    wakeOn: vscode.languages.onDidChangeDiagnostics,
    describe: () => keysOf(uri),
  });
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
}

function diagnostic(relative: string, line: number, ruleId: string): vscode.Diagnostic {
  const found = ours(workspaceFile(relative)).find((d) => d.range.start.line + 1 === line && codeOf(d) === ruleId);
  assert.ok(found, `no ${ruleId} diagnostic on line ${line} of ${relative}: ${keysOf(workspaceFile(relative)).join(', ')}`);
  return found;
}

describe('Diagnostics', function () {
  this.timeout(60_000);
  let store: OkrStore;

  before(async () => {
    store = await okrStore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the findings of every OKR file, open or not, with its rule id on its line', async () => {
    for (const relative of FILES) {
      const keys = expectedKeys(diskText(relative));
      assert.ok(keys.length > 0, `${relative} expects findings`);
      await diagnosticsBecome(relative, keys);
    }
    const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!open.includes(workspaceFile('teams/mobile.okr.yaml').toString()), 'mobile.okr.yaml was never opened');
  });

  it("gives each diagnostic its range, severity, source and a link to its rule's page", async () => {
    await diagnosticsBecome('teams/growth.okr.yaml', expectedKeys(diskText('teams/growth.okr.yaml')));
    const schema = diagnostic('teams/growth.okr.yaml', 37, 'schema');
    assert.deepEqual(
      [schema.range.start.line, schema.range.start.character, schema.range.end.line, schema.range.end.character],
      [36, 8, 36, 13],
    );
    assert.equal(schema.severity, vscode.DiagnosticSeverity.Error);
    assert.match(schema.message, /Unknown key `titel` in a key result\. Did you mean `title`\?/);
    assert.equal(schema.source, 'okr-lens');
    assert.equal(diagnostic('teams/growth.okr.yaml', 8, 'objective-is-task').severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic('teams/growth.okr.yaml', 24, 'kr-no-baseline').severity, vscode.DiagnosticSeverity.Information);
    // The file's `lint: { stale-check-in: info }` sets the severity.
    assert.equal(diagnostic('teams/growth.okr.yaml', 22, 'stale-check-in').severity, vscode.DiagnosticSeverity.Information);
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens')!;
    for (const d of ours(workspaceFile('teams/growth.okr.yaml'))) {
      assert.ok(typeof d.code === 'object', 'code carries a link');
      // The link opens the rendered, read-only page: a command, not the editable file.
      const target = (d.code as { target: vscode.Uri }).target;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'okr.showRuleDocs');
      assert.deepEqual(JSON.parse(target.query), [codeOf(d)]);
      assert.ok(
        fs.existsSync(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${codeOf(d)}.md`).fsPath),
        `the page of ${codeOf(d)} ships`,
      );
      assert.deepEqual(d.tags ?? [], []);
    }
  });

  it('points duplicate-id at the first use in the other file', async () => {
    await diagnosticsBecome('teams/mobile.okr.yaml', expectedKeys(diskText('teams/mobile.okr.yaml')));
    const duplicate = diagnostic('teams/mobile.okr.yaml', 10, 'duplicate-id');
    assert.equal(duplicate.relatedInformation?.length, 1);
    const [related] = duplicate.relatedInformation;
    assert.equal(related.location.uri.toString(), workspaceFile('teams/growth.okr.yaml').toString());
    const r = related.location.range;
    assert.deepEqual([r.start.line, r.start.character, r.end.line, r.end.character], [14, 12, 14, 19]);
    assert.match(related.message, /GRO-KR2/);
  });

  it('reports broken YAML as a syntax diagnostic where it breaks', async () => {
    await diagnosticsBecome('broken.okr.yaml', ['9:syntax']);
    const syntax = diagnostic('broken.okr.yaml', 9, 'syntax');
    assert.equal(syntax.severity, vscode.DiagnosticSeverity.Error);
    assert.match(syntax.message, /appears twice/);
  });

  it('follows unsaved edits in the editor', async () => {
    const relative = 'teams/growth.okr.yaml';
    const uri = workspaceFile(relative);
    const original = diskText(relative);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    // Fix the misspelled key, state KR3's baseline, and push everything one line down.
    const titel = original.indexOf('titel:');
    edit.replace(uri, new vscode.Range(document.positionAt(titel), document.positionAt(titel + 5)), 'title');
    const share = original.indexOf('accepted to 30%');
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(share), document.positionAt(share + 'accepted to 30%'.length)),
      'accepted from 12% to 30%',
    );
    edit.insert(uri, new vscode.Position(0, 0), '# draft for the Monday review\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty, 'the edit is not saved');
    const shifted = expectedKeys(original)
      .filter((k) => k !== '37:schema' && k !== '24:kr-no-baseline')
      .map((k) => `${Number(k.split(':')[0]) + 1}:${k.split(':')[1]}`)
      .sort();
    await diagnosticsBecome(relative, shifted, 'diagnostics of the edited text');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original, 'nothing was written to disk');

    await revertToDisk(document);
    await diagnosticsBecome(relative, expectedKeys(original), 'diagnostics after the revert');
  });

  it("follows okr.lint.rules, where the file's own lint: block wins", async () => {
    const relative = 'teams/growth.okr.yaml';
    const expected = expectedKeys(diskText(relative));
    try {
      await setSetting('okr.lint.rules', { 'kr-no-baseline': 'off', 'stale-check-in': 'off', 'objective-is-task': 'error' });
      await diagnosticsBecome(
        relative,
        expected.filter((k) => k !== '24:kr-no-baseline'),
      );
      assert.equal(diagnostic(relative, 8, 'objective-is-task').severity, vscode.DiagnosticSeverity.Error);
      assert.equal(
        diagnostic(relative, 22, 'stale-check-in').severity,
        vscode.DiagnosticSeverity.Information,
        'lint: { stale-check-in: info } wins',
      );
    } finally {
      await setSetting('okr.lint.rules', undefined);
    }
    await diagnosticsBecome(relative, expected);
    assert.equal(diagnostic(relative, 8, 'objective-is-task').severity, vscode.DiagnosticSeverity.Warning);
  });

  it('follows okr.lint.today, for reviews of another day', async () => {
    const relative = 'teams/growth.okr.yaml';
    const expected = expectedKeys(diskText(relative));
    try {
      // On October 25 GRO-KR2's check-in of October 20 is fresh; GRO-KR1 has had none since October 1.
      await setSetting('okr.lint.today', '2026-10-25');
      await diagnosticsBecome(
        relative,
        expected.filter((k) => k !== '22:stale-check-in'),
      );
    } finally {
      await setSetting('okr.lint.today', TODAY);
    }
    await diagnosticsBecome(relative, expected);
  });

  it('clears everything when okr.lint.enabled is false, and brings it back', async () => {
    const relative = 'teams/growth.okr.yaml';
    try {
      await setSetting('okr.lint.enabled', false);
      for (const f of FILES) await diagnosticsBecome(f, [], `no diagnostics in ${f}`);
    } finally {
      await setSetting('okr.lint.enabled', undefined);
    }
    await diagnosticsBecome(relative, expectedKeys(diskText(relative)));
  });

  it('clears the diagnostics of a deleted file', async () => {
    const relative = 'broken.okr.yaml';
    await diagnosticsBecome(relative, ['9:syntax']);
    await vscode.workspace.fs.delete(workspaceFile(relative));
    await diagnosticsBecome(relative, [], "the deleted file's diagnostics to go");
    await waitUntil('the store to drop the file', () => store.get(workspaceFile(relative)) === undefined, { wakeOn: store.onDidChange });
  });
});
