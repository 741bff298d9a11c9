// workspace: restricted
// The dashboard in Restricted Mode: it shows every number, says it is read-only and
// offers no check-in, even when a check-in command exists; Export Report writes nothing.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardHandle } from '../../src/extension/dashboard';
import { okrLens, waitFor } from './helpers';

describe('Restricted Mode dashboard', function () {
  this.timeout(60_000);

  it('is read-only: a notice, no check-in button, no export', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // A check-in command, as the check-ins feature would register one (unless it already has).
    const registered = (await vscode.commands.getCommands(true)).includes('okr.checkIn');
    const calls: unknown[] = [];
    const fake = registered ? undefined : vscode.commands.registerCommand('okr.checkIn', (...args: unknown[]) => calls.push(args));
    try {
      await vscode.commands.executeCommand('okr.openDashboard');
      const dashboard = await okrLens<DashboardHandle>('_okr.dashboard');
      const render = await waitFor('a render with the file', () =>
        dashboard.lastRender && dashboard.lastRender.report.files.length > 0 ? dashboard.lastRender : undefined,
      );
      assert.match(render.html, /^<p class="notice" role="note">Restricted Mode: the dashboard is read-only\./);
      assert.ok(!render.html.includes('data-action="checkIn"'));
      assert.match(render.html, /data-action="reveal"/);
      // A message the page could not have sent is refused all the same.
      await dashboard.receive({ type: 'checkIn', id: 'PLAT-KR1' });
      assert.deepEqual(calls, []);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-export-restricted-'));
      try {
        const target = vscode.Uri.file(path.join(dir, 'report.html'));
        assert.equal(await vscode.commands.executeCommand('okr.exportReport', 'html', target), undefined);
        assert.equal(fs.existsSync(target.fsPath), false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      dashboard.panel?.dispose();
    } finally {
      fake?.dispose();
    }
  });
});
