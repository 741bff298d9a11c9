import { capitalized, dependencyGraphFor, nodesOfFile, nodeWhere } from '../dependencies';
import { shownValue } from '../escape';
import type { RelatedLocation } from '../model';
import { HEALTH_LABELS } from '../progress';
import type { NoOptions, Rule, RuleReport } from '../rule';

// The guide: without coordination teams "end up working at cross-purposes". A key
// result that waits on one that was dropped, is off track, or ends after it is at
// risk through no fault of its own team: say so while there is time to talk.
export const blockedDependency: Rule<NoOptions> = {
  id: 'blocked-dependency',
  description: 'What an active item depends on is not dropped, not off track, and not due after the item itself.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check({ file, context }) {
    const graph = dependencyGraphFor(file, context);
    const reports: RuleReport[] = [];
    for (const n of nodesOfFile(graph, file)) {
      if (graph.isClosed(n)) continue; // done or dropped: what it waited for no longer matters
      const ownEnd = graph.endOf(n);
      for (const need of graph.needs(n)) {
        const target = need.node;
        if (!target || target === n) continue; // unknown-dependency and dependency-cycle say those
        const reasons: string[] = [];
        if (need.health === 'dropped') reasons.push('is dropped');
        else if (need.health === 'off-track') reasons.push(`is ${HEALTH_LABELS['off-track']}`);
        const targetEnd = graph.endOf(target);
        if (need.health !== 'done' && need.health !== 'dropped' && ownEnd && targetEnd && targetEnd > ownEnd) {
          reasons.push(`ends on ${targetEnd}, after ${nodeWhere(n)} (${ownEnd})`);
        }
        if (reasons.length === 0) continue;
        const related: RelatedLocation[] = [
          {
            path: target.file.path,
            span: (target.keyResult ?? target.objective).spans.values.id ?? (target.keyResult ?? target.objective).spans.node,
            message: `${nodeWhere(target)} is defined here.`,
          },
        ];
        reports.push({
          message:
            `${capitalized(nodeWhere(n))} depends on ` +
            `${nodeWhere(target)}${target.file.team ? ` (${shownValue(target.file.team)})` : ''}, which ${reasons.join(' and ')}: ` +
            `agree on a plan with its owner, or change the dependency.`,
          span: need.ref.span,
          related,
        });
      }
    }
    return reports;
  },
};
