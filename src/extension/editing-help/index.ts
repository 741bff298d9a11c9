// Completion and hover for OKR ids: objective ids in `parent:` values of OKR files,
// key-result ids after the key-result trailer of a commit message (a git-commit
// editor or the Source Control input box), and a hover on any known id in either.
// Registration only: where the cursor is comes from text-context.ts, what is said
// about an id from id-info.ts, the items from completions.ts and hover.ts, the ids
// themselves from the store.

import * as vscode from 'vscode';
import { OKR_FILES_GLOB } from '../../core/workspace';
import type { OkrStore } from '../okr-store';
import { settingsFor } from '../settings/settings';
import { parentCompletions, slotRange, trailerCompletions } from './completions';
import { idHover } from './hover';
import { parentValueSlot, trailerValueSlot } from './text-context';

/** OKR files, whatever language mode the editor gives them. */
export const OKR_FILE_SELECTOR: vscode.DocumentSelector = [{ pattern: OKR_FILES_GLOB }];

/** Commit messages: `git commit`'s editor (COMMIT_EDITMSG) and the Source Control input box. */
export const COMMIT_MESSAGE_SELECTOR: vscode.DocumentSelector = [
  { language: 'git-commit' },
  { language: 'scminput' },
  { scheme: 'vscode-scm' },
];

export function registerEditingHelp(context: vscode.ExtensionContext, store: OkrStore): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      OKR_FILE_SELECTOR,
      {
        provideCompletionItems(document, position) {
          const slot = parentValueSlot(document.lineAt(position.line).text, position.character);
          if (!slot) return undefined;
          return parentCompletions(store, document, slotRange(position.line, slot));
        },
      },
      ' ',
      ':',
    ),
    vscode.languages.registerCompletionItemProvider(
      COMMIT_MESSAGE_SELECTOR,
      {
        provideCompletionItems(document, position) {
          const slot = trailerValueSlot(document.lineAt(position.line).text, position.character, settingsFor(document.uri).gitTrailer);
          if (!slot) return undefined;
          return trailerCompletions(store, slotRange(position.line, slot));
        },
      },
      ' ',
      ':',
    ),
    vscode.languages.registerHoverProvider(OKR_FILE_SELECTOR, {
      provideHover: (document, position) => idHover(store, document, position, false),
    }),
    vscode.languages.registerHoverProvider(COMMIT_MESSAGE_SELECTOR, {
      provideHover: (document, position) => idHover(store, document, position, true),
    }),
  );
}
