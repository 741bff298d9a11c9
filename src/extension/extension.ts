// Activation: wires the core to VS Code. PLACEHOLDER until the extension work lands.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('okr.refresh', () => undefined));
}

export function deactivate(): void {}
