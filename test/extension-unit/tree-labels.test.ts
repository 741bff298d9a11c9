import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/model';
import { parseOkr } from '../../src/core/parse';
import { assessKeyResult, assessObjective } from '../../src/core/progress';
import {
  bidiIsolated,
  commitPresentation,
  commitTooltip,
  dueMarker,
  filePresentation,
  fileTooltip,
  findingsWithin,
  healthIcon,
  initiativePresentation,
  initiativeTooltip,
  keyResultPresentation,
  keyResultTooltip,
  objectivePresentation,
  objectiveTooltip,
} from '../../src/extension/tree/labels';
import { escapeMarkdown, inlineCode } from '../../src/extension/tree/markdown';

// Q4 2026 has 92 days; on 2026-11-15 46 have gone by, so pace expects exactly 50%.
const TODAY = '2026-11-15';
const TEXT = `version: 1
team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    owner: dana
    parent: CO-1
    key_results:
      - id: PLAT-KR1
        title: Reduce P1 incidents from twelve to three per quarter
        owner: dana
        start: 12
        target: 3
        current: 9
        unit: incidents
        check_ins:
          - { date: 2026-11-10, value: 9, confidence: 0.6, note: "canary *deploys* rolled out" }
      - id: PLAT-KR2
        title: Achieve 99.95% uptime
        start: 99.5
        target: 99.95
        unit: "%"
        check_ins:
          - { date: 2026-11-01, value: 99.86, confidence: 0.9 }
      - id: PLAT-KR3
        title: Retire the old pager
        target: 1
        status: done
      - { id: PLAT-KR4, title: No numbers yet }
    initiatives:
      - { id: PLAT-I1, title: Canary deploys for every service, owner: li, status: in_progress }
      - { title: Unnamed work, status: planned }
  - id: PLAT-O2
    title: Complete the migration to Kubernetes
    status: dropped
    reason: budget moved to Q1
    key_results:
      - { id: PLAT-KR5, title: Move ten services, target: 10 }
`;

