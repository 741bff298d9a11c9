// What both period commands start with: the OKR file they are about, refused in
// Restricted Mode, and its model parsed from the editor's text (saved or not).

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OkrFile } from '../../core/model';
import { parseOkr } from '../../core/parse';
import type { OkrStore } from '../okr-store';
import { teamAndPeriod } from './wording';

/** The OKR file the command is about: the active editor's, else one picked from the workspace. */
export async function pickOkrFile(store: OkrStore, title: string, uri?: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri && store.get(uri)) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && store.get(active.uri)) return active;
  const files = store.files().filter((f) => f.result.file.period !== undefined);
  if (files.length === 0) {
    void vscode.window.showInformationMessage('OKR Lens: there is no OKR file with a `period:` in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files.map((f) => ({
      label: teamAndPeriod(f.result.file) || path.basename(f.uri.fsPath),
      description: vscode.workspace.asRelativePath(f.uri),
      state: f,
    })),
    { title, placeHolder: 'Which OKR file?' },
  );
  return picked ? vscode.workspace.openTextDocument(picked.state.uri) : undefined;
}

export function refuseUntrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(
    'OKR Lens: closing a period or starting the next one writes files, which Restricted Mode does not allow.',
  );
  return true;
}

export function parsedText(document: vscode.TextDocument): OkrFile {
  const text = document.getText();
  return parseOkr(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, document.uri.fsPath).file;
}
