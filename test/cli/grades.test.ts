// `okr list` after the period: grades in place of progress and health.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { okr, tempFolder } from './cli-harness';

const Q4 = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: O1
    title: Customers can rely on our platform
    key_results:
      - { id: KR1, title: Cut incidents from 12 to 3, start: 12, target: 3, current: 6 }
      - { id: KR2, title: Raise uptime from 99 to 99.9, start: 99, target: 99.9, current: 100 }
  - id: O2
    title: Deploys are boring
    kind: committed
    key_results:
      - { id: KR5, title: Deploy in under 10 minutes from 40, start: 40, target: 10, current: 12 }
      - { id: KR6, title: Cut rollbacks from 9 to 1, start: 9, target: 1, current: 8, status: dropped, reason: moved to Q1 }
`;

describe('okr list: grades after the period', () => {
  it('shows each score and verdict once the period is over, progress and health before', async () => {
    const tmp = tempFolder();
    try {
      writeFileSync(path.join(tmp.dir, 'p.okr.yaml'), Q4);
      const after = await okr(['list', '--today', '2027-01-05'], { cwd: tmp.dir });
      assert.deepEqual(after.lines.slice(0, 7), [
        'p.okr.yaml: Platform, 2026-Q4 (2026-10-01 to 2026-12-31)',
        '  O1      0.8  on target  Customers can rely on our platform',
        '    KR1   0.7             Cut incidents from 12 to 3  6 (from 12, target 3)',
        '    KR2   1.0             Raise uptime from 99 to 99.9  100 (from 99, target 99.9)',
        '  O2      0.9  missed     Deploys are boring  (committed)',
        '    KR5   0.9             Deploy in under 10 minutes from 40  12 (from 40, target 10)',
        '    KR6     -  dropped    Cut rollbacks from 9 to 1  8 (from 9, target 1)',
      ]);
      const during = await okr(['list', '--today', '2026-12-05'], { cwd: tmp.dir });
      assert.equal(during.lines[1], '  O1      83%  on track  Customers can rely on our platform');

      const json = JSON.parse((await okr(['list', '--format', 'json', '--today', '2027-01-05'], { cwd: tmp.dir })).stdout);
      const [o1, o2] = json.files[0].objectives;
      assert.equal(o1.score, (2 / 3 + 1) / 2);
      assert.equal(o1.verdict, 'on-target');
      assert.equal(o2.verdict, 'missed');
      assert.equal(o2.keyResults[1].score, null); // dropped: not graded
      const before = JSON.parse((await okr(['list', '--format', 'json', '--today', '2026-12-05'], { cwd: tmp.dir })).stdout);
      assert.equal(before.files[0].objectives[0].score, null);
      assert.equal(before.files[0].objectives[0].verdict, null);
    } finally {
      tmp.remove();
    }
  });

  it('colours the grade: green on target, red for a missed commitment', async () => {
    const tmp = tempFolder();
    try {
      writeFileSync(path.join(tmp.dir, 'p.okr.yaml'), Q4);
      const r = await okr(['list', '--today', '2027-01-05'], { cwd: tmp.dir, env: { FORCE_COLOR: '1' } });
      assert.ok(r.stdout.includes('\u001b[32mon target\u001b[39m'), r.stdout);
      assert.ok(r.stdout.includes('\u001b[31mmissed\u001b[39m'), r.stdout);
    } finally {
      tmp.remove();
    }
  });
});
