import assert from 'node:assert/strict';
import { parseOkr } from '../../src/core/parse';
import { objectiveProgress } from '../../src/core/progress';
import { keyResultSeries, objectiveSeries, projectAtRateSoFar } from '../../src/core/series';

function parse(objectives: string, period = 'period: 2026-Q4\n') {
  const { file, findings } = parseOkr(`team: T\n${period}objectives:\n${objectives}`, 'x');
  assert.deepEqual(findings, []);
  return file;
}
function one(fields: string, today = '2026-11-15') {
  const file = parse(`  - { id: O1, title: A, key_results: [{ id: K, title: B, ${fields} }] }\n`);
  const o = file.objectives[0];
  return keyResultSeries(file, o, o.keyResults[0], today);
}

describe('series', () => {
  it('a key result starts at its start value on the first day, then each check-in by date', () => {
    const s = one(
      'start: 10, target: 30, check_ins: [{ date: 2026-11-01, value: 20, confidence: 0.6, note: half way }, { date: 2026-10-15, ' +
        'value: 14 }]',
    );
    assert.deepEqual(
      s.points.map((p) => [p.date, p.value, p.kind]),
      [
        ['2026-10-01', 10, 'start'],
        ['2026-10-15', 14, 'check-in'],
        ['2026-11-01', 20, 'check-in'],
      ],
    );
    assert.equal(s.points[2].progress, 0.5);
    assert.equal(s.points[2].note, 'half way');
    assert.deepEqual(s.pace, { from: { date: '2026-10-01', progress: 0 }, to: { date: '2026-12-31', progress: 1 } });
  });

  it('leaves out check-ins after today, so a past --today shows the past', () => {
    const s = one('start: 0, target: 10, check_ins: [{ date: 2026-10-20, value: 2 }, { date: 2026-12-01, value: 8 }]', '2026-11-01');
    assert.deepEqual(
      s.points.map((p) => p.value),
      [0, 2],
    );
  });

  it('a decreasing key result climbs too: progress is towards the target', () => {
    const s = one('start: 12, target: 4, check_ins: [{ date: 2026-11-01, value: 8 }]');
    assert.equal(s.points[1].progress, 0.5);
  });

  it('adds `current` on today for a key result without check-ins; with check-ins the latest one wins over `current:`', () => {
    const alone = one('start: 0, target: 10, current: 7', '2026-11-20');
    assert.deepEqual(alone.points.map((p) => [p.date, p.kind, p.value]).at(-1), ['2026-11-20', 'current', 7]);
    // Issue 10: the latest check-in is the current value; a `current:` left behind is current-disagrees' finding, not a point.
    const behind = one('start: 0, target: 10, current: 7, check_ins: [{ date: 2026-11-01, value: 5 }]', '2026-11-20');
    assert.deepEqual(behind.points.map((p) => [p.date, p.kind, p.value]).at(-1), ['2026-11-01', 'check-in', 5]);
    const same = one('start: 0, target: 10, current: 5, check_ins: [{ date: 2026-11-01, value: 5 }]', '2026-11-20');
    assert.equal(same.points.at(-1)?.kind, 'check-in');
  });

  it('no points without a target; confidence still has its history', () => {
    const s = one('check_ins: [{ date: 2026-11-01, confidence: 0.5 }]');
    assert.deepEqual(s.points, []);
    assert.deepEqual(s.confidence, [{ date: '2026-11-01', confidence: 0.5, note: undefined }]);
  });

  it('projection at the rate so far reaches the period end', () => {
    // 46 days of 91 gone, 50% done: the same rate gives 50% * 91/46 by Dec 31.
    const s = one('start: 0, target: 100, check_ins: [{ date: 2026-11-16, value: 50 }]', '2026-11-20');
    assert.equal(s.projection?.date, '2026-12-31');
    assert.ok(Math.abs(s.projection.progress - (0.5 * 91) / 46) < 1e-9);
    assert.ok(Math.abs(s.projection.value! - (50 * 91) / 46) < 1e-9);
    assert.equal(
      projectAtRateSoFar({ start: '2026-10-01', end: '2026-12-31' }, { date: '2026-10-01', progress: 0.2 }, '2026-10-01'),
      undefined,
    );
    // After the period, the last point is the result: nothing is projected.
    assert.equal(one('start: 0, target: 100, check_ins: [{ date: 2026-12-20, value: 50 }]', '2027-01-10').projection, undefined);
  });

  it('an objective series is the mean of its key results as last known at each date', () => {
    const file = parse(
      [
        '  - id: O1',
        '    title: A',
        '    key_results:',
        '      - { id: K1, title: a, start: 0, target: 10, check_ins: [{ date: 2026-10-15, value: 4 }, { date: 2026-11-01, value: 8 }] }',
        '      - { id: K2, title: b, start: 0, target: 10, check_ins: [{ date: 2026-10-20, value: 2 }] }',
        '      - { id: K3, title: c, target: 10, status: dropped, current: 10 }',
        '      - { id: K4, title: no numbers }',
        '',
      ].join('\n'),
    );
    const o = file.objectives[0];
    const s = objectiveSeries(file, o, '2026-11-15');
    assert.deepEqual(
      s.points.map((p) => [p.date, Math.round(p.progress * 100)]),
      [
        ['2026-10-01', 0],
        ['2026-10-15', 20],
        ['2026-10-20', 30],
        ['2026-11-01', 50],
      ],
    );
    assert.equal(s.points.at(-1)!.progress, objectiveProgress(o));
    assert.deepEqual(
      s.keyResults.map((k) => k.keyResult.id),
      ['K1', 'K2'],
    );
  });

  it('a key result never measured (start and target, no check-in, no current) is left out of the objective line, as of its progress', () => {
    const file = parse(
      [
        '  - id: O1',
        '    title: A',
        '    key_results:',
        '      - { id: K1, title: a, start: 10, target: 30, check_ins: [{ date: 2026-11-15, value: 20 }] }',
        '      - { id: K2, title: b, start: 40, target: 60 }',
        '',
      ].join('\n'),
    );
    const o = file.objectives[0];
    const s = objectiveSeries(file, o, '2026-11-15');
    assert.equal(objectiveProgress(o), 0.5);
    assert.deepEqual(
      s.points.map((p) => [p.date, p.progress]),
      [
        ['2026-10-01', 0],
        ['2026-11-15', 0.5],
      ],
    );
    assert.deepEqual(
      s.keyResults.map((k) => k.keyResult.id),
      ['K1'],
    );
    // 50% after 45 of 91 days: about 101% by the end, as K1's own projection says (not 51%).
    assert.equal(
      Math.round(s.projection!.progress * 100),
      Math.round(keyResultSeries(file, o, o.keyResults[0], '2026-11-15').projection!.progress * 100),
    );
  });

  it('an objective with `due` runs to its due date', () => {
    const file = parse(
      '  - { id: O1, title: A, due: 2026-11-30, key_results: [{ id: K, title: B, target: 10, check_ins: [{ date: 2026-10-31, value: 5 ' +
        '}] }] }\n',
    );
    const s = objectiveSeries(file, file.objectives[0], '2026-11-01');
    assert.equal(s.pace?.to.date, '2026-11-30');
    assert.equal(s.projection?.date, '2026-11-30');
  });
});
