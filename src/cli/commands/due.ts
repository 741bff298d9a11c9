// `okr due`: the key results due for a check-in, with how late they are.

import { cadenceDays, cadenceWords, dueKeyResults, lateness } from '../../core/check-ins';
import { printable, quoteTitle } from '../../core/escape';
import { LineIndex } from '../../core/positions';
import { readOkrSources } from '../../core/fs/okr-files';
import { parseSources } from '../../core/okr-sources';
import { choiceOption, type CliIO, type Command, parseCommandArgs, parseTodayOption } from '../io';
import { okrFilesOfRun } from './check-in';
import { displayPath, noteSyntaxErrors, reportLoadProblems } from '../paths';

const HELP = `Usage: okr due [paths...] [options]

List the key results due for a check-in: those whose latest check-in (or the
period's start) is as old as the file's check_in_every (14 days by default),
while the period runs and the key result and its objective are active. The
latest first.

Options:
  -f, --format <f>    text (default) or json
      --today <date>  the day to judge by, YYYY-MM-DD (default: today's local date)
  -h, --help          show this help

A file with YAML errors is read as far as it can be, with a note on stderr saying
where its first error is (okr lint shows every problem).

Then: okr check-in <kr-id> <value>, or "OKR: Check In on Due Key Results..." in VS Code.

Exit codes: 0 listed (also when nothing is due); 2 bad usage or unreadable input.
`;

export const dueCommand: Command = {
  name: 'due',
  summary: 'list the key results due for a check-in',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('due', args, { format: { type: 'string', short: 'f' }, today: { type: 'string' } });
    const format = choiceOption('--format', values.format, ['text', 'json'] as const, 'text');
    const today = parseTodayOption(values.today, io);
    return runDue(io, positionals, format, today);
  },
};

async function runDue(io: CliIO, paths: readonly string[], format: 'text' | 'json', today: string): Promise<number> {
  const { loaded } = await okrFilesOfRun(io, paths);
  if (reportLoadProblems(loaded, io) && loaded.files.length === 0) return 2;
  const { sources, problems } = await readOkrSources(loaded.files);
  // Files that went away (or became unreadable) since they were found.
  if (reportLoadProblems({ problems, empty: [] }, io) && sources.length === 0) return 2;
  const parsed = parseSources(sources, { displayPath: (p) => displayPath(io.cwd, p) });
  noteSyntaxErrors(parsed, io);
  const rows = parsed.flatMap(({ source, file }) => {
    const show = displayPath(io.cwd, source.path);
    const lines = new LineIndex(source.text);
    return dueKeyResults(file, today).map((d) => ({
      ...d,
      path: show,
      line: lines.positionAt(d.keyResult.spans.node.start).line + 1,
      cadence: cadenceDays(file),
    }));
  });
  rows.sort((a, b) => b.daysLate - a.daysLate);
  if (format === 'json') {
    const json = rows.map((r) => ({
      file: r.path,
      line: r.line,
      id: r.keyResult.id ?? null,
      title: r.keyResult.title ?? null,
      objective: r.objective.id ?? null,
      lastCheckIn: r.lastCheckIn ?? null,
      dueOn: r.dueOn,
      daysLate: r.daysLate,
      cadenceDays: r.cadence,
    }));
    io.stdout(`${JSON.stringify({ today, due: json }, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.stdout(`Nothing is due for a check-in on ${today}.\n`);
    return 0;
  }
  for (const r of rows) {
    const last = r.lastCheckIn ? `last check-in ${r.lastCheckIn}` : 'no check-in this period';
    io.stdout(
      `${printable(r.path)}:${r.line}  ${printable(r.keyResult.id ?? '(no id)')}  ` +
        `${r.keyResult.title ? quoteTitle(r.keyResult.title) : ''}  ${lateness(r.daysLate)} (${last}; ${cadenceWords(r.cadence)})\n`,
    );
  }
  io.stdout(`${rows.length} key result${rows.length === 1 ? '' : 's'} due for a check-in on ${today}: okr check-in <kr-id> <value>\n`);
  return 0;
}
