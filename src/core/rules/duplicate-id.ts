import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const duplicateId: Rule<{}> = {
  id: 'duplicate-id',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
