import assert from 'node:assert/strict';
import { AlignmentIndex, alignmentJson } from '../../src/core/alignment';
import { alignmentHtml, markdownAlignment } from '../../src/core/report/alignment';
import { lintSources } from '../../src/core/workspace';
import { parseOkr } from '../../src/core/parse';

const TODAY = '2026-11-28';
const src = (path: string, text: string) => ({ path, file: parseOkr(text, path).file });
const company = (from = 'aligned') =>
  src(
    '/w/company.okr.yaml',
    `team: Company\nperiod: 2026-Q4\nobjectives:\n  - id: CO-1\n    title: A\n    progress_from: ${from}\n` +
      `    key_results:\n      - { id: CO-KR1, title: Raise x from 0 to 10, start: 0, target: 10, current: 10 }\n` +
      `  - { id: CO-2, title: B }\n`,
  );
const team = (path: string, name: string, objectives: string) =>
  src(path, `team: ${name}\nperiod: 2026-Q4\naligns_with: ../company.okr.yaml\nobjectives:\n${objectives}`);
const kr = (id: string, current: number, extra = '') =>
  `      - { id: ${id}, title: Raise y from 0 to 100, start: 0, target: 100, current: ${current}${extra} }\n`;
const web = team(
  '/w/web/t.okr.yaml',
  'Web',
  `  - id: WEB-O1\n    title: W\n    parent: CO-1\n    key_results:\n${kr('WEB-KR1', 80)}${kr('WEB-KR2', 60)}`,
);
const sec = team(
  '/w/sec/t.okr.yaml',
  'Security',
  `  - id: SEC-O1\n    title: S\n    parent: CO-1\n` +
    `    key_results:\n${kr('SEC-KR1', 10, ', confidence: 0.2')}  - { id: SEC-O2, title: T, parent: NOPE }\n`,
);

