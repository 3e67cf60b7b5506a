/**
 * The playground's page: draws the fake spreadsheet the sidebar works on (the active sheet, as Sheets
 * shows it), its tabs, notes and drafts, and opens the user's files. Text via textContent only.
 */
import { columnIndex, columnLetter } from '../core/headers';
import type { Msg } from '../core/types';
import type { DraftView, PageState } from './session';

type Lang = 'th' | 'en';
type View = PageState & { busy: boolean; pending: number };

/** Rows the grid draws at most (the rest exist; the sidebar and results sheet see them all). */
const MAX_ROWS = 2_000;

const WORDS = {
  th: {
    title: 'ตรวจข้อมูล DMC · ทดลองใช้',
    open: 'เปิดไฟล์ของคุณ (.xlsx / .csv)',
    reset: 'ใช้ไฟล์ตัวอย่าง',
    loaded: 'กำลังแสดง:',
    example: '(ไฟล์ตัวอย่าง)',
    privacy: 'ไฟล์ถูกอ่านบนเครื่องนี้เท่านั้น ไม่ถูกส่งไปที่ใด',
    busy: (n: number) => `กำลังทำงาน…${n > 1 ? ` (รออยู่ ${n} คำสั่ง)` : ''}`,
    opening: (name: string) => `กำลังเปิด ${name}…`,
    close: 'ปิด',
    grid: (sheet: string) => `ตารางของแผ่นงาน ${sheet}`,
    tabs: 'แผ่นงาน',
    corner: 'แถว / คอลัมน์',
    drafts: 'ฉบับร่าง Gmail (จำลอง)',
    draftsHelp: 'ฉบับร่างที่ส่วนเสริมสร้างใน playground อยู่ที่นี่เท่านั้น ไม่มีอีเมลใดถูกส่ง',
    from: 'จาก',
    to: 'ถึง',
    subject: 'เรื่อง',
    attachment: 'ไฟล์แนบ:',
    cell: (a1: string) => `เซลล์ ${a1}`,
    failed: 'ติดต่อ playground ไม่สำเร็จ — ยังเปิด npm start อยู่หรือไม่',
    sidebar: 'แถบตรวจสอบ',
    more: (n: number) => `… และอีก ${n.toLocaleString()} แถว (playground แสดงเพียง ${MAX_ROWS.toLocaleString()} แถวแรก)`,
    moreNotes: (n: number) => `… และหมายเหตุอีก ${n.toLocaleString()} เซลล์ในช่วงที่ผสานนี้`,
  },
  en: {
    title: 'DMC roster check · playground',
    open: 'Open your file (.xlsx / .csv)',
    reset: 'Use the example',
    loaded: 'Showing:',
    example: '(the example)',
    privacy: 'Files are read on this machine only, never sent anywhere',
    busy: (n: number) => `Working…${n > 1 ? ` (${n} requests waiting)` : ''}`,
    opening: (name: string) => `Opening ${name}…`,
    close: 'Close',
    grid: (sheet: string) => `Grid of sheet ${sheet}`,
    tabs: 'Sheets',
    corner: 'Row / column',
    drafts: 'Gmail drafts (simulated)',
    draftsHelp: 'Drafts the add-on makes in the playground stay here; no email is sent',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    attachment: 'Attachment:',
    cell: (a1: string) => `Cell ${a1}`,
    failed: 'Could not reach the playground — is npm start still running?',
    sidebar: 'Sidebar',
    more: (n: number) =>
      `… and ${n.toLocaleString()} more rows (the playground draws the first ${MAX_ROWS.toLocaleString()})`,
    moreNotes: (n: number) => `… and notes on ${n.toLocaleString()} more cells of this merge`,
  },
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLTableElement>('grid');
const wrap = $('grid-wrap');
const tabs = $('tabs');
const pop = $('note-pop');

let lang: Lang = 'th';
let view: View | null = null;
/** The error on screen: it stays until the user closes it or opens another file. */
let error: Msg | null = null;
/** The selection last scrolled to: a redraw scrolls only when the selection changes. */
let scrolledTo = '';
/** Requests this page is waiting for (the sidebar's are counted by the server). */
let waiting = 0;
let opening = '';
let poll: ReturnType<typeof setTimeout> | null = null;

const w = () => WORDS[lang];

function showError(msg: Msg | null): void {
  error = msg;
  $('error').hidden = !msg;
  $('error-text').textContent = msg ? msg[lang] : '';
}

function renderWords(): void {
  const s = w();
  document.documentElement.lang = lang;
  document.title = `${s.title} (playground)`;
  $('title').textContent = s.title;
  $('file-label').textContent = s.open;
  $('reset').textContent = s.reset;
  $('privacy').textContent = s.privacy;
  $('error-close').textContent = s.close;
  $('drafts-title').textContent = s.drafts;
  $('drafts-help').textContent = s.draftsHelp;
  $('tabs').setAttribute('aria-label', s.tabs);
  $('tabs-nav').setAttribute('aria-label', s.tabs);
  $('sidebar-box').setAttribute('aria-label', s.sidebar);
  if (error) $('error-text').textContent = error[lang];
  const loaded = $('loaded');
  loaded.replaceChildren();
  if (view) {
    const name = document.createElement('b');
    name.textContent = view.source.name;
    loaded.append(`${s.loaded} `, name, view.source.example ? ` ${s.example}` : '');
  }
  renderBusy();
}

function renderBusy(): void {
  const n = waiting + (view?.pending ?? 0);
  $('busy').textContent = opening ? w().opening(opening) : n > 0 ? w().busy(n) : '';
}

function cellOf(el: EventTarget | null): HTMLTableCellElement | null {
  return (el as HTMLElement | null)?.closest?.('td[data-cell]') ?? null;
}

/** The note of a cell in a box beside it, as Sheets shows a note on hover or selection. */
function showNote(td: HTMLTableCellElement | null): void {
  const note = td?.dataset.note;
  const r = td?.getBoundingClientRect();
  // The visible part of the grid: below the column letters, right of the row numbers.
  const box = wrap.getBoundingClientRect();
  const top = box.top + (grid.tHead?.getBoundingClientRect().height ?? 0);
  const left = box.left + (grid.querySelector('th.rowhead')?.getBoundingClientRect().width ?? 0);
  const visible = r && r.bottom > top && r.top < box.bottom && r.right > left && r.left < box.right;
  grid.querySelector('[aria-describedby="note-pop"]')?.removeAttribute('aria-describedby');
  if (!td || !note || !r || !visible) {
    pop.hidden = true;
    return;
  }
  pop.textContent = note;
  pop.hidden = false;
  td.setAttribute('aria-describedby', 'note-pop');
  const width = pop.offsetWidth;
  // Beside the cell, inside the grid: to its right when there is room, else to its left.
  const x = r.right + 4 + width <= box.right ? r.right + 4 : Math.max(left, r.left - width - 4);
  pop.style.left = `${x}px`;
  pop.style.top = `${Math.min(Math.max(r.top, top), box.bottom - pop.offsetHeight - 4)}px`;
}

const selectedCell = () => grid.querySelector<HTMLTableCellElement>('td.selected');

/**
 * The merges within the drawn rows × cols, cut at its edges: each top-left cell's span, and for each
 * covered cell the top-left cell it belongs to (cells are numbered r * cols + c). A merge overlapping
 * one already placed is left out, so no cell is ever drawn twice.
 */
function mergeLayout(
  merges: PageState['sheets'][number]['merges'],
  rows: number,
  cols: number,
): { spans: Map<number, { rows: number; cols: number }>; covered: Map<number, number> } {
  const spans = new Map<number, { rows: number; cols: number }>();
  const covered = new Map<number, number>();
  for (const m of merges) {
    if (m.row >= rows || m.col >= cols) continue;
    const span = { rows: Math.min(m.rows, rows - m.row), cols: Math.min(m.cols, cols - m.col) };
    if (span.rows * span.cols < 2) continue;
    const cells: number[] = [];
    for (let i = 0; i < span.rows; i++) for (let j = 0; j < span.cols; j++) cells.push((m.row + i) * cols + m.col + j);
    if (cells.some((n) => spans.has(n) || covered.has(n))) continue;
    spans.set(cells[0]!, span);
    for (const n of cells.slice(1)) covered.set(n, cells[0]!);
  }
  return { spans, covered };
}

/** The colour a merged cell shows: its top-left cell's, else the first one marked under it. */
function mergedBackground(grid: string[][], top: number, left: number, span: { rows: number; cols: number }): string {
  for (let i = 0; i < span.rows; i++)
    for (let j = 0; j < span.cols; j++) {
      const v = grid[top + i]?.[left + j];
      if (v && v !== '#ffffff') return v;
    }
  return '';
}

/** Notes shown at most for one merged cell; the rest are counted. */
const MERGED_NOTES = 8;

/**
 * The note a merged cell shows: the one note under it as it is, or each cell's note under its A1
 * name when several of its cells have one (the add-on may mark a covered cell, e.g. a class column
 * merged down its students' rows: nothing it wrote is hidden).
 */
function mergedNote(notes: string[][], top: number, left: number, span: { rows: number; cols: number }): string {
  const found: Array<{ cell: string; note: string }> = [];
  let more = 0;
  for (let i = 0; i < span.rows; i++)
    for (let j = 0; j < span.cols; j++) {
      const note = notes[top + i]?.[left + j];
      if (!note) continue;
      if (found.length < MERGED_NOTES) found.push({ cell: `${columnLetter(left + j)}${top + i + 1}`, note });
      else more++;
    }
  if (found.length === 1) return found[0]!.note;
  return found.map((f) => `${f.cell}: ${f.note}`).join('\n\n') + (more ? `\n\n${w().moreNotes(more)}` : '');
}

function draw(state: View): void {
  view = state;
  lang = state.lang;
  const visible = state.sheets.filter((s) => !s.hidden);
  // The active sheet is what Sheets shows: a jump to a cell activates its sheet, so does a tab.
  const sheet = visible.find((s) => s.name === state.active) ?? visible[0]!;
  const selected = state.selected?.sheet === sheet.name ? state.selected.cell : null;
  // A page of a few thousand rows stays quick; the selected cell's row is always drawn.
  const topLeft = selected ? /^([A-Z]+)(\d+)/.exec(selected) : null;
  const selectedRow = topLeft ? Number(topLeft[2]) : 0;
  const rows = Math.min(Math.max(sheet.values.length + 3, 20), Math.max(MAX_ROWS, selectedRow + 20));
  const cols = Math.max(...sheet.values.slice(0, rows).map((r) => r.length), 8);
  const { spans, covered } = mergeLayout(sheet.merges, rows, cols);
  // A selected cell under a merge selects the merge, as in Sheets.
  const selectedCol = topLeft ? columnIndex(topLeft[1]!) : -1;
  const pick = selectedCol >= 0 && selectedCol < cols ? (selectedRow - 1) * cols + selectedCol : -1;
  const selectedCellAt = covered.get(pick) ?? pick;

  const corner = document.createElement('th');
  corner.className = 'corner';
  const cornerText = document.createElement('span');
  cornerText.className = 'sr-only';
  cornerText.textContent = w().corner;
  corner.append(cornerText);
  const head = document.createElement('tr');
  head.append(corner);
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnLetter(c);
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  /** Whether the cell at r * cols + c belongs to a merge (its text must not run over it). */
  const merged = (at: number) => spans.has(at) || covered.has(at);
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const rh = document.createElement('th');
    rh.scope = 'row';
    rh.className = 'rowhead';
    rh.textContent = String(r + 1);
    tr.append(rh);
    for (let c = 0; c < cols; c++) {
      const at = r * cols + c;
      // A covered cell is drawn by its merge's top-left cell, once.
      if (covered.has(at)) continue;
      const td = document.createElement('td');
      const a1 = `${columnLetter(c)}${r + 1}`;
      td.dataset.cell = a1;
      const value = sheet.values[r]?.[c] ?? '';
      const span = spans.get(at);
      let bg = sheet.backgrounds[r]?.[c];
      let note = sheet.notes[r]?.[c];
      if (span) {
        td.colSpan = span.cols;
        td.rowSpan = span.rows;
        td.classList.add('merged');
        // The text keeps to the visible part of the merge while the grid scrolls sideways.
        const text = document.createElement('span');
        text.className = 'merged-text';
        text.textContent = value;
        td.append(text);
        // Marks and notes the add-on put on any of its cells still show on the merge.
        bg = mergedBackground(sheet.backgrounds, r, c, span);
        note = mergedNote(sheet.notes, r, c, span);
      } else if (value && !sheet.values[r]?.[c + 1] && !(c + 1 < cols && merged(at + 1))) {
        // As in Sheets, text runs on over empty cells to its right (never into a merge).
        const spill = document.createElement('span');
        spill.className = 'spill';
        spill.textContent = value;
        td.append(spill);
        td.classList.add('spills');
      } else td.textContent = value;
      if (bg && bg !== '#ffffff') td.style.backgroundColor = bg;
      if (note) {
        td.dataset.note = note;
        td.classList.add('has-note');
      }
      if (sheet.bold[r]?.[c]) td.classList.add('bold');
      if (at === selectedCellAt) td.classList.add('selected');
      tr.append(td);
    }
    tbody.append(tr);
  }
  const more = sheet.values.length - rows;
  if (more > 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = cols + 1;
    td.className = 'more';
    td.textContent = w().more(more);
    tr.append(td);
    tbody.append(tr);
  }
  grid.replaceChildren(thead, tbody);
  grid.dataset.sheet = sheet.name;
  // Where a merged title's text stops when scrolled sideways: just right of the row numbers.
  grid.style.setProperty('--rowhead-width', `${grid.querySelector<HTMLElement>('th.rowhead')?.offsetWidth ?? 0}px`);
  wrap.setAttribute('aria-label', w().grid(sheet.name));

  const key = selected ? `${sheet.name}!${selected}` : '';
  if (key && key !== scrolledTo) selectedCell()?.scrollIntoView({ block: 'center', inline: 'nearest' });
  scrolledTo = key;
  showNote(selectedCell());

  tabs.replaceChildren(
    ...visible.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.name;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(s.name === sheet.name));
      b.setAttribute('aria-controls', 'grid-wrap');
      b.addEventListener(
        'click',
        () => void send('/api/activate', { method: 'POST', body: JSON.stringify({ sheet: s.name }) }),
      );
      return b;
    }),
  );
  renderWords();
  if (state.pending > 0) watchBusy();
}

