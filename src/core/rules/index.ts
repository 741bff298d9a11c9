// The rule registry, in the order of the README's table. Each rule is one module;
// docs live in docs/rules/<id>.md (the engine attaches the path).

import type { AnyRule } from '../rule';
import { syntax } from './syntax';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { objectiveIsTask } from './objective-is-task';
import { objectiveHasMetric } from './objective-has-metric';
import { krIsMilestone } from './kr-is-milestone';
import { krNotMeasurable } from './kr-not-measurable';
import { krNoBaseline } from './kr-no-baseline';
import { objectiveCount } from './objective-count';
import { krCount } from './kr-count';
import { notTimeBound } from './not-time-bound';
import { staleCheckIn } from './stale-check-in';
import { currentDisagrees } from './current-disagrees';
import { sandbagging } from './sandbagging';
import { committedMissed } from './committed-missed';
import { targetMoved } from './target-moved';
import { routineWork } from './routine-work';
import { performanceReview } from './performance-review';
import { unknownParent } from './unknown-parent';
import { unalignedObjective } from './unaligned-objective';
import { droppedWithoutReason } from './dropped-without-reason';
import { unknownDependency } from './unknown-dependency';
import { blockedDependency } from './blocked-dependency';
import { dependencyCycle } from './dependency-cycle';
import { unsupportedObjective } from './unsupported-objective';

export const rules: readonly AnyRule[] = [
  syntax,
  schema,
  duplicateId,
  objectiveIsTask,
  objectiveHasMetric,
  krIsMilestone,
  krNotMeasurable,
  krNoBaseline,
  objectiveCount,
  krCount,
  notTimeBound,
  staleCheckIn,
  currentDisagrees,
  sandbagging,
  committedMissed,
  targetMoved,
  routineWork,
  performanceReview,
  unknownParent,
  unalignedObjective,
  droppedWithoutReason,
  unknownDependency,
  blockedDependency,
  dependencyCycle,
  unsupportedObjective,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}
