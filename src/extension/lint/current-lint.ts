// The lint result of a document's text as it is now. The store lints after a short
// debounce; a fix computed from an older text would edit the wrong offsets, so when
// the store is behind the editor this waits for it to catch up (it re-parses only the
// edited objective; linting a 20,000-line file here, on every cursor move that asks
// for code actions, would block the extension host for half a second), and lints the
// document itself only if the store does not answer in time.

import * as vscode from 'vscode';
import type { LintResult } from '../../core/lint';
import type { OkrStore } from '../okr-store';
import { settingsFor } from '../settings/settings';

/** How long to wait for the store beyond its own debounce. */
const STORE_GRACE_MS = 2000;

/** The store's result when it is of this very text, else (after waiting for the store) a fresh lint. */
export async function currentLint(
  store: OkrStore,
  document: vscode.TextDocument,
  token?: vscode.CancellationToken,
): Promise<LintResult | undefined> {
  const fresh = (): LintResult | undefined => {
    const state = store.get(document.uri);
    // Same text, same offsets (the version alone says nothing for a file the store read from disk).
    return state?.result.file.text === document.getText() ? state.result : undefined;
  };
  if (!store.get(document.uri)) return undefined;
  const now = fresh();
  if (now) return now;
  const delay = settingsFor().lintDelay;
  const caughtUp = await new Promise<LintResult | undefined>((resolve) => {
    const timer = setTimeout(() => finish(undefined), Math.max(0, delay) + STORE_GRACE_MS);
    const changed = store.onDidChange(() => {
      const result = fresh();
      if (result) finish(result);
    });
    const cancelled = token?.onCancellationRequested(() => finish(undefined));
    function finish(result: LintResult | undefined) {
      clearTimeout(timer);
      changed.dispose();
      cancelled?.dispose();
      resolve(result);
    }
  });
  if (caughtUp || token?.isCancellationRequested || !store.get(document.uri)) return caughtUp;
  return store.lintText(document.uri, document.getText());
}
