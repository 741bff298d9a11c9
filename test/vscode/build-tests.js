// Bundles the in-host suites for one VS Code window: test/integration/index.ts (the
// runner the extension host calls) and the chosen suite files, with a run.json saying
// which suites to run and where the results go. `vscode` is the host's own module;
// mocha is required from the repository's node_modules (the bundles live inside the
// repository, so Node finds it).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SUITES_DIR = path.join(REPO_ROOT, 'test', 'integration');

/** Suite files (stems) and the example workspace each names on its first line, `// workspace: <name>`. */
function listSuites() {
  return fs
    .readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => {
      const first = fs.readFileSync(path.join(SUITES_DIR, f), 'utf8').split('\n', 1)[0];
      const m = /^\/\/ workspace: ([a-z0-9-]+)\s*$/.exec(first);
      if (!m) throw new Error(`test/integration/${f}: the first line must name its workspace: "// workspace: <name>"`);
      return { stem: f.slice(0, -'.test.ts'.length), file: path.join(SUITES_DIR, f), workspace: m[1] };
    });
}

/**
 * Builds `outDir/index.js` and one bundle per suite, and writes `outDir/run.json`.
 * Returns the path of index.js (the extensionTestsPath).
 */
async function buildWindow({ suites, outDir, results, grep, timeoutMs = 60000 }) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const entryPoints = { index: path.join(SUITES_DIR, 'index.ts') };
  for (const s of suites) entryPoints[s.stem] = s.file;
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(outDir, 'run.json'),
    JSON.stringify({ suites: suites.map((s) => `${s.stem}.js`), results, grep, timeoutMs }, null, 2),
  );
  return path.join(outDir, 'index.js');
}

module.exports = { listSuites, buildWindow, REPO_ROOT };
