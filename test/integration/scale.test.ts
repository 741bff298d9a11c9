// workspace: scale
// The editor's history scan at organisation scale, in a real VS Code on a real git
// repository made in a temporary folder (test/workspaces/scale): the scan reads only
// from the OKR period's start minus a week, keeps its index across a restart (in the
// extension's workspace storage) and reads only what is new after it, reads a
// rewritten history again, and shows the progress of a long first read in the window's
// progress area. The suite commits, rewrites and generates history with the git CLI
// (argument arrays, never a shell).

import { strict as assert } from 'node:assert';
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { CommitIndexState } from '../../src/core/git/history';
import type { GitHistorySnapshot } from '../../src/extension/git';
import type { ObjectivesTreeNode, ObjectivesViewHandle } from '../../src/extension/tree/objectives-view';
import { okrLens, okrStore, waitFor, workspaceFile, workspaceRoot } from './helpers';

const run = promisify(execFile);
const root = () => workspaceRoot().fsPath;
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0' });

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root(), env: gitEnv() });
  return stdout.replace(/\n$/, '');
}

const snapshot = (action?: 'restart') => vscode.commands.executeCommand<GitHistorySnapshot>('_okr.gitHistory', action);

async function onlyRepository(action?: 'restart'): Promise<GitHistorySnapshot['repositories'][number] & { progress: string[] }> {
  const s = await snapshot(action);
  assert.equal(s.repositories.length, 1, `one repository, not ${JSON.stringify(s.repositories)}`);
  return { ...s.repositories[0], progress: s.progress };
}

/** The saved index, once it is the one of HEAD (it is written in the background after a read). */
async function savedIndexAtHead(): Promise<CommitIndexState> {
  const { storageDir } = await snapshot();
  assert.ok(storageDir, 'the index is kept in the workspace storage');
  const head = await git('rev-parse', 'HEAD');
  return waitFor(
    `the index of ${head} to be saved in ${storageDir}`,
    async () => {
      const names = await fs.readdir(storageDir).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const state = JSON.parse(await fs.readFile(path.join(storageDir, name), 'utf8')) as CommitIndexState;
        if (state.head === head) return state;
      }
      return undefined;
    },
    { timeoutMs: 30_000 },
  );
}

async function keyResultNode(handle: ObjectivesViewHandle, id: string): Promise<ObjectivesTreeNode> {
  for (const objective of await handle.provider.getChildren()) {
    for (const child of await handle.provider.getChildren(objective)) {
      if (child.kind === 'keyResult' && child.entry.keyResult.id === id) return child;
    }
  }
  throw new Error(`no ${id} in the tree`);
}

async function linkedSubjects(handle: ObjectivesViewHandle): Promise<string[]> {
  const children = await handle.provider.getChildren(await keyResultNode(handle, 'PLAT-KR1'));
  return children.map((c) => (c.kind === 'commit' ? c.commit.subject : c.kind));
}

