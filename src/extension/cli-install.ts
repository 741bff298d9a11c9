// OKR: Install 'okr' Command in PATH, as VS Code offers for `code`: writes a launcher
// (core/cli-shim.ts) for the CLI inside this extension into ~/.local/bin or a folder
// the user picks. The pick is the confirmation: its row says what will be written
// where. Trusted workspaces only; a file there that OKR Lens did not write is never
// replaced.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isOurShim, onPath, posixShim, windowsShim } from '../core/cli-shim';
import { CommandId } from './command-ids';

export interface InstallCliResult {
  file: string;
  action: 'installed' | 'updated';
  onPath: boolean;
}

const DEFAULT_DIR = path.join(os.homedir(), '.local', 'bin');

function tilde(p: string): string {
  const home = os.homedir();
  return p === home || p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p;
}

async function pickFolder(given: string | undefined, cliPath: string): Promise<string | undefined> {
  const dir = given ?? DEFAULT_DIR;
  const file = path.join(dir, process.platform === 'win32' ? 'okr.cmd' : 'okr');
  type Item = vscode.QuickPickItem & { dir?: string };
  const items: Item[] = [
    {
      label: `$(terminal) Install in ${tilde(dir)}`,
      description: given === undefined ? 'recommended' : undefined,
      detail: `Writes ${tilde(file)}, which runs ${tilde(cliPath)}`,
      dir,
    },
    { label: '$(folder-opened) Choose Another Folder...', detail: 'A folder on your PATH' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: "OKR: Install 'okr' Command in PATH",
    placeHolder: 'Where should the okr command go?',
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.dir) return picked.dir;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: "Install 'okr' Here",
    defaultUri: vscode.Uri.file(DEFAULT_DIR),
  });
  return chosen?.[0]?.fsPath;
}

export async function installCli(context: vscode.ExtensionContext, dirArg?: unknown): Promise<InstallCliResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(
      "OKR Lens: Install 'okr' Command in PATH writes a program to your disk, which OKR Lens does not do in Restricted Mode. Trust this " +
        'workspace to use it.',
    );
    return undefined;
  }
  const cliPath = path.join(context.extensionPath, 'bin', 'okr.js');
  try {
    await fs.access(path.join(context.extensionPath, 'dist', 'cli.js'));
  } catch {
    void vscode.window.showErrorMessage(
      `OKR Lens: this installation has no command-line tool (${path.join(context.extensionPath, 'dist', 'cli.js')}).`,
    );
    return undefined;
  }
  const dir = await pickFolder(typeof dirArg === 'string' && dirArg !== '' ? dirArg : undefined, cliPath);
  if (!dir) return undefined;
  const windows = process.platform === 'win32';
  const file = path.join(dir, windows ? 'okr.cmd' : 'okr');
  const options = {
    cliPath,
    extensionsDir: path.dirname(context.extensionPath),
    extensionPrefix: context.extension.id.toLowerCase(),
    // Desktop VS Code runs in Electron, which is no `node`: then the launcher takes node from the PATH.
    nodePath: process.versions.electron ? undefined : process.execPath,
  };
  const text = windows ? windowsShim(options) : posixShim(options);
  let action: InstallCliResult['action'] = 'installed';
  try {
    const existing = await fs
      .readFile(file, 'utf8')
      .catch((err: unknown) => ((err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : Promise.reject(err as Error)));
    if (existing !== undefined) {
      if (!isOurShim(existing)) {
        void vscode.window.showErrorMessage(
          `OKR Lens: ${tilde(file)} exists and was not written by OKR Lens; it was left as it is. Remove it, or choose another folder.`,
        );
        return undefined;
      }
      action = 'updated';
    }
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, text, { mode: 0o755 });
    await fs.chmod(file, 0o755);
  } catch (err) {
    void vscode.window.showErrorMessage(`OKR Lens: could not write ${tilde(file)}: ${(err as Error).message}`);
    return undefined;
  }
  const found = onPath(dir, process.env.PATH, path.delimiter);
  const pathNote = found
    ? ' Open a new terminal and run okr --help.'
    : ` ${tilde(dir)} is not on your PATH: add it (export PATH="${dir}:$PATH" in your shell's profile), then open a new terminal.`;
  void vscode.window.showInformationMessage(
    `OKR Lens: ${action === 'installed' ? 'installed' : 'updated'} the okr command in ${tilde(file)}.${pathNote}`,
  );
  return { file, action, onPath: found };
}

export function registerCliInstall(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(CommandId.InstallCli, (dir?: unknown) => installCli(context, dir)));
}
