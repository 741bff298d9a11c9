import { insertFieldFix } from '../edits';
import { shownValue } from '../escape';
import { formatNumber } from '../wording';
import { type CommittedVersion, splitByPeriod } from '../history';
import type { KeyResult, OkrFile } from '../model';
import { daysBetween } from '../progress';
import type { Rule, RuleReport } from '../rule';

export interface TargetMovedOptions {
  /** Days from the period's start during which targets may still settle. */
  days: number;
}

// The guide: OKRs changed mid-quarter should "document why the change is necessary".
// Teams lower targets quietly; git remembers what the file said once the period's
// first weeks were over. A `target` or `start` that differs from that, on a key
// result with no `reason:`, is shown to the reviewer, with the old value, the commit
// and its date. Needs the file's history (okr lint --history, the editor): without
// it the rule is silent.
export const targetMoved: Rule<TargetMovedOptions> = {
  id: 'target-moved',
  description: "A key result's target or start changed after the period's first two weeks says why in `reason:` (reads git history).",
  defaultSeverity: 'warning',
  readsHistory: true,
  defaultOptions: { days: 14 },
  optionsSchema: {
    days: {
      type: 'integer',
      minimum: 0,
      description: "Days from the period's start during which targets and starts may still settle without a `reason:`.",
    },
  },
  fixable: true,
  check({ file, options, context }) {
    const reports: RuleReport[] = [];
    const period = file.period;
    const history = context.history;
    if (!period || !history || history.versions.length === 0 || file.closed !== undefined) return reports;
    // Still settling: the first weeks are for getting the numbers right.
    if (daysBetween(period.start, context.today) <= options.days) return reports;
    const cutoff = addDays(period.start, options.days);
    const samePeriod = splitByPeriod(file, history).same;
    if (samePeriod.length === 0) return reports;
    // The file as committed when the first weeks ended; committed later, its first version.
    const baseline = samePeriod.find((v) => v.date <= cutoff) ?? samePeriod[samePeriod.length - 1];
    const later = samePeriod.slice(0, samePeriod.indexOf(baseline)).reverse(); // oldest first
    for (const o of file.objectives) {
      for (const kr of o.keyResults) {
        if (!kr.id || kr.status === 'dropped' || (kr.reason !== undefined && kr.reason.trim() !== '')) continue;
        const before = findKr(baseline.file, kr.id);
        if (!before) continue;
        for (const field of ['target', 'start'] as const) {
          const old = before[field];
          const now = kr[field];
          if (old === undefined || now === undefined || old === now) continue;
          const moved = later.find((v) => findKr(v.file, kr.id!)?.[field] !== old);
          const when = moved ? `changed in ${moved.commit.slice(0, 7)} on ${moved.date}` : 'changed since the last commit';
          reports.push({
            message:
              `The ${field} of key result ${shownValue(kr.id)} moved from ${formatNumber(old)} to ${formatNumber(now)} after the ` +
              `period's first ${options.days} days ` +
              `(it was ${formatNumber(old)} in ${baseline.commit.slice(0, 7)} of ${baseline.date}; ${when}), with no \`reason:\`. ` +
              'Say why it moved, so reviewers see targets change rather than find out at the end.',
            span: kr.spans.values[field] ?? kr.spans.node,
            ...(kr.spans.keys.reason
              ? {}
              : { fixes: [insertFieldFix(file.text, kr.spans, 'reason', '', 'Add `reason:`', field === 'target' ? 'target' : 'start')] }),
          });
          break; // one finding per key result: one reason covers both
        }
      }
    }
    return reports;
  },
};

function findKr(file: OkrFile, id: string): KeyResult | undefined {
  const key = id.toLowerCase();
  for (const o of file.objectives) for (const kr of o.keyResults) if (kr.id?.toLowerCase() === key) return kr;
  return undefined;
}

function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

export type { CommittedVersion };
