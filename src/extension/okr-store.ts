// The extension's one source of truth about OKR files: every OKR file of the
// workspace (open documents from their live text, others from disk), parsed and
// linted with the core, with an event when any of it changes. Tree, diagnostics,
// completion, hover and the git features all read from here; none of them parses.
//
// One class, OkrFileStore, holds all of it (the state in its fields).
//
// Speed matters on large files: an edit re-parses only the edited file, and re-lints
// only it unless its ids changed or other files point at it (duplicate ids, aligns_with).

import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { resolveRules } from '../core/config';
import { collectDefinitions, type LintResult } from '../core/lint';
import type { IdDefinition, KeyResult, Objective, RuleSettings } from '../core/model';
import { rules } from '../core/rules';
import { isProblem, readAlignedTexts, readOkrSource, readOkrSourceSync, type WorkspaceProblem } from '../core/fs/okr-files';
import {
  alignedPathOf,
  alignedTargets,
  isOkrFileName,
  lintParsedSources,
  OKR_FILES_GLOB,
  parseSources,
  reparseSource,
  type AlignedText,
  type OkrSource,
  type ParsedSource,
  type SourcesLintOptions,
} from '../core/workspace';
import { filesExclude, onDidChangeSettings, settingsFor } from './settings/settings';
import { localDate } from '../core/dates';
import { mapLimited, maxOf } from '../core/arrays';
import { StoreHistory } from './store-history';
import { KeyedDebounce } from './keyed-debounce';
import { existsOnDisk } from './workspace-fs';
import { excludeGlobs, walkFolder } from './folder-walk';
import {
  diskTextVersion,
  readAfterChange,
  readEachBlockingWhileQuick,
  readsEditorText,
  readsMarkingStart,
  ScanUnread,
} from './store-reads';

export interface OkrFileState {
  uri: vscode.Uri;
  /** The workspace folder the file belongs to (multi-root). */
  folder?: vscode.WorkspaceFolder;
  /** Document version when read from an open editor; undefined when read from disk. */
  version?: number;
  /** Parsed file, findings (sorted, severities applied) and line index. */
  result: LintResult;
  definitions: IdDefinition[];
}

export interface KeyResultRef {
  state: OkrFileState;
  objective: Objective;
  keyResult: KeyResult;
}

export interface OkrStoreChange {
  /** Files added, changed or removed; empty array means "everything may have changed". */
  uris: vscode.Uri[];
}

/** What the last update cost, for the output channel and the in-editor speed figures. */
export interface OkrStoreUpdate {
  uris: string[];
  parseMs: number;
  lintMs: number;
  /** Files linted (1 for a typical edit; all when ids or settings changed). */
  linted: number;
  /** When the update finished (performance.now() of the extension host). */
  finishedAt: number;
  /** From the change that caused it (the last keystroke, a file event) to the end of the update. */
  sinceChangeMs?: number;
}

/** Where the last scan's time went (ms), for the in-host figures: the search, reads with parses, the lint, the listeners. */
interface OkrScanPhases {
  searchMs: number;
  readParseMs: number;
  parseMs: number;
  lintMs: number;
  listenersMs: number;
  /** Of readParseMs, the time the host spent on other work when the reads yielded to it. */
  betweenSlicesMs: number;
  files: number;
  /** File watcher reports left to the scan (for files it had still to read). */
  reportsLeftToScan: number;
}

export interface OkrStore extends vscode.Disposable {
  /** The last scan's phases (see OkrScanPhases). */
  lastScan(): OkrScanPhases | undefined;
  /** Fires after files were (re)linted, added or removed. */
  readonly onDidChange: vscode.Event<OkrStoreChange>;
  /** Resolves once the first scan of the workspace is done. */
  readonly ready: Promise<void>;
  /** All OKR files, sorted by path. */
  files(): readonly OkrFileState[];
  get(uri: vscode.Uri): OkrFileState | undefined;
  /** "Today" as YYYY-MM-DD: `okr.lint.today` when set, else the local date. */
  today(): string;
  /** Where an objective, KR or initiative id is defined (first definition wins). */
  findDefinition(id: string): { state: OkrFileState; definition: IdDefinition } | undefined;
  /** Every active KR of every file, in file order. */
  activeKeyResults(): KeyResultRef[];
  /** Rescans the workspace from disk (the Refresh command). */
  refresh(): Promise<void>;
  /** Reads the OKR files' git history again, in the background (HEAD moved). */
  refreshHistory(): void;
  /**
   * Reads these files again now: for files OKR Lens itself wrote, which a file watcher
   * may miss (one written at once into a folder just made).
   */
  reread(uris: readonly vscode.Uri[]): Promise<void>;
  /** Lints `text` as the file at `uri` would be linted among the store's other files, without keeping it. */
  lintText(uri: vscode.Uri, text: string): LintResult;
}

