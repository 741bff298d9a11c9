import { shownValue } from '../escape';
import type { NoOptions, Rule, RuleReport } from '../rule';
import { activeObjectives } from './utils/active';

// The guide: company OKRs come first, and teams work "backward to determine how
// your engineering team can contribute". A company objective that no team names as
// its `parent:` has nobody working toward it: either a gap in the plan, or not a
// priority after all. Information for whoever owns the company file.
export const unsupportedObjective: Rule<NoOptions> = {
  id: 'unsupported-objective',
  description: 'In a file other files align to, each active objective is the `parent:` of some team objective.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file, context }) {
    const index = context.alignment;
    if (!index || file.objectives.length === 0) return [];
    const aligned = index.filesAlignedTo(file.objectives[0]);
    if (aligned.length === 0) return []; // nobody aligns to this file: it is no company file
    const reports: RuleReport[] = [];
    for (const o of activeObjectives(file)) {
      if (!o.id) continue;
      if (index.alignedChildren(o).some((c) => c.objective.status !== 'dropped')) continue;
      const files = `${aligned.length} file${aligned.length === 1 ? '' : 's'} align${aligned.length === 1 ? 's' : ''} to this one`;
      reports.push({
        message:
          `No team objective names ${shownValue(o.id)} as its \`parent:\` (${files}): a team takes it on, or it is not a ` +
          `priority this period.`,
        span: o.spans.values.id ?? o.spans.node,
      });
    }
    return reports;
  },
};
