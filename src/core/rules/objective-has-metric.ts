import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const objectiveHasMetric: Rule<{}> = {
  id: 'objective-has-metric',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
