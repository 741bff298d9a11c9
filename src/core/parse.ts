// The parser: YAML text -> OKR model with source spans, plus the `syntax` and
// `schema` findings. It never throws, whatever the input: every problem becomes a
// finding with a span, so the editor and the CLI can point at it.
//
// Hostile input is bounded before and during the walk: files over 2 MiB are
// refused, bracket nesting is measured before yaml recurses into it, and aliases
// are expanded against a budget ("billion laughs").

import type * as Yaml from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type {
  CheckIn,
  DependencyRef,
  Finding,
  Initiative,
  InitiativeStatus,
  ItemStatus,
  KeyResult,
  NodeSpans,
  Objective,
  ObjectiveKind,
  OkrFile,
  Period,
  ProgressSource,
  Retro,
  Span,
} from './model';
import { INITIATIVE_STATUSES, ITEM_STATUSES } from './model';
import { isValidDate, quarterPeriod } from './dates';

import { closestMatch } from './edit-distance';
import { shownValue } from './escape';
import { pushAll } from './arrays';

// yaml (about 250 KB of code) is required at the first parse, not when a bundle loads: `okr links`
// starts its `git log` before it parses a file, and its bundle keeps yaml in a file of its own
// (dist/okr-yaml.js, see esbuild.js), so compiling yaml overlaps the log instead of delaying it.
let yaml: typeof Yaml | undefined;
function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yaml ??= require('yaml') as typeof Yaml);
}

/** Files over this size are refused with one finding instead of parsed. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Alias expansions allowed in one file: enough for real reuse, far too few for "billion laughs". */
export const MAX_ALIAS_EXPANSIONS = 1000;
/** Characters of anchored text that aliases may repeat in total (an alias of a big list costs its size). */
export const MAX_ALIAS_EXPANDED_CHARS = 1024 * 1024;
/** Flow brackets (`[`, `{`) nested deeper than this are refused before yaml recurses into them. */
export const MAX_FLOW_DEPTH = 256;
/** YAML errors reported per file; after the first few, the rest are nearly always consequences. */
export const MAX_SYNTAX_FINDINGS = 50;

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/;

export const FILE_KEYS = ['version', 'team', 'period', 'aligns_with', 'check_in_every', 'lint', 'objectives', 'closed', 'retro'];
export const OBJECTIVE_KEYS = [
  'id',
  'title',
  'description',
  'owner',
  'kind',
  'status',
  'reason',
  'parent',
  'due',
  'depends_on',
  'progress_from',
  'key_results',
  'initiatives',
];
export const KEY_RESULT_KEYS = [
  'id',
  'title',
  'description',
  'owner',
  'start',
  'target',
  'current',
  'unit',
  'confidence',
  'status',
  'reason',
  'depends_on',
  'check_ins',
  'score',
  'carried_from',
  'source',
];
export const CHECK_IN_KEYS = ['date', 'value', 'confidence', 'note'];
export const INITIATIVE_KEYS = ['id', 'title', 'owner', 'status', 'reason'];
const PERIOD_KEYS = ['start', 'end'];
export const RETRO_KEYS = ['went_well', 'went_badly', 'try_next'];
export const SOURCE_KEYS = ['file', 'pointer'];
/** The words `check_in_every:` accepts besides a number of days. */
export const CADENCE_WORDS: Readonly<Record<string, number>> = { weekly: 7, fortnightly: 14, monthly: 30 };

export interface ParseResult {
  file: OkrFile;
  /** `syntax` and `schema` findings; the rule engine applies severities and suppressions. */
  findings: Finding[];
}

const EMPTY_SPAN: Span = { start: 0, end: 0 };

function emptySpans(span: Span = EMPTY_SPAN): NodeSpans {
  return { node: span, keys: {}, values: {} };
}

function nodeSpan(node: Node | null | undefined, fallback: Span): Span {
  const r = node?.range;
  if (!r) return fallback;
  // range is [start, valueEnd, nodeEnd]; the value end excludes trailing comments.
  return { start: r[0], end: Math.max(r[0], r[1]) };
}

/**
 * Where flow brackets first nest deeper than `limit`, or -1. yaml composes flow
 * collections recursively: a file of a million `[` would take seconds to fail.
 * Brackets count only where YAML could open a collection (after `:`, `-`, `,`,
 * `?`, another bracket or at a line start), so `title: a[[[b` is not counted.
 */
export function flowDepthExceeded(text: string, limit = MAX_FLOW_DEPTH): number {
  let depth = 0;
  let prev = '\n';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if (c === '\n' || c === '\r') {
      prev = '\n';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    const opens = '\n:-,?[{'.includes(prev);
    if ((c === '[' || c === '{') && opens) {
      depth++;
      if (depth > limit) return i;
      prev = c;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      prev = c;
    } else if ((c === '"' || c === "'") && opens) {
      quote = c;
    } else {
      // Any other character is text (or an indicator): brackets right after text are text too.
      prev = ':,-?'.includes(c) ? c : 'a';
    }
  }
  return -1;
}

