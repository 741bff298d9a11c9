#!/usr/bin/env node
// `npm run test:vscode`: the in-host suites of test/integration/ inside a real VS Code.
//
// Each suite file names its example workspace on its first line. For every workspace
// the launcher makes a fresh copy (a git repository, test/vscode/workspace.js), starts
// code-server with a fresh profile, opens the workbench in headless Chromium with the
// extension under development (this repository, built into dist/) and the suites as
// extensionTestsPath, and waits for the results file the runner writes. A window that
// never reports fails after a timeout.
//
// Options:
//   --suite <stem>   only test/integration/<stem>.test.ts (repeatable)
//   --grep <regex>   only tests whose full title matches
//   --desktop        desktop VS Code through @vscode/test-electron instead of code-server
//                    (needs a machine that can download VS Code)
//   --keep           keep the temporary folders (workspaces, profiles, logs) after a pass
//
// A window that fails leaves its screenshot and logs in test-results/vscode/<workspace>/,
// whose paths are printed (CI prints them again and can keep the folder).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SourceMap } = require('node:module');
const { prepareCodeServer, PrepareError } = require('./prepare');
const { buildWindow, listSuites, REPO_ROOT } = require('./build-tests');
const { createWorkspace } = require('./workspace');
const cs = require('./code-server');
const { onCleanup } = require('./processes');
const { CHROMIUM, CHROMIUM_ARGS, dim, green, keepFiles, red } = require('./launchers');

// Far above the slowest window (about 35 s); only a window that never reports waits this long.
const WINDOW_TIMEOUT_MS = Number(process.env.OKR_TEST_WINDOW_TIMEOUT_MS) || 4 * 60 * 1000;
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results', 'vscode');

