import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, spanText } from './rule-fixture';

const ID = 'unaligned-objective';

function findings(text: string) {
  return lintText(text, 'platform.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('unaligned-objective', () => {
  it('flags active objectives without `parent:` in a file with `aligns_with:`', () => {
    assertFixture(ID);
  });

  it('is info at the title and names the aligned file', () => {
    const text =
      'team: P\nperiod: 2026-Q4\naligns_with: ../company.okr.yaml\nobjectives:\n  - { id: O1, title: Engineers ship with confidence }\n';
    const [f] = findings(text);
    assert.equal(f.severity, 'info');
    assert.equal(spanText(text, f.span), 'Engineers ship with confidence');
    assert.match(f.message, /Objective O1 has no `parent:` although this file aligns with \.\.\/company\.okr\.yaml/);
  });

  it('is silent without `aligns_with:`, or with an empty one', () => {
    assert.deepEqual(findings('team: P\nperiod: 2026-Q4\nobjectives:\n  - { id: O1, title: A }\n'), []);
    assert.deepEqual(findings('team: P\nperiod: 2026-Q4\naligns_with: ""\nobjectives:\n  - { id: O1, title: A }\n'), []);
  });

  it('can be disabled for one objective with a comment', () => {
    const text =
      'team: P\nperiod: 2026-Q4\naligns_with: c.okr.yaml\nobjectives:\n' +
      '  # okr-lint-disable-next-line unaligned-objective -- our own initiative\n  - { id: O1, title: A }\n  - { id: O2, title: B }\n';
    assert.deepEqual(
      findings(text).map((f) => spanText(text, f.span)),
      ['B'],
    );
  });
});
