// One chart renderer for the dashboard and the HTML report: a time series as
// accessible SVG (a <title> and <desc>, labelled axes, the pace line dashed,
// check-in points with their notes as tooltips) and the same numbers as a plain
// text table. Colours come from classes that CHART_CSS maps to CSS variables, so
// the editor's theme applies; presentation attributes carry neutral defaults for
// an SVG shown on its own. No inline style attributes: a strict Content Security
// Policy stays intact.

import { formatQuantity } from './wording';
import { escapeXml } from './markup';
import type { IsoDate, Period } from './model';
import { daysBetween, pace, percent } from './progress';
import type { ConfidencePoint, KeyResultSeries, ObjectiveSeries, SeriesPoint } from './series';
import { maxOf, minOf } from './arrays';

export type ChartLineKind = 'actual' | 'pace' | 'projection' | 'confidence';

export interface ChartPoint {
  date: IsoDate;
  /** A share: 0.6 is drawn at 60%. */
  y: number;
  /** The point's tooltip, one line per entry. */
  label?: string[];
}

export interface ChartLine {
  kind: ChartLineKind;
  /** For the legend and the text table. */
  name: string;
  points: ChartPoint[];
  /** Draw each point as a marker with its tooltip (check-ins). */
  markers?: boolean;
}

export interface ChartSpec {
  title: string;
  /** A sentence a screen reader says after the title. */
  summary: string;
  xLabel: string;
  yLabel: string;
  from: IsoDate;
  to: IsoDate;
  /** A vertical "today" rule when within the range. */
  today?: IsoDate;
  lines: ChartLine[];
}

export interface SvgOptions {
  /** Prefix of the ids inside the SVG (title, desc), unique in the page that holds several charts. */
  idPrefix: string;
  width?: number;
  height?: number;
}

/** The classes' colours: VS Code's chart colours when inside the editor, neutral ones elsewhere. */
export const CHART_CSS = `
.okr-chart { font: 11px var(--vscode-font-family, system-ui, sans-serif); color: var(--okr-chart-text, var(--vscode-foreground, #333)); }
.okr-chart .okr-axis { stroke: var(--okr-chart-axis, var(--vscode-charts-lines, #888)); }
.okr-chart .okr-grid { stroke: var(--okr-chart-grid, var(--vscode-editorWidget-border, #ddd)); }
.okr-chart text { fill: var(--okr-chart-text, var(--vscode-foreground, #333)); }
.okr-chart .okr-line-actual { stroke: var(--okr-chart-actual, var(--vscode-charts-blue, #1a73e8)); }
.okr-chart .okr-point-actual { fill: var(--okr-chart-actual, var(--vscode-charts-blue, #1a73e8)); }
.okr-chart .okr-line-pace { stroke: var(--okr-chart-pace, var(--vscode-charts-foreground, #777)); }
.okr-chart .okr-line-projection { stroke: var(--okr-chart-projection, var(--vscode-charts-purple, #8e44ad)); }
.okr-chart .okr-line-confidence { stroke: var(--okr-chart-confidence, var(--vscode-charts-orange, #d9822b)); }
.okr-chart .okr-point-confidence { fill: var(--okr-chart-confidence, var(--vscode-charts-orange, #d9822b)); }
.okr-chart .okr-today { stroke: var(--okr-chart-today, var(--vscode-charts-red, #c0392b)); }
.okr-chart .okr-point:focus { outline: none; stroke: var(--vscode-focusBorder, #005fb8); stroke-width: 3; }
`;

const DEFAULT_COLOURS: Record<ChartLineKind, string> = {
  actual: '#1a73e8',
  pace: '#777777',
  projection: '#8e44ad',
  confidence: '#d9822b',
};
const DASHES: Partial<Record<ChartLineKind, string>> = { pace: '6 4', projection: '2 3' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-03` -> "3 Nov". */
export function shortDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7)}`;
}

/** SVG coordinates with at most two decimals: smaller files, stable tests. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The y range in shares: 0 to 1, widened to whole quarters when a value is outside. */
function yRange(spec: ChartSpec): [number, number] {
  const ys = spec.lines.flatMap((l) => l.points.map((p) => p.y)).filter(Number.isFinite);
  const lo = minOf(ys, 0);
  const hi = maxOf(ys, 1);
  return [Math.floor(lo * 4) / 4, Math.ceil(hi * 4) / 4];
}

/** Tick dates: the first day, the first of each month inside, the last day. */
function xTicks(from: IsoDate, to: IsoDate): IsoDate[] {
  const ticks = [from];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let guard = 0; guard < 240; guard++) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    const first = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    if (first >= to) break;
    // Too close to the first tick to label apart.
    if (daysBetween(from, first) >= 10) ticks.push(first);
  }
  if (to !== from) ticks.push(to);
  // Over long ranges, keep at most 8 labels.
  if (ticks.length > 8) {
    const step = Math.ceil(ticks.length / 8);
    return ticks.filter((_, i) => i % step === 0 || i === ticks.length - 1);
  }
  return ticks;
}

