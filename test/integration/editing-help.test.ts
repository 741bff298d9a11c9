// workspace: tree
// Completion and hover of OKR ids in a real VS Code, on the `tree` workspace:
// objective ids in `parent:` values, key-result ids after the trailer key in commit
// messages (a git-commit editor and a Source Control input document), and hovers.
// Providers run through VS Code's own commands, as the editor calls them.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { okrStore, waitFor, workspaceFile } from './helpers';

const fileUri = workspaceFile;

let scratchCount = 0;

/**
 * An unsaved document with this text and language. Its own untitled path each time:
 * `openTextDocument({ content })` may hand back an earlier, closed "Untitled-1" with its old text.
 */
async function scratchDocument(language: string, content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/okr-lens-editing-help-${process.pid}-${++scratchCount}` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(document.getText(), content);
  return document;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Our items only: VS Code adds word-based suggestions of its own. */
async function idCompletions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Reference || i.kind === vscode.CompletionItemKind.Value)
    .filter((i) => typeof i.label !== 'string' && i.detail !== undefined)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c instanceof vscode.MarkdownString ? c.value : (c as { value: string }).value))
    .join('\n---\n');
}

function positionAfter(document: vscode.TextDocument, needle: string): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${document.uri.toString()}`);
  return document.positionAt(at + needle.length);
}

describe('Editing help', function () {
  this.timeout(60_000);

  before(async () => {
    await okrStore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes parent: with the objectives of the aligns_with file, in file order', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('teams/platform.okr.yaml'));
    const position = positionAfter(document, 'parent: ');
    // Wait for the store to know the files; the first scan may still be running.
    const items = await waitFor('parent completions', async () => {
      const found = await idCompletions(document, position);
      return found.length ? found : undefined;
    });
    assert.deepEqual(
      items.map((i) => [labelOf(i), i.detail]),
      [
        ['CO-1', 'Customers trust us with their money'],
        ['CO-2', 'Grow into two new markets'],
      ],
    );
    assert.equal(items[0].kind, vscode.CompletionItemKind.Reference);
    // The typed value is what the choice replaces.
    const range = items[0].range as vscode.Range;
    assert.equal(document.getText(range), 'CO-1');
    assert.equal(items[0].documentation, 'on track · 50% · ceo\n\nCompany · 2026-Q4');
  });

  it("completes parent: with every other file's objectives when there is no aligns_with", async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('company.okr.yaml'));
    const editor = await vscode.window.showTextDocument(document);
    const at = positionAfter(document, 'owner: ceo');
    await editor.edit((b) => b.insert(at, '\n    parent: '));
    const position = positionAfter(document, 'parent: ');
    const items = await idCompletions(document, position);
    assert.deepEqual(items.map(labelOf), ['PAY-O1', 'PLAT-O1', 'PLAT-O2']);
  });

  it('offers nothing outside parent: values', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('teams/platform.okr.yaml'));
    assert.deepEqual(await idCompletions(document, positionAfter(document, 'owner: ')), []);
  });

  it('completes the key-result trailer of a commit message with active key results', async () => {
    const document = await scratchDocument(
      'git-commit',
      'Add canary stage\n\nRoll out slowly.\n\nKey-Result: PL\n# Please enter the commit message.\n',
    );
    const items = await waitFor('trailer completions', async () => {
      const found = await idCompletions(document, positionAfter(document, 'Key-Result: PL'));
      return found.length ? found : undefined;
    });
    const ids = items.map(labelOf);
    assert.deepEqual(
      ids,
      ['CO-KR1', 'CO-KR2', 'PAY-KR1', 'PAY-KR2', 'PLAT-KR1', 'PLAT-KR2'],
      'done key results and those of dropped objectives are not offered',
    );
    const kr1 = items.find((i) => labelOf(i) === 'PLAT-KR1')!;
    assert.equal(kr1.detail, 'Reduce P1 incidents from twelve to three per quarter');
    assert.equal(kr1.kind, vscode.CompletionItemKind.Value);
    assert.equal(kr1.documentation, 'at risk · 33% · behind pace by 17% · 60% confident · dana\n\nPlatform · 2026-Q4');
    assert.equal(document.getText(kr1.range as vscode.Range), 'PL');

    assert.deepEqual(await idCompletions(document, positionAfter(document, 'Roll out')), [], 'only after the trailer key');
  });

  it('completes in a Source Control input document too', async () => {
    const document = await scratchDocument('scminput', 'Fix flaky retry\n\nKey-Result: ');
    const items = await idCompletions(document, positionAfter(document, 'Key-Result: '));
    assert.ok(items.map(labelOf).includes('PAY-KR1'), JSON.stringify(items.map(labelOf)));
  });

  it('follows the okr.git.trailer setting', async () => {
    const config = vscode.workspace.getConfiguration('okr.git');
    await config.update('trailer', 'Okr', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await scratchDocument('git-commit', 'Fix\n\nOkr: \nKey-Result: ');
      assert.ok((await idCompletions(document, positionAfter(document, 'Okr: '))).length > 0);
      assert.deepEqual(await idCompletions(document, positionAfter(document, 'Key-Result: ')), []);
    } finally {
      await config.update('trailer', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('hovers over a key-result id in a commit message: title, health, progress and owner', async () => {
    const document = await scratchDocument('git-commit', 'Page only on P1\n\nKey-Result: plat-kr1\n');
    const text = await hoverText(document.uri, positionAfter(document, 'Key-Result: plat'));
    assert.ok(text.includes('**Reduce P1 incidents from twelve to three per quarter**'), text);
    assert.ok(text.includes('Key result `PLAT-KR1` · Platform · 2026\\-Q4'), text);
    assert.ok(text.includes('$(warning) at risk · 33% · behind pace by 17% · 60% confident · dana'), text);
    assert.ok(text.includes('teams/platform\\.okr\\.yaml, line 11'), text);
  });

  it('hovers over an id in an OKR file, and stays quiet on other words', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('teams/payments.okr.yaml'));
    const onParent = await hoverText(document.uri, positionAfter(document, 'parent: CO'));
    assert.ok(onParent.includes('**Grow into two new markets**') && onParent.includes('Objective `CO-2`'), onParent);
    const onOwner = await hoverText(document.uri, positionAfter(document, 'owner: sa'));
    assert.ok(!onOwner.includes('Objective') && !onOwner.includes('Key result'), onOwner);
  });
});
