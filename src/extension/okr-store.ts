// The extension's one source of truth about OKR files: every OKR file of the
// workspace (open documents from their live text, others from disk), parsed and
// linted with the core, with an event when any of it changes. Tree, diagnostics,
// completion, hover and the git features all read from here; none of them parses.
//
// Speed matters on large files: an edit re-parses only the edited file, and re-lints
// only it unless its ids changed or other files point at it (duplicate ids, aligns_with).

import * as path from 'node:path';
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { resolveRules } from '../core/config';
import { collectDefinitions, type LintResult } from '../core/lint';
import type { IdDefinition, KeyResult, Objective, RuleSettings } from '../core/model';
import { rules } from '../core/rules';
import { isProblem, readAlignedTexts, readOkrSource } from '../core/fs/okr-files';
import {
  alignedPathOf,
  alignedTargets,
  isOkrFileName,
  lintParsedSources,
  parseSources,
  reparseSource,
  type AlignedText,
  type OkrSource,
  type ParsedSource,
  type SourcesLintOptions,
} from '../core/workspace';
import { onDidChangeSettings, settingsFor } from './settings/settings';
import { localDate } from '../core/dates';
import { maxOf } from '../core/arrays';
import { StoreHistory } from './store-history';
import { KeyedDebounce } from './keyed-debounce';

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

export interface OkrStore extends vscode.Disposable {
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

export function createOkrStore(options: OkrStoreOptions = {}): OkrStoreWithStats {
  const log = options.log;
  const emitter = new vscode.EventEmitter<OkrStoreChange>();
  const entries = new Map<string, Entry>();
  const reads = new KeyedDebounce<string>();
  /** Bumped on every scheduled read of a uri; a read that finishes after a newer one started is dropped. */
  const generations = new Map<string, number>();
  /** When each uri last changed, for the update's figures. */
  const changedAt = new Map<string, number>();
  /** Texts of `aligns_with` targets outside the workspace's OKR files (null: missing). */
  let alignedCache = new Map<string, AlignedText>();
  let sorted: OkrFileState[] | undefined;
  let definitionIndex: Map<string, { state: OkrFileState; definition: IdDefinition }> | undefined;
  let last: OkrStoreUpdate | undefined;
  let disposed = false;
  const warnedSettings = new Set<string>();
  const disposables: vscode.Disposable[] = [emitter];
  let watchers: vscode.Disposable[] = [];
  const history = new StoreHistory(log);
  // Updates run one at a time, in order: a scan and an edit never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch((err: unknown) => log?.error('OKR Lens update failed', err));
    return run;
  };

  const today = (): string => {
    return settingsFor().lintToday ?? localDate();
  };

