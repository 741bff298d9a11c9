// The report as Markdown, for a pull request, an issue or a wiki: per objective a
// table of key results and a burn-up per key result as a Mermaid `xychart-beta`
// block (GitHub and GitLab draw them). No raw HTML: user text is escaped inline.
// Each section is its own function, so a format can gain one without touching the rest.

import { shortDate } from '../chart';
import { formatQuantity, paceText, plural } from '../wording';
import { escapeMarkdownInline as md, mermaidLabel } from '../markup';
import { daysBetween, HEALTH_LABELS, percent } from '../progress';
import { markdownAlignment } from './alignment';
import { checkInTable, columnsFor, keyResultName, type PlainTable, trailerTable } from './columns';
import type { ReportData, ReportFile, ReportKeyResult, ReportObjective } from './data';
import { maxOf, minOf } from '../arrays';

function table(headers: string[], rows: string[][], numeric: boolean[] = []): string {
  const align = headers.map((_, i) => (numeric[i] ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers.map(md)), `|${align.join('|')}|`, ...rows.map((r) => line(r))].join('\n');
}

export function reportSummary(report: ReportData): { files: number; objectives: number; keyResults: number } {
  const objectives = report.files.reduce((n, f) => n + f.objectives.length, 0);
  const keyResults = report.files.reduce((n, f) => n + f.objectives.reduce((m, o) => m + o.keyResults.length, 0), 0);
  return { files: report.files.length, objectives, keyResults };
}

export function markdownHeader(report: ReportData): string {
  const s = reportSummary(report);
  return [
    '# OKR progress report',
    '',
    `As of ${report.today}: ${plural(s.files, 'file', 'files')}, ${plural(s.objectives, 'objective', 'objectives')}, ` +
      `${plural(s.keyResults, 'key result', 'key results')}.`,
  ].join('\n');
}

const plainTable = (t: PlainTable): string =>
  table(
    t.headers,
    t.rows.map((row) => row.map(md)),
    t.numeric,
  );

export function markdownIndicators(report: ReportData): string {
  const ind = report.indicators;
  const out = ['## Leading indicators'];
  out.push('', '### Check-ins against the cadence', '');
  if (ind.checkIns.length === 0) out.push('No key result is due a check-in yet.');
  else out.push(plainTable(checkInTable(ind)));
  if (report.repositories !== null) {
    out.push('', `### Commits carrying a key-result trailer${ind.window ? ` (${ind.window.from} to ${ind.window.to})` : ''}`, '');
    if (ind.trailers.length === 0) out.push('No period to count commits in.');
    else out.push(plainTable(trailerTable(ind)));
    out.push('', '### Key results with no linked work', '');
    out.push(
      ind.noLinkedWork.length === 0
        ? 'None: every key result of a file that commits link to has linked work.'
        : ind.noLinkedWork.map((r) => `- ${md(keyResultName(r))} (${md(r.file)})`).join('\n'),
    );
  }
  out.push('', '### Confidence fell at each of the last two check-ins', '');
  out.push(
    ind.confidenceFalling.length === 0 ? 'None.' : ind.confidenceFalling.map((r) => `- ${md(keyResultName(r))} (${md(r.file)})`).join('\n'),
  );
  return out.join('\n');
}

/** The Mermaid burn-up of one key result: progress and pace at each point, in percent. */
export function mermaidBurnUp(kr: ReportKeyResult, period: { start: string; end: string } | null): string | undefined {
  if (kr.points.length === 0) return undefined;
  const dates = kr.points.map((p) => p.date);
  const actual = kr.points.map((p) => Math.round(p.progress * 100));
  // The pace line of the SVG chart: 0 on the first day, 100 on the last.
  const total = period ? daysBetween(period.start, period.end) : 0;
  const expected =
    period && total > 0
      ? dates.map((d) => Math.round((Math.min(Math.max(daysBetween(period.start, d), 0), total) / total) * 100))
      : undefined;
  const values = [...actual, ...(expected ?? [])];
  const lo = Math.min(0, Math.floor(minOf(values) / 25) * 25);
  const hi = Math.max(100, Math.ceil(maxOf(values) / 25) * 25);
  const title = mermaidLabel(keyResultName(kr)) || 'Key result';
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis [${dates.map((d) => `"${shortDate(d)}"`).join(', ')}]`,
    `    y-axis "Progress (%)" ${lo} --> ${hi}`,
    `    line [${actual.join(', ')}]`,
    ...(expected ? [`    line [${expected.join(', ')}]`] : []),
    '```',
  ].join('\n');
}

function objectiveHeading(o: ReportObjective): string {
  const name = md([o.id, o.title].filter((x) => x !== null && x !== '').join(' ') || '(no id)');
  const parts = [o.progress === null ? 'no numbers' : percent(o.progress), HEALTH_LABELS[o.health]];
  const gap = paceText(o.paceGap ?? undefined);
  if (gap) parts.push(gap);
  const owner = o.owner ? ` · owner ${md(o.owner)}` : '';
  const projection = o.projection ? ` · at this rate ${percent(o.projection.progress)} by ${o.projection.date}` : '';
  return `### ${name}\n\n${parts.join(' · ')}${owner}${projection}`;
}

export function markdownObjective(o: ReportObjective, report: ReportData): string {
  const columns = columnsFor(report);
  const out = [objectiveHeading(o), ''];
  if (o.keyResults.length === 0) out.push('No key results.');
  else
    out.push(
      table(
        columns.map((c) => c.header),
        o.keyResults.map((kr) => columns.map((c) => md(c.cell(kr, report)))),
        columns.map((c) => c.numeric === true),
      ),
    );
  for (const kr of o.keyResults) {
    const chart = mermaidBurnUp(kr, o.period);
    if (!chart) continue;
    const projected = kr.projection?.value;
    const value = projected != null ? ` (${md(formatQuantity(Number(projected.toPrecision(3)), kr.unit ?? undefined))})` : '';
    const projection = kr.projection ? ` At this rate: ${percent(kr.projection.progress)} by ${kr.projection.date}${value}.` : '';
    out.push('', `Burn-up of ${md(keyResultName(kr))}: the first line is progress, the second the pace.${projection}`, '', chart);
  }
  return out.join('\n');
}

export function markdownFile(f: ReportFile, report: ReportData): string {
  const period = f.period ? `${f.period.label ?? ''}${f.period.label ? ' ' : ''}(${f.period.start} to ${f.period.end})` : 'no period';
  const out = [`## ${md(f.path)}`, '', `${f.team ? `${md(f.team)} · ` : ''}${period}`];
  if (f.objectives.length === 0) out.push('', 'No objectives.');
  for (const o of f.objectives) out.push('', markdownObjective(o, report));
  return out.join('\n');
}

export function renderMarkdown(report: ReportData): string {
  const sections = [
    markdownHeader(report),
    markdownIndicators(report),
    ...(report.alignment ? [markdownAlignment(report.alignment)] : []),
    ...report.files.map((f) => markdownFile(f, report)),
  ];
  return `${sections.join('\n\n')}\n`;
}
