// OKR: Export Report...: the same files `okr report` writes (the core renders both),
// for the workspace's OKR files as the editor has them, to a file the user picks.
// Not in Restricted Mode, where nothing writes.

import * as vscode from 'vscode';
import { REPORT_EXTENSIONS, renderReport, type ReportData, type ReportFormat } from '../../core/report';

const CHOICES: { format: ReportFormat; label: string; detail: string }[] = [
  { format: 'html', label: 'HTML', detail: 'One self-contained file with SVG charts; prints to PDF with a page per objective' },
  { format: 'md', label: 'Markdown', detail: 'Tables and Mermaid burn-ups, for a pull request, an issue or a wiki' },
  { format: 'json', label: 'JSON', detail: 'The numbers, as `okr report --format json` writes them' },
];

export async function exportReport(
  build: () => ReportData,
  options: { format?: ReportFormat; target?: vscode.Uri } = {},
): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('OKR Lens writes no file in Restricted Mode. Trust this workspace to export a report.');
    return undefined;
  }
  let format = options.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      CHOICES.map((c) => ({ label: c.label, detail: c.detail, format: c.format })),
      { title: 'Export OKR Report', placeHolder: 'Format of the report' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const report = build();
  let target = options.target;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `okr-report-${report.today}.${REPORT_EXTENSIONS[format]}`;
    target = await vscode.window.showSaveDialog({
      title: 'Export OKR Report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [CHOICES.find((c) => c.format === format)!.label]: [REPORT_EXTENSIONS[format]] },
    });
    if (!target) return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReport(report, format)));
  } catch (err) {
    void vscode.window.showErrorMessage(`OKR Lens could not write ${vscode.workspace.asRelativePath(target)}: ${(err as Error).message}`);
    return undefined;
  }
  const open = 'Open';
  void vscode.window.showInformationMessage(`Report written to ${vscode.workspace.asRelativePath(target)}.`, open).then((choice) => {
    if (choice !== open) return;
    if (format === 'html') void vscode.env.openExternal(target);
    else void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}
