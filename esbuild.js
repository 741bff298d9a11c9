// Builds the bundles: the extension (vscode external), the `okr` CLI, the benchmark
// and the dashboard page's script. `--production` minifies for packaging; `--watch` rebuilds on change.
// Type checking is separate: `npm run typecheck`.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// yaml's parser and composer look up a debug switch in `process.env` for every token and every
// document (LOG_TOKENS, LOG_STREAM): each lookup is a call into the C++ environment, ~10% of a large
// parse. Built in as off, for every bundle alike (the benchmarks' baselines too).
const YAML_DEBUG_SWITCHES = /node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/;
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: YAML_DEBUG_SWITCHES }, async (args) => {
      const text = await require('node:fs').promises.readFile(args.path, 'utf8');
      const off = text.replace(/\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g, 'false');
      // A yaml upgrade that moved the switches should be seen, not silently lose the change.
      if (off === text) return { errors: [{ text: `esbuild.js: no LOG_TOKENS/LOG_STREAM lookup left in ${args.path}` }] };
      return { contents: off, loader: 'js' };
    });
  },
};

// In the `okr links` and `okr lint` bundles, `require('yaml')` loads dist/okr-yaml.js, beside it.
const yamlFromItsOwnFile = {
  name: 'yaml-from-its-own-file',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './okr-yaml.js', external: true }));
  },
};

const common = {
  plugins: [yamlDebugSwitchesOff],
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
  // `okr links` alone (bin/okr.js picks it): what the command uses, not the whole CLI, to load sooner.
  // yaml stays out of it, in dist/okr-yaml.js, required at the first parse (core/parse.ts), after
  // `git log` has started: compiling yaml's 250 KB then overlaps the log instead of delaying it.
  {
    ...common,
    plugins: [...common.plugins, yamlFromItsOwnFile],
    entryPoints: ['src/cli/links-main.ts'],
    outfile: 'dist/okr-links.js',
  },
  // `okr lint` alone, yaml beside it as for links: loading the other commands' code is time every lint pays.
  {
    ...common,
    plugins: [...common.plugins, yamlFromItsOwnFile],
    entryPoints: ['src/cli/lint-main.ts'],
    outfile: 'dist/okr-lint.js',
  },
  { ...common, entryPoints: [require.resolve('yaml')], outfile: 'dist/okr-yaml.js' },
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
