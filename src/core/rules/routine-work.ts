import { quoteTitle } from '../escape';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { routineCue } from '../phrasing';
import { activeKeyResultsOf, activeObjectives } from './utils/active';

// The guide: "Routine work like bug fixes, on-call rotations, and maintenance tasks will
// continue outside the OKR framework, and that is perfectly fine." OKRs are the few
// outcomes that matter most this quarter, not everything the team does.
export const routineWork: Rule<NoOptions> = {
  id: 'routine-work',
  description: 'Objectives and key results are not business as usual: bug fixing, on-call, maintenance.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    const visit = (what: string, title: string | undefined, span: { start: number; end: number } | undefined) => {
      if (!title || !span) return;
      const cue = routineCue(title);
      if (!cue) return;
      reports.push({
        message:
          `${what} ${quoteTitle(title)} is business as usual (${cue}). Routine work like bug fixes, on-call rotations and ` +
          `maintenance continues outside the OKR framework, and that is fine: keep OKRs for the outcomes that matter most ` +
          `this quarter, or measure the improvement instead (e.g. "Reduce pages per on-call shift from 25 to 5").`,
        span,
      });
    };
    for (const o of activeObjectives(file)) {
      visit('Objective', o.title, o.spans.values.title);
      for (const kr of activeKeyResultsOf(o)) visit('Key result', kr.title, kr.spans.values.title);
    }
    return reports;
  },
};
