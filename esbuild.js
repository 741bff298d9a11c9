// Builds the bundles: the extension (vscode external), the `okr` CLI, the benchmark
// and the dashboard page's script. `--production` minifies for packaging; `--watch` rebuilds on change.
// Type checking is separate: `npm run typecheck`.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['bench/index.ts'], outfile: 'dist/bench.js', minify: false },
  { ...common, entryPoints: ['bench/probe.ts'], outfile: 'dist/bench-parse.js', minify: false },
  // The dashboard page's script: a browser bundle of its own, no Node, no vscode.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['src/webview/dashboard.ts'],
    outfile: 'dist/webview/dashboard.js',
  },
];

async function main() {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
