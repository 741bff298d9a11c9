import * as assert from 'node:assert/strict';
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, mixedWorkspace, okr, tempFolder } from './cli-harness';

const TODAY = ['--today', '2026-11-28'];

const CLEAN_TEXT = [
  `${path.join('clean', 'payments.okr.yaml')}: Payments, 2026-Q4 (2026-10-01 to 2026-12-31)`,
  '  PAY-O1      65%  on track  Merchants get paid faster and more predictably  (owner amira)',
  '    PAY-KR1   67%  on track  Cut median payout delay from 72 to 24 hours  40 hours (from 72, target 24), confidence 0.7, owner amira',
  '    PAY-KR2   63%  on track  Raise payouts settled on the first attempt from 91% to 99%  96% (from 91%, target 99%), confidence 0.8, ' +
    'owner jon',
  '  PAY-O2      57%  on track  Checkout feels instant to shoppers on mobile  (owner li)',
  '    PAY-KR3   58%  on track  Reduce p95 checkout latency on mobile from 1800 to 600 milliseconds  1100 ms (from 1800, target 600), ' +
    'confidence 0.7, owner li',
  '    PAY-KR4   56%  on track  Grow mobile checkout conversion from 2.1% to 3.0%  2.6% (from 2.1%, target 3%), confidence 0.7, owner li',
];

const BROKEN_TEXT = [
  `${path.join('mixed', 'broken.okr.yaml')}: Data, 2026-Q4 (2026-10-01 to 2026-12-31)`,
  '  note: listed as far as it could be read. Line 20: A closing character is missing here. (Missing closing "quote)',
  '  DAT-O1      63%  at risk  Analysts trust the numbers in the warehouse',
  '    DAT-KR1   63%  at risk  Cut failed nightly loads from 9 to 1 a month  4 (from 9, target 1), confidence 0.5',
  '  DAT-O2        -  no data  Dashboards load before the coffee is poured owner: kim',
];

