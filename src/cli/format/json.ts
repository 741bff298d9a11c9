// `okr lint --format json`: ESLint's JSON shape, so tools that read ESLint output
// (CI annotators, dashboards) read ours. One entry per linted file, clean ones
// included; `severity` is ESLint's number (2 error, 1 otherwise), `level` the word.

import type { Severity } from '../../core/model';
import { countFindings, placeRelated, regionOf, type LintReport } from './report';

export interface JsonRelated {
  filePath: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  level: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule's page, relative to the okr-lens package. */
  docsPath?: string;
  /** True when the finding comes with a certain fix (applied by the editor's quick fix). */
  fixable: boolean;
  /** Other places the finding is about (the other definition of a duplicate id); only those in linted files. */
  related?: JsonRelated[];
}

export interface JsonFileResult {
  /** Absolute path, as ESLint writes it. */
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function jsonResults(report: LintReport): JsonFileResult[] {
  return report.files.map((file) => {
    const counts = countFindings(file.findings);
    const messages = file.findings.map<JsonMessage>((f) => {
      const related = (f.related ?? []).flatMap((rel) => {
        const placed = placeRelated(report, rel);
        return placed ? [{ filePath: placed.file.path, message: rel.message, ...placed.region }] : [];
      });
      return {
        ruleId: f.ruleId,
        severity: f.severity === 'error' ? 2 : 1,
        level: f.severity,
        message: f.message,
        ...regionOf(file.lines, f.span),
        ...(f.docsPath ? { docsPath: f.docsPath } : {}),
        fixable: Boolean(f.fixes?.length),
        ...(related.length ? { related } : {}),
      };
    });
    return {
      filePath: file.path,
      messages,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      infoCount: counts.infos,
      fixableErrorCount: messages.filter((m) => m.fixable && m.level === 'error').length,
      fixableWarningCount: messages.filter((m) => m.fixable && m.level === 'warning').length,
    };
  });
}

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(jsonResults(report))}\n`;
}
