// `okr branch <kr-id>`: the branch name for a key result, made from the branch
// template; with --create the branch is made and linked to the key result in git
// config (`branch.<name>.okrKeyResult`), with --checkout it is also checked out.

import { printable } from '../../core/escape';
import { branchName, branchTemplateProblems, DEFAULT_BRANCH_TEMPLATE } from '../../core/git/branch-name';
import {
  BRANCH_TEMPLATE_CONFIG_KEY,
  branchExists,
  branchLink,
  branchLinkKey,
  gitConfigGet,
  GitError,
  openRepo,
  OKR_FILES_CONFIG_KEY,
  resolveCommit,
  runGit,
  setBranchLink,
} from '../../core/git/git';
import { knownIdsForRepo, loadKnownIds } from '../../core/git/known-ids';
import { sameId } from '../../core/git/trailers';
import { OKR_FILE_GLOBS } from '../../core/workspace';
import { type CliIO, type Command, UsageError, parseCommandArgs } from '../io';
import { exitOnGitFailure, repoContext } from '../repo';
import { reportLoadProblems } from '../paths';

const HELP = `Usage: okr branch <kr-id> [paths...] [options]

Print the branch name for a key result; with --create, make the branch and link
it to the key result; with --checkout, also switch to it.

The name comes from the template in git config ${BRANCH_TEMPLATE_CONFIG_KEY} (the
editor's okr.git.branchTemplate), by default ${DEFAULT_BRANCH_TEMPLATE}:
\${id} is the key result's id, \${slug} its title in lower-case ASCII words.
Any title gives a name git accepts, at most 100 characters long.

The key result must be defined in an OKR file (${OKR_FILE_GLOBS.join(', ')}) under
the given paths; with none, under the folders in git config ${OKR_FILES_CONFIG_KEY}
(relative to the repository root), else the whole repository.

A created branch is linked in git config (branch.<name>.okrKeyResult): the link
names the key result even when the branch is renamed, and wins over the name.

Options:
      --create         create the branch at HEAD (an existing one linked to this key
                       result is used as it is; one not linked is left alone)
      --checkout       create the branch if needed, and switch to it
      --repo <dir>     the repository (default: the one the current folder is in)
      --template <t>   a branch template for this run
  -h, --help           show this help

Prints the branch name on stdout (so: git switch "$(okr branch PLAT-KR1)"); notes
go to stderr.

Exit codes: 0 done; 1 the branch exists and is not linked to this key result;
2 bad usage, an unknown key result (the closest ids are suggested), or git failed.
`;

export const branchCommand: Command = {
  name: 'branch',
  summary: 'print, create or check out the branch for a key result',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('branch', args, {
      create: { type: 'boolean' },
      checkout: { type: 'boolean' },
      repo: { type: 'string' },
      template: { type: 'string' },
    });
    const [krId, ...paths] = positionals;
    if (!krId) throw new UsageError('which key result? (okr branch <kr-id>, see okr branch --help)');
    return exitOnGitFailure(io, () => runBranch(io, krId, paths, values));
  },
};

async function runBranch(
  io: CliIO,
  krId: string,
  paths: string[],
  options: { create?: boolean; checkout?: boolean; repo?: string; template?: string },
): Promise<number> {
  const wantsRepo = Boolean(options.create || options.checkout || options.repo);
  const ctx = repoContext(io, options.repo);
  // Printing a name needs no repository; creating one does.
  let session: Awaited<ReturnType<typeof openRepo>> | undefined;
  try {
    session = await openRepo(ctx);
  } catch (err) {
    if (wantsRepo || !(err instanceof GitError) || (err.kind !== 'not-a-repository' && err.kind !== 'not-installed')) throw err;
  }

  const loaded =
    paths.length > 0 || !session
      ? await loadKnownIds(paths.length > 0 ? paths : ['.'], io.cwd)
      : await knownIdsForRepo(session.ctx, session.root);
  reportLoadProblems(loaded, io);
  const definition = loaded.known.resolve(krId);
  if (!definition) {
    if (loaded.files.length === 0) return 2;
    io.stderr(`okr: ${printable(loaded.known.explainUnknown(krId) ?? krId)}\n`);
    return 2;
  }

  const template =
    options.template ?? (session ? await gitConfigGet(session.ctx, BRANCH_TEMPLATE_CONFIG_KEY) : undefined) ?? DEFAULT_BRANCH_TEMPLATE;
  const unknownVariable = branchTemplateProblems(template).find((p) => p.startsWith('unknown variable') || p.includes('empty'));
  if (unknownVariable) throw new UsageError(unknownVariable);
  const name = branchName(template, { id: definition.id, title: definition.title });

  if (!options.create && !options.checkout) {
    io.stdout(`${name}\n`);
    return 0;
  }
  const repo = session!;
  if (await branchExists(repo.ctx, name)) {
    const linked = await branchLink(repo.ctx, name);
    if (linked !== undefined && !sameId(linked, definition.id)) {
      io.stderr(
        `okr: branch ${printable(name)} exists and is linked to ${printable(linked)} (git config ` +
          `${printable(branchLinkKey(name))}); not changed\n`,
      );
      return 1;
    }
    if (linked === undefined) {
      // A branch this command did not make (main, a colleague's branch, a template
      // that names an existing branch) is not silently claimed for a key result.
      io.stderr(
        `okr: branch ${printable(name)} already exists and is not linked to a key result; not changed. ` +
          `To link it: git config ${printable(branchLinkKey(name))} ${definition.id}\n`,
      );
      return 1;
    }
    io.stderr(`okr: branch ${printable(name)} already exists; linked to ${definition.id}\n`);
  } else if ((await resolveCommit(repo.ctx)) === undefined) {
    if (!options.checkout) {
      io.stderr(
        'okr: the repository has no commits yet, so there is nothing to branch from: make a first commit, or use --checkout to ' +
          'start the branch here\n',
      );
      return 2;
    }
    // Before the first commit, the branch is born by switching to it.
    await runGit(repo.ctx, ['switch', '--quiet', '-c', name]);
    await setBranchLink(repo.ctx, name, definition.id);
    io.stderr(`okr: switched to new branch ${printable(name)} (no commits yet), linked to ${definition.id}\n`);
    io.stdout(`${name}\n`);
    return 0;
  } else {
    await runGit(repo.ctx, ['branch', '--no-track', '--end-of-options', name]);
    await setBranchLink(repo.ctx, name, definition.id);
    io.stderr(`okr: created branch ${printable(name)} at HEAD, linked to ${definition.id}\n`);
  }
  if (options.checkout) {
    await runGit(repo.ctx, ['switch', '--quiet', name]);
    io.stderr(`okr: switched to ${printable(name)}\n`);
  }
  io.stdout(`${name}\n`);
  return 0;
}
