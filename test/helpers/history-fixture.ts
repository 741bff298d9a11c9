// History fixtures: a real repository in a temporary folder with a fixture's
// earlier version committed first, for the rules that read git history.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readFileHistories } from '../../src/core/git/okr-history';
import { lintSources } from '../../src/core/workspace';
import { parseOkr } from '../../src/core/parse';
import type { Finding } from '../../src/core/model';
import { TempRepo } from './git-repo';
import { readToday } from './fixtures';

export const HISTORY_FIXTURES = path.join(__dirname, '..', 'fixtures', 'history');

/** The environment of a commit at a given day (noon UTC). */
export function on(day: string): NodeJS.ProcessEnv {
  const date = `${day}T12:00:00+00:00`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
}

/** Lints the file at `relative` in the repository with its history read, as okr lint --history and the editor do. */
export async function lintWithHistory(
  repo: TempRepo,
  relative: string,
  today: string,
): Promise<{ text: string; findings: Finding[]; untracked: string[] }> {
  const absolute = path.join(repo.dir, relative);
  const text = readFileSync(absolute, 'utf8');
  const read = await readFileHistories(repo.ctx, [{ path: absolute, period: parseOkr(text, absolute).file.period }]);
  const lint = lintSources([{ path: absolute, text }], { today, historyFor: (p) => read.histories.get(p) });
  return { text, findings: lint.files[0].result.findings, untracked: read.untracked };
}

/** A history fixture `<name>.okr.yaml` committed over `<name>.before.okr.yaml`: the findings, for meta-tests. */
export async function historyFixtureFindings(
  name: string,
  beforeDay = '2026-10-05',
  afterDay = '2026-11-10',
): Promise<{ text: string; findings: Finding[] }> {
  const repo = TempRepo.create();
  try {
    const before = readFileSync(path.join(HISTORY_FIXTURES, `${name}.before.okr.yaml`), 'utf8');
    const after = readFileSync(path.join(HISTORY_FIXTURES, `${name}.okr.yaml`), 'utf8');
    repo.commit('Plan the quarter', { files: { 'okrs/platform.okr.yaml': before }, env: on(beforeDay) });
    repo.commit('Update the plan', { files: { 'okrs/platform.okr.yaml': after }, env: on(afterDay) });
    const { findings } = await lintWithHistory(repo, 'okrs/platform.okr.yaml', readToday(after));
    return { text: after, findings };
  } finally {
    repo.remove();
  }
}
