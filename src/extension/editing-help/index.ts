// Completion and hover for OKR ids: objective ids in `parent:` values of OKR files,
// key-result ids after the key-result trailer of a commit message (a git-commit
// editor or the Source Control input box), and a hover on any known id in either.
// A thin adapter: where the cursor is comes from text-context.ts, what is said
// about an id from id-info.ts, the ids themselves from the store.

import * as vscode from 'vscode';
import type { IdDefinition } from '../../core/model';
import { alignedPathOf, OKR_FILES_GLOB } from '../../core/workspace';
import type { OkrFileState, OkrStore } from '../okr-store';
import { settingsFor } from '../settings/settings';
import { dependencyLines } from '../org/org-view';
import { completionDocumentation, idHoverMarkdown, locateDefinition, summarize } from './id-info';
import { idAt, parentValueSlot, trailerValueSlot, type LineSlot } from './text-context';

/** OKR files, whatever language mode the editor gives them. */
export const OKR_FILE_SELECTOR: vscode.DocumentSelector = [{ pattern: OKR_FILES_GLOB }];

/** Commit messages: `git commit`'s editor (COMMIT_EDITMSG) and the Source Control input box. */
export const COMMIT_MESSAGE_SELECTOR: vscode.DocumentSelector = [
  { language: 'git-commit' },
  { language: 'scminput' },
  { scheme: 'vscode-scm' },
];

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

function slotRange(line: number, slot: LineSlot): vscode.Range {
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
function parentCompletions(store: OkrStore, document: vscode.TextDocument, range: vscode.Range): vscode.CompletionItem[] {
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
function trailerCompletions(store: OkrStore, range: vscode.Range): vscode.CompletionItem[] {
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

/**
 * A definition by id: exact, or in commit messages also ignoring case, since
 * trailer values name key results case-insensitively.
 */
function findDefinition(store: OkrStore, id: string, ignoreCase: boolean): { state: OkrFileState; definition: IdDefinition } | undefined {
  const exact = store.findDefinition(id);
  if (exact || !ignoreCase) return exact;
  const lower = id.toLowerCase();
  for (const state of store.files()) {
    const definition = state.definitions.find((d) => d.id.toLowerCase() === lower);
    if (definition) return { state, definition };
  }
  return undefined;
}

function hover(store: OkrStore, document: vscode.TextDocument, position: vscode.Position, ignoreCase: boolean): vscode.Hover | undefined {
  const line = document.lineAt(position.line).text;
  const word = idAt(line, position.character);
  if (!word) return undefined;
  const found = findDefinition(store, word.id, ignoreCase);
  if (!found) return undefined;
  const located = locateDefinition(found.state.result.file, found.definition);
  if (!located) return undefined;
  const summary = summarize(found.state.result.file, located, store.today());
  const definedAt = found.state.result.lines.positionAt(found.definition.span.start).line + 1;
  const dependencies =
    located.kind === 'key-result'
      ? dependencyLines(store, located.keyResult)
      : located.kind === 'objective'
        ? dependencyLines(store, located.objective)
        : [];
  const text = idHoverMarkdown(summary, { relativePath: relativePath(found.state.uri), line: definedAt });
  const md = new vscode.MarkdownString(dependencies.length ? `${text}\n\n${dependencies.join('\n\n')}` : text, true);
  md.isTrusted = false;
  md.supportHtml = false;
  return new vscode.Hover(md, new vscode.Range(position.line, word.start, position.line, word.end));
}

export function registerEditingHelp(context: vscode.ExtensionContext, store: OkrStore): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      OKR_FILE_SELECTOR,
      {
        provideCompletionItems(document, position) {
          const slot = parentValueSlot(document.lineAt(position.line).text, position.character);
          if (!slot) return undefined;
          return parentCompletions(store, document, slotRange(position.line, slot));
        },
      },
      ' ',
      ':',
    ),
    vscode.languages.registerCompletionItemProvider(
      COMMIT_MESSAGE_SELECTOR,
      {
        provideCompletionItems(document, position) {
          const slot = trailerValueSlot(document.lineAt(position.line).text, position.character, settingsFor(document.uri).gitTrailer);
          if (!slot) return undefined;
          return trailerCompletions(store, slotRange(position.line, slot));
        },
      },
      ' ',
      ':',
    ),
    vscode.languages.registerHoverProvider(OKR_FILE_SELECTOR, {
      provideHover: (document, position) => hover(store, document, position, false),
    }),
    vscode.languages.registerHoverProvider(COMMIT_MESSAGE_SELECTOR, {
      provideHover: (document, position) => hover(store, document, position, true),
    }),
  );
}
