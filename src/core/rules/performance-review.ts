import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const performanceReview: Rule<{}> = {
  id: 'performance-review',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
