// The history scan reads from a day on (the OKR periods' earliest start minus a
// week), with git's own --since, and a rewritten history is still read again in full.
import assert from 'node:assert/strict';
import { CommitIndex, gitSinceArgument, logArgs, scanWindowStart } from '../../../src/core/git/history';
import { TempRepo } from '../../helpers/git-repo';

const at = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('the bounded history scan', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Long ago\n\nKey-Result: PLAT-KR1'], { env: at('2025-03-01T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Just before the slack'], { env: at('2026-09-20T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'In the slack\n\nKey-Result: PLAT-KR1'], { env: at('2026-09-28T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'In the period\n\nKey-Result: PLAT-KR2'], { env: at('2026-10-05T10:00:00+00:00') });
  });
  afterEach(() => repo.remove());

  it('the window is the earliest period start minus seven days; none without a period', () => {
    assert.equal(scanWindowStart(['2026-10-01', '2027-01-01']), '2026-09-24');
    assert.equal(scanWindowStart(['2026-01-03'], 7), '2025-12-27');
    assert.equal(scanWindowStart([]), undefined);
  });

  it('passes --since to git (a day: the day before at 00:00 UTC, for every time zone)', () => {
    assert.equal(gitSinceArgument('2026-09-24'), '--since=2026-09-23T00:00:00Z');
    assert.equal(gitSinceArgument('2026-09-24T09:00:00Z'), '--since=2026-09-24T09:00:00Z');
    const args = logArgs('Key-Result', ['HEAD'], { since: '2026-09-24' });
    assert.ok(args.indexOf('--since=2026-09-23T00:00:00Z') < args.indexOf('--end-of-options'));
  });

  it('a commit before the window is not read; the ones in it are', async () => {
    const index = new CommitIndex(repo.ctx, { since: '2026-09-24' });
    const r = await index.update();
    assert.deepEqual(r, { added: 2, full: true });
    assert.deepEqual(
      index.commits.map((c) => c.subject),
      ['In the period', 'In the slack'],
    );
    assert.equal(index.window, '2026-09-24');
    assert.equal(index.commitsFor('PLAT-KR1').length, 1);
    // Without a window: everything, as before.
    const all = new CommitIndex(repo.ctx);
    await all.update();
    assert.equal(all.commits.length, 4);
  });

  it('reads only the new commits after that, and a rewritten history in full again', async () => {
    const index = new CommitIndex(repo.ctx, { since: '2026-09-24' });
    await index.update();
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Later\n\nKey-Result: PLAT-KR2'], { env: at('2026-10-06T10:00:00+00:00') });
    assert.deepEqual(await index.update(), { added: 1, full: false });
    // Rewrite: the last two commits become one with another message.
    repo.git(['reset', '-q', '--hard', 'HEAD~2']);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Rewritten\n\nKey-Result: PLAT-KR9'], { env: at('2026-10-07T10:00:00+00:00') });
    const r = await index.update();
    assert.equal(r.full, true);
    assert.deepEqual(
      index.commits.map((c) => c.subject),
      ['Rewritten', 'In the slack'],
    );
    assert.equal(index.commitsFor('PLAT-KR2').length, 0);
  });

  it('a saved state is reused for the same or a later window, read again for an earlier one', async () => {
    const first = new CommitIndex(repo.ctx, { since: '2026-09-24' });
    await first.update();
    const state = JSON.parse(JSON.stringify(first.state()));
    assert.equal(state.since, '2026-09-24');
    const same = new CommitIndex(repo.ctx, { since: '2026-10-01', state });
    assert.deepEqual(await same.update(), { added: 0, full: false });
    const earlier = new CommitIndex(repo.ctx, { since: '2026-09-01', state });
    const r = await earlier.update();
    assert.equal(r.full, true);
    assert.deepEqual(
      earlier.commits.map((c) => c.subject),
      ['In the period', 'In the slack', 'Just before the slack'],
    );
    // A state of the whole history covers any window.
    const whole = new CommitIndex(repo.ctx);
    await whole.update();
    assert.deepEqual(await new CommitIndex(repo.ctx, { since: '2026-09-24', state: whole.state() }).update(), { added: 0, full: false });
  });

  it('reports progress as commits arrive', async () => {
    const seen: number[] = [];
    const index = new CommitIndex(repo.ctx, { onProgress: (n) => seen.push(n) });
    await index.update();
    assert.ok(seen.length > 0);
    assert.equal(seen.at(-1), 4);
  });
});
