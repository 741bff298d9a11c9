import assert from 'node:assert/strict';
import { lintSources } from '../../../src/core/workspace';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'blocked-dependency';
const TODAY = '2026-11-28';

function lintTwo(web: string, sec: string) {
  const result = lintSources(
    [
      { path: '/w/web.okr.yaml', text: web },
      { path: '/w/sec.okr.yaml', text: sec },
    ],
    { today: TODAY },
  );
  return result.files[0].result.findings.filter((f) => f.ruleId === ID);
}
const web = (deps: string, head = 'team: Web\nperiod: 2026-Q4\n') =>
  okrFile(
    `  - id: WEB-O1\n    title: A\n    key_results:\n      - { id: WEB-KR1, title: Cut x from 3 to 1, start: 3, target: 1, current: ` +
      `1.5, depends_on: [${deps}] }\n`,
    head,
  );
const sec = (kr: string, head = 'team: Security\nperiod: 2026-Q4\n') =>
  okrFile(`  - id: SEC-O1\n    title: B\n    key_results:\n      - { id: SEC-KR2, title: Cut y from 10 to 0, ${kr} }\n`, head);

describe('blocked-dependency', () => {
  it('flags what depends on a dropped, off-track or later item in the fixture, and not the rest', () => {
    assertFixture(ID);
  });

  it('across files: an off-track key result of another team, with related at its id', () => {
    const text = web('SEC-KR2');
    const secText = sec('start: 10, target: 0, current: 9, confidence: 0.2');
    const [f, ...rest] = lintTwo(text, secText);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), 'SEC-KR2');
    assert.equal(
      f.message,
      'Key result WEB-KR1 depends on key result SEC-KR2 (Security), which is off track: agree on a plan with its owner, or change the ' +
        'dependency.',
    );
    assert.equal(f.related?.[0].path, '/w/sec.okr.yaml');
    assert.equal(spanText(secText, f.related[0].span), 'SEC-KR2');
  });

  it('across files: an item of a later period, and a dropped one', () => {
    const later = lintTwo(web('SEC-KR2'), sec('start: 10, target: 0', 'team: Security\nperiod: 2027-Q1\n'));
    assert.equal(later.length, 1);
    assert.match(later[0].message, /which ends on 2027-03-31, after key result WEB-KR1 \(2026-12-31\)/);
    const dropped = lintTwo(web('SEC-KR2'), sec('start: 10, target: 0, status: dropped, reason: moved'));
    assert.match(dropped[0].message, /which is dropped/);
  });

  it('negatives: on track and ending in time, done, or the dependent item itself closed', () => {
    assert.deepEqual(lintTwo(web('SEC-KR2'), sec('start: 10, target: 0, current: 3')), []);
    assert.deepEqual(lintTwo(web('SEC-KR2'), sec('start: 10, target: 0, status: done', 'team: Security\nperiod: 2027-Q1\n')), []);
    const closed = web('SEC-KR2').replace('current: 1.5', 'status: done');
    assert.deepEqual(lintTwo(closed, sec('start: 10, target: 0, status: dropped, reason: moved')), []);
    // An unknown id is unknown-dependency's to report, not this rule's.
    assert.deepEqual(lintTwo(web('SEC-KR9'), sec('start: 10, target: 0, status: dropped, reason: moved')), []);
  });
});
