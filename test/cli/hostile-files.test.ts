// A cloned repository with traps, met by the real `okr` process under a time and a
// memory limit: a FIFO that `aligns_with` names, /proc files that report size 0 and
// read without end, a link to the root of the disk. Each must end quickly with a
// clear message, not hang, not exhaust memory.

import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES, okr, tempFolder } from './cli-harness';

const ROOT = path.resolve(__dirname, '..', '..');
const TODAY = ['--today', '2026-11-28'];
/** Far more than a run takes (well under a second); a hang is cut off here and fails the test. */
const TIME_LIMIT_MS = 15_000;
/** A read without bound dies long before this is reached... or, before the fix, grew to gigabytes. */
const HEAP_LIMIT_MB = 96;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

describe('okr against hostile files (real process, time and memory limits)', function () {
  if (process.platform === 'win32') return;
  this.timeout(120_000);
  let bundleDir: string;
  let cli: string;

  before(async () => {
    // This checkout's CLI, bundled apart from dist/ so no other build can race it.
    bundleDir = mkdtempSync(path.join(tmpdir(), 'okr-cli-bundle-'));
    cli = path.join(bundleDir, 'okr.js');
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: path.join(bundleDir, 'cli.js'),
      logLevel: 'warning',
    });
    writeFileSync(cli, "require('./cli.js').main();\n");
  });
  after(() => rmSync(bundleDir, { recursive: true, force: true }));

  function run(args: string[], cwd: string): Promise<Run> {
    return new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, cli, ...args], {
        cwd,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
      });
    });
  }

  function assertEndedOnItsOwn(r: Run): void {
    assert.equal(r.signal, null, `killed after ${r.ms} ms (hang or crash); stderr: ${r.stderr.slice(0, 300)}`);
    assert.doesNotMatch(r.stderr, /internal error|heap|Maximum call stack|at .*\.js:\d+/);
  }

  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('okr-trap-')));
  afterEach(() => tmp.remove());

  const team = (alignsWith: string) =>
    [
      'version: 1',
      'team: Platform',
      'period: 2026-Q4',
      `aligns_with: ${alignsWith}`,
      'objectives:',
      '  - id: PLAT-O1',
      '    title: Deploys feel safe to every engineer',
      '    parent: CO-O1',
      '    key_results:',
      '      - { id: PLAT-KR1, title: Cut failed deploys from 9% to 2%, start: 9, target: 2, unit: "%" }',
      '',
    ].join('\n');

  it('aligns_with: fifo (a named pipe in the repository) gives a finding at that line, and returns', async () => {
    execFileSync('mkfifo', [path.join(tmp.dir, 'fifo')]);
    writeFileSync(path.join(tmp.dir, 'team.okr.yaml'), team('fifo'));
    const r = await run(['lint', 'team.okr.yaml', ...TODAY], tmp.dir);
    assertEndedOnItsOwn(r);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^team\.okr\.yaml:4:14 +error +`aligns_with` names fifo, which cannot be read: a named pipe \(FIFO\), not a regular file: OKR Lens reads only regular files\. So the `parent:` links of this file cannot be checked\. +unknown-parent$/m,
    );
  });

  it('aligns_with: /proc/self/pagemap (size 0, terabytes long) gives a finding at that line, and returns', async function () {
    if (!existsSync('/proc/self/pagemap')) this.skip();
    writeFileSync(path.join(tmp.dir, 'team.okr.yaml'), team('/proc/self/pagemap'));
    const r = await run(['lint', ...TODAY], tmp.dir);
    assertEndedOnItsOwn(r);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^team\.okr\.yaml:4:14 +error +`aligns_with` names \S*proc\/self\/pagemap, which cannot be read: its size on disk says 0 bytes but it reads longer/m,
    );
  });

  it('an OKR file that is a link to /proc/self/pagemap is refused with its name, and okr list returns too', async function () {
    if (!existsSync('/proc/self/pagemap')) this.skip();
    symlinkSync('/proc/self/pagemap', path.join(tmp.dir, 'team.okr.yaml'));
    for (const command of ['lint', 'list']) {
      const r = await run([command, ...TODAY], tmp.dir);
      assertEndedOnItsOwn(r);
      assert.equal(r.code, 2, command);
      assert.equal(
        r.stderr,
        'okr: team.okr.yaml: its size on disk says 0 bytes but it reads longer, as files under /proc and /sys do: OKR Lens reads only ' +
          'regular files\n',
        command,
      );
    }
  });

  it('a FIFO or device named as an OKR file on the command line is refused, not opened', async () => {
    execFileSync('mkfifo', [path.join(tmp.dir, 'pipe.okr.yaml')]);
    symlinkSync('/dev/zero', path.join(tmp.dir, 'zero.okr.yaml'));
    const r = await run(['lint', 'pipe.okr.yaml', 'zero.okr.yaml', ...TODAY], tmp.dir);
    assertEndedOnItsOwn(r);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'okr: pipe.okr.yaml: not a file or folder\nokr: zero.okr.yaml: not a file or folder\n');
  });

  it('ln -s / root: okr list . lists this folder, not the whole disk', async () => {
    copyFileSync(path.join(FIXTURES, 'clean', 'payments.okr.yaml'), path.join(tmp.dir, 'payments.okr.yaml'));
    symlinkSync('/', path.join(tmp.dir, 'root'));
    const r = await run(['list', '.', ...TODAY], tmp.dir);
    assertEndedOnItsOwn(r);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1 file, 2 objectives, 4 key results; health as of 2026-11-28$/m);
  });
});

describe('okr and text that is not UTF-8', () => {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('okr-utf8-')));
  afterEach(() => tmp.remove());

  it('a bad byte inside a file is an error with file, line and column', async () => {
    const text = Buffer.concat([
      Buffer.from('version: 1\nteam: Platform\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' customers notice faster deploys\n'),
    ]);
    writeFileSync(path.join(tmp.dir, 'latin1.okr.yaml'), text);
    const r = await okr(['lint', ...TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^latin1\.okr\.yaml:6:15 +error +This file is not valid UTF-8: the byte here is not part of any character/m);
  });

  it('a file name that is not UTF-8 is named as such, not reported missing', async function () {
    if (process.platform !== 'linux') this.skip();
    writeFileSync(Buffer.concat([Buffer.from(`${tmp.dir}/caf`), Buffer.from([0xe9]), Buffer.from('.okr.yaml')]), 'version: 1\n');
    const r = await okr(['lint', ...TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'okr: caf\\xe9.okr.yaml: the name is not valid UTF-8, so OKR Lens cannot read it; rename it\n');
  });
});
