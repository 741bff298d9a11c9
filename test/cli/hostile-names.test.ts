// File names from a cloned repository reach the terminal only through the one
// escaping helper: a name can carry escape sequences (clear the screen, set the
// title), bidi overrides (show `yaml.okr.exe` as `exe.okr.yaml`) and line separators.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, okr, tempFolder } from './cli-harness';

const TODAY = ['--today', '2026-11-28'];
const HOSTILE = 'evil\u001b]0;pwned\u0007\u001b[2J\u202egnp\u2028x\u009b31m';
const SHOWN = 'evil\\u001b]0;pwned\\u0007\\u001b[2J\\u202egnp\\u2028x\\u009b31m';
/** Anything a terminal or a text view acts on rather than shows. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('hostile file names in text output', function () {
  if (process.platform === 'win32') return;
  let tmp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    tmp = tempFolder('okr-names-');
  });
  afterEach(() => tmp.remove());

  it('okr lint and okr list: a dangling symlink named with escapes is reported escaped (load problems)', async () => {
    symlinkSync(path.join(tmp.dir, 'nowhere'), path.join(tmp.dir, `${HOSTILE}.okr.yaml`));
    for (const command of ['lint', 'list']) {
      const r = await okr([command, ...TODAY], { cwd: tmp.dir });
      assert.equal(r.code, 2);
      assert.doesNotMatch(r.stderr, RAW, command);
      assert.equal(r.stderr, `okr: ${SHOWN}.okr.yaml: cannot read: no such file or folder\n`, command);
    }
  });

  it('okr lint: a symlink named with escapes to a real file is shown escaped in findings', async () => {
    mkdirSync(path.join(tmp.dir, 'real'));
    copyFileSync(path.join(FIXTURES, 'small', 'roadmap.okr.yaml'), path.join(tmp.dir, 'real', 'roadmap.okr.yaml'));
    symlinkSync(path.join(tmp.dir, 'real', 'roadmap.okr.yaml'), path.join(tmp.dir, `${HOSTILE}.okr.yaml`));
    const r = await okr(['lint', `${HOSTILE}.okr.yaml`, ...TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, RAW);
    assert.ok(r.lines[0].startsWith(`${SHOWN}.okr.yaml:`), r.lines[0]);
  });

  it('okr list: the file name, team, ids and titles are escaped', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      path.join(tmp.dir, `${HOSTILE}.okr.yaml`),
      [
        'version: 1',
        'team: "Team\\e[2J\\u202e"',
        'period: 2026-Q4',
        'objectives:',
        '  - id: O1',
        '    title: "Customers\\u202e notice\\x1b[31m"',
        '    key_results:',
        '      - { id: O1-KR1, title: "Cut \\u2029 churn", start: 9, target: 4, unit: "%\\e[5m" }',
        '',
      ].join('\n'),
    );
    const r = await okr(['list', ...TODAY], { cwd: tmp.dir });
    assert.doesNotMatch(r.stdout, RAW);
    assert.ok(r.lines[0].startsWith(`${SHOWN}.okr.yaml: Team\\u001b[2J\\u202e, 2026-Q4 (2026-10-01 to 2026-12-31)`), r.lines[0]);
    assert.match(r.stdout, /Customers\\u202e notice\\u001b\[31m/);
    assert.match(r.stdout, /Cut \\u2029 churn/);
  });

  it('okr: an unknown command or option named with escapes is echoed escaped', async () => {
    const r = await okr([HOSTILE], { cwd: tmp.dir });
    assert.equal(r.stderr, `okr: unknown command "${SHOWN}" (see okr --help)\n`);
    const usage = await okr(['lint', '--format', HOSTILE], { cwd: tmp.dir });
    assert.doesNotMatch(usage.stderr, RAW);
    assert.match(usage.stderr, /\\u202e/);
  });
});
