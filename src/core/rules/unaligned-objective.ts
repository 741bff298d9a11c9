import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const unalignedObjective: Rule<{}> = {
  id: 'unaligned-objective',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
