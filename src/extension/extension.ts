// Activation: creates the store (the core's view of every OKR file) and plugs the
// features into it. Nothing heavy runs here: the first scan and git start in the
// background, and activate() returns in a few milliseconds.

import * as vscode from 'vscode';
import { CommandId } from './command-ids';
import { registerPeriodCommands } from './period';
import { registerCheckIn } from './check-in';
import { registerCliInstall } from './cli-install';
import { registerDashboard } from './dashboard';
import { registerEditingHelp } from './editing-help';
import { registerFirstRun } from './first-run';
import { registerGitFeatures } from './git';
import { registerLintFeatures } from './lint';
import { OkrFileStore, type OkrStoreUpdate } from './okr-store';
import { reportSettingProblems, settingsCache } from './settings/settings';
import { registerObjectivesView } from './tree/objectives-view';

/** What the in-host suites read to report in-editor speed (not a user command). */
export interface OkrLensStats {
  /** Time spent inside activate(), in ms. */
  activationMs: number;
  /** The store's last update: which files, parse and lint time, when it finished. */
  lastUpdate?: OkrStoreUpdate;
}

// Hidden commands for the in-host suites: they run in the same extension host, so the
// objects come back as they are.
const STATS_COMMAND = '_okr.stats';
const STORE_COMMAND = '_okr.store';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('OKR Lens', { log: true });
  const warnSettings = (message: string) => void vscode.window.showWarningMessage(`OKR Lens: ${message}`);
  const store = new OkrFileStore({ log, warnSettings });
  context.subscriptions.push(
    log,
    store,
    reportSettingProblems(warnSettings),
    settingsCache,
    vscode.commands.registerCommand(CommandId.Refresh, () => store.refresh()),
  );

  // Each feature is independent: one failing to start must not take the others down.
  const start = <T>(name: string, register: () => T): T | undefined => {
    try {
      return register();
    } catch (err) {
      log.error(`${name} failed to start`, err);
      void vscode.window.showErrorMessage(`OKR Lens: ${name} failed to start: ${(err as Error).message}. See the "OKR Lens" output.`);
      return undefined;
    }
  };
  const objectivesView = start('the Objectives view', () => registerObjectivesView(context, store));
  start('diagnostics and quick fixes', () => registerLintFeatures(context, store));
  start('editing help', () => registerEditingHelp(context, store));
  if (objectivesView) start('the git features', () => registerGitFeatures(context, store, objectivesView));
  start('the dashboard and reports', () => registerDashboard(context, store, objectivesView));
  start('the first-run walkthrough', () => registerFirstRun(context, store));
  start('closing and starting periods', () => registerPeriodCommands(context, store));
  start("the 'okr' command installer", () => registerCliInstall(context));
  start('check-ins', () => registerCheckIn(context, store, objectivesView));

  const activationMs = performance.now() - started;
  context.subscriptions.push(
    vscode.commands.registerCommand(STATS_COMMAND, (): OkrLensStats => ({ activationMs, lastUpdate: store.lastUpdate() })),
    vscode.commands.registerCommand(STORE_COMMAND, () => store),
  );
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
