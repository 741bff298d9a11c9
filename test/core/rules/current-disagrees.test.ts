import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { lintText } from '../../../src/core/lint';
import { effectiveConfidence, effectiveCurrent } from '../../../src/core/progress';
import { assertFixture, lintFixture, okrFile, spanText } from './rule-fixture';

const ID = 'current-disagrees';

function findings(text: string) {
  return lintText(text, 'platform.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('current-disagrees', () => {
  it('flags a `current:` or `confidence:` that differs from the latest check-in', () => {
    assertFixture(ID);
  });

  it('is a warning at the value left behind, and says which number the tree shows', () => {
    const text = okrFile(
      '  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: Cut x from 9 to 3\n        current: 9\n' +
        '        check_ins:\n          - { date: 2026-11-24, value: 6 }\n',
    );
    const [f] = findings(text);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), '9');
    assert.match(f.message, /Key result KR1 has `current: 9` but its latest check-in \(2026-11-24\) says 6; the check-in wins/);
  });

  it('the quick fix "use the latest check-in" sets each value, keeps comments in their column, and then the file agrees with itself', () => {
    const { text, result } = lintFixture('current-disagrees.okr.yaml');
    const found = result.findings.filter((f) => f.ruleId === ID);
    assert.equal(found.length, 4);
    for (const f of found) assert.match(f.fixes![0].title, /^Use the latest check-in/);
    const fixed = applyEdits(
      text,
      found.flatMap((f) => f.fixes![0].edits),
    );
    assert.deepEqual(findings(fixed), []);
    assert.match(fixed, /\n {8}current: 6 {3}# expect: current-disagrees\n/);
    assert.match(fixed, /\n {8}confidence: 0.7 {3}# expect: current-disagrees\n/);
    assert.match(fixed, /current: 55, check_ins/);
    // Only the values changed, and what the tree shows did not.
    const before = lintText(text, 'a.okr.yaml', { today: '2026-11-28' }).file;
    const after = lintText(fixed, 'a.okr.yaml', { today: '2026-11-28' }).file;
    assert.equal(fixed.split('\n').length, text.split('\n').length);
    before.objectives[0].keyResults.forEach((kr, i) => {
      assert.equal(effectiveCurrent(after.objectives[0].keyResults[i]), effectiveCurrent(kr));
      assert.equal(effectiveConfidence(after.objectives[0].keyResults[i]), effectiveConfidence(kr));
    });
  });

  it('a comment column is kept when the new value is longer or shorter', () => {
    const text = okrFile(
      '  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: Cut x from 900 to 3\n' +
        '        current: 900      # as of October\n        check_ins:\n          - { date: 2026-11-24, value: 6.25 }\n',
    );
    const fixed = applyEdits(text, findings(text)[0].fixes![0].edits);
    assert.match(fixed, /\n {8}current: 6\.25 {5}# as of October\n/);
    const longer = text.replace('value: 6.25', 'value: 1234567.5');
    assert.match(applyEdits(longer, findings(longer)[0].fixes![0].edits), /\n {8}current: 1234567\.5 # as of October\n/);
  });

  it('is silent without check-ins, without `current:`, and offers no fix for a value that is not a plain number', () => {
    assert.deepEqual(
      findings(okrFile('  - id: O1\n    title: A\n    key_results:\n      - { id: KR1, title: Cut x from 9 to 3, current: 9 }\n')),
      [],
    );
    assert.deepEqual(
      findings(
        okrFile(
          '  - id: O1\n    title: A\n    key_results:\n      - { id: KR1, title: Cut x from 9 to 3, check_ins: [{ date: 2026-11-01, ' +
            'value: 4 }] }\n',
        ),
      ),
      [],
    );
    const quoted = findings(
      okrFile(
        '  - id: O1\n    title: A\n    key_results:\n      - { id: KR1, title: Cut x from 9 to 3, current: "9", check_ins: [{ date: ' +
          '2026-11-01, value: 4 }] }\n',
      ),
    );
    assert.equal(quoted.length, 1);
    assert.equal(quoted[0].fixes, undefined);
  });
});
