// Tokens: a title split into words, numbers and symbols, with their offsets.

/** Titles are analysed up to this length; anything longer is not a title a person wrote to be read. */
export const MAX_TITLE = 500;
/** Descriptions, which performance-review also reads, up to this length. */
export const MAX_DESCRIPTION = 4000;

export type TokenKind = 'word' | 'number' | 'symbol';

export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  kind: TokenKind;
  /** Offsets into the title, [start, end). */
  start: number;
  end: number;
}

// A number may carry a currency sign, digit groups ("1,200"), decimals, a unit
// suffix ("12s", "€40M", "10x", "99.9%") and hyphen/slash compounds ("3-D", "24/7",
// "30-day") that make it part of a name rather than a quantity. The colon of a scheme
// ("ipfs://", "dweb:/ipfs") is no symbol: it labels nothing.
const TOKEN_PATTERN =
  /([$€£¥]?\d+(?:[.,]\d+)*(?:\s?%|\p{L}[\p{L}\p{N}]*)?(?:[-/][\p{L}\p{N}]+)*\+?)|(\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)?(?:[-/.][\p{L}\p{N}]+)*)|([#;,()&→–—]|:(?!\/)|->)/gu;

// Several phrasing rules read the same title, and each tokenizes it. While a file is
// linted (`withTokenCache`), a text's tokens are made once and shared (read-only).
let cache: Map<string, readonly Token[]> | undefined;

/** Runs `fn` with the tokens of each text kept for its duration; what it returns is not cached. */
export function withTokenCache<T>(fn: () => T): T {
  const outer = cache;
  cache = new Map();
  try {
    return fn();
  } finally {
    cache = outer;
  }
}

export function tokenize(text: string): readonly Token[] {
  const known = cache?.get(text);
  if (known) return known;
  const out: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let m = TOKEN_PATTERN.exec(text); m !== null; m = TOKEN_PATTERN.exec(text)) {
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'symbol';
    const lower = m[0].toLowerCase();
    // Most words have no curly apostrophe: a scan is cheaper than a replace that allocates.
    out.push({
      text: m[0],
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
      kind,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  cache?.set(text, out);
  return out;
}
