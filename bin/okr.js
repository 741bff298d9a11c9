#!/usr/bin/env node
// The `okr` CLI. The bundles are built by `npm run build` (esbuild.js).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
// `okr links` has a bundle of its own, about two thirds the size of the whole CLI's:
// the time to load it is time before its `git log` can start. `okr lint` too: it loads
// none of the other commands.
const OWN_BUNDLES = { links: 'okr-links.js', lint: 'okr-lint.js' };
const bundle = path.join(__dirname, '..', 'dist', Object.hasOwn(OWN_BUNDLES, process.argv[2]) ? OWN_BUNDLES[process.argv[2]] : 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('okr: the CLI is not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
require(bundle).main();
