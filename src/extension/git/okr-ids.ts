// What the git features read of the OKR files: the key-result ids branch names and
// trailers are matched against, and the first day the history scan needs. Pure: unit-
// tested in test/extension-unit/git-okr-ids.test.ts.

import { scanWindowStart } from '../../core/git/history';
import type { IdDefinition, OkrFile } from '../../core/model';

/** What is read of each OKR file the store holds. */
export interface OkrFileIds {
  result: { file: Pick<OkrFile, 'period'> };
  definitions: readonly Pick<IdDefinition, 'id' | 'kind'>[];
}

export function keyResultIds(files: readonly OkrFileIds[]): string[] {
  return files.flatMap((f) => f.definitions.filter((d) => d.kind === 'key-result').map((d) => d.id));
}

/** The first day the history scan reads: the earliest period start among the OKR files, minus a week. */
export function historyWindowOf(files: readonly OkrFileIds[]): string | undefined {
  return scanWindowStart(files.flatMap((f) => (f.result.file.period ? [f.result.file.period.start] : [])));
}