/** `count` commits on top of HEAD (no file changed), one a minute from `from`, every tenth naming PLAT-KR1. */
async function generateCommits(count: number, from: string): Promise<void> {
  const parent = await git('rev-parse', 'HEAD');
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: root(), env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}: ${stderr}`)))),
  );
  const start = Date.parse(from) / 1000;
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const message = `Tune the retry policy, step ${i}\n` + (i % 10 === 0 ? '\nKey-Result: PLAT-KR1\n' : '');
    const who = `Dana Author <dana@example.com> ${start + i * 60} +0000`;
    lines.push('commit refs/heads/main', `mark :${i}`, `author ${who}`, `committer ${who}`, `data ${Buffer.byteLength(message)}`, message);
    lines.push(i === 1 ? `from ${parent}` : `from :${i - 1}`, '');
  }
  lines.push('done', '');
  child.stdin.end(lines.join('\n'));
  await done;
}

describe('history scan at scale', function () {
  this.timeout(180_000);
  let handle: ObjectivesViewHandle;

  before(async () => {
    await okrStore();
    handle = await okrLens<ObjectivesViewHandle>('_okr.objectivesView');
  });

  it('reads only from a week before the OKR period: older commits naming a key result are not read', async () => {
    const repo = await onlyRepository();
    assert.equal(repo.error, undefined);
    assert.equal(repo.window, '2026-09-24', 'Q4 starts on 2026-10-01; the scan reads from a week before');
    assert.equal(repo.restored, false, 'nothing was kept yet');
    assert.equal(repo.reads.full, 1, 'the first read is a full read of the window');
    assert.equal(repo.commits, 3);
    assert.equal(repo.oldest, '2026-09-27');
    // What the user sees: PLAT-KR1 lists the commits of the window, not those of March and September 20.
    const subjects = await waitFor('PLAT-KR1 to list its linked commits', async () => {
      const s = await linkedSubjects(handle);
      return s.length > 0 ? s : undefined;
    });
    assert.deepEqual(subjects, [
      'Add a runbook for the payment gateway',
      'Page only on customer-facing errors',
      'Warm up before the quarter',
    ]);
    // The first read said so in the window's progress area.
    assert.ok(
      repo.progress.includes(`reading the history of ${path.basename(root())}`),
      `progress shown: ${JSON.stringify(repo.progress)}`,
    );
  });

  it('keeps the index across a restart and reads nothing again when nothing changed', async () => {
    const saved = await savedIndexAtHead();
    assert.equal(saved.commits.length, 3);
    assert.equal(saved.since, '2026-09-24');
    const shownBefore = (await snapshot()).progress.length;
    const repo = await onlyRepository('restart');
    assert.equal(repo.restored, true, 'the restarted tracker starts from the kept index');
    assert.deepEqual(repo.reads, { full: 0, added: 0 });
    assert.equal(repo.commits, 3);
    assert.equal(repo.window, '2026-09-24');
    assert.equal(repo.progress.length, shownBefore, 'no "reading the history" progress for a kept index');
  });

  it('reads only a new commit, and a rewritten history in full', async () => {
    const before = await onlyRepository();
    await git('commit', '--quiet', '--allow-empty', '-m', 'Alert on gateway errors\n\nKey-Result: PLAT-KR1');
    const added = await waitFor('the new commit to be read', async () => {
      const r = await onlyRepository();
      return r.commits === 4 ? r : undefined;
    });
    assert.deepEqual(added.reads, { full: before.reads.full, added: before.reads.added + 1 }, 'one commit read, no full read');

    // Rewriting HEAD: the kept head is no longer in the history, so everything is read again.
    await git('commit', '--quiet', '--amend', '--allow-empty', '-m', 'Alert on payment gateway errors\n\nKey-Result: PLAT-KR1');
    const rewritten = await waitFor('the rewritten history to be read', async () => {
      const r = await onlyRepository();
      return r.reads.full > added.reads.full ? r : undefined;
    });
    assert.equal(rewritten.reads.full, added.reads.full + 1);
    assert.equal(rewritten.commits, 4);
    assert.deepEqual((await linkedSubjects(handle))[0], 'Alert on payment gateway errors');

    // And after a restart, the kept index is the rewritten one.
    await savedIndexAtHead();
    const restarted = await onlyRepository('restart');
    assert.equal(restarted.restored, true);
    assert.deepEqual(restarted.reads, { full: 0, added: 0 });
    assert.equal(restarted.commits, 4);
  });

  it('shows the progress of a long first read in the window progress area, with the commits read so far', async () => {
    // 60,000 commits in the period: long enough for the scan to report as it goes.
    await generateCommits(60_000, '2026-10-02T00:00:00Z');
    await waitFor('the generated commits to be read', async () => {
      const r = await onlyRepository();
      return r.commits === 60_004 ? r : undefined;
    });
    // As on a first start on this repository: nothing kept.
    const { storageDir } = await snapshot();
    assert.ok(storageDir);
    await savedIndexAtHead();
    await fs.rm(storageDir, { recursive: true, force: true });
    const shownBefore = (await snapshot()).progress.length;

    const repo = await onlyRepository('restart');
    assert.equal(repo.restored, false);
    assert.equal(repo.reads.full, 1);
    assert.equal(repo.commits, 60_004);
    const shown = repo.progress.slice(shownBefore);
    const title = `reading the history of ${path.basename(root())}`;
    assert.equal(shown[0], title, `progress shown: ${JSON.stringify(shown)}`);
    assert.equal(shown.filter((m) => m === title).length, 1, `one progress indicator for the read: ${JSON.stringify(shown)}`);
    const counts = shown.slice(1).map((m) => {
      const match = new RegExp(`^${title}: ([\\d,]+) commits$`).exec(m);
      assert.ok(match, `a progress message "${m}"`);
      return Number(match[1].replace(/,/g, ''));
    });
    assert.ok(counts.length > 0, `the commits read so far were shown: ${JSON.stringify(shown)}`);
    assert.ok(
      counts.every((n, i) => n > 0 && n <= 60_004 && (i === 0 || n >= counts[i - 1])),
      `counts grow: ${JSON.stringify(counts)}`,
    );
  });

  it('reads further back when a period starts earlier', async () => {
    const file = workspaceFile('platform.okr.yaml');
    const text = await fs.readFile(file.fsPath, 'utf8');
    await fs.writeFile(file.fsPath, text.replace('period: 2026-Q4', 'period: 2026-Q1'));
    const repo = await waitFor('the scan to read from a week before 2026-01-01', async () => {
      const r = await onlyRepository();
      return r.window === '2025-12-25' && r.commits === 60_007 ? r : undefined;
    });
    // The initial commit, the March one and the one of September 20 are read now.
    assert.equal(repo.oldest, '2026-01-05');
  });
});
