// What hover and completion say about an objective, key result or initiative id:
// its title, progress, health and owner. Pure: no vscode import.

import { initiativeStatusText, oneLine, progressSummary, SEPARATOR, teamPeriodText } from '../../core/wording';
import type { IdDefinition, Initiative, KeyResult, Objective, OkrFile } from '../../core/model';
import { assessKeyResult, assessObjective, HEALTH_LABELS, type Assessment } from '../../core/progress';
import { healthIcon } from '../tree/labels';
import { escapeMarkdown, icon, inlineCode } from '../tree/markdown';

export type LocatedItem =
  | { kind: 'objective'; objective: Objective }
  | { kind: 'key-result'; objective: Objective; keyResult: KeyResult }
  | { kind: 'initiative'; objective: Objective; initiative: Initiative };

const sameSpan = (a: { start: number; end: number } | undefined, b: { start: number; end: number }) =>
  !!a && a.start === b.start && a.end === b.end;

interface IdHolder {
  item: LocatedItem;
  node: Objective | KeyResult | Initiative;
}

/** The items of one kind, in file order, each with the node that holds its id. */
function itemsOfKind(file: OkrFile, kind: IdDefinition['kind']): IdHolder[] {
  return file.objectives.flatMap((objective): IdHolder[] => {
    switch (kind) {
      case 'objective':
        return [{ item: { kind, objective }, node: objective }];
      case 'key-result':
        return objective.keyResults.map((keyResult) => ({ item: { kind, objective, keyResult }, node: keyResult }));
      case 'initiative':
        return objective.initiatives.map((initiative) => ({ item: { kind, objective, initiative }, node: initiative }));
    }
  });
}

/** The model item a definition points at (matched by its id span, else by id). */
export function locateDefinition(file: OkrFile, definition: IdDefinition): LocatedItem | undefined {
  let byId: LocatedItem | undefined;
  for (const { item, node } of itemsOfKind(file, definition.kind)) {
    if (node.id !== definition.id) continue;
    if (sameSpan(node.spans.values.id, definition.span)) return item;
    byId ??= item;
  }
  return byId;
}

export interface IdSummary {
  id: string;
  kind: LocatedItem['kind'];
  title?: string;
  /** "33% · behind pace by 17% · 60% confident · dana", without the health (initiatives: "in progress · li"). */
  details: string;
  assessment?: Assessment;
  /** "Platform · 2026-Q4". */
  teamPeriod?: string;
}

export function summarize(file: OkrFile, item: LocatedItem, today: string): IdSummary {
  const teamPeriod = teamPeriodText(file.team, file.period);
  switch (item.kind) {
    case 'objective': {
      const a = assessObjective(file, item.objective, today);
      const details = progressSummary({ progress: a.progress, paceGap: a.paceGap, owner: item.objective.owner });
      return { id: item.objective.id ?? '', kind: item.kind, title: item.objective.title, details, assessment: a, teamPeriod };
    }
    case 'key-result': {
      const a = assessKeyResult(file, item.objective, item.keyResult, today);
      const details = progressSummary({ progress: a.progress, paceGap: a.paceGap, confidence: a.confidence, owner: item.keyResult.owner });
      return { id: item.keyResult.id ?? '', kind: item.kind, title: item.keyResult.title, details, assessment: a, teamPeriod };
    }
    case 'initiative': {
      const i = item.initiative;
      const details = [initiativeStatusText(i.status), oneLine(i.owner ?? '')].filter((p) => p).join(SEPARATOR);
      return { id: i.id ?? '', kind: item.kind, title: i.title, details, teamPeriod };
    }
  }
}

const KIND_WORDS: Record<LocatedItem['kind'], string> = { objective: 'Objective', 'key-result': 'Key result', initiative: 'Initiative' };

/**
 * Hover markdown: title, then kind and id with team and period, then health,
 * progress, pace, confidence and owner; then where it is defined.
 * For a MarkdownString with supportThemeIcons, not trusted.
 */
export function idHoverMarkdown(s: IdSummary, location: { relativePath: string; line: number }): string {
  const title = oneLine(s.title ?? '');
  const healthPart = s.assessment ? `${icon(healthIcon(s.assessment.health).id)} ${HEALTH_LABELS[s.assessment.health]}` : undefined;
  const status = [healthPart, s.details ? escapeMarkdown(s.details) : undefined].filter((p) => p).join(SEPARATOR);
  return [
    title ? `**${escapeMarkdown(title)}**` : `**${escapeMarkdown(s.id)}**`,
    [`${KIND_WORDS[s.kind]} ${inlineCode(s.id)}`, s.teamPeriod ? escapeMarkdown(s.teamPeriod) : undefined].filter((p) => p).join(SEPARATOR),
    status || undefined,
    `${escapeMarkdown(location.relativePath)}, line ${location.line}`,
  ]
    .filter((p): p is string => !!p)
    .join('\n\n');
}

/** The documentation line of a completion item: progress, health and owner; team and period. */
export function completionDocumentation(s: IdSummary): string {
  const first = [s.assessment ? HEALTH_LABELS[s.assessment.health] : undefined, s.details].filter((p) => p).join(SEPARATOR);
  return [first, s.teamPeriod].filter((p) => p).join('\n\n');
}
