// The status bar item naming the key result of the current branch (`$(target)
// PLAT-KR1`); a click reveals it in the Objectives view. Hidden when the branch
// stands for no key result, when HEAD is detached, or outside a repository.

import * as vscode from 'vscode';
import { progressSummary } from '../../core/wording';
import { assessKeyResult } from '../../core/progress';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import { findKeyResultEntry } from '../tree/nodes';
import type { RepositoryTracker, TrackedRepository } from './repositories';

/** What the item shows, for the in-host suites (status bar items cannot be read through the API). */
export interface GitStatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  keyResultId?: string;
  branch?: string;
  repository?: string;
  /** Whether the id names a key result of the OKR files. */
  known: boolean;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export class KeyResultStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okr.keyResult', vscode.StatusBarAlignment.Left, 50);
  private snapshot: GitStatusSnapshot = { visible: false, text: '', tooltip: '', known: false };
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly store: OkrStore,
  ) {
    this.item.name = 'OKR Lens: Key Result of the Branch';
    this.subscriptions.push(
      this.item,
      tracker.onDidChangeState(() => this.update()),
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  state(): GitStatusSnapshot {
    return { ...this.snapshot };
  }

  /** The repository the user works in: the active editor's, else the one selected in Source Control, else the only one. */
  currentRepository(): TrackedRepository | undefined {
    const repos = this.tracker.repositories();
    const editor = vscode.window.activeTextEditor?.document.uri;
    const ofEditor = editor ? this.tracker.repositoryOf(editor) : undefined;
    if (ofEditor) return ofEditor;
    if (repos.length <= 1) return repos[0];
    const selected = repos.filter((r) => r.api?.ui.selected);
    if (selected.length === 1) return selected[0];
    return repos.find((r) => r.keyResult) ?? repos[0];
  }

  update(): void {
    const repo = this.currentRepository();
    const kr = repo?.keyResult;
    if (!repo || !kr || repo.branch === undefined) {
      this.snapshot = { visible: false, text: '', tooltip: '', known: false, branch: repo?.branch, repository: repo?.root };
      this.item.hide();
      return;
    }
    const found = this.store.findDefinition(kr.id);
    const entry = found?.definition.kind === 'key-result' ? findKeyResultEntry(found.state.result.file, kr.id) : undefined;
    const how = kr.source === 'link' ? `linked in git config (branch.${repo.branch}.okrKeyResult)` : 'named in the branch';
    const lines: string[] = [];
    let plain: string;
    if (found && entry) {
      const keyResult = entry.keyResult.keyResult;
      const assessment = assessKeyResult(found.state.result.file, entry.objective.objective, keyResult, this.store.today());
      const summary = progressSummary({
        progress: assessment.progress,
        paceGap: assessment.paceGap,
        confidence: assessment.confidence,
        owner: keyResult.owner,
        health: assessment.health,
      });
      const title = keyResult.title ?? '';
      lines.push(`**${escapeMarkdown(kr.id)}** ${escapeMarkdown(title)}`, '', escapeMarkdown(summary));
      plain = `${kr.id} ${title}\n${summary}`;
      this.item.text = `$(target) ${kr.id}`;
      this.item.command = { command: CommandId.RevealKeyResult, title: 'Reveal Key Result in Sidebar', arguments: [kr.id] };
      this.item.backgroundColor = undefined;
    } else {
      lines.push(`**${escapeMarkdown(kr.id)}** is not a key result in the OKR files of this workspace.`);
      plain = `${kr.id} is not a key result in the OKR files of this workspace.`;
      this.item.text = `$(warning) ${kr.id}`;
      this.item.command = { command: CommandId.LinkBranch, title: 'Link Current Branch to Key Result...' };
    }
    lines.push('', `Branch \`${repo.branch.replace(/`/g, "'")}\`, ${how}.`);
    plain += `\nBranch ${repo.branch}, ${how}.`;
    const tooltip = new vscode.MarkdownString(lines.join('\n'));
    tooltip.isTrusted = false;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Key result of the branch: ${plain.replace(/\n/g, '. ')}` };
    this.item.show();
    this.snapshot = {
      visible: true,
      text: this.item.text,
      tooltip: plain,
      keyResultId: kr.id,
      branch: repo.branch,
      repository: repo.root,
      known: Boolean(entry),
    };
  }
}
