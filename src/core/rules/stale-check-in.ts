import { shownValue } from '../escape';
import { daysBetween, latestCheckIn, objectivePeriod, periodPhase } from '../progress';
import type { Rule, RuleReport } from '../rule';

export interface StaleCheckInOptions {
  /** Days without a check-in after which an active key result is stale. */
  days: number;
}

// The guide: "Establish a regular cadence for OKR check-ins. Weekly or fortnightly
// reviews help teams stay on track and surface blockers early." It also names the
// frequency of check-ins as a leading indicator of OKR health.
export const staleCheckIn: Rule<StaleCheckInOptions> = {
  id: 'stale-check-in',
  description: 'During the period, every active key result has a check-in in the last 14 days.',
  defaultSeverity: 'warning',
  defaultOptions: { days: 14 },
  check({ file, options, context }) {
    const reports: RuleReport[] = [];
    const today = context.today;
    // A closed file is a record of the period: there is nothing left to check in.
    if (file.closed !== undefined) return reports;
    for (const o of file.objectives) {
      if (o.status !== 'active') continue;
      const period = objectivePeriod(file, o);
      if (!period || periodPhase(period, today) !== 'during') continue;
      for (const kr of o.keyResults) {
        if (kr.status !== 'active') continue;
        const latest = latestCheckIn(kr);
        // A check-in from before the period (a planning baseline) does not make the period's first weeks stale.
        const since = latest?.date && latest.date > period.start ? latest.date : period.start;
        const age = daysBetween(since, today);
        if (age <= options.days) continue;
        const name = kr.id ? `Key result ${shownValue(kr.id)}` : 'This key result';
        const when = latest?.date && latest.date >= period.start
          ? `was last checked in on ${latest.date}, ${age} days ago`
          : `has had no check-in since the period started on ${period.start}, ${age} days ago`;
        reports.push({
          message:
            `${name} ${when}. Check in weekly or fortnightly: a quick update on progress, risks and confidence ` +
            `surfaces blockers while there is still time to act.`,
          span: latest?.spans.values.date ?? kr.spans.keys.check_ins ?? kr.spans.values.title ?? kr.spans.values.id ?? { start: kr.spans.node.start, end: kr.spans.node.start },
        });
      }
    }
    return reports;
  },
};
