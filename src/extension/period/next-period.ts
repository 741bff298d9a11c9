// OKR: Start Next Period...: asks for the new period and the key results to carry, then
// writes core's plan (period-next.ts): the closed period into its folder and the new one
// in its place (or the new one beside it), keeping the file's byte-order mark.

import * as vscode from 'vscode';
import { keyResultScore, scoreText } from '../../core/grade';
import { collectDefinitions } from '../../core/lint';
import { followingPeriod, isUnfinished, NextPeriodError, periodFolderName, planNextPeriod } from '../../core/period-next';
import type { OkrStore } from '../okr-store';
import { existsOnDisk, startsWithBom } from '../workspace-fs';
import { parsedText, pickOkrFile, refuseUntrusted } from './okr-file-choice';
import { periodLabelProblem, quarterLabel } from './wording';

export async function startNextPeriod(store: OkrStore, uri?: unknown): Promise<vscode.Uri | undefined> {
  if (refuseUntrusted()) return undefined;
  const document = await pickOkrFile(store, 'OKR: Start Next Period', uri);
  if (!document) return undefined;
  const file = parsedText(document);
  if (!file.period) {
    void vscode.window.showWarningMessage('OKR Lens: this file has no `period:`, so there is no next period to start.');
    return undefined;
  }
  const next = followingPeriod(file.period);
  const label = await vscode.window.showInputBox({
    title: 'OKR: Start Next Period (1/2)',
    prompt: 'The new period (a quarter such as 2027-Q1)',
    value: periodFolderName(next),
    ignoreFocusOut: true,
    validateInput: (v) => periodLabelProblem(v, next),
  });
  if (label === undefined) return undefined;
  const unfinished = file.objectives.flatMap((o) => o.keyResults.filter((kr) => kr.id && isUnfinished(o, kr)).map((kr) => ({ o, kr })));
  const picks = await vscode.window.showQuickPick(
    unfinished.map(({ o, kr }) => {
      const s = keyResultScore(kr);
      return {
        label: kr.id!,
        description: s === undefined ? 'not graded' : `graded ${scoreText(s)}`,
        detail: `${o.id ?? ''} ${kr.title ?? ''}`.trim(),
        picked: true,
        id: kr.id!,
      };
    }),
    {
      title: 'OKR: Start Next Period (2/2)',
      placeHolder: 'The unfinished key results to carry over (new ids, start = last value)',
      canPickMany: true,
      ignoreFocusOut: true,
    },
  );
  if (picks === undefined) return undefined;
  const takenIds = store
    .files()
    .flatMap((f) => f.definitions.map((d) => d.id))
    .concat(collectDefinitions(file).map((d) => d.id));
  let plan;
  try {
    plan = planNextPeriod({
      file,
      sourcePath: document.uri.fsPath,
      today: store.today(),
      periodLabel: quarterLabel(label),
      carry: picks.map((p) => p.id),
      takenIds,
    });
  } catch (err) {
    if (!(err instanceof NextPeriodError)) throw err;
    void vscode.window.showWarningMessage(`OKR Lens: cannot start the next period: ${err.message}.`);
    return undefined;
  }
  const newUri = vscode.Uri.file(plan.newPath);
  // VS Code hands out the text without the file's byte-order mark (and keeps it on save):
  // the files written here beside it get one when the file on disk has one, as the CLI's do.
  const textBom = document.getText().charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const bom = textBom || ((await startsWithBom(document.uri)) ? '\uFEFF' : '');
  if (plan.archive) {
    const archiveUri = vscode.Uri.file(plan.archive.path);
    if (await existsOnDisk(archiveUri)) {
      void vscode.window.showWarningMessage(
        `OKR Lens: ${vscode.workspace.asRelativePath(archiveUri)} already exists: the closed period would overwrite it.`,
      );
      return undefined;
    }
    // The closed period first, from the editor's text (saved or not): the new one takes its place.
    await vscode.workspace.fs.writeFile(archiveUri, Buffer.from(bom + plan.archive.text, 'utf8'));
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, whole, textBom + plan.text);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    await document.save();
  } else {
    if (await existsOnDisk(newUri)) {
      void vscode.window.showWarningMessage(
        `OKR Lens: ${vscode.workspace.asRelativePath(newUri)} already exists: was the next period started already?`,
      );
      return undefined;
    }
    await vscode.workspace.fs.writeFile(newUri, Buffer.from(bom + plan.text, 'utf8'));
  }
  // A file written into a folder just made can escape the file watcher: the store reads both now.
  await store.reread(plan.archive ? [vscode.Uri.file(plan.archive.path), newUri] : [newUri]);
  await vscode.window.showTextDocument(newUri);
  void vscode.window.showInformationMessage(
    `OKR Lens: started ${periodFolderName(plan.period)} in ${vscode.workspace.asRelativePath(newUri)}` +
      (plan.carried.length ? `, carrying ${plan.carried.map((c) => `${c.from.id} as ${c.newId}`).join(', ')}` : '') +
      (plan.archive ? `; the closed period is in ${vscode.workspace.asRelativePath(vscode.Uri.file(plan.archive.path))}.` : '.'),
  );
  return newUri;
}
