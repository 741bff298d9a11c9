// workspace: lint
// Quick fixes in a real VS Code: each fix is asked for at its diagnostic, applied, and
// the whole file compared with the expected text (comments and formatting elsewhere
// untouched); then "fix all" through source.fixAll.okr and the command.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandId } from '../../src/extension/command-ids';
import { diagnosticCode, okrStore, revertToDisk, waitFor, waitUntil, workspaceFile } from './helpers';

const FILE = 'fixes.okr.yaml';
const codeOf = diagnosticCode;

let original = '';
let document: vscode.TextDocument;

/** Replaces `from` (which must occur once) in the original text. */
function expected(from: string, to: string): string {
  assert.equal(original.split(from).length, 2, `"${from}" occurs once in ${FILE}`);
  return original.replace(from, to);
}

async function diagnosticAt(line: number, ruleId: string): Promise<vscode.Diagnostic> {
  return waitFor(
    `a ${ruleId} diagnostic on line ${line}`,
    () =>
      vscode.languages
        .getDiagnostics(document.uri)
        .find((d) => d.source === 'okr-lens' && codeOf(d) === ruleId && d.range.start.line + 1 === line),
    { wakeOn: vscode.languages.onDidChangeDiagnostics },
  );
}

async function actionsAt(range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    kind,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a || 'isPreferred' in a);
}

async function action(line: number, ruleId: string, title: string): Promise<vscode.CodeAction> {
  const d = await diagnosticAt(line, ruleId);
  const actions = await actionsAt(d.range, vscode.CodeActionKind.QuickFix.value);
  const found = actions.find((a) => a.title === title);
  assert.ok(found, `no action "${title}" at line ${line}; got: ${actions.map((a) => a.title).join(' | ')}`);
  return found;
}

async function apply(a: vscode.CodeAction): Promise<string> {
  assert.ok(a.edit, `"${a.title}" has an edit`);
  assert.ok(await vscode.workspace.applyEdit(a.edit));
  return document.getText();
}

