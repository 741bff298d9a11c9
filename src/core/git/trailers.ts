// Commit-message trailers (`Key-Result: PLAT-KR1`), read and written the way git
// itself does. The block-finding rules below follow git's trailer.c (2.39) line by
// line, so that what we parse is what `git log --format=%(trailers)` and
// `git interpret-trailers --parse --no-divider` parse, and what we add, git finds:
//
// - the first paragraph is the subject and never holds trailers;
// - the trailers are the last paragraph when every line of it is `Token: value`
//   (a token is letters, digits and `-`), or when it holds a git-generated line
//   (`Signed-off-by: `, `(cherry picked from commit `) and trailers make up at
//   least a quarter of it; lines starting with whitespace continue the line above;
// - trailing comment lines and blank lines, git's scissors line
//   (`# ------------------------ >8 ------------------------`) and everything after
//   it, and an old-style `Conflicts:` list are not part of the message proper.
//
// A `---` line is NOT a divider here (git log and `git commit` treat commit messages
// that way; only `git interpret-trailers` without --no-divider stops at one).
//
// Messages are plain strings; callers that must keep bytes exact (a hook rewriting
// a message file in any encoding) pass latin1-decoded text, which every function
// here preserves, since all the syntax they look at is ASCII.
//
// Pure: no git, no file system.

export const DEFAULT_TRAILER_KEY = 'Key-Result';

/** The text after `<comment char> ` on git's scissors line. */
export const SCISSORS = '------------------------ >8 ------------------------';

export interface MessageOptions {
  /** git's `core.commentChar`; `#` by default. */
  commentChar?: string;
}

export interface Trailer {
  /** The token as written, trimmed (`Key-Result`). */
  key: string;
  /** The value, trimmed, continuation lines unfolded to single spaces. */
  value: string;
  /** Offsets of the trailer's lines, continuation lines and final newline included: [start, end). */
  start: number;
  end: number;
}

export interface MessageLayout {
  /**
   * Where the message proper ends: the start of the trailing run of blank and
   * comment lines, or of the scissors line. Everything from here on is the tail.
   */
  contentEnd: number;
  /** The trailer block [start, end), when the message has one (end is `contentEnd`). */
  block?: { start: number; end: number };
  /** Every `Token: value` line of the block, in order. */
  trailers: Trailer[];
}

/** Can `key` be a trailer token git recognises and `%(trailers:key=...)` can name? */
export function isValidTrailerKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(key);
}

/**
 * Trailer keys that already mean something to git, forges and review tools: taking
 * one as the key-result key would read every sign-off as a key-result link, and
 * the hook would append ids where reviewers put names.
 */
export const WELL_KNOWN_TRAILER_KEYS = [
  'Signed-off-by',
  'Co-authored-by',
  'Co-developed-by',
  'Reviewed-by',
  'Reviewed-on',
  'Acked-by',
  'Tested-by',
  'Reported-by',
  'Suggested-by',
  'Helped-by',
  'Requested-by',
  'Mentored-by',
  'Cc',
  'Fixes',
  'Closes',
  'Resolves',
  'Refs',
  'See-also',
  'Link',
  'Change-Id',
  'Bug',
  'Issue',
] as const;

/** Why `key` cannot be the key-result trailer key, or undefined when it can. */
export function trailerKeyProblem(key: string): string | undefined {
  if (!isValidTrailerKey(key)) return 'a trailer key is letters, digits and "-"';
  const taken = WELL_KNOWN_TRAILER_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  if (taken)
    return `${taken} is a trailer git and review tools already use for something else: pick a key of its own, like ${DEFAULT_TRAILER_KEY}`;
  return undefined;
}

/** Can `value` be written as a one-line trailer value? (No whitespace or control characters.) */
export function isValidTrailerValue(value: string): boolean {
  return value.length > 0 && !/[\s\u0000-\u001f\u007f]/.test(value);
}

/** Trailer values name key results case-insensitively, as branch names do. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------
// git's line model

/** C's isspace() in the C locale. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

function isBlank(text: string): boolean {
  for (const c of text) if (!isSpace(c)) return false;
  return true;
}

interface Line {
  start: number;
  /** End of the text, before the newline. */
  end: number;
  /** Start of the next line (after the newline, or the end of the message). */
  next: number;
  text: string;
}

