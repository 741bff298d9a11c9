// One end-to-end run of the real `okr` binary: proves that `npx okr lint` works
// once built (bundle, shebang script, exit code, output).

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// The SARIF of test/fixtures/rules and examples passes 1 MB (execFile's default buffer) as the rule fixtures
// grow; the outputs are compared whole, so the buffer is made large enough to hold them.
const MAX_BUFFER = 16 * 1024 * 1024;
const ROOT = path.resolve(__dirname, '..', '..');

async function okrBinary(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin', 'okr.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
      maxBuffer: MAX_BUFFER,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The whole CLI's bundle, run as bin/okr.js runs it for a command without a bundle of its own. */
async function wholeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))}).main()`;
    const { stdout, stderr } = await run(process.execPath, ['-e', script, 'okr', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: MAX_BUFFER,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('bin/okr.js (end to end, built bundle)', function () {
  this.timeout(120_000);

  before(async () => {
    // Build now, so the test runs the code of this checkout, not a stale dist/.
    await run(process.execPath, ['esbuild.js'], { cwd: ROOT });
  });

  it('okr lint prints findings and exits 1 on errors', async () => {
    const r = await okrBinary(['lint', 'test/fixtures/cli/small', '--today', '2026-11-28']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      `${path.join('test', 'fixtures', 'cli', 'small', 'roadmap.okr.yaml')}:10:13  warning  Objective GRO-O1 is dropped without a ` +
        `\`reason:\`; say why, so the team learns from it.  dropped-without-reason`,
      `${path.join('test', 'fixtures', 'cli', 'small', 'roadmap.okr.yaml')}:16:21  error    \`confidence\` in key result GRO-KR1 must ` +
        `be between 0 and 1 (0.7 means 70% sure), not 1.4.  schema`,
      '',
      '✖ 2 problems (1 error, 1 warning, 0 info)',
    ]);
  });

  it('okr lint exits 0 on a clean folder and 2 on bad usage', async () => {
    const clean = await okrBinary(['lint', 'test/fixtures/cli/clean', '--today', '2026-11-28', '--format', 'json']);
    assert.equal(clean.code, 0);
    assert.equal(JSON.parse(clean.stdout)[0].errorCount, 0);
    const bad = await okrBinary(['lint', '--no-such-flag']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'okr: unknown option "--no-such-flag" (see okr lint --help)\n');
  });

  it('okr links keeps yaml out of its bundle, in dist/okr-yaml.js, required at the first parse', () => {
    // Compiling yaml's code before `git log` starts would delay the log (esbuild.js, core/parse.ts).
    const links = readFileSync(path.join(ROOT, 'dist', 'okr-links.js'), 'utf8');
    assert.doesNotMatch(links, /Composer/);
    assert.match(links, /require\("\.\/okr-yaml\.js"\)/);
    assert.match(readFileSync(path.join(ROOT, 'dist', 'okr-yaml.js'), 'utf8'), /Composer/);
  });

  it('okr links runs from its own bundle (dist/okr-links.js) exactly as from the whole CLI', async () => {
    for (const args of [
      ['links', '--format', 'json'],
      ['links', '--limit', '0'],
      ['links', '--help'],
      ['links', '--no-such-flag'],
      ['links', '--since', 'soon'],
    ]) {
      const own = await okrBinary(args);
      assert.deepEqual(own, await wholeCli(args), args.join(' '));
    }
    const json = await okrBinary(['links', '--format', 'json']);
    assert.equal(json.code, 0);
    assert.ok(Array.isArray(JSON.parse(json.stdout).keyResults));
    assert.equal((await okrBinary(['links', '--no-such-flag'])).stderr, 'okr: unknown option "--no-such-flag" (see okr links --help)\n');
  });

  it('okr lint runs from its own bundle (dist/okr-lint.js), yaml beside it, exactly as from the whole CLI', async () => {
    const lint = readFileSync(path.join(ROOT, 'dist', 'okr-lint.js'), 'utf8');
    assert.doesNotMatch(lint, /Composer/);
    assert.match(lint, /require\("\.\/okr-yaml\.js"\)/);
    const today = ['--today', '2026-11-28'];
    for (const args of [
      ['lint', 'test/fixtures/rules', ...today],
      ['lint', 'test/fixtures/rules', ...today, '--format', 'json'],
      ['lint', 'test/fixtures/rules', 'examples', ...today, '--format', 'sarif'],
      ['lint', 'test/fixtures/rules', ...today, '--quiet', '--rule', 'routine-work=error'],
      ['lint', 'test/fixtures/cli/clean', ...today, '--max-warnings', '0'],
      ['lint', 'no/such/path'],
      ['lint', '--help'],
      ['lint', '--no-such-flag'],
    ]) {
      const own = await okrBinary(args);
      assert.deepEqual(own, await wholeCli(args), args.join(' '));
    }
    assert.equal((await okrBinary(['lint', 'test/fixtures/rules', ...today])).code, 1);
  });

  it("ignores the yaml library's debug switches in the environment (LOG_TOKENS, LOG_STREAM)", async () => {
    // yaml prints every token, unescaped, to stdout when they are set: JSON output would be broken and a
    // file's text would reach the terminal raw. The build turns them off (esbuild.js), in every bundle.
    const args = ['lint', 'test/fixtures/cli/small', '--today', '2026-11-28', '--format', 'json'];
    const plain = await okrBinary(args);
    const switched = await okrBinary(args, { LOG_TOKENS: '1', LOG_STREAM: '1' });
    assert.equal(switched.stdout, plain.stdout);
    assert.equal(switched.stderr, plain.stderr);
    assert.equal(switched.code, plain.code);
    assert.equal(JSON.parse(switched.stdout).length, 1);
    for (const bundle of ['cli.js', 'okr-links.js', 'okr-lint.js', 'okr-yaml.js', 'extension.js', 'bench-parse.js']) {
      assert.doesNotMatch(readFileSync(path.join(ROOT, 'dist', bundle), 'utf8'), /env\.LOG_(TOKENS|STREAM)/, bundle);
    }
  });
});
