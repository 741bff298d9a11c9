import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { burnUpChart, chartTable, chartText, confidenceChart, renderChartSvg, shortDate, type ChartSpec } from '../../src/core/chart';
import { escapeMarkdownInline, escapeXml, mermaidLabel, visibleControls } from '../../src/core/markup';
import { parseOkr } from '../../src/core/parse';
import { keyResultSeries } from '../../src/core/series';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses strictly: any well-formedness error or warning fails the test. */
export function parseSvg(svg: string): Element {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
  assert.deepEqual(problems, []);
  const root = doc.documentElement!;
  assert.equal(root.namespaceURI, SVG_NS);
  return root;
}
function all(root: Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag));
}
function childText(el: Element, tag: string): string | undefined {
  const child = Array.from(el.childNodes).find((c) => (c as Element).tagName === tag) as Element | undefined;
  return child?.textContent ?? undefined;
}

const HOSTILE = `<script>alert(1)</script></svg>"quoted" & 'single' \u0007bell \u001b[31m`;

function krSeries(note = 'on plan', title = 'Deploys') {
  const text = [
    'team: T',
    'period: 2026-Q4',
    'objectives:',
    '  - id: O1',
    '    title: A',
    '    key_results:',
    '      - id: K1',
    `        title: ${JSON.stringify(title)}`,
    '        start: 10',
    '        target: 30',
    '        unit: deploys',
    '        check_ins:',
    '          - { date: 2026-10-15, value: 14, confidence: 0.8 }',
    `          - { date: 2026-11-01, value: 20, confidence: 0.6, note: ${JSON.stringify(note)} }`,
    '',
  ].join('\n');
  const { file, findings } = parseOkr(text, 'x');
  assert.deepEqual(findings, []);
  const o = file.objectives[0];
  return { kr: o.keyResults[0], series: keyResultSeries(file, o, o.keyResults[0], '2026-11-15') };
}

