// What each node of the Objectives tree says: label, description, icon, context
// value and tooltip, built from the core model and its assessment. Pure: no vscode
// import, so every word is unit-tested; objectives-view.ts turns these into TreeItems.

import {
  formatQuantity,
  initiativeStatusText,
  linkedWorkText,
  oneLine,
  periodText,
  progressSummary,
  relativeDate,
  SEPARATOR,
  teamPeriodText,
} from '../../core/wording';
import type { Finding, Initiative, KeyResult, Objective, OkrFile, Severity, Span } from '../../core/model';
import {
  effectiveConfidence,
  effectiveCurrent,
  HEALTH_LABELS,
  latestCheckIn,
  percent,
  type Assessment,
  type Health,
} from '../../core/progress';
import { lateness } from '../../core/check-ins';
import { type GradeColour, gradeText, scoreText } from '../../core/grade';
import type { LinkedCommit, LinkedWork } from './linked-work';
import { escapeMarkdown, icon, inlineCode } from './markdown';
import { ringName } from './rings';

/** A codicon id and an optional theme colour id (`charts.green`). */
export interface IconSpec {
  id: string;
  color?: string;
}

export type ContextValue = 'file' | 'objective' | 'keyResult' | 'initiative' | 'commit';

export interface Presentation {
  label: string;
  description: string;
  icon: IconSpec;
  /** A progress ring (media/rings/<name>-light|dark.svg) shown instead of `icon` where the view can. */
  ring?: string;
  contextValue: ContextValue;
  /** What a screen reader says: label, health and description in words. */
  accessibilityLabel: string;
}

const HEALTH_ICONS: Record<Health, IconSpec> = {
  'on-track': { id: 'pass', color: 'charts.green' },
  'at-risk': { id: 'warning', color: 'charts.yellow' },
  'off-track': { id: 'error', color: 'charts.red' },
  done: { id: 'check-all', color: 'charts.green' },
  dropped: { id: 'circle-slash', color: 'disabledForeground' },
  'not-started': { id: 'circle-large-outline' },
  unknown: { id: 'question', color: 'descriptionForeground' },
};

export function healthIcon(health: Health): IconSpec {
  return HEALTH_ICONS[health];
}

const INITIATIVE_ICONS: Record<Initiative['status'], IconSpec> = {
  planned: { id: 'rocket' },
  in_progress: { id: 'rocket', color: 'charts.blue' },
  done: { id: 'rocket', color: 'charts.green' },
  dropped: { id: 'rocket', color: 'disabledForeground' },
};

const SEVERITY_ICONS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** A letter written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko ... and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * Text the user wrote, as a unit of its own in a row that mixes it with figures: text with a right-to-left
 * letter is wrapped in a first-strong isolate (U+2068 ... U+2069), so the figures after it (the
 * description's "71% · APP-O1", the label's "· 2026-Q4") are not drawn into its run ("71" before an
 * Arabic title and "%" after it). Other text is returned as it is.
 */
export function bidiIsolated(text: string): string {
  return RTL_LETTER.test(text) ? `\u2068${text}\u2069` : text;
}

const ownerText = (owner: string | undefined): string | undefined => bidiIsolated(oneLine(owner ?? '')) || undefined;

function titleOrId(title: string | undefined, id: string | undefined, what: string): { label: string; showId: boolean } {
  const t = bidiIsolated(oneLine(title ?? ''));
  if (t) return { label: t, showId: !!id };
  if (id) return { label: id, showId: false };
  return { label: `(untitled ${what})`, showId: false };
}

function joinParts(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(SEPARATOR);
}

function accessibility(label: string, health: string | undefined, description: string): string {
  return [label, health, description].filter((p) => !!p).join(', ');
}

/** A grade shown in place of progress once the period is over: the score, or undefined when nothing could be graded. */
export interface ShownGrade {
  score?: number;
  colour?: GradeColour;
}

const GRADE_COLOURS: Record<GradeColour, string> = { green: 'charts.green', yellow: 'charts.yellow', red: 'charts.red' };

function gradeIcon(grade: ShownGrade): IconSpec {
  return grade.colour ? { id: 'mortar-board', color: GRADE_COLOURS[grade.colour] } : { id: 'mortar-board', color: 'descriptionForeground' };
}

