// Dependencies between key results and objectives across the OKR files of a
// workspace (`depends_on:`), built once per lint run or editor refresh and shared by
// the three dependency rules, `okr list`, the tree and hovers. The guide: with many
// teams, "OKR coordination requires dedicated effort", and tooling "to track
// alignment and dependencies", or teams "end up working at cross-purposes".

import type { DependencyRef, IsoDate, KeyResult, Objective, OkrFile } from './model';
import { assessKeyResult, assessObjective, HEALTH_LABELS, objectivePeriod, type Health } from './progress';
import { shownValue } from './escape';
import { editDistance } from './edit-distance';

/** An objective or key result that can depend or be depended on. */
export interface DependencyNode {
  id: string;
  kind: 'objective' | 'key-result';
  file: OkrFile;
  objective: Objective;
  /** Set for a key result. */
  keyResult?: KeyResult;
  title?: string;
  dependsOn: readonly DependencyRef[];
}

/** What a `depends_on` entry names, as a reader of the tree or a hover sees it. */
export interface ResolvedDependency {
  ref: DependencyRef;
  /** Undefined when the id names nothing. */
  node?: DependencyNode;
  health?: Health;
}

/** The id and file of a node, for messages and `related` locations. */
export function nodeWhere(n: DependencyNode): string {
  return `${n.kind === 'objective' ? 'objective' : 'key result'} ${shownValue(n.id)}`;
}

export function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class DependencyGraph {
  private readonly byId = new Map<string, DependencyNode>();
  /** Ids of initiatives: `depends_on` names key results and objectives, and says so when it names one of these. */
  private readonly initiativeIds = new Set<string>();
  private readonly dependents = new Map<string, DependencyNode[]>();
  private readonly healthCache = new Map<DependencyNode, Health>();
  private cycleCache: Map<DependencyNode, DependencyNode[][]> | undefined;
  readonly nodes: DependencyNode[] = [];

  /** `today` judges "off track"; the first definition of a duplicated id wins (duplicate-id reports the rest). */
  constructor(
    files: Iterable<OkrFile>,
    readonly today: IsoDate,
  ) {
    for (const file of files) {
      for (const o of file.objectives) {
        if (o.id) this.add({ id: o.id, kind: 'objective', file, objective: o, title: o.title, dependsOn: o.dependsOn });
        for (const kr of o.keyResults) {
          if (kr.id)
            this.add({ id: kr.id, kind: 'key-result', file, objective: o, keyResult: kr, title: kr.title, dependsOn: kr.dependsOn });
        }
        for (const i of o.initiatives) if (i.id) this.initiativeIds.add(i.id);
      }
    }
    for (const n of this.nodes) {
      const seen = new Set<DependencyNode>();
      for (const ref of n.dependsOn) {
        const target = this.byId.get(ref.id);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        let list = this.dependents.get(target.id);
        if (!list) this.dependents.set(target.id, (list = []));
        list.push(n);
      }
    }
  }

  private add(n: DependencyNode): void {
    this.nodes.push(n);
    if (!this.byId.has(n.id)) this.byId.set(n.id, n);
  }

  get(id: string): DependencyNode | undefined {
    return this.byId.get(id);
  }

  isInitiative(id: string): boolean {
    return this.initiativeIds.has(id) && !this.byId.has(id);
  }

  /** The ids nearest to a wrong one (a typo's distance at most), the nearest first, at most three. */
  suggest(id: string): string[] {
    const w = id.toLowerCase();
    const limit = Math.max(1, Math.floor(w.length / 3));
    const scored = [...this.byId.keys()].map((c) => ({ c, d: editDistance(w, c.toLowerCase()) })).filter((x) => x.d <= limit);
    if (scored.length === 0) return [];
    const best = scored.reduce((m, x) => Math.min(m, x.d), Infinity);
    return scored
      .filter((x) => x.d === best)
      .sort((a, b) => a.c.localeCompare(b.c))
      .slice(0, 3)
      .map((x) => x.c);
  }

  /** The node of an objective or key result of a file (by identity, so a duplicated id still finds its own). */
  nodeOf(item: Objective | KeyResult): DependencyNode | undefined {
    const id = item.id;
    if (!id) return undefined;
    const n = this.byId.get(id);
    if (n && (n.keyResult ?? n.objective) === item) return n;
    return this.nodes.find((x) => (x.keyResult ?? x.objective) === item);
  }

  health(n: DependencyNode): Health {
    let h = this.healthCache.get(n);
    if (h === undefined) {
      h = n.keyResult
        ? assessKeyResult(n.file, n.objective, n.keyResult, this.today).health
        : assessObjective(n.file, n.objective, this.today).health;
      this.healthCache.set(n, h);
    }
    return h;
  }

  /** The last day of the item: its objective's `due`, else its file's period end. */
  endOf(n: DependencyNode): IsoDate | undefined {
    return objectivePeriod(n.file, n.objective)?.end ?? n.objective.due;
  }

  /** Is the item itself finished or dropped (so what it waits on no longer matters)? */
  isClosed(n: DependencyNode): boolean {
    return n.objective.status !== 'active' || (n.keyResult !== undefined && n.keyResult.status !== 'active');
  }

  /** What the item's `depends_on` names, in the order written. */
  needs(n: DependencyNode): ResolvedDependency[] {
    return n.dependsOn.map((ref) => {
      const node = this.byId.get(ref.id);
      return node ? { ref, node, health: this.health(node) } : { ref };
    });
  }

  /** The items whose `depends_on` names this one, in file order. */
  neededBy(n: DependencyNode): readonly DependencyNode[] {
    return this.byId.get(n.id) === n ? (this.dependents.get(n.id) ?? []) : [];
  }

  /**
   * The cycles through each node, as lists of nodes starting at it (A, B, C for
   * A -> B -> C -> A). Found once per graph with Tarjan's strongly connected
   * components, so a workspace of thousands of items stays linear.
   */
  cyclesThrough(n: DependencyNode): DependencyNode[][] {
    this.cycleCache ??= this.findCycles();
    return this.cycleCache.get(n) ?? [];
  }

  private edges(n: DependencyNode): DependencyNode[] {
    const out: DependencyNode[] = [];
    for (const ref of n.dependsOn) {
      const t = this.byId.get(ref.id);
      if (t && !out.includes(t)) out.push(t);
    }
    return out;
  }

  private findCycles(): Map<DependencyNode, DependencyNode[][]> {
    const out = new Map<DependencyNode, DependencyNode[][]>();
    const index = new Map<DependencyNode, number>();
    const low = new Map<DependencyNode, number>();
    const onStack = new Set<DependencyNode>();
    const stack: DependencyNode[] = [];
    let counter = 0;
    const components: DependencyNode[][] = [];
    // Iterative Tarjan: a long chain of dependencies must not overflow the call stack.
    const nodes = this.nodes.filter((n) => this.byId.get(n.id) === n);
    for (const root of nodes) {
      // Most items name no dependency: nothing leaves them, so no cycle passes through
      // them, and a walk started there would find nothing (one reached from another is still walked).
      if (root.dependsOn.length === 0 || index.has(root)) continue;
      const work: { node: DependencyNode; next: number; edges: DependencyNode[] }[] = [];
      const enter = (node: DependencyNode) => {
        index.set(node, counter);
        low.set(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
        work.push({ node, next: 0, edges: this.edges(node) });
      };
      enter(root);
      while (work.length) {
        const top = work[work.length - 1];
        if (top.next < top.edges.length) {
          const w = top.edges[top.next++];
          if (!index.has(w)) enter(w);
          else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1].node;
          low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
        }
        if (low.get(top.node) === index.get(top.node)) {
          const component: DependencyNode[] = [];
          let w: DependencyNode;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
          } while (w !== top.node);
          components.push(component);
        }
      }
    }
    for (const component of components) {
      const members = new Set(component);
      const selfLoop = component.length === 1 && this.edges(component[0]).includes(component[0]);
      if (component.length === 1 && !selfLoop) continue;
      // For each member, one shortest way back to itself within the component: the cycle a person can follow.
      for (const start of component) {
        const path = this.shortestCycle(start, members);
        if (path) out.set(start, [path]);
      }
    }
    return out;
  }

  private shortestCycle(start: DependencyNode, members: Set<DependencyNode>): DependencyNode[] | undefined {
    const previous = new Map<DependencyNode, DependencyNode>();
    const queue: DependencyNode[] = [start];
    // The queue grows while it is walked: an array iterator sees what is pushed.
    for (const n of queue) {
      for (const t of this.edges(n)) {
        if (!members.has(t)) continue;
        if (t === start) {
          const path: DependencyNode[] = [n];
          let at = n;
          while (at !== start) {
            at = previous.get(at)!;
            path.unshift(at);
          }
          return path;
        }
        if (!previous.has(t)) {
          previous.set(t, n);
          queue.push(t);
        }
      }
    }
    return undefined;
  }
}

