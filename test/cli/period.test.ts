// okr close and okr next-period, end to end on files in a temporary folder.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { okr, tempFolder } from './cli-harness';

const PLATFORM = [
  'version: 1',
  'team: Platform   # the platform team',
  'period: 2026-Q4',
  'aligns_with: company.okr.yaml',
  'objectives:',
  '  # Reliability first',
  '  - id: PLAT-O1',
  '    title: Customers can rely on our platform',
  '    parent: CO-O1',
  '    key_results:',
  '      - id: PLAT-KR1',
  '        title: Reduce P1 incidents from 12 to 3 per quarter',
  "        start: 12      # last quarter's count",
  '        target: 3',
  '        current: 6',
  '        check_ins:',
  '          - { date: 2026-12-15, value: 6 }',
  '      - { id: PLAT-KR2, title: Raise uptime of core services from 99.5% to 99.95%, start: 99.5, target: 99.95, current: 99.95, ' +
    'unit: "%" }',
  '      - id: PLAT-KR3',
  '        title: Cut the deploy time from 40 to 10 minutes',
  '        start: 40',
  '        target: 10',
  '        current: 25',
  '        unit: minutes',
  '      - { id: PLAT-KR9, title: Raise docs coverage from 10 to 50 pages, start: 10, target: 50, current: 12, status: dropped, reason: ' +
    'team moved }',
  '',
].join('\n');

const COMPANY = `version: 1
team: Company
period: 2026-Q4
objectives:
  - id: CO-O1
    title: Customers trust us with their critical workloads
    key_results:
      - { id: CO-KR1, title: Raise enterprise renewals from 80% to 92%, start: 80, target: 92, current: 90, unit: "%" }
      - { id: CO-KR2, title: Cut churned accounts from 40 to 20 per quarter, start: 40, target: 20, current: 25 }
`;

function workspace(platform = PLATFORM) {
  const tmp = tempFolder();
  mkdirSync(path.join(tmp.dir, 'okrs'));
  writeFileSync(path.join(tmp.dir, 'okrs', 'platform.okr.yaml'), platform);
  writeFileSync(path.join(tmp.dir, 'okrs', 'company.okr.yaml'), COMPANY);
  const read = (p: string) => readFileSync(path.join(tmp.dir, p), 'utf8');
  return { ...tmp, read };
}

