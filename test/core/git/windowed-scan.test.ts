// The scans started before their window is known: kept when they started from the
// right one, run again from fresh indexes when not, so the result never depends on the
// guess; a commit before the window is still not read, a rewritten history still read in full.
import assert from 'node:assert/strict';
import { CommitIndex, type CommitIndexState } from '../../../src/core/git/history';
import { prereadScanWindow, WindowedScan } from '../../../src/core/git/windowed-scan';
import { TempRepo } from '../../helpers/git-repo';

const at = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('the windowed scan', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Long ago\n\nKey-Result: PLAT-KR1'], { env: at('2025-03-01T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Early in the year\n\nKey-Result: PLAT-KR1'], {
      env: at('2026-02-10T10:00:00+00:00'),
    });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'In the period\n\nKey-Result: PLAT-KR2'], { env: at('2026-10-05T10:00:00+00:00') });
  });
  afterEach(() => repo.remove());

  const subjects = (index: CommitIndex) => index.commits.map((c) => c.subject);

  it('the pre-read window: the earliest start minus the slack; none when a file is unknown or no file has a period', () => {
    assert.equal(prereadScanWindow(['period: 2026-Q4\n', 'period: { start: 2026-08-20, end: 2026-12-31 }\n', 'team: X\n']), '2026-08-13');
    assert.equal(prereadScanWindow(['period: 2026-Q4\n', 'period:\n  start: 2026-01-01\n  end: 2026-03-31\n']), undefined);
    assert.equal(prereadScanWindow(['team: X\n']), undefined);
  });

  it('keeps the scans begun from the right window: the same indexes, read once', async () => {
    const scan = new WindowedScan((_) => new CommitIndex(repo.ctx), 1);
    const first = scan.indexes[0];
    await scan.begin('2026-09-24');
    const [result] = await Promise.all(await scan.finish('2026-09-24'));
    assert.equal(scan.indexes[0], first);
    assert.deepEqual(result, { added: 1, full: true });
    assert.deepEqual(subjects(first), ['In the period']);
  });

  it('a wrong guess is stopped and read again from the real window: a commit before it is not read', async () => {
    let made = 0;
    const scan = new WindowedScan((_) => (made++, new CommitIndex(repo.ctx)), 1);
    // The guess reaches back further than the real window: what it read must not stay.
    await scan.begin('2026-01-01');
    const [result] = await Promise.all(await scan.finish('2026-09-24'));
    assert.equal(made, 2);
    assert.deepEqual(result, { added: 1, full: true });
    assert.equal(scan.indexes[0].window, '2026-09-24');
    assert.deepEqual(subjects(scan.indexes[0]), ['In the period']);
    // A guess later than the real window: the earlier commits are read.
    const later = new WindowedScan((_) => new CommitIndex(repo.ctx), 1);
    await later.begin('2026-09-24');
    await Promise.all(await later.finish(undefined));
    assert.deepEqual(subjects(later.indexes[0]), ['In the period', 'Early in the year', 'Long ago']);
    assert.equal(later.indexes[0].window, undefined);
  });

  it('finish without a start reads from the window given; stop ends a begun scan', async () => {
    const scan = new WindowedScan((_) => new CommitIndex(repo.ctx), 2);
    const results = await Promise.all(await scan.finish('2026-02-01'));
    assert.deepEqual(results, [
      { added: 2, full: true },
      { added: 2, full: true },
    ]);
    const stopped = new WindowedScan((_) => new CommitIndex(repo.ctx), 1);
    stopped.begin(undefined).catch(() => undefined);
    await stopped.stop();
    assert.equal(stopped.startedFrom, undefined);
  });

  it('a saved index with a wrong guess: a rewritten history is still read in full', async () => {
    const saved = new CommitIndex(repo.ctx, { since: '2026-01-01' });
    await saved.update();
    const state: CommitIndexState = saved.state();
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Rewritten\n\nKey-Result: PLAT-KR2'], { env: at('2026-10-06T10:00:00+00:00') });
    const scan = new WindowedScan((_) => new CommitIndex(repo.ctx, { state }), 1);
    await scan.begin('2025-01-01');
    const [result] = await Promise.all(await scan.finish('2026-01-01'));
    assert.equal(result.full, true);
    assert.deepEqual(subjects(scan.indexes[0]), ['Rewritten', 'Early in the year']);
    // The saved state is not changed by the scans that used it.
    assert.deepEqual(
      state.commits.map((c) => c.subject),
      ['In the period', 'Early in the year'],
    );
  });
});
