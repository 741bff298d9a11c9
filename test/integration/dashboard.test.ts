// workspace: tree
// OKR: Open Dashboard in a real VS Code, on the `tree` workspace (three OKR files;
// `okr.lint.today` pinned to 2026-11-15). The page's script runs in the webview and
// answers each render with a "rendered" message, which the dashboard's handle
// exposes; its messages are driven as the page would send them. The first render
// time is reported (OKR_TEST_REPORT), never asserted.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderReport } from '../../src/core/report';
import type { DashboardHandle } from '../../src/extension/dashboard';
import { okrLens, revertToDisk, waitFor, workspaceFile } from './helpers';

function report(name: string, value: unknown): void {
  const file = process.env.OKR_TEST_REPORT;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ suite: 'dashboard', name, value })}\n`);
}

describe('dashboard', () => {
  let dashboard: DashboardHandle;

  before(async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('okr.openDashboard');
    dashboard = await okrLens<DashboardHandle>('_okr.dashboard');
    const rendered = await waitFor('the dashboard page to render', () => dashboard.lastRendered, { timeoutMs: 30_000 });
    report('first render (ms, from opening the panel to the page saying it is in place)', Math.round(rendered.sinceOpenMs));
    report('page time to put the content in place (ms)', Math.round(rendered.ms));
  });

  after(() => dashboard.panel?.dispose());

  it('opens one panel with every file, a burn-up per key result with numbers, and the indicators', () => {
    assert.ok(dashboard.panel, 'no panel');
    assert.equal(dashboard.panel.title, 'OKR Dashboard');
    const { html, report: data } = dashboard.lastRender!;
    assert.deepEqual(data.files.map((f) => f.team).sort(), ['Company', 'Payments', 'Platform']);
    assert.match(html, /<summary>Leading indicators<\/summary>/);
    assert.match(
      html,
      /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="okr-chart"[^>]*><title id="[^"]+">Burn-up of PLAT-KR1 Reduce P1 incidents from twelve to three per quarter<\/title>/,
    );
    // The page itself counted the charts it holds.
    const withPoints = data.files.flatMap((f) => f.objectives.flatMap((o) => o.keyResults)).filter((k) => k.points.length > 0).length;
    assert.ok(
      dashboard.lastRendered!.charts >= withPoints,
      `${dashboard.lastRendered!.charts} charts for ${withPoints} key results with numbers`,
    );
    // Opening again reveals the same panel.
    const panel = dashboard.panel;
    return vscode.commands.executeCommand('okr.openDashboard').then(() => assert.equal(dashboard.panel, panel));
  });

  it('has a strict Content Security Policy: nonce for script and style, nothing remote', () => {
    const page = dashboard.pageHtml!;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    // The webview's own resource origin (webview.cspSource), data: images, and nothing else.
    const m =
      /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'; script-src 'nonce-[A-Za-z0-9+/=]+'; img-src ([^;]+) data:; font-src ([^;]+)$/.exec(
        csp,
      );
    assert.ok(m, csp);
    assert.equal(m[1], m[2]);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.ok(
      !/https?:\/\/(?!www\.w3\.org)/.test(
        page.replace(/<meta http-equiv[^>]+>/, '').replace(/<script nonce="[^"]+" src="[^"]+"><\/script>/, ''),
      ),
      'a remote reference in the page',
    );
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    assert.match(page, new RegExp(`<script nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="[^"]+/dist/webview/dashboard\\.js"></script>`));
  });

  it('a click on a key result reveals it in its file', async () => {
    await dashboard.receive({ type: 'reveal', file: 'teams/platform.okr.yaml', id: 'PLAT-KR1' });
    const editor = await waitFor('the platform file in an editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === workspaceFile('teams/platform.okr.yaml').toString()
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.document.getText(editor.selection), 'Reduce P1 incidents from twelve to three per quarter');
    // Beside the dashboard, which stays in view.
    assert.notEqual(editor.viewColumn, dashboard.panel!.viewColumn);
    assert.equal(dashboard.panel!.visible, true);
    // An unknown id or an objective's does nothing.
    await dashboard.receive({ type: 'reveal', id: 'PLAT-O1' });
    await dashboard.receive({ type: 'reveal', id: 'NOPE' });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceFile('teams/platform.okr.yaml').toString());
  });

  it('follows edits as they are typed', async () => {
    const uri = workspaceFile('teams/platform.okr.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = dashboard.lastRender!.renderId;
    const text = document.getText();
    const at = text.indexOf('Reduce P1 incidents from twelve to three per quarter');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Reduce P1'.length)), 'Cut P1');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('a render with the new title', () =>
        dashboard.lastRendered &&
        dashboard.lastRendered.renderId > before &&
        dashboard.lastRender!.html.includes('Cut P1 incidents from twelve')
          ? true
          : undefined,
      );
    } finally {
      await revertToDisk(document);
    }
    // The revert is followed too, so the next tests see the file as on disk.
    await waitFor('a render with the title as on disk', () =>
      dashboard.lastRender!.html.includes('Reduce P1 incidents from twelve') && !dashboard.lastRender!.html.includes('Cut P1 incidents')
        ? true
        : undefined,
    );
  });

  it('the check-in button calls okr.checkIn with the key result, and shows only when that command exists', async () => {
    const exists = (await vscode.commands.getCommands(true)).includes('okr.checkIn');
    const buttons = () => (dashboard.lastRender!.html.match(/data-action="checkIn"/g) ?? []).length;
    if (exists) {
      assert.ok(buttons() > 0);
      return;
    }
    assert.equal(buttons(), 0, 'a check-in button without the command');
    const calls: unknown[][] = [];
    const fake = vscode.commands.registerCommand('okr.checkIn', (...args: unknown[]) => calls.push(args));
    try {
      const before = dashboard.lastRender!.renderId;
      // Any change re-renders; a revert of an unchanged file is not one, so edit and revert.
      const uri = workspaceFile('company.okr.yaml');
      const document = await vscode.workspace.openTextDocument(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.positionAt(0), '# touched\n');
      await vscode.workspace.applyEdit(edit);
      await waitFor('a render with check-in buttons', () => (dashboard.lastRender!.renderId > before && buttons() > 0 ? true : undefined));
      await revertToDisk(document);
      assert.match(
        dashboard.lastRender!.html,
        /<button type="button" class="check-in" data-action="checkIn" data-file="teams\/platform\.okr\.yaml" data-id="PLAT-KR1" aria-label="Check in on PLAT-KR1 /,
      );
      await dashboard.receive({ type: 'checkIn', file: 'teams/platform.okr.yaml', id: 'PLAT-KR1' });
      assert.deepEqual(calls, [['PLAT-KR1']]);
    } finally {
      fake.dispose();
    }
  });

  it('OKR: Export Report... writes the report the CLI writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-export-'));
    try {
      for (const format of ['html', 'md', 'json'] as const) {
        const target = vscode.Uri.file(path.join(dir, `report.${format}`));
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('okr.exportReport', format, target);
        assert.equal(written?.toString(), target.toString());
        const text = fs.readFileSync(target.fsPath, 'utf8');
        assert.equal(text, renderReport(dashboard.lastRender!.report, format));
      }
      assert.match(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'), /^<!DOCTYPE html>/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
