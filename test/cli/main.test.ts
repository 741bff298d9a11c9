import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { rules } from '../../src/core/rules';
import { version } from '../../package.json';
import { okr, tempFolder } from './cli-harness';

describe('okr (dispatcher and help)', () => {
  it('okr --help lists the commands, options, examples and exit codes', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await okr([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^Usage: okr <command> \[options\]$/m);
      assert.match(r.stdout, /^ {2}lint {2,}lint OKR files for anti-patterns/m);
      assert.match(r.stdout, /^ {2}list {2,}list objectives and key results with progress and health$/m);
      assert.match(r.stdout, /^Examples:$/m);
      assert.match(r.stdout, /Exit codes: 0 success, 1 problems found, 2 bad usage or unreadable input\./);
    }
  });

  it('a bare okr prints the help on stderr and exits 2', async () => {
    const r = await okr([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: okr <command>/m);
  });

  it('okr lint --help describes every option, format, exit code and rule, with examples', async () => {
    const r = await okr(['lint', '--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    for (const option of [
      '-f, --format <name>',
      '--today <date>',
      '--max-warnings <n>',
      '--rule <id=value>',
      '-q, --quiet',
      '-h, --help',
    ]) {
      assert.ok(r.stdout.includes(`  ${option}`), option);
    }
    for (const section of ['Usage: okr lint [paths...] [options]', 'Output:', 'Exit codes:', 'Examples:', 'Rules (']) {
      assert.ok(r.stdout.includes(section), section);
    }
    assert.match(r.stdout, /node_modules and \.git/);
    for (const rule of rules) assert.match(r.stdout, new RegExp(`^ {2}${rule.id} +${rule.defaultSeverity} +\\S`, 'm'), rule.id);
    // `okr help lint` and `-h` say the same.
    assert.equal((await okr(['help', 'lint'])).stdout, r.stdout);
    assert.equal((await okr(['lint', '-h'])).stdout, r.stdout);
  });

  it('okr list --help describes the options, the text and the JSON output, with examples', async () => {
    const r = await okr(['list', '--help']);
    assert.equal(r.code, 0);
    for (const part of [
      'Usage: okr list [paths...] [options]',
      '-f, --format <name>',
      '--today <date>',
      'JSON output',
      '"keyResults"',
      'Exit codes:',
      'Examples:',
    ]) {
      assert.ok(r.stdout.includes(part), part);
    }
  });

  it('okr list --help says what progress is measured from as list measures it: the latest check-in wins over current:', async () => {
    const help = (await okr(['list', '--help'])).stdout.replace(/\s+/g, ' ');
    assert.match(help, /its current value is its latest check-in's \(current: only when no check-in has a value\)/);
    const tmp = tempFolder();
    try {
      writeFileSync(
        path.join(tmp.dir, 'team.okr.yaml'),
        'version: 1\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Customers stay\n    key_results:\n' +
          '      - { id: KR1, title: Raise retention from 0 to 10, target: 10, current: 8, check_ins: [{ date: 2026-11-01, value: 5 }] }\n',
      );
      const list = await okr(['list', '--format', 'json', '--today', '2026-11-02'], { cwd: tmp.dir });
      assert.equal(JSON.parse(list.stdout).files[0].objectives[0].keyResults[0].progress, 0.5);
    } finally {
      tmp.remove();
    }
  });

  it('--help wins over other options, but not after --', async () => {
    assert.equal((await okr(['lint', '--format', 'xml', '--help'])).code, 0);
    const r = await okr(['lint', '--', '--help']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'okr: --help: no such file or folder\n');
  });

  it('prints the version of package.json', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await okr([flag]);
      assert.equal(r.stdout, `${version}\n`);
      assert.equal(r.code, 0);
    }
  });

  it('2 with one line on stderr for an unknown command or option', async () => {
    const cases: [string[], string][] = [
      [['lnt'], 'okr: unknown command "lnt" (see okr --help)\n'],
      [['--lint'], 'okr: unknown option "--lint" (see okr --help)\n'],
      [['help', 'lnt'], 'okr: unknown command "lnt" (see okr --help)\n'],
    ];
    for (const [argv, stderr] of cases) {
      const r = await okr(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, stderr);
    }
  });

  it('turns an unexpected failure into one line, never a stack trace', async () => {
    let stderr = '';
    const code = await runCli(['lint', 'test/fixtures/cli/clean', '--today', '2026-11-28'], {
      cwd: process.cwd(),
      stdout: () => {
        throw new Error('stdout closed');
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: {},
    });
    assert.equal(code, 2);
    assert.equal(stderr, 'okr: internal error: stdout closed\n');
  });
});
