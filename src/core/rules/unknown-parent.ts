import * as path from 'node:path';
import { shownValue } from '../escape';
import type { Rule, RuleReport, NoOptions } from '../rule';
import { closestMatch } from '../edit-distance';
import { periodLabel } from '../history';
import type { OkrFile } from '../model';

// The guide: "Start by understanding the company-level OKRs and working backward to
// determine how your engineering team can contribute." A `parent:` is that line of
// sight; one that names nothing is a broken link, and the alignment looks real but is not.
export const unknownParent: Rule<NoOptions> = {
  id: 'unknown-parent',
  description: '`parent:` names an objective of the `aligns_with` file, and that file exists.',
  defaultSeverity: 'error',
  defaultOptions: {},
  check({ file, context }) {
    const reports: RuleReport[] = [];
    const withParent = file.objectives.filter((o) => o.parent !== undefined && o.parent.trim() !== '' && o.spans.values.parent);
    if (!file.alignsWith) {
      for (const o of withParent) {
        reports.push({
          message:
            `\`parent: ${shownValue(o.parent!)}\` names an objective of the parent OKR file, but this file has no \`aligns_with:\`. ` +
            `Add \`aligns_with:\` with the path of the file that defines ${shownValue(o.parent!)}.`,
          span: o.spans.values.parent,
        });
      }
      return reports;
    }
    const aligned = context.alignedFile;
    if (aligned === undefined) return reports; // the caller did not look: say nothing rather than guess
    const shownPath = shownValue(context.alignedPath ?? file.alignsWith, 120);
    if (aligned === null) {
      const why =
        context.alignedProblem === undefined
          ? 'which does not exist or cannot be read, so'
          : `which cannot be read: ${shownValue(context.alignedProblem, 200)}. So`;
      reports.push({
        message: `\`aligns_with\` names ${shownPath}, ${why} the \`parent:\` links of this file cannot be checked.`,
        span: file.spans.values.aligns_with ?? file.spans.keys.aligns_with ?? { start: 0, end: 0 },
      });
      return reports;
    }
    const loop = context.alignment?.alignsWithLoop(file);
    if (loop) {
      const here = path.dirname(loop[0]);
      reports.push({
        message:
          `\`aligns_with\` goes round in a loop: ${loop.map((p) => shownValue(path.relative(here, p) || path.basename(p), 120)).join(' -> ')}. ` +
          `The top file (the company's) has no \`aligns_with\`: remove it there, so the org view has a top.`,
        span: file.spans.values.aligns_with ?? file.spans.keys.aligns_with ?? { start: 0, end: 0 },
      });
    }
    const { objectiveIds, known } = objectiveIdsOf(aligned);
    // The parent file has started a later period (both rolled over): this file's `parent:`
    // ids are of the parent's earlier period, which its closed copy in the workspace keeps.
    const parentMovedOn = file.period !== undefined && aligned.period !== undefined && aligned.period.start > file.period.end;
    for (const o of withParent) {
      const parent = o.parent!.trim();
      if (known.has(parent)) continue;
      if (parentMovedOn && context.firstDefinitionElsewhere(parent)?.kind === 'objective') continue;
      const other = otherIdsOf(aligned).get(parent);
      let message: string;
      if (other) {
        message =
          `\`parent: ${shownValue(parent)}\` is ${other} in ${shownPath}, not an objective; \`parent:\` names the ` +
          `objective this one contributes to.`;
      } else {
        const near = closestMatch(parent, objectiveIds);
        message =
          `\`parent: ${shownValue(parent)}\` names no objective of ${shownPath}` +
          (parentMovedOn && aligned.period
            ? `, which is now ${shownValue(periodLabel(aligned.period))}, a later period than this file's.`
            : '.') +
          (near
            ? ` Did you mean \`${shownValue(near)}\`?`
            : objectiveIds.length
              ? ` Its objectives: ${objectiveIds
                  .slice(0, 10)
                  .map((id) => shownValue(id))
                  .join(', ')}${objectiveIds.length > 10 ? ', …' : ''}.`
              : ' That file defines no objectives.');
      }
      reports.push({ message, span: o.spans.values.parent });
    }
    return reports;
  },
};

// A company file is the `aligns_with` parent of every team file: its ids are gathered
// once per run (per parsed file), not once per team file.
const objectiveIdsCache = new WeakMap<OkrFile, { objectiveIds: string[]; known: ReadonlySet<string> }>();

function objectiveIdsOf(aligned: OkrFile): { objectiveIds: string[]; known: ReadonlySet<string> } {
  let ids = objectiveIdsCache.get(aligned);
  if (!ids) {
    const objectiveIds = aligned.objectives.map((o) => o.id).filter((id): id is string => !!id);
    objectiveIdsCache.set(aligned, (ids = { objectiveIds, known: new Set(objectiveIds) }));
  }
  return ids;
}

/** The ids of the file's key results and initiatives, for saying what a wrong `parent:` names instead. */
function otherIdsOf(aligned: OkrFile): ReadonlyMap<string, string> {
  const otherIds = new Map<string, string>();
  for (const o of aligned.objectives) {
    for (const kr of o.keyResults) if (kr.id) otherIds.set(kr.id, 'a key result');
    for (const i of o.initiatives) if (i.id) otherIds.set(i.id, 'an initiative');
  }
  return otherIds;
}