describe('okr list', () => {
  describe('text output', () => {
    it('lists each file with team and period, objectives and key results with progress, health and details', async () => {
      const r = await okr(['list', 'clean', path.join('mixed', 'broken.okr.yaml'), ...TODAY]);
      assert.deepEqual(r.lines, [...CLEAN_TEXT, '', ...BROKEN_TEXT, '', '2 files, 4 objectives, 5 key results; health as of 2026-11-28']);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
    });

    it('judges health by --today: before the period, nothing has started', async () => {
      const r = await okr(['list', 'clean', '--today', '2026-09-30']);
      assert.equal(r.lines[1], '  PAY-O1      65%  not started  Merchants get paid faster and more predictably  (owner amira)');
      assert.match(r.lines.at(-1)!, /health as of 2026-09-30$/);
    });

    it('defaults --today to the local date of the clock', async () => {
      const r = await okr(['list', 'clean'], { now: () => new Date(2026, 11, 31, 0, 5) });
      assert.match(r.lines.at(-1)!, /health as of 2026-12-31$/);
    });

    it('marks committed objectives, shows dropped ones, and files without objectives', async () => {
      const tmp = tempFolder();
      try {
        writeFileSync(
          path.join(tmp.dir, 'a.okr.yaml'),
          [
            'version: 1',
            'team: Search',
            'period: { start: 2026-10-01, end: 2026-11-30 }',
            'objectives:',
            '  - id: S-O1',
            '    title: Search results are trusted',
            '    kind: committed',
            '    key_results:',
            '      - { id: S-KR1, title: Cut zero-result searches from 8% to 2%, start: 8, target: 2, unit: "%", check_ins: [{ date: ' +
              '2026-11-20, value: 5, confidence: 0.3 }] }',
            '  - id: S-O2',
            '    title: Typeahead everywhere',
            '    status: dropped',
            '    reason: folded into S-O1',
            '',
          ].join('\n'),
        );
        writeFileSync(path.join(tmp.dir, 'b.okr.yaml'), 'version: 1\nteam: Empty\nobjectives: []\n');
        const r = await okr(['list', ...TODAY], { cwd: tmp.dir });
        assert.deepEqual(r.lines, [
          'a.okr.yaml: Search, 2026-10-01 to 2026-11-30',
          '  S-O1      50%  off track  Search results are trusted  (committed)',
          '    S-KR1   50%  off track  Cut zero-result searches from 8% to 2%  5% (from 8%, target 2%), confidence 0.3',
          '  S-O2        -  dropped    Typeahead everywhere',
          '',
          'b.okr.yaml: Empty, no period',
          '  (no objectives)',
          '',
          '2 files, 2 objectives, 1 key result; health as of 2026-11-28',
        ]);
      } finally {
        tmp.remove();
      }
    });

    it('says the amount as "7 incidents (from 12, target 3)", and gives a key result with nothing measured no health', async () => {
      const tmp = tempFolder();
      try {
        writeFileSync(
          path.join(tmp.dir, 'a.okr.yaml'),
          [
            'version: 1',
            'team: Ops',
            'period: 2026-Q4',
            'objectives:',
            '  - id: O-1',
            '    title: Customers can rely on us',
            '    key_results:',
            '      - { id: KR-1, title: Reduce P1 incidents from 12 to 3, start: 12, target: 3, current: 7, unit: incidents, ' +
              'confidence: 0.7 }',
            '      - { id: KR-2, title: Keep every release under 3 rollbacks, target: 3, current: 1, unit: rollbacks }',
            // No current and no check-in with a value: a low confidence guessed at planning is not a measurement.
            '      - { id: KR-3, title: Cut pages per week from 40 to 10, start: 40, target: 10, unit: pages, confidence: 0.1, ' +
              'check_ins: [{ date: 2026-11-27, confidence: 0.1 }] }',
            '',
          ].join('\n'),
        );
        const r = await okr(['list', ...TODAY], { cwd: tmp.dir });
        assert.deepEqual(r.lines.slice(2, 5), [
          '    KR-1   56%  on track   Reduce P1 incidents from 12 to 3  7 incidents (from 12, target 3), confidence 0.7',
          '    KR-2   33%  off track  Keep every release under 3 rollbacks  1 rollbacks (target 3)',
          '    KR-3     -  no data    Cut pages per week from 40 to 10  no value yet (from 40, target 10 pages), confidence 0.1',
        ]);
        const json = await okr(['list', '--format', 'json', ...TODAY], { cwd: tmp.dir });
        assert.equal(JSON.parse(json.stdout).files[0].objectives[0].keyResults[2].health, 'unknown');
      } finally {
        tmp.remove();
      }
    });

    it('lists a file over 2 MiB with a note instead of reading it', async () => {
      const tmp = tempFolder();
      try {
        const big = path.join(tmp.dir, 'huge.okr.yaml');
        const fd = openSync(big, 'w');
        ftruncateSync(fd, 3 * 1024 * 1024);
        closeSync(fd);
        const r = await okr(['list', ...TODAY], { cwd: tmp.dir });
        assert.equal(r.code, 0);
        assert.deepEqual(r.lines.slice(0, 3), [
          'huge.okr.yaml: no team, no period',
          '  note: listed as far as it could be read. Line 1: This file is 3.0 MiB; OKR files over 2 MiB are not read. Split it by team ' +
            'or period.',
          '  (no objectives)',
        ]);
      } finally {
        tmp.remove();
      }
    });

    it('colours health only on a terminal', async () => {
      const plain = await okr(['list', 'clean', ...TODAY]);
      const tty = await okr(['list', 'clean', ...TODAY], { isTTY: true });
      assert.ok(!plain.stdout.includes('\u001b['));
      assert.ok(tty.stdout.includes('\u001b[32mon track\u001b[39m'));
      assert.equal(tty.stdout.replace(/\u001b\[\d+m/g, ''), plain.stdout);
      assert.equal((await okr(['list', 'clean', ...TODAY], { isTTY: true, env: { NO_COLOR: '1' } })).stdout, plain.stdout);
    });

    it('skips node_modules and .git', async () => {
      const ws = mixedWorkspace();
      try {
        const r = await okr(['list', ...TODAY], { cwd: ws.dir });
        assert.deepEqual(
          r.lines.filter((l) => /^\S+\.okr\.yaml:/.test(l)).map((l) => l.split(':')[0]),
          ['api.okr.yaml', 'billing.okr.yaml', 'broken.okr.yaml'],
        );
      } finally {
        ws.remove();
      }
    });
  });

  describe('json output', () => {
    it('has the documented shape, with null for absent values', async () => {
      const r = await okr(['list', '--format', 'json', path.join('mixed', 'broken.okr.yaml'), ...TODAY]);
      assert.equal(r.code, 0);
      const out = JSON.parse(r.stdout);
      const expected = 59 / 92; // 59 of the quarter's 92 days gone by on 2026-11-28, today included
      assert.deepEqual(out, {
        today: '2026-11-28',
        files: [
          {
            filePath: path.join(FIXTURES, 'mixed', 'broken.okr.yaml'),
            team: 'Data',
            period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
            alignsWith: null,
            syntaxErrors: [{ message: 'A closing character is missing here. (Missing closing "quote)', line: 20, column: 1 }],
            objectives: [
              {
                id: 'DAT-O1',
                title: 'Analysts trust the numbers in the warehouse',
                owner: null,
                kind: 'aspirational',
                status: 'active',
                parent: null,
                due: null,
                line: 8,
                progress: 0.625,
                expected,
                health: 'at-risk',
                dependsOn: [],
                neededBy: [],
                score: null,
                verdict: null,
                keyResults: [
                  {
                    id: 'DAT-KR1',
                    title: 'Cut failed nightly loads from 9 to 1 a month',
                    owner: null,
                    status: 'active',
                    line: 11,
                    start: 9,
                    target: 1,
                    current: 4,
                    unit: null,
                    confidence: 0.5,
                    progress: 0.625,
                    expected,
                    health: 'at-risk',
                    dependsOn: [],
                    neededBy: [],
                    score: null,
                  },
                ],
                initiatives: [],
              },
              {
                id: 'DAT-O2',
                title: 'Dashboards load before the coffee is poured owner: kim',
                owner: null,
                kind: 'aspirational',
                status: 'active',
                parent: null,
                due: null,
                line: 17,
                progress: null,
                expected,
                health: 'unknown',
                dependsOn: [],
                neededBy: [],
                score: null,
                verdict: null,
                keyResults: [],
                initiatives: [],
              },
            ],
          },
        ],
      });
    });

    it('takes current from the latest check-in, and lists initiatives', async () => {
      const tmp = tempFolder();
      try {
        writeFileSync(
          path.join(tmp.dir, 'x.okr.yaml'),
          [
            'version: 1',
            'team: X',
            'period: 2026-Q4',
            'aligns_with: ../company.okr.yaml',
            'objectives:',
            '  - id: X-O1',
            '    title: Builds are fast',
            '    parent: CO-1',
            '    owner: ana',
            '    key_results:',
            '      - id: X-KR1',
            '        title: Cut build time from 20 to 5 minutes',
            '        start: 20',
            '        target: 5',
            '        unit: minutes',
            '        check_ins:',
            '          - { date: 2026-11-20, value: 14, confidence: 0.9 }',
            '          - { date: 2026-10-20, value: 17, confidence: 0.5 }',
            '    initiatives:',
            '      - { id: X-I1, title: Remote build cache, owner: bo, status: in_progress }',
            '',
          ].join('\n'),
        );
        const out = JSON.parse((await okr(['list', '-f', 'json', ...TODAY], { cwd: tmp.dir })).stdout);
        const [o] = out.files[0].objectives;
        assert.equal(out.files[0].alignsWith, '../company.okr.yaml');
        assert.equal(o.parent, 'CO-1');
        assert.equal(o.owner, 'ana');
        assert.deepEqual(
          [o.keyResults[0].current, o.keyResults[0].confidence, o.keyResults[0].progress, o.keyResults[0].unit],
          [14, 0.9, 0.4, 'minutes'],
        );
        assert.deepEqual(o.initiatives, [{ id: 'X-I1', title: 'Remote build cache', owner: 'bo', status: 'in_progress', line: 20 }]);
      } finally {
        tmp.remove();
      }
    });
  });

  describe('exit codes', () => {
    const usage: [string, string[], string][] = [
      ['sarif, which only lint writes', ['list', '--format', 'sarif'], 'okr: --format must be one of text, json, not "sarif"\n'],
      ['an unknown option', ['list', '--max-warnings', '3'], 'okr: unknown option "--max-warnings" (see okr list --help)\n'],
      ['a bad date', ['list', '--today', 'yesterday'], 'okr: --today must be a date written YYYY-MM-DD, not "yesterday"\n'],
      ['a path that does not exist', ['list', 'nowhere.okr.yaml'], 'okr: nowhere.okr.yaml: no such file or folder\n'],
    ];
    for (const [what, argv, stderr] of usage) {
      it(`2 on ${what}, with one line on stderr`, async () => {
        const r = await okr(argv);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, stderr);
      });
    }

    it('0 even when files have errors: listing is not linting', async () => {
      assert.equal((await okr(['list', 'mixed', ...TODAY])).code, 0);
    });
  });
});
