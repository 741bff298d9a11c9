// The CLI bundle's code cache (written by scripts/code-cache.js, read by bin/okr.js): a cache is used only for the very
// bundle it was made from; an edited bundle of the same length, a missing or damaged
// cache all load the bundle as plain `require` would.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireCached } = require('../../bin/okr.js') as { requireCached: (file: string) => { answer: () => string; dir: string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCodeCache } = require('../../scripts/code-cache.js') as { writeCodeCache: (file: string) => void };

describe('the code cache of the CLI bundle', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'okr-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The word is in the module code itself: a stale cache would bring back the old one.
  const bundle = (word: string) =>
    `'use strict';\nconst path = require('node:path');\nconst word = '${word}';\nexports.answer = () => word;\nexports.dir = path.basename(__dirname);\n`;

  it('loads the bundle through its cache, with require, __dirname and exports as a module has them', () => {
    const file = path.join(dir, 'one.js');
    writeFileSync(file, bundle('first'));
    writeCodeCache(file);
    assert.ok(readFileSync(`${file}.cache`).length > 20);
    const loaded = requireCached(file);
    assert.equal(loaded.answer(), 'first');
    assert.equal(loaded.dir, path.basename(dir));
  });

  it('never uses a cache made for another bundle, even one of the same length', () => {
    const file = path.join(dir, 'two.js');
    writeFileSync(file, bundle('first'));
    writeCodeCache(file);
    writeFileSync(file, bundle('other'));
    assert.equal(requireCached(file).answer(), 'other');
  });

  it('loads the bundle without a cache, or with a damaged one', () => {
    const file = path.join(dir, 'three.js');
    writeFileSync(file, bundle('plain'));
    assert.equal(requireCached(file).answer(), 'plain');
    const damaged = path.join(dir, 'four.js');
    writeFileSync(damaged, bundle('damaged'));
    writeCodeCache(damaged);
    const cache = readFileSync(`${damaged}.cache`);
    writeFileSync(`${damaged}.cache`, Buffer.concat([cache.subarray(0, 20), Buffer.alloc(cache.length - 20, 7)]));
    assert.equal(requireCached(damaged).answer(), 'damaged');
  });
});
