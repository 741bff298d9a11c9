// The settings table is the one reader of `okr.*` settings: it must name exactly the
// settings package.json declares, with the same defaults, and turn every unusable value
// into the default plus a message that names the setting.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TRAILER_KEY } from '../../../src/core/git/trailers';
import { readSettings, SETTINGS, type SettingName } from '../../../src/extension/settings/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown; scope?: string }>;

function readOne(name: SettingName, raw: unknown) {
  const { settings, problems } = readSettings((key) => (key === SETTINGS[name].key ? raw : undefined));
  return { value: settings[name], problems };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('extension settings table', () => {
  it('names every setting package.json declares, and no other', () => {
    assert.deepEqual(
      Object.values(SETTINGS)
        .map((s) => s.key)
        .sort(),
      Object.keys(properties).sort(),
    );
  });

  it('has the defaults and scopes package.json declares', () => {
    for (const s of Object.values(SETTINGS)) {
      const declared = properties[s.key];
      // package.json spells "no value" as "" or {} where the table has undefined.
      const expected =
        declared.default === '' ||
        (typeof declared.default === 'object' &&
          declared.default !== null &&
          !Array.isArray(declared.default) &&
          Object.keys(declared.default).length === 0)
          ? undefined
          : declared.default;
      if (s.key === 'okr.lint.rules') assert.equal(s.default, undefined);
      else assert.deepEqual(s.read(declared.default).value, expected ?? s.default, s.key);
      assert.equal(s.scope, declared.scope === 'window' ? 'window' : 'resource', `${s.key} scope`);
    }
  });

  it('reads unset settings as their defaults, without problems', () => {
    const { settings, problems } = readSettings(() => undefined);
    assert.deepEqual(problems, []);
    assert.equal(settings.files, '**/{.okr.yaml,*.okr.yaml,*.okr.yml}');
    assert.deepEqual(settings.exclude, ['**/node_modules/**']);
    assert.equal(settings.lintDelay, 150);
    assert.equal(settings.gitTrailer, DEFAULT_TRAILER_KEY);
    assert.equal(settings.gitAutoTag, true);
    assert.equal(settings.lintToday, undefined);
  });

  it('keeps usable values, trimmed where they are text', () => {
    assert.equal(readOne('files', '  okrs/**/*.okr.yaml ').value, 'okrs/**/*.okr.yaml');
    assert.equal(readOne('gitTrailer', ' Supports-KR ').value, 'Supports-KR');
    assert.equal(readOne('lintToday', '2026-11-30').value, '2026-11-30');
    assert.equal(readOne('lintDelay', 0).value, 0);
    assert.equal(readOne('lintDelay', 99999).value, 5000);
    assert.equal(readOne('gitStaleDays', 7.9).value, 7);
    assert.deepEqual(readOne('lintRules', { 'kr-count': { max: 5 } }).value, { 'kr-count': { max: 5 } });
  });

  it('treats an empty text as "not set", silently', () => {
    for (const name of ['files', 'gitTrailer', 'gitBranchTemplate', 'lintToday'] as const) {
      const { value, problems } = readOne(name, '  ');
      assert.deepEqual(problems, [], name);
      assert.equal(value, SETTINGS[name].default, name);
    }
  });

  const unusable: [SettingName, unknown, RegExp][] = [
    ['lintDelay', -1, /okr\.lint\.delay is -1: a number from 0 to 5000\. Using 150\./],
    ['lintDelay', '300', /okr\.lint\.delay is "300"/],
    ['gitStaleDays', 0, /okr\.git\.staleDays is 0/],
    ['gitTrailer', 'Key Result', /okr\.git\.trailer is "Key Result": a trailer key is letters, digits and "-"\. Using Key-Result\./],
    ['gitTrailer', 42, /okr\.git\.trailer is 42/],
    [
      'gitTrailer',
      'Signed-off-by',
      /okr\.git\.trailer is "Signed-off-by": Signed-off-by is a trailer git and review tools already use for something else: pick a key of its own, like Key-Result\. Using Key-Result\./,
    ],
    ['gitAutoTag', 'yes', /okr\.git\.autoTag is "yes": true or false/],
    ['lintEnabled', 0, /okr\.lint\.enabled is 0/],
    ['lintToday', '2026-02-30', /okr\.lint\.today is "2026-02-30": a date as YYYY-MM-DD/],
    ['lintRules', ['kr-count'], /okr\.lint\.rules is \["kr-count"\]: an object/],
    ['exclude', '**/vendor/**', /okr\.exclude is "\*\*\/vendor\/\*\*": a list of globs/],
    ['files', ['a', 'b'], /okr\.files is \["a","b"\]/],
  ];
  for (const [name, raw, message] of unusable) {
    it(`turns ${SETTINGS[name].key} = ${JSON.stringify(raw)} into the default and says why`, () => {
      const { value, problems } = readOne(name, raw);
      assert.deepEqual(value, SETTINGS[name].default);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], message);
    });
  }

  it('drops exclude entries that are not globs and says so', () => {
    const { value, problems } = readOne('exclude', ['**/vendor/**', 3, '']);
    assert.deepEqual(value, ['**/vendor/**']);
    assert.match(problems[0], /okr\.exclude has entries that are not globs \(\[3,""\]\)/);
  });

  it('is the only reader: no other extension file calls getConfiguration', () => {
    const readers = sourceFiles(path.join(ROOT, 'src', 'extension'))
      .filter((file) => /getConfiguration\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    assert.deepEqual(readers, [path.join('src', 'extension', 'settings', 'settings.ts')]);
  });
});
