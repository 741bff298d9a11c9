// The check-in edit over every style a key result is written in: the entry reads
// back, `current:`/`confidence:` follow it, and every other byte stays.

import assert from 'node:assert/strict';
import { applyEdits, noteScalar, parseCheckInValue, parseConfidence, planCheckIn, type CheckInInput } from '../../../src/core/edits';
import { parseOkr } from '../../../src/core/parse';
import { effectiveConfidence, effectiveCurrent } from '../../../src/core/progress';

const HEAD = 'version: 1\nteam: Platform\nperiod: 2026-Q4\nobjectives:\n';

function checkIn(text: string, input: Partial<CheckInInput> = {}): string {
  const plan = planCheckIn(text, 'p.okr.yaml', { krId: 'KR1', date: '2026-11-27', value: 6, ...input });
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  return applyEdits(text, plan.edits);
}
function refused(text: string, input: Partial<CheckInInput> = {}): string {
  const plan = planCheckIn(text, 'p.okr.yaml', { krId: 'KR1', date: '2026-11-27', value: 6, ...input });
  assert.ok(!plan.ok, 'expected a refusal');
  return plan.message;
}
function kr1(text: string) {
  const r = parseOkr(text, 'p.okr.yaml');
  assert.deepEqual(
    r.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema').map((f) => f.message),
    [],
  );
  return r.file.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'KR1')!;
}

