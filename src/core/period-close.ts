// Closing a period (`okr close`, OKR: Close Period...): each key result's final
// grade is written as `score:`, the day as `closed:`, and the team's reflection as
// `retro:`. All as minimal text edits computed from source spans (edits.ts): the
// rest of the file (comments, order, quoting, CRLF) stays exactly as written.
// Pure: the caller reads and writes the file.

import { insertFieldEdit, insertTopLevelFieldEdit, yamlScalar } from './edits';
import { gradeFile, type ObjectiveGrade } from './grade';
import type { IsoDate, KeyResult, NodeSpans, OkrFile, TextEdit } from './model';
import { daysBetween, krProgress } from './progress';

/** The reflection a team writes when it closes a period; each part may be empty. */
export interface RetroInput {
  wentWell?: string[];
  wentBadly?: string[];
  tryNext?: string[];
}

export interface ClosePlan {
  /** The edits to the file's text, non-overlapping. */
  edits: TextEdit[];
  grades: ObjectiveGrade[];
  /** Key results that stay ungraded (no numbers to grade by), by id or title. */
  ungraded: KeyResult[];
  /** True when the file had been closed before (the close is done again, over it). */
  reclosed: boolean;
}

/** Why a file cannot be closed, in words for its user; `early`: only because its period has still to come near its end. */
export class CloseError extends Error {
  constructor(
    message: string,
    readonly early = false,
  ) {
    super(message);
  }
}

/** How many days before the period's end it may be closed: its last two weeks. */
export const CLOSE_WINDOW_DAYS = 14;

/** A score as written into the file: two decimals, no float noise. */
export function recordedScore(score: number): string {
  return String(Math.round(Math.max(0, Math.min(1, score)) * 100) / 100);
}

/** Sets `key: value` in a mapping: replaces the value when the key is there, else inserts after the first present `after` key. */
function setFieldEdit(text: string, spans: NodeSpans, key: string, value: string, after: readonly string[]): TextEdit {
  const existing = spans.values[key];
  if (existing && spans.keys[key]) {
    // `score:` with no value has a value span at the key: write after the colon.
    if (existing.start === spans.keys[key].start) {
      const colon = text.indexOf(':', spans.keys[key].end);
      return { start: colon + 1, end: colon + 1, newText: ` ${value}` };
    }
    // `closed: "2026-12-31"` stays quoted as the team wrote it.
    const old = text.slice(existing.start, existing.end);
    const quote = old[0];
    const quoted = key === 'closed' && (quote === '"' || quote === "'") && old.length > 1 && old.endsWith(quote);
    return { start: existing.start, end: existing.end, newText: quoted ? `${quote}${value}${quote}` : value };
  }
  const anchor = after.find((k) => spans.values[k] !== undefined && k !== 'check_ins');
  return insertFieldEdit(text, spans, key, value, anchor);
}

/** The retro as one flow mapping: `{ went_well: ..., went_badly: ..., try_next: ... }`, each a text or a list. */
function retroValue(retro: RetroInput): string | undefined {
  const part = (items: string[] | undefined) => {
    const kept = (items ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
    if (kept.length === 0) return undefined;
    // Quoted always: a reflection is prose, and prose has colons and commas.
    return kept.length === 1 ? JSON.stringify(kept[0]) : `[${kept.map((s) => JSON.stringify(s)).join(', ')}]`;
  };
  const fields = [
    ['went_well', part(retro.wentWell)],
    ['went_badly', part(retro.wentBadly)],
    ['try_next', part(retro.tryNext)],
  ].filter((f): f is [string, string] => f[1] !== undefined);
  if (fields.length === 0) return undefined;
  return `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/** Why `file` cannot be closed on `today`, or undefined when it can: asked before any work on the close. */
export function closeRefusal(file: OkrFile, today: IsoDate): CloseError | undefined {
  if (!file.period) return new CloseError('the file has no `period:`, so there is no period to close');
  if (file.objectives.length === 0) return new CloseError('the file has no objectives to grade');
  if (daysBetween(today, file.period.end) > CLOSE_WINDOW_DAYS) {
    return new CloseError(`the period runs until ${file.period.end}; it can be closed from ${CLOSE_WINDOW_DAYS} days before its end`, true);
  }
  return undefined;
}

/**
 * The edits that close `file` on `today`: `closed: today`, a `score:` on every
 * graded key result (replacing one written before), and the retro when given
 * (its parts replace those written before; parts not given are kept).
 */
export function planClose(file: OkrFile, today: IsoDate, retro?: RetroInput): ClosePlan {
  const refused = closeRefusal(file, today);
  if (refused) throw refused;
  const text = file.text;
  const edits: TextEdit[] = [];
  const grades = gradeFile(file);
  const ungraded: KeyResult[] = [];
  for (const g of grades) {
    for (const k of g.keyResults) {
      const kr = k.keyResult;
      if (kr.status === 'dropped' || g.objective.status === 'dropped') continue;
      if (k.score === undefined) {
        ungraded.push(kr);
        continue;
      }
      // Closing again grades again from the numbers; a score recorded by hand without numbers stays.
      const computed = krProgress(kr) ?? k.score;
      edits.push(setFieldEdit(text, kr.spans, 'score', recordedScore(computed), ['current', 'target', 'start', 'unit', 'title', 'id']));
    }
  }
  edits.push(setTopLevel(file, 'closed', today, ['period', 'team', 'version']));
  const retroText = retro ? retroValue(retro) : undefined;
  if (retro && retroText) {
    if (file.retro && file.spans.values.retro && Object.keys(file.retro.spans.keys).length > 0) {
      // A `retro:` written before (by hand or by an earlier close): set each part given in it.
      const parts: [keyof RetroInput, string][] = [
        ['wentWell', 'went_well'],
        ['wentBadly', 'went_badly'],
        ['tryNext', 'try_next'],
      ];
      for (const [field, key] of parts) {
        const value = retroValue({ [field]: retro[field] });
        if (!value) continue;
        const inner = value.slice(value.indexOf(':') + 2, -2);
        edits.push(setFieldEdit(text, file.retro.spans, key, inner, ['went_well', 'went_badly', 'try_next']));
      }
    } else if (file.spans.values.retro) {
      edits.push(setTopLevel(file, 'retro', retroText, []));
    } else {
      edits.push(setTopLevel(file, 'retro', retroText, ['closed', 'period', 'team', 'version']));
    }
  }
  return { edits: joinInsertions(edits), grades, ungraded, reclosed: file.closed !== undefined };
}

/** Sets a top-level field; a new one goes after the first present of `after`, else before the first key. */
function setTopLevel(file: OkrFile, key: string, value: string, after: readonly string[]): TextEdit {
  const spans = file.spans;
  if (spans.values[key] && spans.keys[key]) return setFieldEdit(file.text, spans, key, value, after);
  // A new top-level field goes right after `period:` (never after `objectives:`, whose list runs to the end).
  const present = after.filter((k) => spans.values[k] !== undefined);
  if (present.length === 0) return insertTopLevelFieldEdit(file.text, spans, key, value, []);
  return insertTopLevelFieldEdit(file.text, spans, key, value, present);
}

/**
 * Insertions at one offset joined into one edit, in the order given: editors and
 * `applyEdits` disagree on the order of two insertions at the same place.
 */
export function joinInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = e.start === e.end ? out.find((o) => o.start === e.start && o.end === e.end) : undefined;
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

export { yamlScalar };
