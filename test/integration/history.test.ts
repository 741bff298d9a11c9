// workspace: history
// Findings that need the OKR files' git history, in a real VS Code: the store reads the
// history in the background and the Problems panel gets `target-moved` once it has;
// the quick fix adds `reason:`; edits are compared with the history already read; a
// file that was never committed has no history and says nothing.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { OkrStoreWithStats } from '../../src/extension/okr-store';
import { diagnosticCode, okrStore, waitFor, waitUntil, workspaceFile, workspaceRoot } from './helpers';

const FILE = 'okrs/platform.okr.yaml';

function targetMovedIn(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'okr-lens' && diagnosticCode(d) === 'target-moved');
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' }).trim();
}

describe('history findings in the editor', function () {
  this.timeout(60_000);

  it('target-moved arrives in the Problems panel once the history is read, naming the old value, commit and date', async () => {
    const uri = workspaceFile(FILE);
    const d = await waitFor('a target-moved diagnostic', () => targetMovedIn(uri)[0], {
      wakeOn: vscode.languages.onDidChangeDiagnostics,
      timeoutMs: 30_000,
      describe: () => vscode.languages.getDiagnostics(uri).map((x) => `${diagnosticCode(x)}: ${x.message}`),
    });
    const [initial, lowered] = git('log', '--reverse', '--format=%h', '--abbrev=7', '--', FILE).split('\n');
    assert.equal(d.range.start.line + 1, 12, 'on the target of PLAT-KR1');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /target of key result PLAT-KR1 moved from 3 to 6/);
    assert.ok(d.message.includes(`it was 3 in ${initial} of 2026-10-02`), d.message);
    assert.ok(d.message.includes(`changed in ${lowered} on 2026-10-28`), d.message);
    // One finding: PLAT-KR2 did not move.
    assert.equal(targetMovedIn(uri).length, 1);
  });

  it('edits are compared with the history already read: putting the target back clears it, without saving', async () => {
    const uri = workspaceFile(FILE);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.lineAt(11);
    assert.equal(line.text, '        target: 6');
    await editor.edit((b) => b.replace(line.range, '        target: 3'));
    await waitUntil('target-moved to clear', () => targetMovedIn(uri).length === 0, { wakeOn: vscode.languages.onDidChangeDiagnostics });
    await editor.edit((b) => b.replace(document.lineAt(11).range, '        target: 6'));
    await waitUntil('target-moved to come back', () => targetMovedIn(uri).length === 1, {
      wakeOn: vscode.languages.onDidChangeDiagnostics,
    });
  });

  it('the quick fix adds `reason:` under the target; a written reason clears the finding', async () => {
    const uri = workspaceFile(FILE);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const d = await waitFor('a target-moved diagnostic', () => targetMovedIn(uri)[0], { wakeOn: vscode.languages.onDidChangeDiagnostics });
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const fix = actions.find((a) => a.title === 'Add `reason:`');
    assert.ok(fix?.command, `no "Add \`reason:\`" fix; got: ${actions.map((a) => a.title).join(' | ')}`);
    const before = document.getText();
    // A command, not an edit: it leaves the cursor where the reason goes.
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    const lines = document.getText().split('\n');
    assert.equal(lines[11], '        target: 6');
    assert.match(lines[12], /^ {8}reason: ?$/);
    // Nothing else changed: one line inserted.
    assert.equal(lines.filter((_, i) => i !== 12).join('\n'), before);
    await vscode.commands.executeCommand('type', { text: 'on-call moved to the new paging rules' });
    assert.equal(document.lineAt(12).text, '        reason: on-call moved to the new paging rules');
    assert.equal(editor.selection.active.line, 12);
    await waitUntil('target-moved to clear once the reason is written', () => targetMovedIn(uri).length === 0, {
      wakeOn: vscode.languages.onDidChangeDiagnostics,
    });
    await document.save();
  });

  it('a file never committed has no history: no finding, and the committed file keeps its history', async () => {
    const store = (await okrStore()) as OkrStoreWithStats;
    const committed = workspaceFile(FILE);
    const fresh = workspaceFile('okrs/mobile.okr.yaml');
    // The same numbers as the committed file had before its target was lowered: nothing to compare with.
    const text = fs
      .readFileSync(committed.fsPath, 'utf8')
      .replace('team: Platform', 'team: Mobile')
      .replace(/PLAT-/g, 'MOB-')
      .replace(/\n {8}reason: .*\n/, '\n');
    fs.writeFileSync(fresh.fsPath, text);
    await waitUntil('the store has the new file', () => store.get(fresh) !== undefined, { wakeOn: store.onDidChange });
    await store.historySettled();
    assert.deepEqual(
      store.get(fresh)?.result.findings.filter((f) => f.ruleId === 'target-moved'),
      [],
    );
    assert.deepEqual(targetMovedIn(fresh), []);
    // Committing the file with its target moved back and forth still finds nothing: its history starts today.
    git('add', 'okrs/mobile.okr.yaml');
    git('-c', 'user.name=OKR Lens Tests', '-c', 'user.email=tests@example.com', 'commit', '--quiet', '-m', 'Add the mobile OKRs');
    store.refreshHistory();
    await store.historySettled();
    assert.deepEqual(targetMovedIn(fresh), []);
  });
});
