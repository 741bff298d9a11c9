import { strict as assert } from 'node:assert';
import { parseOkr } from '../../src/core/parse';
import { findKeyResultEntry, itemKeys, objectiveChildEntries, objectiveEntries, selectionSpan } from '../../src/extension/tree/nodes';

const TEXT = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    key_results:
      - { id: PLAT-KR1, title: Reduce P1 incidents from 12 to 3, start: 12, target: 3, current: 7 }
      - { id: PLAT-KR2, title: Old uptime goal, target: 1, status: done }
      - { id: PLAT-KR3, title: Dropped goal, target: 1, status: dropped, reason: reorg }
    initiatives:
      - { id: PLAT-I1, title: Canary deploys, status: in_progress }
      - { id: PLAT-I2, title: Retired tooling, status: done }
      - { title: Unnamed initiative }
  - id: PLAT-O2
    title: Migrate to Kubernetes
    status: dropped
    reason: budget
    key_results:
      - { id: PLAT-KR4, title: Move 10 services, target: 10 }
  - id: PLAT-O1
    title: A pasted copy with the same id
    key_results: []
  - title: No id yet
`;

describe('tree nodes', () => {
  const { file } = parseOkr(TEXT, '/w/platform.okr.yaml');

  it('keys items by id, numbering repeats and falling back to the position', () => {
    assert.deepEqual(itemKeys(['A', 'B', 'A', undefined, 'A', ''], 'O'), ['O:A', 'O:B', 'O:A#2', 'O@3', 'O:A#3', 'O@5']);
  });

  it('encodes ids so that no id imitates another key', () => {
    assert.deepEqual(itemKeys(['a/KR:b', 'x', 'x', 'x#2'], 'O'), ['O:a%2FKR%3Ab', 'O:x', 'O:x#2', 'O:x%232']);
  });

  it('lists objectives in file order with stable keys', () => {
    const entries = objectiveEntries(file, true);
    assert.deepEqual(
      entries.map((e) => [e.key, e.objective.title]),
      [
        ['O:PLAT-O1', 'Customers can rely on our platform'],
        ['O:PLAT-O2', 'Migrate to Kubernetes'],
        ['O:PLAT-O1#2', 'A pasted copy with the same id'],
        ['O@3', 'No id yet'],
      ],
    );
  });

  it("hides done and dropped objectives without changing the others' keys", () => {
    const entries = objectiveEntries(file, false);
    assert.deepEqual(
      entries.map((e) => e.key),
      ['O:PLAT-O1', 'O:PLAT-O1#2', 'O@3'],
    );
  });

  it('lists key results before initiatives, each in file order', () => {
    const [o1] = objectiveEntries(file, true);
    assert.deepEqual(
      objectiveChildEntries(o1.objective, true).map((e) => `${e.kind} ${e.key}`),
      [
        'keyResult KR:PLAT-KR1',
        'keyResult KR:PLAT-KR2',
        'keyResult KR:PLAT-KR3',
        'initiative I:PLAT-I1',
        'initiative I:PLAT-I2',
        'initiative I@2',
      ],
    );
  });

  it('hides done and dropped key results and initiatives, keeping keys', () => {
    const [o1] = objectiveEntries(file, true);
    assert.deepEqual(
      objectiveChildEntries(o1.objective, false).map((e) => e.key),
      ['KR:PLAT-KR1', 'I:PLAT-I1', 'I@2'],
    );
  });

  it('selects the title, else the id, else the start of the item', () => {
    const [o1, , , noId] = file.objectives;
    assert.equal(TEXT.slice(selectionSpan(o1.spans).start, selectionSpan(o1.spans).end), 'Customers can rely on our platform');
    const { file: idOnly } = parseOkr('objectives:\n  - id: X-1\n', 'x.okr.yaml');
    const s = selectionSpan(idOnly.objectives[0].spans);
    assert.equal('objectives:\n  - id: X-1\n'.slice(s.start, s.end), 'X-1');
    assert.equal(TEXT.slice(selectionSpan(noId.spans).start, selectionSpan(noId.spans).end), 'No id yet');
    const { file: bare } = parseOkr('objectives:\n  - { kind: committed }\n', 'x.okr.yaml');
    const b = selectionSpan(bare.objectives[0].spans);
    assert.equal(b.start, b.end);
    assert.equal('objectives:\n  - { kind: committed }\n'.slice(b.start, b.start + 1), '{');
  });

  it('finds a key result entry by id, first definition first', () => {
    const found = findKeyResultEntry(file, 'PLAT-KR4');
    assert.equal(found?.objective.key, 'O:PLAT-O2');
    assert.equal(found?.keyResult.key, 'KR:PLAT-KR4');
    assert.equal(findKeyResultEntry(file, 'NOPE'), undefined);
  });
});
