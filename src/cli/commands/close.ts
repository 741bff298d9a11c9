// `okr close`: grades the period and records it in the file (score: per key
// result, closed:, and optionally retro:), as minimal edits of the file's text.

import { applyEdits } from '../../core/edits';
import { printable } from '../../core/escape';
import { GRADE_VERDICT_LABELS, scoreText } from '../../core/grade';
import { CloseError, planClose, type RetroInput } from '../../core/period-close';
import { LineIndex } from '../../core/positions';
import { type Command, UsageError, parseCommandArgs, parseTodayOption } from '../io';
import { openPeriodFile, writeOkrText } from './period-files';

const HELP = `Usage: okr close [file] [options]

Close a period: grade each key result Google's way (its progress at the end, from
0.0 to 1.0) and record it in the file as \`score:\`, with \`closed: <date>\` and,
when given, the team's reflection as \`retro: { went_well, went_badly, try_next }\`.
The file is edited in place, line by line: comments, order, quoting and line
endings stay as written. A closed file lints quietly (no stale check-ins), and
committed-missed and sandbagging judge its recorded grades.

With no file, the one OKR file under the current folder (outside closed periods'
folders) is closed. A period can be closed in its last 14 days or after it.
Closing again grades again from the numbers and keeps what is not given.

Options:
      --today <date>         the day of the close, YYYY-MM-DD (default: today's local date)
      --went-well <text>     what went well; repeatable
      --went-badly <text>    what went badly; repeatable
      --try-next <text>      what to try next period; repeatable
  -n, --dry-run              show the grades and what would be written; write nothing
  -h, --help                 show this help

Exit codes: 0 closed (or would be); 1 the file cannot be closed (YAML errors, no
period, the period is not near its end); 2 bad usage or a file that cannot be read
or written.

Examples:
  okr close okrs/platform.okr.yaml --dry-run
  okr close okrs/platform.okr.yaml --went-well "Canary deploys" --try-next "Fewer KRs"
  okr next-period okrs/platform.okr.yaml      then start the next period
`;

export const closeCommand: Command = {
  name: 'close',
  summary: 'grade a period and record the grades (and a retro) in its file',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('close', args, {
      today: { type: 'string' },
      'went-well': { type: 'string', multiple: true },
      'went-badly': { type: 'string', multiple: true },
      'try-next': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', short: 'n' },
      help: { type: 'boolean', short: 'h' },
    });
    if (positionals.length > 1) throw new UsageError('okr close takes one file (see okr close --help)');
    const today = parseTodayOption(values.today, io);
    const retro: RetroInput = { wentWell: values['went-well'], wentBadly: values['went-badly'], tryNext: values['try-next'] };
    // Blank texts are no reflection: nothing is written for them, and the summary says none.
    const hasRetro = [retro.wentWell, retro.wentBadly, retro.tryNext].some((parts) => parts?.some((p) => p.trim() !== ''));
    const opened = await openPeriodFile(positionals[0], 'close', io);
    if (!opened) return 1;
    const { target, disk, shown } = opened;
    let plan;
    try {
      plan = planClose(disk.file, today, hasRetro ? retro : undefined);
    } catch (err) {
      if (!(err instanceof CloseError)) throw err;
      io.stderr(`okr: cannot close ${shown}: ${printable(err.message)}${err.early ? ' (or pass --today)' : ''}\n`);
      return 1;
    }
    const newText = applyEdits(disk.text, plan.edits);
    const period = disk.file.period?.label ?? `${disk.file.period?.start} to ${disk.file.period?.end}`;
    const out: string[] = [];
    out.push(
      `${values['dry-run'] ? 'Would close' : plan.reclosed ? 'Closed again' : 'Closed'} ${shown} ` +
        `(${printable(disk.file.team ?? 'no team')}, ${printable(period)}) on ${today}:`,
    );
    for (const g of plan.grades) {
      const o = g.objective;
      const grade =
        o.status === 'dropped'
          ? 'dropped'
          : g.score === undefined
            ? 'not graded'
            : `${scoreText(g.score)}  ${GRADE_VERDICT_LABELS[g.verdict!]}`;
      out.push(
        `  ${printable(o.id ?? '(no id)')}  ${grade}  ` +
          `${printable(o.title ?? '')}${o.kind === 'committed' ? '  (committed: expected 1.0)' : ''}`,
      );
      for (const k of g.keyResults) {
        const kr = k.keyResult;
        const s =
          kr.status === 'dropped' || o.status === 'dropped'
            ? 'dropped'
            : k.score === undefined
              ? 'not graded: no numbers'
              : scoreText(k.score);
        out.push(`    ${printable(kr.id ?? '(no id)')}  ${s}  ${printable(kr.title ?? '')}`);
      }
    }
    const changed = new LineIndex(newText).lineCount - new LineIndex(disk.text).lineCount;
    out.push(
      `${values['dry-run'] ? 'Would write' : 'Wrote'} score: on ${countScores(plan)} key result(s), closed: ` +
        `${today}${hasRetro ? ', retro:' : ''} (${changed >= 0 ? '+' : ''}${changed} lines).`,
    );
    if (plan.ungraded.length)
      out.push(`Not graded (no start, target and current): ${plan.ungraded.map((kr) => printable(kr.id ?? kr.title ?? '?')).join(', ')}.`);
    if (!values['dry-run']) {
      try {
        await writeOkrText(target, newText, disk.bom);
      } catch (err) {
        io.stderr(`okr: cannot write ${shown}: ${printable((err as Error).message)}\n`);
        return 2;
      }
      out.push(`Next: okr next-period ${shown}`);
    } else {
      out.push('Dry run: nothing was written.');
    }
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};

function countScores(plan: ReturnType<typeof planClose>): number {
  return plan.grades.reduce(
    (n, g) =>
      n +
      (g.objective.status === 'dropped' ? 0 : g.keyResults.filter((k) => k.keyResult.status !== 'dropped' && k.score !== undefined).length),
    0,
  );
}
