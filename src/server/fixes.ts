/**
 * Fixes in the add-on (issue 14): the plan for the sheets a check covers, previewed; the chosen fixes
 * written in one batch per sheet; undo. The calls per sheet stay the same whatever the number of fixes:
 * one read of values, one of formats and one of formulas over the block of fixed cells, one write of
 * formats for the citizen-ID column and one write of values per fixed column. The undo record is written
 * before any cell is (fixes-store.ts).
 */
import {
  applyFixes,
  FIX_KINDS,
  FIX_LABEL,
  FIX_RULE,
  planWorkbookFixes,
  sameCell,
  type Fix,
  type FixKind,
} from '../core/fixes';
import { cellText, mapHeaders } from '../core/headers';
import type { Settings } from '../core/settings';
import { maskCidsIn } from '../core/thai-id';
import type { Cell, Msg } from '../core/types';
import { runCheck, type CheckData } from './check';
import {
  countCells,
  dropRecord,
  holdsFix,
  mergeSheet,
  openRecord,
  placeCells,
  writeRecord,
  type FixedSheet,
  type FixRecord,
  type Writing,
} from './fixes-store';
import { M } from './messages';
import { UserError, withDocumentLock } from './result';
import { loadSettings } from './settings-store';
import { MAX_CELLS, MAX_ROWS, scopeSheets, userSheets, type SheetRef } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Values = readonly (readonly Cell[])[];

/** The preview lists at most this many cells a kind (the counts are whole; the rest are fixed with their kind). */
export const PREVIEW_PER_KIND = 200;
/** "What changed" after a fix lists at most this many cells. */
const CHANGES_SHOWN = 500;

/** One fixed (or fixable) cell as the sidebar shows it: values as text, exactly as they are. */
export interface FixItem {
  sheet: string;
  cell: string;
  kind: FixKind;
  /** Further repairs made to the same cell. */
  also: FixKind[];
  rule: string | null;
  before: string;
  after: string;
  /** What the cell holds before and after: a number and text look alike once shown. */
  beforeType: ValueType;
  afterType: ValueType;
}

export type ValueType = 'text' | 'number' | 'other';

export interface FixKindCount {
  kind: FixKind;
  label: Msg;
  rule: string | null;
  /** Cells that need this kind (as their main repair or beside another). */
  cells: number;
}

export interface FixGroup {
  kind: FixKind;
  label: Msg;
  rule: string | null;
  /** Cells whose main repair is this kind. */
  count: number;
  /** The first PREVIEW_PER_KIND of them. */
  items: FixItem[];
}

export interface FixPreview {
  /** Cells some fix would change, every kind enabled. */
  total: number;
  /** Cells the chosen kinds would change. */
  selected: number;
  /** Every kind some cell needs, each with its tick box in the sidebar. */
  kinds: FixKindCount[];
  /** The chosen kinds' fixes, grouped by each cell's main repair. */
  groups: FixGroup[];
  perGroup: number;
  sheets: string[];
  /** Cells an undo would put back now. */
  undoable: number;
}

export interface CellRef {
  sheet: string;
  cell: string;
  /** The value the preview showed: the cell is fixed only if the plan still makes exactly this. */
  after?: string;
}

export interface FixSelection {
  kinds: FixKind[];
  /** Only these cells (default: every cell the kinds fix). */
  cells?: CellRef[];
  /** Not these cells (the ones unticked in the preview). */
  skip?: CellRef[];
}

export interface FixApplied {
  fixed: number;
  byKind: FixKindCount[];
  /** The first cells changed, before → after. */
  changes: FixItem[];
  skipped: number;
  message: Msg;
  notices: Msg[];
  undoable: number;
  /** The check run again on the fixed sheets; null when it failed (the notices say why). */
  check: CheckData | null;
}

export interface FixUndone {
  restored: number;
  kept: number;
  missing: number;
  bad: number;
  message: Msg;
  notices: Msg[];
  check: CheckData | null;
}

// ---------------------------------------------------------------- reading

interface SheetRead extends SheetRef {
  values: Cell[][];
}

