// planFromSources: the one plan `okr check-in --from-sources` and the editor's Update
// From Sources share, on real metrics files in a temporary folder.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../src/core/edits';
import { planFromSources } from '../../src/core/from-sources';
import { parseOkr } from '../../src/core/parse';
import { effectiveCurrent } from '../../src/core/progress';

const OKR = `version: 1
period: 2026-Q4
objectives:
  - id: O1
    title: Faster and safer
    key_results:
      - id: KR1
        title: Raise line coverage from 60% to 80%
        start: 60
        target: 80
        # from CI
        source: { file: metrics/coverage.json, pointer: /total/lines/pct }
        check_ins:
          - { date: 2026-11-01, value: 65 }
      - { id: KR2, title: Cut p95 latency from 900 to 300 ms, start: 900, target: 300, source: { file: bench/p95.txt } }
      - id: KR3
        title: Same value as the latest check-in
        target: 10
        source: { file: metrics/coverage.json, pointer: /total/count }
        check_ins: [{ date: 2026-11-01, value: 7 }]
      - { id: KR4, title: No metric file, target: 1, source: { file: metrics/missing.json, pointer: /x } }
      - { id: KR5, title: Not a number, target: 1, source: { file: metrics/coverage.json, pointer: /total/name } }
`;

describe('planFromSources', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-from-sources-'));
    fs.mkdirSync(path.join(dir, 'metrics'));
    fs.mkdirSync(path.join(dir, 'bench'));
    fs.writeFileSync(path.join(dir, 'metrics', 'coverage.json'), JSON.stringify({ total: { lines: { pct: 71.5 }, count: 7, name: 'x' } }));
    fs.writeFileSync(path.join(dir, 'bench', 'p95.txt'), '640\n');
    fs.writeFileSync(path.join(dir, 'team.okr.yaml'), OKR);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plans a check-in for each changed metric, counts unchanged ones and reports the others at their source: line', async () => {
    const file = path.join(dir, 'team.okr.yaml');
    const plan = await planFromSources(OKR, 'team.okr.yaml', file, dir, '2026-11-27');
    assert.equal(plan.sources, 5);
    assert.equal(plan.unchanged, 1);
    assert.deepEqual(
      plan.recorded.map((r) => [r.keyResult.id, r.value, r.previous]),
      [
        ['KR1', 71.5, 65],
        ['KR2', 640, undefined],
      ],
    );
    assert.deepEqual(
      plan.problems.map((p) => [p.keyResultId, p.line, p.column, p.afterEdits.line, p.afterEdits.column]),
      [
        // Once KR1's check-in is in, one line more above them.
        ['KR4', 21, 62, 22, 62],
        ['KR5', 22, 60, 23, 60],
      ],
    );
    assert.match(plan.problems[0].message, /metrics\/missing\.json does not exist/);
    assert.match(plan.problems[1].message, /not a number|number/);
    const after = applyEdits(OKR, plan.edits);
    for (const p of plan.problems) {
      assert.match(OKR.split('\n')[p.line - 1].slice(p.column - 1), /^\{ file: metrics\//);
      assert.match(after.split('\n')[p.afterEdits.line - 1].slice(p.afterEdits.column - 1), /^\{ file: metrics\//);
    }
    const parsed = parseOkr(after, 'team.okr.yaml');
    const krs = parsed.file.objectives[0].keyResults;
    assert.deepEqual(
      krs.map((k) => effectiveCurrent(k)),
      [71.5, 640, 7, undefined, undefined],
    );
    assert.ok(after.includes('        # from CI\n'), 'comments stay');
    // Run again on the result: nothing left to record.
    const again = await planFromSources(after, 'team.okr.yaml', file, dir, '2026-11-28');
    assert.deepEqual([again.recorded.length, again.unchanged, again.edits.length], [0, 3, 0]);
  });

  it('reports a source it cannot read as written, never reading the whole file in its place', async () => {
    fs.writeFileSync(path.join(dir, 'metrics', 'huge.json'), '{ "x": 1e400 }');
    fs.writeFileSync(path.join(dir, 'bench', 'huge.txt'), '1e400\n');
    const text = `version: 1
period: 2026-Q4
objectives:
  - id: O1
    title: Faster and safer
    key_results:
      - { id: KR1, title: Raise line coverage from 60% to 80%, target: 80, source: { file: metrics/coverage.json, pointer: total/lines/pct } }
      - { id: KR2, title: Raise line coverage from 60% to 81%, target: 81, source: { file: metrics/coverage.json, pointer: "#/total/count" } }
      - { id: KR3, title: Raise line coverage from 60% to 82%, target: 82, source: { file: /etc/passwd } }
      - { id: KR4, title: Raise line coverage from 60% to 83%, target: 83, source: { file: metrics/huge.json, pointer: /x } }
      - { id: KR5, title: Raise line coverage from 60% to 84%, target: 84, source: { file: bench/huge.txt } }
`;
    const plan = await planFromSources(text, 'team.okr.yaml', path.join(dir, 'team.okr.yaml'), dir, '2026-11-27');
    assert.equal(plan.sources, 5);
    assert.deepEqual(plan.recorded, []);
    assert.deepEqual(
      plan.problems.map((p) => [p.keyResultId, p.line, p.message]),
      [
        ['KR1', 7, 'the pointer "total/lines/pct" does not start with "/" (write "/total/lines/pct")'],
        ['KR2', 8, 'the pointer "#/total/count" does not start with "/" (write "/total/count")'],
        ['KR3', 9, 'the file /etc/passwd is an absolute path; a source is relative to the OKR file'],
        ['KR4', 10, 'metrics/huge.json at /x is a number too large to record'],
        ['KR5', 11, 'bench/huge.txt is a number too large to record'],
      ],
    );
    // The lint finding suggests the same pointer.
    const lint = parseOkr(text, 'team.okr.yaml').findings.map((f) => f.message);
    assert.ok(lint.some((m) => m.includes('as in "/total/count", not "#/total/count"')));
  });

  it('has nothing to do for a file without sources', async () => {
    const plan = await planFromSources('version: 1\nobjectives: []\n', 'x.okr.yaml', path.join(dir, 'x.okr.yaml'), dir, '2026-11-27');
    assert.deepEqual(plan, { sources: 0, edits: [], recorded: [], unchanged: 0, problems: [] });
  });
});
