import type { Rule, NoOptions } from '../rule';

// The parser checks the shape of the file (keys, types, ids, dates) and reports
// under this id, with fixes for misspelled keys and values; see parse.ts.
export const schema: Rule<NoOptions> = {
  id: 'schema',
  description: 'Keys, types and values must follow the OKR file format.',
  defaultSeverity: 'error',
  defaultOptions: {},
  fixable: true,
  check: () => [],
};
