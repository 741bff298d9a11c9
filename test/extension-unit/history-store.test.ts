// The editor's saved commit indexes: one file per repository and trailer key in the
// extension's storage, used again by the next session, and never for another key.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CommitIndex } from '../../src/core/git/history';
import { historyStorage } from '../../src/extension/git/history-store';
import { TempRepo } from '../helpers/git-repo';

const log = { warn: () => undefined } as never;
const folder = (dir: string) => ({ scheme: 'file', fsPath: dir }) as never;

describe('saved commit indexes', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  let storage: string;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('First\n\nKey-Result: PLAT-KR1\n');
    repo.commit('Second\n\nKey-Result: PLAT-KR2\n');
    storage = mkdtempSync(path.join(tmpdir(), 'okr-storage-'));
  });
  afterEach(() => {
    repo.remove();
    rmSync(storage, { recursive: true, force: true });
  });

  it('a saved index is read back for the same repository and trailer key, and the next session reads nothing again', async () => {
    const store = historyStorage(folder(storage), log)!;
    const first = new CommitIndex(repo.ctx, { since: '2026-10-01' });
    await first.update();
    await store.save(repo.dir, first.state());
    assert.equal(readdirSync(path.join(storage, 'commit-index')).filter((f) => f.endsWith('.json')).length, 1);
    const state = await store.load(repo.dir, 'Key-Result');
    assert.equal(state?.head, repo.head());
    const next = new CommitIndex(repo.ctx, { since: '2026-10-01', state });
    assert.deepEqual(await next.update(), { added: 0, full: false });
    assert.equal(next.commits.length, 2);
    // Another key, another repository: nothing.
    assert.equal(await store.load(repo.dir, 'Supports'), undefined);
    assert.equal(await store.load(path.join(repo.dir, 'other'), 'Key-Result'), undefined);
  });

  it('a saved index of a history rewritten since is read in full again', async () => {
    const store = historyStorage(folder(storage), log)!;
    const first = new CommitIndex(repo.ctx);
    await first.update();
    await store.save(repo.dir, first.state());
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo.commit('Replaced\n\nKey-Result: PLAT-KR9\n');
    const next = new CommitIndex(repo.ctx, { state: await store.load(repo.dir, 'Key-Result') });
    assert.equal((await next.update()).full, true);
    assert.deepEqual(
      next.commits.map((c) => c.subject),
      ['Replaced', 'First'],
    );
  });

  it('without a storage folder (no folder open, or not on disk) nothing is kept', () => {
    assert.equal(historyStorage(undefined, log), undefined);
    assert.equal(historyStorage({ scheme: 'vscode-remote', fsPath: '/x' } as never, log), undefined);
  });
});
