import { strict as assert } from 'node:assert';
import { CommitIndex, type CommitIndexState, parseLog, readCommits } from '../../../src/core/git/history';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TempRepo } from '../../helpers/git-repo';

describe('CommitIndex', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  it('is empty in a repository without commits, and says so without failing', async () => {
    const index = new CommitIndex(repo.ctx);
    assert.deepEqual(await index.update(), { added: 0, full: false });
    assert.equal(index.head, undefined);
    assert.deepEqual(index.commits, []);
  });

  it('reads each commit with its trailers, authors and dates', async () => {
    const first = repo.commit('Add canary checks\n\nKey-Result: PLAT-KR1\n');
    repo.commit('Tidy up');
    const third = repo.commit('Two at once\n\nSigned-off-by: Dana <dana@example.com>\nKey-Result: PLAT-KR1\nkey-result: plat-kr2\n', {
      env: { GIT_AUTHOR_NAME: 'Li Other', GIT_AUTHOR_EMAIL: 'li@example.com' },
    });
    const index = new CommitIndex(repo.ctx);
    assert.deepEqual(await index.update(), { added: 3, full: true });
    assert.equal(index.head, third);
    assert.deepEqual(
      index.commitsFor('plat-kr1').map((c) => c.sha),
      [third, first],
    );
    const c = index.commitsFor('PLAT-KR2')[0];
    assert.equal(c.subject, 'Two at once');
    assert.equal(c.author, 'Li Other');
    assert.equal(c.email, 'li@example.com');
    assert.equal(c.date, '2026-11-01T11:00:00Z'.replace('Z', '+00:00'));
    assert.deepEqual(c.keyResults, ['PLAT-KR1', 'plat-kr2']);
    assert.deepEqual(index.commitsFor('PLAT-KR9'), []);
  });

  it('takes the head it is given for its first update, and asks git for later ones', async () => {
    const one = repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    const two = repo.commit('Two\n\nKey-Result: PLAT-KR1\n');
    const index = new CommitIndex(repo.ctx, { probed: { head: one, shallow: false } });
    assert.deepEqual(await index.update(), { added: 1, full: true });
    assert.equal(index.head, one);
    assert.deepEqual(await index.update(), { added: 1, full: false });
    assert.equal(index.head, two);
    // Told there are no commits yet: none are read.
    const unborn = new CommitIndex(repo.ctx, { probed: { head: undefined, shallow: false }, linkedOnly: true });
    assert.deepEqual(await unborn.update(), { added: 0, full: false });
    assert.equal(unborn.size, 0);
  });

  it('reads only the new commits after the first scan', async () => {
    repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    const index = new CommitIndex(repo.ctx);
    await index.update();
    assert.deepEqual(await index.update(), { added: 0, full: false });
    const second = repo.commit('Two\n\nKey-Result: PLAT-KR1\n');
    assert.deepEqual(await index.update(), { added: 1, full: false });
    assert.equal(index.commitsFor('PLAT-KR1')[0].sha, second);
    assert.equal(index.commits.length, 2);
  });

  it('reads everything again when the history was rewritten (amend, reset, rebase)', async () => {
    repo.commit('One');
    const two = repo.commit('Two\n\nKey-Result: PLAT-KR1\n');
    const index = new CommitIndex(repo.ctx);
    await index.update();

    repo.commit('Two, amended\n\nKey-Result: PLAT-KR2\n', { args: ['--amend'] });
    assert.deepEqual(await index.update(), { added: 2, full: true });
    assert.deepEqual(index.commitsFor('PLAT-KR1'), []);
    assert.equal(index.commitsFor('PLAT-KR2').length, 1);
    assert.ok(!index.commits.some((c) => c.sha === two));

    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    assert.deepEqual(await index.update(), { added: 1, full: true });
    assert.deepEqual(index.commitsFor('PLAT-KR2'), []);
  });

  it('rescans when the saved head no longer exists at all (a pruned, force-pushed history)', async () => {
    repo.commit('One');
    const state: CommitIndexState = {
      version: 1,
      trailerKey: 'Key-Result',
      ref: 'HEAD',
      head: 'f'.repeat(40),
      shallow: false,
      commits: [
        {
          sha: 'f'.repeat(40),
          parents: [],
          author: 'x',
          email: 'x',
          date: '2026-01-01T00:00:00+00:00',
          subject: 'gone',
          keyResults: ['PLAT-KR1'],
        },
      ],
    };
    const index = new CommitIndex(repo.ctx, { state });
    assert.deepEqual(await index.update(), { added: 1, full: true });
    assert.deepEqual(index.commitsFor('PLAT-KR1'), []);
  });

  it('saves and restores its state as JSON, then carries on incrementally', async () => {
    repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    const index = new CommitIndex(repo.ctx);
    await index.update();
    const saved = JSON.parse(JSON.stringify(index.state())) as CommitIndexState;
    repo.commit('Two\n\nKey-Result: PLAT-KR1\n');
    const restored = new CommitIndex(repo.ctx, { state: saved });
    assert.equal(restored.commitsFor('PLAT-KR1').length, 1);
    assert.deepEqual(await restored.update(), { added: 1, full: false });
    assert.equal(restored.commitsFor('PLAT-KR1').length, 2);
    // A state made for another trailer key is not used.
    const other = new CommitIndex(repo.ctx, { state: saved, trailerKey: 'Objective' });
    assert.deepEqual(other.commits, []);
  });

  it('follows another trailer key', async () => {
    repo.commit('One\n\nKR: PLAT-KR1\nKey-Result: PLAT-KR2\n');
    const index = new CommitIndex(repo.ctx, { trailerKey: 'KR' });
    await index.update();
    assert.equal(index.commitsFor('PLAT-KR1').length, 1);
    assert.equal(index.commitsFor('PLAT-KR2').length, 0);
  });

  it('works on a detached HEAD and on another ref', async () => {
    const one = repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    repo.commit('Two\n\nKey-Result: PLAT-KR1\n');
    repo.git(['checkout', '-q', '--detach', one]);
    const detached = new CommitIndex(repo.ctx);
    await detached.update();
    assert.equal(detached.commits.length, 1);
    const onMain = new CommitIndex(repo.ctx, { ref: 'main' });
    await onMain.update();
    assert.equal(onMain.commits.length, 2);
    await assert.rejects(new CommitIndex(repo.ctx, { ref: 'no-such-branch' }).update(), /no-such-branch/);
  });

  it('indexes what a shallow clone has, and says it is shallow', async () => {
    for (let i = 0; i < 5; i++) repo.commit(`Commit ${i}\n\nKey-Result: PLAT-KR1\n`);
    const clone = repo.sibling('clone');
    repo.git(['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone.dir], { cwd: repo.root });
    const index = new CommitIndex(clone.ctx);
    assert.deepEqual(await index.update(), { added: 2, full: true });
    assert.equal(index.shallow, true);
    // Deepening the clone changes what is there: a full rescan.
    clone.git(['fetch', '-q', '--unshallow']);
    assert.deepEqual(await index.update(), { added: 5, full: true });
    assert.equal(index.shallow, false);
    assert.equal(index.commitsFor('PLAT-KR1').length, 5);
  });

  it('keeps merge commits with their parents, and lists untagged commits since a base', async () => {
    repo.commit('Base');
    repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
    const tagged = repo.commit('Tagged\n\nKey-Result: PLAT-KR1\n');
    const untagged = repo.commit('Forgot the trailer');
    repo.git(['switch', '-q', 'main']);
    repo.commit('On main');
    repo.git(['merge', '-q', '--no-ff', '--no-edit', 'kr/PLAT-KR1-x'], { env: repo.dated() });
    const index = new CommitIndex(repo.ctx);
    await index.update();
    const merge = index.commits[0];
    assert.equal(merge.parents.length, 2);
    assert.deepEqual(
      (await index.untaggedSince('main~1')).map((c) => c.sha),
      [untagged],
    );
    assert.ok(index.commits.some((c) => c.sha === tagged));
  });

  it('reports trailers naming no known key result, with the closest ids', async () => {
    repo.commit('Typo\n\nKey-Result: PLAT-RK1\n');
    repo.commit('Fine\n\nKey-Result: plat-kr2\n');
    const index = new CommitIndex(repo.ctx);
    await index.update();
    const unknown = index.unknownTrailers(['PLAT-KR1', 'PLAT-KR2']);
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].value, 'PLAT-RK1');
    assert.deepEqual(unknown[0].suggestions.slice(0, 1), ['PLAT-KR1']);
  });

  it('keeps subjects with separators and odd characters intact', async () => {
    const subject = 'Weird \x1f field \x1e record \x1d value ünïcode 🚀';
    repo.commit(`${subject}\n\nKey-Result: PLAT-KR1\n`, { args: ['--cleanup=verbatim'] });
    const [c] = await readCommits(repo.ctx, 'Key-Result', ['HEAD']);
    assert.equal(c.subject, subject);
    assert.deepEqual(c.keyResults, ['PLAT-KR1']);
  });

  it('ignores log.showSignature and other settings that would change the output', async () => {
    repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    repo.git(['config', 'log.showSignature', 'true']);
    repo.git(['config', 'i18n.logOutputEncoding', 'ISO-8859-1']);
    const index = new CommitIndex(repo.ctx);
    await index.update();
    assert.equal(index.commitsFor('PLAT-KR1').length, 1);
  });

  it('serializes concurrent updates', async () => {
    repo.commit('One');
    const index = new CommitIndex(repo.ctx);
    const results = await Promise.all([index.update(), index.update(), index.update()]);
    assert.deepEqual(results, [
      { added: 1, full: true },
      { added: 0, full: false },
      { added: 0, full: false },
    ]);
  });

  it('skips malformed log records instead of failing', () => {
    const good = ['a'.repeat(40), '', 'N', 'e', '2026-01-01T00:00:00+00:00', 'X\x1dY', 'subject'].join('\x1f');
    const commits = parseLog(`garbage\0${good}\0\0`);
    assert.equal(commits.length, 1);
    assert.deepEqual(commits[0].keyResults, ['X', 'Y']);
  });

  it('parses the raw bytes of the log as it parses the text: UTF-8 names and subjects, malformed records skipped', () => {
    const records = [
      [
        'b'.repeat(40),
        'c'.repeat(40),
        'Zoë Ørsted',
        'zoë@exämple.org',
        '2026-01-02T09:00:00+01:00',
        ' PLAT-KR1 \x1dSÉC-KR2',
        'Répare le cœur 🚀: ça marche',
      ],
      [
        'd'.repeat(40),
        `${'e'.repeat(40)} ${'f'.repeat(40)}`,
        '日本',
        'n@example.org',
        '2026-01-03T09:00:00+09:00',
        '',
        'merge\x1fwith a separator in the subject',
      ],
    ].map((f) => f.join('\x1f'));
    const log = `not a commit\0${records.join('\0')}\0${'0'.repeat(40)}\x1ftoo few fields\0`;
    const fromBytes = parseLog(Buffer.from(log, 'utf8'));
    assert.deepEqual(fromBytes, parseLog(log));
    assert.deepEqual(
      fromBytes.map((c) => [c.author, c.email, c.subject, c.keyResults, c.parents.length]),
      [
        ['Zoë Ørsted', 'zoë@exämple.org', 'Répare le cœur 🚀: ça marche', ['PLAT-KR1', 'SÉC-KR2'], 1],
        ['日本', 'n@example.org', 'merge\x1fwith a separator in the subject', [], 2],
      ],
    );
  });
});

