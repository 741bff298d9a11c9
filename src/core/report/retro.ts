// `okr report --retro`: the period's retrospective as Markdown. The guide: "evaluate
// not just whether you hit your key results, but whether the objectives themselves
// were the right ones". Per file: the grades of each objective and key result
// against what their kind expects, committed against aspirational, what was dropped
// and why, check-in discipline, the work linked to each key result, and the team's
// own reflection from `retro:`. Built on the report's data, so the numbers agree.

import { EXPECTED_SCORE, GRADE_VERDICT_LABELS, gradeVerdict, keyResultScore, objectiveScore, scoreText } from '../grade';
import { escapeMarkdownInline as md } from '../markup';
import type { OkrFile } from '../model';
import { buildReport, type ReportData, type ReportInput, type ReportKeyResult } from './data';
import { pushAll } from '../arrays';

// The report's inline escaping covers table pipes too.
const cell = (s: string) => md(s);

function verdictCell(kind: 'aspirational' | 'committed', score: number | undefined): string {
  if (score === undefined) return 'not graded';
  return GRADE_VERDICT_LABELS[gradeVerdict(kind, score)];
}

function checkInLine(krs: readonly ReportKeyResult[]): string {
  let onTime = 0;
  let late = 0;
  let missed = 0;
  for (const kr of krs) {
    if (!kr.cadence) continue;
    onTime += kr.cadence.onTime;
    late += kr.cadence.late;
    missed += kr.cadence.missed;
  }
  const due = onTime + late + missed;
  if (due === 0) return 'No check-ins were due.';
  return `${onTime} of ${due} check-ins on time (${Math.round((onTime / due) * 100)}%), ${late} late, ${missed} missed.`;
}