/** The sheets a check reads (sheets.ts), each read once; a sheet too big to check is never fixed. */
function readScope(ss: Spreadsheet, settings: Settings): SheetRead[] {
  const out: SheetRead[] = [];
  let cells = 0;
  for (const ref of scopeSheets(ss, settings).sheets) {
    const values = readValues(ref.sheet, MAX_CELLS - cells);
    if (!values) continue;
    cells += values.length * (values[0]?.length ?? 0);
    out.push({ ...ref, values });
  }
  return out;
}

/** One getValues of the data range; null for a sheet too big for one execution. */
function readValues(sheet: Sheet, room = MAX_CELLS): Cell[][] | null {
  const range = sheet.getDataRange();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  if (rows > MAX_ROWS || rows * cols > Math.min(MAX_CELLS, room)) return null;
  return range.getValues() as Cell[][];
}

/** The block of a sheet holding some cells (0-based), with its formulas and, when asked, number formats. */
interface Grid {
  r0: number;
  c0: number;
  formulas: string[][];
  formats: string[][] | null;
}

function readGrid(sheet: Sheet, cells: ReadonlyArray<{ r: number; c: number }>, formats: boolean): Grid | null {
  if (!cells.length) return null;
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const { r, c } of cells) {
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  const range = sheet.getRange(r0 + 1, c0 + 1, r1 - r0 + 1, c1 - c0 + 1);
  return { r0, c0, formulas: range.getFormulas(), formats: formats ? range.getNumberFormats() : null };
}

const formulaAt = (g: Grid, r: number, c: number): string => g.formulas[r - g.r0]?.[c - g.c0] ?? '';
const formatAt = (g: Grid, r: number, c: number): string => g.formats?.[r - g.r0]?.[c - g.c0] ?? '';

// ---------------------------------------------------------------- planning

function plan(source: string, settings: Settings, reads: SheetRead[], kinds?: readonly FixKind[]): Fix[] {
  const input = { source, sheets: reads.map((r) => ({ name: r.name, values: r.values })) };
  return planWorkbookFixes(input, settings, kinds ? { kinds } : {});
}

const shown = (v: Cell): string => cellText(v);
const typeOf = (v: Cell): ValueType => (typeof v === 'string' ? 'text' : typeof v === 'number' ? 'number' : 'other');

function itemOf(f: Fix): FixItem {
  return {
    sheet: f.sheet,
    cell: f.cell,
    kind: f.kind,
    also: f.also ?? [],
    rule: f.rule,
    before: shown(f.before),
    after: shown(f.after),
    beforeType: typeOf(f.before),
    afterType: typeOf(f.after),
  };
}

/** Cells counted under every kind they need, in FIX_KINDS order. */
function kindCounts(fixes: readonly Fix[]): FixKindCount[] {
  const n = new Map<FixKind, number>();
  for (const f of fixes) for (const k of [f.kind, ...(f.also ?? [])]) n.set(k, (n.get(k) ?? 0) + 1);
  return FIX_KINDS.filter((k) => n.has(k)).map((kind) => ({
    kind,
    label: FIX_LABEL[kind],
    rule: FIX_RULE[kind],
    cells: n.get(kind)!,
  }));
}

function groupsOf(fixes: readonly Fix[]): FixGroup[] {
  const by = new Map<FixKind, Fix[]>();
  for (const f of fixes) {
    const list = by.get(f.kind);
    if (list) list.push(f);
    else by.set(f.kind, [f]);
  }
  return FIX_KINDS.filter((k) => by.has(k)).map((kind) => {
    const list = by.get(kind)!;
    return {
      kind,
      label: FIX_LABEL[kind],
      rule: FIX_RULE[kind],
      count: list.length,
      items: list.slice(0, PREVIEW_PER_KIND).map(itemOf),
    };
  });
}

function groupBySheet(fixes: readonly Fix[]): Map<string, Fix[]> {
  const lists = new Map<string, Fix[]>();
  for (const f of fixes) {
    const list = lists.get(f.sheet);
    if (list) list.push(f);
    else lists.set(f.sheet, [f]);
  }
  return lists;
}

