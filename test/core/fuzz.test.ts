// Fuzzing the parser and the engine with thousands of broken variants of the real
// fixtures. Deterministic (a seeded PRNG), so a failure names a seed that reproduces it.
// Whatever the input: nothing throws, every finding has a known rule, a message and a
// span inside the text, and every fix's edits lie inside the text without overlapping.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../src/core/edits';
import { collectDefinitions, lintParsed, lintText } from '../../src/core/lint';
import type { Finding, IdDefinition, OkrFile } from '../../src/core/model';
import { parseOkr } from '../../src/core/parse';
import { ruleById } from '../../src/core/rules';
import { seededRandom } from '../helpers/random';

const FIXTURES = join(__dirname, '..', 'fixtures');
const FILES = 3000;
const HOSTILE = ':{}[]&*!|>\'"#%@\t-?,`\\~\r\n\u00a0\u2028\ufeff\u0000é😀';
const TODAYS = ['2026-09-15', '2026-11-28', '2026-12-31', '2027-01-10'];

const prng = seededRandom;

function sources(): string[] {
  const out: string[] = [];
  for (const dir of ['rules', 'guide', 'corpus']) {
    for (const name of readdirSync(join(FIXTURES, dir)).sort()) {
      if (name.endsWith('.okr.yaml')) out.push(readFileSync(join(FIXTURES, dir, name), 'utf8'));
    }
  }
  return out;
}

function mutate(text: string, random: () => number, donor: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const int = (n: number) => Math.floor(random() * n);
  let lines = text.split('\n');
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const i = int(lines.length);
    switch (int(11)) {
      case 0: // delete a line
        lines.splice(i, 1);
        break;
      case 1: // duplicate a line
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2: {
        // swap two lines
        const j = int(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 3: {
        // insert hostile characters somewhere in a line
        const line = lines[i] ?? '';
        const at = int(line.length + 1);
        const junk = Array.from({ length: 1 + int(4) }, () => pick(Array.from(HOSTILE))).join('');
        lines[i] = line.slice(0, at) + junk + line.slice(at);
        break;
      }
      case 4: {
        // truncate the file somewhere
        const joined = lines.join('\n');
        lines = joined.slice(0, int(joined.length + 1)).split('\n');
        break;
      }
      case 5: {
        // change a line's indentation
        const line = lines[i] ?? '';
        const trimmed = line.replace(/^ */, '');
        lines[i] = ' '.repeat(Math.max(0, line.length - trimmed.length + pick([-4, -2, -1, 1, 2, 4]))) + trimmed;
        break;
      }
      case 6: {
        // splice in a line of another fixture
        const other = donor.split('\n');
        lines.splice(i, 0, other[int(other.length)]);
        break;
      }
      case 7: // replace a value with a hostile scalar
        lines[i] = (lines[i] ?? '').replace(
          /:\s.*$/,
          `: ${pick(['*x', '&a [*a]', '!!binary zz', '[[[', '{', '"', "'", '~', '-1e999', '.nan', '2026-02-30', '2026-Q7', '|', '>-', '? a', '- - -', '@x', '%YAML 1.2'])}`,
        );
        break;
      case 8: // anchors and aliases
        lines.splice(i, 0, pick(['x: &a [1, 2, 3]', 'y: *a', '  - *a', '<<: *a', 'z: &b { id: O9, title: T }', '  - *b']));
        break;
      case 9: // a second document, a BOM or CRLF
        if (random() < 0.4) lines.splice(i, 0, '---');
        else if (random() < 0.5) lines[0] = `\ufeff${lines[0] ?? ''}`;
        else return lines.join('\r\n');
        break;
      default:
        {
          // remove a random span of characters
          const line = lines[i] ?? '';
          const a = int(line.length + 1);
          lines[i] = line.slice(0, a) + line.slice(a + 1 + int(6));
        }
        break;
    }
  }
  return lines.join('\n');
}

function checkFinding(text: string, f: Finding, where: string, reparse: boolean): void {
  assert.ok(ruleById(f.ruleId), `${where}: unknown rule ${f.ruleId}`);
  assert.ok(typeof f.message === 'string' && f.message.trim().length > 0, `${where}: empty message from ${f.ruleId}`);
  assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), `${where}: ${f.ruleId} span not integers`);
  assert.ok(
    0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length,
    `${where}: ${f.ruleId} span ${JSON.stringify(f.span)} outside 0..${text.length}: ${f.message}`,
  );
  for (const fix of f.fixes ?? []) {
    assert.ok(fix.title.length > 0, `${where}: untitled fix`);
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      assert.ok(
        0 <= e.start && e.start <= e.end && e.end <= text.length,
        `${where}: ${f.ruleId} fix edit ${JSON.stringify(e)} outside the text`,
      );
      if (i > 0) assert.ok(edits[i - 1].end <= e.start, `${where}: ${f.ruleId} fix "${fix.title}" has overlapping edits`);
    }
    // Applying a fix gives text that parses again without trouble (sampled: parsing is the cost here).
    const fixed = applyEdits(text, fix.edits);
    if (reparse) assertSpansInside(fixed, parseOkr(fixed, 'fixed.okr.yaml').findings, where);
  }
  for (const r of f.related ?? [])
    assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.message.length > 0, `${where}: bad related`);
}

