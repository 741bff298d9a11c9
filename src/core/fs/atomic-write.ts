// Writing an OKR file back after an edit: to a temporary file beside it, then renamed
// over it, so a crash or a full disk never leaves half a file. The file's mode is
// kept, a symbolic link keeps pointing where it did (its target is what is written),
// and the write is refused when the file changed since it was read (an editor saved
// it, a second `okr check-in` ran): that change would otherwise be lost.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A file as read for an edit: its text without a byte-order mark, and what is needed to write it back. */
export interface ReadForEdit {
  path: string;
  /** The text, without a byte-order mark (as the parser and editors see it). */
  text: string;
  /** The bytes as read, to tell whether the file changed before writing. */
  bytes: Buffer;
  hasBom: boolean;
}

export class FileChangedError extends Error {
  readonly code = 'OKR_FILE_CHANGED';
}

export async function readForEdit(file: string): Promise<ReadForEdit> {
  const bytes = await fs.readFile(file);
  const raw = bytes.toString('utf8');
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  return { path: file, text: hasBom ? raw.slice(1) : raw, bytes, hasBom };
}

/** Writes `text` (without BOM; the original's BOM is put back) over the file read as `original`. */
export async function writeAtomically(original: ReadForEdit, text: string): Promise<void> {
  const target = await fs.realpath(original.path);
  const stat = await fs.stat(target);
  const now = await fs.readFile(target);
  if (!now.equals(original.bytes))
    throw new FileChangedError(`${original.path} changed since it was read; nothing was written: run the command again`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const data = Buffer.from(original.hasBom ? `\uFEFF${text}` : text, 'utf8');
  try {
    const handle = await fs.open(temp, 'wx', stat.mode & 0o7777);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask may have narrowed the mode at creation: set it exactly.
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
