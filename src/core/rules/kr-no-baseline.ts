import { quoteTitle } from '../escape';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { milestoneCue, statesBaseline } from '../phrasing';
import { activeKeyResults } from './utils/active';

// The guide's key results say where they start: "Reduce P1 incidents from twelve to
// three", "Increase API adoption from fifty to two hundred". Without a baseline,
// progress is measured from 0, which is wrong for nearly every metric.
export const krNoBaseline: Rule<NoOptions> = {
  id: 'kr-no-baseline',
  description: 'A key result with a `target:` says where it starts: `start:` or "from X to Y" in its title.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const { keyResult: kr } of activeKeyResults(file)) {
      const span = kr.spans.values.title;
      if (!kr.title || !span || kr.target === undefined || kr.start !== undefined) continue;
      // A milestone has no baseline to give; kr-is-milestone says what to do instead.
      if (statesBaseline(kr.title) || milestoneCue(kr.title, kr)) continue;
      reports.push({
        message:
          `Key result ${quoteTitle(kr.title)} has \`target: ${kr.target}\` but no \`start:\`, and its title gives no ` +
          `"from X to Y", so its progress is counted from 0. Add \`start:\` with the value at the beginning of the ` +
          `period, or say it in the title (e.g. "Increase API adoption from fifty to two hundred external integrations").`,
        span,
      });
    }
    return reports;
  },
};
