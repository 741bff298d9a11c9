import { strict as assert } from 'node:assert';
import type { CommitRecord } from '../../src/core/git/history';
import { addTrailer, removeTrailer } from '../../src/core/git/trailers';
import {
  branchKeyResult,
  isStale,
  keyResultPickRows,
  LINKED_COMMITS_SHOWN,
  linkedWork,
  restoredText,
  type StaleContext,
} from '../../src/extension/git/decisions';

function commit(sha: string, date: string, keyResults: string[] = ['PLAT-KR1']): CommitRecord {
  return {
    sha: `${sha}.`.padEnd(40, '0'),
    parents: [],
    author: 'Dana',
    email: 'd@example.com',
    date,
    subject: `commit ${sha}`,
    keyResults,
  };
}

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const during: StaleContext = { today: '2026-11-15', period: Q4, active: true, staleDays: 14 };

describe('git features: which key result a branch stands for', () => {
  const ids = ['PLAT-KR1', 'PLAT-KR12', 'PAY-KR1'];

  it('takes the explicit link over the name, even one no file defines', () => {
    assert.deepEqual(branchKeyResult('kr/PLAT-KR1-x', 'PAY-KR1', ids), { id: 'PAY-KR1', source: 'link' });
    assert.deepEqual(branchKeyResult('feature/payouts', 'GONE-KR9', ids), { id: 'GONE-KR9', source: 'link' });
  });

  it('finds the longest known id in the name, or nothing', () => {
    assert.deepEqual(branchKeyResult('kr/plat-kr12-latency', undefined, ids), { id: 'PLAT-KR12', source: 'name' });
    assert.equal(branchKeyResult('main', undefined, ids), undefined);
    assert.equal(branchKeyResult(undefined, undefined, ids), undefined, 'detached HEAD');
    assert.equal(branchKeyResult('kr/PLAT-KR1', '  ', ids)?.source, 'name', 'a blank link is no link');
  });
});

describe('git features: linked work', () => {
  it('counts each commit once over several repositories, newest first, with the newest date', () => {
    const a = [commit('a1', '2026-11-10T09:00:00+01:00'), commit('a2', '2026-11-01T09:00:00Z')];
    const b = [commit('b1', '2026-11-12T08:00:00Z'), commit('a1', '2026-11-10T09:00:00+01:00')];
    const work = linkedWork(
      [
        { repository: 'repo-a', commits: a },
        { repository: 'repo-b', commits: b },
      ],
      during,
      (r) => r as never,
    );
    assert.equal(work.count, 3);
    assert.equal(work.lastDate, '2026-11-12T08:00:00Z');
    assert.deepEqual(
      work.commits.map((c) => [c.sha.slice(0, 2), c.repository]),
      [
        ['b1', 'repo-b'],
        ['a1', 'repo-a'],
        ['a2', 'repo-a'],
      ],
    );
    assert.equal(work.stale, false);
  });

  it(`lists at most ${LINKED_COMMITS_SHOWN} commits but counts them all`, () => {
    const many = Array.from({ length: LINKED_COMMITS_SHOWN + 7 }, (_, i) => commit(`c${i}`, `2026-11-0${(i % 9) + 1}T00:00:00Z`));
    const work = linkedWork([{ repository: undefined, commits: many }], during, () => undefined);
    assert.equal(work.count, LINKED_COMMITS_SHOWN + 7);
    assert.equal(work.commits.length, LINKED_COMMITS_SHOWN);
    assert.ok(!('repository' in work.commits[0]));
  });

  it('no commits in a period running for 14 days or more is stale', () => {
    const none = linkedWork([{ repository: undefined, commits: [] }], during, () => undefined);
    assert.deepEqual([none.count, none.lastDate, none.stale], [0, undefined, true]);
  });
});

describe('git features: staleness', () => {
  it('is measured from the newest linked commit, in whole days, at the threshold', () => {
    assert.equal(isStale('2026-11-02T23:00:00-05:00', during), false, '13 days on the author calendar');
    assert.equal(isStale('2026-11-01T10:00:00Z', during), true, '14 days');
  });

  it('counts from the period start when there is no commit, or only older ones', () => {
    assert.equal(isStale(undefined, { ...during, today: '2026-10-14' }), false);
    assert.equal(isStale(undefined, { ...during, today: '2026-10-15' }), true);
    assert.equal(
      isStale('2026-08-01T00:00:00Z', { ...during, today: '2026-10-10' }),
      false,
      "last quarter's work does not make a new period stale",
    );
  });

  it('never marks done or dropped work, a period not running, or a file without period', () => {
    assert.equal(isStale(undefined, { ...during, active: false }), false);
    assert.equal(isStale(undefined, { ...during, today: '2027-01-20' }), false);
    assert.equal(isStale(undefined, { ...during, today: '2026-09-01' }), false);
    assert.equal(isStale(undefined, { ...during, period: undefined }), false);
    assert.equal(isStale(undefined, { ...during, staleDays: 60 }), false);
  });
});

