import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { applyEdits } from '../../src/core/edits';
import { planFixAll } from '../../src/core/fix-all';
import { lintText } from '../../src/core/lint';
import type { Finding } from '../../src/core/model';

const finding = (edits: { start: number; end: number; newText: string }[], title = 'fix'): Finding => ({
  ruleId: 'schema',
  severity: 'error',
  message: 'm',
  span: { start: 0, end: 0 },
  fixes: [{ title, edits }],
});

describe('planFixAll', () => {
  it('takes the first fix of each finding, sorted, and an edit offered twice once', () => {
    const plan = planFixAll([
      finding([{ start: 5, end: 6, newText: 'b' }], 'b'),
      finding([{ start: 0, end: 1, newText: 'a' }], 'a'),
      finding([{ start: 5, end: 6, newText: 'b' }], 'b again'),
    ]);
    assert.deepEqual(plan.edits, [
      { start: 0, end: 1, newText: 'a' },
      { start: 5, end: 6, newText: 'b' },
    ]);
    assert.deepEqual(
      plan.applied.map((f) => f.title),
      ['b', 'a'],
    );
    assert.deepEqual(plan.skipped, []);
  });

  it('skips a whole fix when any of its edits overlaps one taken before', () => {
    const plan = planFixAll([
      finding([{ start: 2, end: 8, newText: '' }], 'cut'),
      finding(
        [
          { start: 0, end: 1, newText: 'x' },
          { start: 7, end: 9, newText: 'y' },
        ],
        'two-part',
      ),
      finding([{ start: 8, end: 8, newText: 'touching' }], 'touch'),
    ]);
    assert.deepEqual(
      plan.applied.map((f) => f.title),
      ['cut', 'touch'],
    );
    assert.deepEqual(
      plan.skipped.map((f) => f.title),
      ['two-part'],
    );
  });

  it('treats two different insertions at one offset as a conflict, and ignores edits outside the text', () => {
    const plan = planFixAll(
      [
        finding([{ start: 3, end: 3, newText: 'a' }], 'a'),
        finding([{ start: 3, end: 3, newText: 'b' }], 'b'),
        finding([{ start: 50, end: 60, newText: '' }], 'far'),
      ],
      10,
    );
    assert.deepEqual(
      plan.applied.map((f) => f.title),
      ['a'],
    );
    assert.deepEqual(
      plan.skipped.map((f) => f.title),
      ['b', 'far'],
    );
  });

  it('fixes the example file: rename, reason and period, comments untouched', () => {
    const text = readFileSync('examples/platform.okr.yaml', 'utf8');
    const result = lintText(text, 'examples/platform.okr.yaml', { today: '2026-11-28' });
    const plan = planFixAll(result.findings, text.length);
    assert.ok(plan.applied.length >= 2, plan.applied.map((f) => f.title).join());
    const fixed = applyEdits(text, plan.edits);
    assert.ok(fixed.includes('title: Ship the new API by March'), 'titel renamed');
    assert.ok(fixed.includes('# YYYY-Qn, or { start: 2026-10-01, end: 2026-12-31 }'), 'comments kept');
    const again = lintText(fixed, 'examples/platform.okr.yaml', { today: '2026-11-28' });
    assert.ok(!again.findings.some((f) => f.ruleId === 'schema'), again.findings.map((f) => f.message).join('\n'));
  });
});
