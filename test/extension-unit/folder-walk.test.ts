import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { excludeGlobs, walkFolder } from '../../src/extension/folder-walk';

const OKR_FILES = new Minimatch('**/{.okr.yaml,*.okr.yaml,*.okr.yml}', { dot: true });

describe("Store: a scan's search of a folder read from the disk", () => {
  let root: string;
  const write = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'version: 1\n');
  };
  const walked = (exclude: Minimatch[] = [], limits?: Parameters<typeof walkFolder>[3]) =>
    walkFolder(root, OKR_FILES, exclude, limits)?.sort();

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-walk-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the files okr.files matches at every depth, dot folders and node_modules too (as findFiles)', () => {
    write('company.okr.yaml');
    write('.okr.yaml');
    write('teams/web/2026-q4.okr.yml');
    write('.hidden/a.okr.yaml');
    write('node_modules/pkg/x.okr.yaml');
    write('teams/notes.yaml');
    assert.deepEqual(walked(), [
      '.hidden/a.okr.yaml',
      '.okr.yaml',
      'company.okr.yaml',
      'node_modules/pkg/x.okr.yaml',
      'teams/web/2026-q4.okr.yml',
    ]);
  });

  it('leaves out what files.exclude matches, a folder with everything under it', () => {
    write('a.okr.yaml');
    write('.git/b.okr.yaml');
    write('dist/deep/c.okr.yaml');
    write('teams/old.okr.yaml');
    const exclude = excludeGlobs({ '**/.git': true, dist: true, '**/old.okr.yaml': true, 'teams/**': false })!;
    assert.deepEqual(walked(exclude), ['a.okr.yaml']);
  });

  it('gives up (findFiles then) at a symbolic link, past its limits, and on a folder it cannot read', () => {
    write('a.okr.yaml');
    fs.symlinkSync(path.join(root, 'a.okr.yaml'), path.join(root, 'link.okr.yaml'));
    assert.equal(walked(), undefined);
    // Excluded links are never met.
    assert.deepEqual(walked(excludeGlobs({ 'link.okr.yaml': true })), ['a.okr.yaml']);
    fs.rmSync(path.join(root, 'link.okr.yaml'));
    for (let i = 0; i < 5; i++) write(`t${i}/x.okr.yaml`);
    assert.equal(walked([], { maxEntries: 4, maxMs: 1e9, now: () => 0 }), undefined);
    let clock = 0;
    assert.equal(walked([], { maxEntries: 1e9, maxMs: 10, now: () => (clock += 6) }), undefined);
    assert.equal(walkFolder(path.join(root, 'missing'), OKR_FILES, []), undefined);
  });

  it('files.exclude entries with a condition, or not booleans, are left to findFiles', () => {
    assert.equal(excludeGlobs({ '**/*.js': { when: '$(basename).ts' } }), undefined);
    assert.equal(excludeGlobs({ '**/*.js': 'yes' }), undefined);
    assert.equal(excludeGlobs(['**/.git']), undefined);
    assert.deepEqual(excludeGlobs(undefined), []);
    assert.equal(excludeGlobs({ '**/.git': true, '**/.svn': false })!.length, 1);
  });
});
