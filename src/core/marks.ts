/**
 * Marks as pure data: which background and note each flagged cell gets, what it had before, how to put it
 * back wherever its row has moved, and how to take off a mark whose saved original is lost. The server only
 * reads each sheet once and writes it once (DESIGN.md, "Marks must never get stuck").
 */
import { frameRecord, framedRecords, hash } from './framed';
import { cellText, columnIndex } from './headers';
import type { Cell, Finding, Lang, Severity } from './types';

export { hash };

/** Light fills that stay readable in black-and-white print. */
export const MARK_COLOURS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2', info: '#cfe2f3' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const WHITE = '#ffffff';

/** The first line of every mark's note, in either language: what makes a mark recognisable on its own. */
export const MARK_HEADINGS: Record<Lang, string> = { th: 'ตรวจข้อมูล DMC:', en: 'DMC check:' };
/** Between a mark's lines and the note the cell had before. */
const SEPARATOR = '\n— — —\n';

export interface Grid {
  backgrounds: string[][];
  notes: string[][];
}

/** A sheet as read for marking: values (for finding rows again), backgrounds and notes of one range from A1. */
export interface SheetGrid extends Grid {
  values: readonly (readonly Cell[])[];
}

/** "B12" → {r: 11, c: 1} */
export function cellIndex(a1: string): { r: number; c: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
}

function copyGrid(g: Grid): Grid {
  return { backgrounds: g.backgrounds.map((r) => r.slice()), notes: g.notes.map((r) => r.slice()) };
}

const lower = (s: unknown): string => String(s ?? '').toLowerCase();
/** Colours as Sheets returns them are lower-case already: compare without allocating when they are. */
const same = (a: string, b: string | undefined): boolean => a === b || lower(a) === lower(b);
const MARK_FILLS = new Set(Object.values(MARK_COLOURS));
const HEADINGS = Object.values(MARK_HEADINGS);
/** First characters of the headings: most notes are told apart without a string compare. */
const HEAD_CHARS = new Set(HEADINGS.map((h) => h.charCodeAt(0)));
/** Cell positions as one number (Sheets has fewer than 20,000 columns). */
const at = (r: number, c: number): number => r * 20_000 + c;

export function isMarkColour(bg: string): boolean {
  return MARK_FILLS.has(bg) || (/[A-Z]/.test(bg) && MARK_FILLS.has(lower(bg)));
}

/** A note the add-on wrote: it opens with the heading in Thai or English. */
export function isMarkNote(note: string): boolean {
  if (typeof note !== 'string' || !note || !HEAD_CHARS.has(note.charCodeAt(0))) return false;
  for (const h of HEADINGS)
    if (note.startsWith(h) && (note.length === h.length || note[h.length] === '\n')) return true;
  return false;
}

/** The user's own note inside a mark's note (marks inside marks, as a copied cell may hold, all taken off). */
export function userNoteOf(note: string): string {
  let n = String(note ?? '');
  for (let i = 0; i < 100 && isMarkNote(n); i++) {
    const at = n.indexOf(SEPARATOR);
    n = at < 0 ? '' : n.slice(at + SEPARATOR.length);
  }
  return n;
}

/** Hashes of notes, memoised: many marks share one message. */
function noteHasher(): (note: string) => string {
  const memo = new Map<string, string>();
  return (note) => {
    let h = memo.get(note);
    if (h === undefined) memo.set(note, (h = hash(note)));
    return h;
  };
}

function noteFor(findings: Finding[], original: string, lang: Lang): string {
  const lines = findings
    .slice()
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    // One line per finding, always: the separator stays the first of its kind in the note.
    .map((f) => `• ${f.message[lang]} [${f.rule}]`.replace(/[\r\n]+/g, ' '));
  return `${MARK_HEADINGS[lang]}\n${lines.join('\n')}${original ? `${SEPARATOR}${original}` : ''}`;
}

/** One marked cell: 0-based position, what it had, what the mark put there. */
export interface MarkedCell {
  r: number;
  c: number;
  bg: string;
  note: string;
  markBg: string;
  markNote: string;
}

