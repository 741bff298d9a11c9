// The one place that reads `okr.*` settings from VS Code. Features ask `settingsFor(uri)`
// for typed, validated values and listen to `onDidChangeSettings`; nothing else calls
// getConfiguration. What each setting means and how it is validated is in schema.ts.

import * as vscode from 'vscode';
import { type OkrSettings, readSettings, SETTINGS, type SettingName } from './schema';

export type { OkrSettings, SettingName } from './schema';

/** Only file URIs scope settings to a folder; other schemes (untitled, the SCM input) read the window's. */
const scopeOf = (uri: vscode.Uri | undefined): vscode.Uri | undefined => (uri?.scheme === 'file' ? uri : undefined);

function readNow(scope: vscode.Uri | undefined) {
  const resource = vscode.workspace.getConfiguration(undefined, scope);
  const window = vscode.workspace.getConfiguration();
  return readSettings((key, settingScope) => (settingScope === 'window' ? window : resource).get<unknown>(key));
}

/**
 * The settings as read, per workspace folder (a file's resource settings are its folder's), until the
 * configuration or the folders change. The tree asks for "today" and the staleness setting for every
 * item it shows (thousands after a scan of 500 files), and each fresh read is two getConfiguration
 * calls of the extension host: ~1.5 s of the host's time in the in-host 504-file scan.
 */
const cache = new Map<string, ReturnType<typeof readSettings>>();
let clearing: vscode.Disposable | undefined;

function read(scope: vscode.Uri | undefined) {
  // Cleared before any listener reads again: here for every listener, and first thing in onDidChangeSettings.
  clearing ??= vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration(() => cache.clear()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => cache.clear()),
  );
  const resource = scopeOf(scope);
  const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
  // A file outside every folder has no folder settings: it reads the window's (user and workspace) values,
  // read without a scope, so no one such file's URI stands for the others.
  const key = folder ? folder.uri.toString() : 'window';
  let settings = cache.get(key);
  if (!settings) cache.set(key, (settings = readNow(folder?.uri)));
  return settings;
}

/** Stops the cache's clearing listeners (the extension's deactivation); the next read starts them again. */
export const settingsCache: vscode.Disposable = {
  dispose() {
    clearing?.dispose();
    clearing = undefined;
    cache.clear();
  },
};

/** Every setting as it applies to `scope` (a file or folder; none: the window's). */
export function settingsFor(scope?: vscode.Uri): OkrSettings {
  return read(scope).settings;
}

/** Why a setting's value is not used as written, for `scope`. */
export function settingProblems(scope?: vscode.Uri): string[] {
  return read(scope).problems;
}

/** A setting of VS Code itself that OKR Lens respects (`workbench.welcomePage.walkthroughs.openOnInstall`). */
export function vscodeSetting<T>(key: string, fallback: T): T {
  const value = vscode.workspace.getConfiguration().get<unknown>(key);
  return value === undefined || typeof value !== typeof fallback ? fallback : (value as T);
}

/** `files.exclude` as it applies in a workspace folder: what VS Code's file search leaves out. */
export function filesExclude(folder: vscode.Uri): unknown {
  return vscode.workspace.getConfiguration('files', folder).get<unknown>('exclude');
}

export interface SettingsChange {
  /** Did the change touch this setting (for `scope`, when given)? */
  affects(name: SettingName, scope?: vscode.Uri): boolean;
}

/** Fires once per configuration change that touches any `okr.*` setting. */
export function onDidChangeSettings(listener: (change: SettingsChange) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    // Listeners run in the order they were made: this one may come before the cache's own.
    cache.clear();
    if (!e.affectsConfiguration('okr')) return;
    listener({ affects: (name, scope) => e.affectsConfiguration(SETTINGS[name].key, scopeOf(scope)) });
  });
}

/**
 * Tells the user, once per distinct message, about settings whose values are not used as
 * written, in the window and in every workspace folder; again after they change.
 */
export function reportSettingProblems(warn: (message: string) => void): vscode.Disposable {
  // Problems already told and still there; one that is mended and comes back is told again.
  let told = new Set<string>();
  const check = () => {
    const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
    const current = new Set(scopes.flatMap((scope) => settingProblems(scope)));
    for (const problem of current) if (!told.has(problem)) warn(problem);
    told = current;
  };
  check();
  return vscode.Disposable.from(onDidChangeSettings(check), vscode.workspace.onDidChangeWorkspaceFolders(check));
}
