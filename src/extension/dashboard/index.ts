// OKR: Open Dashboard: one webview panel per window with every OKR file's objectives,
// burn-ups, confidence trends, linked commits per week and the leading indicators.
// The host builds the content from the core (report data, chart renderer) and posts
// it; the page's script (src/webview/dashboard.ts, its own bundle) shows it, filters
// it and sends clicks back. A strict Content Security Policy: no remote content,
// scripts and styles only with this page's nonce. A serializer brings the panel back
// after a reload; the page keeps its filters itself. In Restricted Mode it is
// read-only: no check-in button.

import * as vscode from 'vscode';
import type { ReportFormat } from '../../core/report';
import { CommandId } from '../command-ids';
import type { OkrStore } from '../okr-store';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { exportReport } from './export';
import { Dashboard, DASHBOARD_HANDLE_COMMAND, DASHBOARD_VIEW_TYPE, type DashboardHandle } from './panel';

export type { DashboardHandle } from './panel';

export function registerDashboard(
  context: vscode.ExtensionContext,
  store: OkrStore,
  view: ObjectivesViewHandle | undefined,
): DashboardHandle {
  const dashboard = new Dashboard(context, store, view);
  const follow = () => dashboard.renderSoon();
  context.subscriptions.push(
    dashboard,
    vscode.commands.registerCommand(CommandId.OpenDashboard, () => dashboard.open()),
    // Arguments for the in-host suites: a format and a target skip the pickers.
    vscode.commands.registerCommand(CommandId.ExportReport, (format?: unknown, target?: unknown) =>
      exportReport(() => dashboard.buildReport(), {
        format: typeof format === 'string' && ['md', 'html', 'json'].includes(format) ? (format as ReportFormat) : undefined,
        target: target instanceof vscode.Uri ? target : undefined,
      }),
    ),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        dashboard.attach(panel);
        return Promise.resolve();
      },
    }),
    store.onDidChange(follow),
    ...(view ? [view.provider.onDidChangeTreeData(follow)] : []),
    vscode.workspace.onDidGrantWorkspaceTrust(follow),
    vscode.commands.registerCommand(DASHBOARD_HANDLE_COMMAND, () => dashboard),
  );
  return dashboard;
}