/** Marks every finding that has a cell inside the grid; several findings on one cell share one note. */
export function applyMarks(grid: Grid, findings: readonly Finding[], lang: Lang): { grid: Grid; saved: MarkedCell[] } {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const list = byCell.get(f.cell);
    if (list) list.push(f);
    else byCell.set(f.cell, [f]);
  }
  const out = copyGrid(grid);
  const saved: MarkedCell[] = [];
  for (const [cell, list] of byCell) {
    const at = cellIndex(cell);
    if (!at || at.r >= out.backgrounds.length || at.c >= (out.backgrounds[at.r]?.length ?? 0)) continue;
    const worst = list.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'info' as Severity);
    const bg = out.backgrounds[at.r]![at.c]!;
    const note = out.notes[at.r]![at.c]!;
    const markBg = MARK_COLOURS[worst];
    const markNote = noteFor(list, note, lang);
    out.backgrounds[at.r]![at.c] = markBg;
    out.notes[at.r]![at.c] = markNote;
    saved.push({ r: at.r, c: at.c, bg, note, markBg, markNote });
  }
  return { grid: out, saved };
}

// ---------------------------------------------------------------- what is saved

/**
 * One cell the add-on may have changed: what it had (`bg`, `note`) and every state a mark may have left
 * in it (`mb` fills, `mn` hashes of notes). `g` marks the user's own cell in a mark colour, which a mark
 * never owned and clear never touches.
 */
export interface StoredCell {
  c: number;
  bg: string;
  note: string;
  mb: string[];
  mn: string[];
  g?: 1;
}

/** A row with marks, and how to recognise it again: hashes of the whole row and of its identifying cells. */
export interface StoredRow {
  r: number;
  fp: string[];
  cells: StoredCell[];
}

export interface StoredSheet {
  id: number;
  name: string;
  /** The columns whose cells identify a row (fp[1..]). */
  fpCols: number[];
  rows: StoredRow[];
}

export interface MarkStore {
  /** Grows with every store written: of several records, the newest complete one holds. */
  seq: number;
  sheets: StoredSheet[];
}

/** Rows sampled to choose identifying columns. */
const FP_SAMPLE = 500;
const FP_COLUMNS = 4;

/**
 * The columns that tell rows apart best (most distinct values in a sample): on a roster the citizen ID,
 * the names and the student number; on any other sheet, whatever identifies its rows.
 */
export function fingerprintColumns(values: readonly (readonly Cell[])[]): number[] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const step = Math.max(1, Math.floor(values.length / FP_SAMPLE));
  const distinct: Array<Set<string>> = Array.from({ length: width }, () => new Set());
  for (let i = 0; i < values.length; i += step) {
    const row = values[i]!;
    for (let j = 0; j < row.length; j++) {
      const t = cellText(row[j]).trim();
      if (t) distinct[j]!.add(t);
    }
  }
  return distinct
    .map((s, c) => ({ c, n: s.size }))
    .filter((x) => x.n > 1)
    .sort((a, b) => b.n - a.n || a.c - b.c)
    .slice(0, FP_COLUMNS)
    .map((x) => x.c)
    .sort((a, b) => a - b);
}

/** The hash of a whole row ('' for a blank row). */
function wholeRow(row: readonly Cell[] | undefined): string {
  const texts = (row ?? []).map((v) => cellText(v));
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return texts.length ? hash(texts.join('\u001f')) : '';
}

/** One hash per identifying column ('' for an empty cell: identifies nothing). */
function idParts(row: readonly Cell[] | undefined, fpCols: readonly number[]): string[] {
  return fpCols.map((c) => {
    const t = cellText(row?.[c]).trim();
    return t ? hash(t) : '';
  });
}

/** Whole-row hash, then one hash per identifying column. */
export function rowParts(row: readonly Cell[] | undefined, fpCols: readonly number[]): string[] {
  return [wholeRow(row), ...idParts(row, fpCols)];
}

/** The rows × columns a grid must span to hold every saved cell. */
export function storedExtent(sheet: StoredSheet | null | undefined): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const r of sheet?.rows ?? []) {
    rows = Math.max(rows, r.r + 1);
    for (const c of r.cells) cols = Math.max(cols, c.c + 1);
  }
  return { rows, cols };
}

// ---------------------------------------------------------------- finding marked rows again

/** Candidates from one index beyond this many rows identify nothing (e.g. a gender column). */
const BUCKET = 16;

function index(keys: readonly string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!k) return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return m;
}

/**
 * Where each stored row is now: the current row that best shares its whole-row hash, identifying cells and
 * mark notes, each current row taken once; the row's old position breaks ties. A row that was blank is
 * found by its position alone, under the conditions of `placeBlankRows`. -1 when none fits (a row
 * deleted, or edited beyond recognition: its marks are then found by their notes).
 */
