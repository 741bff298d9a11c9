import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isOurShim, onPath, posixShim, SHIM_MARKER, windowsShim } from '../../src/core/cli-shim';

const ROOT = path.resolve(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe("the 'okr' launcher the editor puts on the PATH", function () {
  this.timeout(30_000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "okr shim 'q' "));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const write = (text: string) => {
    const file = path.join(tmp, 'bin', 'okr');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    chmodSync(file, 0o755);
    return file;
  };

  it('runs the CLI inside the extension, with its arguments', function () {
    if (process.platform === 'win32') this.skip();
    const shim = write(
      posixShim({
        cliPath: path.join(ROOT, 'bin', 'okr.js'),
        extensionsDir: tmp,
        extensionPrefix: 'okr-lens.okr-lens',
        nodePath: process.execPath,
      }),
    );
    const r = spawnSync(shim, ['--version'], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `${VERSION}\n`);
    const help = spawnSync(shim, ['lint', '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /^Usage: okr lint/);
  });

  it('after an update (the recorded folder is gone), runs the newest OKR Lens installed beside it; else says what to do', function () {
    if (process.platform === 'win32') this.skip();
    const extensions = path.join(tmp, 'extensions');
    for (const version of ['0.1.0', '0.2.0']) {
      const bin = path.join(extensions, `okr-lens.okr-lens-${version}`, 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(path.join(bin, 'okr.js'), `process.stdout.write('okr ${version} ' + process.argv.slice(2).join(','))\n`);
    }
    const options = {
      cliPath: path.join(extensions, 'okr-lens.okr-lens-0.0.9', 'bin', 'okr.js'),
      extensionsDir: extensions,
      extensionPrefix: 'okr-lens.okr-lens',
      nodePath: process.execPath,
    };
    const shim = write(posixShim(options));
    assert.equal(spawnSync(shim, ['a b', 'c'], { encoding: 'utf8' }).stdout, 'okr 0.2.0 a b,c');
    rmSync(extensions, { recursive: true });
    const gone = spawnSync(shim, ['--version'], { encoding: 'utf8' });
    assert.equal(gone.status, 2);
    assert.match(gone.stderr, /okr: OKR Lens is no longer installed .*Install 'okr' Command in PATH/);
  });

  it('marks what it wrote, so only its own launcher is ever replaced', () => {
    const options = { cliPath: '/x/bin/okr.js', extensionsDir: '/x', extensionPrefix: 'okr-lens.okr-lens' };
    assert.ok(isOurShim(posixShim(options)));
    assert.ok(isOurShim(windowsShim(options)));
    assert.ok(!isOurShim('#!/bin/sh\nexec /usr/lib/node_modules/okr/bin/okr "$@"\n'));
    assert.ok(!isOurShim(`#!/bin/sh\n\n\n\n# ${SHIM_MARKER} far below\n`), 'only the first lines count');
  });

  it('tells whether a folder is on the PATH', () => {
    assert.ok(onPath('/home/a/.local/bin', '/usr/bin:/home/a/.local/bin/', ':'));
    assert.ok(!onPath('/home/a/.local/bin', '/usr/bin:/home/a/bin', ':'));
    assert.ok(!onPath('/x', undefined, ':'));
  });
});
