// OKR: Check In... in the editor: from the tree (inline and context menu), a code lens
// above each key result, the palette (due key results first) and the quick fix of
// stale-check-in. One quick input asks for the value, the confidence and a note; the
// check-in is one undoable edit of the document, computed by the core from its current
// text (also when it is open with unsaved changes). Esc at any step writes nothing.

import { OKR_FILES_GLOB } from '../../core/workspace';
import * as vscode from 'vscode';
import { lateness } from '../../core/check-ins';
import { planCheckIn, parseCheckInValue } from '../../core/edits';
import { findKeyResult } from '../../core/edits/check-in';
import type { KeyResult } from '../../core/model';
import { effectiveCurrent, latestCheckIn, objectivePeriod } from '../../core/progress';
import { CommandId } from '../command-ids';
import type { OkrFileState, OkrStore } from '../okr-store';
import { onDidChangeSettings, settingsFor } from '../settings/settings';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { registerUpdateFromSources } from './from-sources';
import { confidenceChoices, defaultConfidence, orderForPicking, valuePrompt } from './prompts';
import { CheckInReminders, dueEntries } from './reminders';
import { commitNote } from './reminders-model';

/** Hidden command for the in-host suites: the quick input the check-in shows now. */
export const CHECK_IN_INPUT_COMMAND = '_okr.checkInInput';
/** Hidden command for the in-host suites: what the Skip button of a walk does. */
export const CHECK_IN_SKIP_COMMAND = '_okr.checkInSkip';

export interface CheckInResult {
  uri: string;
  keyResultId: string;
  value: number;
  confidence?: number;
  note?: string;
}

interface Target {
  state: OkrFileState;
  krId: string;
}

class Cancelled extends Error {}
/** The Skip button of a walk through due key results. */
class Skipped extends Error {}

/** Where a key result stands in a walk: "2 of 5". */
interface WalkPosition {
  index: number;
  total: number;
}

/** What OKR: Check In on Due Key Results... did. */
export interface CheckInWalkResult {
  checkedIn: string[];
  skipped: string[];
  /** Esc ended the walk before its end. */
  ended: boolean;
}

/** Where a command argument points: a tree node, [uri, id] from a code lens, or a code action's. */
function targetOf(store: OkrStore, arg: unknown, second: unknown): Target | undefined {
  if (arg instanceof vscode.Uri && typeof second === 'string') {
    const state = store.get(arg);
    return state ? { state, krId: second } : undefined;
  }
  const o = arg as { kind?: unknown; entry?: { keyResult?: { id?: unknown } }; keyResult?: { id?: unknown } } | undefined;
  const id =
    o && typeof o === 'object'
      ? o.kind === 'keyResult'
        ? o.entry?.keyResult?.id
        : o.keyResult?.id
      : typeof arg === 'string'
        ? arg
        : undefined;
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const found = store.findDefinition(id.trim());
  return found?.definition.kind === 'key-result' ? { state: found.state, krId: found.definition.id } : undefined;
}

const SKIP_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: 'Skip this key result' };

/** One of the check-in's three steps, titled as the others, kept open when focus moves away. */
function stepOf<T extends vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }>(
  input: T,
  step: number,
  title: string,
  buttons: readonly vscode.QuickInputButton[],
): T {
  input.title = title;
  input.step = step;
  input.totalSteps = 3;
  input.ignoreFocusOut = true;
  input.buttons = buttons;
  return input;
}

