// The guide's own examples (/work/shared/seed/okr-guide.md, quoted in the fixtures):
// its pitfalls must each be flagged by the rule that names them, and nothing else;
// its good examples must pass every rule. Exact equality, line by line, all rules.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import { expectationKeys, findingKeys, loadFixture } from '../helpers/fixtures';

const GUIDE = join(__dirname, '..', 'fixtures', 'guide');

function check(name: string) {
  const { text, expectations, today } = loadFixture(join(GUIDE, name));
  const { file, findings } = lintText(text, join(GUIDE, name), { today });
  return { text, file, found: findingKeys(text, findings), expected: expectationKeys(expectations) };
}

describe("the guide's examples", () => {
  it('pitfalls.okr.yaml: every pitfall is flagged by its rule, and nothing else is', () => {
    const { found, expected } = check('pitfalls.okr.yaml');
    assert.deepEqual(found, expected);
  });

  it("pitfalls.okr.yaml holds the guide's bad examples word for word", () => {
    const { file } = check('pitfalls.okr.yaml');
    const titles = file.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]);
    assert.ok(titles.includes('Complete the migration to Kubernetes'));
    assert.ok(titles.includes('Ship the new API by March'));
    assert.ok(file.objectives.filter((o) => o.status === 'active').length > 5);
  });

  it('good.okr.yaml: the good examples pass every rule', () => {
    const { found, expected } = check('good.okr.yaml');
    assert.deepEqual(expected, []);
    assert.deepEqual(found, []);
  });

  it("good.okr.yaml holds the guide's good examples word for word", () => {
    const { file } = check('good.okr.yaml');
    const titles = file.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]);
    for (const t of [
      'Improve platform reliability',
      'Reduce P1 incidents from twelve to three per quarter',
      'Achieve 99.95% uptime for core services',
      'Increase API adoption from fifty to two hundred external integrations',
    ]) {
      assert.ok(titles.includes(t), t);
    }
  });
});
