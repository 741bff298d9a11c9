// Lint features of the editor: diagnostics from the store, quick fixes and "fix all",
// rule documentation, and the starter file. The store parses and lints; nothing here does
// except to recompute fixes for text the store has not seen yet (current-lint.ts).

import * as vscode from 'vscode';
import { OKR_FILES_GLOB } from '../../core/workspace';
import type { OkrStore } from '../okr-store';
import { INSERT_SNIPPET_COMMAND, insertSnippet, OkrCodeActionProvider } from './code-actions';
import { registerLintCommands } from './commands';
import { registerDiagnostics } from './diagnostics';

/** OKR files by name, plus any YAML file: `okr.files` may name others, and the provider asks the store. */
export const OKR_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file', pattern: OKR_FILES_GLOB },
  { scheme: 'file', language: 'yaml' },
];

export function registerLintFeatures(context: vscode.ExtensionContext, store: OkrStore): void {
  registerDiagnostics(context, store);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(OKR_DOCUMENTS, new OkrCodeActionProvider(store), OkrCodeActionProvider.metadata),
    vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, insertSnippet),
  );
  registerLintCommands(context, store);
}
