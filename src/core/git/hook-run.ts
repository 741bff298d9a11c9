// What the installed hooks do, called as `okr hook run <hook> <git's arguments>`.
//
// prepare-commit-msg adds the key-result trailer of the checked-out branch (its
// explicit link in git config, else the id in its name) unless the message has a
// key-result trailer already (one the user wrote wins, for any key result); for a
// squash it also carries over the trailers of the squashed commits. It adds
// nothing to a merge commit (nor to an amended one), a revert (it moves no key
// result) or a cherry-pick (which keeps the trailers of the commit it copies).
//
// commit-msg refuses a trailer naming no known key result. When the message says
// nothing but trailers (the editor was closed without a subject), or is still the
// commit template apart from the trailer we added, it removes our trailer, so that
// git aborts the commit as it would have without us.
//
// Message files are read and written as latin1, byte for byte: whatever the
// encoding of the message, nothing but the inserted trailer changes.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { krIdFromBranch } from './branch-name';
import { branchLink, commentChar, configuredTrailerKey, currentBranch, type GitContext, repoInfo, runGit } from './git';
import { readCommits } from './history';
import { knownIdsForRepo } from './known-ids';
import {
  addTrailer,
  hasTrailer,
  isValidTrailerValue,
  parseTrailers,
  removeTrailer,
  SCISSORS,
  withoutTrailersIfOtherwiseEmpty,
} from './trailers';
import { pushAll } from '../arrays';

export interface HookOutput {
  /** One line for the user, shown by git on the terminal. */
  warn(line: string): void;
}

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

/** Where prepare-commit-msg notes what it added to a commit template, for commit-msg. */
export function templateNotePath(messagePath: string): string {
  return `${messagePath}.okr-lens-template`;
}

interface TemplateNote {
  /** The message as git prepared it from the template, before our trailer (latin1). */
  template: string;
  /** The trailer values we added (latin1). */
  added: string[];
}

/**
 * A message's words, without comment lines, the scissors line and what follows it,
 * and with whitespace aside: what tells whether it was edited.
 */
