// The phrasing rules against a corpus of realistic OKR files written by several
// teams, each title judged by hand (`# expect:` comments, written before the
// heuristics were tuned). Heuristics cannot be perfect; this test measures how
// far off they are and fails when misses or false alarms reach 10%.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../src/core/edits';
import { lintText } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';
import { LineIndex } from '../../src/core/positions';
import { loadFixture } from '../helpers/fixtures';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');
const PHRASING_RULES = new Set([
  'objective-is-task',
  'objective-has-metric',
  'kr-is-milestone',
  'kr-not-measurable',
  'kr-no-baseline',
  'routine-work',
  'performance-review',
]);
const MAX_RATE = 0.1;

const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.okr.yaml'))
  .sort();

interface Outcome {
  expected: Set<string>;
  found: Set<string>;
}

function judge(name: string): Outcome {
  const { text, expectations, today } = loadFixture(join(CORPUS, name));
  const { findings, lines } = lintText(text, name, { today });
  const expected = new Set(
    expectations.flatMap((e) => e.ruleIds.filter((r) => PHRASING_RULES.has(r)).map((r) => `${name}:${e.line + 1}:${r}`)),
  );
  const found = new Set(
    findings.filter((f) => PHRASING_RULES.has(f.ruleId)).map((f) => `${name}:${lines.positionAt(f.span.start).line + 1}:${f.ruleId}`),
  );
  return { expected, found };
}

