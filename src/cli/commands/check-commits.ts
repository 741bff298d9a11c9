// `okr check-commits <range>`: the commit-msg check over a range of commits, for
// CI: every key-result trailer must name a key result of the OKR files.

import { printable } from '../../core/escape';
import { readCommits } from '../../core/git/history';
import { NOTES_REF, withNoteLinks } from '../../core/git/notes';
import { GitError, openRepo, OKR_FILES_CONFIG_KEY, TRAILER_CONFIG_KEY } from '../../core/git/git';
import { knownIdsForRepo, loadKnownIds } from '../../core/git/known-ids';
import { DEFAULT_TRAILER_KEY } from '../../core/git/trailers';
import { OKR_FILE_GLOBS } from '../../core/workspace';
import { styleFor } from '../format/ansi';
import { choiceOption, type CliIO, type Command, UsageError, parseCommandArgs, useColor } from '../io';
import { exitOnGitFailure, repoContext } from '../repo';
import { reportLoadProblems } from '../paths';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: okr check-commits <range> [paths...] [options]

Check that every key-result trailer ("${DEFAULT_TRAILER_KEY}: <id>", or the key in git config
${TRAILER_CONFIG_KEY}) of the commits in <range> names a key result defined in the OKR
files: the commit-msg hook's check, for CI, where hooks do not run. Links recorded
later with okr tag (git notes in ${NOTES_REF}) are checked like trailers; fetch
them first: git fetch origin ${NOTES_REF}:${NOTES_REF}.

<range> is anything git log takes: origin/main..HEAD, v1.2..v1.3, a single sha (that
commit and its history). In CI, fetch the base first (a shallow checkout may not
have it: git fetch origin main).

OKR files (${OKR_FILE_GLOBS.join(', ')}) are read under the given paths; with none,
under the folders in git config ${OKR_FILES_CONFIG_KEY}, else the whole repository.

Options:
  -f, --format <name>  text (default) or json
      --repo <dir>     the repository (default: the one the current folder is in)
  -h, --help           show this help

Text output: one block per commit with a bad trailer:
  <short sha> <subject>
      ${DEFAULT_TRAILER_KEY}: <value> - why, and the closest ids

JSON output: { "range", "checked" (commits), "bad": [{ "sha", "subject", "author",
  "date", "trailers": [{ "value", "problem", "suggestions": [ids] }] }] }

Exit codes: 0 every trailer names a key result (or no commit has one); 1 some do
not; 2 bad usage, an unknown range, or no OKR file found.
`;

export const checkCommitsCommand: Command = {
  name: 'check-commits',
  summary: 'check the key-result trailers of a range of commits (for CI)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check-commits', args, {
      format: { type: 'string', short: 'f' },
      repo: { type: 'string' },
    });
    const format = choiceOption('--format', values.format, FORMATS, 'text');
    const [range, ...paths] = positionals;
    if (!range) throw new UsageError('which commits? (okr check-commits <range>, e.g. origin/main..HEAD)');
    if (range.startsWith('-')) throw new UsageError(`"${range}" is not a range of commits`);
    return exitOnGitFailure(
      io,
      () => check(io, range, paths, format, values.repo),
      (err) =>
        err instanceof GitError && /bad revision|unknown revision|ambiguous argument/.test(err.stderr)
          ? ` (is "${printable(range)}" fetched? a shallow CI checkout may lack the base)`
          : '',
    );
  },
};

async function check(io: CliIO, range: string, paths: string[], format: Format, repoOption: string | undefined): Promise<number> {
  const repo = await openRepo(repoContext(io, repoOption));
  // Links recorded after the fact (okr tag) count as trailers.
  const commits = await withNoteLinks(repo.ctx, repo.trailerKey, await readCommits(repo.ctx, repo.trailerKey, [range]));
  const loaded = paths.length > 0 ? await loadKnownIds(paths, io.cwd) : await knownIdsForRepo(repo.ctx, repo.root);
  reportLoadProblems(loaded, io);
  if (loaded.known.size === 0) {
    if (loaded.files.length > 0) io.stderr('okr: the OKR files define no key result: nothing to check trailers against\n');
    return 2;
  }
  if (repo.info.shallow) io.stderr('okr: note: this is a shallow clone; commits of the range beyond its depth are not checked\n');

  const bad = commits
    .map((commit) => ({
      commit,
      trailers: commit.keyResults
        .map((value) => ({ value, problem: loaded.known.explainUnknown(value), suggestions: loaded.known.suggest(value) }))
        .filter((t): t is { value: string; problem: string; suggestions: string[] } => t.problem !== undefined),
    }))
    .filter((b) => b.trailers.length > 0);

  if (format === 'json') {
    const json = {
      range,
      checked: commits.length,
      bad: bad.map((b) => ({
        sha: b.commit.sha,
        subject: b.commit.subject,
        author: b.commit.author,
        date: b.commit.date,
        trailers: b.trailers.map((t) => ({ value: t.value, problem: t.problem, suggestions: t.suggestions })),
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return bad.length > 0 ? 1 : 0;
  }

  const style = styleFor(useColor(io));
  for (const b of bad) {
    io.stdout(`${style.yellow(b.commit.sha.slice(0, 10))} ${printable(b.commit.subject)}\n`);
    for (const t of b.trailers) io.stdout(`    ${repo.trailerKey}: ${printable(t.value)} - ${style.red(printable(t.problem))}\n`);
  }
  const tagged = commits.filter((c) => c.keyResults.length > 0).length;
  const counted = `${commits.length} commit${commits.length === 1 ? '' : 's'} checked, ${tagged} with key-result trailers`;
  if (bad.length > 0) {
    io.stdout(
      `\n${style.red(`${bad.length} commit${bad.length === 1 ? ' names' : 's name'} a key result that does not exist`)} (${counted})\n`,
    );
    return 1;
  }
  io.stdout(`${commits.length === 0 ? `no commits in ${printable(range)}` : `${counted}: every trailer names a key result`}\n`);
  return 0;
}