describe('planCheckIn: a check-in as a minimal text edit', () => {
  it("the issue's case: a block KR with `current: 4` and a flow check-in list gets the entry and `current: 6`", () => {
    const text =
      `${HEAD}  - id: O1\n    title: Customers can rely on us\n    key_results:\n      - id: KR1\n` +
      `        title: Cut P1 incidents from 12 to 3\n        start: 12\n        target: 3\n` +
      `        current: 4             # as of the last check-in\n        confidence: 0.5\n        check_ins:\n` +
      `          - { date: 2026-11-13, value: 4, confidence: 0.5 }\n      - id: KR2\n        title: Other\n        current: 4\n`;
    const out = checkIn(text, { confidence: 0.7, note: 'canary deploys' });
    assert.equal(
      out,
      text
        .replace('current: 4             # as of', 'current: 6             # as of')
        .replace('confidence: 0.5\n        check_ins', 'confidence: 0.7\n        check_ins')
        .replace(
          'value: 4, confidence: 0.5 }\n',
          'value: 4, confidence: 0.5 }\n          - { date: 2026-11-27, value: 6, confidence: 0.7, note: canary deploys }\n',
        ),
    );
    const k = kr1(out);
    assert.equal(effectiveCurrent(k), 6);
    assert.equal(k.current, 6);
    assert.equal(effectiveConfidence(k), 0.7);
  });

  it('creates `check_ins` in a block KR, indented as the file indents lists (2 or 4 spaces), after the last field and its comment', () => {
    const two = `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: Cut x from 9 to 3   # the title\n`;
    assert.equal(checkIn(two), `${two}        check_ins:\n          - { date: 2026-11-27, value: 6 }\n`);
    const four =
      'version: 1\nteam: P\nperiod: 2026-Q4\nobjectives:\n    -   id: O1\n        title: A\n        key_results:\n' +
      '            -   id: KR1\n                title: Cut x from 9 to 3\n';
    assert.equal(checkIn(four), `${four}                check_ins:\n                    - { date: 2026-11-27, value: 6 }\n`);
    const compact = `${HEAD}- id: O1\n  title: A\n  key_results:\n  - id: KR1\n    title: Cut x\n  - id: KR2\n    title: Other\n`;
    assert.equal(
      checkIn(compact),
      compact.replace('    title: Cut x\n', '    title: Cut x\n    check_ins:\n    - { date: 2026-11-27, value: 6 }\n'),
    );
    kr1(checkIn(compact));
  });

  it('flow KRs stay one valid flow mapping', () => {
    const text =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n` +
      `      - { id: KR1, title: Cut x from 9 to 3, current: 9 }   # a comment\n      - { id: KR2, title: b }\n`;
    const out = checkIn(text, { note: 'a: b, c # d' });
    assert.equal(out, text.replace('current: 9 }', 'current: 6, check_ins: [{ date: 2026-11-27, value: 6, note: "a: b, c # d" }] }'));
    assert.equal(kr1(out).checkIns[0].note, 'a: b, c # d');
    const withList =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n` +
      `      - { id: KR1, title: t, check_ins: [{ date: 2026-11-01, value: 2 }] }\n`;
    assert.equal(checkIn(withList), withList.replace('value: 2 }]', 'value: 2 }, { date: 2026-11-27, value: 6 }]'));
    const empty = `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - { id: KR1, title: t, check_ins: [] }\n`;
    assert.equal(checkIn(empty), empty.replace('check_ins: []', 'check_ins: [{ date: 2026-11-27, value: 6 }]'));
    const multiLine =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - {\n          id: KR1,\n          title: t   # why\n` + `        }\n`;
    assert.equal(kr1(checkIn(multiLine)).checkIns.length, 1);
  });

  it("block check-in lists of block mappings get a block mapping, keys aligned with the last entry's", () => {
    const text =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n        check_ins:\n` +
      `          -   date: 2026-11-01\n              value: 2\n              note: first   # hand-written\n`;
    const out = checkIn(text, { note: 'two\nlines' });
    assert.equal(out, `${text}          -   date: 2026-11-27\n              value: 6\n              note: "two\\nlines"\n`);
    assert.equal(kr1(out).checkIns[1].note, 'two\nlines');
  });

  it('a block check-in list whose last entry ends in a comment line, with a key result or a field after it', () => {
    for (const [dash, after] of [
      ['          ', '      - id: KR2\n        title: u\n'],
      ['          ', '        unit: deploys\n'],
      ['        ', '      - id: KR2\n        title: u\n'], // the list at the indentation of its key
    ]) {
      const before =
        `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n        check_ins:\n` +
        `${dash}- date: 2026-11-01\n${dash}  value: 2\n${dash}  # from the dashboard\n`;
      const out = checkIn(before + after);
      assert.equal(out, `${before}${dash}- date: 2026-11-27\n${dash}  value: 6\n${after}`);
      assert.deepEqual(
        kr1(out).checkIns.map((c) => c.value),
        [2, 6],
      );
    }
    // What cannot be extended is refused with the key result's file:line.
    const alias =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - { id: KR0, title: s, check_ins: &c [{ date: 2026-11-01, value: 2 }] }\n` +
      `      - id: KR1\n        title: t\n        check_ins: *c\n`;
    assert.equal(
      refused(alias),
      'p.okr.yaml:9:9: key result KR1: `check_ins` is an alias of a list elsewhere in the file; add this check-in by hand',
    );
    // A key result anchored on its own line and listed again as an alias: one edit would change both.
    const shared = `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - &kr\n        id: KR1\n        title: t\n        target: 5\n      - *kr\n`;
    assert.equal(refused(shared), 'p.okr.yaml:9:9: key result KR1 is shared through a YAML anchor or alias; add this check-in by hand');
  });

  it('`check_ins:` with no value, or `~`, becomes a list', () => {
    const empty =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n` +
      `        check_ins:   # none yet\n        owner: li\n`;
    assert.equal(
      checkIn(empty),
      empty.replace('check_ins:   # none yet\n', 'check_ins:   # none yet\n          - { date: 2026-11-27, value: 6 }\n'),
    );
    const tilde = empty.replace('check_ins:   # none yet', 'check_ins: ~');
    assert.equal(checkIn(tilde), tilde.replace('check_ins: ~', 'check_ins: [{ date: 2026-11-27, value: 6 }]'));
  });

  it('keeps CRLF, a BOM, quoting and every other key result byte for byte', () => {
    const text =
      `\uFEFF${HEAD}  - id: "O1"\n    title: 'A quoted, title'\n    key_results:\n      - id: KR1\n        title: t\n        current: 1\n      - id: KR2\n        title: "other"  # keep\n`.replace(
        /\n/g,
        '\r\n',
      );
    const out = checkIn(text);
    assert.ok(out.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
    assert.equal(out, text.replace('current: 1\r\n', 'current: 6\r\n        check_ins:\r\n          - { date: 2026-11-27, value: 6 }\r\n'));
  });

  it('a backfilled older check-in leaves `current:` at the latest one', () => {
    const text =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n        current: 5\n` +
      `        check_ins:\n          - { date: 2026-11-20, value: 5 }\n`;
    const out = checkIn(text, { date: '2026-11-10', value: 3 });
    assert.match(out, /current: 5\n/);
    assert.equal(effectiveCurrent(kr1(out)), 5);
  });

  it('notes with `:`, `#`, quotes, unicode, several lines and odd characters round-trip exactly', () => {
    const text = `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n`;
    for (const note of [
      'plain words',
      'key: value',
      'a # not a comment',
      '"quoted"',
      "it's",
      'ünïcödé – 東京 🚀',
      'line one\nline two\n',
      '  padded  ',
      'yes',
      '0x1F',
      '2026-11-27',
      '- dash',
      '[x]',
      '{y}',
      '\u2028\u0085\u007f',
      'tab\there',
      '*alias',
      '&anchor',
      '!tag',
      '%directive',
      '@at',
      '`tick`',
      'null',
      '~',
    ]) {
      const out = checkIn(text, { note });
      assert.equal(kr1(out).checkIns[0].note, note, JSON.stringify(note));
    }
    assert.equal(noteScalar('plain words'), 'plain words');
  });

  it('refuses, with one clear message and no edit: YAML errors, unknown ids (with the closest), bad numbers and dates', () => {
    const text =
      `${HEAD}  - id: O1\n    title: A\n    key_results:\n      - id: KR1\n        title: t\n      - id: KR12\n` + `        title: u\n`;
    assert.match(refused(`${text}  bad: [\n`), /^p\.okr\.yaml:\d+:\d+: the file has a YAML error, so nothing was changed: /);
    assert.equal(refused(text, { krId: 'KR13' }), 'KR13 is not a key result in p.okr.yaml (did you mean KR1, KR12?)');
    assert.equal(refused(text, { krId: 'O1' }).startsWith('O1 is not a key result'), true);
    assert.match(refused(text, { value: Number.NaN }), /the value must be a number/);
    assert.match(refused(text, { confidence: 1.5 }), /the confidence must be from 0 to 1/);
    assert.match(refused(text, { date: '2026-02-30' }), /the date must be a real day written YYYY-MM-DD, not "2026-02-30"/);
    assert.match(
      refused(text, { date: '2027-01-15' }),
      /past the end of the period \(2026-12-31\) by more than the check-in cadence \(14 days\)/,
    );
    assert.equal(checkIn(text, { date: '2027-01-14' }).includes('2027-01-14'), true);
    // Before the start too: a baseline just before it is taken, a check-in of last quarter is not.
    assert.match(
      refused(text, { date: '2026-09-16' }),
      /^2026-09-16 is before the start of the period \(2026-10-01\) by more than the check-in cadence \(14 days\)/,
    );
    assert.equal(checkIn(text, { date: '2026-09-17' }).includes('2026-09-17'), true);
    assert.match(refused(text.replace('title: t\n', 'title: t\n        check_ins: 3\n')), /`check_ins` is not a list/);
    assert.match(refused(`${HEAD}  - id: O1\n    title: A\n    key_results:\n      - &k { id: KR1, title: t }\n`), /anchor or alias/);
    assert.equal(checkIn(text, { krId: 'kr1' }).includes('2026-11-27'), true);
  });

  it('parses values and confidences as typed', () => {
    assert.deepEqual(parseCheckInValue(' 6.5 '), { value: 6.5 });
    assert.deepEqual(parseCheckInValue('-3'), { value: -3 });
    assert.deepEqual(parseCheckInValue('1e3'), { value: 1000 });
    assert.match((parseCheckInValue('12%') as { message: string }).message, /write 12 \(the unit is/);
    assert.match((parseCheckInValue('six') as { message: string }).message, /must be a number, not "six"/);
    assert.deepEqual(parseConfidence('.7'), { value: 0.7 });
    assert.match((parseConfidence('70') as { message: string }).message, /for 70% write 0.7/);
  });
});