export interface OkrStoreOptions {
  /** Where the store says what it did and what went wrong (the "OKR Lens" output channel). */
  log?: vscode.LogOutputChannel;
  /** Shows a problem with the user's settings (called once per distinct message). */
  warnSettings?: (message: string) => void;
  /** Wait this long after the last trigger before reading git history (default 300 ms). */
  historyDelayMs?: number;
}

export interface OkrStoreWithStats extends OkrStore {
  /** The last update's cost; undefined before the first one. */
  lastUpdate(): OkrStoreUpdate | undefined;
  /** Resolves once the git history asked for so far has been read and its findings published. */
  historySettled(): Promise<void>;
}

interface Entry {
  uri: vscode.Uri;
  folder?: vscode.WorkspaceFolder;
  version?: number;
  parsed: ParsedSource;
  /** The ids (and kinds) the file defines, to tell whether other files must be re-linted. */
  idsKey: string;
  state?: OkrFileState;
  /** Why the file could not be read, when it could not (then its text is empty). */
  unreadable?: string;
}

/**
 * Does a new read of a file give what the store holds and has linted: the same text from the
 * same place (the editor's version, or the disk with no version), read or not read alike?
 * Then there is nothing to parse or lint again: a checkout or a build reports files whose
 * text did not change, and a scan has often read the files of a folder just created.
 */
function sameRead(previous: Entry | undefined, read: SourceRead, folder: vscode.WorkspaceFolder | undefined): boolean {
  if (previous?.state === undefined) return false;
  const before = previous.parsed.source;
  const now = read.source;
  return (
    previous.version === read.version &&
    previous.folder === folder &&
    previous.unreadable === read.unreadable &&
    before.text === now.text &&
    before.oversizeBytes === now.oversizeBytes &&
    before.invalidUtf8 === now.invalidUtf8
  );
}

function idsKeyOf(parsed: ParsedSource): string {
  return collectDefinitions(parsed.file)
    .map((d) => `${d.kind}:${d.id}`)
    .join('\n');
}

function folderSettings(folder: vscode.WorkspaceFolder | undefined): { files: string; exclude: readonly string[] } {
  const { files, exclude } = settingsFor(folder?.uri);
  return { files, exclude };
}

/** A folder's okr.files and okr.exclude, compiled once (a scan asks for every file). */
interface FolderGlobs {
  files: Minimatch;
  exclude: Minimatch[];
  /** The okr.exclude globs ending in `/**`, each as itself and as the folder it names: what leaves out a whole folder. */
  excludeFolder: Minimatch[];
}

function compiledGlobs(folder: vscode.WorkspaceFolder): FolderGlobs {
  const { files, exclude } = folderSettings(folder);
  return {
    files: new Minimatch(files, { dot: true }),
    exclude: exclude.map((glob) => new Minimatch(glob, { dot: true })),
    excludeFolder: exclude
      .filter((glob) => glob.endsWith('/**'))
      .flatMap((glob) => [new Minimatch(glob, { dot: true }), new Minimatch(glob.slice(0, -3), { dot: true })]),
  };
}

/**
 * The workspace's OKR files, parsed and linted: one instance per window (see the
 * file comment). State lives in the fields below; updates run one at a time through
 * `enqueue`, so a scan and an edit never interleave.
 */
export class OkrFileStore implements OkrStoreWithStats {
  private readonly log: vscode.LogOutputChannel | undefined;
  private readonly emitter = new vscode.EventEmitter<OkrStoreChange>();
  readonly onDidChange = this.emitter.event;
  readonly ready: Promise<void>;
  private readonly entries = new Map<string, Entry>();
  private readonly reads = new KeyedDebounce<string>();
  /** Bumped on every scheduled read of a uri; a read that finishes after a newer one started is dropped. */
  private readonly generations = new Map<string, number>();
  /** The uris whose next scheduled read is from disk (see readSource). */
  private readonly fromDisk = new Set<string>();
  /** When each uri last changed, for the update's figures. */
  private readonly changedAt = new Map<string, number>();
  /** Texts of `aligns_with` targets outside the workspace's OKR files (null: missing). */
  private alignedCache = new Map<string, AlignedText>();
  private sorted: OkrFileState[] | undefined;
  private definitionIndex: Map<string, { state: OkrFileState; definition: IdDefinition }> | undefined;
  private last: OkrStoreUpdate | undefined;
  private disposed = false;
  private readonly warnedSettings = new Set<string>();
  /** Per workspace folder, its okr.files and okr.exclude; emptied when settings or folders change. */
  private readonly globs = new Map<string, FolderGlobs>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private watchers: vscode.Disposable[] = [];
  /** Paths created or deleted on disk since the last look into them (see lookIntoCreated). */
  private created = new Map<string, { uri: vscode.Uri; folder: vscode.WorkspaceFolder }>();
  private createdTimer: ReturnType<typeof setTimeout> | undefined;
  /** Scans asked for and not finished: what they read, the history and the look into new folders wait for. */
  private scansPending = 0;
  private scanPhases: OkrScanPhases | undefined;
  /** The running scan's files not yet read: a watcher report for one is left to the scan (see ScanUnread). */
  private readonly scanUnread = new ScanUnread<string, vscode.Uri>();
  /** Uris to read at the next update, in one batch: a checkout or a build reports hundreds of files at once. */
  private readSoon = new Map<string, vscode.Uri>();
  private readSoonQueued = false;
  private readonly history: StoreHistory;
  private queue: Promise<unknown> = Promise.resolve();
  // The git history of the OKR files, read off the update queue: an edit never waits
  // for git. Asked for after a scan, when a file changes on disk or is saved, and when
  // HEAD moves; requests while a reading runs make one more reading after it.
  private historyTimer: ReturnType<typeof setTimeout> | undefined;
  private historyRunning: Promise<void> | undefined;
  private historyAgain = false;
  private historyIdle: Promise<void> = Promise.resolve();
  private settleHistory: (() => void) | undefined;

