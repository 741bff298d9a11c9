// The two-pass lint (okr lint runs the rules that do not read history while git reads
// it, then the others): the same findings as one pass, and the history rules see the
// history given in the second pass.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintParsed, lintParsedBeforeHistory } from '../../src/core/lint';
import type { FileHistory } from '../../src/core/history';
import { parseOkr } from '../../src/core/parse';
import type { AnyRule, LintContext } from '../../src/core/rule';
import { rules } from '../../src/core/rules';
import { withRulesRegistered } from '../helpers/registered-rules';
import {
  FILES_BETWEEN_YIELDS,
  lintParsedSources,
  lintParsedSourcesAwaitingHistory,
  parseSources,
  type OkrSource,
} from '../../src/core/workspace';

const TODAY = '2026-11-28';
const HISTORY: FileHistory = { versions: [] };

// Findings of several rules, some at the same place (ties broken by rule id), and a lint block.
const TEXT = `version: 1
team: Platform
period: 2026-Q4
lint: { kr-count: { max: 1 } }
objectives:
  - id: O1
    title: Ship the new API by March
    key_results:
      - { id: KR1, title: Ship the new API by March, start: 0, target: 1 }
      - { id: KR2, title: Cut deploy time from 40 to 10 minutes, start: 40, target: 10, status: dropped }
      - { id: KR1, title: Raise coverage from 40% to 80%, start: 40, target: 40, colour: red }
`;

interface Call {
  rule: string;
  path: string;
  history: LintContext['history'];
  pastPeriods: LintContext['pastPeriods'];
}

/** Two probe rules for one test: one reads history, one does not; both report at the start of the file. */
function withProbes<T>(fn: (calls: Call[]) => T): T {
  const calls: Call[] = [];
  const probe = (id: string, readsHistory: boolean): AnyRule => ({
    id,
    description: 'Test probe.',
    defaultSeverity: 'info',
    defaultOptions: {},
    ...(readsHistory ? { readsHistory } : {}),
    check({ file, context }) {
      calls.push({ rule: id, path: file.path, history: context.history, pastPeriods: context.pastPeriods });
      return [{ message: id, span: { start: 0, end: 0 } }];
    },
  });
  // The history probe's id sorts first, though it runs last: the sort must put it back.
  const added = [probe('zz-plain-probe', false), probe('aa-history-probe', true)];
  return withRulesRegistered(added, () => fn(calls));
}

describe('lint in two passes (history read meanwhile)', () => {
  it('finds what one pass finds, in the same order', () =>
    withProbes(() => {
      const { file, findings } = parseOkr(TEXT, 'platform.okr.yaml');
      const once = lintParsed(file, findings, { today: TODAY, history: HISTORY, pastPeriods: [] });
      const twice = lintParsedBeforeHistory(file, findings, { today: TODAY }).finish({ history: HISTORY, pastPeriods: [] });
      assert.ok(once.findings.length >= 6, `several findings to order: ${once.findings.map((f) => f.ruleId).join(', ')}`);
      assert.deepEqual(
        once.findings.slice(0, 2).map((f) => f.ruleId),
        ['aa-history-probe', 'zz-plain-probe'],
      );
      assert.deepEqual(twice.findings, once.findings);
    }));

  it('runs the rules that read history in the second pass only, with the history given then', () =>
    withProbes((calls) => {
      const { file, findings } = parseOkr(TEXT, 'platform.okr.yaml');
      const pending = lintParsedBeforeHistory(file, findings, { today: TODAY });
      assert.deepEqual(
        calls.map((c) => c.rule),
        ['zz-plain-probe'],
      );
      assert.equal(calls[0].history, undefined);
      pending.finish({ history: HISTORY, pastPeriods: [] });
      assert.deepEqual(
        calls.map((c) => c.rule),
        ['zz-plain-probe', 'aa-history-probe'],
      );
      assert.equal(calls[1].history, HISTORY);
      assert.deepEqual(calls[1].pastPeriods, []);
    }));

  it('a rule reads context.history or context.pastPeriods exactly when it says readsHistory', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'core', 'rules');
    const readers = readdirSync(dir)
      .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
      .filter((n) =>
        /context\.(history|pastPeriods)\b|\{[^}]*\b(history|pastPeriods)\b[^}]*\}\s*=\s*context/.test(
          readFileSync(path.join(dir, n), 'utf8'),
        ),
      )
      .map((n) => n.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual(readers, ['sandbagging', 'target-moved'], 'the rules that read history (update this list with the rule)');
    assert.deepEqual(
      rules
        .filter((r) => r.readsHistory)
        .map((r) => r.id)
        .sort(),
      readers,
    );
  });
});

