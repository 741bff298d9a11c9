// The CLI bundle's code cache (written by scripts/code-cache.js, read by bin/okr.js), in
// a copy of the CLI as it is installed: a cache is used only for the very bundle it was
// made from; an edited bundle of the same length, a missing or damaged cache all load
// the bundle as plain `require` would.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCodeCache } = require('../../scripts/code-cache.js') as { writeCodeCache: (file: string) => void };

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'okr.js');

describe('the code cache of the CLI bundle', () => {
  let dir: string;
  let bundle: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'okr-code-cache-'));
    mkdirSync(path.join(dir, 'bin'));
    mkdirSync(path.join(dir, 'dist'));
    copyFileSync(BIN, path.join(dir, 'bin', 'okr.js'));
    bundle = path.join(dir, 'dist', 'cli.js');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The word is in the module code itself: a stale cache would bring back the old one.
  const source = (word: string) =>
    `'use strict';\nconst path = require('node:path');\nconst word = '${word}';\n` +
    `exports.main = () => process.stdout.write(word + ' ' + path.basename(__dirname) + ' ' + process.argv.slice(2).join(' '));\n`;
  const okr = () => spawnSync(process.execPath, [path.join(dir, 'bin', 'okr.js'), 'links', '--x'], { encoding: 'utf8' });

  it('runs the bundle through its cache, with require, __dirname and the arguments as without one', () => {
    writeFileSync(bundle, source('first'));
    writeCodeCache(bundle);
    assert.ok(readFileSync(`${bundle}.cache`).length > 20);
    const r = okr();
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'first dist links --x');
  });

  it('never uses a cache made for another bundle, even one of the same length', () => {
    writeFileSync(bundle, source('first'));
    writeCodeCache(bundle);
    writeFileSync(bundle, source('other'));
    assert.equal(okr().stdout, 'other dist links --x');
  });

  it('runs the bundle without a cache, or with a damaged one', () => {
    writeFileSync(bundle, source('plain'));
    assert.equal(okr().stdout, 'plain dist links --x');
    writeCodeCache(bundle);
    const cache = readFileSync(`${bundle}.cache`);
    writeFileSync(`${bundle}.cache`, Buffer.concat([cache.subarray(0, 20), Buffer.alloc(cache.length - 20, 7)]));
    assert.equal(okr().stdout, 'plain dist links --x');
  });
});
