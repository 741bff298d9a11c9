import { replaceScalarEdit } from '../edits';
import type { CheckIn, KeyResult } from '../model';
import { shownValue } from '../escape';
import { latestCheckInWith } from '../progress';
import type { Rule, RuleReport } from '../rule';

// The latest check-in is a key result's current value and confidence; `current:` and
// `confidence:` are a shorthand for teams that keep no history. When both are written
// and disagree, the file says two things: a reader of the YAML sees one number, the
// tree and `okr list` show the other.
export const currentDisagrees: Rule<Record<string, never>> = {
  id: 'current-disagrees',
  description: "A key result's `current:` and `confidence:` agree with its latest check-in, which wins over them.",
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: true,
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const o of file.objectives) {
      for (const kr of o.keyResults) {
        const value = latestCheckInWith(kr, 'value');
        if (value && kr.current !== undefined && value.value !== kr.current)
          reports.push(report(file.text, kr, 'current', kr.current, value, value.value!));
        const confidence = latestCheckInWith(kr, 'confidence');
        if (confidence && kr.confidence !== undefined && confidence.confidence !== kr.confidence) {
          reports.push(report(file.text, kr, 'confidence', kr.confidence, confidence, confidence.confidence!));
        }
      }
    }
    return reports;
  },
};

function report(
  text: string,
  kr: KeyResult,
  field: 'current' | 'confidence',
  written: number,
  latest: CheckIn,
  latestValue: number,
): RuleReport {
  const span = kr.spans.values[field];
  const name = kr.id ? `Key result ${shownValue(kr.id)}` : 'This key result';
  const what = field === 'current' ? 'value' : 'confidence';
  const shown = text.slice(span.start, span.end);
  // Only a plain number is replaced: an alias or a quoted value is the user's to change.
  const plain = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(shown);
  return {
    message:
      `${name} has \`${field}: ${written}\` but its latest check-in (${latest.date}) says ${latestValue}; the check-in wins, ` +
      `so the tree and \`okr list\` show ${latestValue}. Keep \`${field}:\` in step with the latest check-in's ${what}, or remove it.`,
    span,
    ...(plain
      ? {
          fixes: [
            { title: `Use the latest check-in (${field}: ${latestValue})`, edits: [replaceScalarEdit(text, span, String(latestValue))] },
          ],
        }
      : {}),
  };
}
