// Check-in reminders that do not nag: a status bar item "$(bell) 3 check-ins due" (a
// click walks through them), and at most one notification per cadence window per
// workspace, with Check In, Snooze for a day and Don't Show Again. What is due is the
// core's `dueKeyResults` (the same as `okr due`). Quiet when nothing is due, when the
// period is over (nothing is due then), with `okr.checkIn.reminders: off`, and in
// Restricted Mode, where checking in is not possible.

import * as vscode from 'vscode';
import { minOf } from '../../core/arrays';
import { dueKeyResults, type DueKeyResult } from '../../core/check-ins';
import { CommandId } from '../command-ids';
import type { OkrFileState, OkrStore } from '../okr-store';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import {
  afterDismiss,
  afterShown,
  afterSnooze,
  dueStatusText,
  dueTooltip,
  readMemory,
  REMINDER_ACTIONS,
  reminderMessage,
  shouldNotify,
  type ReminderMemory,
} from './reminders-model';

/**
 * Hidden command for the in-host suites: what the reminders show now (status bar items and
 * notifications cannot be read through the API).
 */
export const REMINDERS_COMMAND = '_okr.reminders';
/** Hidden command for the in-host suites: answers the notification on show, as a click on one of its buttons would. */
export const REMINDER_ANSWER_COMMAND = '_okr.reminderAnswer';

const MEMORY_KEY = 'okr.checkIn.reminderMemory';
const UPDATE_DEBOUNCE_MS = 300;
/** The day can turn while the window stays open: look again every hour. */
const RECHECK_MS = 60 * 60 * 1000;

export interface DueEntry extends DueKeyResult {
  state: OkrFileState;
}

export interface RemindersSnapshot {
  due: { uri: string; keyResultId?: string; daysLate: number }[];
  statusBar: { visible: boolean; text: string; tooltip: string };
  /** The notification on show, if any. */
  notification?: { message: string; actions: string[] };
  /** How many notifications were shown in this session. */
  shown: number;
  memory: ReminderMemory;
}

/** Every due key result of the workspace's OKR files (or of one file), the latest first. */
export function dueEntries(store: OkrStore, only?: vscode.Uri): DueEntry[] {
  const today = store.today();
  return store
    .files()
    .filter((s) => !only || s.uri.toString() === only.toString())
    .flatMap((state) => dueKeyResults(state.result.file, today).map((d) => ({ ...d, state })))
    .sort((a, b) => b.daysLate - a.daysLate);
}

export class CheckInReminders implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okr.checkInsDue', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: RemindersSnapshot = { due: [], statusBar: { visible: false, text: '', tooltip: '' }, shown: 0, memory: {} };
  private pending: { message: string; answer: (action: string | undefined) => void } | undefined;
  private started = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: OkrStore,
  ) {
    this.item.name = 'OKR Lens: Check-ins Due';
    this.item.command = { title: 'Check In on Due Key Results...', command: CommandId.CheckInDue };
    const interval = setInterval(() => this.updateSoon(), RECHECK_MS);
    this.subscriptions.push(
      { dispose: () => clearInterval(interval) },
      store.onDidChange(() => this.updateSoon()),
      onDidChangeSettings((change) => (change.affects('checkInReminders') || change.affects('lintToday')) && this.updateSoon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.updateSoon()),
      vscode.window.onDidChangeWindowState((s) => s.focused && this.updateSoon()),
      vscode.commands.registerCommand(REMINDERS_COMMAND, async (): Promise<RemindersSnapshot> => {
        await this.update();
        return this.state();
      }),
      vscode.commands.registerCommand(REMINDER_ANSWER_COMMAND, async (action: string | undefined) => {
        const pending = this.pending;
        if (!pending) return false;
        pending.answer(action);
        // Let the answer's handler run before the caller looks.
        await new Promise((r) => setTimeout(r, 0));
        return true;
      }),
    );
    void store.ready.then(() => {
      this.started = true;
      this.updateSoon();
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }

  state(): RemindersSnapshot {
    return {
      ...this.snapshot,
      memory: this.memory(),
      ...(this.pending ? { notification: { message: this.pending.message, actions: Object.values(REMINDER_ACTIONS) } } : {}),
    };
  }

  private memory(): ReminderMemory {
    return readMemory(this.context.workspaceState.get(MEMORY_KEY));
  }

  private async remember(memory: ReminderMemory): Promise<void> {
    await this.context.workspaceState.update(MEMORY_KEY, memory);
  }

  private updateSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, UPDATE_DEBOUNCE_MS);
  }

  async update(): Promise<void> {
    if (!this.started) await this.store.ready;
    this.started = true;
    const mode = settingsFor().checkInReminders;
    // Restricted Mode cannot check in: reminding there would be nagging.
    const due = mode === 'off' || !vscode.workspace.isTrusted ? [] : dueEntries(this.store);
    const text = dueStatusText(due.length);
    const tooltip = text ? dueTooltip(due) : '';
    if (text) {
      this.item.text = text;
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label: `${due.length} key result${due.length === 1 ? '' : 's'} due for a check-in` };
      this.item.show();
    } else this.item.hide();
    this.snapshot = {
      ...this.snapshot,
      due: due.map((d) => ({ uri: d.state.uri.toString(), keyResultId: d.keyResult.id, daysLate: d.daysLate })),
      statusBar: { visible: text !== undefined, text: text ?? '', tooltip },
    };
    const today = this.store.today();
    const cadence = minOf(due.map((d) => d.cadence));
    if (this.pending || !shouldNotify(this.memory(), mode, due.length, cadence, today)) return;
    await this.remember(afterShown(this.memory(), today));
    this.snapshot = { ...this.snapshot, shown: this.snapshot.shown + 1 };
    void this.notify(reminderMessage(due), today);
  }

  private async notify(message: string, today: string): Promise<void> {
    const answered = new Promise<string | undefined>((resolve) => {
      this.pending = { message, answer: resolve };
    });
    const clicked = vscode.window.showInformationMessage(
      message,
      REMINDER_ACTIONS.checkIn,
      REMINDER_ACTIONS.snooze,
      REMINDER_ACTIONS.dismiss,
    );
    const action = await Promise.race([answered, Promise.resolve(clicked)]);
    this.pending = undefined;
    if (action === REMINDER_ACTIONS.checkIn) {
      await vscode.commands.executeCommand(CommandId.CheckInDue);
    } else if (action === REMINDER_ACTIONS.snooze) {
      await this.remember(afterSnooze(this.memory(), today));
    } else if (action === REMINDER_ACTIONS.dismiss) {
      await this.remember(afterDismiss(this.memory()));
    }
  }
}