export function objectivePresentation(o: Objective, a: Assessment, grade?: ShownGrade): Presentation {
  const { label, showId } = titleOrId(o.title, o.id, 'objective');
  if (grade && o.status !== 'dropped') {
    const graded = grade.score === undefined ? 'not graded' : gradeText(o.kind, grade.score);
    const description = joinParts([showId ? o.id : undefined, graded, ownerText(o.owner)]);
    return {
      label,
      description,
      icon: gradeIcon(grade),
      contextValue: 'objective',
      accessibilityLabel: accessibility(
        `Objective ${label}`,
        grade.score === undefined ? 'not graded' : `graded ${scoreText(grade.score)}`,
        description,
      ),
    };
  }
  const description = leadWithProgress(
    progressSummary({ progress: a.progress, paceGap: a.paceGap, owner: ownerText(o.owner), health: a.health }),
    a,
    showId ? o.id : undefined,
  );
  return {
    label,
    description,
    icon: healthIcon(a.health),
    ring: ringName(a.health, a.progress),
    contextValue: 'objective',
    accessibilityLabel: accessibility(`Objective ${label}`, HEALTH_LABELS[a.health], description),
  };
}

/**
 * The summary with the id after the percentage: "38% · PLAT-KR1 · behind pace by 12%".
 * The percentage leads, so it is the last thing a narrow sidebar cuts off.
 */
function leadWithProgress(summary: string, a: Assessment, id: string | undefined): string {
  if (a.progress === undefined || !Number.isFinite(a.progress)) return joinParts([id, summary]);
  const lead = percent(a.progress);
  const rest = summary.startsWith(lead) ? summary.slice(lead.length).replace(/^ · /, '') : summary;
  return joinParts([lead, id, rest || undefined]);
}

/** What the tree says of linked commits; "no recent commits" when the git features find none for a while. */
export function linkedWorkLine(linked: LinkedWork, today: string): string {
  return linkedWorkText(linked.count, linked.lastDate, today) + (linked.stale && linked.count > 0 ? `${SEPARATOR}no recent commits` : '');
}

/** The quiet marker of a due key result, after its progress and before its commits: "check-in due", "check-in 3 days late". */
export function dueMarker(due: { daysLate: number }): string {
  return due.daysLate <= 0 ? 'check-in due' : `check-in ${lateness(due.daysLate)}`;
}

/**
 * `fileLinked`: whether any commit links to a key result of this file. A file no code
 * links to (a company's OKRs) shows nothing of commits: "no commits" on each of its
 * key results would be noise.
 */
export function keyResultPresentation(
  kr: KeyResult,
  a: Assessment,
  linked: LinkedWork | undefined,
  today: string,
  grade?: ShownGrade,
  fileLinked = true,
  due?: { daysLate: number },
): Presentation {
  const { label, showId } = titleOrId(kr.title, kr.id, 'key result');
  if (grade && a.health !== 'dropped') {
    const linkedText = linked && fileLinked ? linkedWorkText(linked.count, linked.lastDate, today) : undefined;
    const graded = grade.score === undefined ? 'not graded' : `graded ${scoreText(grade.score)}`;
    const description = joinParts([showId ? kr.id : undefined, graded, ownerText(kr.owner), linkedText]);
    return {
      label,
      description,
      icon: gradeIcon(grade),
      contextValue: 'keyResult',
      accessibilityLabel: accessibility(`Key result ${label}`, graded, description),
    };
  }
  const summary = progressSummary({
    progress: a.progress,
    paceGap: a.paceGap,
    confidence: a.confidence,
    owner: ownerText(kr.owner),
    health: a.health,
  });
  const linkedText = linked && fileLinked ? linkedWorkLine(linked, today) : undefined;
  const description = joinParts([leadWithProgress(summary, a, showId ? kr.id : undefined), due ? dueMarker(due) : undefined, linkedText]);
  return {
    label,
    description,
    icon: healthIcon(a.health),
    ring: ringName(a.health, a.progress),
    contextValue: 'keyResult',
    accessibilityLabel: accessibility(`Key result ${label}`, HEALTH_LABELS[a.health], description),
  };
}

