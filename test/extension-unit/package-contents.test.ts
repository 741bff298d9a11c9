// What the .vsix holds, as `vsce ls` lists it: the bundle and what it reads at run
// time, the documents a user sees, and nothing else (no sources, tests, caches).

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { rules } from '../../src/core/rules';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the packaged extension', () => {
  it('holds the bundle, the CLI for the git hooks, the docs, media, syntaxes and schema, and nothing else', function () {
    this.timeout(60_000);
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^CHANGELOG\.md$/,
      /^LICENSE$/,
      /^dist\/(extension|cli|okr-links|okr-lint|okr-yaml)\.js$/,
      /^dist\/webview\/dashboard\.js$/,
      /^bin\/okr\.js$/,
      /^media\/[\w/.-]+\.(svg|png)$/,
      /^syntaxes\/[\w.-]+\.json$/,
      /^schemas\/okr\.schema\.json$/,
      /^docs\/rules\/[a-z-]+\.md$/,
    ];
    const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
    assert.deepEqual(unexpected, [], 'files that should not ship');
    for (const needed of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/extension.js',
      'dist/cli.js',
      'dist/okr-links.js',
      'dist/okr-lint.js',
      'dist/okr-yaml.js',
      'dist/webview/dashboard.js',
      'bin/okr.js',
      'schemas/okr.schema.json',
      'docs/rules/kr-is-milestone.md',
      'syntaxes/okr-commit.tmLanguage.json',
      'media/okr.svg',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    assert.equal(files.filter((f) => f.startsWith('docs/rules/')).length, rules.length, 'one page per rule');
  });
});
