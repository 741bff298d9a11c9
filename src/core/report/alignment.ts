// The org view in a report (`okr report --tree alignment`): company objectives with
// rolled-up progress and the number of teams, the team objectives aligned to each
// beneath. All user text through the report's escaping.

import type { AlignmentJson, AlignmentNodeJson } from '../alignment';
import { escapeMarkdownInline as md, escapeXml as x } from '../markup';
import { HEALTH_LABELS, percent } from '../progress';

const progressText = (n: AlignmentNodeJson) => (n.progress === null ? '-' : percent(n.progress));
const teamsText = (n: AlignmentNodeJson) => (n.teams === 0 ? 'no team aligns' : `${n.teams} team${n.teams === 1 ? '' : 's'}`);
const name = (n: AlignmentNodeJson) => `${n.id ?? '(no id)'} ${n.title ?? '(no title)'}`;

function rows(nodes: readonly AlignmentNodeJson[], depth: number, out: { node: AlignmentNodeJson; depth: number }[]) {
  for (const n of nodes) {
    out.push({ node: n, depth });
    rows(n.children, depth + 1, out);
  }
  return out;
}

export function markdownAlignment(a: AlignmentJson): string {
  const out = ['## Alignment across teams', ''];
  if (a.objectives.length === 0) {
    out.push('No OKR file is aligned to another (`aligns_with:` and `parent:`).');
    return out.join('\n');
  }
  out.push('| Objective | Progress | Health | Teams | File |', '| --- | --- | --- | --- | --- |');
  for (const { node, depth } of rows(a.objectives, 0, [])) {
    const indent = '↳ '.repeat(depth);
    const label = depth === 0 ? `**${md(name(node))}**` : md(name(node));
    out.push(
      `| ${indent}${label} | ${progressText(node)} | ${HEALTH_LABELS[node.health]} | ` +
        `${depth === 0 ? teamsText(node) : md(node.team ?? '')} | ${md(node.file)} |`,
    );
  }
  if (a.unaligned.length) out.push('', `Not aligned to any objective above: ${a.unaligned.map((n) => md(n.id ?? '(no id)')).join(', ')}.`);
  return out.join('\n');
}

export function alignmentHtml(a: AlignmentJson): string {
  const out = ['<section class="alignment">', '<h2>Alignment across teams</h2>'];
  if (a.objectives.length === 0) {
    out.push('<p>No OKR file is aligned to another (<code>aligns_with:</code> and <code>parent:</code>).</p>', '</section>');
    return out.join('\n');
  }
  out.push('<table>', '<thead><tr><th>Objective</th><th>Progress</th><th>Health</th><th>Teams</th><th>File</th></tr></thead>', '<tbody>');
  for (const { node, depth } of rows(a.objectives, 0, [])) {
    const cell =
      depth === 0 ? `<strong>${x(name(node))}</strong>` : `<span style="padding-left:${depth * 1.5}em">↳ ${x(name(node))}</span>`;
    out.push(
      `<tr><td>${cell}</td><td>${progressText(node)}</td><td>${HEALTH_LABELS[node.health]}</td>` +
        `<td>${depth === 0 ? teamsText(node) : x(node.team ?? '')}</td><td>${x(node.file)}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>');
  if (a.unaligned.length)
    out.push(`<p>Not aligned to any objective above: ${a.unaligned.map((n) => x(n.id ?? '(no id)')).join(', ')}.</p>`);
  out.push('</section>');
  return out.join('\n');
}
