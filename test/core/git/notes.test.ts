import { strict as assert } from 'node:assert';
import { CommitIndex, readCommits } from '../../../src/core/git/history';
import {
  addNoteLink,
  applyNoteLinks,
  NOTES_REF,
  parseNoteLinks,
  readNote,
  readNoteLinks,
  removeNoteLink,
  withNoteLinks,
} from '../../../src/core/git/notes';
import { TempRepo } from '../../helpers/git-repo';

describe('key-result links as git notes', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  it('parses trailer lines of a note, keys case-insensitively, other lines ignored', () => {
    assert.deepEqual(
      parseNoteLinks('Key-Result: PLAT-KR1\r\nkey-result:  plat-kr2 \nReviewed-by: x\nfree text: no\n\nKey-Result:\n', 'Key-Result'),
      ['PLAT-KR1', 'plat-kr2'],
    );
    assert.deepEqual(parseNoteLinks('Supports: A-1\nKey-Result: B-1\n', 'Supports'), ['A-1']);
  });

  it('writes one line per key result, keeps what else the note says, and removes only its line', async () => {
    const sha = repo.commit('Untagged work');
    assert.equal(await addNoteLink(repo.ctx, sha, 'Key-Result', 'PLAT-KR1'), 'added');
    assert.equal(await addNoteLink(repo.ctx, sha, 'Key-Result', 'plat-kr1'), 'already');
    assert.equal(await readNote(repo.ctx, sha), 'Key-Result: PLAT-KR1\n');
    // A note someone wrote by hand stays as it is.
    repo.git(['notes', `--ref=${NOTES_REF}`, 'append', '-m', 'Reviewed in the Q4 retro', sha]);
    assert.equal(await addNoteLink(repo.ctx, sha, 'Key-Result', 'PLAT-KR2'), 'added');
    assert.equal(
      repo.out(['notes', `--ref=${NOTES_REF}`, 'show', sha]),
      'Key-Result: PLAT-KR1\n\nReviewed in the Q4 retro\nKey-Result: PLAT-KR2',
    );
    assert.equal(await removeNoteLink(repo.ctx, sha, 'Key-Result', 'PLAT-KR1'), 'removed');
    assert.equal(await removeNoteLink(repo.ctx, sha, 'Key-Result', 'PLAT-KR1'), 'absent');
    assert.deepEqual(parseNoteLinks((await readNote(repo.ctx, sha))!, 'Key-Result'), ['PLAT-KR2']);
    assert.match((await readNote(repo.ctx, sha))!, /Reviewed in the Q4 retro/);
    // The default notes ref (git log's) is left alone.
    assert.equal(repo.git(['notes', 'show', sha], { allowFail: true }).status, 1);
  });

  it('reads every note in two git calls, and the history scan counts them like trailers', async () => {
    const a = repo.commit('Trailer\n\nKey-Result: PLAT-KR1\n');
    const b = repo.commit('Untagged');
    const c = repo.commit('Also untagged');
    await addNoteLink(repo.ctx, b, 'Key-Result', 'PLAT-KR2');
    await addNoteLink(repo.ctx, a, 'Key-Result', 'PLAT-KR2');
    const links = await readNoteLinks(repo.ctx, 'Key-Result');
    assert.deepEqual(
      [...links.bySha.entries()].sort(),
      [
        [a, ['PLAT-KR2']],
        [b, ['PLAT-KR2']],
      ].sort(),
    );

    const index = new CommitIndex(repo.ctx);
    await index.update();
    assert.deepEqual(
      index.commitsFor('PLAT-KR2').map((x) => x.sha),
      [b, a],
    );
    assert.deepEqual(index.commits.find((x) => x.sha === a)!.keyResults, ['PLAT-KR1', 'PLAT-KR2']);
    assert.deepEqual(index.commits.find((x) => x.sha === a)!.notedKeyResults, ['PLAT-KR2']);
    assert.deepEqual(
      (await index.untaggedSince(a)).map((x) => x.sha),
      [c],
    );

    // A new note with no new commit: the index sees it on its next update; a removed one unlinks.
    await addNoteLink(repo.ctx, c, 'Key-Result', 'PLAT-KR1');
    await removeNoteLink(repo.ctx, a, 'Key-Result', 'PLAT-KR2');
    await index.update();
    assert.deepEqual(
      index.commitsFor('PLAT-KR1').map((x) => x.sha),
      [c, a],
    );
    assert.deepEqual(
      index.commitsFor('PLAT-KR2').map((x) => x.sha),
      [b],
    );
    assert.deepEqual(index.commits.find((x) => x.sha === a)!.keyResults, ['PLAT-KR1']);
    assert.deepEqual(await index.untaggedSince(a), []);

    // A saved state carries the merged notes and where they were read from.
    const restored = new CommitIndex(repo.ctx, { state: JSON.parse(JSON.stringify(index.state())) });
    await restored.update();
    assert.deepEqual(
      restored.commitsFor('PLAT-KR1').map((x) => x.sha),
      [c, a],
    );

    // Outside the index (okr check-commits reads a range).
    const range = await withNoteLinks(repo.ctx, 'Key-Result', await readCommits(repo.ctx, 'Key-Result', [`${a}..HEAD`]));
    assert.deepEqual(
      range.map((x) => x.keyResults),
      [['PLAT-KR1'], ['PLAT-KR2']],
    );
  });

  it('merging is idempotent and copies only the records it changes', () => {
    const commit = {
      sha: 'a'.repeat(40),
      parents: [],
      author: 'A',
      email: 'a@x',
      date: '2026-11-01T00:00:00Z',
      subject: 's',
      keyResults: ['K1'],
    };
    const links = { bySha: new Map([[commit.sha, ['K2']]]) };
    const once = applyNoteLinks([commit], links);
    const twice = applyNoteLinks(once, links);
    assert.deepEqual(twice[0].keyResults, ['K1', 'K2']);
    assert.equal(twice[0], once[0]);
    assert.deepEqual(applyNoteLinks(twice, { bySha: new Map() })[0].keyResults, ['K1']);
    assert.equal(applyNoteLinks([commit], { bySha: new Map() })[0], commit);
  });
});
