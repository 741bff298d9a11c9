// workspace: period
// OKR: Close Period... and OKR: Start Next Period... in a real VS Code, through their
// inputs: the reflection's input boxes and the quick pick of key results to carry.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import { acceptingPrompts, okrStore, waitUntil, workspaceFile } from './helpers';

describe('closing a period and starting the next', function () {
  this.timeout(90_000);

  it('Close Period: grades every key result into the file, keeping its lines', async () => {
    const store = await okrStore();
    const uri = workspaceFile('okrs/platform.okr.yaml');
    await waitUntil('the store has read the file', () => store.get(uri) !== undefined);
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const ok = await acceptingPrompts(vscode.commands.executeCommand<boolean>(CommandId.ClosePeriod, uri));
    assert.equal(ok, true);
    const after = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(after, /^closed: 2027-01-05$/m);
    assert.match(after, / {8}current: 6\n {8}score: 0\.67\n/);
    assert.match(after, /current: 99\.95, score: 1 \}/);
    // Every other line stays as written (the flow mapping of PLAT-KR2 gained its score).
    for (const line of before.split('\n').filter((l) => !l.includes('PLAT-KR2'))) assert.ok(after.includes(line), `kept: ${line}`);
    // The closed file lints quietly: no stale check-ins.
    await waitUntil('the store has the closed file', () => store.get(uri)?.result.file.closed === '2027-01-05');
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'stale-check-in'),
      [],
    );
  });

  it('Start Next Period: keeps the closed period in its folder and carries the unfinished key results', async () => {
    const store = await okrStore();
    const uri = workspaceFile('okrs/platform.okr.yaml');
    const closed = fs.readFileSync(uri.fsPath, 'utf8');
    const created = await acceptingPrompts(vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.StartNextPeriod, uri));
    assert.equal(created?.fsPath, uri.fsPath);
    assert.equal(fs.readFileSync(workspaceFile('okrs/2026-Q4/platform.okr.yaml').fsPath, 'utf8'), closed);
    const next = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(next, /^period: 2027-Q1$/m);
    assert.match(next, /carried_from: PLAT-KR1@2026-Q4/);
    assert.match(next, /carried_from: PLAT-KR3@2026-Q4/);
    assert.doesNotMatch(next, /PLAT-KR2@/);
    // Both files are in the workspace, ids unique: no duplicate-id anywhere.
    await waitUntil('the store has both periods', () => store.files().length === 2);
    const duplicates = store.files().flatMap((f) => f.result.findings.filter((x) => x.ruleId === 'duplicate-id'));
    assert.deepEqual(duplicates, []);
  });

  it('Start Next Period: a file with a byte-order mark keeps it, in the archived period and in the new one', async () => {
    const store = await okrStore();
    const uri = workspaceFile('okrs/mobile.okr.yaml');
    const text = [
      'version: 1',
      'team: Mobile',
      'period: 2026-Q4',
      'objectives:',
      '  - id: MOB-O1',
      '    title: People finish what they start in the app',
      '    key_results:',
      '      - { id: MOB-KR1, title: Raise checkout completion from 60% to 80%, start: 60, target: 80, current: 70 }',
      '      - { id: MOB-KR2, title: Cut crash rate from 2% to 0.5%, start: 2, target: 0.5, current: 1 }',
      '',
    ].join('\n');
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    fs.writeFileSync(uri.fsPath, Buffer.concat([BOM, Buffer.from(text, 'utf8')]));
    await waitUntil('the store has the Mobile file', () => store.get(uri) !== undefined);
    const created = await acceptingPrompts(vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.StartNextPeriod, uri));
    assert.equal(created?.fsPath, uri.fsPath);
    const archived = fs.readFileSync(workspaceFile('okrs/2026-Q4/mobile.okr.yaml').fsPath);
    assert.deepEqual([...archived.subarray(0, 3)], [...BOM], 'the archived period starts with the byte-order mark');
    assert.equal(archived.subarray(3).toString('utf8'), text);
    const next = fs.readFileSync(uri.fsPath);
    assert.deepEqual([...next.subarray(0, 3)], [...BOM], 'the new period keeps the byte-order mark');
    assert.notEqual(next[3], 0xef, 'one byte-order mark, not two');
    assert.match(next.subarray(3).toString('utf8'), /^# Mobile: OKRs for 2027-Q1/);
  });
});
