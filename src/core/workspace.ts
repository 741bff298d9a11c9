// The OKR files of a workspace or a CLI run, linted together: ids must be unique
// across all of them, and each file's `aligns_with` parent is loaded for the rules
// that check alignment.
//
// This is the pure layer (`parseSources`, `alignedTargets`, `lintParsedSources`,
// `lintSources`): texts in, results out, so the extension can feed it the live text
// of open editors. The file-system layer, which finds and reads files, is
// fs/okr-files.ts. Neither reads the clock: `today` is always passed in.

import { AlignmentIndex } from './alignment';
import { DependencyGraph } from './dependencies';
import { DefinitionIndex } from './definitions';
import { collectDefinitions, docsPath, lintParsedBeforeHistory, type LintResult } from './lint';
import type { IdDefinition, OkrFile, RuleSettings, Severity } from './model';
import { alignedPathOf, type AlignedText, type OkrSource, type ParsedSource, type ParseSourcesOptions, parseSources } from './okr-sources';
import { type FileHistory, pastPeriodsOf, teamKey } from './history';
import { reparseOkr } from './incremental';
import { MAX_FILE_BYTES, oversizeMessage, parseOkr } from './parse';
import { LineIndex } from './positions';

export { oversizeMessage };
// Which files are OKR files, and their parse, are a module of their own (what reads only ids needs no rule).
export {
  alignedPathOf,
  alignedTargets,
  type AlignedText,
  isOkrFileName,
  OKR_FILE_GLOBS,
  OKR_FILES_GLOB,
  type OkrSource,
  type ParsedSource,
  type ParseSourcesOptions,
  parseSources,
  SKIPPED_FOLDERS,
} from './okr-sources';

// ---------------------------------------------------------------------------
// Pure layer: texts in, results out

export interface SourcesLintOptions extends ParseSourcesOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Settings from outside the files (editor setting, CLI defaults); each file's `lint:` block wins over them. */
  settings?: RuleSettings;
  /**
   * Rule on/off and severities that win even over the files' own `lint:` blocks
   * (the CLI's `--rule`); a rule's options in the file are kept.
   */
  overrides?: Readonly<Record<string, 'off' | Severity>>;
  /**
   * Texts of `aligns_with` targets that are not among the sources, by absolute
   * path; `null` when the target does not exist or cannot be read. A target that
   * is neither here nor among the sources counts as "not looked up", and the
   * alignment rules stay silent about it.
   */
  aligned?: ReadonlyMap<string, AlignedText>;
  /**
   * Settings per file, for editors whose settings differ by folder; wins over
   * `settings`. Each file's own `lint:` block still wins over both.
   */
  settingsFor?: (sourcePath: string) => RuleSettings | undefined;
  /**
   * Lint only these sources (by path); the others still count for duplicate ids and
   * alignment. The editor uses it to re-lint one edited file of a large workspace.
   */
  only?: ReadonlySet<string>;
  /**
   * The committed versions of a source (from git), for the rules that read history;
   * undefined for a file whose history was not read (then those rules stay silent).
   */
  historyFor?: (sourcePath: string) => FileHistory | undefined;
}

export interface SourceLint {
  /** Absolute path, as in the source. */
  path: string;
  result: LintResult;
  /** The ids this file defines. */
  definitions: IdDefinition[];
}

export interface WorkspaceLint {
  /** In the order of the sources. */
  files: SourceLint[];
}

/**
 * Parses a new version of a source, reusing the parse of the previous version where
 * the edit allows (see incremental.ts): what an editor does on every keystroke.
 */
export function reparseSource(previous: ParsedSource, source: OkrSource): ParsedSource {
  if (
    source.oversizeBytes !== undefined ||
    previous.source.oversizeBytes !== undefined ||
    source.invalidUtf8 !== undefined ||
    previous.source.invalidUtf8 !== undefined ||
    previous.source.path !== source.path
  ) {
    return parseSources([source])[0];
  }
  const { file, findings } = reparseOkr({ file: previous.file, findings: previous.findings }, source.text, source.path);
  return { source, file, findings };
}

/** A file's `lint:` block with the overrides laid on top, keeping the file's options of overridden rules. */
function withOverrides(lint: RuleSettings, overrides: Readonly<Record<string, 'off' | Severity>>): RuleSettings {
  const out: RuleSettings = {};
  for (const [key, value] of Object.entries(lint)) if (!(key in overrides)) out[key] = value;
  // Added last so that a `default: off` in the file cannot switch them off again.
  for (const [key, value] of Object.entries(overrides)) {
    const own = lint[key];
    out[key] = value !== 'off' && own && typeof own === 'object' && !Array.isArray(own) ? { ...own, severity: value } : value;
  }
  return out;
}

/**
 * Lints parsed sources together: each file sees the ids of all the others (for
 * duplicate-id) and its `aligns_with` parent, taken from the sources when it is
 * one of them, else from `options.aligned`.
 */
export function lintParsedSources(parsed: readonly ParsedSource[], options: SourcesLintOptions): WorkspaceLint {
  const starts = lintBeforeHistory(parsed, options);
  return { files: starts.map((start) => start()(options.historyFor)) };
}

/** Files linted between two yields to the event loop while the history is read (see below). */
export const FILES_BETWEEN_YIELDS = 20;

