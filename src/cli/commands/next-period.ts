// `okr next-period`: writes the team's file for the next period, carrying the
// chosen unfinished key results over, and keeps the closed one beside it.

import { promises as fs } from 'node:fs';
import { quarterPeriod } from '../../core/dates';
import { printable } from '../../core/escape';
import { collectDefinitions } from '../../core/lint';
import { NextPeriodError, planNextPeriod } from '../../core/period-next';
import { findOkrFiles, readOkrSources } from '../../core/fs/okr-files';
import { lintSources } from '../../core/workspace';
import { type Command, UsageError, parseCommandArgs, parseTodayOption } from '../io';
import { displayPath } from '../paths';
import { openPeriodFile, writeOkrText } from './period-files';
import { parseOkr } from '../../core/parse';
import { LineIndex } from '../../core/positions';

const HELP = `Usage: okr next-period [file] [options]

Start the next period for the same team: write its OKR file, carrying the chosen
unfinished key results over under new ids, with \`start\` = their last value, a
first check-in of that value, their \`source:\` and
\`carried_from: PLAT-KR1@2026-Q4\`. Their objectives come along (new ids too); ids
stay unique across every OKR file under the current folder. The team's
check_in_every: and lint: settings are kept.

Where the files go:
  okrs/platform.okr.yaml           the new period (the path others link to stays)
  okrs/2026-Q4/platform.okr.yaml   the closed period, kept as it was (aligns_with
                                   re-pointed so it still names the same file)
A file already in a period folder (okrs/2026-Q4/platform.okr.yaml) stays there, and
the new one goes into the sibling folder (okrs/2027-Q1/platform.okr.yaml). The
default okr.files setting and okr lint find both.

With no file, the one OKR file under the current folder outside period folders is used.
Close the period first (okr close) to record its grades.

Options:
      --period <quarter>  the new period, such as 2027-Q1 (default: the next quarter;
                          after { start, end } of whole months, as many months
                          again, else as many days)
      --carry <ids>       key results to carry, comma-separated (default: every
                          unfinished one); --carry none carries nothing
      --today <date>      the day, for the first check-in, YYYY-MM-DD (default: today)
  -n, --dry-run           print the new file and where it would go; write nothing
  -h, --help              show this help

Exit codes: 0 written (or would be); 1 cannot start it (YAML errors, no period, a
key result that cannot be carried, a file already there); 2 bad usage or a file
that cannot be read or written.

Examples:
  okr next-period okrs/platform.okr.yaml --dry-run
  okr next-period okrs/platform.okr.yaml --carry PLAT-KR1,PLAT-KR3 --period 2027-Q1
`;

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

export const nextPeriodCommand: Command = {
  name: 'next-period',
  summary: 'start the next period: a new file with unfinished key results carried over',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('next-period', args, {
      period: { type: 'string' },
      carry: { type: 'string', multiple: true },
      today: { type: 'string' },
      'dry-run': { type: 'boolean', short: 'n' },
      help: { type: 'boolean', short: 'h' },
    });
    if (positionals.length > 1) throw new UsageError('okr next-period takes one file (see okr next-period --help)');
    const today = parseTodayOption(values.today, io);
    if (values.period !== undefined && !quarterPeriod(values.period))
      throw new UsageError(`--period must be a quarter such as 2027-Q1, not "${values.period}"`);
    let carry: string[] | undefined;
    if (values.carry) {
      const ids = values.carry
        .flatMap((c) => c.split(','))
        .map((c) => c.trim())
        .filter((c) => c !== '');
      carry = ids.length === 1 && ids[0].toLowerCase() === 'none' ? [] : ids;
      if (ids.length === 0) throw new UsageError('--carry needs key-result ids, such as PLAT-KR1,PLAT-KR3 (or none)');
    }
    const opened = await openPeriodFile(positionals[0], 'next-period', io);
    if (!opened) return 1;
    const { target, disk, shown } = opened;
    // Every id of the workspace, so the new ones are unique across it.
    const found = await findOkrFiles(['.'], io.cwd);
    const others = await readOkrSources(found.files.filter((f) => f !== target));
    const takenIds = [disk.file, ...others.sources.map((s) => parseOkr(s.text, s.path).file)].flatMap((f) =>
      collectDefinitions(f).map((d) => d.id),
    );
    let plan;
    try {
      plan = planNextPeriod({ file: disk.file, sourcePath: target, today, periodLabel: values.period, carry, takenIds });
    } catch (err) {
      if (!(err instanceof NextPeriodError)) throw err;
      io.stderr(`okr: cannot start the next period of ${shown}: ${printable(err.message)}\n`);
      return 1;
    }
    const newShown = printable(displayPath(io.cwd, plan.newPath));
    if (plan.newPath !== target && (await exists(plan.newPath))) {
      io.stderr(`okr: ${newShown} already exists: was the next period started already?\n`);
      return 1;
    }
    if (plan.archive && (await exists(plan.archive.path))) {
      io.stderr(`okr: ${printable(displayPath(io.cwd, plan.archive.path))} already exists: the closed period would overwrite it\n`);
      return 1;
    }
    const label = plan.period.label ?? `${plan.period.start} to ${plan.period.end}`;
    const out: string[] = [];
    if (!disk.file.closed) out.push(`Note: ${shown} is not closed; okr close records its grades first.`);
    if (plan.archive)
      out.push(`${values['dry-run'] ? 'Would keep' : 'Kept'} the closed period at ${printable(displayPath(io.cwd, plan.archive.path))}`);
    out.push(`${values['dry-run'] ? 'Would write' : 'Wrote'} ${label} to ${newShown}`);
    for (const c of plan.carried) {
      out.push(
        `  ${printable(c.from.id ?? '')} -> ${printable(c.newId)} (in ${printable(c.newObjectiveId)}): start ` +
          `${c.start ?? 'not set'}, target ${c.from.target ?? 'not set'}`,
      );
    }
    for (const c of plan.carriedInitiatives) {
      out.push(
        `  ${printable(c.from.id ?? c.from.title ?? 'an initiative')}${c.newId !== undefined ? ` -> ${printable(c.newId)}` : ''} ` +
          `(in ${printable(c.newObjectiveId)}): initiative, ${c.from.status.replace('_', ' ')}`,
      );
    }
    if (plan.carried.length === 0) out.push('  nothing carried over');
    // The new file, linted with the workspace: what the team sees first.
    const lint = lintSources(
      [
        { path: plan.newPath, text: plan.text },
        ...(plan.archive ? [{ path: plan.archive.path, text: plan.archive.text }] : []),
        ...others.sources.filter((s) => s.path !== plan.newPath),
      ],
      { today, only: new Set([plan.newPath]) },
    );
    const findings = lint.files[0]?.result.findings ?? [];
    const lines = new LineIndex(plan.text);
    for (const f of findings) out.push(`  note: line ${lines.positionAt(f.span.start).line + 1}: ${printable(f.message)} (${f.ruleId})`);
    if (values['dry-run']) {
      out.push('Dry run: nothing was written. The new file would be:', '', plan.text.replace(/\r?\n$/, ''));
      io.stdout(`${out.join('\n')}\n`);
      return 0;
    }
    try {
      // The closed period first: the new file may take its place.
      if (plan.archive) await writeOkrText(plan.archive.path, plan.archive.text, disk.bom, { exclusive: true });
      await writeOkrText(plan.newPath, plan.text, disk.bom, { exclusive: plan.newPath !== target });
    } catch (err) {
      io.stderr(`okr: cannot write the next period: ${printable((err as Error).message)}\n`);
      return 2;
    }
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};
