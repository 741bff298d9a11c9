// Runs the `okr` command in-process with a fake terminal, for the CLI tests.

import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import type { AnyRule, LintContext } from '../../src/core/rule';
import { rules } from '../../src/core/rules';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the final empty one. */
  lines: string[];
}

export interface FakeTerminal {
  cwd?: string;
  isTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export async function okr(argv: string[], terminal: FakeTerminal = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: terminal.cwd ?? FIXTURES,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: terminal.isTTY ?? false,
    stderrIsTTY: terminal.stderrIsTTY ?? false,
    env: terminal.env ?? {},
    // Noon, so the local date is the same in every time zone the tests may run in.
    now: terminal.now ?? (() => new Date(2026, 10, 28, 12, 0, 0)),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, lines: stdout.replace(/\n$/, '').split('\n') };
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(prefix = 'okr-cli-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the `mixed` fixture folder with a dependency's OKR file under
 * node_modules/ and .git/, which the search must skip. (A node_modules folder
 * cannot be committed as a fixture: .gitignore drops it.)
 */
export function mixedWorkspace(): { dir: string; remove: () => void } {
  const tmp = tempFolder();
  cpSync(path.join(FIXTURES, 'mixed'), tmp.dir, { recursive: true });
  for (const hidden of [path.join('node_modules', 'okr-template'), path.join('.git', 'okr')]) {
    mkdirSync(path.join(tmp.dir, hidden), { recursive: true });
    cpSync(path.join(FIXTURES, 'dependency', 'template.okr.yaml'), path.join(tmp.dir, hidden, 'template.okr.yaml'));
  }
  return tmp;
}

/** The context each file was linted with, as seen by a probe rule. */
export interface ProbeCall {
  path: string;
  context: LintContext;
}

/**
 * Adds a rule to the registry for the duration of a test that records the context
 * it is given and reports it as one info finding per file: it shows what the
 * workspace layer passes to rules, whichever real rules exist yet.
 */
export function installProbeRule(): { calls: ProbeCall[]; remove: () => void } {
  const calls: ProbeCall[] = [];
  const probe: AnyRule = {
    id: 'test-probe',
    description: 'Test probe: reports the lint context.',
    defaultSeverity: 'info',
    defaultOptions: {},
    check({ file, context }) {
      calls.push({ path: file.path, context });
      const aligned =
        context.alignedFile === undefined
          ? 'not looked up'
          : context.alignedFile === null
            ? 'missing'
            : `${context.alignedFile.objectives.length} objectives`;
      const others = [...new Set(context.otherDefinitions.map((d) => d.id))].sort().join(' ');
      return [{ message: `aligned ${context.alignedPath ?? '-'}: ${aligned}; others: ${others || '-'}`, span: { start: 0, end: 0 } }];
    },
  };
  const registry = rules as AnyRule[];
  registry.push(probe);
  return {
    calls,
    remove: () => {
      const i = registry.indexOf(probe);
      if (i >= 0) registry.splice(i, 1);
    },
  };
}

/** True while a rule is still the skeleton's placeholder (written by another helper). */
export function isPlaceholderRule(id: string): boolean {
  return rules.find((r) => r.id === id)?.description === 'PLACEHOLDER';
}
