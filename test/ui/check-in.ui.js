// Check In from the sidebar: the inline action of a key result opens the quick input
// (value, confidence, note prefilled with the commits linked since the last check-in);
// once it is done the tree's progress for that key result changes. A due key result
// carries its quiet marker in the tree, and the status bar counts what is due.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('./runner');
const { eventually, SELECTORS } = require('./workbench');

const KR1 = 'Reduce P1 incidents from twelve to four per quarter';

test('Check In from the tree: value, confidence, a note prefilled from the linked commits; the tree shows the new progress', async ({
  workbench,
  page,
  readmeScreenshot,
}) => {
  await workbench.openOkrView();
  // One editor group: the file beside the tree, at full width.
  await workbench.runCommand('View: Single Column Editor Layout');
  // The file beside the tree (and no toast over the quick input: the screenshot must not close it).
  try {
    await workbench.openFile('platform.okr.yaml');
  } catch {
    // Run first (a --grep), the workbench may still be opening the walkthrough, which takes the focus from Quick Open.
    await workbench.openFile('platform.okr.yaml');
  }
  await workbench.setSidebarWidth(560);
  await workbench.dismissNotifications();
  const before = await eventually(async () => {
    const row = (await workbench.treeRows()).find((r) => r.label === KR1);
    assert.match(row?.description ?? '', /^38% · PLAT-KR1 · .* · 2 commits · 3d ago$/, 'PLAT-KR1 before the check-in');
    return row;
  });
  assert.ok(before);

  // The inline action shows on hover.
  const row = await workbench.treeRow(KR1);
  await row.hover();
  await row.locator('.actions .action-label[aria-label="Check In..."]').click();

  const title = page.locator(SELECTORS.quickInputTitle);
  const box = page.locator(SELECTORS.quickInputBox);
  await eventually(async () => assert.match((await title.innerText()).trim(), /^Check In: PLAT-KR1 Reduce P1 incidents/));
  await eventually(async () => assert.equal(await box.inputValue(), '9', 'the value is prefilled with the current one'));
  await box.fill('6');
  await page.keyboard.press('Enter');

  // Confidence: a pick; typing filters it down to one choice.
  await eventually(async () => assert.ok((await workbench.quickInputLabels()).includes('0.7'), 'the confidence choices'));
  await box.fill('0.7');
  await eventually(async () => assert.deepEqual(await workbench.quickInputLabels(), ['0.7']));
  await page.keyboard.press('Enter');

  // The note: the subject of the commit linked since the last check-in (2026-11-10), not the older one.
  await eventually(async () =>
    assert.equal(
      await box.inputValue(),
      'Page the on-call only for customer-facing alerts',
      'the note is prefilled from the linked commits',
    ),
  );
  await readmeScreenshot('check-in', async () => {});
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });

  // (12 - 6) / (12 - 4) = 75%.
  await eventually(async () => {
    const after = (await workbench.treeRows()).find((r) => r.label === KR1);
    assert.match(after?.description ?? '', /^75% · PLAT-KR1 · /, 'PLAT-KR1 after the check-in');
  });
});

test('a due key result has a quiet marker in the tree; the status bar counts the check-ins due, and a click walks through them (Skip writes nothing)', async ({
  workbench,
  page,
  workspace,
  readmeScreenshot,
}) => {
  await workbench.openOkrView();
  // MOB-KR1 has had no check-in since the period started on 2026-10-01: 31 days past its 14.
  await eventually(async () => {
    const row = (await workbench.treeRows()).find((r) => r.label === 'Ship the redesigned checkout by December');
    assert.equal(row?.description, 'MOB-KR1 · no data · lee · check-in 31 days late · no commits');
  });
  const item = page.locator('[id="workbench.parts.statusbar"] .statusbar-item', { hasText: /^\s*1 check-in due\s*$/ });
  await item.first().waitFor({ state: 'visible' });
  assert.equal(await item.first().locator('.codicon-bell').count(), 1, 'a bell before the count');
  await readmeScreenshot('check-ins-due', async () => {
    await workbench.runCommand('View: Single Column Editor Layout');
    await workbench.openFile('teams/mobile.okr.yaml');
    // Wide enough for MOB-KR1's whole row, marker included.
    await workbench.setSidebarWidth(760);
  });

  // A click on the item walks through the due key results; Skip goes on without writing.
  const before = fs.readFileSync(path.join(workspace, 'teams', 'mobile.okr.yaml'), 'utf8');
  await item.first().click();
  const title = page.locator(SELECTORS.quickInputTitle);
  await eventually(async () =>
    assert.match((await title.innerText()).trim(), /^Check In \(1 of 1\): MOB-KR1 Ship the redesigned checkout/),
  );
  await page.locator(`${SELECTORS.quickInput} .action-label[aria-label="Skip this key result"]`).click();
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
  assert.equal(fs.readFileSync(path.join(workspace, 'teams', 'mobile.okr.yaml'), 'utf8'), before, 'Skip writes nothing');
});
