// workspace: git
// The git features in a real VS Code with the built-in git extension, on the `git`
// workspace (a real repository: on main, PLAT-KR1 has two commits, PLAT-KR2 one a
// month old, and one commit names nothing; `okr.lint.today` is 2026-11-15). The suite
// makes its branches and commits with the git CLI (an argument array, never a shell).

import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { StartWorkResult, TagResult, UntaggedResult } from '../../src/extension/git/commands';
import type { GitAPI, GitExtension, GitRepository } from '../../src/extension/git/git-api';
import type { GitStatusSnapshot } from '../../src/extension/git/status-bar';
import type { ObjectivesTreeNode, ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { acceptingPrompts, okrLens, waitFor as waitForCondition, workspaceRoot } from './helpers';

const run = promisify(execFile);
const root = () => workspaceRoot().fsPath;
const viewHandle = () => okrLens<ObjectivesViewHandle>('_okr.objectivesView');

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root(), env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout.replace(/\n$/, '');
}

/** `waitFor` with what was last seen in the message of a timeout. */
function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, describe?: () => unknown): Promise<T> {
  return waitForCondition(what, check, { describe });
}

async function gitRepository(): Promise<GitRepository> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the built-in git extension is missing');
  const exports = extension.isActive ? extension.exports : await extension.activate();
  const api: GitAPI = exports.getAPI(1);
  const wanted = path.resolve(root());
  return waitFor('the git extension to open the workspace repository', () =>
    api.repositories.find((r) => path.resolve(r.rootUri.fsPath) === wanted),
  );
}

const status = () => vscode.commands.executeCommand<GitStatusSnapshot>('_okr.gitStatus');

async function keyResultNode(handle: ObjectivesViewHandle, id: string): Promise<ObjectivesTreeNode> {
  for (const objective of await handle.provider.getChildren()) {
    for (const child of await handle.provider.getChildren(objective)) {
      if (child.kind === 'keyResult' && child.entry.keyResult.id === id) return child;
    }
  }
  throw new Error(`no ${id} in the tree`);
}

function describeItem(handle: ObjectivesViewHandle, node: ObjectivesTreeNode): string {
  const item = handle.provider.getTreeItem(node);
  return typeof item.description === 'string' ? item.description : '';
}

