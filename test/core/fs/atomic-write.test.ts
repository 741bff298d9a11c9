import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileChangedError, readForEdit, writeAtomically } from '../../../src/core/fs/atomic-write';

describe('atomic writes of OKR files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-write-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('replaces the file through a renamed temporary file, keeping its mode and its BOM, leaving no temporary behind', async () => {
    const file = path.join(dir, 'a.okr.yaml');
    await fs.writeFile(file, '\uFEFFteam: A\r\n');
    await fs.chmod(file, 0o640);
    const read = await readForEdit(file);
    assert.equal(read.text, 'team: A\r\n');
    const inode = (await fs.stat(file)).ino;
    await writeAtomically(read, 'team: B\r\n');
    assert.equal(await fs.readFile(file, 'utf8'), '\uFEFFteam: B\r\n');
    assert.equal((await fs.stat(file)).mode & 0o777, 0o640);
    assert.notEqual((await fs.stat(file)).ino, inode, 'a new file was renamed over the old one');
    assert.deepEqual(await fs.readdir(dir), ['a.okr.yaml']);
  });

  it('refuses when the file changed since it was read, and writes nothing', async () => {
    const file = path.join(dir, 'a.okr.yaml');
    await fs.writeFile(file, 'team: A\n');
    const read = await readForEdit(file);
    await fs.writeFile(file, 'team: edited in the editor\n');
    await assert.rejects(
      writeAtomically(read, 'team: B\n'),
      (err: unknown) => err instanceof FileChangedError && err.message.includes('changed since it was read; nothing was written'),
    );
    assert.equal(await fs.readFile(file, 'utf8'), 'team: edited in the editor\n');
    assert.deepEqual(await fs.readdir(dir), ['a.okr.yaml']);
  });

  it('writes through a symbolic link to its target, and the link stays a link', async () => {
    const target = path.join(dir, 'real.okr.yaml');
    const link = path.join(dir, 'link.okr.yaml');
    await fs.writeFile(target, 'team: A\n');
    await fs.symlink(target, link);
    await writeAtomically(await readForEdit(link), 'team: B\n');
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(target, 'utf8'), 'team: B\n');
  });
});
