import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const objectiveCount: Rule<{}> = {
  id: 'objective-count',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
