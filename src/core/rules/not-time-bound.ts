import { quarterOf } from '../dates';
import { insertTopLevelFieldEdit } from '../edits';
import { shownValue } from '../escape';
import type { Span, TextEdit } from '../model';
import type { Rule, RuleReport, NoOptions } from '../rule';

/** Writes `value` where an empty (`period:`) or null (`period: ~`) value stands, keeping a trailing comment apart. */
function fillEmptyValue(text: string, span: Span, value: string): TextEdit {
  const space = text.charAt(span.start - 1) === ':' ? ' ' : '';
  const gap = text.charAt(span.end) === '#' ? ' ' : '';
  return { start: span.start, end: span.end, newText: `${space}${value}${gap}` };
}

// The guide: objectives are "ambitious, qualitative, and time-bound — typically
// quarterly". Without a period or a due date nobody can tell whether a result is
// late, and pace, staleness and end-of-period reviews have nothing to measure against.
export const notTimeBound: Rule<NoOptions> = {
  id: 'not-time-bound',
  description: 'Objectives are time-bound: the file has a `period:` or the objective a `due:` date.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: true,
  check({ file, context }) {
    if (file.period) return [];
    // A `period:` that is written but malformed is a schema error; saying "add a period" would mislead.
    const written = file.spans.values.period;
    if (written && !/^\s*(~|null|Null|NULL)?\s*$/.test(file.text.slice(written.start, written.end))) return [];
    const quarter = quarterOf(context.today);
    const reports: RuleReport[] = [];
    for (const o of file.objectives) {
      if (o.due || o.spans.values.due) continue; // a malformed `due:` is the schema rule's to report
      if (o.status !== 'active') continue;
      const span = o.spans.values.title ?? o.spans.values.id ?? { start: o.spans.node.start, end: o.spans.node.start };
      const name = o.id ? `Objective ${shownValue(o.id)}` : 'This objective';
      // Every finding offers the same edit; applying it twice inserts it once (see applyEdits).
      const edit = written
        ? fillEmptyValue(file.text, written, quarter)
        : insertTopLevelFieldEdit(file.text, file.spans, 'period', quarter, ['team', 'version']);
      const fixes = [{ title: `${written ? 'Set' : 'Add'} \`period: ${quarter}\``, edits: [edit] }];
      reports.push({
        message:
          `${name} is not time-bound: the file has no \`period:\` and the objective no \`due:\`. ` +
          `Objectives should be time-bound, typically quarterly: add \`period: ${quarter}\` at the top of the file, or a \`due:\` ` +
          `date here.`,
        span,
        fixes,
      });
    }
    return reports;
  },
};
