import assert from 'node:assert/strict';
import { cadenceDays, dueKeyResults, lateness } from '../../src/core/check-ins';
import { parseOkr } from '../../src/core/parse';

function file(head: string, objectives: string) {
  return parseOkr(`version: 1\nteam: T\nperiod: 2026-Q4\n${head}objectives:\n${objectives}`, 't.okr.yaml');
}
const KRS =
  '  - id: O1\n    title: A\n    key_results:\n' +
  '      - { id: K1, title: a, check_ins: [{ date: 2026-11-14, value: 1 }] }\n' +
  '      - { id: K2, title: b, check_ins: [{ date: 2026-11-27, value: 1 }] }\n' +
  '      - { id: K3, title: c }\n' +
  '      - { id: K4, title: d, status: done }\n' +
  '      - { id: K5, title: e, check_ins: [{ date: 2026-09-20, value: 1 }] }\n' +
  '  - id: O2\n    title: B\n    status: dropped\n    reason: r\n    key_results:\n      - { id: K6, title: f }\n';

describe('check-in cadence and due key results', () => {
  it('reads `check_in_every` as days or words, 14 by default, and refuses anything else with a finding', () => {
    for (const [written, days] of [
      ['7', 7],
      ['weekly', 7],
      ['fortnightly', 14],
      ['Monthly', 30],
      ['1', 1],
      ['366', 366],
    ] as const) {
      const r = file(`check_in_every: ${written}\n`, KRS);
      assert.equal(cadenceDays(r.file), days, written);
      assert.deepEqual(r.findings, [], written);
    }
    assert.equal(cadenceDays(file('', KRS).file), 14);
    for (const bad of ['0', '2.5', 'daily', '"7 days"', '[7]', '400']) {
      const r = file(`check_in_every: ${bad}\n`, KRS);
      assert.equal(r.file.checkInEvery, undefined, bad);
      assert.equal(r.findings.length, 1, bad);
      assert.match(r.findings[0].message, /`check_in_every` must be a number of days from 1 to 366, or weekly, fortnightly or monthly/);
    }
    assert.match(file('check_in_every: 7 days\n', KRS).findings[0].message, /Write `check_in_every: 7`/);
  });

  it('a key result is due when its latest check-in (or the period start) is a cadence old, only while active and running', () => {
    const due = dueKeyResults(file('', KRS).file, '2026-11-28');
    // K1: 14 days: due today. K3 and K5 (a check-in before the period): 58 days since the period started.
    assert.deepEqual(
      due.map((d) => [d.keyResult.id, d.age, d.daysLate, d.dueOn, d.lastCheckIn]),
      [
        ['K3', 58, 44, '2026-10-15', undefined],
        ['K5', 58, 44, '2026-10-15', undefined],
        ['K1', 14, 0, '2026-11-28', '2026-11-14'],
      ],
    );
    const weekly = dueKeyResults(file('check_in_every: weekly\n', KRS).file, '2026-11-28');
    assert.deepEqual(
      weekly.map((d) => [d.keyResult.id, d.daysLate]),
      [
        ['K3', 51],
        ['K5', 51],
        ['K1', 7],
      ],
    );
    assert.equal(dueKeyResults(file('check_in_every: weekly\n', KRS).file, '2026-12-04').find((d) => d.keyResult.id === 'K2')?.daysLate, 0);
    assert.deepEqual(dueKeyResults(file('', KRS).file, '2026-09-30'), []);
    assert.deepEqual(dueKeyResults(file('', KRS).file, '2027-01-01'), []);
    assert.deepEqual(dueKeyResults(parseOkr(`team: T\nobjectives:\n${KRS}`, 't.okr.yaml').file, '2026-11-28'), []);
  });

  it('says how late', () => {
    assert.equal(lateness(0), 'due today');
    assert.equal(lateness(1), '1 day late');
    assert.equal(lateness(9), '9 days late');
  });
});

describe("source: where a key result's metric comes from", () => {
  const kr = (source: string) =>
    file(
      '',
      `  - id: O1\n    title: A\n    key_results:\n      - id: K1\n        title: Raise coverage from 60% to 80%\n` +
        `        source: ${source}\n`,
    );

  it('reads `file` and an RFC 6901 `pointer`, with spans for messages', () => {
    const r = kr('{ file: metrics/coverage.json, pointer: /total/lines/pct }');
    assert.deepEqual(r.findings, []);
    const source = r.file.objectives[0].keyResults[0].source!;
    assert.equal(source.file, 'metrics/coverage.json');
    assert.equal(source.pointer, '/total/lines/pct');
    assert.equal(r.file.text.slice(source.spans.values.file.start, source.spans.values.file.end), 'metrics/coverage.json');
    assert.equal(kr('{ file: bench/score.txt }').file.objectives[0].keyResults[0].source?.pointer, undefined);
    assert.equal(kr('{ file: m.json, pointer: "" }').file.objectives[0].keyResults[0].source?.pointer, '');
    assert.equal(kr('{ file: m.json, pointer: "/a~1b/~0c/0" }').file.objectives[0].keyResults[0].source?.pointer, '/a~1b/~0c/0');
  });

  it('refuses a source without a file, an absolute path, a pointer without "/", a stray "~" and unknown keys', () => {
    const message = (s: string) =>
      kr(s)
        .findings.map((f) => f.message)
        .join(' | ');
    assert.match(message('{ pointer: /a }'), /needs a `file`/);
    assert.match(message('metrics.json'), /`source` in key result K1 must be a mapping/);
    assert.match(message('{ file: /etc/passwd }'), /relative to the OKR file \(and inside the repository\), not an absolute path/);
    assert.match(message('{ file: m.json, pointer: total.lines.pct }'), /starts with "\/", as in "\/total\/lines\/pct"/);
    assert.match(message('{ file: m.json, pointer: /a~2 }'), /"~" is written "~0"/);
    assert.match(message('{ file: m.json, pointr: /a }'), /Unknown key `pointr`.*Did you mean `pointer`\?/);
  });
});
