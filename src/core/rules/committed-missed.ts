import { shownValue } from '../escape';
import { isObjectiveGraded, keyResultScore, scoreText } from '../grade';
import { clamp01, effectiveCurrent, latestCheckIn, percent, rawProgress } from '../progress';
import type { NoOptions, Rule, RuleReport } from '../rule';

/** Reached in full, allowing for decimal arithmetic. */
const REACHED = 1 - 1e-9;

// Committed objectives are the ones the team promised to meet in full, unlike
// stretch goals where about seventy percent is success. When the period is over and
// a committed key result fell short, that deserves a line in the quarterly
// retrospective the guide recommends: what got in the way, and was the promise realistic?
export const committedMissed: Rule<NoOptions> = {
  id: 'committed-missed',
  description: 'After the period, each key result of a committed objective reached 100%.',
  defaultSeverity: 'info',
  defaultOptions: {},
  check({ file, context }) {
    const reports: RuleReport[] = [];
    for (const o of file.objectives) {
      if (o.kind !== 'committed' || o.status === 'dropped') continue;
      if (!isObjectiveGraded(file, o, context.today)) continue;
      for (const kr of o.keyResults) {
        if (kr.status === 'dropped') continue;
        const name = kr.id ? `key result ${shownValue(kr.id)}` : 'this key result';
        if (kr.score !== undefined) {
          // Closed with `okr close`: the recorded grade is the verdict.
          if (kr.score >= REACHED) continue;
          reports.push({
            message:
              `Committed ${name} was graded ${scoreText(keyResultScore(kr) ?? kr.score)} when the period closed; committed key ` +
              `results are expected at 1.0. ` +
              `Note in the retrospective what got in the way, and whether the commitment was realistic.`,
            span: kr.spans.values.score ?? kr.spans.node,
          });
          continue;
        }
        const raw = rawProgress(kr);
        if (raw === undefined || raw >= REACHED) continue;
        const current = effectiveCurrent(kr);
        const span =
          kr.spans.values.current ??
          (kr.current === undefined ? latestCheckIn(kr)?.spans.values.value : undefined) ??
          kr.spans.values.title ??
          kr.spans.node;
        reports.push({
          message:
            `Committed ${name} ended at ${percent(clamp01(raw))} of its target (at ${current}; start ${kr.start ?? 0}, target ` +
            `${kr.target}). ` +
            `Committed objectives are meant to be met in full: note in the retrospective what got in the way, and whether the ` +
            `commitment was realistic.`,
          span,
        });
      }
    }
    return reports;
  },
};
