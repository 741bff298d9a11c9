import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const routineWork: Rule<{}> = {
  id: 'routine-work',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
