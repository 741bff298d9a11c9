// The hover on a known OKR id in an OKR file or a commit message: what id-info.ts says
// about it, where it is defined, and its dependencies.

import * as vscode from 'vscode';
import type { IdDefinition } from '../../core/model';
import type { OkrFileState, OkrStore } from '../okr-store';
import { dependencyLines } from '../org/org-view';
import { idHoverMarkdown, locateDefinition, summarize } from './id-info';
import { idAt } from './text-context';

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
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

export function idHover(
  store: OkrStore,
  document: vscode.TextDocument,
  position: vscode.Position,
  ignoreCase: boolean,
): vscode.Hover | undefined {
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
