// The README's rule and settings tables are what most users read first: they must
// say what the code does. Checked against the rule registry and package.json.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../src/core/rules';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function tableRows(firstCell: RegExp): string[][] {
  return readme
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => firstCell.test(cells[0]));
}

describe('README', () => {
  it('lists every rule, in registry order, with its docs link, default severity and fixability', () => {
    const rows = tableRows(/^\[`[a-z-]+`\]\(docs\/rules\//);
    assert.deepEqual(
      rows.map((r) => r[0]),
      rules.map((r) => `[\`${r.id}\`](docs/rules/${r.id}.md)`),
    );
    rows.forEach((row, i) => {
      assert.equal(row[1], rules[i].defaultSeverity, `${rules[i].id} severity`);
      assert.equal(row[2], rules[i].fixable ? 'yes' : '', `${rules[i].id} quick fix`);
      assert.equal(row[3], rules[i].description, `${rules[i].id} description`);
    });
  });

  it('lists every setting of package.json with its default', () => {
    const rows = tableRows(/^`okr\./);
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
    assert.deepEqual(rows.map((r) => r[0].replace(/`/g, '')).sort(), Object.keys(properties).sort());
    for (const row of rows) {
      const expected = properties[row[0].replace(/`/g, '')].default;
      const shown = expected === '' ? 'empty' : `\`${typeof expected === 'string' ? expected : JSON.stringify(expected)}\``;
      assert.equal(row[1], shown, `${row[0]} default`);
    }
  });

  it('links only to files that exist', () => {
    for (const m of readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)) {
      assert.ok(fs.existsSync(path.join(ROOT, m[1])), `README links to ${m[1]}, which does not exist`);
    }
  });
});
