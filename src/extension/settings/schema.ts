// Every `okr.*` setting in one table: its key, where it applies, its default and how a raw
// value becomes a typed one. Pure (no `vscode`), so the table is unit-tested against
// package.json and every validator without a running editor; settings.ts reads through it.

import { isValidDate } from '../../core/dates';
import { DEFAULT_BRANCH_TEMPLATE } from '../../core/git/branch-name';
import { DEFAULT_TRAILER_KEY, trailerKeyProblem } from '../../core/git/trailers';
import type { RuleSettings } from '../../core/model';
import { OKR_FILES_GLOB } from '../../core/workspace';
import { REMINDERS_MODES, type RemindersMode } from '../check-in/reminders-model';

/** What reading one raw value gave: the value to use and, when the raw one was unusable, why. */
export interface SettingRead<T> {
  value: T;
  problem?: string;
}

/** `resource`: may differ per workspace folder; `window`: one value for the window. */
export type SettingScope = 'resource' | 'window';

export interface SettingSpec<T> {
  key: string;
  scope: SettingScope;
  default: T;
  read(raw: unknown): SettingRead<T>;
}

const ok = <T>(value: T): SettingRead<T> => ({ value });

function spec<T>(key: string, scope: SettingScope, defaultValue: T, read: (raw: unknown, fallback: T) => SettingRead<T>): SettingSpec<T> {
  // `undefined` is "not set": the default, without a problem.
  return {
    key,
    scope,
    default: defaultValue,
    read: (raw) => (raw === undefined || raw === null ? ok(defaultValue) : read(raw, defaultValue)),
  };
}

const shown = (raw: unknown): string => JSON.stringify(raw) ?? String(raw);

function nonEmptyString(key: string, what: string) {
  return (raw: unknown, fallback: string): SettingRead<string> => {
    if (typeof raw !== 'string') return { value: fallback, problem: `${key} is ${shown(raw)}: ${what}. Using ${shown(fallback)}.` };
    // An empty string is how a user clears a setting in the UI: the default, silently.
    return raw.trim() === '' ? ok(fallback) : ok(raw.trim());
  };
}

function boolean(key: string) {
  return (raw: unknown, fallback: boolean): SettingRead<boolean> =>
    typeof raw === 'boolean' ? ok(raw) : { value: fallback, problem: `${key} is ${shown(raw)}: true or false. Using ${fallback}.` };
}

function number(key: string, min: number, max: number, integer: boolean) {
  return (raw: unknown, fallback: number): SettingRead<number> => {
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min) {
      return { value: fallback, problem: `${key} is ${shown(raw)}: a number from ${min} to ${max}. Using ${fallback}.` };
    }
    const clamped = Math.min(raw, max);
    return ok(integer ? Math.floor(clamped) : clamped);
  };
}

export const DEFAULT_FILES_GLOB = OKR_FILES_GLOB;
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**'];
export const DEFAULT_LINT_DELAY_MS = 150;
export const DEFAULT_STALE_DAYS = 14;

export const SETTINGS = {
  files: spec('okr.files', 'resource', DEFAULT_FILES_GLOB, nonEmptyString('okr.files', 'a glob such as **/*.okr.yaml')),
  exclude: spec<readonly string[]>('okr.exclude', 'resource', DEFAULT_EXCLUDE, (raw, fallback) => {
    if (!Array.isArray(raw))
      return { value: fallback, problem: `okr.exclude is ${shown(raw)}: a list of globs. Using ${shown(fallback)}.` };
    const globs = raw.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
    const problem =
      globs.length < raw.length
        ? `okr.exclude has entries that are not globs (${shown(raw.filter((g) => !globs.includes(g as string)))}); they are left out.`
        : undefined;
    return { value: globs, problem };
  }),
  lintEnabled: spec('okr.lint.enabled', 'resource', true, boolean('okr.lint.enabled')),
  lintRules: spec<RuleSettings | undefined>('okr.lint.rules', 'resource', undefined, (raw) =>
    typeof raw === 'object' && !Array.isArray(raw)
      ? ok(raw as RuleSettings)
      : { value: undefined, problem: `okr.lint.rules is ${shown(raw)}: an object of rule settings. It is ignored.` },
  ),
  lintToday: spec<string | undefined>('okr.lint.today', 'window', undefined, (raw) => {
    if (typeof raw === 'string' && raw.trim() === '') return ok(undefined);
    if (typeof raw === 'string' && isValidDate(raw.trim())) return ok(raw.trim());
    return { value: undefined, problem: `okr.lint.today is ${shown(raw)}: a date as YYYY-MM-DD, or empty for today. Using today.` };
  }),
  lintDelay: spec('okr.lint.delay', 'window', DEFAULT_LINT_DELAY_MS, number('okr.lint.delay', 0, 5000, false)),
  gitTrailer: spec('okr.git.trailer', 'resource', DEFAULT_TRAILER_KEY, (raw, fallback) => {
    const read = nonEmptyString('okr.git.trailer', 'a git trailer key')(raw, fallback);
    const problem = read.problem ? undefined : trailerKeyProblem(read.value);
    if (problem === undefined) return read;
    return { value: fallback, problem: `okr.git.trailer is ${shown(read.value)}: ${problem}. Using ${fallback}.` };
  }),
  gitBranchTemplate: spec(
    'okr.git.branchTemplate',
    'resource',
    DEFAULT_BRANCH_TEMPLATE,
    nonEmptyString('okr.git.branchTemplate', 'a branch name template'),
  ),
  gitAutoTag: spec('okr.git.autoTag', 'resource', true, boolean('okr.git.autoTag')),
  gitStaleDays: spec('okr.git.staleDays', 'resource', DEFAULT_STALE_DAYS, number('okr.git.staleDays', 1, Number.MAX_SAFE_INTEGER, true)),
  codeLens: spec('okr.codeLens', 'resource', true, boolean('okr.codeLens')),
  checkInReminders: spec<RemindersMode>('okr.checkIn.reminders', 'window', 'notify', (raw, fallback) =>
    typeof raw === 'string' && (REMINDERS_MODES as readonly string[]).includes(raw)
      ? ok(raw as RemindersMode)
      : { value: fallback, problem: `okr.checkIn.reminders is ${shown(raw)}: one of ${REMINDERS_MODES.join(', ')}. Using ${fallback}.` },
  ),
} as const;

export type SettingName = keyof typeof SETTINGS;
type ValueOf<N extends SettingName> = (typeof SETTINGS)[N] extends SettingSpec<infer T> ? T : never;

/** The typed values of every setting for one scope. */
export type OkrSettings = { readonly [N in SettingName]: ValueOf<N> };

/** Reads every setting with `get(key)` (the raw value, undefined when unset); problems in table order. */
export function readSettings(get: (key: string, scope: SettingScope) => unknown): { settings: OkrSettings; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, s] of Object.entries(SETTINGS) as [SettingName, SettingSpec<unknown>][]) {
    const read = s.read(get(s.key, s.scope));
    settings[name] = read.value;
    if (read.problem) problems.push(read.problem);
  }
  return { settings: settings as OkrSettings, problems };
}
