import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { lintText } from '../../../src/core/lint';
import { parseOkr } from '../../../src/core/parse';
import { assertFixture, spanText } from './rule-fixture';

const ID = 'not-time-bound';

function findings(text: string, today = '2026-11-28') {
  return lintText(text, 'search.okr.yaml', { today }).findings.filter((f) => f.ruleId === ID);
}
const OBJECTIVES = 'objectives:\n  - id: O1\n    title: People find what they look for\n  - id: O2\n    title: Search is fast\n';

describe('not-time-bound', () => {
  it('flags active objectives without `due:` in a file without `period:`', () => {
    assertFixture(ID);
  });

  it('points at the title, warns, and suggests the current quarter', () => {
    const text = `version: 1\nteam: Search\n${OBJECTIVES}`;
    const found = findings(text);
    assert.equal(found.length, 2);
    assert.equal(found[0].severity, 'warning');
    assert.equal(spanText(text, found[0].span), 'People find what they look for');
    assert.match(found[0].message, /Objective O1 is not time-bound: the file has no `period:` and the objective no `due:`/);
    assert.equal(found[0].fixes![0].title, 'Add `period: 2026-Q4`');
    assert.equal(findings(text, '2027-02-01')[0].fixes![0].title, 'Add `period: 2027-Q1`');
  });

  it("the fix adds the period after `team:`, and applying every finding's fix adds it once", () => {
    const text = `version: 1\nteam: Search   # the search team\n${OBJECTIVES}`;
    const edits = findings(text).flatMap((f) => f.fixes![0].edits);
    assert.equal(edits.length, 2);
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, `version: 1\nteam: Search   # the search team\nperiod: 2026-Q4\n${OBJECTIVES}`);
    assert.equal(parseOkr(fixed, 'x').file.period?.label, '2026-Q4');
    assert.deepEqual(findings(fixed), []);
  });

  it('without `team:` it goes after `version:`, else before the first key; CRLF and BOM are kept', () => {
    const noTeam = `version: 1\n${OBJECTIVES}`;
    assert.equal(applyEdits(noTeam, findings(noTeam)[0].fixes![0].edits), `version: 1\nperiod: 2026-Q4\n${OBJECTIVES}`);
    const bare = OBJECTIVES;
    assert.equal(applyEdits(bare, findings(bare)[0].fixes![0].edits), `period: 2026-Q4\n${OBJECTIVES}`);
    const crlf = `\uFEFFteam: Search\r\n${OBJECTIVES.replace(/\n/g, '\r\n')}`;
    const fixed = applyEdits(crlf, findings(crlf)[0].fixes![0].edits);
    assert.equal(fixed, `\uFEFFteam: Search\r\nperiod: 2026-Q4\r\n${OBJECTIVES.replace(/\n/g, '\r\n')}`);
    assert.deepEqual(parseOkr(fixed, 'x').findings, []);
  });

  it('fills an empty `period:` instead of adding a second one', () => {
    for (const [before, after] of [
      ['period:\n', 'period: 2026-Q4\n'],
      ['period: ~\n', 'period: 2026-Q4\n'],
      ['period:   # to do\n', 'period:   2026-Q4 # to do\n'],
    ]) {
      const text = `team: Search\n${before}${OBJECTIVES}`;
      const [f] = findings(text);
      assert.equal(f.fixes![0].title, 'Set `period: 2026-Q4`');
      const fixed = applyEdits(text, f.fixes![0].edits);
      assert.equal(fixed, `team: Search\n${after}${OBJECTIVES}`);
      assert.equal(parseOkr(fixed, 'x').file.period?.label, '2026-Q4');
    }
  });

  it('in a flow-style file, the fix stays inside the braces', () => {
    const text = '{ team: Search, objectives: [{ id: O1, title: Fast search }] }';
    const fixed = applyEdits(text, findings(text)[0].fixes![0].edits);
    assert.equal(parseOkr(fixed, 'x').file.period?.label, '2026-Q4');
  });

  it('says nothing when the period is malformed (a schema error) or the objective has a due date', () => {
    assert.deepEqual(findings(`team: Search\nperiod: 2026-Q5\n${OBJECTIVES}`), []);
    assert.deepEqual(findings(`team: Search\nperiod: { start: 2026-10-01 }\n${OBJECTIVES}`), []);
    assert.deepEqual(findings('team: Search\nobjectives:\n  - { id: O1, title: Fast, due: 2026-12-01 }\n'), []);
    assert.deepEqual(findings('team: Search\nobjectives:\n  - { id: O1, title: Fast, due: someday }\n'), []);
  });
});
