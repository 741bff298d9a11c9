import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const krIsMilestone: Rule<{}> = {
  id: 'kr-is-milestone',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
