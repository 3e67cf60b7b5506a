/**
 * An in-memory SpreadsheetApp: spreadsheets, sheets and ranges that behave like Apps Script's where it
 * matters to a caller (A1 notation, '' for empty cells, Date values, setValues turning numeric text into
 * numbers and "=…" into formulas unless the text starts with an apostrophe, dimension checks that throw
 * the same way, default white backgrounds and empty notes). Every call is counted.
 */
import { isDate } from '../core/dates';
import { columnIndex, columnLetter } from '../core/headers';
import type { CallLog } from './calls';

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
  /** For tests and the playground: every sheet, without counting. */
  allSheets(): readonly FakeSheet[] {
    return this.sheets;
  }
  activeIndex(): number {
    return this.active;
  }
}

export class FakeSheet {
  /** cells[row-1][col-1], grown on write. */
  private cells: Cell[][] = [];
  private hidden = false;
  private frozenRows = 0;

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  private c(name: string) {
    this.parent.calls.count(`Sheet.${name}`);
  }

  /** Setup without counting: values as getValues would return them. */
  load(values: Value[][]): void {
    this.cells = values.map((row) => row.map((v) => ({ ...blank(), value: v })));
  }

  rename(name: string): void {
    this.name = name;
  }

  /** The cell, created on demand when `create`. */
  cell(row: number, col: number, create = false): Cell | undefined {
    if (create) {
      while (this.cells.length < row) this.cells.push([]);
      const r = this.cells[row - 1]!;
      while (r.length < col) r.push(blank());
    }
    return this.cells[row - 1]?.[col - 1];
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
    return Math.max(1000, this.cells.length);
  }
  getMaxColumns() {
    this.c('getMaxColumns');
    return Math.max(26, ...this.cells.map((r) => r.length));
  }
  getDataRange() {
    this.c('getDataRange');
    const { rows, cols } = this.extent();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1));
  }
  getRange(a: string | number, col?: number, numRows = 1, numCols = 1) {
    this.c('getRange');
    if (typeof a === 'string') {
      const r = parseA1(a, this.getMaxRowsQuiet());
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    }
    if (!Number.isInteger(a) || a < 1 || !Number.isInteger(col) || col! < 1 || numRows < 1 || numCols < 1) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, a, col!, numRows, numCols);
  }
  private getMaxRowsQuiet() {
    return Math.max(1000, this.cells.length);
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

  private write<T>(data: T[][], f: (c: Cell, v: T) => void): this {
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
    data.forEach((r, i) => r.forEach((v, j) => f(this.sheet.cell(this.row + i, this.col + j, true)!, v)));
    return this;
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
    return this.write(values, (c, v) => Object.assign(c, parseInput(v, c.format)));
  }
  setValue(v: unknown) {
    this.c('setValue');
    const c = this.sheet.cell(this.row, this.col, true)!;
    Object.assign(c, parseInput(v, c.format));
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
  activate() {
    this.c('activate');
    this.sheet.parent.setActiveSheetQuiet(this.sheet);
    this.sheet.parent.activeRange = this;
    return this;
  }
}
