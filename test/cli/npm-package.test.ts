// The `okr` CLI on its own, as a user outside this checkout gets it: `npm pack`
// makes a tarball holding the CLI only, which installs offline (the bundle has no
// runtime dependencies) with `npm install -g` into a prefix and with `npx --package`.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './cli-harness';

const ROOT = path.resolve(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the okr npm package', function () {
  this.timeout(180_000);
  let tmp: string;
  let tarball: string;
  // Its own cache, offline: nothing may come from a registry, and the user's cache is not touched.
  const npmEnv = () => ({
    ...process.env,
    npm_config_cache: path.join(tmp, 'cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });

  before(function () {
    if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip(); // built by `npm run test:unit` first
    tmp = mkdtempSync(path.join(tmpdir(), 'okr-npm-'));
    // --ignore-scripts: the bundle is already built; prepack would rebuild it for a real `npm pack`.
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
      cwd: ROOT,
      encoding: 'utf8',
      env: npmEnv(),
    });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(tmp, info.filename);
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the CLI bundle and its documents only, and declares no runtime dependency', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    assert.deepEqual(listed, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/bin/okr.js',
      'package/dist/cli.js',
      'package/dist/okr-links.js',
      'package/dist/okr-lint.js',
      'package/dist/okr-yaml.js',
      'package/package.json',
    ]);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<
      string,
      unknown
    >;
    // The bundle carries what it uses: a dependency here would make an offline install fail.
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.deepEqual(manifest.bin, { okr: './bin/okr.js' });
  });

  it('installs with npm install -g into a prefix, and okr lint runs from there, outside the checkout', () => {
    const prefix = path.join(tmp, 'prefix');
    execFileSync(npm, ['install', '--global', '--prefix', prefix, tarball], { cwd: tmp, encoding: 'utf8', env: npmEnv() });
    const okrBin = process.platform === 'win32' ? path.join(prefix, 'okr.cmd') : path.join(prefix, 'bin', 'okr');
    assert.ok(existsSync(okrBin), `${okrBin} was not installed`);

    const project = path.join(tmp, 'project');
    cpSync(path.join(FIXTURES, 'clean'), project, { recursive: true });
    const version = spawnSync(okrBin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout, `${(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    const clean = spawnSync(okrBin, ['lint', '--today', '2026-11-28'], { cwd: project, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    cpSync(path.join(FIXTURES, 'mixed'), path.join(project, 'mixed'), { recursive: true });
    const findings = spawnSync(okrBin, ['lint', '--today', '2026-11-28', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(findings.status, 1, findings.stderr);
    assert.ok((JSON.parse(findings.stdout) as { messages: unknown[] }[]).some((f) => f.messages.length > 0));
  });

  it('runs with npx --package <tarball> okr', () => {
    const r = spawnSync(npx, ['--yes', '--package', tarball, 'okr', 'list', '--today', '2026-11-28'], {
      cwd: path.join(FIXTURES, 'clean'),
      encoding: 'utf8',
      env: npmEnv(),
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /PAY-KR1 .* on track /);
  });
});
