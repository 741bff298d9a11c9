import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const notTimeBound: Rule<{}> = {
  id: 'not-time-bound',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
