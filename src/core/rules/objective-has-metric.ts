import { quoteTitle } from '../escape';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { findQuantities } from '../phrasing';
import { activeObjectives } from './utils/active';

// The guide: objectives are "qualitative descriptions of what you want to achieve";
// key results are "quantitative measures". A number in the objective belongs in a KR.
export const objectiveHasMetric: Rule<NoOptions> = {
  id: 'objective-has-metric',
  description: 'An objective is qualitative; its numeric targets belong in key results.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const o of activeObjectives(file)) {
      const span = o.spans.values.title;
      if (!o.title || !span) continue;
      const quantities = findQuantities(o.title);
      if (quantities.length === 0) continue;
      reports.push({
        message:
          `Objective ${quoteTitle(o.title)} carries a numeric target ("${quantities[0].text}"); numbers belong in key results. ` +
          `Keep the objective a qualitative statement of what you want to achieve and measure it in a key result ` +
          `that says from what to what (e.g. "Reduce P1 incidents from twelve to three per quarter").`,
        span,
      });
    }
    return reports;
  },
};
