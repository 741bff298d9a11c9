import { strict as assert } from 'node:assert';
import { lintText, lintParsed, collectDefinitions } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';
import { LineIndex } from '../../src/core/positions';
import { diagnosticData, SEVERITY_NUMBER } from '../../src/extension/lint/diagnostic-data';

describe('findings as diagnostic data', () => {
  it('maps severities to vscode.DiagnosticSeverity numbers', () => {
    assert.deepEqual(SEVERITY_NUMBER, { error: 0, warning: 1, info: 2 });
  });

  it('gives the rule id, docs page and the 0-based range of the span', () => {
    const text = 'team: T\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    titel: Grow\n';
    const result = lintText(text, '/w/a.okr.yaml', { today: '2026-11-01' });
    const schema = result.findings.find((f) => f.ruleId === 'schema')!;
    const data = diagnosticData(schema, result.lines, () => undefined);
    assert.equal(data.ruleId, 'schema');
    assert.equal(data.severity, 0);
    assert.equal(data.docsPath, 'docs/rules/schema.md');
    assert.deepEqual(data.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 9 } });
    assert.deepEqual(data.related, []);
  });

  it('points duplicate-id at the first definition, in the other file', () => {
    const first = 'team: A\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Customers trust us\n';
    const second = 'team: B\nperiod: 2026-Q4\nobjectives:\n\n  - id: O1\n    title: Partners trust us\n';
    const a = parseOkr(first, '/w/a.okr.yaml');
    const b = parseOkr(second, '/w/b.okr.yaml');
    const result = lintParsed(b.file, b.findings, { today: '2026-11-01', otherDefinitions: collectDefinitions(a.file) });
    const dup = result.findings.find((f) => f.ruleId === 'duplicate-id');
    assert.ok(dup, result.findings.map((f) => f.ruleId).join());
    const data = diagnosticData(dup, result.lines, (p) => (p === '/w/a.okr.yaml' ? new LineIndex(first) : undefined));
    assert.equal(data.range.start.line, 4);
    assert.equal(data.related.length, 1);
    assert.equal(data.related[0].path, '/w/a.okr.yaml');
    assert.deepEqual(data.related[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } });
    // A file the adapter cannot read points at its start rather than nowhere.
    const unknown = diagnosticData(dup, result.lines, () => undefined);
    assert.deepEqual(unknown.related[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});