describe('git features: the key-result quick pick', () => {
  const krs = [
    {
      id: 'PLAT-KR1',
      title: 'Fewer incidents',
      objectiveId: 'PLAT-O1',
      objectiveTitle: 'Reliable',
      progress: 0.56,
      health: 'at-risk' as const,
    },
    { id: 'PLAT-KR2', title: 'Faster deploys', objectiveId: 'PLAT-O1', objectiveTitle: 'Reliable', health: 'unknown' as const },
    { id: '', title: 'No id yet', objectiveId: 'PLAT-O1', objectiveTitle: 'Reliable' },
    { id: 'PAY-KR1', title: 'Payouts', objectiveId: 'PAY-O1', objectiveTitle: undefined, progress: 1, health: 'done' as const },
  ];
  const shape = (rows: ReturnType<typeof keyResultPickRows>) =>
    rows.map((r) => `${r.keyResult.id}${r.current ? ' (current)' : ''}${r.tagged ? ' (tagged)' : ''}`);

  it('lists key results in file order, leaving out those without id; no separator hides a row', () => {
    assert.deepEqual(shape(keyResultPickRows(krs)), ['PLAT-KR1', 'PLAT-KR2', 'PAY-KR1']);
  });

  it('label: id and title; description: progress and health; detail: the objective', () => {
    assert.deepEqual(
      keyResultPickRows(krs).map((r) => [r.label, r.description, r.detail]),
      [
        ['$(target) PLAT-KR1: Fewer incidents', '56% · at risk', 'PLAT-O1 · Reliable'],
        ['$(target) PLAT-KR2: Faster deploys', 'no data', 'PLAT-O1 · Reliable'],
        ['$(target) PAY-KR1: Payouts', '100% · done', 'PAY-O1'],
      ],
    );
  });

  it("puts the current branch's key result first, and marks the tagged ones", () => {
    const rows = keyResultPickRows(krs, { currentId: 'plat-kr2', taggedIds: ['PAY-KR1'] });
    assert.deepEqual(shape(rows), ['PLAT-KR2 (current)', 'PLAT-KR1', 'PAY-KR1 (tagged)']);
    assert.equal(rows[0].detail, 'Key result of the current branch · PLAT-O1 · Reliable');
    assert.equal(rows[2].label, '$(check) PAY-KR1: Payouts');
    assert.equal(rows[2].detail, 'in the commit message: pick it to remove the trailer · PAY-O1');
  });

  it('ignores a current id no file defines', () => {
    assert.deepEqual(shape(keyResultPickRows(krs, { currentId: 'GONE-KR1' }))[0], 'PLAT-KR1');
  });
});

describe('git features: untagging gives the typed text back', () => {
  it('restores the text exactly when the box is as OKR Lens left it', () => {
    const typed = 'Fix the payout batch';
    const tagged = addTrailer(typed, 'Key-Result', 'PAY-KR1');
    const removed = removeTrailer(tagged, 'Key-Result', 'PAY-KR1');
    assert.equal(removed, `${typed}\n`, 'removal alone keeps the newline adding introduced');
    assert.equal(restoredText(tagged, removed, 'PAY-KR1', { before: typed, after: tagged, id: 'PAY-KR1' }), typed);
  });

  it('falls back to plain removal once the user edited the box, or for another key result', () => {
    const memory = { before: 'Fix', after: 'Fix\n\nKey-Result: PAY-KR1\n', id: 'PAY-KR1' };
    const edited = 'Fix it\n\nKey-Result: PAY-KR1\n';
    assert.equal(restoredText(edited, 'Fix it\n', 'PAY-KR1', memory), 'Fix it\n');
    assert.equal(restoredText(memory.after, 'x', 'PAY-KR2', memory), 'x');
    assert.equal(restoredText(memory.after, 'x', 'PAY-KR1', undefined), 'x');
  });
});
