import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const unknownParent: Rule<{}> = {
  id: 'unknown-parent',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
