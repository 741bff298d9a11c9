import assert from 'node:assert/strict';
import type { CommitRecord } from '../../src/core/git/history';
import { parseOkr } from '../../src/core/parse';
import {
  activeKeyResults,
  cadenceByOwner,
  checkInCadence,
  confidenceFalling,
  fileIsLinked,
  linkedWorkById,
  trailerShare,
  weekCount,
} from '../../src/core/indicators';
import { checkInCadenceDays, DEFAULT_CHECK_IN_DAYS } from '../../src/core/cadence';

function parse(objectives: string) {
  const { file, findings } = parseOkr(`team: T\nperiod: 2026-Q4\nobjectives:\n${objectives}`, 'x');
  assert.deepEqual(findings, []);
  return file;
}
function kr(fields: string) {
  return parse(`  - { id: O1, title: A, key_results: [{ id: K, title: B, ${fields} }] }\n`).objectives[0].keyResults[0];
}
const Q4 = { start: '2026-10-01', end: '2026-12-31' };
const dates = (...ds: string[]) => `check_ins: [${ds.map((d) => `{ date: ${d} }`).join(', ')}]`;

function commit(date: string, keyResults: string[] = [], parents = ['p']): CommitRecord {
  return { sha: 'a'.repeat(40), parents, author: 'A', email: 'a@x', date: `${date}T10:00:00+01:00`, subject: 's', keyResults };
}

