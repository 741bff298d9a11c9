// The blocking reader (`okr lint` reads its files with it) is the same reader as the
// promise-based one, driven by blocking calls: every trap gets the same answer.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { loadSources } from '../../../src/core/fs/okr-files';
import { readTextFile, readTextFileSync } from '../../../src/core/fs/read-file';
import { tempFolder } from '../../cli/cli-harness';

const MAX = 64;
const unix = process.platform !== 'win32';

describe('fs/read-file: the blocking reader', function () {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('okr-blocking-')));
  afterEach(() => tmp.remove());

  it('answers as the promise-based reader does, trap by trap', async function () {
    const at = (name: string) => path.join(tmp.dir, name);
    writeFileSync(at('a.okr.yaml'), 'team: x\n');
    writeFileSync(at('bom.okr.yaml'), '\ufeffteam: é\n');
    writeFileSync(at('bad.okr.yaml'), Buffer.from([0x74, 0x3a, 0x20, 0xff, 0x0a]));
    writeFileSync(at('big.okr.yaml'), 'x'.repeat(MAX + 1));
    writeFileSync(at('empty.okr.yaml'), '');
    mkdirSync(at('folder'));
    const paths = ['a.okr.yaml', 'bom.okr.yaml', 'bad.okr.yaml', 'big.okr.yaml', 'empty.okr.yaml', 'folder', 'missing.okr.yaml'].map(at);
    let server: net.Server | undefined;
    if (unix) {
      symlinkSync(at('a.okr.yaml'), at('link.okr.yaml'));
      symlinkSync(at('gone'), at('dangling.okr.yaml'));
      execFileSync('mkfifo', [at('fifo')]);
      symlinkSync(at('fifo'), at('to-fifo.okr.yaml'));
      symlinkSync('/dev/zero', at('zero.okr.yaml'));
      symlinkSync('/proc/self/pagemap', at('pagemap.okr.yaml'));
      writeFileSync(at('secret.okr.yaml'), 'team: x\n');
      chmodSync(at('secret.okr.yaml'), 0);
      server = net.createServer().listen(at('sock'));
      await new Promise((resolve) => server!.once('listening', resolve));
      paths.push(
        ...[
          'link.okr.yaml',
          'dangling.okr.yaml',
          'fifo',
          'to-fifo.okr.yaml',
          'zero.okr.yaml',
          'pagemap.okr.yaml',
          'secret.okr.yaml',
          'sock',
        ].map(at),
        '/proc/self/environ',
      );
    }
    try {
      for (const p of paths) assert.deepEqual(readTextFileSync(p, MAX), await readTextFile(p, MAX), p);
    } finally {
      server?.close();
    }
    assert.deepEqual(readTextFileSync(at('bad.okr.yaml'), MAX), { kind: 'text', text: 't: \ufffd\n', invalidUtf8: 3 });
    if (unix) assert.equal((readTextFileSync(at('fifo'), MAX) as { code: string }).code, 'special');
  });

  it('loads the same sources from a folder, blocking or not', async () => {
    mkdirSync(path.join(tmp.dir, 'teams'));
    writeFileSync(path.join(tmp.dir, 'company.okr.yaml'), 'team: Company\n');
    writeFileSync(path.join(tmp.dir, 'teams', 'web.okr.yaml'), 'team: Web\n');
    writeFileSync(path.join(tmp.dir, 'teams', 'huge.okr.yaml'), `team: ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const blocking = await loadSources(['.'], tmp.dir, { blocking: true });
    assert.deepEqual(blocking, await loadSources(['.'], tmp.dir));
    assert.deepEqual(
      blocking.sources.map((s) => path.relative(tmp.dir, s.path)),
      ['company.okr.yaml', 'teams/huge.okr.yaml', 'teams/web.okr.yaml'],
    );
  });
});
