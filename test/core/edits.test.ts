import assert from 'node:assert/strict';
import { applyEdits, insertFieldEdit, insertFieldFix, insertTopLevelFieldEdit, yamlScalar } from '../../src/core/edits';
import { parseOkr } from '../../src/core/parse';

const BLOCK = 'team: T\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A   # note\n    status: dropped\n    owner: li\n';

describe('edits', () => {
  it('yamlScalar writes plain text when it reads back the same, else quotes it', () => {
    assert.equal(yamlScalar('budget moved to Q1'), 'budget moved to Q1');
    assert.equal(yamlScalar(42), '42');
    for (const tricky of ['yes', 'null', '12', '1.5', 'a: b', '#x', '- a', 'trailing ', '"q"', 'x\ny', '']) {
      const written = yamlScalar(tricky);
      if (tricky === '') {
        assert.equal(written, '');
        continue;
      }
      const back = parseOkr(`team: ${written}\nobjectives: []\n`, 'x').file.team;
      assert.equal(back, tricky, `${JSON.stringify(tricky)} written as ${written}`);
    }
  });

  it("insertFieldEdit adds a key after another, with the mapping's indentation, keeping comments", () => {
    const o = parseOkr(BLOCK, 'x').file.objectives[0];
    const out = applyEdits(BLOCK, [insertFieldEdit(BLOCK, o.spans, 'reason', 'budget moved', 'title')]);
    assert.equal(out, BLOCK.replace('    title: A   # note\n', '    title: A   # note\n    reason: budget moved\n'));
    const atEnd = applyEdits(BLOCK, [insertFieldEdit(BLOCK, o.spans, 'due', '2026-12-01')]);
    assert.equal(atEnd, BLOCK.replace('    owner: li\n', '    owner: li\n    due: 2026-12-01\n'));
    assert.equal(parseOkr(atEnd, 'x').file.objectives[0].due, '2026-12-01');
  });

  it('insertFieldEdit in a flow mapping goes before the brace; an empty one gets spaces', () => {
    const text = 'objectives:\n  - { id: O1, title: A }\n  - {}\n';
    const file = parseOkr(text, 'x').file;
    const out = applyEdits(text, [insertFieldEdit(text, file.objectives[0].spans, 'owner', 'li')]);
    assert.equal(out, 'objectives:\n  - { id: O1, title: A, owner: li }\n  - {}\n');
    const empty = applyEdits(text, [insertFieldEdit(text, file.objectives[1].spans, 'id', 'O2')]);
    assert.equal(empty, 'objectives:\n  - { id: O1, title: A }\n  - { id: O2 }\n');
  });

  it('keeps CRLF and is not fooled by a byte-order mark when indenting', () => {
    const text = '\uFEFFteam: T\r\nobjectives: []\r\n';
    const file = parseOkr(text, 'x').file;
    const out = applyEdits(text, [insertFieldEdit(text, file.spans, 'period', '2026-Q4', 'team')]);
    assert.equal(out, '\uFEFFteam: T\r\nperiod: 2026-Q4\r\nobjectives: []\r\n');
    assert.deepEqual(parseOkr(out, 'x').findings, []);
  });

  it('insertTopLevelFieldEdit goes after the first listed key present, else before the first key', () => {
    const text = '# header\nversion: 1\nobjectives: []\n';
    const file = parseOkr(text, 'x').file;
    assert.equal(
      applyEdits(text, [insertTopLevelFieldEdit(text, file.spans, 'period', '2026-Q4', ['team', 'version'])]),
      '# header\nversion: 1\nperiod: 2026-Q4\nobjectives: []\n',
    );
    const bare = '# header\nobjectives: []\n';
    assert.equal(
      applyEdits(bare, [insertTopLevelFieldEdit(bare, parseOkr(bare, 'x').file.spans, 'period', '2026-Q4', ['team'])]),
      '# header\nperiod: 2026-Q4\nobjectives: []\n',
    );
  });

  it('insertFieldFix wraps the edit with its title', () => {
    const o = parseOkr(BLOCK, 'x').file.objectives[0];
    const fix = insertFieldFix(BLOCK, o.spans, 'reason', '', 'Add `reason:`', 'status');
    assert.equal(fix.title, 'Add `reason:`');
    assert.equal(applyEdits(BLOCK, fix.edits), BLOCK.replace('status: dropped\n', 'status: dropped\n    reason:\n'));
  });

  it('applyEdits applies from the end, skips overlaps and edits outside the text, and repeats once', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 0, end: 1, newText: 'X' },
        { start: 4, end: 6, newText: 'YZ!' },
      ]),
      'XbcdYZ!',
    );
    // Overlapping: the later-starting edit wins whatever the order given; the other waits for a next run.
    assert.equal(
      applyEdits('abcdef', [
        { start: 1, end: 4, newText: '1' },
        { start: 2, end: 5, newText: '2' },
      ]),
      'ab2f',
    );
    assert.equal(
      applyEdits('abcdef', [
        { start: 2, end: 5, newText: '2' },
        { start: 1, end: 4, newText: '1' },
      ]),
      'ab2f',
    );
    assert.equal(
      applyEdits('abc', [
        { start: 2, end: 9, newText: 'x' },
        { start: -1, end: 0, newText: 'y' },
      ]),
      'abc',
    );
    const same = { start: 1, end: 1, newText: '+' };
    assert.equal(applyEdits('ab', [same, { ...same }]), 'a+b');
    assert.equal(applyEdits('ab', [same, { start: 1, end: 1, newText: '-' }]).length, 4);
  });
});
