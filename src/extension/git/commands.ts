// The git commands: Tag Commit, Start Work, Link Branch, Show Untagged Commits,
// Show Commit, Install/Uninstall Hooks. Each takes its key result as an argument
// (an id, a tree node, a KeyResultRef) or asks with a quick pick, and a repository
// (a root path or uri, a Source Control) or finds one. Writes (branches, git config,
// hooks) need a trusted workspace; every failure is a message, never a stack trace.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { branchName, branchNameProblem, branchTemplateProblems } from '../../core/git/branch-name';
import {
  branchExists,
  branchLink,
  branchLinkKey,
  defaultBranch,
  gitConfigGet,
  gitFailureMessage,
  runGit,
  setBranchLink,
  TRAILER_CONFIG_KEY,
} from '../../core/git/git';
import type { CommitRecord } from '../../core/git/history';
import { HookInstallError, installHooks, uninstallHooks } from '../../core/git/hooks';
import { addNoteLink, type NoteChange, NOTES_REF } from '../../core/git/notes';
import { KnownIds } from '../../core/git/known-ids';
import { DEFAULT_TRAILER_KEY, parseTrailers, sameId, toggleTrailer } from '../../core/git/trailers';
import { relativeDate } from '../../core/wording';
import type { KeyResultRef, OkrStore } from '../okr-store';
import type { ShowCommitArgs } from '../tree/linked-work';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { keyResultPickRows, restoredText, type TagMemory } from './decisions';
import { assessKeyResult } from '../../core/progress';
import { settingsFor } from '../settings/settings';
import type { RepositoryTracker, TrackedRepository } from './repositories';
import { commitUri, isCommitSha } from './show-commit';

/** A failure to show the user as it is (the message says what to do). */
export class UserError extends Error {}

/** Runs a command body; turns expected failures into messages. Returns undefined when it failed. */
export async function guarded<T>(log: vscode.LogOutputChannel, what: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (err) {
    const message = err instanceof UserError || err instanceof HookInstallError ? err.message : gitFailureMessage(err);
    if (message !== undefined) {
      void vscode.window.showErrorMessage(`OKR Lens: ${message}`);
    } else {
      log.error(`${what} failed`, err);
      void vscode.window.showErrorMessage(
        `OKR Lens: ${what} failed: ${(err as Error)?.message ?? String(err)}. See the "OKR Lens" output.`,
      );
    }
    return undefined;
  }
}

function requireTrust(what: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(
      `${what} changes your git repository, which OKR Lens does not do in Restricted Mode. Trust this workspace to use it.`,
    );
  }
}

/** The key-result id an argument names: an id, a tree node, a KeyResultRef. */
export function keyResultIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { kind?: unknown; entry?: { keyResult?: { id?: unknown } }; keyResult?: { id?: unknown } };
  const id = o.kind === 'keyResult' ? o.entry?.keyResult?.id : o.keyResult?.id;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

/** The repository an argument names: a path, a file uri, a Source Control (scm/title passes one). */
function repositoryHintOf(arg: unknown): string | vscode.Uri | undefined {
  if (typeof arg === 'string' && arg !== '') return arg;
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'object' && arg !== null && 'rootUri' in arg && arg.rootUri instanceof vscode.Uri) {
    return (arg as { rootUri: vscode.Uri }).rootUri;
  }
  return undefined;
}

/** From the Source Control title bar the first argument is the Source Control: it names the repository, not a key result. */
function sourceControlFirst(krArg: unknown, repoArg: unknown): [krArg: unknown, repoArg: unknown] {
  return repoArg === undefined && repositoryHintOf(krArg) !== undefined && typeof krArg !== 'string'
    ? [undefined, krArg]
    : [krArg, repoArg];
}

export interface TagResult {
  action: 'added' | 'removed';
  keyResultId: string;
  repository: string;
  message: string;
}

export interface StartWorkResult {
  branch: string;
  created: boolean;
  repository: string;
}

export interface UntaggedResult {
  /** The default branch ('' when there is none). */
  base: string;
  branch?: string;
  /** On the default branch: the first day of the period whose commits are listed. */
  since?: string;
  commits: CommitRecord[];
}

