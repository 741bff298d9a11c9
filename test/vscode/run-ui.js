#!/usr/bin/env node
// `npm run test:ui`: the browser UI tests of test/ui/ against the real VS Code workbench.
//
// The extension is installed from the packaged .vsix (what users get, not this source
// folder) into a fresh extensions dir; test/workspaces/ui is copied to a temporary git
// repository; one code-server with a fresh profile serves it; headless Chromium (Debian's)
// opens the workbench once and the tests drive it through the DOM: the activity bar, the
// Objectives tree, Quick Open, the command palette, the Problems panel. On failure each
// test saves failure-<test>.png in test-results/ui/, with the code-server, workbench
// console and extension host logs next to them, and the launcher prints their paths.
//
// Options:
//   --grep <regex>   only tests whose title matches
//   --screenshots    also (re)write the README screenshots in media/screenshots/ (1280x800);
//                    the same as OKR_UI_SCREENSHOTS=1
//   --vsix <file>    the package to install (default: okr-lens-<version>.vsix, which
//                    `npm run package` writes and `npm run test:ui` runs first)
//   --keep           keep the temporary folder (workspace, profile, logs) after a pass
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prepareCodeServer, PrepareError, REPO_ROOT } = require('./prepare');
const { createWorkspace } = require('./workspace');
const cs = require('./code-server');
const { onCleanup } = require('./processes');
const { CHROMIUM, CHROMIUM_ARGS, dim, findFiles, green, keepFiles, red } = require('./launchers');

const VIEWPORT = { width: 1280, height: 800 };
const WORKBENCH_TIMEOUT_MS = 90000;
const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'media', 'screenshots');
// A fixed place CI can print and keep (test:vscode uses test-results/vscode/).
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results', 'ui');

// On top of the test profile (test/vscode/code-server.js): the look of the README
// screenshots, and no minimap taking width from the editor.
const UI_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': true,
};