export function registerCheckIn(context: vscode.ExtensionContext, store: OkrStore, objectivesView?: ObjectivesViewHandle): void {
  let active: vscode.QuickInput | undefined;
  let skipActive: (() => void) | undefined;

  /** Shows one step and resolves with what was accepted; Esc (hide) rejects with Cancelled, Skip with Skipped. */
  function step<T>(
    input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    onAccept: (resolve: (v: T) => void) => vscode.Disposable,
  ): Promise<T> {
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
          skipActive = undefined;
          if (active === input) active = undefined;
          if (!done) reject(new Cancelled());
        }),
      ];
      active = input;
      skipActive = skip;
      input.show();
    });
  }

  /** The subjects of the commits linked to the key result since its latest check-in; empty before the history is read. */
  function notePrefill(kr: KeyResult, since: string | undefined): string {
    if (!kr.id) return '';
    try {
      const work = objectivesView?.linkedWorkSource()?.forKeyResult(kr.id);
      return work ? commitNote(work.commits, since) : '';
    } catch {
      // The git features report their own errors; a check-in goes on without a prefill.
      return '';
    }
  }

  async function ask(target: Target, walk?: WalkPosition): Promise<CheckInResult | undefined> {
    const today = store.today();
    const file = target.state.result.file;
    const found = findKeyResult(file, target.krId);
    if (!found) throw new Error(`${target.krId} is no longer a key result of this file`);
    const { objective, keyResult: kr } = found;
    const title = `Check In${walk ? ` (${walk.index} of ${walk.total})` : ''}: ${kr.id ?? target.krId}${kr.title ? ` ${kr.title}` : ''}`;
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
    let value: number;
    try {
      value = await step<number>(box, (resolve) =>
        box.onDidAccept(() => {
          const parsed = parseCheckInValue(box.value);
          if ('value' in parsed) resolve(parsed.value);
          else box.validationMessage = parsed.message;
        }),
      );
    } finally {
      box.dispose();
    }

    // 2. Confidence.
    type Choice = vscode.QuickPickItem & { value: number };
    const pick = stepOf(vscode.window.createQuickPick<Choice>(), 2, title, buttons);
    pick.placeholder = 'Confidence of reaching the target (Google grading: 0.7+ green, 0.4-0.6 yellow, below red)';
    pick.items = confidenceChoices().map((c) => ({ label: c.label, description: c.description, value: c.value }));
    const preset = defaultConfidence(kr);
    const presetItem = pick.items.find((i) => i.value === preset);
    if (presetItem) pick.activeItems = [presetItem];
    let confidence: number;
    try {
      confidence = await step<number>(pick, (resolve) =>
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
          if (chosen) resolve(chosen.value);
        }),
      );
    } finally {
      pick.dispose();
    }

    // 3. Note.
    const noteBox = stepOf(vscode.window.createInputBox(), 3, title, buttons);
    noteBox.value = notePrefill(kr, latestCheckIn(kr)?.date ?? objectivePeriod(file, objective)?.start);
    noteBox.prompt = noteBox.value
      ? 'A note: what happened since the last check-in, from the linked commits (edit it; Enter to finish)'
      : 'A note: what happened since the last check-in (optional; Enter to finish)';
    let note: string;
    try {
      note = await step<string>(noteBox, (resolve) => noteBox.onDidAccept(() => resolve(noteBox.value)));
    } finally {
      noteBox.dispose();
      active = undefined;
    }
    return {
      uri: target.state.uri.toString(),
      keyResultId: kr.id ?? target.krId,
      value,
      confidence,
      ...(note.trim() !== '' ? { note: note.trim() } : {}),
    };
  }

  async function apply(target: Target, result: CheckInResult): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(target.state.uri);
    const wasDirty = document.isDirty;
    const plan = planCheckIn(document.getText(), vscode.workspace.asRelativePath(document.uri), {
      krId: result.keyResultId,
      date: store.today(),
      value: result.value,
      confidence: result.confidence,
      note: result.note,
    });
    if (!plan.ok) {
      void vscode.window.showErrorMessage(`OKR Lens: no check-in recorded: ${plan.message}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.edits)
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    // A file that had no unsaved changes is saved, as the CLI would have written it; unsaved work stays the user's to save.
    if (!wasDirty) await document.save();
    vscode.window.setStatusBarMessage(
      `$(check) Checked in ${result.keyResultId}: ${result.value}, confidence ${result.confidence ?? '-'}`,
      5000,
    );
    return true;
  }

  async function pickTarget(): Promise<Target | undefined> {
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
      detail: `${daysLate !== undefined ? `${lateness(daysLate)} · ` : ''}${item.objective.id ?? ''} ${item.objective.title ?? ''} · ${vscode.workspace.asRelativePath(item.state.uri)}`,
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

  const checkIn = async (arg?: unknown, second?: unknown): Promise<CheckInResult | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(
        'OKR Lens: Check In writes to the OKR file, which OKR Lens does not do in Restricted Mode. Trust this workspace to check in.',
      );
      return undefined;
    }
    await store.ready;
    const target = arg === undefined ? await pickTarget() : targetOf(store, arg, second);
    if (!target) {
      if (arg !== undefined) void vscode.window.showErrorMessage('OKR Lens: that key result is not in the OKR files of this workspace.');
      return undefined;
    }
    try {
      return await checkInTarget(target);
    } catch (err) {
      if (err instanceof Cancelled) return undefined;
      void vscode.window.showErrorMessage(`OKR Lens: Check In failed: ${(err as Error).message}`);
      return undefined;
    }
  };

  /** Asks and applies one check-in; false when skipped, Cancelled thrown on Esc. */
  async function checkInTarget(target: Target, walk?: WalkPosition): Promise<CheckInResult | undefined> {
    const result = await ask(target, walk);
    if (!result) return undefined;
    const fresh = store.get(target.state.uri) ?? target.state;
    return (await apply({ state: fresh, krId: target.krId }, result)) ? result : undefined;
  }

  /** The OKR file a walk is limited to: a file node of the tree, a file's URI; none: every file. */
  function walkScope(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    const o = arg as { kind?: unknown; uri?: unknown } | undefined;
    return o && typeof o === 'object' && o.kind === 'file' && o.uri instanceof vscode.Uri ? o.uri : undefined;
  }

  const checkInDue = async (arg?: unknown): Promise<CheckInWalkResult | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(
        'OKR Lens: Check In writes to the OKR file, which OKR Lens does not do in Restricted Mode. Trust this workspace to check in.',
      );
      return undefined;
    }
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
        const done = await checkInTarget({ state: store.get(d.state.uri) ?? d.state, krId: id }, { index: i + 1, total: due.length });
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
    const n = result.checkedIn.length;
    vscode.window.setStatusBarMessage(
      `$(check) Checked in ${n} key result${n === 1 ? '' : 's'}${result.skipped.length ? `, skipped ${result.skipped.length}` : ''}`,
      5000,
    );
    return result;
  };

  const selector: vscode.DocumentSelector = [{ scheme: 'file', pattern: OKR_FILES_GLOB }];
  const lensChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    lensChanged,
    vscode.commands.registerCommand(CommandId.CheckIn, checkIn),
    vscode.commands.registerCommand(CommandId.CheckInDue, checkInDue),
    vscode.commands.registerCommand(CHECK_IN_INPUT_COMMAND, () => active),
    vscode.commands.registerCommand(CHECK_IN_SKIP_COMMAND, () => {
      if (!skipActive) return false;
      skipActive();
      return true;
    }),
    new CheckInReminders(context, store),
    registerUpdateFromSources(store),
    store.onDidChange(() => lensChanged.fire()),
    onDidChangeSettings((change) => change.affects('codeLens') && lensChanged.fire()),
    vscode.languages.registerCodeLensProvider(selector, {
      onDidChangeCodeLenses: lensChanged.event,
      provideCodeLenses(document) {
        if (!settingsFor(document.uri).codeLens || !vscode.workspace.isTrusted) return [];
        const state = store.get(document.uri);
        if (!state || (state.version !== undefined && state.version !== document.version)) return [];
        const today = store.today();
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
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      selector,
      {
        provideCodeActions(document, _range, ctx) {
          if (!vscode.workspace.isTrusted) return [];
          const state = store.get(document.uri);
          if (!state) return [];
          return ctx.diagnostics
            .filter((d) => d.source === 'okr-lens' && (typeof d.code === 'object' ? d.code.value : d.code) === 'stale-check-in')
            .flatMap((d) => {
              const offset = document.offsetAt(d.range.start);
              const ref = state.result.file.objectives
                .flatMap((o) => o.keyResults)
                .find((kr) => kr.spans.node.start <= offset && offset <= kr.spans.node.end);
              if (!ref?.id) return [];
              const action = new vscode.CodeAction(`Check In ${ref.id}...`, vscode.CodeActionKind.QuickFix);
              action.diagnostics = [d];
              action.isPreferred = true;
              action.command = { title: 'Check In...', command: CommandId.CheckIn, arguments: [document.uri, ref.id] };
              return [action];
            });
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
