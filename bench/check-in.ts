// A check-in on the 20,000-line benchmark file against its bare parse, measured in the
// same run: reading the file, planning the check-in (one parse plus the edit from
// source spans), applying it and writing the file atomically should cost at most 1.2x
// reading and parsing it. A check-in that re-serialized the document would not.

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readForEdit, writeAtomically } from '../src/core/fs/atomic-write';
import { applyEdits, planCheckIn } from '../src/core/edits';
import { parseOkr } from '../src/core/parse';
import { generateOkrFile, type Timing } from './lint';

export const CHECK_IN_RATIO_TARGET = 1.2;

/** Like `measure` in lint.ts, for async work: the two take turns in every round. */
async function measureAsync(fns: readonly (() => Promise<unknown>)[], warmup = 3, iterations = 21): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < fns.length; j++) {
      const t0 = process.hrtime.bigint();
      await fns[j]();
      times[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { median: t[Math.floor(t.length / 2)], min: t[0], runs: iterations };
  });
}

export async function runCheckInBench(): Promise<boolean> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-bench-check-in-'));
  try {
    const file = path.join(dir, 'bench.okr.yaml');
    const text = generateOkrFile();
    await fs.writeFile(file, text);
    const lines = text.split('\n').length - 1;
    let day = 0;
    const checkIn = async () => {
      const read = await readForEdit(file);
      // A key result in the middle of the file, a new day each time (the file grows by one line a run).
      const plan = planCheckIn(read.text, file, {
        krId: 'BENCH-O100-KR2',
        date: `2026-12-${String(1 + (day++ % 28)).padStart(2, '0')}`,
        value: 42,
        confidence: 0.7,
        note: 'bench: on plan',
      });
      if (!plan.ok) throw new Error(plan.message);
      await writeAtomically(read, applyEdits(read.text, plan.edits));
    };
    const parse = async () => parseOkr(await fs.readFile(file, 'utf8'), file);
    const [bare, full] = await measureAsync([parse, checkIn]);
    const ratio = full.median / bare.median;
    const ok = ratio <= CHECK_IN_RATIO_TARGET;
    const ms = (t: Timing) => `${t.median.toFixed(1)} ms median (min ${t.min.toFixed(1)}, ${t.runs} runs)`;
    console.log(`check-in: one key result of a ${lines}-line file (read, plan, edit, atomic write)`);
    console.log(`  read + parseOkr (bare parse)     ${ms(bare)}`);
    console.log(`  read + check-in + atomic write   ${ms(full)}`);
    console.log(
      `  ratio check-in/parse             ${ratio.toFixed(2)}  (target <= ${CHECK_IN_RATIO_TARGET}: ${ok ? 'met' : 'NOT MET'}); of ` +
        `the fastest runs ${(full.min / bare.min).toFixed(2)}`,
    );
    return ok;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
