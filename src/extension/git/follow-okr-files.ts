// The repository tracker follows the OKR files: git starts once they are read (the
// branch is matched against their ids), off the activation path; the history window
// follows their periods; branches are looked at again when the key-result ids change.

import type * as vscode from 'vscode';
import type { OkrStore } from '../okr-store';
import { keyResultIds } from './okr-ids';
import type { RepositoryTracker } from './repositories';

export function followOkrFiles(store: OkrStore, tracker: RepositoryTracker): vscode.Disposable {
  let idsSignature = '';
  const subscription = store.onDidChange(() => {
    tracker.setHistoryWindow();
    const signature = keyResultIds(store.files()).join('\n');
    if (signature === idsSignature) return;
    idsSignature = signature;
    tracker.refreshAll();
  });
  void store.ready.then(
    () => {
      idsSignature = keyResultIds(store.files()).join('\n');
      return tracker.start();
    },
    () => tracker.start(),
  );
  return subscription;
}
