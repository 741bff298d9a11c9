// `okr check-in <kr-id> <value>`: records a check-in as a minimal edit of the OKR
// file that defines the key result; `--from-sources` records one for every key
// result whose `source:` metric changed since its latest check-in.

import { isValidDate } from '../../core/dates';
import { FileChangedError, readForEdit, writeAtomically, type ReadForEdit } from '../../core/fs/atomic-write';
import { applyEdits, parseCheckInValue, parseConfidence, planCheckIn, type CheckInInput } from '../../core/edits';
import { printable } from '../../core/escape';
import { GitError, openRepo } from '../../core/git/git';
import { knownIdsForRepo, loadKnownIds, type LoadedKnownIds } from '../../core/git/known-ids';
import type { TextEdit } from '../../core/model';
import { planFromSources } from '../../core/from-sources';
import { parseOkr } from '../../core/parse';
import { LineIndex } from '../../core/positions';
import { OKR_FILE_GLOBS } from '../../core/workspace';
import { unifiedDiff } from '../format/diff';
import { type CliIO, type Command, UsageError, localToday, parseCommandArgs } from '../io';
import { displayPath, noteSyntaxErrors, reportLoadProblems } from '../paths';

const HELP = `Usage: okr check-in <kr-id> <value> [paths...] [options]
       okr check-in --from-sources [paths...] [options]

Record a check-in: the key result's value on a day, with a confidence and a note.
The check-in is appended to the key result's check_ins in the file's own style;
where the key result has current: or confidence:, they are kept in step. Nothing
else in the file changes: comments, quoting, indentation, line breaks stay.

The key result must be defined in an OKR file (${OKR_FILE_GLOBS.join(', ')}) under
the given paths; with none, the OKR files of the repository (as okr branch finds
them), else those under the current folder.

With --from-sources, every key result with a source: { file, pointer } gets a
check-in when the number in its metrics file differs from its latest check-in;
running it twice changes nothing. The file is relative to the OKR file and inside
the repository; pointer is an RFC 6901 JSON pointer (without it the file holds
one number). Problems are reported per key result, and nothing is written for it.

Options:
      --confidence <c>   how sure you are of reaching the target, 0 to 1
      --note <text>      what happened since the last check-in
      --date <date>      the day of the check-in, YYYY-MM-DD (default: today)
      --from-sources     read every key result's source: metric
      --dry-run          print the change as a diff; write nothing
  -h, --help             show this help

Examples:
  okr check-in PLAT-KR1 6 --confidence 0.7 --note "canary deploys everywhere"
  okr check-in --from-sources --dry-run

Exit codes: 0 done (or nothing to do); 1 --from-sources could not read some
sources (the others are recorded); 2 bad usage, or the check-in was refused (the
file has a YAML error, the key result is unknown, a value is not a number, the
date is not a day or is outside the period by more than its check-in cadence):
then nothing is written.
`;

export const checkInCommand: Command = {
  name: 'check-in',
  summary: 'record a check-in of a key result, or of every key result from its metrics file',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check-in', args, {
      confidence: { type: 'string' },
      note: { type: 'string' },
      date: { type: 'string' },
      'from-sources': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    });
    const date = values.date ?? localToday(io);
    if (!isValidDate(date)) throw new UsageError(`--date must be a day written YYYY-MM-DD, not "${printable(values.date ?? '')}"`);
    const dryRun = values['dry-run'] === true;
    if (values['from-sources']) {
      if (values.confidence !== undefined || values.note !== undefined)
        throw new UsageError('--from-sources records values only: --confidence and --note go with one key result');
      return fromSources(io, positionals, date, dryRun);
    }
    const [krId, valueText, ...paths] = positionals;
    if (!krId) throw new UsageError('which key result? (okr check-in <kr-id> <value>, see okr check-in --help)');
    if (valueText === undefined) throw new UsageError(`what value? (okr check-in ${printable(krId)} <value>)`);
    const value = parseCheckInValue(valueText);
    if ('message' in value) throw new UsageError(value.message);
    let confidence: number | undefined;
    if (values.confidence !== undefined) {
      const c = parseConfidence(values.confidence);
      if ('message' in c) throw new UsageError(c.message);
      confidence = c.value;
    }
    return checkInOne(io, paths, { krId, value: value.value, date, confidence, note: values.note }, dryRun);
  },
};

/**
 * The OKR files of the run: under the paths, else the repository's, else the current folder's.
 * A bare repository has no working tree: its files are at HEAD only, where nothing can be
 * checked in, so the run looks in the current folder as outside a repository.
 */
export async function okrFilesOfRun(io: CliIO, paths: readonly string[]): Promise<{ loaded: LoadedKnownIds; root: string }> {
  let root = io.cwd;
  let session: Awaited<ReturnType<typeof openRepo>> | undefined;
  try {
    session = await openRepo({ cwd: io.cwd, env: io.env });
    if (session.info.bare) session = undefined;
    else root = session.root;
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
  }
  const loaded =
    paths.length > 0 || !session
      ? await loadKnownIds(paths.length > 0 ? paths : ['.'], io.cwd)
      : await knownIdsForRepo(session.ctx, session.root);
  return { loaded, root };
}

function formatNumber(n: number | undefined, unit?: string): string {
  if (n === undefined) return 'none';
  return unit && unit.trim() !== '' ? `${n} ${printable(unit)}` : String(n);
}

