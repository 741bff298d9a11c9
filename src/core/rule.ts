// What a lint rule is. Each rule lives in its own module under rules/, is listed
// once in rules/index.ts, and has a page docs/rules/<id>.md. A rule is pure: it
// reads the parsed file and the context, and returns findings with spans.

import type { AlignmentIndex } from './alignment';
import type { DependencyGraph } from './dependencies';
import type { FileHistory, PastPeriod } from './history';
import type { Finding, IdDefinition, OkrFile, Severity, Span, Fix, RelatedLocation } from './model';
import type { OptionsSchema } from './rule-options';

/** What a rule's check may report; the engine fills in rule id, severity and docs link. */
export interface RuleReport {
  message: string;
  span: Span;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** Everything a rule may know besides the file itself. */
export interface LintContext {
  /** "Today" as YYYY-MM-DD: rules never read the clock themselves. */
  today: string;
  /**
   * Ids defined in the other OKR files of the workspace (or of the CLI run),
   * for duplicate-id. Definitions in the file being linted are not included.
   */
  otherDefinitions: readonly IdDefinition[];
  /**
   * The first definition of `id` in another file of the workspace (or run), from an
   * index built once per run: what duplicate-id asks, in constant time. Prefer it to
   * scanning `otherDefinitions`, which is built for the file on first use.
   */
  firstDefinitionElsewhere(id: string): IdDefinition | undefined;
  /**
   * The file named by `aligns_with`, already parsed by the caller, or `null` when
   * it does not exist or cannot be read; `undefined` when the caller did not look
   * (then rules that need it stay silent).
   */
  alignedFile?: OkrFile | null;
  /** The path `aligns_with` resolved to, for messages. */
  alignedPath?: string;
  /**
   * The `depends_on` links of every OKR file of the run, built once for all files;
   * undefined when the caller lints one file alone (the dependency rules then see
   * this file and `otherDefinitions` only).
   */
  dependencies?: DependencyGraph;
  /**
   * Which objectives of the run name which as `parent:`, built once for all files;
   * undefined when a file is linted alone (rules that need it stay silent).
   */
  alignment?: AlignmentIndex;
  /** Why the `aligns_with` file was not read, when it exists but is not read (`alignedFile` is then null). */
  alignedProblem?: string;
  /**
   * The file's committed versions (okr lint --history, the editor once git is read);
   * undefined when history was not read: then the rules that need it stay silent.
   */
  history?: FileHistory;
  /** The same team's earlier closed periods, newest first (workspace files and history). */
  pastPeriods?: readonly PastPeriod[];
}

export interface RuleCheckInput<O> {
  file: OkrFile;
  options: O;
  context: LintContext;
}

export interface Rule<O extends object = Record<string, unknown>> {
  /** Kebab-case id, used in config, suppression comments, docs and diagnostics. */
  id: string;
  /** One line, shown in the README's rule table and `okr lint --help`. */
  description: string;
  defaultSeverity: Severity;
  /** Options with their defaults; a file's `lint:` block may override each. */
  defaultOptions: O;
  /** What each option takes (as ESLint's `meta.schema`); required when the rule has options. */
  optionsSchema?: OptionsSchema<O>;
  /** True when the rule can offer fixes (checked by a meta-test against what it reports). */
  fixable?: boolean;
  /**
   * True when the rule reads `context.history` or `context.pastPeriods`: the CLI runs it
   * once git's history is read, and the other rules while git runs.
   */
  readsHistory?: boolean;
  check(input: RuleCheckInput<O>): RuleReport[];
}

/** The options of a rule that takes none. */
export type NoOptions = Record<string, never>;

// A registry holds rules of every options type; each rule's options are checked against its
// defaults at run time (config.ts), which is what `any` stands for here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export type { Finding };
