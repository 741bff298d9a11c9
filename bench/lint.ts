// Lint speed against the YAML parser's own speed, measured in the same run: the
// whole lint (parse to model, every rule, suppressions, sorting) of a large file
// should cost at most 1.5 times what `yaml.parseDocument` alone costs on it.

import { LineCounter, parseDocument } from 'yaml';
import { reparseOkr } from '../src/core/incremental';
import { lintParsed, lintText } from '../src/core/lint';
import { parseOkr } from '../src/core/parse';

export const LINT_RATIO_TARGET = 1.5;
/**
 * The editor re-lints after a pause in typing (`okr.lint.delay`, 150 ms); for diagnostics
 * within 300 ms of the last keystroke, its work must cost well under a bare parse.
 */
export const EDIT_RATIO_TARGET = 0.35;

/** Fortnightly check-ins up to the benchmark's "today" (2026-11-28). */
const CHECK_IN_DATES = ['2026-10-02', '2026-10-16', '2026-10-30', '2026-11-13', '2026-11-27'];

/** A realistic block-style OKR file: `objectives` x `krs` key results x `checkIns` check-ins each. */
export function generateOkrFile(objectives = 200, krs = 4, checkIns = 5): string {
  const out: string[] = ['# Generated for the lint benchmark.', 'version: 1', 'team: Platform', 'period: 2026-Q4', 'objectives:'];
  for (let o = 1; o <= objectives; o++) {
    out.push(
      `  - id: BENCH-O${o}`,
      `    title: Customers in region ${o} can rely on our platform`,
      `    description: Reliability is what customers in region ${o} notice first.`,
      `    owner: owner${o % 17}`,
      `    kind: ${o % 5 === 0 ? 'committed' : 'aspirational'}`,
      '    key_results:',
    );
    for (let k = 1; k <= krs; k++) {
      const start = 10 + ((o * k) % 40);
      const target = start + 20 + k;
      out.push(
        `      - id: BENCH-O${o}-KR${k}`,
        `        title: Raise successful deploys in region ${o} from ${start} to ${target} per week`,
        `        owner: owner${(o + k) % 23}`,
        `        start: ${start}`,
        `        target: ${target}`,
        `        current: ${start + k * 3}`,
        '        unit: deploys per week',
        `        confidence: 0.${5 + (k % 4)}`,
        '        check_ins:',
      );
      for (let c = 0; c < checkIns; c++) {
        out.push(
          `          - date: ${CHECK_IN_DATES[c % CHECK_IN_DATES.length]}`,
          `            value: ${start + c + 1}`,
          `            note: week ${2 * c + 1} review, on plan`,
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}

export interface Timing {
  median: number;
  min: number;
  runs: number;
}

/**
 * Median wall times of each function in milliseconds, after warm-up runs that let
 * the JIT settle. The functions take turns in every round, so a burst of load from
 * another process on the machine slows them alike instead of skewing the ratio.
 */
export function measure(fns: readonly (() => unknown)[], warmup = 5, iterations = 21): Timing[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    fns.forEach((fn, j) => {
      const t0 = process.hrtime.bigint();
      fn();
      times[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { median: t[Math.floor(t.length / 2)], min: t[0], runs: iterations };
  });
}

export interface LintBenchResult {
  lines: number;
  findings: number;
  parse: Timing;
  lint: Timing;
  ratio: number;
  /** Re-parse of the edited objective plus the lint of the whole file, after a one-character edit. */
  edit: Timing;
  editRatio: number;
}

export function benchLint(iterations = 21): LintBenchResult {
  const text = generateOkrFile();
  const lines = text.split('\n').length - 1;
  const today = '2026-11-28';
  // Run once up front so a broken rule shows as a failure here rather than as a fast time.
  const findings = lintText(text, 'bench.okr.yaml', { today }).findings.length;
  const [parse, lint] = measure(
    [() => parseDocument(text, { lineCounter: new LineCounter() }), () => lintText(text, 'bench.okr.yaml', { today })],
    5,
    iterations,
  );
  // The editor's work after a keystroke in one objective: re-parse that objective, lint the file.
  const previous = parseOkr(text, 'bench.okr.yaml');
  const title = 'Customers in region 150 can rely on our platform';
  const edited = text.replace(title, `${title}s`);
  const [, edit] = measure(
    [
      () => parseDocument(edited, { lineCounter: new LineCounter() }),
      () => {
        const r = reparseOkr(previous, edited, 'bench.okr.yaml');
        return lintParsed(r.file, r.findings, { today });
      },
    ],
    5,
    iterations,
  );
  return { lines, findings, parse, lint, ratio: lint.median / parse.median, edit, editRatio: edit.median / parse.median };
}

export async function runLintBench(): Promise<boolean> {
  const r = benchLint();
  const ms = (t: Timing) => `${t.median.toFixed(1)} ms median (min ${t.min.toFixed(1)}, ${t.runs} runs)`;
  const ok = r.ratio <= LINT_RATIO_TARGET;
  console.log(`lint: one file of ${r.lines} lines (200 objectives x 4 key results x 5 check-ins), ${r.findings} findings`);
  console.log(`  yaml.parseDocument alone  ${ms(r.parse)}`);
  console.log(`  lintText (parse + rules)  ${ms(r.lint)}`);
  console.log(`  ratio lint/parse          ${r.ratio.toFixed(2)}  (target <= ${LINT_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`);
  const editOk = r.editRatio <= EDIT_RATIO_TARGET;
  console.log(`  after a keystroke in one objective (incremental re-parse + lint, as the editor does):`);
  console.log(
    `    ${ms(r.edit)}; ratio to yaml.parseDocument ${r.editRatio.toFixed(2)}  (target <= ${EDIT_RATIO_TARGET}: ` +
      `${editOk ? 'met' : 'NOT MET'})`,
  );
  return ok && editOk;
}
