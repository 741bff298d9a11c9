// Large inputs end with output, not "Maximum call stack size exceeded": 100,000
// objectives in one file through okr lint (text) and okr list.

import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { okr, tempFolder } from './cli-harness';

const TODAY = ['--today', '2026-11-28'];
const COUNT = 100_000;

describe('okr on 100,000 objectives', function () {
  this.timeout(120_000);
  let tmp: ReturnType<typeof tempFolder>;
  before(() => {
    tmp = tempFolder('okr-big-');
    const lines = ['version: 1', 'team: Big', 'period: 2026-Q4', 'objectives:'];
    for (let i = 0; i < COUNT; i++) lines.push(`  - id: O${i}`);
    writeFileSync(path.join(tmp.dir, 'big.okr.yaml'), `${lines.join('\n')}\n`);
  });
  after(() => tmp.remove());

  it('okr lint prints every finding as text, aligned, and the summary', async () => {
    const r = await okr(['lint', ...TODAY], { cwd: tmp.dir });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), `✖ ${2 * COUNT + 1} problems (${COUNT} errors, ${COUNT + 1} warnings, 0 info)`);
    assert.equal(r.lines.length, 2 * COUNT + 1 + 2);
    // Columns aligned over all rows: the widest location sets the width.
    assert.match(r.lines[0], /^big\.okr\.yaml:\d+:\d+ {2,}(error|warning)/);
  });

  it('okr list lists them all', async () => {
    const r = await okr(['list', ...TODAY], { cwd: tmp.dir });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.equal(r.lines.at(-1), `1 file, ${COUNT} objectives, 0 key results; health as of 2026-11-28`);
    assert.equal(r.lines.filter((l) => /^ {2}O\d+ /.test(l)).length, COUNT);
  });
});
