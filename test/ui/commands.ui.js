// Commands run from the command palette, checked by what they change: the Source
// Control message box, and a new file on disk that the sidebar then shows.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('./runner');
const { eventually } = require('./workbench');

test('OKR: Tag Commit with Key Result... puts the Key-Result trailer in the commit message box, and shows it', async ({
  workbench,
  page,
}) => {
  await workbench.runCommand('OKR: Tag Commit with Key Result...');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'OKR: Tag Commit with Key Result' })
    .waitFor({ state: 'visible' });
  // Each row: id and title, then progress and health, then the objective; no separator over the first.
  const firstRow = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().getAttribute('aria-label');
  assert.match(
    firstRow,
    /^(target|check)\s+PLAT-KR\d+: .+, \d+% · (on track|at risk|off track|no data), PLAT-O\d+ · /,
    `the first row: ${firstRow}`,
  );
  await workbench.pick({ title: 'OKR: Tag Commit with Key Result', filter: 'PLAT-KR2', rowText: 'PLAT-KR2: Raise core API availability' });
  // From the palette, the Source Control view comes into view with the trailer in its box.
  await page.locator('.scm-editor .monaco-editor').first().waitFor({ state: 'visible' });
  await eventually(async () => {
    const message = await workbench.commitMessage();
    assert.match(message, /^Key-Result: PLAT-KR2$/m, `the commit message box: ${JSON.stringify(message)}`);
  });
  await page
    .locator('[id="workbench.parts.statusbar"]', { hasText: 'Key-Result: PLAT-KR2 added to the commit message' })
    .waitFor({ state: 'visible' });

  // Run again with the same key result: the trailer goes, the box is as it was.
  await workbench.runCommand('OKR: Tag Commit with Key Result...');
  await workbench.pick({ title: 'OKR: Tag Commit with Key Result', filter: 'PLAT-KR2', rowText: 'PLAT-KR2: Raise core API availability' });
  await eventually(async () => {
    const message = await workbench.commitMessage();
    assert.equal(message.trim(), '', `the commit message box after untagging: ${JSON.stringify(message)}`);
  });
});

test('OKR: Start Work on Key Result... shows the branch name, editable and checked as you type, then creates it', async ({
  workbench,
  page,
  workspace,
}) => {
  const git = (...args) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8' }).trim();
  const before = git('symbolic-ref', '--short', 'HEAD');
  await workbench.runCommand('OKR: Start Work on Key Result...');
  await workbench.pick({ title: 'OKR: Start Work on Key Result', filter: 'PLAT-KR2', rowText: 'PLAT-KR2: Raise core API availability' });
  const box = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'OKR: Start Work on PLAT-KR2' }).waitFor({ state: 'visible' });
  await eventually(async () => assert.match(await box.inputValue(), /^kr\/PLAT-KR2-raise-core-api-availability/));
  // Nothing is created while the box is open.
  assert.equal(git('branch', '--list', 'kr/PLAT-KR2*'), '');

  await box.fill('kr/PLAT-KR2 api..work');
  const message = page.locator('.quick-input-widget .quick-input-message');
  await eventually(async () => assert.match(await message.innerText(), /no spaces in a branch name/));
  await box.fill('kr/PLAT-KR2-api..work');
  await eventually(async () => assert.match(await message.innerText(), /cannot contain "\.\."/));
  await box.fill('kr/PLAT-KR2-api-work');
  await eventually(async () => assert.doesNotMatch(await message.innerText(), /cannot|no spaces/));
  await page.keyboard.press('Enter');
  await eventually(() => assert.equal(git('symbolic-ref', '--short', 'HEAD'), 'kr/PLAT-KR2-api-work'));
  assert.equal(git('config', '--get', 'branch.kr/PLAT-KR2-api-work.okrKeyResult'), 'PLAT-KR2');
  git('switch', '--quiet', before);
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
