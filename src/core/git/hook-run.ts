// What the installed hooks do, called as `okr hook run <hook> <git's arguments>`.
//
// prepare-commit-msg adds the key-result trailer of the checked-out branch (its
// explicit link in git config, else the id in its name) unless the message has it;
// for a squash it also carries over the trailers of the squashed commits. Merge
// commits are left alone: the merged commits carry their own trailers.
//
// commit-msg refuses a trailer naming no known key result. When the message says
// nothing but trailers (the editor was closed without a subject), it removes them,
// so that git aborts the commit for an empty message as it would have without us.
//
// Message files are read and written as latin1, byte for byte: whatever the
// encoding of the message, nothing but the inserted trailer changes.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { krIdFromBranch } from './branch-name';
import { branchLink, commentChar, configuredTrailerKey, currentBranch, type GitContext, repoInfo } from './git';
import { readCommits } from './history';
import { knownIdsForRepo } from './known-ids';
import { addTrailer, hasTrailer, isValidTrailerValue, parseTrailers, withoutTrailersIfOtherwiseEmpty } from './trailers';

export interface HookOutput {
  /** One line for the user, shown by git on the terminal. */
  warn(line: string): void;
}

/** `$2` of prepare-commit-msg. */
export type MessageSource = 'message' | 'template' | 'merge' | 'squash' | 'commit';

const fromBytes = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

/** The key result the checked-out branch stands for: its git config link, else the id in its name. */
export async function branchKeyResult(ctx: GitContext, loadIds: () => Promise<string[]>): Promise<string | undefined> {
  const branch = await currentBranch(ctx);
  if (branch === undefined) return undefined; // detached HEAD: a rebase, a bisect, a checkout of a tag
  const linked = await branchLink(ctx, branch);
  if (linked !== undefined) return linked;
  return krIdFromBranch(branch, await loadIds());
}

async function repoRoot(ctx: GitContext): Promise<string> {
  return (await repoInfo(ctx)).root ?? ctx.cwd;
}

/** The shas listed in git's squash message ("Squashed commit of the following: commit <sha> ..."). */
export function squashedShas(message: string): string[] {
  return [...message.matchAll(/^commit ([0-9a-f]{40,64})$/gm)].map((m) => m[1]);
}

export async function prepareCommitMsg(ctx: GitContext, args: readonly string[], out: HookOutput): Promise<void> {
  const [file, source] = args;
  if (!file) throw new Error('prepare-commit-msg needs the message file as its first argument');
  if (source === 'merge') return;
  const key = await configuredTrailerKey(ctx);
  let knownIds: string[] | undefined;
  const loadIds = async () => {
    knownIds ??= (await knownIdsForRepo(ctx, await repoRoot(ctx))).known.ids;
    return knownIds;
  };
  const messagePath = path.resolve(ctx.cwd, file);
  const original = await fs.readFile(messagePath, 'latin1');
  const ids: string[] = [];
  const fromBranch = await branchKeyResult(ctx, loadIds);
  if (fromBranch !== undefined) ids.push(fromBranch);
  if (source === 'squash') {
    const shas = squashedShas(original);
    if (shas.length > 0) {
      for (const commit of await readCommits(ctx, key, shas, { noWalk: true })) ids.push(...commit.keyResults);
    }
  }
  let message = original;
  const options = { commentChar: await commentChar(ctx) };
  for (const id of ids) {
    if (!isValidTrailerValue(id)) {
      out.warn(`OKR Lens: "${id}" cannot be a trailer value; not added.`);
      continue;
    }
    // Ids are written as latin1 bytes of their UTF-8 form, like the rest of the file.
    const bytes = Buffer.from(id, 'utf8').toString('latin1');
    if (!hasTrailer(message, key, bytes, options)) message = addTrailer(message, key, bytes, options);
  }
  if (message !== original) await fs.writeFile(messagePath, message, 'latin1');
}

/** commit-msg's verdict: true to let the commit through. */
export async function commitMsg(ctx: GitContext, args: readonly string[], out: HookOutput): Promise<boolean> {
  const [file] = args;
  if (!file) throw new Error('commit-msg needs the message file as its first argument');
  const key = await configuredTrailerKey(ctx);
  const options = { commentChar: await commentChar(ctx) };
  const messagePath = path.resolve(ctx.cwd, file);
  const message = await fs.readFile(messagePath, 'latin1');
  const emptied = withoutTrailersIfOtherwiseEmpty(message, key, options);
  if (emptied !== undefined) {
    await fs.writeFile(messagePath, emptied, 'latin1');
    return true;
  }
  const values = parseTrailers(message, key, options).map(fromBytes);
  if (values.length === 0) return true;
  const root = await repoRoot(ctx);
  const loaded = await knownIdsForRepo(ctx, root);
  if (loaded.known.size === 0) {
    out.warn(`OKR Lens: key results not checked: no key results found in OKR files under ${loaded.empty.join(', ') || root}.`);
    return true;
  }
  const problems = values.map((v) => ({ value: v, why: loaded.known.explainUnknown(v) })).filter((p) => p.why !== undefined);
  if (problems.length === 0) return true;
  out.warn(`OKR Lens: the commit message names ${problems.length === 1 ? 'a key result that does not exist' : 'key results that do not exist'}:`);
  for (const p of problems) out.warn(`  ${key}: ${p.value} - ${p.why}`);
  out.warn(`Fix the trailer and commit again (the message is saved in ${path.relative(ctx.cwd, messagePath) || messagePath}),`);
  out.warn('or commit with --no-verify to skip this check.');
  return false;
}
