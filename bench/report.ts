// `okr report --format html` against the YAML parser's own speed on the same file,
// measured in the same run: reading the file into the model, every key result's
// series, projection and indicators, and the HTML with an SVG chart per key result
// should cost at most 2 times what `yaml.parseDocument` alone costs on it.

import { LineCounter, parseDocument } from 'yaml';
import { parseOkr } from '../src/core/parse';
import { buildReport, renderReport } from '../src/core/report';
import { generateOkrFile, measure, type Timing } from './lint';

export const REPORT_RATIO_TARGET = 2;

export function htmlReport(text: string, today: string): string {
  const { file } = parseOkr(text, 'bench.okr.yaml');
  return renderReport(buildReport({ files: [{ path: 'bench.okr.yaml', file }], today }), 'html');
}

export async function runReportBench(): Promise<boolean> {
  const text = generateOkrFile();
  const lines = text.split('\n').length - 1;
  const today = '2026-11-28';
  const bytes = htmlReport(text, today).length;
  const [parse, report] = measure([() => parseDocument(text, { lineCounter: new LineCounter() }), () => htmlReport(text, today)], 3, 11);
  const ratio = report.median / parse.median;
  const ms = (t: Timing) => `${t.median.toFixed(1)} ms median (min ${t.min.toFixed(1)}, ${t.runs} runs)`;
  const ok = ratio <= REPORT_RATIO_TARGET;
  console.log(
    `report: okr report --format html on one file of ${lines} lines (800 key results, ${(bytes / 1024 / 1024).toFixed(1)} MiB of HTML)`,
  );
  console.log(`  yaml.parseDocument alone       ${ms(parse)}`);
  console.log(`  parse + report + HTML and SVG  ${ms(report)}`);
  console.log(`  ratio report/parse             ${ratio.toFixed(2)}  (target <= ${REPORT_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`);
  return ok;
}