/** Fixes grouped by the sheet read they belong to, with the block of those cells read once. */
interface SheetWork {
  read: SheetRead;
  fixes: Fix[];
  grid: Grid;
}

/** Each sheet's fixes with its block; a cell holding a formula is never overwritten (counted as skipped). */
function bySheet(reads: SheetRead[], fixes: readonly Fix[], formats: boolean): { work: SheetWork[]; skipped: number } {
  const lists = groupBySheet(fixes);
  const work: SheetWork[] = [];
  let skipped = 0;
  for (const read of reads) {
    const list = lists.get(read.name);
    if (!list) continue;
    const grid = readGrid(
      read.sheet,
      list.map((f) => ({ r: f.row, c: f.col })),
      formats,
    )!;
    const kept = list.filter((f) => !formulaAt(grid, f.row, f.col));
    skipped += list.length - kept.length;
    if (kept.length) work.push({ read, fixes: kept, grid });
  }
  return { work, skipped };
}

// ---------------------------------------------------------------- the sidebar's input

const KIND_SET = new Set<string>(FIX_KINDS);
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const MAX_REFS = 200_000;

function parseKinds(x: unknown): FixKind[] {
  if (!Array.isArray(x) || x.length > FIX_KINDS.length * 2 || !x.every((k) => typeof k === 'string' && KIND_SET.has(k)))
    throw new UserError(M.badFixSelection);
  return [...new Set(x as FixKind[])];
}

function parseRefs(x: unknown): CellRef[] | undefined {
  if (x === undefined || x === null) return undefined;
  if (!Array.isArray(x) || x.length > MAX_REFS) throw new UserError(M.badFixSelection);
  return x.map((o: unknown) => {
    const r = (o ?? {}) as Record<string, unknown>;
    if (typeof r.sheet !== 'string' || typeof r.cell !== 'string' || !A1.test(r.cell))
      throw new UserError(M.badFixSelection);
    if (r.after !== undefined && typeof r.after !== 'string') throw new UserError(M.badFixSelection);
    return { sheet: r.sheet, cell: r.cell, ...(typeof r.after === 'string' ? { after: r.after } : {}) };
  });
}

function parseSelection(x: unknown): FixSelection {
  const o = (x ?? {}) as Record<string, unknown>;
  if (typeof x !== 'object' || x === null) throw new UserError(M.badFixSelection);
  const cells = parseRefs(o.cells);
  const skip = parseRefs(o.skip);
  return { kinds: parseKinds(o.kinds), ...(cells ? { cells } : {}), ...(skip ? { skip } : {}) };
}

const refKey = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** The planned fixes the user chose; `stale`: cells chosen whose fix is no longer the one previewed. */
function choose(fixes: readonly Fix[], sel: FixSelection): { chosen: Fix[]; stale: number } {
  const skip = new Set((sel.skip ?? []).map((c) => refKey(c.sheet, c.cell)));
  const left = fixes.filter((f) => !skip.has(refKey(f.sheet, f.cell)));
  if (!sel.cells) return { chosen: left, stale: 0 };
  const want = new Map(sel.cells.map((c) => [refKey(c.sheet, c.cell), c]));
  const chosen: Fix[] = [];
  let stale = 0;
  for (const f of left) {
    const w = want.get(refKey(f.sheet, f.cell));
    if (!w) continue;
    want.delete(refKey(f.sheet, f.cell));
    if (w.after !== undefined && w.after !== shown(f.after)) stale++;
    else chosen.push(f);
  }
  return { chosen, stale: stale + want.size };
}

// ---------------------------------------------------------------- writing

/**
 * What to send so a cell ends up holding exactly `v`: text is written with a leading apostrophe unless the
 * cell is plain text ('@'), so Sheets never turns "0812…" or "35.5" into a number, a date or a formula; text
 * that itself opens with an apostrophe gets one more, which Sheets takes off.
 */
function asInput(v: Cell, format: string): Cell {
  if (typeof v !== 'string') return v ?? '';
  return v === '' || (format === '@' && !v.startsWith("'")) ? v : `'${v}`;
}

interface CellWrite {
  r: number;
  c: number;
  /** The new value (absent: the value stays). */
  value?: Cell;
  /** The new number format (absent: the format stays). */
  format?: string;
}

