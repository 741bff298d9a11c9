import * as assert from 'node:assert/strict';
import { closeSync, chmodSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnyRule, LintContext } from '../../src/core/rule';
import { withRulesRegistered } from '../helpers/registered-rules';
import { findOkrFiles, isProblem, readAlignedTexts, readOkrSource } from '../../src/core/fs/okr-files';
import { lintPaths } from '../../src/core/fs/lint-paths';
import { alignedTargets, isOkrFileName, lintSources, parseSources, type OkrSource } from '../../src/core/workspace';
import { FIXTURES, tempFolder } from '../cli/cli-harness';

const TODAY = '2026-11-28';

function okrText(team: string, ids: string[], extra = ''): string {
  return [
    'version: 1',
    `team: ${team}`,
    'period: 2026-Q4',
    extra,
    'objectives:',
    ...ids.map(
      (id) =>
        `  - { id: ${id}, title: Customers in ${team} notice we got better, key_results: [{ id: ${id}-KR, title: Cut churn from 9% to ` +
        `4%, start: 9, target: 4 }] }`,
    ),
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** A rule, added to the registry for one test, that records what each file was linted with. */
function withProbe<T>(fn: (calls: { path: string; context: LintContext; options: Record<string, unknown> }[]) => T): T {
  const calls: { path: string; context: LintContext; options: Record<string, unknown> }[] = [];
  const probe: AnyRule = {
    id: 'workspace-probe',
    description: 'Test probe.',
    defaultSeverity: 'info',
    defaultOptions: { max: 3 },
    check({ file, context, options }) {
      calls.push({ path: file.path, context, options });
      return [{ message: 'probe', span: { start: 0, end: 0 } }];
    },
  };
  // An async test keeps the probe until it settles.
  return withRulesRegistered([probe], () => fn(calls));
}

describe('workspace', () => {
  describe('isOkrFileName', () => {
    const cases: [string, boolean][] = [
      ['.okr.yaml', true],
      ['platform.okr.yaml', true],
      ['platform.okr.yml', true],
      ['team.q4.okr.yaml', true],
      ['okr.yaml', false],
      ['platform.yaml', false],
      ['platform.okr.yaml.bak', false],
      ['platform.okr.json', false],
      ['platformokr.yaml', false],
    ];
    for (const [name, expected] of cases) it(`${name}: ${expected}`, () => assert.equal(isOkrFileName(name), expected));
  });

  describe('findOkrFiles', () => {
    let tmp: ReturnType<typeof tempFolder>;
    beforeEach(() => {
      tmp = tempFolder('okr-ws-');
      const files = [
        'b.okr.yaml',
        'a.okr.yml',
        '.okr.yaml',
        'notes.yaml',
        'okr.yaml',
        'teams/z.okr.yaml',
        'teams/deep/er/x.okr.yaml',
        'node_modules/pkg/dep.okr.yaml',
        'teams/node_modules/dep.okr.yaml',
        '.git/hooks/h.okr.yaml',
      ];
      for (const f of files) {
        mkdirSync(path.join(tmp.dir, path.dirname(f)), { recursive: true });
        writeFileSync(path.join(tmp.dir, f), 'version: 1\n');
      }
    });
    afterEach(() => tmp.remove());

    it('finds OKR files by name, in name order, skipping node_modules and .git at any depth', async () => {
      const found = await findOkrFiles(['.'], tmp.dir);
      assert.deepEqual(
        found.files.map((f) => path.relative(tmp.dir, f)),
        ['.okr.yaml', 'a.okr.yml', 'b.okr.yaml', path.join('teams', 'deep', 'er', 'x.okr.yaml'), path.join('teams', 'z.okr.yaml')],
      );
      assert.deepEqual(found.problems, []);
      assert.deepEqual(found.empty, []);
    });

    it('takes a file named explicitly whatever its name, and each file once', async () => {
      const found = await findOkrFiles(['notes.yaml', 'teams', 'teams/z.okr.yaml', '.'], tmp.dir);
      assert.deepEqual(
        found.files.map((f) => path.relative(tmp.dir, f)),
        [
          'notes.yaml',
          path.join('teams', 'deep', 'er', 'x.okr.yaml'),
          path.join('teams', 'z.okr.yaml'),
          '.okr.yaml',
          'a.okr.yml',
          'b.okr.yaml',
        ],
      );
      assert.deepEqual(found.empty, []);
    });

    it('searches an explicitly named node_modules folder, but not the ones inside it', async () => {
      const found = await findOkrFiles(['node_modules'], tmp.dir);
      assert.deepEqual(
        found.files.map((f) => path.relative(tmp.dir, f)),
        [path.join('node_modules', 'pkg', 'dep.okr.yaml')],
      );
    });

    it('follows links to folders, survives link loops, and lists a linked file once', async function () {
      if (process.platform === 'win32') this.skip();
      symlinkSync(tmp.dir, path.join(tmp.dir, 'teams', 'loop')); // teams/loop -> the root: a cycle
      symlinkSync(path.join(tmp.dir, 'teams', 'deep'), path.join(tmp.dir, 'deep-link'));
      symlinkSync(path.join(tmp.dir, 'b.okr.yaml'), path.join(tmp.dir, 'c.okr.yaml'));
      const found = await findOkrFiles(['.'], tmp.dir);
      const rel = found.files.map((f) => path.relative(tmp.dir, f));
      assert.deepEqual(rel, [
        '.okr.yaml',
        'a.okr.yml',
        'b.okr.yaml',
        path.join('deep-link', 'er', 'x.okr.yaml'),
        path.join('teams', 'z.okr.yaml'),
      ]);
      assert.deepEqual(found.problems, []);
    });

    it('reports a missing path, a dangling link to an OKR file, and a folder without OKR files', async function () {
      if (process.platform === 'win32') this.skip();
      symlinkSync(path.join(tmp.dir, 'nowhere.yaml'), path.join(tmp.dir, 'teams', 'gone.okr.yaml'));
      symlinkSync(path.join(tmp.dir, 'nowhere'), path.join(tmp.dir, 'teams', 'gone-folder')); // not an OKR file: ignored
      mkdirSync(path.join(tmp.dir, 'empty'));
      const found = await findOkrFiles(['missing', 'teams', 'empty'], tmp.dir);
      assert.deepEqual(found.problems, [
        { path: path.join(tmp.dir, 'missing'), code: 'missing', reason: 'no such file or folder' },
        { path: path.join(tmp.dir, 'teams', 'gone.okr.yaml'), code: 'missing', reason: 'cannot read: no such file or folder' },
      ]);
      assert.deepEqual(found.empty, ['empty']);
      assert.equal(found.files.length, 2);
    });
  });

  describe('readOkrSource', () => {
    let tmp: ReturnType<typeof tempFolder>;
    beforeEach(() => (tmp = tempFolder('okr-read-')));
    afterEach(() => tmp.remove());

    it('reads UTF-8 and drops a byte-order mark, as editors do', async () => {
      const p = path.join(tmp.dir, 'bom.okr.yaml');
      writeFileSync(p, '\ufeffteam: Ünïcode\n');
      assert.deepEqual(await readOkrSource(p), { path: p, text: 'team: Ünïcode\n' });
    });

    it('refuses a file over 2 MiB without reading it', async () => {
      const p = path.join(tmp.dir, 'huge.okr.yaml');
      const fd = openSync(p, 'w');
      ftruncateSync(fd, 2 * 1024 * 1024 + 1);
      closeSync(fd);
      assert.deepEqual(await readOkrSource(p), { path: p, text: '', oversizeBytes: 2 * 1024 * 1024 + 1 });
    });

    it('reads a file of exactly 2 MiB', async () => {
      const p = path.join(tmp.dir, 'max.okr.yaml');
      writeFileSync(p, `#${' '.repeat(2 * 1024 * 1024 - 2)}\n`);
      const r = await readOkrSource(p);
      assert.ok(!isProblem(r) && r.oversizeBytes === undefined && r.text.length === 2 * 1024 * 1024);
    });

    it('says why a path cannot be read', async () => {
      assert.deepEqual(await readOkrSource(path.join(tmp.dir, 'none.okr.yaml')), {
        path: path.join(tmp.dir, 'none.okr.yaml'),
        code: 'missing',
        reason: 'no such file or folder',
      });
      const r = await readOkrSource(tmp.dir);
      assert.ok(isProblem(r));
      assert.match(r.reason, /^(not a file|is a folder, not a file)$/);
      assert.equal(r.code, 'not-a-file');
    });

    it('reports a file without read permission', async function () {
      if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
      const p = path.join(tmp.dir, 'secret.okr.yaml');
      writeFileSync(p, 'team: x\n');
      chmodSync(p, 0o000);
      assert.deepEqual(await readOkrSource(p), { path: p, code: 'denied', reason: 'permission denied' });
    });

    it('readAlignedTexts gives null for what is missing, and why not for what is too large', async () => {
      const ok = path.join(tmp.dir, 'ok.okr.yaml');
      writeFileSync(ok, 'team: x\n');
      const big = path.join(tmp.dir, 'big.okr.yaml');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 3 * 1024 * 1024);
      closeSync(fd);
      const texts = await readAlignedTexts([ok, big, path.join(tmp.dir, 'none.okr.yaml')]);
      assert.deepEqual(
        [...texts.values()],
        ['team: x\n', { unreadable: 'This file is 3.0 MiB; OKR files over 2 MiB are not read. Split it by team or period.' }, null],
      );
    });
  });

  describe('lintSources (pure)', () => {
    const root = path.resolve('/ws');
    const src = (rel: string, text: string): OkrSource => ({ path: path.join(root, rel), text });

    it("gives each file the other files' definitions, never its own", () => {
      withProbe((calls) => {
        const result = lintSources([src('a.okr.yaml', okrText('A', ['A-O1', 'SHARED'])), src('b.okr.yaml', okrText('B', ['SHARED']))], {
          today: TODAY,
        });
        assert.deepEqual(
          calls.map((c) => [path.basename(c.path), c.context.otherDefinitions.map((d) => `${d.id}@${path.basename(d.path)}`)]),
          [
            ['a.okr.yaml', ['SHARED@b.okr.yaml', 'SHARED-KR@b.okr.yaml']],
            ['b.okr.yaml', ['A-O1@a.okr.yaml', 'A-O1-KR@a.okr.yaml', 'SHARED@a.okr.yaml', 'SHARED-KR@a.okr.yaml']],
          ],
        );
        assert.deepEqual(
          result.files.map((f) => f.definitions.map((d) => d.id)),
          [
            ['A-O1', 'A-O1-KR', 'SHARED', 'SHARED-KR'],
            ['SHARED', 'SHARED-KR'],
          ],
        );
        assert.ok(calls.every((c) => c.context.today === TODAY));
      });
    });

    it('resolves aligns_with against the file: from the sources, from `aligned`, null when missing, undefined when not looked up', () => {
      withProbe((calls) => {
        const sources = [
          src('company.okr.yaml', okrText('Co', ['CO-1'])),
          src('teams/in-run.okr.yaml', okrText('T1', ['T1-O1'], 'aligns_with: ../company.okr.yaml')),
          src('teams/given.okr.yaml', okrText('T2', ['T2-O1'], 'aligns_with: parent/p.okr.yaml')),
          src('teams/missing.okr.yaml', okrText('T3', ['T3-O1'], 'aligns_with: ../gone.okr.yaml')),
          src('teams/unlooked.okr.yaml', okrText('T4', ['T4-O1'], 'aligns_with: ../elsewhere.okr.yaml')),
        ];
        const parsed = parseSources(sources);
        assert.deepEqual(alignedTargets(parsed), [
          path.join(root, 'teams', 'parent', 'p.okr.yaml'),
          path.join(root, 'gone.okr.yaml'),
          path.join(root, 'elsewhere.okr.yaml'),
        ]);
        const aligned = new Map<string, string | null>([
          [path.join(root, 'teams', 'parent', 'p.okr.yaml'), okrText('P', ['P-1', 'P-2'])],
          [path.join(root, 'gone.okr.yaml'), null],
        ]);
        lintSources(sources, { today: TODAY, aligned });
        const seen = Object.fromEntries(
          calls.map((c) => [
            path.basename(c.path),
            [
              c.context.alignedPath,
              c.context.alignedFile === undefined
                ? 'undefined'
                : c.context.alignedFile === null
                  ? 'null'
                  : c.context.alignedFile.objectives.map((o) => o.id).join(','),
            ],
          ]),
        );
        assert.deepEqual(seen, {
          'company.okr.yaml': [undefined, 'undefined'],
          'in-run.okr.yaml': [path.join(root, 'company.okr.yaml'), 'CO-1'],
          'given.okr.yaml': [path.join(root, 'teams', 'parent', 'p.okr.yaml'), 'P-1,P-2'],
          'missing.okr.yaml': [path.join(root, 'gone.okr.yaml'), 'null'],
          'unlooked.okr.yaml': [path.join(root, 'elsewhere.okr.yaml'), 'undefined'],
        });
      });
    });

    it('names files to the rules through displayPath', () => {
      withProbe((calls) => {
        const display = (p: string) => path.relative(root, p).split(path.sep).join('/');
        const result = lintSources(
          [src('teams/a.okr.yaml', okrText('A', ['A-1'], 'aligns_with: ../co.okr.yaml')), src('b.okr.yaml', okrText('B', ['B-1']))],
          { today: TODAY, displayPath: display, aligned: new Map([[path.join(root, 'co.okr.yaml'), okrText('Co', ['CO-1'])]]) },
        );
        assert.deepEqual(
          calls.map((c) => [c.path, c.context.alignedPath, c.context.alignedFile?.path, c.context.otherDefinitions[0]?.path]),
          [
            ['teams/a.okr.yaml', 'co.okr.yaml', 'co.okr.yaml', 'b.okr.yaml'],
            ['b.okr.yaml', undefined, undefined, 'teams/a.okr.yaml'],
          ],
        );
        // The result keeps the absolute path, for tools that open the file.
        assert.deepEqual(
          result.files.map((f) => f.path),
          [path.join(root, 'teams', 'a.okr.yaml'), path.join(root, 'b.okr.yaml')],
        );
      });
    });

    it('gives an oversize source one syntax finding and runs no rule on it', () => {
      withProbe((calls) => {
        const result = lintSources([{ path: path.join(root, 'huge.okr.yaml'), text: '', oversizeBytes: 5 * 1024 * 1024 }], {
          today: TODAY,
        });
        assert.deepEqual(calls, []);
        assert.deepEqual(result.files[0].result.findings, [
          {
            ruleId: 'syntax',
            severity: 'error',
            message: 'This file is 5.0 MiB; OKR files over 2 MiB are not read. Split it by team or period.',
            span: { start: 0, end: 0 },
            docsPath: 'docs/rules/syntax.md',
          },
        ]);
      });
    });

    it('overrides win over the file lint block, keeping its options, and survive `default: off`', () => {
      withProbe((calls) => {
        const text = okrText('A', ['A-1'], 'lint: { default: off, workspace-probe: { severity: error, max: 9 } }');
        const plain = lintSources([src('a.okr.yaml', text)], { today: TODAY });
        assert.deepEqual(
          plain.files[0].result.findings.filter((f) => f.ruleId === 'workspace-probe').map((f) => f.severity),
          ['error'],
        );
        const over = lintSources([src('a.okr.yaml', text)], { today: TODAY, overrides: { 'workspace-probe': 'warning' } });
        assert.deepEqual(
          over.files[0].result.findings.filter((f) => f.ruleId === 'workspace-probe').map((f) => f.severity),
          ['warning'],
        );
        assert.deepEqual(
          calls.map((c) => c.options.max),
          [9, 9],
        );
        // The result's file shows the lint block as written.
        assert.deepEqual(Object.keys(over.files[0].result.file.lint), ['default', 'workspace-probe']);
        const offText = okrText('A', ['A-1'], 'lint: { default: off }');
        const on = lintSources([src('a.okr.yaml', offText)], { today: TODAY, overrides: { 'workspace-probe': 'info' } });
        assert.equal(on.files[0].result.findings.filter((f) => f.ruleId === 'workspace-probe').length, 1);
        const off = lintSources([src('a.okr.yaml', okrText('A', ['A-1']))], { today: TODAY, overrides: { 'workspace-probe': 'off' } });
        assert.equal(off.files[0].result.findings.filter((f) => f.ruleId === 'workspace-probe').length, 0);
      });
    });
  });

  describe('lintPaths', () => {
    it('finds, reads and lints the fixture folder, parents included', async () => {
      await withProbe(async (calls) => {
        const result = await lintPaths(['aligned'], { cwd: FIXTURES, today: TODAY });
        assert.deepEqual(result.problems, []);
        assert.deepEqual(result.empty, []);
        assert.deepEqual(
          result.files.map((f) => path.relative(FIXTURES, f.path)),
          [
            path.join('aligned', 'company.okr.yaml'),
            path.join('aligned', 'teams', 'ledger.okr.yaml'),
            path.join('aligned', 'teams', 'risk.okr.yaml'),
          ],
        );
        const ledger = calls.find((c) => c.path.endsWith('ledger.okr.yaml'))!;
        assert.equal(ledger.context.alignedFile, null);
        const risk = calls.find((c) => c.path.endsWith('risk.okr.yaml'))!;
        assert.equal(risk.context.alignedFile?.team, 'Company');
      });
    });
  });
});