function parseArgs(argv) {
  const args = { suites: [], grep: undefined, desktop: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--suite') args.suites.push(argv[++i]);
    else if (a === '--grep') args.grep = argv[++i];
    else if (a === '--desktop') args.desktop = true;
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown option ${a}; use --suite <stem>, --grep <regex>, --desktop, --keep`);
  }
  if (args.suites.some((s) => !s) || (argv.includes('--grep') && !args.grep)) throw new Error('--suite and --grep need a value');
  return args;
}

async function waitForFile(file, timeoutMs, stillRunning) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return true;
    const why = stillRunning();
    if (why) throw new Error(why);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * Copies a failed window's screenshot, code-server log and extension host logs to
 * test-results/vscode/<workspace>/ (a fixed place CI can print and keep); returns their paths.
 */
function keepArtifacts(dir, workspaceName) {
  const out = path.join(ARTIFACTS_DIR, workspaceName);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  return keepFiles(
    out,
    [
      [path.join(dir, 'failure.png'), 'failure.png'],
      [path.join(dir, 'code-server.log'), 'code-server.log'],
      [path.join(dir, 'console.log'), 'workbench-console.log'],
    ],
    path.join(dir, 'profile', 'logs'),
  );
}

const sourceMaps = new Map();

/** The inline source map esbuild wrote into a bundled suite, or undefined. */
function sourceMapOf(file) {
  if (!sourceMaps.has(file)) {
    let map;
    try {
      const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(fs.readFileSync(file, 'utf8'));
      if (m) map = new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')));
    } catch {
      map = undefined;
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file);
}

/** Points the stack frames of bundled suites back at the TypeScript lines under test/ and src/. */
function mapStack(stack) {
  return stack.replace(/([^\s()]+\.js):(\d+):(\d+)/g, (whole, file, line, column) => {
    const absolute = path.resolve(REPO_ROOT, file.replace(/^file:\/\//, ''));
    if (!absolute.startsWith(path.join(REPO_ROOT, '.cache', 'test-build') + path.sep)) return whole;
    const entry = sourceMapOf(absolute)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return whole;
    const source = path.resolve(path.dirname(absolute), entry.originalSource);
    return `${path.relative(process.cwd(), source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function printResults(workspace, results) {
  console.log(`\n  ${workspace} workspace`);
  for (const t of results.tests) {
    if (t.state === 'passed') console.log(`    ${green('✔')} ${t.fullTitle}${t.durationMs > 500 ? dim(` (${t.durationMs} ms)`) : ''}`);
    else if (t.state === 'pending') console.log(`    - ${t.fullTitle}`);
    else console.log(`    ${red('✖')} ${t.fullTitle}`);
  }
  for (const t of results.tests.filter((x) => x.state === 'failed')) {
    console.log(`\n  ${red('✖')} ${t.fullTitle}\n${mapStack(t.error?.stack || t.error?.message || '').replace(/^/gm, '      ')}`);
  }
  if (results.loadError) console.log(`\n  ${red('✖')} the suites did not load:\n${mapStack(results.loadError).replace(/^/gm, '      ')}`);
}

function printReport(file) {
  if (!fs.existsSync(file)) return;
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  if (lines.length === 0) return;
  console.log('\n  figures reported by the suites:');
  for (const line of lines) {
    const r = JSON.parse(line);
    console.log(`    ${r.suite}: ${r.name}: ${JSON.stringify(r.value)}`);
  }
}

/** One window on code-server: returns the results, or throws with what went wrong. */
async function runWindowOnCodeServer({ entry, browser, workspaceName, suites, runDir, grep }) {
  const dir = path.join(runDir, workspaceName);
  const folder = createWorkspace(workspaceName, path.join(dir, 'workspace'));
  const userDataDir = path.join(dir, 'profile');
  const extensionsDir = path.join(dir, 'extensions');
  const results = path.join(dir, 'results.json');
  const report = path.join(dir, 'report.jsonl');
  const logFile = path.join(dir, 'code-server.log');
  // A template with a .restricted-mode file opens untrusted, in Restricted Mode, without asking.
  const restricted = fs.existsSync(path.join(folder, '.restricted-mode'));
  cs.writeUserSettings(
    userDataDir,
    restricted
      ? {
          'security.workspace.trust.enabled': true,
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.emptyWindow': false,
        }
      : {},
  );
  const testsPath = await buildWindow({
    suites,
    outDir: path.join(REPO_ROOT, '.cache', 'test-build', path.basename(runDir), workspaceName),
    results,
    grep,
  });

  const port = await cs.freePort();
  const server = await cs.startCodeServer({
    entry,
    port,
    userDataDir,
    extensionsDir,
    logFile,
    env: { OKR_TEST_REPORT: report },
    workspaceTrust: restricted,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Each window's page gets the (headless) browser's focus, as the only window of a fresh
  // browser does: without it, a window after the first one runs with an unfocused
  // workbench, and editor commands that act on the focused editor group misbehave.
  await page.bringToFront();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // The extension host's console (mocha's spec output, the extension's errors) reaches the
  // launcher only through the workbench's console: kept in a file, shown when a window hangs.
  const consoleLog = path.join(dir, 'console.log');
  page.on('console', (msg) => fs.appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
  try {
    // A template with a workspace.code-workspace file opens as a multi-root window.
    const workspaceFile = path.join(folder, 'workspace.code-workspace');
    const target = fs.existsSync(workspaceFile) ? { workspace: workspaceFile } : { folder };
    await page.goto(cs.workbenchUrl(server, { ...target, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: testsPath }));
    const reported = await waitForFile(results, WINDOW_TIMEOUT_MS, () =>
      server.hasExited() ? `code-server exited (${JSON.stringify(server.hasExited())})` : undefined,
    );
    if (!reported) throw new Error(`no results from the ${workspaceName} window after ${WINDOW_TIMEOUT_MS / 60000} minutes`);
    const parsed = JSON.parse(fs.readFileSync(results, 'utf8'));
    parsed.report = report;
    if (parsed.failures > 0 || parsed.loadError) await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => undefined);
    return parsed;
  } catch (err) {
    await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => undefined);
    const running = fs.existsSync(`${results}.running`) ? fs.readFileSync(`${results}.running`, 'utf8') : undefined;
    err.message += running ? `\n  still running: ${running}` : '\n  no test had started (the suites never ran: see the logs)';
    err.message += `\n  code-server log (tail):\n${cs.tail(logFile, 15).replace(/^/gm, '    ')}`;
    if (pageErrors.length) err.message += `\n  workbench errors:\n${pageErrors.slice(-5).join('\n').replace(/^/gm, '    ')}`;
    throw err;
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

/** One window in desktop VS Code through @vscode/test-electron (machines that can download it). */
async function runWindowOnDesktop({ workspaceName, suites, runDir, grep }) {
  const { runTests } = require('@vscode/test-electron');
  const dir = path.join(runDir, workspaceName);
  const folder = createWorkspace(workspaceName, path.join(dir, 'workspace'));
  const userDataDir = path.join(dir, 'profile');
  const results = path.join(dir, 'results.json');
  const restricted = fs.existsSync(path.join(folder, '.restricted-mode'));
  cs.writeUserSettings(
    userDataDir,
    restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {},
  );
  const testsPath = await buildWindow({
    suites,
    outDir: path.join(REPO_ROOT, '.cache', 'test-build', path.basename(runDir), workspaceName),
    results,
    grep,
  });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [
        fs.existsSync(path.join(folder, 'workspace.code-workspace')) ? path.join(folder, 'workspace.code-workspace') : folder,
        '--user-data-dir',
        userDataDir,
        ...(fs.existsSync(path.join(folder, '.restricted-mode')) ? [] : ['--disable-workspace-trust']),
        '--skip-welcome',
        '--skip-release-notes',
        // Only this extension and VS Code's built-in ones (git among them), never what the machine has installed.
        '--disable-extensions',
      ],
      extensionTestsEnv: { OKR_TEST_REPORT: path.join(dir, 'report.jsonl') },
    });
  } catch (err) {
    if (!fs.existsSync(results)) {
      throw new Error(
        `desktop VS Code did not run (${err.message}). @vscode/test-electron downloads VS Code; on machines without that download, run ` +
          `the default code-server launcher.`,
      );
    }
  }
  if (!fs.existsSync(results)) throw new Error(`no results from the ${workspaceName} window`);
  const parsed = JSON.parse(fs.readFileSync(results, 'utf8'));
  parsed.report = path.join(dir, 'report.jsonl');
  return parsed;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js')))
    throw new Error('dist/extension.js is missing: run `npm run build` first (npm run test:vscode does)');
  let suites = listSuites();
  if (args.suites.length) {
    const unknown = args.suites.filter((s) => !suites.some((x) => x.stem === s));
    if (unknown.length) throw new Error(`no suite ${unknown.join(', ')}; suites: ${suites.map((s) => s.stem).join(', ')}`);
    suites = suites.filter((s) => args.suites.includes(s.stem));
  }
  const byWorkspace = new Map();
  for (const s of suites) byWorkspace.set(s.workspace, [...(byWorkspace.get(s.workspace) ?? []), s]);

  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lens-vscode-'));
  let browser;
  let entry;
  if (!args.desktop) {
    entry = prepareCodeServer().entry;
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    onCleanup(() => browser.close());
  }
  console.log(
    `in-host suites: ${suites.length} file(s) in ${byWorkspace.size} workspace(s), ${args.desktop ? 'desktop VS Code' : 'code-server'}; ` +
      `logs in ${runDir}`,
  );

  let passes = 0;
  let failures = 0;
  const problems = [];
  try {
    for (const [workspaceName, group] of byWorkspace) {
      const windowStarted = Date.now();
      try {
        const run = args.desktop ? runWindowOnDesktop : runWindowOnCodeServer;
        const results = await run({ entry, browser, workspaceName, suites: group, runDir, grep: args.grep });
        printResults(workspaceName, results);
        printReport(results.report);
        passes += results.passes;
        failures += results.failures + (results.loadError ? 1 : 0);
        // A window whose suites registered no test at all (and no --grep to explain it) is broken, not green.
        const ranNothing = results.tests.length === 0 && !args.grep && !results.loadError;
        if (ranNothing) {
          failures += 1;
          const stems = group.map((s) => s.stem).join(', ');
          console.log(`    ${red('✖')} no test ran in the ${workspaceName} window: ${stems} registered none`);
        }
        if (results.failures > 0 || results.loadError || ranNothing) problems.push(workspaceName);
        console.log(dim(`    (${workspaceName}: ${((Date.now() - windowStarted) / 1000).toFixed(1)} s)`));
      } catch (err) {
        failures += 1;
        problems.push(workspaceName);
        console.log(`\n  ${red('✖')} ${workspaceName} workspace: ${err.message}`);
      }
    }
  } finally {
    if (browser) await browser.close().catch(() => undefined);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n  ${green(`${passes} passing`)}${failures ? `, ${red(`${failures} failing`)}` : ''} (${seconds} s)`);
  if (passes + failures === 0) {
    console.log(`  ${red('✖')} no test ran${args.grep ? `: nothing matches --grep ${args.grep}` : ''}`);
    process.exitCode = 1;
  }
  if (problems.length) {
    const kept = problems.flatMap((name) => keepArtifacts(path.join(runDir, name), name));
    if (kept.length) console.log(`\n  failure artifacts:\n${kept.map((file) => `    ${path.relative(process.cwd(), file)}`).join('\n')}`);
    console.log(dim(`  (everything else of the run: ${runDir})`));
    process.exitCode = 1;
  } else if (!args.keep) {
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.rmSync(path.join(REPO_ROOT, '.cache', 'test-build', path.basename(runDir)), { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`test:vscode: ${err instanceof PrepareError ? err.message : err.message || err}`);
  process.exit(1);
});
