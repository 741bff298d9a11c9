// Check-ins from metrics files: for each key result of one OKR file with a `source:`,
// read its metric and plan a check-in where the value differs from the latest one.
// One plan per file, so `okr check-in --from-sources` and the editor's Update From
// Sources record the same check-ins and report the same problems (file:line of the
// `source:`); a key result whose metric cannot be read gets no edit.

import { pushAll } from './arrays';
import { applyEdits, planCheckIn } from './edits';
import { readMetric } from './fs/metric-source';
import type { KeyResult, TextEdit } from './model';
import { parseOkr, type ParseResult } from './parse';
import { LineIndex } from './positions';
import { latestCheckInWith } from './progress';

export interface SourceCheckIn {
  keyResult: KeyResult & { id: string };
  value: number;
  /** The value before, when there was one. */
  previous?: number;
}

export interface SourceProblem {
  keyResultId: string;
  /** 1-based line and column of the key result's `source:` in the text as read. */
  line: number;
  column: number;
  /** The same in the text once the plan's edits are applied. */
  afterEdits: { line: number; column: number };
  message: string;
}

export interface FromSourcesPlan {
  /** Key results of the file with a `source:`. */
  sources: number;
  /** The edits of every recorded check-in, for the file's text as read. */
  edits: TextEdit[];
  recorded: SourceCheckIn[];
  /** Sources whose value is already the latest check-in's. */
  unchanged: number;
  problems: SourceProblem[];
}

/** A key result whose `source:` names a file, or would but for a problem reported per key result. */
export function hasReadableSource(kr: KeyResult): boolean {
  return kr.source?.file !== undefined || kr.source?.problem !== undefined;
}

/**
 * Plans the check-ins from the `source:` metrics of one OKR file. `okrPath` is the file's
 * path on disk (sources are relative to it), `shownPath` the name messages use, `root` the
 * folder every metrics file must be inside.
 */
export async function planFromSources(
  text: string,
  shownPath: string,
  okrPath: string,
  root: string,
  date: string,
  parsed: ParseResult = parseOkr(text, shownPath),
): Promise<FromSourcesPlan> {
  const plan: FromSourcesPlan = { sources: 0, edits: [], recorded: [], unchanged: 0, problems: [] };
  const krs = parsed.file.objectives
    .flatMap((o) => o.keyResults)
    .filter((k): k is KeyResult & { id: string } => hasReadableSource(k) && k.id !== undefined);
  if (krs.length === 0) return plan;
  const failed: { keyResultId: string; offset: number; message: string }[] = [];
  const problem = (kr: KeyResult & { id: string }, message: string) => {
    failed.push({ keyResultId: kr.id, offset: kr.source!.spans.node.start, message });
  };
  for (const kr of krs) {
    plan.sources++;
    const reading = await readMetric(kr.source!, okrPath, root);
    if (!reading.ok) {
      problem(kr, reading.message);
      continue;
    }
    if (latestCheckInWith(kr, 'value')?.value === reading.value) {
      plan.unchanged++;
      continue;
    }
    const planned = planCheckIn(text, shownPath, { krId: kr.id, date, value: reading.value }, parsed);
    if (!planned.ok) {
      problem(kr, planned.message);
      continue;
    }
    pushAll(plan.edits, planned.edits);
    plan.recorded.push({
      keyResult: kr,
      value: reading.value,
      ...(planned.previous.value !== undefined ? { previous: planned.previous.value } : {}),
    });
  }
  if (failed.length > 0) {
    const before = new LineIndex(text);
    // Also where the user finds the `source:` once the check-ins are in (edits above it add lines).
    const after = plan.edits.length > 0 ? new LineIndex(applyEdits(text, plan.edits)) : before;
    for (const f of failed) {
      const shift = plan.edits.filter((e) => e.end <= f.offset).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
      const p = before.positionAt(f.offset);
      const q = after.positionAt(f.offset + shift);
      plan.problems.push({
        keyResultId: f.keyResultId,
        line: p.line + 1,
        column: p.character + 1,
        afterEdits: { line: q.line + 1, column: q.character + 1 },
        message: f.message,
      });
    }
  }
  return plan;
}