/** The retrospective of each file, as one Markdown document. */
export function renderRetro(input: ReportInput): string {
  const data: ReportData = buildReport(input);
  const out: string[] = [];
  input.files.forEach(({ path, file }, index) => {
    const f = data.files[index];
    pushAll(
      out,
      fileRetro(
        path,
        file,
        f.objectives.flatMap((o) => o.keyResults),
        data,
        f,
      ),
    );
  });
  if (input.files.length === 0) out.push('# Retrospective', '', 'No OKR files.');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function fileRetro(path: string, file: OkrFile, reportKrs: ReportKeyResult[], data: ReportData, f: ReportData['files'][number]): string[] {
  const period = file.period ? (file.period.label ?? `${file.period.start} to ${file.period.end}`) : 'no period';
  const out: string[] = [`# Retrospective: ${md(file.team ?? 'no team')}, ${md(period)}`, ''];
  const over = file.closed !== undefined || (file.period !== undefined && data.today > file.period.end);
  out.push(
    `\`${cell(path)}\`` +
      (file.closed
        ? ` · closed on ${file.closed}`
        : over
          ? ' · the period is over; not closed yet (`okr close` records the grades)'
          : ` · as of ${data.today}: the period is not over, so these grades are provisional`),
    '',
  );

  // Scores, objective by objective.
  out.push('## Scores', '', '| Objective / key result | Kind | Score | Expected | Verdict |', '| --- | --- | --- | --- | --- |');
  const committed: number[] = [];
  const aspirational: number[] = [];
  for (const o of file.objectives) {
    const score = objectiveScore(o);
    if (o.status !== 'dropped' && score !== undefined) (o.kind === 'committed' ? committed : aspirational).push(score);
    const expected = o.kind === 'committed' ? scoreText(EXPECTED_SCORE.committed) : `about ${scoreText(EXPECTED_SCORE.aspirational)}`;
    const name = `**${cell(o.id ?? '(no id)')}** ${cell(o.title ?? '')}`;
    out.push(
      `| ${name} | ${o.kind} | ${o.status === 'dropped' ? 'dropped' : score === undefined ? '-' : scoreText(score)} | ${expected} ` +
        `| ${o.status === 'dropped' ? 'dropped' : verdictCell(o.kind, score)} |`,
    );
    for (const kr of o.keyResults) {
      const s = keyResultScore(kr);
      const dropped = kr.status === 'dropped' || o.status === 'dropped';
      const carried = kr.carriedFrom ? ` (carried from ${cell(kr.carriedFrom)})` : '';
      out.push(
        `| ↳ ${cell(kr.id ?? '(no id)')} ${cell(kr.title ?? '')}${carried} | | ` +
          `${dropped ? 'dropped' : s === undefined ? '-' : scoreText(s)} | | ` +
          `${dropped ? '' : s === undefined ? 'not graded: no numbers' : ''} |`,
      );
    }
  }
  out.push('');

  // Committed against aspirational.
  out.push('## Committed and aspirational', '');
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (committed.length) {
    const met = committed.filter((s) => gradeVerdict('committed', s) === 'met').length;
    out.push(
      `- Committed: ${met} of ${committed.length} met in full (expected: all, at 1.0).` +
        (met < committed.length ? ' Say what got in the way, and whether the commitments were realistic.' : ''),
    );
  } else out.push('- No committed objectives were graded.');
  if (aspirational.length) {
    const m = mean(aspirational);
    const verdict = gradeVerdict('aspirational', m);
    out.push(
      `- Aspirational: mean ${scoreText(m)} over ${aspirational.length} (expected about 0.7): ${GRADE_VERDICT_LABELS[verdict]}.` +
        (verdict === 'too-easy'
          ? " Every stretch goal was met: set next period's targets higher."
          : verdict === 'missed' || verdict === 'fell-short'
            ? ' Were the objectives the right ones, and the targets within reach?'
            : ''),
    );
  } else out.push('- No aspirational objectives were graded.');
  out.push('');

  // What was dropped, and why.
  const dropped: string[] = [];
  for (const o of file.objectives) {
    if (o.status === 'dropped')
      dropped.push(
        `- Objective ${cell(o.id ?? '(no id)')} ${cell(o.title ?? '')}: ${o.reason?.trim() ? cell(o.reason) : '*no reason given*'}`,
      );
    for (const kr of o.keyResults)
      if (kr.status === 'dropped')
        dropped.push(
          `- Key result ${cell(kr.id ?? '(no id)')} ${cell(kr.title ?? '')}: ${kr.reason?.trim() ? cell(kr.reason) : '*no reason given*'}`,
        );
    for (const ini of o.initiatives)
      if (ini.status === 'dropped')
        dropped.push(
          `- Initiative ${cell(ini.id ?? '(no id)')} ${cell(ini.title ?? '')}: ` +
            (ini.reason?.trim() ? cell(ini.reason) : '*no reason given*'),
        );
  }
  pushAll(out, ['## Dropped', ''].concat(dropped.length ? dropped : ['Nothing was dropped.'], ''));

  // Check-in discipline and linked work.
  out.push('## Check-ins', '', checkInLine(reportKrs), '');
  const owners = data.indicators.checkIns.filter((c) => c.keyResults > 0 && reportKrs.length > 0);
  if (owners.length > 1) {
    for (const c of owners) out.push(`- ${cell(c.owner ?? 'no owner')}: ${c.onTime} on time, ${c.late} late, ${c.missed} missed`);
    out.push('');
  }
  out.push('## Linked work', '');
  if (f.linked === null) out.push('No git repository was read, so linked commits are not counted.');
  else {
    out.push('| Key result | Commits | Last commit |', '| --- | --- | --- |');
    for (const kr of reportKrs) {
      if (kr.status === 'dropped') continue;
      out.push(`| ${cell(kr.id ?? '(no id)')} | ${kr.linkedCommits ?? 0} | ${kr.lastCommitDate ? kr.lastCommitDate.slice(0, 10) : '-'} |`);
    }
  }
  out.push('');

  // The team's own words.
  out.push('## Reflection', '');
  const r = file.retro;
  if (!r || r.wentWell.length + r.wentBadly.length + r.tryNext.length === 0) {
    out.push('No reflection yet: `okr close --went-well ... --went-badly ... --try-next ...` records one.');
  } else {
    const part = (title: string, items: string[]) => (items.length ? [`**${title}**`, '', ...items.map((t) => `- ${md(t)}`), ''] : []);
    pushAll(out, part('What went well', r.wentWell).concat(part('What went badly', r.wentBadly), part('What to try next', r.tryNext)));
  }
  out.push('');
  return out;
}
