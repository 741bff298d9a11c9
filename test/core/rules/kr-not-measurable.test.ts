import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture } from './rule-fixture';

const ID = 'kr-not-measurable';

/** A file with one active objective holding the given key result lines. */
function okr(keyResults: string, objectiveExtra = ''): string {
  return (
    `version: 1\nteam: DX\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n` +
    `    title: Engineers get fast feedback\n${objectiveExtra}    key_results:\n${keyResults}`
  );
}
function kr(title: string, extra = ''): string {
  return `      - id: KR1\n        title: ${title}\n${extra}`;
}
function findings(text: string) {
  return lintText(text, 'dx.okr.yaml', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
}

describe('kr-not-measurable', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags a key result with no number and no target, at its title', () => {
    for (const title of [
      'Improve developer experience',
      'Make the home screen feel faster',
      'Better internal tools',
      'Increase API adoption',
      'Hold a blameless postmortem for every SEV-1',
    ]) {
      const text = okr(kr(title));
      const found = findings(text);
      assert.equal(found.length, 1, title);
      assert.equal(found[0].severity, 'warning');
      assert.equal(text.slice(found[0].span.start, found[0].span.end), title);
      assert.match(found[0].message, /no number in its title and no `target:`/);
    }
  });

  it('accepts a number in the title, in words too, or a numeric target', () => {
    for (const title of [
      'Reduce build time from 20 to 8 minutes',
      'Reduce P1 incidents from twelve to three per quarter',
      'Double weekly experiments',
      'Cut pages in half',
      'Zero data loss during the upgrade',
      'Every PR reviewed within one working day',
    ]) {
      assert.deepEqual(findings(okr(kr(title))), [], title);
    }
    assert.deepEqual(findings(okr(kr('Improve developer satisfaction', '        target: 4.2\n'))), []);
  });

  it('does not count versions, standards or dates as numbers', () => {
    assert.equal(findings(okr(kr('Improve SOC 2 readiness'))).length, 1);
    assert.equal(findings(okr(kr('Make iOS 18 users happier by March'))).length, 1);
  });

  it('leaves milestones to kr-is-milestone', () => {
    const text = okr(kr('Ship the new API by March'));
    const all = lintText(text, 'dx.okr.yaml', { today: '2026-11-28' }).findings.map((f) => f.ruleId);
    assert.ok(all.includes('kr-is-milestone'));
    assert.ok(!all.includes(ID));
  });

  it('leaves done and dropped key results, and those of inactive objectives, alone', () => {
    assert.deepEqual(findings(okr(kr('Improve developer experience', '        status: done\n'))), []);
    assert.deepEqual(findings(okr(kr('Improve developer experience', '        status: dropped\n        reason: superseded\n'))), []);
    assert.deepEqual(findings(okr(kr('Improve developer experience'), '    status: dropped\n    reason: reorg\n')), []);
  });

  it('can be suppressed for one line in flow style', () => {
    const text = okr(
      '      # okr-lint-disable-next-line kr-not-measurable\n      - { id: KR1, title: Improve developer experience }\n' +
        '      - { id: KR2, title: Improve onboarding }\n',
    );
    const found = findings(text);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'Improve onboarding');
  });
});