export class GitCommands {
  /** Per repository root: the input box before and after OKR Lens last tagged it. */
  private readonly tagMemory = new Map<string, TagMemory>();
  /** Per repository root: a key result the user untagged, not to be put back by autoTag until HEAD moves. */
  readonly untagged = new Map<string, string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: OkrStore,
    private readonly tracker: RepositoryTracker,
    private readonly view: ObjectivesViewHandle,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Forgets what autoTag put in a box once the user commits or changes branch. */
  rememberTag(root: string, memory: TagMemory | undefined): void {
    if (memory) this.tagMemory.set(root, memory);
    else this.tagMemory.delete(root);
  }

  // -------------------------------------------------------------------------
  // Choosing a repository and a key result

  private async repository(hint: unknown, purpose: string): Promise<TrackedRepository> {
    await this.tracker.start();
    const repos = this.tracker.repositories();
    const given = repositoryHintOf(hint);
    if (given !== undefined) {
      const repo = this.tracker.byRoot(given);
      if (!repo) throw new UserError(`${typeof given === 'string' ? given : given.fsPath} is not a git repository of this workspace`);
      return repo;
    }
    if (repos.length === 0) {
      throw new UserError(
        this.tracker.gitApi || (vscode.workspace.workspaceFolders?.length ?? 0) > 0
          ? `no git repository in this workspace: ${purpose} needs one (git init, or open the repository's folder)`
          : `open a folder with a git repository first: ${purpose} needs one`,
      );
    }
    if (repos.length === 1) return repos[0];
    const editor = vscode.window.activeTextEditor?.document.uri;
    const selected = repos.filter((r) => r.api?.ui.selected);
    if (selected.length === 1) return selected[0];
    const ofEditor = editor ? this.tracker.repositoryOf(editor) : undefined;
    if (ofEditor) return ofEditor;
    const picked = await vscode.window.showQuickPick(
      repos.map((r) => ({
        label: path.basename(r.root),
        description: r.branch ?? (r.head ? 'detached HEAD' : 'no commits yet'),
        detail: r.root,
        repo: r,
      })),
      { title: `OKR: ${purpose}`, placeHolder: 'Which repository?' },
    );
    if (!picked) throw new Cancelled();
    return picked.repo;
  }

  private knownIds(): KnownIds {
    return new KnownIds(this.store.files().flatMap((f) => f.definitions));
  }

  /** The key result an argument names, checked against the OKR files; or one the user picks. */
  private async keyResult(
    arg: unknown,
    purpose: string,
    repo: TrackedRepository | undefined,
    taggedIds: readonly string[] = [],
  ): Promise<{ id: string; title?: string }> {
    await this.store.ready;
    const given = keyResultIdOf(arg);
    const known = this.knownIds();
    if (given !== undefined) {
      const definition = known.resolve(given);
      if (!definition) throw new UserError(known.explainUnknown(given) ?? `${given} is not a key result`);
      return { id: definition.id, title: definition.title };
    }
    return this.pickKeyResult(purpose, repo?.keyResult?.id, taggedIds);
  }

