import { quoteTitle } from '../escape';
import type { NoOptions, Rule, RuleReport } from '../rule';
import { findQuantities, impliesMeasure, milestoneCue, readsAsUnmeasuredOutcome } from '../phrasing';
import { activeKeyResults } from './utils/active';

// The guide: key results "must be measurable, specific, and verifiable — you should
// know unambiguously whether you achieved them". A milestone is left to
// kr-is-milestone, whose advice (measure the outcome instead) covers it; a title the
// analysis cannot read as an outcome or as standing work gets no finding (a false alarm
// costs more than a miss).
export const krNotMeasurable: Rule<NoOptions> = {
  id: 'kr-not-measurable',
  description: 'A key result has a number: in its title or as a numeric `target:`.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const { keyResult: kr } of activeKeyResults(file)) {
      const span = kr.spans.values.title;
      if (!kr.title || !span || kr.target !== undefined) continue;
      if (findQuantities(kr.title).length > 0 || impliesMeasure(kr.title) || milestoneCue(kr.title, kr)) continue;
      // Only where the title reads as an outcome or standing work: an unrecognised deliverable gets no advice to add a number.
      if (!readsAsUnmeasuredOutcome(kr.title)) continue;
      reports.push({
        message:
          `Key result ${quoteTitle(kr.title)} has no number in its title and no \`target:\`, so nobody can tell ` +
          `unambiguously whether it was achieved. Say what moves from what to what ` +
          `(e.g. "Reduce build time from 20 to 8 minutes"), or add \`start:\` and \`target:\`.`,
        span,
      });
    }
    return reports;
  },
};
