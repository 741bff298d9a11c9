// The OKR Lens sidebar: the activity bar icon opens the Objectives view, which lists
// each OKR file's objectives, key results and initiatives with progress, pace,
// confidence, owner, linked work and a health icon.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('./runner');
const { eventually } = require('./workbench');

// What the view shows for test/workspaces/ui with today pinned to 2026-11-15 (half way
// through 2026-Q4): label, description, and the codicon of the health icon.
const PLATFORM_ROWS = [
  { level: 1, label: 'Platform · 2026-Q4', description: 'platform.okr.yaml' },
  { level: 2, label: 'Customers can rely on our platform', description: '52% · PLAT-O1 · dana', icon: 'ring-at-risk-50' },
  {
    level: 3,
    label: 'Reduce P1 incidents from twelve to four per quarter',
    description: '38% · PLAT-KR1 · behind pace by 12% · 60% confident · dana · 2 commits · 3d ago',
    icon: 'ring-at-risk-40',
  },
  {
    level: 3,
    label: 'Raise core API availability from 99.5% to 99.95%',
    description: '67% · PLAT-KR2 · ahead of pace by 17% · 70% confident · li · 1 commit · 5d ago',
    icon: 'ring-on-track-70',
  },
  { level: 3, label: 'Canary deploys for every service', description: 'PLAT-I1 · in progress · li', icon: 'codicon-rocket' },
  {
    level: 2,
    label: 'Every change reaches production quickly and safely',
    description: '43% · PLAT-O2 · behind pace by 8% · li',
    icon: 'ring-at-risk-40',
  },
  {
    level: 3,
    label: 'Cut the median deploy time from 40 to 10 minutes',
    description: '60% · PLAT-KR3 · ahead of pace by 10% · 80% confident · li · 1 commit · 2w ago · no recent commits',
    icon: 'ring-on-track-60',
  },
  {
    level: 3,
    label: 'Increase the share of deploys without a rollback from 85% to 97%',
    description: '25% · PLAT-KR4 · behind pace by 25% · 40% confident · omar · 1 commit · 2d ago',
    icon: 'ring-at-risk-30',
  },
];

const MOBILE_ROWS = [
  { level: 1, label: 'Mobile · 2026-Q4', description: 'teams/mobile.okr.yaml · 1 error' },
  { level: 2, label: 'Migrate the app to the new design system', description: '47% · MOB-O1 · lee', icon: 'ring-at-risk-50' },
  {
    level: 3,
    label: 'Ship the redesigned checkout by December',
    description: 'MOB-KR1 · no data · lee · check-in 31 days late · no commits',
    icon: 'ring-unknown',
  },
  {
    level: 3,
    label: 'Reduce cold start time on Android from 3.2 s to 1.5 s',
    description: '47% · MOB-KR2 · 50% confident · kim · 1 commit · 4d ago',
    icon: 'ring-at-risk-50',
  },
  { level: 2, label: 'People who try the app keep using it', description: 'MOB-O2 · dropped · kim', icon: 'ring-dropped' },
  { level: 3, label: 'MOB-KR3', description: 'dropped · no commits', icon: 'ring-dropped' },
];

/** The rows of one file's subtree (its file row and everything under it), as `expected` lists them. */
function subtree(rows, fileLabel) {
  const start = rows.findIndex((r) => r.level === 1 && r.label === fileLabel);
  if (start < 0) return [];
  let end = start + 1;
  while (end < rows.length && rows[end].level > 1) end++;
  return rows
    .slice(start, end)
    .map(({ level, label, description, icon }) => (level === 1 ? { level, label, description } : { level, label, description, icon }));
}

test('the OKR Lens icon opens the Objectives view with every objective and key result', async ({ workbench, readmeScreenshot }) => {
  await workbench.openOkrView();
  // The extension activates, reads both files and the git history: wait for the last row to settle.
  await workbench.treeRow('MOB-KR3');
  const rows = await eventually(async () => {
    const now = await workbench.treeRows();
    assert.deepEqual(subtree(now, 'Platform · 2026-Q4'), PLATFORM_ROWS, 'the Platform file in the Objectives view');
    assert.deepEqual(subtree(now, 'Mobile · 2026-Q4'), MOBILE_ROWS, 'the Mobile file in the Objectives view');
    return now;
  });
  // Screen readers hear the kind of item and its health in words.
  const kr1 = rows.find((r) => r.label === 'Reduce P1 incidents from twelve to four per quarter');
  assert.equal(
    kr1.ariaLabel,
    'Key result Reduce P1 incidents from twelve to four per quarter, at risk, 38% · PLAT-KR1 · behind pace by 12% · 60% confident · ' +
      'dana · 2 commits · 3d ago',
  );
  // Objectives start expanded; key results with linked commits are collapsed, the others are leaves.
  assert.equal(rows.find((r) => r.label === 'Customers can rely on our platform').expanded, true);
  assert.equal(kr1.expanded, false);
  assert.equal(rows.find((r) => r.label === 'Ship the redesigned checkout by December').expanded, undefined);

  await readmeScreenshot(
    'sidebar',
    async () => {
      // One editor beside the view: whatever opened on the first run (the walkthrough) would split the editor area.
      await workbench.runCommand('View: Close All Editor Groups');
      await workbench.openFile('teams/mobile.okr.yaml');
      await eventually(async () => assert.ok((await workbench.squiggles()).warnings > 0, 'lint squiggles in mobile.okr.yaml'));
      await workbench.setSidebarWidth(560);
      // A key result's tooltip: start, target, current, the last check-in, linked work.
      const tooltip = await workbench.hoverTreeRow('Reduce cold start time on Android from 3.2 s to 1.5 s');
      assert.match(tooltip, /Current: 2\.4 s/);
    },
    { parkMouse: false },
  );
});

