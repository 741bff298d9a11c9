import { strict as assert } from 'node:assert';
import { toggleTrailer } from '../../../src/core/git/trailers';

describe('toggleTrailer', () => {
  it('adds the trailer after existing ones and keeps every character typed', () => {
    const typed = 'Fix the payout batch\n\nBody line.\n\nSigned-off-by: Dana <d@example.com>';
    const r = toggleTrailer(typed, 'Key-Result', 'PLAT-KR1');
    assert.equal(r.action, 'added');
    assert.equal(r.message, `${typed}\nKey-Result: PLAT-KR1\n`);
  });

  it('removes the trailer on a second run, case-insensitively, leaving the other trailers', () => {
    const tagged = 'Fix\n\nSigned-off-by: Dana <d@example.com>\nkey-result: plat-kr1\n';
    const r = toggleTrailer(tagged, 'Key-Result', 'PLAT-KR1');
    assert.equal(r.action, 'removed');
    assert.equal(r.message, 'Fix\n\nSigned-off-by: Dana <d@example.com>\n');
  });

  it('keeps one trailer per key result: toggling another adds a second line', () => {
    const one = toggleTrailer('Fix', 'Key-Result', 'PLAT-KR1').message;
    const two = toggleTrailer(one, 'Key-Result', 'PLAT-KR2');
    assert.equal(two.message, 'Fix\n\nKey-Result: PLAT-KR1\nKey-Result: PLAT-KR2\n');
    const back = toggleTrailer(two.message, 'Key-Result', 'PLAT-KR1');
    assert.equal(back.message, 'Fix\n\nKey-Result: PLAT-KR2\n');
  });

  it('an empty message gets the trailer below a free first line, and comes back empty', () => {
    const added = toggleTrailer('', 'Key-Result', 'PLAT-KR1');
    assert.equal(added.message, '\n\nKey-Result: PLAT-KR1\n');
    assert.equal(toggleTrailer(added.message, 'Key-Result', 'PLAT-KR1').message, '');
  });
});
