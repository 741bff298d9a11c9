// The Objectives view: OKR files > objectives > key results and initiatives (and,
// once the git features plug in, each key result's linked commits). A thin adapter:
// what nodes exist and what they say comes from nodes.ts and labels.ts; this file
// turns it into TreeItems, follows the store, and wires the view's commands.
//
// The tree follows the document as it is typed. Every item has a stable id, so a
// refresh keeps what the user expanded; only the changed file's node is refreshed
// when the set of files stays the same.

import * as vscode from 'vscode';
import { oneLine, teamPeriodText } from '../../core/wording';
import type { OkrFile, Span } from '../../core/model';
import { assessKeyResult, assessObjective } from '../../core/progress';
import { dueCheckIn } from '../../core/check-ins';
import { gradeColour, isObjectiveGraded, keyResultScore, objectiveScore, verdictColour } from '../../core/grade';
import { CommandId } from '../command-ids';
import type { OkrFileState, OkrStore } from '../okr-store';
import {
  commitPresentation,
  bidiIsolated,
  commitTooltip,
  filePresentation,
  fileTooltip,
  initiativePresentation,
  initiativeTooltip,
  keyResultPresentation,
  keyResultTooltip,
  objectivePresentation,
  objectiveTooltip,
  type Presentation,
} from './labels';
import type { LinkedCommit, LinkedWork, LinkedWorkSource, ShowCommitArgs } from './linked-work';
import type { AlignmentNode } from '../../core/alignment';
import { dependencyLines, storeAlignment } from '../org/org-view';
import { escapeMarkdown } from './markdown';
import {
  findKeyResultEntry,
  objectiveChildEntries,
  objectiveEntries,
  selectionSpan,
  type InitiativeEntry,
  type KeyResultEntry,
  type ObjectiveEntry,
} from './nodes';

export const OBJECTIVES_VIEW_ID = 'okr.objectives';

/** Context keys the view sets (package.json `when` clauses use them). */
export const ContextKeys = {
  /** True once the first scan of the workspace is done. */
  filesLoaded: 'okr.filesLoaded',
  /** True when the workspace has at least one OKR file; false shows the welcome view. */
  hasOkrFiles: 'okr.hasOkrFiles',
  /** True while done and dropped items are shown (picks the Show/Hide title button). */
  showingDoneItems: 'okr.showingDoneItems',
  /** True in alignment mode (picks the alignment / by-file title button). */
  showingAlignment: 'okr.showingAlignment',
} as const;

const SHOW_DONE_STATE_KEY = 'okr.objectives.showDoneItems';
const ALIGNMENT_STATE_KEY = 'okr.objectives.alignment';

/** How long `reveal` waits for a view it just opened to load. */
const REVEAL_LOAD_WAIT_MS = 2000;

/** Files with more objectives than this show them collapsed at first. */
const EXPANDED_OBJECTIVES_LIMIT = 30;

/**
 * Internal command returning the view's handle (for the in-host test suites, which
 * cannot reach the provider otherwise). Not contributed, so never in the palette.
 */
export const VIEW_HANDLE_COMMAND = '_okr.objectivesView';

export interface FileNode {
  kind: 'file';
  id: string;
  uri: vscode.Uri;
}

export interface ObjectiveNode {
  kind: 'objective';
  id: string;
  uri: vscode.Uri;
  /** Undefined when the view shows one file and objectives are top level. */
  parent: FileNode | undefined;
  state: OkrFileState;
  entry: ObjectiveEntry;
}

export interface KeyResultNode {
  kind: 'keyResult';
  id: string;
  uri: vscode.Uri;
  parent: ObjectiveNode;
  state: OkrFileState;
  entry: KeyResultEntry;
}

export interface InitiativeNode {
  kind: 'initiative';
  id: string;
  uri: vscode.Uri;
  parent: ObjectiveNode;
  state: OkrFileState;
  entry: InitiativeEntry;
}

export interface CommitNode {
  kind: 'commit';
  id: string;
  uri: vscode.Uri;
  parent: KeyResultNode;
  commit: LinkedCommit;
}

