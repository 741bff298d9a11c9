// The Check In code lens above each active key result with an id (with a bell and how
// late when it is due); none in Restricted Mode, when the setting is off, or while the
// store has not read the document's current text.

import * as vscode from 'vscode';
import { lateness } from '../../core/check-ins';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import { orderForPicking } from './prompts';

export class CheckInCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: OkrStore) {
    this.subscriptions = [
      this.changed,
      store.onDidChange(() => this.changed.fire()),
      onDidChangeSettings((change) => change.affects('codeLens') && this.changed.fire()),
    ];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!settingsFor(document.uri).codeLens || !vscode.workspace.isTrusted) return [];
    const state = this.store.get(document.uri);
    if (!state || (state.version !== undefined && state.version !== document.version)) return [];
    const today = this.store.today();
    return state.result.file.objectives.flatMap((o) =>
      o.keyResults
        .filter((kr) => kr.id !== undefined && kr.status === 'active' && o.status === 'active')
        .map((kr) => {
          const due = orderForPicking([{ file: state.result.file, objective: o, keyResult: kr }], today)[0].daysLate;
          const range = document.lineAt(document.positionAt(kr.spans.node.start).line).range;
          return new vscode.CodeLens(range, {
            title: due !== undefined ? `$(bell) Check In (${lateness(due)})` : 'Check In',
            command: CommandId.CheckIn,
            arguments: [document.uri, kr.id],
          });
        }),
    );
  }
}
