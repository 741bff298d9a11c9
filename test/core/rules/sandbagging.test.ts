import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { assertFixture, okrFile, spanText } from './rule-fixture';

const ID = 'sandbagging';
const AFTER = '2027-01-10';

function findings(text: string, today = AFTER) {
  return lintText(text, 'payments.okr.yaml', { today }).findings.filter((f) => f.ruleId === ID);
}
function objective(krs: string[], extra = ''): string {
  return okrFile(`  - id: O1\n    title: Checkout just works\n${extra}    key_results:\n${krs.map((k) => `      - ${k}\n`).join('')}`);
}
const REACHED = [
  '{ id: KR1, title: Cut failed payments from 5% to 3%, start: 5, target: 3, current: 3 }',
  '{ id: KR2, title: Raise conversion from 60% to 62%, start: 60, target: 62, current: 63 }',
];

describe('sandbagging', () => {
  it('flags aspirational objectives whose key results all reached 100%, and targets equal to their start', () => {
    assertFixture(ID);
  });

  it('points at the objective title after the period, as a warning citing the guide', () => {
    const text = objective(REACHED);
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(spanText(text, f.span), 'Checkout just works');
    assert.match(f.message, /Every key result of aspirational objective O1 reached 100% or more/);
    assert.match(f.message, /about 70%/);
  });

  it('waits for the end of the period, or of the objective at its `due:`', () => {
    assert.deepEqual(findings(objective(REACHED), '2026-12-31'), []);
    assert.equal(findings(objective(REACHED, '    due: 2026-12-01\n'), '2026-12-02').length, 1);
    assert.deepEqual(findings(objective(REACHED, '    due: 2026-12-01\n'), '2026-12-01'), []);
  });

  it('uses the latest check-in when `current:` is absent', () => {
    const kr =
      '{ id: KR3, title: Raise wallet share from 10% to 30%, start: 10, target: 30, check_ins: [{ date: 2026-12-20, value: 31 }, { ' +
      'date: 2026-11-01, value: 12 }] }';
    assert.equal(findings(objective([REACHED[0], kr])).length, 1);
  });

  it('one key result short of 100%, or one without numbers, leaves the question open', () => {
    assert.deepEqual(
      findings(objective([REACHED[0], '{ id: KR2, title: Raise conversion from 60% to 62%, start: 60, target: 62, current: 61.9 }'])),
      [],
    );
    assert.deepEqual(findings(objective([REACHED[0], '{ id: KR2, title: Raise NPS from 30 to 40 }'])), []);
    assert.deepEqual(findings(objective([])), []);
  });

  it('exempts committed and dropped objectives; dropped key results do not count', () => {
    assert.deepEqual(findings(objective(REACHED, '    kind: committed\n')), []);
    assert.deepEqual(findings(objective(REACHED, '    status: dropped\n    reason: r\n')), []);
    assert.equal(
      findings(
        objective([...REACHED, '{ id: KR3, title: Cut x from 9 to 1, start: 9, target: 1, current: 8, status: dropped, reason: r }']),
      ).length,
      1,
    );
  });

  it('a target equal to its start is flagged at the target, at any time, for any kind', () => {
    const text = objective(
      ['{ id: KR1, title: Hold chargebacks at 40 a month, start: 40, target: 40 }', REACHED[1]],
      '    kind: committed\n',
    );
    const [f] = findings(text, '2026-10-05');
    assert.equal(spanText(text, f.span), '40');
    assert.equal(f.span.start, text.indexOf('target: 40') + 'target: '.length);
    assert.match(f.message, /Key result KR1 has `target: 40`, the same as its `start:`/);
  });

  it('handles decimals without rounding surprises', () => {
    const kr = '{ id: KR1, title: Achieve 99.95% uptime, start: 99.5, target: 99.95, current: 99.95 }';
    const kr2 = '{ id: KR2, title: Cut latency from 0.3 to 0.1 s, start: 0.3, target: 0.1, current: 0.1 }';
    assert.equal(findings(objective([kr, kr2])).length, 1);
  });
});
