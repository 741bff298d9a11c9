// Alignment across the OKR files of a workspace: which team objectives name which
// company objective as `parent:` (through their file's `aligns_with`), progress
// rolled up from aligned objectives (`progress_from`, as Perdoo lets progress come
// from aligned objectives), and the org view the tree, `okr list --tree alignment`
// and reports show. Built once per run from parsed files; pure.

import * as path from 'node:path';
import type { Objective, OkrFile, ProgressSource } from './model';
import { assessObjective, krProgress, type Health } from './progress';

export interface AlignmentSource {
  /** Absolute path: `aligns_with` is resolved against its folder. */
  path: string;
  file: OkrFile;
}

interface Entry {
  source: AlignmentSource;
  objective: Objective;
}

/** One objective in the org view, with the objectives aligned to it beneath. */
export interface AlignmentNode {
  objective: Objective;
  file: OkrFile;
  /** Absolute path of the file. */
  path: string;
  progressFrom: ProgressSource;
  /** Rolled up as `progress_from` says, in [0, 1]. */
  progress?: number;
  health: Health;
  /** The distinct teams (a file's `team`, else its path) among all the objectives beneath. */
  teams: string[];
  children: AlignmentNode[];
}

export interface AlignmentTree {
  /** The objectives of the top files (aligned to, aligning to nothing loaded), each with its tree. */
  roots: AlignmentNode[];
  /** Objectives in no tree: their file aligns to nothing loaded and nothing aligns to it, or their `parent:` names nothing. */
  unaligned: AlignmentNode[];
  /** Files whose `aligns_with` goes round back to them (absolute paths, the first again at the end): no top file. */
  loops: string[][];
}

const HEALTH_ORDER: Health[] = ['unknown', 'on-track', 'at-risk', 'off-track'];

export class AlignmentIndex {
  private readonly entries = new Map<Objective, Entry>();
  /** By target path: the sources whose `aligns_with` names it. */
  private readonly alignedTo = new Map<string, AlignmentSource[]>();
  private readonly byPath = new Map<string, AlignmentSource>();
  /** Children of each objective, in source order. */
  private readonly children = new Map<Objective, Entry[]>();
  private readonly targets = new Map<AlignmentSource, AlignmentSource | undefined>();
  private readonly byFile = new Map<OkrFile, AlignmentSource>();

  constructor(readonly sources: readonly AlignmentSource[]) {
    for (const s of sources) {
      if (!this.byPath.has(s.path)) this.byPath.set(s.path, s);
      this.byFile.set(s.file, s);
      for (const o of s.file.objectives) this.entries.set(o, { source: s, objective: o });
    }
    for (const s of sources) {
      const target = this.targetOf(s);
      if (!target) continue;
      // A closed period kept beside a parent file that has started a later one (both
      // rolled over) is history: it neither supports nor rolls up into the new period.
      const own = s.file.period;
      if (own && target.file.period && target.file.period.start > own.end) continue;
      let list = this.alignedTo.get(target.path);
      if (!list) this.alignedTo.set(target.path, (list = []));
      list.push(s);
      for (const o of s.file.objectives) {
        const parent = o.parent?.trim();
        if (!parent) continue;
        const p = target.file.objectives.find((x) => x.id === parent);
        if (!p || p === o) continue;
        let kids = this.children.get(p);
        if (!kids) this.children.set(p, (kids = []));
        kids.push({ source: s, objective: o });
      }
    }
  }

  /** The loaded file a source's `aligns_with` names (never itself). */
  targetOf(s: AlignmentSource): AlignmentSource | undefined {
    // Asked for every objective by the rules: the path is resolved once per file.
    if (this.targets.has(s)) return this.targets.get(s);
    const written = s.file.alignsWith?.trim();
    const t = written ? this.byPath.get(path.resolve(path.dirname(s.path), written)) : undefined;
    const target = t && t !== s ? t : undefined;
    this.targets.set(s, target);
    return target;
  }

  /**
   * The paths `aligns_with` leads through from this file when they come round to it
   * again (the file's own path first and last); undefined when they end at a top file.
   */
  alignsWithLoop(file: OkrFile): string[] | undefined {
    const start = this.byFile.get(file);
    if (!start) return undefined;
    const chain = [start.path];
    const seen = new Set([start]);
    let s = this.targetOf(start);
    while (s && !seen.has(s)) {
      seen.add(s);
      chain.push(s.path);
      s = this.targetOf(s);
    }
    return s === start ? [...chain, start.path] : undefined;
  }

  /** The files that align to the file of this objective (empty: it is no parent file). */
  filesAlignedTo(o: Objective): readonly AlignmentSource[] {
    const e = this.entries.get(o);
    return e ? (this.alignedTo.get(e.source.path) ?? []) : [];
  }

  /** The objectives (of other files) that name this one as `parent:`. */
  alignedChildren(o: Objective): { file: OkrFile; path: string; objective: Objective }[] {
    return (this.children.get(o) ?? []).map((e) => ({ file: e.source.file, path: e.source.path, objective: e.objective }));
  }