export function initiativePresentation(i: Initiative): Presentation {
  const { label, showId } = titleOrId(i.title, i.id, 'initiative');
  const description = joinParts([showId ? i.id : undefined, initiativeStatusText(i.status), ownerText(i.owner)]);
  return {
    label,
    description,
    icon: INITIATIVE_ICONS[i.status],
    contextValue: 'initiative',
    accessibilityLabel: accessibility(`Initiative ${label}`, undefined, description),
  };
}

/** A file node: "Platform · 2026-Q4", described by its path relative to the workspace. */
export function filePresentation(file: OkrFile, relativePath: string, findings: readonly Finding[]): Presentation {
  const label =
    teamPeriodText(file.team === undefined ? undefined : bidiIsolated(oneLine(file.team)), file.period) ?? baseName(relativePath);
  const errors = findings.filter((f) => f.severity === 'error').length;
  // A file named by its path already (no team or period, at the folder's top) does not say its name twice.
  const description = joinParts([
    label === relativePath ? undefined : relativePath,
    errors ? (errors === 1 ? '1 error' : `${errors} errors`) : undefined,
  ]);
  return {
    label,
    description,
    // The adapter shows the file icon theme's icon for the file instead.
    icon: { id: 'file' },
    contextValue: 'file',
    accessibilityLabel: accessibility(`OKR file ${label}`, undefined, description),
  };
}

export function commitPresentation(commit: LinkedCommit, today: string): Presentation {
  const label = oneLine(commit.subject) || commit.sha.slice(0, 7);
  const day = commit.date.slice(0, 10);
  const when = /^\d{4}-\d{2}-\d{2}$/.test(day) ? relativeDate(day, today) : undefined;
  const description = joinParts([oneLine(commit.author) || undefined, when]);
  return {
    label,
    description,
    icon: { id: 'git-commit' },
    contextValue: 'commit',
    accessibilityLabel: accessibility(`Commit ${label}`, undefined, description),
  };
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}

// ---------------------------------------------------------------------------
// Tooltips: markdown text, meant for a MarkdownString with supportThemeIcons and
// nothing trusted. Paragraphs are separated by blank lines.

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/**
 * Findings whose span lies within `span`, leaving out those within any of `childSpans`
 * (those show on the child). `findings` need not be sorted.
 */
export function findingsWithin(findings: readonly Finding[], span: Span, childSpans: readonly Span[] = []): Finding[] {
  return findings.filter((f) => within(f.span, span) && !childSpans.some((c) => within(f.span, c)));
}

function findingsSection(findings: readonly Finding[], moreOnChildren = 0, childWord = 'children'): string | undefined {
  if (findings.length === 0 && moreOnChildren === 0) return undefined;
  const lines = findings.map((f) => `- ${icon(SEVERITY_ICONS[f.severity])} ${inlineCode(f.ruleId)} ${escapeMarkdown(f.message)}`);
  if (moreOnChildren > 0)
    lines.push(`- ${moreOnChildren === 1 ? '1 more problem' : `${moreOnChildren} more problems`} in its ${childWord}`);
  return lines.join('\n');
}

function headline(title: string | undefined, fallback: string): string {
  const t = oneLine(title ?? '');
  return t ? `**${escapeMarkdown(t)}**` : `**${escapeMarkdown(fallback)}**`;
}

function identity(kind: string, id: string | undefined, extra: (string | undefined)[]): string {
  return [`${kind}${id ? ` ${inlineCode(id)}` : ''}`, ...extra.filter((e): e is string => !!e)].join(SEPARATOR);
}

function healthLine(a: Assessment): string {
  const h = healthIcon(a.health);
  const parts = [`${icon(h.id)} ${HEALTH_LABELS[a.health]}`];
  if (a.progress !== undefined) parts.push(`${percent(a.progress)} done`);
  if (a.expected !== undefined && a.health !== 'done' && a.health !== 'dropped' && a.health !== 'not-started') {
    parts.push(`${percent(a.expected)} of the period gone by`);
  }
  return parts.join(SEPARATOR);
}

