// Small questions about files on disk, asked through VS Code's file system (so they work
// for any file system provider): does it exist, does it start with a byte-order mark.

import * as vscode from 'vscode';

export async function existsOnDisk(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Does the file on disk start with a UTF-8 byte-order mark? */
export async function startsWithBom(uri: vscode.Uri): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  } catch {
    return false; // unsaved or gone: nothing to keep
  }
}
