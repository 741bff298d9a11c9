// Starting and stopping code-server for the suites: a fresh profile (user data and
// extensions dirs) per run, a free loopback port, its output in a log file.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { spawnGroup, stopGroup } = require('./processes');

// The test profile: no trust prompt, no telemetry, no welcome page or walkthroughs, and
// the built-in git extension on (the suites' workspaces are git repositories).
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': true,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...extra }, null, 2) + '\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Installs a .vsix offline into `extensionsDir`; throws with code-server's output on failure. */
function installExtension({ entry, vsix, extensionsDir, userDataDir }) {
  const r = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120000 },
  );
  const output = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${output}`);
  }
  return output;
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` and resolves once it answers /healthz.
 * `env` is added to the server's environment; the extension hosts it forks inherit it.
 * With `workspaceTrust`, folders open in Restricted Mode until trusted.
 */
async function startCodeServer({
  entry,
  port,
  userDataDir,
  extensionsDir,
  logFile,
  env = {},
  startTimeoutMs = 60000,
  workspaceTrust = false,
}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // Its own config file, so code-server never creates ~/.config/code-server/config.yaml.
    '--config',
    path.join(userDataDir, 'code-server.yaml'),
    // Trust is off unless a suite is about Restricted Mode (`workspaceTrust: true`).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  const child = spawnGroup(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);

  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      await stopGroup(child.pid);
      throw new Error(`code-server exited during start (${exited.code ?? exited.signal}); log ${logFile}:\n${tail(logFile)}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) {
      return {
        url,
        port,
        pid: child.pid,
        logFile,
        hasExited: () => exited,
        stop: () => stopGroup(child.pid),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopGroup(child.pid);
  throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs / 1000}s; log ${logFile}:\n${tail(logFile)}`);
}

/**
 * The workbench URL for `folder` (or a multi-root `workspace` file); with `extensionDevelopmentPath`/`extensionTestsPath`
 * the window loads the extension from disk and calls the tests module's run(), as the
 * desktop `--extensionDevelopmentPath`/`--extensionTestsPath` flags do.
 */
function workbenchUrl(server, { folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  // `workspace`: a .code-workspace file, for a multi-root window; else one `folder`.
  let url = workspace ? `${server.url}/?workspace=${encodeURIComponent(workspace)}` : `${server.url}/?folder=${encodeURIComponent(folder)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

module.exports = { writeUserSettings, freePort, portIsFree, installExtension, startCodeServer, workbenchUrl, tail, TEST_SETTINGS };