  const ruleSettingsFor = (sourcePath: string): RuleSettings | undefined => {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(sourcePath));
    const settings = settingsFor(folder?.uri).lintRules;
    if (!settings) return undefined;
    // The file's own `lint:` problems are findings in the file; the editor's setting has no file to point at.
    for (const problem of resolveRules(rules, [settings]).problems[0]) {
      const message = `Setting okr.lint.rules: ${problem.message.replace(/`/g, '')}`;
      if (!warnedSettings.has(message)) {
        warnedSettings.add(message);
        options.warnSettings?.(message);
      }
    }
    return settings;
  };

  /** Is this uri one of the workspace's OKR files under the folder's okr.files / okr.exclude? */
  const isOkrUri = (uri: vscode.Uri): { folder?: vscode.WorkspaceFolder } | undefined => {
    if (uri.scheme !== 'file') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      // A file opened on its own, outside any folder: linted while it is open.
      return isOkrFileName(path.basename(uri.fsPath)) ? {} : undefined;
    }
    const relative = path.posix.relative(folder.uri.path, uri.path);
    const settings = folderSettings(folder);
    if (!minimatch(relative, settings.files, { dot: true })) return undefined;
    if (settings.exclude.some((glob) => minimatch(relative, glob, { dot: true }))) return undefined;
    return { folder };
  };

  const openDocument = (uri: vscode.Uri): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);

  /** The file's text: from its editor when open (unsaved edits count), else from disk. */
  const readSource = async (uri: vscode.Uri): Promise<{ source: OkrSource; version?: number; unreadable?: string } | 'gone'> => {
    const document = openDocument(uri);
    if (document) return { source: { path: uri.fsPath, text: document.getText() }, version: document.version };
    const read = await readOkrSource(uri.fsPath);
    if (!isProblem(read)) return { source: read };
    // Deleted, or replaced by a folder: gone from the workspace. Anything else (no permission, a FIFO) is said on the file.
    if (read.code === 'missing' || read.code === 'not-a-file') return 'gone';
    return { source: { path: uri.fsPath, text: '' }, unreadable: read.reason };
  };

  const parse = (read: { source: OkrSource; unreadable?: string }, previous?: ParsedSource): ParsedSource => {
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
  };

  /** How the store lints: `only` the files given (all when undefined), each among all the others. */
  const lintOptions = (only: Set<string> | undefined): SourcesLintOptions => ({
    today: today(),
    settingsFor: ruleSettingsFor,
    aligned: alignedCache,
    only,
    historyFor: (p) => history.get(p),
  });

  const invalidateViews = () => {
    sorted = undefined;
    definitionIndex = undefined;
  };

  /**
   * Lints `changed` (or everything) against the whole set, widening to the files whose
   * results depend on the changed ones, then publishes the new states.
   */
  const relint = async (changed: Set<string> | 'all', idsChanged: boolean, parseMs: number, uris: vscode.Uri[]) => {
    const all = [...entries.values()];
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
    const missing = alignedTargets(parsed).filter((target) => !alignedCache.has(target));
    if (missing.length > 0) {
      const texts = await readAlignedTexts(missing);
      alignedCache = new Map([...alignedCache, ...texts]);
    }
    const started = performance.now();
    const result = lintParsedSources(parsed, lintOptions(only));
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
    invalidateViews();
    const finishedAt = performance.now();
    const changes = uris.map((u) => changedAt.get(u.toString())).filter((t): t is number => t !== undefined);
    const sinceChangeMs = changes.length ? finishedAt - maxOf(changes) : undefined;
    last = {
      uris: uris.map((u) => u.toString()),
      parseMs,
      lintMs,
      linted: result.files.length,
      finishedAt,
      ...(sinceChangeMs !== undefined ? { sinceChangeMs } : {}),
    };
    log?.debug(`linted ${result.files.length} file(s) in ${lintMs.toFixed(1)} ms (parse ${parseMs.toFixed(1)} ms)`);
    return relinted;
  };

  /** Re-reads the given files (from their editors or disk) and re-lints. */
  const update = (uris: vscode.Uri[]) =>
    enqueue(async () => {
      if (disposed) return;
      const changed = new Set<string>();
      const done: vscode.Uri[] = [];
      let idsChanged = false;
      let parseMs = 0;
      for (const uri of uris) {
        const key = uri.toString();
        const generation = generations.get(key) ?? 0;
        const match = isOkrUri(uri);
        const previous = entries.get(key);
        if (!match) {
          if (previous) {
            entries.delete(key);
            idsChanged = true;
            done.push(uri);
          }
          continue;
        }
        const read = await readSource(uri);
        if ((generations.get(key) ?? 0) !== generation) continue; // a newer read is on its way
        if (read === 'gone') {
          if (previous) {
            entries.delete(key);
            idsChanged = true;
            done.push(uri);
          }
          continue;
        }
        if (previous?.version !== undefined && previous.version === read.version && previous.parsed.source.text === read.source.text)
          continue;
        const started = performance.now();
        const parsed = parse(read, previous?.parsed);
        parseMs += performance.now() - started;
        const idsKey = idsKeyOf(parsed);
        if (previous?.idsKey !== idsKey) idsChanged = true;
        entries.set(key, { uri, folder: match.folder, version: read.version, parsed, idsKey, state: previous?.state });
        changed.add(uri.fsPath);
        done.push(uri);
      }
      if (done.length === 0) return;
      const relinted = await relint(changed, idsChanged, parseMs, done);
      // Other files re-linted with it (duplicate ids, aligned files) changed too.
      const affected = new Map([...done, ...relinted].map((u) => [u.toString(), u]));
      emitter.fire({ uris: [...affected.values()] });
    });

  const schedule = (uri: vscode.Uri, delayMs: number) => {
    const key = uri.toString();
    changedAt.set(key, performance.now());
    generations.set(key, (generations.get(key) ?? 0) + 1);
    reads.schedule(key, delayMs, () => void update([uri]));
  };

  const forget = (uri: vscode.Uri) =>
    enqueue(async () => {
      const key = uri.toString();
      reads.cancel(key);
      generations.set(key, (generations.get(key) ?? 0) + 1);
      if (!entries.delete(key)) return;
      await relint('all', true, 0, [uri]);
      emitter.fire({ uris: [uri] });
    });

  /** Finds every OKR file of every folder, plus open OKR documents, and lints them all. */
  const scan = () =>
    enqueue(async () => {
      const started = performance.now();
      const found = new Map<string, { uri: vscode.Uri; folder?: vscode.WorkspaceFolder }>();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') continue;
        const settings = folderSettings(folder);
        let uris: vscode.Uri[] = [];
        try {
          uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, settings.files));
        } catch (err) {
          log?.error(`could not search ${folder.name} for OKR files (okr.files: ${settings.files})`, err);
        }
        for (const uri of uris) {
          const match = isOkrUri(uri);
          if (match) found.set(uri.toString(), { uri, folder: match.folder });
        }
      }
      for (const document of vscode.workspace.textDocuments) {
        const match = !document.isUntitled && isOkrUri(document.uri);
        if (match && !found.has(document.uri.toString()) && (!match.folder || (await existsOnDisk(document.uri)))) {
          found.set(document.uri.toString(), { uri: document.uri, folder: match.folder });
        }
      }
      // Read into a new map and swap it in at once, keeping the old results until the new
      // ones are linted: during a rescan the store never looks empty.
      const next = new Map<string, Entry>();
      alignedCache = new Map();
      let parseMs = 0;
      for (const { uri, folder } of found.values()) {
        const read = await readSource(uri);
        if (read === 'gone') continue;
        const t = performance.now();
        const parsed = parse(read);
        parseMs += performance.now() - t;
        next.set(uri.toString(), {
          uri,
          folder,
          version: read.version,
          parsed,
          idsKey: idsKeyOf(parsed),
          state: entries.get(uri.toString())?.state,
        });
      }
      entries.clear();
      for (const [key, entry] of next) entries.set(key, entry);
      await relint('all', true, parseMs, []);
      log?.info(`found ${entries.size} OKR file(s) in ${(performance.now() - started).toFixed(0)} ms`);
      emitter.fire({ uris: [] });
      requestHistory();
    });

  const existsOnDisk = async (uri: vscode.Uri) => {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  };

  const delay = (): number => settingsFor().lintDelay;

  // The git history of the OKR files, read off the update queue: an edit never waits
  // for git. Asked for after a scan, when a file changes on disk or is saved, and when
  // HEAD moves; requests while a reading runs make one more reading after it.
  let historyTimer: ReturnType<typeof setTimeout> | undefined;
  let historyRunning: Promise<void> | undefined;
  let historyAgain = false;
  let historyIdle: Promise<void> = Promise.resolve();
  let settleHistory: (() => void) | undefined;
  const readHistoryNow = async (): Promise<void> => {
    do {
      historyAgain = false;
      const targets = [...entries.values()].map((e) => ({
        path: e.parsed.source.path,
        folder: e.folder?.uri.fsPath,
        period: e.parsed.file.period,
      }));
      let changed: Set<string>;
      try {
        changed = await history.read(targets);
      } catch (err) {
        log?.error('OKR Lens could not read the git history of the OKR files', err);
        changed = new Set();
      }
      if (disposed) return;
      if (changed.size > 0) {
        await enqueue(async () => {
          const uris = [...entries.values()].filter((e) => changed.has(e.parsed.source.path)).map((e) => e.uri);
          if (disposed || uris.length === 0) return;
          const relinted = await relint(new Set(uris.map((u) => u.fsPath)), false, 0, uris);
          emitter.fire({ uris: relinted });
        });
      }
    } while (historyAgain && !disposed);
  };
  const requestHistory = () => {
    if (disposed) return;
    if (!settleHistory) historyIdle = new Promise((resolve) => (settleHistory = resolve));
    clearTimeout(historyTimer);
    historyTimer = setTimeout(() => {
      historyTimer = undefined;
      if (historyRunning) {
        historyAgain = true;
        return;
      }
      historyRunning = readHistoryNow().finally(() => {
        historyRunning = undefined;
        if (historyTimer === undefined && !historyAgain) {
          settleHistory?.();
          settleHistory = undefined;
        }
      });
    }, options.historyDelayMs ?? 300);
  };

  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, folderSettings(folder).files));
      watchers.push(
        watcher,
        watcher.onDidCreate((uri) => {
          schedule(uri, 0);
          requestHistory();
        }),
        // An open document is followed through its text; its file on disk changes on every save.
        watcher.onDidChange((uri) => {
          if (!openDocument(uri)) schedule(uri, 0);
          requestHistory();
        }),
        // A deleted file leaves the store even when its editor is still open (rename = delete + create).
        watcher.onDidDelete((uri) => void forget(uri)),
      );
    }
  };

  const isTracked = (uri: vscode.Uri) => entries.has(uri.toString());

  disposables.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isTracked(e.document.uri)) return;
      schedule(e.document.uri, delay());
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isTracked(document.uri)) requestHistory();
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.isUntitled || !isOkrUri(document.uri)) return;
      const entry = entries.get(document.uri.toString());
      if (entry?.parsed.source.text === document.getText()) {
        // Same text as on disk: nothing to lint again, but fixes must know the editor's version.
        entry.version = document.version;
        if (entry.state) entry.state = { ...entry.state, version: document.version };
        invalidateViews();
        return;
      }
      // Opened outside any folder, or not yet seen: known files re-read their editor text.
      schedule(document.uri, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      const entry = entries.get(key);
      if (!entry) return;
      // Unsaved edits are gone with the editor: back to what the disk says (or out, for a loose file).
      if (!entry.folder) void forget(document.uri);
      else schedule(document.uri, 0);
    }),
    onDidChangeSettings((change) => {
      if (change.affects('files') || change.affects('exclude')) {
        watch();
        void scan();
      } else if (change.affects('lintRules') || change.affects('lintToday')) {
        warnedSettings.clear();
        void enqueue(async () => {
          await relint('all', true, 0, []);
          emitter.fire({ uris: [] });
        });
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      void scan();
    }),
  );
  watch();
  const ready = scan().then(
    () => undefined,
    (err: unknown) => log?.error('OKR Lens could not scan the workspace', err),
  );

  const files = (): readonly OkrFileState[] => {
    sorted ??= [...entries.values()]
      .map((e) => e.state)
      .filter((s): s is OkrFileState => s !== undefined)
      .sort((a, b) => (a.uri.fsPath < b.uri.fsPath ? -1 : a.uri.fsPath > b.uri.fsPath ? 1 : 0));
    return sorted;
  };

  return {
    onDidChange: emitter.event,
    ready,
    files,
    get: (uri) => entries.get(uri.toString())?.state,
    today,
    findDefinition(id) {
      if (!definitionIndex) {
        definitionIndex = new Map();
        for (const state of files()) {
          for (const definition of state.definitions)
            if (!definitionIndex.has(definition.id)) definitionIndex.set(definition.id, { state, definition });
        }
      }
      return definitionIndex.get(id);
    },
    activeKeyResults() {
      const out: KeyResultRef[] = [];
      for (const state of files()) {
        for (const objective of state.result.file.objectives) {
          if (objective.status !== 'active') continue;
          for (const keyResult of objective.keyResults) if (keyResult.status === 'active') out.push({ state, objective, keyResult });
        }
      }
      return out;
    },
    refresh: () => scan(),
    lintText(uri, text) {
      const own: ParsedSource = parse({ source: { path: uri.fsPath, text } });
      const key = uri.toString();
      const parsed = [...entries].map(([k, entry]) => (k === key ? own : entry.parsed));
      if (!entries.has(key)) parsed.push(own);
      const linted = lintParsedSources(parsed, lintOptions(new Set([uri.fsPath])));
      return linted.files[0].result;
    },
    lastUpdate: () => last,
    historySettled: () => historyIdle,
    refreshHistory: requestHistory,
    dispose() {
      disposed = true;
      clearTimeout(historyTimer);
      settleHistory?.();
      reads.clear();
      for (const w of watchers) w.dispose();
      for (const d of disposables) d.dispose();
    },
  };
}
