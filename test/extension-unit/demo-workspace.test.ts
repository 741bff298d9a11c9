// The demo's example repository (npm run demo): dated relative to the real day it is
// made, nothing pinned, and its history authored without touching the repository's config.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../src/core/lint';
import { assessKeyResult } from '../../src/core/progress';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the harness is plain CommonJS
const { createWorkspace } = require('../vscode/workspace') as {
  createWorkspace: (name: string, dest: string, options?: { today?: string; identity?: boolean }) => string;
};

const ROOT = path.resolve(__dirname, '..', '..');
const TEMPLATE = path.join(ROOT, 'test', 'workspaces', 'demo');
const AS_OF = (JSON.parse(readFileSync(path.join(TEMPLATE, '.git-history.json'), 'utf8')) as { asOf: string }).asOf;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === '.git') return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const okrFiles = (dir: string) => filesUnder(dir).filter((f) => /\.okr\.ya?ml$/.test(f));
const findings = (file: string, today: string) =>
  lintText(readFileSync(file, 'utf8'), file, { today })
    .findings.map((f) => f.ruleId)
    .sort();

describe('the demo workspace', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'okr-demo-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('pins no date: no okr.lint.today anywhere in it', () => {
    const dir = createWorkspace('demo', path.join(tmp, 'w'), { today: '2027-05-20', identity: false });
    for (const file of filesUnder(dir)) assert.doesNotMatch(readFileSync(file, 'utf8'), /okr\.lint\.today/, file);
  });

  for (const today of [AS_OF, '2027-05-20', '2028-02-29', '2026-01-03']) {
    it(`reads on ${today} as it did on the day it was written: same findings, period running, nothing in the future`, () => {
      const dir = createWorkspace('demo', path.join(tmp, 'w'), { today, identity: false });
      for (const file of okrFiles(dir)) {
        const relative = path.relative(dir, file);
        assert.deepEqual(findings(file, today), findings(path.join(TEMPLATE, relative), AS_OF), relative);
        const result = lintText(readFileSync(file, 'utf8'), file, { today });
        const period = result.file.period!;
        assert.ok(period.start <= today && today <= period.end, `${relative}: ${today} outside ${period.start}..${period.end}`);
        for (const o of result.file.objectives) {
          for (const kr of o.keyResults) {
            for (const c of kr.checkIns) assert.ok(!c.date || c.date <= today, `${relative}: check-in ${c.date} after ${today}`);
            assert.notEqual(assessKeyResult(result.file, o, kr, today).health, 'not-started');
          }
        }
      }
      const dates = execFileSync('git', ['log', '--format=%aI %cI'], { cwd: dir, encoding: 'utf8' }).split(/\s+/).filter(Boolean);
      assert.ok(dates.length >= 6);
      for (const d of dates) assert.ok(d.slice(0, 10) <= today, `commit dated ${d}, after ${today}`);
      // The newest commit is recent, as in the template (two days before it was written).
      assert.ok(dates[0].slice(0, 10) >= new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10));
    });
  }

  it('authors its history through the environment only: the repository has no identity of its own', () => {
    const dir = createWorkspace('demo', path.join(tmp, 'w'), { today: '2027-05-20', identity: false });
    assert.equal(spawnSync('git', ['config', '--local', '--get', 'user.name'], { cwd: dir }).status, 1);
    assert.equal(spawnSync('git', ['config', '--local', '--get', 'user.email'], { cwd: dir }).status, 1);
    const authors = new Set(
      execFileSync('git', ['log', '--format=%an <%ae>|%cn <%ce>'], { cwd: dir, encoding: 'utf8' }).trim().split(/\n|\|/),
    );
    assert.deepEqual([...authors].sort(), ['Jon Park <jon@checkout.example>', 'Maya Okafor <maya@checkout.example>']);
  });

  it('the demo script makes it that way', () => {
    const script = readFileSync(path.join(ROOT, 'scripts', 'demo.js'), 'utf8');
    assert.match(script, /createWorkspace\('demo', WORKSPACE, \{ today: localToday\(\), identity: false \}\)/);
    assert.match(script, /\['openFile', file\]/);
  });
});
