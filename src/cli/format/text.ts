// `okr lint --format text`: one line per finding, `file:line:col  severity  message  rule-id`,
// grouped by file, then a summary. The location comes first so terminals and
// VS Code's terminal make it a link.

import { printable } from '../../core/escape';
import { styleFor, type Style } from './ansi';
import { regionOf, totalCounts, type Counts, type LintReport } from './report';
import type { Severity } from '../../core/model';
import { plural } from '../../core/wording';
import { maxOf } from '../../core/arrays';

function severityStyle(style: Style, severity: Severity): (s: string) => string {
  return severity === 'error' ? style.red : severity === 'warning' ? style.yellow : style.blue;
}

export function summaryLine(counts: Counts, fileCount: number, style: Style): string {
  const total = counts.errors + counts.warnings + counts.infos;
  if (total === 0) return style.green(`No problems in ${plural(fileCount, 'file', 'files')}`);
  const text =
    `✖ ${plural(total, 'problem', 'problems')} (${plural(counts.errors, 'error', 'errors')}, ` +
    `${plural(counts.warnings, 'warning', 'warnings')}, ${counts.infos} info)`;
  const colour = counts.errors ? style.red : counts.warnings ? style.yellow : style.blue;
  return style.bold(colour(text));
}

export function formatText(report: LintReport, options: { color: boolean }): string {
  const style = styleFor(options.color);
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => {
      const r = regionOf(file.lines, f.span);
      return { location: `${printable(file.displayPath)}:${r.line}:${r.column}`, finding: f };
    });
    const locationWidth = maxOf(rows.map((r) => r.location.length));
    const severityWidth = maxOf(rows.map((r) => r.finding.severity.length));
    blocks.push(
      rows
        .map(({ location, finding }) =>
          [
            location.padEnd(locationWidth),
            severityStyle(style, finding.severity)(finding.severity) + ' '.repeat(severityWidth - finding.severity.length),
            printable(finding.message),
            style.dim(finding.ruleId),
          ].join('  '),
        )
        .join('\n'),
    );
  }
  const summary = summaryLine(totalCounts(report), report.files.length, style);
  return blocks.length ? `${blocks.join('\n\n')}\n\n${summary}\n` : `${summary}\n`;
}
