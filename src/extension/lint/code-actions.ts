// Quick fixes and "fix all" for OKR files. Every action is computed from the lint of
// the document's current text (current-lint.ts), so its offsets are those of the text
// it edits, and every edit replaces only the span it is about: comments, quoting and
// blank lines elsewhere stay as the user wrote them.

import * as vscode from 'vscode';
import { planFixAll } from '../../core/fix-all';
import type { Finding, Fix, TextEdit } from '../../core/model';
import { disableForFileFix, disableForLineFix } from '../../core/suppress-edits';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { baselineInsertion, baselineSnippet, keyResultAtTitle } from './baseline';
import type { LintResult } from '../../core/lint';
import { currentLint } from './current-lint';
import { lintEnabled } from './diagnostics';
import { pushAll } from '../../core/arrays';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('okr');

/** Internal (not in the palette): inserts a snippet into the editor of a document, as the version it was made for. */
export const INSERT_SNIPPET_COMMAND = '_okr.insertSnippet';

export async function insertSnippet(uri: unknown, version: unknown, offset: unknown, snippet: unknown): Promise<boolean> {
  if (!(uri instanceof vscode.Uri) || typeof version !== 'number' || typeof offset !== 'number' || typeof snippet !== 'string')
    return false;
  const document = await vscode.workspace.openTextDocument(uri);
  // Typed since the action was offered: its offset may point elsewhere now.
  if (document.version !== version) return false;
  const editor = await vscode.window.showTextDocument(document);
  // The snippet's lines carry their own indentation; the editor must not add the current line's.
  return editor.insertSnippet(new vscode.SnippetString(snippet), document.positionAt(offset), {
    undoStopBefore: true,
    undoStopAfter: true,
    keepWhitespace: true,
  });
}

/** Snippet text: `$`, `}` and `\` stand for themselves. */
const escapeSnippet = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

/**
 * A fix that leaves a value to fill (`valueAt`), as a snippet inserted at its offset,
 * with `key: ` and the cursor where the value goes; undefined for any other fix.
 */
export function fixSnippet(fix: Fix): { offset: number; text: string } | undefined {
  const [edit] = fix.edits;
  if (fix.valueAt === undefined || fix.edits.length !== 1 || edit.start !== edit.end) return undefined;
  const before = edit.newText.slice(0, fix.valueAt);
  const after = edit.newText.slice(fix.valueAt);
  return { offset: edit.start, text: `${escapeSnippet(before)} \${1}${escapeSnippet(after)}` };
}

/** Rules whose findings cannot be disabled: a YAML error is not an opinion about the OKRs. */
const NOT_SUPPRESSIBLE = new Set(['syntax']);

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    edits.map((e) => new vscode.TextEdit(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText)),
  );
  return edit;
}

const codeOf = (d: vscode.Diagnostic): string | undefined =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);

export class OkrCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: OkrStore) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    try {
      if (!lintEnabled(document.uri)) return [];
      const result = await currentLint(this.store, document, token);
      if (!result || token.isCancellationRequested) return [];
      return this.actions(document, range, context, result);
    } catch (err) {
      // A bug here must cost the user a lightbulb, not an error popup on every cursor move.
      console.error('OKR Lens: code actions failed', err);
      return [];
    }
  }

  private actions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    result: LintResult,
  ): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const out: vscode.CodeAction[] = [];

    if (wants(FIX_ALL_KIND) && context.only) {
      // Only on request (`source.fixAll` on save, or the Source Action menu): never in the lightbulb.
      const plan = planFixAll(result.findings, document.getText().length);
      if (plan.edits.length > 0) {
        const action = new vscode.CodeAction('Fix all auto-fixable OKR problems', FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(document, plan.edits);
        out.push(action);
      }
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return out;

    const text = document.getText();
    const rangeOf = (f: Finding) => new vscode.Range(document.positionAt(f.span.start), document.positionAt(f.span.end));
    const here = result.findings.filter((f) => rangeOf(f).intersection(range) !== undefined);
    const seen = new Set<string>();
    const once = (key: string) => !seen.has(key) && (seen.add(key), true);
    const fixes: vscode.CodeAction[] = [];
    const disables: vscode.CodeAction[] = [];
    const docs: vscode.CodeAction[] = [];

    for (const finding of here) {
      const findingRange = rangeOf(finding);
      const diagnostic = context.diagnostics.find((d) => codeOf(d) === finding.ruleId && d.range.isEqual(findingRange));
      const quickFix = (title: string) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        if (diagnostic) action.diagnostics = [diagnostic];
        return action;
      };

      const certain = finding.fixes ?? [];
      for (const fix of certain) {
        if (!once(`fix:${JSON.stringify(fix.edits)}`)) continue;
        const action = quickFix(fix.title);
        const snippet = fixSnippet(fix);
        if (snippet) {
          // A command rather than an edit: only an editor can leave the cursor in the value to fill.
          action.command = {
            command: INSERT_SNIPPET_COMMAND,
            title: fix.title,
            arguments: [document.uri, document.version, snippet.offset, snippet.text],
          };
        } else {
          action.edit = toWorkspaceEdit(document, fix.edits);
        }
        action.isPreferred = certain.length === 1;
        fixes.push(action);
      }

      if (finding.ruleId === 'kr-no-baseline') {
        const kr = keyResultAtTitle(result.file.objectives, finding.span);
        if (kr && !kr.spans.keys.start && once(`baseline:${finding.span.start}`)) {
          const insertion = baselineInsertion(text, kr);
          const action = quickFix('Add `start:` (the value when the period began)');
          // A command rather than an edit: only an editor can leave the cursor where the value goes.
          action.command = {
            command: INSERT_SNIPPET_COMMAND,
            title: action.title,
            arguments: [document.uri, document.version, insertion.start, baselineSnippet(insertion)],
          };
          fixes.push(action);
        }
      }

      if (!NOT_SUPPRESSIBLE.has(finding.ruleId)) {
        const line = disableForLineFix(text, finding.span.start, finding.ruleId);
        if (line && once(`line:${JSON.stringify(line.edits)}`)) {
          const action = quickFix(line.title);
          action.edit = toWorkspaceEdit(document, line.edits);
          disables.push(action);
        }
        const file = disableForFileFix(text, finding.ruleId);
        if (file && once(`file:${finding.ruleId}`)) {
          const action = quickFix(file.title);
          action.edit = toWorkspaceEdit(document, file.edits);
          disables.push(action);
        }
      }

      if (once(`docs:${finding.ruleId}`)) {
        const action = quickFix(`Show documentation for ${finding.ruleId}`);
        action.command = { command: CommandId.ShowRuleDocs, title: action.title, arguments: [finding.ruleId] };
        docs.push(action);
      }
    }

    pushAll(out, fixes.concat(disables, docs));
    // With several fixable problems in the file, one action fixes them all (as ESLint offers).
    if (fixes.length > 0) {
      const plan = planFixAll(result.findings, text.length);
      if (plan.applied.length > 1) {
        const action = new vscode.CodeAction('Fix all auto-fixable problems in this file', vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, plan.edits);
        out.push(action);
      }
    }
    return out;
  }
}
