#!/usr/bin/env node
// `npm run demo`: VS Code (code-server) in the browser with OKR Lens installed from the
// freshly packaged .vsix, on an example repository: the Checkout team's OKRs (with a few
// anti-patterns for the linter), its company's and another team's, and a git history
// whose commits carry Key-Result trailers.
//
// The example is made once in demo-workspace/ and kept: what you change there stays
// (run with --reset to start again). Its period, check-ins and history are dated
// relative to the day it is made, so it reads the same whenever it is run; nothing
// pins "today". The generated commits are authored through the environment of those
// git calls only: your own commits in it are yours. The browser opens on the OKR
// Lens view (the extension's first run: each demo starts with a fresh profile) and
// the team's OKR file. Options: --port <n> (default 8080, or a free one), --reset.
// Ctrl-C stops the server.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { prepareCodeServer, PrepareError } = require('../test/vscode/prepare');
const { createWorkspace } = require('../test/vscode/workspace');
const cs = require('../test/vscode/code-server');

const REPO_ROOT = path.resolve(__dirname, '..');
const WORKSPACE = path.join(REPO_ROOT, 'demo-workspace');
const PROFILE = path.join(REPO_ROOT, '.cache', 'demo-profile');
const VSIX = path.join(REPO_ROOT, `okr-lens-${require('../package.json').version}.vsix`);

function parseArgs(argv) {
  const args = { port: undefined, reset: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reset') args.reset = true;
    else if (argv[i] === '--port' && /^\d+$/.test(argv[i + 1] ?? '')) args.port = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}; use --port <number> or --reset`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(VSIX)) throw new Error(`${path.basename(VSIX)} is missing: npm run demo packages it first (npm run package)`);
  const { entry } = prepareCodeServer();

  if (args.reset) fs.rmSync(WORKSPACE, { recursive: true, force: true });
  if (fs.existsSync(WORKSPACE)) {
    console.log(`demo: reusing ${path.relative(process.cwd(), WORKSPACE) || WORKSPACE} (your changes are kept; --reset starts again)`);
  } else {
    createWorkspace('demo', WORKSPACE, { today: localToday(), identity: false });
    console.log(`demo: made the example repository ${path.relative(process.cwd(), WORKSPACE)}`);
  }

  const userDataDir = path.join(PROFILE, 'user');
  const extensionsDir = path.join(PROFILE, 'extensions');
  // A fresh profile each time: the demo shows what a first-time user meets (OKR Lens's
  // first run opens its view and its walkthrough). The workspace itself is kept.
  fs.rmSync(userDataDir, { recursive: true, force: true });
  cs.writeUserSettings(userDataDir, {
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.welcomePage.walkthroughs.openOnInstall': true,
  });
  // --force: the same version is installed again, so a rebuilt extension replaces the last one.
  const install = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', VSIX, '--force'],
    {
      encoding: 'utf8',
      timeout: 120000,
    },
  );
  if (install.status !== 0) throw new Error(`could not install ${path.basename(VSIX)}:\n${install.stdout}${install.stderr}`);

  const port = args.port ?? ((await cs.portIsFree(8080)) ? 8080 : await cs.freePort());
  const logFile = path.join(PROFILE, 'code-server.log');
  const server = await cs.startCodeServer({ entry, port, userDataDir, extensionsDir, logFile });
  console.log(`\nOKR Lens demo: open ${demoUrl(server.url, server.port)}`);
  console.log(`(code-server log: ${path.relative(process.cwd(), logFile)}; Ctrl-C stops it)`);

  // Runs until Ctrl-C (processes.js stops the server's process group and says so in
  // one line) or the server dies on its own.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => (stopping = true));
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      if (stopping) {
        clearInterval(timer);
        return;
      }
      if (server.hasExited()) {
        clearInterval(timer);
        console.error(`demo: code-server stopped (${JSON.stringify(server.hasExited())}); log ${logFile}:\n${cs.tail(logFile, 20)}`);
        process.exitCode = 1;
        resolve();
      }
    }, 1000);
  });
}

/** Today's local date, YYYY-MM-DD: the day the demo's dates are made relative to. */
function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The workspace, with the team's OKR file open (VS Code's `payload` openFile, a file of the remote). */
function demoUrl(base, port) {
  const file = `vscode-remote://127.0.0.1:${port}${path.join(WORKSPACE, '.okr.yaml').split(path.sep).map(encodeURIComponent).join('/')}`;
  return `${base}/?folder=${encodeURIComponent(WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
}

main().catch((err) => {
  console.error(`demo: ${err instanceof PrepareError ? err.message : err.message || err}`);
  process.exit(1);
});
