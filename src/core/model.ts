// The OKR model: what a `.okr.yaml` file means once parsed. Every node keeps the
// source offsets of itself and of each field, so findings and editor features can
// point at the exact text. Offsets are UTF-16 indices into the file's text, the
// same unit as JavaScript strings and VS Code's `document.positionAt`.

/** A half-open span of the source text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type ObjectiveKind = 'aspirational' | 'committed';
/** The statuses of objectives and key results, in the order messages list them. */
export const ITEM_STATUSES = ['active', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** The statuses of initiatives. */
export const INITIATIVE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
/** Where an objective's progress comes from: its own key results, the team objectives aligned to it, or both. */
export type ProgressSource = 'key_results' | 'aligned' | 'both';

/** One entry of `depends_on:`: the id as written and where. */
export interface DependencyRef {
  id: string;
  span: Span;
}

/** A calendar date as `YYYY-MM-DD`; compared as strings, which sort correctly. */
export type IsoDate = string;

export interface Period {
  /** The text as written (`2026-Q4`), or undefined for the `{start, end}` form. */
  label?: string;
  start: IsoDate;
  end: IsoDate;
}

/** Source spans of a node: the whole node, its key (for list items, the `- ` entry's id), and each field. */
export interface NodeSpans {
  /** The whole mapping. */
  node: Span;
  /** Each field's key and value, by field name as written in the file. */
  keys: Record<string, Span>;
  values: Record<string, Span>;
}

export interface CheckIn {
  date?: IsoDate;
  value?: number;
  confidence?: number;
  note?: string;
  spans: NodeSpans;
}

/** Where a key result's metric comes from: a file the repository's CI writes. */
export interface MetricSource {
  /** Path relative to the OKR file, inside the repository. */
  file?: string;
  /** RFC 6901 JSON pointer into the file (`/total/lines/pct`); without it the file holds one number. */
  pointer?: string;
  /**
   * Why the metric cannot be read as written (an absolute `file`, a `pointer` that is no
   * JSON pointer), in words for a message; lint reports it at its place.
   */
  problem?: string;
  /** Spans of `source:` itself (node) and of its `file`/`pointer` fields. */
  spans: NodeSpans;
}

export interface KeyResult {
  id?: string;
  title?: string;
  description?: string;
  owner?: string;
  start?: number;
  target?: number;
  /** As written; the latest check-in wins over it (see `effectiveCurrent` in progress.ts). */
  current?: number;
  unit?: string;
  confidence?: number;
  status: ItemStatus;
  reason?: string;
  /** `depends_on:` ids of other key results or objectives, any file of the workspace. */
  dependsOn: DependencyRef[];
  checkIns: CheckIn[];
  /** The grade recorded by `okr close` (0.0-1.0); see grade.ts for the grade used. */
  score?: number;
  /** `PLAT-KR1@2026-Q4`: the key result of an earlier period this one continues. */
  carriedFrom?: string;
  /** `source: { file, pointer }`, when the key result names where its metric comes from. */
  source?: MetricSource;
  spans: NodeSpans;
}

export interface Initiative {
  id?: string;
  title?: string;
  owner?: string;
  status: InitiativeStatus;
  reason?: string;
  spans: NodeSpans;
}

export interface Objective {
  id?: string;
  title?: string;
  description?: string;
  owner?: string;
  kind: ObjectiveKind;
  status: ItemStatus;
  reason?: string;
  parent?: string;
  due?: IsoDate;
  /** `depends_on:` ids of other key results or objectives, any file of the workspace. */
  dependsOn: DependencyRef[];
  /** `progress_from:`; undefined means key_results. */
  progressFrom?: ProgressSource;
  keyResults: KeyResult[];
  initiatives: Initiative[];
  spans: NodeSpans;
  /** Span of the `key_results:` sequence (or undefined when absent), for edits that append to it. */
  keyResultsSpan?: Span;
  initiativesSpan?: Span;
}

/** The file's `lint:` block, as written: rule id (or alias) -> off | severity | {severity, ...options}. */
export type RuleSettings = Record<string, unknown>;

/** The team's reflection on a closed period: each part one or more lines of text. */
export interface Retro {
  wentWell: string[];
  wentBadly: string[];
  tryNext: string[];
  spans: NodeSpans;
}

export interface OkrFile {
  /** Path as given by the caller (absolute in the extension, as typed in the CLI). */
  path: string;
  text: string;
  version?: number;
  team?: string;
  period?: Period;
  alignsWith?: string;
  /** `check_in_every:` in days (`weekly` is 7, `fortnightly` 14, `monthly` 30), when the file sets it. */
  checkInEvery?: number;
  lint: RuleSettings;
  objectives: Objective[];
  /** The day `okr close` graded the period: from then on the file is a record, not a plan. */
  closed?: IsoDate;
  retro?: Retro;
  spans: NodeSpans;
}

export type Severity = 'error' | 'warning' | 'info';

/** A text replacement between offsets of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a user reads it in a quick-fix menu ("Add `reason:`"). */
  title: string;
  edits: TextEdit[];
  /**
   * When the fix leaves a value for the user to write (`reason:` with nothing after
   * it): where that value goes, as an offset into the first edit's `newText`. The
   * editor then inserts the edit as a snippet with the cursor there.
   */
  valueAt?: number;
}

export interface RelatedLocation {
  path: string;
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Fixes that are certain; the first is the one "fix all" applies. */
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** The rule's page relative to the package root (`docs/rules/<id>.md`); filled in by the engine. */
  docsPath?: string;
}

/** An id defined in some OKR file: used for duplicate-id, parents and completion. */
export interface IdDefinition {
  id: string;
  kind: 'objective' | 'key-result' | 'initiative';
  path: string;
  span: Span;
  title?: string;
  /** Dropped, or under a dropped objective: still resolves (old commits name it), never suggested. */
  dropped?: boolean;
}