describe('okr close', () => {
  it('records each score, closed: and the retro as line edits, keeping everything else', async () => {
    const ws = workspace();
    try {
      const r = await okr(
        [
          'close',
          'okrs/platform.okr.yaml',
          '--today',
          '2027-01-04',
          '--went-well',
          'Canary deploys: everywhere',
          '--try-next',
          'Fewer KRs',
          '--try-next',
          'Weekly check-ins',
        ],
        { cwd: ws.dir },
      );
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.deepEqual(r.lines.slice(0, 6), [
        'Closed okrs/platform.okr.yaml (Platform, 2026-Q4) on 2027-01-04:',
        '  PLAT-O1  0.7  on target  Customers can rely on our platform',
        '    PLAT-KR1  0.7  Reduce P1 incidents from 12 to 3 per quarter',
        '    PLAT-KR2  1.0  Raise uptime of core services from 99.5% to 99.95%',
        '    PLAT-KR3  0.5  Cut the deploy time from 40 to 10 minutes',
        '    PLAT-KR9  dropped  Raise docs coverage from 10 to 50 pages',
      ]);
      const after = ws.read('okrs/platform.okr.yaml');
      // Only insertions: every original line is still there, in order.
      const added = after.split('\n').filter((l) => !PLATFORM.split('\n').includes(l));
      assert.deepEqual(added, [
        'closed: 2027-01-04',
        'retro: { went_well: "Canary deploys: everywhere", try_next: ["Fewer KRs", "Weekly check-ins"] }',
        '        score: 0.67',
        '      - { id: PLAT-KR2, title: Raise uptime of core services from 99.5% to 99.95%, start: 99.5, target: 99.95, current: 99.95, ' +
          'unit: "%", score: 1 }',
        '        score: 0.5',
      ]);
      assert.equal(after.replace(/\n(closed|retro| {8}score): [^\n]*/g, '').replace(', score: 1 }', ' }'), PLATFORM);
      // A closed file lints clean: no stale check-ins, even weeks later.
      const lint = await okr(['lint', '--today', '2027-02-20', '--max-warnings', '0'], { cwd: ws.dir });
      assert.equal(lint.code, 0, lint.stdout);
      // Closing again grades again and replaces, never duplicates.
      await okr(['close', 'okrs/platform.okr.yaml', '--today', '2027-01-05'], { cwd: ws.dir });
      const again = ws.read('okrs/platform.okr.yaml');
      assert.equal((again.match(/score:/g) ?? []).length, 3);
      assert.match(again, /closed: 2027-01-05\n/);
      assert.match(again, /went_well: "Canary deploys: everywhere"/);
    } finally {
      ws.remove();
    }
  });

  it('closing again with one part of the retro keeps the parts an earlier close wrote', async () => {
    const ws = workspace();
    try {
      const file = 'okrs/platform.okr.yaml';
      await okr(['close', file, '--today', '2027-01-04', '--went-well', 'Canary deploys', '--try-next', 'Fewer KRs'], { cwd: ws.dir });
      const first = ws.read(file);
      assert.match(first, /^retro: \{ went_well: "Canary deploys", try_next: "Fewer KRs" \}$/m);
      const r = await okr(['close', file, '--today', '2027-01-05', '--went-badly', 'Late check-ins'], { cwd: ws.dir });
      assert.equal(r.code, 0, r.stderr);
      const again = ws.read(file);
      assert.match(again, /^retro: \{ went_well: "Canary deploys", try_next: "Fewer KRs", went_badly: "Late check-ins" \}$/m);
      // A part given again replaces that part only.
      await okr(['close', file, '--today', '2027-01-05', '--try-next', 'Weekly check-ins'], { cwd: ws.dir });
      assert.equal(ws.read(file), again.replace('"Fewer KRs"', '"Weekly check-ins"'));
    } finally {
      ws.remove();
    }
  });

  it('closing again keeps the quoting of closed:, and blank retro texts write and claim no retro', async () => {
    const ws = workspace(PLATFORM.replace('period: 2026-Q4\n', "period: 2026-Q4\nclosed: '2027-01-02'   # by hand\n"));
    try {
      const r = await okr(['close', 'okrs/platform.okr.yaml', '--today', '2027-01-05', '--went-well', '  ', '--try-next', ''], {
        cwd: ws.dir,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Wrote score: on 3 key result\(s\), closed: 2027-01-05 \(\+2 lines\)\.$/m);
      const after = ws.read('okrs/platform.okr.yaml');
      assert.match(after, /^closed: '2027-01-05' {3}# by hand$/m);
      assert.doesNotMatch(after, /retro/);
    } finally {
      ws.remove();
    }
  });

  it('--dry-run writes nothing; CRLF and a byte-order mark survive a real close', async () => {
    const crlf = '\uFEFF' + PLATFORM.replace(/\n/g, '\r\n');
    const ws = workspace(crlf);
    try {
      const dry = await okr(['close', 'okrs/platform.okr.yaml', '--today', '2027-01-04', '--dry-run'], { cwd: ws.dir });
      assert.equal(dry.code, 0);
      assert.match(dry.stdout, /^Would close /);
      assert.match(dry.stdout, /Dry run: nothing was written\./);
      assert.equal(readFileSync(path.join(ws.dir, 'okrs', 'platform.okr.yaml'), 'utf8'), crlf);
      await okr(['close', 'okrs/platform.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      const after = readFileSync(path.join(ws.dir, 'okrs', 'platform.okr.yaml'), 'utf8');
      assert.ok(after.startsWith('\uFEFFversion: 1\r\n'));
      assert.equal(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      assert.match(after, /\r\nclosed: 2027-01-04\r\n/);
    } finally {
      ws.remove();
    }
  });

  it('refuses clearly: too early, YAML errors, two candidate files, a missing file', async () => {
    const ws = workspace();
    try {
      const early = await okr(['close', 'okrs/platform.okr.yaml', '--today', '2026-11-20'], { cwd: ws.dir });
      assert.equal(early.code, 1);
      assert.equal(
        early.stderr,
        'okr: cannot close okrs/platform.okr.yaml: the period runs until 2026-12-31; it can be closed from 14 days before its end (or ' +
          'pass --today)\n',
      );
      const which = await okr(['close', '--today', '2027-01-04'], { cwd: ws.dir });
      assert.equal(which.code, 2);
      assert.match(
        which.stderr,
        /2 OKR files here: name the one to close \(okr close <file>\): okrs\/company\.okr\.yaml, okrs\/platform\.okr\.yaml/,
      );
      const missing = await okr(['close', 'nope.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'okr: nope.okr.yaml: no such file or folder\n');
      writeFileSync(path.join(ws.dir, 'okrs', 'broken.okr.yaml'), 'team: "unclosed\nobjectives: []\n');
      const broken = await okr(['close', 'okrs/broken.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /^okr: okrs\/broken\.okr\.yaml has YAML errors; fix them first/);
      assert.equal(ws.read('okrs/broken.okr.yaml'), 'team: "unclosed\nobjectives: []\n');
    } finally {
      ws.remove();
    }
  });
});

describe('okr next-period', () => {
  it('keeps the closed period in its folder, writes the next one in its place, carries unfinished key results with new ids', async () => {
    const ws = workspace();
    try {
      await okr(['close', 'okrs/platform.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      const closed = ws.read('okrs/platform.okr.yaml');
      // An id of another team's file is taken: the new ids avoid it.
      writeFileSync(
        path.join(ws.dir, 'okrs', 'other.okr.yaml'),
        COMPANY.replace(/CO-/g, 'X-').replace('team: Company', 'team: Other').replace('X-KR2', 'PLAT-KR7'),
      );
      const r = await okr(['next-period', 'okrs/platform.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.deepEqual(r.lines, [
        'Kept the closed period at okrs/2026-Q4/platform.okr.yaml',
        'Wrote 2027-Q1 to okrs/platform.okr.yaml',
        // PLAT-KR9 (dropped here) and PLAT-KR7 (another file) are taken: numbering goes on after the highest.
        '  PLAT-KR1 -> PLAT-KR10 (in PLAT-O2): start 6, target 3',
        '  PLAT-KR3 -> PLAT-KR11 (in PLAT-O2): start 25, target 10',
      ]);
      // Nothing of the old one is lost: byte for byte, but aligns_with re-pointed to the same file.
      assert.equal(
        ws.read('okrs/2026-Q4/platform.okr.yaml'),
        closed.replace('aligns_with: company.okr.yaml', 'aligns_with: "../company.okr.yaml"'),
      );
      const next = ws.read('okrs/platform.okr.yaml');
      assert.match(next, /^period: 2027-Q1$/m);
      assert.match(next, /^aligns_with: company\.okr\.yaml$/m);
      assert.match(
        next,
        / {6}- id: PLAT-KR10\n {8}title: Reduce P1 incidents from 12 to 3 per quarter\n {8}start: 6\n {8}target: 3\n {8}carried_from: PLAT-KR1@2026-Q4\n/,
      );
      assert.doesNotMatch(next, /PLAT-KR2|PLAT-KR9\b/); // met and dropped ones stay behind
      // The whole workspace lints clean: ids unique, the new file without findings.
      const lint = await okr(['lint', '--today', '2027-01-04', '--max-warnings', '0', '--format', 'json'], { cwd: ws.dir });
      const messages = JSON.parse(lint.stdout).flatMap((f: { filePath: string; messages: { ruleId: string; message: string }[] }) =>
        f.messages.map((m) => `${path.basename(f.filePath)}: ${m.ruleId}: ${m.message}`),
      );
      assert.deepEqual(messages, []);
      // The next rollover finds the closed period's folder taken only for 2026-Q4.
      const again = await okr(['next-period', 'okrs/platform.okr.yaml', '--today', '2027-01-04', '--dry-run'], { cwd: ws.dir });
      assert.match(again.stdout, /Would keep the closed period at okrs\/2027-Q1\/platform\.okr\.yaml/);
      assert.match(again.stdout, /Would write 2027-Q2 to okrs\/platform\.okr\.yaml/);
    } finally {
      ws.remove();
    }
  });

  it("keeps the team's check-in cadence and each carried key result's metric source, which Update From Sources reads", async () => {
    const { dir, remove } = tempFolder();
    try {
      mkdirSync(path.join(dir, 'okrs', 'metrics'), { recursive: true });
      writeFileSync(path.join(dir, 'okrs', 'metrics', 'conv.json'), '{ "total": { "pct": 2.4 } }\n');
      writeFileSync(path.join(dir, 'okrs', 'metrics', 'p95.txt'), '650\n');
      writeFileSync(
        path.join(dir, 'okrs', 'web.okr.yaml'),
        [
          'version: 1',
          'team: Web',
          'period: 2026-Q4',
          'check_in_every: weekly   # the team checks in on Mondays',
          'objectives:',
          '  - id: WEB-O1',
          '    title: Shoppers check out without friction',
          '    key_results:',
          '      - id: WEB-KR1',
          '        title: Raise checkout conversion from 2% to 3%',
          '        start: 2',
          '        target: 3',
          '        source: { file: metrics/conv.json, pointer: /total/pct }',
          '        check_ins:',
          '          - { date: 2026-12-28, value: 2.2 }',
          '      - id: WEB-KR2',
          '        title: Cut checkout p95 latency from 900 ms to 400 ms',
          '        start: 900',
          '        target: 400',
          '        current: 700',
          '        source:',
          '          file: metrics/p95.txt',
          '',
        ].join('\n'),
      );
      const r = await okr(['next-period', 'okrs/web.okr.yaml', '--today', '2027-01-04'], { cwd: dir });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      const next = readFileSync(path.join(dir, 'okrs', 'web.okr.yaml'), 'utf8');
      assert.match(next, /^period: 2027-Q1\ncheck_in_every: weekly\n/m);
      assert.match(
        next,
        / {8}target: 3\n {8}source: \{ file: metrics\/conv\.json, pointer: "\/total\/pct" \}\n {8}carried_from: WEB-KR1@2026-Q4\n/,
      );
      assert.match(next, / {8}target: 400\n {8}source: \{ file: metrics\/p95\.txt \}\n {8}carried_from: WEB-KR2@2026-Q4\n/);
      // Weekly, not the default fortnightly: a week and a day after the carried check-in (2027-01-04), both are due.
      const due = await okr(['due', 'okrs/web.okr.yaml', '--today', '2027-01-12', '--format', 'json'], { cwd: dir });
      assert.equal(due.code, 0, due.stderr);
      assert.match(due.stdout, /WEB-KR3/);
      assert.match(due.stdout, /WEB-KR4/);
      // The next period reads the same metrics: check-ins of 2.4 and 650 for the carried key results.
      const sources = await okr(['check-in', '--from-sources', 'okrs/web.okr.yaml', '--date', '2027-01-12'], { cwd: dir });
      assert.equal(sources.code, 0, sources.stderr);
      const updated = readFileSync(path.join(dir, 'okrs', 'web.okr.yaml'), 'utf8');
      assert.match(updated, /- \{ date: 2027-01-12, value: 2\.4 \}/);
      assert.match(updated, /- \{ date: 2027-01-12, value: 650 \}/);
    } finally {
      remove();
    }
  });

  it('carries the open initiatives of the objectives that come along, under new ids; done ones stay', async () => {
    const withInitiatives = PLATFORM.replace(
      /(reason: team moved \}\n)/,
      [
        '$1    initiatives:',
        '      - { id: PLAT-I1, title: Canary deploys for every service, owner: li, status: in_progress }',
        '      - { id: PLAT-I2, title: Page only on customer-facing errors, status: done }',
        '      - id: PLAT-I3',
        '        title: "Runbooks: the payment gateway"',
        '        status: planned',
        '      - { title: Retire the old pager, status: dropped, reason: vendor kept it }',
        '',
      ].join('\n'),
    );
    assert.match(withInitiatives, /PLAT-I3/);
    const ws = workspace(withInitiatives);
    try {
      const r = await okr(['next-period', 'okrs/platform.okr.yaml', '--today', '2027-01-04'], { cwd: ws.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.lines.slice(-2), [
        '  PLAT-I1 -> PLAT-I4 (in PLAT-O2): initiative, in progress',
        '  PLAT-I3 -> PLAT-I5 (in PLAT-O2): initiative, planned',
      ]);
      const next = ws.read('okrs/platform.okr.yaml');
      assert.match(next, /^# Initiatives still open, carried with them: PLAT-I1 as PLAT-I4, PLAT-I3 as PLAT-I5\.$/m);
      assert.match(
        next,
        /\n {4}initiatives:\n {6}- id: PLAT-I4\n {8}title: Canary deploys for every service\n {8}owner: li\n {8}status: in_progress\n {6}- id: PLAT-I5\n {8}title: "Runbooks: the payment gateway"\n {8}status: planned\n/,
      );
      assert.doesNotMatch(next, /Page only on customer-facing errors|Retire the old pager/);
      // The archived period keeps all four, and the workspace lints clean.
      assert.match(ws.read('okrs/2026-Q4/platform.okr.yaml'), /PLAT-I2, title: Page only on customer-facing errors/);
      const lint = await okr(['lint', '--today', '2027-01-04', '--max-warnings', '0', '--format', 'json'], { cwd: ws.dir });
      const messages = JSON.parse(lint.stdout).flatMap((f: { filePath: string; messages: { ruleId: string; message: string }[] }) =>
        f.messages.map((m) => `${path.basename(f.filePath)}: ${m.ruleId}: ${m.message}`),
      );
      assert.deepEqual(messages, []);
    } finally {
      ws.remove();
    }
  });

  it("when the parent file rolls over too, the closed file's parent: ids resolve to the parent's closed copy", async () => {
    const ws = workspace();
    try {
      for (const f of ['okrs/company.okr.yaml', 'okrs/platform.okr.yaml']) {
        assert.equal((await okr(['close', f, '--today', '2027-01-04'], { cwd: ws.dir })).code, 0);
        const r = await okr(['next-period', f, '--today', '2027-01-04'], { cwd: ws.dir });
        assert.equal(r.code, 0, r.stderr);
      }
      assert.match(ws.read('okrs/2026-Q4/platform.okr.yaml'), /parent: CO-O1/);
      const lint = await okr(['lint', '--today', '2027-01-04', '--format', 'json'], { cwd: ws.dir });
      const messages = JSON.parse(lint.stdout).flatMap((f: { filePath: string; messages: { ruleId: string; message: string }[] }) =>
        f.messages.map((m) => `${path.relative(ws.dir, f.filePath)}: ${m.ruleId}: ${m.message}`),
      );
      // The closed platform file says nothing: CO-O1 is in okrs/2026-Q4/company.okr.yaml, and it
      // does not count as support of the company's new period. The new one does: its objective
      // still names CO-O1, which the company's new period calls CO-O2, so CO-O2 has no support yet.
      assert.deepEqual(messages, [
        'okrs/company.okr.yaml: unsupported-objective: No team objective names CO-O2 as its `parent:` (1 file aligns to this one): a ' +
          'team takes it on, or it is not a priority this period.',
        'okrs/platform.okr.yaml: unknown-parent: `parent: CO-O1` names no objective of okrs/company.okr.yaml. Did you mean `CO-O2`?',
      ]);
      // Without the company's closed copy, the closed file's link is broken, and says why.
      rmSync(path.join(ws.dir, 'okrs', '2026-Q4', 'company.okr.yaml'));
      const again = await okr(['lint', '--today', '2027-01-04', 'okrs/2026-Q4/platform.okr.yaml', 'okrs/company.okr.yaml'], {
        cwd: ws.dir,
      });
      assert.match(
        again.stdout,
        /`parent: CO-O1` names no objective of okrs\/company\.okr\.yaml, which is now 2027-Q1, a later period than this file's\./,
      );
    } finally {
      ws.remove();
    }
  });

  it('a file in a period folder stays; the next one goes to the sibling folder; --carry and --period choose', async () => {
    const tmp = tempFolder();
    try {
      mkdirSync(path.join(tmp.dir, 'okrs', '2026-Q4'), { recursive: true });
      writeFileSync(path.join(tmp.dir, 'okrs', '2026-Q4', 'platform.okr.yaml'), PLATFORM.replace('aligns_with: company.okr.yaml\n', ''));
      const bad = await okr(['next-period', 'okrs/2026-Q4/platform.okr.yaml', '--carry', 'PLAT-KR2', '--today', '2027-01-04'], {
        cwd: tmp.dir,
      });
      assert.equal(bad.code, 1);
      assert.equal(
        bad.stderr,
        'okr: cannot start the next period of okrs/2026-Q4/platform.okr.yaml: PLAT-KR2 was met (1.0): only unfinished key results are ' +
          'carried over\n',
      );
      const unknown = await okr(['next-period', 'okrs/2026-Q4/platform.okr.yaml', '--carry', 'PLAT-KR77', '--today', '2027-01-04'], {
        cwd: tmp.dir,
      });
      assert.match(unknown.stderr, /--carry names PLAT-KR77, which is not a key result of this file/);
      const early = await okr(['next-period', 'okrs/2026-Q4/platform.okr.yaml', '--period', '2026-Q3', '--today', '2027-01-04'], {
        cwd: tmp.dir,
      });
      assert.match(early.stderr, /2026-Q3 does not start after 2026-Q4 ends \(2026-12-31\)/);
      const r = await okr(
        ['next-period', 'okrs/2026-Q4/platform.okr.yaml', '--carry', 'plat-kr3', '--period', '2027-Q2', '--today', '2027-01-04'],
        { cwd: tmp.dir },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Note: okrs\/2026-Q4\/platform\.okr\.yaml is not closed; okr close records its grades first\./);
      assert.equal(
        readFileSync(path.join(tmp.dir, 'okrs', '2026-Q4', 'platform.okr.yaml'), 'utf8'),
        PLATFORM.replace('aligns_with: company.okr.yaml\n', ''),
      );
      const next = readFileSync(path.join(tmp.dir, 'okrs', '2027-Q2', 'platform.okr.yaml'), 'utf8');
      assert.match(next, /carried_from: PLAT-KR3@2026-Q4/);
      assert.doesNotMatch(next, /PLAT-KR1@/);
      // One key result left in its objective: the command says what the linter will say.
      assert.match(r.stdout, /note: line \d+: .*only 1 active key result.*\(kr-count\)/);
      const twice = await okr(['next-period', 'okrs/2026-Q4/platform.okr.yaml', '--period', '2027-Q2', '--today', '2027-01-04'], {
        cwd: tmp.dir,
      });
      assert.equal(twice.code, 1);
      assert.equal(twice.stderr, 'okr: okrs/2027-Q2/platform.okr.yaml already exists: was the next period started already?\n');
      assert.ok(!existsSync(path.join(tmp.dir, 'okrs', '2027-Q1')));
    } finally {
      tmp.remove();
    }
  });

  it('after a half-year or a month, the next period is as many whole months; after other dates, as many days', async () => {
    const cases: [string, string][] = [
      ['{ start: 2026-01-01, end: 2026-06-30 }', 'period: { start: 2026-07-01, end: 2026-12-31 }'],
      ['{ start: 2026-11-01, end: 2026-11-30 }', 'period: { start: 2026-12-01, end: 2026-12-31 }'],
      ['{ start: 2026-12-01, end: 2027-02-28 }', 'period: { start: 2027-03-01, end: 2027-05-31 }'],
      ['{ start: 2026-11-02, end: 2026-11-29 }', 'period: { start: 2026-11-30, end: 2026-12-27 }'],
    ];
    for (const [period, expected] of cases) {
      const ws = workspace(PLATFORM.replace('period: 2026-Q4', `period: ${period}`));
      try {
        const r = await okr(['next-period', 'okrs/platform.okr.yaml', '--today', '2027-07-01', '--dry-run'], { cwd: ws.dir });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^${expected.replace(/[{}]/g, '\\$&')}$`, 'm'), period);
      } finally {
        ws.remove();
      }
    }
  });

  it('a --period that is no quarter is bad usage (exit 2); what the user typed is escaped in every message', async () => {
    const ws = workspace();
    try {
      const r = await okr(['next-period', 'okrs/platform.okr.yaml', '--period', '2027-H1\u001b[31m', '--today', '2027-01-04'], {
        cwd: ws.dir,
      });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'okr: --period must be a quarter such as 2027-Q1, not "2027-H1\\u001b[31m"\n');
      const carry = await okr(['next-period', 'okrs/platform.okr.yaml', '--carry', 'X\u001b]0;t\u0007', '--today', '2027-01-04'], {
        cwd: ws.dir,
      });
      assert.equal(carry.code, 1);
      assert.equal(
        carry.stderr,
        'okr: cannot start the next period of okrs/platform.okr.yaml: --carry names X\\u001b]0;t\\u0007, which is not a key result of ' +
          'this file\n',
      );
    } finally {
      ws.remove();
    }
  });
});
