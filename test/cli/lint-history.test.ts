// okr lint reads the OKR files' git history while the rules that do not need it run:
// the rules that read history (target-moved, sandbagging across periods) still see it,
// and the output is the one of linting with the history given up front.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HISTORY_FIXTURES, lintWithHistory, on } from '../helpers/history-fixture';
import { TempRepo } from '../helpers/git-repo';
import { okr } from './cli-harness';

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; message: string }[];
}

describe('okr lint: history read while linting', function () {
  this.timeout(20000);
  let repo: TempRepo;
  const before = readFileSync(path.join(HISTORY_FIXTURES, 'target-moved.before.okr.yaml'), 'utf8');
  const after = readFileSync(path.join(HISTORY_FIXTURES, 'target-moved.okr.yaml'), 'utf8');
  // The same team's later period, never committed: linted with the committed file.
  const untracked = after.replace('period: 2026-Q4', 'period: 2027-Q1').replace(/PLAT-/g, 'NEXT-');

  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('Plan the quarter', { files: { 'okrs/platform.okr.yaml': before }, env: on('2026-10-05') });
    repo.commit('Update the plan', { files: { 'okrs/platform.okr.yaml': after }, env: on('2026-11-10') });
    repo.write('okrs/next.okr.yaml', untracked);
  });
  afterEach(() => repo.remove());

  const lint = async (extra: string[]) => {
    const r = await okr(['lint', '--today', '2026-11-25', '--format', 'json', ...extra, 'okrs'], { cwd: repo.dir, env: repo.env });
    return { ...r, files: JSON.parse(r.stdout) as JsonFile[] };
  };
  const ruleLines = (f: JsonFile | undefined, ruleId: string) => (f?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.line);

  it('reports target-moved from the committed versions, as a lint with the history given first does', async () => {
    const r = await lint([]);
    const committed = r.files.find((f) => f.filePath.endsWith('platform.okr.yaml'));
    const expected = await lintWithHistory(repo, 'okrs/platform.okr.yaml', '2026-11-25');
    const lines = after.split('\n');
    const expectedLines = expected.findings
      .filter((f) => f.ruleId === 'target-moved')
      .map((f) => after.slice(0, f.span.start).split('\n').length);
    assert.equal(expectedLines.length, 3, 'the fixture has three moved targets');
    assert.deepEqual(ruleLines(committed, 'target-moved'), expectedLines);
    for (const line of expectedLines) assert.match(lines[line - 1], /# expect: target-moved/);
    // The untracked file is linted too, and said to have no history.
    assert.ok(r.files.some((f) => f.filePath.endsWith('next.okr.yaml')));
    assert.match(r.stderr, /not committed yet, so no history to compare with: okrs[/\\]next\.okr\.yaml/);
  });

  it('--no-history runs every other rule and no history rule; the findings differ by target-moved only', async () => {
    const withHistory = await lint([]);
    const without = await lint(['--no-history']);
    assert.equal(without.stderr, '');
    const strip = (files: JsonFile[]) =>
      files.map((f) => ({ filePath: f.filePath, messages: f.messages.filter((m) => m.ruleId !== 'target-moved') }));
    assert.deepEqual(strip(withHistory.files), strip(without.files));
    assert.ok(withHistory.files.some((f) => ruleLines(f, 'target-moved').length > 0));
    assert.ok(without.files.every((f) => ruleLines(f, 'target-moved').length === 0));
  });
});
