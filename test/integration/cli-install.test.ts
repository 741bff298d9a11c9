// workspace: tree
// OKR: Install 'okr' Command in PATH, in a real VS Code: the pick names what it writes
// and where (the confirmation), the launcher runs the CLI shipped in the extension, it
// replaces only a launcher of its own.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InstallCliResult } from '../../src/extension/cli-install';
import { CommandId } from '../../src/extension/command-ids';
import { acceptingPrompts } from './helpers';

describe("Install 'okr' Command in PATH", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-path-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a command of the palette, for trusted workspaces', () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens')!;
    const declared = (extension.packageJSON.contributes.commands as { command: string; title: string }[]).find(
      (c) => c.command === 'okr.installCli',
    );
    assert.equal(declared?.title, "Install 'okr' Command in PATH");
    const palette = (extension.packageJSON.contributes.menus.commandPalette as { command: string; when?: string }[]).find(
      (c) => c.command === 'okr.installCli',
    );
    assert.equal(palette?.when, 'isWorkspaceTrusted');
  });

  it("writes a launcher that runs the extension's CLI, and updates its own on a second run", async () => {
    const first = await acceptingPrompts(vscode.commands.executeCommand<InstallCliResult>(CommandId.InstallCli, dir));
    assert.ok(first, 'the command failed');
    assert.equal(first.file, path.join(dir, 'okr'));
    assert.equal(first.action, 'installed');
    assert.equal(first.onPath, false);
    assert.equal(fs.statSync(first.file).mode & 0o111, 0o111, 'executable');
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens')!;
    assert.equal(execFileSync(first.file, ['--version'], { encoding: 'utf8' }), `${extension.packageJSON.version as string}\n`);
    assert.match(
      fs.readFileSync(first.file, 'utf8'),
      new RegExp(`cli='${extension.extensionPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/bin/okr\\.js'`),
    );

    const again = await acceptingPrompts(vscode.commands.executeCommand<InstallCliResult>(CommandId.InstallCli, dir));
    assert.equal(again?.action, 'updated');
  });

  it('never replaces an okr it did not write', async () => {
    const theirs = '#!/bin/sh\necho their okr\n';
    fs.writeFileSync(path.join(dir, 'okr'), theirs, { mode: 0o755 });
    assert.equal(await acceptingPrompts(vscode.commands.executeCommand<InstallCliResult>(CommandId.InstallCli, dir)), undefined);
    assert.equal(fs.readFileSync(path.join(dir, 'okr'), 'utf8'), theirs);
  });

  it('writes nothing when the pick is dismissed', async () => {
    const run = vscode.commands.executeCommand<InstallCliResult>(CommandId.InstallCli, dir);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await run, undefined);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
