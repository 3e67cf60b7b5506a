/** The playground's grid: draws the fake spreadsheet the sidebar works on. Text via textContent only. */
import { columnLetter } from '../core/headers';

interface SheetView {
  name: string;
  hidden: boolean;
  values: string[][];
  backgrounds: string[][];
  notes: string[][];
  bold: boolean[][];
}
interface State {
  sheets: SheetView[];
  active: string;
  selected: { sheet: string; cell: string } | null;
}

const grid = document.getElementById('grid') as HTMLTableElement;
const tabs = document.getElementById('tabs')!;
const errorBox = document.getElementById('error')!;
let shown: string | null = null;

function draw(state: State): void {
  const visible = state.sheets.filter((s) => !s.hidden);
  if (!shown || !visible.some((s) => s.name === shown)) shown = state.active;
  if (state.selected) shown = state.selected.sheet;
  const sheet = visible.find((s) => s.name === shown) ?? visible[0]!;
  const rows = Math.max(sheet.values.length + 3, 20);
  const cols = Math.max(sheet.values[0]?.length ?? 0, 8);

  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnLetter(c);
    head.append(th);
  }
  const body: HTMLTableRowElement[] = [head];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const rh = document.createElement('td');
    rh.className = 'rowhead';
    rh.textContent = String(r + 1);
    tr.append(rh);
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      const a1 = `${columnLetter(c)}${r + 1}`;
      td.dataset.cell = a1;
      td.textContent = sheet.values[r]?.[c] ?? '';
      const bg = sheet.backgrounds[r]?.[c];
      if (bg && bg !== '#ffffff') td.style.backgroundColor = bg;
      const note = sheet.notes[r]?.[c];
      if (note) {
        td.title = note;
        td.classList.add('has-note');
      }
      if (sheet.bold[r]?.[c]) td.classList.add('bold');
      if (state.selected?.sheet === sheet.name && state.selected.cell === a1) td.classList.add('selected');
      tr.append(td);
    }
    body.push(tr);
  }
  grid.replaceChildren(...body);
  grid.querySelector('td.selected')?.scrollIntoView({ block: 'center', inline: 'nearest' });

  tabs.replaceChildren(
    ...visible.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.name;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(s.name === sheet.name));
      b.addEventListener('click', () => void activate(s.name));
      return b;
    }),
  );
}

async function fetchState(url = '/api/state', init?: RequestInit): Promise<void> {
  const res = await fetch(url, init);
  const data = (await res.json()) as State | { error: string };
  if ('error' in data) {
    errorBox.textContent = data.error;
    return;
  }
  errorBox.textContent = '';
  draw(data);
}

async function activate(name: string): Promise<void> {
  shown = name;
  await fetchState('/api/activate', { method: 'POST', body: JSON.stringify({ sheet: name }) });
}

function reloadSidebar(): void {
  const frame = document.getElementById('sidebar') as HTMLIFrameElement;
  frame.src = '/sidebar';
}

document.getElementById('file')!.addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  shown = null;
  await fetchState('/api/load', {
    method: 'POST',
    body: await file.arrayBuffer(),
    headers: { 'x-filename': encodeURIComponent(file.name) },
  });
  reloadSidebar();
});
document.getElementById('reset')!.addEventListener('click', async () => {
  shown = null;
  await fetchState('/api/reset', { method: 'POST' });
  reloadSidebar();
});
window.addEventListener('message', (e) => {
  if (e.origin === location.origin && (e.data as { type?: string })?.type === 'dmc-changed') void fetchState();
});

void fetchState();