describe("the history scan's temporary log file", function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let tmp: string;
  let savedTmp: string | undefined;
  beforeEach(() => {
    repo = TempRepo.create();
    // git log writes to a file in os.tmpdir(): a folder of the test's own, to see what is left in it.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'okr-history-tmp-'));
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(tmp, { recursive: true, force: true });
    repo.remove();
  });

  it('is removed after a scan, a linked-only scan, a failed one and a stopped one', async () => {
    repo.commit('One\n\nKey-Result: PLAT-KR1\n');
    repo.commit('Two');
    assert.equal((await readCommits(repo.ctx, 'Key-Result', ['HEAD'])).length, 2);
    assert.deepEqual(readdirSync(tmp), []);
    const linked = new CommitIndex(repo.ctx, { linkedOnly: true });
    await linked.update();
    assert.equal(linked.size, 2);
    assert.deepEqual(readdirSync(tmp), []);
    await assert.rejects(readCommits(repo.ctx, 'Key-Result', ['no-such-branch']));
    assert.deepEqual(readdirSync(tmp), []);
    const stop = new AbortController();
    const stopped = readCommits(repo.ctx, 'Key-Result', ['HEAD'], { signal: stop.signal, onStart: () => stop.abort() });
    await assert.rejects(stopped);
    assert.deepEqual(readdirSync(tmp), []);
  });
});
