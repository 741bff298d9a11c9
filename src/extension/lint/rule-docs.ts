// A rule's documentation page as the user meets it: rendered, read-only. The pages
// ship in the extension (docs/rules/<id>.md); they are served under their own scheme,
// `okr-rule-docs:/<id>.md`, which has no writable file system behind it, and shown in
// the Markdown preview. The diagnostics' rule links and the "Show documentation" quick
// fix both come here (a link to the file itself would open it as editable text).

import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { docsPath } from '../../core/lint';
import { ruleById } from '../../core/rules';
import { CommandId } from '../command-ids';

export const RULE_DOCS_SCHEME = 'okr-rule-docs';

/** The read-only document of a rule's page. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId}.md` });
}

/** What a diagnostic's rule id links to: the command that opens the rendered page. */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: CommandId.ShowRuleDocs, query: JSON.stringify([ruleId]) });
}

/**
 * docs/rules/<id>.md of the extension, for registered rule ids only (the path comes
 * from a URI), as a read-only file system: editors of it refuse to type, and nothing
 * can be saved to it.
 */
export class RuleDocsFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  private fileOf(uri: vscode.Uri): string {
    const id = /^\/([a-z0-9-]+)\.md$/.exec(uri.path)?.[1];
    if (!id || !ruleById(id)) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.extensionUri, docsPath(id)).fsPath;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const s = await fs.stat(this.fileOf(uri));
    return { type: vscode.FileType.File, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return fs.readFile(this.fileOf(uri));
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.workspace.registerFileSystemProvider(RULE_DOCS_SCHEME, new RuleDocsFileSystem(context.extensionUri), {
    isReadonly: true,
    isCaseSensitive: true,
  });
}

/** Opens a rule's page rendered in the Markdown preview; as read-only text when there is no preview. */
export async function openRuleDocs(ruleId: string): Promise<void> {
  const uri = ruleDocsUri(ruleId);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
