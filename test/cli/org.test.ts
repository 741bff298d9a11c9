// `okr list` across the teams of an organisation (test/fixtures/cli/org): the
// dependencies between teams in both directions.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { okr, tempFolder } from './cli-harness';

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
    assert.match(r.lines[at('WEB-KR1') + 1], /^ {4}WEB-KR4 /);
  });

  it('json: dependsOn with found and health, neededBy with ids', async () => {
    const r = await okr(['list', 'org', '--format', 'json', ...TODAY]);
    const out = JSON.parse(r.stdout);
    const krs = out.files.flatMap((f: any) => f.objectives.flatMap((o: any) => o.keyResults));
    const kr = (id: string) => krs.find((k: any) => k.id === id);
    assert.deepEqual(kr('MOB-KR1').dependsOn, [
      { id: 'SEC-KR2', found: true, health: 'off-track' },
      { id: 'WEB-KR4', found: true, health: 'on-track' },
    ]);
    assert.deepEqual(kr('SEC-KR2').neededBy, ['MOB-KR1', 'WEB-KR4']);
    assert.deepEqual(kr('WEB-KR1').dependsOn, []);
  });

  it('a dependency outside the listed files shows as not found', async () => {
    const r = await okr(['list', 'org/teams/web.okr.yaml', '--format', 'json', ...TODAY]);
    const kr = JSON.parse(r.stdout).files[0].objectives[0].keyResults[1];
    assert.deepEqual(kr.dependsOn, [{ id: 'SEC-KR2', found: false, health: null }]);
  });
});

describe('okr list --tree alignment', () => {
  it('text: company objectives, the team objectives beneath, rolled-up progress and the count of teams', async () => {
    const r = await okr(['list', 'org', '--tree', 'alignment', ...TODAY]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.lines, [
      'CO-1       50%  off track  Customers can rely on us  (2 teams, progress from aligned objectives)',
      '  SEC-O1   30%  off track  Customer data stays safe  (Security)',
      '  WEB-O1   70%  on track   Shoppers check out without friction  (Web)',
      'CO-2       55%  at risk    We grow in Europe  (1 team, progress from key results and aligned objectives)',
      '  MOB-O1   50%  at risk    European shoppers love our app  (Mobile)',
      'CO-3         -  no data    Our costs fall while we grow  (no team aligns)',
    ]);
  });

  it('json: the documented shape', async () => {
    const r = await okr(['list', 'org', '--tree', 'alignment', '--format', 'json', ...TODAY]);
    const out = JSON.parse(r.stdout);
    assert.equal(out.tree, 'alignment');
    assert.deepEqual(out.unaligned, []);
    const [co1, co2, co3] = out.objectives;
    assert.deepEqual(
      { ...co1, children: co1.children.map((c: any) => c.id) },
      {
        id: 'CO-1',
        title: 'Customers can rely on us',
        file: 'org/company.okr.yaml',
        team: 'Company',
        status: 'active',
        progressFrom: 'aligned',
        progress: 0.5,
        health: 'off-track',
        teams: 2,
        teamNames: ['Security', 'Web'],
        children: ['SEC-O1', 'WEB-O1'],
      },
    );
    assert.equal(co1.children[1].file, 'org/teams/web.okr.yaml');
    assert.ok(Math.abs(co2.progress - 0.55) < 1e-9, String(co2.progress));
    assert.equal(co3.teams, 0);
  });

  it('rejects an unknown mode, and says when no file aligns to another', async () => {
    const bad = await okr(['list', 'org', '--tree', 'org']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--tree must be one of files, alignment, not "org"/);
    const none = await okr(['list', 'clean', '--tree', 'alignment', ...TODAY]);
    assert.match(none.lines[0], /No OKR file is aligned to another/);
    assert.match(none.stdout, /Not aligned to any objective above:/);
  });

  it('says so when aligns_with goes round in a loop, rather than that no file aligns', async () => {
    const tmp = tempFolder();
    try {
      const file = (team: string, other: string, parent: string) =>
        `version: 1\nteam: ${team}\nperiod: 2026-Q4\naligns_with: ${other}.okr.yaml\nobjectives:\n` +
        `  - { id: ${team}-O1, title: Customers stay, parent: ${parent} }\n`;
      writeFileSync(path.join(tmp.dir, 'co.okr.yaml'), file('CO', 'web', 'WEB-O1'));
      writeFileSync(path.join(tmp.dir, 'web.okr.yaml'), file('WEB', 'co', 'CO-O1'));
      const r = await okr(['list', '--tree', 'alignment', ...TODAY], { cwd: tmp.dir });
      assert.equal(r.code, 0);
      assert.match(
        r.lines[0],
        /^aligns_with goes round in a loop: co\.okr\.yaml -> web\.okr\.yaml -> co\.okr\.yaml\. No file of it is at the top/,
      );
      assert.doesNotMatch(r.stdout, /No OKR file is aligned to another/);
    } finally {
      tmp.remove();
    }
  });

  it('okr lint reports the company objective no team supports', async () => {
    const r = await okr(['lint', 'org', '--format', 'json', ...TODAY]);
    const all = JSON.parse(r.stdout).flatMap((f: any) => f.messages.map((m: any) => ({ file: f.filePath, rule: m.ruleId, line: m.line })));
    assert.deepEqual(
      all.filter((m: any) => m.rule === 'unsupported-objective').map((m: any) => [m.file.endsWith('company.okr.yaml'), m.line]),
      [[true, 18]],
    );
  });
});

describe('okr report --tree alignment', () => {
  it('json: the report gains "alignment", the same shape as okr list --tree alignment', async () => {
    const r = await okr(['report', 'org', '--no-git', '--format', 'json', '--tree', 'alignment', ...TODAY]);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout);
    const list = JSON.parse((await okr(['list', 'org', '--tree', 'alignment', '--format', 'json', ...TODAY])).stdout);
    assert.deepEqual(report.alignment, { objectives: list.objectives, unaligned: list.unaligned });
    // Without --tree alignment the report is as before.
    const plain = JSON.parse((await okr(['report', 'org', '--no-git', '--format', 'json', ...TODAY])).stdout);
    assert.equal('alignment' in plain, false);
  });

  it('markdown and html: a table of company objectives with teams, the aligned objectives beneath, text escaped', async () => {
    const md = await okr(['report', 'org', '--no-git', '--tree', 'alignment', ...TODAY]);
    assert.match(md.stdout, /## Alignment across teams\n\n\| Objective \| Progress \| Health \| Teams \| File \|/);
    assert.match(
      md.stdout,
      /\| \*\*CO-1 Customers can rely on us\*\* \| 50% \| off track \| 2 teams \| org\/company\.okr\.yaml \|\n\| ↳ SEC-O1 Customer data stays safe \| 30% \| off track \| Security \|/,
    );
    assert.match(md.stdout, /\| \*\*CO-3 Our costs fall while we grow\*\* \| - \| no data \| no team aligns \|/);
    const html = await okr(['report', 'org', '--no-git', '--tree', 'alignment', '--format', 'html', ...TODAY]);
    assert.match(html.stdout, /<h2>Alignment across teams<\/h2>/);
    assert.match(html.stdout, /<tr><td><strong>CO-2 We grow in Europe<\/strong><\/td><td>55%<\/td><td>at risk<\/td><td>1 team<\/td>/);
  });
});
