// What the dashboard shows, as HTML built in the extension host from the core's
// report data: every file's objectives with progress bars, each key result's
// burn-up (the core chart renderer) with pace and check-in points, its confidence
// trend and linked commits per week, and the leading indicators. Pure: no vscode
// import. User text goes through escapeXml; the page's script only shows, hides and
// forwards clicks, it never builds markup from data.

import { maxOf } from '../../core/arrays';
import { burnUpChart, chartTable, confidenceChart, renderChartSvg, shortDate } from '../../core/chart';
import { paceText } from '../../core/wording';
import { escapeXml as x } from '../../core/markup';
import { HEALTH_LABELS, percent, type Health } from '../../core/progress';
import { amountOf, keyResultName } from '../../core/report/columns';
import type { ReportData, ReportFile, ReportKeyResult, ReportObjective } from '../../core/report/data';
import { indicatorsHtml, seriesOfReport } from '../../core/report/html';

export interface DashboardOptions {
  /** Show the "Check in" button (the command exists and the workspace is trusted). */
  canCheckIn: boolean;
  /** Restricted Mode: the dashboard says it is read-only. */
  restricted: boolean;
}

/** The teams and owners the filters offer, sorted. */
export function filterChoices(report: ReportData): { teams: string[]; owners: string[] } {
  const teams = new Set<string>();
  const owners = new Set<string>();
  for (const f of report.files) {
    if (f.team) teams.add(f.team);
    for (const o of f.objectives) {
      if (o.owner) owners.add(o.owner);
      for (const kr of o.keyResults) if (kr.owner) owners.add(kr.owner);
    }
  }
  return { teams: [...teams].sort(), owners: [...owners].sort() };
}

function bar(progress: number | null, health: Health, label: string): string {
  const p = progress === null ? 0 : Math.round(Math.max(0, Math.min(1, progress)) * 100);
  // Width by class in steps of 5: an inline style would need 'unsafe-inline'.
  return (
    `<div class="bar health-${health}" role="progressbar" aria-label="${x(label)}" aria-valuemin="0" aria-valuemax="100" ` +
    `aria-valuenow="${p}"><span class="w${Math.round(p / 5) * 5}"></span></div>`
  );
}