/** While the server works on someone's request, keep asking until it is done, then redraw. */
function watchBusy(): void {
  if (poll) return;
  poll = setTimeout(async () => {
    poll = null;
    try {
      const b = (await (await fetch('/api/busy')).json()) as { pending: number };
      if (view) view.pending = b.pending;
      renderBusy();
      if (b.pending > 0) return watchBusy();
    } catch {
      return;
    }
    void send('/api/state');
  }, 400);
}

/** A cell being typed into: a background refresh must not take the text away. */
const editing = (): boolean => grid.querySelector('td input') !== null;

/** A request whose answer is the page's state; a refusal is shown until closed. */
async function send(url: string, init?: RequestInit): Promise<boolean> {
  waiting++;
  renderBusy();
  try {
    const res = await fetch(url, init);
    const data = (await res.json()) as View | { error: Msg };
    if ('error' in data) {
      showError(data.error);
      return false;
    }
    // A refresh the sidebar's calls trigger waits while a cell is being edited; saving the edit redraws.
    if (!(url === '/api/state' && editing())) draw(data);
    return true;
  } catch {
    showError({ th: WORDS.th.failed, en: WORDS.en.failed });
    return false;
  } finally {
    waiting--;
    renderBusy();
  }
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, value: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = value;
  return node;
}

