// The one way user text (file names, titles, ids, values, git subjects) is quoted
// in a message or printed to a terminal: characters that could move the cursor,
// rewrite the screen, set the terminal title, break a line or reorder what is
// shown are written as escapes, so what the user reads is what the text holds.

/**
 * Escaped: C0 controls and DEL, C1 controls (U+0080-U+009F, including NEL and the
 * 8-bit CSI), bidi embeddings, overrides, isolates and marks (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph separators
 * U+2028/U+2029, the byte-order mark, and lone surrogates.
 */

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * User text made safe to show anywhere text is shown: one line, no terminal
 * escape sequence, no bidi reordering. `\n`, `\r`, `\t` are written so; any other
 * unsafe character as `\uXXXX` (ESC is `\u001b`). Nothing is shortened.
 */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** True when `printable` would change the text. */
export function hasUnsafeCharacters(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * User text quoted in a message: `printable`, and shortened to `max` characters
 * (with `…`), so a hostile value cannot flood or break the Problems panel.
 */
export function shownValue(s: string, max = 60): string {
  const cut = s.length > max * 2 ? s.slice(0, max * 2) : s;
  const escaped = printable(cut);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** A title in a message: whitespace runs as one space, `printable`, shortened, in double quotes. */
export function quoteTitle(title: string, max = 60): string {
  const flat = printable(title.replace(/\s+/g, ' ').trim());
  return `"${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}"`;
}
