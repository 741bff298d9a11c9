// The dashboard's webview panel: one per window, its page (page.ts), the content built
// from the store and posted to the page's script, and the messages the page sends back.

import * as vscode from 'vscode';
import { buildReport, type ReportData } from '../../core/report';
import type { OkrStore } from '../okr-store';
import { findKeyResultEntry, selectionSpan } from '../tree/nodes';
import type { ObjectivesViewHandle } from '../tree/objectives-view';
import { dashboardPage, newNonce } from './page';
import { dashboardBody, filterChoices } from './render';

export const DASHBOARD_VIEW_TYPE = 'okr.dashboard';
/** The check-in command of the check-ins feature; the button shows only when it is registered. */
export const CHECK_IN_COMMAND = 'okr.checkIn';
/** Hidden: the in-host suites reach the dashboard through it. */
export const DASHBOARD_HANDLE_COMMAND = '_okr.dashboard';
/** Edits come keystroke by keystroke; one render after they pause is enough. */
const RENDER_DEBOUNCE_MS = 150;

export type DashboardMessage =
  | { type: 'ready' }
  | { type: 'reveal'; file?: string; id?: string }
  | { type: 'checkIn'; file?: string; id?: string }
  | { type: 'rendered'; renderId: number; ms: number; charts: number };

/** What the in-host suites read of the dashboard. */
export interface DashboardHandle {
  readonly panel: vscode.WebviewPanel | undefined;
  /** The last content posted, and its number. */
  readonly lastRender: { renderId: number; html: string; report: ReportData } | undefined;
  /** The last "rendered" report from the page, with the time it took there. */
  readonly lastRendered: { renderId: number; ms: number; charts: number; sinceOpenMs: number } | undefined;
  /** Fires when the page says it has put a render in place. */
  readonly onDidRender: vscode.Event<{ renderId: number; ms: number; charts: number }>;
  /** Handles a message as if the page had sent it. */
  receive(message: DashboardMessage): Promise<void>;
  /** The page's full HTML (CSP, nonce), as set on the webview. */
  readonly pageHtml: string | undefined;
}

function isMessage(m: unknown): m is DashboardMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export class Dashboard implements DashboardHandle {
  panel: vscode.WebviewPanel | undefined;
  lastRender: DashboardHandle['lastRender'];
  lastRendered: DashboardHandle['lastRendered'];
  pageHtml: string | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<{ renderId: number; ms: number; charts: number }>();
  readonly onDidRender = this.renderedEmitter.event;
  private renderId = 0;
  private openedAt = 0;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly panelSubscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: OkrStore,
    private readonly view: ObjectivesViewHandle | undefined,
  ) {}

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'OKR Dashboard', vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel);
  }

  webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // The page's script and nothing else: no file of the workspace.
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')],
      enableFindWidget: true,
    };
  }

  attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.openedAt = performance.now();
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'okr.svg');
    panel.webview.options = this.webviewOptions();
    this.pageHtml = this.page(panel.webview);
    panel.webview.html = this.pageHtml;
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isMessage(m)) void this.receive(m);
      }),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.renderSoon(0);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.pageHtml = undefined;
        for (const d of this.panelSubscriptions.splice(0)) d.dispose();
      }),
    );
  }

  private page(webview: vscode.Webview): string {
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', 'dashboard.js'));
    return dashboardPage({ nonce: newNonce(), scriptUri: script.toString(), cspSource: webview.cspSource });
  }

  renderSoon(delay = RENDER_DEBOUNCE_MS): void {
    if (!this.panel || !this.ready) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render();
    }, delay);
  }

  private async canCheckIn(): Promise<boolean> {
    if (!vscode.workspace.isTrusted) return false;
    const all = await vscode.commands.getCommands(true);
    return all.includes(CHECK_IN_COMMAND);
  }

  buildReport(): ReportData {
    const states = this.store.files();
    const source = this.view?.linkedWorkSource();
    const repositories = source?.repositoryCommits?.();
    return buildReport({
      files: states.map((s) => ({
        path: vscode.workspace.asRelativePath(s.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
        file: s.result.file,
      })),
      today: this.store.today(),
      repositories: repositories && repositories.length > 0 ? repositories : undefined,
    });
  }

  async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const report = this.buildReport();
    const html = dashboardBody(report, { canCheckIn: await this.canCheckIn(), restricted: !vscode.workspace.isTrusted });
    const { teams, owners } = filterChoices(report);
    const renderId = ++this.renderId;
    this.lastRender = { renderId, html, report };
    await panel.webview.postMessage({ type: 'render', renderId, html, teams, owners });
  }

  async receive(message: DashboardMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // "Loading…" until the first scan is done, rather than "no OKR files".
        await this.store.ready;
        this.ready = true;
        await this.render();
        return;
      case 'rendered':
        this.lastRendered = {
          renderId: message.renderId,
          ms: message.ms,
          charts: message.charts,
          sinceOpenMs: performance.now() - this.openedAt,
        };
        this.renderedEmitter.fire({ renderId: message.renderId, ms: message.ms, charts: message.charts });
        return;
      case 'reveal': {
        const target = this.keyResultTarget(message.id);
        if (!target) return;
        // Beside the dashboard, so it stays in view (in an editor of the file if one is open).
        const document = await vscode.workspace.openTextDocument(target.uri);
        const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.uri.toString());
        const selection = new vscode.Range(document.positionAt(target.span.start), document.positionAt(target.span.end));
        await vscode.window.showTextDocument(document, { selection, viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside });
        return;
      }
      case 'checkIn': {
        // The page only offers it when allowed; a message is checked again all the same.
        if (!message.id || !(await this.canCheckIn())) return;
        await vscode.commands.executeCommand(CHECK_IN_COMMAND, message.id);
        return;
      }
    }
  }

  private keyResultTarget(id: string | undefined): { uri: vscode.Uri; span: { start: number; end: number } } | undefined {
    if (!id) return undefined;
    const found = this.store.findDefinition(id);
    if (found?.definition.kind !== 'key-result') return undefined;
    const entry = findKeyResultEntry(found.state.result.file, id);
    if (!entry) return undefined;
    return { uri: found.state.uri, span: selectionSpan(entry.keyResult.keyResult.spans) };
  }
}
