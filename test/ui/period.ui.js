// OKR: Start Next Period... as a user meets it: from the palette on the open Mobile
// file, the new period offered in an input box, the unfinished key results in a
// multi-select picker (all checked), one unchecked; then the closed period kept in
// its folder byte for byte, the new file open in the editor, and both in the sidebar.
// It runs last: it rewrites teams/mobile.okr.yaml and adds teams/2026-Q4/.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('./runner');
const { eventually } = require('./workbench');

test('OKR: Close Period... on a file whose period runs on says so at once, before asking for the retro', async ({
  workbench,
  page,
  workspace,
}) => {
  const file = path.join(workspace, 'platform.okr.yaml');
  const before = fs.readFileSync(file, 'utf8');
  await workbench.openOkrView();
  await workbench.treeRow('Customers can rely on our platform');
  await workbench.openFile('platform.okr.yaml');
  await eventually(async () => workbench.runCommand('OKR: Close Period...'));
  // Today is 2026-11-15, 46 days before 2026-Q4 ends: the warning comes first, and no input box asks what went well
  // (answers typed there were thrown away when the close was refused after the third).
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'cannot close this file' });
  await toast.first().waitFor({ state: 'visible' });
  assert.equal(
    (await toast.first().locator('.notification-list-item-message').innerText()).trim(),
    'OKR Lens: cannot close this file: the period runs until 2026-12-31; it can be closed from 14 days before its end.',
  );
  assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no retro input box is open');
  assert.equal(fs.readFileSync(file, 'utf8'), before, 'the file is unchanged');
});

test('OKR: Start Next Period... asks the period and the key results to carry, keeps the closed period, opens the new one', async ({
  workbench,
  page,
  workspace,
  readmeScreenshot,
}) => {
  const file = path.join(workspace, 'teams', 'mobile.okr.yaml');
  const archive = path.join(workspace, 'teams', '2026-Q4', 'mobile.okr.yaml');
  const before = fs.readFileSync(file, 'utf8');
  assert.ok(!fs.existsSync(archive), `${archive} exists before the command ran`);
  // The sidebar first: the palette offers the command once OKR Lens has found the OKR files.
  await workbench.openOkrView();
  await workbench.treeRow('Mobile · 2026-Q4');
  await workbench.openFile('teams/mobile.okr.yaml');
  await eventually(async () => workbench.runCommand('OKR: Start Next Period...'));

  // 1/2: the next quarter, offered and editable.
  const title = page.locator('.quick-input-widget .quick-input-title');
  await title.filter({ hasText: 'OKR: Start Next Period (1/2)' }).waitFor({ state: 'visible' });
  const box = page.locator('.quick-input-widget .quick-input-box input');
  await eventually(async () => assert.equal(await box.inputValue(), '2027-Q1'));
  await box.fill('2027 Q1');
  const message = page.locator('.quick-input-widget .quick-input-message');
  await eventually(async () => assert.match(await message.innerText(), /A quarter such as 2027-Q1/));
  await box.fill('2027-Q1');
  await eventually(async () => assert.doesNotMatch(await message.innerText(), /A quarter such as/));
  await page.keyboard.press('Enter');

  // 2/2: the unfinished key results, every one checked; the dropped objective's are not offered.
  await title.filter({ hasText: 'OKR: Start Next Period (2/2)' }).waitFor({ state: 'visible' });
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await eventually(async () => {
    const labels = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')} [${e.getAttribute('aria-checked')}]`));
    assert.equal(labels.length, 2, labels.join(' | '));
    assert.match(labels[0], /^MOB-KR1\b.*not graded.*\[true\]$/);
    assert.match(labels[1], /^MOB-KR2\b.*\[true\]$/);
  });
  // Leave the milestone behind: uncheck it, as a user clicks its box.
  await rows.filter({ hasText: 'MOB-KR1' }).first().locator('.monaco-checkbox').first().click();
  await eventually(async () => assert.equal(await rows.filter({ hasText: 'MOB-KR1' }).first().getAttribute('aria-checked'), 'false'));
  // OK, as a user clicks it (Enter would go to the checkbox that has the focus now).
  await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

  // The closed period, byte for byte, in its folder; the new period in the file's place, open.
  await eventually(() => assert.equal(fs.existsSync(archive) && fs.readFileSync(archive, 'utf8'), before));
  let next = '';
  await eventually(() => {
    next = fs.readFileSync(file, 'utf8');
    assert.match(next, /^period: 2027-Q1$/m);
  });
  assert.match(next, /carried_from: MOB-KR2@2026-Q4/);
  assert.doesNotMatch(next, /MOB-KR1@|MOB-KR3/);
  await workbench.waitForActiveTab('mobile.okr.yaml');
  await eventually(async () =>
    assert.match(await workbench.activeEditorText(), /Mobile: OKRs for 2027-Q1, started on 2026-11-15 from 2026-Q4/),
  );
  await page
    .locator('.notifications-toasts', { hasText: 'started 2027-Q1 in teams/mobile.okr.yaml, carrying MOB-KR2 as MOB-KR4' })
    .waitFor({ state: 'visible' });

  // Both periods in the sidebar.
  await workbench.openOkrView();
  await workbench.treeRow('Mobile · 2027-Q1');
  await workbench.treeRow('Mobile · 2026-Q4');
  await readmeScreenshot('next-period', async () => {
    // One editor: the new period's file (the walkthrough of a first start may share the window).
    await workbench.runCommand('View: Join All Editor Groups');
    await workbench.runCommand('View: Close Other Editors in Group');
    await workbench.waitForActiveTab('mobile.okr.yaml');
  });
});
