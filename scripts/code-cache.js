// Writes the V8 code cache of a CommonJS bundle beside it (`<file>.cache`), as bin/okr.js
// reads it: the SHA-1 of the bundle, then V8's cached data, made once the bundle's module
// code has run (so the functions it calls are in the cache too). esbuild.js makes the
// CLI's after each build.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

function writeCodeCache(file) {
  const bytes = fs.readFileSync(file);
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: file });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  const hash = crypto.createHash('sha1').update(bytes).digest();
  fs.writeFileSync(`${file}.cache`, Buffer.concat([hash, script.createCachedData()]));
}

module.exports = { writeCodeCache };
