// The decisions of the git features that need neither VS Code nor git: which key
// result a branch stands for, what a key result's linked work is and when it has gone
// quiet, how the key-result quick pick is ordered, and how a second "Tag Commit"
// gives the user's text back exactly. Pure, so unit tests cover it.

import { krIdFromBranch } from '../../core/git/branch-name';
import type { CommitRecord } from '../../core/git/history';
import { sameId } from '../../core/git/trailers';
import type { Period } from '../../core/model';
import { oneLine } from '../../core/wording';
import { daysBetween, HEALTH_LABELS, type Health, percent, periodPhase } from '../../core/progress';
import type { LinkedCommit, LinkedWork } from '../tree/linked-work';

/** How many of a key result's commits the tree lists under it (the count covers all). */
export const LINKED_COMMITS_SHOWN = 50;

/**
 * The key result a branch stands for: its explicit link (`branch.<name>.okrKeyResult`)
 * wins, as written even when no OKR file defines it, else the known id its name holds.
 */
export function branchKeyResult(
  branch: string | undefined,
  link: string | undefined,
  knownIds: Iterable<string>,
): { id: string; source: 'link' | 'name' } | undefined {
  if (link !== undefined && link.trim() !== '') return { id: link.trim(), source: 'link' };
  if (branch === undefined) return undefined;
  const id = krIdFromBranch(branch, knownIds);
  return id === undefined ? undefined : { id, source: 'name' };
}

/** The commits of one repository, for `linkedWork`. */
export interface RepositoryCommits<R> {
  repository: R | undefined;
  commits: readonly CommitRecord[];
}

export interface StaleContext {
  today: string;
  /** The key result's period (its objective's), when known. */
  period?: Period;
  /** Key result and objective both active: done or dropped work is never stale. */
  active: boolean;
  staleDays: number;
}

/** The calendar day of a commit's date, in the author's own time zone. */
function commitDay(date: string): string | undefined {
  const day = date.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/**
 * Whether a key result has had no linked work for `staleDays` while its period runs:
 * counted from its newest linked commit, or from the period's start when it has none.
 */
export function isStale(lastDate: string | undefined, context: StaleContext): boolean {
  const { period, today } = context;
  if (!context.active || !period || periodPhase(period, today) !== 'during') return false;
  const lastDay = lastDate === undefined ? undefined : commitDay(lastDate);
  const from = lastDay !== undefined && lastDay > period.start ? lastDay : period.start;
  return daysBetween(from, today) >= context.staleDays;
}

/**
 * A key result's linked work over several repositories: each commit once (the same
 * commit can be in two clones), newest first, the first LINKED_COMMITS_SHOWN listed.
 */
export function linkedWork<R>(
  perRepository: readonly RepositoryCommits<R>[],
  stale: StaleContext,
  toUri: (repository: R | undefined) => LinkedCommit['repository'],
): LinkedWork {
  const seen = new Set<string>();
  const all: { commit: CommitRecord; repository: R | undefined; time: number }[] = [];
  for (const { repository, commits } of perRepository) {
    for (const commit of commits) {
      if (seen.has(commit.sha)) continue;
      seen.add(commit.sha);
      const time = Date.parse(commit.date);
      all.push({ commit, repository, time: Number.isNaN(time) ? 0 : time });
    }
  }
  // Stable: commits of equal dates keep git's order.
  all.sort((a, b) => b.time - a.time);
  const lastDate = all[0]?.commit.date;
  return {
    count: all.length,
    lastDate,
    commits: all.slice(0, LINKED_COMMITS_SHOWN).map(({ commit, repository }) => {
      const uri = toUri(repository);
      return { sha: commit.sha, subject: commit.subject, author: commit.author, date: commit.date, ...(uri ? { repository: uri } : {}) };
    }),
    stale: isStale(lastDate, stale),
  };
}

// ---------------------------------------------------------------------------
// The key-result quick pick

export interface PickableKeyResult {
  id: string;
  title?: string;
  objectiveId?: string;
  objectiveTitle?: string;
  /** Clamped progress, when known. */
  progress?: number;
  health?: Health;
}

/** One row of the key-result quick pick: what it shows, and what it stands for. */
export interface KeyResultPickRow<K extends PickableKeyResult> {
  keyResult: K;
  current: boolean;
  tagged: boolean;
  /** The id and the title. */
  label: string;
  /** Progress and health. */
  description: string;
  /** The objective; first, whether it is the branch's key result or already in the message. */
  detail: string;
}

/** "PLAT-O1 · Customers can rely on our platform", or whichever part exists. */
export function objectiveGroupLabel(k: PickableKeyResult): string {
  return [k.objectiveId, k.objectiveTitle].filter((p): p is string => Boolean(p?.trim())).join(' · ') || 'Objective without id';
}

/**
 * The quick pick's rows: the current branch's key result first, then every key result
 * in file order. No separators: VS Code draws a separator's label over the first row
 * of its group, so the objective goes in each row's detail instead. Key results without
 * an id cannot be named in a trailer and are left out.
 */
export function keyResultPickRows<K extends PickableKeyResult>(
  keyResults: readonly K[],
  options: { currentId?: string; taggedIds?: readonly string[]; currentHeading?: string } = {},
): KeyResultPickRow<K>[] {
  const isTagged = (id: string) => (options.taggedIds ?? []).some((t) => sameId(t, id));
  const withId = keyResults.filter((k) => k.id.trim() !== '');
  const first = options.currentId === undefined ? undefined : withId.find((k) => sameId(k.id, options.currentId!));
  const ordered = first ? [first, ...withId.filter((k) => k !== first)] : withId;
  return ordered.map((k) => {
    const current = k === first;
    const tagged = isTagged(k.id);
    const title = oneLine(k.title ?? '');
    return {
      keyResult: k,
      current,
      tagged,
      label: `${tagged ? '$(check)' : '$(target)'} ${k.id}${title ? `: ${title}` : ''}`,
      description: [k.progress !== undefined ? percent(k.progress) : undefined, k.health ? HEALTH_LABELS[k.health] : undefined]
        .filter(Boolean)
        .join(' · '),
      detail: [
        current ? (options.currentHeading ?? 'Key result of the current branch') : undefined,
        tagged ? 'in the commit message: pick it to remove the trailer' : undefined,
        objectiveGroupLabel(k),
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
}

// ---------------------------------------------------------------------------
// Toggling the trailer in the input box

/**
 * What the input box held before OKR Lens added a trailer, and what it held after:
 * when the user runs the command again on an unchanged box, the text before comes
 * back character for character (adding may have added a newline the user never typed).
 */
export interface TagMemory {
  before: string;
  after: string;
  id: string;
}

/** The box's text after removing a trailer: the remembered text when nothing changed since, else `removed`. */
export function restoredText(current: string, removed: string, id: string, memory: TagMemory | undefined): string {
  if (memory?.after === current && sameId(memory.id, id)) return memory.before;
  return removed;
}
