// What most rules look at: the active objectives and their active key results. Done and
// dropped items are history, and rephrasing or re-measuring them helps nobody.

import type { KeyResult, Objective, OkrFile } from '../../model';

/** The active objectives of a file, in file order. */
export function activeObjectives(file: OkrFile): Objective[] {
  return file.objectives.filter((o) => o.status === 'active');
}

/** The active key results of one objective, in file order. */
export function activeKeyResultsOf(objective: Objective): KeyResult[] {
  return objective.keyResults.filter((kr) => kr.status === 'active');
}

/** Each active key result of each active objective, with its objective and its index in `key_results`. */
export function activeKeyResults(file: OkrFile): { objective: Objective; keyResult: KeyResult; index: number }[] {
  // Plain loops: this runs for each rule on each file, and nested flatMaps build two arrays per key result.
  const out: { objective: Objective; keyResult: KeyResult; index: number }[] = [];
  for (const objective of file.objectives) {
    if (objective.status !== 'active') continue;
    const keyResults = objective.keyResults;
    for (let index = 0; index < keyResults.length; index++)
      if (keyResults[index].status === 'active') out.push({ objective, keyResult: keyResults[index], index });
  }
  return out;
}
