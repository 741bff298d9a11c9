import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const sandbagging: Rule<{}> = {
  id: 'sandbagging',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
