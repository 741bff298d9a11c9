// How often a file's key results are due a check-in, for the leading indicators:
// the check-in model's cadence (`check_in_every:`, 14 days by default), so the
// indicators and `stale-check-in` judge by the same days.

import { cadenceDays, DEFAULT_CHECK_IN_DAYS } from './check-ins';
import type { OkrFile } from './model';

export { DEFAULT_CHECK_IN_DAYS };

/** Days between expected check-ins for the key results of `file`. */
export function checkInCadenceDays(file: OkrFile): number {
  return cadenceDays(file);
}