function quantity(n: number | undefined, unit: string | undefined): string | undefined {
  return n === undefined ? undefined : escapeMarkdown(formatQuantity(n, unit));
}

function bullets(lines: (string | undefined)[]): string | undefined {
  const present = lines.filter((l): l is string => !!l);
  return present.length ? present.map((l) => `- ${l}`).join('\n') : undefined;
}

function closedLine(status: string, reason: string | undefined): string | undefined {
  if (status === 'active' || status === 'planned' || status === 'in_progress') return undefined;
  const r = oneLine(reason ?? '');
  return `Status: ${status}${r ? `: ${escapeMarkdown(r)}` : ''}`;
}

export interface KeyResultTooltipInput {
  objective: Objective;
  keyResult: KeyResult;
  assessment: Assessment;
  /** Findings of the file; those on the key result are listed. */
  findings: readonly Finding[];
  linked?: LinkedWork;
  today: string;
  /** After the period: the key result's grade. */
  grade?: ShownGrade;
}

function gradeLine(grade: ShownGrade | undefined, kind: Objective['kind']): string | undefined {
  if (!grade) return undefined;
  const expected = kind === 'committed' ? 'committed: expected 1.0' : 'aspirational: about 0.7 is a success';
  const graded = grade.score === undefined ? 'Not graded: no numbers to grade by' : `Grade ${scoreText(grade.score)}`;
  return `${icon('mortar-board')} ${graded} (${expected})`;
}

export function keyResultTooltip(input: KeyResultTooltipInput): string {
  const { objective: o, keyResult: kr, assessment: a } = input;
  const unit = kr.unit?.trim() || undefined;
  const current = effectiveCurrent(kr);
  const last = latestCheckIn(kr);
  const fromCheckIn = kr.current === undefined && current !== undefined;
  let target = quantity(kr.target, unit);
  if (target && kr.target !== undefined && kr.start !== undefined && kr.target < kr.start) target += ' (lower is better)';
  const confidence = effectiveConfidence(kr);
  const confidenceFromCheckIn = confidence !== undefined && kr.checkIns.some((c) => c.date && c.confidence !== undefined);

  let lastLine: string | undefined;
  if (last) {
    const details = [
      last.value !== undefined ? escapeMarkdown(formatQuantity(last.value, unit)) : undefined,
      last.confidence !== undefined ? `${percent(last.confidence)} confident` : undefined,
    ];
    const note = oneLine(last.note ?? '');
    lastLine =
      `Last check-in: ${last.date} (${relativeDate(last.date!, input.today)})` +
      (details.some((d) => d) ? `: ${details.filter((d) => d).join(', ')}` : '') +
      (note ? `${SEPARATOR}“${escapeMarkdown(note)}”` : '');
  }

  const sections = [
    headline(kr.title, kr.id ?? 'Untitled key result'),
    identity('Key result', kr.id, [
      o.id ? `of ${inlineCode(o.id)}` : undefined,
      kr.owner ? `owner ${escapeMarkdown(kr.owner)}` : undefined,
    ]),
    gradeLine(input.grade, o.kind),
    healthLine(a),
    bullets([
      kr.start !== undefined ? `Start: ${quantity(kr.start, unit)}` : 'Start: not set (measured from 0)',
      `Target: ${target ?? 'not set'}`,
      `Current: ${current !== undefined ? `${quantity(current, unit) ?? ''}${fromCheckIn ? ' (latest check-in)' : ''}` : 'not set'}`,
      unit ? `Unit: ${escapeMarkdown(unit)}` : undefined,
      confidence !== undefined ? `Confidence: ${percent(confidence)}${confidenceFromCheckIn ? ' (latest check-in)' : ''}` : undefined,
      lastLine ?? 'No check-ins yet',
      closedLine(kr.status, kr.reason),
    ]),
    input.linked ? linkedSection(input.linked, input.today) : undefined,
    findingsSection(findingsWithin(input.findings, kr.spans.node)),
  ];
  return sections.filter((s): s is string => !!s).join('\n\n');
}

function linkedSection(linked: LinkedWork, today: string): string {
  const head = `${icon('git-commit')} ${linkedWorkText(linked.count, linked.lastDate, today)}`;
  const stale = linked.stale && linked.count > 0 ? `${SEPARATOR}no recent commits` : '';
  return head + stale;
}

