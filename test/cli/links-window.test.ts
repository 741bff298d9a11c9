// `okr links` reads from the OKR periods on: older commits are not read unless
// --all-history; --since is passed to git; a long scan shows progress on a terminal.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLATFORM_OKR, TempRepo } from '../helpers/git-repo';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
import { okr } from './cli-harness';

const at = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });

describe('okr links: the history window', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const run = (argv: string[], terminal: { stderrIsTTY?: boolean } = {}) =>
    okr(['links', '--format', 'json', ...argv], { cwd: repo.dir, env: repo.env, ...terminal });
  const subjects = (stdout: string) => JSON.parse(stdout).keyResults.flatMap((k: any) => k.commits.map((c: any) => c.subject));

  beforeEach(() => {
    repo = TempRepo.create();
    repo.write('okr/platform.okr.yaml', PLATFORM_OKR); // period 2026-Q4
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '-m', 'Old work\n\nKey-Result: PLAT-KR1'], { env: at('2024-05-01T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Warm-up\n\nKey-Result: PLAT-KR1'], { env: at('2026-09-27T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Quarter work\n\nKey-Result: PLAT-KR2'], { env: at('2026-11-02T10:00:00+00:00') });
  });
  afterEach(() => repo.remove());

  it('reads from the earliest period start minus a week, and says so', async () => {
    const r = await run([]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.window, '2026-09-24');
    assert.equal(out.repositories[0].commits, 2);
    assert.deepEqual(subjects(r.stdout).sort(), ['Quarter work', 'Warm-up']);
  });

  it('starts from the periods pre-read; a file the pre-read gets wrong still gives the window of the parse', async () => {
    // Alone, the unclosed quote would have the scan start on 2026-01-01 less a week; its parse has no period.
    repo.remove();
    repo = TempRepo.create();
    repo.write('okr/platform.okr.yaml', PLATFORM_OKR);
    repo.write('okr/broken.okr.yaml', readFileSync(path.join(FIXTURES, 'period-preread', 'unclosed-quote.okr.yaml'), 'utf8'));
    repo.git(['add', '.']);
    repo.git(['commit', '-q', '-m', 'Old work\n\nKey-Result: PLAT-KR1'], { env: at('2024-05-01T10:00:00+00:00') });
    // Inside the window the pre-read would give, not inside the real one.
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Spring work\n\nKey-Result: PLAT-KR1'], { env: at('2026-03-02T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Warm-up\n\nKey-Result: PLAT-KR1'], { env: at('2026-09-27T10:00:00+00:00') });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Quarter work\n\nKey-Result: PLAT-KR2'], { env: at('2026-11-02T10:00:00+00:00') });
    const r = await run([]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.window, '2026-09-24');
    assert.deepEqual([out.repositories[0].commits, out.repositories[0].read], [2, 2]);
    assert.deepEqual(subjects(r.stdout).sort(), ['Quarter work', 'Warm-up']);
    // The same with the files named on the command line, and in text.
    const named = await run(['okr/platform.okr.yaml', 'okr/broken.okr.yaml']);
    assert.equal(JSON.parse(named.stdout).window, '2026-09-24');
    assert.deepEqual(subjects(named.stdout).sort(), ['Quarter work', 'Warm-up']);
    const text = await okr(['links', '--limit', '0'], { cwd: repo.dir, env: repo.env });
    assert.doesNotMatch(text.stdout, /Spring work|Old work/);
    assert.match(text.stdout, /Warm-up/);
  });

  it('--all-history reads everything; --since bounds the read itself', async () => {
    const all = await run(['--all-history']);
    assert.equal(JSON.parse(all.stdout).window, null);
    assert.equal(JSON.parse(all.stdout).repositories[0].commits, 3);
    assert.ok(subjects(all.stdout).includes('Old work'));
    const since = await run(['--since', '2026-11-01']);
    const out = JSON.parse(since.stdout);
    assert.equal(out.window, '2026-11-01');
    assert.equal(out.repositories[0].commits, 1);
    assert.deepEqual(subjects(since.stdout), ['Quarter work']);
  });

  it('--since with --all-history is a usage error; the help says what is read', async () => {
    const r = await run(['--since', '2026-11-01', '--all-history']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--since and --all-history cannot be used together/);
    const help = await okr(['links', '--help']);
    assert.match(help.stdout, /from the earliest period start among\nthe OKR files read, minus 7 days of slack/);
    assert.match(help.stdout, /--all-history {4}read the whole history/);
  });

  it("shows a progress line on a terminal's stderr, erased at the end, and none elsewhere", async () => {
    const tty = await run([], { stderrIsTTY: true });
    assert.match(tty.stderr, /\r\x1b\[Kokr: reading history\.\.\. \d+ commits/);
    assert.ok(tty.stderr.endsWith('\r\x1b[K'));
    const pipe = await run([]);
    assert.equal(pipe.stderr, '');
  });

  it('--cache keeps the commits under the git directory: the next run reads only new ones, a rewritten history in full', async () => {
    const first = JSON.parse((await run(['--cache'])).stdout).repositories[0];
    assert.deepEqual([first.read, first.full], [2, true]);
    const dir = path.join(repo.dir, '.git', 'okr-lens');
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.json')).length, 1);
    const again = JSON.parse((await run(['--cache'])).stdout);
    assert.deepEqual([again.repositories[0].read, again.repositories[0].full, again.repositories[0].commits], [0, false, 2]);
    assert.deepEqual(subjects(JSON.stringify(again)).sort(), ['Quarter work', 'Warm-up']);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'More\n\nKey-Result: PLAT-KR2'], { env: at('2026-11-03T10:00:00+00:00') });
    const added = JSON.parse((await run(['--cache'])).stdout).repositories[0];
    assert.deepEqual([added.read, added.full], [1, false]);
    repo.git(['reset', '-q', '--hard', 'HEAD~2']);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Rewritten\n\nKey-Result: PLAT-KR1'], { env: at('2026-11-04T10:00:00+00:00') });
    const rewritten = await run(['--cache']);
    assert.equal(JSON.parse(rewritten.stdout).repositories[0].full, true);
    assert.deepEqual(subjects(rewritten.stdout).sort(), ['Rewritten', 'Warm-up']);
  });

  it('without --cache nothing is written under the git directory', async () => {
    await run([]);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'okr-lens')), false);
  });
});
