import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { lintText } from '../../../src/core/lint';
import { parseOkr } from '../../../src/core/parse';
import { assertFixture, lintFixture, spanText } from './rule-fixture';

const ID = 'dropped-without-reason';

function findings(text: string) {
  return lintText(text, 'platform.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('dropped-without-reason', () => {
  it('flags dropped objectives, key results and initiatives without a reason', () => {
    assertFixture(ID);
  });

  it('is a warning at `dropped`, and names the item', () => {
    const text = 'team: P\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    status: dropped\n';
    const [f] = findings(text);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), 'dropped');
    assert.equal(f.message, 'Objective O1 is dropped without a `reason:`; say why, so the team learns from it.');
  });

  it('each fix adds an empty `reason:` after `status:`, block or flow, for the user to fill in', () => {
    const { text, result } = lintFixture('dropped-without-reason.okr.yaml');
    const found = result.findings.filter((f) => f.ruleId === ID);
    const fixable = found.filter((f) => f.fixes);
    assert.equal(fixable.length, 3);
    for (const f of fixable) {
      assert.equal(f.fixes![0].title, 'Add `reason:`');
      const fixed = applyEdits(text, f.fixes![0].edits);
      assert.deepEqual(parseOkr(fixed, 'x').findings, [], fixed);
      // Still no reason (it is empty), but no second `reason:` is offered.
      const after = findings(fixed);
      assert.equal(after.length, found.length);
      assert.equal(after.filter((g) => g.fixes).length, 2);
    }
    const block = 'team: P\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    status: dropped   # gone\n    owner: li\n';
    assert.equal(
      applyEdits(block, findings(block)[0].fixes![0].edits),
      'team: P\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    status: dropped   # gone\n    reason:\n    owner: li\n',
    );
  });

  it('says where the reason goes, for the editor to put the cursor there', () => {
    for (const text of [
      'team: P\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    status: dropped\n',
      'team: P\nperiod: 2026-Q4\nobjectives:\n  - { id: O1, title: A, status: dropped }\n',
    ]) {
      const fix = findings(text)[0].fixes![0];
      const edit = fix.edits[0];
      assert.equal(edit.newText.slice(0, fix.valueAt), edit.newText.slice(0, edit.newText.indexOf('reason:') + 'reason:'.length));
    }
  });

  it('a reason of only spaces is no reason, and gets no fix that would repeat the key', () => {
    const [f, ...rest] = findings('team: P\nobjectives:\n  - { id: O1, title: A, status: dropped, reason: "  " }\n');
    assert.equal(rest.length, 0);
    assert.equal(f.fixes, undefined);
  });
});
