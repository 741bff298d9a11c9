// What the editor shows across files: the dependency graph and the alignment tree of
// the store's OKR files, built from the core once per store change and shared by the
// Objectives view (alignment mode, tooltips) and the id hover.

import { AlignmentIndex, type AlignmentTree } from '../../core/alignment';
import { DependencyGraph, needsLine, neededByLine } from '../../core/dependencies';
import type { KeyResult, Objective } from '../../core/model';
import type { OkrStore } from '../okr-store';
import { escapeMarkdown } from '../tree/markdown';

interface Cached {
  today: string;
  graph?: DependencyGraph;
  alignment?: AlignmentTree;
}

const caches = new WeakMap<OkrStore, Cached>();
const listening = new WeakSet<OkrStore>();

function cacheOf(store: OkrStore): Cached {
  if (!listening.has(store)) {
    listening.add(store);
    // Any change of any file can change what depends on what: build again on demand.
    store.onDidChange(() => caches.delete(store));
  }
  const today = store.today();
  let c = caches.get(store);
  if (c?.today !== today) caches.set(store, (c = { today }));
  return c;
}

/** The `depends_on` graph of every OKR file of the workspace, as the linter sees it. */
export function storeDependencies(store: OkrStore): DependencyGraph {
  const c = cacheOf(store);
  c.graph ??= new DependencyGraph(
    store.files().map((s) => s.result.file),
    c.today,
  );
  return c.graph;
}

/** The org view: company objectives with the team objectives aligned to them. */
export function storeAlignment(store: OkrStore): AlignmentTree {
  const c = cacheOf(store);
  c.alignment ??= new AlignmentIndex(store.files().map((s) => ({ path: s.uri.fsPath, file: s.result.file }))).tree(c.today);
  return c.alignment;
}

/** "needs SEC-KR2 (off track)" and "needed by MOB-KR1, WEB-KR4" as Markdown lines, or none. */
export function dependencyLines(store: OkrStore, item: Objective | KeyResult): string[] {
  const graph = storeDependencies(store);
  const node = graph.nodeOf(item);
  if (!node) return [];
  return [needsLine(graph, node), neededByLine(graph, node)]
    .filter((l): l is string => l !== undefined)
    .map((l) => `$(link) ${escapeMarkdown(l)}`);
}