/**
 * As `lintParsedSources`, with the history still being read: the rules that do not
 * read it run at once (while git runs, for the CLI), the others once `historyFor`
 * resolves. The same findings as `lintParsedSources` given the resolved `historyFor`.
 * The event loop runs every FILES_BETWEEN_YIELDS files: git's first call ends while
 * the rules run, and the next must be started then, not after them.
 */
export async function lintParsedSourcesAwaitingHistory(
  parsed: readonly ParsedSource[],
  options: Omit<SourcesLintOptions, 'historyFor'>,
  historyFor: Promise<SourcesLintOptions['historyFor']>,
): Promise<WorkspaceLint> {
  const pending: PendingLint[] = [];
  for (const start of lintBeforeHistory(parsed, options)) {
    pending.push(start());
    if (pending.length % FILES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const history = await historyFor;
  return { files: pending.map((finish) => finish(history)) };
}

type PendingLint = (historyFor: SourcesLintOptions['historyFor']) => SourceLint;

/**
 * Per source to lint, in order: a call that runs the rules that do not read history and
 * returns what runs the rest when the history is given.
 */
function lintBeforeHistory(parsed: readonly ParsedSource[], options: Omit<SourcesLintOptions, 'historyFor'>): (() => PendingLint)[] {
  const display = options.displayPath ?? ((p: string) => p);
  const definitions = parsed.map((p) => collectDefinitions(p.file));
  // Built once for the run: each file looks its ids up here (linear), instead of getting a list of every other file's.
  const index = new DefinitionIndex(definitions);
  const bySourcePath = new Map(parsed.map((p) => [p.source.path, p]));
  // Earlier periods of a team, for sandbagging across periods: the run's other files.
  const teamFiles = new Map<string, { source: string; file: OkrFile }[]>();
  for (const p of parsed) {
    const key = p.source.oversizeBytes === undefined ? teamKey(p.file) : undefined;
    if (key === undefined) continue;
    let list = teamFiles.get(key);
    if (!list) teamFiles.set(key, (list = []));
    list.push({ source: display(p.source.path), file: p.file });
  }
  interface Aligned {
    file: OkrFile | null;
    problem?: string;
  }
  const alignedFiles = new Map<string, Aligned>();
  const alignedFile = (target: string): Aligned | undefined => {
    const own = bySourcePath.get(target);
    if (own)
      return own.source.oversizeBytes !== undefined
        ? { file: null, problem: oversizeMessage(own.source.oversizeBytes) }
        : { file: own.file };
    const known = alignedFiles.get(target);
    if (known) return known;
    const text = options.aligned?.get(target);
    if (text === undefined) return undefined;
    const aligned: Aligned =
      text === null
        ? { file: null }
        : typeof text === 'object'
          ? { file: null, problem: text.unreadable }
          : text.length > MAX_FILE_BYTES
            ? { file: null, problem: oversizeMessage(Buffer.byteLength(text, 'utf8')) }
            : { file: parseOkr(text, display(target)).file };
    alignedFiles.set(target, aligned);
    return aligned;
  };

  // Built once for the run: every file's `depends_on` resolves against all of them.
  const dependencies = new DependencyGraph(
    parsed.filter((p) => p.source.oversizeBytes === undefined).map((p) => p.file),
    options.today,
  );
  const alignment = new AlignmentIndex(
    parsed.filter((p) => p.source.oversizeBytes === undefined).map((p) => ({ path: p.source.path, file: p.file })),
  );
  const starts: (() => PendingLint)[] = [];
  parsed.forEach((p, at) => {
    if (options.only && !options.only.has(p.source.path)) return;
    starts.push(() => lintOne(p, at));
  });
  return starts;

  function lintOne(p: ParsedSource, at: number): PendingLint {
    const own = definitions[at];
    if (p.source.oversizeBytes !== undefined) {
      // Not linted: there is nothing to lint, and a rule must not report on an empty stand-in.
      const findings = p.findings.map((f) => ({ ...f, docsPath: docsPath(f.ruleId) }));
      return () => ({ path: p.source.path, result: { file: p.file, findings, lines: new LineIndex('') }, definitions: own });
    }
    const target = alignedPathOf(p.source.path, p.file);
    const aligned = target === undefined ? undefined : alignedFile(target);
    const file =
      options.overrides && Object.keys(options.overrides).length
        ? { ...p.file, lint: withOverrides(p.file.lint, options.overrides) }
        : p.file;
    const run = lintParsedBeforeHistory(file, p.findings, {
      today: options.today,
      settings: options.settingsFor?.(p.source.path) ?? options.settings,
      definitions: index,
      alignedFile: aligned?.file,
      alignedPath: target === undefined ? undefined : display(target),
      dependencies,
      alignment,
      ...(aligned?.problem !== undefined ? { alignedProblem: aligned.problem } : {}),
    });
    return (historyFor) => {
      const history = historyFor?.(p.source.path);
      const result = run.finish({
        history,
        pastPeriods: pastPeriodsOf(p.file, teamFiles.get(teamKey(p.file) ?? '') ?? [], history, options.today),
      });
      return { path: p.source.path, result: { ...result, file: p.file }, definitions: own };
    };
  }
}

/** Parses and lints texts together; see `lintParsedSources`. */
export function lintSources(sources: readonly OkrSource[], options: SourcesLintOptions): WorkspaceLint {
  return lintParsedSources(parseSources(sources, options), options);
}
