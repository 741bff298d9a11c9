import type { Rule, RuleReport } from '../rule';
import { countRangeOptions, type CountRange } from './utils/count-range';

// The guide: "three to five objectives per team per quarter ... If you find yourself
// with more than five objectives, it usually means you need to prioritise more
// aggressively." Small teams do well with two or three, so the floor is one.
export const objectiveCount: Rule<CountRange> = {
  id: 'objective-count',
  description: 'A file has at most five active objectives (and at least one).',
  defaultSeverity: 'warning',
  // `min` counts the objectives that are not dropped: done ones count, a finished quarter is not empty.
  ...countRangeOptions(
    { min: 1, max: 5 },
    'Fewest objectives (not dropped) a file should have.',
    'Most active objectives a file should have.',
  ),
  check({ file, options }) {
    const span = file.spans.keys.objectives;
    // No `objectives:` at all is a schema error already.
    if (!span) return [];
    const reports: RuleReport[] = [];
    const active = file.objectives.filter((o) => o.status === 'active').length;
    const live = file.objectives.filter((o) => o.status !== 'dropped').length;
    if (active > options.max) {
      reports.push({
        message:
          `This file has ${active} active objectives; keep it to ${options.max} or fewer (the guide advises three to five). More ` +
          `dilutes focus: ` +
          `prioritise more aggressively, or turn some objectives into key results under a broader one.`,
        span,
      });
    } else if (live < options.min) {
      const dropped = file.objectives.length - live;
      reports.push({
        message:
          (live === 0
            ? `This file has no objectives${dropped ? ' that are not dropped' : ''}`
            : `This file has only ${live} objective${live === 1 ? '' : 's'}`) +
          `; it should have at least ${options.min}. Say what the team wants to achieve this period.`,
        span,
      });
    }
    return reports;
  },
};
