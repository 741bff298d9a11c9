import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/positions';
import { findSuppressions, parseRuleList } from '../../src/core/suppress';

/** Which of `ids` are suppressed on each line (1-based) of `text`. */
function suppressedLines(text: string, id: string): number[] {
  const lines = new LineIndex(text);
  const s = findSuppressions(text, lines);
  const out: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) if (s.isSuppressed(id, lines.lineStart(line))) out.push(line + 1);
  return out;
}

describe('suppression comments', () => {
  it('disable-next-line covers the next line only', () => {
    const text = 'a: 1\n# okr-lint-disable-next-line kr-count\nb: 2\nc: 3\n';
    assert.deepEqual(suppressedLines(text, 'kr-count'), [3]);
    assert.deepEqual(suppressedLines(text, 'routine-work'), []);
  });

  it('disable-line covers its own line (a trailing comment)', () => {
    const text = 'a: 1\ntitle: Ship it by March   # okr-lint-disable-line kr-is-milestone\nc: 3\n';
    assert.deepEqual(suppressedLines(text, 'kr-is-milestone'), [2]);
  });

  it('disable ... enable covers the lines between, and to the end without an enable', () => {
    const text = 'a\n# okr-lint-disable kr-count, routine-work\nb\nc\n# okr-lint-enable kr-count\nd\n';
    assert.deepEqual(suppressedLines(text, 'kr-count'), [2, 3, 4]);
    assert.deepEqual(suppressedLines(text, 'routine-work'), [2, 3, 4, 5, 6, 7]);
  });

  it('with no rule ids a directive covers every rule; a note after `--` is ignored', () => {
    const text = 'a\n# okr-lint-disable-next-line -- the launch is the point\nb\n# okr-lint-disable-next-line kr-count -- because\nc\n';
    assert.deepEqual(suppressedLines(text, 'anything'), [3]);
    assert.deepEqual(suppressedLines(text, 'kr-count'), [3, 5]);
    assert.deepEqual(parseRuleList(' a, b  c -- note'), ['a', 'b', 'c']);
    assert.equal(parseRuleList('  '), 'all');
    assert.equal(parseRuleList(' -- only a note'), 'all');
  });

  it('ignores look-alikes: a directive glued to text, or a longer keyword', () => {
    const text = 'title: a#okr-lint-disable\nb\n# okr-lint-disabled kr-count\nc\n# okr-lint-disable-lines\nd\n';
    assert.deepEqual(suppressedLines(text, 'kr-count'), []);
  });

  it('works with CRLF and CR line ends', () => {
    assert.deepEqual(suppressedLines('a\r\n# okr-lint-disable-next-line x\r\nb\r\nc\r\n', 'x'), [3]);
    assert.deepEqual(suppressedLines('a\r# okr-lint-disable-next-line x\rb\rc\r', 'x'), [3]);
  });
});
