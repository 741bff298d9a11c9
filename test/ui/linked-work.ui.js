// Linked work: a key result whose commits carry its `Key-Result:` trailer expands to
// those commits; a click on one shows the commit, trailer included.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('./runner');
const { eventually } = require('./workbench');

test('a key result with linked commits expands to them, and a commit opens with its Key-Result trailer', async ({
  workbench,
  readmeScreenshot,
}) => {
  await workbench.openOkrView();
  const kr = await workbench.expandTreeRow('Reduce P1 incidents from twelve to four per quarter');
  const level = Number(await kr.getAttribute('aria-level'));
  const commits = await eventually(async () => {
    const rows = await workbench.treeRows();
    const at = rows.findIndex((r) => r.label === 'Reduce P1 incidents from twelve to four per quarter');
    const children = [];
    for (let i = at + 1; i < rows.length && rows[i].level > level; i++) children.push(rows[i]);
    // Newest first, each with its author and age (today is pinned to 2026-11-15).
    assert.deepEqual(
      children.map(({ level: l, label, description, icon }) => ({ level: l, label, description, icon })),
      [
        {
          level: level + 1,
          label: 'Page the on-call only for customer-facing alerts',
          description: 'OKR Lens Tests · 3d ago',
          icon: 'codicon-git-commit',
        },
        {
          level: level + 1,
          label: 'Send a canary to 5% of the fleet before every rollout',
          description: 'OKR Lens Tests · 11d ago',
          icon: 'codicon-git-commit',
        },
      ],
      'the commits under PLAT-KR1',
    );
    return children;
  });
  assert.equal(commits.length, 2);

  await (await workbench.treeRow('Send a canary to 5% of the fleet before every rollout')).click();
  const text = await eventually(async () => {
    const label = await workbench.activeTabLabel();
    assert.match(label ?? '', /^[0-9a-f]{10}\.commit\b/, 'the active tab is a commit');
    const shown = await workbench.activeEditorText();
    assert.match(shown, /^ {4}Send a canary to 5% of the fleet before every rollout$/m, 'the commit subject');
    return shown;
  });
  assert.match(text, /^ {4}Key-Result: PLAT-KR1$/m, 'the commit shows its Key-Result trailer');
  assert.match(text, /^commit [0-9a-f]{40}$/m);

  await readmeScreenshot('linked-work', async () => {
    await workbench.setSidebarWidth(560);
  });
});