describe('leading indicators', () => {
  it("the cadence is the file's check_in_every, fortnightly by default", () => {
    assert.equal(checkInCadenceDays(parse('  - { id: O1, title: A }\n')), DEFAULT_CHECK_IN_DAYS);
    assert.equal(DEFAULT_CHECK_IN_DAYS, 14);
    const weekly = parseOkr(
      'team: T\nperiod: 2026-Q4\ncheck_in_every: weekly\nobjectives:\n' +
        '  - { id: O1, title: A, key_results: [{ id: K, title: B, check_ins: [{ date: 2026-10-10 }] }] }\n',
      'x',
    ).file;
    assert.equal(checkInCadenceDays(weekly), 7);
    // Oct 10 is late for a weekly cadence (due Oct 8); Oct 17, 24 have passed by Oct 25.
    const rows = cadenceByOwner(activeKeyResults([weekly]), '2026-10-25');
    assert.deepEqual([rows[0].onTime, rows[0].late, rows[0].missed], [0, 1, 2]);
  });

  it('check-ins within the cadence are on time', () => {
    const c = checkInCadence(Q4, kr(dates('2026-10-15', '2026-10-29', '2026-11-10')), 14, '2026-11-20');
    assert.deepEqual(c, { everyDays: 14, onTime: 3, late: 0, missed: 0, nextDue: '2026-11-24', overdue: false });
  });

  it('a check-in after its due date is late; every due date it skipped was missed', () => {
    // Due Oct 15: came Oct 20 (late). Due Nov 3, Nov 17: none until Nov 25 (late, one missed).
    const c = checkInCadence(Q4, kr(dates('2026-10-20', '2026-11-25')), 14, '2026-11-26');
    assert.equal(c?.onTime, 0);
    assert.equal(c?.late, 2);
    assert.equal(c?.missed, 1);
  });

  it('due dates passed since the last check-in are missed, and the next one overdue', () => {
    // Oct 15 on time; due Oct 29, Nov 12, Nov 26 have passed by Nov 28.
    const c = checkInCadence(Q4, kr(dates('2026-10-15')), 14, '2026-11-28');
    assert.equal(c?.missed, 3);
    assert.equal(c?.nextDue, '2026-10-29');
    assert.equal(c?.overdue, true);
    // A due date of today has not passed yet.
    assert.equal(checkInCadence(Q4, kr(dates('2026-10-15')), 14, '2026-10-29')?.missed, 0);
  });

  it('counts one check-in a day, none before the period or after today, and nothing before it starts', () => {
    const c = checkInCadence(Q4, kr(dates('2026-09-20', '2026-10-10', '2026-10-10', '2026-12-01')), 14, '2026-10-12');
    assert.equal(c?.onTime, 1);
    assert.equal(checkInCadence(Q4, kr(dates('2026-10-10')), 14, '2026-09-30'), undefined);
    assert.equal(checkInCadence(undefined, kr(dates('2026-10-10')), 14, '2026-10-30'), undefined);
  });

  it('after the period, counts up to its last day and has no next due date', () => {
    const c = checkInCadence(Q4, kr(dates('2026-12-20')), 14, '2027-02-01');
    // Five due dates (Oct 15 .. Dec 10) before the Dec 20 check-in: it answers the first late, four were missed.
    assert.equal(c?.missed, 4);
    assert.equal(c?.late, 1);
    assert.equal(c?.nextDue, undefined);
    assert.equal(c?.overdue, false);
  });

  it('per owner: the key result owner, else the objective owner; nobody last', () => {
    const file = parse(
      [
        '  - id: O1',
        '    title: A',
        '    owner: ana',
        '    key_results:',
        `      - { id: K1, title: a, ${dates('2026-10-10')} }`,
        `      - { id: K2, title: b, owner: bo, ${dates('2026-10-20')} }`,
        '      - { id: K3, title: c, status: done }',
        '  - id: O2',
        '    title: B',
        '    key_results:',
        `      - { id: K4, title: d }`,
        '',
      ].join('\n'),
    );
    const rows = cadenceByOwner(activeKeyResults([file]), '2026-10-22');
    assert.deepEqual(
      rows.map((r) => [r.owner, r.keyResults, r.onTime, r.late, r.missed, r.overdue]),
      [
        ['ana', 1, 1, 0, 0, 0],
        ['bo', 1, 0, 1, 0, 0],
        [undefined, 1, 0, 0, 1, 1],
      ],
    );
  });

  it('the share of the period commits carrying a trailer leaves merges and other days out', () => {
    const commits = [
      commit('2026-10-02', ['K1']),
      commit('2026-10-03'),
      commit('2026-10-04', [], ['p', 'q']),
      commit('2026-09-30', ['K1']),
      commit('2026-11-01', ['K2', 'K1']),
    ];
    assert.deepEqual(trailerShare(commits, '2026-10-01', '2026-12-31'), { commits: 3, tagged: 2, share: 2 / 3 });
    assert.deepEqual(trailerShare([], '2026-10-01', '2026-12-31'), { commits: 0, tagged: 0, share: undefined });
  });

  it('linked work by id: once per commit, by week of the period, unknown trailers ignored', () => {
    const known = new Map([
      ['k1', 'K1'],
      ['k2', 'K2'],
    ]);
    const resolve = (v: string) => known.get(v.trim().toLowerCase());
    const commits = [
      commit('2026-10-01', ['K1', 'k1']),
      commit('2026-10-08', ['K1']),
      commit('2026-10-09', ['nope']),
      commit('2027-01-02', ['K2']),
    ];
    const byId = linkedWorkById(commits, resolve, Q4);
    assert.equal(weekCount(Q4), 14); // 92 days
    assert.equal(byId.get('k1')?.count, 2);
    assert.deepEqual(byId.get('k1')?.weeks.slice(0, 3), [1, 1, 0]);
    assert.equal(byId.get('k1')?.lastDate, '2026-10-08T10:00:00+01:00');
    assert.equal(byId.has('k2'), false);
    assert.equal(linkedWorkById(commits, resolve).get('k2')?.count, 1);
    const file = parse('  - { id: O1, title: A, key_results: [{ id: K1, title: a }] }\n');
    assert.equal(fileIsLinked(file, byId), true);
    assert.equal(fileIsLinked(parse('  - { id: O1, title: A, key_results: [{ id: K9, title: a }] }\n'), byId), false);
  });

  it('confidence fell two check-ins in a row', () => {
    const c = (...v: number[]) => `check_ins: [${v.map((x, i) => `{ date: 2026-10-${String(10 + i)}, confidence: ${x} }`).join(', ')}]`;
    assert.equal(confidenceFalling(kr(c(0.8, 0.7, 0.5)), '2026-11-01'), true);
    assert.equal(confidenceFalling(kr(c(0.9, 0.7, 0.7)), '2026-11-01'), false);
    assert.equal(confidenceFalling(kr(c(0.5, 0.4, 0.6)), '2026-11-01'), false);
    assert.equal(confidenceFalling(kr(c(0.8, 0.7)), '2026-11-01'), false);
    // Only the last two changes count, and only those up to today.
    assert.equal(confidenceFalling(kr(c(0.9, 0.8, 0.7, 0.9)), '2026-11-01'), false);
    assert.equal(confidenceFalling(kr(c(0.9, 0.8, 0.7, 0.9)), '2026-10-12'), true);
  });
});
