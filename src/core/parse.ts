// The parser: YAML text -> OKR model with source spans, plus the `syntax` and
// `schema` findings. It never throws, whatever the input: every problem becomes a
// finding with a span, so the editor and the CLI can point at it.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type {
  CheckIn,
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
  Span,
} from './model';
import { closestMatch } from './text';

/** Files over this size are refused with one finding instead of parsed. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Alias expansions allowed in one file: enough for real reuse, far too few for "billion laughs". */
export const MAX_ALIAS_EXPANSIONS = 1000;

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/i;

export const FILE_KEYS = ['version', 'team', 'period', 'aligns_with', 'lint', 'objectives'];
export const OBJECTIVE_KEYS = ['id', 'title', 'description', 'owner', 'kind', 'status', 'reason', 'parent', 'due', 'key_results', 'initiatives'];
export const KEY_RESULT_KEYS = ['id', 'title', 'description', 'owner', 'start', 'target', 'current', 'unit', 'confidence', 'status', 'reason', 'check_ins'];
export const CHECK_IN_KEYS = ['date', 'value', 'confidence', 'note'];
export const INITIATIVE_KEYS = ['id', 'title', 'owner', 'status', 'reason'];
const PERIOD_KEYS = ['start', 'end'];

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

/** Is this the date of a real calendar day? (`2026-02-30` is not.) */
export function isValidDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `2026-Q4` -> its first and last day. */
export function quarterPeriod(label: string): Period | undefined {
  const m = QUARTER_PATTERN.exec(label.trim());
  if (!m) return undefined;
  const year = m[1];
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { label: label.trim(), start: `${year}-${pad(startMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

class Parser {
  readonly findings: Finding[] = [];
  private aliasBudget = MAX_ALIAS_EXPANSIONS;
  private aliasReported = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
  ) {}

  schema(span: Span, message: string, fixes?: Finding['fixes']): void {
    this.findings.push({ ruleId: 'schema', severity: 'error', message, span, ...(fixes ? { fixes } : {}) });
  }

  /** Follows an alias to its anchor, within the file's expansion budget. */
  deref(node: unknown): Node | null {
    if (isAlias(node)) {
      if (this.aliasBudget <= 0) {
        if (!this.aliasReported) {
          this.aliasReported = true;
          this.schema(nodeSpan(node, EMPTY_SPAN), `Too many alias expansions (over ${MAX_ALIAS_EXPANSIONS}); the rest are ignored.`);
        }
        return null;
      }
      this.aliasBudget--;
      const target = node.resolve(this.doc);
      // An alias to an alias is legal YAML; resolve() already follows it. A missing anchor is a syntax error yaml reports.
      return (target as Node | undefined) ?? null;
    }
    return (node as Node | null) ?? null;
  }

  /** Walks a mapping's pairs, reporting unknown and duplicate keys, and records spans. */
  fields(map: YAMLMap, allowed: string[], where: string, spans: NodeSpans): Map<string, { pair: Pair; value: Node | null; keySpan: Span }> {
    const out = new Map<string, { pair: Pair; value: Node | null; keySpan: Span }>();
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keySpan = nodeSpan(keyNode, spans.node);
      if (isMap(pair.key) || isSeq(pair.key)) {
        this.schema(keySpan, `A key in ${where} must be a plain word, not a ${isMap(pair.key) ? 'mapping' : 'list'}.`);
        continue;
      }
      const keyValue = isScalar(keyNode) ? keyNode.value : keyNode;
      if (keyValue === null || keyValue === undefined || (typeof keyValue === 'object' && !isScalar(keyNode))) {
        // `<<` merge keys and odd keys: treat `<<` as unknown, which is what it is in this format.
        this.schema(keySpan, `Unexpected key in ${where}.`);
        continue;
      }
      const key = String(keyValue);
      if (!allowed.includes(key)) {
        const suggestion = closestMatch(key, allowed);
        const fixes = suggestion && !out.has(suggestion) && !map.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === suggestion)
          ? [{ title: `Rename \`${key}\` to \`${suggestion}\``, edits: [{ start: keySpan.start, end: keySpan.end, newText: suggestion }] }]
          : undefined;
        this.schema(
          keySpan,
          `Unknown key \`${key}\` in ${where}.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Expected one of: ${allowed.join(', ')}.`),
          fixes,
        );
        continue;
      }
      if (out.has(key)) continue; // yaml itself reports DUPLICATE_KEY as a syntax error
      const value = this.deref(pair.value);
      out.set(key, { pair, value, keySpan });
      spans.keys[key] = keySpan;
      spans.values[key] = nodeSpan(value && !isAlias(pair.value) ? value : (pair.value as Node | null), keySpan);
    }
    return out;
  }

  str(field: { value: Node | null; keySpan: Span } | undefined, name: string, where: string): string | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (isScalar(v) && v.value === null)) return undefined;
    if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) {
      return String(v.value);
    }
    this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be text, not a ${isMap(v) ? 'mapping' : isSeq(v) ? 'list' : 'value of another type'}.`);
    return undefined;
  }

  num(field: { value: Node | null; keySpan: Span } | undefined, name: string, where: string): number | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (v === null || (isScalar(v) && v.value === null)) return undefined;
    if (isScalar(v)) {
      if (typeof v.value === 'number' && Number.isFinite(v.value)) return v.value;
      if (typeof v.value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v.value)) return Number(v.value);
      if (typeof v.value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*%\s*$/.test(v.value)) {
        this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be a number: write ${v.value.replace(/\s*%\s*$/, '').trim()} and put the percent sign in \`unit: "%"\`.`);
        return undefined;
      }
    }
    const shown = isScalar(v) ? JSON.stringify(v.value) : isMap(v) ? 'a mapping' : isSeq(v) ? 'a list' : 'this value';
    this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be a number, not ${shown}.`);
    return undefined;
  }

  date(field: { value: Node | null; keySpan: Span } | undefined, name: string, where: string): string | undefined {
    const s = this.str(field, name, where);
    if (s === undefined) return undefined;
    if (!isValidDate(s.trim())) {
      this.schema(nodeSpan(field!.value, field!.keySpan), `\`${name}\` in ${where} must be a date written YYYY-MM-DD, not "${s}".`);
      return undefined;
    }
    return s.trim();
  }

  confidence(field: { value: Node | null; keySpan: Span } | undefined, where: string): number | undefined {
    const n = this.num(field, 'confidence', where);
    if (n === undefined) return undefined;
    if (n < 0 || n > 1) {
      this.schema(nodeSpan(field!.value, field!.keySpan), `\`confidence\` in ${where} must be between 0 and 1 (0.7 means 70% sure), not ${n}.`);
      return undefined;
    }
    return n;
  }

  oneOf<T extends string>(field: { value: Node | null; keySpan: Span } | undefined, name: string, where: string, allowed: readonly T[], fallback: T): T {
    const s = this.str(field, name, where);
    if (s === undefined) return fallback;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    const suggestion = closestMatch(s, allowed as readonly string[]);
    const span = nodeSpan(field!.value, field!.keySpan);
    this.schema(
      span,
      `\`${name}\` in ${where} must be one of ${allowed.join(', ')}, not "${s}".` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
      suggestion ? [{ title: `Change to \`${suggestion}\``, edits: [{ start: span.start, end: span.end, newText: suggestion }] }] : undefined,
    );
    return fallback;
  }

  id(field: { value: Node | null; keySpan: Span } | undefined, where: string, required: boolean, mapSpan: Span): string | undefined {
    const s = this.str(field, 'id', where);
    if (s === undefined) {
      if (required && !field) this.schema(mapSpan, `${capitalize(where)} has no \`id\`.`);
      else if (required) this.schema(field!.keySpan, `${capitalize(where)} has an empty \`id\`.`);
      return undefined;
    }
    if (!ID_PATTERN.test(s)) {
      this.schema(nodeSpan(field!.value, field!.keySpan), `The id "${s}" is not valid: start with a letter, then letters, digits, ".", "_" or "-".`);
    }
    return s;
  }

  title(field: { value: Node | null; keySpan: Span } | undefined, where: string, mapSpan: Span): string | undefined {
    const s = this.str(field, 'title', where);
    if (s === undefined || s.trim() === '') {
      this.schema(field ? field.keySpan : mapSpan, `${capitalize(where)} has no \`title\`.`);
      return undefined;
    }
    return s;
  }

  seq(field: { value: Node | null; keySpan: Span } | undefined, name: string, where: string): Node[] {
    if (!field) return [];
    const v = field.value;
    if (v === null || (isScalar(v) && v.value === null)) return [];
    if (!isSeq(v)) {
      this.schema(nodeSpan(v, field.keySpan), `\`${name}\` in ${where} must be a list (each item starting with "- ").`);
      return [];
    }
    return v.items.map((item) => this.deref(item)).filter((n): n is Node => n !== null);
  }

  mapOf(node: Node, what: string, fallback: Span): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.schema(nodeSpan(node, fallback), `Each item here must be ${what} (a mapping of fields such as \`id:\` and \`title:\`).`);
    return undefined;
  }

  parseFile(path: string): OkrFile {
    const contents = this.deref(this.doc.contents);
    const whole: Span = { start: 0, end: this.text.length };
    const spans = emptySpans(whole);
    const file: OkrFile = { path, text: this.text, lint: {}, objectives: [], spans };
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      if (this.doc.errors.length === 0) this.schema({ start: 0, end: 0 }, 'This OKR file is empty: it needs at least `team`, `period` and `objectives`.');
      return file;
    }
    if (!isMap(contents)) {
      this.schema(nodeSpan(contents, whole), 'An OKR file must be a mapping with `team`, `period` and `objectives` at the top level.');
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
    const lint = f.get('lint');
    if (lint && lint.value !== null && !(isScalar(lint.value) && lint.value.value === null)) {
      if (isMap(lint.value)) {
        const js = lint.value.toJS(this.doc, { maxAliasCount: 100 }) as unknown;
        if (js && typeof js === 'object') file.lint = js as Record<string, unknown>;
      } else {
        this.schema(nodeSpan(lint.value, lint.keySpan), '`lint` must be a mapping of rule ids to off, a severity, or options.');
      }
    }
    const objectivesField = f.get('objectives');
    if (!objectivesField) {
      this.schema({ start: spans.node.start, end: spans.node.start }, 'The file has no `objectives:` list.');
    }
    for (const item of this.seq(objectivesField, 'objectives', 'the file')) {
      const map = this.mapOf(item, 'an objective', spans.values.objectives ?? whole);
      if (map) file.objectives.push(this.objective(map));
    }
    return file;
  }

  period(field: { value: Node | null; keySpan: Span } | undefined): Period | undefined {
    if (!field) return undefined;
    const v = field.value;
    const span = nodeSpan(v, field.keySpan);
    if (v === null || (isScalar(v) && v.value === null)) return undefined;
    if (isScalar(v)) {
      const p = quarterPeriod(String(v.value));
      if (!p) this.schema(span, `\`period\` must be a quarter such as 2026-Q4, or { start: YYYY-MM-DD, end: YYYY-MM-DD }; "${String(v.value)}" is neither.`);
      return p;
    }
    if (isMap(v)) {
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

  objective(map: YAMLMap): Objective {
    const span = nodeSpan(map, EMPTY_SPAN);
    const spans = emptySpans(span);
    const f = this.fields(map, OBJECTIVE_KEYS, 'an objective', spans);
    const id = this.id(f.get('id'), 'an objective', true, span);
    const where = id ? `objective ${id}` : 'an objective';
    const o: Objective = {
      id,
      title: this.title(f.get('title'), where, span),
      description: this.str(f.get('description'), 'description', where),
      owner: this.str(f.get('owner'), 'owner', where),
      kind: this.oneOf<ObjectiveKind>(f.get('kind'), 'kind', where, ['aspirational', 'committed'], 'aspirational'),
      status: this.oneOf<ItemStatus>(f.get('status'), 'status', where, ['active', 'done', 'dropped'], 'active'),
      reason: this.str(f.get('reason'), 'reason', where),
      parent: this.str(f.get('parent'), 'parent', where),
      due: this.date(f.get('due'), 'due', where),
      keyResults: [],
      initiatives: [],
      spans,
    };
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
    const span = nodeSpan(map, EMPTY_SPAN);
    const spans = emptySpans(span);
    const f = this.fields(map, KEY_RESULT_KEYS, 'a key result', spans);
    const id = this.id(f.get('id'), 'a key result', true, span);
    const where = id ? `key result ${id}` : 'a key result';
    const kr: KeyResult = {
      id,
      title: this.title(f.get('title'), where, span),
      description: this.str(f.get('description'), 'description', where),
      owner: this.str(f.get('owner'), 'owner', where),
      start: this.num(f.get('start'), 'start', where),
      target: this.num(f.get('target'), 'target', where),
      current: this.num(f.get('current'), 'current', where),
      unit: this.str(f.get('unit'), 'unit', where),
      confidence: this.confidence(f.get('confidence'), where),
      status: this.oneOf<ItemStatus>(f.get('status'), 'status', where, ['active', 'done', 'dropped'], 'active'),
      reason: this.str(f.get('reason'), 'reason', where),
      checkIns: [],
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
    const f = this.fields(map, CHECK_IN_KEYS, where, spans);
    const c: CheckIn = {
      date: this.date(f.get('date'), 'date', where),
      value: this.num(f.get('value'), 'value', where),
      confidence: this.confidence(f.get('confidence'), where),
      note: this.str(f.get('note'), 'note', where),
      spans,
    };
    if (!f.has('date')) this.schema(span, `${capitalize(where)} has no \`date\`.`);
    return c;
  }

  initiative(map: YAMLMap): Initiative {
    const span = nodeSpan(map, EMPTY_SPAN);
    const spans = emptySpans(span);
    const f = this.fields(map, INITIATIVE_KEYS, 'an initiative', spans);
    const id = this.id(f.get('id'), 'an initiative', false, span);
    const where = id ? `initiative ${id}` : 'an initiative';
    return {
      id,
      title: this.title(f.get('title'), where, span),
      owner: this.str(f.get('owner'), 'owner', where),
      status: this.oneOf<InitiativeStatus>(f.get('status'), 'status', where, ['planned', 'in_progress', 'done', 'dropped'], 'planned'),
      reason: this.str(f.get('reason'), 'reason', where),
      spans,
    };
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same mapping; the second would silently replace the first.',
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it.',
  MISSING_CHAR: 'A closing character is missing here.',
  BAD_ALIAS: 'This alias names no anchor defined before it.',
};

/** Parses an OKR file. Never throws. */
export function parseOkr(text: string, path: string): ParseResult {
  const empty: OkrFile = { path, text, lint: {}, objectives: [], spans: emptySpans({ start: 0, end: text.length }) };
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    const mib = (Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(1);
    return {
      file: empty,
      findings: [{ ruleId: 'syntax', severity: 'error', message: `This file is ${mib} MiB; OKR files over 2 MiB are not read. Split it by team or period.`, span: { start: 0, end: 0 } }],
    };
  }
  try {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
    const findings: Finding[] = [];
    for (const e of doc.errors) {
      const [start, end] = e.pos;
      const own = YAML_MESSAGES[e.code];
      const raw = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      findings.push({
        ruleId: 'syntax',
        severity: 'error',
        message: own ? `${own} (${raw})` : `YAML syntax error: ${raw}`,
        span: { start: Math.min(start, text.length), end: Math.min(Math.max(start, end), text.length) },
      });
    }
    const parser = new Parser(doc, text);
    const file = parser.parseFile(path);
    return { file, findings: [...findings, ...parser.findings] };
  } catch (err) {
    // A bug of ours, not the user's: still a finding, never a crash of the host.
    return {
      file: empty,
      findings: [{ ruleId: 'syntax', severity: 'error', message: `OKR Lens could not read this file: ${(err as Error).message}`, span: { start: 0, end: 0 } }],
    };
  }
}