describe('alignment tree and roll-up', () => {
  it('puts the company objectives at the top with the team objectives that name them beneath, and counts teams', () => {
    const tree = new AlignmentIndex([company(), web, sec]).tree(TODAY);
    assert.deepEqual(
      tree.roots.map((r) => [r.objective.id, r.children.map((c) => c.objective.id), r.teams]),
      [
        ['CO-1', ['WEB-O1', 'SEC-O1'], ['Web', 'Security']],
        ['CO-2', [], []],
      ],
    );
    // A parent that names nothing leaves the objective out of the tree, not out of the view.
    assert.deepEqual(
      tree.unaligned.map((u) => u.objective.id),
      ['SEC-O2'],
    );
  });

  it('progress_from aligned: the mean of the aligned objectives, as healthy as the least healthy', () => {
    const [co1] = new AlignmentIndex([company('aligned'), web, sec]).tree(TODAY).roots;
    assert.equal(co1.progress, (0.7 + 0.1) / 2);
    assert.equal(co1.health, 'off-track');
  });

  it('progress_from both: own key results and aligned objectives count once each; key_results ignores the teams', () => {
    const [both] = new AlignmentIndex([company('both'), web, sec]).tree(TODAY).roots;
    assert.ok(Math.abs(both.progress! - (1 + 0.7 + 0.1) / 3) < 1e-9);
    const [own] = new AlignmentIndex([company('key_results'), web, sec]).tree(TODAY).roots;
    assert.equal(own.progress, 1);
    assert.equal(own.health, 'on-track');
    assert.equal(own.teams.length, 2);
  });

  it('rolls up through a middle level, and counts the teams of every level beneath', () => {
    const dept = src(
      '/w/eng/dept.okr.yaml',
      `team: Engineering\nperiod: 2026-Q4\naligns_with: ../company.okr.yaml\n` +
        `objectives:\n  - { id: ENG-O1, title: E, parent: CO-1, progress_from: aligned }\n`,
    );
    const leaf = src(
      '/w/eng/web/t.okr.yaml',
      `team: Web\nperiod: 2026-Q4\naligns_with: ../dept.okr.yaml\n` +
        `objectives:\n  - id: W-O1\n    title: W\n    parent: ENG-O1\n    key_results:\n${kr('W-KR1', 40)}`,
    );
    const [co1] = new AlignmentIndex([company(), dept, leaf]).tree(TODAY).roots;
    assert.equal(co1.children[0].objective.id, 'ENG-O1');
    assert.equal(co1.children[0].progress, 0.4);
    assert.equal(co1.progress, 0.4);
    assert.deepEqual(co1.teams, ['Engineering', 'Web']);
  });

  it('a file aligned to itself, or two files aligned to each other, end (no tree loops forever)', () => {
    const a = src('/w/a.okr.yaml', 'team: A\naligns_with: b.okr.yaml\nobjectives:\n  - { id: A-O1, title: A, parent: B-O1 }\n');
    const b = src('/w/b.okr.yaml', 'team: B\naligns_with: a.okr.yaml\nobjectives:\n  - { id: B-O1, title: B, parent: A-O1 }\n');
    const self = src('/w/s.okr.yaml', 'team: S\naligns_with: s.okr.yaml\nobjectives:\n  - { id: S-O1, title: S, parent: S-O1 }\n');
    const tree = new AlignmentIndex([a, b, self]).tree(TODAY);
    assert.equal(tree.roots.length, 0);
    // Each objective once: B-O1 under A-O1 (it names A-O1), and A-O1 not again under B-O1.
    assert.deepEqual(
      tree.unaligned.map((u) => [u.objective.id, u.children.map((c) => [c.objective.id, c.children.length])]),
      [
        ['A-O1', [['B-O1', 0]]],
        ['S-O1', []],
      ],
    );
    // The loop is named, in the tree and by the linter at each file's aligns_with.
    assert.deepEqual(tree.loops, [['/w/a.okr.yaml', '/w/b.okr.yaml', '/w/a.okr.yaml']]);
    const lint = lintSources(
      [a, b].map((s) => ({ path: s.path, text: s.file.text })),
      { today: TODAY },
    ).files.map((f) => f.result.findings.filter((x) => x.ruleId === 'unknown-parent').map((x) => x.message));
    assert.deepEqual(lint, [
      [
        "`aligns_with` goes round in a loop: a.okr.yaml -> b.okr.yaml -> a.okr.yaml. The top file (the company's) has no `aligns_with`: " +
          'remove it there, so the org view has a top.',
      ],
      [
        "`aligns_with` goes round in a loop: b.okr.yaml -> a.okr.yaml -> b.okr.yaml. The top file (the company's) has no `aligns_with`: " +
          'remove it there, so the org view has a top.',
      ],
    ]);
  });

  it('kr-count leaves an objective measured by its aligned objectives alone, and not one measured by both', () => {
    const text =
      `team: Company\nperiod: 2026-Q4\nobjectives:\n  - { id: CO-1, title: A, progress_from: aligned }\n  - { id: CO-2` +
      `, title: B, progress_from: both }\n`;
    const found = lintSources([{ path: '/w/c.okr.yaml', text }], { today: TODAY }).files[0].result.findings.filter(
      (f) => f.ruleId === 'kr-count',
    );
    assert.deepEqual(
      found.map((f) => f.message.split(' ')[1]),
      ['CO-2'],
    );
  });
});

describe('the org view in reports', () => {
  it('escapes user text in Markdown and HTML', () => {
    const c = src(
      '/w/company.okr.yaml',
      'team: Company\nperiod: 2026-Q4\nobjectives:\n  - { id: CO-1, title: "<script>x</script> | *b*" }\n',
    );
    const t = team('/w/web/t.okr.yaml', 'We<b>b', '  - { id: WEB-O1, title: W, parent: CO-1 }\n');
    const data = alignmentJson(new AlignmentIndex([c, t]).tree(TODAY), (p) => p);
    const html = alignmentHtml(data);
    assert.ok(!html.includes('<script>') && !html.includes('We<b>b'), html);
    assert.match(html, /&lt;script&gt;/);
    const md = markdownAlignment(data);
    assert.ok(!md.includes('<script>'), md);
    assert.ok(!md.includes(' | *b* |'), md);
  });
});
