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
  grid.dataset.sheet = sheet.name;
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

interface Draft {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; size: number; url: string }>;
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, value: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = value;
  return node;
}

async function drawDrafts(): Promise<void> {
  const list = (await (await fetch('/api/drafts')).json()) as Draft[];
  document.getElementById('draft-count')!.textContent = String(list.length);
  const box = document.getElementById('draft-list')!;
  box.replaceChildren(
    ...list.map((d) => {
      const card = document.createElement('article');
      card.className = 'draft';
      card.dataset.id = d.id;
      const dl = document.createElement('dl');
      for (const [k, v] of [
        ['From', d.from],
        ['To', d.to],
        ['Subject', d.subject],
      ] as const) {
        dl.append(text('dt', k), text('dd', v));
      }
      card.append(dl, text('pre', d.text));
      for (const a of d.attachments) {
        const link = text('a', `📎 ${a.filename} (${Math.round(a.size / 1024)} KB)`);
        link.href = a.url;
        link.setAttribute('download', a.filename);
        card.append(link);
      }
      return card;
    }),
  );
}

/** Double-click a cell to type into it, as in Sheets; Enter saves, Escape cancels. */
grid.addEventListener('dblclick', (e) => {
  const td = (e.target as HTMLElement).closest('td[data-cell]') as HTMLTableCellElement | null;
  if (!td || td.querySelector('input')) return;
  const input = document.createElement('input');
  input.value = td.textContent ?? '';
  input.setAttribute('aria-label', td.dataset.cell!);
  td.replaceChildren(input);
  input.focus();
  input.addEventListener('keydown', (k) => {
    if (k.key === 'Escape') void fetchState();
    if (k.key !== 'Enter') return;
    void fetchState('/api/edit', {
      method: 'POST',
      body: JSON.stringify({ sheet: grid.dataset.sheet, cell: td.dataset.cell, value: input.value }),
    });
  });
});

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
  if (e.origin === location.origin && (e.data as { type?: string })?.type === 'dmc-changed') {
    void fetchState();
    void drawDrafts();
    void drawDrafts();
  }
});

void fetchState();
void drawDrafts();