export interface ObjectiveTooltipInput {
  objective: Objective;
  assessment: Assessment;
  findings: readonly Finding[];
  grade?: ShownGrade;
}

export function objectiveTooltip(input: ObjectiveTooltipInput): string {
  const { objective: o, assessment: a } = input;
  const activeKrs = o.keyResults.filter((kr) => kr.status === 'active').length;
  const childSpans = [...o.keyResults.map((kr) => kr.spans.node), ...o.initiatives.map((i) => i.spans.node)];
  const own = findingsWithin(input.findings, o.spans.node, childSpans);
  const onChildren = findingsWithin(input.findings, o.spans.node).length - own.length;
  const sections = [
    headline(o.title, o.id ?? 'Untitled objective'),
    identity(o.kind === 'committed' ? 'Committed objective' : 'Aspirational objective', o.id, [
      o.owner ? `owner ${escapeMarkdown(o.owner)}` : undefined,
    ]),
    input.grade?.score !== undefined
      ? `${icon('mortar-board')} Grade ${escapeMarkdown(gradeText(o.kind, input.grade.score))}`
      : gradeLine(input.grade, o.kind),
    healthLine(a),
    bullets([
      o.description ? escapeMarkdown(o.description) : undefined,
      (o.keyResults.length === 1 ? '1 key result' : `${o.keyResults.length} key results`) +
        (activeKrs !== o.keyResults.length ? ` (${activeKrs} active)` : '') +
        (o.initiatives.length ? `, ${o.initiatives.length === 1 ? '1 initiative' : `${o.initiatives.length} initiatives`}` : ''),
      o.parent ? `Aligns with ${inlineCode(o.parent)}` : undefined,
      o.due ? `Due ${o.due}` : undefined,
      closedLine(o.status, o.reason),
    ]),
    findingsSection(own, onChildren, 'key results and initiatives'),
  ];
  return sections.filter((s): s is string => !!s).join('\n\n');
}

export function initiativeTooltip(initiative: Initiative, objective: Objective, findings: readonly Finding[]): string {
  const sections = [
    headline(initiative.title, initiative.id ?? 'Untitled initiative'),
    identity('Initiative', initiative.id, [
      objective.id ? `of ${inlineCode(objective.id)}` : undefined,
      initiative.owner ? `owner ${escapeMarkdown(initiative.owner)}` : undefined,
    ]),
    `Status: ${initiativeStatusText(initiative.status)}` + (initiative.reason ? `${SEPARATOR}${escapeMarkdown(initiative.reason)}` : ''),
    findingsSection(findingsWithin(findings, initiative.spans.node)),
  ];
  return sections.filter((s): s is string => !!s).join('\n\n');
}

export function fileTooltip(file: OkrFile, relativePath: string, findings: readonly Finding[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const problems = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${icon(SEVERITY_ICONS[s])} ${counts[s]} ${s === 'info' ? 'info' : counts[s] === 1 ? s : `${s}s`}`);
  const period = file.period
    ? `${periodText(file.period)}${file.period.label ? ` (${file.period.start} to ${file.period.end})` : ''}`
    : undefined;
  const sections = [
    headline(file.team, 'No team'),
    escapeMarkdown(relativePath),
    bullets([
      period ? `Period: ${escapeMarkdown(period)}` : 'Period: not set',
      file.alignsWith ? `Aligns with ${escapeMarkdown(file.alignsWith)}` : undefined,
      file.objectives.length === 1 ? '1 objective' : `${file.objectives.length} objectives`,
    ]),
    problems.length ? problems.join(SEPARATOR) : undefined,
  ];
  return sections.filter((s): s is string => !!s).join('\n\n');
}

export function commitTooltip(commit: LinkedCommit): string {
  return [
    `**${escapeMarkdown(oneLine(commit.subject) || commit.sha)}**`,
    `${inlineCode(commit.sha.slice(0, 12))}${SEPARATOR}${escapeMarkdown(oneLine(commit.author))}${SEPARATOR}${escapeMarkdown(commit.date)}`,
  ].join('\n\n');
}
