// OKR: Close Period...: asks for the retro in three input boxes, then applies core's
// plan (period-close.ts: grades, `closed:`, the retro) as one workspace edit and saves.

import * as vscode from 'vscode';
import { CloseError, closeRefusal, planClose, type RetroInput } from '../../core/period-close';
import { toWorkspaceEdit } from '../lint/code-actions';
import type { OkrStore } from '../okr-store';
import { parsedText, pickOkrFile, refuseUntrusted } from './okr-file-choice';
import { gradesSummary, retroItems, teamAndPeriod } from './wording';

/** Asks for one part of the reflection; undefined when the user pressed Escape (the command stops). */
async function askRetroPart(title: string, prompt: string, step: number): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: `${title} (${step}/3)`,
    prompt,
    placeHolder: 'Optional: leave empty to skip',
    ignoreFocusOut: true,
  });
  return value === undefined ? undefined : retroItems(value);
}

export async function closePeriod(store: OkrStore, uri?: unknown): Promise<boolean> {
  if (refuseUntrusted()) return false;
  const document = await pickOkrFile(store, 'OKR: Close Period', uri);
  if (!document) return false;
  const file = parsedText(document);
  // A file that cannot be closed (its period runs on, no period, no objectives) says so before the retro is asked:
  // answers typed into the input boxes would be thrown away.
  const refused = closeRefusal(file, store.today());
  if (refused) {
    void vscode.window.showWarningMessage(`OKR Lens: cannot close this file: ${refused.message}.`);
    return false;
  }
  const title = `Close ${teamAndPeriod(file)}`;
  const wentWell = await askRetroPart(title, 'What went well? (separate several with ";")', 1);
  if (wentWell === undefined) return false;
  const wentBadly = await askRetroPart(title, 'What went badly?', 2);
  if (wentBadly === undefined) return false;
  const tryNext = await askRetroPart(title, 'What will you try next period?', 3);
  if (tryNext === undefined) return false;
  const retro: RetroInput = { wentWell, wentBadly, tryNext };
  let plan;
  try {
    // Read again: the document may have been edited while the questions were open.
    plan = planClose(parsedText(document), store.today(), wentWell.length + wentBadly.length + tryNext.length ? retro : undefined);
  } catch (err) {
    if (!(err instanceof CloseError)) throw err;
    void vscode.window.showWarningMessage(`OKR Lens: cannot close this file: ${err.message}.`);
    return false;
  }
  // Edits are offsets of the text without a byte-order mark.
  const bom = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  const edits = plan.edits.map((e) => ({ ...e, start: e.start + bom, end: e.end + bom }));
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits)))) return false;
  await document.save();
  void vscode.window.showInformationMessage(
    `OKR Lens: closed ${vscode.workspace.asRelativePath(document.uri)}: ${gradesSummary(plan.grades) || 'nothing to grade'}.`,
  );
  return true;
}
