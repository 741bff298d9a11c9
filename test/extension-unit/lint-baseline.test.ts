import { strict as assert } from 'node:assert';
import { applyEdits } from '../../src/core/edits';
import { lintText } from '../../src/core/lint';
import { baselineInsertion, baselineSnippet, keyResultAtTitle } from '../../src/extension/lint/baseline';

function insertFor(text: string) {
  const result = lintText(text, '/w/a.okr.yaml', { today: '2026-11-01' });
  const finding = result.findings.find((f) => f.ruleId === 'kr-no-baseline');
  assert.ok(finding, result.findings.map((f) => f.ruleId).join());
  const kr = keyResultAtTitle(result.file.objectives, finding.span);
  assert.ok(kr);
  return baselineInsertion(text, kr);
}

/** What the snippet leaves in the text when the user types nothing. */
const unescapedWithoutTabstop = (edit: { start: number; end: number; newText: string }) =>
  baselineSnippet(edit).replace('${1}', '').replace(/\\(.)/g, '$1');

const HEAD = 'team: T\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Customers trust us\n    key_results:\n';

describe('"Add start:" for kr-no-baseline', () => {
  it('goes after owner: in block style, indented like the other keys', () => {
    const text = `${HEAD}      - id: K1\n        title: Reach 40 NPS   # survey\n        owner: dana\n        target: 40\n`;
    const edit = insertFor(text);
    assert.equal(
      applyEdits(text, [{ ...edit, newText: unescapedWithoutTabstop(edit) }]),
      `${HEAD}      - id: K1\n        title: Reach 40 NPS   # survey\n        owner: dana\n        start: \n        target: 40\n`,
    );
    assert.equal(baselineSnippet(edit), '\n        start: ${1}');
  });

  it('goes before the closing brace in flow style', () => {
    const text = `${HEAD}      - { id: K1, title: Reach 40 NPS, target: 40 }\n`;
    const edit = insertFor(text);
    assert.equal(
      applyEdits(text, [{ ...edit, newText: unescapedWithoutTabstop(edit) }]),
      `${HEAD}      - { id: K1, title: Reach 40 NPS, target: 40, start:  }\n`,
    );
  });

  it('escapes snippet syntax in the inserted text', () => {
    assert.equal(baselineSnippet({ start: 0, end: 0, newText: ', start: $x}\\' }), ', start: \\$x\\}\\\\ ${1}');
  });
});
