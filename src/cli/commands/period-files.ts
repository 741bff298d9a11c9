// What `okr close` and `okr next-period` share: finding the one file meant, and
// reading and writing it as bytes, so a byte-order mark and line endings survive.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../core/escape';
import { MAX_FILE_BYTES, parseOkr } from '../../core/parse';
import type { OkrFile } from '../../core/model';
import { isPeriodFolderName } from '../../core/period-next';
import { describeFsError, findOkrFiles } from '../../core/fs/okr-files';
import { OKR_FILE_GLOBS } from '../../core/workspace';
import { type CliIO, UsageError } from '../io';
import { displayPath } from '../paths';

export interface OkrFileOnDisk {
  /** Absolute path. */
  path: string;
  /** The text without a byte-order mark, as parsed. */
  text: string;
  bom: boolean;
  file: OkrFile;
  /** Whether the parser found YAML errors (then nothing is written). */
  syntaxErrors: string[];
}

/** Reads and parses one OKR file; a UsageError (exit 2) when it cannot be read. */
export async function readOkrFileOnDisk(absolute: string, io: CliIO): Promise<OkrFileOnDisk> {
  let buffer: Buffer;
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) throw new UsageError(`${printable(displayPath(io.cwd, absolute))} is not a file`);
    if (stat.size > MAX_FILE_BYTES)
      throw new UsageError(
        `${printable(displayPath(io.cwd, absolute))} is over ${MAX_FILE_BYTES / 1024 / 1024} MiB: not an OKR file this command edits`,
      );
    buffer = await fs.readFile(absolute);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${printable(displayPath(io.cwd, absolute))}: ${describeFsError(err)}`);
  }
  let text = buffer.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const parsed = parseOkr(text, displayPath(io.cwd, absolute));
  const syntaxErrors = parsed.findings.filter((f) => f.ruleId === 'syntax').map((f) => f.message);
  return { path: absolute, text, bom, file: parsed.file, syntaxErrors };
}

/** Writes text back with the byte-order mark it had. */
export async function writeOkrText(absolute: string, text: string, bom: boolean, options: { exclusive?: boolean } = {}): Promise<void> {
  const folder = path.dirname(absolute);
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(absolute, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', flag: options.exclusive ? 'wx' : 'w' });
}

/** The period file a command edits, read, and its path as messages show it (escaped). */
export interface PeriodFile {
  /** Absolute path. */
  target: string;
  disk: OkrFileOnDisk;
  shown: string;
}

/**
 * The file a period command edits (see `resolvePeriodFile`), read; undefined, after saying
 * so on stderr, when it has YAML errors: nothing is planned or written from a file half read.
 */
export async function openPeriodFile(named: string | undefined, command: string, io: CliIO): Promise<PeriodFile | undefined> {
  const target = await resolvePeriodFile(named, command, io);
  const disk = await readOkrFileOnDisk(target, io);
  const shown = printable(displayPath(io.cwd, target));
  if (disk.syntaxErrors.length) {
    io.stderr(`okr: ${shown} has YAML errors; fix them first (okr lint ${shown}): ${printable(disk.syntaxErrors[0])}\n`);
    return undefined;
  }
  return { target, disk, shown };
}

/**
 * The file a period command acts on: the one named, or the only OKR file under the
 * current folder that is not in a closed period's folder. Otherwise a usage error
 * that lists the candidates.
 */
async function resolvePeriodFile(named: string | undefined, command: string, io: CliIO): Promise<string> {
  if (named !== undefined) return path.resolve(io.cwd, named);
  const found = await findOkrFiles(['.'], io.cwd);
  const candidates = found.files.filter((p) => !isPeriodFolderName(path.basename(path.dirname(p))));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0)
    throw new UsageError(`no OKR file here to ${command} (looked for ${OKR_FILE_GLOBS.join(', ')}); name one: okr ${command} <file>`);
  const shown = candidates.slice(0, 8).map((c) => printable(displayPath(io.cwd, c)));
  throw new UsageError(
    `${candidates.length} OKR files here: name the one to ${command} (okr ${command} <file>): ` +
      `${shown.join(', ')}${candidates.length > 8 ? ', ...' : ''}`,
  );
}
