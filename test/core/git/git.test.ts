import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import {
  configuredTrailerKey,
  currentBranch,
  GitError,
  GitSettingError,
  hooksDir,
  isAncestor,
  repoInfo,
  resolveCommit,
  runGit,
} from '../../../src/core/git/git';
import { TempRepo } from '../../helpers/git-repo';

describe('running git', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  const rejectsWith = async (promise: Promise<unknown>, kind: string, message: RegExp) => {
    await assert.rejects(promise, (err: unknown) => {
      assert.ok(err instanceof GitError, `not a GitError: ${String(err)}`);
      assert.equal(err.kind, kind);
      assert.match(err.message, message);
      return true;
    });
  };

  it('says "not in a git repository" outside one', async () => {
    const outside = path.join(repo.root, 'home');
    await rejectsWith(
      runGit({ cwd: outside, env: repo.env }, ['rev-parse', 'HEAD']),
      'not-a-repository',
      /home is not in a git repository/,
    );
  });

  it('tells a missing folder from a missing git', async () => {
    await rejectsWith(runGit({ cwd: path.join(repo.root, 'nope'), env: repo.env }, ['status']), 'no-folder', /nope does not exist/);
    // The folder is looked at only once spawn has failed: a file, and a missing folder with git missing too.
    const file = repo.write('notes.txt', 'text\n');
    await rejectsWith(runGit({ cwd: file, env: repo.env }, ['status']), 'no-folder', /notes\.txt is not a folder/);
    await rejectsWith(
      runGit({ cwd: path.join(repo.root, 'nope'), env: { ...repo.env, PATH: path.join(repo.root, 'empty-bin') } }, ['status']),
      'no-folder',
      /nope does not exist/,
    );
    await rejectsWith(
      runGit({ cwd: repo.dir, env: { ...repo.env, PATH: path.join(repo.root, 'empty-bin') } }, ['status']),
      'not-installed',
      /git is not installed/,
    );
  });

  it('stops git after the timeout, and when it prints too much', async () => {
    repo.git(['config', 'alias.slow', '!sleep 5']);
    await rejectsWith(runGit(repo.ctx, ['slow'], { timeoutMs: 200 }), 'timeout', /took longer than/);
    repo.commit('One');
    await rejectsWith(runGit(repo.ctx, ['log'], { maxBuffer: 10 }), 'output-too-large', /printed more than/);
  });

  it('reports git failures with git’s own first line', async () => {
    await rejectsWith(runGit(repo.ctx, ['log', 'no-such-ref']), 'failed', /git log failed: .*no-such-ref/);
  });

  it('passes input on stdin and treats listed exit codes as answers', async () => {
    const r = await runGit(repo.ctx, ['hash-object', '--stdin'], { input: 'hello\n' });
    assert.equal(r.stdout.trim(), 'ce013625030ba8dba906f756967f9e9ca394464a');
    const missing = await runGit(repo.ctx, ['config', '--get', 'no.such'], { okCodes: [1] });
    assert.equal(missing.code, 1);
  });

  it('answers questions about a repository without commits, detached or not', async () => {
    assert.equal(await resolveCommit(repo.ctx), undefined);
    assert.equal(await currentBranch(repo.ctx), 'main');
    const one = repo.commit('One');
    const two = repo.commit('Two');
    assert.equal(await resolveCommit(repo.ctx), two);
    assert.ok(await isAncestor(repo.ctx, one, two));
    assert.ok(!(await isAncestor(repo.ctx, two, one)));
    assert.ok(!(await isAncestor(repo.ctx, 'f'.repeat(40), two)));
    repo.git(['checkout', '-q', '--detach']);
    assert.equal(await currentBranch(repo.ctx), undefined);
    const info = await repoInfo(repo.ctx);
    assert.equal(info.root, repo.dir);
    assert.equal(info.bare, false);
    assert.equal(info.shallow, false);
    assert.deepEqual(info.head, { commit: two });
  });

  it("tells HEAD's commit with the rest, none before the first commit, and does not ask in a bare repository", async () => {
    assert.deepEqual((await repoInfo(repo.ctx)).head, { commit: undefined });
    assert.equal((await repoInfo(repo.ctx)).root, repo.dir);
    // A file named like the revision changes nothing (--end-of-options, --verify).
    repo.write('HEAD^{commit}', 'x');
    const one = repo.commit('One');
    assert.deepEqual(await repoInfo({ cwd: path.join(repo.dir, '.'), env: repo.env }), {
      bare: false,
      shallow: false,
      gitDir: path.join(repo.dir, '.git'),
      commonDir: path.join(repo.dir, '.git'),
      root: repo.dir,
      head: { commit: one },
    });
    const bare = path.join(repo.root, 'bare.git');
    repo.git(['clone', '-q', '--bare', repo.dir, bare]);
    const info = await repoInfo({ cwd: bare, env: repo.env });
    assert.deepEqual([info.bare, info.root, info.head], [true, undefined, undefined]);
    await assert.rejects(repoInfo({ cwd: path.join(repo.dir, '.git'), env: repo.env }), GitError);
  });

  it('finds the hooks folder as git does: core.hooksPath relative to the root, absolute, or .git/hooks', async () => {
    const sub = path.join(repo.dir, 'a', 'b');
    repo.write('a/b/file', 'x');
    const ctx = { cwd: sub, env: repo.env };
    // git's own answer, relative to the folder it is asked in.
    const gitSays = () => path.resolve(sub, repo.git(['rev-parse', '--git-path', 'hooks'], { cwd: sub }).stdout.trim());
    assert.equal(await hooksDir(ctx), path.join(repo.dir, '.git', 'hooks'));
    assert.equal(await hooksDir(ctx), gitSays());
    repo.git(['config', 'core.hooksPath', '.githooks']);
    assert.equal(await hooksDir(ctx), path.join(repo.dir, '.githooks'));
    assert.equal(await hooksDir(ctx), gitSays());
    repo.git(['config', 'core.hooksPath', '/srv/hooks']);
    assert.equal(await hooksDir(ctx), '/srv/hooks');
    assert.equal(await hooksDir(ctx), gitSays());
    repo.git(['config', 'core.hooksPath', '~/hooks']);
    assert.equal(await hooksDir(ctx), path.join(repo.env.HOME!, 'hooks'));
  });

  it('reads the trailer key from git config, refusing an unusable one', async () => {
    assert.equal(await configuredTrailerKey(repo.ctx), 'Key-Result');
    repo.git(['config', 'okr.trailer', 'Supports']);
    assert.equal(await configuredTrailerKey(repo.ctx), 'Supports');
    repo.git(['config', 'okr.trailer', 'Key Result']);
    await assert.rejects(
      configuredTrailerKey(repo.ctx),
      (err: unknown) => err instanceof GitSettingError && err.message.includes('okr.trailer is "Key Result"'),
    );
  });
});