/** Alignment mode: an objective of the org view, with the objectives of other files that name it as `parent:` beneath. */
export interface AlignedNode {
  kind: 'aligned';
  id: string;
  uri: vscode.Uri;
  parent: AlignedNode | UnalignedNode | undefined;
  aligned: AlignmentNode;
  /** A top-level (company) objective: it shows the number of teams. */
  top: boolean;
}

/** Alignment mode: the objectives that are in no tree of the org view. */
export interface UnalignedNode {
  kind: 'unaligned';
  id: string;
  uri: vscode.Uri;
  parent: undefined;
  nodes: AlignmentNode[];
}

export type ObjectivesTreeNode = FileNode | ObjectiveNode | KeyResultNode | InitiativeNode | CommitNode | AlignedNode | UnalignedNode;

/** What the git features and tests use of the view. */
export interface ObjectivesViewHandle {
  /** Plugs in (or, with undefined, removes) the source of linked commits. */
  setLinkedWorkSource(source: LinkedWorkSource | undefined): void;
  /** The source plugged in, if any (the dashboard reads the same commits). */
  linkedWorkSource(): LinkedWorkSource | undefined;
  /** Shows and selects a key result in the view; false when no such key result exists. */
  reveal(keyResultId: string): Promise<boolean>;
  readonly provider: ObjectivesTreeProvider;
  readonly treeView: vscode.TreeView<ObjectivesTreeNode>;
  /** The value the view last gave a context key of `ContextKeys` (undefined before it set one). */
  contextKey(key: string): unknown;
}

export interface ObjectivesTreeOptions {
  showDoneItems: boolean;
  /** Path shown for a file: relative to its workspace folder (with the folder's name in multi-root workspaces). */
  relativePath(uri: vscode.Uri): string;
  /** The light and dark SVGs of a progress ring (see rings.ts); without it, the health codicons show. */
  ringIcon?(name: string): { light: vscode.Uri; dark: vscode.Uri };
}

