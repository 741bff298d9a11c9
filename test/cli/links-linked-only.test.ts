// `okr links` without --cache decodes only the commits that name a key result (a
// linked-only index); with --cache it keeps every commit. Both must print the same.
import * as assert from 'node:assert/strict';
import { addNoteLink } from '../../src/core/git/notes';
import { PLATFORM_OKR, TempRepo } from '../helpers/git-repo';
import { okr } from './cli-harness';

const at = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('okr links: only the commits that name a key result are decoded', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.write('okr/platform.okr.yaml', PLATFORM_OKR); // period 2026-Q4
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '-m', 'OKRs'], { env: at('2026-10-01T09:00:00+00:00') });
  });
  afterEach(() => repo.remove());

  it('prints what a run that keeps every commit prints: trailers in any case, merges, notes, typos', async () => {
    const commit = (message: string, iso: string) => {
      repo.git(['commit', '-q', '--allow-empty', '-m', message], { env: at(iso) });
      return repo.head();
    };
    commit('Tidy up', '2026-10-02T09:00:00+00:00');
    commit('Canary checks\n\nkey-result: plat-kr1', '2026-10-03T09:00:00+00:00');
    commit('Prose\n\nKey-Result: PLAT-KR2\n\nNot a trailer block after all.', '2026-10-04T09:00:00+00:00');
    const noted = commit('Fix the flaky deploy', '2026-10-05T09:00:00+00:00');
    commit('Typo\n\nKey-Result: PLAT-KR21', '2026-10-06T09:00:00+00:00');
    repo.git(['checkout', '-q', '-b', 'side']);
    commit('Side\n\nKey-Result: PLAT-KR2', '2026-10-07T09:00:00+00:00');
    repo.git(['checkout', '-q', '-']);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge side\n\nKey-Result: PLAT-KR12', 'side'], { env: at('2026-10-08T09:00:00+00:00') });
    await addNoteLink(repo.ctx, noted, 'Key-Result', 'PLAT-KR12');

    for (const format of ['json', 'text']) {
      const linked = await okr(['links', '--format', format, '--limit', '0'], { cwd: repo.dir, env: repo.env });
      const kept = await okr(['links', '--format', format, '--limit', '0', '--cache'], { cwd: repo.dir, env: repo.env });
      assert.equal(linked.code, 0, linked.stderr);
      assert.deepEqual([linked.code, linked.stdout, linked.stderr], [kept.code, kept.stdout, kept.stderr], format);
    }
    const out = JSON.parse((await okr(['links', '--format', 'json'], { cwd: repo.dir, env: repo.env })).stdout);
    assert.deepEqual([out.repositories[0].commits, out.repositories[0].read], [8, 8]);
    const subjects = (id: string) =>
      out.keyResults.find((k: { id: string }) => k.id === id).commits.map((c: { subject: string }) => c.subject);
    assert.deepEqual(subjects('PLAT-KR1'), ['Canary checks']);
    assert.deepEqual(subjects('PLAT-KR2'), ['Side']);
    assert.deepEqual(subjects('PLAT-KR12'), ['Merge side', 'Fix the flaky deploy']);
    assert.deepEqual(
      out.unknown.map((u: { value: string; suggestions: string[] }) => [u.value, u.suggestions]),
      [['PLAT-KR21', ['PLAT-KR1', 'PLAT-KR12', 'PLAT-KR2']]],
    );
  });
});
