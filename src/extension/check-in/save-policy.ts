// When a command that edits an open OKR document saves it afterwards: only when the document had
// no unsaved changes before the edit, so that unsaved work stays the user's to save.

import type { TextDocument, Uri } from 'vscode';

/** What a document was just before a command edited it, and the text of its file on disk then. */
export interface BeforeEdit {
  isDirty: boolean;
  text: string;
  /** `undefined` when the file could not be read. */
  diskText: string | undefined;
}

/**
 * VS Code tells the extension host that a document is dirty in a message of its own, which can
 * arrive after the edit it stands for: a document edited a moment ago may still say clean. So
 * its text is compared with the file too, and anything but the same text counts as unsaved work.
 */
export function savesAfterEdit(before: BeforeEdit): boolean {
  return !before.isDirty && before.diskText !== undefined && before.diskText === before.text;
}

/** Reads `document`'s state for `savesAfterEdit`, right before the edit (`readFile`: `vscode.workspace.fs.readFile`). */
export async function beforeEdit(
  document: Pick<TextDocument, 'isDirty' | 'getText' | 'uri'>,
  readFile: (uri: Uri) => PromiseLike<Uint8Array>,
): Promise<BeforeEdit> {
  const isDirty = document.isDirty;
  const text = document.getText();
  let diskText: string | undefined;
  try {
    // As the editor shows a UTF-8 file: without its byte-order mark.
    diskText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await readFile(document.uri));
  } catch {
    diskText = undefined;
  }
  return { isDirty: isDirty || document.isDirty, text, diskText };
}