  /** The objective a team objective names as `parent:`, when its file aligns to a loaded one. */
  parentOf(o: Objective): { file: OkrFile; path: string; objective: Objective } | undefined {
    const e = this.entries.get(o);
    const parent = o.parent?.trim();
    if (!e || !parent) return undefined;
    const target = this.targetOf(e.source);
    const p = target?.file.objectives.find((x) => x.id === parent);
    return target && p && p !== o ? { file: target.file, path: target.path, objective: p } : undefined;
  }

  /** The org view as of `today`. */
  tree(today: string): AlignmentTree {
    const placed = new Set<Objective>();
    const build = (e: Entry, ancestors: Set<Objective>): AlignmentNode => {
      placed.add(e.objective);
      const kids = (this.children.get(e.objective) ?? []).filter((k) => !ancestors.has(k.objective));
      const inner = new Set(ancestors).add(e.objective);
      const children = kids.map((k) => build(k, inner));
      return rollUp(e.source, e.objective, children, today);
    };
    const roots: AlignmentNode[] = [];
    for (const s of this.sources) {
      if (this.targetOf(s) || !this.alignedTo.get(s.path)?.length) continue;
      for (const o of s.file.objectives) roots.push(build({ source: s, objective: o }, new Set()));
    }
    const unaligned: AlignmentNode[] = [];
    for (const s of this.sources) {
      for (const o of s.file.objectives) if (!placed.has(o)) unaligned.push(build({ source: s, objective: o }, new Set()));
    }
    const loops: string[][] = [];
    const inLoop = new Set<string>();
    for (const s of this.sources) {
      const loop = inLoop.has(s.path) ? undefined : this.alignsWithLoop(s.file);
      if (!loop) continue;
      for (const p of loop) inLoop.add(p);
      loops.push(loop);
    }
    return { roots, unaligned, loops };
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

function worst(healths: Health[]): Health | undefined {
  let w: Health | undefined;
  for (const h of healths) {
    if (!HEALTH_ORDER.includes(h)) continue; // done, dropped, not started: nothing to worry about
    if (w === undefined || HEALTH_ORDER.indexOf(h) > HEALTH_ORDER.indexOf(w)) w = h;
  }
  return w;
}

/**
 * An objective's progress and health with `progress_from`: key_results (its own
 * key results, as everywhere else), aligned (the mean of the aligned objectives'
 * rolled-up progress; as healthy as the least healthy of them), or both (each
 * active key result and each aligned objective counts once).
 */
export function rollUp(source: AlignmentSource, o: Objective, children: AlignmentNode[], today: string): AlignmentNode {
  const progressFrom = o.progressFrom ?? 'key_results';
  const own = assessObjective(source.file, o, today);
  const active = children.filter((c) => c.objective.status !== 'dropped');
  const childProgress = active.map((c) => c.progress).filter((p): p is number => p !== undefined);
  let progress = own.progress;
  let health = own.health;
  if (progressFrom !== 'key_results') {
    const krValues =
      progressFrom === 'both'
        ? o.keyResults
            .filter((kr) => kr.status === 'active')
            .map(krProgress)
            .filter((p): p is number => p !== undefined)
        : [];
    progress = mean([...krValues, ...childProgress]);
    if (o.status === 'active' && own.health !== 'not-started') {
      const fromChildren = worst(active.map((c) => c.health));
      health =
        (progressFrom === 'both' ? worst([own.health, ...(fromChildren ? [fromChildren] : [])]) : fromChildren) ??
        (active.length && active.every((c) => c.health === 'done') ? 'done' : 'unknown');
    }
  }
  const teams = new Set<string>();
  for (const c of children) {
    teams.add(c.file.team?.trim() || c.path);
    for (const t of c.teams) teams.add(t);
  }
  return { objective: o, file: source.file, path: source.path, progressFrom, progress, health, teams: [...teams], children };
}

// ---------------------------------------------------------------------------
// The org view as data: `okr list --tree alignment --format json` and reports

export interface AlignmentNodeJson {
  id: string | null;
  title: string | null;
  /** The file, as the command shows paths. */
  file: string;
  team: string | null;
  status: string;
  progressFrom: string;
  progress: number | null;
  health: Health;
  /** Distinct teams among all the objectives beneath. */
  teams: number;
  teamNames: string[];
  children: AlignmentNodeJson[];
}

export interface AlignmentJson {
  objectives: AlignmentNodeJson[];
  unaligned: AlignmentNodeJson[];
}

export function alignmentJson(tree: AlignmentTree, show: (absolutePath: string) => string): AlignmentJson {
  const node = (n: AlignmentNode): AlignmentNodeJson => ({
    id: n.objective.id ?? null,
    title: n.objective.title ?? null,
    file: show(n.path),
    team: n.file.team ?? null,
    status: n.objective.status,
    progressFrom: n.progressFrom,
    progress: n.progress ?? null,
    health: n.health,
    teams: n.teams.length,
    teamNames: n.teams,
    children: n.children.map(node),
  });
  return { objectives: tree.roots.map(node), unaligned: tree.unaligned.map(node) };
}