  private async pickKeyResult(
    purpose: string,
    currentId: string | undefined,
    taggedIds: readonly string[],
  ): Promise<{ id: string; title?: string }> {
    const refs = this.store.activeKeyResults();
    if (refs.length === 0) throw new UserError('the OKR files of this workspace have no active key result with an id');
    const today = this.store.today();
    const rows = keyResultPickRows(
      refs.map((r: KeyResultRef) => {
        const a = assessKeyResult(r.state.result.file, r.objective, r.keyResult, today);
        return {
          id: r.keyResult.id ?? '',
          title: r.keyResult.title,
          objectiveId: r.objective.id,
          objectiveTitle: r.objective.title,
          progress: a.progress,
          health: a.health,
        };
      }),
      { currentId, taggedIds, currentHeading: 'Key result of the current branch' },
    );
    type Item = vscode.QuickPickItem & { id?: string; title?: string };
    const items: Item[] = rows.map((row) => ({
      label: row.label,
      description: row.description,
      detail: row.detail,
      id: row.keyResult.id,
      title: row.keyResult.title,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: `OKR: ${purpose}`,
      placeHolder: 'Key result (type to search ids, titles and objectives)',
      matchOnDetail: true,
    });
    if (!picked?.id) throw new Cancelled();
    return { id: picked.id, title: picked.title };
  }

  // -------------------------------------------------------------------------
  // Tag Commit with Key Result

  async tagCommit(krArg?: unknown, repoArg?: unknown): Promise<TagResult | undefined> {
    [krArg, repoArg] = sourceControlFirst(krArg, repoArg);
    const fromPalette = krArg === undefined && repoArg === undefined;
    return this.run('Tag Commit', async () => {
      if (!vscode.workspace.isTrusted) {
        throw new UserError(
          'Tag Commit writes in the Source Control input box of the git extension, which does not run in Restricted Mode. Trust this ' +
            'workspace to use it.',
        );
      }
      const repo = await this.repository(repoArg, 'Tag Commit with Key Result');
      const api = repo.api;
      if (!api)
        throw new UserError('the git extension is not running (is git.enabled off?): Tag Commit writes in its Source Control input box');
      const key = settingsFor(repo.uri).gitTrailer;
      const tagged = parseTrailers(api.inputBox.value, key);
      const kr = await this.keyResult(krArg, 'Tag Commit with Key Result', repo, tagged);
      // Read the box again: the user may have typed while the pick was open.
      const current = api.inputBox.value;
      const toggled = toggleTrailer(current, key, kr.id);
      const action = toggled.action;
      let next = toggled.message;
      if (action === 'removed') {
        next = restoredText(current, next, kr.id, this.tagMemory.get(repo.root));
        this.tagMemory.delete(repo.root);
        this.untagged.set(repo.root, kr.id);
      } else {
        this.tagMemory.set(repo.root, { before: current, after: next, id: kr.id });
        if (this.untagged.has(repo.root) && sameId(this.untagged.get(repo.root)!, kr.id)) this.untagged.delete(repo.root);
      }
      api.inputBox.value = next;
      vscode.window.setStatusBarMessage(
        `$(tag) ${key}: ${kr.id} ${action === 'added' ? 'added to' : 'removed from'} the commit message`,
        4000,
      );
      // From the palette (no key result, no Source Control given), the box is not in
      // view: show it, with the trailer in it, ready for the subject line.
      if (fromPalette) await vscode.commands.executeCommand('workbench.view.scm');
      return { action, keyResultId: kr.id, repository: repo.root, message: next };
    });
  }

  // -------------------------------------------------------------------------
  // Start Work on Key Result

  async startWork(krArg?: unknown, repoArg?: unknown): Promise<StartWorkResult | undefined> {
    [krArg, repoArg] = sourceControlFirst(krArg, repoArg);
    return this.run('Start Work', async () => {
      requireTrust('Start Work on Key Result');
      const repo = await this.repository(repoArg, 'Start Work on Key Result');
      const kr = await this.keyResult(krArg, 'Start Work on Key Result', repo);
      const template = settingsFor(repo.uri).gitBranchTemplate;
      const problem = branchTemplateProblems(template).find((p) => p.startsWith('unknown variable') || p.includes('empty'));
      if (problem) throw new UserError(`okr.git.branchTemplate: ${problem}`);
      const proposed = branchName(template, { id: kr.id, title: kr.title });
      const name = await this.askBranchName(repo, kr, proposed);

      if (await branchExists(repo.ctx, name)) {
        const linked = await branchLink(repo.ctx, name);
        // A branch OKR Lens did not make (main, a colleague's) is not claimed for a key result.
        if (linked === undefined)
          throw new UserError(`branch ${name} already exists and is not linked to a key result; it was not changed`);
        if (!sameId(linked, kr.id)) {
          throw new UserError(`branch ${name} exists and is linked to ${linked} (git config ${branchLinkKey(name)}); it was not changed`);
        }
        await this.tracker.refreshNow(repo);
        if (repo.branch === name) {
          void vscode.window.showInformationMessage(`OKR Lens: you are already on ${name}, the branch of ${kr.id}.`);
          return { branch: name, created: false, repository: repo.root };
        }
        await runGit(repo.ctx, ['switch', '--quiet', name]);
        await this.tracker.refreshNow(repo);
        vscode.window.setStatusBarMessage(`$(git-branch) Switched to ${name}, the branch of ${kr.id}`, 5000);
        return { branch: name, created: false, repository: repo.root };
      }
      // A new branch starts at HEAD (before the first commit, it is born with it);
      // uncommitted changes come along, as with git switch -c.
      await runGit(repo.ctx, ['switch', '--quiet', '--no-track', '-c', name]);
      await setBranchLink(repo.ctx, name, kr.id);
      await this.tracker.refreshNow(repo);
      vscode.window.setStatusBarMessage(`$(git-branch) Switched to ${name}, linked to ${kr.id}`, 5000);
      return { branch: name, created: true, repository: repo.root };
    });
  }

  /**
   * The branch name, shown and editable before anything is created: checked as the
   * user types against git's rules, and against the branches that exist (one linked
   * to this key result is switched to; any other is refused).
   */
  private async askBranchName(repo: TrackedRepository, kr: { id: string; title?: string }, proposed: string): Promise<string> {
    const validate = async (value: string): Promise<vscode.InputBoxValidationMessage | undefined> => {
      const problem = branchNameProblem(value);
      if (problem) return { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
      if (!(await branchExists(repo.ctx, value))) return undefined;
      const linked = await branchLink(repo.ctx, value);
      if (linked !== undefined && sameId(linked, kr.id))
        return {
          message: `${value} exists, linked to ${kr.id}: Start Work switches to it`,
          severity: vscode.InputBoxValidationSeverity.Info,
        };
      return {
        message:
          linked === undefined
            ? `${value} exists and is not linked to a key result: pick another name`
            : `${value} exists and is linked to ${linked}: pick another name`,
        severity: vscode.InputBoxValidationSeverity.Error,
      };
    };
    const name = await vscode.window.showInputBox({
      title: `OKR: Start Work on ${kr.id}`,
      prompt:
        `Branch to create from HEAD and link to ${kr.id}${kr.title ? `: ${kr.title}` : ''} (Enter to create and switch, Escape ` +
        `to cancel)`,
      value: proposed,
      ignoreFocusOut: true,
      validateInput: validate,
    });
    if (name === undefined) throw new Cancelled();
    const trimmed = name.trim();
    const problem = branchNameProblem(trimmed);
    if (problem) throw new UserError(`"${trimmed}" cannot be a branch name: ${problem}`);
    return trimmed;
  }

  // -------------------------------------------------------------------------
  // Link Current Branch to Key Result

  async linkBranch(krArg?: unknown, repoArg?: unknown): Promise<{ branch: string; keyResultId: string } | undefined> {
    [krArg, repoArg] = sourceControlFirst(krArg, repoArg);
    return this.run('Link Branch', async () => {
      requireTrust('Link Current Branch to Key Result');
      const repo = await this.repository(repoArg, 'Link Current Branch to Key Result');
      await this.tracker.refreshNow(repo);
      const branch = repo.branch;
      if (branch === undefined)
        throw new UserError(`HEAD is detached in ${path.basename(repo.root)}: check out a branch to link it to a key result`);
      const kr = await this.keyResult(krArg, `Link ${branch} to Key Result`, repo);
      await setBranchLink(repo.ctx, branch, kr.id);
      await this.tracker.refreshNow(repo);
      void vscode.window.showInformationMessage(`OKR Lens: branch ${branch} is linked to ${kr.id} (git config ${branchLinkKey(branch)}).`);
      return { branch, keyResultId: kr.id };
    });
  }

  // -------------------------------------------------------------------------
  // Show Untagged Commits

  /**
   * Lists the commits; the pick stays open after the command returns (the result is for
   * tests and other extensions). On a feature branch: its commits since it left the
   * default branch. On the default branch (a normal place to work, not an error): the
   * commits of the current OKR period. Each has a Tag... button that links it to a key
   * result as a git note, without rewriting history.
   */
  async showUntaggedCommits(repoArg?: unknown): Promise<UntaggedResult | undefined> {
    return this.run('Show Untagged Commits', async () => {
      const repo = await this.repository(repoArg, 'Show Untagged Commits');
      const index = await this.tracker.history(repo);
      if (index.head === undefined) throw new UserError(`${path.basename(repo.root)} has no commits yet`);
      await this.tracker.refreshNow(repo);
      await this.store.ready;
      const base = await defaultBranch(repo.ctx);
      const here = repo.branch ?? 'HEAD';
      const key = repo.trailerKey;
      let commits: CommitRecord[];
      let scope: string;
      let since: string | undefined;
      if (base === undefined || base === repo.branch) {
        since = this.periodStart();
        commits = index.commits.filter(
          (c) => c.parents.length < 2 && c.keyResults.length === 0 && (since === undefined || c.date.slice(0, 10) >= since),
        );
        scope = since === undefined ? `of ${here}` : `of ${here} since the period began on ${since}`;
      } else {
        commits = await index.untaggedSince(base);
        scope = `of ${here} since ${base}`;
      }
      if (commits.length === 0) {
        void vscode.window.showInformationMessage(`OKR Lens: every commit ${scope} is linked to a key result (${key} trailer or note).`);
        return { base: base ?? '', branch: repo.branch, since, commits };
      }
      const today = this.store.today();
      const tagButton: vscode.QuickInputButton = {
        iconPath: new vscode.ThemeIcon('tag'),
        tooltip: 'Tag... (link to a key result as a git note)',
      };
      type Item = vscode.QuickPickItem & { sha: string };
      const pick = vscode.window.createQuickPick<Item>();
      const left = new Map(commits.map((c) => [c.sha, c]));
      const title = () => `OKR: ${left.size} commit${left.size === 1 ? '' : 's'} ${scope} without a key result`;
      const render = () => {
        pick.title = title();
        pick.items = [...left.values()].map((c) => ({
          label: `$(git-commit) ${c.subject}`,
          description: `${c.sha.slice(0, 8)} · ${c.author} · ${relativeDate(c.date.slice(0, 10), today)}`,
          sha: c.sha,
          buttons: vscode.workspace.isTrusted ? [tagButton] : [],
        }));
      };
      render();
      pick.placeholder = vscode.workspace.isTrusted
        ? 'Pick a commit to show it; its tag button links it to a key result'
        : 'Pick a commit to show it';
      pick.matchOnDescription = true;
      pick.ignoreFocusOut = true;
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0];
        pick.hide();
        if (chosen) void this.showCommit({ sha: chosen.sha, repository: repo.uri });
      });
      pick.onDidTriggerItemButton(async (e) => {
        const done = await this.tagPastCommit(e.item.sha, undefined, repo.root);
        if (done) {
          left.delete(e.item.sha);
          if (left.size === 0) pick.hide();
          else render();
        }
      });
      pick.onDidHide(() => pick.dispose());
      pick.show();
      return { base: base ?? '', branch: repo.branch, since, commits };
    });
  }

  /** The first day of the OKR periods running today (the earliest, over all files); else of the latest period. */
  private periodStart(): string | undefined {
    const today = this.store.today();
    const periods = this.store
      .files()
      .map((f) => f.result.file.period)
      .filter((p): p is NonNullable<typeof p> => p !== undefined);
    const running = periods.filter((p) => p.start <= today && today <= p.end);
    const pool = running.length > 0 ? running : periods.filter((p) => p.start <= today);
    if (pool.length === 0) return undefined;
    return running.length > 0
      ? pool.map((p) => p.start).sort()[0]
      : pool
          .map((p) => p.start)
          .sort()
          .at(-1);
  }

  /**
   * Links a commit already made to a key result, as a git note (refs/notes/okr-lens):
   * the Tag... action of Show Untagged Commits. Returns what was done, or undefined.
   */
  async tagPastCommit(
    sha: unknown,
    krArg?: unknown,
    repoArg?: unknown,
  ): Promise<{ sha: string; keyResultId: string; change: NoteChange } | undefined> {
    return this.run('Tag Commit', async () => {
      requireTrust('Tagging a commit');
      if (!isCommitSha(sha)) throw new UserError('Tag... needs a commit id');
      const repo = await this.repository(repoArg, 'Tag Commit with Key Result');
      const kr = await this.keyResult(krArg, `Tag ${sha.slice(0, 8)} with Key Result`, repo);
      const change = await addNoteLink(repo.ctx, sha, repo.trailerKey, kr.id);
      await this.tracker.history(repo);
      this.tracker.refreshAll();
      void vscode.window.showInformationMessage(
        change === 'already'
          ? `OKR Lens: ${sha.slice(0, 8)} is already linked to ${kr.id}.`
          : `OKR Lens: ${sha.slice(0, 8)} is linked to ${kr.id} (a git note in ${NOTES_REF}; share it with git push origin ${NOTES_REF}).`,
      );
      return { sha, keyResultId: kr.id, change };
    });
  }

  // -------------------------------------------------------------------------
  // Show Commit

  async showCommit(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    return this.run('Show Commit', async () => {
      const args = (typeof arg === 'string' ? { sha: arg } : (arg ?? {})) as Partial<ShowCommitArgs>;
      if (!isCommitSha(args.sha)) throw new UserError('Show Commit needs a commit id');
      await this.tracker.start();
      const repo =
        (args.repository ? this.tracker.byRoot(args.repository) : undefined) ??
        this.tracker.repositories().find((r) => r.index?.commits.some((c) => c.sha === args.sha)) ??
        (args.okrFile instanceof vscode.Uri ? this.tracker.repositoryOf(args.okrFile) : undefined) ??
        (this.tracker.repositories().length === 1 ? this.tracker.repositories()[0] : undefined);
      if (!repo) throw new UserError(`no repository of this workspace holds commit ${args.sha.slice(0, 10)}`);
      const document = await vscode.workspace.openTextDocument(commitUri(repo.root, args.sha));
      return vscode.window.showTextDocument(document, { preview: true });
    });
  }

  // -------------------------------------------------------------------------
  // Hooks

  async installHooks(repoArg?: unknown): Promise<unknown> {
    return this.run('Install Git Hooks', async () => {
      requireTrust('Install Git Hooks');
      const repo = await this.repository(repoArg, 'Install Git Hooks');
      const cliPath = path.join(this.context.extensionPath, 'bin', 'okr.js');
      const bundle = path.join(this.context.extensionPath, 'dist', 'cli.js');
      if (!existsSync(cliPath) || !existsSync(bundle))
        throw new UserError(`this OKR Lens installation has no command-line tool (${cliPath}): the hooks need it`);
      // Desktop VS Code runs in Electron, which is no `node`: then the hook finds node on the PATH.
      const nodePath = process.versions.electron ? undefined : process.execPath;
      const result = await installHooks(repo.ctx, { cliPath, nodePath });
      // The hooks read the trailer key from git config: make it the editor's when that differs from the default.
      const key = settingsFor(repo.uri).gitTrailer;
      let keyNote = '';
      if (key !== DEFAULT_TRAILER_KEY && (await gitConfigGet(repo.ctx, TRAILER_CONFIG_KEY)) === undefined) {
        await runGit(repo.ctx, ['config', TRAILER_CONFIG_KEY, key]);
        keyNote = ` git config ${TRAILER_CONFIG_KEY} is now ${key}, as okr.git.trailer.`;
      }
      const chained = result.hooks.filter((h) => h.chained).map((h) => h.hook);
      const changed = result.hooks.filter((h) => h.action !== 'unchanged');
      const what = changed.length === 0 ? 'already installed' : `${changed.map((h) => h.hook).join(' and ')} installed`;
      const keep = chained.length ? ` Your own ${chained.join(' and ')} hook still runs first.` : '';
      void vscode.window.showInformationMessage(`OKR Lens: git hooks ${what} in ${result.hooksDir}.${keep}${keyNote}`);
      return result;
    });
  }

  async uninstallHooks(repoArg?: unknown): Promise<unknown> {
    return this.run('Uninstall Git Hooks', async () => {
      requireTrust('Uninstall Git Hooks');
      const repo = await this.repository(repoArg, 'Uninstall Git Hooks');
      const result = await uninstallHooks(repo.ctx);
      const removed = result.hooks.filter((h) => h.action === 'removed' || h.action === 'restored');
      const restored = result.hooks.filter((h) => h.action === 'restored').map((h) => h.hook);
      const foreign = result.hooks.filter((h) => h.action === 'foreign').map((h) => h.hook);
      const parts = [
        removed.length ? `removed ${removed.map((h) => h.hook).join(' and ')}` : 'no OKR Lens hook was installed',
        restored.length ? `put your own ${restored.join(' and ')} hook back` : '',
        foreign.length ? `left ${foreign.join(' and ')} alone (not OKR Lens's)` : '',
      ].filter(Boolean);
      void vscode.window.showInformationMessage(`OKR Lens: ${parts.join('; ')} in ${result.hooksDir}.`);
      return result;
    });
  }

  // -------------------------------------------------------------------------

  async revealKeyResult(arg?: unknown): Promise<boolean> {
    const id = keyResultIdOf(arg);
    if (!id) return false;
    const shown = await this.view.reveal(id);
    if (!shown) void vscode.window.showWarningMessage(`OKR Lens: ${id} is not a key result in the OKR files of this workspace.`);
    return shown;
  }

  private async run<T>(what: string, body: () => Promise<T>): Promise<T | undefined> {
    return guarded(this.log, what, async () => {
      try {
        return await body();
      } catch (err) {
        if (err instanceof Cancelled) return undefined;
        throw err;
      }
    });
  }
}

/** The user closed a pick: not an error. */
class Cancelled extends Error {}