  constructor(private readonly options: OkrStoreOptions = {}) {
    this.log = options.log;
    this.history = new StoreHistory(options.log);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.isTracked(e.document.uri)) return;
        const read = readAfterChange(e.contentChanges.length, e.document.isDirty);
        if (read === 'editor') this.schedule(e.document.uri, this.delay());
        else if (read === 'disk') this.schedule(e.document.uri, 0, { fromDisk: true });
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.isTracked(document.uri)) this.refreshHistory();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.isUntitled || !this.isOkrUri(document.uri)) return;
        const entry = this.entries.get(document.uri.toString());
        if (entry?.parsed.source.text === document.getText()) {
          // Same text as on disk: nothing to lint again, but fixes must know the editor's version.
          entry.version = document.version;
          if (entry.state) entry.state = { ...entry.state, version: document.version };
          this.invalidateViews();
          return;
        }
        // Opened outside any folder, or not yet seen: known files re-read their editor text.
        this.schedule(document.uri, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        const entry = this.entries.get(key);
        if (!entry) return;
        // Unsaved edits are gone with the editor: back to what the disk says (or out, for a loose file).
        if (!entry.folder) void this.forget(document.uri);
        else this.schedule(document.uri, 0);
      }),
      onDidChangeSettings((change) => {
        this.globs.clear();
        if (change.affects('files') || change.affects('exclude')) {
          this.watch();
          void this.scan();
        } else if (change.affects('lintRules') || change.affects('lintToday')) {
          this.warnedSettings.clear();
          void this.enqueue(async () => {
            await this.relint('all', true, 0, []);
            this.emitter.fire({ uris: [] });
          });
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.globs.clear();
        this.watch();
        void this.scan();
      }),
    );
    this.watch();
    this.ready = this.scan().then(
      () => undefined,
      (err: unknown) => this.log?.error('OKR Lens could not scan the workspace', err),
    );
  }

  // -------------------------------------------------------------------------
  // What the features read

  /** All OKR files, sorted by path. */
  files(): readonly OkrFileState[] {
    this.sorted ??= [...this.entries.values()]
      .map((e) => e.state)
      .filter((s): s is OkrFileState => s !== undefined)
      .sort((a, b) => (a.uri.fsPath < b.uri.fsPath ? -1 : a.uri.fsPath > b.uri.fsPath ? 1 : 0));
    return this.sorted;
  }

  get(uri: vscode.Uri): OkrFileState | undefined {
    return this.entries.get(uri.toString())?.state;
  }

  today(): string {
    return settingsFor().lintToday ?? localDate();
  }

  findDefinition(id: string): { state: OkrFileState; definition: IdDefinition } | undefined {
    if (!this.definitionIndex) {
      this.definitionIndex = new Map();
      for (const state of this.files()) {
        for (const definition of state.definitions)
          if (!this.definitionIndex.has(definition.id)) this.definitionIndex.set(definition.id, { state, definition });
      }
    }
    return this.definitionIndex.get(id);
  }

  activeKeyResults(): KeyResultRef[] {
    const out: KeyResultRef[] = [];
    for (const state of this.files()) {
      for (const objective of state.result.file.objectives) {
        if (objective.status !== 'active') continue;
        for (const keyResult of objective.keyResults) if (keyResult.status === 'active') out.push({ state, objective, keyResult });
      }
    }
    return out;
  }

  refresh(): Promise<void> {
    return this.scan();
  }

  reread(uris: readonly vscode.Uri[]): Promise<void> {
    return this.update([...uris]);
  }

  lintText(uri: vscode.Uri, text: string): LintResult {
    const own: ParsedSource = this.parse({ source: { path: uri.fsPath, text } });
    const key = uri.toString();
    const parsed = [...this.entries].map(([k, entry]) => (k === key ? own : entry.parsed));
    if (!this.entries.has(key)) parsed.push(own);
    const linted = lintParsedSources(parsed, this.lintOptions(new Set([uri.fsPath])));
    return linted.files[0].result;
  }

  lastUpdate(): OkrStoreUpdate | undefined {
    return this.last;
  }

  lastScan(): OkrScanPhases | undefined {
    return this.scanPhases;
  }

  historySettled(): Promise<void> {
    return this.historyIdle;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.historyTimer);
    clearTimeout(this.createdTimer);
    this.settleHistory?.();
    this.reads.clear();
    this.readSoon.clear();
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }

  // -------------------------------------------------------------------------
  // Reading and linting

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((err: unknown) => this.log?.error('OKR Lens update failed', err));
    return run;
  }

  private ruleSettingsFor(folder: vscode.WorkspaceFolder | undefined): RuleSettings | undefined {
    const settings = settingsFor(folder?.uri).lintRules;
    if (!settings) return undefined;
    // The file's own `lint:` problems are findings in the file; the editor's setting has no file to point at.
    for (const problem of resolveRules(rules, [settings]).problems[0]) {
      const message = `Setting okr.lint.rules: ${problem.message.replace(/`/g, '')}`;
      if (!this.warnedSettings.has(message)) {
        this.warnedSettings.add(message);
        this.options.warnSettings?.(message);
      }
    }
    return settings;
  }

  /** The folder's okr.files and okr.exclude, compiled once until settings or folders change. */
  private globsOf(folder: vscode.WorkspaceFolder): FolderGlobs {
    const key = folder.uri.toString();
    let globs = this.globs.get(key);
    if (!globs) this.globs.set(key, (globs = compiledGlobs(folder)));
    return globs;
  }

  /** Is this uri one of the workspace's OKR files under the folder's okr.files / okr.exclude? */
  private isOkrUri(uri: vscode.Uri): { folder?: vscode.WorkspaceFolder } | undefined {
    if (uri.scheme !== 'file') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      // A file opened on its own, outside any folder: linted while it is open.
      return isOkrFileName(path.basename(uri.fsPath)) ? {} : undefined;
    }
    const relative = path.posix.relative(folder.uri.path, uri.path);
    const globs = this.globsOf(folder);
    if (!globs.files.match(relative)) return undefined;
    if (globs.exclude.some((glob) => glob.match(relative))) return undefined;
    return { folder };
  }

  private isTracked(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  /**
   * The file's text: from its editor when open (unsaved edits count), else from disk. `fromDisk`: from disk
   * unless the document has unsaved edits; the document's version counts only when its text is the disk's.
   */
  private async readSource(uri: vscode.Uri, fromDisk = false): Promise<SourceRead | 'gone'> {
    const document = openDocument(uri);
    if (document && readsEditorText(document, fromDisk)) return editorRead(uri, document);
    return diskRead(uri, document, await readOkrSource(uri.fsPath));
  }

  /** `readSource` with a blocking read from disk, for a scan or a batch of file events (see readEachBlockingWhileQuick). */
  private readSourceNow(uri: vscode.Uri, fromDisk = false): SourceRead | 'gone' {
    const document = openDocument(uri);
    if (document && readsEditorText(document, fromDisk)) return editorRead(uri, document);
    return diskRead(uri, document, readOkrSourceSync(uri.fsPath));
  }

  /** How a scan or a batch of reads paces itself (see readEachBlockingWhileQuick). */
  private scanReads() {
    return {
      limit: SCAN_READS_AT_ONCE,
      slowReadMs: SLOW_SCAN_READ_MS,
      sliceMs: SCAN_SLICE_MS,
      now: () => performance.now(),
      yieldNow: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
  }

  private parse(read: { source: OkrSource; unreadable?: string }, previous?: ParsedSource): ParsedSource {
    // An edit usually touches one objective: re-parse just that (the core checks it may).
    const [parsed] = previous && !read.unreadable ? [reparseSource(previous, read.source)] : parseSources([read.source]);
    if (read.unreadable) {
      // Unreadable (permissions...): one finding on the file rather than silently skipped.
      parsed.findings = [
        {
          ruleId: 'syntax',
          severity: 'error',
          message: `OKR Lens could not read this file: ${read.unreadable}.`,
          span: { start: 0, end: 0 },
        },
      ];
    }
    return parsed;
  }

  /** How the store lints: `only` the files given (all when undefined), each among all the others. */
  private lintOptions(only: Set<string> | undefined): SourcesLintOptions {
    // One lint run is synchronous: settings cannot change during it, so each folder's are read once.
    const byFolder = new Map<string, RuleSettings | undefined>();
    return {
      today: this.today(),
      settingsFor: (p) => {
        const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(p));
        const key = folder?.uri.toString() ?? '';
        if (!byFolder.has(key)) byFolder.set(key, this.ruleSettingsFor(folder));
        return byFolder.get(key);
      },
      aligned: this.alignedCache,
      only,
      historyFor: (p) => this.history.get(p),
    };
  }

  private invalidateViews(): void {
    this.sorted = undefined;
    this.definitionIndex = undefined;
  }

  /**
   * Lints `changed` (or everything) against the whole set, widening to the files whose
   * results depend on the changed ones, then publishes the new states.
   */
  private async relint(changed: Set<string> | 'all', idsChanged: boolean, parseMs: number, uris: vscode.Uri[]): Promise<vscode.Uri[]> {
    const all = [...this.entries.values()];
    let only: Set<string> | undefined;
    if (changed !== 'all' && !idsChanged) {
      only = new Set(changed);
      // Files that align with a changed file, or whose findings point into one, read it.
      for (const entry of all) {
        const target = alignedPathOf(entry.parsed.source.path, entry.parsed.file);
        const related = entry.state?.result.findings.some((f) => f.related?.some((r) => changed.has(r.path)));
        if ((target && changed.has(target)) || related) only.add(entry.parsed.source.path);
      }
    }
    const parsed = all.map((e) => e.parsed);
    const missing = alignedTargets(parsed).filter((target) => !this.alignedCache.has(target));
    if (missing.length > 0) {
      const texts = await readAlignedTexts(missing);
      this.alignedCache = new Map([...this.alignedCache, ...texts]);
    }
    const started = performance.now();
    const result = lintParsedSources(parsed, this.lintOptions(only));
    const lintMs = performance.now() - started;
    const byPath = new Map(all.map((e) => [e.parsed.source.path, e]));
    const relinted: vscode.Uri[] = [];
    for (const linted of result.files) {
      const entry = byPath.get(linted.path);
      if (!entry) continue;
      relinted.push(entry.uri);
      entry.state = {
        uri: entry.uri,
        folder: entry.folder,
        version: entry.version,
        result: linted.result,
        definitions: linted.definitions,
      };
    }
    this.invalidateViews();
    const finishedAt = performance.now();
    const changes = uris.map((u) => this.changedAt.get(u.toString())).filter((t): t is number => t !== undefined);
    const sinceChangeMs = changes.length ? finishedAt - maxOf(changes) : undefined;
    this.last = {
      uris: uris.map((u) => u.toString()),
      parseMs,
      lintMs,
      linted: result.files.length,
      finishedAt,
      ...(sinceChangeMs !== undefined ? { sinceChangeMs } : {}),
    };
    this.log?.debug(`linted ${result.files.length} file(s) in ${lintMs.toFixed(1)} ms (parse ${parseMs.toFixed(1)} ms)`);
    return relinted;
  }

  /** Re-reads the given files (from their editors or disk) and re-lints; `uris` as a function: the files as the update starts. */
  private update(which: vscode.Uri[] | (() => vscode.Uri[])): Promise<void> {
    return this.enqueue(async () => {
      const uris = typeof which === 'function' ? which() : which;
      if (this.disposed) return;
      const changed = new Set<string>();
      const done: vscode.Uri[] = [];
      let idsChanged = false;
      let parseMs = 0;
      const toRead: { uri: vscode.Uri; key: string; generation: number; folder?: vscode.WorkspaceFolder; fromDisk: boolean }[] = [];
      for (const uri of uris) {
        const key = uri.toString();
        const match = this.isOkrUri(uri);
        if (match) {
          toRead.push({ uri, key, generation: this.generations.get(key) ?? 0, folder: match.folder, fromDisk: this.fromDisk.delete(key) });
        } else if (this.entries.delete(key)) {
          idsChanged = true;
          done.push(uri);
        }
      }
      // Read as a scan reads (blocking while quick): a batch of file events can be hundreds of files.
      const reads = await readEachBlockingWhileQuick(
        toRead,
        {
          ...this.scanReads(),
          readNow: ({ uri, fromDisk }) => this.readSourceNow(uri, fromDisk),
          readLater: ({ uri, fromDisk }) => this.readSource(uri, fromDisk),
        },
        (read) => read,
      );
      for (const [i, { uri, key, generation, folder }] of toRead.entries()) {
        const read = reads[i];
        if ((this.generations.get(key) ?? 0) !== generation) continue; // a newer read is on its way
        const previous = this.entries.get(key);
        if (read === 'gone') {
          if (previous) {
            this.entries.delete(key);
            idsChanged = true;
            done.push(uri);
          }
          continue;
        }
        if (sameRead(previous, read, folder)) continue;
        const started = performance.now();
        const parsed = this.parse(read, previous?.parsed);
        parseMs += performance.now() - started;
        const idsKey = idsKeyOf(parsed);
        if (previous?.idsKey !== idsKey) idsChanged = true;
        this.entries.set(key, {
          uri,
          folder,
          version: read.version,
          parsed,
          idsKey,
          state: previous?.state,
          ...(read.unreadable !== undefined ? { unreadable: read.unreadable } : {}),
        });
        changed.add(uri.fsPath);
        done.push(uri);
      }
      if (done.length === 0) return;
      const relinted = await this.relint(changed, idsChanged, parseMs, done);
      // Other files re-linted with it (duplicate ids, aligned files) changed too.
      const affected = new Map([...done, ...relinted].map((u) => [u.toString(), u]));
      this.emitter.fire({ uris: [...affected.values()] });
    });
  }

  private schedule(uri: vscode.Uri, delayMs: number, how: { fromDisk?: boolean } = {}): void {
    const key = uri.toString();
    if (how.fromDisk) this.fromDisk.add(key);
    else this.fromDisk.delete(key);
    this.changedAt.set(key, performance.now());
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    if (delayMs > 0) {
      this.readSoon.delete(key);
      this.reads.schedule(key, delayMs, () => void this.update([uri]));
      return;
    }
    // Reads due now go in one update with every other read due by the time it starts (500 file events
    // after a checkout: one lint of the workspace, not 500 updates each linting all files).
    this.reads.cancel(key);
    this.readSoon.set(key, uri);
    if (this.readSoonQueued) return;
    this.readSoonQueued = true;
    setTimeout(
      () =>
        void this.update(() => {
          const uris = [...this.readSoon.values()];
          this.readSoon.clear();
          this.readSoonQueued = false;
          return uris;
        }),
      0,
    );
  }

  private forget(uri: vscode.Uri): Promise<void> {
    return this.enqueue(async () => {
      const key = uri.toString();
      this.reads.cancel(key);
      this.readSoon.delete(key);
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      if (!this.entries.delete(key)) return;
      await this.relint('all', true, 0, [uri]);
      this.emitter.fire({ uris: [uri] });
    });
  }

  /** Finds every OKR file of every folder, plus open OKR documents, and lints them all. */
  private scan(): Promise<void> {
    this.scansPending++;
    return this.enqueue(async () => {
      try {
        await this.scanNow();
      } finally {
        this.scansPending--;
        // Asked for by file events during the scan too (see refreshHistory).
        this.refreshHistory();
      }
    });
  }

  private async scanNow(): Promise<void> {
    let done = false;
    try {
      await this.scanFiles();
      done = true;
    } finally {
      // Reports left to a scan that did not finish are read now: a change is never lost.
      const left = this.scanUnread.end();
      if (!done && !this.disposed) for (const uri of left) this.schedule(uri, 0);
    }
  }

  private async scanFiles(): Promise<void> {
    const started = performance.now();
    const found = new Map<string, { uri: vscode.Uri; folder?: vscode.WorkspaceFolder }>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const settings = folderSettings(folder);
      // Read from the disk when it can be; VS Code's file search otherwise, and when that found nothing.
      let uris = this.walkFolder(folder, settings.files) ?? [];
      if (uris.length === 0) {
        try {
          uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, settings.files));
        } catch (err) {
          this.log?.error(`could not search ${folder.name} for OKR files (okr.files: ${settings.files})`, err);
        }
      }
      for (const uri of uris) {
        const match = this.isOkrUri(uri);
        if (match) found.set(uri.toString(), { uri, folder: match.folder });
      }
    }
    for (const document of vscode.workspace.textDocuments) {
      const match = !document.isUntitled && this.isOkrUri(document.uri);
      if (match && !found.has(document.uri.toString()) && (!match.folder || (await existsOnDisk(document.uri)))) {
        found.set(document.uri.toString(), { uri: document.uri, folder: match.folder });
      }
    }
    const searched = performance.now();
    // Read into a new map and swap it in at once, keeping the old results until the new
    // ones are linted: during a rescan the store never looks empty.
    const next = new Map<string, Entry>();
    this.alignedCache = new Map();
    let parseMs = 0;
    let betweenSlicesMs = 0;
    const scanReads = this.scanReads();
    // Blocking reads while they are quick, each file parsed as soon as it is read, with a yield to the event loop
    // every few milliseconds; promise-based reads side by side once one is slow. Entered in the order found.
    const targets = [...found.values()];
    this.scanUnread.begin(targets.map(({ uri }) => [uri.toString(), uri]));
    const reads = await readEachBlockingWhileQuick(
      targets,
      readsMarkingStart(
        {
          ...scanReads,
          yieldNow: async () => {
            const yielded = performance.now();
            await scanReads.yieldNow();
            betweenSlicesMs += performance.now() - yielded;
          },
          readNow: ({ uri }) => this.readSourceNow(uri),
          readLater: ({ uri }) => this.readSource(uri),
        },
        this.scanUnread,
        ({ uri }) => uri.toString(),
      ),
      (read) => {
        if (read === 'gone') return read;
        const t = performance.now();
        const parsed = this.parse(read);
        parseMs += performance.now() - t;
        return { read, parsed };
      },
    );
    const readAndParsed = performance.now();
    for (const [i, { uri, folder }] of targets.entries()) {
      const done = reads[i];
      if (done === 'gone') continue;
      const { read, parsed } = done;
      next.set(uri.toString(), {
        uri,
        folder,
        version: read.version,
        parsed,
        idsKey: idsKeyOf(parsed),
        state: this.entries.get(uri.toString())?.state,
        ...(read.unreadable !== undefined ? { unreadable: read.unreadable } : {}),
      });
    }
    this.entries.clear();
    for (const [key, entry] of next) this.entries.set(key, entry);
    await this.relint('all', true, parseMs, []);
    this.log?.info(`found ${this.entries.size} OKR file(s) in ${(performance.now() - started).toFixed(0)} ms`);
    const firing = performance.now();
    this.emitter.fire({ uris: [] });
    this.scanPhases = {
      searchMs: searched - started,
      readParseMs: readAndParsed - searched,
      parseMs,
      lintMs: this.last?.lintMs ?? 0,
      listenersMs: performance.now() - firing,
      betweenSlicesMs,
      files: this.entries.size,
      reportsLeftToScan: this.scanUnread.coveredCount(),
    };
  }

  /**
   * The folder's OKR files read from the disk as findFiles finds them (see folder-walk.ts), when okr.files
   * is the default (whose glob means the same to minimatch and to VS Code); undefined: ask findFiles.
   */
  private walkFolder(folder: vscode.WorkspaceFolder, files: string): vscode.Uri[] | undefined {
    if (files !== OKR_FILES_GLOB) return undefined;
    const exclude = excludeGlobs(filesExclude(folder.uri));
    const found = exclude && walkFolder(folder.uri.fsPath, this.globsOf(folder).files, exclude);
    if (!found) this.log?.debug(`searching ${folder.name} for OKR files with VS Code's file search`);
    return found?.map((relative) => vscode.Uri.joinPath(folder.uri, relative));
  }

  private delay(): number {
    return settingsFor().lintDelay;
  }

  // -------------------------------------------------------------------------
  // Git history

  private async readHistoryNow(): Promise<void> {
    do {
      this.historyAgain = false;
      const targets = [...this.entries.values()].map((e) => ({
        path: e.parsed.source.path,
        folder: e.folder?.uri.fsPath,
        period: e.parsed.file.period,
      }));
      let changed: Set<string>;
      try {
        changed = await this.history.read(targets);
      } catch (err) {
        this.log?.error('OKR Lens could not read the git history of the OKR files', err);
        changed = new Set();
      }
      if (this.disposed) return;
      if (changed.size > 0) {
        await this.enqueue(async () => {
          const uris = [...this.entries.values()].filter((e) => changed.has(e.parsed.source.path)).map((e) => e.uri);
          if (this.disposed || uris.length === 0) return;
          const relinted = await this.relint(new Set(uris.map((u) => u.fsPath)), false, 0, uris);
          this.emitter.fire({ uris: relinted });
        });
      }
    } while (this.historyAgain && !this.disposed);
  }

  refreshHistory(): void {
    if (this.disposed) return;
    if (!this.settleHistory) this.historyIdle = new Promise((resolve) => (this.settleHistory = resolve));
    // A scan asks once it is done: git's history is read for the files it found, not beside its reads.
    if (this.scansPending > 0) return;
    clearTimeout(this.historyTimer);
    this.historyTimer = setTimeout(() => {
      this.historyTimer = undefined;
      // Asked for before a scan that is now pending: the scan asks again once it is done.
      if (this.scansPending > 0) return;
      if (this.historyRunning) {
        this.historyAgain = true;
        return;
      }
      this.historyRunning = this.readHistoryNow().finally(() => {
        this.historyRunning = undefined;
        if (this.historyTimer === undefined && !this.historyAgain) {
          this.settleHistory?.();
          this.settleHistory = undefined;
        }
      });
    }, this.options.historyDelayMs ?? 300);
  }

  // -------------------------------------------------------------------------
  // The file system

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, folderSettings(folder).files));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => {
          if (!this.scanUnread.covers(uri.toString())) this.schedule(uri, 0);
          this.refreshHistory();
        }),
        // An open document is followed through its text; its file on disk changes on every save.
        watcher.onDidChange((uri) => {
          if (!openDocument(uri) && !this.scanUnread.covers(uri.toString())) this.schedule(uri, 0);
          this.refreshHistory();
        }),
        // A deleted file leaves the store even when its editor is still open (rename = delete + create).
        watcher.onDidDelete((uri) => void this.forget(uri)),
      );
      // Files written into a folder just made can come before the folder's own watch, and a folder moved in is
      // reported alone: each new folder is searched once. A deleted folder is reported alone too: the files
      // under it leave. (No change events: edits elsewhere cost nothing.)
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'), false, true, false);
      this.watchers.push(
        folders,
        folders.onDidCreate((uri) => this.noteFolderEvent(uri, folder)),
        folders.onDidDelete((uri) => this.noteFolderEvent(uri, folder)),
      );
    }
  }

  private noteFolderEvent(uri: vscode.Uri, folder: vscode.WorkspaceFolder): void {
    if (this.disposed) return;
    // Which paths are OKR files is told at the look, after any scan: a generator's hundreds of reports cost the scan nothing.
    this.created.set(uri.toString(), { uri, folder });
    // At most one look per 200 ms, however many files a build or a checkout writes.
    this.createdTimer ??= setTimeout(() => {
      this.createdTimer = undefined;
      this.afterScans()
        .then(() => this.lookIntoCreated())
        .catch((err: unknown) => this.log?.error('OKR Lens could not look into new folders', err));
    }, 200);
  }

  /**
   * Resolves once no scan is asked for or running. A scan reads everything it finds; the look into new
   * folders (a search per folder) waits for it instead of searching beside it.
   */
  private async afterScans(): Promise<void> {
    while (this.scansPending > 0 && !this.disposed) await this.queue;
  }

  /** Reads the OKR files under the folders created or deleted since the last look: new ones, and known ones again. */
  private async lookIntoCreated(): Promise<void> {
    // An OKR file: its own watcher reports it.
    const batch = [...this.created.values()].filter(({ uri }) => !this.isOkrUri(uri));
    this.created = new Map();
    if (batch.length === 0) return;
    // Only the outermost new paths: a path with a new child is a new folder, searched with everything under it.
    const paths = new Set(batch.map((item) => item.uri.path));
    const outermost = batch.filter(({ uri }) => {
      for (let up = path.posix.dirname(uri.path); up.length > 1; up = path.posix.dirname(up)) if (paths.has(up)) return false;
      return true;
    });
    // okr.exclude may leave out a whole new folder (`dist/**`): not even looked at.
    const candidates = outermost.filter(({ uri, folder }) => {
      const relative = path.posix.relative(folder.uri.path, uri.path);
      return !this.globsOf(folder).excludeFolder.some((glob) => glob.match(relative));
    });
    // A build writing thousands of files into an existing folder reports each one: stat them a few at a time.
    const folders = (
      await mapLimited(candidates, SCAN_READS_AT_ONCE, async (item) => ((await isFolder(item.uri)) ? item : undefined))
    ).filter((item) => item !== undefined);
    const found = new Map<string, vscode.Uri>();
    // Known files under a path created or deleted: read again (a deleted folder's files leave). Looked up by
    // their folders, so a build that deletes thousands of files costs one lookup each.
    const knownUnder = new Map<string, vscode.Uri[]>();
    for (const entry of this.entries.values()) {
      for (let up = path.posix.dirname(entry.uri.path); up.length > 1; up = path.posix.dirname(up)) {
        let list = knownUnder.get(up);
        if (!list) knownUnder.set(up, (list = []));
        list.push(entry.uri);
      }
    }
    for (const { uri } of outermost) for (const known of knownUnder.get(uri.path) ?? []) found.set(known.toString(), known);
    for (const { uri, folder } of folders) {
      const glob = folderSettings(folder).files;
      let uris: vscode.Uri[] = [];
      try {
        uris = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, globUnder(glob)));
      } catch (err) {
        this.log?.error(`could not search ${uri.fsPath} for OKR files (okr.files: ${glob})`, err);
      }
      for (const file of uris) if (!this.entries.has(file.toString()) && this.isOkrUri(file)) found.set(file.toString(), file);
    }
    if (this.disposed || found.size === 0) return;
    this.log?.debug(`reading ${found.size} OKR file(s) under new or deleted folders`);
    await this.update([...found.values()]);
    this.refreshHistory();
  }
}

