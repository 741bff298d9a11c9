// Lint in the editor: an OKR file with the classic anti-patterns, opened with Quick
// Open, shows squiggles, and the Problems panel lists each finding with its rule id,
// the source `okr-lens`, and a link to the rule's page in the installed extension.
'use strict';

const assert = require('node:assert/strict');
const { test } = require('./runner');
const { eventually } = require('./workbench');

// test/workspaces/ui/teams/mobile.okr.yaml, in the order the panel sorts them (errors first, then by line).
const EXPECTED = [
  { severity: 'error', code: 'schema', line: '[Ln 30, Col 9]' },
  { severity: 'warning', code: 'objective-is-task', line: '[Ln 7, Col 12]' },
  { severity: 'warning', code: 'kr-is-milestone', line: '[Ln 11, Col 16]' },
  { severity: 'warning', code: 'stale-check-in', line: '[Ln 11, Col 16]' },
  { severity: 'warning', code: 'dropped-without-reason', line: '[Ln 27, Col 13]' },
];

test('an OKR file with anti-patterns shows squiggles and its rule ids in the Problems panel', async ({ workbench, readmeScreenshot }) => {
  await workbench.openFile('teams/mobile.okr.yaml');
  await eventually(async () => {
    const shown = await workbench.squiggles();
    assert.ok(shown.errors >= 1 && shown.warnings >= 3, `squiggles in mobile.okr.yaml: ${JSON.stringify(shown)}`);
  });

  await workbench.openProblems();
  const markers = await eventually(async () => {
    const rows = await workbench.problems();
    const file = rows.findIndex((r) => r.kind === 'file' && r.ariaLabel.includes('mobile.okr.yaml'));
    assert.ok(file >= 0, `the Problems panel lists mobile.okr.yaml: ${rows.map((r) => r.ariaLabel).join(' | ')}`);
    const under = [];
    for (let i = file + 1; i < rows.length && rows[i].kind === 'marker'; i++) under.push(rows[i]);
    assert.deepEqual(
      under.map(({ severity, code, line }) => ({ severity, code, line })),
      EXPECTED,
      'the findings of mobile.okr.yaml in the Problems panel',
    );
    return under;
  });
  for (const m of markers) {
    assert.equal(m.source, 'okr-lens', `the source of "${m.message}"`);
    // The rule id links to its page, rendered and read-only: a command, not the editable file.
    assert.equal(decodeURIComponent(m.codeLink), `command:okr.showRuleDocs?["${m.code}"]`, `the link of ${m.code}`);
  }
  assert.match(markers.find((m) => m.code === 'schema').message, /Unknown key `titel`.*Did you mean `title`\?/);
  assert.match(markers.find((m) => m.code === 'dropped-without-reason').message, /MOB-O2 is dropped without a `reason:`/);

  await readmeScreenshot('problems', async () => {
    await workbench.openOkrView();
    // A narrow side bar leaves the Problems panel room for the messages.
    await workbench.setSidebarWidth(330);
  });
});
