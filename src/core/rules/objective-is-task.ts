import { quoteTitle } from '../escape';
import type { Rule, RuleReport } from '../rule';
import { objectiveTaskCue, stringList, taskLexicon } from '../phrasing';
import { activeObjectives } from './utils/active';

export interface ObjectiveIsTaskOptions {
  /** More verbs that name work rather than a result ("spike", "hand off"). */
  extraVerbs: string[];
  /** Built-in verbs this team accepts in objectives ("automate"). */
  ignoreVerbs: string[];
}

// The guide: "Write objectives as outcomes, not tasks"; 'Improve platform reliability'
// defines an outcome, 'Complete the migration to Kubernetes' prescribes a solution.
export const objectiveIsTask: Rule<ObjectiveIsTaskOptions> = {
  id: 'objective-is-task',
  description: 'An objective states an outcome ("Customers can rely on our platform"), not a task ("Migrate to Kubernetes").',
  defaultSeverity: 'warning',
  defaultOptions: { extraVerbs: [], ignoreVerbs: [] },
  optionsSchema: {
    extraVerbs: { type: 'string-list', description: 'More verbs that name work rather than a result ("spike", "hand off").' },
    ignoreVerbs: { type: 'string-list', description: 'Built-in verbs this team accepts in objectives ("automate").' },
  },
  check({ file, options }) {
    const reports: RuleReport[] = [];
    const lexicon = taskLexicon(stringList(options.extraVerbs), stringList(options.ignoreVerbs));
    for (const o of activeObjectives(file)) {
      const span = o.spans.values.title;
      if (!o.title || !span) continue;
      const cue = objectiveTaskCue(o.title, lexicon);
      if (!cue) continue;
      const shown = cue.kind === 'verb' ? `a task ("${cue.words}")` : `a piece of work ("${cue.words}")`;
      reports.push({
        message:
          `Objective ${quoteTitle(o.title)} is phrased as ${shown}, not an outcome. Write objectives as outcomes, not tasks: ` +
          `say what changes for customers or the business (the guide prefers "Improve platform reliability" to ` +
          `"Complete the migration to Kubernetes"), and list the work under \`initiatives:\`.`,
        span,
      });
    }
    return reports;
  },
};
