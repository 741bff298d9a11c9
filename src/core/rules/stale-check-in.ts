import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const staleCheckIn: Rule<{}> = {
  id: 'stale-check-in',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
