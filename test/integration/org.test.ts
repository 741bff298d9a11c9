// workspace: org
// Organisation scale in a real VS Code, on the `org` workspace (a company file and
// three teams aligned to it, with dependencies between the teams; today pinned to
// 2026-11-28): the Objectives view's alignment mode from its title-bar command, the
// dependencies in both directions in tree tooltips and id hovers, and the first scan
// of a 500-file monorepo (its time reported, never asserted).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ObjectivesTreeNode, ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { okrLens, okrStore, waitFor, waitUntil, workspaceFile, workspaceRoot } from './helpers';

const viewHandle = () => okrLens<ObjectivesViewHandle>('_okr.objectivesView');

function report(name: string, value: unknown): void {
  const file = process.env.OKR_TEST_REPORT;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ suite: 'org', name, value })}\n`);
}

/** Markdown as read: without the backslashes that escape user text. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

async function rows(
  handle: ObjectivesViewHandle,
  parent?: ObjectivesTreeNode,
): Promise<{ node: ObjectivesTreeNode; label: string; description: string }[]> {
  return (await handle.provider.getChildren(parent)).map((node) => {
    const item = handle.provider.getTreeItem(node);
    return {
      node,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
    };
  });
}

describe('organisation scale', function () {
  this.timeout(60_000);
  let handle: ObjectivesViewHandle;

  before(async () => {
    await okrStore();
    handle = await viewHandle();
    await waitFor('four OKR files in the tree', async () => ((await handle.provider.getChildren()).length === 4 ? true : undefined));
  });

  after(async () => {
    await vscode.commands.executeCommand('okr.showFiles');
  });

  it('alignment mode: company objectives at the top, the team objectives aligned to each beneath, teams counted', async () => {
    assert.equal(handle.contextKey('okr.showingAlignment'), false);
    await vscode.commands.executeCommand('okr.showAlignment');
    assert.equal(handle.contextKey('okr.showingAlignment'), true);
    const top = await waitFor('the org view', async () => {
      const r = await rows(handle);
      return r.length === 3 && r[0].node.kind === 'aligned' ? r : undefined;
    });
    assert.deepEqual(
      top.map((r) => r.label),
      ['Customers can rely on us', 'We grow in Europe', 'Our costs fall while we grow'],
    );
    // Rolled-up progress (progress_from: aligned: the mean of SEC-O1 30% and WEB-O1 70%), health, teams.
    assert.match(top[0].description, /^50% · .*2 teams$/);
    assert.match(top[1].description, /^55% · .*1 team$/);
    assert.match(top[2].description, /no team aligns$/);
    const beneath = await rows(handle, top[0].node);
    assert.deepEqual(
      beneath.map((r) => r.label),
      ['Customer data stays safe', 'Shoppers check out without friction'],
    );
    assert.match(beneath[0].description, /^30% · .*Security$/);
    assert.match(beneath[1].description, /^70% · .*Web$/);
    const tooltip = plain(handle.provider.tooltip(top[0].node).value);
    assert.match(tooltip, /Progress: the mean of the objectives aligned to it\./);
    assert.match(tooltip, /Teams: Security, Web/);
    // A click opens the aligned objective where it is written.
    const item = handle.provider.getTreeItem(beneath[1].node);
    assert.equal(item.command?.command, 'okr.revealInFile');
    assert.equal((item.command?.arguments?.[0] as vscode.Uri).fsPath, workspaceFile('teams/web.okr.yaml').fsPath);
  });

  it('the title-bar toggle goes back to the files', async () => {
    await vscode.commands.executeCommand('okr.showFiles');
    assert.equal(handle.contextKey('okr.showingAlignment'), false);
    const r = await waitFor('files again', async () => {
      const x = await rows(handle);
      return x.every((n) => n.node.kind === 'file') ? x : undefined;
    });
    assert.equal(r.length, 4);
  });

  it('a key result tooltip in the tree shows what it needs and what needs it', async () => {
    const files = await handle.provider.getChildren();
    const web = files.find((f) => f.uri.fsPath.endsWith('web.okr.yaml'))!;
    const [objective] = await handle.provider.getChildren(web);
    const krs = await handle.provider.getChildren(objective);
    const kr4 = krs.find((k) => k.kind === 'keyResult' && k.entry.keyResult.id === 'WEB-KR4')!;
    const tip = plain(handle.provider.tooltip(kr4).value);
    assert.match(tip, /needs SEC-KR2 \(off track\)/);
    assert.match(tip, /needed by MOB-KR1/);
  });

  it('hovers on ids show dependencies in both directions', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('teams/web.okr.yaml'));
    await vscode.window.showTextDocument(doc);
    const hoverAt = async (needle: string, occurrence: 'first' | 'last') => {
      const offset = occurrence === 'first' ? doc.getText().indexOf(needle) : doc.getText().lastIndexOf(needle);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(offset + 1),
      );
      const texts = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c instanceof vscode.MarkdownString ? c.value : (c as { value: string }).value));
      return plain(texts.join('\n'));
    };
    const own = await hoverAt('WEB-KR4', 'first');
    assert.match(own, /needs SEC-KR2 \(off track\)/);
    assert.match(own, /needed by MOB-KR1/);
    const other = await hoverAt('SEC-KR2', 'last');
    assert.match(other, /needed by MOB-KR1, WEB-KR4/);
    assert.doesNotMatch(other, /needs /);
  });

  it('the first scan of a monorepo of 500 OKR files (reported)', async () => {
    const store = await okrStore();
    const dir = path.join(workspaceRoot().fsPath, 'monorepo');
    for (let t = 1; t <= 50; t++) {
      for (let q = 0; q < 10; q++) {
        const year = 2024 + Math.floor(q / 4);
        const quarter = (q % 4) + 1;
        const id = `T${t}-${year}Q${quarter}`;
        const krs = [1, 2, 3].map(
          (k) =>
            `      - { id: ${id}-KR${k}, title: Cut P1 incidents from ${10 + k} to ${k}, start: ${10 + k}, target: ${k}, ` +
            `current: ${5 + k} }`,
        );
        fs.mkdirSync(path.join(dir, `team-${t}`), { recursive: true });
        fs.writeFileSync(
          path.join(dir, `team-${t}`, `${year}-q${quarter}.okr.yaml`),
          `version: 1\nteam: Team ${t}\nperiod: ${year}-Q${quarter}\nobjectives:\n  - id: ${id}-O1\n` +
            `    title: Customers rely on team ${t}\n    key_results:\n${krs.join('\n')}\n`,
        );
      }
    }
    // The files stay: this is the suite's last test, in its own copy of the workspace.
    const t0 = performance.now();
    await store.refresh();
    const ms = performance.now() - t0;
    assert.equal(store.files().length, 504);
    // Measured while the file watcher still reports the 500 files just written (the store looks into them too).
    report('first scan of 504 OKR files ms', Math.round(ms));
    report('first scan phases ms', store.lastScan());
    // The scan reads the folder from the disk (folder-walk.ts): the files VS Code's file search finds.
    const searched = await vscode.workspace.findFiles(
      new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], '**/{.okr.yaml,*.okr.yaml,*.okr.yml}'),
    );
    assert.deepEqual(
      store
        .files()
        .map((f) => f.uri.fsPath)
        .sort(),
      searched.map((u) => u.fsPath).sort(),
    );
  });

  it('a scan of the 500-file monorepo once the file events for it are handled (reported)', async () => {
    const store = await okrStore();
    // The watcher's reports of the files written above are handled by now, or queued before this read.
    await waitUntil('the store holds the 504 files', () => store.files().length === 504);
    await store.reread([]);
    const t0 = performance.now();
    await store.refresh();
    const ms = performance.now() - t0;
    assert.equal(store.files().length, 504);
    // What a window opening on the folder meets (the code warm, nothing else arriving).
    report('scan of 504 OKR files, file events handled, ms', Math.round(ms));
    report('scan phases, file events handled, ms', store.lastScan());
  });
});
