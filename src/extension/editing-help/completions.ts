// Completion of OKR ids: objective ids for `parent:` values (those of the aligned file
// first), key-result ids for trailer values, each with its title and a summary.

import * as vscode from 'vscode';
import type { IdDefinition } from '../../core/model';
import { alignedPathOf } from '../../core/workspace';
import type { OkrFileState, OkrStore } from '../okr-store';
import { completionDocumentation, locateDefinition, summarize } from './id-info';
import type { LineSlot } from './text-context';

export function slotRange(line: number, slot: LineSlot): vscode.Range {
  return new vscode.Range(line, slot.start, line, slot.end);
}

function completionItem(
  store: OkrStore,
  state: OkrFileState,
  definition: IdDefinition,
  kind: vscode.CompletionItemKind,
  range: vscode.Range,
  rank: number,
): vscode.CompletionItem | undefined {
  const located = locateDefinition(state.result.file, definition);
  if (!located) return undefined;
  const summary = summarize(state.result.file, located, store.today());
  const title = summary.title?.replace(/\s+/g, ' ').trim();
  const item = new vscode.CompletionItem({ label: definition.id, description: title }, kind);
  item.detail = title;
  item.documentation = completionDocumentation(summary);
  item.range = range;
  item.insertText = definition.id;
  item.filterText = definition.id;
  // The order offered is the order meant: VS Code sorts by sortText once the typed prefix is matched.
  item.sortText = String(rank).padStart(6, '0');
  return item;
}

/** Objective ids for a `parent:` value: those of the `aligns_with` file, else those of every other file. */
export function parentCompletions(store: OkrStore, document: vscode.TextDocument, range: vscode.Range): vscode.CompletionItem[] {
  const own = store.get(document.uri);
  let candidates: OkrFileState[] = store.files().filter((s) => s.uri.toString() !== document.uri.toString());
  if (own && document.uri.scheme === 'file') {
    const aligned = alignedPathOf(document.uri.fsPath, own.result.file);
    const target = aligned ? store.get(vscode.Uri.file(aligned)) : undefined;
    if (target) candidates = [target];
  }
  const items: vscode.CompletionItem[] = [];
  for (const state of candidates) {
    for (const d of state.definitions) {
      if (d.kind !== 'objective') continue;
      const item = completionItem(store, state, d, vscode.CompletionItemKind.Reference, range, items.length);
      if (item) items.push(item);
    }
  }
  return items;
}

/** Key results work can move: active ones of active objectives, in file order (files sorted by path). */
export function trailerCompletions(store: OkrStore, range: vscode.Range): vscode.CompletionItem[] {
  const items: vscode.CompletionItem[] = [];
  const seen = new Set<string>();
  for (const ref of store.activeKeyResults()) {
    const id = ref.keyResult.id;
    if (!id || seen.has(id) || ref.keyResult.status !== 'active' || ref.objective.status !== 'active') continue;
    seen.add(id);
    const definition = ref.state.definitions.find((d) => d.kind === 'key-result' && d.id === id);
    if (!definition) continue;
    const item = completionItem(store, ref.state, definition, vscode.CompletionItemKind.Value, range, items.length);
    if (item) items.push(item);
  }
  return items;
}
