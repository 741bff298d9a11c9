// workspace: check-in
// OKR: Check In... through its real quick input: the value box, the confidence pick
// and the note box are driven as a user would (set the text, accept), and the
// document's text is read back; undo restores it; Esc writes nothing; an open file
// with unsaved changes gets the check-in as one more edit.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import type { CheckInResult } from '../../src/extension/check-in';
import { okrStore, waitFor, waitUntil, workspaceFile } from './helpers';
import { answerCheckIn, checkInInput } from './check-in-input';

const FILE = 'platform.okr.yaml';
const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';

describe('Check In through the quick input', function () {
  this.timeout(60_000);
  let original = '';
  let document: vscode.TextDocument;

  before(async () => {
    await okrStore();
    original = fs.readFileSync(workspaceFile(FILE).fsPath, 'utf8');
  });

  beforeEach(async () => {
    document = await vscode.workspace.openTextDocument(workspaceFile(FILE));
    await vscode.window.showTextDocument(document);
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (document.isDirty) await document.save();
  });

  it('asks value (with start, target, unit and pace), confidence and note, writes one check-in, keeps current: and confidence: in step; undo restores the text', async () => {
    const running = vscode.commands.executeCommand<CheckInResult | undefined>(CommandId.CheckIn, document.uri, 'CI-KR1');
    const box = (await checkInInput(1)) as vscode.InputBox;
    assert.equal(box.value, '9', 'prefilled with the current value');
    assert.match(
      box.prompt ?? '',
      /^Start 12 incidents, target 3 incidents; the pace asks for [\d.]+ incidents today\. Latest: 9 incidents\. The value on 2026-11-28\.$/,
    );
    await answerCheckIn('6', '0.7', 'canary deploys: everywhere # at last');
    const result = await running;
    assert.deepEqual(result, {
      uri: document.uri.toString(),
      keyResultId: 'CI-KR1',
      value: 6,
      confidence: 0.7,
      note: 'canary deploys: everywhere # at last',
    });
    const expected = original
      .replace('current: 9             # kept', 'current: 6             # kept')
      .replace('confidence: 0.5\n        check_ins', 'confidence: 0.7\n        check_ins')
      .replace(
        'value: 9, confidence: 0.5 }\n',
        'value: 9, confidence: 0.5 }\n          - { date: 2026-11-28, value: 6, confidence: 0.7, note: "canary deploys: everywhere # at ' +
          'last" }\n',
      );
    assert.equal(document.getText(), expected);
    await waitUntil('the file on disk has the check-in', () => fs.readFileSync(workspaceFile(FILE).fsPath, 'utf8') === expected);
    // One undoable edit: a single undo brings the text back.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  it('Esc at any step writes nothing', async () => {
    for (const stepToCancel of [1, 2, 3]) {
      const running = vscode.commands.executeCommand<CheckInResult | undefined>(CommandId.CheckIn, document.uri, 'CI-KR1');
      if (stepToCancel > 1) {
        const box = (await checkInInput(1)) as vscode.InputBox;
        box.value = '5';
        await vscode.commands.executeCommand(ACCEPT);
      }
      if (stepToCancel > 2) {
        await checkInInput(2);
        await vscode.commands.executeCommand(ACCEPT);
      }
      await checkInInput(stepToCancel);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await running, undefined);
      assert.equal(document.getText(), original, `cancelled at step ${stepToCancel}`);
      assert.equal(document.isDirty, false);
    }
  });

  it('a flow key result in a document with unsaved changes: the check-in joins them, and the document stays unsaved', async () => {
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    assert.ok(document.isDirty);
    const running = vscode.commands.executeCommand<CheckInResult | undefined>(CommandId.CheckIn, 'CI-KR2');
    await answerCheckIn('30', '0.4', '');
    assert.ok(await running);
    assert.equal(
      document.getText(),
      `# unsaved note\n${original.replace(
        'start: 40, target: 10 }',
        'start: 40, target: 10, check_ins: [{ date: 2026-11-28, value: 30, confidence: 0.4 }] }',
      )}`,
    );
    assert.ok(document.isDirty, "unsaved work stays the user's to save");
    assert.equal(fs.readFileSync(workspaceFile(FILE).fsPath, 'utf8'), original);
  });

  it('a key result with no confidence yet: Enter at the confidence step records the value alone, not 1.0', async () => {
    const running = vscode.commands.executeCommand<CheckInResult | undefined>(CommandId.CheckIn, 'CI-KR2');
    const box = (await checkInInput(1)) as vscode.InputBox;
    box.value = '30';
    await vscode.commands.executeCommand(ACCEPT);
    const pick = (await checkInInput(2)) as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(pick.items[0].label, 'No confidence yet');
    // What the workbench has active (Enter's row) once it shows the pick.
    await waitUntil('the pick has an active row', () => pick.activeItems.length === 1);
    assert.equal(pick.activeItems[0].label, 'No confidence yet');
    await vscode.commands.executeCommand(ACCEPT);
    const note = (await checkInInput(3)) as vscode.InputBox;
    note.value = '';
    await vscode.commands.executeCommand(ACCEPT);
    const result = await running;
    assert.equal(result?.confidence, undefined);
    assert.equal(
      fs.readFileSync(workspaceFile(FILE).fsPath, 'utf8'),
      original.replace('start: 40, target: 10 }', 'start: 40, target: 10, check_ins: [{ date: 2026-11-28, value: 30 }] }'),
    );
  });

  it('the quick fix of stale-check-in and the code lens both run Check In on their key result', async () => {
    const ours = await waitFor('the Check In code lenses', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const found = lenses.filter((l) => l.command?.command === CommandId.CheckIn);
      return found.length ? found : undefined;
    });
    assert.deepEqual(
      ours.map((l) => [l.range.start.line + 1, l.command?.arguments?.[1], l.command?.title]),
      [
        [9, 'CI-KR1', '$(bell) Check In (13 days late)'],
        [18, 'CI-KR2', '$(bell) Check In (44 days late)'],
      ],
    );
    const diagnostic = await waitFor(
      'a stale-check-in diagnostic',
      () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'stale-check-in'),
      { wakeOn: vscode.languages.onDidChangeDiagnostics },
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const checkIn = actions.find((a) => a.command?.command === CommandId.CheckIn);
    assert.ok(checkIn, `a Check In quick fix; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(checkIn.title, /^Check In CI-KR\d\.\.\.$/);
  });
});
