import { quoteTitle } from '../escape';
import type { Span } from '../model';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { performanceCue } from '../phrasing';

// The guide: "Separate OKRs from performance reviews to encourage ambitious goal setting",
// and decouple "OKR achievement from compensation and performance ratings". This holds
// for done and dropped items too: the link itself is the problem, not the item's state.
export const performanceReview: Rule<NoOptions> = {
  id: 'performance-review',
  description: 'OKRs are not tied to pay, bonuses, promotions or performance ratings.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    const visit = (what: string, title: string | undefined, description: string | undefined, spans: { values: Record<string, Span> }) => {
      // The title first; the description only when the title is clean, so one item gets one finding.
      const fromTitle = title && spans.values.title ? performanceCue(title) : undefined;
      const fromDescription = !fromTitle && description && spans.values.description ? performanceCue(description) : undefined;
      const cue = fromTitle ?? fromDescription;
      if (!cue) return;
      const subject = (title ? `${what} ${quoteTitle(title)}` : what) + (fromTitle ? '' : "'s description");
      reports.push({
        message:
          `${subject} ties OKRs to ${cue}. Separate OKRs from performance reviews: when pay, bonuses or promotions ` +
          `hang on the score, people set goals they are sure to hit instead of ambitious ones. Take the link out of ` +
          `the OKR and keep it, if anywhere, in the review process.`,
        span: fromTitle ? spans.values.title : spans.values.description,
      });
    };
    for (const o of file.objectives) {
      visit('Objective', o.title, o.description, o.spans);
      for (const kr of o.keyResults) visit('Key result', kr.title, kr.description, kr.spans);
    }
    return reports;
  },
};
