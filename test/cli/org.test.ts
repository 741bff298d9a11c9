// `okr list` across the teams of an organisation (test/fixtures/cli/org): the
// dependencies between teams in both directions.
import * as assert from 'node:assert/strict';
import { okr } from './cli-harness';

const TODAY = ['--today', '2026-11-28'];

describe('okr list across teams', () => {
  it('text: each item shows what it needs, with health, and what needs it', async () => {
    const r = await okr(['list', 'org', ...TODAY]);
    assert.equal(r.code, 0);
    const at = (id: string) => r.lines.findIndex((l) => l.trim().startsWith(`${id} `));
    assert.equal(r.lines[at('MOB-KR1') + 1], '      needs SEC-KR2 (off track), WEB-KR4 (on track)');
    assert.equal(r.lines[at('SEC-KR2') + 1], '      needed by MOB-KR1, WEB-KR4');
    assert.deepEqual(r.lines.slice(at('WEB-KR4') + 1, at('WEB-KR4') + 3), ['      needs SEC-KR2 (off track)', '      needed by MOB-KR1']);
    // Items without dependencies get no extra line.
    assert.match(r.lines[at('WEB-KR1') + 1], /^    WEB-KR4 /);
  });

  it('json: dependsOn with found and health, neededBy with ids', async () => {
    const r = await okr(['list', 'org', '--format', 'json', ...TODAY]);
    const out = JSON.parse(r.stdout);
    const krs = out.files.flatMap((f: any) => f.objectives.flatMap((o: any) => o.keyResults));
    const kr = (id: string) => krs.find((k: any) => k.id === id);
    assert.deepEqual(kr('MOB-KR1').dependsOn, [{ id: 'SEC-KR2', found: true, health: 'off-track' }, { id: 'WEB-KR4', found: true, health: 'on-track' }]);
    assert.deepEqual(kr('SEC-KR2').neededBy, ['MOB-KR1', 'WEB-KR4']);
    assert.deepEqual(kr('WEB-KR1').dependsOn, []);
  });

  it('a dependency outside the listed files shows as not found', async () => {
    const r = await okr(['list', 'org/teams/web.okr.yaml', '--format', 'json', ...TODAY]);
    const kr = JSON.parse(r.stdout).files[0].objectives[0].keyResults[1];
    assert.deepEqual(kr.dependsOn, [{ id: 'SEC-KR2', found: false, health: null }]);
  });
});
