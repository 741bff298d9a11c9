// The org view across files (`--tree alignment`): company objectives at the top,
// the team objectives that name each as `parent:` beneath, progress rolled up as
// `progress_from` says, and the number of teams under each. Shared by `okr list`
// and `okr report`.

import type { AlignmentNode, AlignmentTree } from '../../core/alignment';
export { alignmentJson, type AlignmentJson, type AlignmentNodeJson } from '../../core/alignment';
import { printable } from '../../core/escape';
import { HEALTH_LABELS, percent, type Health } from '../../core/progress';
import { styleFor } from './ansi';
import { pushAll } from '../../core/arrays';

export const TREE_MODES = ['files', 'alignment'] as const;
export type TreeMode = (typeof TREE_MODES)[number];

/** The org view as indented text: one line per objective. */
export function alignmentText(tree: AlignmentTree, color: boolean, show: (absolutePath: string) => string): string {
  const style = styleFor(color);
  const tint = (h: Health) =>
    h === 'on-track' || h === 'done' ? style.green : h === 'at-risk' ? style.yellow : h === 'off-track' ? style.red : style.dim;
  // Rows first, so the columns line up over the whole tree.
  const rows: { depth: number; node: AlignmentNode; top: boolean }[] = [];
  const collect = (n: AlignmentNode, depth: number, top: boolean) => {
    rows.push({ depth, node: n, top });
    for (const c of n.children) collect(c, depth + 1, false);
  };
  for (const n of tree.roots) collect(n, 0, true);
  const firstUnaligned = rows.length;
  for (const n of tree.unaligned) collect(n, 1, false);
  let idWidth = 0;
  let healthWidth = 0;
  for (const r of rows) {
    idWidth = Math.max(idWidth, r.depth * 2 + printable(r.node.objective.id ?? '(no id)').length);
    healthWidth = Math.max(healthWidth, HEALTH_LABELS[r.node.health].length);
  }
  const line = ({ node: n, depth, top }: (typeof rows)[number]) => {
    const id = `${'  '.repeat(depth)}${printable(n.objective.id ?? '(no id)')}`.padEnd(idWidth);
    const progress = n.progress === undefined ? '-' : percent(n.progress);
    const details: string[] = [];
    if (top) details.push(n.teams.length === 0 ? 'no team aligns' : `${n.teams.length} team${n.teams.length === 1 ? '' : 's'}`);
    else details.push(n.file.team?.trim() || show(n.path));
    if (n.progressFrom !== 'key_results')
      details.push(`progress from ${n.progressFrom === 'both' ? 'key results and aligned objectives' : 'aligned objectives'}`);
    const label = HEALTH_LABELS[n.health];
    const health = tint(n.health)(label) + ' '.repeat(healthWidth - label.length);
    return (
      `${depth === 0 ? style.bold(id) : id}  ${progress.padStart(4)}  ${health}  ` +
      `${printable(n.objective.title ?? '(no title)')}  ${style.dim(`(${printable(details.join(', '))})`)}`
    );
  };
  const out = rows.slice(0, firstUnaligned).map(line);
  for (const loop of tree.loops) {
    out.push(
      style.yellow(
        `aligns_with goes round in a loop: ${loop.map((p) => printable(show(p))).join(' -> ')}. No file of it is at the top ` +
          "(the top file, the company's, has no aligns_with), so their objectives are listed as not aligned.",
      ),
    );
  }
  if (firstUnaligned === 0 && tree.loops.length === 0)
    out.push(style.dim('No OKR file is aligned to another (aligns_with: and parent:), so there is no org view yet.'));
  if (rows.length > firstUnaligned)
    pushAll(out, ['', style.bold('Not aligned to any objective above:')].concat(rows.slice(firstUnaligned).map(line)));
  return `${out.join('\n')}\n`;
}
