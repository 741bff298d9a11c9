import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import type { OkrFile } from '../../../src/core/model';
import { parseOkr } from '../../../src/core/parse';
import { assertFixture, RULE_FIXTURES, spanText } from './rule-fixture';

const ID = 'unknown-parent';
const company = parseOkr(readFileSync(join(RULE_FIXTURES, 'company.okr.yaml'), 'utf8'), 'company.okr.yaml').file;

function findings(text: string, alignedFile: OkrFile | null | undefined, alignedPath?: string) {
  return lintText(text, 'teams/platform.okr.yaml', { today: '2026-11-28', alignedFile, alignedPath }).findings.filter(
    (f) => f.ruleId === ID,
  );
}
const file = (parent: string, head = 'aligns_with: ../company.okr.yaml\n') =>
  `version: 1\nteam: Platform\nperiod: 2026-Q4\n${head}objectives:\n  - id: O1\n    title: Customers can rely on our platform\n` +
  `    parent: ${parent}\n`;

describe('unknown-parent', () => {
  it('flags parents that name no objective of the aligned file', () => {
    assertFixture(ID, { alignedFile: company, alignedPath: 'company.okr.yaml' });
  });

  it('is an error at the parent value, with a suggestion for a near miss', () => {
    const text = file('C0-1');
    const [f] = findings(text, company, '../company.okr.yaml');
    assert.equal(f.severity, 'error');
    assert.equal(spanText(text, f.span), 'C0-1');
    assert.equal(f.message, '`parent: C0-1` names no objective of ../company.okr.yaml. Did you mean `CO-1`?');
  });

  it('lists the objectives when nothing is close, and says when a key result was named', () => {
    assert.match(findings(file('SALES-9'), company, 'c.yaml')[0].message, /names no objective of c\.yaml\. Its objectives: CO-1, CO-2\./);
    assert.match(findings(file('CO-KR2'), company, 'c.yaml')[0].message, /is a key result in c\.yaml, not an objective/);
    assert.match(findings(file('CO-I1'), company, 'c.yaml')[0].message, /is an initiative in c\.yaml/);
  });

  it('a missing aligned file is one finding at `aligns_with`', () => {
    const text = file('CO-1');
    const found = findings(text, null, '/w/company.okr.yaml');
    assert.equal(found.length, 1);
    assert.equal(spanText(text, found[0].span), '../company.okr.yaml');
    assert.match(found[0].message, /names \/w\/company\.okr\.yaml, which does not exist or cannot be read/);
    // Without alignedPath, the path as written.
    assert.match(findings(text, null)[0].message, /names \.\.\/company\.okr\.yaml/);
  });

  it('is silent when the caller did not look (alignedFile undefined)', () => {
    assert.deepEqual(findings(file('NOPE'), undefined), []);
  });

  it('a parent without any `aligns_with` cannot be found anywhere', () => {
    const text = file('CO-1', '');
    const [f] = findings(text, undefined);
    assert.equal(spanText(text, f.span), 'CO-1');
    assert.match(f.message, /this file has no `aligns_with:`/);
  });

  it('accepts known parents and objectives without one', () => {
    assert.deepEqual(findings(file('CO-2'), company), []);
    assert.deepEqual(findings(file('CO-2').replace('    parent: CO-2\n', ''), company), []);
  });
});
