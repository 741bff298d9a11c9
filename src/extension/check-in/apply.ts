// Writes a check-in: one undoable edit of the document, computed by the core from its
// current text (also when it is open with unsaved changes), then saved if it was clean.

import * as vscode from 'vscode';
import { planCheckIn } from '../../core/edits';
import type { OkrStore } from '../okr-store';
import type { CheckInResult } from './quick-input';
import { beforeEdit, savesAfterEdit } from './save-policy';
import type { Target } from './targets';

export async function applyCheckIn(store: OkrStore, target: Target, result: CheckInResult): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(target.state.uri);
  const planned = document.getText();
  const plan = planCheckIn(planned, vscode.workspace.asRelativePath(document.uri), {
    krId: result.keyResultId,
    date: store.today(),
    value: result.value,
    confidence: result.confidence,
    note: result.note,
  });
  if (!plan.ok) {
    void vscode.window.showErrorMessage(`OKR Lens: no check-in recorded: ${plan.message}`);
    return false;
  }
  const before = await beforeEdit(document, (u) => vscode.workspace.fs.readFile(u));
  // The edit's offsets are in the text it was planned on.
  if (document.getText() !== planned) {
    void vscode.window.showErrorMessage('OKR Lens: no check-in recorded: the file changed while it was read; try again');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits)
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // A file that had no unsaved changes is saved, as the CLI would have written it; unsaved work stays the user's to save.
  if (savesAfterEdit(before)) await document.save();
  vscode.window.setStatusBarMessage(
    `$(check) Checked in ${result.keyResultId}: ${result.value}, confidence ${result.confidence ?? '-'}`,
    5000,
  );
  return true;
}
