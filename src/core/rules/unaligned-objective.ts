import { shownValue } from '../escape';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { activeObjectives } from './utils/active';

// The guide: top-down alignment "ensures that your team's objectives are not created
// in isolation". A file that declares `aligns_with` has said it contributes to a
// higher level; an objective without a `parent:` there is either unaligned on
// purpose (fine, and worth a moment's thought) or missing its link.
export const unalignedObjective: Rule<NoOptions> = {
  id: 'unaligned-objective',
  description: 'When a file has `aligns_with`, each active objective names its `parent:`.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file }) {
    if (!file.alignsWith || file.alignsWith.trim() === '') return [];
    const reports: RuleReport[] = [];
    for (const o of activeObjectives(file)) {
      if (o.parent !== undefined && o.parent.trim() !== '') continue;
      const name = o.id ? `Objective ${shownValue(o.id)}` : 'This objective';
      reports.push({
        message:
          `${name} has no \`parent:\` although this file aligns with ${shownValue(file.alignsWith, 120)}. ` +
          `Name the objective it contributes to, so the line of sight to the higher-level OKRs is visible.`,
        span: o.spans.values.title ?? o.spans.values.id ?? { start: o.spans.node.start, end: o.spans.node.start },
      });
    }
    return reports;
  },
};
