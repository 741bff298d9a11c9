// "Fix all": the first (certain) fix of every finding, as one set of edits that can be
// applied together. A fix is taken whole or not at all: moving a key result to
// `initiatives:` is a cut and a paste, and half of it would lose text.

import type { Finding, Fix, TextEdit } from './model';
import { pushAll } from './arrays';

const sameEdit = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;

/**
 * Two edits conflict when their ranges overlap, or when both insert at one offset
 * (which goes first would be a guess). Ranges that only touch do not conflict.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export interface FixAllPlan {
  /** Non-overlapping edits, sorted by offset, each applied once. */
  edits: TextEdit[];
  /** The fixes taken, in finding order. */
  applied: Fix[];
  /** Fixes left out because they overlap one taken before them: a second run picks them up. */
  skipped: Fix[];
}

/** The first fix of each finding, minus those that overlap an earlier one. */
export function planFixAll(findings: readonly Finding[], textLength?: number): FixAllPlan {
  const edits: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.[0];
    if (!fix || fix.edits.length === 0) continue;
    const valid = fix.edits.every((e) => e.start >= 0 && e.start <= e.end && (textLength === undefined || e.end <= textLength));
    if (!valid) {
      skipped.push(fix);
      continue;
    }
    // The same edit offered by several findings (one `period:` for every objective) counts once.
    const fresh = fix.edits.filter((e) => !edits.some((taken) => sameEdit(taken, e)));
    if (fresh.length === 0) continue;
    const clash = fresh.some(
      (e, i) => edits.some((taken) => conflicts(taken, e)) || fresh.some((other, j) => j !== i && conflicts(other, e)),
    );
    if (clash) {
      skipped.push(fix);
      continue;
    }
    pushAll(edits, fresh);
    applied.push(fix);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits, applied, skipped };
}
