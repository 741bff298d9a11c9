// The lint commands: fix all in the active editor, open a rule's documentation, and
// create the starter OKR file.

import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { planFixAll } from '../../core/fix-all';
import { rules, ruleById } from '../../core/rules';
import { STARTER_FILE_NAME, STARTER_ID_PREFIX, starterOkrFile } from '../../core/starter';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { toWorkspaceEdit } from './code-actions';
import { currentLint } from './current-lint';
import { openRuleDocs, registerRuleDocs } from './rule-docs';

/** Fixes that make room for others (a moved key result) let a second pass apply the rest. */
const MAX_FIX_PASSES = 10;

/** Applies every certain fix to an OKR document; resolves to the number of fixes applied. */
export async function fixAllInDocument(store: OkrStore, document: vscode.TextDocument): Promise<number> {
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = await currentLint(store, document);
    if (!result) break;
    const plan = planFixAll(result.findings, document.getText().length);
    if (plan.edits.length === 0) break;
    const version = document.version;
    if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, plan.edits)))) break;
    applied += plan.applied.length;
    if (plan.skipped.length === 0 || document.version === version) break;
  }
  return applied;
}

async function fixAllCommand(store: OkrStore): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || !store.get(document.uri)) {
    void vscode.window.showInformationMessage('OKR Lens: open an OKR file (*.okr.yaml) to fix its problems.');
    return 0;
  }
  const applied = await fixAllInDocument(store, document);
  if (applied === 0) void vscode.window.showInformationMessage('OKR Lens: no auto-fixable problems in this file.');
  return applied;
}

/** Opens a rule's page, rendered and read-only (rule-docs.ts). */
async function showRuleDocs(ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.description })),
      { title: 'OKR Lens: lint rule documentation', placeHolder: 'Pick a rule', matchOnDetail: true },
    );
    if (!picked) return;
    id = picked.label;
  }
  // Only ids of the registry: the argument may come from a command link, and names a file path.
  if (!ruleById(id)) {
    void vscode.window.showWarningMessage(`OKR Lens: there is no lint rule named "${id.slice(0, 80)}".`);
    return;
  }
  await openRuleDocs(id);
}

/** An id prefix none of whose starter ids is taken in the workspace (ids are unique across it). */
function freePrefix(store: OkrStore): string {
  for (let n = 1; n < 1000; n++) {
    const prefix = n === 1 ? STARTER_ID_PREFIX : `${STARTER_ID_PREFIX}${n}`;
    const ids = ['O1', 'KR1', 'KR2', 'I1'].map((s) => `${prefix}-${s}`);
    if (ids.every((id) => !store.findDefinition(id))) return prefix;
  }
  return STARTER_ID_PREFIX;
}

/**
 * Writes the starter file in the root of a workspace folder (the one given, the only
 * one, or the one the user picks) and opens it. An existing file is opened, never
 * overwritten. Resolves to the file, or undefined when there was no folder.
 */
async function createStarterFile(store: OkrStore, folderArg?: unknown): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  let folder: vscode.WorkspaceFolder | undefined;
  if (folderArg instanceof vscode.Uri) folder = vscode.workspace.getWorkspaceFolder(folderArg);
  if (!folder && folders.length === 1) folder = folders[0];
  if (!folder && folders.length > 1)
    folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the starter OKR file go?' });
  if (!folder) {
    if (folders.length === 0) {
      const open = 'Open Folder';
      if (
        (await vscode.window.showInformationMessage('OKR Lens: open a folder first; the starter OKR file goes in its root.', open)) === open
      ) {
        await vscode.commands.executeCommand('workbench.action.files.openFolder');
      }
    }
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, STARTER_FILE_NAME);
  const text = starterOkrFile({ today: store.today(), idPrefix: freePrefix(store) });
  try {
    // 'wx': fails when the file exists, even one created a moment ago by someone else.
    await fs.writeFile(target.fsPath, text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      void vscode.window.showErrorMessage(`OKR Lens: could not create ${target.fsPath}: ${(err as Error).message}`);
      return undefined;
    }
    void vscode.window.showInformationMessage(
      `OKR Lens: ${vscode.workspace.asRelativePath(target)} already exists; it was opened, not replaced.`,
    );
  }
  await vscode.window.showTextDocument(target);
  return target;
}

export function registerLintCommands(context: vscode.ExtensionContext, store: OkrStore): void {
  const guard =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (err) {
        void vscode.window.showErrorMessage(`OKR Lens: ${name} failed: ${(err as Error).message}`);
        return undefined;
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CommandId.FixAll,
      guard('Fix All', () => fixAllCommand(store)),
    ),
    registerRuleDocs(context),
    vscode.commands.registerCommand(
      CommandId.ShowRuleDocs,
      guard('Show Rule Documentation', (ruleId?: unknown) => showRuleDocs(ruleId)),
    ),
    vscode.commands.registerCommand(
      CommandId.CreateStarterFile,
      guard('Create Starter OKR File', (folder?: unknown) => createStarterFile(store, folder)),
    ),
  );
}
