// `okr hook install` among the things a user's repository already has: hook
// managers (their real files, see test/fixtures/hook-managers), installs racing
// each other, links to other repositories' hooks, switched-off hooks, bare
// repositories, a stray GIT_DIR; and how the installed hooks find the CLI.

import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installHooks, uninstallHooks } from '../../src/core/git/hooks';
import { installOkrCopy, PLATFORM_OKR, TempRepo, testCliPath } from '../helpers/git-repo';
import { okr } from './cli-harness';

const MANAGERS = path.resolve(__dirname, '..', 'fixtures', 'hook-managers');
const README = path.resolve(__dirname, '..', '..', 'README.md');

/** Every file under `dir` with its bytes, for "nothing changed". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The lines of the README's fenced block that follows `marker`. */
function readmeBlock(marker: string): string {
  const text = readFileSync(README, 'utf8');
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `README has no "${marker}"`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at));
  assert.ok(m, `no code block after "${marker}" in the README`);
  // The block sits in a list item: take its indentation off.
  const lines = m[1].split('\n').filter((l, i, all) => i < all.length - 1 || l.trim() !== '');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

describe('okr hook install among other hooks', function () {
  this.timeout(180_000);
  let repo: TempRepo;
  let env: NodeJS.ProcessEnv;
  /** A folder with an `okr` command (the current sources' CLI), to put on the PATH like an installed okr. */
  let okrBin: string;

  const run = (argv: string[], extraEnv: NodeJS.ProcessEnv = {}, cwd = repo.dir) => okr(argv, { cwd, env: { ...env, ...extraEnv } });

  beforeEach(() => {
    repo = TempRepo.create();
    env = { ...repo.env, OKR_CLI_PATH: testCliPath() };
    repo.commit('Add OKRs', { files: { 'okr/platform.okr.yaml': PLATFORM_OKR } });
    const cli = installOkrCopy(path.join(repo.root, 'global', 'lib', 'node_modules', 'okr-lens'));
    okrBin = path.join(repo.root, 'global', 'bin');
    mkdirSync(okrBin, { recursive: true });
    symlinkSync(cli, path.join(okrBin, 'okr'));
  });
  afterEach(() => repo.remove());

  let counter = 0;
  function stage(): void {
    repo.write(`work-${counter++}.txt`, `change ${counter}\n`);
    repo.git(['add', '-A']);
  }
  const withOkrOnPath = (): NodeJS.ProcessEnv => ({ PATH: `${okrBin}${path.delimiter}${repo.env.PATH ?? ''}` });

  describe('hook managers', () => {
    /** husky 9, installed by the real husky (a dev dependency), with a commit-msg script refusing subjects that are not feat/fix. */
    function huskyNine(): string {
      const entry = pathToFileURL(require.resolve('husky')).href;
      const install = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import husky from ${JSON.stringify(entry)}; const r = husky(); if (r) { console.error(r); process.exit(1); }`,
        ],
        {
          cwd: repo.dir,
          env: repo.env,
          encoding: 'utf8',
        },
      );
      assert.equal(install.status, 0, install.stderr);
      const husky = path.join(repo.dir, '.husky');
      assert.equal(repo.out(['config', 'core.hooksPath']), '.husky/_');
      assert.ok(existsSync(path.join(husky, '_', 'h')) && existsSync(path.join(husky, '_', 'commit-msg')));
      writeFileSync(
        path.join(husky, 'commit-msg'),
        'grep -qE "^(feat|fix)" "$1" || { echo "subject must start with feat or fix" >&2; exit 1; }\n',
      );
      return husky;
    }

    it('husky 9: refuses, changing nothing, says what to add; the README lines then work inside husky', async () => {
      const husky = huskyNine();
      stage();
      assert.notEqual(repo.commitLikeUser(['-q', '-m', 'bad subject'], { allowFail: true }).status, 0, 'husky refuses before install');
      const before = snapshot(husky);
      const r = await run(['hook', 'install']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /husky manages the hooks of this repository .*Nothing was installed/);
      assert.match(r.stderr, /okr hook run commit-msg "\$@"/);
      assert.deepEqual(snapshot(husky), before, 'no file of husky changed');
      const refused = repo.commitLikeUser(['-q', '-m', 'bad subject'], { allowFail: true });
      assert.notEqual(refused.status, 0, 'husky still refuses after install');
      assert.match(refused.stderr, /subject must start with feat or fix/);
      const status = await run(['hook', 'status']);
      assert.match(status.stdout, /husky manages the hooks here/);

      // What the README says to add, to the user's husky scripts.
      const lines = readmeBlock('<!-- hook-snippet: husky -->').split('\n');
      const forHook = (hook: string) => lines.filter((l) => l.includes(`okr hook run ${hook} `)).join('\n');
      writeFileSync(path.join(husky, 'prepare-commit-msg'), `${forHook('prepare-commit-msg')}\n`);
      writeFileSync(path.join(husky, 'commit-msg'), `${readFileSync(path.join(husky, 'commit-msg'), 'utf8')}${forHook('commit-msg')}\n`);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      assert.notEqual(repo.commitLikeUser(['-q', '-m', 'bad subject'], { allowFail: true, env: withOkrOnPath() }).status, 0);
      repo.commitLikeUser(['-q', '-m', 'feat: canary checks'], { env: withOkrOnPath() });
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);
      stage();
      const wrongId = repo.commitLikeUser(['-q', '-m', 'fix: typo', '-m', 'Key-Result: PLAT-KR9'], {
        allowFail: true,
        env: withOkrOnPath(),
      });
      assert.notEqual(wrongId.status, 0);
      assert.match(wrongId.stderr, /PLAT-KR9 is not a key result/);
      // Without okr on the PATH the lines do nothing and block nothing.
      repo.commitLikeUser(['-q', '-m', 'fix: typo']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'feat: without okr']);
      assert.deepEqual(repo.trailers(), []);
    });

    it('husky 4: chains to its hook under the hook’s own name, so its configured command still runs', async () => {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      for (const hook of ['prepare-commit-msg', 'commit-msg']) copyFileSync(path.join(MANAGERS, 'husky-4', 'hook'), path.join(hooks, hook));
      for (const hook of ['prepare-commit-msg', 'commit-msg']) chmodSync(path.join(hooks, hook), 0o755);
      copyFileSync(path.join(MANAGERS, 'husky-4', 'husky.sh'), path.join(hooks, 'husky.sh'));
      copyFileSync(path.join(MANAGERS, 'husky-4', 'husky.local.sh'), path.join(hooks, 'husky.local.sh'));
      repo.write('package.json', JSON.stringify({ husky: { hooks: { 'commit-msg': 'grep -qE "^(feat|fix)" $HUSKY_GIT_PARAMS' } } }));
      // husky-run, as npx finds it: runs the command package.json gives for the hook it is named.
      const bin = path.join(repo.root, 'husky-bin');
      mkdirSync(bin);
      writeFileSync(
        path.join(bin, 'npx'),
        '#!/bin/sh\n[ "$1" = --no-install ] && shift\n[ "$1" = husky-run ] || exit 127\nhook=$2; shift 2\n' +
          'cmd=$(node -e \'const h=require("./package.json").husky.hooks; process.stdout.write(h[process.argv[1]] || "")\' "$hook")\n' +
          '[ -z "$cmd" ] && exit 0\nHUSKY_GIT_PARAMS="$*" sh -c "$cmd"\n',
        { mode: 0o755 },
      );
      const huskyEnv = { PATH: `${bin}${path.delimiter}${repo.env.PATH ?? ''}` };
      stage();
      assert.notEqual(
        repo.commitLikeUser(['-q', '-m', 'bad subject'], { allowFail: true, env: huskyEnv }).status,
        0,
        'husky refuses before install',
      );
      const r = await run(['hook', 'install']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /commit-msg: installed .*runs your own hook first \(husky 4's\), under its own name/);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      assert.notEqual(
        repo.commitLikeUser(['-q', '-m', 'bad subject'], { allowFail: true, env: huskyEnv }).status,
        0,
        'husky still refuses after install',
      );
      repo.commitLikeUser(['-q', '-m', 'feat: both'], { env: huskyEnv });
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);
    });

    it('any shell hook runs with $0 as git gives it: a dispatcher by name keeps working', async () => {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      const dispatcher = repo.write(
        '../dispatch.sh',
        '#!/bin/sh\ncase "$(basename "$0")" in commit-msg) echo "X-Checked-By: $(basename "$0") in $(basename "$(dirname "$0")")" >> ' +
          '"$1" ;; *) echo "unknown hook $0" >&2; exit 1 ;; esac\n',
        0o755,
      );
      symlinkSync(dispatcher, path.join(hooks, 'commit-msg'));
      await run(['hook', 'install']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Dispatched']);
      assert.equal(repo.message(), 'Dispatched\nX-Checked-By: commit-msg in hooks\n');
    });

    it('lefthook: refuses, changing nothing, and says what to add to lefthook.yml', async () => {
      copyFileSync(path.join(MANAGERS, 'lefthook', 'lefthook.yml'), path.join(repo.dir, 'lefthook.yml'));
      const hook = path.join(repo.dir, '.git', 'hooks', 'commit-msg');
      copyFileSync(path.join(MANAGERS, 'lefthook', 'commit-msg'), hook);
      chmodSync(hook, 0o755);
      const before = snapshot(path.join(repo.dir, '.git', 'hooks'));
      const r = await run(['hook', 'install']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /lefthook manages the hooks of this repository/);
      assert.match(r.stderr, /okr hook run commit-msg \{1\}/);
      assert.deepEqual(snapshot(path.join(repo.dir, '.git', 'hooks')), before);
      // Also before lefthook has written any hook: its configuration is enough.
      rmSync(hook);
      assert.equal((await run(['hook', 'install'])).code, 2);
    });

    it('lefthook: the README lines work in a real lefthook', async function () {
      // lefthook's binary for this machine, a dev dependency (the `lefthook` package would install hooks into this checkout).
      const lefthook = path.resolve(__dirname, '..', '..', 'node_modules', 'lefthook-linux-x64', 'bin', 'lefthook');
      if (process.platform !== 'linux' || process.arch !== 'x64') this.skip();
      writeFileSync(path.join(repo.dir, 'lefthook.yml'), readmeBlock('<!-- hook-snippet: lefthook -->'));
      const lhEnv = { ...withOkrOnPath(), LEFTHOOK_BIN: lefthook, NO_COLOR: '1' };
      repo.git(['add', 'lefthook.yml']);
      const installed = await spawnAsync(lefthook, ['install'], { cwd: repo.dir, env: { ...repo.env, ...lhEnv } });
      assert.equal(installed.code, 0, installed.stderr);
      assert.match(readFileSync(path.join(repo.dir, '.git', 'hooks', 'commit-msg'), 'utf8'), /call_lefthook run "commit-msg"/);
      const refused = await run(['hook', 'install']);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /lefthook manages the hooks/);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Through lefthook'], { env: lhEnv });
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
      const wrong = repo.commitLikeUser(['-q', '-m', 'Wrong', '-m', 'Key-Result: PLAT-KR9'], { allowFail: true, env: lhEnv });
      assert.notEqual(wrong.status, 0);
    });

    it('pre-commit and simple-git-hooks: refuses, changing nothing, with what to add to their configuration', async () => {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      copyFileSync(path.join(MANAGERS, 'pre-commit', 'commit-msg'), path.join(hooks, 'commit-msg'));
      chmodSync(path.join(hooks, 'commit-msg'), 0o755);
      const before = snapshot(hooks);
      const pc = await run(['hook', 'install']);
      assert.equal(pc.code, 2);
      assert.match(pc.stderr, /pre-commit manages the hooks/);
      assert.match(pc.stderr, /stages: \[commit-msg\]/);
      assert.deepEqual(snapshot(hooks), before);
      rmSync(path.join(hooks, 'commit-msg'));

      repo.write('package.json', JSON.stringify({ name: 'x', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } }, null, 2));
      const sgh = await run(['hook', 'install']);
      assert.equal(sgh.code, 2);
      assert.match(sgh.stderr, /simple-git-hooks manages the hooks .*package\.json/);
      assert.match(sgh.stderr, /"commit-msg": "if command -v okr/);
      assert.ok(!existsSync(path.join(hooks, 'commit-msg')));
    });
  });

  describe('installing safely', () => {
    const USER_HOOK = '#!/bin/sh\necho "X-User-Hook: ran" >> "$1"\n';

    it('20 installs at once never lose the user’s hook (in one process, interleaved)', async () => {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      repo.write('.git/hooks/commit-msg', USER_HOOK, 0o755);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => installHooks(repo.ctx, { cliPath: testCliPath() })));
      for (const r of results) assert.equal(r.status, 'fulfilled', r.status === 'rejected' ? String(r.reason) : '');
      assert.equal(readFileSync(path.join(hooks, 'commit-msg.okr-chained'), 'utf8'), USER_HOOK);
      await uninstallHooks(repo.ctx);
      assert.equal(readFileSync(path.join(hooks, 'commit-msg'), 'utf8'), USER_HOOK);
    });

    it('20 installs at once never lose the user’s hook (20 processes)', async () => {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      repo.write('.git/hooks/commit-msg', USER_HOOK, 0o755);
      const runs = await Promise.all(
        Array.from({ length: 20 }, () => spawnAsync(process.execPath, [testCliPath(), 'hook', 'install'], { cwd: repo.dir, env })),
      );
      for (const r of runs) assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(path.join(hooks, 'commit-msg.okr-chained'), 'utf8'), USER_HOOK);
      assert.ok(!existsSync(path.join(hooks, '.okr-lens.lock')));
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      repo.commitLikeUser(['-q', '-m', 'After the race']);
      assert.equal(repo.message(), 'After the race\n\nKey-Result: PLAT-KR1\nX-User-Hook: ran\n');
      await run(['hook', 'uninstall']);
      assert.equal(readFileSync(path.join(hooks, 'commit-msg'), 'utf8'), USER_HOOK);
    });

    it('never runs a chained OKR Lens hook: a link to another repository’s installed hook', async () => {
      const other = repo.sibling('other');
      mkdirSync(other.dir);
      other.git(['init', '-q']);
      assert.equal((await run(['hook', 'install'], {}, other.dir)).code, 0);
      for (const hook of ['prepare-commit-msg', 'commit-msg'])
        symlinkSync(path.join(other.dir, '.git', 'hooks', hook), path.join(repo.dir, '.git', 'hooks', hook));
      const r = await run(['hook', 'install']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /commit-msg: installed .*is another OKR Lens hook: kept, never run/);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'No recursion'], { timeoutMs: 30_000 });
      assert.equal(c.status, 0, c.stderr);
      assert.equal(repo.message(), 'No recursion\n\nKey-Result: PLAT-KR1\n');
      // Uninstall gives the links back.
      await run(['hook', 'uninstall']);
      assert.equal(
        readFileSync(path.join(repo.dir, '.git', 'hooks', 'commit-msg'), 'utf8'),
        readFileSync(path.join(other.dir, '.git', 'hooks', 'commit-msg'), 'utf8'),
      );
    });

    it('core.hooksPath=/dev/null (hooks switched off): says so in words', async () => {
      repo.git(['config', 'core.hooksPath', '/dev/null']);
      const i = await run(['hook', 'install']);
      assert.equal(i.code, 2);
      assert.match(i.stderr, /^okr: core\.hooksPath is \/dev\/null, which is not a folder: git runs no hooks at all in this repository/);
      assert.doesNotMatch(i.stderr, /internal error|ENOTDIR/);
      for (const action of ['status', 'uninstall']) {
        const r = await run(['hook', action]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /core\.hooksPath is \/dev\/null, which is not a folder/);
      }
      repo.git(['config', 'core.hooksPath', 'okr/platform.okr.yaml']);
      assert.match((await run(['hook', 'install'])).stderr, /core\.hooksPath is okr\/platform\.okr\.yaml, which is not a folder/);
    });

    it('a bare repository: installs for its worktrees, plain status and uninstall', async () => {
      const bare = repo.sibling('bare.git');
      repo.git(['clone', '-q', '--bare', repo.dir, bare.dir]);
      for (const action of ['install', 'status', 'uninstall', 'install']) {
        const r = await run(['hook', action], {}, bare.dir);
        assert.equal(r.code, 0, `${action}: ${r.stderr}`);
        assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
      }
      const worktree = path.join(repo.root, 'wt');
      bare.git(['worktree', 'add', '-q', '-b', 'kr/PLAT-KR2-x', worktree, 'main']);
      repo.write('../wt/file.txt', 'x\n');
      repo.git(['add', 'file.txt'], { cwd: worktree });
      repo.git(['commit', '-q', '-m', 'From a worktree of a bare repository'], { cwd: worktree, env: repo.dated() });
      assert.equal(repo.git(['log', '-1', '--format=%(trailers:key=Key-Result,valueonly)'], { cwd: worktree }).stdout.trim(), 'PLAT-KR2');
      // Commands that read the OKR files read those of HEAD in a bare repository.
      bare.git(['update-ref', 'refs/heads/main', 'kr/PLAT-KR2-x']);
      const check = await run(['check-commits', 'main'], {}, bare.dir);
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /with key-result trailers: every trailer names a key result/);
      const links = await run(['links'], {}, bare.dir);
      assert.equal(links.code, 0, links.stderr);
      assert.match(links.stdout, /PLAT-KR2/);
    });

    it('uninstall removes the hooks folder install created, when nothing else is in it', async () => {
      repo.git(['config', 'core.hooksPath', 'tools/git-hooks']);
      const i = await run(['hook', 'install']);
      assert.equal(i.code, 0, i.stderr);
      assert.match(i.stdout, /created tools/);
      const u = await run(['hook', 'uninstall']);
      assert.match(u.stdout, /removed tools\/git-hooks \(okr hook install had created it\)/);
      assert.ok(!existsSync(path.join(repo.dir, 'tools')));
      // A folder that holds something else stays.
      await run(['hook', 'install']);
      repo.write('tools/git-hooks/pre-push', '#!/bin/sh\n', 0o755);
      await run(['hook', 'uninstall']);
      assert.ok(existsSync(path.join(repo.dir, 'tools', 'git-hooks', 'pre-push')));
    });

    it('GIT_DIR and GIT_WORK_TREE in the environment never beat --repo', async () => {
      const other = repo.sibling('other');
      mkdirSync(other.dir);
      other.git(['init', '-q']);
      const r = await run(
        ['hook', 'install', '--repo', repo.dir],
        { GIT_DIR: path.join(other.dir, '.git'), GIT_WORK_TREE: other.dir, GIT_INDEX_FILE: path.join(other.dir, '.git', 'index') },
        repo.root,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'commit-msg')));
      assert.ok(!existsSync(path.join(other.dir, '.git', 'hooks', 'commit-msg')), 'nothing installed in the repository GIT_DIR names');
    });
  });

  describe('finding the CLI when the hooks run', () => {
    it('after the CLI that installed them moves: okr on the PATH, else the newest extension; status names it', async () => {
      const first = installOkrCopy(path.join(repo.root, 'checkout'));
      assert.equal((await run(['hook', 'install'], { OKR_CLI_PATH: first })).code, 0);
      renameSync(path.join(repo.root, 'checkout'), path.join(repo.root, 'checkout-moved'));
      const extensions = path.join(repo.env.HOME!, '.vscode', 'extensions');
      const older = installOkrCopy(path.join(extensions, 'okr-lens.okr-lens-0.9.0'), '0.9.0');
      const newest = installOkrCopy(path.join(extensions, 'okr-lens.okr-lens-0.10.0'), '0.10.0');
      installOkrCopy(path.join(extensions, 'okr-lens.okr-lens-0.11.0'), '0.11.0');
      writeFileSync(path.join(extensions, '.obsolete'), JSON.stringify({ 'okr-lens.okr-lens-0.11.0': true }));
      assert.ok(existsSync(older));

      const status = await run(['hook', 'status'], { OKR_CLI_PATH: '' });
      assert.match(status.stdout, new RegExp(`the hooks run ${escape(newest)} \\(the newest installed OKR Lens extension\\)`));
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'Through the extension']);
      assert.equal(c.stderr, '');
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);

      const onPath = await run(['hook', 'status'], { OKR_CLI_PATH: '', ...withOkrOnPath() });
      assert.match(onPath.stdout, /the hooks run .*global\/lib\/node_modules\/okr-lens\/bin\/okr\.js \(okr on the PATH\)/);
      stage();
      repo.commitLikeUser(['-q', '-m', 'Through okr on the PATH'], { env: withOkrOnPath() });
      assert.deepEqual(repo.trailers(), ['PLAT-KR1']);

      // code-server's extensions folder is searched too.
      rmSync(extensions, { recursive: true });
      const server = installOkrCopy(path.join(repo.env.HOME!, '.local', 'share', 'code-server', 'extensions', 'okr-lens.okr-lens-0.1.0'));
      assert.match((await run(['hook', 'status'], { OKR_CLI_PATH: '' })).stdout, new RegExp(`the hooks run ${escape(server)} `));
    });

    it('finds okr installed from the npm tarball (npm install -g) on the PATH', async function () {
      const checkout = path.resolve(__dirname, '..', '..');
      if (!existsSync(path.join(checkout, 'dist', 'cli.js'))) this.skip(); // built by `npm run test:unit` first
      // Offline, with its own cache, as test/cli/npm-package.test.ts does.
      const npmEnv = {
        ...process.env,
        npm_config_cache: path.join(repo.root, 'npm-cache'),
        npm_config_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      };
      const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', repo.root], {
        cwd: checkout,
        encoding: 'utf8',
        env: npmEnv,
      });
      const tarball = path.join(repo.root, (JSON.parse(packed) as { filename: string }[])[0].filename);
      const prefix = path.join(repo.root, 'prefix');
      execFileSync('npm', ['install', '--global', '--prefix', prefix, tarball], { cwd: repo.root, encoding: 'utf8', env: npmEnv });
      // Hooks installed by a CLI that is gone since.
      const first = installOkrCopy(path.join(repo.root, 'checkout'));
      assert.equal((await run(['hook', 'install'], { OKR_CLI_PATH: first })).code, 0);
      rmSync(path.join(repo.root, 'checkout'), { recursive: true });
      const pathEnv = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${repo.env.PATH ?? ''}` };
      const status = await run(['hook', 'status'], { OKR_CLI_PATH: '', ...pathEnv });
      assert.match(status.stdout, /the hooks run .*prefix\/lib\/node_modules\/okr-lens\/bin\/okr\.js \(okr on the PATH\)/);
      repo.git(['switch', '-q', '-c', 'kr/PLAT-KR2-x']);
      stage();
      const c = repo.commitLikeUser(['-q', '-m', 'Through the npm package'], { env: pathEnv });
      assert.equal(c.stderr, '');
      assert.deepEqual(repo.trailers(), ['PLAT-KR2']);
    });

    it('status says when a hook was installed by an older OKR Lens, which runs only the CLI it names', async () => {
      repo.write('.git/hooks/commit-msg', "#!/bin/sh\n# okr-lens-hook: commit-msg 1\nokr_cli='/old/place/bin/okr.js'\n", 0o755);
      const old = await run(['hook', 'status']);
      assert.match(
        old.stdout,
        /commit-msg: installed \(by an older OKR Lens: it runs only \/old\/place\/bin\/okr\.js; run okr hook install again\)/,
      );
      const updated = await run(['hook', 'install']);
      assert.match(updated.stdout, /commit-msg: updated/);
      const now = await run(['hook', 'status']);
      assert.doesNotMatch(now.stdout, /older OKR Lens/);
      assert.match(now.stdout, /the hooks run /);
    });

    it('an `okr` on the PATH that is not OKR Lens’s is passed over', async () => {
      const bin = path.join(repo.root, 'other-bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'okr'), '#!/bin/sh\necho "some other okr" >&2\nexit 3\n', { mode: 0o755 });
      assert.equal((await run(['hook', 'install'])).code, 0);
      const status = await run(['hook', 'status'], { OKR_CLI_PATH: '', PATH: `${bin}${path.delimiter}${repo.env.PATH ?? ''}` });
      assert.match(status.stdout, /\(the okr that installed them\)/);
    });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function spawnAsync(
  cmd: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
