// Fixtures carry their expected findings in comments, so each reads as its own test:
//   title: Ship the new API by March   # expect: kr-is-milestone
//   title: Reduce P1 incidents from 12 to 3    # expect: none
// `# expect: a, b` means findings of rules a and b start on this line. `# expect: none`
// marks a line that must have no finding (of the rules the test looks at); lines without
// a comment are checked too: an unexpected finding anywhere fails an exact test.
// A fixture's first lines may set the date: `# today: 2026-11-28`.

import { readFileSync } from 'node:fs';
import { LineIndex } from '../../src/core/positions';

export interface Expectation {
  /** 0-based line. */
  line: number;
  ruleIds: string[];
}

const EXPECT = /#\s*expect:\s*([A-Za-z0-9_,\s-]+?)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  lines.forEach((content, line) => {
    const m = EXPECT.exec(content);
    if (!m) return;
    const ids = m[1].split(/[\s,]+/).filter(Boolean);
    out.push({ line, ruleIds: ids.length === 1 && ids[0] === 'none' ? [] : ids });
  });
  return out;
}

export function readToday(text: string, fallback = '2026-11-28'): string {
  const m = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text);
  return m ? m[1] : fallback;
}

export function loadFixture(path: string): { text: string; expectations: Expectation[]; today: string } {
  const text = readFileSync(path, 'utf8');
  return { text, expectations: readExpectations(text), today: readToday(text) };
}

/** "line:rule" keys of findings, 1-based lines as editors show them, for readable diffs. */
export function findingKeys(
  text: string,
  findings: { ruleId: string; span: { start: number } }[],
  ruleFilter?: (id: string) => boolean,
): string[] {
  const idx = new LineIndex(text);
  return findings
    .filter((f) => !ruleFilter || ruleFilter(f.ruleId))
    .map((f) => `${idx.positionAt(f.span.start).line + 1}:${f.ruleId}`)
    .sort();
}

export function expectationKeys(expectations: Expectation[], ruleFilter?: (id: string) => boolean): string[] {
  return expectations.flatMap((e) => e.ruleIds.filter((r) => !ruleFilter || ruleFilter(r)).map((r) => `${e.line + 1}:${r}`)).sort();
}
