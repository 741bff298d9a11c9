import assert from 'node:assert/strict';
import { DependencyGraph, needsLine, neededByLine } from '../../src/core/dependencies';
import { parseOkr } from '../../src/core/parse';

const TODAY = '2026-11-28';
const parse = (text: string, path = 'a.okr.yaml') => parseOkr(text, path);
const head = 'version: 1\nteam: Web\nperiod: 2026-Q4\nobjectives:\n';

describe('depends_on and progress_from in the parser', () => {
  it('reads a flow list, a block list and a single id, with the span of each id', () => {
    const text =
      `${head}  - id: O1\n    title: A\n    depends_on: [SEC-KR2, "WEB-O2"]\n` +
      `    key_results:\n      - id: KR1\n        title: Cut x from 3 to 1\n        depends_on:\n          - MOB-KR1\n` +
      `      - { id: KR2, title: Cut y from 3 to 1, depends_on: SEC-O1 }\n`;
    const { file, findings } = parse(text);
    assert.deepEqual(findings, []);
    const o = file.objectives[0];
    assert.deepEqual(
      o.dependsOn.map((d) => d.id),
      ['SEC-KR2', 'WEB-O2'],
    );
    assert.deepEqual(
      o.dependsOn.map((d) => text.slice(d.span.start, d.span.end)),
      ['SEC-KR2', '"WEB-O2"'],
    );
    assert.deepEqual(
      o.keyResults[0].dependsOn.map((d) => text.slice(d.span.start, d.span.end)),
      ['MOB-KR1'],
    );
    assert.deepEqual(
      o.keyResults[1].dependsOn.map((d) => d.id),
      ['SEC-O1'],
    );
    assert.deepEqual(file.objectives[0].keyResults[0].dependsOn.length, 1);
  });

  it('reports entries that are not ids, and keeps the good ones', () => {
    const text = `${head}  - id: O1\n    title: A\n    depends_on: [SEC-KR2, "not an id", { id: X }, 42]\n`;
    const { file, findings } = parse(text);
    assert.deepEqual(
      file.objectives[0].dependsOn.map((d) => d.id),
      ['SEC-KR2'],
    );
    const messages = findings.filter((f) => f.ruleId === 'schema').map((f) => f.message);
    assert.equal(messages.length, 3);
    assert.match(messages[0], /`depends_on` in objective O1 names "not an id", which is not an id/);
    assert.match(messages[1], /must be the id of a key result or objective, not a mapping/);
    assert.match(messages[2], /names "42", which is not an id/);
  });

  it('progress_from: key_results, aligned or both, with a fix for a near miss; absent by default', () => {
    assert.equal(parse(`${head}  - { id: O1, title: A }\n`).file.objectives[0].progressFrom, undefined);
    assert.equal(parse(`${head}  - { id: O1, title: A, progress_from: aligned }\n`).file.objectives[0].progressFrom, 'aligned');
    assert.equal(parse(`${head}  - { id: O1, title: A, progress_from: both }\n`).file.objectives[0].progressFrom, 'both');
    const bad = parse(`${head}  - { id: O1, title: A, progress_from: alligned }\n`);
    assert.equal(bad.file.objectives[0].progressFrom, 'key_results');
    assert.match(
      bad.findings[0].message,
      /`progress_from` in objective O1 must be one of key_results, aligned, both, not "alligned"\. Did you mean `aligned`\?/,
    );
    assert.equal(bad.findings[0].fixes?.[0].edits[0].newText, 'aligned');
  });
});

describe('DependencyGraph', () => {
  const web = parse(
    `${head}  - id: WEB-O1\n    title: A\n    key_results:\n      - { id: WEB-KR4, title: Cut x from 3 to 1, depends_on: [SEC-KR2] }\n`,
    'web.okr.yaml',
  ).file;
  const mob = parse(
    `version: 1\nteam: Mobile\nperiod: 2026-Q4\n` +
      `objectives:\n  - id: MOB-O1\n    title: B\n    key_results:\n` +
      `      - { id: MOB-KR1, title: Cut y from 3 to 1, depends_on: [SEC-KR2, SEC-KR2, NOPE] }\n`,
    'mob.okr.yaml',
  ).file;
  const sec = parse(
    `version: 1\nteam: Security\nperiod: 2026-Q4\n` +
      `objectives:\n  - id: SEC-O1\n    title: C\n    key_results:\n` +
      `      - { id: SEC-KR2, title: Cut z from 10 to 0, start: 10, target: 0, current: 10, confidence: 0.1 }\n`,
    'sec.okr.yaml',
  ).file;
  const graph = new DependencyGraph([web, mob, sec], TODAY);

  it('shows both directions: "needs SEC-KR2 (off track)", "needed by MOB-KR1, WEB-KR4"', () => {
    assert.equal(needsLine(graph, graph.get('WEB-KR4')!), 'needs SEC-KR2 (off track)');
    assert.equal(needsLine(graph, graph.get('MOB-KR1')!), 'needs SEC-KR2 (off track), SEC-KR2 (off track), NOPE (not found)');
    assert.equal(neededByLine(graph, graph.get('SEC-KR2')!), 'needed by WEB-KR4, MOB-KR1');
    assert.equal(neededByLine(graph, graph.get('WEB-KR4')!), undefined);
    assert.equal(needsLine(graph, graph.get('SEC-KR2')!), undefined);
  });

  it('finds the node of an item by identity, also for a duplicated id', () => {
    const dup = parse(`${head}  - { id: SEC-KR2, title: Same id }\n`, 'dup.okr.yaml').file;
    const g = new DependencyGraph([sec, dup], TODAY);
    assert.equal(g.nodeOf(dup.objectives[0])?.file, dup);
    assert.equal(g.get('SEC-KR2')?.file, sec);
  });
});