describe('git features', function () {
  this.timeout(90_000);
  let handle: ObjectivesViewHandle;
  let repository: GitRepository;

  before(async () => {
    handle = await viewHandle();
    repository = await gitRepository();
    await waitFor('the OKR file in the tree', async () => ((await handle.provider.getChildren()).length === 2 ? true : undefined));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows no key result in the status bar on main, which names none', async () => {
    const s = await waitFor('the status bar to know the branch', async () => {
      const snapshot = await status();
      return snapshot.branch === 'main' ? snapshot : undefined;
    });
    assert.equal(s.visible, false);
    assert.equal(s.keyResultId, undefined);
  });

  it("lists each key result's linked commits in the tree, newest first, and marks quiet ones", async () => {
    const kr1 = await keyResultNode(handle, 'PLAT-KR1');
    const commits = await waitFor(
      'the linked commits of PLAT-KR1',
      async () => {
        const children = await handle.provider.getChildren(await keyResultNode(handle, 'PLAT-KR1'));
        return children.length > 0 ? children : undefined;
      },
      () => describeItem(handle, kr1),
    );
    const shown = commits.map((c) => {
      const item = handle.provider.getTreeItem(c);
      return [typeof item.label === 'string' ? item.label : item.label?.label, c.kind];
    });
    assert.deepEqual(shown, [
      ['Add a runbook for the payment gateway', 'commit'],
      ['Page only on customer-facing errors', 'commit'],
    ]);
    const kr1Node = await keyResultNode(handle, 'PLAT-KR1');
    assert.match(describeItem(handle, kr1Node), / · 2 commits · 3d ago$/);
    assert.equal(handle.provider.getTreeItem(kr1Node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.doesNotMatch(describeItem(handle, kr1Node), /no recent commits|stale/);

    // PLAT-KR2's one commit is a month old: gone quiet in a running quarter. PLAT-KR3 has
    // none, which "no commits" says; "stale" is the lint's word for a missing check-in.
    assert.match(describeItem(handle, await keyResultNode(handle, 'PLAT-KR2')), /1 commit · .* · no recent commits$/);
    assert.match(describeItem(handle, await keyResultNode(handle, 'PLAT-KR3')), / · no commits$/);
  });

  it("on the default branch, lists the period's untagged commits (no error), and Tag... links one as a git note", async () => {
    assert.equal(await git('symbolic-ref', '--short', 'HEAD'), 'main');
    const result = await vscode.commands.executeCommand<UntaggedResult>('okr.showUntaggedCommits');
    assert.ok(result, 'Show Untagged Commits failed on main');
    assert.equal(result.since, '2026-10-01');
    assert.deepEqual(
      result.commits.map((c) => c.subject),
      ['Tidy the README', "Add the platform service and the team's Q4 OKRs"],
    );
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    // The Tag... button of a row: the key result is passed here instead of picked.
    const tidy = result.commits[0].sha;
    const head = await git('rev-parse', 'HEAD');
    const tagged = await vscode.commands.executeCommand<{ sha: string; keyResultId: string; change: string }>(
      '_okr.tagPastCommit',
      tidy,
      'plat-kr3',
    );
    assert.deepEqual(tagged, { sha: tidy, keyResultId: 'PLAT-KR3', change: 'added' });
    assert.equal(await git('notes', '--ref=refs/notes/okr-lens', 'show', tidy), 'Key-Result: PLAT-KR3');
    assert.equal(await git('rev-parse', 'HEAD'), head, 'no history rewrite');
    // The tree reads the note like a trailer.
    await waitFor(
      'PLAT-KR3 to count the tagged commit',
      async () => (describeItem(handle, await keyResultNode(handle, 'PLAT-KR3')).includes(' · 1 commit · ') ? true : undefined),
      async () => describeItem(handle, await keyResultNode(handle, 'PLAT-KR3')),
    );
    const again = await vscode.commands.executeCommand<UntaggedResult>('okr.showUntaggedCommits');
    assert.deepEqual(
      again?.commits.map((c) => c.subject),
      ["Add the platform service and the team's Q4 OKRs"],
    );
    // Put things back for the suites after this one.
    await git('notes', '--ref=refs/notes/okr-lens', 'remove', tidy);
    await vscode.commands.executeCommand('okr.refresh');
  });

  it('shows a linked commit as a read-only document when clicked', async () => {
    const [first] = await handle.provider.getChildren(await keyResultNode(handle, 'PLAT-KR1'));
    const command = handle.provider.getTreeItem(first).command;
    assert.ok(command);
    assert.equal(command.command, 'okr.showCommit');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the commit document', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'okr-commit' ? vscode.window.activeTextEditor : undefined,
    );
    const text = editor.document.getText();
    assert.match(text, /^commit [0-9a-f]{40}$/m);
    assert.match(text, /^AuthorDate: /m);
    assert.match(text, /Add a runbook for the payment gateway/);
    assert.match(text, /Key-Result: PLAT-KR1/);
    assert.match(text, /docs\/runbook\.md \| 1 \+/);
  });

  it('tags the Source Control input box, keeping what was typed, and untags it on a second run', async () => {
    const typed = 'Retry the gateway call once\n\nThe gateway drops one request in a thousand.';
    repository.inputBox.value = typed;
    const added = await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'PLAT-KR1');
    assert.equal(added?.action, 'added');
    assert.equal(repository.inputBox.value, `${typed}\n\nKey-Result: PLAT-KR1\n`);

    // One trailer per key result: a second one joins the block.
    await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'plat-kr3');
    assert.equal(repository.inputBox.value, `${typed}\n\nKey-Result: PLAT-KR1\nKey-Result: PLAT-KR3\n`);
    await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'PLAT-KR3');
    assert.equal(repository.inputBox.value, `${typed}\n\nKey-Result: PLAT-KR1\n`);

    const removed = await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'PLAT-KR1');
    assert.equal(removed?.action, 'removed');
    assert.equal(repository.inputBox.value, `${typed}\n`);
  });

  it('joins an existing trailer block (Signed-off-by stays) and gives the text back exactly', async () => {
    const typed = 'Fix the flaky deploy\n\nSigned-off-by: Dana <dana@example.com>';
    repository.inputBox.value = typed;
    await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'PLAT-KR2');
    assert.equal(repository.inputBox.value, `${typed}\nKey-Result: PLAT-KR2\n`);
    await vscode.commands.executeCommand<TagResult>('okr.tagCommit', 'PLAT-KR2');
    assert.equal(repository.inputBox.value, typed);
  });

  it('leaves the input box alone for an id that is not a key result', async () => {
    repository.inputBox.value = 'Typed';
    const result = await vscode.commands.executeCommand<TagResult | undefined>('okr.tagCommit', 'PLAT-O1');
    assert.equal(result, undefined);
    assert.equal(repository.inputBox.value, 'Typed');
    repository.inputBox.value = '';
  });

  it('Tag Commit from the palette: the first row is a key result (no separator over it), its trailer goes in the box', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    repository.inputBox.value = 'Tidy the pager config';
    // Enter on the first row (no key result of the branch on main): PLAT-KR1.
    const result = await acceptingPrompts(vscode.commands.executeCommand<TagResult>('okr.tagCommit'));
    assert.equal(result?.action, 'added');
    assert.equal(repository.inputBox.value, 'Tidy the pager config\n\nKey-Result: PLAT-KR1\n');
    repository.inputBox.value = '';
  });

  it('starts work on a key result: creates and checks out its branch, links it, shows it, and tags new commits', async () => {
    repository.inputBox.value = '';
    const result = await acceptingPrompts(vscode.commands.executeCommand<StartWorkResult>('okr.startWork', 'PLAT-KR1'));
    assert.deepEqual(result && { branch: result.branch, created: result.created }, {
      branch: 'kr/PLAT-KR1-reduce-p1-incidents-from-twelve-to-three-per-quarter',
      created: true,
    });
    assert.equal(await git('symbolic-ref', '--short', 'HEAD'), result.branch);
    assert.equal(await git('config', '--get', `branch.${result.branch}.okrKeyResult`), 'PLAT-KR1');
    assert.equal(await git('rev-parse', result.branch), await git('rev-parse', 'main'), 'the branch starts at HEAD');

    const shown = await waitFor(
      'the status bar to show PLAT-KR1',
      async () => {
        const s = await status();
        return s.visible && s.keyResultId === 'PLAT-KR1' ? s : undefined;
      },
      status,
    );
    assert.equal(shown.text, '$(target) PLAT-KR1');
    assert.equal(shown.branch, result.branch);
    assert.match(shown.tooltip, /Reduce P1 incidents from twelve to three per quarter/);
    assert.equal(shown.known, true);

    // okr.git.autoTag (on by default): the empty input box gets the trailer.
    await waitFor(
      'the trailer in the input box',
      () => (repository.inputBox.value === '\n\nKey-Result: PLAT-KR1\n' ? true : undefined),
      () => repository.inputBox.value,
    );

    // A second run finds the branch: nothing is created.
    const again = await acceptingPrompts(vscode.commands.executeCommand<StartWorkResult>('okr.startWork', 'PLAT-KR1'));
    assert.deepEqual(again && [again.branch, again.created], [result.branch, false]);
  });

  it('start work never takes away a trailer the user typed, even one that reads as OKR Lens wrote it', async () => {
    const start = await git('symbolic-ref', '--short', 'HEAD');
    // On PLAT-KR1's branch the box holds what autoTag put there; the user types the same trailer by hand.
    await waitFor(
      'the trailer in the input box',
      () => (repository.inputBox.value === '\n\nKey-Result: PLAT-KR1\n' ? true : undefined),
      () => repository.inputBox.value,
    );
    repository.inputBox.value = 'Key-Result: PLAT-KR';
    await new Promise((resolve) => setTimeout(resolve, 300));
    repository.inputBox.value = '\n\nKey-Result: PLAT-KR1\n';
    await new Promise((resolve) => setTimeout(resolve, 300));
    const other = await acceptingPrompts(vscode.commands.executeCommand<StartWorkResult>('okr.startWork', 'PLAT-KR2'));
    assert.equal(other?.created, true);
    await waitFor('the status bar to show PLAT-KR2', async () => ((await status()).keyResultId === 'PLAT-KR2' ? true : undefined), status);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(repository.inputBox.value, '\n\nKey-Result: PLAT-KR1\n');
    repository.inputBox.value = '';
    await git('switch', '--quiet', start);
  });

  it('lists the untagged commits of the branch since it left main, and updates the tree when HEAD moves', async () => {
    const file = path.join(root(), 'src', 'paging.js');
    assert.ok(existsSync(file));
    await git('-c', 'core.hooksPath=/dev/null', 'commit', '--quiet', '--allow-empty', '-m', 'Lower the paging threshold');
    await git(
      '-c',
      'core.hooksPath=/dev/null',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'Alert on gateway errors\n\nKey-Result: PLAT-KR1',
    );
    const untaggedSha = await git('rev-parse', 'HEAD~1');

    const result = await vscode.commands.executeCommand<UntaggedResult>('okr.showUntaggedCommits');
    assert.ok(result);
    assert.equal(result.base, 'main');
    assert.deepEqual(
      result.commits.map((c) => [c.sha, c.subject]),
      [[untaggedSha, 'Lower the paging threshold']],
    );

    // The new tagged commit reaches the tree without a refresh.
    await waitFor(
      'PLAT-KR1 to count the new commit',
      async () => (/^.*3 commits/.test(describeItem(handle, await keyResultNode(handle, 'PLAT-KR1'))) ? true : undefined),
      async () => describeItem(handle, await keyResultNode(handle, 'PLAT-KR1')),
    );
    const subjects = (await handle.provider.getChildren(await keyResultNode(handle, 'PLAT-KR1'))).map((c) =>
      c.kind === 'commit' ? c.commit.subject : c.kind,
    );
    assert.equal(subjects[0], 'Alert on gateway errors');
  });

  it('links a branch whose name carries no id, and follows the link in the status bar', async () => {
    await git('switch', '--quiet', '-c', 'faster-pipeline');
    const linked = await vscode.commands.executeCommand<{ branch: string; keyResultId: string }>('okr.linkBranch', 'PLAT-KR2');
    assert.deepEqual(linked, { branch: 'faster-pipeline', keyResultId: 'PLAT-KR2' });
    assert.equal(await git('config', '--get', 'branch.faster-pipeline.okrKeyResult'), 'PLAT-KR2');
    const s = await waitFor(
      'the status bar to show PLAT-KR2',
      async () => {
        const snapshot = await status();
        return snapshot.keyResultId === 'PLAT-KR2' ? snapshot : undefined;
      },
      status,
    );
    assert.equal(s.text, '$(target) PLAT-KR2');
    assert.match(s.tooltip, /linked in git config/);
  });

  it('hides the status bar item when HEAD is detached', async () => {
    await git('switch', '--quiet', '--detach', 'main');
    const s = await waitFor(
      'the status bar to hide',
      async () => {
        const snapshot = await status();
        return !snapshot.visible && snapshot.branch === undefined ? snapshot : undefined;
      },
      status,
    );
    assert.equal(s.keyResultId, undefined);
    await git('switch', '--quiet', 'main');
  });

  it('installs the commit hooks beside a hook of the user, and uninstalls them giving it back', async () => {
    const hooks = path.join(root(), '.git', 'hooks');
    const userHook = '#!/bin/sh\necho the user hook\n';
    await vscode.workspace.fs.writeFile(vscode.Uri.file(path.join(hooks, 'commit-msg')), Buffer.from(userHook));
    await vscode.commands.executeCommand('okr.installHooks');
    const installed = readFileSync(path.join(hooks, 'commit-msg'), 'utf8');
    assert.match(installed, /# okr-lens-hook: commit-msg/);
    assert.equal(readFileSync(path.join(hooks, 'commit-msg.okr-chained'), 'utf8'), userHook);
    assert.match(readFileSync(path.join(hooks, 'prepare-commit-msg'), 'utf8'), /# okr-lens-hook: prepare-commit-msg/);

    await vscode.commands.executeCommand('okr.uninstallHooks');
    assert.equal(readFileSync(path.join(hooks, 'commit-msg'), 'utf8'), userHook);
    assert.equal(existsSync(path.join(hooks, 'prepare-commit-msg')), false);
    assert.equal(existsSync(path.join(hooks, 'commit-msg.okr-chained')), false);
  });
});
