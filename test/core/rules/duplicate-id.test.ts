import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import type { IdDefinition } from '../../../src/core/model';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'duplicate-id';
const TODAY = '2026-11-28';

function findings(text: string, otherDefinitions: IdDefinition[] = [], path = '/w/platform.okr.yaml') {
  return lintText(text, path, { today: TODAY, otherDefinitions }).findings.filter((f) => f.ruleId === ID);
}

describe('duplicate-id', () => {
  it('reports every later use of an id in the fixture, of any kind, and not the first', () => {
    assertFixture(ID);
  });

  it('is an error pointing at the id, with `related` at the first definition', () => {
    const text = okrFile('  - id: O1\n    title: First\n  - id: O1\n    title: Second\n');
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.span.start, text.lastIndexOf('O1'));
    assert.equal(spanText(text, f.span), 'O1');
    assert.match(f.message, /Duplicate id `O1`: line 5 already uses it for objective "First"/);
    assert.deepEqual(f.related, [
      {
        path: '/w/platform.okr.yaml',
        span: { start: text.indexOf('O1'), end: text.indexOf('O1') + 2 },
        message: '`O1` is first defined here.',
      },
    ]);
  });

  it('every later use points back at the first one, not at the previous one', () => {
    const text = okrFile('  - { id: O1, title: A }\n  - { id: O1, title: B }\n  - { id: O1, title: C }\n');
    const found = findings(text);
    assert.equal(found.length, 2);
    for (const f of found) assert.equal(f.related![0].span.start, text.indexOf('O1'));
  });

  it('across files, the definition in the other file comes first and is named in the message', () => {
    const text = okrFile('  - id: O1\n    title: Ours\n    key_results:\n      - { id: KR1, title: Mine }\n');
    const other: IdDefinition[] = [
      { id: 'KR1', kind: 'key-result', path: '/w/mobile.okr.yaml', span: { start: 40, end: 43 }, title: 'Theirs' },
      { id: 'KR9', kind: 'key-result', path: '/w/mobile.okr.yaml', span: { start: 80, end: 83 } },
    ];
    const [f, ...rest] = findings(text, other);
    assert.equal(rest.length, 0);
    assert.equal(spanText(text, f.span), 'KR1');
    assert.match(f.message, /\/w\/mobile\.okr\.yaml already uses it for key result "Theirs"/);
    assert.deepEqual(f.related, [{ path: '/w/mobile.okr.yaml', span: { start: 40, end: 43 }, message: '`KR1` is first defined here.' }]);
  });

  it('with an id in another file and twice here, both uses here point at the other file', () => {
    const text = okrFile('  - { id: O1, title: A }\n  - { id: O1, title: B }\n');
    const other: IdDefinition[] = [{ id: 'O1', kind: 'objective', path: '/w/a.okr.yaml', span: { start: 1, end: 3 } }];
    const found = findings(text, other);
    assert.equal(found.length, 2);
    assert.deepEqual(
      found.map((f) => f.related![0].path),
      ['/w/a.okr.yaml', '/w/a.okr.yaml'],
    );
  });

  it("ignores definitions the caller passed from this same file (they are not another file's)", () => {
    const text = okrFile('  - { id: O1, title: A }\n');
    const self: IdDefinition[] = [{ id: 'O1', kind: 'objective', path: '/w/platform.okr.yaml', span: { start: 40, end: 42 } }];
    assert.deepEqual(findings(text, self), []);
  });

  it('ids are case-sensitive and missing ids are not duplicates', () => {
    const text = okrFile('  - { id: O1, title: A, initiatives: [{ title: x }, { title: y }] }\n  - { id: o1, title: B }\n');
    assert.deepEqual(findings(text), []);
  });

  it('can be switched off in the file', () => {
    const text = okrFile('  - { id: O1, title: A }\n  - { id: O1, title: B }\n', 'lint: { duplicate-id: off }\nperiod: 2026-Q4\n');
    assert.deepEqual(findings(text), []);
  });
});
