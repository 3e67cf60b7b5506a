/**
 * An in-memory SpreadsheetApp: spreadsheets, sheets and ranges that behave like Apps Script's where it
 * matters to a caller (A1 notation, '' for empty cells, Date values, setValues turning numeric text into
 * numbers and "=…" into formulas unless the text starts with an apostrophe, dimension checks that throw
 * the same way, default white backgrounds and empty notes, merged cells). Every call is counted.
 */
import { isDate } from '../core/dates';
import { columnIndex, columnLetter } from '../core/headers';
import type { CallLog } from './calls';
import {
  breakApart,
  byPosition,
  clipTo,
  deleteFrom,
  insertInto,
  mergeWith,
  overlaps,
  single,
  sortedWith,
  type Area,
} from './merges';

export type Value = string | number | boolean | Date;

interface Cell {
  value: Value;
  formula: string;
  background: string;
  note: string;
  format: string;
  bold: boolean;
}

const WHITE = '#ffffff';
const blank = (): Cell => ({ value: '', formula: '', background: WHITE, note: '', format: '', bold: false });

/** 1-based, as Apps Script counts columns. */
const letters = (col: number) => columnLetter(col - 1);
const colNumber = (letters: string) => columnIndex(letters) + 1;

/** "B3", "A1:C10", "C:C" (with the sheet's size) → 1-based row, column, rows, columns. */
export function parseA1(a1: string, maxRows: number): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a1.replace(/\$/g, '').replace(/^.*!/, ''));
  if (!m) throw new Error(`Range not found`);
  const c1 = colNumber(m[1]!);
  const r1 = m[2] ? Number(m[2]) : 1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : m[2] ? r1 : maxRows;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

const HEX = /^#[0-9a-f]{6}$/i;
const NAMED: Record<string, string> = { white: WHITE, black: '#000000', red: '#ff0000', yellow: '#ffff00' };

function normaliseColor(c: string | null): string {
  if (c === null || c === '') return WHITE;
  const hex = NAMED[c.toLowerCase()] ?? c;
  if (!HEX.test(hex)) throw new Error(`Invalid color: ${c}`);
  return hex.toLowerCase();
}

export interface SpreadsheetState {
  sheets: FakeSheet[];
  active: number;
  nextId: number;
}

export class FakeSpreadsheet {
  private sheets: FakeSheet[] = [];
  private active = 0;
  private nextId = 0;
  activeRange: FakeRange | null = null;
  readonly toasts: string[] = [];

  constructor(
    readonly calls: CallLog,
    private name = 'Roster',
    readonly id = 'fake-spreadsheet-id',
  ) {
    this.addSheet('Sheet1');
  }

  /** Test and playground setup: no call is counted. */
  addSheet(name: string, values: Value[][] = []): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId === 0 ? 0 : 100000 + this.nextId * 7919);
    this.nextId++;
    sheet.load(values);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Setup: replace the first sheet's name and contents. */
  loadFirst(name: string, values: Value[][]): FakeSheet {
    const s = this.sheets[0]!;
    s.rename(name);
    s.load(values);
    return s;
  }

  private c(name: string) {
    this.calls.count(`Spreadsheet.${name}`);
  }

  getId() {
    this.c('getId');
    return this.id;
  }
  getName() {
    this.c('getName');
    return this.name;
  }
  getUrl() {
    this.c('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.c('getSpreadsheetTimeZone');
    return 'Asia/Bangkok';
  }
  getSheets() {
    this.c('getSheets');
    return [...this.sheets];
  }
  getNumSheets() {
    this.c('getNumSheets');
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    this.c('getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSheetById(id: number) {
    this.c('getSheetById');
    return this.sheets.find((s) => s.id === id) ?? null;
  }
  getActiveSheet() {
    this.c('getActiveSheet');
    return this.sheets[this.active]!;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.c('setActiveSheet');
    this.active = this.sheets.indexOf(sheet);
    return sheet;
  }
  getActiveRange() {
    this.c('getActiveRange');
    return this.activeRange;
  }
  insertSheet(name?: string, index?: number) {
    this.c('insertSheet');
    const n = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name === n)) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, n, 100000 + this.nextId++ * 7919);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = this.sheets.indexOf(sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    this.c('deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Sheet not found');
    this.sheets.splice(i, 1);
    if (this.active >= this.sheets.length || this.active === i) this.active = 0;
  }
  toast(msg: string, title?: string) {
    this.c('toast');
    this.toasts.push(title ? `${title}: ${msg}` : msg);
  }
  /** What Sheet.activate and Range.activate do; not a call of its own. */
  setActiveSheetQuiet(sheet: FakeSheet): void {
    this.active = this.sheets.indexOf(sheet);
  }
  /** Tests: a copy of every sheet and which is active, to come back to with restoreState (not counted). */
  saveState(): SpreadsheetState {
    return { sheets: this.sheets.map((s) => s.copy(this)), active: this.active, nextId: this.nextId };
  }
  restoreState(state: SpreadsheetState): void {
    this.sheets = state.sheets.map((s) => s.copy(this));
    this.active = state.active;
    this.nextId = state.nextId;
    this.activeRange = null;
  }
  /** For tests and the playground: every sheet, without counting. */
  allSheets(): readonly FakeSheet[] {
    return this.sheets;
  }
  activeIndex(): number {
    return this.active;
  }
}

