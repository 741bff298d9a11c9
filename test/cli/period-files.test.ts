import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CliIO } from '../../src/cli/io';
import { openPeriodFile } from '../../src/cli/commands/period-files';
import { tempFolder } from './cli-harness';

const FILE = 'version: 1\nteam: Platform\nperiod: 2026-Q4\nobjectives: []\n';

describe('cli period-files: openPeriodFile', () => {
  let tmp: ReturnType<typeof tempFolder>;
  let err: string[];
  let io: CliIO;
  beforeEach(() => {
    tmp = tempFolder('okr-period-files-');
    err = [];
    io = { cwd: tmp.dir, stdout: () => undefined, stderr: (t) => err.push(t), isTTY: false, env: {} };
    mkdirSync(path.join(tmp.dir, 'okrs', '2026-Q3'), { recursive: true });
    writeFileSync(path.join(tmp.dir, 'okrs', 'platform.okr.yaml'), FILE);
    // A closed period's folder: never the file a period command means.
    writeFileSync(path.join(tmp.dir, 'okrs', '2026-Q3', 'platform.okr.yaml'), FILE.replace('Q4', 'Q3'));
  });
  afterEach(() => tmp.remove());

  it('with no file named: the only OKR file outside closed period folders, read, with its shown path', async () => {
    const opened = await openPeriodFile(undefined, 'close', io);
    assert.ok(opened);
    assert.equal(opened.target, path.join(tmp.dir, 'okrs', 'platform.okr.yaml'));
    assert.equal(opened.shown, 'okrs/platform.okr.yaml');
    assert.equal(opened.disk.text, FILE);
    assert.equal(opened.disk.file.period?.label, '2026-Q4');
    assert.deepEqual(err, []);
  });

  it('a named file, relative to the current folder, even in a period folder', async () => {
    const opened = await openPeriodFile('okrs/2026-Q3/platform.okr.yaml', 'next-period', io);
    assert.equal(opened?.disk.file.period?.label, '2026-Q3');
  });

  it('YAML errors: undefined, after one line on stderr that names the file and the command to run', async () => {
    writeFileSync(path.join(tmp.dir, 'okrs', 'platform.okr.yaml'), 'team: "unclosed\nobjectives: []\n');
    assert.equal(await openPeriodFile(undefined, 'close', io), undefined);
    assert.equal(err.length, 1);
    assert.match(err[0], /^okr: okrs\/platform\.okr\.yaml has YAML errors; fix them first \(okr lint okrs\/platform\.okr\.yaml\): .+\n$/);
  });

  it('two candidates: a usage error naming the command and both files', async () => {
    writeFileSync(path.join(tmp.dir, 'okrs', 'company.okr.yaml'), FILE.replace('Platform', 'Company'));
    await assert.rejects(
      openPeriodFile(undefined, 'next-period', io),
      (e) =>
        e instanceof UsageError &&
        e.message ===
          '2 OKR files here: name the one to next-period (okr next-period <file>): okrs/company.okr.yaml, okrs/platform.okr.yaml',
    );
  });
});
