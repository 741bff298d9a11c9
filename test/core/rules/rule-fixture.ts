// Shared by the rule tests: lint a fixture of test/fixtures/rules and compare one
// rule's findings with the fixture's `# expect:` comments, line by line.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lintText, type LintOptions, type LintResult } from '../../../src/core/lint';
import { expectationKeys, findingKeys, loadFixture } from '../../helpers/fixtures';

export const RULE_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');

export function lintFixture(name: string, options: Partial<LintOptions> = {}): { text: string; result: LintResult } {
  const { text, today } = loadFixture(join(RULE_FIXTURES, name));
  return { text, result: lintText(text, join(RULE_FIXTURES, name), { today, ...options }) };
}

/** Exactly the expected findings of `ruleId`, no more, no fewer. */
export function assertFixture(ruleId: string, options: Partial<LintOptions> = {}, name = `${ruleId}.okr.yaml`): LintResult {
  const { text, expectations } = loadFixture(join(RULE_FIXTURES, name));
  const { result } = lintFixture(name, options);
  const only = (id: string) => id === ruleId;
  const expected = expectationKeys(expectations, only);
  assert.ok(expected.length > 0, `${name} expects at least one ${ruleId} finding`);
  assert.deepEqual(findingKeys(text, result.findings, only), expected);
  return result;
}

/** A minimal valid file around some objectives, for small cases. */
export function okrFile(objectives: string, head = 'version: 1\nteam: Platform\nperiod: 2026-Q4\n'): string {
  return `${head}objectives:\n${objectives}`;
}

export function spanText(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
