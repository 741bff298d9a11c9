// The quick fix of stale-check-in: "Check In <id>..." on the key result the finding is on.

import * as vscode from 'vscode';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';

export class StaleCheckInQuickFix implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: OkrStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    const state = this.store.get(document.uri);
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
  }
}
