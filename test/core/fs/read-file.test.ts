import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { findOkrFiles, readAlignedTexts, readOkrSource } from '../../../src/core/fs/okr-files';
import { decodeUtf8, invalidUtf8, nameFromBytes, readTextFile } from '../../../src/core/fs/read-file';
import { tempFolder } from '../../cli/cli-harness';

const MAX = 2 * 1024 * 1024;
const unix = process.platform !== 'win32';

describe('fs/read-file: reading files of a repository someone else wrote', function () {
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => (tmp = tempFolder('okr-safe-')));
  afterEach(() => tmp.remove());

  it('reads a regular file, and a link to one', async () => {
    writeFileSync(path.join(tmp.dir, 'a.okr.yaml'), 'team: x\n');
    assert.deepEqual(await readTextFile(path.join(tmp.dir, 'a.okr.yaml'), MAX), { kind: 'text', text: 'team: x\n' });
    if (!unix) return;
    symlinkSync(path.join(tmp.dir, 'a.okr.yaml'), path.join(tmp.dir, 'b.okr.yaml'));
    assert.deepEqual(await readTextFile(path.join(tmp.dir, 'b.okr.yaml'), MAX), { kind: 'text', text: 'team: x\n' });
  });

  it('never opens a FIFO (nor a link to one): open would wait for a writer forever', async function () {
    if (!unix) this.skip();
    const fifo = path.join(tmp.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, path.join(tmp.dir, 'to-fifo.okr.yaml'));
    assert.deepEqual(await readTextFile(fifo, MAX), {
      kind: 'problem',
      code: 'special',
      reason: 'a named pipe (FIFO), not a regular file: OKR Lens reads only regular files',
    });
    assert.deepEqual(await readOkrSource(path.join(tmp.dir, 'to-fifo.okr.yaml')), {
      path: path.join(tmp.dir, 'to-fifo.okr.yaml'),
      code: 'special',
      reason: 'a link to a named pipe (FIFO), not a regular file: OKR Lens reads only regular files',
    });
  });

  it('never opens a socket or a device', async function () {
    if (!unix) this.skip();
    const socketPath = path.join(tmp.dir, 'sock');
    const server = net.createServer().listen(socketPath);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      assert.match(((await readTextFile(socketPath, MAX)) as { reason: string }).reason, /^a socket, not a regular file/);
    } finally {
      server.close();
    }
    symlinkSync('/dev/zero', path.join(tmp.dir, 'zero.okr.yaml'));
    assert.deepEqual(await readTextFile(path.join(tmp.dir, 'zero.okr.yaml'), MAX), {
      kind: 'problem',
      code: 'special',
      reason: 'a link to a character device, not a regular file: OKR Lens reads only regular files',
    });
  });

  it('does not trust the size stat reports: /proc files say 0 bytes and read on (pagemap: terabytes)', async function () {
    if (!existsSync('/proc/self/pagemap')) this.skip();
    const refused = {
      kind: 'problem',
      code: 'special',
      reason: 'its size on disk says 0 bytes but it reads longer, as files under /proc and /sys do: OKR Lens reads only regular files',
    };
    assert.deepEqual(await readTextFile('/proc/self/pagemap', MAX), refused);
    // Small /proc files are refused too: their text is not an OKR file's, and may be secret (environ).
    assert.deepEqual(await readTextFile('/proc/self/environ', MAX), refused);
    symlinkSync('/proc/self/pagemap', path.join(tmp.dir, 'pagemap.okr.yaml'));
    assert.deepEqual(await readTextFile(path.join(tmp.dir, 'pagemap.okr.yaml'), MAX), refused);
  });

  it('a folder is not a file', async () => {
    assert.deepEqual(await readTextFile(tmp.dir, MAX), { kind: 'problem', code: 'not-a-file', reason: 'is a folder, not a file' });
  });

  it('aligns_with targets that exist but are not read come back with the reason', async function () {
    if (!unix) this.skip();
    execFileSync('mkfifo', [path.join(tmp.dir, 'fifo')]);
    const texts = await readAlignedTexts([path.join(tmp.dir, 'fifo'), path.join(tmp.dir, 'none.okr.yaml')]);
    assert.deepEqual(
      [...texts.values()],
      [{ unreadable: 'a named pipe (FIFO), not a regular file: OKR Lens reads only regular files' }, null],
    );
  });

  describe('UTF-8', () => {
    it('finds the first byte that is not UTF-8, and its offset in the decoded text', () => {
      assert.equal(invalidUtf8(Buffer.from('team: Ünïcode 😀\n')), undefined);
      const bytes = Buffer.concat([Buffer.from('é😀ab'), Buffer.from([0xff]), Buffer.from('cd')]);
      assert.deepEqual(invalidUtf8(bytes), { validText: 'é😀ab', badByte: 8 });
      // A lead byte with no continuation: the sequence starts at the lead byte.
      assert.deepEqual(invalidUtf8(Buffer.from([0x61, 0xe2, 0x41])), { validText: 'a', badByte: 1 });
      // Cut short at the very end.
      assert.deepEqual(invalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82])), { validText: 'ab', badByte: 2 });
      const decoded = decodeUtf8(bytes);
      assert.equal(decoded.invalidUtf8, 'é😀ab'.length);
      assert.equal(decoded.text[decoded.invalidUtf8], '\ufffd');
    });

    it('reading a file with a bad byte keeps the text and says where', async () => {
      const p = path.join(tmp.dir, 'latin1.okr.yaml');
      writeFileSync(p, Buffer.concat([Buffer.from('version: 1\nteam: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      const read = await readOkrSource(p);
      assert.deepEqual(read, { path: p, text: 'version: 1\nteam: Caf\ufffd\n', invalidUtf8: 'version: 1\nteam: Caf'.length });
    });

    it('shows a name that is not UTF-8 with its bad bytes as \\xNN', () => {
      assert.equal(
        nameFromBytes(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff]), Buffer.from('.okr.yaml')])),
        'caf\\xe9\\xff.okr.yaml',
      );
    });
  });

  describe('walking folders', () => {
    it('never follows a link to a folder outside the searched one (ln -s / root)', async function () {
      if (!unix) this.skip();
      writeFileSync(path.join(tmp.dir, 'team.okr.yaml'), 'version: 1\n');
      symlinkSync('/', path.join(tmp.dir, 'root'));
      mkdirSync(path.join(tmp.dir, 'inner'));
      writeFileSync(path.join(tmp.dir, 'inner', 'x.okr.yaml'), 'version: 1\n');
      const outside = tempFolder('okr-outside-');
      try {
        writeFileSync(path.join(outside.dir, 'elsewhere.okr.yaml'), 'version: 1\n');
        symlinkSync(outside.dir, path.join(tmp.dir, 'shared'));
        symlinkSync(path.join(tmp.dir, 'inner'), path.join(tmp.dir, 'inner-link')); // inside: followed
        const found = await findOkrFiles(['.'], tmp.dir);
        assert.deepEqual(
          found.files.map((f) => path.relative(tmp.dir, f)),
          [path.join('inner', 'x.okr.yaml'), 'team.okr.yaml'],
        );
        assert.deepEqual(found.problems, []);
        // Named on the command line, the outside folder is searched: the user asked for it.
        const named = await findOkrFiles(['shared'], tmp.dir);
        assert.deepEqual(
          named.files.map((f) => path.relative(tmp.dir, f)),
          [path.join('shared', 'elsewhere.okr.yaml')],
        );
      } finally {
        outside.remove();
      }
    });

    it('names a file whose name is not UTF-8 instead of calling it missing', async function () {
      if (process.platform !== 'linux') this.skip(); // macOS and Windows refuse such names
      const bad = Buffer.concat([Buffer.from(tmp.dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.okr.yaml')]);
      writeFileSync(bad, 'version: 1\n');
      writeFileSync(path.join(tmp.dir, 'ok.okr.yaml'), 'version: 1\n');
      const found = await findOkrFiles(['.'], tmp.dir);
      assert.deepEqual(found.files, [path.join(tmp.dir, 'ok.okr.yaml')]);
      assert.deepEqual(found.problems, [
        {
          path: path.join(tmp.dir, 'caf\\xe9.okr.yaml'),
          code: 'invalid-name',
          reason: 'the name is not valid UTF-8, so OKR Lens cannot read it; rename it',
        },
      ]);
    });

    it('skips FIFOs and devices met while walking', async function () {
      if (!unix) this.skip();
      execFileSync('mkfifo', [path.join(tmp.dir, 'pipe.okr.yaml')]);
      symlinkSync('/dev/zero', path.join(tmp.dir, 'zero.okr.yaml'));
      writeFileSync(path.join(tmp.dir, 'ok.okr.yaml'), 'version: 1\n');
      const found = await findOkrFiles(['.'], tmp.dir);
      assert.deepEqual(found.files, [path.join(tmp.dir, 'ok.okr.yaml')]);
    });
  });
});
