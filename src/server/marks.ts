/**
 * Marks on the roster sheets and clear: per sheet one read of backgrounds and notes, then writes of only the
 * cells that change, in a bounded number of calls (core/mark-writes.ts). Write-ahead: what the writes may
 * change is saved before them, and the previous record replaced only after the new one is written
 * (DESIGN.md, "Marks must never get stuck").
 */
import { planWrites, type Piece, type Writes } from '../core/mark-writes';
import {
  addCounts,
  NO_CLEAR,
  planMarks,
  storedExtent,
  unmark,
  type ClearCount,
  type Grid,
  type MarkStore,
  type SheetGrid,
  type StoredSheet,
} from '../core/marks';
import type { Cell, Finding, Lang } from '../core/types';
import { dropStore, openStore, writeStore, type StoreHandle } from './marks-store';
import type { ClearOutcome } from './messages';
import { MAX_CELLS, MAX_ROWS, userSheets, type SheetRef } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Read this far past the data and the saved marks: rows or columns inserted below or right of a mark took
 * its fill, and notes can outlive values the user deleted.
 */
const MARGIN_ROWS = 50;
const MARGIN_COLS = 5;

/** A sheet to mark (with its findings) or only to take marks off (no findings). */
export interface MarkTarget extends SheetRef {
  values: readonly (readonly Cell[])[];
  findings: readonly Finding[];
}

function readGrid(t: MarkTarget, stored: StoredSheet | undefined): SheetGrid {
  const ext = storedExtent(stored);
  const width = t.values.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = Math.min(t.sheet.getMaxRows(), Math.max(t.values.length, ext.rows) + MARGIN_ROWS);
  const cols = Math.min(t.sheet.getMaxColumns(), Math.max(width, ext.cols) + MARGIN_COLS);
  const range = t.sheet.getRange(1, 1, rows, cols);
  return { values: t.values, backgrounds: range.getBackgrounds(), notes: range.getNotes() };
}

/** One kind's pieces: a list of ranges takes one value in one call, a block its cells from the grid. */
function writePieces(sheet: Sheet, pieces: readonly Piece[], grid: string[][], notes: boolean): void {
  for (const p of pieces) {
    if (p.kind === 'list') {
      const list = sheet.getRangeList(p.a1);
      if (!notes) list.setBackground(p.value);
      else if (p.value) list.setNote(p.value);
      else list.clearNote();
      continue;
    }
    const range = sheet.getRange(p.r0 + 1, p.c0 + 1, p.rows, p.cols);
    const cut = grid.slice(p.r0, p.r0 + p.rows).map((r) => r.slice(p.c0, p.c0 + p.cols));
    if (notes) range.setNotes(cut);
    else range.setBackgrounds(cut);
  }
}

/** Writes only the cells that change: notes first, so a mark whose fill is written always has its heading. */
function writeChanges(sheet: Sheet, w: Writes, after: Grid): void {
  writePieces(sheet, w.notes, after.notes, true);
  writePieces(sheet, w.backgrounds, after.backgrounds, false);
}

const writesAny = (w: Writes): boolean => w.notes.length + w.backgrounds.length > 0;

/** A sheet's values; null for one too big to have been checked (so never marked) and too big to read. */
function readValues(sheet: Sheet): Cell[][] | null {
  const range = sheet.getDataRange();
  const rows = range.getNumRows();
  if (rows > MAX_ROWS || rows * range.getNumColumns() > MAX_CELLS) return null;
  return range.getValues();
}

function targetsOf(refs: SheetRef[]): MarkTarget[] {
  const out: MarkTarget[] = [];
  for (const ref of refs) {
    const values = readValues(ref.sheet);
    if (values) out.push({ ...ref, values, findings: [] });
  }
  return out;
}

/**
 * The sheets whose marks must be seen to: the given ones, those the store names, and — when the store is
 * lost, damaged or partly unreadable — every sheet, since marks could be anywhere.
 */
function withStoreSheets(ss: Spreadsheet, given: MarkTarget[], handle: StoreHandle): MarkTarget[] {
  const { store, damaged, bad } = handle.read;
  const all = given.slice();
  const have = new Set(given.map((t) => t.id));
  const named = new Set((store?.sheets ?? []).map((s) => s.id));
  const everywhere = damaged || bad > 0 || (!store && handle.sheet !== null);
  if (!named.size && !everywhere) return all;
  const more = userSheets(ss).filter((ref) => !have.has(ref.id) && (everywhere || named.has(ref.id)));
  return all.concat(targetsOf(more));
}

export interface MarkOutcome {
  marked: number;
  /** Earlier marks taken off on the way. */
  cleared: ClearCount;
  bad: number;
}

/**
 * Undoes the previous marks (where the user has not changed a cell since) and marks these findings:
 * save what may change → write → save what is now marked.
 */
export function markSheets(ss: Spreadsheet, targets: MarkTarget[], lang: Lang, keepActive: Sheet): MarkOutcome {
  const handle = openStore(ss);
  const stored = new Map((handle.read.store?.sheets ?? []).map((s) => [s.id, s]));
  const all = withStoreSheets(ss, targets, handle);
  const plans = all.map((t) => {
    const grid = readGrid(t, stored.get(t.id));
    const plan = planMarks(grid, stored.get(t.id), t.findings, lang, { id: t.id, name: t.name });
    return { t, plan, writes: planWrites(grid, plan.grid) };
  });
  const seq = handle.read.store?.seq ?? 0;
  const keep = (list: StoredSheet[]) => list.filter((s) => s.rows.length);
  const ahead: MarkStore = { seq: seq + 1, sheets: keep(plans.map((p) => p.plan.ahead)) };
  const after: MarkStore = { seq: seq + 2, sheets: keep(plans.map((p) => p.plan.after)) };
  const changes = plans.some((p) => writesAny(p.writes));

  if (changes && ahead.sheets.length) writeStore(ss, handle, ahead, keepActive);
  for (const p of plans) writeChanges(p.t.sheet, p.writes, p.plan.grid);
  if (after.sheets.length) writeStore(ss, handle, after, keepActive);
  else dropStore(ss, handle);

  return {
    marked: plans.reduce((n, p) => n + p.plan.marked, 0),
    cleared: plans.reduce((c, p) => addCounts(c, p.plan.cleared), NO_CLEAR),
    bad: handle.read.bad,
  };
}

/**
 * "ล้างเครื่องหมาย": every sheet the store names (or every sheet when it is lost or damaged) gets back what
 * marks replaced; cells the user changed since keep the user's version. The store goes last, so a failure
 * part-way leaves it for the next clear.
 */
export function clearAllMarks(ss: Spreadsheet): ClearOutcome & { found: boolean } {
  const handle = openStore(ss);
  const stored = new Map((handle.read.store?.sheets ?? []).map((s) => [s.id, s]));
  const lost = !handle.read.store || handle.read.damaged || handle.read.bad > 0;
  const targets = withStoreSheets(ss, [], handle);
  const all = lost && !handle.sheet ? targetsOf(userSheets(ss)) : targets;
  let count = NO_CLEAR;
  for (const t of all) {
    const grid = readGrid(t, stored.get(t.id));
    const u = unmark(grid, stored.get(t.id));
    writeChanges(t.sheet, planWrites(grid, u.grid), u.grid);
    count = addCounts(count, u.count);
  }
  const found = handle.sheet !== null || count.fromMarks + count.fromStore + count.kept + count.copied > 0;
  dropStore(ss, handle);
  return { ...count, bad: handle.read.bad, found };
}
