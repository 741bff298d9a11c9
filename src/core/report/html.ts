// The report as one self-contained HTML file: inline CSS and SVG, no script, no
// request to any host (its Content Security Policy forbids them), and a print
// layout with a page break before each objective, so "Print to PDF" gives a
// document to share. Light and dark follow the reader's system.

import { burnUpChart, CHART_CSS, chartTable, confidenceChart, renderChartSvg, type ChartSpec } from '../chart';
import { paceText } from '../wording';
import { escapeXml as x } from '../markup';
import { HEALTH_LABELS, percent, type Health } from '../progress';
import type { ConfidencePoint, KeyResultSeries, SeriesPoint } from '../series';
import { alignmentHtml } from './alignment';
import { htmlPage } from './html-page';
import { checkInTable, columnsFor, keyResultName, type PlainTable, trailerTable } from './columns';
import type { ReportData, ReportFile, ReportKeyResult, ReportObjective } from './data';
import { reportSummary } from './markdown';

export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0;
  --on-track: #1a7f37; --at-risk: #9a6700; --off-track: #cf222e; --quiet: #59636e; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d;
  --on-track: #3fb950; --at-risk: #d29922; --off-track: #f85149; --quiet: #9198a1;
  --okr-chart-text: #e6edf3; --okr-chart-grid: #3d444d; --okr-chart-axis: #9198a1; --okr-chart-actual: #58a6ff; --okr-chart-pace: #9198a1; } }
