#!/usr/bin/env node
// The `okr` CLI. The bundle is built by `npm run build` (esbuild.js).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
let source;
try {
  source = fs.readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('okr: the CLI is not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
loadBundle(source).main();

/**
 * Loads the bundle as `require` would, but compiled with the V8 code cache the build
 * wrote beside it (dist/cli.js.cache, made by esbuild.js): compiling the bundle from
 * source was the largest part of starting the CLI, before any git call. A cache older
 * than the bundle (a rebuild in watch mode) is not used; one V8 rejects (another Node
 * version) is ignored, and the bundle is compiled from source.
 */
function loadBundle(text) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const cacheFile = bundle + '.cache';
  let cachedData;
  try {
    if (fs.statSync(cacheFile).mtimeMs >= fs.statSync(bundle).mtimeMs) cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(text), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return mod.exports;
}
