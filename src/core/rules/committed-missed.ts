import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const committedMissed: Rule<{}> = {
  id: 'committed-missed',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
