import type { Objective, KeyResult, Initiative } from '../model';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { insertFieldFix } from '../edits';
import { shownValue } from '../escape';

// The guide: "document why the change is necessary". A dropped item without a
// reason leaves the next reader guessing whether it failed, moved or stopped mattering.
export const droppedWithoutReason: Rule<NoOptions> = {
  id: 'dropped-without-reason',
  description: 'An objective, key result or initiative that is dropped says why in `reason:`.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: true,
  check({ file }) {
    const reports: RuleReport[] = [];
    const visit = (item: Objective | KeyResult | Initiative, what: string) => {
      if (item.status !== 'dropped' || (item.reason && item.reason.trim() !== '')) return;
      const span = item.spans.values.status ?? item.spans.node;
      reports.push({
        message: (
          `${what} ${item.id === undefined ? '' : shownValue(item.id)} is dropped without a \`reason:\`; ` +
          `say why, so the team learns from it.`
        ).replace('  ', ' '),
        span,
        // With an empty `reason:` already there, a second key would be a duplicate: the user fills in the first.
        ...(item.spans.keys.reason ? {} : { fixes: [insertFieldFix(file.text, item.spans, 'reason', '', 'Add `reason:`', 'status')] }),
      });
    };
    for (const o of file.objectives) {
      visit(o, 'Objective');
      for (const kr of o.keyResults) visit(kr, 'Key result');
      for (const i of o.initiatives) visit(i, 'Initiative');
    }
    return reports;
  },
};