async function drawDrafts(): Promise<void> {
  let list: DraftView[];
  try {
    list = (await (await fetch('/api/drafts')).json()) as DraftView[];
  } catch {
    return;
  }
  const s = w();
  $('draft-count').textContent = String(list.length);
  $('draft-list').replaceChildren(
    ...list.map((d) => {
      const card = document.createElement('article');
      card.className = 'draft';
      card.dataset.id = d.id;
      const dl = document.createElement('dl');
      for (const [k, v] of [
        [s.from, d.from],
        [s.to, d.to],
        [s.subject, d.subject],
      ] as const) {
        dl.append(text('dt', k), text('dd', v));
      }
      card.append(dl, text('pre', d.text));
      for (const a of d.attachments) {
        const p = text('p', `${s.attachment} `);
        const link = text('a', `${a.filename} (${Math.max(1, Math.round(a.size / 1024))} KB)`);
        link.href = a.url;
        link.setAttribute('download', a.filename);
        p.append(link);
        card.append(p);
      }
      return card;
    }),
  );
}

/** Double-click a cell to type into it, as in Sheets; Enter saves, Escape cancels. */
grid.addEventListener('dblclick', (e) => {
  const td = cellOf(e.target);
  if (!td || td.querySelector('input')) return;
  const input = document.createElement('input');
  input.value = td.textContent ?? '';
  input.setAttribute('aria-label', w().cell(td.dataset.cell!));
  td.replaceChildren(input);
  input.focus();
  input.addEventListener('keydown', (k) => {
    if (k.key === 'Escape') {
      // Cancel: the editor goes first, so the refresh draws the cell as it was.
      td.replaceChildren();
      void send('/api/state');
    }
    if (k.key !== 'Enter') return;
    void send('/api/edit', {
      method: 'POST',
      body: JSON.stringify({ sheet: grid.dataset.sheet, cell: td.dataset.cell, value: input.value }),
    });
  });
});
grid.addEventListener('mouseover', (e) => {
  const td = cellOf(e.target);
  if (td?.dataset.note) showNote(td);
});
grid.addEventListener('mouseleave', () => showNote(selectedCell()));
wrap.addEventListener('scroll', () => showNote(selectedCell()), { passive: true });

