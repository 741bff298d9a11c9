// The ids every file of a run defines, indexed once: each file asks "is this id
// defined in another file?" in constant time, so linting n files together stays
// linear (a list of every other file's ids per file made it quadratic).

import type { IdDefinition, OkrFile } from './model';

export class DefinitionIndex {
  private readonly byId = new Map<string, IdDefinition[]>();
  private readonly all: IdDefinition[] = [];

  /** Definitions per file, in file order; within a file, in its own order. */
  constructor(definitionsPerFile: Iterable<readonly IdDefinition[]>) {
    for (const definitions of definitionsPerFile) {
      for (const d of definitions) {
        this.all.push(d);
        const same = this.byId.get(d.id);
        if (same) same.push(d);
        else this.byId.set(d.id, [d]);
      }
    }
  }

  /** The first definition of `id` (in file order) in a file other than `path`. */
  firstOutside(id: string, path: string): IdDefinition | undefined {
    const same = this.byId.get(id);
    if (!same) return undefined;
    for (const d of same) if (d.path !== path) return d;
    return undefined;
  }

  /** Every definition outside `path`, in file order: linear, so for one file at a time only. */
  outside(path: string): IdDefinition[] {
    return this.all.filter((d) => d.path !== path);
  }
}

/** The ids a file defines, for duplicate-id across files, `parent:` and completion. */
export function collectDefinitions(file: OkrFile): IdDefinition[] {
  const out: IdDefinition[] = [];
  for (const o of file.objectives) {
    if (o.id) out.push({ id: o.id, kind: 'objective', path: file.path, span: o.spans.values.id ?? o.spans.node, title: o.title });
    for (const kr of o.keyResults) {
      if (kr.id) {
        const dropped = kr.status === 'dropped' || o.status === 'dropped';
        out.push({
          id: kr.id,
          kind: 'key-result',
          path: file.path,
          span: kr.spans.values.id ?? kr.spans.node,
          title: kr.title,
          ...(dropped ? { dropped } : {}),
        });
      }
    }
    for (const i of o.initiatives) {
      if (i.id) out.push({ id: i.id, kind: 'initiative', path: file.path, span: i.spans.values.id ?? i.spans.node, title: i.title });
    }
  }
  return out;
}