describe('tree labels', () => {
  const { file } = parseOkr(TEXT, '/w/platform.okr.yaml');
  const [o1, o2] = file.objectives;
  const [kr1, kr2, kr3, kr4] = o1.keyResults;
  const krA = (i: number) => assessKeyResult(file, o1, o1.keyResults[i], TODAY);

  describe('key results', () => {
    it('label is the title; description: progress first, then id, pace, confidence, owner', () => {
      // (9 - 12) / (3 - 12) = 33%, pace expects 50%: behind by 17 points; confidence 60% from the check-in.
      const p = keyResultPresentation(kr1, krA(0), undefined, TODAY);
      assert.equal(p.label, 'Reduce P1 incidents from twelve to three per quarter');
      assert.equal(p.description, '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana');
      assert.deepEqual(p.icon, { id: 'warning', color: 'charts.yellow' });
      // The tree shows a progress ring coloured by health, not the warning glyph.
      assert.equal(p.ring, 'ring-at-risk-30');
      assert.equal(p.contextValue, 'keyResult');
      assert.equal(
        p.accessibilityLabel,
        'Key result Reduce P1 incidents from twelve to three per quarter, at risk, 33% · PLAT-KR1 · behind pace by 17% · 60% ' +
          'confident · dana',
      );
    });

    it('says nothing about pace within five points; green when on track', () => {
      // (99.86 - 99.5) / 0.45 = 80%: ahead of the expected 50% by 30 points.
      const p = keyResultPresentation(kr2, krA(1), undefined, TODAY);
      assert.equal(p.description, '80% · PLAT-KR2 · ahead of pace by 30% · 90% confident');
      assert.deepEqual(p.icon, { id: 'pass', color: 'charts.green' });
      assert.equal(p.ring, 'ring-on-track-80');
    });

    it('marks a due key result after its progress, before its commits: "check-in due", then how late it is', () => {
      const due = keyResultPresentation(kr1, krA(0), undefined, TODAY, undefined, true, { daysLate: 0 });
      assert.equal(due.description, '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana · check-in due');
      assert.match(due.accessibilityLabel, /· check-in due$/);
      const late = keyResultPresentation(kr1, krA(0), undefined, TODAY, undefined, true, { daysLate: 9 });
      assert.equal(late.description, '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana · check-in 9 days late');
      assert.equal(dueMarker({ daysLate: 1 }), 'check-in 1 day late');
      const linked = { count: 2, lastDate: '2026-11-12T10:00:00Z', commits: [] };
      assert.equal(
        keyResultPresentation(kr1, krA(0), linked, TODAY, undefined, true, { daysLate: 2 }).description,
        '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana · check-in 2 days late · 2 commits · 3d ago',
      );
      // Not due: no marker.
      assert.equal(
        keyResultPresentation(kr1, krA(0), undefined, TODAY, undefined, true, undefined).description,
        '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana',
      );
    });

    it('names done and no-data states', () => {
      const done = keyResultPresentation(kr3, krA(2), undefined, TODAY);
      assert.equal(done.description, 'PLAT-KR3 · done');
      assert.deepEqual(done.icon, { id: 'check-all', color: 'charts.green' });
      assert.equal(done.ring, 'ring-done');
      const none = keyResultPresentation(kr4, krA(3), undefined, TODAY);
      assert.equal(none.description, 'PLAT-KR4 · no data');
      assert.equal(none.icon.id, 'question');
      assert.equal(none.ring, 'ring-unknown');
    });

    it('a key result with a target and a confidence but nothing measured is "no data", neutral, never red', () => {
      const starter = parseOkr(
        'period: 2026-Q4\nobjectives:\n  - id: T-O1\n    title: A\n    key_results:\n' +
          '      - { id: T-KR1, title: Cut tickets from 120 to 40, start: 120, target: 40, confidence: 0.2, check_ins: [{ date: ' +
          '2026-11-14, confidence: 0.2 }] }\n',
        '/w/.okr.yaml',
      ).file;
      const [o] = starter.objectives;
      const a = assessKeyResult(starter, o, o.keyResults[0], TODAY);
      const p = keyResultPresentation(o.keyResults[0], a, undefined, TODAY);
      assert.equal(p.description, 'T-KR1 · no data · 20% confident');
      assert.deepEqual(p.icon, { id: 'question', color: 'descriptionForeground' });
      assert.deepEqual(objectivePresentation(o, assessObjective(starter, o, TODAY)).icon.id, 'question');
    });

    it('appends linked work; "no recent commits" when the git features find none lately', () => {
      const linked = { count: 3, lastDate: '2026-11-13T09:00:00Z', commits: [] };
      assert.equal(keyResultPresentation(kr3, krA(2), linked, TODAY).description, 'PLAT-KR3 · done · 3 commits · 2d ago');
      assert.equal(
        keyResultPresentation(kr3, krA(2), { ...linked, stale: true }, TODAY).description,
        'PLAT-KR3 · done · 3 commits · 2d ago · no recent commits',
      );
      assert.equal(keyResultPresentation(kr3, krA(2), { count: 0, commits: [] }, TODAY).description, 'PLAT-KR3 · done · no commits');
      // Never the lint's word for a missing check-in.
      assert.equal(
        keyResultPresentation(kr3, krA(2), { count: 0, commits: [], stale: true }, TODAY).description,
        'PLAT-KR3 · done · no commits',
      );
    });

    it('says nothing of commits for a file no commit links to (a company file)', () => {
      assert.equal(
        keyResultPresentation(kr1, krA(0), { count: 0, commits: [], stale: true }, TODAY, undefined, false).description,
        '33% · PLAT-KR1 · behind pace by 17% · 60% confident · dana',
      );
    });

    it('falls back to the id, then to a placeholder, when the title is missing', () => {
      const { file: f } = parseOkr('objectives:\n  - id: O\n    key_results:\n      - { id: K1 }\n      - { target: 2 }\n', 'x.okr.yaml');
      const [a, b] = f.objectives[0].keyResults;
      const ass = { health: 'unknown' as const };
      assert.equal(keyResultPresentation(a, ass, undefined, TODAY).label, 'K1');
      assert.equal(keyResultPresentation(a, ass, undefined, TODAY).description, 'no data');
      assert.equal(keyResultPresentation(b, ass, undefined, TODAY).label, '(untitled key result)');
    });

    it('puts a multi-line title on one line', () => {
      const { file: f } = parseOkr('objectives:\n  - id: O\n    title: |\n      Two\n      lines\n', 'x.okr.yaml');
      assert.equal(objectivePresentation(f.objectives[0], { health: 'unknown' }).label, 'Two lines');
    });
  });

  describe('objectives and initiatives', () => {
    it('objective: mean progress of active KRs, worst health, owner', () => {
      // Active KRs with numbers: 33% and 80% -> 57%; ahead of the expected 50% by 7 points.
      const p = objectivePresentation(o1, assessObjective(file, o1, TODAY));
      assert.equal(p.label, 'Customers can rely on our platform');
      assert.equal(p.description, '57% · PLAT-O1 · ahead of pace by 7% · dana');
      assert.deepEqual(p.icon, { id: 'warning', color: 'charts.yellow' });
      assert.equal(p.ring, 'ring-at-risk-60');
      assert.equal(p.contextValue, 'objective');
    });

    it('dropped objective', () => {
      const p = objectivePresentation(o2, assessObjective(file, o2, TODAY));
      assert.equal(p.description, 'PLAT-O2 · dropped');
      assert.deepEqual(p.icon, { id: 'circle-slash', color: 'disabledForeground' });
    });

    it('initiative: distinct icon, status and owner in the description', () => {
      const p = initiativePresentation(o1.initiatives[0]);
      assert.equal(p.label, 'Canary deploys for every service');
      assert.equal(p.description, 'PLAT-I1 · in progress · li');
      assert.deepEqual(p.icon, { id: 'rocket', color: 'charts.blue' });
      assert.equal(p.contextValue, 'initiative');
      assert.equal(initiativePresentation(o1.initiatives[1]).description, 'planned');
    });

    it('every health has its own icon', () => {
      const healths = ['on-track', 'at-risk', 'off-track', 'done', 'dropped', 'not-started', 'unknown'] as const;
      const ids = healths.map((h) => healthIcon(h).id);
      assert.equal(new Set(ids).size, healths.length);
      assert.deepEqual(healthIcon('off-track'), { id: 'error', color: 'charts.red' });
    });
  });

  describe('right-to-left text', () => {
    const RTL = `version: 1
team: "تطبيق"
period: 2026-Q4
objectives:
  - id: APP-O1
    title: "تطبيق سريع يحبه الناس"
    owner: "זאב"
    key_results:
      - { id: APP-KR1, title: "خفض وقت البدء", owner: "זאב", start: 10, target: 0, current: 5 }
      - { id: APP-KR2, title: Cut cold start, owner: dana, start: 10, target: 0, current: 5 }
`;
    const { file } = parseOkr(RTL, 'app.okr.yaml');
    const o = file.objectives[0];

    it('titles, owners and teams with right-to-left letters are isolated, so the figures after them stay in place', () => {
      const op = objectivePresentation(o, assessObjective(file, o, TODAY));
      assert.equal(op.label, '\u2068تطبيق سريع يحبه الناس\u2069');
      assert.ok(op.description.endsWith(' · \u2068זאב\u2069'), op.description);
      const kr = o.keyResults[0];
      const kp = keyResultPresentation(kr, assessKeyResult(file, o, kr, TODAY), undefined, TODAY);
      assert.equal(kp.label, '\u2068خفض وقت البدء\u2069');
      assert.match(kp.description, /^50% · APP-KR1 · .*\u2068זאב\u2069/);
      assert.equal(filePresentation(file, 'app.okr.yaml', []).label, '\u2068تطبيق\u2069 · 2026-Q4');
    });

    it('left-to-right text is shown as written', () => {
      const kr = o.keyResults[1];
      const kp = keyResultPresentation(kr, assessKeyResult(file, o, kr, TODAY), undefined, TODAY);
      assert.equal(kp.label, 'Cut cold start');
      assert.doesNotMatch(kp.description, /[\u2068\u2069]/);
      assert.equal(bidiIsolated('Platform'), 'Platform');
      assert.equal(bidiIsolated('Mobile – تطبيق'), '\u2068Mobile – تطبيق\u2069');
    });
  });

  describe('files and commits', () => {
    it('file: "Team · period", relative path and error count', () => {
      const err: Finding = { ruleId: 'syntax', severity: 'error', message: 'x', span: { start: 0, end: 1 } };
      const warn: Finding = { ...err, severity: 'warning' };
      const p = filePresentation(file, 'okrs/platform.okr.yaml', [warn]);
      assert.equal(p.label, 'Platform · 2026-Q4');
      assert.equal(p.description, 'okrs/platform.okr.yaml');
      assert.equal(p.contextValue, 'file');
      assert.equal(filePresentation(file, 'okrs/platform.okr.yaml', [err, err, warn]).description, 'okrs/platform.okr.yaml · 2 errors');
      const { file: bare } = parseOkr('objectives: []\n', '/w/x/.okr.yaml');
      assert.equal(filePresentation(bare, 'x/.okr.yaml', []).label, '.okr.yaml');
      assert.equal(filePresentation(bare, 'x/.okr.yaml', []).description, 'x/.okr.yaml');
      // At the folder's top its name is the label: not said twice (".okr.yaml · .okr.yaml · 1 error").
      const root = filePresentation(bare, '.okr.yaml', [err]);
      assert.equal(root.label, '.okr.yaml');
      assert.equal(root.description, '1 error');
      assert.equal(filePresentation(bare, '.okr.yaml', []).description, '');
    });

    it('commit: subject, author and relative date', () => {
      const c = { sha: '0123456789abcdef', subject: 'Add canary stage', author: 'Li', date: '2026-11-14T10:00:00+01:00' };
      const p = commitPresentation(c, TODAY);
      assert.equal(p.label, 'Add canary stage');
      assert.equal(p.description, 'Li · yesterday');
      assert.equal(p.icon.id, 'git-commit');
      assert.equal(commitPresentation({ ...c, subject: '' }, TODAY).label, '0123456');
      assert.match(commitTooltip(c), /`0123456789ab`/);
    });
  });

  describe('tooltips', () => {
    it('key result: start, target, current, unit, confidence and last check-in, escaped', () => {
      const t = keyResultTooltip({ objective: o1, keyResult: kr1, assessment: krA(0), findings: [], today: TODAY });
      assert.equal(
        t,
        [
          '**Reduce P1 incidents from twelve to three per quarter**',
          'Key result `PLAT-KR1` · of `PLAT-O1` · owner dana',
          '$(warning) at risk · 33% done · 50% of the period gone by',
          [
            '- Start: 12 incidents',
            '- Target: 3 incidents (lower is better)',
            '- Current: 9 incidents',
            '- Unit: incidents',
            '- Confidence: 60% (latest check-in)',
            '- Last check-in: 2026-11-10 (5d ago): 9 incidents, 60% confident · “canary \\*deploys\\* rolled out”',
          ].join('\n'),
        ].join('\n\n'),
      );
    });

    it('key result: current from the latest check-in, missing start and target', () => {
      const t = keyResultTooltip({ objective: o1, keyResult: kr2, assessment: krA(1), findings: [], today: TODAY });
      assert.match(t, /- Current: 99\\\.86% \(latest check-in\)/);
      const t4 = keyResultTooltip({ objective: o1, keyResult: kr4, assessment: krA(3), findings: [], today: TODAY });
      assert.match(t4, /- Start: not set \(measured from 0\)\n- Target: not set\n- Current: not set\n- No check-ins yet/);
    });

    it('key result: lists the findings on it, not those elsewhere', () => {
      const onKr: Finding = { ruleId: 'kr-no-baseline', severity: 'warning', message: 'Say where you start from.', span: kr4.spans.node };
      const elsewhere: Finding = { ruleId: 'schema', severity: 'error', message: 'Other', span: kr1.spans.node };
      const t = keyResultTooltip({ objective: o1, keyResult: kr4, assessment: krA(3), findings: [onKr, elsewhere], today: TODAY });
      assert.ok(t.endsWith('- $(warning) `kr-no-baseline` Say where you start from\\.'), t);
      assert.ok(!t.includes('Other'));
    });

    it('key result: linked work line', () => {
      const t = keyResultTooltip({
        objective: o1,
        keyResult: kr3,
        assessment: krA(2),
        findings: [],
        today: TODAY,
        linked: { count: 2, lastDate: '2026-11-01', commits: [], stale: true },
      });
      assert.match(t, /\$\(git-commit\) 2 commits · 2w ago · no recent commits/);
    });

    it('objective: own findings listed, those of its children counted', () => {
      const own: Finding = {
        ruleId: 'objective-has-metric',
        severity: 'info',
        message: 'A metric belongs in a KR.',
        span: o1.spans.values.title,
      };
      const child: Finding = { ruleId: 'kr-no-baseline', severity: 'warning', message: 'x', span: kr4.spans.node };
      const t = objectiveTooltip({ objective: o1, assessment: assessObjective(file, o1, TODAY), findings: [own, child] });
      assert.match(t, /^\*\*Customers can rely on our platform\*\*\n\nAspirational objective `PLAT-O1` · owner dana\n\n/);
      assert.match(t, /- 4 key results \(3 active\), 2 initiatives\n- Aligns with `CO-1`/);
      assert.match(
        t,
        /- \$\(info\) `objective-has-metric` A metric belongs in a KR\\\.\n- 1 more problem in its key results and initiatives$/,
      );
      const dropped = objectiveTooltip({ objective: o2, assessment: assessObjective(file, o2, TODAY), findings: [] });
      assert.match(dropped, /- Status: dropped: budget moved to Q1/);
    });

    it('initiative and file', () => {
      assert.equal(
        initiativeTooltip(o1.initiatives[0], o1, []),
        '**Canary deploys for every service**\n\nInitiative `PLAT-I1` · of `PLAT-O1` · owner li\n\nStatus: in progress',
      );
      const err: Finding = { ruleId: 'syntax', severity: 'error', message: 'x', span: { start: 0, end: 1 } };
      const t = fileTooltip(file, 'okrs/platform.okr.yaml', [err]);
      assert.match(
        t,
        /^\*\*Platform\*\*\n\nokrs\/platform\\\.okr\\\.yaml\n\n- Period: 2026\\-Q4 \\\(2026\\-10\\-01 to 2026\\-12\\-31\\\)\n- 2 objectives\n\n\$\(error\) 1 error$/,
      );
    });

    it('findingsWithin leaves out what lies in a child', () => {
      const f = (start: number, end: number): Finding => ({ ruleId: 'r', severity: 'info', message: 'm', span: { start, end } });
      const all = [f(0, 5), f(10, 12), f(3, 30), f(15, 16)];
      assert.deepEqual(
        findingsWithin(all, { start: 0, end: 20 }).map((x) => x.span.start),
        [0, 10, 15],
      );
      assert.deepEqual(
        findingsWithin(all, { start: 0, end: 20 }, [{ start: 9, end: 13 }]).map((x) => x.span.start),
        [0, 15],
      );
    });
  });

  describe('markdown', () => {
    it('escapes markup, icons, links and HTML in user text', () => {
      assert.equal(
        escapeMarkdown('*bold* [x](http://e) $(alert) <b>&amp;'),
        '\\*bold\\* \\[x\\]\\(http\\://e\\) \\$\\(alert\\) \\<b\\>\\&amp;',
      );
      assert.equal(escapeMarkdown('two\n  lines'), 'two lines');
    });
    it('fences inline code longer than any backtick run inside', () => {
      assert.equal(inlineCode('PLAT-KR1'), '`PLAT-KR1`');
      assert.equal(inlineCode('a`b'), '``a`b``');
      assert.equal(inlineCode('`x'), '`` `x ``');
    });
  });
});