body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 68rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid var(--border); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.health { font-weight: 600; white-space: nowrap; }
.health-on-track, .health-done { color: var(--on-track); } .health-at-risk { color: var(--at-risk); }
.health-off-track { color: var(--off-track); } .health-dropped, .health-not-started, .health-unknown { color: var(--quiet); }
.bar { display: inline-block; width: 6rem; height: .6rem; border: 1px solid var(--border); vertical-align: middle; margin-right: .4rem; }
.bar > span { display: block; height: 100%; background: currentColor; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
details table { width: auto; font-size: 12px; }
svg { max-width: 100%; height: auto; }
${CHART_CSS}
@media print {
  body { margin: 0; max-width: none; }
  .objective { break-before: page; page-break-before: always; }
  details { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

function healthBadge(h: Health): string {
  return `<span class="health health-${h}">${x(HEALTH_LABELS[h])}</span>`;
}

function bar(progress: number | null, health: Health): string {
  if (progress === null) return '';
  const p = Math.round(Math.max(0, Math.min(1, progress)) * 100);
  // A width from 0 to 100 in steps of 5 as a class: no inline style, which a strict CSP would block.
  return `<span class="bar health-${health}" role="img" aria-label="${p}%"><span class="w${Math.round(p / 5) * 5}"></span></span>`;
}

const BAR_WIDTHS = Array.from({ length: 21 }, (_, i) => `.bar > .w${i * 5} { width: ${i * 5}%; }`).join('\n');

function tableHtml(headers: string[], rows: string[][], numeric: boolean[] = [], caption?: string): string {
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
  return [
    '<table>',
    caption ? `<caption class="muted">${x(caption)}</caption>` : '',
    `<thead><tr>${headers.map((h, i) => `<th scope="col"${cls(i)}>${x(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** A chart and, folded under it, its numbers: the text fallback. */
export function figureHtml(spec: ChartSpec, idPrefix: string, caption: string): string {
  const { headers, rows } = chartTable(spec);
  return [
    `<figure>`,
    `<figcaption>${x(caption)}</figcaption>`,
    renderChartSvg(spec, { idPrefix }),
    `<details><summary>Numbers</summary>${tableHtml(
      headers,
      rows.map((r) => r.map(x)),
    )}</details>`,
    `</figure>`,
  ].join('');
}

/** The series of a report's key result, as the chart builders take it. */
export function seriesOfReport(kr: ReportKeyResult, period: { start: string; end: string } | null): KeyResultSeries {
  return {
    period: period ?? undefined,
    start: kr.start ?? 0,
    target: kr.target ?? undefined,
    unit: kr.unit ?? undefined,
    points: kr.points.map<SeriesPoint>((p) => ({
      date: p.date,
      value: p.value ?? undefined,
      progress: p.progress,
      kind: p.kind,
      confidence: p.confidence ?? undefined,
      note: p.note ?? undefined,
    })),
    pace: period ? { from: { date: period.start, progress: 0 }, to: { date: period.end, progress: 1 } } : undefined,
    projection: kr.projection
      ? { date: kr.projection.date, progress: kr.projection.progress, value: kr.projection.value ?? undefined }
      : undefined,
    confidence: kr.confidenceHistory.map<ConfidencePoint>((c) => ({ date: c.date, confidence: c.confidence, note: c.note ?? undefined })),
  };
}

function headerHtml(report: ReportData): string {
  const s = reportSummary(report);
  return (
    `<header><h1>OKR progress report</h1><p class="muted">As of ${x(report.today)}: ${s.files} ` +
    `file${s.files === 1 ? '' : 's'}, ${s.objectives} objective${s.objectives === 1 ? '' : 's'}, ${s.keyResults} key ` +
    `result${s.keyResults === 1 ? '' : 's'}.</p></header>`
  );
}

const plainTableHtml = (t: PlainTable): string =>
  tableHtml(
    t.headers,
    t.rows.map((row) => row.map(x)),
    t.numeric,
  );

export function indicatorsHtml(report: ReportData): string {
  const ind = report.indicators;
  const out = ['<section class="indicators" aria-labelledby="indicators"><h2 id="indicators">Leading indicators</h2>'];
  out.push('<h3>Check-ins against the cadence</h3>');
  out.push(ind.checkIns.length === 0 ? '<p>No key result is due a check-in yet.</p>' : plainTableHtml(checkInTable(ind)));
  if (report.repositories !== null) {
    out.push(`<h3>Commits carrying a key-result trailer${ind.window ? ` (${x(ind.window.from)} to ${x(ind.window.to)})` : ''}</h3>`);
    out.push(ind.trailers.length === 0 ? '<p>No period to count commits in.</p>' : plainTableHtml(trailerTable(ind)));
    out.push('<h3>Key results with no linked work</h3>');
    out.push(
      ind.noLinkedWork.length === 0
        ? '<p>None: every key result of a file that commits link to has linked work.</p>'
        : `<ul>${ind.noLinkedWork.map((r) => `<li>${x(keyResultName(r))} <span class="muted">(${x(r.file)})</span></li>`).join('')}</ul>`,
    );
  }
  out.push('<h3>Confidence fell at each of the last two check-ins</h3>');
  out.push(
    ind.confidenceFalling.length === 0
      ? '<p>None.</p>'
      : `<ul>${ind.confidenceFalling
          .map((r) => `<li>${x(keyResultName(r))} <span class="muted">(${x(r.file)})</span></li>`)
          .join('')}</ul>`,
  );
  out.push('</section>');
  return out.join('');
}

export function objectiveHtml(o: ReportObjective, file: ReportFile, report: ReportData, index: string): string {
  const columns = columnsFor(report);
  const name = [o.id, o.title].filter((v) => v !== null && v !== '').join(' ') || '(no id)';
  const gap = paceText(o.paceGap ?? undefined);
  const meta = [
    o.progress === null ? 'no numbers' : percent(o.progress),
    ...(gap ? [gap] : []),
    ...(o.owner ? [`owner ${o.owner}`] : []),
    ...(o.projection ? [`at this rate ${percent(o.projection.progress)} by ${o.projection.date}`] : []),
  ];
  const out = [
    `<section class="objective" aria-labelledby="o${index}">`,
    `<h2 id="o${index}">${x(name)}</h2>`,
    `<p>${bar(o.progress, o.health)}${healthBadge(o.health)} · ${x(meta.join(' · '))}</p>`,
    `<p class="muted">${x(file.path)}${file.team ? ` · ${x(file.team)}` : ''}` +
      `${file.period ? ` · ${x(file.period.label ?? `${file.period.start} to ${file.period.end}`)}` : ''}</p>`,
  ];
  if (o.keyResults.length === 0) out.push('<p>No key results.</p>');
  else {
    const rows = o.keyResults.map((kr) =>
      columns.map((c) =>
        c.header === 'Health'
          ? healthBadge(kr.health)
          : c.header === 'Progress'
            ? `${bar(kr.progress, kr.health)}${x(c.cell(kr, report))}`
            : x(c.cell(kr, report)),
      ),
    );
    out.push(
      tableHtml(
        columns.map((c) => c.header),
        rows,
        columns.map((c) => c.numeric === true),
      ),
    );
  }
  const charts: string[] = [];
  o.keyResults.forEach((kr, k) => {
    const series = seriesOfReport(kr, o.period);
    const burnUp = burnUpChart(kr, series, report.today);
    if (burnUp && kr.points.length > 0) charts.push(figureHtml(burnUp, `o${index}k${k}`, `Burn-up: ${keyResultName(kr)}`));
    const confidence = confidenceChart(kr, series.confidence, series.period, report.today);
    if (confidence && series.confidence.length > 1)
      charts.push(figureHtml(confidence, `o${index}k${k}c`, `Confidence: ${keyResultName(kr)}`));
  });
  if (charts.length) out.push(`<div class="charts">${charts.join('')}</div>`);
  out.push('</section>');
  return out.join('');
}

export function renderHtml(report: ReportData): string {
  const body: string[] = [headerHtml(report), indicatorsHtml(report), ...(report.alignment ? [alignmentHtml(report.alignment)] : [])];
  report.files.forEach((f, i) => f.objectives.forEach((o, j) => body.push(objectiveHtml(o, f, report, `${i}-${j}`))));
  const page = htmlPage({
    // No script, no request anywhere: only the inline styles below and data: images.
    csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    title: `OKR progress report, ${report.today}`,
    css: `${REPORT_CSS}${BAR_WIDTHS}`,
    body,
  });
  return `${page}\n`;
}
