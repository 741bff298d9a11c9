// The store's findings as diagnostics in the Problems panel and as squiggles. The
// store parses and lints (debounced, from the editor's text or the disk); this only
// publishes what it has, for every OKR file whether open or not.

import * as vscode from 'vscode';
import type { LineIndex } from '../../core/positions';
import type { OkrFileState, OkrStore } from '../okr-store';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import { DIAGNOSTIC_SOURCE, diagnosticData, type RangeData } from './diagnostic-data';
import { ruleDocsLink } from './rule-docs';

const SEVERITIES = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information] as const;

const toRange = (r: RangeData) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export function lintEnabled(uri: vscode.Uri): boolean {
  return settingsFor(uri).lintEnabled;
}

export function toDiagnostics(state: OkrFileState, linesOf: (path: string) => LineIndex | undefined): vscode.Diagnostic[] {
  return state.result.findings.map((finding) => {
    const data = diagnosticData(finding, state.result.lines, linesOf);
    const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, SEVERITIES[data.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    // The rendered, read-only page (a command link: the file itself would open as editable text).
    diagnostic.code = { value: data.ruleId, target: ruleDocsLink(data.ruleId) };
    if (data.related.length > 0) {
      diagnostic.relatedInformation = data.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.path), toRange(r.range)), r.message),
      );
    }
    return diagnostic;
  });
}

/** Keeps the 'okr-lens' diagnostic collection in step with the store and `okr.lint.enabled`. */
export function registerDiagnostics(context: vscode.ExtensionContext, store: OkrStore): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);

  const linesOf = (path: string): LineIndex | undefined => store.get(vscode.Uri.file(path))?.result.lines;

  /** The state each file's diagnostics were made from: a state the store did not replace needs no update. */
  const published = new Map<string, OkrFileState>();

  /**
   * Publishes files' diagnostics in one call: one message to the editor and one change event
   * for all of them, not one per file (500 files at a scan).
   */
  const publish = (states: readonly OkrFileState[]) => {
    // A file's okr.lint.enabled is its workspace folder's (or the window's): read once per folder, not per file.
    const enabledIn = new Map<string, boolean>();
    const enabled = (uri: vscode.Uri) => {
      const key = uri.scheme === 'file' ? (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? 'file') : '';
      let on = enabledIn.get(key);
      if (on === undefined) enabledIn.set(key, (on = lintEnabled(uri)));
      return on;
    };
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const state of states) {
      published.set(state.uri.toString(), state);
      if (enabled(state.uri)) entries.push([state.uri, toDiagnostics(state, linesOf)]);
      else collection.delete(state.uri);
    }
    if (entries.length > 0) collection.set(entries);
  };

  const remove = (key: string, uri: vscode.Uri) => {
    published.delete(key);
    collection.delete(uri);
  };

  /**
   * Publishes the files whose state changed (or all, after a settings change) and drops
   * the files the store no longer has. A change to one file can change what others
   * report (a duplicate id, an aligned parent); the store re-lints those and gives them
   * new states, so they are found here by identity.
   */
  const sync = (force: boolean) => {
    const files = store.files();
    const live = new Set(files.map((f) => f.uri.toString()));
    const gone: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (!live.has(uri.toString())) gone.push(uri);
    });
    for (const uri of gone) remove(uri.toString(), uri);
    for (const key of [...published.keys()]) if (!live.has(key)) published.delete(key);
    publish(files.filter((state) => force || published.get(state.uri.toString()) !== state));
  };

  context.subscriptions.push(
    collection,
    store.onDidChange(() => {
      try {
        sync(false);
      } catch (err) {
        console.error('OKR Lens: could not publish diagnostics', err);
      }
    }),
    onDidChangeSettings((change) => {
      if (change.affects('lintEnabled')) sync(true);
    }),
  );
  void store.ready.then(() => sync(false));
  sync(false);
  return collection;
}
