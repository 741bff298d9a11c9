// How often a file's key results are due a check-in. The one place the leading
// indicators ask, so that a cadence written in the file (`check_in_every`, being
// added to the model) is picked up here and nowhere else.

import type { OkrFile } from './model';

/** Fortnightly: what the guide suggests when a team has not said. */
export const DEFAULT_CHECK_IN_DAYS = 14;

/** Days between expected check-ins for the key results of `file`. */
export function checkInCadenceDays(_file: OkrFile): number {
  return DEFAULT_CHECK_IN_DAYS;
}
