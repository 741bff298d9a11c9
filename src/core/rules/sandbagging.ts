import type { KeyResult, OkrFile } from '../model';
import type { PastPeriod } from '../history';
import { shownValue } from '../escape';
import { isObjectiveGraded, scoreText } from '../grade';
import { percent, rawProgress } from '../progress';
import type { NoOptions, Rule, RuleReport } from '../rule';
import { minOf, pushAll } from '../arrays';

/** Reached in full, allowing for decimal arithmetic (99.95 - 99.5 is not exactly 0.45). */
const REACHED = 1 - 1e-9;

// The guide: "Sandbagging — setting deliberately easy goals to guarantee success —
// undermines the entire purpose of OKRs. If your team consistently achieves one
// hundred percent of its key results, the goals are not ambitious enough." Stretch
// goals are met at about seventy percent; committed objectives are exempt, as they
// are meant to be met in full. A target equal to the start asks for nothing at all.
export const sandbagging: Rule<NoOptions> = {
  id: 'sandbagging',
  description:
    'Aspirational objectives stretch: not every key result reaches 100% (nor in each of the last two periods), and no target ' +
    'equals its start.',
  defaultSeverity: 'warning',
  readsHistory: true,
  defaultOptions: {},
  check({ file, context }) {
    const reports: RuleReport[] = [];
    for (const o of file.objectives) {
      if (o.status === 'dropped') continue;
      const krs = o.keyResults.filter((kr) => kr.status !== 'dropped');
      for (const kr of krs) {
        if (kr.start === undefined || kr.target === undefined || kr.start !== kr.target) continue;
        const name = kr.id ? `Key result ${shownValue(kr.id)}` : 'This key result';
        reports.push({
          message:
            `${name} has \`target: ${kr.target}\`, the same as its \`start:\`: it asks for no change, so it is met before any work ` +
            `is done. ` +
            `Set a target that stretches the team.`,
          span: kr.spans.values.target ?? kr.spans.node,
        });
      }
      if (o.kind !== 'aspirational' || krs.length === 0) continue;
      if (!isObjectiveGraded(file, o, context.today)) continue;
      if (krs.some((kr) => kr.score !== undefined)) {
        // Closed with `okr close`: the recorded grades say it.
        if (!krs.every((kr) => kr.score !== undefined && kr.score >= REACHED)) continue;
        const name = o.id ? `objective ${shownValue(o.id)}` : 'this objective';
        reports.push({
          message:
            `Every key result of aspirational ${name} was graded ${scoreText(1)} when the period closed: the goals were not ` +
            `ambitious enough. ` +
            `Stretch goals are met at about 0.7; set next period's targets higher, or mark the objective \`kind: committed\` if it ` +
            `was meant to be met in full.`,
          span: o.spans.values.title ?? o.spans.values.id ?? { start: o.spans.node.start, end: o.spans.node.start },
        });
        continue;
      }
      const results = krs.map((kr: KeyResult) => rawProgress(kr));
      // Every key result must be measured and reached: one without numbers leaves the question open.
      if (!results.every((p): p is number => p !== undefined && p >= REACHED)) continue;
      const lowest = minOf(results);
      const name = o.id ? `objective ${shownValue(o.id)}` : 'this objective';
      reports.push({
        message:
          `Every key result of aspirational ${name} reached 100% or more (the lowest ${percent(lowest)}): the goals were not ` +
          `ambitious enough. ` +
          `Stretch goals are met at about 70%; set next period's targets higher, or mark the objective \`kind: committed\` if it ` +
          `was meant to be met in full.`,
        span: o.spans.values.title ?? o.spans.values.id ?? { start: o.spans.node.start, end: o.spans.node.start },
      });
    }
    pushAll(reports, acrossPeriods(file, context.pastPeriods));
    return reports;
  },
};

// Across periods: "a team that consistently achieves one hundred percent" shows in
// its history. When the aspirational objectives of each of the team's last two
// closed periods all graded 1.0, this period's file hears about it, while there is
// still time to raise the targets. A closed file is a record: it is not told.
function acrossPeriods(file: OkrFile, past: readonly PastPeriod[] | undefined): RuleReport[] {
  if (!past || past.length < 2 || file.closed !== undefined) return [];
  const [last, before] = past;
  const allMet = (p: PastPeriod) => p.aspirationalScores.length > 0 && p.aspirationalScores.every((s) => s >= REACHED);
  if (!allMet(last) || !allMet(before)) return [];
  const describe = (p: PastPeriod) => `${shownValue(p.label)} (${p.aspirationalScores.map(scoreText).join(', ')}; ${shownValue(p.source)})`;
  const team = file.team ? shownValue(file.team) : 'This team';
  return [
    {
      message:
        `${team}'s aspirational objectives were all graded 1.0 in each of the last two periods: ${describe(last)} and ` +
        `${describe(before)}. ` +
        `A team that always reaches 100% is sandbagging: set this period's stretch targets so that about 0.7 is a success.`,
      span: file.spans.values.period ?? file.spans.values.team ?? { start: 0, end: 0 },
    },
  ];
}
