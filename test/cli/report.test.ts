import * as assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { okr, tempFolder } from './cli-harness';
import { TempRepo } from '../helpers/git-repo';

const TODAY = ['--today', '2026-11-20'];

/** Titles and notes written to break out of every format. */
const HOSTILE_TITLE = '<script>alert(1)</script></svg> "quoted" & \'single\' \x07bell %% end; x-axis [a] ```';
const HOSTILE_NOTE = '</title><script>x()</script> | *bold* [link](http://example.com) \x1b[31mred';

function yamlQuoted(s: string): string {
  return JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
}

const TEAM_FILE = [
  'team: Platform',
  'period: 2026-Q4',
  'objectives:',
  '  - id: PLAT-O1',
  `    title: ${yamlQuoted(HOSTILE_TITLE)}`,
  '    owner: ana',
  '    key_results:',
  '      - id: PLAT-KR1',
  `        title: ${yamlQuoted(HOSTILE_TITLE)}`,
  '        owner: bo',
  '        start: 10',
  '        target: 30',
  '        unit: deploys',
  '        check_ins:',
  '          - { date: 2026-10-14, value: 12, confidence: 0.9 }',
  '          - { date: 2026-10-28, value: 15, confidence: 0.7 }',
  `          - { date: 2026-11-10, value: 20, confidence: 0.5, note: ${yamlQuoted(HOSTILE_NOTE)} }`,
  '      - id: PLAT-KR2',
  '        title: Cut paging alerts from 40 to 10 a week',
  '        start: 40',
  '        target: 10',
  '        current: 30',
  '',
].join('\n');

const COMPANY_FILE = [
  'team: Company',
  'period: 2026-Q4',
  'objectives:',
  '  - id: CO-O1',
  '    title: Customers trust us with their money',
  '    key_results:',
  '      - { id: CO-KR1, title: Raise NPS from 30 to 45, start: 30, target: 45, current: 35 }',
  '',
].join('\n');

function workspace() {
  const tmp = tempFolder('okr-report-');
  writeFileSync(path.join(tmp.dir, 'platform.okr.yaml'), TEAM_FILE);
  writeFileSync(path.join(tmp.dir, 'company.okr.yaml'), COMPANY_FILE);
  return tmp;
}

