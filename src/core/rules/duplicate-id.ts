import type { IdDefinition, OkrFile } from '../model';
import { printable, shownValue } from '../escape';
import { LineIndex } from '../positions';
import type { Rule, RuleReport, NoOptions } from '../rule';

const KIND_NAMES: Record<IdDefinition['kind'], string> = {
  objective: 'objective',
  'key-result': 'key result',
  initiative: 'initiative',
};

/** This file's ids in document order (not lint.ts's collectDefinitions: rules must not import the engine). */
function definitionsOf(file: OkrFile): IdDefinition[] {
  const out: IdDefinition[] = [];
  let ordered = true;
  const add = (id: string | undefined, kind: IdDefinition['kind'], spans: Spans, title?: string) => {
    if (id === undefined || id === '') return;
    const span = spans.values.id ?? spans.node;
    if (out.length > 0 && out[out.length - 1].span.start > span.start) ordered = false;
    out.push({ id, kind, path: file.path, span, title });
  };
  for (const o of file.objectives) {
    add(o.id, 'objective', o.spans, o.title);
    for (const kr of o.keyResults) add(kr.id, 'key-result', kr.spans, kr.title);
    for (const i of o.initiatives) add(i.id, 'initiative', i.spans, i.title);
  }
  // Usually written in order already; the sort is stable, so skipping it then changes nothing.
  return ordered ? out : out.sort((a, b) => a.span.start - b.span.start);
}

interface Spans {
  node: { start: number; end: number };
  values: Record<string, { start: number; end: number }>;
}

function describe(d: IdDefinition): string {
  return d.title ? `${KIND_NAMES[d.kind]} "${shownValue(d.title)}"` : `a ${KIND_NAMES[d.kind]}`;
}

// Ids are how commits, branches, `parent:` and the tree name an objective or key
// result: one id meaning two things sends work to the wrong place. The first
// definition keeps the id; every later one is reported and points back at it.
export const duplicateId: Rule<NoOptions> = {
  id: 'duplicate-id',
  description: 'Each objective, key result and initiative id is used once across the workspace.',
  defaultSeverity: 'error',
  defaultOptions: {},
  check({ file, context }) {
    const reports: RuleReport[] = [];
    const firstHere = new Map<string, IdDefinition>();
    let lines: LineIndex | undefined;
    for (const d of definitionsOf(file)) {
      // An index lookup: this file's own ids are never "another file".
      const other = context.firstDefinitionElsewhere(d.id);
      if (other) {
        reports.push({
          message:
            `Duplicate id \`${shownValue(d.id)}\`: ${printable(other.path)} already uses it for ${describe(other)}. Ids ` +
            `must be unique across the workspace; rename this one.`,
          span: d.span,
          related: [{ path: other.path, span: other.span, message: `\`${shownValue(d.id)}\` is first defined here.` }],
        });
        continue;
      }
      const first = firstHere.get(d.id);
      if (!first) {
        firstHere.set(d.id, d);
        continue;
      }
      lines ??= new LineIndex(file.text);
      const line = lines.positionAt(first.span.start).line + 1;
      reports.push({
        message:
          `Duplicate id \`${shownValue(d.id)}\`: line ${line} already uses it for ${describe(first)}. Ids must be unique; ` +
          `rename this one.`,
        span: d.span,
        related: [{ path: file.path, span: first.span, message: `\`${shownValue(d.id)}\` is first defined here.` }],
      });
    }
    return reports;
  },
};
