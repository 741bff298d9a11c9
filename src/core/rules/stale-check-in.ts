import { cadenceDays, checkInAge } from '../check-ins';
import { shownValue } from '../escape';
import { latestCheckIn } from '../progress';
import type { Rule, RuleReport } from '../rule';

export interface StaleCheckInOptions {
  /** Days without a check-in after which an active key result is stale; 0: the file's `check_in_every` (14 by default). */
  days: number;
}

// The guide: "Establish a regular cadence for OKR check-ins. Weekly or fortnightly
// reviews help teams stay on track and surface blockers early." It also names the
// frequency of check-ins as a leading indicator of OKR health.
export const staleCheckIn: Rule<StaleCheckInOptions> = {
  id: 'stale-check-in',
  description:
    "During the period, every active key result has a check-in within the file's cadence (`check_in_every`, 14 days by default).",
  defaultSeverity: 'warning',
  defaultOptions: { days: 0 },
  optionsSchema: {
    days: {
      type: 'integer',
      minimum: 0,
      description:
        "Days without a check-in after which a key result is stale; `0` follows the file's `check_in_every` (14 days by default).",
    },
  },
  check({ file, options, context }) {
    const reports: RuleReport[] = [];
    const today = context.today;
    // A closed file is a record of the period: there is nothing left to check in.
    if (file.closed !== undefined) return reports;
    // The rule's own `days` wins when set; otherwise the file's cadence, the one `okr due` and the editor's reminders use.
    const days = options.days > 0 ? options.days : cadenceDays(file);
    for (const o of file.objectives) {
      for (const kr of o.keyResults) {
        const age = checkInAge(file, o, kr, today);
        if (!age || age.age <= days) continue;
        const latest = latestCheckIn(kr);
        const name = kr.id ? `Key result ${shownValue(kr.id)}` : 'This key result';
        const when = age.checkedIn
          ? `was last checked in on ${age.since}, ${age.age} days ago`
          : `has had no check-in since the period started on ${age.period.start}, ${age.age} days ago`;
        reports.push({
          message:
            `${name} ${when}. Check in weekly or fortnightly: a quick update on progress, risks and confidence ` +
            `surfaces blockers while there is still time to act.`,
          span: latest?.spans.values.date ??
            kr.spans.keys.check_ins ??
            kr.spans.values.title ??
            kr.spans.values.id ?? { start: kr.spans.node.start, end: kr.spans.node.start },
        });
      }
    }
    return reports;
  },
};
