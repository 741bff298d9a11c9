// package.json is the extension's contract with the workbench: a command missing
// there never shows in the palette, a command declared but never registered fails
// when clicked, a setting read but not declared is invisible to users. These tests
// read the manifest and the sources and check both directions.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../src/extension/command-ids';
import { SETTINGS } from '../../src/extension/settings/schema';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const extensionSources = sourceFiles(path.join(ROOT, 'src', 'extension')).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
const declaredCommands: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
const enumEntries = Object.entries(CommandId) as [string, string][];

describe('package.json', () => {
  it('declares every command of the CommandId enum, and nothing else', () => {
    assert.deepEqual([...declaredCommands].sort(), enumEntries.map(([, id]) => id).sort());
  });

  it('has every declared command registered by the extension', () => {
    const unregistered = enumEntries
      .filter(([name]) => !extensionSources.some((s) => new RegExp(`registerCommand\\(\\s*CommandId\\.${name}\\b`).test(s.text)))
      .map(([, id]) => id);
    assert.deepEqual(unregistered, [], 'declared in package.json but never registered');
  });

  it('gives every command a title and the OKR category', () => {
    for (const c of manifest.contributes.commands) {
      assert.ok(typeof c.title === 'string' && c.title.length > 0, `${c.command} has no title`);
      assert.equal(c.category, 'OKR', `${c.command}`);
    }
  });

  it('names only declared commands in its menus', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(declaredCommands.includes(item.command), `${menu} names an undeclared command ${item.command}`);
    }
  });

  it('declares every okr.* setting the extension reads, with a default and a description', () => {
    const properties = manifest.contributes.configuration.properties as Record<
      string,
      { default?: unknown; description?: string; markdownDescription?: string }
    >;
    // Settings are read only through the table in settings/schema.ts (settings.test.ts holds it to this list).
    const read = new Set(Object.values(SETTINGS).map((s) => s.key));
    for (const key of read) assert.ok(properties[key], `the extension reads ${key} but package.json does not declare it`);
    for (const [key, p] of Object.entries(properties)) {
      assert.ok('default' in p, `${key} has no default`);
      assert.ok(p.description ?? p.markdownDescription, `${key} has no description`);
    }
  });

  it('points at files that exist: main, icon, view icons, grammars, JSON schema', () => {
    const files = [
      manifest.main,
      manifest.icon,
      ...manifest.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.yamlValidation.map((v: { url: string }) => v.url),
    ];
    for (const file of files) {
      if (file === manifest.main) continue; // built by `npm run build`
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
    }
  });

  it('runs where the workspace is and says what works in Restricted Mode', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /git/);
  });
});

describe('the Get Started walkthrough', () => {
  const walkthroughs = (manifest.contributes.walkthroughs ?? []) as {
    id: string;
    title: string;
    steps: {
      id: string;
      title: string;
      description: string;
      media: { image?: string; markdown?: string; altText?: string };
      completionEvents?: string[];
    }[];
  }[];
  const BUILT_IN = ['workbench.view.extension.okr', 'workbench.actions.view.problems', 'workbench.action.quickOpen'];

  it('walks through the sidebar, an OKR file, a finding, a check-in, a tagged commit and the hooks', () => {
    const [w] = walkthroughs;
    assert.equal(w?.id, 'okr.getStarted');
    assert.equal(w.title, 'Get Started with OKR Lens');
    assert.deepEqual(
      w.steps.map((s) => s.id.replace('okr.getStarted.', '')),
      ['openView', 'okrFile', 'fixFinding', 'checkIn', 'tagCommit', 'installHooks'],
    );
  });

  it('links only commands that exist, and shows images that ship, each with alt text', () => {
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      for (const c of [
        ...linked,
        ...(step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
      ]) {
        assert.ok(declaredCommands.includes(c) || BUILT_IN.includes(c), `${step.id} names an unknown command ${c}`);
      }
      assert.ok(step.media.image && fs.existsSync(path.join(ROOT, step.media.image)), `${step.id}: ${step.media.image} is missing`);
      assert.ok(step.media.altText, `${step.id} has no alt text`);
    }
  });

  it('is opened by the extension on its first run, beside the editor', () => {
    const firstRun = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'first-run.ts'), 'utf8');
    assert.match(firstRun, /'workbench\.action\.openWalkthrough', `\$\{context\.extension\.id\}#\$\{WALKTHROUGH_ID\}`, true/);
    assert.match(firstRun, /WALKTHROUGH_ID = 'okr\.getStarted'/);
    assert.match(fs.readFileSync(path.join(ROOT, 'src', 'extension', 'extension.ts'), 'utf8'), /registerFirstRun\(context, store\)/);
  });
});
