// The layout the README promises: core never imports vscode; only core/fs/ touches the file
// system and only core/git/ runs processes (git) — everything else in core is pure.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const imports = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);

describe('src/core layout', () => {
  const files = sources(CORE).map((file) => ({ rel: path.relative(CORE, file).split(path.sep).join('/'), imports: imports(file) }));

  it('never imports vscode', () => {
    assert.deepEqual(
      files.filter((f) => f.imports.includes('vscode')).map((f) => f.rel),
      [],
    );
  });

  it('touches the file system only in core/fs/ and core/git/', () => {
    const io = files.filter((f) => f.imports.some((m) => /^(node:)?fs(\/promises)?$/.test(m)));
    assert.ok(io.length > 0, 'the pattern no longer matches how files are read');
    assert.deepEqual(
      io.filter((f) => !/^(fs|git)\//.test(f.rel)).map((f) => f.rel),
      [],
    );
  });

  it('is laid out in the README as it is in the tree: every file and folder of src/core is named there', () => {
    const readme = fs.readFileSync(path.resolve(CORE, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('src/core/ ');
    assert.ok(start >= 0, 'the README has a src/core/ layout');
    const layout = readme.slice(start, readme.indexOf('\nsrc/cli/', start));
    const named = (entry: string) => new RegExp(`(^|[\\s(])${entry.replace(/\./g, '\\.')}(?![\\w.-])`).test(layout);
    const entries = fs.readdirSync(CORE, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    assert.deepEqual(
      entries.filter((e) => !named(e)),
      [],
    );
  });

  it('runs processes only in core/git/', () => {
    const spawning = files.filter((f) => f.imports.some((m) => /^(node:)?child_process$/.test(m)));
    assert.ok(spawning.length > 0, 'the pattern no longer matches how git is run');
    assert.deepEqual(
      spawning.filter((f) => !f.rel.startsWith('git/')).map((f) => f.rel),
      [],
    );
  });
});
