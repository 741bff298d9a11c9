import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const krCount: Rule<{}> = {
  id: 'kr-count',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
