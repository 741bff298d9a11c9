import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import type { IdDefinition } from '../../../src/core/model';
import { lintSources } from '../../../src/core/workspace';
import { applyEdits } from '../../../src/core/edits';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'unknown-dependency';
const TODAY = '2026-11-28';

const only = <T extends { ruleId: string }>(fs: T[]): T[] => fs.filter((f) => f.ruleId === ID);

describe('unknown-dependency', () => {
  it('flags the ids of the fixture that name nothing, and not those that do', () => {
    assertFixture(ID);
  });

  it('is an error at the id, with the closest ids and a fix for a difference of case only', () => {
    const text = okrFile(
      '  - id: O1\n    title: A\n    key_results:\n      - { id: KR-ONE, title: Cut x from 3 to 1, depends_on: [kr-two] }\n' +
        '      - { id: KR-TWO, title: Cut y from 3 to 1 }\n',
    );
    const [f, ...rest] = only(lintText(text, '/w/a.okr.yaml', { today: TODAY }).findings);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(spanText(text, f.span), 'kr-two');
    assert.match(
      f.message,
      /`kr-two` in the `depends_on` of key result KR-ONE names no key result or objective of the workspace's OKR files\. Did you mean `KR-TWO`/,
    );
    assert.equal(f.fixes?.length, 1);
    assert.match(applyEdits(text, f.fixes[0].edits), /depends_on: \[KR-TWO\]/);
  });

  it('a near miss that differs by more than case gets a suggestion and no fix', () => {
    const text = okrFile(
      '  - id: O1\n    title: A\n    depends_on: [KR-TOW]\n    key_results:\n      - { id: KR-TWO, title: Cut y from 3 to 1 }\n',
    );
    const [f] = only(lintText(text, '/w/a.okr.yaml', { today: TODAY }).findings);
    assert.match(f.message, /Did you mean `KR-TWO`\?/);
    assert.equal(f.fixes, undefined);
  });

  it('resolves ids of the other files of the run (and says nothing of them)', () => {
    const web = okrFile(
      '  - id: WEB-O1\n    title: A\n    key_results:\n      - { id: WEB-KR1, title: Cut x from 3 to 1, depends_on: [SEC-KR2, SEC-KR9] }\n',
      'team: Web\nperiod: 2026-Q4\n',
    );
    const sec = okrFile(
      '  - id: SEC-O1\n    title: B\n    key_results:\n      - { id: SEC-KR2, title: Cut y from 3 to 1 }\n',
      'team: Security\nperiod: 2026-Q4\n',
    );
    const result = lintSources(
      [
        { path: '/w/web.okr.yaml', text: web },
        { path: '/w/sec.okr.yaml', text: sec },
      ],
      { today: TODAY },
    );
    const found = result.files.flatMap((f) =>
      only(f.result.findings).map((x) => ({ path: f.path, text: spanText(web, x.span), message: x.message })),
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].path, '/w/web.okr.yaml');
    assert.equal(found[0].text, 'SEC-KR9');
    assert.match(found[0].message, /Did you mean `SEC-KR2`\?/);
  });

  it('linted alone, ids known from the other files count, an initiative does not', () => {
    const text = okrFile('  - id: O1\n    title: A\n    depends_on: [SEC-KR2, SEC-I1]\n');
    const other: IdDefinition[] = [
      { id: 'SEC-KR2', kind: 'key-result', path: '/w/sec.okr.yaml', span: { start: 0, end: 7 } },
      { id: 'SEC-I1', kind: 'initiative', path: '/w/sec.okr.yaml', span: { start: 9, end: 15 } },
    ];
    const found = only(lintText(text, '/w/a.okr.yaml', { today: TODAY, otherDefinitions: other }).findings);
    assert.deepEqual(
      found.map((f) => spanText(text, f.span)),
      ['SEC-I1'],
    );
    assert.match(found[0].message, /is an initiative; `depends_on` names the key result or objective/);
  });

  it('says nothing without depends_on, or with an empty one', () => {
    assert.deepEqual(only(lintText(okrFile('  - { id: O1, title: A }\n'), 'a.okr.yaml', { today: TODAY }).findings), []);
    assert.deepEqual(only(lintText(okrFile('  - { id: O1, title: A, depends_on: [] }\n'), 'a.okr.yaml', { today: TODAY }).findings), []);
  });
});
