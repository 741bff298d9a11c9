// The starter OKR file that "Create Starter OKR File" writes: a small, complete
// example whose comments explain every field, so a team can learn the format by
// editing it. It lints clean on the day it is written (test/core/starter.test.ts):
// a starter that greets its user with warnings would teach the wrong lesson.

import { isValidDate, quarterOf } from './dates';

export interface StarterOptions {
  /** "Today" as YYYY-MM-DD: the period is its quarter and the first check-ins are dated today. */
  today: string;
  /** Prefix of the example ids (`TEAM` gives TEAM-O1, TEAM-KR1...); ids are unique across a workspace. */
  idPrefix?: string;
}

/** The default id prefix, and the fallback for a prefix that would not make valid ids. */
export const STARTER_ID_PREFIX = 'TEAM';

/** The file name the command creates in a folder's root. */
export const STARTER_FILE_NAME = '.okr.yaml';

export function starterOkrFile(options: StarterOptions): string {
  const today = isValidDate(options.today) ? options.today : '2026-01-01';
  const p = options.idPrefix && /^[A-Za-z][A-Za-z0-9_]*$/.test(options.idPrefix) ? options.idPrefix : STARTER_ID_PREFIX;
  const period = quarterOf(today);
  return `# OKRs of one team for one period. OKR Lens shows them in the sidebar, lints them
# for the classic mistakes as you type, and links commits to key results through
# a \`Key-Result: ${p}-KR1\` trailer. Replace the examples with your own.
# Every rule has a page: run "OKR: Show Lint Rule Documentation...".

version: 1                      # the format version; always 1 for now
team: Your team                 # the team these OKRs belong to
period: ${period}                 # a quarter (YYYY-Qn), or { start: YYYY-MM-DD, end: YYYY-MM-DD }
check_in_every: fortnightly     # how often key results get a check-in: weekly, fortnightly, monthly, or days (7)
# aligns_with: ../company.okr.yaml   # optional: the parent OKR file; then give each objective a parent:
# lint: { kr-count: { max: 5 } }     # optional: per-file rule settings (off, error, warning, info, or options)
# closed: ${period.slice(0, 4)}-12-31              # written by "okr close": the period is over and graded
# retro: { went_well: ..., went_badly: ..., try_next: ... }   # written by "okr close": the team's reflection

objectives:
  # An objective is qualitative and ambitious: where the team wants to be, not a task.
  - id: ${p}-O1                  # unique across the workspace: a letter, then letters, digits, . _ -
    title: New users succeed on their first day
    owner: your-name            # who is accountable
    kind: aspirational          # aspirational (70% is a success) or committed (must be met in full)
    status: active              # active, done, or dropped (then add reason: to say why)
    # parent: CO-1              # with aligns_with: the objective of the parent file this one serves
    # due: ${period.slice(0, 4)}-12-15           # optional: when the objective ends before the period does
    # progress_from: key_results   # key_results (default), aligned (the team objectives whose parent: this is) or both
    # depends_on: [OTHER-KR3]      # optional: ids of key results or objectives (any OKR file) this one waits for

    # Two to four key results: measured outcomes that say, unambiguously, whether the
    # objective was reached. Write them "from X to Y", and give start and target.
    key_results:
      - id: ${p}-KR1
        title: Increase the share of sign-ups who finish setup on day one from 35% to 60%
        owner: your-name
        start: 35               # the baseline, at the beginning of the period
        target: 60              # a target below start means "decrease"
        # current: 35           # optional: the latest value, for teams that keep no check-ins (the latest check-in wins)
        unit: "%"               # the unit of start, target and current
        confidence: 0.5         # 0..1: how sure the owner is that the target will be reached (the latest check-in's wins)
        # depends_on: [${p}-KR2]   # optional: what this key result waits for, from any OKR file
        # score: 0.7            # written by "okr close": the final grade, 0.0 to 1.0
        # carried_from: ${p}-KR1@2026-Q3   # written by "okr next-period": the key result this one continues
        # source: { file: metrics/setup.json, pointer: /day_one/pct }   # optional: a metrics file CI writes; okr check-in --from-sources reads it
        check_ins:              # okr check-in ${p}-KR1 41 (or "OKR: Check In..."), every check_in_every days
          - { date: ${today}, confidence: 0.5, note: setup tracking starts this week }
      - id: ${p}-KR2
        title: Reduce setup support tickets from 120 to 40 per month
        owner: your-name
        start: 120
        target: 40
        unit: tickets
        confidence: 0.6
        check_ins:
          - { date: ${today}, confidence: 0.6 }

    # Initiatives are the work you plan to move the key results: deliverables, not outcomes.
    initiatives:
      - { id: ${p}-I1, title: Guided setup checklist, owner: your-name, status: planned }   # planned, in_progress, done, dropped
`;
}