/** What Apps Script throws for a range beyond a sheet's rows or columns. */
export const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
/** A new sheet's size in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/** Sheets' sort order: numbers (and dates) before text before booleans; blanks go last either way. */
export function compareCells(a: Value, b: Value): number {
  const rank = (v: Value) => (typeof v === 'number' || isDate(v) ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 2) return Number(a) - Number(b);
  const la = String(a).toLowerCase();
  const lb = String(b).toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

export type SortSpec = number | { column: number; ascending?: boolean };

/**
 * One sheet with a size, as in Sheets: a new sheet has 1,000 rows × 26 columns and any range past them
 * throws; rows and columns are inserted (taking the formats, not values or notes, of the neighbouring
 * row or column, as Sheets does), deleted and sorted with their backgrounds, notes, formats and merges.
 */
export class FakeSheet {
  /** cells[row-1][col-1], created on write; rows and columns past these arrays are blank. */
  private cells: Cell[][] = [];
  /** Merged areas, 1-based, never overlapping; a cell inside one but not its top-left is covered. */
  private merges: Area[] = [];
  private hidden = false;
  private frozenRows = 0;
  private maxRows = NEW_SHEET_ROWS;
  private maxCols = NEW_SHEET_COLUMNS;

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  private c(name: string) {
    this.parent.calls.count(`Sheet.${name}`);
  }

  /** A copy of this sheet belonging to `parent` (tests' saved states). */
  copy(parent: FakeSpreadsheet): FakeSheet {
    const s = new FakeSheet(parent, this.name, this.id);
    s.cells = this.cells.map((r) => r.map((c) => ({ ...c, value: copy(c.value) })));
    s.hidden = this.hidden;
    s.frozenRows = this.frozenRows;
    s.maxRows = this.maxRows;
    s.maxCols = this.maxCols;
    s.merges = this.merges.map((m) => ({ ...m }));
    return s;
  }

  /** Setup without counting: values as getValues would return them; the sheet grows to fit them. */
  load(values: Value[][]): void {
    this.cells = values.map((row) => row.map((v) => ({ ...blank(), value: v })));
    this.maxRows = Math.max(NEW_SHEET_ROWS, this.cells.length);
    this.maxCols = Math.max(NEW_SHEET_COLUMNS, ...this.cells.map((r) => r.length));
  }

  /** Setup without counting: the sheet's size, e.g. a small sheet made by another program. */
  resize(rows: number, cols: number): void {
    this.maxRows = rows;
    this.maxCols = cols;
    this.cells = this.cells.slice(0, rows).map((r) => r.slice(0, cols));
    this.merges = clipTo(this.merges, rows, cols);
  }

  /**
   * Setup without counting: the merged areas of a file, 0-based like the rows load() takes (the xlsx
   * reader's {row, col, rows, cols}). Values are left as the file has them; parts past the sheet's size
   * are cut off, and a merge overlapping an earlier one is dropped (Sheets never holds both).
   */
  loadMerges(list: ReadonlyArray<{ row: number; col: number; rows: number; cols: number }>): void {
    const ok = (n: number) => Number.isInteger(n) && n >= 0;
    const areas = list
      .filter((m) => ok(m.row) && ok(m.col) && ok(m.rows - 1) && ok(m.cols - 1))
      .map((m) => ({ row: m.row + 1, col: m.col + 1, rows: m.rows, cols: m.cols }));
    const kept: Area[] = [];
    for (const m of clipTo(areas, this.maxRows, this.maxCols)) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
    this.merges = kept;
  }

  /** For tests and the playground, without counting: the merged areas, 0-based, in reading order. */
  peekMerges(): Array<{ row: number; col: number; rows: number; cols: number }> {
    return [...this.merges]
      .sort(byPosition)
      .map((m) => ({ row: m.row - 1, col: m.col - 1, rows: m.rows, cols: m.cols }));
  }

  /** The merges that share a cell with `area`, in reading order (Range.getMergedRanges). */
  mergesIn(area: Area): Area[] {
    return this.merges.filter((m) => overlaps(area, m)).sort(byPosition);
  }

  /**
   * Merges each area (Range.merge, mergeAcross, mergeVertically): all are checked before any is made;
   * merges inside them are absorbed; only the top-left value of each stays, as in Sheets.
   */
  mergeAreas(areas: readonly Area[]): void {
    const fresh = areas.filter((a) => !single(a));
    const kept = mergeWith(this.merges, fresh);
    for (const a of fresh)
      for (let i = 0; i < a.rows; i++)
        for (let j = 0; j < a.cols; j++) {
          const c = (i || j) && this.cell(a.row + i, a.col + j);
          if (c) Object.assign(c, { value: '', formula: '' });
        }
    this.merges = [...kept, ...fresh.map((a) => ({ ...a }))];
  }

  /** Range.breakApart: the merges inside `area` become single cells again. */
  breakApartArea(area: Area): void {
    this.merges = breakApart(this.merges, area);
  }

  /**
   * Whether a write to (row, col) is lost: Sheets keeps nothing typed into a cell a merge covers. The
   * merges are looked up once per write (`within`), so a large write over an unmerged sheet costs nothing.
   */
  coveredTest(within: Area): ((row: number, col: number) => boolean) | null {
    const near = this.mergesIn(within);
    if (!near.length) return null;
    return (row, col) =>
      near.some(
        (m) =>
          row >= m.row &&
          col >= m.col &&
          row < m.row + m.rows &&
          col < m.col + m.cols &&
          (row !== m.row || col !== m.col),
      );
  }

  rename(name: string): void {
    this.name = name;
  }

  /** The cell, created on demand when `create` (inside the sheet's size only). */
  cell(row: number, col: number, create = false): Cell | undefined {
    if (create) {
      if (row > this.maxRows || col > this.maxCols) throw new Error(OUTSIDE);
      while (this.cells.length < row) this.cells.push([]);
      const r = this.cells[row - 1]!;
      while (r.length < col) r.push(blank());
    }
    return this.cells[row - 1]?.[col - 1];
  }

  /** Throws as Sheets does when a range does not fit the sheet. */
  checkBounds(row: number, col: number, rows: number, cols: number): void {
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) throw new Error(OUTSIDE);
  }

  /** Last row and column holding a value (formats and notes alone do not count, as in Sheets). */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c.value !== '' || c.formula !== '') {
          rows = Math.max(rows, i + 1);
          cols = Math.max(cols, j + 1);
        }
      }),
    );
    return { rows, cols };
  }

  /** Extent of anything stored: values, notes, non-white backgrounds (for the playground grid). */
  usedExtent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c.value !== '' || c.formula !== '' || c.note !== '' || c.background !== WHITE) {
          rows = Math.max(rows, i + 1);
          cols = Math.max(cols, j + 1);
        }
      }),
    );
    return { rows, cols };
  }

  /** The sheet's size, without counting (tests). */
  size(): { rows: number; cols: number } {
    return { rows: this.maxRows, cols: this.maxCols };
  }

  getName() {
    this.c('getName');
    return this.name;
  }
  setName(name: string) {
    this.c('setName');
    this.name = name;
    return this;
  }
  getSheetId() {
    this.c('getSheetId');
    return this.id;
  }
  getParent() {
    this.c('getParent');
    return this.parent;
  }
  getLastRow() {
    this.c('getLastRow');
    return this.extent().rows;
  }
  getLastColumn() {
    this.c('getLastColumn');
    return this.extent().cols;
  }
  getMaxRows() {
    this.c('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns() {
    this.c('getMaxColumns');
    return this.maxCols;
  }
  getDataRange() {
    this.c('getDataRange');
    const { rows, cols } = this.extent();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1));
  }
  getRange(a: string | number, col?: number, numRows = 1, numCols = 1) {
    this.c('getRange');
    if (typeof a === 'string') {
      const r = parseA1(a, this.maxRows);
      this.checkBounds(r.row, r.col, r.rows, r.cols);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    }
    if (!Number.isInteger(a) || a < 1 || !Number.isInteger(col) || col! < 1) throw new Error(OUTSIDE);
    if (!Number.isInteger(numRows) || numRows < 1)
      throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numCols) || numCols < 1) {
      throw new Error('The number of columns in the range must be at least 1.');
    }
    this.checkBounds(a, col!, numRows, numCols);
    return new FakeRange(this, a, col!, numRows, numCols);
  }
  /** Ranges anywhere in this sheet by A1 notation, each checked as getRange checks it (Sheet.getRangeList). */
  getRangeList(a1Notations: string[]) {
    this.c('getRangeList');
    if (!Array.isArray(a1Notations) || !a1Notations.length) throw new Error('Range not found');
    const ranges = a1Notations.map((a1) => {
      const r = parseA1(a1, this.maxRows);
      this.checkBounds(r.row, r.col, r.rows, r.cols);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    });
    return new FakeRangeList(this, ranges);
  }
  clear() {
    this.c('clear');
    this.cells = [];
    return this;
  }
  clearContents() {
    this.c('clearContents');
    for (const r of this.cells) for (const c of r) Object.assign(c, { value: '', formula: '' });
    return this;
  }

  // ------------------------------------------------------------ rows and columns

  /** New rows at 0-based index `at`, formatted like the row at `from` (0-based, before insertion). */
  private addRows(at: number, n: number, from: number): void {
    const model = this.cells[from] ?? [];
    const fresh = () => model.map((c) => ({ ...blank(), background: c.background, format: c.format, bold: c.bold }));
    if (at <= this.cells.length) this.cells.splice(at, 0, ...Array.from({ length: n }, fresh));
    this.maxRows += n;
    insertInto(this.merges, 'row', at, n);
  }
  private checkCount(n: number, what: string) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`The number of ${what} must be at least 1.`);
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.c('insertRowsAfter');
    this.checkCount(howMany, 'rows');
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    this.addRows(afterPosition, howMany, afterPosition - 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    this.c('insertRowsBefore');
    this.checkCount(howMany, 'rows');
    if (!Number.isInteger(beforePosition) || beforePosition < 1 || beforePosition > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    this.addRows(beforePosition - 1, howMany, beforePosition - 1);
    return this;
  }
  insertRowAfter(afterPosition: number) {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number) {
    return this.insertRowsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number) {
    this.c('deleteRows');
    this.checkCount(howMany, 'rows');
    if (!Number.isInteger(rowPosition) || rowPosition < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows - this.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.merges = deleteFrom(this.merges, 'row', rowPosition, howMany);
  }
  deleteRow(rowPosition: number) {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  /** New columns at 0-based index `at`, formatted like the column at `from` (0-based, before insertion). */
  private addColumns(at: number, n: number, from: number): void {
    for (const r of this.cells) {
      if (at > r.length) continue;
      const m = r[from];
      const fresh = () => ({ ...blank(), ...(m ? { background: m.background, format: m.format, bold: m.bold } : {}) });
      r.splice(at, 0, ...Array.from({ length: n }, fresh));
    }
    this.maxCols += n;
    insertInto(this.merges, 'col', at, n);
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.c('insertColumnsAfter');
    this.checkCount(howMany, 'columns');
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this.maxCols) {
      throw new Error('Those columns are out of bounds.');
    }
    this.addColumns(afterPosition, howMany, afterPosition - 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    this.c('insertColumnsBefore');
    this.checkCount(howMany, 'columns');
    if (!Number.isInteger(beforePosition) || beforePosition < 1 || beforePosition > this.maxCols) {
      throw new Error('Those columns are out of bounds.');
    }
    this.addColumns(beforePosition - 1, howMany, beforePosition - 1);
    return this;
  }
  insertColumnAfter(afterPosition: number) {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number) {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number) {
    this.c('deleteColumns');
    this.checkCount(howMany, 'columns');
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition + howMany - 1 > this.maxCols) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.maxCols) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    for (const r of this.cells) r.splice(columnPosition - 1, howMany);
    this.maxCols -= howMany;
    this.merges = deleteFrom(this.merges, 'col', columnPosition, howMany);
  }
  deleteColumn(columnPosition: number) {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** Sorts the rows below the frozen ones by one column, as the Data › Sort sheet menu does. */
  sort(columnPosition: number, ascending = true) {
    this.c('sort');
    const { rows, cols } = this.extent();
    const first = this.frozenRows + 1;
    if (rows >= first)
      this.sortBlock(first, 1, rows - first + 1, Math.max(cols, columnPosition), [
        { column: columnPosition, ascending },
      ]);
    return this;
  }

  /** Reorders the rows of a block by its sort columns (absolute, 1-based); the block's cells move whole. */
  sortBlock(
    row: number,
    col: number,
    rows: number,
    cols: number,
    specs: Array<{ column: number; ascending: boolean }>,
  ) {
    for (const s of specs) {
      if (!Number.isInteger(s.column) || s.column < col || s.column > col + cols - 1) {
        throw new Error(`Column ${s.column} is out of range.`);
      }
    }
    const block = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => ({ ...(this.cell(row + i, col + j) ?? blank()) })),
    );
    const order = block.map((_, i) => i);
    order.sort((a, b) => {
      for (const s of specs) {
        const va = block[a]![s.column - col]!.value;
        const vb = block[b]![s.column - col]!.value;
        const ea = va === '';
        const eb = vb === '';
        if (ea || eb) {
          if (ea !== eb) return ea ? 1 : -1;
          continue;
        }
        const d = compareCells(va, vb);
        if (d !== 0) return s.ascending ? d : -d;
      }
      return a - b;
    });
    // Checked before anything moves: a sort that would split a merge changes nothing.
    this.merges = sortedWith(this.merges, { row, col, rows, cols }, order);
    order.forEach((from, i) => block[from]!.forEach((c, j) => Object.assign(this.cell(row + i, col + j, true)!, c)));
  }

  hideSheet() {
    this.c('hideSheet');
    this.hidden = true;
    return this;
  }
  showSheet() {
    this.c('showSheet');
    this.hidden = false;
    return this;
  }
  isSheetHidden() {
    this.c('isSheetHidden');
    return this.hidden;
  }
  activate() {
    this.c('activate');
    this.parent.setActiveSheetQuiet(this);
    return this;
  }
  setFrozenRows(n: number) {
    this.c('setFrozenRows');
    if (n > this.maxRows) throw new Error(OUTSIDE);
    this.frozenRows = n;
  }
  getFrozenRows() {
    this.c('getFrozenRows');
    return this.frozenRows;
  }
  setColumnWidth(_col: number, _width: number) {
    this.c('setColumnWidth');
    return this;
  }
  /** For tests and the playground: no counting. */
  peek(): { values: Value[][]; backgrounds: string[][]; notes: string[][]; bold: boolean[][]; hidden: boolean } {
    const { rows, cols } = this.usedExtent();
    const grid = <T>(f: (c: Cell) => T) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => f(this.cell(i + 1, j + 1) ?? blank())),
      );
    return {
      values: grid((c) => c.value),
      backgrounds: grid((c) => c.background),
      notes: grid((c) => c.note),
      bold: grid((c) => c.bold),
      hidden: this.hidden,
    };
  }
  formulaAt(row: number, col: number): string {
    return this.cell(row, col)?.formula ?? '';
  }
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** What setValue stores for a value: Sheets' own parsing of text. */
function parseInput(v: unknown, format: string): { value: Value; formula: string } {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v === 'string') {
    if (v.startsWith("'")) return { value: v.slice(1), formula: '' };
    if (v.startsWith('=') && v.length > 1) return { value: evaluate(v), formula: v };
    if (format !== '@' && NUMERIC.test(v.trim())) return { value: Number(v), formula: '' };
    return { value: v, formula: '' };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: '' };
  if (isDate(v)) return { value: new Date(v.getTime()), formula: '' };
  return { value: String(v), formula: '' };
}

