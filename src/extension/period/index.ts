// OKR: Close Period... and OKR: Start Next Period...: the editor's doors to
// `okr close` and `okr next-period`. The plans come from core (period-close.ts,
// period-next.ts); close-period.ts and next-period.ts ask for them through quick picks
// and input boxes and apply them as workspace edits, so undo and dirty editors behave as
// for any edit.

import * as vscode from 'vscode';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { closePeriod } from './close-period';
import { startNextPeriod } from './next-period';

export function registerPeriodCommands(context: vscode.ExtensionContext, store: OkrStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.ClosePeriod, (uri?: unknown) => closePeriod(store, uri)),
    vscode.commands.registerCommand(CommandId.StartNextPeriod, (uri?: unknown) => startNextPeriod(store, uri)),
  );
}
