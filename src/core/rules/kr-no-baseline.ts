import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const krNoBaseline: Rule<{}> = {
  id: 'kr-no-baseline',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
