// `okr tag <commit> <kr-id>`: links a commit made without a trailer to a key result,
// after the fact, as a git note (core/git/notes.ts): no history rewrite.

import { printable } from '../../core/escape';
import { openRepo, OKR_FILES_CONFIG_KEY, resolveCommit } from '../../core/git/git';
import { readCommits } from '../../core/git/history';
import { knownIdsForRepo, loadKnownIds } from '../../core/git/known-ids';
import { addNoteLink, NOTES_REF, removeNoteLink } from '../../core/git/notes';
import { sameId } from '../../core/git/trailers';
import { OKR_FILE_GLOBS } from '../../core/workspace';
import { type CliIO, type Command, UsageError, parseCommandArgs } from '../io';
import { exitOnGitFailure, repoContext } from '../repo';
import { reportLoadProblems } from '../paths';

const HELP = `Usage: okr tag <commit> <kr-id> [paths...] [options]

Link a commit to a key result after the fact, without rewriting history: the link
is a git note in ${NOTES_REF} holding the trailer line ("Key-Result: <id>", or
the key in git config okr.trailer). okr links, okr check-commits and the editor
read it like a trailer. A commit can be tagged with several key results.

The key result must be defined in an OKR file (${OKR_FILE_GLOBS.join(', ')}) under
the given paths; with none, under the folders in git config ${OKR_FILES_CONFIG_KEY},
else the whole repository.

Notes stay in your clone until pushed; share them with:
  git push origin ${NOTES_REF}
  git config --add remote.origin.fetch '+${NOTES_REF}:${NOTES_REF}'   (then git fetch)

Options:
      --remove         take the link out of the commit's note instead
      --repo <dir>     the repository (default: the one the current folder is in)
  -h, --help           show this help

Exit codes: 0 linked (or already linked); 2 bad usage, an unknown commit or key
result, or git failed.
`;

export const tagCommand: Command = {
  name: 'tag',
  summary: 'link a commit to a key result after the fact (a git note)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tag', args, {
      remove: { type: 'boolean' },
      repo: { type: 'string' },
    });
    const [commit, krId, ...paths] = positionals;
    if (!commit || !krId) throw new UsageError('which commit and key result? (okr tag <commit> <kr-id>, see okr tag --help)');
    return exitOnGitFailure(io, () => runTag(io, commit, krId, paths, values));
  },
};

async function runTag(
  io: CliIO,
  commit: string,
  krId: string,
  paths: string[],
  options: { remove?: boolean; repo?: string },
): Promise<number> {
  const repo = await openRepo(repoContext(io, options.repo));
  const sha = await resolveCommit(repo.ctx, commit);
  if (sha === undefined) {
    io.stderr(`okr: ${printable(commit)} is not a commit in this repository\n`);
    return 2;
  }
  const loaded = paths.length > 0 ? await loadKnownIds(paths, io.cwd) : await knownIdsForRepo(repo.ctx, repo.root);
  reportLoadProblems(loaded, io);
  const definition = loaded.known.resolve(krId);
  if (!definition && !options.remove) {
    if (loaded.files.length === 0) return 2;
    io.stderr(`okr: ${printable(loaded.known.explainUnknown(krId) ?? krId)}\n`);
    return 2;
  }
  const id = definition?.id ?? krId;
  const [record] = await readCommits(repo.ctx, repo.trailerKey, [sha], { noWalk: true });
  const short = sha.slice(0, 10);
  const subject = printable(record?.subject ?? '');
  const link = printable(`${repo.trailerKey}: ${id}`);

  if (options.remove) {
    const change = await removeNoteLink(repo.ctx, sha, repo.trailerKey, id);
    if (change === 'absent') {
      io.stderr(`okr: ${short} ${subject}: its note does not name ${printable(id)}; nothing changed\n`);
      return 0;
    }
    io.stdout(`${short} ${subject}: removed ${link} from its note\n`);
    return 0;
  }

  // A trailer already says it: a note would only repeat it.
  // (readCommits reads trailers only, never notes.)
  if (record?.keyResults.some((v) => sameId(v, id))) {
    io.stdout(`${short} ${subject}: already linked to ${printable(id)} by its trailer; nothing changed\n`);
    return 0;
  }
  const change = await addNoteLink(repo.ctx, sha, repo.trailerKey, id);
  if (change === 'already') {
    io.stdout(`${short} ${subject}: already linked to ${printable(id)} by its note; nothing changed\n`);
    return 0;
  }
  io.stdout(`${short} ${subject}: linked to ${printable(id)} (${link} in its note, ${NOTES_REF})\n`);
  io.stderr(`okr: share the link with: git push origin ${NOTES_REF}\n`);
  return 0;
}