/**
 * A glob for the files under a new folder that `okr.files` may match: the setting itself when it is
 * `**` then one path segment (the default), where the part below the folder matches exactly when the
 * whole path does; otherwise every file, filtered by the setting afterwards.
 */
function globUnder(files: string): string {
  return /^\*\*\/[^/]+$/.test(files) ? files : '**/*';
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false; // gone already
  }
}

/** How many files a scan reads at once. */
const SCAN_READS_AT_ONCE = 16;
/** A blocking read of an OKR file takes well under a millisecond from a local disk; this long, the disk is not one. */
const SLOW_SCAN_READ_MS = 50;
/** A scan's blocking reads and parses between two yields to the event loop. */
const SCAN_SLICE_MS = 20;

/** What a read of an OKR file gave: its text, the editor's version the text stands for, or why it could not be read. */
interface SourceRead {
  source: OkrSource;
  version?: number;
  unreadable?: string;
}

function editorRead(uri: vscode.Uri, document: vscode.TextDocument): SourceRead {
  return { source: { path: uri.fsPath, text: document.getText() }, version: document.version };
}

function diskRead(uri: vscode.Uri, document: vscode.TextDocument | undefined, read: OkrSource | WorkspaceProblem): SourceRead | 'gone' {
  if (!isProblem(read)) {
    const version = diskTextVersion(document && { text: document.getText(), version: document.version }, read.text);
    return version !== undefined ? { source: read, version } : { source: read };
  }
  // Deleted, or replaced by a folder: gone from the workspace. Anything else (no permission, a FIFO) is said on the file.
  if (read.code === 'missing' || read.code === 'not-a-file') return 'gone';
  return { source: { path: uri.fsPath, text: '' }, unreadable: read.reason };
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}