function splitLines(message: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < message.length) {
    const nl = message.indexOf('\n', start);
    const end = nl < 0 ? message.length : nl;
    const next = nl < 0 ? message.length : nl + 1;
    lines.push({ start, end, next, text: message.slice(start, end) });
    start = next;
  }
  return lines;
}

function commentCharOf(options: MessageOptions | undefined): string {
  const c = options?.commentChar;
  return c?.length === 1 ? c : '#';
}

/** Where the scissors line starts (git's wt_status_locate_end), or the message length. */
function scissorsCut(message: string, commentChar: string): number {
  const pattern = `\n${commentChar} ${SCISSORS}\n`;
  if (message.startsWith(pattern.slice(1))) return 0;
  const at = message.indexOf(pattern);
  return at < 0 ? message.length : at + 1;
}

/**
 * The start of the trailing run of blank lines, comment lines and `Conflicts:`
 * lists before `cut` (git's ignore_non_trailer), or `cut` when there is none.
 */
function contentEndOf(lines: readonly Line[], cut: number, commentChar: string): number {
  let runStart: number | undefined;
  let inConflicts = false;
  for (const line of lines) {
    if (line.start >= cut) break;
    const first = line.text[0];
    // Only truly empty lines, as in git: a line of spaces is content.
    if (first === commentChar || line.text === '') {
      runStart ??= line.start;
    } else if (line.text === 'Conflicts:' && line.next > line.end) {
      inConflicts = true;
      runStart ??= line.start;
    } else if (inConflicts && first === '\t') {
      // a path in the conflicts list
    } else {
      runStart = undefined;
      inConflicts = false;
    }
  }
  return runStart ?? cut;
}

/** Position of the `:` ending a trailer token at the start of `text`, or -1 (git's find_separator). */
function separatorPos(text: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ':') return i;
    if (!whitespaceFound && (/[A-Za-z0-9]/.test(c) || c === '-')) continue;
    if (i !== 0 && (c === ' ' || c === '\t')) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];

/** The start of the trailer block within lines ending before `end`, or `end` (git's find_trailer_start). */
function trailerBlockStart(lines: readonly Line[], end: number, commentChar: string): number {
  const inside = lines.filter((l) => l.start < end);
  // The first paragraph is the subject: its end is the first blank line.
  let endOfTitle = end;
  for (const line of inside) {
    if (line.text.startsWith(commentChar)) continue;
    if (isBlank(line.text)) {
      endOfTitle = line.start;
      break;
    }
  }
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuations = 0;
  for (let i = inside.length - 1; i >= 0 && inside[i].start >= endOfTitle; i--) {
    const line = inside[i];
    if (line.text.startsWith(commentChar)) {
      nonTrailerLines += possibleContinuations;
      possibleContinuations = 0;
      continue;
    }
    if (isBlank(line.text)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuations;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return line.next;
      if (trailerLines > 0 && nonTrailerLines === 0) return line.next;
      return end;
    }
    onlySpaces = false;
    if (GIT_GENERATED_PREFIXES.some((p) => line.text.startsWith(p))) {
      trailerLines++;
      possibleContinuations = 0;
      recognizedPrefix = true;
      continue;
    }
    if (separatorPos(line.text) >= 1 && !isSpace(line.text[0])) {
      trailerLines++;
      possibleContinuations = 0;
    } else if (isSpace(line.text[0])) {
      possibleContinuations++;
    } else {
      nonTrailerLines += 1 + possibleContinuations;
      possibleContinuations = 0;
    }
  }
  return end;
}

function unfold(value: string): string {
  return value.replace(/\n[ \t\n\r\v\f]*/g, ' ').replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
}

