// Escaping for the formats reports and the dashboard write: XML/HTML text and
// attributes, Markdown table cells and Mermaid labels. A title or a note may hold
// anything (`<script>`, `</svg>`, quotes, control characters, Mermaid syntax); it
// reaches the output as text, never as markup.

/**
 * Control characters XML 1.0 forbids (and the C1 ones, which only confuse) shown as
 * `\xNN`, the way the terminal output shows them; lone surrogates become U+FFFD.
 * Tabs and line breaks stay.
 */
export function visibleControls(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      // Not characters at all in XML.
      .replace(/[\ufffe\uffff]/g, '\ufffd')
  );
}

/** Text for XML or HTML, in element content or a quoted attribute. */
export function escapeXml(s: string): string {
  return visibleControls(s).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for one Markdown table cell or line, inline: line breaks become spaces; the
 * characters that make inline syntax inside a line (emphasis, code, links, table
 * pipes, strikethrough, math) are backslash-escaped, and `<`, `>`, `&` become
 * entities so no raw HTML reaches the page. Block syntax (`#`, `-`) cannot start
 * where these texts go: after a table pipe or a label.
 */
export function escapeMarkdownInline(s: string): string {
  return visibleControls(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => XML_ENTITIES[c])
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
}

/**
 * A label inside a Mermaid diagram's double quotes. Mermaid has no escape for `"`
 * and reads `%%`, `;`, `#`, backticks and brackets as syntax in some diagrams, so
 * only letters, digits, spaces and plain punctuation are kept; the rest become spaces.
 */
export function mermaidLabel(s: string): string {
  return s
    .replace(/[^\p{L}\p{N} ,.:/+'?!()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
