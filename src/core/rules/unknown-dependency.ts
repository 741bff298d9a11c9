import { shownValue } from '../escape';
import { dependencyGraphFor, nodesOfFile, nodeWhere } from '../dependencies';
import type { NoOptions, Rule, RuleReport } from '../rule';

// A dependency on an id that exists nowhere is a promise nobody can keep: the team
// that depends on it believes someone is on it. The guide asks for tooling "to track
// alignment and dependencies" across teams; a broken link defeats the tracking.
export const unknownDependency: Rule<NoOptions> = {
  id: 'unknown-dependency',
  description: 'Each `depends_on:` id names a key result or objective of an OKR file of the workspace.',
  defaultSeverity: 'error',
  defaultOptions: {},
  fixable: true,
  check({ file, context }) {
    const graph = dependencyGraphFor(file, context);
    // Linted alone, the other files are known by their ids only.
    const elsewhere = context.dependencies ? undefined : new Map(context.otherDefinitions.map((d) => [d.id, d.kind]));
    const reports: RuleReport[] = [];
    for (const n of nodesOfFile(graph, file)) {
      for (const ref of n.dependsOn) {
        if (graph.get(ref.id)) continue;
        const other = elsewhere?.get(ref.id);
        if (other === 'objective' || other === 'key-result') continue;
        const id = shownValue(ref.id);
        if (other === 'initiative' || graph.isInitiative(ref.id)) {
          reports.push({
            message:
              `\`${id}\` in the \`depends_on\` of ${nodeWhere(n)} is an initiative; \`depends_on\` names the key result or ` +
              `objective whose outcome this one waits for.`,
            span: ref.span,
          });
          continue;
        }
        const suggestions = graph.suggest(ref.id);
        const sameButCase = suggestions.filter((s) => s.toLowerCase() === ref.id.toLowerCase());
        reports.push({
          message:
            `\`${id}\` in the \`depends_on\` of ${nodeWhere(n)} names no key result or objective of the workspace's OKR files.` +
            (suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : ''),
          span: ref.span,
          // Only a difference of case is certain enough to fix: ids are written exactly.
          ...(sameButCase.length === 1
            ? {
                fixes: [
                  {
                    title: `Change to \`${sameButCase[0]}\``,
                    edits: [{ start: ref.span.start, end: ref.span.end, newText: sameButCase[0] }],
                  },
                ],
              }
            : {}),
        });
      }
    }
    return reports;
  },
};