async function write(io: CliIO, read: ReadForEdit, edits: TextEdit[], dryRun: boolean): Promise<boolean> {
  const show = displayPath(io.cwd, read.path);
  if (dryRun) {
    io.stdout(unifiedDiff(show, read.text, edits));
    return true;
  }
  try {
    await writeAtomically(read, applyEdits(read.text, edits));
    return true;
  } catch (err) {
    const message =
      err instanceof FileChangedError ? err.message : `${read.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    io.stderr(`okr: ${printable(message)}\n`);
    return false;
  }
}

async function checkInOne(io: CliIO, paths: readonly string[], input: CheckInInput, dryRun: boolean): Promise<number> {
  const { loaded } = await okrFilesOfRun(io, paths);
  reportLoadProblems(loaded, io);
  const definition = loaded.known.resolve(input.krId);
  if (!definition) {
    if (loaded.files.length === 0) return 2;
    io.stderr(`okr: ${printable(loaded.known.explainUnknown(input.krId) ?? input.krId)}; nothing was changed\n`);
    return 2;
  }
  let read: ReadForEdit;
  try {
    read = await readForEdit(definition.path);
  } catch (err) {
    io.stderr(
      `okr: ${printable(displayPath(io.cwd, definition.path))}: cannot be read ` +
        `(${printable((err as NodeJS.ErrnoException).code ?? String(err))})\n`,
    );
    return 2;
  }
  const show = displayPath(io.cwd, read.path);
  const parsed = parseOkr(read.text, show);
  const plan = planCheckIn(read.text, show, { ...input, krId: definition.id }, parsed);
  if (!plan.ok) {
    io.stderr(`okr: ${printable(plan.message)}\n`);
    return 2;
  }
  if (!(await write(io, read, plan.edits, dryRun))) return 2;
  const kr = plan.keyResult;
  const line = new LineIndex(read.text).positionAt(kr.spans.node.start).line + 1;
  const kept = plan.updated.length ? `; ${plan.updated.map((f) => `${f}:`).join(' and ')} kept in step` : '';
  const confidence =
    input.confidence !== undefined
      ? `, confidence ${input.confidence}${plan.previous.confidence !== undefined ? ` (was ${plan.previous.confidence})` : ''}`
      : '';
  const verb = dryRun ? 'would check in' : 'checked in';
  (dryRun ? io.stderr : io.stdout)(
    `okr: ${verb} ${printable(kr.id ?? input.krId)} on ${input.date}: ${formatNumber(input.value, kr.unit)} (was ` +
      `${formatNumber(plan.previous.value, kr.unit)})${confidence}${kept} ` +
      `(${printable(show)}:${line})${dryRun ? '; nothing written' : ''}\n`,
  );
  const closed = parsed.file.closed;
  if (closed !== undefined && kr.score !== undefined) {
    // A correction after the close: the grade recorded then does not follow the new number by itself.
    io.stderr(
      `okr: note: ${printable(show)} was closed on ${printable(closed)}: the score: ${kr.score} of ${printable(kr.id ?? input.krId)} ` +
        `stays as graded until the period is closed again (okr close ${printable(show)})\n`,
    );
  }
  return 0;
}

async function fromSources(io: CliIO, paths: readonly string[], date: string, dryRun: boolean): Promise<number> {
  const { loaded, root } = await okrFilesOfRun(io, paths);
  if (reportLoadProblems(loaded, io) && loaded.files.length === 0) return 2;
  let failed = 0;
  let recorded = 0;
  let unchanged = 0;
  let sources = 0;
  for (const file of loaded.files) {
    let read: ReadForEdit;
    try {
      read = await readForEdit(file);
    } catch (err) {
      io.stderr(
        `okr: ${printable(displayPath(io.cwd, file))}: cannot be read (${printable((err as NodeJS.ErrnoException).code ?? String(err))})\n`,
      );
      failed++;
      continue;
    }
    const show = displayPath(io.cwd, file);
    const parsed = parseOkr(read.text, show);
    const plan = await planFromSources(read.text, show, file, root, date, parsed);
    // Key results with a source may be hidden in what could not be read: say where that starts.
    noteSyntaxErrors([{ source: { path: file, text: read.text }, ...parsed }], io);
    sources += plan.sources;
    unchanged += plan.unchanged;
    const edits = plan.edits;
    const done = plan.recorded.map(
      ({ keyResult: kr, value, previous }) =>
        `${printable(kr.id)}: ${formatNumber(value, kr.unit)} (was ${formatNumber(previous, kr.unit)}) from ` +
        `${printable(kr.source!.file!)}${kr.source!.pointer ? ` ${printable(kr.source!.pointer)}` : ''}`,
    );
    const written = edits.length > 0 && (await write(io, read, edits, dryRun));
    // Where the source: is in the file after this run: below the check-ins when they were written.
    for (const p of plan.problems) {
      const at = written && !dryRun ? p.afterEdits : p;
      io.stderr(
        `${printable(`${show}:${at.line}:${at.column}`)}: ${printable(p.keyResultId)}: ${printable(p.message)}; no check-in recorded\n`,
      );
      failed++;
    }
    if (edits.length === 0) continue;
    if (!written) {
      failed += done.length;
      continue;
    }
    recorded += done.length;
    for (const d of done)
      (dryRun ? io.stderr : io.stdout)(`okr: ${dryRun ? 'would check in' : 'checked in'} ${d} on ${date} (${printable(show)})\n`);
  }
  if (sources === 0) {
    io.stderr('okr: no key result has a source: { file, pointer } (see okr check-in --help)\n');
    return 0;
  }
  const parts = [`${recorded} ${dryRun ? 'would be ' : ''}recorded`, `${unchanged} unchanged`, ...(failed ? [`${failed} not read`] : [])];
  io.stderr(`okr: ${sources} source${sources === 1 ? '' : 's'}: ${parts.join(', ')}${dryRun ? '; nothing written' : ''}\n`);
  return failed > 0 ? 1 : 0;
}
