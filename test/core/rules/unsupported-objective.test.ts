import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import { lintSources } from '../../../src/core/workspace';
import { expectationKeys, findingKeys, loadFixture } from '../../helpers/fixtures';
import { okrFile, RULE_FIXTURES, spanText } from './rule-fixture';

const ID = 'unsupported-objective';
const TODAY = '2026-11-28';
const only = (id: string) => id === ID;

describe('unsupported-objective', () => {
  it('flags the company objectives of the fixture that no team objective names as parent', () => {
    const company = join(RULE_FIXTURES, 'unsupported-objective.okr.yaml');
    const team = join(RULE_FIXTURES, 'unsupported-objective-team.okr.yaml');
    const { text, expectations } = loadFixture(company);
    const result = lintSources(
      [
        { path: company, text },
        { path: team, text: readFileSync(team, 'utf8') },
      ],
      { today: TODAY },
    );
    assert.deepEqual(findingKeys(text, result.files[0].result.findings, only), expectationKeys(expectations, only));
    assert.deepEqual(
      result.files[1].result.findings.filter((f) => only(f.ruleId)),
      [],
    );
  });

  it('is info at the id, and counts the files that align', () => {
    const company = okrFile('  - { id: CO-1, title: A }\n  - { id: CO-2, title: B }\n', 'team: Company\nperiod: 2026-Q4\n');
    const team = (parent: string) =>
      okrFile(`  - { id: T-O1, title: C, parent: ${parent} }\n`, 'team: T\nperiod: 2026-Q4\naligns_with: ../company.okr.yaml\n');
    const result = lintSources(
      [
        { path: '/w/company.okr.yaml', text: company },
        { path: '/w/a/t.okr.yaml', text: team('CO-1') },
        { path: '/w/b/t.okr.yaml', text: team('CO-1') },
      ],
      { today: TODAY },
    );
    const [f, ...rest] = result.files[0].result.findings.filter((x) => only(x.ruleId));
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(spanText(company, f.span), 'CO-2');
    assert.equal(
      f.message,
      'No team objective names CO-2 as its `parent:` (2 files align to this one): a team takes it on, or it is not a priority this period.',
    );
  });

  it('negatives: a file nobody aligns to, and a file linted alone, say nothing', () => {
    const text = okrFile('  - { id: CO-1, title: A }\n');
    assert.deepEqual(
      lintSources([{ path: '/w/c.okr.yaml', text }], { today: TODAY }).files[0].result.findings.filter((f) => only(f.ruleId)),
      [],
    );
    assert.deepEqual(
      lintText(text, '/w/c.okr.yaml', { today: TODAY }).findings.filter((f) => only(f.ruleId)),
      [],
    );
  });
});