test('OKR: Hide Done and Dropped Items from the command palette hides the dropped objective', async ({ workbench }) => {
  await workbench.openOkrView();
  await workbench.treeRow('People who try the app keep using it');
  await workbench.runCommand('OKR: Hide Done and Dropped Items');
  await eventually(async () => {
    const labels = (await workbench.treeRows()).map((r) => r.label);
    assert.ok(
      !labels.includes('People who try the app keep using it'),
      `the dropped objective MOB-O2 is still shown: ${labels.join(' | ')}`,
    );
    assert.ok(labels.includes('Migrate the app to the new design system'), `the active objective MOB-O1 went too: ${labels.join(' | ')}`);
  });
  // The palette now offers the opposite command, which brings the objective back.
  await workbench.runCommand('OKR: Show Done and Dropped Items');
  await workbench.treeRow('People who try the app keep using it');
});

test('right-to-left titles, teams and owners leave the figures beside them in place (an Arabic team, title and owner)', async ({
  workbench,
  page,
  workspace,
}) => {
  const file = path.join(workspace, 'rtl.okr.yaml');
  fs.writeFileSync(
    file,
    [
      'version: 1',
      'team: تطبيق',
      'period: 2026-Q4',
      'objectives:',
      '  - id: RTL-O1',
      '    title: تطبيق سريع يحبه الناس',
      '    owner: זאב',
      '    key_results:',
      '      - { id: RTL-KR1, title: خفض وقت البدء, owner: זאב, start: 10, target: 0, current: 5, check_ins: [{ date: 2026-11-14, value: 5 }] }',
      '',
    ].join('\n'),
  );
  const sidebar = page.locator('[id="workbench.parts.sidebar"]');
  try {
    await workbench.openOkrView();
    const width = (await sidebar.boundingBox()).width;
    await workbench.setSidebarWidth(700);
    try {
      // Where each piece of a row is drawn: a figure after right-to-left text is drawn after it (to its right in the
      // left-to-right view), not pulled into its run ("50" before an Arabic title and "%" after it).
      await eventually(async () => {
        const drawn = await page
          .locator('[id="workbench.view.extension.okr"] .monaco-list[role=tree] [role=treeitem]')
          .evaluateAll((rows) => {
            const rect = (el, text) => {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(text);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + text.length);
                const r = range.getBoundingClientRect();
                return { left: Math.round(r.left), right: Math.round(r.right) };
              }
              return undefined;
            };
            const row = (...texts) => rows.find((r) => texts.every((t) => (r.querySelector('.label-name')?.textContent ?? '').includes(t)));
            const fileRow = row('تطبيق', '2026-Q4');
            const objective = row('تطبيق سريع');
            const keyResult = row('خفض وقت البدء');
            const label = (r) => r.querySelector('.label-name');
            const description = (r) => r.querySelector('.label-description');
            return {
              file: fileRow ? { team: rect(label(fileRow), 'تطبيق'), period: rect(label(fileRow), '2026-Q4') } : undefined,
              objective: objective
                ? { title: label(objective).getBoundingClientRect().right, progress: rect(description(objective), '50%') }
                : undefined,
              keyResult: keyResult
                ? {
                    title: label(keyResult).getBoundingClientRect().right,
                    progress: rect(description(keyResult), '50%'),
                    id: rect(description(keyResult), 'RTL-KR1'),
                  }
                : undefined,
            };
          });
        assert.ok(drawn.file?.team && drawn.file.period, `the file row: ${JSON.stringify(drawn.file)}`);
        assert.ok(drawn.file.period.left >= drawn.file.team.right - 1, `"2026-Q4" is drawn after the team: ${JSON.stringify(drawn.file)}`);
        assert.ok(drawn.objective?.progress, `the objective row: ${JSON.stringify(drawn.objective)}`);
        assert.ok(
          drawn.objective.progress.left >= drawn.objective.title - 1,
          `"50%" is drawn after the title: ${JSON.stringify(drawn.objective)}`,
        );
        assert.ok(drawn.keyResult?.progress && drawn.keyResult.id, `the key result row: ${JSON.stringify(drawn.keyResult)}`);
        assert.ok(
          drawn.keyResult.progress.left >= drawn.keyResult.title - 1,
          `"50%" is drawn after the title: ${JSON.stringify(drawn.keyResult)}`,
        );
        assert.ok(
          drawn.keyResult.id.left >= drawn.keyResult.progress.right,
          `the id after the progress: ${JSON.stringify(drawn.keyResult)}`,
        );
      });
    } finally {
      await workbench.setSidebarWidth(Math.round(width));
    }
  } finally {
    fs.rmSync(file, { force: true });
    await eventually(async () => {
      const labels = (await workbench.treeRows()).map((r) => r.label);
      assert.ok(!labels.some((l) => l.includes('تطبيق')), `rtl.okr.yaml is still in the tree: ${labels.join(' | ')}`);
    });
  }
});
