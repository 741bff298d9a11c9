// The lint engine: parse, run every enabled rule, apply severities from settings,
// drop suppressed findings, attach docs paths. Pure: no file system, no clock.

import { resolveRules } from './config';
import { DefinitionIndex } from './definitions';
import type { Finding, IdDefinition, OkrFile, RuleSettings } from './model';
import { parseOkr } from './parse';
import { LineIndex } from './positions';
import type { LintContext } from './rule';
import { rules, ruleById } from './rules';
import { findSuppressions } from './suppress';
import { withTokenCache } from './phrasing';

/** What the caller read besides the file, handed to the rules as it is (documented on `LintContext`). */
type ContextFromCaller = Pick<
  LintContext,
  'alignedFile' | 'alignedPath' | 'dependencies' | 'alignment' | 'alignedProblem' | 'history' | 'pastPeriods'
>;

export interface LintOptions extends ContextFromCaller {
  /** YYYY-MM-DD. */
  today: string;
  /** Settings from outside the file (`okr.lint.rules`); the file's `lint:` block wins. */
  settings?: RuleSettings;
  otherDefinitions?: readonly IdDefinition[];
  /** The ids of the other files as an index built once per run (see definitions.ts); wins over `otherDefinitions`. */
  definitions?: DefinitionIndex;
}

export interface LintResult {
  file: OkrFile;
  /** Sorted by position. */
  findings: Finding[];
  lines: LineIndex;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** Lints already-parsed text; see `lintText` for the usual entry point. */
export function lintParsed(file: OkrFile, parseFindings: Finding[], options: LintOptions): LintResult {
  const run = startLint(file, parseFindings, options);
  run.runRules('all', options);
  return run.finish();
}

/**
 * Lints already-parsed text in two passes: the rules that do not read history now,
 * then, once git's history is read, those that do (`finish`). The CLI lints a
 * workspace while its git log runs. The findings are those of `lintParsed` with the
 * same options: both passes sort the same list.
 */
export function lintParsedBeforeHistory(
  file: OkrFile,
  parseFindings: Finding[],
  options: Omit<LintOptions, 'history' | 'pastPeriods'>,
): { finish(history: Pick<LintOptions, 'history' | 'pastPeriods'>): LintResult } {
  const run = startLint(file, parseFindings, options);
  run.runRules('without-history', options);
  return {
    finish(history) {
      run.runRules('history', { ...options, ...history });
      return run.finish();
    },
  };
}

/** Which of the enabled rules a pass runs: all, those that read history (`Rule.readsHistory`), or the others. */
type RulePass = 'all' | 'history' | 'without-history';

function startLint(file: OkrFile, parseFindings: Finding[], base: LintOptions) {
  const lines = new LineIndex(file.text);
  const { resolved, problems, byId } = resolvedRules(base.settings, file.lint);
  const raw: Finding[] = [...parseFindings];
  // Problems in the file's own lint block point at it; those of editor settings are the adapter's to show.
  const lintSpan = file.spans.keys.lint ?? { start: 0, end: 0 };
  for (const p of problems[1]) raw.push({ ruleId: 'schema', severity: 'error', message: p.message, span: lintSpan });

  const index = base.definitions ?? new DefinitionIndex([base.otherDefinitions ?? []]);
  const given = base.definitions ? undefined : (base.otherDefinitions ?? []);
  let outside: readonly IdDefinition[] | undefined;
  const otherDefinitions = () => (outside ??= given ?? index.outside(file.path));

  function runRules(pass: RulePass, options: LintOptions): void {
    const context: LintContext = {
      today: options.today,
      // Built on first use only: a list of every other file's ids, per file, is what made linting n files quadratic.
      get otherDefinitions() {
        return otherDefinitions();
      },
      firstDefinitionElsewhere: (id) => index.firstOutside(id, file.path),
      alignedFile: options.alignedFile,
      alignedPath: options.alignedPath,
      dependencies: options.dependencies,
      alignment: options.alignment,
      history: options.history,
      pastPeriods: options.pastPeriods,
      ...(options.alignedProblem !== undefined ? { alignedProblem: options.alignedProblem } : {}),
    };
    // The phrasing rules share the tokens of the file's titles.
    withTokenCache(() => {
      for (const r of resolved) {
        if (!r.enabled) continue;
        if (pass !== 'all' && (r.rule.readsHistory === true) !== (pass === 'history')) continue;
        let reports;
        try {
          reports = r.rule.check({ file, options: r.options, context });
        } catch (err) {
          // A rule bug must not hide the other rules' findings, nor crash the editor.
          reports = [{ message: `Rule ${r.rule.id} failed on this file: ${(err as Error).message}`, span: { start: 0, end: 0 } }];
        }
        for (const rep of reports) raw.push({ ruleId: r.rule.id, severity: r.severity, ...rep });
      }
    });
  }

  function finish(): LintResult {
    const suppressions = findSuppressions(file.text, lines);
    const findings: Finding[] = [];
    for (const f of raw) {
      const r = byId.get(f.ruleId);
      if (r && !r.enabled) continue;
      if (suppressions.isSuppressed(f.ruleId, f.span.start)) continue;
      findings.push({ ...f, severity: r ? r.severity : f.severity, docsPath: docsPath(f.ruleId) });
    }
    // The order is the same whichever pass a rule ran in: ties of place are broken by rule id, and one rule's findings keep their order.
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return { file, findings: withoutRepeats(findings), lines };
  }

  return { runRules, finish };
}

const NO_SETTINGS: RuleSettings = {};
/** Per settings object (read-only), the rules resolved for a file without a `lint:` block of its own. */
const resolvedWithoutLintBlock = new WeakMap<RuleSettings, ResolvedRules>();

type ResolvedRules = ReturnType<typeof resolveRules> & { byId: ReadonlyMap<string, ReturnType<typeof resolveRules>['resolved'][number]> };

function resolvedWithIndex(layers: RuleSettings[]): ResolvedRules {
  const r = resolveRules(rules, layers);
  return { ...r, byId: new Map(r.resolved.map((x) => [x.rule.id, x])) };
}

/**
 * The rules, severities and options for a file. Most files of a run have no `lint:` block,
 * so theirs depend on the settings alone: resolved once per settings object, not per file.
 */
function resolvedRules(settings: RuleSettings | undefined, lint: RuleSettings): ResolvedRules {
  const base = settings ?? NO_SETTINGS;
  const own = lint as unknown;
  if (typeof own !== 'object' || own === null || Array.isArray(own) || Object.keys(own).length > 0) return resolvedWithIndex([base, lint]);
  let known = resolvedWithoutLintBlock.get(base);
  // Still the registry it was resolved for (tests register probe rules for a while).
  if (known?.resolved.length !== rules.length || known.resolved.some((r, i) => r.rule !== rules[i])) {
    resolvedWithoutLintBlock.set(base, (known = resolvedWithIndex([base, lint])));
  }
  return known;
}

/** Drops a finding that repeats the one before it word for word at the same place (sorted input). */
function withoutRepeats(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => {
    const p = sorted[i - 1];
    return p?.ruleId !== f.ruleId || p.span.start !== f.span.start || p.span.end !== f.span.end || p.message !== f.message;
  });
}

/** Parses and lints one file's text. Never throws. */
export function lintText(text: string, path: string, options: LintOptions): LintResult {
  const { file, findings } = parseOkr(text, path);
  return lintParsed(file, findings, options);
}

// Moved beside the definitions' index: what reads only ids (`okr links`) then loads no rule.
export { collectDefinitions } from './definitions';

export { ruleById };
