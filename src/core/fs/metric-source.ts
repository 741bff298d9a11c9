// Reading a key result's metric from the file its `source:` names: a JSON file and
// an RFC 6901 pointer into it, or a file that holds one number. The path is relative
// to the OKR file and must stay inside the repository (also through symbolic links):
// a cloned repository must not make `okr check-in --from-sources` read ~/.ssh.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { MetricSource } from '../model';

/** Metrics files over this size are not read. */
export const MAX_METRIC_FILE_BYTES = 16 * 1024 * 1024;

/** Resolves an RFC 6901 pointer (`/total/lines/pct`, `~1` for "/", `~0` for "~"). */
export function resolvePointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false; at: string } {
  if (pointer === '') return { found: true, value: document };
  let node: unknown = document;
  let at = '';
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at += `/${raw}`;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return { found: false, at };
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false, at };
    }
  }
  return { found: true, value: node };
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export type MetricReading = { ok: true; value: number; path: string } | { ok: false; message: string };

/**
 * Reads the metric of `source`, for the OKR file at `okrPath`; `root` is the
 * repository's root, which the metrics file must be inside.
 */
export async function readMetric(source: MetricSource, okrPath: string, root: string): Promise<MetricReading> {
  if (source.problem !== undefined) return { ok: false, message: source.problem };
  if (!source.file) return { ok: false, message: 'the source has no `file`' };
  const shown = source.file;
  const resolved = path.resolve(path.dirname(okrPath), source.file);
  let real: string;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
    real = await fs.realpath(resolved);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === 'ENOENT'
          ? `${shown} does not exist (has the step that writes it run?)`
          : `${shown} cannot be read (${code ?? String(err)})`,
    };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    return { ok: false, message: `${shown} is outside the repository; a source must be a file of the repository` };
  let text: string;
  try {
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { ok: false, message: `${shown} is not a file` };
    if (stat.size > MAX_METRIC_FILE_BYTES)
      return { ok: false, message: `${shown} is over ${MAX_METRIC_FILE_BYTES / 1024 / 1024} MiB; not read` };
    text = (await fs.readFile(real, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    return { ok: false, message: `${shown} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  let value: unknown;
  if (source.pointer === undefined) {
    if (NUMBER.test(text)) {
      value = Number(text);
    } else {
      try {
        value = JSON.parse(text);
      } catch {
        return { ok: false, message: `${shown} does not hold one number (give a \`pointer\` into it if it is JSON)` };
      }
    }
  } else {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (err) {
      return { ok: false, message: `${shown} is not valid JSON (${(err as Error).message.split('\n')[0]})` };
    }
    const found = resolvePointer(document, source.pointer);
    if (!found.found)
      return {
        ok: false,
        message: `${shown} has nothing at ${found.at === source.pointer ? source.pointer : `${found.at} (of ${source.pointer})`}`,
      };
    value = found.value;
  }
  if (typeof value === 'string' && NUMBER.test(value)) value = Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value, path: real };
  // A number too large for a double (1e400) reads as Infinity.
  if (typeof value === 'number')
    return { ok: false, message: `${shown}${source.pointer ? ` at ${source.pointer}` : ''} is a number too large to record` };
  const what =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : typeof value === 'string'
            ? `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`
            : typeof value === 'boolean'
              ? String(value)
              : typeof value;
  return { ok: false, message: `${shown}${source.pointer ? ` at ${source.pointer}` : ''} is ${what}, not a number` };
}
