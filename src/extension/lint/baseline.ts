// "Add `start:`" for kr-no-baseline. The baseline is a fact only the team knows (the
// value when the period began), so this is no certain fix for "fix all": it inserts
// the key and leaves the cursor where the value goes, as a snippet.

import { insertFieldEdit } from '../../core/edits';
import type { KeyResult, TextEdit } from '../../core/model';

/** Where `start:` goes: after `owner:` or `title:` in block style (the format's order), before `}` in flow style. */
export function baselineInsertion(text: string, kr: KeyResult): TextEdit {
  const after = ['owner', 'title', 'id'].find((k) => kr.spans.values[k] !== undefined);
  return insertFieldEdit(text, kr.spans, 'start', '', after);
}

/** The insertion as snippet text: the inserted text escaped, then `start: ` and the cursor. */
export function baselineSnippet(edit: TextEdit): string {
  const escaped = edit.newText.replace(/[\\$}]/g, (c) => `\\${c}`);
  return `${escaped} \${1}`;
}

/** The key result whose `title:` value is `span` (kr-no-baseline reports on the title). */
export function keyResultAtTitle(
  objectives: readonly { keyResults: readonly KeyResult[] }[],
  span: { start: number; end: number },
): KeyResult | undefined {
  for (const o of objectives) {
    for (const kr of o.keyResults) {
      const title = kr.spans.values.title;
      if (title?.start === span.start && title.end === span.end) return kr;
    }
  }
  return undefined;
}
