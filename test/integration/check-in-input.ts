// The check-in's quick input, driven as a user fills it: set the text, accept. Shared by the
// check-in and reminders suites. Quick inputs cannot be found through the API, so the
// extension hands the open one out through the hidden `_okr.checkInInput`.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';

/** The check-in's input once it shows `step` (and, if given, a title matching `title`). */
export async function checkInInput(step: number, title?: RegExp): Promise<vscode.QuickInput> {
  return waitFor(`the check-in's step ${step}${title ? ` titled ${String(title)}` : ''}`, async () => {
    const input = await vscode.commands.executeCommand<vscode.QuickInput | undefined>('_okr.checkInInput');
    return input?.step === step && (!title || title.test(input.title ?? '')) ? input : undefined;
  });
}

/** Fills the three steps; the note box's prefill is returned before `note` (if given) replaces it. */
export async function answerCheckIn(value: string, confidence: string, note?: string): Promise<string> {
  const box = (await checkInInput(1)) as vscode.InputBox;
  box.value = value;
  await vscode.commands.executeCommand(ACCEPT);
  const pick = (await checkInInput(2)) as vscode.QuickPick<vscode.QuickPickItem>;
  assert.ok(
    pick.items.some((i) => i.label === confidence),
    `a confidence choice ${confidence}`,
  );
  // Typed as a user would: the filter leaves one choice, and the workbench reports it active.
  const active = new Promise<void>((resolve) => {
    const d = pick.onDidChangeActive((items) => {
      if (items.length === 1 && items[0].label === confidence) {
        d.dispose();
        resolve();
      }
    });
  });
  pick.value = confidence;
  await active;
  await vscode.commands.executeCommand(ACCEPT);
  const noteBox = (await checkInInput(3)) as vscode.InputBox;
  const prefill = noteBox.value;
  if (note !== undefined) noteBox.value = note;
  await vscode.commands.executeCommand(ACCEPT);
  return prefill;
}
