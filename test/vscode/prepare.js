#!/usr/bin/env node
// Installs code-server (a real VS Code: server, web workbench, Node extension host) into
// `.cache/code-server-<version>/` so the in-host and UI suites can run without downloading
// a desktop VS Code, which these machines cannot reach.
//
// A plain `npm install code-server` fails here (root postinstall, a ripgrep download from
// GitHub, the kerberos native module), so this does the postinstall's work by hand; see
// /work/shared/notes/real-vscode-here.md. A stamp file makes a second run take
// milliseconds. Run alone: `node test/vscode/prepare.js [--force]`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// 4.100.3 ships VS Code 1.100.3, the newest code-server that still runs on Node 20.
const CODE_SERVER_VERSION = '4.100.3';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ROOT = path.join(REPO_ROOT, '.cache');
const INSTALL_DIR = path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`);
const STAMP_FILE = path.join(INSTALL_DIR, '.prepared.json');
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');

// Native modules of VS Code's server that must be compiled for this Node. node-pty is
// left out on purpose: its rebuild fails in a post-install step but its shipped
// pty.node loads.
const VSCODE_NATIVE_MODULES = ['@vscode/spdlog', '@parcel/watcher', '@vscode/sqlite3', 'native-watchdog', '@vscode/deviceid', 'kerberos'];

// What the suites need from Debian: kerberos headers to build the native module, `rg`
// for VS Code's search, and the browser that drives the workbench.
const DEBIAN_PACKAGES = [
  { pkg: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev') },
  { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
  { pkg: 'chromium', present: () => fs.existsSync('/usr/bin/chromium') },
];

class PrepareError extends Error {}

function log(message) {
  process.stdout.write(`prepare: ${message}\n`);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function stampMatches() {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP_FILE, 'utf8'));
    // Native modules are tied to the Node ABI: a Node upgrade needs a fresh install.
    return stamp.version === CODE_SERVER_VERSION && stamp.nodeModules === process.versions.modules && fs.existsSync(ENTRY);
  } catch {
    return false;
  }
}

// Runs a command with an argument array; output is kept and shown only if it fails,
// so a healthy run prints one line per step.
function run(command, args, cwd, extraEnv = {}) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...extraEnv },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new PrepareError(`could not run ${command}: ${r.error.message}`);
  if (r.status !== 0) {
    const output = `${r.stdout || ''}${r.stderr || ''}`.trim().split('\n').slice(-40).join('\n');
    throw new PrepareError(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${r.status}):\n${output}`);
  }
  return r.stdout;
}

function step(title, fn) {
  const started = Date.now();
  process.stdout.write(`prepare: ${title} ... `);
  try {
    fn();
  } catch (err) {
    process.stdout.write('failed\n');
    throw err;
  }
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new PrepareError(
      `missing Debian packages: ${missing.join(', ')}. Install them as root:\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  step(`apt-get install ${missing.join(' ')}`, () => {
    try {
      run('apt-get', ['update', '-q'], '/', env);
      run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], '/', env);
    } catch (err) {
      throw new PrepareError(`could not install the Debian packages ${missing.join(', ')}: ${err.message}`);
    }
  });
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

function symlink(target, linkPath) {
  fs.rmSync(linkPath, { recursive: true, force: true });
  fs.symlinkSync(target, linkPath);
}

// Builds into a scratch folder and renames it at the end, so an interrupted run never
// leaves a half-installed tree that looks usable.
function install() {
  const scratch = `${INSTALL_DIR}.partial`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'okr-lens-code-server', private: true }, null, 2));

  const pkg = path.join(scratch, 'node_modules', 'code-server');
  const vscodeDir = path.join(pkg, 'lib', 'vscode');

  step(`npm install code-server@${CODE_SERVER_VERSION} (scripts off)`, () =>
    run('npm', ['install', '--ignore-scripts', ...NPM_QUIET, `code-server@${CODE_SERVER_VERSION}`], scratch),
  );
  step('npm install VS Code server dependencies (scripts off)', () =>
    run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], vscodeDir),
  );
  step("ripgrep: Debian's rg in place of the GitHub download", () => {
    const binDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(binDir, { recursive: true });
    fs.copyFileSync('/usr/bin/rg', path.join(binDir, 'rg'));
    fs.chmodSync(path.join(binDir, 'rg'), 0o755);
  });
  step(`npm rebuild ${VSCODE_NATIVE_MODULES.join(' ')}`, () => run('npm', ['rebuild', ...NPM_QUIET, ...VSCODE_NATIVE_MODULES], vscodeDir));
  step('links the postinstall would have made', () => {
    symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  step('npm install built-in extension dependencies (scripts off)', () =>
    run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], path.join(vscodeDir, 'extensions')),
  );
  step('npm rebuild argon2', () => run('npm', ['rebuild', ...NPM_QUIET, 'argon2'], scratch));
  step('check: code-server --version', () => {
    const out = run(process.execPath, [path.join(pkg, 'out', 'node', 'entry.js'), '--version'], scratch);
    if (!out.includes(CODE_SERVER_VERSION)) throw new PrepareError(`unexpected version output: ${out.trim()}`);
  });

  fs.writeFileSync(
    path.join(scratch, '.prepared.json'),
    JSON.stringify({ version: CODE_SERVER_VERSION, nodeModules: process.versions.modules, preparedAt: new Date().toISOString() }, null, 2) +
      '\n',
  );
  fs.renameSync(scratch, INSTALL_DIR);
}

/**
 * Makes sure code-server and the Debian packages are in place; returns where things are.
 * Throws PrepareError with a readable message on failure.
 */
function prepareCodeServer({ force = false } = {}) {
  const started = Date.now();
  ensureDebianPackages();
  if (!force && stampMatches()) {
    log(`code-server ${CODE_SERVER_VERSION} ready in ${path.relative(REPO_ROOT, INSTALL_DIR)} (cached)`);
  } else {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)}`);
    install();
    log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  return { version: CODE_SERVER_VERSION, entry: ENTRY, installDir: INSTALL_DIR };
}

module.exports = { prepareCodeServer, PrepareError, CODE_SERVER_VERSION, REPO_ROOT };

if (require.main === module) {
  try {
    prepareCodeServer({ force: process.argv.includes('--force') });
  } catch (err) {
    process.stderr.write(`prepare: ${err instanceof PrepareError ? err.message : err.stack}\n`);
    process.exit(1);
  }
}