describe('Quick fixes', function () {
  this.timeout(60_000);
  before(async () => {
    await okrStore();
    original = fs.readFileSync(workspaceFile(FILE).fsPath, 'utf8');
  });

  beforeEach(async () => {
    document = await vscode.workspace.openTextDocument(workspaceFile(FILE));
    await vscode.window.showTextDocument(document);
    if (document.getText() !== original) await revertToDisk(document);
    assert.equal(document.getText(), original);
  });

  afterEach(async () => {
    await revertToDisk(document);
    assert.equal(document.getText(), original, 'the file on disk is as before the suite');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renames a misspelled key, as the preferred fix', async () => {
    const fix = await action(20, 'schema', 'Rename `statsu` to `status`');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(await apply(fix), expected('        statsu: active   # expect: schema\n', '        status: active   # expect: schema\n'));
  });

  it('adds reason: to a dropped objective, with the cursor in the value to write', async () => {
    const fix = await action(29, 'dropped-without-reason', 'Add `reason:`');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.edit, undefined, 'a command places the cursor; an edit could not');
    assert.ok(fix.command);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.equal(
      document.getText(),
      expected(
        '    status: dropped   # expect: dropped-without-reason\n',
        '    status: dropped   # expect: dropped-without-reason\n    reason: \n',
      ),
    );
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.ok(editor);
    const cursor = editor.selection.active;
    assert.deepEqual([cursor.line, cursor.character], [29, '    reason: '.length], 'the cursor waits after `reason: `');
    // Typing goes into the value.
    await vscode.commands.executeCommand('type', { text: 'merged into SRCH-O1' });
    assert.match(document.getText(), /\n {4}reason: merged into SRCH-O1\n/);
  });

  it('adds period: with the current quarter (of okr.lint.today)', async () => {
    const fix = await action(7, 'not-time-bound', 'Add `period: 2026-Q4`');
    assert.equal(
      await apply(fix),
      expected('team: Search   # the squad, not the tribe\n', 'team: Search   # the squad, not the tribe\nperiod: 2026-Q4\n'),
    );
  });

  it("moves a milestone key result to its objective's initiatives:", async () => {
    const fix = await action(24, 'kr-is-milestone', "Move SRCH-KR3 to the objective's `initiatives:`");
    const moved = expected(
      '          - { date: 2026-11-10, value: 9, confidence: 0.7 }\n      - id: SRCH-KR3\n' +
        '        title: Launch typo-tolerant search   # expect: kr-is-milestone\n        owner: ben\n        target: 1\n',
      '          - { date: 2026-11-10, value: 9, confidence: 0.7 }\n    initiatives:\n' +
        '      - { id: SRCH-KR3, title: Launch typo-tolerant search, owner: ben, status: planned }\n',
    );
    assert.equal(await apply(fix), moved);
  });

  it('adds start: for a key result without a baseline, with the cursor where the value goes', async () => {
    const fix = await action(11, 'kr-no-baseline', 'Add `start:` (the value when the period began)');
    assert.notEqual(fix.isPreferred, true, "the value is the user's to give: not a certain fix");
    assert.equal(fix.edit, undefined, 'a command places the cursor; an edit could not');
    assert.ok(fix.command);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.equal(
      document.getText(),
      expected('        owner: ana\n        target: 45\n', '        owner: ana\n        start: \n        target: 45\n'),
    );
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    const cursor = editor.selection.active;
    assert.deepEqual([cursor.line, cursor.character], [12, '        start: '.length], 'the cursor waits after `start: `');
  });

  it('disables a rule for one line with a comment above it, keeping its indentation', async () => {
    const fix = await action(11, 'kr-no-baseline', 'Disable kr-no-baseline for this line');
    const text = await apply(fix);
    assert.equal(
      text,
      expected(
        '      - id: SRCH-KR1\n        title: Raise',
        '      - id: SRCH-KR1\n        # okr-lint-disable-next-line kr-no-baseline\n        title: Raise',
      ),
    );
    await waitUntil(
      'the kr-no-baseline diagnostic to go',
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'kr-no-baseline'),
      {
        wakeOn: vscode.languages.onDidChangeDiagnostics,
      },
    );
  });

  it('disables a rule for the file below its header comment', async () => {
    const fix = await action(24, 'kr-is-milestone', 'Disable kr-is-milestone for this file');
    assert.equal(
      await apply(fix),
      expected(
        'compares the whole file with what it expects; these comments must survive.\n',
        'compares the whole file with what it expects; these comments must survive.\n# okr-lint-disable kr-is-milestone\n',
      ),
    );
    await waitUntil(
      'the kr-is-milestone diagnostic to go',
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'kr-is-milestone'),
      {
        wakeOn: vscode.languages.onDidChangeDiagnostics,
      },
    );
  });

  it("shows the rule's documentation in the Markdown preview", async () => {
    const docs = await action(20, 'schema', 'Show documentation for schema');
    assert.equal(docs.command?.command, CommandId.ShowRuleDocs);
    assert.deepEqual(docs.command?.arguments, ['schema']);
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    await waitUntil('a preview of schema.md', () =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.label.includes('schema.md') && t.input instanceof vscode.TabInputWebview),
      ),
    );
    // Rendered from a read-only document, never from the extension's own file: no editor of it opens, and it cannot be written.
    const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'okr-rule-docs', path: '/schema.md' }));
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'okr-lens')!;
    assert.equal(page.getText(), fs.readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'schema.md').fsPath, 'utf8'));
    assert.equal(vscode.workspace.fs.isWritableFileSystem('okr-rule-docs'), false, 'the page is read-only');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(page.uri, Buffer.from('x'))), 'nothing can be saved to it');
    assert.ok(
      !vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath.endsWith(['docs', 'rules', 'schema.md'].join('/'))),
      'the raw file is not open',
    );

    // The diagnostic's rule link runs the same command: the same page.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const link = ((await diagnosticAt(20, 'schema')).code as { target: vscode.Uri }).target;
    await vscode.commands.executeCommand(link.path, ...(JSON.parse(link.query) as unknown[]));
    await waitUntil('the preview again, from the link', () =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.label.includes('schema.md') && t.input instanceof vscode.TabInputWebview),
      ),
    );
  });

  it('offers every fix in one source.fixAll.okr action, and leaves the baseline to the user', async () => {
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    await diagnosticAt(20, 'schema');
    const actions = await actionsAt(range, 'source.fixAll.okr');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all auto-fixable OKR problems', 'source.fixAll.okr']],
    );
    assert.equal((await actionsAt(range, 'source.fixAll')).length, 1, 'a plain source.fixAll request (on save) gets it too');
    assert.equal(await apply(actions[0]), FIXED);
  });

  it('offers "fix all" beside a fixable problem too', async () => {
    const fixAll = await action(20, 'schema', 'Fix all auto-fixable problems in this file');
    assert.equal(await apply(fixAll), FIXED);
  });

  it('fixes everything with the Fix All command', async () => {
    await diagnosticAt(20, 'schema');
    await vscode.commands.executeCommand(CommandId.FixAll);
    await waitUntil('the fixes to land', () => document.getText() === FIXED, { describe: () => document.getText() });
  });

  it('never fails on broken YAML: the syntax error gets its documentation, not a suppression', async () => {
    const broken = await vscode.workspace.openTextDocument(workspaceFile('broken.okr.yaml'));
    const d = await waitFor(
      'the syntax diagnostic',
      () => vscode.languages.getDiagnostics(broken.uri).find((x) => codeOf(x) === 'syntax'),
      {
        wakeOn: vscode.languages.onDidChangeDiagnostics,
      },
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', broken.uri, d.range);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Show documentation for syntax'],
    );
  });
});

// fixes.okr.yaml after "fix all": period added, key renamed, reason added, milestone moved.
const FIXED = `# Search squad, one problem per quick fix. The code-actions suite applies each fix
# and compares the whole file with what it expects; these comments must survive.
version: 1
team: Search   # the squad, not the tribe
period: 2026-Q4
objectives:
  - id: SRCH-O1
    title: People find what they came for   # expect: not-time-bound
    owner: ana
    key_results:
      - id: SRCH-KR1
        title: Raise the click-through rate of first results to 45%   # expect: kr-no-baseline
        owner: ana
        target: 45
        check_ins:
          - { date: 2026-11-10, value: 38, confidence: 0.5 }
      - id: SRCH-KR2
        title: Cut zero-result searches from 12% to 4%
        start: 12
        target: 4
        status: active   # expect: schema
        check_ins:
          - { date: 2026-11-10, value: 9, confidence: 0.7 }
    initiatives:
      - { id: SRCH-KR3, title: Launch typo-tolerant search, owner: ben, status: planned }
  - id: SRCH-O2
    title: Search works in every language we sell in
    status: dropped   # expect: dropped-without-reason
    reason:
    key_results:
      - { id: SRCH-KR4, title: Grow non-English search sessions from 5k to 20k, start: 5000, target: 20000 }
`;
