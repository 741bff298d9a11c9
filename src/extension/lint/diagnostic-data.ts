// Findings -> what a diagnostic shows, without vscode: severity, 0-based range,
// rule id and docs page, and related locations in this or other files. The adapter
// in diagnostics.ts turns these into vscode.Diagnostic objects.

import type { Finding, Severity } from '../../core/model';
import type { LineIndex, Position } from '../../core/positions';

export const DIAGNOSTIC_SOURCE = 'okr-lens';

/** vscode.DiagnosticSeverity's numbers: Error 0, Warning 1, Information 2, Hint 3. */
export const SEVERITY_NUMBER: Readonly<Record<Severity, 0 | 1 | 2>> = { error: 0, warning: 1, info: 2 };

export interface RangeData {
  start: Position;
  end: Position;
}

export interface RelatedData {
  path: string;
  range: RangeData;
  message: string;
}

export interface DiagnosticData {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  range: RangeData;
  /** `docs/rules/<id>.md`, relative to the extension's root. */
  docsPath: string;
  related: RelatedData[];
}

export function rangeOf(lines: LineIndex, span: { start: number; end: number }): RangeData {
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

/**
 * One finding as diagnostic data. `linesOf` gives the line index of another file
 * (by the path the core wrote in `related`); a file it does not know points at its start.
 */
export function diagnosticData(finding: Finding, lines: LineIndex, linesOf: (path: string) => LineIndex | undefined): DiagnosticData {
  return {
    ruleId: finding.ruleId,
    severity: SEVERITY_NUMBER[finding.severity] ?? SEVERITY_NUMBER.warning,
    message: finding.message,
    range: rangeOf(lines, finding.span),
    docsPath: finding.docsPath ?? `docs/rules/${finding.ruleId}.md`,
    related: (finding.related ?? []).map((r) => {
      const other = linesOf(r.path);
      const zero = { line: 0, character: 0 };
      return { path: r.path, range: other ? rangeOf(other, r.span) : { start: zero, end: zero }, message: r.message };
    }),
  };
}
