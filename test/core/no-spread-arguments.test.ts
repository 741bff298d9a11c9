// No array is spread into a call's arguments anywhere in src/: `Math.max(...rows)`
// and `out.push(...defs)` put every element on the stack and crash with "Maximum
// call stack size exceeded" on large inputs (100,000 objectives). Use maxOf, minOf
// and pushAll from src/core/arrays.ts. Forwarding a rest parameter (`run(...args)`)
// is fine: its length is that of a call's arguments already; so is an array literal
// (`...(x ? [x] : [])`), as long as what is written.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { maxOf, minOf, pushAll } from '../../src/core/arrays';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Is `name` a rest parameter of a function around `node`? */
function isRestParameter(node: ts.Node, name: string): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters.some((p) => p.dotDotDotToken && ts.isIdentifier(p.name) && p.name.text === name)) return true;
  }
  return false;
}

/** An array literal, or a choice between array literals (`...(x ? [x] : [])`): as long as what is written. */
function isLiteralList(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isArrayLiteralExpression(node)) return !node.elements.some((e) => ts.isSpreadElement(e));
  return ts.isConditionalExpression(node) && isLiteralList(node.whenTrue) && isLiteralList(node.whenFalse);
}

export function spreadArguments(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const arg of node.arguments) {
        if (!ts.isSpreadElement(arg)) continue;
        if (ts.isIdentifier(arg.expression) && isRestParameter(arg, arg.expression.text)) continue;
        if (isLiteralList(arg.expression)) continue;
        const { line } = source.getLineAndCharacterOfPosition(arg.getStart());
        found.push(`${path.relative(SRC, file)}:${line + 1}: ${node.getText().slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no spread of an array into call arguments in src/', () => {
  it('finds the pattern (the check itself works)', () => {
    assert.equal(
      spreadArguments(
        'x.ts',
        'const w = Math.max(...rows.map((r) => r.length));\nout.push(...defs);\nfunction f(...a: number[]) { return g(...a); }\n' +
          'args.push(x, ...(y ? [y] : []));\n',
      ).length,
      2,
    );
  });

  it('src/ has none: use maxOf, minOf, pushAll (src/core/arrays.ts)', () => {
    assert.deepEqual(
      sourceFiles(SRC).flatMap((f) => spreadArguments(f)),
      [],
    );
  });

  it('maxOf, minOf and pushAll handle 1,000,000 elements, where a spread overflows the stack', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i % 1000);
    assert.throws(() => Math.max(...big), RangeError);
    assert.equal(maxOf(big), 999);
    assert.equal(minOf(big), 0);
    assert.equal(maxOf([], 0), 0);
    assert.equal(maxOf([]), -Infinity);
    assert.equal(minOf([3], 1), 1);
    assert.ok(Number.isNaN(maxOf([1, NaN, 2])));
    assert.equal(pushAll([-1], big).length, 1_000_001);
  });
});
