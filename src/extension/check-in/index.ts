// OKR: Check In... in the editor: from the tree (inline and context menu), a code lens
// above each key result, the palette (due key results first) and the quick fix of
// stale-check-in. One quick input asks for the value, the confidence and a note
// (quick-input.ts); the check-in is one undoable edit of the document, computed by the
// core from its current text (apply.ts). Esc at any step writes nothing. Registration
// only: the commands are in commands.ts, the code lens and quick fix in their modules.

import { OKR_FILES_GLOB } from '../../core/workspace';
import * as vscode from 'vscode';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { CheckInCodeLens } from './code-lens';
import { CheckInCommands } from './commands';
import { registerUpdateFromSources } from './from-sources';
import { CheckInQuickInput } from './quick-input';
import { StaleCheckInQuickFix } from './quick-fix';
import { CheckInReminders } from './reminders';

export type { CheckInWalkResult } from './commands';
export type { CheckInResult } from './quick-input';

/** Hidden command for the in-host suites: the quick input the check-in shows now. */
export const CHECK_IN_INPUT_COMMAND = '_okr.checkInInput';
/** Hidden command for the in-host suites: what the Skip button of a walk does. */
export const CHECK_IN_SKIP_COMMAND = '_okr.checkInSkip';

export function registerCheckIn(context: vscode.ExtensionContext, store: OkrStore, objectivesView?: ObjectivesViewHandle): void {
  const input = new CheckInQuickInput(store, objectivesView);
  const commands = new CheckInCommands(store, input);
  const codeLens = new CheckInCodeLens(store);
  const selector: vscode.DocumentSelector = [{ scheme: 'file', pattern: OKR_FILES_GLOB }];
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.CheckIn, (arg?: unknown, second?: unknown) => commands.checkIn(arg, second)),
    vscode.commands.registerCommand(CommandId.CheckInDue, (arg?: unknown) => commands.checkInDue(arg)),
    vscode.commands.registerCommand(CHECK_IN_INPUT_COMMAND, () => input.active),
    vscode.commands.registerCommand(CHECK_IN_SKIP_COMMAND, () => input.skip()),
    new CheckInReminders(context, store),
    registerUpdateFromSources(store),
    codeLens,
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    vscode.languages.registerCodeActionsProvider(selector, new StaleCheckInQuickFix(store), StaleCheckInQuickFix.metadata),
  );
}
