import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const krNotMeasurable: Rule<{}> = {
  id: 'kr-not-measurable',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