export function renderChartSvg(spec: ChartSpec, options: SvgOptions): string {
  const width = options.width ?? 520;
  const height = options.height ?? 220;
  const margin = { left: 46, right: 14, top: 12, bottom: 52 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const span = Math.max(1, daysBetween(spec.from, spec.to));
  const [y0, y1] = yRange(spec);
  const x = (d: IsoDate) => margin.left + (Math.min(Math.max(daysBetween(spec.from, d), 0), span) / span) * plotW;
  const y = (v: number) => margin.top + (1 - (v - y0) / (y1 - y0)) * plotH;
  const id = escapeXml(options.idPrefix);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="okr-chart" viewBox="0 0 ${width} ${height}" width="${width}" ` +
      `height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(spec.summary)}</desc>`,
  );
  // Grid and y ticks, every 25%.
  out.push('<g class="okr-y-axis">');
  for (let v = y0; v <= y1 + 1e-9; v += 0.25) {
    const yy = n(y(v));
    out.push(
      `<line class="okr-grid" x1="${margin.left}" x2="${margin.left + plotW}" y1="${yy}" y2="${yy}" stroke="#dddddd" stroke-width="1"/>`,
      `<text x="${margin.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#333333">${percent(v)}</text>`,
    );
  }
  out.push('</g>');
  out.push('<g class="okr-x-axis">');
  for (const t of xTicks(spec.from, spec.to)) {
    const xx = n(x(t));
    out.push(
      `<line class="okr-axis" x1="${xx}" x2="${xx}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 4}" stroke="#888888"/>`,
      `<text x="${xx}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#333333" data-date="${t}">${shortDate(t)}</text>`,
    );
  }
  out.push('</g>');
  out.push(
    `<line class="okr-axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#888888"/>`,
    `<line class="okr-axis" x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" ` +
      `stroke="#888888"/>`,
    `<text class="okr-axis-label" x="${n(margin.left + plotW / 2)}" y="${height - 22}" text-anchor="middle" ` +
      `fill="#333333">${escapeXml(spec.xLabel)}</text>`,
    `<text class="okr-axis-label" x="12" y="${n(margin.top + plotH / 2)}" text-anchor="middle" fill="#333333" ` +
      `transform="rotate(-90 12 ${n(margin.top + plotH / 2)})">${escapeXml(spec.yLabel)}</text>`,
  );
  if (spec.today && spec.today >= spec.from && spec.today <= spec.to) {
    const xx = n(x(spec.today));
    out.push(
      `<line class="okr-today" x1="${xx}" x2="${xx}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#c0392b" ` +
        `stroke-width="1" stroke-dasharray="1 2" data-date="${spec.today}"><title>Today, ${shortDate(spec.today)}</title></line>`,
    );
  }
  for (const line of spec.lines) {
    if (line.points.length === 0) continue;
    const dash = DASHES[line.kind];
    const pts = line.points.map((p) => `${n(x(p.date))},${n(y(p.y))}`).join(' ');
    out.push(`<g class="okr-series okr-series-${line.kind}" data-kind="${line.kind}">`);
    out.push(`<title>${escapeXml(line.name)}</title>`);
    out.push(
      `<polyline class="okr-line-${line.kind}" points="${pts}" fill="none" stroke="${DEFAULT_COLOURS[line.kind]}" ` +
        `stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    if (line.markers) {
      for (const p of line.points) {
        const tip = (p.label ?? [`${shortDate(p.date)}: ${percent(p.y)}`]).map(escapeXml).join('\n');
        out.push(
          `<circle class="okr-point okr-point-${line.kind}" cx="${n(x(p.date))}" cy="${n(y(p.y))}" r="4" ` +
            `fill="${DEFAULT_COLOURS[line.kind]}" data-date="${p.date}" data-value="${n(p.y)}" tabindex="0" role="img" ` +
            `aria-label="${tip.replace(/\n/g, '. ')}"><title>${tip}</title></circle>`,
        );
      }
    }
    out.push('</g>');
  }
  // Legend below the axis label.
  out.push('<g class="okr-legend">');
  let lx = margin.left;
  for (const line of spec.lines) {
    if (line.points.length === 0) continue;
    const dash = DASHES[line.kind];
    out.push(
      `<line class="okr-line-${line.kind}" x1="${lx}" x2="${lx + 18}" y1="${height - 7}" y2="${height - 7}" ` +
        `stroke="${DEFAULT_COLOURS[line.kind]}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${lx + 22}" y="${height - 7}" dominant-baseline="middle" fill="#333333">${escapeXml(line.name)}</text>`,
    );
    lx += 30 + line.name.length * 6;
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}

/** The chart's numbers as rows: one per date, one column per line. */
export function chartTable(spec: ChartSpec): { headers: string[]; rows: string[][] } {
  const lines = spec.lines.filter((l) => l.points.length > 0);
  const dates = [...new Set(lines.flatMap((l) => l.points.map((p) => p.date)))].sort();
  const rows = dates.map((d) => [
    d,
    ...lines.map((l) => {
      const p = l.points.find((q) => q.date === d);
      return p ? percent(p.y) : '';
    }),
  ]);
  return { headers: ['Date', ...lines.map((l) => l.name)], rows };
}

/** The plain-text fallback: the title, the summary, and the table in aligned columns. */
export function chartText(spec: ChartSpec): string {
  const { headers, rows } = chartTable(spec);
  const widths = headers.map((h, i) =>
    maxOf(
      rows.map((r) => r[i].length),
      h.length,
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [spec.title, spec.summary, '', line(headers), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// The charts of key results and objectives

export interface BurnUpSubject {
  id?: string | null;
  title?: string | null;
}

function pointLabel(p: SeriesPoint, unit: string | undefined): string[] {
  const what = p.kind === 'start' ? 'start' : p.kind === 'current' ? 'current, as written' : 'check-in';
  const amount = p.value !== undefined ? `${formatQuantity(p.value, unit)} (${percent(p.progress)})` : percent(p.progress);
  const lines = [`${shortDate(p.date)} ${what}: ${amount}`];
  if (p.confidence !== undefined) lines.push(`confidence ${percent(p.confidence)}`);
  if (p.note) lines.push(p.note);
  return lines;
}

function subjectName(s: BurnUpSubject): string {
  return [s.id, s.title].filter((x) => typeof x === 'string' && x !== '').join(' ') || 'Key result';
}

/** A sentence about where a series stands: "60% on 13 Nov; pace 47%; at this rate 115% by 31 Dec." */
export function seriesSummary(
  series: { points: SeriesPoint[]; projection?: { date: IsoDate; progress: number }; period?: Period },
  today: IsoDate,
): string {
  const latest = series.points[series.points.length - 1];
  if (!latest) return 'No numbers yet: no check-in with a value.';
  const parts = [`${percent(latest.progress)} on ${shortDate(latest.date)}`];
  if (series.period && today >= series.period.start) {
    parts.push(`pace ${percent(pace(series.period, today))} by ${shortDate(today > series.period.end ? series.period.end : today)}`);
  }
  if (series.projection) parts.push(`at this rate ${percent(series.projection.progress)} by ${shortDate(series.projection.date)}`);
  return `${parts.join('; ')}.`;
}

function lineOf(kind: ChartLineKind, name: string, points: ChartPoint[], markers = false): ChartLine {
  return { kind, name, points, markers };
}

/** A key result's burn-up: progress at each check-in, the pace, the projection. */
export function burnUpChart(subject: BurnUpSubject, series: KeyResultSeries | ObjectiveSeries, today: IsoDate): ChartSpec | undefined {
  const from = series.period?.start ?? series.points[0]?.date;
  const to = series.period?.end ?? series.points[series.points.length - 1]?.date;
  if (!from || !to) return undefined;
  const unit = 'unit' in series ? series.unit : undefined;
  const lines: ChartLine[] = [
    lineOf(
      'actual',
      'Progress',
      series.points.map((p) => ({ date: p.date, y: p.progress, label: pointLabel(p, unit) })),
      true,
    ),
  ];
  if (series.pace)
    lines.push(
      lineOf('pace', 'Pace', [
        { date: series.pace.from.date, y: 0 },
        { date: series.pace.to.date, y: 1 },
      ]),
    );
  const latest = series.points[series.points.length - 1];
  if (series.projection && latest) {
    lines.push(
      lineOf('projection', 'At this rate', [
        { date: latest.date, y: latest.progress },
        { date: series.projection.date, y: series.projection.progress },
      ]),
    );
  }
  return {
    title: `Burn-up of ${subjectName(subject)}`,
    summary: seriesSummary(series, today),
    xLabel: 'Date',
    yLabel: 'Progress to target',
    from: from <= to ? from : to,
    to: from <= to ? to : from,
    today,
    lines,
  };
}

/** A key result's confidence at each check-in. */
export function confidenceChart(
  subject: BurnUpSubject,
  points: readonly ConfidencePoint[],
  period: { start: IsoDate; end: IsoDate } | undefined,
  today: IsoDate,
): ChartSpec | undefined {
  if (points.length === 0) return undefined;
  const from = period?.start ?? points[0].date;
  const to = period?.end ?? points[points.length - 1].date;
  const latest = points[points.length - 1];
  return {
    title: `Confidence of ${subjectName(subject)}`,
    summary:
      `${percent(latest.confidence)} confident on ${shortDate(latest.date)}` +
      `${points.length > 1 ? `, from ${percent(points[0].confidence)} on ${shortDate(points[0].date)}` : ''}.`,
    xLabel: 'Date',
    yLabel: 'Confidence',
    from: from <= to ? from : to,
    to: from <= to ? to : from,
    today,
    lines: [
      lineOf(
        'confidence',
        'Confidence',
        points.map((p) => ({
          date: p.date,
          y: p.confidence,
          label: [`${shortDate(p.date)}: ${percent(p.confidence)} confident`, ...(p.note ? [p.note] : [])],
        })),
        true,
      ),
    ],
  };
}
