import assert from 'node:assert/strict';
import { parseOkr } from '../../src/core/parse';
import {
  assessKeyResult,
  assessObjective,
  clamp01,
  daysBetween,
  effectiveConfidence,
  effectiveCurrent,
  krProgress,
  latestCheckIn,
  objectivePeriod,
  objectiveProgress,
  pace,
  percent,
  periodPhase,
  rawProgress,
} from '../../src/core/progress';

function file(objectives: string, period = 'period: 2026-Q4\n') {
  const { file, findings } = parseOkr(`team: T\n${period}objectives:\n${objectives}`, 'x');
  assert.deepEqual(findings, []);
  return file;
}
function kr(fields: string) {
  return file(`  - { id: O1, title: A, key_results: [{ id: K, title: B, ${fields} }] }\n`).objectives[0].keyResults[0];
}
const Q4 = { start: '2026-10-01', end: '2026-12-31' };

describe('progress', () => {
  it('effectiveCurrent: the latest dated check-in with a value wins over `current`, which stands alone without one', () => {
    // The starter file's promise: "a newer check-in wins". A new check-in moves progress even where `current:` was left behind.
    assert.equal(effectiveCurrent(kr('current: 5, check_ins: [{ date: 2026-11-01, value: 9 }]')), 9);
    assert.equal(effectiveCurrent(kr('current: 5')), 5);
    assert.equal(effectiveCurrent(kr('current: 5, check_ins: [{ date: 2026-11-01, note: no value }]')), 5);
    assert.equal(effectiveCurrent(kr('check_ins: [{ date: 2026-11-20, value: 9 }, { date: 2026-11-01, value: 4 }]')), 9);
    assert.equal(effectiveCurrent(kr('check_ins: [{ date: 2026-11-01, value: 4 }, { date: 2026-11-01, value: 6 }]')), 6);
    assert.equal(effectiveCurrent(kr('check_ins: [{ date: 2026-11-20, note: no value }, { date: 2026-11-01, value: 4 }]')), 4);
    assert.equal(effectiveCurrent(kr('target: 3')), undefined);
  });

  it('latestCheckIn and effectiveConfidence', () => {
    const k = kr(
      'confidence: 0.9, check_ins: [{ date: 2026-11-20, confidence: 0.4 }, { date: 2026-11-25, note: x }, { date: 2026-10-01, ' +
        'confidence: 0.8 }]',
    );
    assert.equal(latestCheckIn(k)?.date, '2026-11-25');
    assert.equal(effectiveConfidence(k), 0.4);
    assert.equal(effectiveConfidence(kr('confidence: 0.9')), 0.9);
  });

  it('rawProgress goes either way, may pass 100% or fall below 0%, and is undefined without numbers', () => {
    assert.equal(rawProgress(kr('start: 12, target: 3, current: 7')), 5 / 9);
    assert.equal(rawProgress(kr('start: 50, target: 200, current: 230')), 180 / 150);
    assert.equal(rawProgress(kr('start: 12, target: 3, current: 15')), -3 / 9);
    assert.equal(rawProgress(kr('target: 10, current: 4')), 0.4); // no start: from 0
    assert.equal(rawProgress(kr('start: 5, target: 5, current: 5')), undefined); // asks for no change
    assert.equal(rawProgress(kr('start: 5, target: 9')), undefined);
    assert.equal(krProgress(kr('start: 50, target: 200, current: 230')), 1);
    assert.equal(krProgress(kr('start: 12, target: 3, current: 15')), 0);
  });

  it('objectiveProgress averages the active key results with numbers', () => {
    const o = file(
      '  - id: O1\n    title: A\n    key_results:\n' +
        '      - { id: K1, title: a, start: 0, target: 10, current: 5 }\n' +
        '      - { id: K2, title: b, start: 0, target: 10, current: 20 }\n' +
        '      - { id: K3, title: c }\n' +
        '      - { id: K4, title: d, start: 0, target: 10, current: 0, status: dropped }\n',
    ).objectives[0];
    assert.equal(objectiveProgress(o), 0.75);
  });

  it('days, pace and phases, counting today as elapsed', () => {
    assert.equal(daysBetween('2026-10-01', '2026-12-31'), 91);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2); // across a DST change in many zones
    assert.equal(daysBetween('2026-11-28', '2026-11-01'), -27);
    assert.equal(pace(Q4, '2026-10-01'), 1 / 92);
    assert.equal(pace(Q4, '2026-11-15'), 0.5);
    assert.equal(pace(Q4, '2027-02-01'), 1);
    assert.equal(pace(Q4, '2026-09-01'), 0);
    assert.deepEqual(
      ['2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01'].map((d) => periodPhase(Q4, d)),
      ['before', 'during', 'during', 'after'],
    );
  });

  it('objectivePeriod ends at `due` when it falls within the period', () => {
    const f = file('  - { id: O1, title: A, due: 2026-11-15 }\n  - { id: O2, title: B, due: 2027-03-01 }\n  - { id: O3, title: C }\n');
    assert.deepEqual(objectivePeriod(f, f.objectives[0]), { label: '2026-Q4', start: '2026-10-01', end: '2026-11-15' });
    assert.deepEqual(objectivePeriod(f, f.objectives[1]), { label: '2026-Q4', ...Q4 });
    assert.deepEqual(objectivePeriod(f, f.objectives[2]), { label: '2026-Q4', ...Q4 });
    const none = file('  - { id: O1, title: A, due: 2026-11-15 }\n', '');
    assert.equal(objectivePeriod(none, none.objectives[0]), undefined);
  });

  it('assessments: on track, at risk, off track by pace and confidence; done, dropped, not started', () => {
    const f = file(
      '  - id: O1\n    title: A\n    key_results:\n' +
        '      - { id: K1, title: a, start: 0, target: 100, current: 50 }\n' +
        '      - { id: K2, title: b, start: 0, target: 100, current: 30 }\n' +
        '      - { id: K3, title: c, start: 0, target: 100, current: 10 }\n' +
        '      - { id: K4, title: d, start: 0, target: 100, current: 60, confidence: 0.3 }\n' +
        '      - { id: K5, title: e, status: done }\n',
    );
    const o = f.objectives[0];
    const health = (i: number, today = '2026-11-15') => assessKeyResult(f, o, o.keyResults[i], today).health;
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((i) => health(i)),
      ['on-track', 'at-risk', 'off-track', 'off-track', 'done'],
    );
    assert.equal(health(0, '2026-09-01'), 'not-started');
    const a = assessKeyResult(f, o, o.keyResults[1], '2026-11-15');
    assert.equal(a.expected, 0.5);
    assert.ok(Math.abs(a.paceGap! + 0.2) < 1e-9);
    assert.equal(assessObjective(f, o, '2026-11-15').health, 'off-track');
  });

  it('a key result with no current and no check-in value has no health yet, whatever its confidence', () => {
    const f = file(
      '  - id: O1\n    title: A\n    key_results:\n' +
        '      - { id: K1, title: a, start: 12, target: 3, confidence: 0.1 }\n' +
        '      - { id: K2, title: b, start: 12, target: 3, check_ins: [{ date: 2026-11-10, confidence: 0.2, note: not measured yet }] }\n',
    );
    const o = f.objectives[0];
    for (const k of o.keyResults) {
      const a = assessKeyResult(f, o, k, '2026-12-20');
      assert.equal(a.health, 'unknown', k.id);
      assert.equal(a.progress, undefined);
      assert.equal(a.paceGap, undefined);
    }
    // Nothing measured in any of its key results: the objective has no health either.
    assert.equal(assessObjective(f, o, '2026-12-20').health, 'unknown');
  });

  it('clamp01 and percent', () => {
    assert.deepEqual([clamp01(-1), clamp01(0.5), clamp01(3)], [0, 0.5, 1]);
    assert.equal(percent(0.666), '67%');
  });
});
