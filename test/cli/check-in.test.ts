// `okr check-in`, `okr check-in --from-sources` and `okr due` on real files in a
// temporary folder and in a real git repository.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TempRepo } from '../helpers/git-repo';
import { okr, tempFolder } from './cli-harness';

const OKR = `# Platform OKRs
version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    key_results:
      - id: PLAT-KR1
        title: Reduce P1 incidents from 12 to 3 per quarter
        start: 12
        target: 3
        current: 4             # as of the last check-in
        unit: incidents
        confidence: 0.5
        check_ins:
          - { date: 2026-11-13, value: 4, confidence: 0.5 }
      - id: PLAT-KR2
        title: Raise line coverage from 60% to 80%
        start: 60
        target: 80
        unit: "%"
        source: { file: metrics/coverage.json, pointer: /total/lines/pct }
      - { id: PLAT-KR3, title: Cut p95 latency from 900 to 300 ms, start: 900, target: 300, source: { file: bench/p95.txt } }
`;

describe('okr check-in', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => {
    ({ dir, remove } = tempFolder());
    writeFileSync(path.join(dir, 'platform.okr.yaml'), OKR);
  });
  afterEach(() => remove());
  const file = () => readFileSync(path.join(dir, 'platform.okr.yaml'), 'utf8');

  it('records the check-in, keeps current: and confidence: in step, says what it did, and changes nothing else', async () => {
    const r = await okr(
      ['check-in', 'PLAT-KR1', '6', '--confidence', '0.7', '--note', 'canary: everywhere # at last', '--date', '2026-11-27'],
      { cwd: dir },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      'okr: checked in PLAT-KR1 on 2026-11-27: 6 incidents (was 4 incidents), confidence 0.7 (was 0.5); current: and confidence: kept ' +
        'in step (platform.okr.yaml:9)\n',
    );
    assert.equal(
      file(),
      OKR.replace('current: 4             # as of', 'current: 6             # as of')
        .replace('confidence: 0.5\n        check_ins', 'confidence: 0.7\n        check_ins')
        .replace(
          'value: 4, confidence: 0.5 }\n',
          'value: 4, confidence: 0.5 }\n          - { date: 2026-11-27, value: 6, confidence: 0.7, note: "canary: everywhere # at ' +
            'last" }\n',
        ),
    );
    const list = await okr(['list', '--format', 'json', '--today', '2026-11-28'], { cwd: dir });
    assert.match(list.stdout, /"id":"PLAT-KR1".*?"current":6,/);
    const lint = await okr(['lint', '--today', '2026-11-28', '--rule', 'current-disagrees=error'], { cwd: dir });
    assert.doesNotMatch(lint.stdout, /current-disagrees/);
  });

  it('takes a negative value as the value, not as an option (a net score below zero)', async () => {
    const r = await okr(['check-in', 'PLAT-KR3', '-12.5', '--note', '-3 since last week', '--date', '2026-11-27'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.match(file(), /check_ins: \[\{ date: 2026-11-27, value: -12\.5, note: "?-3 since last week"? \}\] \}\n/);
    const bad = await okr(['check-in', 'PLAT-KR1', '-x'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'okr: unknown option "-x" (see okr check-in --help)\n');
    const extra = await okr(['hook', 'status', '-5'], { cwd: dir });
    assert.equal(extra.stderr, 'okr: unexpected argument "-5" (see okr hook --help)\n');
  });

  it('in a closed file, says that the recorded score stays as graded until the next close', async () => {
    writeFileSync(
      path.join(dir, 'platform.okr.yaml'),
      OKR.replace('period: 2026-Q4\n', 'period: 2026-Q4\nclosed: 2027-01-04\n').replace(
        '        unit: incidents\n',
        '        unit: incidents\n        score: 0.9\n',
      ),
    );
    const r = await okr(['check-in', 'PLAT-KR1', '5', '--date', '2026-12-31'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^okr: checked in PLAT-KR1 on 2026-12-31/);
    assert.equal(
      r.stderr,
      'okr: note: platform.okr.yaml was closed on 2027-01-04: the score: 0.9 of PLAT-KR1 stays as graded until the period is closed ' +
        'again (okr close platform.okr.yaml)\n',
    );
    // None for a key result with no recorded score.
    assert.equal((await okr(['check-in', 'PLAT-KR3', '5', '--date', '2026-12-31'], { cwd: dir })).stderr, '');
  });

  it('defaults to today, and --dry-run prints a diff and writes nothing', async () => {
    const r = await okr(['check-in', 'plat-kr1', '5', '--dry-run'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(file(), OKR);
    assert.equal(
      r.stdout,
      [
        '--- a/platform.okr.yaml',
        '+++ b/platform.okr.yaml',
        '@@ -10,11 +10,12 @@',
        '         title: Reduce P1 incidents from 12 to 3 per quarter',
        '         start: 12',
        '         target: 3',
        // Only the changed lines are marked: the lines between the two edits are context.
        '-        current: 4             # as of the last check-in',
        '+        current: 5             # as of the last check-in',
        '         unit: incidents',
        '         confidence: 0.5',
        '         check_ins:',
        '           - { date: 2026-11-13, value: 4, confidence: 0.5 }',
        '+          - { date: 2026-11-28, value: 5 }',
        '       - id: PLAT-KR2',
        '         title: Raise line coverage from 60% to 80%',
        '         start: 60',
        '',
      ].join('\n'),
    );
    assert.match(r.stderr, /would check in PLAT-KR1 on 2026-11-28: 5 incidents \(was 4 incidents\).*nothing written/);
  });

  it('refuses with one line and exit 2, writing nothing: unknown ids with the closest, bad values, dates past the period, YAML errors', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['check-in', 'PLAT-KR9', '6'],
        /^okr: PLAT-KR9 is not a key result in the OKR files \(did you mean PLAT-KR1, PLAT-KR2, PLAT-KR3\?\); nothing was changed\n$/,
      ],
      [['check-in', 'PLAT-O1', '6'], /PLAT-O1 is an objective, not a key result/],
      [['check-in', 'PLAT-KR1', 'six'], /^okr: the value must be a number, not "six"\n$/],
      [['check-in', 'PLAT-KR1', '40%'], /write 40 \(the unit is/],
      [['check-in', 'PLAT-KR1', '6', '--confidence', '70'], /for 70% write 0.7/],
      [['check-in', 'PLAT-KR1', '6', '--date', '2026-02-30'], /--date must be a day written YYYY-MM-DD/],
      [['check-in', 'PLAT-KR1', '6', '--date', '2027-02-01'], /past the end of the period \(2026-12-31\)/],
      [['check-in', 'PLAT-KR1'], /what value\?/],
      [['check-in'], /which key result\?/],
    ];
    for (const [args, expected] of cases) {
      const r = await okr(args, { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, expected, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n.+\n/, 'one line');
      assert.equal(file(), OKR);
    }
    writeFileSync(path.join(dir, 'platform.okr.yaml'), `${OKR}  broken: [\n`);
    const r = await okr(['check-in', 'PLAT-KR1', '6'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /platform\.okr\.yaml:\d+:\d+: the file has a YAML error, so nothing was changed/);
  });

  it('keeps the mode of the file and writes through a link', async () => {
    chmodSync(path.join(dir, 'platform.okr.yaml'), 0o600);
    mkdirSync(path.join(dir, 'team'));
    symlinkSync(path.join(dir, 'platform.okr.yaml'), path.join(dir, 'team', 'linked.okr.yaml'));
    const r = await okr(['check-in', 'PLAT-KR1', '6', 'team'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(path.join(dir, 'platform.okr.yaml')).mode & 0o777, 0o600);
    assert.match(file(), /value: 6 \}/);
  });

  describe('--from-sources', () => {
    it('says where a file with YAML errors stops when its key results could not be read', async () => {
      writeFileSync(
        path.join(dir, 'platform.okr.yaml'),
        OKR.replace('title: Customers can rely on our platform', 'title: "Customers can rely'),
      );
      const r = await okr(['check-in', '--from-sources', '--date', '2026-11-27'], { cwd: dir });
      assert.match(
        r.stderr,
        /^okr: note: platform\.okr\.yaml:\d+:\d+: .*; read only as far as it could be \(okr lint shows every problem\)\n/,
      );
    });

    it('reads each source, records changed values, reports the others per key result with file:line, exit 1; twice changes nothing', async () => {
      mkdirSync(path.join(dir, 'metrics'));
      writeFileSync(path.join(dir, 'metrics', 'coverage.json'), JSON.stringify({ total: { lines: { pct: 71.5 } } }));
      const first = await okr(['check-in', '--from-sources', '--date', '2026-11-27'], { cwd: dir });
      assert.equal(first.code, 1);
      assert.match(
        first.stdout,
        /^okr: checked in PLAT-KR2: 71.5 % \(was none\) from metrics\/coverage.json \/total\/lines\/pct on 2026-11-27 \(platform.okr.yaml\)\n$/,
      );
      assert.match(
        first.stderr,
        // Line 24 before PLAT-KR2's check-in was written above it, 26 in the file now.
        /^platform\.okr\.yaml:26:101: PLAT-KR3: bench\/p95\.txt does not exist \(has the step that writes it run\?\); no check-in recorded\n/,
      );
      assert.match(first.stderr, /okr: 2 sources: 1 recorded, 0 unchanged, 1 not read\n$/);
      assert.match(
        file(),
        /source: \{ file: metrics\/coverage.json, pointer: \/total\/lines\/pct \}\n {8}check_ins:\n {10}- \{ date: 2026-11-27, value: 71.5 \}\n/,
      );

      mkdirSync(path.join(dir, 'bench'));
      writeFileSync(path.join(dir, 'bench', 'p95.txt'), '640\n');
      const second = await okr(['check-in', '--from-sources', '--date', '2026-11-28'], { cwd: dir });
      assert.equal(second.code, 0, second.stderr);
      assert.match(file(), /source: \{ file: bench\/p95.txt \}, check_ins: \[\{ date: 2026-11-28, value: 640 \}\] \}/);
      const before = file();
      const third = await okr(['check-in', '--from-sources', '--date', '2026-11-29'], { cwd: dir });
      assert.equal(third.code, 0);
      assert.equal(file(), before, 'running it again changes nothing');
      assert.match(third.stderr, /2 sources: 0 recorded, 2 unchanged/);
    });

    it('a pointer to nothing, a value that is not a number, JSON that does not parse, a file outside the folder', async () => {
      mkdirSync(path.join(dir, 'metrics'));
      mkdirSync(path.join(dir, 'bench'));
      const cases: [string, string, RegExp][] = [
        [
          'metrics/coverage.json',
          JSON.stringify({ total: { lines: {} } }),
          /metrics\/coverage\.json has nothing at \/total\/lines\/pct; no check-in recorded/,
        ],
        [
          'metrics/coverage.json',
          JSON.stringify({ total: { lines: { pct: 'n/a' } } }),
          /metrics\/coverage\.json at \/total\/lines\/pct is the text "n\/a", not a number/,
        ],
        ['metrics/coverage.json', '{ not json', /metrics\/coverage\.json is not valid JSON/],
      ];
      writeFileSync(path.join(dir, 'bench', 'p95.txt'), '640');
      for (const [name, content, expected] of cases) {
        writeFileSync(path.join(dir, name), content);
        const r = await okr(['check-in', '--from-sources', '--dry-run'], { cwd: dir });
        assert.equal(r.code, 1);
        assert.match(r.stderr, new RegExp(`platform\\.okr\\.yaml:23:17: PLAT-KR2: ${expected.source}`));
        assert.equal(file(), OKR);
      }
      const outside = tempFolder();
      writeFileSync(path.join(outside.dir, 'secret.txt'), '42');
      writeFileSync(path.join(dir, 'platform.okr.yaml'), OKR.replace('bench/p95.txt', '../' + path.basename(outside.dir) + '/secret.txt'));
      const r = await okr(['check-in', '--from-sources', 'platform.okr.yaml'], { cwd: dir });
      assert.match(r.stderr, /PLAT-KR3: \.\.\/.*secret\.txt is outside the repository/);
      outside.remove();
    });
  });
});

describe('okr due', () => {
  it('lists the key results due, the latest first, with how late; JSON too', async () => {
    const { dir, remove } = tempFolder();
    try {
      writeFileSync(path.join(dir, 'platform.okr.yaml'), OKR.replace('period: 2026-Q4\n', 'period: 2026-Q4\ncheck_in_every: weekly\n'));
      const r = await okr(['due', '--today', '2026-11-20'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.deepEqual(r.lines, [
        'platform.okr.yaml:19  PLAT-KR2  "Raise line coverage from 60% to 80%"  43 days late (no check-in this period; weekly)',
        'platform.okr.yaml:25  PLAT-KR3  "Cut p95 latency from 900 to 300 ms"  43 days late (no check-in this period; weekly)',
        'platform.okr.yaml:10  PLAT-KR1  "Reduce P1 incidents from 12 to 3 per quarter"  due today (last check-in 2026-11-13; weekly)',
        '3 key results due for a check-in on 2026-11-20: okr check-in <kr-id> <value>',
      ]);
      const json = JSON.parse((await okr(['due', '--today', '2026-11-19', '--format', 'json'], { cwd: dir })).stdout);
      assert.deepEqual(
        json.due.map((d: { id: string; daysLate: number }) => [d.id, d.daysLate]),
        [
          ['PLAT-KR2', 42],
          ['PLAT-KR3', 42],
        ],
      );
      assert.equal((await okr(['due', '--today', '2027-01-02'], { cwd: dir })).stdout, 'Nothing is due for a check-in on 2027-01-02.\n');
      assert.equal((await okr(['due', '--format', 'xml'], { cwd: dir })).code, 2);
      // -f as for okr list, lint and report.
      assert.equal((await okr(['due', '-f', 'json', '--today', '2026-11-19'], { cwd: dir })).stdout, JSON.stringify(json, null, 2) + '\n');
    } finally {
      remove();
    }
  });

  it('says where a file with YAML errors stops, instead of leaving its key results out unseen', async () => {
    const { dir, remove } = tempFolder();
    try {
      // An unclosed quote: the objective's key results are not read.
      writeFileSync(
        path.join(dir, 'platform.okr.yaml'),
        OKR.replace('title: Customers can rely on our platform', 'title: "Customers can rely'),
      );
      for (const format of ['text', 'json']) {
        const r = await okr(['due', '--today', '2026-11-20', '--format', format], { cwd: dir });
        assert.equal(r.code, 0);
        assert.match(
          r.stderr,
          /^okr: note: platform\.okr\.yaml:\d+:\d+: .*; read only as far as it could be \(okr lint shows every problem\)\n$/,
        );
      }
      // A report shows the same note beside what it could read.
      const report = await okr(['report', '--no-git', '--today', '2026-11-20'], { cwd: dir });
      assert.equal(report.code, 0);
      assert.match(report.stderr, /^okr: note: platform\.okr\.yaml:\d+:\d+: .*; read only as far as it could be/);
    } finally {
      remove();
    }
  });
});

describe('okr check-in in a git repository', () => {
  it("finds the key result in the repository's OKR files from a subfolder, and from-sources stays inside the repository", async () => {
    const repo = TempRepo.create();
    try {
      repo.write('okrs/platform.okr.yaml', OKR);
      repo.write('okrs/metrics/coverage.json', '{"total":{"lines":{"pct":64}}}');
      repo.write('okrs/bench/p95.txt', '700');
      repo.write('src/app.ts', 'export {};\n');
      repo.git(['add', '-A']);
      repo.commit('OKRs');
      const cwd = path.join(repo.dir, 'src');
      const one = await okr(['check-in', 'PLAT-KR1', '5', '--date', '2026-11-27'], { cwd, env: repo.env });
      assert.equal(one.code, 0, one.stderr);
      assert.match(one.stdout, /\(\.\.\/okrs\/platform\.okr\.yaml:9\)/);
      const all = await okr(['check-in', '--from-sources', '--date', '2026-11-27'], { cwd, env: repo.env });
      assert.equal(all.code, 0, all.stderr);
      const diff = repo.out(['diff', '--stat']);
      assert.match(diff, /okrs\/platform\.okr\.yaml \| +\d+ /);
      assert.match(repo.out(['diff']), /\+ {10}- \{ date: 2026-11-27, value: 64 \}/);
      // A link out of the repository is outside it, even though the path looks inside.
      const outside = tempFolder();
      writeFileSync(path.join(outside.dir, 'secret.txt'), '1');
      symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(repo.dir, 'okrs', 'bench', 'link.txt'));
      writeFileSync(path.join(repo.dir, 'okrs', 'platform.okr.yaml'), OKR.replace('bench/p95.txt', 'bench/link.txt'));
      const trap = await okr(['check-in', '--from-sources'], { cwd, env: repo.env });
      assert.equal(trap.code, 1);
      assert.match(trap.stderr, /PLAT-KR3: bench\/link\.txt is outside the repository/);
      outside.remove();
    } finally {
      repo.remove();
    }
  });

  it('in a bare repository (no working tree) says there is no OKR file here, not that nothing is due', async () => {
    const repo = TempRepo.create();
    const bare = tempFolder();
    try {
      repo.write('platform.okr.yaml', OKR);
      repo.git(['add', '-A']);
      repo.commit('OKRs');
      repo.git(['clone', '-q', '--bare', repo.dir, bare.dir]);
      const empty = 'okr: no OKR files in . (looked for .okr.yaml, *.okr.yaml, *.okr.yml; node_modules and .git are skipped)\n';
      for (const args of [
        ['due', '--today', '2026-11-20'],
        ['check-in', 'PLAT-KR1', '5'],
        ['check-in', '--from-sources'],
      ]) {
        const r = await okr(args, { cwd: bare.dir, env: repo.env });
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, empty);
      }
    } finally {
      bare.remove();
      repo.remove();
    }
  });
});
