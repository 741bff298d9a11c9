// Linting many files together must stay linear: each file's ids are checked
// against every other file's through an index built once per run. 20,000 small
// files (the scale of a large organisation's repository) are linted together, and
// the time compared with the bare parse of the same files, measured in the same run;
// then the same as users meet it, `okr lint` against `okr list` (which reads and
// parses the same files but lints nothing), each a whole process.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { lintSources, parseSources, type OkrSource } from '../src/core/workspace';

export const MANY_FILES = 20_000;
export const MANY_FILES_RATIO_TARGET = 3;

const run = promisify(execFile);

/** A small team file: two objectives of two key results, aligned with the company file. */
export function smallTeamFile(n: number): string {
  const team = `T${n}`;
  return [
    'version: 1',
    `team: Team ${n}`,
    'period: 2026-Q4',
    'aligns_with: ../company.okr.yaml',
    'objectives:',
    `  - id: ${team}-O1`,
    `    title: Customers of team ${n} notice faster pages`,
    '    parent: CO-O1',
    '    key_results:',
    `      - { id: ${team}-KR1, title: Cut p95 page load from 1800 to 900 ms, start: 1800, target: 900, current: 1400, unit: ms }`,
    `      - { id: ${team}-KR2, title: Raise weekly active users from 40 to 55 thousand, start: 40, target: 55, current: 47 }`,
    `  - id: ${team}-O2`,
    `    title: Engineers of team ${n} trust their deploys`,
    '    key_results:',
    `      - { id: ${team}-KR3, title: Cut failed deploys from 9% to 2%, start: 9, target: 2, current: 5, unit: "%" }`,
    `      - { id: ${team}-KR4, title: Grow deploys per week from 10 to 25, start: 10, target: 25, current: 14 }`,
    '',
  ].join('\n');
}

const COMPANY = [
  'version: 1',
  'team: Company',
  'period: 2026-Q4',
  'objectives:',
  '  - id: CO-O1',
  '    title: Customers choose us for speed',
  '    key_results:',
  '      - { id: CO-KR1, title: Raise NPS from 31 to 45, start: 31, target: 45, current: 36 }',
  '      - { id: CO-KR2, title: Cut churn from 4% to 2.5%, start: 4, target: 2.5, current: 3.4, unit: "%" }',
  '',
].join('\n');

function sources(count: number, root: string): OkrSource[] {
  const out: OkrSource[] = [{ path: path.join(root, 'company.okr.yaml'), text: COMPANY }];
  for (let i = 1; i < count; i++) out.push({ path: path.join(root, 'teams', `team-${i}.okr.yaml`), text: smallTeamFile(i) });
  return out;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Median of `rounds`, parse and lint taking turns so load on the machine hits both alike. */
function compare(all: OkrSource[], rounds: number): { parse: number; lint: number; findings: number } {
  const today = '2026-11-28';
  const findings = lintSources(all, { today }).files.reduce((n, f) => n + f.result.findings.length, 0);
  const parse: number[] = [];
  const lint: number[] = [];
  for (let i = 0; i < rounds; i++) {
    parse.push(time(() => parseSources(all)));
    lint.push(time(() => lintSources(all, { today })));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { parse: median(parse), lint: median(lint), findings };
}

async function wholeProcess(root: string): Promise<{ lint: number; list: number }> {
  const cli = path.resolve(__dirname, '..', 'bin', 'okr.js');
  const once = async (command: string) => {
    const t0 = process.hrtime.bigint();
    await run(process.execPath, [cli, command, '--format', 'json', '--today', '2026-11-28', '.'], {
      cwd: root,
      maxBuffer: 1024 * 1024 * 1024,
    }).catch((err: unknown) => {
      if (typeof (err as { code?: unknown }).code !== 'number') throw err; // exit 1: findings
    });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const lint: number[] = [];
  const list: number[] = [];
  for (let i = 0; i < 3; i++) {
    list.push(await once('list'));
    lint.push(await once('lint'));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[1];
  return { lint: median(lint), list: median(list) };
}

export async function runManyFilesBench(): Promise<boolean> {
  const root = mkdtempSync(path.join(tmpdir(), 'okr-bench-many-'));
  try {
    console.log(
      `many files: ${MANY_FILES.toLocaleString('en')} small files (2 objectives x 2 key results, aligned with one company file) ` +
        `linted together`,
    );
    // Linear means the cost per file stays flat as the count grows.
    for (const count of [1_000, 5_000]) {
      const r = compare(sources(count, root), 3);
      console.log(
        `  ${String(count).padStart(6)} files: parse ${r.parse.toFixed(0)} ms, lint ${r.lint.toFixed(0)} ms ` +
          `(${((r.lint / count) * 1000).toFixed(0)} µs a file), ratio ${(r.lint / r.parse).toFixed(2)}`,
      );
    }
    const all = sources(MANY_FILES, root);
    const r = compare(all, 3);
    const ratio = r.lint / r.parse;
    const ok = ratio < MANY_FILES_RATIO_TARGET;
    console.log(
      `  ${String(MANY_FILES).padStart(6)} files: parse ${r.parse.toFixed(0)} ms, lint ${r.lint.toFixed(0)} ms ` +
        `(${((r.lint / MANY_FILES) * 1000).toFixed(0)} µs a file), ${r.findings} findings`,
    );
    console.log(`  ratio lint/parse          ${ratio.toFixed(2)}  (target < ${MANY_FILES_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'})`);

    // As users meet it: the files on disk, a whole `okr` process each.
    mkdirSync(path.join(root, 'teams'), { recursive: true });
    for (const s of all) writeFileSync(s.path, s.text);
    const p = await wholeProcess(root);
    console.log(
      `  whole process, okr list (read + parse) ${p.list.toFixed(0)} ms, okr lint ${p.lint.toFixed(0)} ms: ratio ` +
        (p.lint / p.list).toFixed(2),
    );
    return ok;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
