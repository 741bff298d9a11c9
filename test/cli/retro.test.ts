// okr report --retro: the retrospective as Markdown.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { okr, tempFolder } from './cli-harness';
import { TempRepo } from '../helpers/git-repo';

const FILE = `version: 1
team: Platform
period: 2026-Q4
closed: 2027-01-04
retro: { went_well: "Canary deploys", went_badly: ["On-call load", "Hiring | late"], try_next: "Fewer KRs" }
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    key_results:
      - { id: PLAT-KR1, title: Reduce P1 incidents from 12 to 3, start: 12, target: 3, current: 6, score: 0.67 }
      - { id: PLAT-KR2, title: Raise uptime from 99.5 to 99.95, start: 99.5, target: 99.95, current: 99.95, score: 1 }
      - { id: PLAT-KR3, title: "Cut *deploy* time | from 40 to 10", start: 40, target: 10, current: 30, status: dropped, reason: replaced by the build cache work }
  - id: PLAT-O2
    title: Deploys are boring
    kind: committed
    key_results:
      - { id: PLAT-KR4, title: Cut rollbacks from 9 to 1, start: 9, target: 1, current: 3, score: 0.75, carried_from: PLAT-KR0@2026-Q3 }
      - { id: PLAT-KR5, title: Cut deploy steps from 12 to 2, start: 12, target: 2, current: 2, score: 1 }
    initiatives:
      - { id: PLAT-I1, title: Rewrite the deployer, status: dropped }
`;

describe('okr report --retro', () => {
  it('scores against expectations, committed vs aspirational, dropped and why, check-ins, reflection; escaped', async () => {
    const tmp = tempFolder();
    try {
      writeFileSync(path.join(tmp.dir, 'p.okr.yaml'), FILE);
      const r = await okr(['report', '--retro', '--no-git', '--today', '2027-01-05'], { cwd: tmp.dir });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      const md = r.stdout;
      assert.match(md, /^# Retrospective: Platform, 2026-Q4\n\n`p\.okr\.yaml` · closed on 2027-01-04\n/);
      assert.match(md, /\| \*\*PLAT-O1\*\* Customers can rely on our platform \| aspirational \| 0\.8 \| about 0\.7 \| on target \|/);
      assert.match(md, /\| \*\*PLAT-O2\*\* Deploys are boring \| committed \| 0\.9 \| 1\.0 \| missed \|/);
      assert.match(md, /↳ PLAT-KR4 Cut rollbacks from 9 to 1 \(carried from PLAT-KR0@2026-Q3\) \| \| 0\.8 \|/);
      assert.match(md, /- Committed: 0 of 1 met in full \(expected: all, at 1\.0\)\. Say what got in the way/);
      assert.match(md, /- Aspirational: mean 0\.8 over 1 \(expected about 0\.7\): on target\./);
      // Markdown and table syntax in titles are escaped, so they cannot break the table.
      assert.match(md, /- Key result PLAT-KR3 Cut \\\*deploy\\\* time \\\| from 40 to 10: replaced by the build cache work/);
      assert.match(md, /- Initiative PLAT-I1 Rewrite the deployer: \*no reason given\*/);
      assert.match(md, /## Check-ins\n\n\d+ of \d+ check-ins on time/);
      assert.match(md, /No git repository was read, so linked commits are not counted\./);
      assert.match(md, /\*\*What went badly\*\*\n\n- On-call load\n- Hiring \\\| late\n/); // escaped like every title
      assert.doesNotMatch(md, /<[a-z]/i, 'no raw HTML');
    } finally {
      tmp.remove();
    }
  });

  it('counts the commits linked to each key result in the repository', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('Add OKRs', { files: { 'p.okr.yaml': FILE } });
      repo.commit('Canary for the API\n\nKey-Result: PLAT-KR1\n');
      const r = await okr(['report', '--retro', '--today', '2027-01-05'], { cwd: repo.dir, env: repo.env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\| Key result \| Commits \| Last commit \|\n\| --- \| --- \| --- \|\n\| PLAT-KR1 \| 1 \| 2026-11-01 \|/);
    } finally {
      repo.remove();
    }
  });

  it('says so for a period not over yet, and refuses other formats', async () => {
    const tmp = tempFolder();
    try {
      writeFileSync(path.join(tmp.dir, 'p.okr.yaml'), FILE.replace('closed: 2027-01-04\n', ''));
      const r = await okr(['report', '--retro', '--no-git', '--today', '2026-12-01'], { cwd: tmp.dir });
      assert.match(r.stdout, /as of 2026-12-01: the period is not over, so these grades are provisional/);
      const bad = await okr(['report', '--retro', '--format', 'html'], { cwd: tmp.dir });
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'okr: --retro writes Markdown: leave out --format, or use --format md\n');
    } finally {
      tmp.remove();
    }
  });
});
