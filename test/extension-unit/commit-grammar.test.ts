// The commit-message injection grammar: its patterns run here with JavaScript
// regular expressions on sample lines (they are kept to syntax Oniguruma and JS read
// alike), and, when the cached code-server is present (`node test/vscode/prepare.js`),
// through VS Code's own TextMate engine together with the built-in git-commit grammar.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'okr-commit.tmLanguage.json');

interface Capture {
  name: string;
}
interface Rule {
  match: string;
  name?: string;
  captures: Record<string, Capture>;
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as Grammar;
const trailer = grammar.repository['key-result-trailer'];
const trailerRegExp = new RegExp(trailer.match);

/** The scopes the trailer rule gives the parts of a line, as `text -> scope`. */
function scopesOf(line: string): Record<string, string> | undefined {
  const m = trailerRegExp.exec(line);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [group, capture] of Object.entries(trailer.captures)) {
    const text = m[Number(group)];
    if (text !== undefined && text !== '') out[text] = capture.name;
  }
  return out;
}

describe('commit message grammar', () => {
  it('is an injection into git commit messages, outside comments, registered in package.json', () => {
    assert.equal(grammar.scopeName, 'okr.commit.injection');
    assert.equal(grammar.injectionSelector, 'L:text.git-commit -comment');
    assert.deepEqual(grammar.patterns, [{ include: '#key-result-trailer' }]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes?.grammars ?? []).find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    assert.deepEqual(contributed, {
      scopeName: 'okr.commit.injection',
      path: './syntaxes/okr-commit.tmLanguage.json',
      injectTo: ['text.git-commit'],
    });
  });

  it('highlights the key, the separator and the id of a trailer line', () => {
    assert.deepEqual(scopesOf('Key-Result: PLAT-KR1'), {
      'Key-Result': 'keyword.other.trailer-key.okr',
      ':': 'punctuation.separator.key-value.okr',
      'PLAT-KR1': 'constant.other.reference.key-result.okr',
    });
    assert.deepEqual(scopesOf('key-result:data.kr_2'), {
      'key-result': 'keyword.other.trailer-key.okr',
      ':': 'punctuation.separator.key-value.okr',
      'data.kr_2': 'constant.other.reference.key-result.okr',
    });
    assert.deepEqual(scopesOf('Key-Result :  PLAT-KR1  ')?.['PLAT-KR1'], 'constant.other.reference.key-result.okr');
  });

  it('marks what follows the id, or a value that is no id, as invalid', () => {
    assert.equal(scopesOf('Key-Result: PLAT-KR1, PLAT-KR2')?.[', PLAT-KR2'], 'invalid.illegal.trailer-value.okr');
    assert.equal(scopesOf('Key-Result: 42')?.['42'], 'invalid.illegal.trailer-value.okr');
    assert.equal(scopesOf('Key-Result: 42')?.PLAT, undefined);
  });

  it('leaves other lines alone', () => {
    for (const line of [
      'Fix the pager. Key-Result: PLAT-KR1',
      'Signed-off-by: Dana <d@example.com>',
      'Key-Results: X',
      ' Key-Result: X',
      'KEY-RESULT: X',
    ]) {
      assert.equal(scopesOf(line), undefined, line);
    }
  });

  describe("in VS Code's TextMate engine", function () {
    const vscodeDir = path.join(ROOT, '.cache', 'code-server-4.100.3', 'node_modules', 'code-server', 'lib', 'vscode');
    const gitCommitGrammar = path.join(vscodeDir, 'extensions', 'git-base', 'syntaxes', 'git-commit.tmLanguage.json');

    before(function () {
      if (!fs.existsSync(gitCommitGrammar) || !fs.existsSync(path.join(vscodeDir, 'node_modules', 'vscode-textmate'))) this.skip();
    });

    async function tokenize(lines: string[]): Promise<{ text: string; scopes: string[] }[][]> {
      // VS Code's own copies of the TextMate modules, as its workbench loads them.
      const requireFromVscode = createRequire(path.join(vscodeDir, 'package.json'));
      const oniguruma = requireFromVscode('vscode-oniguruma');
      const textmate = requireFromVscode('vscode-textmate');
      const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm', { paths: [vscodeDir] }));
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      const registry = new textmate.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
          createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) => {
          const file = scopeName === 'text.git-commit' ? gitCommitGrammar : scopeName === grammar.scopeName ? GRAMMAR_PATH : undefined;
          return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
        },
        getInjections: (scopeName: string) => (scopeName === 'text.git-commit' ? [grammar.scopeName] : undefined),
      });
      const g = await registry.loadGrammar('text.git-commit');
      let state = textmate.INITIAL;
      return lines.map((line) => {
        const r = g.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({
          text: line.slice(t.startIndex, t.endIndex),
          scopes: t.scopes,
        }));
      });
    }

    it('scopes the trailer in a real commit message, and not in its comments', async () => {
      const tokens = await tokenize(['Add canary stage', '', 'Roll out slowly.', '', 'Key-Result: PLAT-KR1', '# Key-Result: PLAT-KR2']);
      const id = tokens[4].find((t) => t.text === 'PLAT-KR1');
      assert.ok(id?.scopes.includes('constant.other.reference.key-result.okr'), JSON.stringify(tokens[4]));
      assert.ok(tokens[4].find((t) => t.text === 'Key-Result')?.scopes.includes('keyword.other.trailer-key.okr'));
      assert.ok(!tokens[5].some((t) => t.scopes.some((s) => s.endsWith('.okr'))), JSON.stringify(tokens[5]));
      assert.ok(!tokens[2].some((t) => t.scopes.some((s) => s.endsWith('.okr'))));
    });
  });
});