/** Linked commits per week of the period, as a small bar chart. */
function weeksSvg(weeks: number[], periodStart: string, idPrefix: string, name: string): string {
  const max = maxOf(weeks, 1);
  const w = 8;
  const h = 32;
  const total = weeks.reduce((a, b) => a + b, 0);
  const bars = weeks
    .map((n, i) => {
      const bh = Math.round((n / max) * (h - 4));
      const start = new Date(Date.parse(`${periodStart}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      const title = x(`Week of ${shortDate(start)}: ${n} commit${n === 1 ? '' : 's'}`);
      return (
        `<rect class="okr-week" x="${i * (w + 2)}" y="${h - bh}" width="${w}" height="${Math.max(bh, n > 0 ? 1 : 0)}" ` +
        `data-week="${start}" data-count="${n}"><title>${title}</title></rect>`
      );
    })
    .join('');
  const width = weeks.length * (w + 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="okr-weeks" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" ` +
    `role="img" aria-labelledby="${idPrefix}-weeks">` +
    `<title id="${idPrefix}-weeks">${x(`Linked commits per week of ${name}: ${total} in all`)}</title>${bars}</svg>`
  );
}

function chartFigure(svg: string, table: { headers: string[]; rows: string[][] }, caption: string): string {
  return [
    '<figure class="chart">',
    `<figcaption>${x(caption)}</figcaption>`,
    svg,
    `<details><summary>Numbers</summary><table><thead><tr>` +
      `${table.headers.map((h) => `<th scope="col">${x(h)}</th>`).join('')}</tr></thead>` +
      `<tbody>${table.rows.map((r) => `<tr>${r.map((c) => `<td>${x(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></details>`,
    '</figure>',
  ].join('');
}

function keyResultCard(
  kr: ReportKeyResult,
  o: ReportObjective,
  f: ReportFile,
  report: ReportData,
  id: string,
  options: DashboardOptions,
): string {
  const name = keyResultName(kr);
  const owner = kr.owner ?? o.owner;
  const amount = amountOf(kr);
  const facts = [
    kr.progress === null ? 'no numbers yet' : `${percent(kr.progress)}${amount ? ` (${amount})` : ''}`,
    HEALTH_LABELS[kr.health],
    paceText(kr.paceGap ?? undefined),
    kr.projection ? `at this rate ${percent(kr.projection.progress)} by ${shortDate(kr.projection.date)}` : undefined,
    kr.confidence === null ? undefined : `${percent(kr.confidence)} confident`,
    kr.lastCheckIn ? `last check-in ${kr.lastCheckIn.date}` : 'no check-in yet',
    kr.cadence?.overdue ? 'check-in overdue' : undefined,
    kr.confidenceFalling ? 'confidence fell twice in a row' : undefined,
    kr.linkedCommits === null ? undefined : `${kr.linkedCommits} linked commit${kr.linkedCommits === 1 ? '' : 's'}`,
  ].filter((p): p is string => p !== undefined);
  const attrs = `data-file="${x(f.path)}" data-id="${x(kr.id ?? '')}"`;
  const out = [
    `<article class="kr" data-owner="${x(owner ?? '')}" aria-labelledby="${id}-name">`,
    '<header>',
    `<button type="button" class="link" data-action="reveal" ${attrs} id="${id}-name" title="Show in the file">${x(name)}</button>`,
    options.canCheckIn && kr.id && kr.status === 'active'
      ? `<button type="button" class="check-in" data-action="checkIn" ${attrs} aria-label="${x(`Check in on ${name}`)}">Check in</button>`
      : '',
    '</header>',
    bar(kr.progress, kr.health, `${name}: ${kr.progress === null ? 'no numbers' : percent(kr.progress)}`),
    `<p class="facts"><span class="health health-${kr.health}">${x(facts[1])}</span>` +
      ` · ${x([facts[0], ...facts.slice(2)].join(' · '))}${owner ? ` · <bdi>${x(owner)}</bdi>` : ''}</p>`,
  ];
  const series = seriesOfReport(kr, o.period);
  const charts: string[] = [];
  const burnUp = burnUpChart(kr, series, report.today);
  if (burnUp && kr.points.length > 0)
    charts.push(chartFigure(renderChartSvg(burnUp, { idPrefix: `${id}-b`, width: 420, height: 200 }), chartTable(burnUp), 'Burn-up'));
  const confidence = confidenceChart(kr, series.confidence, series.period, report.today);
  if (confidence && series.confidence.length > 1)
    charts.push(
      chartFigure(renderChartSvg(confidence, { idPrefix: `${id}-c`, width: 420, height: 160 }), chartTable(confidence), 'Confidence'),
    );
  if (kr.commitsPerWeek && o.period && f.linked)
    charts.push(
      `<figure class="chart weeks"><figcaption>Linked commits per week</figcaption>` +
        `${weeksSvg(kr.commitsPerWeek, o.period.start, id, name)}</figure>`,
    );
  if (charts.length) out.push(`<div class="charts">${charts.join('')}</div>`);
  out.push('</article>');
  return out.join('');
}

function objectiveSection(o: ReportObjective, f: ReportFile, report: ReportData, id: string, options: DashboardOptions): string {
  const name = [o.id, o.title].filter((v) => v !== null && v !== '').join(' ') || '(no id)';
  const owners = new Set([o.owner ?? '', ...o.keyResults.map((kr) => kr.owner ?? o.owner ?? '')]);
  const gap = paceText(o.paceGap ?? undefined);
  return [
    `<section class="objective" data-owners="${x([...owners].filter(Boolean).join('\n'))}" aria-labelledby="${id}">`,
    `<h3 id="${id}">${x(name)}</h3>`,
    bar(o.progress, o.health, `${name}: ${o.progress === null ? 'no numbers' : percent(o.progress)}`),
    `<p class="facts"><span class="health health-${o.health}">${x(HEALTH_LABELS[o.health])}</span> · ${[
      x(o.progress === null ? 'no numbers' : percent(o.progress)),
      gap === undefined ? undefined : x(gap),
      o.owner ? `owner <bdi>${x(o.owner)}</bdi>` : undefined,
      o.projection ? x(`at this rate ${percent(o.projection.progress)} by ${shortDate(o.projection.date)}`) : undefined,
    ]
      .filter(Boolean)
      .join(' · ')}</p>`,
    o.keyResults.length
      ? o.keyResults.map((kr, k) => keyResultCard(kr, o, f, report, `${id}-k${k}`, options)).join('')
      : '<p class="muted">No key results.</p>',
    '</section>',
  ].join('');
}

/** The dashboard's content (inside the page's <main>). */
export function dashboardBody(report: ReportData, options: DashboardOptions): string {
  const out: string[] = [];
  if (options.restricted)
    out.push('<p class="notice" role="note">Restricted Mode: the dashboard is read-only. Trust this workspace to check in from here.</p>');
  if (report.files.length === 0) {
    out.push('<p class="empty">No OKR files in this workspace yet.</p>');
    return out.join('');
  }
  out.push(
    `<details class="indicators-box" open><summary>Leading indicators</summary>` +
      `${indicatorsHtml(report).replace(/<h2 id="indicators">Leading indicators<\/h2>/, '')}</details>`,
  );
  report.files.forEach((f, i) => {
    const period = f.period ? (f.period.label ?? `${f.period.start} to ${f.period.end}`) : 'no period';
    out.push(`<section class="file" data-team="${x(f.team ?? '')}" aria-labelledby="f${i}">`);
    // <bdi>: a team named right to left (Arabic, Hebrew) does not pull the period after it into its run.
    out.push(`<h2 id="f${i}"><bdi>${x(f.team ?? f.path)}</bdi> <span class="muted">${x(period)} · ${x(f.path)}</span></h2>`);
    if (f.objectives.length === 0) out.push('<p class="muted">No objectives.</p>');
    f.objectives.forEach((o, j) => out.push(objectiveSection(o, f, report, `o${i}-${j}`, options)));
    out.push('</section>');
  });
  return out.join('');
}

export const DASHBOARD_CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size); padding: 0 1rem 2rem; }
h1 { font-size: 1.4em; margin: .8rem 0 .4rem; }
h2 { font-size: 1.2em; margin-top: 1.6rem; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h3 { font-size: 1.05em; margin: 1rem 0 .3rem; }
.muted { color: var(--vscode-descriptionForeground); font-weight: normal; }
.toolbar { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; position: sticky; top: 0; padding: .5rem 0;
  background: var(--vscode-editor-background); z-index: 1; }
select, button { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background);
  border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 6px; }
button.check-in { color: var(--vscode-button-foreground); background: var(--vscode-button-background);
  border: 1px solid var(--vscode-button-border, transparent); cursor: pointer; }
button.check-in:hover { background: var(--vscode-button-hoverBackground); }
button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; text-align: left;
  font-weight: 600; }
button.link:hover { text-decoration: underline; }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.kr { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, rgba(128,128,128,.35))); border-radius: 4px;
  padding: .5rem .75rem; margin: .5rem 0; }
