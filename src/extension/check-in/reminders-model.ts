// What the check-in reminders say and when they speak, independent of VS Code: the
// status bar text, the tree's due marker, the notification's message, and the rule
// that keeps it to at most one notification per cadence window per workspace
// (Snooze for a day asks again the next day; Don't Show Again never asks again).
// Pure: no vscode import, unit-tested in test/extension-unit/check-in-reminders.test.ts.

import { cadenceWords, lateness, type DueKeyResult } from '../../core/check-ins';
import { addDays } from '../../core/dates';
import { daysBetween } from '../../core/progress';

/** `okr.checkIn.reminders`: a notification and the status bar, the status bar only, or nothing. */
export type RemindersMode = 'notify' | 'statusBar' | 'off';

export const REMINDERS_MODES: readonly RemindersMode[] = ['notify', 'statusBar', 'off'];

/** What the workspace remembers between sessions (workspaceState). */
export interface ReminderMemory {
  /** The day the last notification was shown. */
  shownOn?: string;
  /** No notification before this day (Snooze for a day). */
  snoozedUntil?: string;
  /** Don't Show Again. */
  dismissed?: boolean;
}

export const REMINDER_ACTIONS = { checkIn: 'Check In', snooze: 'Snooze for a day', dismiss: "Don't Show Again" } as const;

/** "$(bell) 3 check-ins due"; undefined when nothing is due (the item hides). */
export function dueStatusText(count: number): string | undefined {
  if (count <= 0) return undefined;
  return `$(bell) ${count} check-in${count === 1 ? '' : 's'} due`;
}

/** The status bar item's tooltip: each due key result with how late it is (the latest first). */
export function dueTooltip(due: readonly Pick<DueKeyResult, 'keyResult' | 'daysLate'>[], shown = 10): string {
  const lines = due.slice(0, shown).map((d) => `${d.keyResult.id ?? d.keyResult.title ?? '(key result)'}: ${lateness(d.daysLate)}`);
  if (due.length > shown) lines.push(`and ${due.length - shown} more`);
  return [`Key results due for a check-in (click to check in on each):`, ...lines].join('\n');
}

/** The notification: how many, which are the latest, and the cadence that made them due. */
export function reminderMessage(due: readonly Pick<DueKeyResult, 'keyResult' | 'daysLate' | 'cadence'>[]): string {
  const count = due.length;
  const names = due
    .slice(0, 3)
    .map((d) => d.keyResult.id ?? d.keyResult.title ?? '(key result)')
    .join(', ');
  const more = count > 3 ? ` and ${count - 3} more` : '';
  const cadences = [...new Set(due.map((d) => d.cadence))];
  const every = cadences.length === 1 ? ` (check-ins ${cadenceWords(cadences[0])})` : '';
  return `OKR Lens: ${count === 1 ? '1 key result is' : `${count} key results are`} due for a check-in: ${names}${more}${every}.`;
}

/**
 * Whether to show the notification today: something is due, notifications are on, not
 * dismissed or snoozed, and none was shown in this cadence window (the shortest cadence
 * of the due key results, counted from the day the last one was shown).
 */
export function shouldNotify(memory: ReminderMemory, mode: RemindersMode, dueCount: number, cadence: number, today: string): boolean {
  if (mode !== 'notify' || dueCount <= 0 || memory.dismissed) return false;
  if (memory.snoozedUntil !== undefined && today < memory.snoozedUntil) return false;
  if (memory.shownOn === undefined) return true;
  // A date set back (okr.lint.today, a clock) before the last notification: the window has not passed.
  return daysBetween(memory.shownOn, today) >= cadence;
}

/** The memory after the notification was shown on `today`, and after the user's answer. */
export function afterShown(memory: ReminderMemory, today: string): ReminderMemory {
  const { snoozedUntil: _snoozed, ...rest } = memory;
  return { ...rest, shownOn: today };
}

export function afterSnooze(memory: ReminderMemory, today: string): ReminderMemory {
  // The next day asks again, whatever the window: that is what the user asked for.
  const { shownOn: _shown, ...rest } = memory;
  return { ...rest, snoozedUntil: addDays(today, 1) };
}

export function afterDismiss(memory: ReminderMemory): ReminderMemory {
  return { ...memory, dismissed: true };
}

/** Reads what workspaceState holds, whatever it is (an older or hand-edited value). */
export function readMemory(raw: unknown): ReminderMemory {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const shownOn = day(o.shownOn);
  const snoozedUntil = day(o.snoozedUntil);
  return {
    ...(shownOn ? { shownOn } : {}),
    ...(snoozedUntil ? { snoozedUntil } : {}),
    ...(o.dismissed === true ? { dismissed: true } : {}),
  };
}

/** A subject line for the note: the subjects of commits since the last check-in (newest first). */
export function commitNote(commits: readonly { subject: string; date: string }[], since: string | undefined, shown = 5): string {
  const picked = commits
    .filter((c) => since === undefined || c.date.slice(0, 10) >= since)
    .map((c) => c.subject.trim())
    .filter((s) => s !== '');
  if (picked.length === 0) return '';
  const more = picked.length > shown ? `; and ${picked.length - shown} more commit${picked.length - shown === 1 ? '' : 's'}` : '';
  return picked.slice(0, shown).join('; ') + more;
}