/** The message's layout: where its content ends, and its trailer block with each trailer. */
export function messageLayout(message: string, options?: MessageOptions): MessageLayout {
  const commentChar = commentCharOf(options);
  const lines = splitLines(message);
  const contentEnd = contentEndOf(lines, scissorsCut(message, commentChar), commentChar);
  const blockStart = trailerBlockStart(lines, contentEnd, commentChar);
  if (blockStart >= contentEnd) return { contentEnd, trailers: [] };

  // Join continuation lines to the trailer above them (git's trailer_info_get).
  const groups: { text: string; start: number; end: number }[] = [];
  let last: (typeof groups)[number] | undefined;
  for (const line of lines) {
    if (line.start < blockStart) continue;
    if (line.start >= contentEnd) break;
    const raw = message.slice(line.start, line.next);
    if (last && isSpace(line.text[0])) {
      last.text += raw;
      last.end = line.next;
      continue;
    }
    const group = { text: raw, start: line.start, end: line.next };
    groups.push(group);
    last = separatorPos(line.text) >= 1 ? group : undefined;
  }
  const trailers: Trailer[] = [];
  for (const g of groups) {
    if (g.text.startsWith(commentChar)) continue;
    const sep = separatorPos(g.text.split('\n', 1)[0]);
    if (sep < 1) continue;
    trailers.push({ key: unfold(g.text.slice(0, sep)), value: unfold(g.text.slice(sep + 1)), start: g.start, end: g.end });
  }
  return { contentEnd, block: { start: blockStart, end: contentEnd }, trailers };
}

/** Every trailer of the message, whatever its key. */
export function parseAllTrailers(message: string, options?: MessageOptions): Trailer[] {
  return messageLayout(message, options).trailers;
}

/** The values of the trailers whose key is `key` (compared case-insensitively, as git does). */
export function parseTrailers(message: string, key: string, options?: MessageOptions): string[] {
  const k = key.toLowerCase();
  return parseAllTrailers(message, options)
    .filter((t) => t.key.toLowerCase() === k)
    .map((t) => t.value);
}

/** Does the message carry `key: id` as a trailer? (Ids compare case-insensitively.) */
export function hasTrailer(message: string, key: string, id: string, options?: MessageOptions): boolean {
  return parseTrailers(message, key, options).some((v) => sameId(v, id));
}

function checkKeyAndValue(key: string, id: string): void {
  if (!isValidTrailerKey(key)) throw new RangeError(`"${key}" cannot be a trailer key: use letters, digits and "-"`);
  if (!isValidTrailerValue(id)) throw new RangeError(`"${id}" cannot be a trailer value: it must be one word`);
}

