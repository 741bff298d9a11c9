// The dashboard's page, before any content: its strict Content Security Policy (no
// remote content; scripts and styles only with this page's nonce; images and fonts only
// from the webview itself), the styles, the filters and the page's script. Pure: no
// vscode import (the webview's URIs come in as strings), unit-tested in
// test/extension-unit/dashboard-page.test.ts.

import { randomBytes } from 'node:crypto';
import { CHART_CSS } from '../../core/chart';
import { htmlPage } from '../../core/report/html-page';
import { BAR_CSS, DASHBOARD_CSS } from './render';

/** A fresh nonce for each page: 16 random bytes. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface DashboardPageSources {
  nonce: string;
  /** The page's script, as a webview URI. */
  scriptUri: string;
  /** The webview's own origin (`webview.cspSource`). */
  cspSource: string;
}

export function dashboardPage({ nonce, scriptUri, cspSource }: DashboardPageSources): string {
  const csp = [
    `default-src 'none'`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  return htmlPage({
    csp,
    title: 'OKR Dashboard',
    css: `${DASHBOARD_CSS}${BAR_CSS}${CHART_CSS}`,
    styleNonce: nonce,
    body: [
      '<main aria-labelledby="dashboard-title">',
      '<h1 id="dashboard-title">OKR Dashboard</h1>',
      '<div class="toolbar" role="toolbar" aria-label="Filters">',
      '<label>Team <select id="team" aria-label="Filter by team"></select></label>',
      '<label>Owner <select id="owner" aria-label="Filter by owner"></select></label>',
      '<span id="status" role="status" aria-live="polite"></span>',
      '</div>',
      '<div id="content" aria-busy="true"><p class="muted">Loading…</p></div>',
      '</main>',
      `<script nonce="${nonce}" src="${scriptUri}"></script>`,
    ],
  });
}
