import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { GitError, GitSettingError } from '../../src/core/git/git';
import type { CliIO } from '../../src/cli/io';
import { exitOnGitFailure, repoContext } from '../../src/cli/repo';
import { okr, tempFolder } from './cli-harness';

function io(): CliIO & { err: string[] } {
  const err: string[] = [];
  return { cwd: '/work/here', stdout: () => undefined, stderr: (t) => err.push(t), isTTY: false, env: { A: '1' }, err };
}

describe('cli/repo', () => {
  it('repoContext: --repo resolved against the current folder, the current folder by default, with the environment', () => {
    const i = io();
    assert.deepEqual(repoContext(i), { cwd: '/work/here', env: { A: '1' } });
    assert.deepEqual(repoContext(i, 'sub/repo'), { cwd: path.resolve('/work/here', 'sub/repo'), env: { A: '1' } });
    assert.deepEqual(repoContext(i, '/elsewhere'), { cwd: '/elsewhere', env: { A: '1' } });
  });

  it('exitOnGitFailure: the work exit code when nothing fails', async () => {
    const i = io();
    assert.equal(await exitOnGitFailure(i, () => Promise.resolve(1)), 1);
    assert.deepEqual(i.err, []);
  });

  it('exitOnGitFailure: a git failure is one escaped line with its hint, and exit code 2', async () => {
    const i = io();
    const failing = () => Promise.reject(new GitError('/x\u001b[2J is not in a git repository', 'not-a-repository', ['rev-parse']));
    assert.equal(await exitOnGitFailure(i, failing), 2);
    assert.equal(
      await exitOnGitFailure(
        i,
        () => Promise.reject(new GitSettingError('bad key')),
        () => ' (hint)',
      ),
      2,
    );
    assert.deepEqual(i.err, ['okr: /x\\u001b[2J is not in a git repository\n', 'okr: bad key (hint)\n']);
  });

  it('exitOnGitFailure: anything but a git failure is rethrown', async () => {
    const i = io();
    await assert.rejects(
      exitOnGitFailure(i, () => Promise.reject(new TypeError('a bug'))),
      (e) => e instanceof TypeError,
    );
    assert.deepEqual(i.err, []);
  });

  it('okr tag and okr branch --create outside a repository: the folder name is escaped', async function () {
    if (process.platform === 'win32') this.skip();
    const tmp = tempFolder('okr-repo-');
    try {
      const hostile = path.join(tmp.dir, 'evil\u001b]0;pwned\u0007');
      mkdirSync(hostile);
      for (const argv of [
        ['tag', 'HEAD', 'KR1', '--repo', hostile],
        ['branch', 'KR1', '--create', '--repo', hostile],
      ]) {
        const r = await okr(argv, { cwd: tmp.dir });
        assert.equal(r.code, 2, argv.join(' '));
        assert.match(r.stderr, /evil\\u001b\]0;pwned\\u0007 is not in a git repository/, argv.join(' '));
        assert.doesNotMatch(r.stderr, /\u001b/, argv.join(' '));
      }
    } finally {
      tmp.remove();
    }
  });
});
