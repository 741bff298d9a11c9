// The rules that read history, over real repositories in temporary folders:
// several periods, renames, rewritten history, untracked files, shallow clones.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../src/core/edits';
import { fileHistory, OkrHistory, parseHistoryLog } from '../../../src/core/git/okr-history';
import { lintSources } from '../../../src/core/workspace';
import { expectationKeys, findingKeys, readExpectations } from '../../helpers/fixtures';
import { TempRepo } from '../../helpers/git-repo';
import { historyFixtureFindings, lintWithHistory, on } from '../../helpers/history-fixture';
import { okr } from '../../cli/cli-harness';

const only = (id: string) => (r: string) => r === id;

function quarterFile(period: string, current: { kr1: number; kr2: number }, extra = ''): string {
  return `version: 1
team: Platform
period: ${period}
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    key_results:
      - { id: PLAT-KR1, title: Reduce P1 incidents from 12 to 3, start: 12, target: 3, current: ${current.kr1} }
      - { id: PLAT-KR2, title: Raise uptime from 99.5 to 99.95, start: 99.5, target: 99.95, current: ${current.kr2} }
${extra}`;
}

describe('history rules over real repositories', () => {
  describe('target-moved', () => {
    it("reports exactly the fixture's expectations: moved targets and starts without a reason", async () => {
      const { text, findings } = await historyFixtureFindings('target-moved');
      assert.deepEqual(findingKeys(text, findings, only('target-moved')), expectationKeys(readExpectations(text), only('target-moved')));
    });

    it('names the old value, the commit and its date; the fix adds `reason:`', async () => {
      const repo = TempRepo.create();
      try {
        const base = quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 });
        const planned = repo.commit('Plan Q4', { files: { 'okrs/platform.okr.yaml': base }, env: on('2026-10-03') });
        const lowered = repo.commit('Lower the incident target', {
          files: { 'okrs/platform.okr.yaml': base.replace('target: 3,', 'target: 5,') },
          env: on('2026-11-12'),
        });
        const { text, findings } = await lintWithHistory(repo, 'okrs/platform.okr.yaml', '2026-11-20');
        const moved = findings.filter((f) => f.ruleId === 'target-moved');
        assert.equal(moved.length, 1);
        assert.equal(moved[0].severity, 'warning');
        assert.equal(text.slice(moved[0].span.start, moved[0].span.end), '5');
        assert.match(
          moved[0].message,
          new RegExp(
            `moved from 3 to 5 after the period's first 14 days \\(it was 3 in ${planned.slice(0, 7)} of 2026-10-03; changed ` +
              `in ${lowered.slice(0, 7)} on 2026-11-12\\), with no \`reason:\``,
          ),
        );
        const fixed = applyEdits(text, moved[0].fixes![0].edits);
        assert.match(fixed, /target: 5, current: 9, reason: \}\n/); // in a flow mapping, before its brace
        // Within the first two weeks, nothing is said; with a reason, nothing either.
        assert.deepEqual(
          (await lintWithHistory(repo, 'okrs/platform.okr.yaml', '2026-10-14')).findings.filter((f) => f.ruleId === 'target-moved'),
          [],
        );
        repo.write('okrs/platform.okr.yaml', base.replace('target: 3,', 'target: 5, reason: "incident definition widened",'));
        assert.deepEqual(
          (await lintWithHistory(repo, 'okrs/platform.okr.yaml', '2026-11-20')).findings.filter((f) => f.ruleId === 'target-moved'),
          [],
        );
        // An edit not committed yet is judged too.
        repo.write('okrs/platform.okr.yaml', base.replace('start: 12,', 'start: 10,'));
        const uncommitted = (await lintWithHistory(repo, 'okrs/platform.okr.yaml', '2026-11-20')).findings.filter(
          (f) => f.ruleId === 'target-moved',
        );
        assert.match(
          uncommitted[0].message,
          /The start of key result PLAT-KR1 moved from 12 to 10 .*changed in .* on 2026-11-12|changed since the last commit/,
        );
      } finally {
        repo.remove();
      }
    });

    it('follows a file renamed in the period, and reads rewritten history as it is now', async () => {
      const repo = TempRepo.create();
      try {
        const base = quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 });
        repo.commit('Plan Q4', { files: { 'platform.okr.yaml': base }, env: on('2026-10-03') });
        repo.git(['mv', 'platform.okr.yaml', 'okrs-platform.okr.yaml']);
        repo.commit('Move the OKR file', { env: on('2026-10-20'), args: [] });
        repo.commit('Lower the target', {
          files: { 'okrs-platform.okr.yaml': base.replace('target: 99.95,', 'target: 99.9,') },
          env: on('2026-11-12'),
        });
        const moved = (await lintWithHistory(repo, 'okrs-platform.okr.yaml', '2026-11-20')).findings.filter(
          (f) => f.ruleId === 'target-moved',
        );
        assert.equal(moved.length, 1, 'the baseline is found before the rename');
        assert.match(moved[0].message, /target of key result PLAT-KR2 moved from 99\.95 to 99\.9/);
        // Rewrite the lowering commit: the message names the commit that is in the history now.
        repo.git(['commit', '--amend', '-q', '-m', 'Lower the uptime target (reworded)'], { env: on('2026-11-13') });
        const rewritten = repo.head();
        const again = (await lintWithHistory(repo, 'okrs-platform.okr.yaml', '2026-11-20')).findings.filter(
          (f) => f.ruleId === 'target-moved',
        );
        assert.match(again[0].message, new RegExp(`changed in ${rewritten.slice(0, 7)} on 2026-11-13`));
      } finally {
        repo.remove();
      }
    });

    it('an untracked file has no history: silent, and okr lint says why; --no-history reads nothing', async () => {
      const repo = TempRepo.create();
      try {
        repo.commit('Something else', { files: { 'README.md': 'hello\n' }, env: on('2026-10-03') });
        repo.write('okrs/new.okr.yaml', quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 }));
        const { findings, untracked } = await lintWithHistory(repo, 'okrs/new.okr.yaml', '2026-11-20');
        assert.deepEqual(untracked, [path.join(repo.dir, 'okrs/new.okr.yaml')]);
        assert.deepEqual(
          findings.filter((f) => f.ruleId === 'target-moved'),
          [],
        );
        const r = await okr(['lint', '--today', '2026-11-20'], { cwd: repo.dir, env: repo.env });
        assert.match(r.stderr, /okr: note: not committed yet, so no history to compare with: okrs\/new\.okr\.yaml/);
        const plain = await okr(['lint', '--today', '2026-11-20', '--no-history'], { cwd: repo.dir, env: repo.env });
        assert.equal(plain.stderr, '');
      } finally {
        repo.remove();
      }
    });

    it('a shallow clone is said to be one; outside a repository --history says why', async () => {
      const repo = TempRepo.create();
      try {
        const base = quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 });
        repo.commit('Plan Q4', { files: { 'p.okr.yaml': base }, env: on('2026-10-03') });
        repo.commit('Lower', { files: { 'p.okr.yaml': base.replace('target: 3,', 'target: 5,') }, env: on('2026-11-12') });
        const clone = repo.sibling('clone');
        repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone.dir], { cwd: repo.root });
        const r = await okr(['lint', '--today', '2026-11-20'], { cwd: clone.dir, env: repo.env });
        assert.match(
          r.stderr,
          /okr: note: this is a shallow clone: older versions of the OKR files are missing \(git fetch --unshallow reads them\)/,
        );
        const outside = path.join(repo.root, 'home');
        writeFileSync(path.join(outside, 'p.okr.yaml'), base);
        const o = await okr(['lint', '--today', '2026-11-20', '--history'], { cwd: outside, env: repo.env });
        assert.match(o.stderr, /okr: note: --history: .* is not in a git repository; the rules that read history are skipped/);
      } finally {
        repo.remove();
      }
    });
  });

  describe('the log reads back only as far as the rules look', () => {
    it('a file last committed long before the window: its version from then is read, and it is not taken for untracked', async () => {
      const repo = TempRepo.create();
      try {
        const p = 'okrs/platform.okr.yaml';
        // A yearly file: committed once in 2025, nothing since; the window of a quarter is
        // about 214 days back, so the log itself sees no commit of it.
        const yearly = quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 });
        const planned = repo.commit('Plan', { files: { [p]: yearly }, env: on('2025-06-01') });
        for (let i = 0; i < 3; i++) repo.commit(`Work ${i}`, { files: { [`src/${i}.txt`]: `${i}\n` }, env: on(`2026-1${i}-02`) });
        repo.write(p, yearly.replace('target: 3,', 'target: 6,'));
        const { findings, untracked } = await lintWithHistory(repo, p, '2026-11-20');
        assert.deepEqual(untracked, []);
        const moved = findings.filter((f) => f.ruleId === 'target-moved');
        assert.equal(moved.length, 1);
        assert.match(moved[0].message, new RegExp(`it was 3 in ${planned.slice(0, 7)} of 2025-06-01; changed since the last commit`));
        const r = await okr(['lint', '--today', '2026-11-20', p], { cwd: repo.dir, env: repo.env });
        assert.doesNotMatch(r.stderr, /not committed yet/);
        assert.match(r.stdout, /target-moved/);
      } finally {
        repo.remove();
      }
    });

    it("keeps every version of the current period and each past period's last, whichever the number of check-ins", async () => {
      const repo = TempRepo.create();
      try {
        const p = 'okrs/platform.okr.yaml';
        repo.commit('Q2 end', { files: { [p]: quarterFile('2026-Q2', { kr1: 3, kr2: 99.95 }) }, env: on('2026-06-29') });
        repo.commit('Q3', { files: { [p]: quarterFile('2026-Q3', { kr1: 10, kr2: 99.6 }) }, env: on('2026-07-01') });
        const q3end = repo.commit('Q3 end', { files: { [p]: quarterFile('2026-Q3', { kr1: 2, kr2: 99.99 }) }, env: on('2026-09-30') });
        const q4: string[] = [];
        for (let day = 1; day <= 23; day++) {
          const date = `2026-10-${String(day).padStart(2, '0')}`;
          q4.push(
            repo.commit(`Check in ${date}`, { files: { [p]: quarterFile('2026-Q4', { kr1: 12 - day / 3, kr2: 99.5 }) }, env: on(date) }),
          );
        }
        const absolute = path.join(repo.dir, p);
        const history = await OkrHistory.read(repo.ctx, { paths: [absolute] });
        const read = await fileHistory(history, absolute, { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
        assert.equal(read.current, 23);
        assert.deepEqual(
          read.versions.map((v) => v.commit),
          [...q4.reverse(), q3end, read.versions[24].commit],
        );
        assert.deepEqual(
          read.versions.map((v) => v.file.period?.label),
          [...Array<string>(23).fill('2026-Q4'), '2026-Q3', '2026-Q2'],
        );
      } finally {
        repo.remove();
      }
    });

    it('a file changed in the window and before it: the version from before the window is the baseline', async () => {
      const repo = TempRepo.create();
      try {
        const p = 'okrs/platform.okr.yaml';
        const base = quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 });
        const planned = repo.commit('Plan early', { files: { [p]: base }, env: on('2026-01-10') });
        const lowered = repo.commit('Lower', { files: { [p]: base.replace('target: 3,', 'target: 5,') }, env: on('2026-11-02') });
        const moved = (await lintWithHistory(repo, p, '2026-11-20')).findings.filter((f) => f.ruleId === 'target-moved');
        assert.equal(moved.length, 1);
        assert.match(
          moved[0].message,
          new RegExp(`it was 3 in ${planned.slice(0, 7)} of 2026-01-10; changed in ${lowered.slice(0, 7)} on 2026-11-02`),
        );
      } finally {
        repo.remove();
      }
    });
  });

  describe('sandbagging across periods', () => {
    it("from the git history of the team's file at each past period's end", async () => {
      const repo = TempRepo.create();
      try {
        const p = 'okrs/platform.okr.yaml';
        repo.commit('Q2', { files: { [p]: quarterFile('2026-Q2', { kr1: 6, kr2: 99.7 }) }, env: on('2026-04-02') });
        repo.commit('Q2 end', { files: { [p]: quarterFile('2026-Q2', { kr1: 3, kr2: 99.95 }) }, env: on('2026-06-29') });
        repo.commit('Q3', { files: { [p]: quarterFile('2026-Q3', { kr1: 10, kr2: 99.6 }) }, env: on('2026-07-01') });
        const q3end = repo.commit('Q3 end', { files: { [p]: quarterFile('2026-Q3', { kr1: 2, kr2: 99.99 }) }, env: on('2026-09-30') });
        repo.commit('Q4', { files: { [p]: quarterFile('2026-Q4', { kr1: 11, kr2: 99.5 }) }, env: on('2026-10-01') });
        const { text, findings } = await lintWithHistory(repo, p, '2026-10-20');
        const sb = findings.filter((f) => f.ruleId === 'sandbagging');
        assert.equal(sb.length, 1);
        assert.equal(text.slice(sb[0].span.start, sb[0].span.end), '2026-Q4');
        assert.match(
          sb[0].message,
          new RegExp(
            `Platform's aspirational objectives were all graded 1\\.0 in each of the last two periods: 2026-Q3 \\(1\\.0; ` +
              `git ${q3end.slice(0, 7)}\\) and 2026-Q2 \\(1\\.0; git [0-9a-f]{7}\\)`,
          ),
        );
        // A period that fell short breaks the streak.
        const r2 = TempRepo.create();
        try {
          r2.commit('Q2', { files: { [p]: quarterFile('2026-Q2', { kr1: 6, kr2: 99.7 }) }, env: on('2026-06-29') });
          r2.commit('Q3', { files: { [p]: quarterFile('2026-Q3', { kr1: 2, kr2: 99.99 }) }, env: on('2026-09-30') });
          r2.commit('Q4', { files: { [p]: quarterFile('2026-Q4', { kr1: 11, kr2: 99.5 }) }, env: on('2026-10-01') });
          assert.deepEqual(
            (await lintWithHistory(r2, p, '2026-10-20')).findings.filter((f) => f.ruleId === 'sandbagging'),
            [],
          );
        } finally {
          r2.remove();
        }
      } finally {
        repo.remove();
      }
    });

    it("from closed periods' files in the workspace, without git", () => {
      const q2 = quarterFile('2026-Q2', { kr1: 3, kr2: 99.95 });
      const q3 = quarterFile('2026-Q3', { kr1: 1, kr2: 100 });
      const q4 = quarterFile('2026-Q4', { kr1: 11, kr2: 99.5 });
      const lint = lintSources(
        [
          { path: '/ws/okrs/2026-Q2/platform.okr.yaml', text: q2.replace(/PLAT-/g, 'Q2-') },
          { path: '/ws/okrs/2026-Q3/platform.okr.yaml', text: q3.replace(/PLAT-/g, 'Q3-') },
          { path: '/ws/okrs/platform.okr.yaml', text: q4 },
        ],
        { today: '2026-10-20', only: new Set(['/ws/okrs/platform.okr.yaml']) },
      );
      const sb = lint.files[0].result.findings.filter((f) => f.ruleId === 'sandbagging');
      assert.equal(sb.length, 1);
      assert.match(
        sb[0].message,
        /2026-Q3 \(1\.0; \/ws\/okrs\/2026-Q3\/platform\.okr\.yaml\) and 2026-Q2 \(1\.0; \/ws\/okrs\/2026-Q2\/platform\.okr\.yaml\)/,
      );
      // Another team's periods do not count.
      const other = lintSources(
        [
          { path: '/ws/a.okr.yaml', text: q2.replace('team: Platform', 'team: Data').replace(/PLAT-/g, 'Q2-') },
          { path: '/ws/b.okr.yaml', text: q3.replace(/PLAT-/g, 'Q3-') },
          { path: '/ws/c.okr.yaml', text: q4 },
        ],
        { today: '2026-10-20', only: new Set(['/ws/c.okr.yaml']) },
      );
      assert.deepEqual(
        other.files[0].result.findings.filter((f) => f.ruleId === 'sandbagging'),
        [],
      );
    });
  });

  it('parses the log: renames, additions, malformed records skipped', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out =
      `\x1e${a}\x1f2026-11-01T10:00:00+00:00\0\n:100644 100644 ${'1'.repeat(40)} ${'2'.repeat(40)} ` +
      `R100\0old.okr.yaml\0new.okr.yaml\0\x1enot-a-sha\x1fx\0\x1e${b}\x1f2026-10-01T10:00:00+00:00\0\n` +
      `:000000 100644 ${'0'.repeat(40)} ${'3'.repeat(40)} A\0old.okr.yaml\0`;
    const commits = parseHistoryLog(out);
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[0].changes, [{ status: 'R', blob: '2'.repeat(40), from: 'old.okr.yaml', path: 'new.okr.yaml' }]);
    assert.deepEqual(commits[1].changes, [{ status: 'A', blob: '3'.repeat(40), path: 'old.okr.yaml' }]);
  });

  it("finds each file's own commits among many files: touched in different commits, renamed, deleted, never committed", async () => {
    const repo = TempRepo.create();
    try {
      const q = (kr1: number) => quarterFile('2026-Q4', { kr1, kr2: 99.6 });
      const c1 = repo.commit('Plan a and b', { files: { 'a.okr.yaml': q(11), 'b.okr.yaml': q(10) }, env: on('2026-10-01') });
      const c2 = repo.commit('Check in a', { files: { 'a.okr.yaml': q(9) }, env: on('2026-10-02') });
      const c3 = repo.commit('Plan c', { files: { 'team/c.okr.yaml': q(8), 'README.md': 'x\n' }, env: on('2026-10-03') });
      repo.git(['mv', 'b.okr.yaml', 'b2.okr.yaml']);
      const c4 = repo.commit('Rename b', { env: on('2026-10-04'), args: [] });
      const c5 = repo.commit('Check in b2 and c', { files: { 'b2.okr.yaml': q(7), 'team/c.okr.yaml': q(6) }, env: on('2026-10-05') });
      // d lives, is deleted, and comes back: only its second life is its history.
      repo.commit('Plan d', { files: { 'd.okr.yaml': q(5) }, env: on('2026-10-06') });
      repo.git(['rm', '-q', 'd.okr.yaml']);
      repo.commit('Drop d', { env: on('2026-10-07'), args: [] });
      const c8 = repo.commit('Plan d again', { files: { 'd.okr.yaml': q(4) }, env: on('2026-10-08') });
      writeFileSync(path.join(repo.dir, 'e.okr.yaml'), q(3)); // never committed
      const history = await OkrHistory.read(repo.ctx, {});
      const seen = (file: string) => history.versionsOf(path.join(repo.dir, file)).map((v) => [v.commit, v.path]);
      assert.deepEqual(seen('a.okr.yaml'), [
        [c2, 'a.okr.yaml'],
        [c1, 'a.okr.yaml'],
      ]);
      assert.deepEqual(seen('b2.okr.yaml'), [
        [c5, 'b2.okr.yaml'],
        [c4, 'b2.okr.yaml'],
        [c1, 'b.okr.yaml'],
      ]);
      assert.deepEqual(seen('team/c.okr.yaml'), [
        [c5, 'team/c.okr.yaml'],
        [c3, 'team/c.okr.yaml'],
      ]);
      assert.deepEqual(seen('d.okr.yaml'), [[c8, 'd.okr.yaml']]);
      assert.deepEqual(seen('b.okr.yaml'), [[c1, 'b.okr.yaml']]); // the old name: its life before the rename
      assert.deepEqual(seen('e.okr.yaml'), []);
      assert.equal(history.isTracked(path.join(repo.dir, 'e.okr.yaml')), false);
      assert.equal(history.isTracked(path.join(repo.dir, 'a.okr.yaml')), true);
    } finally {
      repo.remove();
    }
  });

  it('reads each blob once: the cache answers the second time without git', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('Plan', { files: { 'p.okr.yaml': quarterFile('2026-Q4', { kr1: 9, kr2: 99.6 }) }, env: on('2026-10-03') });
      const cache = new Map<string, string | undefined>();
      const history = await OkrHistory.read(repo.ctx, {}, cache);
      const [v] = history.versionsOf(path.join(repo.dir, 'p.okr.yaml'));
      await history.texts([v.blob]);
      assert.ok(cache.get(v.blob)?.includes('PLAT-KR1'));
      cache.set(v.blob, 'from the cache');
      assert.equal((await history.texts([v.blob])).get(v.blob), 'from the cache');
    } finally {
      repo.remove();
    }
  });
});
