// Key-result links recorded after the fact, as git notes: work committed without a
// trailer is linked without rewriting history. The notes live in their own ref,
// refs/notes/okr-lens, one note per commit, holding trailer lines (`Key-Result:
// PLAT-KR1`, one per key result), so a note reads like the trailer it stands for.
// The history scan merges them into each commit's key results (`applyNoteLinks`),
// so everything that reads trailers reads notes too.
//
// Notes are not pushed or fetched by default: `git push origin refs/notes/okr-lens`
// and a fetch refspec `+refs/notes/okr-lens:refs/notes/okr-lens` share them.

import type { CommitRecord } from './history';
import { type GitContext, runGit } from './git';
import { isValidTrailerKey, isValidTrailerValue, sameId } from './trailers';

export const NOTES_REF = 'refs/notes/okr-lens';

export interface NoteLinks {
  /** The notes ref's commit when read; undefined when the repository has no such notes. */
  tip?: string;
  /** Commit sha -> the key-result ids its note names, as written. */
  bySha: Map<string, string[]>;
}

/** The `key:` values of a note's lines (keys compare case-insensitively, as git's do). */
export function parseNoteLinks(note: string, trailerKey: string): string[] {
  const key = trailerKey.toLowerCase();
  const out: string[] = [];
  for (const raw of note.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    if (line.slice(0, colon).trim().toLowerCase() !== key) continue;
    const value = line.slice(colon + 1).trim();
    if (value !== '') out.push(value);
  }
  return out;
}

/** The commit the notes ref points at, or undefined when there are no OKR Lens notes. */
export async function notesTip(ctx: GitContext): Promise<string | undefined> {
  const r = await runGit(ctx, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${NOTES_REF}^{commit}`], { okCodes: [1] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/**
 * Every OKR Lens note of the repository: two git calls whatever their number
 * (`git notes list`, then one `git cat-file --batch` for all of them).
 */
export async function readNoteLinks(ctx: GitContext, trailerKey: string, knownTip?: string): Promise<NoteLinks> {
  const tip = knownTip ?? (await notesTip(ctx));
  if (tip === undefined) return { bySha: new Map() };
  const listed = await runGit(ctx, ['notes', `--ref=${NOTES_REF}`, 'list']);
  const pairs = listed.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 2 && /^[0-9a-f]{40,64}$/.test(p[0]) && /^[0-9a-f]{40,64}$/.test(p[1]));
  const bySha = new Map<string, string[]>();
  if (pairs.length === 0) return { tip, bySha };
  const blobs = await runGit(ctx, ['cat-file', '--batch'], { input: `${pairs.map((p) => p[0]).join('\n')}\n` });
  const texts = parseBatch(blobs.stdout);
  for (const [blob, commit] of pairs) {
    const values = parseNoteLinks(texts.get(blob) ?? '', trailerKey);
    if (values.length > 0) bySha.set(commit, values);
  }
  return { tip, bySha };
}

/** `git cat-file --batch` output: `<sha> blob <size>\n<content>\n` per object. */
function parseBatch(output: string): Map<string, string> {
  const out = new Map<string, string>();
  // Sizes are in bytes: walk a Buffer, not the string.
  const bytes = Buffer.from(output, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    const nl = bytes.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = bytes.subarray(at, nl).toString('utf8').split(' ');
    at = nl + 1;
    if (header.length < 3 || header[1] === 'missing') continue;
    const size = Number(header[2]);
    if (!Number.isInteger(size) || size < 0) break;
    out.set(header[0], bytes.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

/**
 * The commits with their notes' key results merged into `keyResults` (after the
 * trailers' values) and listed again in `notedKeyResults`. Values merged by an
 * earlier call are taken out first, so a removed note unlinks its commit. Records
 * are copied only when they change.
 */
export function applyNoteLinks(commits: readonly CommitRecord[], links: NoteLinks): CommitRecord[] {
  return commits.map((c) => {
    const noted = links.bySha.get(c.sha) ?? [];
    const before = c.notedKeyResults ?? [];
    if (before.length === 0 && noted.length === 0) return c;
    if (before.length === noted.length && before.every((v, i) => v === noted[i])) return c;
    const fromTrailers = c.keyResults.slice(0, c.keyResults.length - before.length);
    const record: CommitRecord = { ...c, keyResults: [...fromTrailers, ...noted] };
    if (noted.length > 0) record.notedKeyResults = [...noted];
    else delete record.notedKeyResults;
    return record;
  });
}

/** Reads the notes and merges them into `commits` (for a scan outside the index: `okr check-commits`). */
export async function withNoteLinks(ctx: GitContext, trailerKey: string, commits: readonly CommitRecord[]): Promise<CommitRecord[]> {
  const tip = await notesTip(ctx);
  if (tip === undefined) return [...commits];
  return applyNoteLinks(commits, await readNoteLinks(ctx, trailerKey, tip));
}

/** The text of the commit's OKR Lens note, or undefined when it has none. */
export async function readNote(ctx: GitContext, commit: string): Promise<string | undefined> {
  const r = await runGit(ctx, ['notes', `--ref=${NOTES_REF}`, 'show', '--end-of-options', commit], { okCodes: [1] });
  return r.code === 0 ? r.stdout : undefined;
}

export type NoteChange = 'added' | 'already' | 'removed' | 'absent';

/**
 * Links `commit` to `id` in its note (creating the note, or adding a line to it);
 * 'already' when the note names the id. Other lines of the note stay as they are.
 */
export async function addNoteLink(ctx: GitContext, commit: string, trailerKey: string, id: string): Promise<NoteChange> {
  check(trailerKey, id);
  const existing = await readNote(ctx, commit);
  if (existing !== undefined && parseNoteLinks(existing, trailerKey).some((v) => sameId(v, id))) return 'already';
  const base = existing === undefined || existing.trim() === '' ? '' : existing.replace(/\n*$/, '\n');
  await writeNote(ctx, commit, `${base}${trailerKey}: ${id}\n`);
  return 'added';
}

/** Takes the `key: id` lines out of the commit's note; the note goes when nothing else is left in it. */
export async function removeNoteLink(ctx: GitContext, commit: string, trailerKey: string, id: string): Promise<NoteChange> {
  check(trailerKey, id);
  const existing = await readNote(ctx, commit);
  if (existing === undefined) return 'absent';
  const lines = existing.split('\n');
  const kept = lines.filter((l) => !(parseNoteLinks(l, trailerKey).length === 1 && sameId(parseNoteLinks(l, trailerKey)[0], id)));
  if (kept.length === lines.length) return 'absent';
  const text = kept.join('\n');
  if (text.trim() === '') await runGit(ctx, ['notes', `--ref=${NOTES_REF}`, 'remove', '--end-of-options', commit]);
  else await writeNote(ctx, commit, text);
  return 'removed';
}

async function writeNote(ctx: GitContext, commit: string, text: string): Promise<void> {
  // -F - reads the note from stdin: no temporary file, no shell.
  await runGit(ctx, ['notes', `--ref=${NOTES_REF}`, 'add', '--force', '-F', '-', '--end-of-options', commit], { input: text });
}

function check(trailerKey: string, id: string): void {
  if (!isValidTrailerKey(trailerKey)) throw new RangeError(`"${trailerKey}" cannot be a trailer key`);
  if (!isValidTrailerValue(id)) throw new RangeError(`"${id}" cannot be a key-result id in a note: it must be one word`);
}
