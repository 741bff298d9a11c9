// PLACEHOLDER (replaced by the lint-features owner): diagnostics, code actions, starter file.
import type * as vscode from 'vscode';
import type { OkrStore } from '../okr-store';

export function registerLintFeatures(_context: vscode.ExtensionContext, _store: OkrStore): void {}
