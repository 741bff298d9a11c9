// PLACEHOLDER (replaced by the git-features owner).
import type * as vscode from 'vscode';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';

export function registerGitFeatures(_context: vscode.ExtensionContext, _store: OkrStore, _view: ObjectivesViewHandle): void {}
