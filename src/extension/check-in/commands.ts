// OKR: Check In... and OKR: Check In on Due Key Results...: find the key result (a
// command argument, else a quick pick with the due ones first), ask (quick-input.ts) and
// write (apply.ts). Restricted Mode writes nothing.

import * as vscode from 'vscode';
import { lateness } from '../../core/check-ins';
import type { OkrStore } from '../okr-store';
import { applyCheckIn } from './apply';
import { orderForPicking, walkSummary, type WalkPosition } from './prompts';
import { Cancelled, CheckInQuickInput, type CheckInResult, Skipped } from './quick-input';
import { dueEntries } from './reminders';
import { type Target, targetOf, walkScope } from './targets';

/** What OKR: Check In on Due Key Results... did. */
export interface CheckInWalkResult {
  checkedIn: string[];
  skipped: string[];
  /** Esc ended the walk before its end. */
  ended: boolean;
}

function refuseUntrusted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showInformationMessage(
    'OKR Lens: Check In writes to the OKR file, which OKR Lens does not do in Restricted Mode. Trust this workspace to check in.',
  );
  return true;
}

export class CheckInCommands {
  constructor(
    private readonly store: OkrStore,
    private readonly input: CheckInQuickInput,
  ) {}

  private async pickTarget(): Promise<Target | undefined> {
    const store = this.store;
    await store.ready;
    const today = store.today();
    const refs = store.activeKeyResults().filter((r) => r.keyResult.id !== undefined);
    if (refs.length === 0) {
      void vscode.window.showInformationMessage(
        'OKR Lens: the OKR files of this workspace have no active key result with an id to check in.',
      );
      return undefined;
    }
    const ordered = orderForPicking(
      refs.map((r) => ({ ...r, file: r.state.result.file })),
      today,
    );
    type Item = vscode.QuickPickItem & { target: Target };
    const items: Item[] = ordered.map(({ item, daysLate }) => ({
      label: `${daysLate !== undefined ? '$(bell) ' : ''}${item.keyResult.id!}`,
      description: item.keyResult.title,
      detail:
        `${daysLate !== undefined ? `${lateness(daysLate)} · ` : ''}${item.objective.id ?? ''} ${item.objective.title ?? ''}` +
        ` · ${vscode.workspace.asRelativePath(item.state.uri)}`,
      target: { state: item.state, krId: item.keyResult.id! },
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'OKR: Check In',
      placeHolder: 'Key result to check in (due ones first)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.target;
  }

  /** OKR: Check In...: the key result of the argument, else one picked. */
  async checkIn(arg?: unknown, second?: unknown): Promise<CheckInResult | undefined> {
    if (refuseUntrusted()) return undefined;
    await this.store.ready;
    const target = arg === undefined ? await this.pickTarget() : targetOf(this.store, arg, second);
    if (!target) {
      if (arg !== undefined) void vscode.window.showErrorMessage('OKR Lens: that key result is not in the OKR files of this workspace.');
      return undefined;
    }
    try {
      return await this.checkInTarget(target);
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      void vscode.window.showErrorMessage(`OKR Lens: Check In failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** Asks and applies one check-in; undefined when it was not written, Cancelled thrown on Esc, Skipped on Skip. */
  private async checkInTarget(target: Target, walk?: WalkPosition): Promise<CheckInResult | undefined> {
    const result = await this.input.ask(target, walk);
    const fresh = this.store.get(target.state.uri) ?? target.state;
    return (await applyCheckIn(this.store, { state: fresh, krId: target.krId }, result)) ? result : undefined;
  }

  /** OKR: Check In on Due Key Results...: a walk through the due ones (of one file, if given). */
  async checkInDue(arg?: unknown): Promise<CheckInWalkResult | undefined> {
    const store = this.store;
    if (refuseUntrusted()) return undefined;
    await store.ready;
    const scope = walkScope(arg);
    const due = dueEntries(store, scope).filter((d) => d.keyResult.id !== undefined);
    const result: CheckInWalkResult = { checkedIn: [], skipped: [], ended: false };
    if (due.length === 0) {
      void vscode.window.showInformationMessage(
        `OKR Lens: no key result${scope ? ` of ${vscode.workspace.asRelativePath(scope)}` : ''} is due for a check-in on ${store.today()}.`,
      );
      return result;
    }
    for (const [i, d] of due.entries()) {
      const id = d.keyResult.id!;
      try {
        const done = await this.checkInTarget({ state: store.get(d.state.uri) ?? d.state, krId: id }, { index: i + 1, total: due.length });
        (done ? result.checkedIn : result.skipped).push(id);
      } catch (err) {
        if (err instanceof Skipped) {
          result.skipped.push(id);
          continue;
        }
        if (err instanceof Cancelled) {
          result.ended = true;
          break;
        }
        void vscode.window.showErrorMessage(`OKR Lens: Check In failed: ${(err as Error).message}`);
        result.ended = true;
        break;
      }
    }
    vscode.window.setStatusBarMessage(walkSummary(result.checkedIn.length, result.skipped.length), 5000);
    return result;
  }
}
