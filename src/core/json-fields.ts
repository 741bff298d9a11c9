// The fields both JSON outputs (`okr list --format json` and the report's JSON) write the
// same way for objectives, key results and initiatives: null where the file leaves a value out.

import type { KeyResult } from './model';
import { effectiveCurrent } from './progress';

export const orNull = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

/** The id, title and owner of an objective, key result or initiative. */
export function itemFields(item: { id?: string; title?: string; owner?: string }): {
  id: string | null;
  title: string | null;
  owner: string | null;
} {
  return { id: orNull(item.id), title: orNull(item.title), owner: orNull(item.owner) };
}

/** A key result's start, target, current value (the latest check-in's when there is one) and unit. */
export function keyResultValues(kr: KeyResult): {
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string | null;
} {
  return { start: orNull(kr.start), target: orNull(kr.target), current: orNull(effectiveCurrent(kr)), unit: orNull(kr.unit) };
}