function reloadSidebar(): void {
  ($('sidebar') as HTMLIFrameElement).src = '/sidebar';
}

const fileInput = $<HTMLInputElement>('file');
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  showError(null);
  opening = file.name;
  renderBusy();
  let ok = false;
  try {
    ok = await send('/api/load', {
      method: 'POST',
      body: await file.arrayBuffer(),
      headers: { 'x-filename': encodeURIComponent(file.name) },
    });
  } finally {
    opening = '';
    // The picker never claims a file that is not loaded: "Showing:" says what is.
    fileInput.value = '';
    renderBusy();
  }
  if (ok) {
    scrolledTo = '';
    reloadSidebar();
    void drawDrafts();
  }
});
$('reset').addEventListener('click', async () => {
  showError(null);
  if (await send('/api/reset', { method: 'POST' })) {
    scrolledTo = '';
    reloadSidebar();
    void drawDrafts();
  }
});
$('error-close').addEventListener('click', () => showError(null));
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin) return;
  const type = (e.data as { type?: string })?.type;
  if (type === 'dmc-busy') {
    if (view) view.pending = Math.max(view.pending, 1);
    renderBusy();
    watchBusy();
  }
  if (type === 'dmc-changed') {
    void send('/api/state');
    void drawDrafts();
  }
});

void send('/api/state');
void drawDrafts();
