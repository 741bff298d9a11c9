import type { Rule, NoOptions } from '../rule';

// The parser reports YAML errors under this id; the module exists so the rule has
// a place in the registry, a severity that settings can change, and a docs page.
export const syntax: Rule<NoOptions> = {
  id: 'syntax',
  description: 'The file must be valid YAML.',
  defaultSeverity: 'error',
  defaultOptions: {},
  check: () => [],
};
