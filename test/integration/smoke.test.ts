// workspace: tree
// The first thing a user meets: OKR Lens starts by itself in a folder with OKR files,
// every command its package.json promises exists, and its view opens with the files.
// The other suites go deeper; this one fails first and says why when the extension
// does not start at all.

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { okrLens, waitFor, waitUntil } from './helpers';

const findOkrLens = () => vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens');

// A root-level hook runs before every suite of this window, so it sees the extension
// before any suite activates it by hand: it must activate on its own, from the
// `workspaceContains` activation events, because this folder holds OKR files.
let activatedByItself: Error | undefined = new Error('the check did not run');
before(async function () {
  this.timeout(30_000);
  try {
    await waitUntil('OKR Lens to activate by itself on a folder with OKR files', () => findOkrLens()?.isActive === true, {
      timeoutMs: 25_000,
      describe: () => ({ loaded: findOkrLens()?.id, active: findOkrLens()?.isActive }),
    });
    activatedByItself = undefined;
  } catch (err) {
    activatedByItself = err as Error;
  }
});

describe('OKR Lens starts', () => {
  it('activates by itself on a folder with OKR files', () => {
    const extension = findOkrLens();
    assert.ok(extension, `OKR Lens is not among the loaded extensions: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(extension.id, 'okr-lens.okr-lens');
    if (activatedByItself) throw activatedByItself;
    assert.equal(extension.isActive, true);
  });

  it('registers every command its package.json contributes', async () => {
    const contributed = (findOkrLens()?.packageJSON?.contributes?.commands ?? []) as { command: string }[];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered by the extension');
  });

  it('opens the OKR Lens view in the activity bar with one node per OKR file of the folder', async () => {
    const handle = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    // The workbench makes `<view id>.focus` from the view contribution; it reveals the
    // activity bar container and the view, which then asks the provider for its nodes.
    await vscode.commands.executeCommand('okr.objectives.focus');
    await waitUntil('the Objectives view to be visible', () => handle.treeView.visible, { wakeOn: handle.treeView.onDidChangeVisibility });
    const okrFiles = await vscode.workspace.findFiles('**/*.okr.yaml');
    assert.equal(okrFiles.length, 3, 'the tree workspace has three OKR files');
    const roots = await waitFor(
      'one root node per OKR file',
      async () => {
        const nodes = await handle.provider.getChildren(undefined);
        return nodes.length === okrFiles.length ? nodes : undefined;
      },
      { wakeOn: handle.provider.onDidChangeTreeData, describe: async () => (await handle.provider.getChildren(undefined)).length },
    );
    for (const root of roots) {
      const children = await handle.provider.getChildren(root);
      assert.ok(children.length > 0, `${JSON.stringify(handle.provider.getTreeItem(root).label)} shows no objectives`);
    }
  });

  it('runs OKR: Refresh from the command palette and keeps showing the files', async () => {
    const handle = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    await vscode.commands.executeCommand('okr.refresh');
    await waitUntil('the files to be listed again after Refresh', async () => (await handle.provider.getChildren(undefined)).length === 3, {
      wakeOn: handle.provider.onDidChangeTreeData,
    });
  });
});
