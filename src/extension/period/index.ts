// OKR: Close Period... and OKR: Start Next Period...: the editor's doors to
// `okr close` and `okr next-period`. The plans come from core (period-close.ts,
// period-next.ts); here they are asked for through quick picks and input boxes and
// applied as workspace edits, so undo and dirty editors behave as for any edit.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { GRADE_VERDICT_LABELS, keyResultScore, scoreText } from '../../core/grade';
import { collectDefinitions } from '../../core/lint';
import type { OkrFile } from '../../core/model';
import { parseOkr } from '../../core/parse';
import { CloseError, planClose, type RetroInput } from '../../core/period-close';
import { followingPeriod, isUnfinished, NextPeriodError, periodFolderName, planNextPeriod } from '../../core/period-next';
import { CommandId } from '../command-ids';
import { toWorkspaceEdit } from '../lint/code-actions';
import type { OkrStore } from '../okr-store';

/** The OKR file the command is about: the active editor's, else one picked from the workspace. */
async function pickOkrFile(store: OkrStore, title: string, uri?: unknown): Promise<vscode.TextDocument | undefined> {
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
      label: [f.result.file.team, f.result.file.period?.label].filter(Boolean).join(' · ') || path.basename(f.uri.fsPath),
      description: vscode.workspace.asRelativePath(f.uri),
      state: f,
    })),
    { title, placeHolder: 'Which OKR file?' },
  );
  return picked ? vscode.workspace.openTextDocument(picked.state.uri) : undefined;
}

function refuseUntrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(
    'OKR Lens: closing a period or starting the next one writes files, which Restricted Mode does not allow.',
  );
  return true;
}

function parsedText(document: vscode.TextDocument): OkrFile {
  const text = document.getText();
  return parseOkr(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, document.uri.fsPath).file;
}

/** Asks for one part of the reflection; undefined when the user pressed Escape (the command stops). */
async function askRetroPart(title: string, prompt: string, step: number): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: `${title} (${step}/3)`,
    prompt,
    placeHolder: 'Optional: leave empty to skip',
    ignoreFocusOut: true,
  });
  if (value === undefined) return undefined;
  return value.trim() === '' ? [] : value.split(/\s*;\s*/).filter((s) => s !== '');
}

export async function closePeriod(store: OkrStore, uri?: unknown): Promise<boolean> {
  if (refuseUntrusted()) return false;
  const document = await pickOkrFile(store, 'OKR: Close Period', uri);
  if (!document) return false;
  const file = parsedText(document);
  const title = `Close ${[file.team, file.period?.label].filter(Boolean).join(' · ')}`;
  const wentWell = await askRetroPart(title, 'What went well? (separate several with ";")', 1);
  if (wentWell === undefined) return false;
  const wentBadly = await askRetroPart(title, 'What went badly?', 2);
  if (wentBadly === undefined) return false;
  const tryNext = await askRetroPart(title, 'What will you try next period?', 3);
  if (tryNext === undefined) return false;
  const retro: RetroInput = { wentWell, wentBadly, tryNext };
  let plan;
  try {
    plan = planClose(file, store.today(), wentWell.length + wentBadly.length + tryNext.length ? retro : undefined);
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
  const summary = plan.grades
    .filter((g) => g.score !== undefined && g.objective.status !== 'dropped')
    .map((g) => `${g.objective.id ?? '?'} ${scoreText(g.score!)} ${GRADE_VERDICT_LABELS[g.verdict!]}`)
    .join(', ');
  void vscode.window.showInformationMessage(
    `OKR Lens: closed ${vscode.workspace.asRelativePath(document.uri)}: ${summary || 'nothing to grade'}.`,
  );
  return true;
}

/** Does the file on disk start with a UTF-8 byte-order mark? */
async function startsWithBom(uri: vscode.Uri): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  } catch {
    return false; // unsaved or gone: nothing to keep
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

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
    validateInput: (v) =>
      /^\d{4}-Q[1-4]$/i.test(v.trim()) || (next.label === undefined && v.trim() === periodFolderName(next))
        ? undefined
        : 'A quarter such as 2027-Q1',
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
      periodLabel: /^\d{4}-Q[1-4]$/i.test(label.trim()) ? label.trim() : undefined,
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
    if (await exists(archiveUri)) {
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
    if (await exists(newUri)) {
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

export function registerPeriodCommands(context: vscode.ExtensionContext, store: OkrStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.ClosePeriod, (uri?: unknown) => closePeriod(store, uri)),
    vscode.commands.registerCommand(CommandId.StartNextPeriod, (uri?: unknown) => startNextPeriod(store, uri)),
  );
}