describe('workspace lint awaiting the history', () => {
  const src = (name: string, text: string): OkrSource => ({ path: path.join('/ws', name), text });
  const team = (name: string, ids: string, extra: string) =>
    [
      'version: 1',
      `team: ${name}`,
      'period: 2026-Q4',
      extra,
      'objectives:',
      `  - id: ${ids}-O1`,
      '    title: Customers notice we got better',
      '    key_results:',
      `      - { id: ${ids}-KR1, title: Cut churn from 9% to 4%, start: 9, target: 4 }`,
      `      - { id: ${ids}-KR2, title: Cut churn from 8% to 3%, start: 8, target: 3, depends_on: [OTHER-KR1, B-KR1] }`,
      '',
    ].join('\n');
  // Cross-file findings: a duplicated id, an unknown and a known dependency, a parent.
  const sources = [
    src('a.okr.yaml', team('A', 'A', '')),
    src('b.okr.yaml', team('B', 'B', 'aligns_with: a.okr.yaml').replace('B-O1\n', 'B-O1\n    parent: A-O9\n')),
    src('c.okr.yaml', team('C', 'A', '')),
  ];
  const histories = new Map<string, FileHistory>(sources.map((s) => [s.path, { versions: [] }]));

  it('finds what lintParsedSources finds with the history given up front, for every file', async () =>
    withProbes(async (calls) => {
      const expected = lintParsedSources(parseSources(sources), { today: TODAY, historyFor: (p) => histories.get(p) });
      const ruleIds = expected.files.flatMap((f) => f.result.findings.map((x) => x.ruleId));
      for (const id of ['duplicate-id', 'unknown-dependency', 'unknown-parent'])
        assert.ok(ruleIds.includes(id), `${id} in ${ruleIds.join(', ')}`);
      calls.length = 0;
      let resolve!: (h: (p: string) => FileHistory | undefined) => void;
      const pending = lintParsedSourcesAwaitingHistory(parseSources(sources), { today: TODAY }, new Promise((r) => (resolve = r)));
      // Before the history arrives, every file has had its other rules, none a history rule.
      assert.deepEqual(
        calls.map((c) => `${c.rule} ${path.basename(c.path)}`),
        ['zz-plain-probe a.okr.yaml', 'zz-plain-probe b.okr.yaml', 'zz-plain-probe c.okr.yaml'],
      );
      resolve((p) => histories.get(p));
      const linted = await pending;
      assert.deepEqual(
        calls.filter((c) => c.rule === 'aa-history-probe').map((c) => [path.basename(c.path), c.history === histories.get(c.path)]),
        [
          ['a.okr.yaml', true],
          ['b.okr.yaml', true],
          ['c.okr.yaml', true],
        ],
      );
      assert.deepEqual(linted, expected);
    }));

  it('lets the event loop run between slices of files while the rules run (git is started meanwhile)', async () =>
    withProbes(async (calls) => {
      const many = Array.from({ length: 2 * FILES_BETWEEN_YIELDS + 5 }, (_, i) =>
        src(`t${String(i).padStart(3, '0')}.okr.yaml`, team(`T${i}`, `T${i}`, '')),
      );
      const expected = lintParsedSources(parseSources(many), { today: TODAY, historyFor: () => undefined });
      calls.length = 0;
      // What the event loop does meanwhile: here, noting how many files had their rules by then.
      const seen: number[] = [];
      const note = () => seen.push(calls.filter((c) => c.rule === 'zz-plain-probe').length);
      setImmediate(note);
      const linted = await lintParsedSourcesAwaitingHistory(
        parseSources(many),
        { today: TODAY },
        Promise.resolve(() => undefined),
      );
      // One slice had its rules when the event loop ran; all of them, one pass each, by the end.
      assert.deepEqual(seen, [FILES_BETWEEN_YIELDS]);
      assert.equal(calls.filter((c) => c.rule === 'zz-plain-probe').length, many.length);
      assert.deepEqual(linted, expected);
    }));
});
