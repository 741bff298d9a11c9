import { capitalized, dependencyGraphFor, nodesOfFile, nodeWhere } from '../dependencies';
import { shownValue } from '../escape';
import type { NoOptions, Rule, RuleReport } from '../rule';

// Items that wait on each other in a circle can never start: each team believes
// another goes first. Only a person can decide which link to cut.
export const dependencyCycle: Rule<NoOptions> = {
  id: 'dependency-cycle',
  description: 'Key results and objectives do not depend on each other in a circle.',
  defaultSeverity: 'error',
  defaultOptions: {},
  check({ file, context }) {
    const graph = dependencyGraphFor(file, context);
    const reports: RuleReport[] = [];
    for (const n of nodesOfFile(graph, file)) {
      for (const cycle of graph.cyclesThrough(n)) {
        const next = cycle.length > 1 ? cycle[1] : n;
        const ref = n.dependsOn.find((r) => graph.get(r.id) === next);
        if (!ref) continue;
        const message =
          cycle.length === 1
            ? `${capitalized(nodeWhere(n))} depends on itself; remove \`${n.id}\` from its \`depends_on\`.`
            : `${capitalized(nodeWhere(n))} is in a dependency cycle: ${[...cycle, n].map((c) => shownValue(c.id)).join(' -> ')}. ` +
              `Each waits for the next, so none can finish first: remove one of these dependencies.`;
        reports.push({
          message,
          span: ref.span,
          related: cycle.slice(1).map((c) => ({
            path: c.file.path,
            span: (c.keyResult ?? c.objective).spans.values.depends_on ?? (c.keyResult ?? c.objective).spans.node,
            message: `${nodeWhere(c)} depends on the next one here.`,
          })),
        });
      }
    }
    return reports;
  },
};
