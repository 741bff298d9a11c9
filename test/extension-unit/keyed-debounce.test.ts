import { strict as assert } from 'node:assert';
import { KeyedDebounce } from '../../src/extension/keyed-debounce';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedDebounce', () => {
  it('runs only the last call for a key, after its delay', async () => {
    const debounce = new KeyedDebounce<string>();
    const ran: string[] = [];
    debounce.schedule('a', 5, () => ran.push('a1'));
    debounce.schedule('a', 5, () => ran.push('a2'));
    assert.deepEqual(ran, [], 'nothing runs before the delay');
    await tick(30);
    assert.deepEqual(ran, ['a2']);
  });

  it('keeps keys apart', async () => {
    const debounce = new KeyedDebounce<string>();
    const ran: string[] = [];
    debounce.schedule('a', 5, () => ran.push('a'));
    debounce.schedule('b', 0, () => ran.push('b'));
    await tick(30);
    assert.deepEqual(ran, ['b', 'a']);
  });

  it('cancel drops one key, clear drops all; a key can be scheduled again after either', async () => {
    const debounce = new KeyedDebounce<number>();
    const ran: number[] = [];
    debounce.schedule(1, 0, () => ran.push(1));
    debounce.schedule(2, 0, () => ran.push(2));
    debounce.cancel(1);
    debounce.cancel(3);
    await tick(20);
    assert.deepEqual(ran, [2]);
    debounce.schedule(1, 0, () => ran.push(10));
    debounce.schedule(2, 0, () => ran.push(20));
    debounce.clear();
    await tick(20);
    assert.deepEqual(ran, [2]);
    debounce.schedule(1, 0, () => ran.push(100));
    await tick(20);
    assert.deepEqual(ran, [2, 100]);
  });

  it('a call that runs is no longer waiting: cancel after it is harmless', async () => {
    const debounce = new KeyedDebounce<string>();
    let runs = 0;
    debounce.schedule('a', 0, () => runs++);
    await tick(20);
    debounce.cancel('a');
    debounce.schedule('a', 0, () => runs++);
    await tick(20);
    assert.equal(runs, 2);
  });
});
