// The dashboard page's script (its own small bundle, dist/webview/dashboard.js). The
// extension host renders the content; this script puts it in place, applies the team
// and owner filters, keeps them across reloads (getState/setState) and forwards
// clicks as messages. It builds no markup from data: options get textContent.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface FilterState {
  team: string;
  owner: string;
}

interface RenderMessage {
  type: 'render';
  renderId: number;
  html: string;
  teams: string[];
  owners: string[];
}

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as Partial<FilterState>;
const state: FilterState = {
  team: typeof saved.team === 'string' ? saved.team : '',
  owner: typeof saved.owner === 'string' ? saved.owner : '',
};

const content = document.getElementById('content')!;
const teamSelect = document.getElementById('team') as HTMLSelectElement;
const ownerSelect = document.getElementById('owner') as HTMLSelectElement;
const statusLine = document.getElementById('status')!;

function fillSelect(select: HTMLSelectElement, values: string[], all: string, selected: string): void {
  select.replaceChildren();
  const first = document.createElement('option');
  first.value = '';
  first.textContent = all;
  select.append(first);
  for (const v of values) {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = v;
    select.append(o);
  }
  // A filter whose team or owner is gone shows everything again.
  select.value = values.includes(selected) ? selected : '';
}

function applyFilters(): void {
  let shown = 0;
  for (const file of Array.from(content.querySelectorAll<HTMLElement>('section.file'))) {
    const teamMatch = state.team === '' || file.dataset.team === state.team;
    let objectivesShown = 0;
    for (const objective of Array.from(file.querySelectorAll<HTMLElement>('section.objective'))) {
      let visible = 0;
      for (const kr of Array.from(objective.querySelectorAll<HTMLElement>('article.kr'))) {
        const match = state.owner === '' || kr.dataset.owner === state.owner;
        kr.classList.toggle('hidden', !match);
        if (match) visible++;
      }
      const owners = (objective.dataset.owners ?? '').split('\n');
      const objectiveMatch = state.owner === '' || visible > 0 || owners.includes(state.owner);
      objective.classList.toggle('hidden', !objectiveMatch);
      if (objectiveMatch) objectivesShown++;
      if (teamMatch && objectiveMatch) shown += visible;
    }
    // An owner filter leaves out a file none of whose objectives it keeps: not its heading alone.
    file.classList.toggle('hidden', !teamMatch || (state.owner !== '' && objectivesShown === 0));
  }
  statusLine.textContent = state.team || state.owner ? `${shown} key result${shown === 1 ? '' : 's'} shown` : '';
}

function onFilterChange(): void {
  state.team = teamSelect.value;
  state.owner = ownerSelect.value;
  vscode.setState(state);
  applyFilters();
}
teamSelect.addEventListener('change', onFilterChange);
ownerSelect.addEventListener('change', onFilterChange);

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('button[data-action]');
  if (!target) return;
  vscode.postMessage({ type: target.dataset.action, file: target.dataset.file, id: target.dataset.id });
});

window.addEventListener('message', (event: MessageEvent<RenderMessage>) => {
  const message = event.data;
  if (message?.type !== 'render') return;
  const started = performance.now();
  const scroll = window.scrollY;
  fillSelect(teamSelect, message.teams, 'All teams', state.team);
  fillSelect(ownerSelect, message.owners, 'All owners', state.owner);
  state.team = teamSelect.value;
  state.owner = ownerSelect.value;
  // Built by the extension host with every user text escaped (see dashboard/render.ts).
  content.innerHTML = message.html;
  content.setAttribute('aria-busy', 'false');
  applyFilters();
  window.scrollTo(0, scroll);
  vscode.postMessage({
    type: 'rendered',
    renderId: message.renderId,
    ms: performance.now() - started,
    charts: content.querySelectorAll('svg.okr-chart').length,
  });
});

vscode.postMessage({ type: 'ready' });

export {};
