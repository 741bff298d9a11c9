// A linked-only CommitIndex (okr links without --cache) decodes only the commits that
// name a key result and counts the others: it must hold exactly the commits a full
// index holds with a key result, the same records, and count every commit read.
import { strict as assert } from 'node:assert';
import { CommitIndex, type CommitRecord } from '../../../src/core/git/history';
import { addNoteLink } from '../../../src/core/git/notes';
import { TempRepo } from '../../helpers/git-repo';

const at = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('CommitIndex, linked-only', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  /** The full index and the linked-only one, both updated once from `since`. */
  async function both(since?: string) {
    const full = new CommitIndex(repo.ctx, { since });
    const linked = new CommitIndex(repo.ctx, { since, linkedOnly: true });
    const [fullResult, linkedResult] = [await full.update(), await linked.update()];
    return { full, linked, fullResult, linkedResult };
  }
  const naming = (commits: readonly CommitRecord[]) => commits.filter((c) => c.keyResults.length > 0);

  it('holds exactly the commits that name a key result, as the full index reads them, and counts all', async () => {
    const plain = repo.commit('Tidy up the build');
    const inBlock = repo.commit('Add canary checks\n\nKey-Result: PLAT-KR1\n');
    const otherCase = repo.commit('Cache the lookups\n\nSigned-off-by: Dana <dana@example.com>\nkey-result: plat-kr2\n');
    // "Key-Result:" in the body, followed by a paragraph that is no trailer block: git sees no trailer.
    const inBody = repo.commit('Explain the plan\n\nKey-Result: PLAT-KR3\n\nThe rest of the message is prose, not trailers.\n');
    // A trailer whose value is blank (a non-ASCII space: git keeps it, the index trims it away).
    const blank = repo.commit('Half a trailer\n\nKey-Result: \u00a0\n');
    const nonAscii = repo.commit('Überarbeitet\n\nKey-Result: ÉQUIPE-KR1\n', {
      env: { GIT_AUTHOR_NAME: 'Zoë Ünal', GIT_AUTHOR_EMAIL: 'zoe@example.com' },
    });
    // A merge commit naming a key result, and one naming none.
    repo.git(['checkout', '-q', '-b', 'side', plain]);
    const side = repo.commit('Side work\n\nKey-Result: PLAT-KR1\n');
    repo.git(['checkout', '-q', '-']);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge side\n\nKey-Result: PLAT-KR2', 'side'], { env: repo.dated() });
    const merge = repo.head();
    repo.git(['checkout', '-q', '-b', 'side2', plain]);
    repo.commit('More side work');
    repo.git(['checkout', '-q', '-']);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge side2', 'side2'], { env: repo.dated() });
    const last = repo.commit('Last\n\nKey-Result: PLAT-KR4\nKey-Result: PLAT-KR1\n');

    const { full, linked, fullResult, linkedResult } = await both();
    assert.equal(full.commits.length, 11);
    assert.deepEqual(linkedResult, fullResult);
    assert.deepEqual(linkedResult, { added: 11, full: true });
    assert.equal(linked.size, 11);
    assert.equal(full.size, 11);
    assert.equal(linked.head, full.head);
    assert.deepEqual(linked.commits, naming(full.commits));
    assert.deepEqual(
      linked.commits.map((c) => c.sha),
      [last, merge, side, nonAscii, otherCase, inBlock],
    );
    for (const sha of [plain, inBody, blank]) assert.ok(!linked.commits.some((c) => c.sha === sha), sha);
    const merged = linked.commits.find((c) => c.sha === merge)!;
    assert.equal(merged.parents.length, 2);
    const umlaut = linked.commits.find((c) => c.sha === nonAscii)!;
    assert.deepEqual([umlaut.subject, umlaut.author, umlaut.keyResults], ['Überarbeitet', 'Zoë Ünal', ['ÉQUIPE-KR1']]);
    assert.deepEqual(
      linked.commitsFor('plat-kr1').map((c) => c.sha),
      [last, side, inBlock],
    );
  });

  it('keeps a commit its note links, without a trailer, and merges the note as the full index does', async () => {
    const noted = repo.commit('Fix the flaky test');
    repo.commit('Unrelated');
    const both1 = repo.commit('Ship it\n\nKey-Result: PLAT-KR1\n');
    const otherKey = repo.commit('Noted with another key');
    // A trailer whose value is blank (a non-ASCII space), linked by its note: the note decides.
    const blankNoted = repo.commit('Half a trailer, noted\n\nKey-Result: \u00a0\n');
    await addNoteLink(repo.ctx, blankNoted, 'Key-Result', 'PLAT-KR4');
    await addNoteLink(repo.ctx, noted, 'Key-Result', 'PLAT-KR2');
    await addNoteLink(repo.ctx, both1, 'Key-Result', 'PLAT-KR3');
    await addNoteLink(repo.ctx, otherKey, 'Objective', 'PLAT-O1');

    const { full, linked, linkedResult } = await both();
    assert.deepEqual(linkedResult, { added: 5, full: true });
    assert.deepEqual(linked.commits, naming(full.commits));
    assert.deepEqual(
      linked.commits.map((c) => [c.sha, c.keyResults]),
      [
        [blankNoted, ['PLAT-KR4']],
        [both1, ['PLAT-KR1', 'PLAT-KR3']],
        [noted, ['PLAT-KR2']],
      ],
    );
    assert.deepEqual(linked.commits[2].notedKeyResults, ['PLAT-KR2']);
  });

  it('counts only the commits of its window', async () => {
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Old\n\nKey-Result: PLAT-KR1'], { env: at('2024-05-01T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Old, plain'], { env: at('2024-05-02T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'New, plain'], { env: at('2026-10-01T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'New\n\nKey-Result: PLAT-KR1'], { env: at('2026-10-02T10:00:00+00:00') });
    const { full, linked, linkedResult } = await both('2026-09-24');
    assert.deepEqual(linkedResult, { added: 2, full: true });
    assert.equal(linked.size, 2);
    assert.deepEqual(linked.commits, naming(full.commits));
    assert.deepEqual(
      linked.commits.map((c) => c.subject),
      ['New'],
    );
  });

  it('reads its window again in full when the head moves, and knows an empty repository', async () => {
    const index = new CommitIndex(repo.ctx, { linkedOnly: true });
    assert.deepEqual(await index.update(), { added: 0, full: false });
    assert.equal(index.size, 0);
    repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    repo.commit('Two');
    assert.deepEqual(await index.update(), { added: 2, full: true });
    assert.deepEqual(await index.update(), { added: 0, full: false });
    const three = repo.commit('Three\n\nKey-Result: PLAT-KR2\n');
    assert.deepEqual(await index.update(), { added: 3, full: true });
    assert.equal(index.size, 3);
    assert.deepEqual(
      index.commits.map((c) => c.subject),
      ['Three', 'One'],
    );
    assert.equal(index.head, three);
  });

  it('takes no saved state and gives none: it does not hold every commit', async () => {
    repo.commit('One');
    const state = new CommitIndex(repo.ctx).state();
    assert.throws(() => new CommitIndex(repo.ctx, { linkedOnly: true, state }), /saved state/);
    const index = new CommitIndex(repo.ctx, { linkedOnly: true });
    await index.update();
    assert.throws(() => index.state(), /no state/);
    await assert.rejects(index.untaggedSince('HEAD'), /untagged/);
  });
});
