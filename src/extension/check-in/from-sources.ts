// OKR: Update From Sources: `okr check-in --from-sources` in the editor. For every OKR
// file of the workspace, the core's planFromSources reads each key result's `source:`
// metric and plans a check-in where the value changed; an open document gets the
// edits as one undoable edit (saved when it had no unsaved changes), a closed file is
// written atomically on disk. Problems are reported per key result with file:line.
// Trusted workspaces only: metrics files are the workspace's, and nothing is written
// in Restricted Mode.

import * as vscode from 'vscode';
import { applyEdits } from '../../core/edits';
import { hasReadableSource, planFromSources, type FromSourcesPlan } from '../../core/from-sources';
import { FileChangedError, readForEdit, writeAtomically } from '../../core/fs/atomic-write';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { beforeEdit, savesAfterEdit } from './save-policy';

export interface UpdateFromSourcesResult {
  /** Key results with a `source:` in the workspace's OKR files. */
  sources: number;
  recorded: { file: string; keyResultId: string; value: number; previous?: number }[];
  unchanged: number;
  /** `file:line:col: ID: reason`, one per key result whose metric could not be used. */
  problems: string[];
}

export function registerUpdateFromSources(store: OkrStore): vscode.Disposable {
  const log = vscode.window.createOutputChannel('OKR Lens: Update From Sources', { log: true });

  async function updateFile(uri: vscode.Uri, date: string, result: UpdateFromSourcesResult): Promise<void> {
    const shown = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    // The metrics must be files of the workspace folder the OKR file is in.
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    if (!root) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const problem = (line: string) => {
      result.problems.push(line);
      log.warn(line);
    };
    let plan: FromSourcesPlan;
    if (document) {
      const planned = document.getText();
      plan = await planFromSources(planned, shown, uri.fsPath, root, date);
      const before = plan.edits.length > 0 ? await beforeEdit(document, (u) => vscode.workspace.fs.readFile(u)) : undefined;
      // The edits' offsets are in the text they were planned on.
      if (before && document.getText() !== planned) {
        problem(`${shown}: changed while it was read; nothing recorded`);
        plan = { ...plan, recorded: [] };
      } else if (before) {
        const edit = new vscode.WorkspaceEdit();
        for (const e of plan.edits)
          edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
        if (!(await vscode.workspace.applyEdit(edit))) {
          problem(`${shown}: the editor refused the edit; nothing recorded`);
          plan = { ...plan, recorded: [] };
        } else if (savesAfterEdit(before)) await document.save();
      }
    } else {
      let read;
      try {
        read = await readForEdit(uri.fsPath);
      } catch (err) {
        problem(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
        return;
      }
      plan = await planFromSources(read.text, shown, uri.fsPath, root, date);
      if (plan.edits.length > 0) {
        try {
          await writeAtomically(read, applyEdits(read.text, plan.edits));
        } catch (err) {
          const why = err instanceof FileChangedError ? 'changed while it was read' : ((err as NodeJS.ErrnoException).code ?? String(err));
          problem(`${shown}: ${why}; nothing recorded`);
          plan = { ...plan, recorded: [] };
        }
      }
    }
    result.sources += plan.sources;
    result.unchanged += plan.unchanged;
    // Where the source: is once the check-ins are in, unless they could not be applied.
    const applied = plan.recorded.length > 0;
    for (const p of plan.problems) {
      const at = applied ? p.afterEdits : p;
      problem(`${shown}:${at.line}:${at.column}: ${p.keyResultId}: ${p.message}; no check-in recorded`);
    }
    for (const r of plan.recorded) {
      result.recorded.push({
        file: shown,
        keyResultId: r.keyResult.id,
        value: r.value,
        ...(r.previous !== undefined ? { previous: r.previous } : {}),
      });
      log.info(`${shown}: checked in ${r.keyResult.id}: ${r.value} (was ${r.previous ?? 'none'}) on ${date}`);
    }
  }

  const update = async (): Promise<UpdateFromSourcesResult | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(
        "OKR Lens: Update From Sources reads the workspace's metrics files and writes check-ins to its OKR files, which OKR Lens does " +
          'not do in Restricted Mode. Trust this workspace to update from sources.',
      );
      return undefined;
    }
    await store.ready;
    const date = store.today();
    const result: UpdateFromSourcesResult = { sources: 0, recorded: [], unchanged: 0, problems: [] };
    for (const state of store.files()) {
      if (!state.result.file.objectives.some((o) => o.keyResults.some(hasReadableSource))) continue;
      await updateFile(state.uri, date, result);
    }
    if (result.sources === 0) {
      void vscode.window.showInformationMessage(
        'OKR Lens: no key result has a source: { file, pointer } to read its value from. See "Check-ins" in the README.',
      );
      return result;
    }
    const summary = `${result.recorded.length} check-in${result.recorded.length === 1 ? '' : 's'} recorded, ${result.unchanged} unchanged`;
    if (result.problems.length > 0) {
      const first = result.problems[0];
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
      void vscode.window
        .showWarningMessage(`OKR Lens: Update From Sources: ${summary}; ${result.problems.length} not read: ${first}${more}`, 'Show Output')
        .then((choice) => choice && log.show());
    } else {
      void vscode.window.showInformationMessage(`OKR Lens: Update From Sources: ${summary}.`);
    }
    return result;
  };

  return vscode.Disposable.from(log, vscode.commands.registerCommand(CommandId.UpdateFromSources, update));
}
