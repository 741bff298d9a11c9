// Random valid OKR files (block and flow key results, comments, CRLF, 2 or 4 spaces,
// a BOM) x random check-ins: each result re-parsed. The check-in reads back, the key
// result's `current:`/`confidence:` follow it, every other key result reads the same,
// and the text outside the key result is byte for byte what it was.

import assert from 'node:assert/strict';
import { applyEdits, planCheckIn } from '../../../src/core/edits';
import type { KeyResult } from '../../../src/core/model';
import { parseOkr } from '../../../src/core/parse';
import { LineIndex } from '../../../src/core/positions';
import { effectiveConfidence, effectiveCurrent } from '../../../src/core/progress';
import { seededRandom } from '../../helpers/random';

const NOTES = [
  '',
  'plain',
  'a: b',
  'x # y',
  '"q"',
  "it's",
  'ü 東京 🚀',
  'two\nlines',
  ' pad ',
  'yes',
  '1e3',
  '- x',
  '[a, b]',
  '{c}',
  'tab\t',
  '\u2028',
  '*a',
  'null',
];

function generate(rand: () => number): { text: string; ids: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const step = pick([2, 4]);
  const sp = (n: number) => ' '.repeat(n * step);
  const dash = (n: number) => `${sp(n)}-${' '.repeat(step - 1)}`;
  const comment = () => (rand() < 0.3 ? `   # ${pick(['why', 'note: x', '"q"', 'ü'])}` : '');
  const lines: string[] = [];
  if (rand() < 0.3) lines.push('# OKRs of the team');
  lines.push('version: 1', 'team: Platform', 'period: 2026-Q4');
  if (rand() < 0.3) lines.push(`check_in_every: ${pick(['weekly', '14', 'monthly'])}`);
  lines.push('objectives:');
  const ids: string[] = [];
  let n = 0;
  const objectives = 1 + Math.floor(rand() * 3);
  for (let o = 0; o < objectives; o++) {
    lines.push(`${dash(0)}id: O${o}${comment()}`, `${sp(1)}title: Objective ${o}`, `${sp(1)}key_results:${comment()}`);
    const krs = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < krs; k++) {
      const id = `K${n++}`;
      ids.push(id);
      const current = rand() < 0.5 ? `current: ${Math.floor(rand() * 10)}` : undefined;
      const confidence = rand() < 0.4 ? `confidence: 0.${1 + Math.floor(rand() * 9)}` : undefined;
      const checkIns = Array.from(
        { length: Math.floor(rand() * 3) },
        (_, i) => `{ date: 2026-1${Math.floor(rand() * 2)}-0${1 + i}, value: ${i}${rand() < 0.5 ? ', confidence: 0.5' : ''} }`,
      );
      if (rand() < 0.35) {
        const fields = [`id: ${id}`, `title: KR ${id}`, 'start: 0', 'target: 10', current, confidence].filter(Boolean);
        if (checkIns.length || rand() < 0.3) fields.push(`check_ins: [${checkIns.join(', ')}]`);
        lines.push(`${dash(1)}{ ${fields.join(', ')} }${comment()}`);
        continue;
      }
      lines.push(`${dash(1)}id: ${id}${comment()}`, `${sp(2)}title: "KR ${id}"`, `${sp(2)}start: 0`, `${sp(2)}target: 10${comment()}`);
      if (current) lines.push(`${sp(2)}${current}${comment()}`);
      if (confidence) lines.push(`${sp(2)}${confidence}`);
      const style = rand();
      if (checkIns.length && style < 0.4) {
        lines.push(`${sp(2)}check_ins:${comment()}`, ...checkIns.map((c) => `${sp(2)}${' '.repeat(step)}- ${c}${comment()}`));
      } else if (checkIns.length && style < 0.6) {
        lines.push(`${sp(2)}check_ins: [${checkIns.join(', ')}]`);
      } else if (checkIns.length && style < 0.8) {
        lines.push(`${sp(2)}check_ins:`);
        checkIns.forEach((_, i) =>
          lines.push(`${sp(2)}${' '.repeat(step)}- date: 2026-11-0${i + 1}`, `${sp(2)}${' '.repeat(step)}  value: ${i}${comment()}`),
        );
      } else if (rand() < 0.2) {
        lines.push(`${sp(2)}check_ins:${comment()}`);
      }
      if (rand() < 0.3) lines.push(`${sp(2)}# a comment after the key result`);
    }
  }
  let text = `${lines.join('\n')}\n`;
  if (rand() < 0.3) text = text.replace(/\n/g, '\r\n');
  if (rand() < 0.2) text = `\uFEFF${text}`;
  return { text, ids };
}

const strip = (kr: KeyResult) =>
  JSON.stringify({ ...kr, spans: undefined, checkIns: kr.checkIns.map((c) => ({ ...c, spans: undefined })) });

describe('planCheckIn fuzz: random files x random check-ins, each result re-parsed', () => {
  it('reads the check-in back and leaves everything else as it was (600 cases)', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const rand = seededRandom(seed);
      const { text, ids } = generate(rand);
      const before = parseOkr(text, 'f.okr.yaml');
      assert.deepEqual(
        before.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema').map((f) => f.message),
        [],
        `seed ${seed}: the generator made a bad file\n${text}`,
      );
      const krId = ids[Math.floor(rand() * ids.length)];
      const input = {
        krId,
        date: `2026-${rand() < 0.5 ? '11' : '12'}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
        value: Math.round(rand() * 1000) / 10,
        ...(rand() < 0.6 ? { confidence: Math.round(rand() * 10) / 10 } : {}),
        ...(rand() < 0.6 ? { note: NOTES[Math.floor(rand() * NOTES.length)] } : {}),
      };
      const plan = planCheckIn(text, 'f.okr.yaml', input, before);
      assert.ok(plan.ok, `seed ${seed}: ${plan.ok ? '' : plan.message}\n${text}`);
      const out = applyEdits(text, plan.edits);
      const after = parseOkr(out, 'f.okr.yaml');
      const context = `seed ${seed}, ${JSON.stringify(input)}\n--- before\n${text}\n--- after\n${out}`;
      assert.deepEqual(
        after.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema').map((f) => f.message),
        [],
        context,
      );
      const oldKrs = before.file.objectives.flatMap((o) => o.keyResults);
      const newKrs = after.file.objectives.flatMap((o) => o.keyResults);
      assert.equal(newKrs.length, oldKrs.length, context);
      oldKrs.forEach((old, i) => {
        const now = newKrs[i];
        if (old.id !== krId) {
          assert.equal(strip(now), strip(old), context);
          return;
        }
        assert.equal(now.checkIns.length, old.checkIns.length + 1, context);
        const added = now.checkIns[now.checkIns.length - 1];
        assert.deepEqual(
          { date: added.date, value: added.value, confidence: added.confidence, note: added.note },
          {
            date: input.date,
            value: input.value,
            confidence: input.confidence,
            note: input.note === '' ? undefined : input.note,
          },
          context,
        );
        if (old.current !== undefined) assert.equal(now.current, effectiveCurrent(now), context);
        if (old.confidence !== undefined && input.confidence !== undefined) assert.equal(now.confidence, effectiveConfidence(now), context);
        // Outside the key result's lines, not a byte changed.
        const lines = new LineIndex(text);
        const start = lines.lineStart(lines.positionAt(old.spans.node.start).line);
        const end = lines.lineEnd(lines.positionAt(old.spans.node.end - 1).line);
        assert.equal(out.slice(0, start), text.slice(0, start), context);
        assert.equal(out.slice(out.length - (text.length - end)), text.slice(end), context);
      });
    }
  });
});
