import assert from 'node:assert/strict';
import { parseOkr } from '../../src/core/parse';
import {
  confidenceChoices,
  confidenceColour,
  defaultConfidence,
  orderForPicking,
  paceValue,
  valuePrompt,
} from '../../src/extension/check-in/prompts';

const file = parseOkr(
  'version: 1\nteam: T\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: A\n    key_results:\n' +
    '      - { id: K1, title: a, start: 12, target: 3, unit: incidents, check_ins: [{ date: 2026-11-27, value: 7, confidence: 0.64 }] }\n' +
    '      - { id: K2, title: b, start: 60, target: 80, unit: "%" }\n' +
    '      - { id: K3, title: c, check_ins: [{ date: 2026-11-10, value: 1 }] }\n',
  't.okr.yaml',
).file;
const [k1, k2, k3] = file.objectives[0].keyResults;
const o = file.objectives[0];

describe('Check In prompts', () => {
  it('the value prompt says start, target, unit, the value the pace asks for today and the latest', () => {
    // 2026-11-15: 46 of 92 days, half the period.
    assert.equal(paceValue(file, o, k1, '2026-11-15'), 7.5);
    assert.equal(
      valuePrompt(file, o, k1, '2026-11-15'),
      'Start 12 incidents, target 3 incidents; the pace asks for 7.5 incidents today. Latest: 7 incidents. The value on 2026-11-15.',
    );
    assert.equal(valuePrompt(file, o, k2, '2026-11-15'), 'Start 60%, target 80%; the pace asks for 70% today. The value on 2026-11-15.');
    assert.equal(valuePrompt(file, o, k3, '2026-11-15'), 'Latest: 1. The value on 2026-11-15.');
    assert.equal(paceValue(file, o, k1, '2026-09-01'), undefined);
  });

  it("confidence choices run from 1.0 to 0.1 with the colour words of Google's grading; the last confidence is preselected", () => {
    const choices = confidenceChoices();
    assert.deepEqual(
      choices.map((c) => c.label),
      ['1.0', '0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2', '0.1'],
    );
    assert.match(choices[3].description, /^green: on track/);
    assert.match(choices[4].description, /^yellow: at risk/);
    assert.match(choices[7].description, /^red: off track/);
    assert.equal(confidenceColour(0.7), 'green');
    assert.equal(defaultConfidence(k1), 0.6);
    assert.equal(defaultConfidence(k2), undefined);
  });

  it('due key results come first, the latest first, then the rest in file order', () => {
    const rows = orderForPicking(
      [k1, k2, k3].map((keyResult) => ({ file, objective: o, keyResult })),
      '2026-11-28',
    );
    assert.deepEqual(
      rows.map((r) => [r.item.keyResult.id, r.daysLate]),
      [
        ['K2', 44],
        ['K3', 4],
        ['K1', undefined],
      ],
    );
  });
});
