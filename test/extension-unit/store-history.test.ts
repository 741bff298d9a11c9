// The editor's reading of the OKR files' git history (src/extension/store-history.ts)
// over real repositories: which files' history changed, and quiet degradation.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { StoreHistory } from '../../src/extension/store-history';
import { TempRepo } from '../helpers/git-repo';
import { on } from '../helpers/history-fixture';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const okr = (target: number) =>
  `version: 1\nteam: Platform\nperiod: 2026-Q4\nobjectives:\n  - id: PLAT-O1\n    title: Customers rely on us\n    key_results:\n` +
  `      - { id: PLAT-KR1, title: Cut incidents, start: 12, target: ${target} }\n`;

/** A log channel that keeps what it was told. */
function logSink(): { log: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } as unknown as vscode.LogOutputChannel;
  return { log, lines };
}

describe('StoreHistory (the editor reads OKR history in the background)', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = TempRepo.create()));
  afterEach(() => repo.remove());

  it('reads committed versions, says which files changed, and nothing when a reading finds the same commits', async () => {
    repo.commit('Plan', { files: { 'okrs/platform.okr.yaml': okr(3) }, env: on('2026-10-02') });
    repo.commit('Lower', { files: { 'okrs/platform.okr.yaml': okr(6) }, env: on('2026-10-28') });
    const file = path.join(repo.dir, 'okrs/platform.okr.yaml');
    const history = new StoreHistory();
    assert.deepEqual([...(await history.read([{ path: file, folder: repo.dir, period: Q4 }]))], [file]);
    assert.deepEqual(
      history.get(file)?.versions.map((v) => v.date),
      ['2026-10-28', '2026-10-02'],
    );
    assert.deepEqual([...(await history.read([{ path: file, folder: repo.dir, period: Q4 }]))], []);
    repo.commit('Raise', { files: { 'okrs/platform.okr.yaml': okr(4) }, env: on('2026-11-02') });
    assert.deepEqual([...(await history.read([{ path: file, folder: repo.dir, period: Q4 }]))], [file]);
    assert.equal(history.get(file)?.versions.length, 3);
    // A file that leaves the workspace leaves the history too.
    await history.read([]);
    assert.equal(history.get(file), undefined);
  });

  it('an untracked file has an empty history and re-lints nothing; the note is said once', async () => {
    repo.commit('Start', { files: { 'README.md': 'hello\n' }, env: on('2026-10-02') });
    const file = repo.write('okrs/new.okr.yaml', okr(3));
    const { log, lines } = logSink();
    const history = new StoreHistory(log);
    assert.deepEqual([...(await history.read([{ path: file, folder: repo.dir, period: Q4 }]))], []);
    assert.deepEqual(history.get(file)?.versions, []);
    await history.read([{ path: file, folder: repo.dir, period: Q4 }]);
    assert.equal(lines.filter((l) => l.includes('not committed yet')).length, 1, lines.join('\n'));
  });

  it('a folder outside any repository: no history, no error, one note', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'okr-no-repo-'));
    try {
      const file = path.join(dir, 'team.okr.yaml');
      writeFileSync(file, okr(3));
      const { log, lines } = logSink();
      const history = new StoreHistory(log);
      assert.deepEqual([...(await history.read([{ path: file, folder: dir, period: Q4 }]))], []);
      assert.equal(history.get(file), undefined);
      assert.equal(lines.length, 1);
      assert.match(
        lines[0],
        /no git history for the OKR files of .*not in a git repository; the rules that read history are skipped there/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a workspace folder opened through a symbolic link: the history of the real repository', async () => {
    repo.commit('Plan', { files: { 'okrs/platform.okr.yaml': okr(3) }, env: on('2026-10-02') });
    const links = mkdtempSync(path.join(tmpdir(), 'okr-link-'));
    try {
      const linked = path.join(links, 'workspace');
      symlinkSync(repo.dir, linked);
      const file = path.join(linked, 'okrs/platform.okr.yaml');
      const { log, lines } = logSink();
      const history = new StoreHistory(log);
      assert.deepEqual([...(await history.read([{ path: file, folder: linked, period: Q4 }]))], [file]);
      assert.deepEqual(
        history.get(file)?.versions.map((v) => v.date),
        ['2026-10-02'],
      );
      assert.deepEqual(lines, []);
    } finally {
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('a shallow clone: the versions it has, and a note', async () => {
    repo.commit('Plan', { files: { 'okrs/platform.okr.yaml': okr(3) }, env: on('2026-10-02') });
    repo.commit('Lower', { files: { 'okrs/platform.okr.yaml': okr(6) }, env: on('2026-10-28') });
    const clone = mkdtempSync(path.join(tmpdir(), 'okr-shallow-'));
    try {
      repo.out(['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, clone]);
      const file = path.join(clone, 'okrs/platform.okr.yaml');
      const { log, lines } = logSink();
      const history = new StoreHistory(log);
      await history.read([{ path: file, folder: clone, period: Q4 }]);
      assert.equal(history.get(file)?.versions.length, 1);
      assert.ok(
        lines.some((l) => l.includes('shallow clone')),
        lines.join('\n'),
      );
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
