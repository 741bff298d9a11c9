import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { lintText } from '../../../src/core/lint';
import { parseOkr } from '../../../src/core/parse';
import { assertFixture, lintFixture, spanText } from './rule-fixture';

const ID = 'schema';

describe('schema', () => {
  it('reports each shape problem of the fixture where it is written', () => {
    assertFixture(ID);
  });

  it('offers a rename for a misspelled key and a change for a misspelled value, and both parse afterwards', () => {
    const { text, result } = lintFixture('schema.okr.yaml');
    const titled = result.findings.find((f) => f.ruleId === ID && f.message.includes('`titel`'))!;
    assert.equal(spanText(text, titled.span), 'titel');
    assert.equal(titled.fixes![0].title, 'Rename `titel` to `title`');
    const renamed = parseOkr(applyEdits(text, titled.fixes![0].edits), 'x').file;
    assert.equal(renamed.objectives[0].title, 'Customers can rely on our platform');

    const kind = result.findings.find((f) => f.ruleId === ID && f.message.includes('comitted'))!;
    assert.equal(kind.fixes![0].title, 'Change to `committed`');
    assert.equal(parseOkr(applyEdits(text, kind.fixes![0].edits), 'x').file.objectives[0].kind, 'committed');
  });

  it('offers no rename onto a key that is already there (`key_result` next to `key_results`)', () => {
    const { result } = lintFixture('schema.okr.yaml');
    const f = result.findings.find((g) => g.ruleId === ID && g.message.includes('`key_result`'))!;
    assert.match(f.message, /Did you mean `key_results`\?/);
    assert.equal(f.fixes, undefined);
  });

  it("reports problems of the file's `lint:` block at its key", () => {
    const text = 'team: X\nperiod: 2026-Q4\nlint: { kr-count: { maxx: 5 }, objective-count: loud }\nobjectives: []\n';
    const found = lintText(text, 'x', { today: '2026-11-28' }).findings.filter((f) => f.ruleId === ID);
    assert.deepEqual(
      found.map((f) => spanText(text, f.span)),
      ['lint', 'lint'],
    );
    assert.deepEqual(found.map((f) => f.message).sort(), [
      '`kr-count` has no option `maxx`. Did you mean `max`?',
      '`objective-count: "loud"` is not a setting: use off, error, warning, info, or { severity, ...options }.',
    ]);
  });
});
