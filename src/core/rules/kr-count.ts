import type { Rule, RuleReport } from '../rule';
import { shownValue } from '../escape';
import { activeKeyResultsOf, activeObjectives } from './utils/active';
import { countRangeOptions, type CountRange } from './utils/count-range';

// The guide: "two to four key results per objective". One key result rarely
// captures an outcome; five or more means the objective is several objectives.
export const krCount: Rule<CountRange> = {
  id: 'kr-count',
  description: 'An active objective has two to four active key results.',
  defaultSeverity: 'warning',
  ...countRangeOptions(
    { min: 2, max: 4 },
    'Fewest active key results per active objective.',
    'Most active key results per active objective.',
  ),
  check({ file, options }) {
    const reports: RuleReport[] = [];
    for (const o of activeObjectives(file)) {
      const count = activeKeyResultsOf(o).length;
      const name = o.id ? `Objective ${shownValue(o.id)}` : 'This objective';
      const span = o.spans.keys.key_results ??
        o.spans.values.title ??
        o.spans.values.id ?? { start: o.spans.node.start, end: o.spans.node.start };
      // `progress_from: aligned`: the team objectives aligned to it measure it, not key results of its own.
      if (count < options.min && o.progressFrom !== 'aligned') {
        reports.push({
          message:
            `${name} has ${count === 0 ? 'no' : `only ${count}`} active key result${count === 1 ? '' : 's'}; give it ` +
            `${options.min} to ${options.max}. ` +
            `Key results are how you will know, unambiguously, whether the objective was reached.`,
          span,
        });
      } else if (count > options.max) {
        reports.push({
          message:
            `${name} has ${count} active key results; keep it to ${options.min} to ${options.max}. ` +
            `More dilutes focus: keep the ones that best measure the outcome, or split the objective.`,
          span,
        });
      }
    }
    return reports;
  },
};
