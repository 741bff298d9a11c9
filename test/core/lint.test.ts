import assert from 'node:assert/strict';
import { collectDefinitions, docsPath, lintParsed, lintText } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';

const TODAY = '2026-11-28';
// Three findings on known lines: kr-count (line 6), dropped-without-reason (line 8), schema (line 10).
const TEXT = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: O1
    title: Customers can rely on our platform
    key_results:
      - { id: KR1, title: Reduce P1 incidents from twelve to three, start: 12, target: 3, check_ins: [{ date: 2026-11-25, value: 9 }] }
      - { id: KR2, title: Cut deploy time from 40 to 10 minutes, start: 40, target: 10, status: dropped }
      - { id: KR3, title: Raise coverage from 40% to 80%, start: 40, target: 80, colour: red, check_ins: [{ date: 2026-11-25, value: 50 }] }
`;
function keys(text: string, options: Parameters<typeof lintText>[2] = { today: TODAY }) {
  const { findings, lines } = lintText(text, 'platform.okr.yaml', options);
  return findings.map((f) => `${lines.positionAt(f.span.start).line + 1}:${f.ruleId}:${f.severity}`);
}

describe('lint engine', () => {
  it('runs every rule and applies default severities', () => {
    assert.deepEqual(keys(TEXT), ['9:dropped-without-reason:warning', '10:schema:error']);
  });

  it('sorts findings by position, then by rule id', () => {
    const text = 'team: T\nobjectives:\n  - { id: O1, title: Fix bugs and on-call, status: dropped }\n  - { id: O1, title: B }\n';
    const { findings } = lintText(text, 'x', { today: TODAY });
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1], findings[i]];
      assert.ok(
        a.span.start < b.span.start ||
          (a.span.start === b.span.start && (a.span.end < b.span.end || (a.span.end === b.span.end && a.ruleId <= b.ruleId))),
        `${a.ruleId} before ${b.ruleId}`,
      );
    }
    assert.ok(findings.length >= 4);
  });

  it("sets each finding's docs path", () => {
    const { findings } = lintText(TEXT, 'x', { today: TODAY });
    assert.deepEqual(
      findings.map((f) => f.docsPath),
      ['docs/rules/dropped-without-reason.md', 'docs/rules/schema.md'],
    );
    assert.equal(docsPath('kr-count'), 'docs/rules/kr-count.md');
  });

  it('applies settings: off, severity, options, parser rules included', () => {
    assert.deepEqual(keys(TEXT, { today: TODAY, settings: { 'dropped-without-reason': 'off', schema: 'warning' } }), ['10:schema:warning']);
    assert.deepEqual(keys(TEXT, { today: TODAY, settings: { 'kr-count': { min: 3, severity: 'error' } } }), [
      '7:kr-count:error',
      '9:dropped-without-reason:warning',
      '10:schema:error',
    ]);
    assert.deepEqual(keys(TEXT, { today: TODAY, settings: { default: 'off' } }), []);
  });

  it("the file's `lint:` block wins over the settings", () => {
    const text = TEXT.replace('period: 2026-Q4\n', 'period: 2026-Q4\nlint: { dropped-without-reason: info, kr-count: { min: 2 } }\n');
    const settings = { 'dropped-without-reason': 'off', 'kr-count': { min: 3 } };
    assert.deepEqual(keys(text, { today: TODAY, settings }), ['10:dropped-without-reason:info', '11:schema:error']);
  });

  it("problems in the file's lint block are schema findings at `lint`; those of the settings are left to the caller", () => {
    const text = TEXT.replace('period: 2026-Q4\n', 'period: 2026-Q4\nlint: { routine-wrok: off }\n');
    const { findings } = lintText(text, 'x', { today: TODAY, settings: { 'no-such-rule': 'off' } });
    const lintFinding = findings.find((f) => f.message.includes('routine-wrok'))!;
    assert.equal(lintFinding.ruleId, 'schema');
    assert.equal(text.slice(lintFinding.span.start, lintFinding.span.end), 'lint');
    assert.ok(!findings.some((f) => f.message.includes('no-such-rule')));
  });

  it('honours suppression comments, for rule findings and parser findings alike', () => {
    const text = TEXT.replace('      - { id: KR2', '      # okr-lint-disable-next-line dropped-without-reason\n      - { id: KR2').replace(
      '      - { id: KR3',
      '      # okr-lint-disable schema\n      - { id: KR3',
    );
    assert.deepEqual(keys(text), []);
    const all = TEXT.replace('objectives:\n', 'objectives:\n# okr-lint-disable\n');
    assert.deepEqual(keys(all), []);
    const trailing = TEXT.replace('status: dropped }', 'status: dropped }   # okr-lint-disable-line dropped-without-reason');
    assert.deepEqual(keys(trailing), ['10:schema:error']);
  });

  it("passes the context to the rules: today, other files' ids, the aligned file", () => {
    const text =
      'team: T\nperiod: 2026-Q4\naligns_with: company.okr.yaml\nobjectives:\n' +
      '  - { id: O1, title: A, parent: CO-9, key_results: [{ id: K1, title: B, start: 1, target: 2 }, { id: K2, title: C, start: 1, ' +
      'target: 2 }] }\n';
    const company = parseOkr('team: C\nobjectives:\n  - { id: CO-1, title: X }\n', 'company.okr.yaml').file;
    const found = lintText(text, 't.okr.yaml', {
      today: '2026-10-05',
      otherDefinitions: [{ id: 'K1', kind: 'key-result', path: 'other.okr.yaml', span: { start: 0, end: 2 } }],
      alignedFile: company,
      alignedPath: 'company.okr.yaml',
    }).findings.map((f) => f.ruleId);
    assert.deepEqual(found.sort(), ['duplicate-id', 'unknown-parent']);
    const later = lintText(text, 't.okr.yaml', { today: '2026-11-28' }).findings.map((f) => f.ruleId);
    assert.ok(later.includes('stale-check-in'));
  });

  it('lintParsed lints a file parsed earlier, with its parse findings', () => {
    const { file, findings } = parseOkr(TEXT, 'x');
    assert.deepEqual(
      lintParsed(file, findings, { today: TODAY }).findings.map((f) => f.ruleId),
      ['dropped-without-reason', 'schema'],
    );
    assert.deepEqual(
      lintParsed(file, [], { today: TODAY }).findings.map((f) => f.ruleId),
      ['dropped-without-reason'],
    );
  });

  it('reports a finding repeated word for word at the same place once', () => {
    const { file, findings } = parseOkr(TEXT, 'x');
    const twice = lintParsed(file, [...findings, ...findings.map((f) => ({ ...f }))], { today: TODAY }).findings;
    assert.deepEqual(
      twice.map((f) => f.ruleId),
      ['dropped-without-reason', 'schema'],
    );
    const other = { ...findings[0], message: `${findings[0].message} (another message)` };
    assert.equal(
      lintParsed(file, [...findings, other], { today: TODAY }).findings.length,
      3,
      'a different message at the same place stays',
    );
  });

  it('collectDefinitions lists objectives, key results and initiatives with their id spans', () => {
    const text =
      'objectives:\n  - { id: O1, title: A, key_results: [{ id: K1, title: B }], initiatives: [{ id: I1, title: C }, { title: D }] }\n';
    const defs = collectDefinitions(parseOkr(text, 'p.okr.yaml').file);
    assert.deepEqual(
      defs.map((d) => [d.id, d.kind, d.path, text.slice(d.span.start, d.span.end), d.title]),
      [
        ['O1', 'objective', 'p.okr.yaml', 'O1', 'A'],
        ['K1', 'key-result', 'p.okr.yaml', 'K1', 'B'],
        ['I1', 'initiative', 'p.okr.yaml', 'I1', 'C'],
      ],
    );
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', ':', '- -', '{', '*a', '\u0000', 'objectives: [{ key_results: [{ check_ins: [1] }] }]']) {
      assert.doesNotThrow(() => lintText(text, 'x', { today: TODAY }));
    }
  });
});
