import * as assert from 'node:assert/strict';
import { hasUnsafeCharacters, printable, quoteTitle, shownValue } from '../../src/core/escape';

describe('escape: the one helper for user text in messages and terminal output', () => {
  it('escapes C0 and C1 controls, DEL and escape sequences', () => {
    assert.equal(printable('a\u001b[2Jb\u0007c\u007fd\u009b31m'), 'a\\u001b[2Jb\\u0007c\\u007fd\\u009b31m');
    assert.equal(printable('\u001b]0;pwned\u0007title'), '\\u001b]0;pwned\\u0007title');
    assert.equal(printable('one\ntwo\rthree\tfour\u0000'), 'one\\ntwo\\rthree\\tfour\\u0000');
    assert.equal(printable('next\u0085line'), 'next\\u0085line');
  });

  it('escapes bidi embeddings, overrides, isolates and marks', () => {
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      assert.equal(printable(`x${c}y`), `x\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}y`);
    }
  });

  it('escapes the line and paragraph separators, the byte-order mark and lone surrogates', () => {
    assert.equal(printable('a\u2028b\u2029c\ufeffd'), 'a\\u2028b\\u2029c\\ufeffd');
    assert.equal(printable('lone \ud800 and \udc00'), 'lone \\ud800 and \\udc00');
  });

  it('leaves ordinary text alone: accents, CJK, emoji (surrogate pairs, joiners), right-to-left letters', () => {
    const text = 'Ünïcode 中文 😀 👩‍💻 שלום مرحبا "quotes" \\ back';
    assert.equal(printable(text), text);
    assert.ok(!hasUnsafeCharacters(text));
    assert.ok(hasUnsafeCharacters('a\u202eb'));
  });

  it('shownValue and quoteTitle escape as printable does, then shorten', () => {
    assert.equal(shownValue('a\u202eb\u001b'), 'a\\u202eb\\u001b');
    assert.equal(quoteTitle('Ship\u202e the\u001b[31m API'), '"Ship\\u202e the\\u001b[31m API"');
    assert.equal(quoteTitle('a\nb'), '"a b"');
  });
});