/** Writes grouped by column, then by row. */
function columns(writes: readonly CellWrite[], has: (w: CellWrite) => boolean): Map<number, Map<number, CellWrite>> {
  const cols = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    if (!has(w)) continue;
    let col = cols.get(w.c);
    if (!col) cols.set(w.c, (col = new Map()));
    col.set(w.r, w);
  }
  return cols;
}

const span = (rows: Iterable<number>): [number, number] => {
  let lo = Infinity;
  let hi = -1;
  for (const r of rows) {
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  return [lo, hi];
};

/**
 * Formats first (an ID is written into a cell that is already plain text), then values: one write per
 * column over the rows from its first to its last change. Cells in between are written back as they are:
 * a formula as its formula, text as text.
 */
function writeCells(sheet: Sheet, values: Values, grid: Grid, writes: readonly CellWrite[]): void {
  const formatOf = new Map<string, string>();
  for (const [c, col] of columns(writes, (w) => w.format !== undefined)) {
    const [lo, hi] = span(col.keys());
    const block = Array.from({ length: hi - lo + 1 }, (_, i) => [col.get(lo + i)?.format ?? formatAt(grid, lo + i, c)]);
    for (const w of col.values()) formatOf.set(`${w.r}:${c}`, w.format!);
    sheet.getRange(lo + 1, c + 1, block.length, 1).setNumberFormats(block);
  }
  const format = (r: number, c: number) => formatOf.get(`${r}:${c}`) ?? formatAt(grid, r, c);
  for (const [c, col] of columns(writes, (w) => w.value !== undefined)) {
    const [lo, hi] = span(col.keys());
    let block: Cell[][] = [];
    const flush = (end: number) => {
      if (block.length) sheet.getRange(end - block.length + 1, c + 1, block.length, 1).setValues(block);
      block = [];
    };
    for (let r = lo; r <= hi; r++) {
      const w = col.get(r);
      const f = formulaAt(grid, r, c);
      const v = values[r]?.[c];
      const fmt = format(r, c);
      if (w) block.push([asInput(w.value, fmt)]);
      else if (f) block.push([f]);
      else if (writtenBack(v, fmt)) block.push([asInput(v, fmt)]);
      // A cell that could not be written back as it is ends the block: it is left untouched.
      else flush(r);
    }
    flush(hi + 1);
  }
}

/**
 * Whether a cell between two changes can be written back as it is. Text opening with "=" in a plain-text
 * cell ('@') cannot: whether Sheets keeps it as text, or an apostrophe before it, is not certain.
 */
function writtenBack(v: Cell, format: string): boolean {
  return !(format === '@' && typeof v === 'string' && v.startsWith('='));
}

// ---------------------------------------------------------------- entry points' work

function recordNotices(handle: ReturnType<typeof openRecord>): Msg[] {
  const { bad, damaged } = handle.read;
  return bad || damaged ? [M.fixRecordReplaced(bad, damaged)] : [];
}

/** The check again, after cells changed; its failure is said, not thrown (the cells did change). */
function recheck(): { check: CheckData | null; notices: Msg[] } {
  try {
    return { check: runCheck(), notices: [] };
  } catch (e) {
    const why = e instanceof UserError ? e.msg : M.unexpected(maskCidsIn(e instanceof Error ? e.message : String(e)));
    return { check: null, notices: [M.recheckFailed(why)] };
  }
}

/** The preview: every kind some cell needs, and the chosen kinds' fixes grouped (formula cells left out). */
export function planPreview(kindsInput?: unknown): FixPreview {
  const kinds = kindsInput === undefined || kindsInput === null ? [...FIX_KINDS] : parseKinds(kindsInput);
  return withDocumentLock(() => {
    const { settings } = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const reads = readScope(ss, settings);
    const source = ss.getName();
    const all = plan(source, settings, reads);
    const chosen = kinds.length === FIX_KINDS.length ? all : plan(source, settings, reads, kinds);
    // One read of formulas a sheet, over the cells either plan touches: a formula is never overwritten.
    const formula = new Set<string>();
    const touched = groupBySheet(chosen === all ? all : [...all, ...chosen]);
    for (const read of reads) {
      const list = touched.get(read.name) ?? [];
      const grid = readGrid(
        read.sheet,
        list.map((f) => ({ r: f.row, c: f.col })),
        false,
      );
      for (const f of list) if (grid && formulaAt(grid, f.row, f.col)) formula.add(refKey(f.sheet, f.cell));
    }
    const noFormula = (f: Fix) => !formula.has(refKey(f.sheet, f.cell));
    const allOk = all.filter(noFormula);
    const chosenOk = chosen.filter(noFormula);
    return {
      total: allOk.length,
      selected: chosenOk.length,
      kinds: kindCounts(allOk),
      groups: groupsOf(chosenOk),
      perGroup: PREVIEW_PER_KIND,
      sheets: [...new Set(allOk.map((f) => f.sheet))],
      undoable: countCells(openRecord(ss).read.record),
    };
  });
}

function applyNow(sel: FixSelection): Omit<FixApplied, 'check'> {
  const { settings } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const keepActive = ss.getActiveSheet();
  const reads = readScope(ss, settings);
  const { chosen, stale } = choose(plan(ss.getName(), settings, reads, sel.kinds), sel);
  const { work, skipped } = bySheet(reads, chosen, true);
  if (!work.length) throw new UserError(stale ? M.fixesStale : M.nothingToFix);

  // The record first: every cell about to change, what it holds and, if it is to become text, its format.
  const handle = openRecord(ss);
  const old = new Map((handle.read.record?.sheets ?? []).map((s) => [s.id, s]));
  const sheets = new Map<number, FixedSheet>(old);
  const writes = work.map((w) => {
    const values = w.read.values;
    const map = mapHeaders(values, settings.headerRow || undefined)!;
    const writing: Writing[] = w.fixes.map((f) => {
      const now = formatAt(w.grid, f.row, f.col);
      return {
        row: f.row,
        col: f.col,
        field: f.field,
        before: f.before,
        after: f.after,
        ...(f.format && now !== f.format ? { format: now } : {}),
      };
    });
    const id = { id: w.read.id, name: w.read.name };
    sheets.set(id.id, mergeSheet(old.get(id.id), id, values, applyFixes(values, w.fixes), map, writing));
    return w.fixes.map<CellWrite>((f) => ({
      r: f.row,
      c: f.col,
      value: f.after,
      ...(f.format ? { format: f.format } : {}),
    }));
  });
  const record: FixRecord = {
    seq: (handle.read.record?.seq ?? 0) + 1,
    sheets: [...sheets.values()].filter((s) => s.rows.length),
  };
  writeRecord(ss, handle, record, keepActive);
  work.forEach((w, i) => writeCells(w.read.sheet, w.read.values, w.grid, writes[i]!));

  const fixes = work.flatMap((w) => w.fixes);
  const notices = recordNotices(handle);
  if (skipped + stale) notices.push(M.fixesSkipped(skipped + stale));
  return {
    fixed: fixes.length,
    byKind: kindCounts(fixes),
    changes: fixes.slice(0, CHANGES_SHOWN).map(itemOf),
    skipped: skipped + stale,
    message: M.fixed(fixes.length, work.length),
    notices,
    undoable: countCells(record),
  };
}

/** "แก้ตามที่เลือก": the chosen fixes written, then the check run again. */
export function applySelection(selection: unknown): FixApplied {
  const sel = parseSelection(selection);
  const done = withDocumentLock(() => applyNow(sel));
  const again = recheck();
  return { ...done, notices: [...done.notices, ...again.notices], check: again.check };
}

type Runs = Map<string, Array<Array<{ r: number; c: number }>>>;

/**
 * For each cell, the cells of wholly blank rows above and below it and of wholly blank columns left and right
 * of it, nearest first: rows and columns inserted beside a cell take its format, as Sheets does.
 */
function besideBlank(values: Values, cells: ReadonlyArray<{ r: number; c: number }>): Runs {
  const runs: Runs = new Map();
  if (!cells.length) return runs;
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const empty = (v: Cell) => v === '' || v === null || v === undefined;
  const blankRow = (r: number) => (values[r] ?? []).every(empty);
  const blankCols = Array.from({ length: width }, (_, c) => values.every((row) => empty(row[c])));
  for (const { r, c } of cells) {
    const list: Array<Array<{ r: number; c: number }>> = [];
    for (const d of [-1, 1]) {
      const up: Array<{ r: number; c: number }> = [];
      for (let i = r + d; i >= 0 && i < values.length && blankRow(i); i += d) up.push({ r: i, c });
      const side: Array<{ r: number; c: number }> = [];
      for (let j = c + d; j >= 0 && j < width && blankCols[j]; j += d) side.push({ r, c: j });
      list.push(up, side);
    }
    runs.set(
      `${r}:${c}`,
      list.filter((x) => x.length),
    );
  }
  return runs;
}

/** Blank inserted cells that took the plain-text format of a cell whose format goes back get that format too. */
function copiedFormats(writes: CellWrite[], near: Runs, grid: Grid): void {
  const taken = new Set(writes.map((w) => `${w.r}:${w.c}`));
  for (const w of writes.slice()) {
    if (w.format === undefined) continue;
    for (const run of near.get(`${w.r}:${w.c}`) ?? []) {
      for (const { r, c } of run) {
        if (formatAt(grid, r, c) !== '@' || taken.has(`${r}:${c}`)) break;
        taken.add(`${r}:${c}`);
        writes.push({ r, c, format: w.format });
      }
    }
  }
}

function undoNow(): Omit<FixUndone, 'check'> {
  const { settings } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const handle = openRecord(ss);
  const record = handle.read.record;
  if (!record) {
    // An empty record sheet (a first apply that failed before writing one) goes; a damaged one stays to be seen.
    if (!handle.read.damaged && handle.sheet) dropRecord(ss, handle);
    throw new UserError(handle.read.damaged ? M.undoDamaged : M.nothingToUndo);
  }
  const refs = userSheets(ss);
  const count = { restored: 0, kept: 0, missing: 0, bad: handle.read.bad };
  for (const saved of record.sheets) {
    const ref = refs.find((r) => r.id === saved.id) ?? refs.find((r) => r.name === saved.name);
    const values = ref ? readValues(ref.sheet) : null;
    if (!ref || !values) {
      count.missing += countCells({ seq: 0, sheets: [saved] });
      continue;
    }
    const { placed, missing } = placeCells(saved, values, mapHeaders(values, settings.headerRow || undefined));
    const inside = placed.filter((p) => p.c < (values[p.r]?.length ?? 0));
    count.missing += missing + placed.length - inside.length;
    const near = besideBlank(
      values,
      inside.filter((p) => p.cell.f !== undefined),
    );
    const grid = readGrid(ref.sheet, [...inside, ...[...near.values()].flat(2)], true);
    if (!grid) continue;
    const writes: CellWrite[] = [];
    for (const { r, c, cell } of inside) {
      const v = values[r]![c];
      const fixed = !formulaAt(grid, r, c) && holdsFix(v, cell);
      const asBefore = !formulaAt(grid, r, c) && sameCell(v, cell.b);
      if (!fixed && !asBefore) {
        count.kept++;
        continue;
      }
      // The format the fix set goes back too, also where a failure left the value as it was.
      const format = cell.f !== undefined && cell.f !== '@' && formatAt(grid, r, c) === '@' ? cell.f : undefined;
      if (!fixed && format === undefined) continue;
      writes.push({ r, c, ...(fixed ? { value: cell.b } : {}), ...(format !== undefined ? { format } : {}) });
      count.restored++;
    }
    copiedFormats(writes, near, grid);
    writeCells(ref.sheet, values, grid, writes);
  }
  // Only once every cell is back: a failure before this leaves the record for the next undo.
  dropRecord(ss, handle);
  return { ...count, message: M.undone(count), notices: [] };
}

/** "ย้อนการแก้": every fixed cell the user has not changed since gets its value and format back. */
export function undoAll(): FixUndone {
  const done = withDocumentLock(undoNow);
  const again = recheck();
  return { ...done, notices: again.notices, check: again.check };
}
