// The commit hooks, installed with `okr hook install` and exercised by real
// `git commit`, `git merge` and friends in temporary repositories.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { installHooks } from '../../src/core/git/hooks';
import { PLATFORM_OKR, TempRepo, testCliPath } from '../helpers/git-repo';
import { okr } from './cli-harness';

describe('okr hook', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let env: NodeJS.ProcessEnv;

  /** `okr` in-process, in the repository, with the repository's isolated environment. */
  const run = (argv: string[], extraEnv: NodeJS.ProcessEnv = {}) => okr(argv, { cwd: repo.dir, env: { ...env, ...extraEnv } });

  beforeEach(() => {
    repo = TempRepo.create();
    env = { ...repo.env, OKR_CLI_PATH: testCliPath() };
    repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } });
  });
  afterEach(() => repo.remove());

  const hookPath = (name: string) => path.join(repo.dir, '.git', 'hooks', name);

  async function install(): Promise<void> {
    const r = await run(['hook', 'install']);
    assert.equal(r.code, 0, r.stderr);
  }

  /** A file change to commit, so commits are never empty. */
  let counter = 0;
  function stage(): void {
    repo.write(`work-${counter++}.txt`, `change ${counter}\n`);
    repo.git(['add', '-A']);
  }

  describe('install', () => {
    it('installs both hooks, executable, and changes nothing when run again', async () => {
      const first = await run(['hook', 'install']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /prepare-commit-msg: installed in \.git\/hooks/);
      assert.match(first.stdout, /commit-msg: installed/);
      for (const name of ['prepare-commit-msg', 'commit-msg']) {
        assert.equal(statSync(hookPath(name)).mode & 0o777, 0o755);
        assert.match(readFileSync(hookPath(name), 'utf8'), /^#!\/bin\/sh\n/);
      }
      const before = readFileSync(hookPath('commit-msg'));
      const again = await run(['hook', 'install']);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /commit-msg: already installed/);
      assert.deepEqual(readFileSync(hookPath('commit-msg')), before);
      const status = await run(['hook', 'status']);
      assert.match(status.stdout, /prepare-commit-msg: installed/);
      assert.match(status.stdout, /commit-msg: installed/);
    });

    it('says clearly when the folder is not a repository', async () => {
      const outside = path.join(repo.root, 'home');
      const r = await okr(['hook', 'install'], { cwd: outside, env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not in a git repository/);
    });

    it('refuses, changing nothing, when a hook and a chained hook both exist', async () => {
      repo.write('.git/hooks/commit-msg', '#!/bin/sh\nexit 0\n', 0o755);
      repo.write('.git/hooks/commit-msg.okr-chained', '#!/bin/sh\nexit 0\n', 0o755);
      const r = await run(['hook', 'install']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /both .* exist/);
      assert.ok(!existsSync(hookPath('prepare-commit-msg')), 'nothing may be installed half-way');
    });
  });

  describe('prepare-commit-msg', () => {
    beforeEach(install);

    it('adds the trailer of the branch named after a key result (git commit -m)', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-reduce-incidents']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Add canary checks']);
      assert.equal(repo.message(), 'Add canary checks\n\nKey-Result: PLAT-KR1\n');
    });

    it('takes the longest id in the name', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR12-faster-deploys']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Parallel builds']);
      assert.deepEqual(repo.trailers(), ['PLAT-KR12']);
    });

    it('prefers the branch link in git config over the name', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-misnamed']);
      repo.git(['config', 'branch.kr/PLAT-KR1-misnamed.okrKeyResult', 'PLAT-KR2']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Uptime work']);
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
    });

    it('appends to Signed-off-by and keeps a message from a file intact (git commit -s -F)', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      const file = repo.write('../msg.txt', 'Fix the pager\n\nIt paged twice. Note: not thrice.\n');
      stage();
      repo.commitLikeUser(['-q', '-s', '-F', file]);
      assert.equal(
        repo.message(),
        'Fix the pager\n\nIt paged twice. Note: not thrice.\n\nSigned-off-by: Dana Author <dana@example.com>\nKey-Result: PLAT-KR1\n',
      );
    });

    it('adds nothing on a branch that names no key result, or on a detached HEAD', () => {
      stage();
      repo.commitLikeUser(['-q', '-m', 'On main']);
      assert.equal(repo.message(), 'On main\n');
      repo.git(['checkout', '-q', '--detach']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Detached']);
      assert.equal(repo.message(), 'Detached\n');
    });

    it('works with the editor: the trailer goes below what the user types, before the comments', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-uptime']);
      const editor = repo.write(
        '../type-subject.sh',
        '#!/bin/sh\n{ printf "Typed subject\\n"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n',
        0o755,
      );
      stage();
      repo.commitLikeUser(['-q', '-v'], { env: { GIT_EDITOR: editor } });
      assert.equal(repo.message(), 'Typed subject\n\nKey-Result: PLAT-KR2\n');
    });

    it('lets git abort when the editor is closed without a message', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-uptime']);
      const before = repo.head();
      stage();
      const r = repo.commitLikeUser(['-q'], { env: { GIT_EDITOR: 'true' }, allowFail: true });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /Aborting commit due to empty commit message/);
      assert.equal(repo.head(), before);
    });

    it('keeps one trailer through amends, and adds it to an amended message without one', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'First try']);
      stage();
      repo.commitLikeUser(['-q', '--amend', '--no-edit']);
      assert.equal(repo.message(), 'First try\n\nKey-Result: PLAT-KR1\n');
      repo.commitLikeUser(['-q', '--amend', '-m', 'Second wording']);
      assert.equal(repo.message(), 'Second wording\n\nKey-Result: PLAT-KR1\n');
      repo.commitLikeUser(['-q', '--amend', '-m', 'Third\n\nKey-Result: plat-kr1']);
      assert.equal(repo.message(), 'Third\n\nKey-Result: plat-kr1\n');
    });

    it('leaves merge commits alone, both ways', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Work']);
      repo.git(['switch', '-q', 'main']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Meanwhile on main']);
      repo.git(['merge', '-q', '--no-ff', '--no-edit', 'kr/PLAT-KR1-x'], { env: repo.dated() });
      assert.equal(repo.message(), "Merge branch 'kr/PLAT-KR1-x'\n");
      repo.git(['switch', '-q', 'kr/PLAT-KR1-x']);
      repo.git(['merge', '-q', '--no-ff', '--no-edit', 'main~1'], { env: repo.dated() });
      assert.deepEqual(repo.trailers(), []);
      // The merged commit keeps its own trailer, once.
      assert.equal(repo.out(['log', '--format=%(trailers:key=Key-Result,valueonly)', '--grep=^Work$', 'main']).trim(), 'PLAT-KR1');
    });

    it('carries the squashed commits’ trailers over to a squash commit, once each', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Part one']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Part two\n\nKey-Result: PLAT-KR2']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Part three']);
      repo.git(['switch', '-q', 'main']);
      repo.git(['merge', '-q', '--squash', 'kr/PLAT-KR1-x']);
      repo.commitLikeUser(['-q', '--no-edit']);
      const trailers = repo.trailers();
      assert.deepEqual([...trailers].sort(), ['PLAT-KR1', 'PLAT-KR2']);
      assert.match(repo.message(), /^Squashed commit of the following:/);
    });

    it('keeps every byte of a message in another encoding', () => {
      repo.git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      const latin1 = Buffer.from('R\xe9sum\xe9 of the caf\xe9 fix\n\nNa\xefve body \xff.\n', 'latin1');
      const file = path.join(repo.root, 'latin1.txt');
      writeFileSync(file, latin1);
      stage();
      repo.commitLikeUser(['-q', '-F', file]);
      const raw = spawnSync('git', ['cat-file', 'commit', 'HEAD'], { cwd: repo.dir, env: repo.env }).stdout as Buffer;
      const body = raw.subarray(raw.indexOf('\n\n') + 2);
      assert.deepEqual(body, Buffer.concat([latin1, Buffer.from('\nKey-Result: PLAT-KR1\n')]));
    });

    it('adds nothing while rebasing (detached HEAD), and the rebased commits keep one trailer each', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Feature work']);
      repo.git(['switch', '-q', 'main']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Main moves on']);
      repo.git(['switch', '-q', 'kr/PLAT-KR1-x']);
      repo.git(['rebase', '-q', 'main'], { env: repo.dated() });
      assert.equal(repo.message(), 'Feature work\n\nKey-Result: PLAT-KR1\n');
      assert.equal(repo.message('HEAD~1'), 'Main moves on\n');
    });

    it('adds nothing to an unedited commit template, so git still aborts; an edited one gets the trailer', () => {
      const template = repo.write('../template.txt', 'area: \n\n# Say why, not what.\n');
      repo.git(['config', 'commit.template', template]);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      const before = repo.head();
      stage();
      // The editor is closed without a change (GIT_EDITOR=true), and with only whitespace added.
      const untouched = repo.commitLikeUser(['-q'], { env: { GIT_EDITOR: 'true' }, allowFail: true });
      assert.notEqual(untouched.status, 0);
      assert.match(untouched.stderr, /you did not edit the message/);
      const spaces = repo.write('../add-spaces.sh', '#!/bin/sh\nprintf "\\n\\n   \\n" >> "$1"\n', 0o755);
      const stillUntouched = repo.commitLikeUser(['-q'], { env: { GIT_EDITOR: spaces }, allowFail: true });
      assert.match(stillUntouched.stderr, /you did not edit the message/);
      assert.equal(repo.head(), before);
      const editor = repo.write(
        '../type-subject.sh',
        '#!/bin/sh\n{ printf "pager: page once\\n"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n',
        0o755,
      );
      repo.commitLikeUser(['-q'], { env: { GIT_EDITOR: editor } });
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);
      assert.match(repo.message(), /^pager: page once\n/);
    });

    it('adds nothing when the message has its own key-result trailer, whichever key result it names', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Uptime probe', '-m', 'Key-Result: PLAT-KR2']);
      assert.equal(repo.message(), 'Uptime probe\n\nKey-Result: PLAT-KR2\n');
    });

    it('adds nothing when a merge commit is amended', () => {
      repo.git(['switch', '-q', '-c', 'feature/plain']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Plain work']);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x', 'main']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Work']);
      repo.git(['merge', '-q', '--no-ff', '--no-edit', 'feature/plain'], { env: repo.dated() });
      assert.deepEqual(repo.trailers(), []);
      repo.commitLikeUser(['-q', '--amend', '--no-edit']);
      assert.equal(repo.message(), "Merge branch 'feature/plain' into kr/PLAT-KR1-x\n");
      const editor = repo.write('../reword.sh', '#!/bin/sh\nsed -i "1s/.*/Merge the plain work/" "$1"\n', 0o755);
      repo.commitLikeUser(['-q', '--amend'], { env: { GIT_EDITOR: editor } });
      assert.equal(repo.message(), 'Merge the plain work\n');
      repo.commitLikeUser(['-q', '--amend', '-m', 'Merge, reworded on the command line']);
      assert.equal(repo.message(), 'Merge, reworded on the command line\n');
      // A commit on top of the merge still gets its trailer.
      stage();
      repo.commitLikeUser(['-q', '-m', 'After the merge']);
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);
    });

    it('adds nothing to a revert; a cherry-pick keeps the trailers of the commit it copies, and only those', () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-uptime']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Uptime probe']);
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
      repo.git(['switch', '-q', '-c', 'feature/plain', 'main']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Plain work']);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x', 'main']);
      repo.git(['cherry-pick', '-x', 'kr/PLAT-KR2-uptime'], { env: repo.dated() });
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
      assert.match(repo.message(), /\(cherry picked from commit [0-9a-f]{40}\)\n$/);
      repo.git(['cherry-pick', 'feature/plain'], { env: repo.dated() });
      assert.equal(repo.message(), 'Plain work\n');
      repo.git(['revert', '--no-edit', 'HEAD'], { env: repo.dated() });
      assert.deepEqual(repo.trailers(), []);
      assert.match(repo.message(), /^Revert "Plain work"\n\nThis reverts commit [0-9a-f]{40}\.\n$/);
      repo.git(['revert', 'HEAD~2'], { env: { ...repo.dated(), GIT_EDITOR: 'true' } });
      assert.deepEqual(repo.trailers(), []);
    });

    it('takes git’s arguments from the pre-commit framework’s environment (it passes only the file)', async () => {
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      const file = repo.write('.git/COMMIT_EDITMSG', "Merge branch 'x'\n");
      const merge = await run(['hook', 'run', 'prepare-commit-msg', '.git/COMMIT_EDITMSG'], { PRE_COMMIT_COMMIT_MSG_SOURCE: 'merge' });
      assert.equal(merge.code, 0, merge.stderr);
      assert.equal(readFileSync(file, 'utf8'), "Merge branch 'x'\n");
      await run(['hook', 'run', 'prepare-commit-msg', '.git/COMMIT_EDITMSG'], { PRE_COMMIT_COMMIT_MSG_SOURCE: 'message' });
      assert.equal(readFileSync(file, 'utf8'), "Merge branch 'x'\n\nKey-Result: PLAT-KR1\n");
    });

    it('honours okr.trailer', () => {
      repo.git(['config', 'okr.trailer', 'Supports']);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Custom key']);
      assert.deepEqual(repo.trailers('Supports'), ['PLAT-KR1']);
      assert.deepEqual(repo.trailers('Key-Result'), []);
    });
  });

  describe('commit-msg', () => {
    beforeEach(install);

    it('refuses a trailer naming no key result, with the closest ids; --no-verify still commits', () => {
      const before = repo.head();
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Typo', '-m', 'Key-Result: PLAT-KR9'], { allowFail: true });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /Key-Result: PLAT-KR9 - PLAT-KR9 is not a key result in the OKR files \(did you mean PLAT-KR1, PLAT-KR2/);
      assert.match(r.stderr, /--no-verify/);
      assert.equal(repo.head(), before);
      repo.commitLikeUser(['-q', '--no-verify', '-m', 'Typo', '-m', 'Key-Result: PLAT-KR9']);
      assert.deepEqual(repo.trailers(), ['PLAT-KR9']);
    });

    it('never suggests a dropped key result', () => {
      repo.write(
        'okr/platform.okr.yaml',
        PLATFORM_OKR.replace(
          '    initiatives:',
          '      - { id: PLAT-KR3, title: Old pager, target: 1, status: dropped, reason: kept }\n    initiatives:',
        ),
      );
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Typo', '-m', 'Key-Result: PLAT-KR33'], { allowFail: true });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /Key-Result: PLAT-KR33 - PLAT-KR33 is not a key result in the OKR files \(did you mean [^)]*\)/);
      assert.doesNotMatch(r.stderr, /PLAT-KR3\b/);
    });

    it('says when the id is an objective, and accepts a known id in any case', () => {
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Wrong kind', '-m', 'Key-Result: PLAT-O1'], { allowFail: true });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /PLAT-O1 is an objective, not a key result/);
      repo.commitLikeUser(['-q', '-m', 'Lower case', '-m', 'Key-Result: plat-kr2']);
      assert.deepEqual(repo.trailers(), ['plat-kr2']);
    });

    it('refuses the link of a branch to a key result that no longer exists', () => {
      repo.git(['switch', '-q', '-c', 'feature/old']);
      repo.git(['config', 'branch.feature/old.okrKeyResult', 'PLAT-KR7']);
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Stale link'], { allowFail: true });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /PLAT-KR7 is not a key result/);
    });

    it('warns and allows when the repository has no OKR file', () => {
      repo.git(['rm', '-q', '-r', 'okr']);
      repo.commitLikeUser(['-q', '-m', 'Remove OKRs']);
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Anything', '-m', 'Key-Result: PLAT-KR9']);
      assert.equal(r.status, 0);
      assert.match(r.stderr, /key results not checked: no key results found/);
    });
  });

  describe('living with other hooks', () => {
    const USER_HOOK = '#!/bin/sh\n# the user\'s own hook\necho "X-User-Hook: ran" >> "$1"\n';

    it('runs the user’s hook first, and uninstall puts it back byte for byte, mode too', async () => {
      repo.write('.git/hooks/commit-msg', USER_HOOK, 0o750);
      const before = { bytes: readFileSync(hookPath('commit-msg')), mode: lstatSync(hookPath('commit-msg')).mode };
      const r = await run(['hook', 'install']);
      assert.match(r.stdout, /commit-msg: installed .*runs your own hook first/);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Both hooks']);
      assert.equal(repo.message(), 'Both hooks\n\nKey-Result: PLAT-KR1\nX-User-Hook: ran\n');

      const u = await run(['hook', 'uninstall']);
      assert.equal(u.code, 0);
      assert.match(u.stdout, /commit-msg: removed; your own hook is back in place/);
      assert.match(u.stdout, /prepare-commit-msg: removed/);
      assert.deepEqual(readFileSync(hookPath('commit-msg')), before.bytes);
      assert.equal(lstatSync(hookPath('commit-msg')).mode, before.mode);
      assert.ok(!existsSync(hookPath('prepare-commit-msg')));
      assert.ok(!existsSync(hookPath('commit-msg.okr-chained')));
      const again = await run(['hook', 'uninstall']);
      assert.match(again.stdout, /prepare-commit-msg: not installed/);
      assert.match(again.stdout, /commit-msg: not ours, left alone/);
    });

    it('stops the commit when the user’s hook fails, with its exit code', async () => {
      repo.write('.git/hooks/commit-msg', '#!/bin/sh\necho "user hook says no" >&2\nexit 3\n', 0o755);
      await install();
      const before = repo.head();
      stage();
      const r = repo.commitLikeUser(['-q', '-m', 'Refused'], { allowFail: true });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /user hook says no/);
      assert.equal(repo.head(), before);
    });

    it('keeps a symbolic link hook as a link', async () => {
      const target = repo.write('../shared-hook.sh', '#!/bin/sh\nexit 0\n', 0o755);
      symlinkSync(target, hookPath('prepare-commit-msg'));
      await install();
      assert.ok(lstatSync(hookPath('prepare-commit-msg.okr-chained')).isSymbolicLink());
      await run(['hook', 'uninstall']);
      assert.ok(lstatSync(hookPath('prepare-commit-msg')).isSymbolicLink());
    });

    for (const kind of ['relative', 'absolute'] as const) {
      it(`installs into core.hooksPath (${kind}) and commits go through it`, async () => {
        const dir = kind === 'relative' ? '.githooks' : path.join(repo.root, 'shared-hooks');
        repo.git(['config', 'core.hooksPath', dir]);
        const hooks = kind === 'relative' ? path.join(repo.dir, dir) : dir;
        mkdirSync(hooks, { recursive: true });
        copyFileSync(path.join(repo.dir, '.git', 'hooks', 'commit-msg.sample'), path.join(hooks, 'commit-msg'));
        const before = readFileSync(path.join(hooks, 'commit-msg'));
        // From a subfolder: a relative hooksPath is still relative to the root.
        mkdirSync(path.join(repo.dir, 'sub'));
        const r = await okr(['hook', 'install'], { cwd: path.join(repo.dir, 'sub'), env });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /core\.hooksPath is set/);
        assert.ok(existsSync(path.join(hooks, 'prepare-commit-msg')));
        assert.ok(!existsSync(hookPath('prepare-commit-msg')));
        repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-x']);
        stage();
        repo.commitLikeUser(['-q', '-m', 'Through hooksPath']);
        assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
        await run(['hook', 'uninstall']);
        assert.deepEqual(readFileSync(path.join(hooks, 'commit-msg')), before);
        assert.ok(!existsSync(path.join(hooks, 'prepare-commit-msg')));
      });
    }
  });

  describe('when OKR Lens moves', () => {
    it('works from a path with spaces and quotes', async () => {
      const odd = path.join(repo.root, 'it\'s a "dir" $HOME `x`');
      mkdirSync(odd);
      const cli = path.join(odd, 'okr.js');
      copyFileSync(testCliPath(), cli);
      const r = await run(['hook', 'install'], { OKR_CLI_PATH: cli });
      assert.equal(r.code, 0, r.stderr);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'Odd path']);
      assert.equal(c.stderr, '');
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
    });

    it('commits go ahead without the trailer, and commit-msg says why', async () => {
      const moving = path.join(repo.root, 'okr-moving.js');
      copyFileSync(testCliPath(), moving);
      const r = await run(['hook', 'install'], { OKR_CLI_PATH: moving });
      assert.equal(r.code, 0, r.stderr);
      rmSync(moving);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'Still works']);
      assert.equal(c.status, 0);
      assert.equal(repo.message(), 'Still works\n');
      // One line, naming what was looked for.
      assert.match(
        c.stderr,
        /^OKR Lens: key results not checked and no trailer added: no okr found \(not on the PATH, no OKR Lens extension installed, .*okr-moving\.js is gone\)\. See okr hook status\.\n$/,
      );
      const status = await run(['hook', 'status'], { OKR_CLI_PATH: '' });
      assert.match(status.stdout, /the hooks find no okr .*okr-moving\.js is gone/);
    });

    it('commits go ahead when node cannot be found', async () => {
      await installHooks(repo.ctx, { cliPath: testCliPath(), nodePath: '/nonexistent/node' });
      // A PATH with git and dirname but no node.
      const bin = path.join(repo.root, 'bin');
      mkdirSync(bin);
      for (const tool of ['git', 'dirname']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'No node'], { env: { PATH: bin } });
      assert.equal(c.status, 0, c.stderr);
      assert.equal(repo.message(), 'No node\n');
      assert.match(c.stderr, /node is not on the PATH/);
    });
  });
});
