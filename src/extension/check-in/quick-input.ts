// The Check In quick input: three steps (value, confidence, a note prefilled from the
// linked commits), titled alike, kept open when focus moves away, with a Skip button in
// a walk through due key results. Esc at any step ends it with nothing written. What
// the steps say comes from prompts.ts.

import * as vscode from 'vscode';
import { parseCheckInValue } from '../../core/edits';
import { findKeyResult } from '../../core/edits/check-in';
import type { KeyResult } from '../../core/model';
import { effectiveCurrent, latestCheckIn, objectivePeriod } from '../../core/progress';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { checkInTitle, confidenceChoices, defaultConfidence, notePrompt, valuePrompt, type WalkPosition } from './prompts';
import { commitNote } from './reminders-model';
import type { Target } from './targets';

export interface CheckInResult {
  uri: string;
  keyResultId: string;
  value: number;
  confidence?: number;
  note?: string;
}

/** The confidence pick's first row when the key result has none yet. */
const NO_CONFIDENCE = 'No confidence yet';

/** Esc at a step. */
export class Cancelled extends Error {}
/** The Skip button of a walk through due key results. */
export class Skipped extends Error {}

const SKIP_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: 'Skip this key result' };

type Step = vscode.QuickInput & {
  buttons: readonly vscode.QuickInputButton[];
  onDidTriggerButton: vscode.Event<vscode.QuickInputButton>;
};

/** One of the check-in's three steps, titled as the others, kept open when focus moves away. */
function stepOf<T extends Step>(input: T, step: number, title: string, buttons: readonly vscode.QuickInputButton[]): T {
  input.title = title;
  input.step = step;
  input.totalSteps = 3;
  input.ignoreFocusOut = true;
  input.buttons = buttons;
  return input;
}

export class CheckInQuickInput {
  /** The step shown now; the in-host suites fill it through a hidden command. */
  active: vscode.QuickInput | undefined;
  private skipActive: (() => void) | undefined;

  constructor(
    private readonly store: OkrStore,
    private readonly objectivesView?: ObjectivesViewHandle,
  ) {}

  /** What the Skip button does; false when no step of a walk is shown. */
  skip(): boolean {
    if (!this.skipActive) return false;
    this.skipActive();
    return true;
  }

  /** Shows one step and resolves with what was accepted; Esc (hide) rejects with Cancelled, Skip with Skipped. */
  private step<T>(input: Step, onAccept: (resolve: (v: T) => void) => vscode.Disposable): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const skip = () => {
        if (done) return;
        done = true;
        reject(new Skipped());
        input.hide();
      };
      const subs: vscode.Disposable[] = [
        onAccept((v) => {
          done = true;
          resolve(v);
        }),
        input.onDidTriggerButton((b) => b === SKIP_BUTTON && skip()),
        input.onDidHide(() => {
          for (const d of subs) d.dispose();
          this.skipActive = undefined;
          if (this.active === input) this.active = undefined;
          if (!done) reject(new Cancelled());
        }),
      ];
      this.active = input;
      this.skipActive = skip;
      input.show();
    });
  }

  /** A step, disposed once it is answered or ended. */
  private async shown<T>(input: Step, onAccept: (resolve: (v: T) => void) => vscode.Disposable): Promise<T> {
    try {
      return await this.step<T>(input, onAccept);
    } finally {
      input.dispose();
    }
  }

  /** The subjects of the commits linked to the key result since its latest check-in; empty before the history is read. */
  private notePrefill(kr: KeyResult, since: string | undefined): string {
    if (!kr.id) return '';
    try {
      const work = this.objectivesView?.linkedWorkSource()?.forKeyResult(kr.id);
      return work ? commitNote(work.commits, since) : '';
    } catch {
      // The git features report their own errors; a check-in goes on without a prefill.
      return '';
    }
  }

  /** The three steps for one key result; rejects with Cancelled on Esc, Skipped on Skip. */
  async ask(target: Target, walk?: WalkPosition): Promise<CheckInResult> {
    const today = this.store.today();
    const file = target.state.result.file;
    const found = findKeyResult(file, target.krId);
    if (!found) throw new Error(`${target.krId} is no longer a key result of this file`);
    const { objective, keyResult: kr } = found;
    const title = checkInTitle(kr.id ?? target.krId, kr.title, walk);
    const buttons = walk ? [SKIP_BUTTON] : [];

    // 1. Value.
    const box = stepOf(vscode.window.createInputBox(), 1, title, buttons);
    box.prompt = valuePrompt(file, objective, kr, today);
    const current = effectiveCurrent(kr);
    box.value = current !== undefined ? String(current) : '';
    box.valueSelection = [0, box.value.length];
    box.onDidChangeValue((v) => {
      const parsed = parseCheckInValue(v);
      box.validationMessage = v.trim() === '' || 'value' in parsed ? undefined : parsed.message;
    });
    const value = await this.shown<number>(box, (resolve) =>
      box.onDidAccept(() => {
        const parsed = parseCheckInValue(box.value);
        if ('value' in parsed) resolve(parsed.value);
        else box.validationMessage = parsed.message;
      }),
    );

    // 2. Confidence.
    type Choice = vscode.QuickPickItem & { value: number | undefined };
    const pick = stepOf(vscode.window.createQuickPick<Choice>(), 2, title, buttons);
    pick.placeholder = 'Confidence of reaching the target (Google grading: 0.7+ green, 0.4-0.6 yellow, below red)';
    const choices: Choice[] = confidenceChoices().map((c) => ({ label: c.label, description: c.description, value: c.value }));
    const preset = defaultConfidence(kr);
    // With no confidence so far, the first row (what Enter takes) records none: not a 1.0 nobody chose.
    pick.items =
      preset === undefined ? [{ label: NO_CONFIDENCE, description: 'record the value alone', value: undefined }, ...choices] : choices;
    const presetItem = pick.items.find((i) => i.value !== undefined && i.value === preset);
    if (presetItem) pick.activeItems = [presetItem];
    const confidence = await this.shown<number | undefined>(pick, (resolve) =>
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) resolve(chosen.value);
      }),
    );

    // 3. Note.
    const noteBox = stepOf(vscode.window.createInputBox(), 3, title, buttons);
    noteBox.value = this.notePrefill(kr, latestCheckIn(kr)?.date ?? objectivePeriod(file, objective)?.start);
    noteBox.prompt = notePrompt(noteBox.value !== '');
    const note = await this.shown<string>(noteBox, (resolve) => noteBox.onDidAccept(() => resolve(noteBox.value))).finally(
      () => (this.active = undefined),
    );
    return {
      uri: target.state.uri.toString(),
      keyResultId: kr.id ?? target.krId,
      value,
      ...(confidence !== undefined ? { confidence } : {}),
      ...(note.trim() !== '' ? { note: note.trim() } : {}),
    };
  }
}