function parseArgs(argv) {
  const args = { grep: undefined, screenshots: process.env.OKR_UI_SCREENSHOTS === '1', vsix: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep') args.grep = argv[++i];
    else if (a === '--screenshots') args.screenshots = true;
    else if (a === '--vsix') args.vsix = argv[++i];
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown option ${a}; use --grep <regex>, --screenshots, --vsix <file>, --keep`);
  }
  if ((argv.includes('--grep') && !args.grep) || (argv.includes('--vsix') && !args.vsix)) throw new Error('--grep and --vsix need a value');
  return args;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Copies the run's logs next to the failure screenshots in test-results/ui/; returns their paths. */
function keepLogs({ logFile, consoleLog, userDataDir }) {
  return keepFiles(
    ARTIFACTS_DIR,
    [
      [logFile, 'code-server.log'],
      [consoleLog, 'workbench-console.log'],
    ],
    path.join(userDataDir, 'logs'),
  );
}

/** Installs the .vsix into `extensionsDir`; returns the folder the extension landed in. */
function installVsix({ entry, vsix, extensionsDir, userDataDir }) {
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  cs.installExtension({ entry, vsix, extensionsDir, userDataDir });
  const installed = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  if (!fs.existsSync(path.join(installed, 'package.json')) || !fs.existsSync(path.join(installed, 'dist', 'extension.js'))) {
    throw new Error(
      `installing ${vsix} did not give ${installed} with package.json and dist/extension.js; the extensions dir ` +
        `has: ${fs.readdirSync(extensionsDir).join(', ')}`,
    );
  }
  return installed;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const grep = args.grep ? new RegExp(args.grep) : undefined;
  const started = Date.now();
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = path.resolve(args.vsix ?? path.join(REPO_ROOT, `okr-lens-${version}.vsix`));
  if (!fs.existsSync(vsix))
    throw new Error(`${path.relative(process.cwd(), vsix) || vsix} is missing: run \`npm run package\` first (npm run test:ui does)`);

  // The tests register themselves when their files load; a syntax error shows here, before anything starts.
  const { runTests, registry } = require('../ui/runner');
  const { Workbench, STEP_TIMEOUT_MS } = require('../ui/workbench');
  for (const file of require('../ui/index')) require(file);
  const selected = grep ? registry.filter((t) => grep.test(t.title)) : registry;
  if (selected.length === 0)
    throw new Error(`no UI test title matches /${args.grep}/; the tests are:\n  ${registry.map((t) => t.title).join('\n  ')}`);

  const { entry } = prepareCodeServer();
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lens-ui-'));
  const logFile = path.join(runDir, 'code-server.log');
  const userDataDir = path.join(runDir, 'profile');
  const extensionsDir = path.join(runDir, 'extensions');
  console.log(`UI tests: ${selected.length} test(s) on code-server with ${path.basename(vsix)}; logs in ${runDir}`);

  const workspace = createWorkspace('ui', path.join(runDir, 'workspace'));
  cs.writeUserSettings(userDataDir, UI_SETTINGS);
  const extensionDir = installVsix({ entry, vsix, extensionsDir, userDataDir });
  const port = await cs.freePort();
  const server = await cs.startCodeServer({ entry, port, userDataDir, extensionsDir, logFile });
  onCleanup(() => server.stop());

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // The workbench's console carries the extension host's errors too; kept for a failure.
  const consoleLog = path.join(runDir, 'workbench-console.log');
  page.on('console', (msg) => fs.appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
  const workbench = new Workbench(page);

  const written = [];
  // `stage` sets the scene after the test's checks passed; `parkMouse: false` keeps a hover it opened.
  // `target` is another page of the browser to take (a report opened beside the workbench).
  const readmeScreenshot = async (name, stage, { parkMouse = true, page: target = page } = {}) => {
    if (!args.screenshots) return;
    await workbench.dismissNotifications();
    await stage();
    if (parkMouse) await workbench.parkMouse();
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
    await target.screenshot({ path: file });
    const size = pngSize(file);
    if (size.width !== VIEWPORT.width || size.height !== VIEWPORT.height)
      throw new Error(`${file} is ${size.width}x${size.height}, not ${VIEWPORT.width}x${VIEWPORT.height}`);
    written.push(file);
  };

  let results = [];
  let setupError;
  try {
    const loadStarted = Date.now();
    await page.goto(cs.workbenchUrl(server, { folder: workspace }));
    try {
      await page
        .locator('.monaco-workbench .part.activitybar a.action-label[aria-label="OKR Lens"]')
        .waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
    } catch {
      throw new Error(
        `the workbench showed no OKR Lens icon in the activity bar within ${WORKBENCH_TIMEOUT_MS / 1000} s (is the extension installed ` +
          `in ${extensionsDir}?)`,
      );
    }
    console.log(dim(`  workbench ready in ${seconds(Date.now() - loadStarted)} (${seconds(Date.now() - started)} since start)`));
    results = await runTests({
      tests: selected,
      context: { workbench, page, workspace, extensionDir, readmeScreenshot },
      beforeEach: () => workbench.reset(),
      page,
      outDir: ARTIFACTS_DIR,
      onResult: (r) =>
        console.log(
          r.state === 'passed'
            ? `  ${green('✔')} ${r.title} ${dim(`(${seconds(r.durationMs)})`)}`
            : `  ${red('✖')} ${r.title} ${dim(`(${seconds(r.durationMs)})`)}`,
        ),
    });
  } catch (err) {
    setupError = err;
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'failure-workbench.png') }).catch(() => undefined);
  } finally {
    await context.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await server.stop();
  }

  const failed = results.filter((r) => r.state === 'failed');
  for (const r of failed) {
    console.log(`\n  ${red('✖')} ${r.title}\n${(r.error.stack || r.error.message).replace(/^/gm, '      ')}`);
    console.log(`      screenshot: ${r.screenshot}`);
  }
  if (setupError)
    console.log(`\n  ${red('✖')} ${setupError.message}\n      screenshot: ${path.join(ARTIFACTS_DIR, 'failure-workbench.png')}`);
  const passes = results.length - failed.length;
  const failing = failed.length || setupError ? `, ${red(`${failed.length + (setupError ? 1 : 0)} failing`)}` : '';
  console.log(`\n  ${green(`${passes} passing`)}${failing} (${seconds(Date.now() - started)})`);
  if (written.length) console.log(`  README screenshots: ${written.map((f) => path.relative(REPO_ROOT, f)).join(', ')}`);

  if (failed.length || setupError) {
    const kept = keepLogs({ logFile, consoleLog, userDataDir });
    const screenshots = findFiles(ARTIFACTS_DIR, /^failure-.*\.png$/);
    console.log(`\n  failure artifacts:\n${[...screenshots, ...kept].map((f) => `    ${path.relative(process.cwd(), f)}`).join('\n')}`);
    console.log(dim(`  (everything else of the run: ${runDir})`));
    if (pageErrors.length) console.log(`  workbench errors:\n${pageErrors.slice(-5).join('\n').replace(/^/gm, '    ')}`);
    console.log(`  code-server log (tail):\n${cs.tail(logFile, 15).replace(/^/gm, '    ')}`);
    process.exitCode = 1;
  } else {
    fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
    if (!args.keep) fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`test:ui: ${err instanceof PrepareError ? err.message : err.message || err}`);
  process.exit(1);
});
