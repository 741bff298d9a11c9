// Writes what derives from the rule registry: the `lint:` block of schemas/okr.schema.json,
// the `okr.lint.rules` entries of package.json and the options table of each docs page.
// `npm run generate` writes them; `--check` (run by a unit test, so by CI) lists what is out
// of date and exits 1, as markdownlint's `git diff --exit-code` habit does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSettingsSchema, optionsTable } from '../src/core/lint-settings-schema';
import { rules } from '../src/core/rules';

const ROOT = path.resolve(__dirname, '..');
const START = '<!-- generated: options table (npm run generate) -->';
const END = '<!-- end of generated options table -->';

export interface GeneratedFile {
  path: string;
  text: string;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function schemaFile(): GeneratedFile {
  const file = path.join(ROOT, 'schemas', 'okr.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: { lint: { anyOf: unknown[] } } };
  schema.properties.lint.anyOf[0] = lintSettingsSchema(rules);
  return { path: file, text: json(schema) };
}

function packageFile(): GeneratedFile {
  const file = path.join(ROOT, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
  };
  const setting = manifest.contributes.configuration.properties['okr.lint.rules'];
  const { properties, additionalProperties } = lintSettingsSchema(rules);
  setting.properties = properties;
  setting.additionalProperties = additionalProperties;
  return { path: file, text: json(manifest) };
}

/** The docs page with its options table replaced (markers are added on the first run). */
export function withOptionsTable(page: string, table: string): string {
  const block = `${START}\n${table}\n${END}`;
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start >= 0 && end > start) return page.slice(0, start) + block + page.slice(end + END.length);
  // First run: the table (or "None.") right under "## Options".
  const heading = /^## Options[ \t]*\r?\n\r?\n/m.exec(page);
  if (!heading) throw new Error('no "## Options" section');
  const bodyStart = heading.index + heading[0].length;
  const rest = page.slice(bodyStart);
  const existing = /^(?:(?:\|.*\r?\n)+|None\.\r?\n)/.exec(rest);
  return page.slice(0, bodyStart) + block + '\n' + rest.slice(existing ? existing[0].length : 0);
}

function docsFiles(): GeneratedFile[] {
  return rules.map((rule) => {
    const file = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
    return { path: file, text: withOptionsTable(fs.readFileSync(file, 'utf8'), optionsTable(rule)) };
  });
}

export function generatedFiles(): GeneratedFile[] {
  return [schemaFile(), packageFile(), ...docsFiles()];
}

/** The generated files whose text on disk differs from what the registry gives. */
export function staleFiles(): string[] {
  return generatedFiles()
    .filter((f) => !fs.existsSync(f.path) || fs.readFileSync(f.path, 'utf8') !== f.text)
    .map((f) => path.relative(ROOT, f.path));
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      process.stderr.write(`Out of date (run npm run generate): ${stale.join(', ')}\n`);
      process.exit(1);
    }
  } else {
    for (const f of generatedFiles())
      if (!fs.existsSync(f.path) || fs.readFileSync(f.path, 'utf8') !== f.text) fs.writeFileSync(f.path, f.text);
  }
}
