// workspace: store
// The store in a real VS Code: which files it reads, how it follows the file system
// and unsaved edits, and how files see each other. Everything the sidebar,
// diagnostics and completion show comes from here.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OkrStore } from '../../src/extension/okr-store';
import { okrStore, waitUntil, workspaceFile, workspaceRoot } from './helpers';

const fileUri = workspaceFile;

/** Waits until `check()` holds, checking again on every store change. */
function waitFor(store: OkrStore, what: string, check: () => boolean): Promise<void> {
  return waitUntil(what, check, { wakeOn: store.onDidChange, describe: () => relativePaths(store) });
}

const relativePaths = (store: OkrStore) => store.files().map((f) => vscode.workspace.asRelativePath(f.uri, false));
const rulesIn = (store: OkrStore, relative: string) =>
  store.get(fileUri(relative))?.result.findings.map((f) => f.ruleId) ?? ['(file not in the store)'];

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('The OKR file store', function () {
  this.timeout(60_000);
  let store: OkrStore;

  before(async () => {
    store = await okrStore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads the OKR files of the folder, not node_modules and not other YAML', () => {
    assert.deepEqual(relativePaths(store), ['archive/2026-q3.okr.yaml', 'company.okr.yaml', 'teams/payments.okr.yaml']);
    assert.deepEqual(rulesIn(store, 'teams/payments.okr.yaml'), [], 'payments aligns with company and is clean');
    assert.equal(store.findDefinition('PAY-KR1')?.definition.kind, 'key-result');
    assert.equal(store.findDefinition('NOTE-1'), undefined, 'notes.yaml is not an OKR file');
  });

  it('lists the active key results of active objectives only', () => {
    const ids = store.activeKeyResults().map((r) => r.keyResult.id);
    assert.deepEqual(ids, ['CO-KR1', 'CO-KR2', 'PAY-KR1', 'PAY-KR2'], 'the done Q3 objective has no active key results');
  });

  it('follows okr.exclude', async () => {
    await setSetting('okr.exclude', ['**/node_modules/**', 'archive/**']);
    try {
      await waitFor(store, 'the archive to leave', () => !relativePaths(store).includes('archive/2026-q3.okr.yaml'));
    } finally {
      await setSetting('okr.exclude', undefined);
    }
    await waitFor(store, 'the archive to come back', () => relativePaths(store).includes('archive/2026-q3.okr.yaml'));
  });

  it('follows a file created, renamed and deleted on disk', async () => {
    const created = fileUri('teams/search.okr.yaml');
    fs.writeFileSync(
      created.fsPath,
      'version: 1\nteam: Search\nperiod: 2026-Q4\nobjectives:\n  - id: SRCH-O1\n    title: Shoppers find what they came for\n' +
        '    key_results:\n      - { id: SRCH-KR1, title: Raise search conversion from 8% to 12%, start: 8, target: 12 }\n' +
        '      - { id: SRCH-KR2, title: Cut searches with no result from 9% to 4%, start: 9, target: 4 }\n',
    );
    await waitFor(store, 'the created file', () => relativePaths(store).includes('teams/search.okr.yaml'));
    assert.equal(store.findDefinition('SRCH-KR1')?.state.uri.toString(), created.toString());

    const renamed = fileUri('teams/discovery.okr.yaml');
    fs.renameSync(created.fsPath, renamed.fsPath);
    await waitFor(store, 'the rename', () => {
      const paths = relativePaths(store);
      return paths.includes('teams/discovery.okr.yaml') && !paths.includes('teams/search.okr.yaml');
    });
    assert.equal(store.findDefinition('SRCH-KR1')?.state.uri.toString(), renamed.toString());

    fs.unlinkSync(renamed.fsPath);
    await waitFor(store, 'the delete', () => !relativePaths(store).includes('teams/discovery.okr.yaml'));
    assert.equal(store.findDefinition('SRCH-KR1'), undefined);
  });

  it('reads the OKR files of a folder made or moved in on disk, even those written into it at once, and drops them with it', async () => {
    // A file written right after its new folder can escape the file watcher (the folder's own watch is
    // not in place yet): the store looks into each new folder. Files under okr.exclude stay out.
    const okr = (team: string, id: string) =>
      `version: 1\nteam: ${team}\nperiod: 2026-Q4\nobjectives:\n  - id: ${id}-O1\n    title: Shoppers find what they came for\n` +
      `    key_results:\n      - { id: ${id}-KR1, title: Raise search conversion from 8% to 12%, start: 8, target: 12 }\n`;
    const written = [
      ['growth/growth.okr.yaml', 'Growth', 'GRO'],
      ['growth/squads/seo.okr.yaml', 'SEO', 'SEO'],
      ['node_modules/new-template/t.okr.yaml', 'Template', 'TPL'],
    ];
    for (const [relative, team, id] of written) {
      fs.mkdirSync(path.dirname(fileUri(relative).fsPath), { recursive: true });
      fs.writeFileSync(fileUri(relative).fsPath, okr(team, id));
    }
    // A folder moved in from elsewhere: the watcher reports the folder, nothing inside it.
    const elsewhere = fs.mkdtempSync(path.join(path.dirname(workspaceRoot().fsPath), 'okr-moved-'));
    fs.mkdirSync(path.join(elsewhere, 'ads', 'q4'), { recursive: true });
    fs.writeFileSync(path.join(elsewhere, 'ads', 'q4', 'ads.okr.yaml'), okr('Ads', 'ADS'));
    fs.renameSync(path.join(elsewhere, 'ads'), fileUri('ads').fsPath);
    fs.rmdirSync(elsewhere);
    try {
      await waitFor(store, 'the files of the new folders', () => {
        const paths = relativePaths(store);
        return ['growth/growth.okr.yaml', 'growth/squads/seo.okr.yaml', 'ads/q4/ads.okr.yaml'].every((p) => paths.includes(p));
      });
      assert.equal(store.findDefinition('SEO-KR1')?.state.uri.toString(), fileUri('growth/squads/seo.okr.yaml').toString());
      assert.ok(!relativePaths(store).includes('node_modules/new-template/t.okr.yaml'), 'okr.exclude still applies');
    } finally {
      for (const top of ['growth', 'ads', 'node_modules/new-template']) fs.rmSync(fileUri(top).fsPath, { recursive: true });
    }
    // A deleted folder is reported alone, too.
    await waitFor(store, 'the files to leave with their folders', () => !relativePaths(store).some((p) => /^(growth|ads)[/]/.test(p)));
  });

  it('reads an open document as typed, and the disk again when it is closed unsaved', async () => {
    const uri = fileUri('teams/payments.okr.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const text = document.getText();
    const at = text.indexOf('Merchants get paid on time, every time');
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(at), document.positionAt(at + 'Merchants get paid on time, every time'.length)),
      'Implement the new payout scheduler',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      store,
      'the unsaved title',
      () => store.get(uri)?.result.file.objectives[0]?.title === 'Implement the new payout scheduler',
    );
    assert.ok(rulesIn(store, 'teams/payments.okr.yaml').includes('objective-is-task'), 'the typed title is linted');
    assert.equal(store.get(uri)?.version, document.version, 'the state says which document version it read');
    assert.ok(fs.readFileSync(uri.fsPath, 'utf8').includes('Merchants get paid on time'), 'nothing was saved');

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      store,
      'the text on disk',
      () => store.get(uri)?.result.file.objectives[0]?.title === 'Merchants get paid on time, every time',
    );
    assert.deepEqual(rulesIn(store, 'teams/payments.okr.yaml'), []);
  });

  it('drops a deleted file even while its editor is open', async () => {
    const uri = fileUri('teams/ops.okr.yaml');
    fs.writeFileSync(uri.fsPath, 'version: 1\nteam: Ops\nperiod: 2026-Q4\nobjectives: []\n');
    await waitFor(store, 'the new file', () => store.get(uri) !== undefined);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    fs.unlinkSync(uri.fsPath);
    await waitFor(store, 'the deleted file to leave', () => store.get(uri) === undefined);
  });

  it('re-lints the other files when ids change: duplicates across files, in both', async () => {
    const uri = fileUri('teams/payments.okr.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('PAY-KR2');
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'PAY-KR2'.length)), 'CO-KR2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(
      store,
      'duplicate-id in both files',
      () =>
        rulesIn(store, 'teams/payments.okr.yaml').includes('duplicate-id') && rulesIn(store, 'company.okr.yaml').includes('duplicate-id'),
    );
    const inCompany = store.get(fileUri('company.okr.yaml'))!.result.findings.find((f) => f.ruleId === 'duplicate-id')!;
    assert.ok(
      inCompany.related?.some((r) => r.path === uri.fsPath),
      'the finding points at the other file',
    );

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      store,
      'the duplicates to clear',
      () =>
        !rulesIn(store, 'company.okr.yaml').includes('duplicate-id') && !rulesIn(store, 'teams/payments.okr.yaml').includes('duplicate-id'),
    );
  });

  it('re-lints a file when the file it aligns with changes', async () => {
    const company = fileUri('company.okr.yaml');
    const document = await vscode.workspace.openTextDocument(company);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('id: CO-1') + 'id: '.length;
    edit.replace(company, new vscode.Range(document.positionAt(at), document.positionAt(at + 'CO-1'.length)), 'CO-7');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(store, 'unknown-parent in payments', () => rulesIn(store, 'teams/payments.okr.yaml').includes('unknown-parent'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(store, 'unknown-parent to clear', () => !rulesIn(store, 'teams/payments.okr.yaml').includes('unknown-parent'));
  });

  it('a cloned repository with traps: a FIFO named by aligns_with, a link to /proc/self/pagemap; the host stays responsive', async function () {
    if (process.platform !== 'linux') this.skip();
    const { execFileSync } = await import('node:child_process');
    const fifo = fileUri('teams/pipe');
    const trap = fileUri('teams/trap.okr.yaml');
    const proc = fileUri('teams/proc.okr.yaml');
    execFileSync('mkfifo', [fifo.fsPath]);
    try {
      fs.writeFileSync(trap.fsPath, 'version: 1\nteam: Trap\nperiod: 2026-Q4\naligns_with: pipe\nobjectives: []\n');
      fs.symlinkSync('/proc/self/pagemap', proc.fsPath);
      await waitFor(store, 'the trap file, with a finding on its aligns_with', () =>
        Boolean(
          store
            .get(trap)
            ?.result.findings.some((f) => f.ruleId === 'unknown-parent' && f.message.includes('named pipe (FIFO), not a regular file')),
        ),
      );
      await vscode.commands.executeCommand('okr.refresh');
      await waitFor(store, 'the link to /proc, refused with the reason', () =>
        Boolean(
          store
            .get(proc)
            ?.result.findings.some((f) =>
              f.message.includes('could not read this file: its size on disk says 0 bytes but it reads longer'),
            ),
        ),
      );
      // Still answering: the other files are all there and linted.
      assert.equal(store.findDefinition('PAY-KR1')?.definition.kind, 'key-result');
    } finally {
      for (const uri of [trap, proc, fifo]) fs.rmSync(uri.fsPath, { force: true });
    }
    await waitFor(store, 'the traps to leave', () => store.get(trap) === undefined && store.get(proc) === undefined);
  });

  it('judges as of okr.lint.today and follows okr.lint.rules', async () => {
    assert.equal(store.today(), '2026-11-15');
    await setSetting('okr.lint.today', '2026-12-20');
    try {
      // A month after the last check-ins, they are stale.
      await waitFor(store, 'stale check-ins', () => rulesIn(store, 'teams/payments.okr.yaml').includes('stale-check-in'));
      await setSetting('okr.lint.rules', { 'stale-check-in': 'off' });
      await waitFor(store, 'the rule to be off', () => !rulesIn(store, 'teams/payments.okr.yaml').includes('stale-check-in'));
    } finally {
      await setSetting('okr.lint.rules', undefined);
      await setSetting('okr.lint.today', '2026-11-15');
    }
    await waitFor(
      store,
      'the pinned date again',
      () => store.today() === '2026-11-15' && !rulesIn(store, 'teams/payments.okr.yaml').includes('stale-check-in'),
    );
  });

  it('rescans from disk on Refresh', async () => {
    const uri = fileUri('late.okr.yaml');
    // VS Code's file watcher drops a create and a delete that fall in one batch: the delete
    // below must come after the watcher has reported the create, or no event says it went.
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], '**/late.okr.yaml'),
    );
    let reported = false;
    watcher.onDidCreate((created) => {
      if (created.toString() === uri.toString()) reported = true;
    });
    fs.writeFileSync(uri.fsPath, 'version: 1\nteam: Late\nperiod: 2026-Q4\nobjectives: []\n');
    try {
      await vscode.commands.executeCommand('okr.refresh');
      assert.ok(relativePaths(store).includes('late.okr.yaml'), 'Refresh waits for the scan it starts');
    } finally {
      await waitUntil('the watcher to report the new file', () => reported, { wakeOn: watcher.onDidCreate }).finally(() => {
        watcher.dispose();
        fs.unlinkSync(uri.fsPath);
      });
    }
    await waitFor(store, 'the file to leave', () => !relativePaths(store).includes('late.okr.yaml'));
  });

  it('reads a file again without parsing or linting it when its text is what the store holds', async () => {
    const uri = fileUri('same.okr.yaml');
    const text = 'version: 1\nteam: Same\nperiod: 2026-Q4\nobjectives:\n  - id: SAME-O1\n    title: Ship the thing\n    key_results: []\n';
    fs.writeFileSync(uri.fsPath, text);
    try {
      await store.reread([uri]);
      const linted = store.get(uri);
      assert.ok(linted, 'the store has the new file');
      // The same text on disk again (a checkout, a build touching it): the same state, not linted again.
      fs.writeFileSync(uri.fsPath, text);
      await store.reread([uri]);
      assert.equal(store.get(uri), linted);
      // Another text: parsed and linted again.
      fs.writeFileSync(uri.fsPath, text.replace('Ship the thing', 'Customers trust the thing'));
      await store.reread([uri]);
      assert.notEqual(store.get(uri), linted);
      assert.equal(store.get(uri)?.result.file.objectives[0].title, 'Customers trust the thing');
      // An empty file, then a named pipe in its place (never read, so its text is empty too): not the same read.
      fs.writeFileSync(uri.fsPath, '');
      await store.reread([uri]);
      const empty = store.get(uri);
      assert.deepEqual(
        empty?.result.findings.map((f) => f.ruleId),
        ['schema'],
      );
      fs.unlinkSync(uri.fsPath);
      execFileSync('mkfifo', [uri.fsPath]);
      await store.reread([uri]);
      assert.notEqual(store.get(uri), empty);
      assert.match(store.get(uri)?.result.findings[0]?.message ?? '', /could not read this file: .*named pipe/);
    } finally {
      fs.unlinkSync(uri.fsPath);
    }
    await store.reread([uri]);
    assert.equal(store.get(uri), undefined);
  });
});
