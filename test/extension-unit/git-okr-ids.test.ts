import assert from 'node:assert/strict';
import { collectDefinitions } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';
import { historyWindowOf, keyResultIds } from '../../src/extension/git/okr-ids';

function state(text: string) {
  const file = parseOkr(text, 't.okr.yaml').file;
  return { result: { file }, definitions: collectDefinitions(file) };
}

const q4 = state(
  'version: 1\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    key_results:\n' +
    '      - { id: K1, title: a }\n      - { id: K2, title: b }\n    initiatives:\n      - { id: I1, title: c }\n',
);
const q3 = state('version: 1\nperiod: 2026-Q3\nobjectives:\n  - id: O2\n    title: B\n    key_results:\n      - { id: K3, title: d }\n');
const noPeriod = state('version: 1\nobjectives:\n  - id: O3\n    title: C\n    key_results:\n      - { id: K4, title: e }\n');

describe('Git features: what they read of the OKR files', () => {
  it('the key-result ids of every file, in file order, without objectives and initiatives', () => {
    assert.deepEqual(keyResultIds([q4, q3, noPeriod]), ['K1', 'K2', 'K3', 'K4']);
    assert.deepEqual(keyResultIds([]), []);
  });

  it('the history window starts a week before the earliest period; none without a period', () => {
    assert.equal(historyWindowOf([q4, q3, noPeriod]), '2026-06-24');
    assert.equal(historyWindowOf([q4]), '2026-09-24');
    assert.equal(historyWindowOf([noPeriod]), undefined);
  });
});
