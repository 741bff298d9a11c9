// Escaping for the formats reports and the dashboard write: XML/HTML text and
// attributes, Markdown table cells and Mermaid labels. A title or a note may hold
// anything (`<script>`, `</svg>`, quotes, control characters, Mermaid syntax); it
// reaches the output as text, never as markup.

import { printable } from './escape';

/**
 * User text through the one escaping helper (`printable`: controls, bidi, line
 * separators as `\uXXXX`), keeping tabs and line breaks, which markup shows as
 * whitespace; U+FFFE and U+FFFF, which are not characters in XML, become U+FFFD.
 */
export function visibleControls(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.split('\t').map(printable).join('\t'))
    .join('\n')
    .replace(/[\ufffe\uffff]/g, '\ufffd');
}

/** Text for XML or HTML, in element content or a quoted attribute. */
export function escapeXml(s: string): string {
  return visibleControls(s).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for one Markdown table cell or line, inline: line breaks become spaces; the
 * characters that make inline syntax inside a line (emphasis, code, links, table
 * pipes, strikethrough, math, a heading's closing `#`) are backslash-escaped, and `<`, `>`, `&` become
 * entities so no raw HTML reaches the page. Block syntax (`#`, `-`) cannot start
 * where these texts go: after a table pipe or a label.
 */
export function escapeMarkdownInline(s: string): string {
  return visibleControls(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => XML_ENTITIES[c])
    .replace(/[\\`*_[\]|~$#]/g, (c) => `\\${c}`);
}

/**
 * A label inside a Mermaid diagram's double quotes. Mermaid has no escape for `"`
 * and reads `%%`, `;`, `#`, backticks and brackets as syntax in some diagrams, so
 * only letters, digits, spaces and plain punctuation (a single `%`) are kept; the
 * rest become spaces.
 */
export function mermaidLabel(s: string): string {
  return (
    s
      .replace(/[^\p{L}\p{N} ,.:/+'?!()%-]/gu, ' ')
      // `%%` starts a comment.
      .replace(/%{2,}/g, '%')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