function assertSpansInside(text: string, findings: Finding[], where: string): void {
  for (const f of findings)
    assert.ok(
      0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length,
      `${where}: after a fix, ${f.ruleId} span outside the text`,
    );
}

describe('fuzz: parser and engine on mutated fixtures', function () {
  this.timeout(120_000);

  it(`${FILES} mutated files: nothing throws, every finding and fix is well-formed`, () => {
    const originals = sources();
    assert.ok(originals.length >= 10, `${originals.length} fixtures`);
    const company = parseOkr(readFileSync(join(FIXTURES, 'rules', 'company.okr.yaml'), 'utf8'), 'company.okr.yaml').file;
    const otherDefinitions: IdDefinition[] = originals
      .slice(0, 5)
      .flatMap((t, i) => collectDefinitions(parseOkr(t, `other-${i}.okr.yaml`).file));
    const alignedChoices: (OkrFile | null | undefined)[] = [undefined, null, company];
    let findings = 0;
    let fixes = 0;
    const byRule = new Map<string, number>();
    const started = process.hrtime.bigint();
    for (let seed = 1; seed <= FILES; seed++) {
      const random = prng(seed);
      const base = originals[Math.floor(random() * originals.length)];
      const donor = originals[Math.floor(random() * originals.length)];
      const text = mutate(base, random, donor);
      const where = `seed ${seed}`;
      const options = {
        today: TODAYS[seed % TODAYS.length],
        otherDefinitions: seed % 2 ? otherDefinitions : [],
        alignedFile: alignedChoices[seed % 3],
        alignedPath: 'company.okr.yaml',
        settings: seed % 5 === 0 ? { 'kr-count': { max: 3 }, 'routine-work': 'off' } : undefined,
      };
      let parsed;
      let linted;
      try {
        parsed = parseOkr(text, 'fuzz.okr.yaml');
        // lintText is parseOkr + lintParsed; every fifth file goes the whole way and must agree.
        linted = lintParsed(parsed.file, parsed.findings, options);
        if (seed % 5 === 0)
          assert.deepEqual(lintText(text, 'fuzz.okr.yaml', options).findings, linted.findings, `${where}: lintText differs`);
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        assert.fail(`${where} threw: ${(err as Error).stack}\n--- text ---\n${text}`);
      }
      for (const f of parsed.findings) checkFinding(text, f, `${where} (parse)`, false);
      for (const f of linted.findings) {
        checkFinding(text, f, where, seed % 20 === 0);
        assert.ok(!f.message.includes('failed on this file'), `${where}: ${f.message}`);
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
        fixes += f.fixes?.length ?? 0;
      }
      findings += linted.findings.length;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Figures for the record (this is not a benchmark: the speed is measured by `npm run bench`).
    console.log(`      fuzz: ${FILES} files, ${findings} findings (${fixes} fixes) from ${byRule.size} rules, ${(ms / 1000).toFixed(1)} s`);
    // The mutations must actually break things, or the test proves nothing.
    assert.ok((byRule.get('syntax') ?? 0) > FILES / 10, `syntax findings: ${byRule.get('syntax')}`);
    assert.ok((byRule.get('schema') ?? 0) > FILES / 10, `schema findings: ${byRule.get('schema')}`);
    assert.ok(byRule.size >= 12, [...byRule.keys()].join(', '));
  });
});