export class ObjectivesTreeProvider implements vscode.TreeDataProvider<ObjectivesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ObjectivesTreeNode | ObjectivesTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  /** One node object per file for the provider's lifetime: VS Code refreshes a node by the object it was given. */
  private readonly fileNodes = new Map<string, FileNode>();
  private fileOrder: string[] = [];
  /** What the user expanded or collapsed, by item id, so an item that vanishes while typing comes back as it was. */
  private readonly expansion = new Map<string, boolean>();
  private showDone: boolean;
  /** Alignment mode: the org view across files instead of one node per file. */
  private alignment = false;
  private linkedWork: LinkedWorkSource | undefined;
  private linkedWorkSubscription: vscode.Disposable | undefined;
  /** Whether some commit links to a key result of a file; forgotten when linked work changes. */
  private fileLinkedCache = new WeakMap<OkrFile, boolean>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private rootServedWaiters: (() => void)[] = [];

  constructor(
    private readonly store: OkrStore,
    private readonly options: ObjectivesTreeOptions,
  ) {
    this.showDone = options.showDoneItems;
    this.syncFiles();
    this.subscriptions.push(
      this.changeEmitter,
      store.onDidChange((change) => this.onStoreChange(change.uris)),
    );
  }

  dispose(): void {
    this.linkedWorkSubscription?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  get showingDoneItems(): boolean {
    return this.showDone;
  }

  get showingAlignment(): boolean {
    return this.alignment;
  }

  setAlignmentMode(on: boolean): void {
    if (on === this.alignment) return;
    this.alignment = on;
    this.changeEmitter.fire(undefined);
  }

  setShowDoneItems(show: boolean): void {
    if (show === this.showDone) return;
    this.showDone = show;
    this.changeEmitter.fire(undefined);
  }

  setLinkedWorkSource(source: LinkedWorkSource | undefined): void {
    this.linkedWorkSubscription?.dispose();
    this.linkedWorkSubscription = undefined;
    this.linkedWork = source;
    this.fileLinkedCache = new WeakMap();
    if (source)
      this.linkedWorkSubscription = source.onDidChange(() => {
        this.fileLinkedCache = new WeakMap();
        this.changeEmitter.fire(undefined);
      });
    this.changeEmitter.fire(undefined);
  }

  /** Records expand/collapse from the TreeView's events. */
  noteExpansion(node: ObjectivesTreeNode, expanded: boolean): void {
    this.expansion.set(node.id, expanded);
  }

  /** Whether the view lists files (several files) or one file's objectives at the top. */
  get isMultiFile(): boolean {
    return this.fileOrder.length > 1;
  }

  // -------------------------------------------------------------------------
  // TreeDataProvider

  async getChildren(element?: ObjectivesTreeNode): Promise<ObjectivesTreeNode[]> {
    if (!element) {
      await this.store.ready;
      const roots = this.rootNodes();
      const waiters = this.rootServedWaiters;
      this.rootServedWaiters = [];
      for (const w of waiters) w();
      return roots;
    }
    switch (element.kind) {
      case 'file': {
        const state = this.store.get(element.uri);
        return state ? this.objectiveNodes(state, element) : [];
      }
      case 'objective':
        return objectiveChildEntries(element.entry.objective, this.showDone).map((entry) =>
          entry.kind === 'keyResult'
            ? { kind: 'keyResult', id: `${element.id}/${entry.key}`, uri: element.uri, parent: element, state: element.state, entry }
            : { kind: 'initiative', id: `${element.id}/${entry.key}`, uri: element.uri, parent: element, state: element.state, entry },
        );
      case 'keyResult': {
        const linked = this.linkedWorkOf(element);
        if (!linked) return [];
        const seen = new Set<string>();
        return linked.commits
          .filter((c) => !seen.has(c.sha) && seen.add(c.sha))
          .map((commit) => ({ kind: 'commit', id: `${element.id}/commit:${commit.sha}`, uri: element.uri, parent: element, commit }));
      }
      case 'aligned':
        return element.aligned.children
          .filter((c) => this.showDone || c.objective.status === 'active')
          .map((c, i) => this.alignedNode(c, element, i));
      case 'unaligned':
        return element.nodes.map((c, i) => this.alignedNode(c, element, i));
      default:
        return [];
    }
  }

  private alignedNode(aligned: AlignmentNode, parent: AlignedNode | UnalignedNode | undefined, index: number): AlignedNode {
    const uri = vscode.Uri.file(aligned.path);
    const key = aligned.objective.id ? `:${encodeURIComponent(aligned.objective.id)}` : `@${index}`;
    return {
      kind: 'aligned',
      id: `${parent?.id ?? 'alignment'}/${encodeURIComponent(uri.toString())}${key}`,
      uri,
      parent,
      aligned,
      top: parent === undefined,
    };
  }

  private alignmentRoots(): ObjectivesTreeNode[] {
    const tree = storeAlignment(this.store);
    const roots: ObjectivesTreeNode[] = tree.roots
      .filter((r) => this.showDone || r.objective.status === 'active')
      .map((r, i) => this.alignedNode(r, undefined, i));
    const rest = tree.unaligned.filter((r) => this.showDone || r.objective.status === 'active');
    if (rest.length)
      roots.push({ kind: 'unaligned', id: 'alignment/unaligned', uri: vscode.Uri.file(rest[0].path), parent: undefined, nodes: rest });
    return roots;
  }

  /** Resolves the next time the view has asked for the top level (it has loaded), or after `timeoutMs`. */
  whenRootServed(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.rootServedWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private rootNodes(): ObjectivesTreeNode[] {
    this.syncFiles();
    if (this.fileOrder.length === 0) return [];
    if (this.alignment) return this.alignmentRoots();
    if (this.fileOrder.length === 1) {
      const state = this.store.get(this.fileNodes.get(this.fileOrder[0])!.uri);
      return state ? this.objectiveNodes(state, undefined) : [];
    }
    return this.fileOrder.map((key) => this.fileNodes.get(key)!);
  }

  getParent(element: ObjectivesTreeNode): ObjectivesTreeNode | undefined {
    return element.kind === 'file' ? undefined : element.parent;
  }

  getTreeItem(element: ObjectivesTreeNode): vscode.TreeItem {
    const today = this.store.today();
    switch (element.kind) {
      case 'file': {
        const state = this.store.get(element.uri);
        const relative = this.options.relativePath(element.uri);
        const p = state ? filePresentation(state.result.file, relative, state.result.findings) : { ...missingFile(relative) };
        const item = this.item(element, p, vscode.TreeItemCollapsibleState.Expanded);
        // The file icon theme's icon, and the Problems decorations of the file. A click
        // expands or collapses; "Open in Editor" is in the context menu.
        item.iconPath = vscode.ThemeIcon.File;
        item.resourceUri = element.uri;
        return item;
      }
      case 'objective': {
        const { objective } = element.entry;
        const file = element.state.result.file;
        const score = objectiveScore(objective);
        const grade = isObjectiveGraded(file, objective, today)
          ? { score, colour: score === undefined ? undefined : verdictColour(objective.kind, score) }
          : undefined;
        const p = objectivePresentation(objective, assessObjective(file, objective, today), grade);
        const hasChildren = objectiveChildEntries(objective, this.showDone).length > 0;
        // Open by default, so key results show at a glance; in a file with many objectives, closed.
        const open = element.state.result.file.objectives.length <= EXPANDED_OBJECTIVES_LIMIT;
        const item = this.item(
          element,
          p,
          !hasChildren
            ? vscode.TreeItemCollapsibleState.None
            : open
              ? vscode.TreeItemCollapsibleState.Expanded
              : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.command = revealCommand(element.uri, selectionSpan(objective.spans));
        return item;
      }
      case 'keyResult': {
        const { objective, keyResult } = element.entry;
        const linked = this.linkedWorkOf(element);
        const file = element.state.result.file;
        const score = keyResultScore(keyResult);
        const colour =
          score === undefined ? undefined : objective.kind === 'committed' ? verdictColour('committed', score) : gradeColour(score);
        const grade = isObjectiveGraded(file, objective, today) ? { score, colour } : undefined;
        const p = keyResultPresentation(
          keyResult,
          assessKeyResult(file, objective, keyResult, today),
          linked,
          today,
          grade,
          this.fileLinked(file),
          dueCheckIn(file, objective, keyResult, today),
        );
        const item = this.item(
          element,
          p,
          linked && linked.commits.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.command = revealCommand(element.uri, selectionSpan(keyResult.spans));
        return item;
      }
      case 'initiative': {
        const item = this.item(element, initiativePresentation(element.entry.initiative), vscode.TreeItemCollapsibleState.None);
        item.command = revealCommand(element.uri, selectionSpan(element.entry.initiative.spans));
        return item;
      }
      case 'aligned': {
        const a = element.aligned;
        const p = objectivePresentation(a.objective, { health: a.health, progress: a.progress });
        const teams = a.teams.length === 0 ? 'no team aligns' : `${a.teams.length} team${a.teams.length === 1 ? '' : 's'}`;
        const where = element.top ? teams : bidiIsolated(oneLine(a.file.team ?? '')) || this.options.relativePath(element.uri);
        p.description = [p.description, where].filter((x) => x !== '').join(' · ');
        p.accessibilityLabel = `${p.accessibilityLabel}, ${where}`;
        const item = this.item(
          element,
          p,
          a.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.contextValue = 'alignedObjective';
        item.command = revealCommand(element.uri, selectionSpan(a.objective.spans));
        return item;
      }
      case 'unaligned': {
        const item = new vscode.TreeItem('Not aligned to any objective above', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = element.id;
        item.description = `${element.nodes.length} objective${element.nodes.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        item.contextValue = 'unaligned';
        return item;
      }
      case 'commit': {
        const item = this.item(element, commitPresentation(element.commit, today), vscode.TreeItemCollapsibleState.None);
        const args: ShowCommitArgs = {
          sha: element.commit.sha,
          repository: element.commit.repository,
          keyResultId: element.parent.entry.keyResult.id ?? '',
          okrFile: element.uri,
        };
        item.command = { command: CommandId.ShowCommit, title: 'Show Commit', arguments: [args] };
        return item;
      }
    }
  }

  /** Tooltips are built when the user hovers, not for every item of a large file. */
  resolveTreeItem(item: vscode.TreeItem, element: ObjectivesTreeNode): vscode.TreeItem {
    item.tooltip = this.tooltip(element);
    return item;
  }

  /** The tooltip's markdown for a node (also used by tests). */
  tooltip(element: ObjectivesTreeNode): vscode.MarkdownString {
    const today = this.store.today();
    let text: string;
    switch (element.kind) {
      case 'file': {
        const state = this.store.get(element.uri);
        const relative = this.options.relativePath(element.uri);
        text = state ? fileTooltip(state.result.file, relative, state.result.findings) : relative;
        break;
      }
      case 'objective': {
        const { objective } = element.entry;
        const assessment = assessObjective(element.state.result.file, objective, today);
        const score = objectiveScore(objective);
        const grade = isObjectiveGraded(element.state.result.file, objective, today) ? { score } : undefined;
        text = objectiveTooltip({ objective, assessment, findings: element.state.result.findings, grade });
        text = withLines(text, dependencyLines(this.store, objective));
        break;
      }
      case 'keyResult': {
        const { objective, keyResult } = element.entry;
        const assessment = assessKeyResult(element.state.result.file, objective, keyResult, today);
        const grade = isObjectiveGraded(element.state.result.file, objective, today) ? { score: keyResultScore(keyResult) } : undefined;
        text = keyResultTooltip({
          objective,
          keyResult,
          assessment,
          findings: element.state.result.findings,
          linked: this.linkedWorkOf(element),
          today,
          grade,
        });
        text = withLines(text, dependencyLines(this.store, keyResult));
        break;
      }
      case 'initiative':
        text = initiativeTooltip(element.entry.initiative, element.entry.objective, element.state.result.findings);
        break;
      case 'commit':
        text = commitTooltip(element.commit);
        break;
      case 'aligned': {
        const a = element.aligned;
        const state = this.store.get(element.uri);
        text = objectiveTooltip({
          objective: a.objective,
          assessment: { health: a.health, progress: a.progress },
          findings: state?.result.findings ?? [],
        });
        const from =
          a.progressFrom === 'aligned'
            ? 'Progress: the mean of the objectives aligned to it.'
            : a.progressFrom === 'both'
              ? 'Progress: its key results and the objectives aligned to it together.'
              : undefined;
        const teams = a.teams.length
          ? `Teams: ${a.teams.map((t) => escapeMarkdown(t)).join(', ')}`
          : element.top
            ? 'No team objective names it as `parent:`.'
            : undefined;
        text = withLines(text, [...(from ? [from] : []), ...(teams ? [teams] : []), ...dependencyLines(this.store, a.objective)]);
        break;
      }
      case 'unaligned':
        text = 'Objectives whose file aligns to no loaded file and that no file aligns to, or whose `parent:` names nothing.';
        break;
    }
    const md = new vscode.MarkdownString(text, true);
    md.isTrusted = false;
    md.supportHtml = false;
    return md;
  }

  // -------------------------------------------------------------------------
  // Finding nodes

  /** The node chain of a key result, for `TreeView.reveal`; undefined when it is unknown or hidden. */
  keyResultNode(keyResultId: string): KeyResultNode | undefined {
    const found = this.store.findDefinition(keyResultId);
    if (found?.definition.kind !== 'key-result') return undefined;
    const { state } = found;
    const entries = findKeyResultEntry(state.result.file, keyResultId);
    if (!entries) return undefined;
    const fileNode = this.isMultiFile ? this.fileNodes.get(state.uri.toString()) : undefined;
    if (this.isMultiFile && !fileNode) return undefined;
    const objective: ObjectiveNode = {
      kind: 'objective',
      id: objectiveId(state.uri, entries.objective),
      uri: state.uri,
      parent: fileNode,
      state,
      entry: entries.objective,
    };
    return {
      kind: 'keyResult',
      id: `${objective.id}/${entries.keyResult.key}`,
      uri: state.uri,
      parent: objective,
      state,
      entry: entries.keyResult,
    };
  }

  // -------------------------------------------------------------------------

  private objectiveNodes(state: OkrFileState, parent: FileNode | undefined): ObjectiveNode[] {
    return objectiveEntries(state.result.file, this.showDone).map((entry) => ({
      kind: 'objective',
      id: objectiveId(state.uri, entry),
      uri: state.uri,
      parent,
      state,
      entry,
    }));
  }

  get linkedWorkSource(): LinkedWorkSource | undefined {
    return this.linkedWork;
  }

  private fileLinked(file: OkrFile): boolean {
    let linked = this.fileLinkedCache.get(file);
    if (linked === undefined) {
      linked = false;
      // Before the source has read any history it says nothing (undefined): not an answer to keep,
      // since the history is there before the source's change event comes (debounced).
      let answered = !this.linkedWork;
      if (this.linkedWork) {
        outer: for (const o of file.objectives)
          for (const kr of o.keyResults) {
            if (!kr.id) continue;
            try {
              const work = this.linkedWork.forKeyResult(kr.id);
              if (work) answered = true;
              if ((work?.count ?? 0) > 0) {
                linked = true;
                break outer;
              }
            } catch {
              // As in linkedWorkOf: a failing source counts as no work.
              answered = true;
            }
          }
      }
      if (answered) this.fileLinkedCache.set(file, linked);
    }
    return linked;
  }

  private linkedWorkOf(node: KeyResultNode): LinkedWork | undefined {
    const id = node.entry.keyResult.id;
    if (!this.linkedWork || !id) return undefined;
    try {
      return this.linkedWork.forKeyResult(id);
    } catch {
      // A failing source must not break the tree; the git features report their own errors.
      return undefined;
    }
  }

  private item(element: ObjectivesTreeNode, p: Presentation, defaultState: vscode.TreeItemCollapsibleState): vscode.TreeItem {
    let state = defaultState;
    const remembered = this.expansion.get(element.id);
    if (state !== vscode.TreeItemCollapsibleState.None && remembered !== undefined) {
      state = remembered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    }
    const item = new vscode.TreeItem(p.label, state);
    item.id = element.id;
    item.description = p.description;
    if (p.ring && this.options.ringIcon) item.iconPath = this.options.ringIcon(p.ring);
    else
      item.iconPath = p.icon.color ? new vscode.ThemeIcon(p.icon.id, new vscode.ThemeColor(p.icon.color)) : new vscode.ThemeIcon(p.icon.id);
    item.contextValue = p.contextValue;
    item.accessibilityInformation = { label: p.accessibilityLabel, role: 'treeitem' };
    return item;
  }

  private syncFiles(): void {
    const keys: string[] = [];
    const live = new Set<string>();
    for (const state of this.store.files()) {
      const key = state.uri.toString();
      keys.push(key);
      live.add(key);
      if (!this.fileNodes.has(key)) this.fileNodes.set(key, { kind: 'file', id: `file:${key}`, uri: state.uri });
    }
    for (const key of [...this.fileNodes.keys()]) if (!live.has(key)) this.fileNodes.delete(key);
    this.fileOrder = keys;
  }

  private onStoreChange(uris: readonly vscode.Uri[]): void {
    const before = this.fileOrder;
    this.syncFiles();
    const sameFiles = before.length === this.fileOrder.length && before.every((k, i) => k === this.fileOrder[i]);
    // One file: its objectives are the top level. Files added or removed, or "anything may have changed": everything.
    // In alignment mode any file can move any part of the org view.
    if (!sameFiles || uris.length === 0 || !this.isMultiFile || this.alignment) {
      this.changeEmitter.fire(undefined);
      return;
    }
    const nodes = uris.map((u) => this.fileNodes.get(u.toString())).filter((n): n is FileNode => n !== undefined);
    if (nodes.length) this.changeEmitter.fire(nodes);
  }
}

function objectiveId(uri: vscode.Uri, entry: ObjectiveEntry): string {
  return `${uri.toString()}#${entry.key}`;
}

function missingFile(relative: string): Presentation {
  return { label: relative, description: '', icon: { id: 'file' }, contextValue: 'file', accessibilityLabel: `OKR file ${relative}` };
}

function revealCommand(uri: vscode.Uri, span: Span): vscode.Command {
  return { command: CommandId.RevealInFile, title: 'Open in Editor', arguments: [uri, span.start, span.end] };
}

/** The text range a node stands for, from the latest parse of its file. */
function nodeTarget(node: ObjectivesTreeNode): { uri: vscode.Uri; span: Span } | undefined {
  switch (node.kind) {
    case 'file':
      return { uri: node.uri, span: { start: 0, end: 0 } };
    case 'objective':
      return { uri: node.uri, span: selectionSpan(node.entry.objective.spans) };
    case 'keyResult':
      return { uri: node.uri, span: selectionSpan(node.entry.keyResult.spans) };
    case 'initiative':
      return { uri: node.uri, span: selectionSpan(node.entry.initiative.spans) };
    case 'commit':
      return nodeTarget(node.parent);
    case 'aligned':
      return { uri: node.uri, span: selectionSpan(node.aligned.objective.spans) };
    case 'unaligned':
      return undefined;
  }
}

function isTreeNode(x: unknown): x is ObjectivesTreeNode {
  return typeof x === 'object' && x !== null && 'kind' in x && 'id' in x && 'uri' in x;
}

/**
 * `okr.revealInFile`: opens a file with a range selected. Called by a click on a node
 * (uri, start offset, end offset: the focus stays in the view, as a click in the
 * Explorer leaves it), or from a node's context menu (the node itself: the editor
 * takes the focus).
 */
async function revealInFile(target: unknown, start?: unknown, end?: unknown): Promise<void> {
  let uri: vscode.Uri | undefined;
  let span: Span = { start: 0, end: 0 };
  let preserveFocus = false;
  if (isTreeNode(target)) {
    const t = nodeTarget(target);
    if (!t) return;
    ({ uri, span } = t);
  } else if (target instanceof vscode.Uri || typeof target === 'string') {
    uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
    const s = typeof start === 'number' && Number.isFinite(start) ? start : 0;
    const e = typeof end === 'number' && Number.isFinite(end) ? end : s;
    span = { start: Math.max(0, s), end: Math.max(0, s, e) };
    preserveFocus = true;
  }
  if (!uri) return;
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (err) {
    void vscode.window.showErrorMessage(`OKR Lens could not open ${vscode.workspace.asRelativePath(uri)}: ${(err as Error).message}`);
    return;
  }
  const selection = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  await vscode.window.showTextDocument(document, { selection, preserveFocus });
}

export function registerObjectivesView(context: vscode.ExtensionContext, store: OkrStore): ObjectivesViewHandle {
  const provider = new ObjectivesTreeProvider(store, {
    showDoneItems: context.workspaceState.get<boolean>(SHOW_DONE_STATE_KEY, true),
    relativePath: (uri) => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
    ringIcon: (name) => ({
      light: vscode.Uri.joinPath(context.extensionUri, 'media', 'rings', `${name}-light.svg`),
      dark: vscode.Uri.joinPath(context.extensionUri, 'media', 'rings', `${name}-dark.svg`),
    }),
  });
  const treeView = vscode.window.createTreeView(OBJECTIVES_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: false,
  });

  // The view's chrome: UI calls stay here, out of the data provider.
  const contextValues = new Map<string, unknown>();
  const setContext = (key: string, value: unknown) => {
    if (contextValues.get(key) === value) return;
    contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateChrome = () => {
    const files = store.files();
    setContext(ContextKeys.hasOkrFiles, files.length > 0);
    if (files.length === 1) {
      const { file, findings } = files[0].result;
      const name = vscode.workspace.asRelativePath(files[0].uri, false);
      treeView.description = teamPeriodText(file.team, file.period) ?? name;
      const syntax = findings.find((f) => f.ruleId === 'syntax');
      if (syntax) {
        const line = files[0].result.lines.positionAt(syntax.span.start).line + 1;
        treeView.message = `${name} has a YAML error on line ${line}: ${oneLine(syntax.message)} The tree shows what could be read.`;
      } else if (file.objectives.length === 0) {
        treeView.message = `${name} has no objectives yet.`;
      } else {
        treeView.message = undefined;
      }
    } else {
      treeView.description = undefined;
      treeView.message = undefined;
    }
  };
  setContext(ContextKeys.showingDoneItems, provider.showingDoneItems);
  provider.setAlignmentMode(context.workspaceState.get<boolean>(ALIGNMENT_STATE_KEY) === true);
  setContext(ContextKeys.showingAlignment, provider.showingAlignment);
  const setAlignment = async (on: boolean) => {
    provider.setAlignmentMode(on);
    setContext(ContextKeys.showingAlignment, on);
    await context.workspaceState.update(ALIGNMENT_STATE_KEY, on);
  };
  store.ready.then(
    () => {
      updateChrome();
      setContext(ContextKeys.filesLoaded, true);
    },
    () => setContext(ContextKeys.filesLoaded, true),
  );

  const setShowDone = async (show: boolean) => {
    provider.setShowDoneItems(show);
    setContext(ContextKeys.showingDoneItems, show);
    await context.workspaceState.update(SHOW_DONE_STATE_KEY, show);
  };

  const reveal = async (keyResultId: string): Promise<boolean> => {
    await store.ready;
    // Key results are shown by file: the org view lists objectives only.
    if (provider.showingAlignment) await setAlignment(false);
    const found = store.findDefinition(keyResultId);
    if (found?.definition.kind !== 'key-result') return false;
    const kr = findKeyResultEntry(found.state.result.file, keyResultId);
    // A hidden (done or dropped) key result is shown on request rather than not found.
    if (kr && !provider.showingDoneItems && (kr.objective.objective.status !== 'active' || kr.keyResult.keyResult.status !== 'active')) {
      await setShowDone(true);
    }
    const node = provider.keyResultNode(keyResultId);
    if (!node) return false;
    if (!treeView.visible) {
      // The workbench can only reveal in a tree it has loaded: open the view, let it load.
      const loaded = provider.whenRootServed(REVEAL_LOAD_WAIT_MS);
      await vscode.commands.executeCommand(`${OBJECTIVES_VIEW_ID}.focus`);
      await loaded;
    }
    try {
      await treeView.reveal(node, { select: true, focus: true, expand: false });
    } catch {
      // The view was still loading the nodes above the key result: once more, after it did.
      await provider.whenRootServed(REVEAL_LOAD_WAIT_MS);
      await treeView.reveal(node, { select: true, focus: true, expand: false });
    }
    return true;
  };

  const handle: ObjectivesViewHandle = {
    setLinkedWorkSource: (source) => provider.setLinkedWorkSource(source),
    linkedWorkSource: () => provider.linkedWorkSource,
    reveal,
    provider,
    treeView,
    contextKey: (key) => contextValues.get(key),
  };

  context.subscriptions.push(
    provider,
    treeView,
    store.onDidChange(updateChrome),
    treeView.onDidExpandElement((e) => provider.noteExpansion(e.element, true)),
    treeView.onDidCollapseElement((e) => provider.noteExpansion(e.element, false)),
    vscode.commands.registerCommand(CommandId.RevealInFile, (target?: unknown, start?: unknown, end?: unknown) =>
      revealInFile(target ?? treeView.selection[0], start, end),
    ),
    vscode.commands.registerCommand(CommandId.ShowDoneItems, () => setShowDone(true)),
    vscode.commands.registerCommand(CommandId.HideDoneItems, () => setShowDone(false)),
    vscode.commands.registerCommand(CommandId.ShowAlignment, () => setAlignment(true)),
    vscode.commands.registerCommand(CommandId.ShowFiles, () => setAlignment(false)),
    vscode.commands.registerCommand(VIEW_HANDLE_COMMAND, () => handle),
  );
  return handle;
}

/** A tooltip with more paragraphs at its end. */
function withLines(text: string, lines: readonly string[]): string {
  return lines.length ? `${text}\n\n${lines.join('\n\n')}` : text;
}
