// What every in-host suite needs: the workspace it was opened on, OKR Lens activated,
// the hidden commands that hand the suites the extension's live objects, and waiting
// on a condition (never on a fixed sleep).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OkrStore } from '../../src/extension/okr-store';

export const DEFAULT_WAIT_MS = 15_000;

/** The first workspace folder: the copy of test/workspaces/<name> this window opened. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs its example workspace open');
  return folder.uri;
}

export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

/** Activates OKR Lens (as opening its view or an OKR file would) and returns the result of a hidden command. */
export async function okrLens<T>(hiddenCommand: string): Promise<T> {
  const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens');
  assert.ok(extension, 'OKR Lens is not loaded');
  await extension.activate();
  const value = await vscode.commands.executeCommand<T>(hiddenCommand);
  assert.ok(value, `${hiddenCommand} returned nothing: did that part of OKR Lens fail to start?`);
  return value;
}

/** The store, once its first scan of the workspace is done. */
export async function okrStore(): Promise<OkrStore> {
  const store = await okrLens<OkrStore>('_okr.store');
  await store.ready;
  return store;
}

/** A diagnostic's code as text: OKR Lens's codes are `{ value: ruleId, target: docs }`. */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Checks again as soon as this fires, besides every 100 ms. */
  wakeOn?: vscode.Event<unknown>;
  /** What to show of the state when the wait times out. */
  describe?: () => unknown;
}

/**
 * Resolves with `check()`'s first defined result; a check that throws counts as "not
 * yet". Fails with `what`, the last error and `describe()` after the timeout.
 */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined) return result;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      let seen = '';
      if (options.describe) seen = `; last seen: ${JSON.stringify(await options.describe())}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}${seen}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 100);
      const sub = options.wakeOn?.(done);
      function done() {
        clearTimeout(timer);
        sub?.dispose();
        resolve();
      }
    });
  }
}

/**
 * Puts an edited document back to its text on disk and waits until it is clean. The revert command
 * acts on the active editor in some versions, whatever URI it is given, so a document still dirty is
 * shown and reverted as the active editor; when even that misses (seen in clean-clone CI runs: the
 * document stays dirty), its text is replaced with the bytes on disk and saved, which leaves the
 * file as it was. A document left dirty would show its edit to every later test of the workspace.
 */
export async function revertToDisk(document: vscode.TextDocument): Promise<void> {
  const onDisk = fs.readFileSync(document.uri.fsPath, 'utf8');
  const what = `${path.basename(document.uri.fsPath)} as on disk`;
  const asOnDisk = () => (!document.isDirty && document.getText() === onDisk ? true : undefined);
  await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
  if (document.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  try {
    await waitFor(what, asOnDisk, { timeoutMs: DEFAULT_WAIT_MS / 3 });
    return;
  } catch {
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, whole, onDisk);
    assert.ok(await vscode.workspace.applyEdit(edit), `${what}: the edit back to the text on disk was refused`);
    assert.ok(await document.save(), `${what}: the save of the text on disk was refused`);
  }
  await waitFor(what, asOnDisk);
  assert.equal(fs.readFileSync(document.uri.fsPath, 'utf8'), onDisk, `${what}: the file was saved as it was`);
}

/** `waitFor` for a yes/no condition. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  await waitFor(what, async () => ((await condition()) ? true : undefined), options);
}

/**
 * Runs a command that asks in a quick input (a pick or a box), and presses Enter on it every
 * 100 ms until the command ends (accepting before it opens does nothing): what a user taking
 * the first row or the proposal does.
 */
export async function acceptingPrompts<T>(command: Thenable<T>): Promise<T> {
  let done = false;
  const result = Promise.resolve(command).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}