export function messageWords(message: string, commentChar: string): string {
  const scissors = message.indexOf(`${commentChar} ${SCISSORS}`);
  const text = scissors >= 0 ? message.slice(0, scissors) : message;
  return text
    .split('\n')
    .filter((l) => !l.startsWith(commentChar))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

const REVERT_LINE = /^This reverts commit [0-9a-f]{7,64}\b/m;
const CHERRY_PICK_LINE = /^\(cherry picked from commit [0-9a-f]{7,64}\)$/m;

/** Is a revert or a cherry-pick being committed? (git's sequencer, or its own message lines.) */
async function revertOrCherryPick(ctx: GitContext, message: string): Promise<boolean> {
  if (REVERT_LINE.test(message) || CHERRY_PICK_LINE.test(message)) return true;
  // One git call for both: where the sequencer's files would be.
  const paths = (
    await runGit(ctx, ['rev-parse', '--path-format=absolute', '--git-path', 'CHERRY_PICK_HEAD', '--git-path', 'REVERT_HEAD'])
  ).stdout.split('\n');
  for (const p of paths.filter((l) => l !== ''))
    if (
      await fs.stat(p).then(
        () => true,
        () => false,
      )
    )
      return true;
  return false;
}

async function isMergeCommit(ctx: GitContext, sha: string): Promise<boolean> {
  const r = await runGit(ctx, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^2`], { okCodes: [1, 128] });
  return r.code === 0;
}

/** Does the index being committed hold HEAD's tree (nothing staged)? */
async function indexMatchesHead(ctx: GitContext): Promise<boolean> {
  const r = await runGit(ctx, ['diff-index', '--cached', '--quiet', 'HEAD', '--'], { okCodes: [1, 128] });
  return r.code === 0;
}

export async function prepareCommitMsg(ctx: GitContext, args: readonly string[], out: HookOutput): Promise<void> {
  const [file, source, commit] = args;
  if (!file) throw new Error('prepare-commit-msg needs the message file as its first argument');
  const messagePath = path.resolve(ctx.cwd, file);
  await fs.rm(templateNotePath(messagePath), { force: true });
  if (source === 'merge') return;
  // `git commit --amend` (or -c/-C) of a merge: merges get no trailer.
  if (source === 'commit' && commit && (await isMergeCommit(ctx, commit))) return;
  // `git commit --amend -m` gives no sha: a merge at HEAD with nothing staged over it is being amended
  // (a new commit there would be empty).
  if (source === 'message' && (await isMergeCommit(ctx, 'HEAD')) && (await indexMatchesHead(ctx))) return;
  const key = await configuredTrailerKey(ctx);
  const options = { commentChar: await commentChar(ctx) };
  const original = await fs.readFile(messagePath, 'latin1');
  // A key-result trailer already in the message was written on purpose: it wins.
  if (parseTrailers(original, key, options).length > 0) return;
  if (await revertOrCherryPick(ctx, original)) return;
  let knownIds: string[] | undefined;
  const loadIds = async () => {
    knownIds ??= (await knownIdsForRepo(ctx, await repoRoot(ctx))).known.ids;
    return knownIds;
  };
  const ids: string[] = [];
  const fromBranch = await branchKeyResult(ctx, loadIds);
  if (fromBranch !== undefined) ids.push(fromBranch);
  if (source === 'squash') {
    const shas = squashedShas(original);
    if (shas.length > 0) {
      for (const c of await readCommits(ctx, key, shas, { noWalk: true })) pushAll(ids, c.keyResults);
    }
  }
  let message = original;
  const added: string[] = [];
  for (const id of ids) {
    if (!isValidTrailerValue(id)) {
      out.warn(`OKR Lens: "${id}" cannot be a trailer value; not added.`);
      continue;
    }
    // Ids are written as latin1 bytes of their UTF-8 form, like the rest of the file.
    const bytes = Buffer.from(id, 'utf8').toString('latin1');
    if (!hasTrailer(message, key, bytes, options)) {
      message = addTrailer(message, key, bytes, options);
      added.push(bytes);
    }
  }
  if (message === original) return;
  if (source === 'template') {
    const note: TemplateNote = { template: original, added };
    await fs.writeFile(templateNotePath(messagePath), JSON.stringify(note), 'latin1');
  }
  await fs.writeFile(messagePath, message, 'latin1');
}

/** The note prepare-commit-msg left for this message, read once and removed. */
async function takeTemplateNote(messagePath: string): Promise<TemplateNote | undefined> {
  const notePath = templateNotePath(messagePath);
  const text = await fs.readFile(notePath, 'latin1').catch(() => undefined);
  if (text === undefined) return undefined;
  await fs.rm(notePath, { force: true });
  try {
    const note = JSON.parse(text) as TemplateNote;
    return typeof note.template === 'string' && Array.isArray(note.added) ? note : undefined;
  } catch {
    return undefined;
  }
}

/** commit-msg's verdict: true to let the commit through. */
export async function commitMsg(ctx: GitContext, args: readonly string[], out: HookOutput): Promise<boolean> {
  const [file] = args;
  if (!file) throw new Error('commit-msg needs the message file as its first argument');
  const key = await configuredTrailerKey(ctx);
  const options = { commentChar: await commentChar(ctx) };
  const messagePath = path.resolve(ctx.cwd, file);
  const message = await fs.readFile(messagePath, 'latin1');
  const note = await takeTemplateNote(messagePath);
  if (note) {
    // Still the template but for our trailer: take it out, and git aborts ("you did not edit the message").
    let withoutOurs = message;
    for (const id of note.added) withoutOurs = removeTrailer(withoutOurs, key, id, options);
    if (withoutOurs !== message && messageWords(withoutOurs, options.commentChar) === messageWords(note.template, options.commentChar)) {
      await fs.writeFile(messagePath, withoutOurs, 'latin1');
      return true;
    }
  }
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
  out.warn(
    `OKR Lens: the commit message names ${problems.length === 1 ? 'a key result that does not exist' : 'key results that do not exist'}:`,
  );
  for (const p of problems) out.warn(`  ${key}: ${p.value} - ${p.why}`);
  out.warn(`Fix the trailer and commit again (the message is saved in ${path.relative(ctx.cwd, messagePath) || messagePath}),`);
  out.warn('or commit with --no-verify to skip this check.');
  return false;
}