export function locateRows(sheet: StoredSheet, grid: SheetGrid, noteHash = noteHasher()): number[] {
  const n = Math.max(grid.values.length, grid.notes.length);
  // Rows are indexed by their identifying cells; the whole-row hash is worked out for candidates only.
  const parts = Array.from({ length: n }, (_, i) => idParts(grid.values[i], sheet.fpCols));
  const byPart = sheet.fpCols.map((_, k) => index(parts.map((p) => p[k]!)));
  const wholes = new Map<number, string>();
  const whole = (i: number) => {
    let h = wholes.get(i);
    if (h === undefined) wholes.set(i, (h = wholeRow(grid.values[i])));
    return h;
  };
  const byNote = new Map<string, number[]>();
  grid.notes.forEach((row, i) =>
    row.forEach((note, c) => {
      if (!isMarkNote(note)) return;
      const k = `${c}|${noteHash(note)}`;
      const list = byNote.get(k);
      if (list) list.push(i);
      else byNote.set(k, [i]);
    }),
  );
  const noteAt = (i: number, c: number) => grid.notes[i]?.[c] ?? '';
  const pairs: Array<{ s: number; i: number; score: number; dist: number }> = [];
  sheet.rows.forEach((row, s) => {
    const seen = new Set<number>();
    const add = (list: readonly number[] | undefined) => {
      if (list && list.length <= BUCKET) for (const i of list) seen.add(i);
    };
    row.fp.slice(1).forEach((p, k) => add(p ? byPart[k]?.get(p) : undefined));
    for (const cell of row.cells) for (const h of cell.mn) add(byNote.get(`${cell.c}|${h}`));
    if (row.r < n) seen.add(row.r);
    for (const i of seen) {
      const p = parts[i]!;
      let score = row.r === i ? 1 : 0;
      if (row.fp[0] && row.fp[0] === whole(i)) score += 4;
      for (let k = 1; k < row.fp.length; k++) if (row.fp[k] && row.fp[k] === p[k - 1]) score += 2;
      for (const cell of row.cells) {
        const note = noteAt(i, cell.c);
        if (isMarkNote(note) && cell.mn.includes(noteHash(note))) score += 3;
      }
      // The old position alone proves nothing (rows move, inserted rows are blank): it only breaks ties.
      if (score >= 2) pairs.push({ s, i, score, dist: Math.abs(i - row.r) });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.dist - b.dist || a.s - b.s);
  const where = sheet.rows.map(() => -1);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (where[p.s] !== -1 || taken.has(p.i)) continue;
    where[p.s] = p.i;
    taken.add(p.i);
  }
  placeBlankRows(sheet, grid, where, taken);
  return where;
}

/** A row holding no value. */
const isBlank = (row: readonly Cell[] | undefined): boolean =>
  !(row ?? []).some((v) => v !== '' && v !== null && v !== undefined);

/** A row that was blank when checked: nothing to recognise it by but its position. */
const wasBlank = (row: StoredRow): boolean => row.fp.length > 0 && row.fp.every((p) => !p);

/**
 * A saved row that was blank when checked (the user's own mark-coloured cells in a blank row of a marked
 * column: guards) matches nothing by content. It is the same row when all of these hold:
 * - the row at its old position is blank and no other saved row took it;
 * - the nearest other saved rows above and below it, where there are any, were found at their old
 *   positions: no row was inserted or deleted between them without another going the other way;
 * - each guarded cell's mark colour is held in its column by no more blank rows than the user had
 *   blank in that colour when checked. A blank row that took a mark's fill when inserted, wherever it
 *   was then sorted, makes one more: the rows of that colour are then not told apart, and all are left
 *   to be taken for copies, as before.
 */
function placeBlankRows(sheet: StoredSheet, grid: SheetGrid, where: number[], taken: Set<number>): void {
  const rows = sheet.rows;
  const loose = rows.map((row, s) => where[s] === -1 && wasBlank(row));
  if (!loose.includes(true)) return;
  const n = Math.max(grid.values.length, grid.notes.length);
  const key = (c: number, colour: string) => `${c}|${lower(colour)}`;
  const had = new Map<string, number>();
  for (const row of rows) {
    if (!wasBlank(row)) continue;
    for (const cell of row.cells) if (cell.g) had.set(key(cell.c, cell.bg), (had.get(key(cell.c, cell.bg)) ?? 0) + 1);
  }
  const blank = Array.from({ length: n }, (_, i) => isBlank(grid.values[i]));
  const holds = new Map<string, number>();
  const blankRowsIn = (c: number, colour: string) => {
    let count = holds.get(key(c, colour));
    if (count === undefined) {
      count = 0;
      for (let i = 0; i < n; i++)
        if (blank[i] && same(colour, grid.backgrounds[i]?.[c]) && !isMarkNote(grid.notes[i]?.[c] ?? '')) count++;
      holds.set(key(c, colour), count);
    }
    return count;
  };
  const order = rows.map((_, s) => s).sort((a, b) => rows[a]!.r - rows[b]!.r);
  // Above the first saved row is the sheet's top, which never moves. Below the last, a row inserted above
  // this one goes unseen: the blank row then standing here is another blank row, as good as this one unless
  // it took a mark's fill, which the count of blank rows in that colour sees.
  const inPlace = (k: number) => k < 0 || k >= order.length || where[order[k]!] === rows[order[k]!]!.r;
  order.forEach((s, k) => {
    const { r, cells } = rows[s]!;
    if (!loose[s] || r >= n || taken.has(r) || !blank[r]) return;
    let up = k - 1;
    while (up >= 0 && loose[order[up]!]) up--;
    let down = k + 1;
    while (down < order.length && loose[order[down]!]) down++;
    if (!inPlace(up) || !inPlace(down)) return;
    for (const cell of cells) {
      const bg = grid.backgrounds[r]?.[cell.c] ?? '';
      if (cell.g && isMarkColour(bg) && blankRowsIn(cell.c, bg) > (had.get(key(cell.c, bg)) ?? 0)) return;
    }
    where[s] = r;
    taken.add(r);
  });
}

// ---------------------------------------------------------------- taking marks off

/** How clear went: marks undone from what was saved, from the marks themselves, cells the user changed. */
export interface ClearCount {
  /** Marks put back exactly from the saved originals. */
  fromStore: number;
  /** Marks found by their note alone (the saved originals lost or not matching): note kept, fill reset. */
  fromMarks: number;
  /** Marked cells whose fill or note the user changed since: the user's version stays. */
  kept: number;
  /** Cells of rows or columns inserted next to a mark, which took its fill: given the fill it replaced. */
  copied: number;
}

export const NO_CLEAR: ClearCount = { fromStore: 0, fromMarks: 0, kept: 0, copied: 0 };

export function addCounts(a: ClearCount, b: ClearCount): ClearCount {
  return {
    fromStore: a.fromStore + b.fromStore,
    fromMarks: a.fromMarks + b.fromMarks,
    kept: a.kept + b.kept,
    copied: a.copied + b.copied,
  };
}

/**
 * Takes every mark off a grid. Saved cells are found again on their rows and put back where they still
 * hold a mark (a fill or note the user changed stays); then any note still opening with the heading is a
 * mark whose record is lost: its user's note is kept, a mark fill becomes white. Fills copied from a mark
 * into inserted rows or columns take the fill the mark replaced.
 */
export function unmark(grid: SheetGrid, stored: StoredSheet | null | undefined): { grid: Grid; count: ClearCount } {
  const out = copyGrid(grid);
  const count = { ...NO_CLEAR };
  const handled = new Set<number>();
  const guards = new Set<number>();
  const sources: Array<{ r: number; c: number; mark: string; bg: string }> = [];
  const key = at;
  const noteHash = noteHasher();

  if (stored && stored.rows.length) {
    const where = locateRows(stored, grid, noteHash);
    stored.rows.forEach((row, s) => {
      const i = where[s]!;
      if (i < 0 || i >= out.backgrounds.length) return;
      for (const cell of row.cells) {
        if (cell.c >= (out.backgrounds[i]?.length ?? 0)) continue;
        if (cell.g) {
          guards.add(key(i, cell.c));
          continue;
        }
        const bg = out.backgrounds[i]![cell.c]!;
        const note = out.notes[i]![cell.c]!;
        const noteIsMark = cell.mn.includes(noteHash(note));
        // Another mark's note (a row matched wrongly, or copied): left to the sweep below.
        if (!noteIsMark && isMarkNote(note)) continue;
        const bgIsMark = cell.mb.some((m) => same(m, bg));
        handled.add(key(i, cell.c));
        const newBg = bgIsMark ? cell.bg : bg;
        const newNote = noteIsMark ? cell.note : note;
        const userChanged = (!bgIsMark && !same(bg, cell.bg)) || (!noteIsMark && note !== cell.note);
        const changes = !same(newBg, bg) || newNote !== note;
        if (userChanged) count.kept++;
        else if (changes) count.fromStore++;
        if (!changes) continue;
        out.backgrounds[i]![cell.c] = newBg;
        out.notes[i]![cell.c] = newNote;
        if (bgIsMark && !same(cell.bg, bg)) sources.push({ r: i, c: cell.c, mark: lower(bg), bg: cell.bg });
      }
    });
  }

  out.notes.forEach((row, i) =>
    row.forEach((note, c) => {
      if (!isMarkNote(note) || handled.has(key(i, c))) return;
      row[c] = userNoteOf(note);
      const bg = out.backgrounds[i]![c]!;
      if (isMarkColour(bg)) out.backgrounds[i]![c] = WHITE;
      count.fromMarks++;
    }),
  );

  // Rows and columns inserted beside a mark take its fill (Sheets copies formats into them). A cell between
  // two marks may have taken either's: a fill that is not a mark colour is preferred, so none is left.
  const copies = new Map<number, { r: number; c: number; fills: string[] }>();
  for (const s of sources) {
    for (const [dr, dc] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      let r = s.r + dr;
      let c = s.c + dc;
      while (
        r >= 0 &&
        c >= 0 &&
        r < out.backgrounds.length &&
        c < (out.backgrounds[r]?.length ?? 0) &&
        same(s.mark, out.backgrounds[r]![c]) &&
        !isMarkNote(out.notes[r]![c]!) &&
        !handled.has(key(r, c)) &&
        !guards.has(key(r, c))
      ) {
        const k = key(r, c);
        const copy = copies.get(k) ?? { r, c, fills: [] };
        copy.fills.push(s.bg);
        copies.set(k, copy);
        r += dr;
        c += dc;
      }
    }
  }
  for (const [k, { r, c, fills }] of copies) {
    out.backgrounds[r]![c] = fills.find((f) => !isMarkColour(f)) ?? fills[0]!;
    handled.add(k);
    count.copied++;
  }
  if (stored) count.copied += blankRowFills(out, grid.values, stored, handled, guards);
  return { grid: out, count };
}

/**
 * An inserted row the user left blank took a mark's fill and may have been sorted away from it: in a column
 * that had marks of that colour, its fill goes back to what those marks replaced (the commonest, if several).
 */
function blankRowFills(
  out: Grid,
  values: SheetGrid['values'],
  stored: StoredSheet,
  handled: ReadonlySet<number>,
  guards: ReadonlySet<number>,
): number {
  const originals = new Map<string, Map<string, number>>();
  for (const row of stored.rows)
    for (const cell of row.cells) {
      if (cell.g) continue;
      for (const m of cell.mb) {
        if (!isMarkColour(m) || same(m, cell.bg)) continue;
        const k = `${cell.c}|${lower(m)}`;
        const counts = originals.get(k) ?? new Map<string, number>();
        counts.set(cell.bg, (counts.get(cell.bg) ?? 0) + 1);
        originals.set(k, counts);
      }
    }
  if (!originals.size) return 0;
  let copied = 0;
  out.backgrounds.forEach((row, r) => {
    if (!isBlank(values[r])) return;
    row.forEach((bg, c) => {
      if (!isMarkColour(bg) || handled.has(at(r, c)) || guards.has(at(r, c)) || isMarkNote(out.notes[r]![c]!)) return;
      const counts = originals.get(`${c}|${lower(bg)}`);
      if (!counts) return;
      row[c] = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      copied++;
    });
  });
  return copied;
}

// ---------------------------------------------------------------- a check's plan for one sheet

export interface SheetPlan {
  /** What the sheet should hold once marked. */
  grid: Grid;
  /** Saved before any mark is written: every cell the write may change, with all states it may be left in. */
  ahead: StoredSheet;
  /** Saved once every mark is written: the marks now on the sheet. */
  after: StoredSheet;
  /** Previous marks taken off on the way. */
  cleared: ClearCount;
  marked: number;
}

function addCell(rows: Map<number, StoredRow>, r: number, make: () => StoredRow, cell: StoredCell): void {
  let row = rows.get(r);
  if (!row) rows.set(r, (row = make()));
  row.cells.push(cell);
}

const unique = (xs: string[]) => [...new Set(xs)];

/**
 * Undoes the previous marks and marks these findings, in memory. Also what to save before writing (so a
 * failure at any point leaves a state clear can undo) and after (the marks now on the sheet).
 */
export function planMarks(
  grid: SheetGrid,
  stored: StoredSheet | null | undefined,
  findings: readonly Finding[],
  lang: Lang,
  sheet: { id: number; name: string },
): SheetPlan {
  const clean = unmark(grid, stored);
  const marked = applyMarks(clean.grid, findings, lang);
  const noteHash = noteHasher();
  const fpCols = fingerprintColumns(grid.values);
  const rowOf = (r: number) => () => ({ r, fp: rowParts(grid.values[r], fpCols), cells: [] as StoredCell[] });

  const after = new Map<number, StoredRow>();
  const markedCols = new Set<number>();
  const markedRows = new Set<number>();
  const isMarked = new Set<number>();
  for (const m of marked.saved) {
    addCell(after, m.r, rowOf(m.r), { c: m.c, bg: m.bg, note: m.note, mb: [m.markBg], mn: [noteHash(m.markNote)] });
    markedCols.add(m.c);
    markedRows.add(m.r);
    isMarked.add(at(m.r, m.c));
  }
  // The user's own cells in a mark colour beside marks: clear must not take them for copied fills.
  clean.grid.backgrounds.forEach((row, r) =>
    row.forEach((bg, c) => {
      if (!isMarkColour(bg) || isMarked.has(at(r, c)) || !(markedCols.has(c) || markedRows.has(r))) return;
      addCell(after, r, rowOf(r), { c, bg, note: '', mb: [], mn: [], g: 1 });
    }),
  );

  const ahead = new Map<number, StoredRow>();
  const target = marked.grid;
  grid.backgrounds.forEach((row, r) =>
    row.forEach((bg, c) => {
      const note = grid.notes[r]![c]!;
      const toBg = target.backgrounds[r]![c]!;
      const toNote = target.notes[r]![c]!;
      if (same(bg, toBg) && note === toNote && !isMarked.has(at(r, c))) return;
      addCell(ahead, r, rowOf(r), {
        c,
        bg: clean.grid.backgrounds[r]![c]!,
        note: clean.grid.notes[r]![c]!,
        // Only states a mark may leave: a fill or note of the teacher's is never taken for one.
        mb: unique([lower(bg), lower(toBg)].filter(isMarkColour)),
        mn: unique([note, toNote].filter(isMarkNote).map(noteHash)),
      });
    }),
  );
  for (const [r, row] of after) for (const cell of row.cells) if (cell.g) addCell(ahead, r, rowOf(r), { ...cell });

  const sorted = (m: Map<number, StoredRow>) => [...m.values()].sort((a, b) => a.r - b.r);
  return {
    grid: target,
    ahead: { ...sheet, fpCols, rows: sorted(ahead) },
    after: { ...sheet, fpCols, rows: sorted(after) },
    cleared: clean.count,
    marked: marked.saved.length,
  };
}

/** The smallest block holding every cell that differs between two grids (0-based, inclusive), or null. */
export function changedBlock(before: Grid, after: Grid): { r0: number; c0: number; r1: number; c1: number } | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  after.backgrounds.forEach((row, r) =>
    row.forEach((bg, c) => {
      if (same(bg, before.backgrounds[r]?.[c]) && after.notes[r]![c] === before.notes[r]?.[c]) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }),
  );
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

export function countMarks(store: MarkStore | null): number {
  let n = 0;
  for (const s of store?.sheets ?? []) for (const r of s.rows) for (const c of r.cells) if (!c.g) n++;
  return n;
}

// ---------------------------------------------------------------- storage

/** Apps Script cells hold 50,000 characters; chunks stay well below. */
const VERSION = 2;
const HEADER = 'DMC-MARKS';

/** A record for one column of the hidden sheet: a header line (sequence, chunk count, length, hash), then chunks. */
export function serialiseStore(store: MarkStore): string[] {
  return frameRecord(HEADER, VERSION, store.seq, { sheets: store.sheets });
}

export interface StoreRead {
  store: MarkStore | null;
  /** Entries that failed validation and were skipped. */
  bad: number;
  /** Something was there but no complete record could be read from it. */
  damaged: boolean;
}

const isInt = (x: unknown, min = 0): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
const COLOUR = /^#[0-9a-f]{6}$/i;
const isColour = (x: unknown): x is string => typeof x === 'string' && COLOUR.test(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function validCell(x: unknown): StoredCell | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if (!isInt(o.c) || !isColour(o.bg) || typeof o.note !== 'string') return null;
  if (!Array.isArray(o.mb) || !o.mb.every(isColour) || !isStrings(o.mn)) return null;
  return { c: o.c, bg: lower(o.bg), note: o.note, mb: o.mb.map(lower), mn: o.mn, ...(o.g === 1 ? { g: 1 } : {}) };
}

function validSheets(list: unknown): { sheets: StoredSheet[]; bad: number } {
  let bad = 0;
  const sheets: StoredSheet[] = [];
  for (const x of Array.isArray(list) ? list : []) {
    const o = (x ?? {}) as Record<string, unknown>;
    if (!isInt(o.id) || !Array.isArray(o.rows)) {
      bad++;
      continue;
    }
    const fpCols = Array.isArray(o.fpCols) && o.fpCols.every((c) => isInt(c)) ? (o.fpCols as number[]) : [];
    const rows: StoredRow[] = [];
    for (const y of o.rows) {
      const row = (y ?? {}) as Record<string, unknown>;
      if (!isInt(row.r) || !Array.isArray(row.cells)) {
        bad += Array.isArray(row.cells) ? Math.max(1, row.cells.length) : 1;
        continue;
      }
      const cells: StoredCell[] = [];
      for (const z of row.cells) {
        const cell = validCell(z);
        if (cell) cells.push(cell);
        else bad++;
      }
      const fp = isStrings(row.fp) ? row.fp : [];
      if (cells.length) rows.push({ r: row.r, fp: fp.length === fpCols.length + 1 ? fp : [], cells });
    }
    sheets.push({ id: o.id, name: typeof o.name === 'string' ? o.name : '', fpCols, rows });
  }
  return { sheets, bad };
}

/** The first version's store: one sheet, cells with their mark as written. Rows are found by position only. */
function fromVersion1(o: Record<string, unknown>): { sheets: StoredSheet[]; bad: number } {
  let bad = 0;
  const rows = new Map<number, StoredRow>();
  for (const x of Array.isArray(o.cells) ? o.cells : []) {
    const c = (x ?? {}) as Record<string, unknown>;
    if (!isInt(c.r) || !isInt(c.c) || !isColour(c.bg) || typeof c.note !== 'string' || !isColour(c.markBg)) {
      bad++;
      continue;
    }
    const cell: StoredCell = {
      c: c.c,
      bg: lower(c.bg),
      note: c.note,
      mb: [lower(c.markBg)],
      mn: typeof c.markNote === 'string' ? [hash(c.markNote)] : [],
    };
    addCell(rows, c.r, () => ({ r: c.r as number, fp: [], cells: [] }), cell);
  }
  if (!isInt(o.sheetId)) return { sheets: [], bad: bad + rows.size };
  const name = typeof o.sheetName === 'string' ? o.sheetName : '';
  return { sheets: [{ id: o.sheetId, name, fpCols: [], rows: [...rows.values()] }], bad };
}

/** Reads the hidden sheet's first column: the newest complete record; entries that fail validation skipped. */
export function parseStore(column: readonly Cell[]): StoreRead {
  const lines = column.map((v) => (v === null || v === undefined ? '' : String(v)));
  const anything = lines.some((l) => l.trim() !== '');
  let best: { seq: number; sheets: StoredSheet[]; bad: number } | null = null;
  for (const { seq, body } of framedRecords(lines, HEADER, VERSION)) {
    if (!best || seq > best.seq) best = { seq, ...validSheets(body.sheets) };
  }
  if (best) {
    const b = best as { seq: number; sheets: StoredSheet[]; bad: number };
    return { store: { seq: b.seq, sheets: b.sheets }, bad: b.bad, damaged: false };
  }
  if (!anything) return { store: null, bad: 0, damaged: false };
  try {
    const o = JSON.parse(lines.join('')) as Record<string, unknown>;
    if (o && o.v === 1) {
      const { sheets, bad } = fromVersion1(o);
      return { store: { seq: 0, sheets }, bad, damaged: false };
    }
  } catch {
    // Neither format: the sheet was edited or cut short.
  }
  return { store: null, bad: 0, damaged: true };
}
