import assert from 'node:assert/strict';
import { dashboardPage, newNonce } from '../../src/extension/dashboard/page';

const sources = {
  nonce: 'bm9uY2Ugb2YgdGVzdA==',
  scriptUri: 'https://file+.vscode-resource.test/dist/webview/dashboard.js',
  cspSource: 'https://*.test',
};

describe('Dashboard page', () => {
  const page = dashboardPage(sources);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];

  it('allows nothing but its own nonce for scripts and styles, and the webview for images and fonts', () => {
    assert.equal(
      csp,
      "default-src 'none'; style-src 'nonce-bm9uY2Ugb2YgdGVzdA=='; script-src 'nonce-bm9uY2Ugb2YgdGVzdA=='; " +
        'img-src https://*.test data:; font-src https://*.test',
    );
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval/);
  });

  it('every script and style element carries the nonce; the only script is the page bundle', () => {
    const elements = [...page.matchAll(/<(script|style)\b([^>]*)>/g)];
    assert.deepEqual(
      elements.map((m) => m[0].replace(/ src="[^"]*"/, '')),
      ['<style nonce="bm9uY2Ugb2YgdGVzdA==">', '<script nonce="bm9uY2Ugb2YgdGVzdA==">'],
    );
    assert.ok(page.includes(`src="${sources.scriptUri}"`));
  });

  it('is a whole document with its title, the filters and a loading state', () => {
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n/);
    assert.ok(page.includes('<title>OKR Dashboard</title>'));
    assert.ok(page.includes('<select id="team" aria-label="Filter by team">'));
    assert.ok(page.includes('<div id="content" aria-busy="true"><p class="muted">Loading…</p></div>'));
    assert.match(page, /<\/body>\n<\/html>$/);
  });

  it('a nonce is new for each page', () => {
    const a = newNonce();
    assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(newNonce(), a);
  });
});