/** "SEC-KR2 (off track)": what the tree, hovers and `okr list` show for one need. */
export function describeNeed(d: ResolvedDependency): string {
  if (!d.node) return `${d.ref.id} (not found)`;
  return `${d.node.id} (${HEALTH_LABELS[d.health ?? 'unknown']})`;
}

/** "needs SEC-KR2 (off track), WEB-O1 (on track)", or undefined with no needs. */
export function needsLine(graph: DependencyGraph, n: DependencyNode): string | undefined {
  const needs = graph.needs(n);
  return needs.length ? `needs ${needs.map(describeNeed).join(', ')}` : undefined;
}

/** "needed by MOB-KR1, WEB-KR4", or undefined when nothing depends on it. */
export function neededByLine(graph: DependencyGraph, n: DependencyNode): string | undefined {
  const by = graph.neededBy(n);
  return by.length ? `needed by ${by.map((x) => x.id).join(', ')}` : undefined;
}

const ownGraphs = new WeakMap<OkrFile, DependencyGraph>();

/**
 * The graph a rule reads: the run's, or, when a file is linted alone, one of this
 * file (kept per file, so the three dependency rules build it once).
 */
export function dependencyGraphFor(file: OkrFile, context: { today: IsoDate; dependencies?: DependencyGraph }): DependencyGraph {
  if (context.dependencies) return context.dependencies;
  let g = ownGraphs.get(file);
  if (g?.today !== context.today) ownGraphs.set(file, (g = new DependencyGraph([file], context.today)));
  return g;
}

/** The file's objectives and key results as graph nodes, in file order. */
export function nodesOfFile(graph: DependencyGraph, file: OkrFile): DependencyNode[] {
  const out: DependencyNode[] = [];
  for (const o of file.objectives) {
    const on = graph.nodeOf(o);
    if (on) out.push(on);
    for (const kr of o.keyResults) {
      const kn = graph.nodeOf(kr);
      if (kn) out.push(kn);
    }
  }
  return out;
}
