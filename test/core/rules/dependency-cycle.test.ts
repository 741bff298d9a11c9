import assert from 'node:assert/strict';
import { DependencyGraph } from '../../../src/core/dependencies';
import { parseOkr } from '../../../src/core/parse';
import { lintSources } from '../../../src/core/workspace';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'dependency-cycle';
const TODAY = '2026-11-28';

describe('dependency-cycle', () => {
  it('flags each item of each cycle of the fixture, and no item merely leading into one', () => {
    assertFixture(ID);
  });

  it('across files: each file reports its own link of the cycle, with the way round it', () => {
    const a = okrFile(
      '  - id: A-O1\n    title: A\n    key_results:\n      - { id: A-KR1, title: Cut x from 3 to 1, depends_on: [B-KR1] }\n',
    );
    const b = okrFile(
      '  - id: B-O1\n    title: B\n    depends_on: [A-KR1]\n    key_results:\n' +
        '      - { id: B-KR1, title: Cut y from 3 to 1, depends_on: [B-O1] }\n',
    );
    const result = lintSources(
      [
        { path: '/w/a.okr.yaml', text: a },
        { path: '/w/b.okr.yaml', text: b },
      ],
      { today: TODAY },
    );
    const [fa, fb] = result.files.map((f) => f.result.findings.filter((x) => x.ruleId === ID));
    assert.equal(fa.length, 1);
    assert.equal(fa[0].severity, 'error');
    assert.equal(spanText(a, fa[0].span), 'B-KR1');
    assert.match(fa[0].message, /Key result A-KR1 is in a dependency cycle: A-KR1 -> B-KR1 -> B-O1 -> A-KR1\./);
    assert.deepEqual(
      fa[0].related?.map((r) => r.path),
      ['/w/b.okr.yaml', '/w/b.okr.yaml'],
    );
    assert.deepEqual(fb.map((f) => spanText(b, f.span)).sort(), ['A-KR1', 'B-O1']);
  });

  it('negatives: a chain, a diamond and a dependency on the own objective are no cycles', () => {
    const text = okrFile(
      '  - id: O1\n    title: A\n    depends_on: [O2, O3]\n    key_results:\n' +
        '      - { id: KR1, title: Cut x from 3 to 1, depends_on: [O1] }\n' +
        '  - { id: O2, title: B, depends_on: [O4] }\n  - { id: O3, title: C, depends_on: [O4] }\n  - { id: O4, title: D }\n',
    );
    const result = lintSources([{ path: '/w/a.okr.yaml', text }], { today: TODAY });
    assert.deepEqual(
      result.files[0].result.findings.filter((f) => f.ruleId === ID),
      [],
    );
  });

  it('a chain of 20,000 items is walked without overflowing the stack, and a cycle at its end is found', () => {
    const n = 20_000;
    // Built directly: parsing 20,000 objectives would only time the parser.
    const file = parseOkr(okrFile('  - { id: O, title: T }\n'), 'big.okr.yaml').file;
    const template = file.objectives[0];
    file.objectives = Array.from({ length: n }, (_, i) => ({
      ...template,
      id: `O${i}`,
      dependsOn: [{ id: `O${i + 1 < n ? i + 1 : n - 2}`, span: { start: 0, end: 0 } }],
    }));
    const graph = new DependencyGraph([file], TODAY);
    assert.equal(graph.cyclesThrough(graph.get('O0')!).length, 0);
    assert.deepEqual(
      graph.cyclesThrough(graph.get(`O${n - 1}`)!)[0].map((x) => x.id),
      [`O${n - 1}`, `O${n - 2}`],
    );
  });
});
