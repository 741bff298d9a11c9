// Where the cursor is, in terms that completion and hover care about: in a
// `parent:` value of an OKR file, in the value of the key-result trailer of a
// commit message, or on an id. Works on one line of text and a character index,
// so it is pure (no vscode import) and unit-tested.

/** A range of characters in a line, [start, end), and the part typed before the cursor. */
export interface LineSlot {
  start: number;
  end: number;
  prefix: string;
}

/** Characters an id is made of (see ID_PATTERN in core/parse.ts: a letter first). */
const ID_CHAR = /[A-Za-z0-9._-]/;

function idCharsAfter(line: string, from: number): number {
  let end = from;
  while (end < line.length && ID_CHAR.test(line[end])) end++;
  return end;
}

/**
 * In an OKR file: the `parent:` value the cursor is in, block style (`parent: CO-1`,
 * `- parent: CO-1`) or flow style (`{ id: X, parent: CO-1 }`), quoted or not.
 */
export function parentValueSlot(line: string, character: number): LineSlot | undefined {
  const before = line.slice(0, character);
  const m = /(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)parent[ \t]*:[ \t]*["']?([A-Za-z0-9._-]*)$/.exec(before);
  if (!m) return undefined;
  const prefix = m[1];
  return { start: character - prefix.length, end: idCharsAfter(line, character), prefix };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * In a commit message: the value of the `<trailerKey>:` line the cursor is in
 * (`Key-Result: PLAT-KR1`). The key compares case-insensitively, as git's trailers do.
 */
export function trailerValueSlot(line: string, character: number, trailerKey: string): LineSlot | undefined {
  const before = line.slice(0, character);
  const m = new RegExp(`^${escapeRegExp(trailerKey)}[ \\t]*:[ \\t]*([A-Za-z0-9._-]*)$`, 'i').exec(before);
  if (!m) return undefined;
  const prefix = m[1];
  return { start: character - prefix.length, end: idCharsAfter(line, character), prefix };
}

/**
 * The id-like word at `character` (or just before it, for a cursor at the word's end),
 * without trailing punctuation: "see PLAT-KR1." -> `PLAT-KR1`. Undefined on anything
 * that cannot be an id.
 */
export function idAt(line: string, character: number): { start: number; end: number; id: string } | undefined {
  let at = Math.max(0, Math.min(character, line.length));
  if ((at === line.length || !ID_CHAR.test(line[at])) && at > 0 && ID_CHAR.test(line[at - 1])) at--;
  if (at >= line.length || !ID_CHAR.test(line[at])) return undefined;
  let start = at;
  while (start > 0 && ID_CHAR.test(line[start - 1])) start--;
  let end = idCharsAfter(line, at);
  // Sentence punctuation and separators around an id are not part of it.
  while (start < end && !/[A-Za-z]/.test(line[start])) start++;
  while (end > start && /[._-]/.test(line[end - 1])) end--;
  if (start >= end || character > end + 1 || character < start) return undefined;
  return { start, end, id: line.slice(start, end) };
}