describe('okr report', () => {
  it('md: tables per objective and a Mermaid burn-up per key result', async () => {
    const tmp = workspace();
    try {
      const r = await okr(['report', ...TODAY, '--no-git'], { cwd: tmp.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^# OKR progress report\n\nAs of 2026-11-20: 2 files, 2 objectives, 3 key results\.\n/);
      assert.match(
        r.stdout,
        /\n\| Key result \| Owner \| Progress \| Health \| Pace \| At this rate \| Confidence \| Last check-in \| Check-ins \(on time\/late\/missed\) \|\n/,
      );
      // No commit column without a repository.
      assert.ok(!r.stdout.includes('Linked commits'));
      assert.match(r.stdout, /\| CO-KR1 Raise NPS from 30 to 45 \| {3}\| 33% \(35\/45\) \| /);
      const charts = [...r.stdout.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
      assert.equal(charts.length, 3);
      const plat = charts.find((c) => c.includes('title "PLAT-KR1'))!;
      assert.match(
        plat,
        /^xychart-beta\n {4}title "PLAT-KR1 script alert\(1\) \/script \/svg quoted 'single' bell % end x-axis a"\n {4}x-axis \["1 Oct", "14 Oct", "28 Oct", "10 Nov"\]\n {4}y-axis "Progress \(%\)" 0 --> 100\n {4}line \[0, 10, 25, 50\]\n {4}line \[0, 14, 30, 44\]\n$/,
      );
      // The leading indicators: fortnightly check-ins; confidence fell twice in a row.
      assert.match(r.stdout, /\| bo \| 1 \| 3 \| 0 \| 0 \| 0 \|/);
      assert.match(r.stdout, /### Confidence fell at each of the last two check-ins\n\n- PLAT-KR1 /);
    } finally {
      tmp.remove();
    }
  });

  it('md: hostile text stays text: no raw HTML, no table break, no Mermaid syntax, no control character', async () => {
    const tmp = workspace();
    try {
      const r = await okr(['report', ...TODAY, '--no-git'], { cwd: tmp.dir });
      // Outside Mermaid blocks, no tag can start.
      const prose = r.stdout.replace(/```mermaid\n[\s\S]*?```/g, '');
      assert.ok(!/<[a-zA-Z/!?]/.test(prose), 'a raw HTML tag');
      assert.ok(prose.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt; "quoted" &amp;'));
      // Every table row keeps its column count: the note's `|` is escaped.
      for (const row of prose.split('\n').filter((l) => l.startsWith('| PLAT-KR1'))) {
        assert.equal(row.split(/(?<!\\)\|/).length - 2, 9, row);
      }
      assert.ok(prose.includes('\\| \\*bold\\* \\[link\\](http://example.com) \\\\u001b\\[31mred'));

      assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(r.stdout), 'a control character');
      for (const title of r.stdout.matchAll(/^ {4}title "(.*)"$/gm)) assert.match(title[1], /^[^"`;%[\]{}<>#]*(%[^%"`;[\]{}<>#]*)*$/);
    } finally {
      tmp.remove();
    }
  });

  it('html: self-contained, no script, no remote request, hostile text as text', async () => {
    const tmp = workspace();
    try {
      const r = await okr(['report', ...TODAY, '--no-git', '--format', 'html', '--out', 'out/../report.html'], { cwd: tmp.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'okr: wrote report.html\n');
      const html = readFileSync(path.join(tmp.dir, 'report.html'), 'utf8');
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
      assert.ok(!/<script/i.test(html), 'a script element');
      assert.ok(!/\s(src|href)=/i.test(html), 'a reference to another resource');
      assert.ok(!/url\(/i.test(html), 'a CSS url()');
      const hosts = [...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg');
      // Only the note's text, escaped, never a link.
      assert.ok(hosts.length > 0 && hosts.every((u) => u === 'http://example.com'), hosts.join(' '));
      assert.match(
        html,
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
      );
      assert.match(html.slice(html.indexOf('@media print {')), /^@media print \{\n(.*\n)* {2}\.objective \{ break-before: page;/);
      const doc = new DOMParser({ onError: () => undefined }).parseFromString(html, 'text/html');
      assert.equal(doc.getElementsByTagName('script').length, 0);
      const h2 = Array.from(doc.getElementsByTagName('h2')).map((h) => h.textContent);
      assert.deepEqual(h2, [
        'Leading indicators',
        'CO-O1 Customers trust us with their money',
        `PLAT-O1 ${HOSTILE_TITLE.replace('\x07', '\\u0007')}`,
      ]);
      assert.equal(doc.getElementsByTagName('svg').length, 4); // 3 burn-ups + 1 confidence trend
      const tips = Array.from(doc.getElementsByTagName('circle')).map((c) => c.getElementsByTagName('title')[0]?.textContent ?? '');
      assert.ok(tips.some((t) => t.endsWith(HOSTILE_NOTE.replace('\x1b', '\\u001b'))));
    } finally {
      tmp.remove();
    }
  });

  it('json: the numbers, hostile text exact after parsing', async () => {
    const tmp = workspace();
    try {
      const r = await okr(['report', ...TODAY, '--no-git', '--format', 'json', 'platform.okr.yaml'], { cwd: tmp.dir });
      assert.equal(r.code, 0, r.stderr);

      assert.ok(!/[\u0000-\u001f]/.test(r.stdout.replace(/\n/g, '')));
      const json = JSON.parse(r.stdout);
      assert.equal(json.today, '2026-11-20');
      assert.equal(json.repositories, null);
      const kr = json.files[0].objectives[0].keyResults[0];
      assert.equal(kr.title, HOSTILE_TITLE);
      assert.equal(kr.lastCheckIn.note, HOSTILE_NOTE);
      assert.deepEqual(
        kr.points.map((p: { date: string; progress: number }) => [p.date, p.progress]),
        [
          ['2026-10-01', 0],
          ['2026-10-14', 0.1],
          ['2026-10-28', 0.25],
          ['2026-11-10', 0.5],
        ],
      );
      assert.equal(kr.projection.date, '2026-12-31');
      assert.deepEqual(kr.cadence, { everyDays: 14, onTime: 3, late: 0, missed: 0, nextDue: '2026-11-24', overdue: false });
      assert.equal(kr.confidenceFalling, true);
      assert.equal(kr.linkedCommits, null);
      assert.deepEqual(
        json.indicators.confidenceFalling.map((k: { id: string }) => k.id),
        ['PLAT-KR1'],
      );
    } finally {
      tmp.remove();
    }
  });

  it('reads linked commits and the trailer share from the repository; files no commit links to get no "no linked work"', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('Initial', { files: { 'platform.okr.yaml': TEAM_FILE, 'company.okr.yaml': COMPANY_FILE } });
      repo.commit('Canary deploys\n\nKey-Result: PLAT-KR1\n');
      repo.commit('Faster rollbacks\n\nKey-Result: plat-kr1\n');
      repo.commit('Unrelated fix');
      const r = await okr(['report', ...TODAY, '--format', 'json'], { cwd: repo.dir, env: repo.env });
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.deepEqual(json.repositories, ['.']);
      const plat = json.files.find((f: { path: string }) => f.path === 'platform.okr.yaml');
      const company = json.files.find((f: { path: string }) => f.path === 'company.okr.yaml');
      assert.equal(plat.linked, true);
      assert.equal(company.linked, false);
      assert.equal(plat.objectives[0].keyResults[0].linkedCommits, 2);
      assert.equal(plat.objectives[0].keyResults[0].commitsPerWeek.length, 14);
      assert.equal(plat.objectives[0].keyResults[0].commitsPerWeek[4], 2); // Nov 1 is in the fifth week
      assert.deepEqual(json.indicators.trailers, [{ repository: '.', commits: 4, tagged: 2, share: 0.5 }]);
      assert.deepEqual(
        json.indicators.noLinkedWork.map((k: { id: string }) => k.id),
        ['PLAT-KR2'],
      );
      const md = await okr(['report', ...TODAY], { cwd: repo.dir, env: repo.env });
      assert.match(
        md.stdout,
        /\| Repository \| Commits \| With a trailer \| Share \|\n\|---\|---:\|---:\|---:\|\n\| \. \| 4 \| 2 \| 50% \|/,
      );
      assert.match(md.stdout, /Linked commits \|\n/);
    } finally {
      repo.remove();
    }
  });

  it('never writes the report over an OKR file: an input, a link to one, or a new file named as one', async () => {
    const tmp = workspace();
    try {
      symlinkSync('platform.okr.yaml', path.join(tmp.dir, 'progress.md'));
      for (const out of ['platform.okr.yaml', 'progress.md', path.join('next', 'team.okr.yml')]) {
        const r = await okr(['report', '--no-git', ...TODAY, '--out', out], { cwd: tmp.dir });
        assert.equal(r.code, 2, out);
        assert.equal(r.stderr, `okr: --out ${out} is an OKR file: the report is not written over it; name another file\n`);
      }
      assert.equal(readFileSync(path.join(tmp.dir, 'platform.okr.yaml'), 'utf8'), TEAM_FILE);
      const ok = await okr(['report', '--no-git', ...TODAY, '--out', 'report.md'], { cwd: tmp.dir });
      assert.equal(ok.code, 0, ok.stderr);
    } finally {
      tmp.remove();
    }
  });

  it('bad usage and unwritable output exit 2 with one line', async () => {
    const tmp = workspace();
    try {
      const bad = await okr(['report', '--format', 'pdf'], { cwd: tmp.dir });
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'okr: --format must be one of md, html, json, not "pdf"\n');
      const out = await okr(['report', '--no-git', '--out', path.join('missing', 'dir', 'r.md')], { cwd: tmp.dir });
      assert.equal(out.code, 2);
      assert.match(out.stderr, /^okr: cannot write missing\/dir\/r\.md: ENOENT/);
      const notRepo = await okr(['report', '--repo', '.'], { cwd: tmp.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(tmp.dir) } });
      assert.equal(notRepo.code, 2);
      assert.match(notRepo.stderr, /^okr: /);
      assert.ok(!notRepo.stderr.includes('    at '));
    } finally {
      tmp.remove();
    }
  });
});

describe('okr report JSON in the README', () => {
  it('every field the report writes is documented', async () => {
    const tmp = workspace();
    const repo = TempRepo.create();
    try {
      repo.commit('Initial', { files: { 'platform.okr.yaml': TEAM_FILE } });
      repo.commit('Canary deploys\n\nKey-Result: PLAT-KR1\n');
      const r = await okr(['report', ...TODAY, '--format', 'json'], { cwd: repo.dir, env: repo.env });
      const keys = new Set<string>();
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            keys.add(k);
            walk(x);
          }
      };
      walk(JSON.parse(r.stdout));
      const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('JSON (`--format json`'), readme.indexOf('## Settings'));
      const missing = [...keys].filter((k) => !section.includes(`"${k}"`));
      assert.deepEqual(missing, []);
    } finally {
      repo.remove();
      tmp.remove();
    }
  });
});