interface Field {
  value: Node | null;
  keySpan: Span;
}

class Parser {
  private readonly yaml = yamlLib();
  readonly findings: Finding[] = [];
  private aliasCount = 0;
  private aliasChars = 0;
  private aliasReported = false;
  private anchors: Map<string, { start: number; node: Node }[]> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
  ) {}

  schema(span: Span, message: string, fixes?: Finding['fixes']): void {
    this.findings.push({ ruleId: 'schema', severity: 'error', message, span, ...(fixes ? { fixes } : {}) });
  }

  /** The text a node was written as (for messages and non-string scalars). */
  source(node: Node): string {
    const r = node.range;
    return r ? this.text.slice(r[0], r[1]) : '';
  }

  /** A wrong value as a message names it: the scalar as written, quoted and escaped, or its kind. */
  written(v: Node): string {
    if (this.yaml.isScalar(v)) return `"${shownValue(this.source(v) || String(v.value))}"`;
    return this.yaml.isMap(v) ? 'a mapping' : this.yaml.isSeq(v) ? 'a list' : 'this value';
  }

  /**
   * Every anchor in the document, found once with an explicit stack. yaml's own
   * `Alias.resolve` walks the whole document per alias, which a hostile file with
   * many aliases turns into quadratic time.
   */
  private anchorIndex(): Map<string, { start: number; node: Node }[]> {
    if (this.anchors) return this.anchors;
    const anchors = new Map<string, { start: number; node: Node }[]>();
    const stack: unknown[] = [this.doc.contents];
    while (stack.length) {
      const n = stack.pop();
      if (!n || typeof n !== 'object') continue;
      if (this.yaml.isPair(n)) {
        stack.push(n.value, n.key);
        continue;
      }
      if (this.yaml.isAlias(n)) continue;
      const node = n as Node;
      if (node.anchor && node.range) {
        const list = anchors.get(node.anchor) ?? [];
        list.push({ start: node.range[0], node });
        anchors.set(node.anchor, list);
      }
      if (this.yaml.isMap(node) || this.yaml.isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
    for (const list of anchors.values()) list.sort((a, b) => a.start - b.start);
    this.anchors = anchors;
    return anchors;
  }

  /** Follows an alias to its anchor, within the file's expansion budget. */
  deref(node: unknown): Node | null {
    if (!this.yaml.isAlias(node)) return (node as Node | null) ?? null;
    const at = node.range?.[0] ?? 0;
    // YAML: an alias names the latest anchor of that name defined before it.
    const candidates = this.anchorIndex().get(node.source) ?? [];
    let lo = 0;
    let hi = candidates.length; // first candidate starting at or after the alias
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    const target: Node | undefined = lo > 0 ? candidates[lo - 1].node : undefined;
    if (!target) {
      // yaml only notices this when converting to JS, which we never do.
      this.findings.push({
        ruleId: 'syntax',
        severity: 'error',
        message: `The alias \`*${shownValue(node.source)}\` names no anchor (\`&${shownValue(node.source)}\`) defined before it.`,
        span: nodeSpan(node, EMPTY_SPAN),
      });
      return null;
    }
    const cost = target.range ? target.range[2] - target.range[0] : 0;
    if (this.aliasCount >= MAX_ALIAS_EXPANSIONS || this.aliasChars + cost > MAX_ALIAS_EXPANDED_CHARS) {
      if (!this.aliasReported) {
        this.aliasReported = true;
        this.schema(
          nodeSpan(node, EMPTY_SPAN),
          `Too many alias expansions (over ${MAX_ALIAS_EXPANSIONS}, ` +
            `or over ${MAX_ALIAS_EXPANDED_CHARS / 1024 / 1024} MiB of repeated text); this alias and the rest are ignored.`,
        );
      }
      return null;
    }
    this.aliasCount++;
    this.aliasChars += cost;
    return target;
  }

  /** Walks a mapping's pairs, reporting unknown and duplicate keys, and records spans. */
  fields(
    map: YAMLMap,
    allowed: string[],
    where: string,
    spans: NodeSpans,
    misspelled?: Set<string>,
  ): Map<string, { pair: Pair; value: Node | null; keySpan: Span }> {
    const out = new Map<string, { pair: Pair; value: Node | null; keySpan: Span }>();
    for (const pair of map.items) {
      if (!this.yaml.isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keySpan = nodeSpan(keyNode, { start: spans.node.start, end: spans.node.start });
      if (this.yaml.isMap(pair.key) || this.yaml.isSeq(pair.key)) {
        this.schema(keySpan, `A key in ${where} must be a plain word, not a ${this.yaml.isMap(pair.key) ? 'mapping' : 'list'}.`);
        continue;
      }
      const keyValue = this.yaml.isScalar(keyNode) ? keyNode.value : keyNode;
      if (keyValue === null || keyValue === undefined || typeof keyValue === 'object') {
        this.schema(keySpan, `Unexpected key in ${where}: keys are plain words such as \`id\` or \`title\`.`);
        continue;
      }
      // A number or boolean key is read as written (`1.10`, not `1.1`).
      const key = typeof keyValue === 'string' ? keyValue : this.yaml.isScalar(keyNode) ? this.source(keyNode) : '';
      if (key === '<<') {
        this.schema(keySpan, `YAML merge keys (\`<<\`) are not supported in OKR files: write the fields of ${where} out.`);
        continue;
      }
      if (!allowed.includes(key)) {
        const suggestion = closestMatch(key, allowed);
        if (suggestion) misspelled?.add(suggestion);
        const taken =
          suggestion !== undefined && map.items.some((p) => this.yaml.isPair(p) && this.yaml.isScalar(p.key) && p.key.value === suggestion);
        const fixes =
          suggestion && !taken
            ? [
                {
                  title: `Rename \`${key}\` to \`${suggestion}\``,
                  edits: [{ start: keySpan.start, end: keySpan.end, newText: suggestion }],
                },
              ]
            : undefined;
        this.schema(
          keySpan,
          `Unknown key \`${shownValue(key)}\` in ${where}.` +
            (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Expected one of: ${allowed.join(', ')}.`),
          fixes,
        );
        continue;
      }
      if (out.has(key)) continue; // yaml itself reports DUPLICATE_KEY as a syntax error
      const value = this.deref(pair.value);
      out.set(key, { pair, value, keySpan });
      spans.keys[key] = keySpan;
      spans.values[key] = nodeSpan(value && !this.yaml.isAlias(pair.value) ? value : (pair.value as Node | null), keySpan);
    }
    return out;
  }

  str(field: Field | undefined, name: string, where: string): string | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    if (this.yaml.isScalar(v)) {
      if (typeof v.value === 'string') return v.value;
      // Numbers, booleans and explicit `!!timestamp`s read as the user wrote them: `title: 2026`, `due: !!timestamp 2026-12-01`.
      if (typeof v.value === 'number' || typeof v.value === 'boolean' || v.value instanceof Date) return this.source(v);
    }
    this.schema(
      nodeSpan(v, field.keySpan),
      `\`${name}\` in ${where} must be text, not ${this.yaml.isMap(v) ? 'a mapping' : this.yaml.isSeq(v) ? 'a list' : 'a value of another type'}.`,
    );
    return undefined;
  }

  num(field: Field | undefined, name: string, where: string): number | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    if (this.yaml.isScalar(v)) {
      if (typeof v.value === 'number' && Number.isFinite(v.value)) return v.value;
      if (typeof v.value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v.value)) return Number(v.value);
      if (typeof v.value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*%\s*$/.test(v.value)) {
        this.schema(
          nodeSpan(v, field.keySpan),
          `\`${name}\` in ${where} must be a number: ` +
            `write ${v.value.replace(/\s*%\s*$/, '').trim()} and put the percent sign in \`unit: "%"\`.`,
        );
        return undefined;
      }
    }
    const shown = this.written(v);
    this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be a number, not ${shown}.`);
    return undefined;
  }

  date(field: Field | undefined, name: string, where: string): string | undefined {
    const s = this.str(field, name, where);
    if (s === undefined) return undefined;
    if (!isValidDate(s.trim())) {
      this.schema(
        nodeSpan(field!.value, field!.keySpan),
        `\`${name}\` in ${where} must be a date written YYYY-MM-DD, not "${shownValue(s)}".`,
      );
      return undefined;
    }
    return s.trim();
  }

  confidence(field: Field | undefined, where: string): number | undefined {
    const n = this.num(field, 'confidence', where);
    if (n === undefined) return undefined;
    if (n < 0 || n > 1) {
      // `confidence: 70` is nearly always a percentage.
      const hint = Number.isInteger(n) && n >= 2 && n <= 100 ? `; for ${n}% write ${n / 100}` : '';
      this.schema(
        nodeSpan(field!.value, field!.keySpan),
        `\`confidence\` in ${where} must be between 0 and 1 (0.7 means 70% sure), not ${n}${hint}.`,
      );
      return undefined;
    }
    return n;
  }

  /** A grade recorded at close: 0.0 to 1.0, as Google grades key results. */
  score(field: Field | undefined, where: string): number | undefined {
    const n = this.num(field, 'score', where);
    if (n === undefined) return undefined;
    if (n < 0 || n > 1) {
      this.schema(nodeSpan(field!.value, field!.keySpan), `\`score\` in ${where} is a grade between 0.0 and 1.0, not ${n}.`);
      return undefined;
    }
    return n;
  }

  oneOf<T extends string>(field: Field | undefined, name: string, where: string, allowed: readonly T[], fallback: T): T {
    const s = this.str(field, name, where);
    if (s === undefined) return fallback;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    const suggestion = closestMatch(s, allowed);
    const span = nodeSpan(field!.value, field!.keySpan);
    this.schema(
      span,
      `\`${name}\` in ${where} must be one of ${allowed.join(', ')}, not "${shownValue(s)}".` +
        (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
      suggestion
        ? [{ title: `Change to \`${suggestion}\``, edits: [{ start: span.start, end: span.end, newText: suggestion }] }]
        : undefined,
    );
    return fallback;
  }

  /** Where to point when a mapping lacks a field: its first key, not the whole (maybe huge) mapping. */
  anchorOf(map: YAMLMap, spans: NodeSpans): Span {
    const first = map.items.find((p) => this.yaml.isPair(p) && (p.key as Node | null)?.range);
    if (first) return nodeSpan(first.key as Node, spans.node);
    const r = map.range;
    if (!r) return spans.node;
    const lineEnd = this.text.slice(r[0], r[1]).search(/[\r\n]/);
    return { start: r[0], end: lineEnd < 0 ? r[1] : r[0] + lineEnd };
  }

  id(field: Field | undefined, where: string, required: boolean, anchor: Span, misspelled?: Set<string>): string | undefined {
    const s = this.str(field, 'id', where);
    if (s === undefined) {
      // `idd: X` already has its "did you mean `id`": saying the id is missing too would be noise.
      if (required && !field && !misspelled?.has('id')) this.schema(anchor, `${capitalize(where)} has no \`id\`.`);
      else if (required && field && (field.value === null || this.yaml.isScalar(field.value)))
        this.schema(field.keySpan, `${capitalize(where)} has an empty \`id\`.`);
      return undefined;
    }
    if (!ID_PATTERN.test(s)) {
      this.schema(
        nodeSpan(field!.value, field!.keySpan),
        `The id "${shownValue(s)}" is not valid: start with a letter, then letters, digits, ".", "_" or "-".`,
      );
    }
    return s;
  }

  title(field: Field | undefined, where: string, anchor: Span, misspelled?: Set<string>): string | undefined {
    const s = this.str(field, 'title', where);
    if (s === undefined || s.trim() === '') {
      if (field?.value != null && !this.yaml.isScalar(field.value)) return undefined; // str() said why
      if (!field && misspelled?.has('title')) return undefined; // `titel:` has its own finding
      this.schema(field ? field.keySpan : anchor, `${capitalize(where)} has no \`title\`.`);
      return undefined;
    }
    return s;
  }

  /**
   * `depends_on:` as a list of ids (`[SEC-KR2, WEB-O1]`, or a block list); a single id
   * without brackets is read as a list of one, as people write it.
   */
  dependsOn(field: Field | undefined, where: string): DependencyRef[] {
    if (!field) return [];
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return [];
    const items: Node[] = this.yaml.isSeq(v) ? this.seq(field, 'depends_on', where) : [v];
    const out: DependencyRef[] = [];
    for (const item of items) {
      const span = nodeSpan(item, field.keySpan);
      if (!this.yaml.isScalar(item) || item.value === null || typeof item.value === 'object') {
        this.schema(
          span,
          `Each entry of \`depends_on\` in ${where} must be the id of a key result or objective, not ` +
            `${this.yaml.isMap(item) ? 'a mapping' : this.yaml.isSeq(item) ? 'a list' : 'an empty value'}.`,
        );
        continue;
      }
      const id = (typeof item.value === 'string' ? item.value : this.source(item)).trim();
      if (!ID_PATTERN.test(id)) {
        this.schema(
          span,
          `\`depends_on\` in ${where} names "${shownValue(id)}", which is not an id: ` +
            `start with a letter, then letters, digits, ".", "_" or "-".`,
        );
        continue;
      }
      out.push({ id, span });
    }
    return out;
  }

  seq(field: Field | undefined, name: string, where: string): Node[] {
    if (!field) return [];
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return [];
    if (!this.yaml.isSeq(v)) {
      this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be a list (each item starting with "- ").`);
      return [];
    }
    const out: Node[] = [];
    for (const item of v.items) {
      const n = this.deref(item);
      if (n !== null) out.push(n);
    }
    return out;
  }

  mapOf(node: Node, what: string, fallback: Span): YAMLMap | undefined {
    if (this.yaml.isMap(node)) return node;
    this.schema(nodeSpan(node, fallback), `Each item here must be ${what} (a mapping of fields such as \`id:\` and \`title:\`).`);
    return undefined;
  }

  /** The `lint:` block as plain data for config.ts, through the alias budget, without prototype tricks. */
  plain(node: unknown, depth: number): unknown {
    const n = this.deref(node);
    if (n === null) return null;
    if (this.yaml.isScalar(n)) return n.value instanceof Date || n.value instanceof Uint8Array ? this.source(n) : n.value;
    if (depth > 8) return null;
    if (this.yaml.isSeq(n)) return n.items.map((i) => this.plain(i, depth + 1));
    if (this.yaml.isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const p of n.items) {
        if (!this.yaml.isPair(p)) continue;
        const k = this.deref(p.key);
        if (!this.yaml.isScalar(k) || k.value === null || typeof k.value === 'object' || typeof k.value === 'function') continue;
        // defineProperty: a key named `__proto__` stays a key instead of replacing the prototype.
        Object.defineProperty(out, String(k.value as string | number | boolean | bigint | symbol), {
          value: this.plain(p.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  }

  parseFile(path: string): OkrFile {
    const contents = this.deref(this.doc.contents);
    const whole: Span = { start: 0, end: this.text.length };
    const spans = emptySpans(whole);
    const file: OkrFile = { path, text: this.text, lint: {}, objectives: [], spans };
    if (contents === null || (this.yaml.isScalar(contents) && contents.value === null)) {
      if (this.doc.errors.length === 0)
        this.schema({ start: 0, end: 0 }, 'This OKR file is empty: it needs at least `team`, `period` and `objectives`.');
      return file;
    }
    if (!this.yaml.isMap(contents)) {
      const what = this.yaml.isSeq(contents) ? 'a list' : 'a single value';
      this.schema(
        nodeSpan(contents, whole),
        `An OKR file must be a mapping with \`team\`, \`period\` and \`objectives\` at the top level, not ${what}.`,
      );
      return file;
    }
    spans.node = nodeSpan(contents, whole);
    const f = this.fields(contents, FILE_KEYS, 'the file', spans);
    const version = this.num(f.get('version'), 'version', 'the file');
    if (version !== undefined) {
      if (version !== 1) this.schema(spans.values.version, `Unsupported \`version\` ${version}: this OKR Lens reads version 1.`);
      file.version = version;
    }
    file.team = this.str(f.get('team'), 'team', 'the file');
    file.alignsWith = this.str(f.get('aligns_with'), 'aligns_with', 'the file');
    file.period = this.period(f.get('period'));
    file.checkInEvery = this.cadence(f.get('check_in_every'));
    const lint = f.get('lint');
    if (lint?.value != null && !(this.yaml.isScalar(lint.value) && lint.value.value === null)) {
      if (this.yaml.isMap(lint.value)) {
        file.lint = this.plain(lint.value, 0) as Record<string, unknown>;
      } else {
        this.schema(nodeSpan(lint.value, lint.keySpan), '`lint` must be a mapping of rule ids to off, a severity, or options.');
      }
    }
    file.closed = this.date(f.get('closed'), 'closed', 'the file');
    const retro = f.get('retro');
    if (retro) file.retro = this.retro(retro);
    const objectivesField = f.get('objectives');
    // After a syntax error the key is often there but swallowed (an unclosed quote): say nothing then.
    if (!objectivesField && this.doc.errors.length === 0) {
      this.schema(this.anchorOf(contents, spans), 'The file has no `objectives:` list.');
    }
    for (const item of this.seq(objectivesField, 'objectives', 'the file')) {
      const map = this.mapOf(item, 'an objective', spans.values.objectives ?? whole);
      if (map) file.objectives.push(this.objective(map));
    }
    return file;
  }

  /** `retro: { went_well, went_badly, try_next }`, each a text or a list of texts. */
  retro(field: Field): Retro | undefined {
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    if (!this.yaml.isMap(v)) {
      this.schema(nodeSpan(v, field.keySpan), '`retro` must be a mapping with `went_well`, `went_badly` and `try_next`.');
      return undefined;
    }
    const spans = emptySpans(nodeSpan(v, field.keySpan));
    const f = this.fields(v, RETRO_KEYS, '`retro`', spans);
    const texts = (name: string): string[] => {
      const item = f.get(name);
      if (item?.value == null || (this.yaml.isScalar(item.value) && item.value.value === null)) return [];
      if (this.yaml.isSeq(item.value)) {
        return this.seq(item, name, '`retro`')
          .map((n) => this.str({ value: n, keySpan: item.keySpan }, name, '`retro`'))
          .filter((s): s is string => s !== undefined && s.trim() !== '');
      }
      const s = this.str(item, name, '`retro`');
      return s === undefined || s.trim() === '' ? [] : [s];
    };
    return { wentWell: texts('went_well'), wentBadly: texts('went_badly'), tryNext: texts('try_next'), spans };
  }

  period(field: Field | undefined): Period | undefined {
    if (!field) return undefined;
    const v = field.value;
    const span = nodeSpan(v, field.keySpan);
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    if (this.yaml.isScalar(v)) {
      const written = typeof v.value === 'string' ? v.value : this.source(v);
      const p = quarterPeriod(written);
      if (!p)
        this.schema(
          span,
          `\`period\` must be a quarter such as 2026-Q4, or { start: YYYY-MM-DD, end: YYYY-MM-DD }; "${shownValue(written)}" is neither.`,
        );
      return p;
    }
    if (this.yaml.isMap(v)) {
      const spans = emptySpans(span);
      const f = this.fields(v, PERIOD_KEYS, '`period`', spans);
      const start = this.date(f.get('start'), 'start', '`period`');
      const end = this.date(f.get('end'), 'end', '`period`');
      if (!f.has('start') || !f.has('end')) {
        this.schema(span, '`period` needs both `start` and `end` dates.');
        return undefined;
      }
      if (start && end) {
        if (end < start) {
          this.schema(span, `\`period\` ends (${end}) before it starts (${start}).`);
          return undefined;
        }
        return { start, end };
      }
      return undefined;
    }
    this.schema(span, '`period` must be a quarter such as 2026-Q4, or { start: YYYY-MM-DD, end: YYYY-MM-DD }.');
    return undefined;
  }

  /** `check_in_every: 7`, or `weekly`, `fortnightly`, `monthly`: a whole number of days. */
  cadence(field: Field | undefined): number | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    const span = nodeSpan(v, field.keySpan);
    if (
      this.yaml.isScalar(v) &&
      typeof v.value === 'string' &&
      Object.prototype.hasOwnProperty.call(CADENCE_WORDS, v.value.trim().toLowerCase())
    ) {
      return CADENCE_WORDS[v.value.trim().toLowerCase()];
    }
    if (this.yaml.isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 1 && v.value <= 366) return v.value;
    const written = this.written(v);
    const days = this.yaml.isScalar(v) && typeof v.value === 'string' ? /^\s*(\d+)\s*days?\s*$/i.exec(v.value) : null;
    const hint = days ? ` Write \`check_in_every: ${Number(days[1])}\`.` : '';
    this.schema(
      span,
      `\`check_in_every\` must be a number of days from 1 to 366, or weekly, fortnightly or monthly, not ${written}.${hint}`,
    );
    return undefined;
  }

  /** `source: { file: metrics/coverage.json, pointer: /total/lines/pct }`. */
  metricSource(field: Field | undefined, where: string): KeyResult['source'] {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (this.yaml.isScalar(v) && v.value === null)) return undefined;
    const span = nodeSpan(v, field.keySpan);
    if (!this.yaml.isMap(v)) {
      this.schema(span, `\`source\` in ${where} must be a mapping: { file: metrics/coverage.json, pointer: /total/lines/pct }.`);
      return undefined;
    }
    const spans = emptySpans(span);
    const f = this.fields(v, SOURCE_KEYS, `the \`source\` of ${where}`, spans);
    const source: NonNullable<KeyResult['source']> = { spans };
    const fileField = f.get('file');
    const file = this.str(fileField, 'file', `the \`source\` of ${where}`);
    if (file === undefined || file.trim() === '') {
      // A list or mapping as `file:` already has its finding from str().
      if (fileField?.value == null || this.yaml.isScalar(fileField.value)) {
        this.schema(
          spans.values.file ?? span,
          `The \`source\` of ${where} needs a \`file\`: the path of the metrics file, relative to this OKR file.`,
        );
      }
    } else if (/^([\\/]|[A-Za-z]:)/.test(file.trim())) {
      this.schema(
        spans.values.file,
        `The \`file\` of a \`source\` is relative to the OKR file (and inside the repository), not an absolute path: ` +
          `"${shownValue(file)}".`,
      );
      source.problem = `the file ${shownValue(file.trim())} is an absolute path; a source is relative to the OKR file`;
    } else {
      source.file = file.trim();
    }
    const pointer = this.str(f.get('pointer'), 'pointer', `the \`source\` of ${where}`);
    if (pointer !== undefined) {
      if (pointer !== '' && !pointer.startsWith('/')) {
        // "#/total/lines/pct" is the pointer written as a URI fragment: its pointer is what follows the "#".
        const fixed = pointer.startsWith('#/') ? pointer.slice(1) : `/${pointer.replace(/\./g, '/')}`;
        this.schema(
          spans.values.pointer,
          `\`pointer\` is a JSON pointer (RFC 6901): it starts with "/", as in "${shownValue(fixed)}", not "${shownValue(pointer)}".`,
        );
        source.problem = `the pointer "${shownValue(pointer)}" does not start with "/" (write "${shownValue(fixed)}")`;
      } else if (/~(?![01])/.test(pointer)) {
        this.schema(
          spans.values.pointer,
          `In a JSON pointer "~" is written "~0" and "/" inside a key "~1": "${shownValue(pointer)}" has a "~" followed by something else.`,
        );
        source.problem = `the pointer "${shownValue(pointer)}" has a "~" that is not "~0" or "~1"`;
      } else {
        source.pointer = pointer;
      }
    }
    return source;
  }

  /**
   * What an objective, key result and initiative start with, in this order (findings keep it):
   * their fields, id and title, and how messages name them (`where`).
   */
  item(map: YAMLMap, allowed: string[], what: string, named: string, idRequired: boolean) {
    const span = nodeSpan(map, EMPTY_SPAN);
    const spans = emptySpans(span);
    const misspelled = new Set<string>();
    const f = this.fields(map, allowed, what, spans, misspelled);
    const anchor = this.anchorOf(map, spans);
    const id = this.id(f.get('id'), what, idRequired, anchor, misspelled);
    const where = id ? `${named} ${shownValue(id)}` : what;
    const title = this.title(f.get('title'), where, spans.values.id ?? anchor, misspelled);
    return { span, spans, f, id, where, title };
  }

  objective(map: YAMLMap): Objective {
    const { span, spans, f, id, where, title } = this.item(map, OBJECTIVE_KEYS, 'an objective', 'objective', true);
    const o: Objective = {
      id,
      title,
      description: this.str(f.get('description'), 'description', where),
      owner: this.str(f.get('owner'), 'owner', where),
      kind: this.oneOf<ObjectiveKind>(f.get('kind'), 'kind', where, ['aspirational', 'committed'], 'aspirational'),
      status: this.oneOf<ItemStatus>(f.get('status'), 'status', where, ITEM_STATUSES, 'active'),
      reason: this.str(f.get('reason'), 'reason', where),
      parent: this.str(f.get('parent'), 'parent', where),
      due: this.date(f.get('due'), 'due', where),
      dependsOn: this.dependsOn(f.get('depends_on'), where),
      keyResults: [],
      initiatives: [],
      spans,
    };
    const progressFrom = f.get('progress_from');
    if (progressFrom?.value && !(this.yaml.isScalar(progressFrom.value) && progressFrom.value.value === null)) {
      o.progressFrom = this.oneOf<ProgressSource>(progressFrom, 'progress_from', where, ['key_results', 'aligned', 'both'], 'key_results');
    }
    const krField = f.get('key_results');
    if (krField?.value) o.keyResultsSpan = nodeSpan(krField.value, krField.keySpan);
    for (const item of this.seq(krField, 'key_results', where)) {
      const m = this.mapOf(item, 'a key result', spans.values.key_results ?? span);
      if (m) o.keyResults.push(this.keyResult(m));
    }
    const inField = f.get('initiatives');
    if (inField?.value) o.initiativesSpan = nodeSpan(inField.value, inField.keySpan);
    for (const item of this.seq(inField, 'initiatives', where)) {
      const m = this.mapOf(item, 'an initiative', spans.values.initiatives ?? span);
      if (m) o.initiatives.push(this.initiative(m));
    }
    return o;
  }

  keyResult(map: YAMLMap): KeyResult {
    const { span, spans, f, id, where, title } = this.item(map, KEY_RESULT_KEYS, 'a key result', 'key result', true);
    const kr: KeyResult = {
      id,
      title,
      description: this.str(f.get('description'), 'description', where),
      owner: this.str(f.get('owner'), 'owner', where),
      start: this.num(f.get('start'), 'start', where),
      target: this.num(f.get('target'), 'target', where),
      current: this.num(f.get('current'), 'current', where),
      unit: this.str(f.get('unit'), 'unit', where),
      confidence: this.confidence(f.get('confidence'), where),
      status: this.oneOf<ItemStatus>(f.get('status'), 'status', where, ITEM_STATUSES, 'active'),
      reason: this.str(f.get('reason'), 'reason', where),
      dependsOn: this.dependsOn(f.get('depends_on'), where),
      checkIns: [],
      score: this.score(f.get('score'), where),
      carriedFrom: this.str(f.get('carried_from'), 'carried_from', where),
      // Left out when absent rather than deleted: `delete` turns every key result into a slow dictionary object.
      ...optional('source', this.metricSource(f.get('source'), where)),
      spans,
    };
    for (const item of this.seq(f.get('check_ins'), 'check_ins', where)) {
      const m = this.mapOf(item, 'a check-in', spans.values.check_ins ?? span);
      if (m) kr.checkIns.push(this.checkIn(m, where));
    }
    return kr;
  }

  checkIn(map: YAMLMap, krWhere: string): CheckIn {
    const span = nodeSpan(map, EMPTY_SPAN);
    const spans = emptySpans(span);
    const where = `a check-in of ${krWhere}`;
    const misspelled = new Set<string>();
    const f = this.fields(map, CHECK_IN_KEYS, where, spans, misspelled);
    const c: CheckIn = {
      date: this.date(f.get('date'), 'date', where),
      value: this.num(f.get('value'), 'value', where),
      confidence: this.confidence(f.get('confidence'), where),
      note: this.str(f.get('note'), 'note', where),
      spans,
    };
    if (!f.has('date') && !misspelled.has('date')) this.schema(this.anchorOf(map, spans), `${capitalize(where)} has no \`date\`.`);
    return c;
  }

  initiative(map: YAMLMap): Initiative {
    const { spans, f, id, where, title } = this.item(map, INITIATIVE_KEYS, 'an initiative', 'initiative', false);
    return {
      id,
      title,
      owner: this.str(f.get('owner'), 'owner', where),
      status: this.oneOf<InitiativeStatus>(f.get('status'), 'status', where, INITIATIVE_STATUSES, 'planned'),
      reason: this.str(f.get('reason'), 'reason', where),
      spans,
    };
  }
}

/** `{ [key]: value }`, or nothing when the value is undefined: an optional field spread into an object literal. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same mapping; the second would silently replace the first.',
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it.',
  TAG_RESOLVE_FAILED: 'OKR files use plain YAML values; this tag is not one OKR Lens knows.',
};

function syntaxFinding(message: string, span: Span): Finding {
  return { ruleId: 'syntax', severity: 'error', message, span };
}

/** yaml's errors and warnings as `syntax` findings, in words for the person editing the file. */
function yamlFindings(doc: Document.Parsed, text: string): Finding[] {
  const out: Finding[] = [];
  let exhausted = false;
  for (const e of [...doc.errors, ...doc.warnings]) {
    const start = Math.min(Math.max(0, e.pos[0]), text.length);
    const end = Math.min(Math.max(start, e.pos[1]), text.length);
    const raw = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (e.code === 'MULTIPLE_DOCS') {
      const marker = text.startsWith('---', start) ? 3 : Math.max(0, text.slice(start).search(/[\r\n]|$/));
      out.push(
        syntaxFinding(
          'A second YAML document starts here: an OKR file is one document, so everything from here on is ignored. ' +
            'Move it to its own .okr.yaml file, or remove this `---`.',
          { start, end: start + marker },
        ),
      );
      continue;
    }
    if (e.code === 'RESOURCE_EXHAUSTION' || raw.includes('Maximum call stack')) {
      if (exhausted) continue;
      exhausted = true;
      out.push(syntaxFinding('The file nests too deeply to read here; an OKR file needs only a few levels.', { start, end }));
      continue;
    }
    // MISSING_CHAR covers unclosed quotes and brackets, but also "Sequence item without - indicator".
    const own =
      e.code === 'MISSING_CHAR'
        ? raw.startsWith('Missing closing')
          ? 'A closing character is missing here.'
          : undefined
        : YAML_MESSAGES[e.code];
    out.push(syntaxFinding(own ? `${own} (${shownValue(raw, 120)})` : `YAML syntax error: ${shownValue(raw, 160)}`, { start, end }));
  }
  out.sort((a, b) => a.span.start - b.span.start);
  // One error per line: the first is the cause, the others on that line ("Implicit keys need
  // to be on a single line" after a bad indent) are yaml's consequences of it.
  // Sorted by offset, so the line count only moves forward.
  let line = 0;
  let scanned = 0;
  let lastLine = -1;
  const perLine = out.filter((f) => {
    for (; scanned < f.span.start; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    if (line === lastLine) return false;
    lastLine = line;
    return true;
  });
  out.length = 0;
  pushAll(out, perLine);
  if (out.length > MAX_SYNTAX_FINDINGS) {
    const rest = out.length - MAX_SYNTAX_FINDINGS;
    out.length = MAX_SYNTAX_FINDINGS;
    const last = out[MAX_SYNTAX_FINDINGS - 1];
    out[MAX_SYNTAX_FINDINGS - 1] = {
      ...last,
      message: `${last.message} (${rest} more YAML errors after this one are not shown; fix these first.)`,
    };
  }
  return out;
}

/** The same message at the same place twice (an alias repeating a bad item) is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The message for a file over the size limit; the same words whether or not it was read. */
export function oversizeMessage(bytes: number): string {
  return (
    `This file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; OKR files over ${MAX_FILE_BYTES / 1024 / 1024} MiB are not read. ` +
    `Split it by team or period.`
  );
}

/** The file a text stands for when it cannot be read as OKRs (too large, too deep, not read at all): no objectives. */
export function emptyOkrFile(path: string, text = ''): OkrFile {
  return { path, text, lint: {}, objectives: [], spans: emptySpans({ start: 0, end: text.length }) };
}

/** Parses an OKR file. Never throws. */
export function parseOkr(text: string, path: string): ParseResult {
  const empty = emptyOkrFile(path, text);
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    return { file: empty, findings: [syntaxFinding(oversizeMessage(Buffer.byteLength(text, 'utf8')), { start: 0, end: 0 })] };
  }
  try {
    const tooDeep = flowDepthExceeded(text);
    if (tooDeep >= 0) {
      return {
        file: empty,
        findings: [
          syntaxFinding(`Brackets nest more than ${MAX_FLOW_DEPTH} levels deep here; no OKR file needs that, so this file is not read.`, {
            start: tooDeep,
            end: tooDeep + 1,
          }),
        ],
      };
    }
    const doc = yamlLib().parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
    const parser = new Parser(doc, text);
    const file = parser.parseFile(path);
    return { file, findings: dedupe([...yamlFindings(doc, text), ...parser.findings]) };
  } catch (err) {
    // A bug of ours (or a stack overflow on input we failed to bound), not the user's: still a finding, never a crash of the host.
    return {
      file: empty,
      findings: [
        syntaxFinding(`OKR Lens could not read this file: ${shownValue(err instanceof Error ? err.message : String(err), 160)}`, {
          start: 0,
          end: 0,
        }),
      ],
    };
  }
}
