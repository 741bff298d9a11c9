// The frame of every HTML page OKR Lens writes: the report file (no script at all) and
// the dashboard's webview (scripts and styles only with its nonce) share the document,
// its head and its order, and differ only in what is passed here.

import { escapeXml } from '../markup';

export interface HtmlPage {
  /** The whole Content Security Policy: each page says what it allows. */
  csp: string;
  /** The title, as plain text (escaped here). */
  title: string;
  /** The page's CSS, inline in the head. */
  css: string;
  /** The nonce of the style element, when the policy allows styles only by nonce. */
  styleNonce?: string;
  /** The body's lines, in order. */
  body: readonly string[];
}

/** The page's lines joined with "\n", with no newline after `</html>`. */
export function htmlPage(page: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(page.title)}</title>`,
    `<style${page.styleNonce !== undefined ? ` nonce="${page.styleNonce}"` : ''}>${page.css}</style>`,
    '</head>',
    '<body>',
    ...page.body,
    '</body>',
    '</html>',
  ].join('\n');
}
