// `okr branch`, `okr check-commits` and `okr links` against real repositories.

import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLATFORM_OKR, TempRepo } from '../helpers/git-repo';
import { okr } from './cli-harness';

const KR1_BRANCH = 'kr/PLAT-KR1-reduce-p1-incidents-from-twelve-to-three-per-quarter';

describe('okr branch', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const run = (argv: string[], cwd = repo.dir) => okr(['branch', ...argv], { cwd, env: repo.env });

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } });
  });
  afterEach(() => repo.remove());

  it('prints the branch name, changing nothing', async () => {
    const r = await run(['PLAT-KR1']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${KR1_BRANCH}\n`);
    assert.equal(r.stderr, '');
    assert.equal(repo.out(['branch', '--list', 'kr/*']), '');
    // Ids are matched whatever their case; the name uses the id as defined.
    assert.equal((await run(['plat-kr1'])).stdout, `${KR1_BRANCH}\n`);
  });

  it('refuses an unknown id with the closest ones, and an objective id with what it is', async () => {
    const r = await run(['PLAT-KR9']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /okr: PLAT-KR9 is not a key result in the OKR files \(did you mean PLAT-KR1, PLAT-KR2, PLAT-KR12\?\)/);
    const o = await run(['PLAT-O1']);
    assert.equal(o.code, 2);
    assert.match(o.stderr, /PLAT-O1 is an objective, not a key result/);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /which key result\?/);
  });

  it('creates the branch at HEAD and links it, without switching; again, it links and says so', async () => {
    const r = await run(['PLAT-KR1', '--create']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${KR1_BRANCH}\n`);
    assert.match(r.stderr, /created branch .* at HEAD, linked to PLAT-KR1/);
    assert.equal(repo.out(['rev-parse', KR1_BRANCH]), repo.head());
    assert.equal(repo.out(['config', `branch.${KR1_BRANCH}.okrKeyResult`]), 'PLAT-KR1');
    assert.equal(repo.out(['symbolic-ref', '--short', 'HEAD']), 'main');

    const again = await run(['PLAT-KR1', '--checkout']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /already exists; linked to PLAT-KR1/);
    assert.equal(repo.out(['symbolic-ref', '--short', 'HEAD']), KR1_BRANCH);
  });

  it('will not relink a branch linked to another key result', async () => {
    repo.git(['branch', KR1_BRANCH]);
    repo.git(['config', `branch.${KR1_BRANCH}.okrKeyResult`, 'PLAT-KR2']);
    const r = await run(['PLAT-KR1', '--create']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /exists and is linked to PLAT-KR2/);
    assert.equal(repo.out(['config', `branch.${KR1_BRANCH}.okrKeyResult`]), 'PLAT-KR2');
  });

  it('refuses to link an existing branch it did not create (--template main)', async () => {
    const before = repo.head();
    for (const flag of ['--create', '--checkout']) {
      const r = await run(['PLAT-KR1', '--template', 'main', flag]);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        /branch main already exists and is not linked to a key result; not changed\. To link it: git config branch\.main\.okrKeyResult PLAT-KR1/,
      );
    }
    assert.equal(repo.git(['config', '--get-regexp', '^branch\\..*\\.okrkeyresult$'], { allowFail: true }).stdout, '');
    assert.equal(repo.head(), before);
  });

  it('uses okr.branchTemplate, and refuses a template with an unknown variable', async () => {
    repo.git(['config', 'okr.branchTemplate', 'work/${id}/${slug}']);
    assert.equal((await run(['PLAT-KR2'])).stdout, 'work/PLAT-KR2/achieve-99-95-uptime-for-core-services\n');
    const bad = await run(['PLAT-KR2', '--template', 'kr/${title}']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown variable \$\{title\}/);
  });

  it('starts the first branch of a repository without commits with --checkout only', async () => {
    const empty = repo.sibling('empty');
    mkdirSync(empty.dir);
    empty.git(['init', '-q', '--initial-branch=main']);
    writeFileSync(path.join(empty.dir, 'team.okr.yaml'), PLATFORM_OKR);
    const create = await okr(['branch', 'PLAT-KR2', '--create'], { cwd: empty.dir, env: repo.env });
    assert.equal(create.code, 2);
    assert.match(create.stderr, /no commits yet/);
    const checkout = await okr(['branch', 'PLAT-KR2', '--checkout'], { cwd: empty.dir, env: repo.env });
    assert.equal(checkout.code, 0, checkout.stderr);
    assert.equal(empty.out(['symbolic-ref', '--short', 'HEAD']), 'kr/PLAT-KR2-achieve-99-95-uptime-for-core-services');
  });

  it('prints a name outside any repository, but creates none there', async () => {
    const outside = path.join(repo.root, 'home');
    writeFileSync(path.join(outside, 'team.okr.yaml'), PLATFORM_OKR);
    const r = await run(['PLAT-KR1'], outside);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${KR1_BRANCH}\n`);
    const c = await run(['PLAT-KR1', '--create'], outside);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /is not in a git repository/);
  });
});

describe('okr check-commits', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let base: string;
  const run = (argv: string[]) => okr(['check-commits', ...argv], { cwd: repo.dir, env: repo.env });

  beforeEach(() => {
    repo = TempRepo.create();
    base = repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } });
    repo.commit('Good\n\nKey-Result: PLAT-KR1\n');
    repo.commit('No trailer at all');
  });
  afterEach(() => repo.remove());

  it('passes when every trailer names a key result', async () => {
    const r = await run([`${base}..HEAD`]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '2 commits checked, 1 with key-result trailers: every trailer names a key result\n');
  });

  it('lists each bad commit with its subject, the bad id and the closest ids', async () => {
    const typo = repo.commit('Typo in the trailer\n\nKey-Result: PLAT-KR1\nKey-Result: PLAT-RK2\n');
    repo.commit('Objective instead\n\nKey-Result: PLAT-O1\n');
    const objective = repo.head();
    const r = await run([`${base}..HEAD`]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        `${objective.slice(0, 10)} Objective instead`,
        '    Key-Result: PLAT-O1 - PLAT-O1 is an objective, not a key result',
        `${typo.slice(0, 10)} Typo in the trailer`,
        '    Key-Result: PLAT-RK2 - PLAT-RK2 is not a key result in the OKR files (did you mean PLAT-KR2, PLAT-KR1, PLAT-KR12?)',
        '',
        '2 commits name a key result that does not exist (4 commits checked, 3 with key-result trailers)',
        '',
      ].join('\n'),
    );
    const json = await run([`${base}..HEAD`, '--format', 'json']);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.checked, 4);
    assert.deepEqual(
      parsed.bad.map((b: { sha: string; trailers: { value: string }[] }) => [b.sha, b.trailers.map((t) => t.value)]),
      [
        [objective, ['PLAT-O1']],
        [typo, ['PLAT-RK2']],
      ],
    );
    assert.deepEqual(parsed.bad[1].trailers[0].suggestions, ['PLAT-KR2', 'PLAT-KR1', 'PLAT-KR12']);
  });

  it('says what is wrong with a range', async () => {
    const r = await run(['origin/main..HEAD']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /okr: git log failed: .*origin\/main.*\(is "origin\/main\.\.HEAD" fetched\?/);
    assert.equal((await run(['--output=/tmp/x'])).code, 2);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /which commits\?/);
  });

  it('fails when there is no OKR file to check against', async () => {
    repo.git(['rm', '-q', '-r', 'okr']);
    repo.commit('Remove OKRs');
    const r = await run([`${base}..HEAD`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no OKR files in/);
  });

  it('reads OKR files from the paths given', async () => {
    const elsewhere = path.join(repo.root, 'okrs');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'other.okr.yaml'), PLATFORM_OKR.replace(/PLAT-KR1\b/g, 'OTHER-KR1'));
    const r = await run([`${base}..HEAD`, elsewhere]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Key-Result: PLAT-KR1 - PLAT-KR1 is not a key result in the OKR files \(did you mean PLAT-KR12, PLAT-KR2\?\)\n/);
  });
});

describe('okr links', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const run = (argv: string[], cwd = repo.dir) => okr(['links', ...argv], { cwd, env: repo.env });

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } }); // 09:00
    repo.commit('Canary checks\n\nKey-Result: PLAT-KR1\n'); // 10:00
    repo.commit('Pager fix\n\nKey-Result: plat-kr1\nKey-Result: PLAT-KR2\n', {
      env: { GIT_AUTHOR_NAME: 'Li Other', GIT_AUTHOR_EMAIL: 'li@example.com' },
    }); // 11:00
    repo.commit('Typo\n\nKey-Result: PLAT-RK2\n'); // 12:00
  });
  afterEach(() => repo.remove());

  it('lists the commits of each key result, and the trailers naming none', async () => {
    const r = await run([]);
    assert.equal(r.code, 0, r.stderr);
    const sha = (subject: string) => repo.out(['log', '--format=%H', `--grep=^${subject}$`]).slice(0, 10);
    assert.equal(
      r.stdout,
      [
        'PLAT-KR1  Reduce P1 incidents from twelve to three per quarter',
        '  2 commits by Dana Author, Li Other, on 2026-11-01',
        `    ${sha('Pager fix')}  2026-11-01  Li Other  Pager fix`,
        `    ${sha('Canary checks')}  2026-11-01  Dana Author  Canary checks`,
        'PLAT-KR12  Cut the deploy time from 40 to 10 minutes',
        '  no commits',
        'PLAT-KR2  Achieve 99.95% uptime for core services',
        '  1 commit by Li Other, on 2026-11-01',
        `    ${sha('Pager fix')}  2026-11-01  Li Other  Pager fix`,
        '',
        'Trailers naming no known key result (1):',
        `    ${sha('Typo')}  2026-11-01  Dana Author  Typo`,
        '      Key-Result: PLAT-RK2; did you mean PLAT-KR2, PLAT-KR1, PLAT-KR12?',
        '',
      ].join('\n'),
    );
  });

  it('lists at most --limit commits per key result in text', async () => {
    const r = await run(['--limit', '1']);
    assert.match(
      r.stdout,
      /PLAT-KR1 .*\n {2}2 commits by .*\n {4}\S+ {2}2026-11-01 {2}Li Other {2}Pager fix\n {4}\.\.\. and 1 more \(--limit 0 lists all\)\n/,
    );
    assert.equal((await run(['--limit', 'x'])).code, 2);
  });

  it('gives the same as JSON, with counts, authors and dates', async () => {
    const r = await run(['--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.repositories.length, 1);
    assert.equal(json.repositories[0].commits, 4);
    const kr1 = json.keyResults.find((k: { id: string }) => k.id === 'PLAT-KR1');
    assert.equal(kr1.count, 2);
    assert.deepEqual(kr1.authors, ['Dana Author', 'Li Other']);
    assert.equal(kr1.firstDate, '2026-11-01T10:00:00+00:00');
    assert.equal(kr1.lastDate, '2026-11-01T11:00:00+00:00');
    assert.deepEqual(
      kr1.commits.map((c: { subject: string; author: string; email: string }) => [c.subject, c.author, c.email]),
      [
        ['Pager fix', 'Li Other', 'li@example.com'],
        ['Canary checks', 'Dana Author', 'dana@example.com'],
      ],
    );
    assert.equal(json.keyResults.find((k: { id: string }) => k.id === 'PLAT-KR12').count, 0);
    assert.deepEqual(
      json.unknown.map((u: { value: string; subject: string; suggestions: string[] }) => [u.value, u.subject, u.suggestions[0]]),
      [['PLAT-RK2', 'Typo', 'PLAT-KR2']],
    );
  });

  it('filters by --since, by day or by time', async () => {
    const later = JSON.parse((await run(['--format', 'json', '--since', '2026-11-01T10:30:00Z'])).stdout);
    assert.equal(later.keyResults.find((k: { id: string }) => k.id === 'PLAT-KR1').count, 1);
    const none = JSON.parse((await run(['--format', 'json', '--since', '2026-11-02'])).stdout);
    assert.equal(
      none.keyResults.reduce((n: number, k: { count: number }) => n + k.count, 0),
      0,
    );
    const bad = await run(['--since', 'last tuesday']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since must be a date/);
  });

  it('reflects rewritten history, and works on a detached HEAD', async () => {
    repo.git(['reset', '-q', '--hard', 'HEAD~2']);
    repo.commit('Rewritten\n\nKey-Result: PLAT-KR12\n');
    repo.git(['checkout', '-q', '--detach']);
    const json = JSON.parse((await run(['--format', 'json'])).stdout);
    const counts = Object.fromEntries(json.keyResults.map((k: { id: string; count: number }) => [k.id, k.count]));
    assert.deepEqual(counts, { 'PLAT-KR1': 1, 'PLAT-KR12': 1, 'PLAT-KR2': 0 });
    assert.deepEqual(json.unknown, []);
  });

  it('reads several repositories, and says which commit is where', async () => {
    const other = repo.sibling('other');
    mkdirSync(other.dir);
    other.git(['init', '-q', '--initial-branch=main']);
    other.commit('In the other repo\n\nKey-Result: PLAT-KR12\n');
    const r = await run(['--repo', '.', '--repo', other.dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.repositories.map((x: { root: string }) => x.root),
      [repo.dir, other.dir],
    );
    const kr12 = json.keyResults.find((k: { id: string }) => k.id === 'PLAT-KR12');
    assert.equal(kr12.count, 1);
    assert.equal(kr12.commits[0].repository, other.dir);
    const text = await run(['--repo', '.', '--repo', other.dir]);
    assert.match(text.stdout, /In the other repo {2}\(.*other\)/);
  });

  it('says so for a repository without commits, a shallow clone, and a folder that is not a repository', async () => {
    const empty = repo.sibling('empty');
    mkdirSync(empty.dir);
    empty.git(['init', '-q']);
    writeFileSync(path.join(empty.dir, 'team.okr.yaml'), PLATFORM_OKR);
    const e = await run([], empty.dir);
    assert.equal(e.code, 0, e.stderr);
    assert.match(e.stdout, /^\.: no commits yet\n/);
    assert.match(e.stdout, /PLAT-KR1 .*\n {2}no commits\n/);

    const clone = repo.sibling('clone');
    repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone.dir], { cwd: repo.root });
    const s = await run([], clone.dir);
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, /a shallow clone: older commits are not in it/);

    const n = await run([], path.join(repo.root, 'home'));
    assert.equal(n.code, 2);
    assert.match(n.stderr, /is not in a git repository/);
  });
  it('shows a dropped key result only when commits name it, with its title or "(no title)", marked dropped', async () => {
    const dropped = PLATFORM_OKR.replace(
      '    initiatives:',
      [
        '      - { id: PLAT-KR7, title: Retire the old pager, target: 1, status: dropped, reason: vendor kept it }',
        '      - { id: PLAT-KR8, target: 1, status: dropped, reason: merged }',
        '    initiatives:',
      ].join('\n'),
    );
    repo.commit('Drop two', { files: { 'okr/platform.okr.yaml': dropped } });
    repo.commit('Pager work\n\nKey-Result: PLAT-KR8\n');
    const r = await run([]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /PLAT-KR7/);
    assert.match(r.stdout, /^PLAT-KR8 {2}\(no title\) {2}\(dropped\)\n {2}1 commit by Dana Author/m);
    const json = JSON.parse((await run(['--format', 'json'])).stdout);
    assert.deepEqual(
      json.keyResults.filter((k: { dropped: boolean }) => k.dropped).map((k: { id: string; title: string | null }) => [k.id, k.title]),
      [
        ['PLAT-KR7', 'Retire the old pager'],
        ['PLAT-KR8', null],
      ],
    );
    // A typo close to a dropped id is never pointed at it.
    repo.commit('Typo\n\nKey-Result: PLAT-KR88\n');
    assert.doesNotMatch((await run([])).stdout, /did you mean PLAT-KR8\b/);
  });

  it('answers a negative --limit with what is wrong with it', async () => {
    for (const argv of [['--limit', '-5'], ['--limit=-5']]) {
      const r = await run(argv);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'okr: --limit must be a whole number, 0 or more (0 lists all), not "-5"\n');
    }
  });

  it('refuses a well-known trailer key as okr.trailer', async () => {
    for (const key of ['Signed-off-by', 'co-authored-by', 'Reviewed-by', 'Change-Id']) {
      repo.git(['config', 'okr.trailer', key]);
      const r = await run([]);
      assert.equal(r.code, 2, key);
      assert.match(r.stderr, /git config okr\.trailer is ".*": .* a trailer git and review tools already use for something else/i);
    }
    repo.git(['config', 'okr.trailer', 'Supports-KR']);
    assert.equal((await run([])).code, 0);
  });
});

describe('okr tag', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let base: string;
  let untagged: string;
  const run = (argv: string[]) => okr(argv, { cwd: repo.dir, env: repo.env });

  beforeEach(() => {
    repo = TempRepo.create();
    base = repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } });
    untagged = repo.commit('Canary checks, no trailer');
    repo.commit('Typo\n\nKey-Result: PLAT-RK2\n');
  });
  afterEach(() => repo.remove());

  it('links a commit as a git note that okr links and okr check-commits read like a trailer; no history rewrite', async () => {
    const head = repo.head();
    const r = await run(['tag', untagged.slice(0, 8), 'plat-kr2']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      `${untagged.slice(0, 10)} Canary checks, no trailer: linked to PLAT-KR2 (Key-Result: PLAT-KR2 in its note, refs/notes/okr-lens)\n`,
    );
    assert.match(r.stderr, /git push origin refs\/notes\/okr-lens/);
    assert.equal(repo.head(), head);
    assert.equal(repo.out(['notes', '--ref=refs/notes/okr-lens', 'show', untagged]), 'Key-Result: PLAT-KR2');

    const links = await run(['links']);
    assert.match(
      links.stdout,
      new RegExp(
        `PLAT-KR2  Achieve 99.95% uptime for core services\\n  1 commit by Dana Author, on 2026-11-01\\n    ${untagged.slice(0, 10)}  `,
      ),
    );
    const check = await run(['check-commits', `${base}..HEAD`]);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /2 commits checked, 2 with key-result trailers/);
    // A note naming no key result is caught like a trailer would be.
    await run(['tag', untagged, 'PLAT-KR1']);
    repo.git(['notes', '--ref=refs/notes/okr-lens', 'append', '-m', 'Key-Result: PLAT-KR77', untagged]);
    assert.match((await run(['check-commits', `${base}..HEAD`])).stdout, /Key-Result: PLAT-KR77 - PLAT-KR77 is not a key result/);

    const again = await run(['tag', untagged, 'PLAT-KR2']);
    assert.match(again.stdout, /already linked to PLAT-KR2 by its note; nothing changed/);
    const removed = await run(['tag', untagged, 'PLAT-KR2', '--remove']);
    assert.match(removed.stdout, /removed Key-Result: PLAT-KR2 from its note/);
    assert.match((await run(['links'])).stdout, /PLAT-KR2 {2}Achieve 99.95% uptime for core services\n {2}no commits/);
  });

  it('leaves a commit whose trailer already names the key result alone, and refuses unknown commits and ids', async () => {
    const tagged = repo.commit('Tagged\n\nKey-Result: PLAT-KR1\n');
    const same = await run(['tag', tagged, 'PLAT-KR1']);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /already linked to PLAT-KR1 by its trailer; nothing changed/);
    assert.equal(repo.git(['notes', '--ref=refs/notes/okr-lens', 'list'], { allowFail: true }).stdout, '');

    const noCommit = await run(['tag', 'no-such-ref', 'PLAT-KR1']);
    assert.equal(noCommit.code, 2);
    assert.equal(noCommit.stderr, 'okr: no-such-ref is not a commit in this repository\n');
    const unknown = await run(['tag', untagged, 'PLAT-KR9']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /PLAT-KR9 is not a key result in the OKR files \(did you mean/);
    const objective = await run(['tag', untagged, 'PLAT-O1']);
    assert.match(objective.stderr, /PLAT-O1 is an objective, not a key result/);
    assert.equal((await run(['tag', untagged])).code, 2);
  });
});
