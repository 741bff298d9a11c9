// Inline suppression comments, as markdownlint and ESLint users expect:
//   # okr-lint-disable-next-line rule-id[, rule-id]   the next line only
//   # okr-lint-disable-line rule-id[, rule-id]        its own line (a trailing comment)
//   # okr-lint-disable rule-id[, rule-id]             from here to the end of the file (or an enable)
//   # okr-lint-enable rule-id[, rule-id]              undoes a disable
// With no rule ids, a comment applies to every rule. Text after ` -- ` is a note:
//   # okr-lint-disable-next-line kr-is-milestone -- the launch is the point this quarter

import { LineIndex } from './positions';

// The keyword must end at a space or the line's end: `okr-lint-disabled` is no directive.
const DIRECTIVE = /#\s*okr-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([^\n\r]*)/;

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  line: number;
  rules: string[] | 'all';
}

export function parseRuleList(rest: string): string[] | 'all' {
  const cleaned = rest.replace(/(^|\s)--(\s.*)?$/, '').trim();
  if (cleaned === '') return 'all';
  return cleaned.split(/[\s,]+/).filter(Boolean);
}

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const directives: Directive[] = [];
  if (text.includes('okr-lint-')) {
    for (let line = 0; line < lines.lineCount; line++) {
      const content = text.slice(lines.lineStart(line), lines.lineEnd(line));
      const m = DIRECTIVE.exec(content);
      // A '#' inside a quoted string is not a comment; a directive must follow whitespace or start the line.
      if (!m || (m.index > 0 && !/\s/.test(content[m.index - 1]))) continue;
      directives.push({ kind: m[1] as Directive['kind'], line, rules: parseRuleList(m[2]) });
    }
  }
  const covers = (d: Directive, ruleId: string) => d.rules === 'all' || d.rules.includes(ruleId);
  return {
    isSuppressed(ruleId: string, offset: number): boolean {
      if (directives.length === 0) return false;
      const line = lines.positionAt(offset).line;
      let disabled = false;
      for (const d of directives) {
        if (d.line > line) break;
        if (!covers(d, ruleId)) continue;
        if (d.kind === 'disable-next-line') {
          if (d.line === line - 1) return true;
        } else if (d.kind === 'disable-line') {
          if (d.line === line) return true;
        } else {
          disabled = d.kind === 'disable';
        }
      }
      return disabled;
    },
  };
}
