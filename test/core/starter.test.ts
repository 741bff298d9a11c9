import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { lintText } from '../../src/core/lint';
import { FILE_KEYS, KEY_RESULT_KEYS, OBJECTIVE_KEYS } from '../../src/core/parse';
import { starterOkrFile, STARTER_FILE_NAME } from '../../src/core/starter';

const DAYS = ['2026-11-28', '2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2027-07-15', '2028-02-29', '2026-12-31'];

describe('the starter OKR file', () => {
  for (const today of DAYS) {
    it(`lints clean with every rule on ${today}`, () => {
      const text = starterOkrFile({ today });
      const result = lintText(text, `/ws/${STARTER_FILE_NAME}`, { today });
      assert.deepEqual(
        result.findings.map((f) => `${result.lines.positionAt(f.span.start).line + 1}:${f.ruleId}: ${f.message}`),
        [],
      );
      assert.equal(result.file.period?.label, `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`);
    });
  }

  it('uses the id prefix it is given, and a safe one for a prefix that would make invalid ids', () => {
    const text = starterOkrFile({ today: '2026-11-28', idPrefix: 'TEAM2' });
    const ids = lintText(text, '/ws/.okr.yaml', { today: '2026-11-28' }).file.objectives.flatMap((o) => [
      o.id,
      ...o.keyResults.map((k) => k.id),
      ...o.initiatives.map((i) => i.id),
    ]);
    assert.deepEqual(ids, ['TEAM2-O1', 'TEAM2-KR1', 'TEAM2-KR2', 'TEAM2-I1']);
    assert.match(starterOkrFile({ today: '2026-11-28', idPrefix: '9 bad: x' }), /id: TEAM-O1/);
  });

  it('explains every field of the format in a comment', () => {
    const text = starterOkrFile({ today: '2026-11-28' });
    // A line that has the key and a comment: `status: active   # active, done, or dropped`, or `# aligns_with: ...`.
    const commented = (key: string) => text.split('\n').some((line) => new RegExp(`\\b${key}:`).test(line) && line.includes('#'));
    for (const key of [...FILE_KEYS, ...OBJECTIVE_KEYS, ...KEY_RESULT_KEYS].filter(
      (k) => !['id', 'title', 'description', 'owner', 'objectives', 'key_results', 'initiatives', 'check_ins'].includes(k),
    )) {
      assert.ok(commented(key), `no comment explains \`${key}\``);
    }
    assert.doesNotThrow(() => parse(text));
  });

  it('falls back to a valid date for a malformed "today"', () => {
    const text = starterOkrFile({ today: 'yesterday' });
    assert.equal(lintText(text, '/ws/.okr.yaml', { today: '2026-01-01' }).findings.length, 0);
  });
});
