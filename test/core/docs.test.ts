// Meta-tests over the rule registry, as markdownlint has them: every rule has a
// docs page with the expected sections, ids are unique kebab-case, descriptions are
// real, and `fixable` says exactly whether the rule offers fixes on the fixtures.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { lintText } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';
import { rules } from '../../src/core/rules';
import { loadFixture } from '../helpers/fixtures';
import { historyFixtureFindings } from '../helpers/history-fixture';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const REQUIRED_SECTIONS = ['Why', 'Bad', 'Good', 'Options', 'Fix', 'Disable'];

function page(id: string): string {
  return readFileSync(join(DOCS, `${id}.md`), 'utf8');
}
/** `## Heading` -> its text, up to the next `## `. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    out.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return out;
}
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
}
function allFixtures(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allFixtures(path));
    else if (name.endsWith('.okr.yaml') || name.endsWith('.okr.yml')) out.push(path);
  }
  return out;
}

describe('rule registry and docs', () => {
  it('ids are unique and kebab-case; descriptions are one real sentence', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const r of rules) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/, r.id);
      assert.ok(!/PLACEHOLDER/i.test(r.description), `${r.id} has a placeholder description`);
      assert.match(r.description, /^[A-Z`].{10,150}\.$/, `${r.id}: "${r.description}"`);
      assert.ok(['error', 'warning', 'info'].includes(r.defaultSeverity), r.id);
    }
  });

  for (const rule of rules) {
    describe(`docs/rules/${rule.id}.md`, () => {
      it('exists, is titled with the id, and states severity and fixability as the rule does', () => {
        assert.ok(existsSync(join(DOCS, `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
        const md = page(rule.id);
        assert.equal(md.split('\n')[0], `# ${rule.id}`);
        assert.match(md, new RegExp(`^- Default severity: \`${rule.defaultSeverity}\`$`, 'm'));
        assert.match(md, new RegExp(`^- Fixable: ${rule.fixable ? 'yes' : 'no'}\\b`, 'm'));
      });

      it('has the sections Why, Bad, Good, Options, Fix and Disable, with yaml examples', () => {
        const s = sections(page(rule.id));
        for (const name of REQUIRED_SECTIONS) assert.ok(s.has(name) && s.get(name)!.trim().length > 0, `missing or empty "## ${name}"`);
        assert.ok(yamlBlocks(s.get('Bad')!).length > 0, 'Bad has no yaml example');
        assert.ok(yamlBlocks(s.get('Good')!).length > 0, 'Good has no yaml example');
        assert.match(s.get('Disable')!, new RegExp(`${rule.id}: off`), 'Disable shows the lint block');
        assert.match(s.get('Disable')!, /okr-lint-disable/, 'Disable shows a comment');
      });

      it('lists every option with its default, or says None', () => {
        const options = sections(page(rule.id)).get('Options')!;
        const entries = Object.entries(rule.defaultOptions as Record<string, unknown>);
        if (entries.length === 0) {
          assert.match(options, /^None\.$/m);
          return;
        }
        for (const [name, value] of entries) {
          const cells = options
            .split('\n')
            .filter((l) => l.trim().startsWith('|'))
            .map((l) => l.split('|').map((c) => c.trim()))
            .find((c) => c.includes(`\`${name}\``));
          assert.ok(cells, `no table row for option ${name}`);
          assert.ok(
            cells.includes(`\`${JSON.stringify(value)}\``),
            `the row of ${name} does not show its default \`${JSON.stringify(value)}\`: ${cells.join(' | ')}`,
          );
        }
      });

      it('its yaml examples are valid YAML (except the bad example of `syntax`)', () => {
        const s = sections(page(rule.id));
        for (const [name, body] of s) {
          if (rule.id === 'syntax' && name === 'Bad') continue;
          for (const block of yamlBlocks(body))
            assert.deepEqual(
              parseDocument(block).errors.map((e) => e.message),
              [],
              `${name}:\n${block}`,
            );
        }
      });
    });
  }

  it('fixable is true exactly for the rules that offer fixes on the fixtures', async () => {
    const offered = new Set<string>();
    for (const path of allFixtures()) {
      const { text, today } = loadFixture(path);
      for (const f of lintText(text, path, { today }).findings) if (f.fixes?.length) offered.add(f.ruleId);
    }
    // The rules that read history fire on their fixtures committed into a real repository.
    for (const f of (await historyFixtureFindings('target-moved')).findings) if (f.fixes?.length) offered.add(f.ruleId);
    const declared = new Set(rules.filter((r) => r.fixable).map((r) => r.id));
    assert.deepEqual([...offered].sort(), [...declared].sort());
  });

  // The structural rules' examples are whole files: check that each bad example
  // shows its rule and each good one does not. (The phrasing rules' pages show
  // fragments; test/core/corpus.test.ts measures those rules instead.)
  describe("the structural rules' examples do what they say", () => {
    const company = parseOkr(
      'team: Company\nobjectives:\n  - { id: CO-1, title: Customers can rely on us }\n  - { id: CO-2, title: We grow in Europe }\n',
      'company.okr.yaml',
    ).file;
    const cases: Record<string, string> = {
      syntax: '2026-11-28',
      schema: '2026-11-28',
      'duplicate-id': '2026-11-28',
      'objective-count': '2026-11-28',
      'kr-count': '2026-11-28',
      'not-time-bound': '2026-11-28',
      'stale-check-in': '2026-11-28',
      sandbagging: '2027-01-10',
      'committed-missed': '2027-01-10',
      'unknown-parent': '2026-11-28',
      'unaligned-objective': '2026-11-28',
      'dropped-without-reason': '2026-11-28',
      'unknown-dependency': '2026-11-28',
      'blocked-dependency': '2026-11-28',
      'dependency-cycle': '2026-11-28',
    };
    for (const [id, today] of Object.entries(cases)) {
      it(id, () => {
        const s = sections(page(id));
        const fired = (block: string) =>
          lintText(block, 'team.okr.yaml', { today, alignedFile: company, alignedPath: '../company.okr.yaml' }).findings.some(
            (f) => f.ruleId === id,
          );
        for (const block of yamlBlocks(s.get('Bad')!)) assert.ok(fired(block), `the bad example shows no ${id}:\n${block}`);
        for (const block of yamlBlocks(s.get('Good')!)) assert.ok(!fired(block), `the good example shows ${id}:\n${block}`);
      });
    }
  });
});
