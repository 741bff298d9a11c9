// Rules that keep a count between a floor and a ceiling (key results per objective,
// objectives per file) take the same two options, `min` and `max`, checked alike.

import type { OptionsSchema } from '../../rule-options';

/** The fewest and the most of what a rule counts. */
export interface CountRange {
  min: number;
  max: number;
}

/**
 * A counting rule's `defaultOptions` and `optionsSchema`: `min` a whole number of at least 0,
 * `max` of at least 1 (a ceiling of 0 would forbid the thing counted), each with what it counts.
 */
export function countRangeOptions(
  defaults: CountRange,
  fewest: string,
  most: string,
): { defaultOptions: CountRange; optionsSchema: OptionsSchema<CountRange> } {
  return {
    defaultOptions: defaults,
    optionsSchema: {
      min: { type: 'integer', minimum: 0, description: fewest },
      max: { type: 'integer', minimum: 1, description: most },
    },
  };
}
