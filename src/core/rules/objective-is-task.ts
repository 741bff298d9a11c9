import type { Rule } from '../rule';

// PLACEHOLDER: to be written (owner: a helper). Not done.
export const objectiveIsTask: Rule<{}> = {
  id: 'objective-is-task',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check: () => [],
};
