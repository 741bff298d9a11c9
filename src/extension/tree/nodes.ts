// The shape of the Objectives tree, independent of VS Code: which items a file and
// an objective show, in which order, under which stable keys. Pure: no vscode import.
//
// Keys must survive typing: the tree keeps what the user expanded by item id, so an
// item's key depends only on its own id (and, for repeated or missing ids, on its
// position), never on the items around it or on what is hidden.

import type { Initiative, KeyResult, NodeSpans, Objective, OkrFile, Span } from '../../core/model';

export interface ObjectiveEntry {
  kind: 'objective';
  key: string;
  index: number;
  objective: Objective;
}

export interface KeyResultEntry {
  kind: 'keyResult';
  key: string;
  index: number;
  objective: Objective;
  keyResult: KeyResult;
}

export interface InitiativeEntry {
  kind: 'initiative';
  key: string;
  index: number;
  objective: Objective;
  initiative: Initiative;
}

export type ObjectiveChildEntry = KeyResultEntry | InitiativeEntry;

/**
 * Keys for a list of items: `prefix:ID` for the first item with an id, `prefix:ID#2`
 * for its second occurrence (a duplicate the linter reports), `prefix@index` without id.
 * Ids are URI-encoded (which always encodes `#`), so no id can imitate the key of another item.
 */
export function itemKeys(ids: readonly (string | undefined)[], prefix: string): string[] {
  const seen = new Map<string, number>();
  return ids.map((id, index) => {
    if (id === undefined || id === '') return `${prefix}@${index}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    const base = `${prefix}:${encodeURIComponent(id)}`;
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Done or dropped: what "Hide Done and Dropped Items" hides. */
export function isClosedObjective(o: Objective): boolean {
  return o.status !== 'active';
}

export function isClosedKeyResult(kr: KeyResult): boolean {
  return kr.status !== 'active';
}

export function isClosedInitiative(i: Initiative): boolean {
  return i.status === 'done' || i.status === 'dropped';
}

export function objectiveEntries(file: OkrFile, showClosed: boolean): ObjectiveEntry[] {
  const keys = itemKeys(
    file.objectives.map((o) => o.id),
    'O',
  );
  const entries = file.objectives.map<ObjectiveEntry>((objective, index) => ({ kind: 'objective', key: keys[index], index, objective }));
  return showClosed ? entries : entries.filter((e) => !isClosedObjective(e.objective));
}

/** Key results in file order, then initiatives in file order. */
export function objectiveChildEntries(objective: Objective, showClosed: boolean): ObjectiveChildEntry[] {
  const krKeys = itemKeys(
    objective.keyResults.map((kr) => kr.id),
    'KR',
  );
  const initiativeKeys = itemKeys(
    objective.initiatives.map((i) => i.id),
    'I',
  );
  const krs = objective.keyResults
    .map<KeyResultEntry>((keyResult, index) => ({ kind: 'keyResult', key: krKeys[index], index, objective, keyResult }))
    .filter((e) => showClosed || !isClosedKeyResult(e.keyResult));
  const initiatives = objective.initiatives
    .map<InitiativeEntry>((initiative, index) => ({ kind: 'initiative', key: initiativeKeys[index], index, objective, initiative }))
    .filter((e) => showClosed || !isClosedInitiative(e.initiative));
  return [...krs, ...initiatives];
}

/** What opening an item selects: its title, else its id, else the start of the item. */
export function selectionSpan(spans: NodeSpans): Span {
  return spans.values.title ?? spans.values.id ?? { start: spans.node.start, end: spans.node.start };
}

/** Finds a key result by id in parsed files: the first definition wins, as in the store. */
export function findKeyResultEntry(
  file: OkrFile,
  keyResultId: string,
): { objective: ObjectiveEntry; keyResult: KeyResultEntry } | undefined {
  // Built once per parsed file: the tree asks for every key result it draws, on every refresh.
  let index = keyResultIndex.get(file);
  if (!index) {
    index = new Map();
    for (const objective of objectiveEntries(file, true)) {
      for (const child of objectiveChildEntries(objective.objective, true)) {
        if (child.kind === 'keyResult' && child.keyResult.id !== undefined && !index.has(child.keyResult.id))
          index.set(child.keyResult.id, { objective, keyResult: child });
      }
    }
    keyResultIndex.set(file, index);
  }
  return index.get(keyResultId);
}

const keyResultIndex = new WeakMap<OkrFile, Map<string, { objective: ObjectiveEntry; keyResult: KeyResultEntry }>>();
