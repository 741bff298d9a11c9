import { isValidDate, quarterOf, quarterPeriod } from '../../src/core/dates';
import { shownValue } from '../../src/core/escape';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/model';
import { flowDepthExceeded, MAX_FILE_BYTES, parseOkr } from '../../src/core/parse';
import { LineIndex } from '../../src/core/positions';

const GOOD = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    owner: dana
    key_results:
      - id: PLAT-KR1
        title: Reduce P1 incidents from twelve to three per quarter
        start: 12
        target: 3
        current: 7
        confidence: 0.6
        check_ins:
          - { date: 2026-11-24, value: 7, confidence: 0.6, note: canary deploys }
    initiatives:
      - { id: PLAT-I1, title: Canary deploys, status: in_progress }
`;

/** Parses, and checks what must hold for any input: no throw, spans inside the text, messages. */
function parse(text: string) {
  const result = parseOkr(text, 'x.okr.yaml');
  assertSane(text, result.findings);
  return result;
}
function assertSane(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(
      f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length,
      `${f.message}: span ${JSON.stringify(f.span)} in ${text.length}`,
    );
    assert.ok(f.message.length > 0 && !f.message.includes('\n'), `one-line message: ${JSON.stringify(f.message)}`);
    assert.ok(f.ruleId === 'syntax' || f.ruleId === 'schema', f.ruleId);
  }
}
const messages = (text: string) => parse(text).findings.map((f) => `${f.ruleId}: ${f.message}`);
const at = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);

describe('parseOkr', () => {
  describe('the model', () => {
    it('reads a complete file without findings, with defaults', () => {
      const { file, findings } = parse(GOOD);
      assert.deepEqual(findings, []);
      assert.equal(file.version, 1);
      assert.equal(file.team, 'Platform');
      assert.deepEqual(file.period, { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
      const [o] = file.objectives;
      assert.equal(o.kind, 'aspirational');
      assert.equal(o.status, 'active');
      const [kr] = o.keyResults;
      assert.deepEqual([kr.start, kr.target, kr.current, kr.confidence], [12, 3, 7, 0.6]);
      assert.equal(kr.checkIns[0].date, '2026-11-24');
      assert.equal(o.initiatives[0].status, 'in_progress');
    });

    it('records spans of keys, values and nodes as offsets into the text', () => {
      const { file } = parse(GOOD);
      const [o] = file.objectives;
      assert.equal(GOOD.slice(o.spans.keys.title.start, o.spans.keys.title.end), 'title');
      assert.equal(GOOD.slice(o.spans.values.title.start, o.spans.values.title.end), 'Customers can rely on our platform');
      assert.equal(GOOD.slice(o.keyResults[0].spans.values.id.start, o.keyResults[0].spans.values.id.end), 'PLAT-KR1');
      assert.equal(
        GOOD.slice(o.keyResults[0].checkIns[0].spans.values.date.start, o.keyResults[0].checkIns[0].spans.values.date.end),
        '2026-11-24',
      );
      assert.ok(GOOD.slice(o.keyResultsSpan!.start, o.keyResultsSpan!.end).startsWith('- id: PLAT-KR1'));
      assert.equal(GOOD.slice(file.spans.values.period.start, file.spans.values.period.end), '2026-Q4');
    });

    it('reads `period` as a quarter or as start and end dates', () => {
      assert.deepEqual(parse('period: { start: 2026-10-15, end: 2027-01-14 }\nobjectives: []\n').file.period, {
        start: '2026-10-15',
        end: '2027-01-14',
      });
      assert.deepEqual(parse('period: 2024-q1\nobjectives: []\n').file.period, {
        label: '2024-q1',
        start: '2024-01-01',
        end: '2024-03-31',
      });
      assert.equal(parse('period: 2024-Q1\nobjectives: []\n').file.period?.end, '2024-03-31');
    });

    it('reads numbers written as quoted text, and text written as numbers as the user typed it', () => {
      const { file, findings } = parse(
        'objectives:\n  - id: O1\n    title: 2026\n' +
          '    key_results:\n      - { id: KR1, title: x, start: "12", target: 1e2, current: -0.5 }\n',
      );
      assert.deepEqual(findings, []);
      assert.equal(file.objectives[0].title, '2026');
      assert.deepEqual(
        [file.objectives[0].keyResults[0].start, file.objectives[0].keyResults[0].target, file.objectives[0].keyResults[0].current],
        [12, 100, -0.5],
      );
    });

    it('follows aliases within the budget', () => {
      const { file, findings } = parse(
        'objectives:\n  - &o { id: O1, title: Shared }\n' +
          '  - { id: O2, title: Other, owner: &who dana }\n  - { id: O3, title: Third, owner: *who }\n',
      );
      assert.deepEqual(findings, []);
      assert.equal(file.objectives[2].owner, 'dana');
    });
  });

  describe('schema findings', () => {
    it('unknown keys, with "did you mean" for near misses such as `key_result`', () => {
      const text = 'objectives:\n  - id: O1\n    title: A\n    key_result: []\n    colour: red\n';
      const [near, far] = parse(text).findings;
      assert.equal(near.message, 'Unknown key `key_result` in an objective. Did you mean `key_results`?');
      assert.equal(at(text, near), 'key_result');
      assert.deepEqual(near.fixes, [
        { title: 'Rename `key_result` to `key_results`', edits: [{ start: near.span.start, end: near.span.end, newText: 'key_results' }] },
      ]);
      assert.match(far.message, /Unknown key `colour` in an objective\. Expected one of: id, title/);
    });

    it('a misspelled `title`, `id` or `date` is reported once, not also as missing', () => {
      assert.deepEqual(messages('objectives:\n  - { idd: O1, titel: A }\n'), [
        'schema: Unknown key `idd` in an objective. Did you mean `id`?',
        'schema: Unknown key `titel` in an objective. Did you mean `title`?',
      ]);
      assert.deepEqual(
        messages('objectives:\n  - { id: O1, title: A, key_results: [{ id: K, title: B, check_ins: [{ data: 2026-11-01 }] }] }\n'),
        ['schema: Unknown key `data` in a check-in of key result K. Did you mean `date`?'],
      );
    });

    it('missing id and title point at the first key, not at the whole mapping', () => {
      const text = 'objectives:\n  - owner: li\n    description: |\n      long\n      text\n';
      const found = parse(text).findings;
      assert.deepEqual(
        found.map((f) => [f.message, at(text, f)]),
        [
          ['An objective has no `id`.', 'owner'],
          ['An objective has no `title`.', 'owner'],
        ],
      );
    });

    it('wrong types, bad ids, enums with suggestions', () => {
      assert.deepEqual(messages('team: [a]\nobjectives:\n  - { id: 9x, title: { a: 1 }, status: Active }\n'), [
        'schema: `team` in the file must be text, not a list.',
        'schema: The id "9x" is not valid: start with a letter, then letters, digits, ".", "_" or "-".',
        'schema: `title` in objective 9x must be text, not a mapping.',
        'schema: `status` in objective 9x must be one of active, done, dropped, not "Active". Did you mean `active`?',
      ]);
    });

    it('confidence outside 0..1, with a hint for percentages', () => {
      assert.deepEqual(
        messages(
          'objectives:\n  - { id: O1, title: A, key_results: [{ id: K, title: B, confidence: 70 }, ' +
            '{ id: L, title: C, confidence: -0.1 }] }\n',
        ),
        [
          'schema: `confidence` in key result K must be between 0 and 1 (0.7 means 70% sure), not 70; for 70% write 0.7.',
          'schema: `confidence` in key result L must be between 0 and 1 (0.7 means 70% sure), not -0.1.',
        ],
      );
    });

    it('malformed periods and dates', () => {
      assert.match(messages('period: 2026-Q5\nobjectives: []\n')[0], /"2026-Q5" is neither/);
      assert.match(messages('period: Q4\nobjectives: []\n')[0], /"Q4" is neither/);
      assert.match(messages('period: [2026]\nobjectives: []\n')[0], /`period` must be a quarter/);
      assert.match(messages('period: { start: 2026-10-01 }\nobjectives: []\n')[0], /needs both `start` and `end`/);
      assert.match(
        messages('period: { start: 2026-12-01, end: 2026-10-01 }\nobjectives: []\n')[0],
        /ends \(2026-10-01\) before it starts \(2026-12-01\)/,
      );
      assert.match(
        messages('period: { start: 2026-02-30, end: 2026-10-01 }\nobjectives: []\n')[0],
        /`start` in `period` must be a date written YYYY-MM-DD, not "2026-02-30"/,
      );
      assert.match(
        messages('objectives:\n  - { id: O1, title: A, due: 12/01/2026 }\n')[0],
        /`due` in objective O1 must be a date written YYYY-MM-DD, not "12\/01\/2026"/,
      );
    });

    it('non-numeric start, target and current, as written', () => {
      assert.deepEqual(
        messages('objectives:\n  - { id: O1, title: A, key_results: [{ id: K, title: B, start: twelve, target: .inf, current: 70% }] }\n'),
        [
          'schema: `start` in key result K must be a number, not "twelve".',
          'schema: `target` in key result K must be a number, not ".inf".',
          'schema: `current` in key result K must be a number: write 70 and put the percent sign in `unit: "%"`.',
        ],
      );
    });

    it('lists that are not lists, items that are not mappings, version other than 1, no objectives', () => {
      assert.deepEqual(messages('version: 2\nobjectives:\n  - just text\n  - { id: O1, title: A, key_results: { id: K } }\n'), [
        'schema: Unsupported `version` 2: this OKR Lens reads version 1.',
        'schema: Each item here must be an objective (a mapping of fields such as `id:` and `title:`).',
        'schema: `key_results` in objective O1 must be a list (each item starting with "- ").',
      ]);
      const text = 'team: X\n';
      assert.deepEqual(
        parse(text).findings.map((f) => [f.message, at(text, f)]),
        [['The file has no `objectives:` list.', 'team']],
      );
    });

    it('reads the `lint:` block as plain data, keeping odd keys as keys', () => {
      const { file } = parse('lint: { kr-count: { max: 5 }, __proto__: { polluted: 1 }, routine-work: off }\nobjectives: []\n');
      assert.deepEqual(Object.keys(file.lint), ['kr-count', '__proto__', 'routine-work']);
      assert.equal(Object.getPrototypeOf(file.lint), Object.prototype);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.match(messages('lint: [a]\nobjectives: []\n')[0], /`lint` must be a mapping/);
    });
  });

  describe('hostile and odd input', () => {
    it('an empty file, blank lines or only comments: one clear finding', () => {
      for (const text of ['', '\n\n  \n', '# just a comment\n']) {
        assert.deepEqual(messages(text), ['schema: This OKR file is empty: it needs at least `team`, `period` and `objectives`.']);
      }
    });

    it('a scalar document or a list at the top level', () => {
      assert.deepEqual(messages('hello\n'), [
        'schema: An OKR file must be a mapping with `team`, `period` and `objectives` at the top level, not a single value.',
      ]);
      assert.deepEqual(messages('- id: O1\n  title: A\n'), [
        'schema: An OKR file must be a mapping with `team`, `period` and `objectives` at the top level, not a list.',
      ]);
    });

    it('a byte-order mark: offsets stay offsets into the original text', () => {
      const text = `\uFEFF${GOOD.replace('    owner: dana\n', '    ownr: dana\n')}`;
      const { file, findings } = parse(text);
      assert.equal(findings.length, 1);
      assert.equal(at(text, findings[0]), 'ownr');
      assert.equal(
        text.slice(file.objectives[0].spans.values.title.start, file.objectives[0].spans.values.title.end),
        'Customers can rely on our platform',
      );
    });

    it('CRLF line ends: spans and line numbers are right', () => {
      const text = GOOD.replace('period: 2026-Q4', 'period: 2026-Q9').replace('current: 7', 'current: seven').replace(/\n/g, '\r\n');
      const { file, findings } = parse(text);
      const lines = new LineIndex(text);
      assert.deepEqual(
        findings.map((f) => [at(text, f), lines.positionAt(f.span.start).line + 1]),
        [
          ['2026-Q9', 3],
          ['seven', 13],
        ],
      );
      const title = file.objectives[0].keyResults[0].spans.values.title;
      assert.equal(text.slice(title.start, title.end), 'Reduce P1 incidents from twelve to three per quarter');
    });

    it('tabs used for indentation', () => {
      const text = 'team: X\nobjectives:\n\t- id: O1\n';
      const f = parse(text).findings[0];
      assert.equal(f.ruleId, 'syntax');
      assert.match(f.message, /^Tabs cannot indent YAML; use spaces\./);
      assert.equal(at(text, f), '\t');
    });

    it('a second YAML document is reported at its `---`, and only the first is read', () => {
      const text = 'team: A\nobjectives: []\n---\nteam: B\n---\nteam: C\n';
      const { file, findings } = parse(text);
      assert.equal(file.team, 'A');
      assert.equal(findings.length, 1);
      assert.equal(at(text, findings[0]), '---');
      assert.equal(findings[0].span.start, text.indexOf('---'));
      assert.match(findings[0].message, /A second YAML document starts here: an OKR file is one document/);
      // A leading `---` (and a closing `...`) is one document.
      assert.deepEqual(parse('---\nteam: A\nobjectives: []\n...\n').findings, []);
    });

    it('a "billion laughs" alias bomb is cut off quickly with one finding', () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const prev = String.fromCharCode(96 + i);
        levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      const bomb = `${levels.join('\n')}\nlint: { kr-count: *j }\nobjectives: *j\n`;
      const started = process.hrtime.bigint();
      const { findings } = parse(bomb);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 5000, `took ${ms} ms`); // a guard against hanging, not a benchmark
      const budget = findings.filter((f) => f.message.includes('Too many alias expansions'));
      assert.equal(budget.length, 1);
    });

    it('an alias names the latest anchor of its name before it; a self-reference is harmless', () => {
      const { file } = parse(
        'objectives:\n  - { id: O1, title: A, owner: &who dana }\n  - { id: O2, title: B, owner: &who li }\n' +
          '  - { id: O3, title: C, owner: *who }\n',
      );
      assert.equal(file.objectives[2].owner, 'li');
      const loop = parse('objectives:\n  - &o { id: O1, title: A, key_results: [*o], initiatives: [*o] }\n');
      assert.equal(loop.file.objectives.length, 1);
      const many = `x: [${Array.from({ length: 50_000 }, (_, i) => `&a ${i}`).join(', ')}]\nteam: *a\nobjectives: []\n`;
      assert.equal(parse(many).file.team, '49999');
    });

    it('a deep alias chain into the lint block stays bounded', () => {
      const lines = ['x: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', 'objectives: []', 'lint:'];
      for (let i = 1; i < 8; i++)
        lines.push(
          `  r${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      const { findings } = parse(lines.join('\n') + '\n');
      assert.equal(findings.filter((f) => f.message.includes('Too many alias expansions')).length, 1);
    });

    it('a file over 2 MiB is refused with one finding, before parsing', () => {
      const big = `team: X\nobjectives:\n${'  - { id: O1, title: A }\n'.repeat(Math.ceil((MAX_FILE_BYTES + 10) / 25))}`;
      const { file, findings } = parse(big);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].ruleId, 'syntax');
      assert.match(findings[0].message, /^This file is 2\.0 MiB; OKR files over 2 MiB are not read\. Split it by team or period\.$/);
      assert.deepEqual(file.objectives, []);
      // Measured in UTF-8 bytes, not characters: 1.1 M "é" are 2.2 MB.
      assert.equal(parse(`team: "${'é'.repeat(1_100_000)}"\n`).findings.length, 1);
    });

    it('non-string keys: numbers, booleans, null, lists and mappings', () => {
      assert.deepEqual(messages('1: a\ntrue: b\n? [a, b]\n: c\n? { k: v }\n: d\n? \n: e\nobjectives: []\n'), [
        'schema: Unknown key `1` in the file. ' +
          'Expected one of: version, team, period, aligns_with, check_in_every, lint, objectives, closed, retro.',
        'schema: Unknown key `true` in the file. ' +
          'Expected one of: version, team, period, aligns_with, check_in_every, lint, objectives, closed, retro.',
        'schema: A key in the file must be a plain word, not a list.',
        'schema: A key in the file must be a plain word, not a mapping.',
        'schema: Unexpected key in the file: keys are plain words such as `id` or `title`.',
      ]);
    });

    it('merge keys are explained, not half-supported', () => {
      assert.deepEqual(messages('objectives:\n  - <<: { id: O1 }\n    id: O1\n    title: A\n'), [
        'schema: YAML merge keys (`<<`) are not supported in OKR files: write the fields of an objective out.',
      ]);
    });

    it('deeply nested brackets are refused before yaml recurses into them', () => {
      const text = `objectives: ${'['.repeat(100_000)}`;
      const { findings } = parse(text);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /^Brackets nest more than 256 levels deep here/);
      assert.equal(findings[0].span.start, text.indexOf('[') + 256);
    });

    it('deeply nested block junk is read without crashing', () => {
      const text = `objectives:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2 + 2)}- a:`).join('\n')}\n`;
      const { file } = parse(text);
      assert.equal(file.objectives.length, 1);
      const seqs = Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
      assert.ok(parse(`objectives:\n${seqs}\n`).findings.length >= 1);
    });

    it('brackets inside text do not count as nesting', () => {
      assert.equal(flowDepthExceeded(`title: a${'['.repeat(1000)}\n`), -1);
      assert.equal(flowDepthExceeded(`title: "${'['.repeat(1000)}"\n`), -1);
      assert.equal(flowDepthExceeded(`title: '${'{'.repeat(1000)}'\n`), -1);
      assert.equal(flowDepthExceeded(`# ${'['.repeat(1000)}\n`), -1);
      assert.equal(flowDepthExceeded(`a: ${'['.repeat(300)}${']'.repeat(300)}`, 256), 3 + 256);
      assert.equal(flowDepthExceeded(`a: ${'[]'.repeat(1000)}`, 256), -1);
    });

    it('hostile strings: control characters, huge values, prototype names, lone surrogates, markup', () => {
      const long = 'x'.repeat(100_000);
      const text = [
        'team: "\\u0000\\u001b[31m\\uD800 <script>alert(1)</script> ${process.exit()}"',
        'objectives:',
        '  - id: constructor',
        '    title: "__proto__"',
        `  - id: "bad\\nid\\u202e${long}"`,
        '    title: toString',
        `    status: "${long}"`,
        '    hasOwnProperty: 1',
        '',
      ].join('\n');
      const { file, findings } = parse(text);
      assert.equal(file.objectives[0].id, 'constructor');
      assert.equal(file.objectives[0].title, '__proto__');
      for (const f of findings) assert.ok(f.message.length < 400, f.message.slice(0, 100));
      const badId = findings.find((f) => f.message.includes('is not valid'))!;
      assert.match(badId.message, /The id "bad\\nid/);
      assert.match(badId.message, /…"/);
      assert.ok(findings.some((f) => f.message.includes('Unknown key `hasOwnProperty`')));
    });

    it('an explicit timestamp or binary tag, and unknown tags', () => {
      const { file, findings } = parse(
        'team: !!binary aGVsbG8=\nversion: !custom 1\nobjectives:\n  - { id: O1, title: A, due: !!timestamp 2026-12-01 }\n',
      );
      assert.equal(file.objectives[0].due, '2026-12-01');
      assert.deepEqual(
        findings.map((f) => f.ruleId + ': ' + f.message),
        [
          'syntax: OKR files use plain YAML values; this tag is not one OKR Lens knows. (Unresolved tag: !custom)',
          'schema: `team` in the file must be text, not a value of another type.',
        ],
      );
    });

    it('an alias naming no anchor is a syntax error at the alias', () => {
      const text = 'team: *nobody\nobjectives: []\n';
      const [f] = parse(text).findings;
      assert.equal(f.ruleId, 'syntax');
      assert.equal(at(text, f), '*nobody');
    });

    it('one syntax error per line, and at most 50 per file', () => {
      const junk = Array.from({ length: 200 }, (_, i) => `k${i}: [a, b\n`).join('');
      const { findings } = parse(junk);
      const syntax = findings.filter((f) => f.ruleId === 'syntax');
      assert.ok(syntax.length <= 50, `${syntax.length}`);
      const lines = new LineIndex(junk);
      const lineNumbers = syntax.map((f) => lines.positionAt(f.span.start).line);
      assert.equal(new Set(lineNumbers).size, lineNumbers.length);
    });

    it('an unclosed quote reports the quote, not a missing `objectives:` it swallowed', () => {
      assert.deepEqual(messages('team: "abc\nobjectives: []\n'), ['syntax: A closing character is missing here. (Missing closing "quote)']);
    });
  });

  describe('helpers', () => {
    it('quarterPeriod, quarterOf and isValidDate', () => {
      assert.deepEqual(quarterPeriod('2028-Q1'), { label: '2028-Q1', start: '2028-01-01', end: '2028-03-31' });
      assert.equal(quarterPeriod('2026-Q3')?.end, '2026-09-30');
      assert.equal(quarterPeriod('2026-Q0'), undefined);
      assert.deepEqual(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf), [
        '2026-Q1',
        '2026-Q1',
        '2026-Q2',
        '2026-Q4',
      ]);
      assert.ok(isValidDate('2028-02-29'));
      assert.ok(!isValidDate('2026-02-29'));
      assert.ok(!isValidDate('2026-1-01'));
    });

    it('shownValue escapes control characters and shortens', () => {
      assert.equal(shownValue('a\nb\u0000"c"'), 'a\\nb\\u0000"c"');
      assert.equal(shownValue('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
    });
  });
});
