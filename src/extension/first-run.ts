// The first time OKR Lens runs after being installed: show the OKR Lens view (when the
// workspace has OKR files) and the Get Started walkthrough beside the editor, as VS Code
// does for walkthroughs of extensions installed from its UI. Once per installation;
// VS Code's own `workbench.welcomePage.walkthroughs.openOnInstall: false` turns it off.

import * as vscode from 'vscode';
import type { OkrStore } from './okr-store';
import { vscodeSetting } from './settings/settings';

/** globalState key: set once the first run has happened. */
export const FIRST_RUN_KEY = 'okr.firstRunDone';
export const WALKTHROUGH_ID = 'okr.getStarted';

export function registerFirstRun(context: vscode.ExtensionContext, store: OkrStore): void {
  if (context.globalState.get<boolean>(FIRST_RUN_KEY)) return;
  void context.globalState.update(FIRST_RUN_KEY, true);
  if (!vscodeSetting('workbench.welcomePage.walkthroughs.openOnInstall', true)) return;
  void store.ready.then(async () => {
    if (store.files().length > 0) await vscode.commands.executeCommand('workbench.view.extension.okr');
    // To the side: an OKR file open in the editor stays in view.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, true);
  });
}
