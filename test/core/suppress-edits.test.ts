import { strict as assert } from 'node:assert';
import { applyEdits } from '../../src/core/edits';
import { lintText } from '../../src/core/lint';
import { disableForFileEdit, disableForLineEdit } from '../../src/core/suppress-edits';

const apply = (text: string, edit: ReturnType<typeof disableForLineEdit>) => {
  assert.ok(edit, 'expected an edit');
  return applyEdits(text, [edit]);
};
const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('suppression comment edits', () => {
  describe('for this line', () => {
    it("inserts a disable-next-line comment above, with the line's indentation", () => {
      const text = 'objectives:\n  - id: O1\n    title: Ship it   # keep\n';
      const out = apply(text, disableForLineEdit(text, at(text, 'Ship'), 'objective-is-task'));
      assert.equal(out, 'objectives:\n  - id: O1\n    # okr-lint-disable-next-line objective-is-task\n    title: Ship it   # keep\n');
    });

    it('indents to the dash of a list item and keeps CRLF line breaks', () => {
      const text = 'objectives:\r\n  - { id: O1, title: Ship it }\r\n';
      const out = apply(text, disableForLineEdit(text, at(text, 'Ship'), 'kr-count'));
      assert.equal(out, 'objectives:\r\n  # okr-lint-disable-next-line kr-count\r\n  - { id: O1, title: Ship it }\r\n');
    });

    it('adds the rule to a disable-next-line comment already above, before its note', () => {
      const text = '    # okr-lint-disable-next-line kr-count -- reviewed with Dana\n    title: x\n';
      const out = apply(text, disableForLineEdit(text, at(text, 'title'), 'objective-is-task'));
      assert.equal(out, '    # okr-lint-disable-next-line kr-count, objective-is-task -- reviewed with Dana\n    title: x\n');
    });

    it('offers nothing when the comment above already covers the rule', () => {
      const text = '# okr-lint-disable-next-line kr-count\ntitle: x\n';
      assert.equal(disableForLineEdit(text, at(text, 'title'), 'kr-count'), undefined);
      const all = '# okr-lint-disable-next-line\ntitle: x\n';
      assert.equal(disableForLineEdit(all, at(all, 'title'), 'kr-count'), undefined);
    });

    it('puts the comment after a byte-order mark on the first line', () => {
      const text = '\uFEFFteam: x\n';
      assert.equal(apply(text, disableForLineEdit(text, 1, 'schema')), '\uFEFF# okr-lint-disable-next-line schema\nteam: x\n');
    });

    it('silences the finding in the core', () => {
      const text =
        'team: T\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Migrate the billing service to Kubernetes\n    key_results:\n' +
        '      - { id: K1, title: Raise NPS from 20 to 40, start: 20, target: 40 }\n' +
        '      - { id: K2, title: Cut churn from 5 to 3 percent, start: 5, target: 3 }\n';
      const before = lintText(text, 'a.okr.yaml', { today: '2026-11-01' }).findings.map((f) => f.ruleId);
      assert.ok(before.includes('objective-is-task'), before.join());
      const fixed = apply(text, disableForLineEdit(text, at(text, 'Migrate'), 'objective-is-task'));
      const after = lintText(fixed, 'a.okr.yaml', { today: '2026-11-01' }).findings.map((f) => f.ruleId);
      assert.ok(!after.includes('objective-is-task'), after.join());
    });
  });

  describe('for this file', () => {
    it('inserts after the leading comment block, keeping the header first', () => {
      const text = '# Platform OKRs\n# owned by Dana\n\nteam: x\n';
      assert.equal(
        apply(text, disableForFileEdit(text, 'kr-count')),
        '# Platform OKRs\n# owned by Dana\n# okr-lint-disable kr-count\n\nteam: x\n',
      );
    });

    it('inserts at the top (after a byte-order mark) when there is no header', () => {
      assert.equal(apply('team: x\n', disableForFileEdit('team: x\n', 'kr-count')), '# okr-lint-disable kr-count\nteam: x\n');
      assert.equal(
        apply('\uFEFFteam: x\r\n', disableForFileEdit('\uFEFFteam: x\r\n', 'kr-count')),
        '\uFEFF# okr-lint-disable kr-count\r\nteam: x\r\n',
      );
    });

    it('merges into a disable comment among the leading comments', () => {
      const text = '# header\n\n# okr-lint-disable routine-work\nteam: x\n';
      assert.equal(apply(text, disableForFileEdit(text, 'kr-count')), '# header\n\n# okr-lint-disable routine-work, kr-count\nteam: x\n');
      assert.equal(disableForFileEdit(text, 'routine-work'), undefined);
    });

    it('does not mistake a disable-next-line comment or a later comment for the file directive', () => {
      const text = '# okr-lint-disable-next-line schema\nteam: x\n# okr-lint-disable kr-count\n';
      assert.equal(
        apply(text, disableForFileEdit(text, 'routine-work')),
        '# okr-lint-disable-next-line schema\n# okr-lint-disable routine-work\nteam: x\n# okr-lint-disable kr-count\n',
      );
    });
  });
});
