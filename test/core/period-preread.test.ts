// The pre-read of a file's period start, before the parse: the plain forms are read,
// anything else is "unknown"; on every real OKR file of the repository it either says
// "unknown" or agrees with the parse (the one fixture that shows why the scan still
// checks the guess against the parse excepted, and held to being wrong).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { prereadPeriodStart, UNKNOWN_PERIOD } from '../../src/core/period-preread';
import { parseOkr } from '../../src/core/parse';

const ROOT = path.resolve(__dirname, '..', '..');
const PREREAD = path.join(ROOT, 'test', 'fixtures', 'period-preread');

function okrFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : okrFiles(full);
    return /\.okr\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

const shown = (r: ReturnType<typeof prereadPeriodStart>) => (r === UNKNOWN_PERIOD ? 'unknown' : (r ?? 'none'));

describe('the period pre-read', () => {
  it('reads each fixture as its first comment says', () => {
    const names = readdirSync(PREREAD).filter((n) => n.endsWith('.okr.yaml'));
    assert.ok(names.length >= 9);
    for (const name of names) {
      const text = readFileSync(path.join(PREREAD, name), 'utf8');
      const expected = /^# preread: (\S+)/.exec(text)?.[1];
      assert.ok(expected, `${name} says what to expect`);
      assert.equal(shown(prereadPeriodStart(text)), expected, name);
    }
  });

  it('agrees with the parse on every OKR file of the repository, or says "unknown"', () => {
    const files = [...okrFiles(path.join(ROOT, 'test', 'fixtures')), ...okrFiles(path.join(ROOT, 'examples'))];
    assert.ok(files.length > 50);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const pre = prereadPeriodStart(text);
      const parsed = parseOkr(text, file).file.period?.start ?? null;
      if (path.basename(file) === 'unclosed-quote.okr.yaml') {
        assert.deepEqual([pre, parsed], ['2026-01-01', null], 'the guess the scan must catch');
        continue;
      }
      if (pre === UNKNOWN_PERIOD) continue;
      read++;
      assert.equal(pre, parsed, path.relative(ROOT, file));
    }
    // Most real files are in the plain forms: the pre-read is worth having.
    assert.ok(read > files.length / 2, `${read} of ${files.length} read`);
  });

  it('says "unknown" for a tab, an escape, a carriage return-only text, an indented or lower-case key, an invalid day', () => {
    const unknown = [
      'team: X\nperiod:\t2026-Q4\n',
      'team: "\\x41"\nperiod: 2026-Q4\n',
      'team: X\rperiod: 2026-Q4\r',
      '  team: X\n  period: 2026-Q4\n',
      'team: X\nPeriod: 2026-Q4\n',
      'team: X\nperiod: 2026-q4\n',
      'team: X\nperiod: { start: 2026-02-30, end: 2026-03-31 }\n',
      'team: X\nperiod: { start: 2026-10-01 }\n',
      'team: X\nperiod: !!str 2026-Q4\n',
      'team: X\nperiod: 2026-Q4\n...\n',
    ];
    for (const text of unknown) assert.equal(prereadPeriodStart(text), UNKNOWN_PERIOD, JSON.stringify(text));
  });

  it('reads Windows line ends, a leading document marker and quoted values', () => {
    assert.equal(prereadPeriodStart('team: X\r\nperiod: 2026-Q2\r\nobjectives: []\r\n'), '2026-04-01');
    assert.equal(prereadPeriodStart('---\nteam: X\nperiod: "2026-Q3"\n'), '2026-07-01');
    assert.equal(prereadPeriodStart('period: {start: \'2026-05-04\', end: "2026-05-04"}\n'), '2026-05-04');
    assert.equal(prereadPeriodStart('team: X\nobjectives: []\n'), null);
  });
});
