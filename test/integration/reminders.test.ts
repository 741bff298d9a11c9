// workspace: reminders
// Check-in reminders, the walk through due key results and Update From Sources in a
// real VS Code (test/workspaces/reminders, today pinned to 2026-11-28): REM-KR3 (44
// days late), REM-KR1 (13) and MOB-KR1 (weekly, 3) are due; the Q2 file is over. The
// status bar item and the notification are read through the hidden `_okr.reminders`
// (status bar items and notifications cannot be read through the API); a button of the
// notification is answered through `_okr.reminderAnswer`, the walk's Skip button
// through `_okr.checkInSkip`, the quick inputs as a user fills them.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import type { CheckInResult, CheckInWalkResult } from '../../src/extension/check-in';
import type { UpdateFromSourcesResult } from '../../src/extension/check-in/from-sources';
import type { RemindersSnapshot } from '../../src/extension/check-in/reminders';
import type { ObjectivesTreeNode, ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { okrLens, okrStore, waitFor, waitUntil, workspaceFile } from './helpers';
import { answerCheckIn, checkInInput } from './check-in-input';

const PLATFORM = 'platform.okr.yaml';
const MOBILE = 'teams/mobile.okr.yaml';

const reminders = () => vscode.commands.executeCommand<RemindersSnapshot>('_okr.reminders');
const answerReminder = (action: string | undefined) => vscode.commands.executeCommand<boolean>('_okr.reminderAnswer', action);
const read = (relative: string) => fs.readFileSync(workspaceFile(relative).fsPath, 'utf8');

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function keyResultRow(handle: ObjectivesViewHandle, id: string): Promise<vscode.TreeItem> {
  const walk = async (parent?: ObjectivesTreeNode): Promise<vscode.TreeItem | undefined> => {
    for (const node of await handle.provider.getChildren(parent)) {
      if (node.kind === 'keyResult' && node.entry.keyResult.id === id) return handle.provider.getTreeItem(node);
      if (node.kind === 'file' || node.kind === 'objective') {
        const found = await walk(node);
        if (found) return found;
      }
    }
    return undefined;
  };
  const item = await walk();
  assert.ok(item, `the tree shows ${id}`);
  return item;
}

describe('Check-in reminders', function () {
  this.timeout(60_000);

  before(async () => {
    await okrStore();
  });

  after(async () => {
    await setSetting('okr.lint.today', '2026-11-28');
    await setSetting('okr.checkIn.reminders', undefined);
  });

  it('the status bar says "$(bell) 3 check-ins due" with each in its tooltip (not the closed Q2 file)', async () => {
    const state = await reminders();
    assert.deepEqual(
      state.due.map((d) => [d.keyResultId, d.daysLate]),
      [
        ['REM-KR3', 44],
        ['REM-KR1', 13],
        ['MOB-KR1', 3],
      ],
    );
    assert.equal(state.statusBar.visible, true);
    assert.equal(state.statusBar.text, '$(bell) 3 check-ins due');
    assert.equal(
      state.statusBar.tooltip,
      'Key results due for a check-in (click to check in on each):\nREM-KR3: 44 days late\nREM-KR1: 13 days late\nMOB-KR1: 3 days late',
    );
  });

  it('the tree marks due key results quietly after their progress, and only those', async () => {
    const handle = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    assert.match(String((await keyResultRow(handle, 'REM-KR1')).description), / · check-in 13 days late( · |$)/);
    assert.match(String((await keyResultRow(handle, 'REM-KR3')).description), / · check-in 44 days late( · |$)/);
    assert.match(String((await keyResultRow(handle, 'MOB-KR1')).description), / · check-in 3 days late( · |$)/);
    for (const id of ['REM-KR2', 'REM-KR4', 'MOB-KR2', 'Q2-KR1'])
      assert.doesNotMatch(String((await keyResultRow(handle, id)).description), /check-in/, `${id} is not due`);
  });

  it("notifies once per cadence window; statusBar and off keep it quiet; Snooze asks the next day; Check In walks; Don't Show Again never", async () => {
    let state = await reminders();
    assert.equal(state.shown, 1, 'one notification since the window opened');
    assert.equal(state.notification?.message, 'OKR Lens: 3 key results are due for a check-in: REM-KR3, REM-KR1, MOB-KR1.');
    assert.deepEqual(state.notification?.actions, ['Check In', 'Snooze for a day', "Don't Show Again"]);
    assert.deepEqual(state.memory, { shownOn: '2026-11-28' });
    assert.equal(await answerReminder(undefined), true, 'closed without an answer');
    state = await reminders();
    assert.equal(state.shown, 1, 'not again on the same day');
    assert.equal(state.notification, undefined);

    // Three days later: inside the window of the shortest cadence (MOB's weekly).
    await setSetting('okr.lint.today', '2026-12-01');
    state = await reminders();
    assert.equal(state.shown, 1);
    assert.equal(state.statusBar.visible, true);

    // A week later, with the setting at statusBar: the status bar only.
    await setSetting('okr.checkIn.reminders', 'statusBar');
    await setSetting('okr.lint.today', '2026-12-05');
    state = await reminders();
    assert.equal(state.shown, 1);
    assert.equal(state.statusBar.visible, true);
    await setSetting('okr.checkIn.reminders', 'off');
    state = await reminders();
    assert.deepEqual([state.shown, state.statusBar.visible], [1, false], 'off: nothing at all');
    await setSetting('okr.checkIn.reminders', 'notify');
    state = await reminders();
    assert.equal(state.shown, 2, 'a cadence after the last one');
    assert.equal(await answerReminder('Snooze for a day'), true);
    state = await reminders();
    assert.deepEqual(state.memory, { snoozedUntil: '2026-12-06' });
    assert.equal(state.shown, 2, 'snoozed today');

    await setSetting('okr.lint.today', '2026-12-06');
    state = await reminders();
    assert.equal(state.shown, 3, 'the next day, inside the window');
    // Check In starts the walk through every due key result, the latest first; Esc ends it.
    const before = [read(PLATFORM), read(MOBILE)];
    assert.equal(await answerReminder('Check In'), true);
    await checkInInput(1, /^Check In \(1 of \d+\): REM-KR3 /);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitUntil('the walk ended', async () => (await vscode.commands.executeCommand('_okr.checkInInput')) === undefined);
    assert.deepEqual([read(PLATFORM), read(MOBILE)], before, 'nothing written');

    await setSetting('okr.lint.today', '2026-12-13');
    state = await reminders();
    assert.equal(state.shown, 4, 'a cadence later');
    assert.equal(await answerReminder("Don't Show Again"), true);
    await setSetting('okr.lint.today', '2026-12-20');
    state = await reminders();
    assert.equal(state.shown, 4, 'never again');
    assert.equal(state.memory.dismissed, true);
    assert.equal(state.statusBar.visible, true, 'the status bar stays');

    // After the period: nothing is due, nothing shows.
    await setSetting('okr.lint.today', '2027-01-05');
    state = await reminders();
    assert.deepEqual([state.due.length, state.statusBar.visible], [0, false]);
    await setSetting('okr.lint.today', '2026-11-28');
  });

  it('walks through the due key results of a file: Skip writes nothing, the note is prefilled from the linked commits', async () => {
    const handle = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
    // The history is read on first use (the tree asks); the prefill needs it.
    await waitFor('REM-KR1 linked commits', () => {
      const work = handle.linkedWorkSource()?.forKeyResult('REM-KR1');
      return work?.count === 3 ? work : undefined;
    });
    const before = read(PLATFORM);
    const walking = vscode.commands.executeCommand<CheckInWalkResult>(CommandId.CheckInDue, workspaceFile(PLATFORM));
    const first = (await checkInInput(1, /^Check In \(1 of 2\): REM-KR3 /)) as vscode.InputBox;
    assert.equal(first.buttons.length, 1, 'a Skip button');
    assert.equal(first.buttons[0].tooltip, 'Skip this key result');
    assert.equal(await vscode.commands.executeCommand('_okr.checkInSkip'), true);
    await checkInInput(1, /^Check In \(2 of 2\): REM-KR1 /);
    const prefill = await answerCheckIn('7', '0.6');
    assert.equal(prefill, 'Page the on-call only for customer-facing alerts; Retry the payment client once');
    const result = await walking;
    assert.deepEqual(result, { checkedIn: ['REM-KR1'], skipped: ['REM-KR3'], ended: false });
    const after = read(PLATFORM);
    assert.equal(
      after,
      before.replace(
        '          - { date: 2026-11-01, value: 9, confidence: 0.5 }\n',
        '          - { date: 2026-11-01, value: 9, confidence: 0.5 }\n' +
          '          - { date: 2026-11-28, value: 7, confidence: 0.6, note: "Page the on-call only for customer-facing alerts; Retry ' +
          'the payment client once" }\n',
      ),
      'REM-KR1 checked in with the prefilled note, REM-KR3 untouched',
    );
    await waitUntil('the status bar counts 2', async () => (await reminders()).statusBar.text === '$(bell) 2 check-ins due');
  });

  it('the status bar item walks through every file; Esc ends the walk and writes nothing', async () => {
    const before = [read(PLATFORM), read(MOBILE)];
    const walking = vscode.commands.executeCommand<CheckInWalkResult>(CommandId.CheckInDue);
    await checkInInput(1, /^Check In \(1 of 2\): REM-KR3 /);
    assert.equal(await vscode.commands.executeCommand('_okr.checkInSkip'), true);
    await checkInInput(1, /^Check In \(2 of 2\): MOB-KR1 /);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(await walking, { checkedIn: [], skipped: ['REM-KR3'], ended: true });
    assert.deepEqual([read(PLATFORM), read(MOBILE)], before);
  });

  it('okr.checkIn takes a key result id string, as the dashboard sends it', async () => {
    const running = vscode.commands.executeCommand<CheckInResult | undefined>(CommandId.CheckIn, 'MOB-KR1');
    await checkInInput(1, /^Check In: MOB-KR1 Cut the cold start/);
    await answerCheckIn('3.1', '0.7', 'lazy-load the settings screen');
    const result = await running;
    assert.equal(result?.keyResultId, 'MOB-KR1');
    assert.match(read(MOBILE), /- \{ date: 2026-11-28, value: 3\.1, confidence: 0\.7, note: lazy-load the settings screen \}\n/);
  });

  it('Update From Sources records the changed metrics (an open, unsaved document keeps its edits), reports the others with file:line', async () => {
    // The platform file is open with an unsaved change; the mobile file is closed.
    const document = await vscode.workspace.openTextDocument(workspaceFile(PLATFORM));
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '# unsaved\n');
    await vscode.workspace.applyEdit(edit);
    const onDisk = read(PLATFORM);
    const result = await vscode.commands.executeCommand<UpdateFromSourcesResult>(CommandId.UpdateFromSources);
    assert.deepEqual(result.recorded, [
      { file: PLATFORM, keyResultId: 'REM-KR4', value: 71.5, previous: 65 },
      { file: MOBILE, keyResultId: 'MOB-KR2', value: 99.4, previous: 99.2 },
    ]);
    assert.equal(result.sources, 3);
    assert.equal(result.unchanged, 0);
    assert.equal(result.problems.length, 1);
    assert.match(
      result.problems[0],
      /^platform\.okr\.yaml:\d+:17: REM-KR5: metrics\/build-time\.json does not exist .*; no check-in recorded$/,
    );
    const line = Number(/:(\d+):/.exec(result.problems[0])![1]);
    assert.match(
      document.lineAt(line - 1).text,
      /^ {8}source: \{ file: metrics\/build-time\.json/,
      `the line of its source: (${result.problems[0]}; the document says ${JSON.stringify(
        document
          .getText()
          .split('\n')
          .slice(line - 3, line + 1),
      )})`,
    );
    assert.ok(document.isDirty, "unsaved work stays the user's to save");
    assert.ok(document.getText().startsWith('# unsaved\n'));
    assert.match(document.getText(), /- \{ date: 2026-11-25, value: 65 \}\n {10}- \{ date: 2026-11-28, value: 71\.5 \}\n/);
    assert.equal(read(PLATFORM), onDisk, 'the open document is edited, not the file under it');
    assert.match(
      read(MOBILE),
      /- \{ date: 2026-11-25, value: 99\.2 \}\n {10}- \{ date: 2026-11-28, value: 99\.4 \}\n/,
      'the closed file is written',
    );
    // Twice changes nothing.
    const again = await vscode.commands.executeCommand<UpdateFromSourcesResult>(CommandId.UpdateFromSources);
    assert.deepEqual([again.recorded.length, again.unchanged, again.problems.length], [0, 2, 1]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