describe('chart renderer', () => {
  it('a burn-up is well-formed SVG with a title, desc, labelled axes and its lines', () => {
    const { kr, series } = krSeries();
    const spec = burnUpChart(kr, series, '2026-11-15')!;
    const root = parseSvg(renderChartSvg(spec, { idPrefix: 'k1' }));
    assert.equal(root.getAttribute('role'), 'img');
    assert.equal(root.getAttribute('aria-labelledby'), 'k1-title k1-desc');
    assert.equal(childText(root, 'title'), 'Burn-up of K1 Deploys');
    assert.match(childText(root, 'desc')!, /^50% on 1 Nov; pace 50% by 15 Nov; at this rate \d+% by 31 Dec\.$/);
    const labels = all(root, 'text')
      .filter((t) => t.getAttribute('class') === 'okr-axis-label')
      .map((t) => t.textContent);
    assert.deepEqual(labels, ['Date', 'Progress to target']);
    const yTicks = all(root, 'g').find((g) => g.getAttribute('class') === 'okr-y-axis')!;
    // The projection (147% by Dec 31) widens the scale to the next quarter.
    assert.deepEqual(
      all(yTicks, 'text').map((t) => t.textContent),
      ['0%', '25%', '50%', '75%', '100%', '125%', '150%'],
    );
    const xTicks = all(root, 'g').find((g) => g.getAttribute('class') === 'okr-x-axis')!;
    assert.deepEqual(
      all(xTicks, 'text').map((t) => t.getAttribute('data-date')),
      ['2026-10-01', '2026-11-01', '2026-12-01', '2026-12-31'],
    );

    const lines = all(root, 'polyline');
    const byClass = new Map(lines.map((l) => [l.getAttribute('class'), l]));
    assert.equal(byClass.get('okr-line-pace')?.getAttribute('stroke-dasharray'), '6 4');
    assert.equal(byClass.get('okr-line-actual')?.hasAttribute('stroke-dasharray'), false);
    assert.ok(byClass.get('okr-line-projection'));
    // The pace runs from the bottom left to the top right of the plot.
    const pace = byClass
      .get('okr-line-pace')!
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    assert.ok(pace[0][0] < pace[1][0] && pace[0][1] > pace[1][1]);
  });

  it('check-in points carry their date, value and note as a tooltip; no inline style', () => {
    const { kr, series } = krSeries('week 5: canary <b>held</b>');
    const svg = renderChartSvg(burnUpChart(kr, series, '2026-11-15')!, { idPrefix: 'k' });
    const root = parseSvg(svg);
    const points = all(root, 'circle');
    assert.deepEqual(
      points.map((p) => p.getAttribute('data-date')),
      ['2026-10-01', '2026-10-15', '2026-11-01'],
    );
    assert.deepEqual(
      points.map((p) => p.getAttribute('data-value')),
      ['0', '0.2', '0.5'],
    );
    assert.equal(childText(points[2], 'title'), '1 Nov check-in: 20 deploys (50%)\nconfidence 60%\nweek 5: canary <b>held</b>');
    assert.equal(points[2].getAttribute('tabindex'), '0');
    assert.match(points[2].getAttribute('aria-label')!, /^1 Nov check-in: 20 deploys \(50%\)\. confidence 60%\. week 5/);
    // Colours by class (CSS variables) with attribute defaults: nothing a CSP would block.
    assert.ok(!svg.includes('style=') && !svg.includes('<style'));
    // Points sit higher as progress grows.
    const cy = points.map((p) => Number(p.getAttribute('cy')));
    assert.ok(cy[0] > cy[1] && cy[1] > cy[2]);
  });

  it('hostile titles and notes stay text: parsed back exactly, no element injected', () => {
    const { kr, series } = krSeries(HOSTILE, HOSTILE);
    const root = parseSvg(renderChartSvg(burnUpChart(kr, series, '2026-11-15')!, { idPrefix: `x"><script>` }));
    assert.equal(all(root, 'script').length, 0);
    assert.equal(root.getElementsByTagName('b').length, 0);
    const shown = visibleControls(HOSTILE);
    assert.equal(childText(root, 'title'), `Burn-up of K1 ${shown}`);
    assert.ok(all(root, 'circle').some((c) => childText(c, 'title')?.endsWith(shown)));
    assert.ok(!childText(root, 'title')!.includes('\u001b'));
  });

  it('progress past the target widens the scale instead of leaving the plot', () => {
    const spec: ChartSpec = {
      title: 't',
      summary: 's',
      xLabel: 'Date',
      yLabel: 'Progress',
      from: '2026-10-01',
      to: '2026-12-31',
      lines: [
        {
          kind: 'actual',
          name: 'Progress',
          markers: true,
          points: [
            { date: '2026-10-01', y: -0.1 },
            { date: '2026-11-01', y: 1.3 },
          ],
        },
      ],
    };
    const root = parseSvg(renderChartSvg(spec, { idPrefix: 'w', height: 220 }));
    const yTicks = all(root, 'g').find((g) => g.getAttribute('class') === 'okr-y-axis')!;
    const ticks = all(yTicks, 'text').map((t) => t.textContent);
    assert.equal(ticks[0], '-25%');
    assert.equal(ticks.at(-1), '150%');
    for (const c of all(root, 'circle')) {
      const y = Number(c.getAttribute('cy'));
      assert.ok(y >= 0 && y <= 220, `cy ${y}`);
    }
  });

  it('the text fallback holds the same numbers', () => {
    const { kr, series } = krSeries();
    const spec = burnUpChart(kr, series, '2026-11-15')!;
    const { headers, rows } = chartTable(spec);
    assert.deepEqual(headers, ['Date', 'Progress', 'Pace', 'At this rate']);
    assert.deepEqual(rows[0], ['2026-10-01', '0%', '0%', '']);
    assert.deepEqual(
      rows.find((r) => r[0] === '2026-11-01'),
      ['2026-11-01', '50%', '', '50%'],
    );
    assert.deepEqual(rows.at(-1)!.slice(0, 3), ['2026-12-31', '', '100%']);
    const text = chartText(spec);
    assert.match(text, /^Burn-up of K1 Deploys\n50% on 1 Nov;/);
    assert.match(text, /\n2026-11-01 {2}50%/);
  });

  it('confidence over time as its own chart', () => {
    const { kr, series } = krSeries();
    const spec = confidenceChart(kr, series.confidence, series.period, '2026-11-15')!;
    assert.equal(spec.summary, '60% confident on 1 Nov, from 80% on 15 Oct.');
    const root = parseSvg(renderChartSvg(spec, { idPrefix: 'c' }));
    assert.deepEqual(
      all(root, 'circle').map((c) => c.getAttribute('data-value')),
      ['0.8', '0.6'],
    );
    assert.equal(confidenceChart(kr, [], series.period, '2026-11-15'), undefined);
  });

  it('short dates', () => {
    assert.equal(shortDate('2026-01-05'), '5 Jan');
    assert.equal(shortDate('2026-12-31'), '31 Dec');
  });
});

describe('markup escaping', () => {
  it('XML: entities for markup, control characters shown, lone surrogates replaced', () => {
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeXml('a\u0000b\u001bc\u0085d\ttab\nline\r\nnext\u202e'), 'a\\u0000b\\u001bc\\u0085d\ttab\nline\nnext\\u202e');
    assert.equal(escapeXml('x\ud800y\uffff'), 'x\\ud800y\ufffd');
    assert.equal(escapeXml('\ud83d\ude80'), '\ud83d\ude80');
  });

  it('Markdown: inline syntax escaped, HTML as entities, one line', () => {
    assert.equal(
      escapeMarkdownInline('a | b *c* _d_ `e` [f](g) ~h~ <i> & $x$'),
      'a \\| b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~h\\~ &lt;i&gt; &amp; \\$x\\$',
    );
    assert.equal(escapeMarkdownInline('two\nlines\u0007'), 'two lines\\\\u0007');
    assert.equal(escapeMarkdownInline('Title #'), 'Title \\#');
  });

  it('Mermaid: quotes, comments, semicolons and brackets cannot reach the diagram', () => {
    assert.equal(mermaidLabel('Cut "p95" %% comment; x-axis [a] {b} <c> #d `e`'), 'Cut p95 % comment x-axis a b c d e');
    assert.equal(mermaidLabel('from 3.8% to 1%'), 'from 3.8% to 1%');
    assert.equal(mermaidLabel('Réduire les incidents de 12 à 3'), 'Réduire les incidents de 12 à 3');
  });
});
