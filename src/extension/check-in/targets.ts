// What a Check In command is pointed at: a key result (from a tree node, a code lens's
// [uri, id], a code action's arguments or the dashboard's id), or for a walk an OKR file.

import * as vscode from 'vscode';
import type { OkrFileState, OkrStore } from '../okr-store';

export interface Target {
  state: OkrFileState;
  krId: string;
}

/** Where a command argument points: a tree node, [uri, id] from a code lens, or a code action's. */
export function targetOf(store: OkrStore, arg: unknown, second: unknown): Target | undefined {
  if (arg instanceof vscode.Uri && typeof second === 'string') {
    const state = store.get(arg);
    return state ? { state, krId: second } : undefined;
  }
  const o = arg as { kind?: unknown; entry?: { keyResult?: { id?: unknown } }; keyResult?: { id?: unknown } } | undefined;
  const id =
    o && typeof o === 'object'
      ? o.kind === 'keyResult'
        ? o.entry?.keyResult?.id
        : o.keyResult?.id
      : typeof arg === 'string'
        ? arg
        : undefined;
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const found = store.findDefinition(id.trim());
  return found?.definition.kind === 'key-result' ? { state: found.state, krId: found.definition.id } : undefined;
}

/** The OKR file a walk is limited to: a file node of the tree, a file's URI; none: every file. */
export function walkScope(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const o = arg as { kind?: unknown; uri?: unknown } | undefined;
  return o && typeof o === 'object' && o.kind === 'file' && o.uri instanceof vscode.Uri ? o.uri : undefined;
}
