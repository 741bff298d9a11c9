#!/usr/bin/env node
// The `okr` CLI. The bundle is built by `npm run build` (esbuild.js), with a V8 code
// cache of it (dist/cli.js.cache, written by scripts/code-cache.js) that spares
// compiling 800 KB of JavaScript on each run. The cache starts with the SHA-1 of the
// bundle it was made from (V8 itself only checks the source's length): it is used for
// that very bundle only, and V8 rejects one made by another Node. Without a cache that
// fits, the bundle is loaded as usual. Only a checkout's build has one: the npm tarball
// and the .vsix do not ship it, as it fits only the Node that built it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const CACHE_HASH_BYTES = 20;

function sha1(bytes) {
  const crypto = require('node:crypto');
  return typeof crypto.hash === 'function' ? crypto.hash('sha1', bytes, 'buffer') : crypto.createHash('sha1').update(bytes).digest();
}

/** `require(file)`, through the code cache beside it when there is one for this very file. */
function requireCached(file) {
  let cache;
  try {
    cache = fs.readFileSync(`${file}.cache`);
  } catch {
    return require(file);
  }
  const bytes = fs.readFileSync(file);
  if (cache.length <= CACHE_HASH_BYTES || !sha1(bytes).equals(cache.subarray(0, CACHE_HASH_BYTES))) return require(file);
  const vm = require('node:vm');
  const Module = require('node:module');
  // As Node's own loader compiles and runs a CommonJS file (scripts/code-cache.js makes the cache the same way).
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: file, cachedData: cache.subarray(CACHE_HASH_BYTES) });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

// Run as a program, or required (the git hooks' locator requires the CLI it finds).
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('okr: the CLI is not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
requireCached(bundle).main();