.kr header { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; }
.facts { margin: .3rem 0; }
.bar { height: 6px; max-width: 24rem; background: var(--vscode-progressBar-background, #0e70c0);
  background: color-mix(in srgb, var(--vscode-foreground) 15%, transparent); border-radius: 3px; margin: .3rem 0; }
.bar > span { display: block; height: 100%; border-radius: 3px; background: var(--vscode-charts-blue); }
.bar.health-on-track > span, .bar.health-done > span { background: var(--vscode-charts-green); }
.bar.health-at-risk > span { background: var(--vscode-charts-yellow); }
.bar.health-off-track > span { background: var(--vscode-charts-red); }
.bar.health-dropped > span, .bar.health-unknown > span, .bar.health-not-started > span { background: var(--vscode-disabledForeground); }
.health { font-weight: 600; }
.health-on-track, .health-done { color: var(--vscode-charts-green); } .health-at-risk { color: var(--vscode-charts-yellow); }
.health-off-track { color: var(--vscode-charts-red); }
.health-dropped, .health-unknown, .health-not-started { color: var(--vscode-descriptionForeground); }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
figure { margin: .3rem 0; min-width: 0; max-width: 100%; } figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--vscode-descriptionForeground); margin-bottom: .2rem; }
.okr-week { fill: var(--vscode-charts-blue); }
table { border-collapse: collapse; margin: .3rem 0 .8rem; }
th, td { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding: 2px 6px; text-align: left; }
.notice { padding: .4rem .6rem; border-left: 3px solid var(--vscode-editorWarning-foreground);
  background: var(--vscode-textBlockQuote-background); }
.hidden { display: none !important; }
body.vscode-high-contrast .kr, body.vscode-high-contrast-light .kr { border-color: var(--vscode-contrastBorder); }
`;

export const BAR_CSS = Array.from({ length: 21 }, (_, i) => `.bar > .w${i * 5} { width: ${i * 5}%; }`).join('\n');
