import assert from 'node:assert/strict';
import { mapLimited } from '../../src/core/arrays';

describe('mapLimited', () => {
  it('keeps the order of results whatever order the tasks end in', async () => {
    const delays = [30, 5, 20, 0, 10];
    const out = await mapLimited(delays, 2, (ms) => new Promise<number>((resolve) => setTimeout(() => resolve(ms * 2), ms)));
    assert.deepEqual(out, [60, 10, 40, 0, 20]);
  });

  it('never runs more than the limit at once, and runs every item once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await mapLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(n);
      running--;
    });
    assert.equal(most, 3);
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7],
    );
  });

  it('an empty list gives an empty list; a rejected task rejects the whole', async () => {
    assert.deepEqual(await mapLimited([], 4, () => Promise.resolve(1)), []);
    await assert.rejects(
      mapLimited([1, 2], 2, (n) => (n === 2 ? Promise.reject(new Error('two')) : Promise.resolve(n))),
      /two/,
    );
  });
});