/** The line ending the message already uses: CRLF only when its content uses it. */
function lineEnding(message: string, contentEnd: number): string {
  const nl = message.indexOf('\n');
  return nl > 0 && nl <= contentEnd && message[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Where and what `addTrailer` inserts, or undefined when the message already has
 * the trailer. The message is never otherwise changed: the result is the message
 * with `text` inserted at `offset`.
 */
export function trailerInsertion(
  message: string,
  key: string,
  id: string,
  options?: MessageOptions,
): { offset: number; text: string } | undefined {
  checkKeyAndValue(key, id);
  const layout = messageLayout(message, options);
  const k = key.toLowerCase();
  if (layout.trailers.some((t) => t.key.toLowerCase() === k && sameId(t.value, id))) return undefined;
  const eol = lineEnding(message, layout.contentEnd);
  const line = `${key}: ${id}`;
  const at = layout.contentEnd;
  const endsWithNewline = at > 0 && message[at - 1] === '\n';
  if (layout.block) {
    // Right after the block's last non-blank line (blank lines of spaces can sit in a block's end).
    const blockLines = splitLines(message.slice(0, at)).filter((l) => l.start >= layout.block!.start && !isBlank(l.text));
    const last = blockLines[blockLines.length - 1];
    const offset = last.next;
    const hasNewline = offset > last.end;
    return { offset, text: `${hasNewline ? '' : eol}${line}${eol}` };
  }
  if (isBlank(message.slice(0, at))) {
    // Nothing written yet (an editor's template is all comments): the first line
    // stays free for the subject, then a blank line, then the trailer.
    return { offset: 0, text: `${eol}${eol}${line}${eol}` };
  }
  // A new paragraph after the last line of the message.
  return { offset: at, text: `${endsWithNewline ? '' : eol}${eol}${line}${eol}` };
}

/**
 * The message with `key: id` added as a trailer: appended to the trailer block
 * (after `Signed-off-by:` and the like), or as a new paragraph, always before the
 * trailing comments and the scissors line. Unchanged when the trailer is there.
 */
export function addTrailer(message: string, key: string, id: string, options?: MessageOptions): string {
  const insertion = trailerInsertion(message, key, id, options);
  if (!insertion) return message;
  return message.slice(0, insertion.offset) + insertion.text + message.slice(insertion.offset);
}

/** Removes the given trailers' lines; and the blank line before the block when nothing is left of it. */
function removeTrailers(message: string, layout: MessageLayout, doomed: readonly Trailer[], commentChar: string): string {
  if (doomed.length === 0 || !layout.block) return message;
  // A trailer's blank continuation lines (spaces only) stay: they are not the trailer's text.
  const cuts = doomed.map((t) => {
    const own = splitLines(message.slice(t.start, t.end)).filter((l) => !isBlank(l.text));
    return { start: t.start, end: t.start + own[own.length - 1].next };
  });
  const kept = splitLines(message.slice(layout.block.start, layout.block.end)).filter((l) => {
    const at = l.start + layout.block!.start;
    return !cuts.some((c) => at >= c.start && at < c.end) && !l.text.startsWith(commentChar) && !isBlank(l.text);
  });
  if (kept.length === 0) {
    // The whole block goes: take the blank lines that separated it with it.
    let start = layout.block.start;
    while (start > 0) {
      const prevEnd = start - 1; // the newline ending the previous line
      const prevStart = prevEnd === 0 ? 0 : message.lastIndexOf('\n', prevEnd - 1) + 1;
      if (!isBlank(message.slice(prevStart, prevEnd))) break;
      start = prevStart;
    }
    cuts.push({ start, end: layout.block.start });
  }
  cuts.sort((a, b) => b.start - a.start);
  let out = message;
  for (const c of cuts) out = out.slice(0, c.start) + out.slice(c.end);
  return out;
}

/** The message without its `key: id` trailers (ids compared case-insensitively). */
export function removeTrailer(message: string, key: string, id: string, options?: MessageOptions): string {
  const layout = messageLayout(message, options);
  const k = key.toLowerCase();
  const doomed = layout.trailers.filter((t) => t.key.toLowerCase() === k && sameId(t.value, id));
  return removeTrailers(message, layout, doomed, commentCharOf(options));
}

/**
 * When the message says nothing but `key:` trailers (the user left the editor
 * without writing anything, after the hook had added the trailer), the message
 * without them, so that git aborts the commit as it does for an empty message.
 * Otherwise undefined.
 */
export function withoutTrailersIfOtherwiseEmpty(message: string, key: string, options?: MessageOptions): string | undefined {
  const commentChar = commentCharOf(options);
  const layout = messageLayout(message, options);
  const k = key.toLowerCase();
  const ours = layout.trailers.filter((t) => t.key.toLowerCase() === k);
  if (ours.length === 0) return undefined;
  const stripped = removeTrailers(message, layout, ours, commentChar);
  const strippedLayout = messageLayout(stripped, options);
  // As git decides a message is empty: nothing but whitespace and Signed-off-by lines.
  const rest = splitLines(stripped.slice(0, strippedLayout.contentEnd)).filter(
    (l) => !l.text.startsWith(commentChar) && !isBlank(l.text) && !l.text.startsWith('Signed-off-by: '),
  );
  return rest.length === 0 ? stripped : undefined;
}

/**
 * Adds `key: id` when the message does not carry it, removes it when it does: what
 * "Tag Commit" does on a second run. Nothing else of the message changes.
 */
export function toggleTrailer(
  message: string,
  key: string,
  id: string,
  options?: MessageOptions,
): { message: string; action: 'added' | 'removed' } {
  if (hasTrailer(message, key, id, options)) return { message: removeTrailer(message, key, id, options), action: 'removed' };
  return { message: addTrailer(message, key, id, options), action: 'added' };
}
