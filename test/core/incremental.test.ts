import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateOkrFile } from '../../bench/lint';
import { parseEditedObjective, reparseOkr } from '../../src/core/incremental';
import type { Finding } from '../../src/core/model';
import { parseOkr, type ParseResult } from '../../src/core/parse';
import { seededRandom } from '../helpers/random';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** A parse result as comparable text: findings in a fixed order (their order is the engine's to set). */
function canonical(r: ParseResult): string {
  const key = (f: Finding) => `${String(f.span.start).padStart(8)}:${String(f.span.end).padStart(8)}:${f.ruleId}:${f.message}`;
  return JSON.stringify({ file: r.file, findings: [...r.findings].sort((a, b) => key(a).localeCompare(key(b))) });
}

const random = seededRandom;

const SNIPPETS = [
  'a',
  'Z',
  '7',
  ' ',
  ':',
  '-',
  '\n',
  '#',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&x ',
  '*x',
  '\t',
  '  ',
  '\n      ',
  'title: ',
  'start: 3\n',
  '  - id: NEW-O9\n    title: Teams ship faster\n',
  'lint: {}\n',
  '%',
  '|',
  '>',
];

function randomEdit(text: string, next: () => number, parsed: ParseResult): { edited: string; typing: boolean } {
  const edited = randomText(text, next, parsed);
  return typeof edited === 'string' ? { edited, typing: false } : edited;
}

function randomText(text: string, next: () => number, parsed: ParseResult): string | { edited: string; typing: true } {
  const kind = next();
  if (kind < 0.3) {
    // Typing inside a title or a number, the most common edit of all.
    const spans = parsed.file.objectives
      .flatMap((o) => [o.spans.values.title, ...o.keyResults.flatMap((kr) => [kr.spans.values.title, kr.spans.values.target])])
      .filter((x) => x !== undefined);
    if (spans.length > 0) {
      const span = spans[Math.floor(next() * spans.length)];
      const at = span.start + Math.floor(next() * (span.end - span.start + 1));
      return { edited: text.slice(0, at) + 'abc 12'.charAt(Math.floor(next() * 6)) + text.slice(at), typing: true };
    }
  }
  const at = Math.floor(next() * (text.length + 1));
  if (kind < 0.6) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (kind < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 6)));
  // Replace a word, as typing over a value does.
  const end = text.slice(at).search(/[\s:,}\]]/);
  return text.slice(0, at) + String(Math.floor(next() * 1000)) + text.slice(end < 0 ? text.length : at + end);
}

function sources(): { name: string; text: string }[] {
  const out = [{ name: 'generated', text: generateOkrFile(12, 3, 2) }];
  for (const dir of ['corpus', 'guide']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if (f.endsWith('.okr.yaml')) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  return out;
}

describe('reparseOkr', () => {
  it('gives exactly what a full parse gives, over thousands of random edits typed one after another', function () {
    this.timeout(120_000);
    let edits = 0;
    let incremental = 0;
    let typed = 0;
    let typedFast = 0;
    for (const [n, { name, text }] of sources().entries()) {
      const next = random(1000 + n);
      let previous = parseOkr(text, name);
      let current = text;
      for (let i = 0; i < 100; i++) {
        const { edited, typing } = randomEdit(current, next, previous);
        const full = parseOkr(edited, name);
        const fast = parseEditedObjective(previous, edited, name);
        const result = reparseOkr(previous, edited, name);
        assert.equal(canonical(result), canonical(full), `${name}, edit ${i}: reparse differs from a full parse`);
        if (typing && !previous.findings.some((f) => f.ruleId === 'syntax')) {
          typed++;
          if (fast) typedFast++;
        }
        if (fast) {
          incremental++;
          assert.equal(canonical(fast), canonical(full));
        }
        edits++;
        // A broken file is mostly fixed at once (undo); sometimes typing goes on in it.
        if (full.findings.some((f) => f.ruleId === 'syntax') && next() < 0.7) continue;
        previous = result;
        current = edited;
        if (i % 50 === 49) {
          current = text;
          previous = parseOkr(text, name);
        }
      }
    }
    assert.ok(edits >= 2000, `${edits} edits`);
    // Random edits break the YAML often (then the full parse decides), but typing in a title of a sound file is
    // the common case, and it must take the short path nearly always (a short file's first objective aside).
    assert.ok(incremental > 200, `only ${incremental} of ${edits} edits took the incremental path`);
    assert.ok(typed > 100 && typedFast / typed > 0.85, `typing in a title took the incremental path ${typedFast} times of ${typed}`);
  });

  it('re-parses only the edited objective of a large file, keeping the others as they were', () => {
    const text = generateOkrFile(200, 4, 5);
    const previous = parseOkr(text, 'big.okr.yaml');
    const old = 'Customers in region 150 can rely on our platform';
    const edited = text.replace(old, 'Implement region 150 failover');
    const fast = parseEditedObjective(previous, edited, 'big.okr.yaml');
    assert.ok(fast, 'an edit inside one objective takes the incremental path');
    assert.equal(fast.file.objectives[149].title, 'Implement region 150 failover');
    assert.equal(fast.file.objectives[10], previous.file.objectives[10], 'objectives before the edit are reused as they are');
    assert.equal(canonical(fast), canonical(parseOkr(edited, 'big.okr.yaml')));
  });

  it('falls back to the full parse when the edit is not inside one objective', () => {
    const text = generateOkrFile(5, 2, 1);
    const previous = parseOkr(text, 'x.okr.yaml');
    const cases: [string, string][] = [
      ['the header', text.replace('team: Platform', 'team: Platform Engineering')],
      ['across two objectives', text.replace(/on our platform\n[\s\S]*?BENCH-O2\n/, 'on our platform\n  - id: BENCH-O2\n')],
      ['a new top-level key after the list', `${text}lint: { kr-count: off }\n`],
      ['a new objective at the end', `${text}  - id: BENCH-O6\n    title: Teams ship faster\n`],
      ['an anchor', text.replace('owner: owner1', 'owner: &who owner1')],
      ['a YAML error', text.replace('title: Customers in region 3', 'title: "Customers in region 3')],
    ];
    for (const [what, edited] of cases) {
      assert.notEqual(edited, text, what);
      assert.equal(parseEditedObjective(previous, edited, 'x.okr.yaml'), undefined, what);
      assert.equal(canonical(reparseOkr(previous, edited, 'x.okr.yaml')), canonical(parseOkr(edited, 'x.okr.yaml')), what);
    }
  });

  it('returns the previous result for the same text', () => {
    const previous = parseOkr(generateOkrFile(3, 2, 1), 'x.okr.yaml');
    assert.equal(reparseOkr(previous, previous.file.text, 'x.okr.yaml'), previous);
  });
});