describe('phrasing rules on the realistic corpus', () => {
  it('is a corpus worth measuring: 60+ objectives and 60+ key results, every title judged, no schema errors', () => {
    let objectives = 0;
    let keyResults = 0;
    for (const name of files) {
      const { text, expectations } = loadFixture(join(CORPUS, name));
      const { file, findings } = parseOkr(text, name);
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        `${name} must parse cleanly`,
      );
      const lines = new LineIndex(text);
      const judged = new Set(expectations.map((e) => e.line));
      for (const o of file.objectives) {
        objectives++;
        assert.ok(judged.has(lines.positionAt(o.spans.values.title.start).line), `${name}: objective ${o.id} has no # expect: comment`);
        for (const kr of o.keyResults) {
          keyResults++;
          assert.ok(
            judged.has(lines.positionAt(kr.spans.values.title.start).line),
            `${name}: key result ${kr.id} has no # expect: comment`,
          );
        }
      }
    }
    assert.ok(files.length >= 8, `${files.length} corpus files`);
    assert.ok(objectives >= 60, `${objectives} objectives`);
    assert.ok(keyResults >= 60, `${keyResults} key results`);
  });

  /** Misses and false alarms over some corpus files, printed with the mismatches. */
  function measure(label: string, names: readonly string[]): { missRate: number; falseAlarmRate: number; expectedCount: number } {
    let expectedCount = 0;
    let foundCount = 0;
    const misses: string[] = [];
    const falseAlarms: string[] = [];
    const perRule = new Map<string, { expected: number; misses: number; found: number; falseAlarms: number }>();
    const tally = (key: string) => {
      const rule = key.slice(key.lastIndexOf(':') + 1);
      let t = perRule.get(rule);
      if (!t) perRule.set(rule, (t = { expected: 0, misses: 0, found: 0, falseAlarms: 0 }));
      return t;
    };
    for (const name of names) {
      const { expected, found } = judge(name);
      expectedCount += expected.size;
      foundCount += found.size;
      for (const k of expected) {
        tally(k).expected++;
        if (!found.has(k)) {
          misses.push(k);
          tally(k).misses++;
        }
      }
      for (const k of found) {
        tally(k).found++;
        if (!expected.has(k)) {
          falseAlarms.push(k);
          tally(k).falseAlarms++;
        }
      }
    }
    const missRate = expectedCount ? misses.length / expectedCount : 0;
    const falseAlarmRate = foundCount ? falseAlarms.length / foundCount : 0;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`      ${label}: ${names.length} files, ${expectedCount} expected findings, ${foundCount} found`);
    console.log(
      `      misses: ${misses.length}/${expectedCount} = ${pct(missRate)}; false alarms: ${falseAlarms.length}/${foundCount} ` +
        `= ${pct(falseAlarmRate)}`,
    );
    for (const [rule, t] of [...perRule].sort()) {
      console.log(`        ${rule.padEnd(22)} expected ${t.expected}, missed ${t.misses}; found ${t.found}, false alarms ${t.falseAlarms}`);
    }
    for (const m of misses) console.log(`        missed:      ${m}`);
    for (const f of falseAlarms) console.log(`        false alarm: ${f}`);
    return { missRate, falseAlarmRate, expectedCount };
  }

  it(`misses and false alarms each stay under ${MAX_RATE * 100}% over the whole corpus`, () => {
    const { missRate, falseAlarmRate, expectedCount } = measure('whole corpus', files);
    assert.ok(expectedCount >= 60, 'the corpus expects enough findings to measure');
    assert.ok(missRate < MAX_RATE, `miss rate ${(missRate * 100).toFixed(1)}%`);
    assert.ok(falseAlarmRate < MAX_RATE, `false-alarm rate ${(falseAlarmRate * 100).toFixed(1)}%`);
  });

  // Held-out files were written and judged after the heuristics, in three rounds:
  // `holdout-*` and `holdout2-*` were each measured blind, then tuned on (general
  // fixes only, never their expectations); `holdout3-*` has never been tuned on.
  // Its figures are the honest estimate for files the rules meet in use.
  it('reports the held-out sets on their own', () => {
    const sets: [string, string][] = [
      ['holdout-', 'held-out set 1 (tuned on since)'],
      ['holdout2-', 'held-out set 2 (tuned on since)'],
      ['holdout3-', 'held-out set 3 (never tuned on)'],
    ];
    for (const [prefix, label] of sets) {
      const names = files.filter((f) => f.startsWith(prefix));
      assert.ok(names.length >= 3, `${label} exists`);
      measure(label, names);
    }
  });

  it('every "move to initiatives" fix on the corpus yields a valid file with the key result moved', () => {
    let fixes = 0;
    for (const name of files) {
      const { text, today } = loadFixture(join(CORPUS, name));
      const before = parseOkr(text, name).file;
      for (const f of lintText(text, name, { today }).findings) {
        if (f.ruleId !== 'kr-is-milestone' || !f.fixes) continue;
        fixes++;
        const fixed = applyEdits(text, f.fixes[0].edits);
        const after = parseOkr(fixed, name);
        assert.deepEqual(
          after.findings.map((x) => x.message),
          [],
          `${name}: ${f.fixes[0].title} must leave a valid file`,
        );
        const o = before.objectives.findIndex((x) => x.keyResults.some((kr) => kr.spans.values.title.start === f.span.start));
        const kr = before.objectives[o].keyResults.find((k) => k.spans.values.title.start === f.span.start)!;
        const oAfter = after.file.objectives[o];
        assert.deepEqual(
          oAfter.keyResults.map((k) => k.id),
          before.objectives[o].keyResults.filter((k) => k !== kr).map((k) => k.id),
        );
        const moved = oAfter.initiatives[oAfter.initiatives.length - 1];
        assert.deepEqual({ id: moved.id, title: moved.title }, { id: kr.id, title: kr.title!.replace(/\s+/g, ' ').trim() });
        assert.deepEqual(
          after.file.objectives.filter((_, i) => i !== o).map((x) => [x.id, x.title, x.keyResults.length, x.initiatives.length]),
          before.objectives.filter((_, i) => i !== o).map((x) => [x.id, x.title, x.keyResults.length, x.initiatives.length]),
        );
      }
    }
    console.log(`      ${fixes} fixes applied and re-parsed`);
    assert.ok(fixes >= 20, `only ${fixes} fixes were offered on the corpus`);
  });
});
