// Commands run from the command palette, checked by what they change: the Source
// Control message box, and a new file on disk that the sidebar then shows.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('./runner');
const { eventually } = require('./workbench');

test('OKR: Tag Commit with Key Result... puts the Key-Result trailer in the commit message box', async ({ workbench, page }) => {
  await workbench.runCommand('OKR: Tag Commit with Key Result...');
  await workbench.pick({ title: 'OKR: Tag Commit with Key Result', filter: 'PLAT-KR2', rowText: 'PLAT-KR2, Raise core API availability' });
  await workbench.openSourceControl();
  await eventually(async () => {
    const message = await workbench.commitMessage();
    assert.match(message, /^Key-Result: PLAT-KR2$/m, `the commit message box: ${JSON.stringify(message)}`);
  });
  await page.locator('[id="workbench.parts.statusbar"]', { hasText: 'Key-Result: PLAT-KR2 added to the commit message' }).waitFor({ state: 'visible' });

  // Run again with the same key result: the trailer goes, the box is as it was.
  await workbench.runCommand('OKR: Tag Commit with Key Result...');
  await workbench.pick({ title: 'OKR: Tag Commit with Key Result', filter: 'PLAT-KR2', rowText: 'PLAT-KR2, Raise core API availability' });
  await eventually(async () => {
    const message = await workbench.commitMessage();
    assert.equal(message.trim(), '', `the commit message box after untagging: ${JSON.stringify(message)}`);
  });
});

// Last: it adds a third OKR file to the workspace.
test('OKR: Create Starter OKR File writes .okr.yaml, opens it, and the sidebar shows it', async ({ workbench, workspace }) => {
  const starter = path.join(workspace, '.okr.yaml');
  assert.ok(!fs.existsSync(starter), `${starter} exists before the command ran`);
  await workbench.runCommand('OKR: Create Starter OKR File');
  // The file appears before its text is written: wait for the whole of it.
  let text = '';
  await eventually(() => {
    assert.ok(fs.existsSync(starter), `${starter} was not written`);
    text = fs.readFileSync(starter, 'utf8');
    assert.match(text, /^version: 1\b/m);
  });
  assert.match(text, /^team: Your team\b/m);
  // The period is the quarter of okr.lint.today (2026-11-15).
  assert.match(text, /^period: 2026-Q4\b/m);
  await workbench.waitForActiveTab('.okr.yaml');

  await workbench.openOkrView();
  await workbench.treeRow('Your team · 2026-Q4');
  await workbench.treeRow('New users succeed on their first day');
});
