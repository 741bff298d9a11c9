// Which files are OKR files, and their parse: the leaf of the workspace layer
// (../workspace.ts re-exports it), kept apart from the lint so that what only reads
// the files' ids and periods (`okr links`, the commit hooks) loads no rule.

import * as path from 'node:path';
import type { Finding, OkrFile } from './model';
import { emptyOkrFile, oversizeMessage, parseOkr } from './parse';

/** The names OKR files go by, as globs (for messages and file watchers). */
export const OKR_FILE_GLOBS: readonly string[] = ['.okr.yaml', '*.okr.yaml', '*.okr.yml'];

/** Every OKR file under a folder, as one glob: the default of `okr.files`, and editor selectors. */
export const OKR_FILES_GLOB = `**/{${OKR_FILE_GLOBS.join(',')}}`;

/** Folders never searched: dependencies and git's own data. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/** Is this file name (not path) an OKR file: `.okr.yaml`, `*.okr.yaml` or `*.okr.yml`? */
export function isOkrFileName(name: string): boolean {
  return name.endsWith('.okr.yaml') || name.endsWith('.okr.yml');
}

export interface OkrSource {
  /** Absolute path: identifies the file and anchors its relative `aligns_with`. */
  path: string;
  text: string;
  /**
   * Set when the file is larger than MAX_FILE_BYTES and was therefore not read
   * (`text` is then empty): it gets one `syntax` finding instead of being linted.
   */
  oversizeBytes?: number;
  /**
   * Set when the file's bytes are not valid UTF-8: the offset in `text` of the first
   * bad byte (decoded as U+FFFD). The file gets a `syntax` finding there.
   */
  invalidUtf8?: number;
}

/**
 * What the caller read of an `aligns_with` target: its text; `null` when it does
 * not exist; why not, when it exists but was not read (a FIFO, a device, too large).
 */
export type AlignedText = string | null | { unreadable: string };

export interface ParsedSource {
  source: OkrSource;
  file: OkrFile;
  /** The parser's `syntax` and `schema` findings. */
  findings: Finding[];
}

export interface ParseSourcesOptions {
  /**
   * How files are named to the rules and in their messages (`OkrFile.path`,
   * definitions, `alignedPath`): the CLI passes "relative to the current folder";
   * the default keeps the absolute path.
   */
  displayPath?: (absolutePath: string) => string;
}

/** Parses each source once; an oversize source becomes an empty file with one finding. */
export function parseSources(sources: readonly OkrSource[], options: ParseSourcesOptions = {}): ParsedSource[] {
  const display = options.displayPath ?? ((p: string) => p);
  return sources.map((source) => {
    if (source.oversizeBytes !== undefined) {
      return {
        source,
        file: emptyOkrFile(display(source.path)),
        findings: [{ ruleId: 'syntax', severity: 'error', message: oversizeMessage(source.oversizeBytes), span: { start: 0, end: 0 } }],
      };
    }
    const { file, findings } = parseOkr(source.text, display(source.path));
    return { source, file, findings: source.invalidUtf8 === undefined ? findings : [invalidUtf8Finding(source.invalidUtf8), ...findings] };
  });
}

function invalidUtf8Finding(offset: number): Finding {
  return {
    ruleId: 'syntax',
    severity: 'error',
    message:
      'This file is not valid UTF-8: the byte here is not part of any character, ' +
      'and is shown as \uFFFD (the file may be in another encoding, or damaged). ' +
      'OKR files are UTF-8: save it as UTF-8.',
    span: { start: offset, end: offset + 1 },
  };
}

/** The absolute path a file's `aligns_with` names, resolved against the file's folder. */
export function alignedPathOf(sourcePath: string, file: OkrFile): string | undefined {
  const target = file.alignsWith?.trim();
  if (!target) return undefined;
  return path.resolve(path.dirname(sourcePath), target);
}

/** The `aligns_with` targets the caller must read because they are not among the sources. */
export function alignedTargets(parsed: readonly ParsedSource[]): string[] {
  const inRun = new Set(parsed.map((p) => p.source.path));
  const out = new Set<string>();
  for (const p of parsed) {
    const target = alignedPathOf(p.source.path, p.file);
    if (target && !inRun.has(target)) out.add(target);
  }
  return [...out];
}