/** The only formula the product writes is HYPERLINK; its value is its label. */
function evaluate(formula: string): Value {
  const m = /^=HYPERLINK\(\s*"[^"]*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)$/i.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : '';
}

function copy(v: Value): Value {
  return isDate(v) ? new Date(v.getTime()) : v;
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  private c(name: string) {
    this.sheet.parent.calls.count(`Range.${name}`);
  }

  private read<T>(f: (c: Cell) => T): T[][] {
    const out: T[][] = new Array(this.rows);
    const empty = blank();
    for (let i = 0; i < this.rows; i++) {
      const r: T[] = new Array(this.cols);
      for (let j = 0; j < this.cols; j++) r[j] = f(this.sheet.cell(this.row + i, this.col + j) ?? empty);
      out[i] = r;
    }
    return out;
  }

  /** Writes one value per cell; `lost` cells (covered by a merge) are checked but keep nothing. */
  private write<T>(
    data: T[][],
    f: (c: Cell, v: T) => void,
    lost?: ((row: number, col: number) => boolean) | null,
  ): this {
    if (!Array.isArray(data) || data.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this.rows}.`,
      );
    }
    data.forEach((r) => {
      if (!Array.isArray(r) || r.length !== this.cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(r) ? r.length : 0} but the range has ${this.cols}.`,
        );
      }
    });
    data.forEach((r, i) =>
      r.forEach((v, j) => {
        if (lost?.(this.row + i, this.col + j)) return;
        f(this.sheet.cell(this.row + i, this.col + j, true)!, v);
      }),
    );
    return this;
  }

  private area(): Area {
    return { row: this.row, col: this.col, rows: this.rows, cols: this.cols };
  }

  getA1Notation() {
    this.c('getA1Notation');
    const start = `${letters(this.col)}${this.row}`;
    if (this.rows === 1 && this.cols === 1) return start;
    return `${start}:${letters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  getRow() {
    this.c('getRow');
    return this.row;
  }
  getColumn() {
    this.c('getColumn');
    return this.col;
  }
  getNumRows() {
    this.c('getNumRows');
    return this.rows;
  }
  getNumColumns() {
    this.c('getNumColumns');
    return this.cols;
  }
  getLastRow() {
    this.c('getLastRow');
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    this.c('getLastColumn');
    return this.col + this.cols - 1;
  }
  getSheet() {
    this.c('getSheet');
    return this.sheet;
  }
  getValues() {
    this.c('getValues');
    return this.read((c) => copy(c.value));
  }
  getValue() {
    this.c('getValue');
    return copy(this.sheet.cell(this.row, this.col)?.value ?? '');
  }
  getDisplayValues() {
    this.c('getDisplayValues');
    return this.read((c) => (isDate(c.value) ? c.value.toLocaleDateString('en-GB') : String(c.value)));
  }
  getFormulas() {
    this.c('getFormulas');
    return this.read((c) => c.formula);
  }
  setValues(values: unknown[][]) {
    this.c('setValues');
    return this.write(values, (c, v) => Object.assign(c, parseInput(v, c.format)), this.sheet.coveredTest(this.area()));
  }
  setValue(v: unknown) {
    this.c('setValue');
    if (this.sheet.coveredTest(this.area())?.(this.row, this.col)) return this;
    const c = this.sheet.cell(this.row, this.col, true)!;
    Object.assign(c, parseInput(v, c.format));
    return this;
  }
  /** Values and formulas go; formats and notes stay. */
  clearContent() {
    this.c('clearContent');
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) {
        const c = this.sheet.cell(this.row + i, this.col + j);
        if (c) Object.assign(c, { value: '', formula: '' });
      }
    return this;
  }
  getBackgrounds() {
    this.c('getBackgrounds');
    return this.read((c) => c.background);
  }
  getBackground() {
    this.c('getBackground');
    return this.sheet.cell(this.row, this.col)?.background ?? WHITE;
  }
  setBackgrounds(colors: Array<Array<string | null>>) {
    this.c('setBackgrounds');
    const checked = colors.map((r) => (Array.isArray(r) ? r.map(normaliseColor) : r));
    return this.write(checked as string[][], (c, v) => (c.background = v));
  }
  setBackground(color: string | null) {
    this.c('setBackground');
    const v = normaliseColor(color);
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j, true)!.background = v;
    return this;
  }
  getNotes() {
    this.c('getNotes');
    return this.read((c) => c.note);
  }
  getNote() {
    this.c('getNote');
    return this.sheet.cell(this.row, this.col)?.note ?? '';
  }
  setNotes(notes: Array<Array<string | null>>) {
    this.c('setNotes');
    return this.write(notes, (c, v) => (c.note = v === null ? '' : String(v)));
  }
  setNote(note: string | null) {
    this.c('setNote');
    this.sheet.cell(this.row, this.col, true)!.note = note ?? '';
    return this;
  }
  getNumberFormats() {
    this.c('getNumberFormats');
    return this.read((c) => c.format || '0.###############');
  }
  /** A format per cell (Apps Script's Range.setNumberFormats). */
  setNumberFormats(formats: string[][]) {
    this.c('setNumberFormats');
    return this.write(formats, (c, v) => (c.format = String(v)));
  }
  setNumberFormat(format: string) {
    this.c('setNumberFormat');
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j, true)!.format = format;
    return this;
  }
  setFontWeight(weight: 'bold' | 'normal' | null) {
    this.c('setFontWeight');
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j, true)!.bold = weight === 'bold';
    return this;
  }
  /** Sorts the range's rows: a column number, {column, ascending}, or a list of them (columns are the sheet's). */
  sort(spec: SortSpec | SortSpec[]) {
    this.c('sort');
    const list = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false },
    );
    this.sheet.sortBlock(this.row, this.col, this.rows, this.cols, list);
    return this;
  }
  activate() {
    this.c('activate');
    this.sheet.parent.setActiveSheetQuiet(this.sheet);
    this.sheet.parent.activeRange = this;
    return this;
  }

  // ------------------------------------------------------------ merged cells

  /** Merges the range into one cell; only the top-left value stays. A merge cut through by it throws. */
  merge() {
    this.c('merge');
    this.sheet.mergeAreas([this.area()]);
    return this;
  }
  /** Merges each row of the range on its own. */
  mergeAcross() {
    this.c('mergeAcross');
    this.sheet.mergeAreas(
      Array.from({ length: this.rows }, (_, i) => ({ ...this.area(), row: this.row + i, rows: 1 })),
    );
    return this;
  }
  /** Merges each column of the range on its own. */
  mergeVertically() {
    this.c('mergeVertically');
    this.sheet.mergeAreas(
      Array.from({ length: this.cols }, (_, j) => ({ ...this.area(), col: this.col + j, cols: 1 })),
    );
    return this;
  }
  /** Every merge inside the range becomes single cells again; one only partly inside throws. */
  breakApart() {
    this.c('breakApart');
    this.sheet.breakApartArea(this.area());
    return this;
  }
  /** Whether any cell of the range belongs to a merge. */
  isPartOfMerge() {
    this.c('isPartOfMerge');
    return this.sheet.mergesIn(this.area()).length > 0;
  }
  /** The whole merges that share a cell with the range, each as a range (not counted as getRange calls). */
  getMergedRanges() {
    this.c('getMergedRanges');
    return this.sheet.mergesIn(this.area()).map((m) => new FakeRange(this.sheet, m.row, m.col, m.rows, m.cols));
  }
}

/**
 * Apps Script's RangeList: one call sets one fill or note on ranges anywhere in a sheet. A fill and
 * clearNote cover every cell of each range; setNote, like this fake's Range.setNote, its top-left cell.
 */
export class FakeRangeList {
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: readonly FakeRange[],
  ) {}

  private c(name: string) {
    this.sheet.parent.calls.count(`RangeList.${name}`);
  }

  private each(f: (c: Cell) => void, topLeft = false): this {
    for (const r of this.ranges)
      for (let i = 0; i < (topLeft ? 1 : r.rows); i++)
        for (let j = 0; j < (topLeft ? 1 : r.cols); j++) f(this.sheet.cell(r.row + i, r.col + j, true)!);
    return this;
  }

  getRanges() {
    this.c('getRanges');
    return this.ranges.slice();
  }
  setBackground(color: string | null) {
    this.c('setBackground');
    const v = normaliseColor(color);
    return this.each((c) => (c.background = v));
  }
  setNote(note: string | null) {
    this.c('setNote');
    return this.each((c) => (c.note = note ?? ''), true);
  }
  clearNote() {
    this.c('clearNote');
    return this.each((c) => (c.note = ''));
  }
}
