/** Marks on the roster: one read and one write of backgrounds and notes, originals kept in a hidden sheet. */
import {
  applyMarks,
  parseMarks,
  restoreMarks,
  savedExtent,
  serialiseMarks,
  type Grid,
  type SavedMarks,
} from '../core/marks';
import type { Finding, Lang } from '../core/types';
import { M } from './messages';
import { UserError } from './result';
import { MARKS_SHEET, ownSheet } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function readSavedMarks(ss: Spreadsheet): SavedMarks | null {
  const store = ss.getSheetByName(MARKS_SHEET);
  if (!store) return null;
  const chunks = store
    .getDataRange()
    .getValues()
    .map((r) => String(r[0] ?? ''));
  return parseMarks(chunks);
}

function writeSavedMarks(ss: Spreadsheet, marks: SavedMarks, keepActive: Sheet): void {
  const existing = ss.getSheetByName(MARKS_SHEET);
  if (marks.cells.length === 0) {
    if (existing) ss.deleteSheet(existing);
    return;
  }
  const store = existing ?? ownSheet(ss, MARKS_SHEET, true, keepActive);
  if (existing) store.clear();
  // A leading apostrophe keeps each chunk text: no number or formula parsing.
  const chunks = serialiseMarks(marks).map((c) => [`'${c}`]);
  store.getRange(1, 1, chunks.length, 1).setValues(chunks);
}

function readGrid(range: Range): Grid {
  return { backgrounds: range.getBackgrounds(), notes: range.getNotes() };
}

function writeGrid(range: Range, grid: Grid): void {
  range.setBackgrounds(grid.backgrounds);
  range.setNotes(grid.notes);
}

/**
 * Undoes the previous marks (where the user has not changed a cell since) and marks these findings,
 * reading and writing the grid once. `rows` × `cols` is the roster's data range.
 */
export function markFindings(
  ss: Spreadsheet,
  sheet: Sheet,
  rows: number,
  cols: number,
  findings: readonly Finding[],
  lang: Lang,
): number {
  let previous = readSavedMarks(ss);
  const sheetId = sheet.getSheetId();
  if (previous && previous.sheetId !== sheetId) {
    clearSavedMarks(ss, previous);
    previous = null;
  }
  const extent = previous ? savedExtent(previous.cells) : { rows: 0, cols: 0 };
  const range = sheet.getRange(1, 1, Math.max(rows, extent.rows), Math.max(cols, extent.cols));
  let grid = readGrid(range);
  if (previous) grid = restoreMarks(grid, previous.cells).grid;
  const marked = applyMarks(grid, findings, lang);
  writeGrid(range, marked.grid);
  writeSavedMarks(ss, { sheetId, sheetName: sheet.getName(), cells: marked.saved }, sheet);
  return marked.saved.length;
}

function clearSavedMarks(ss: Spreadsheet, marks: SavedMarks): { restored: number; kept: number } {
  const sheet = ss.getSheets().find((s) => s.getSheetId() === marks.sheetId);
  const store = ss.getSheetByName(MARKS_SHEET);
  let outcome = { restored: 0, kept: 0 };
  if (sheet && marks.cells.length) {
    const { rows, cols } = savedExtent(marks.cells);
    const range = sheet.getRange(1, 1, rows, cols);
    const r = restoreMarks(readGrid(range), marks.cells);
    writeGrid(range, r.grid);
    outcome = { restored: r.restored, kept: r.kept };
  }
  if (store) ss.deleteSheet(store);
  return outcome;
}

/** "ล้างเครื่องหมาย": restores what marks replaced; cells the user changed since keep the user's version. */
export function clearMarks(ss: Spreadsheet): { restored: number; kept: number } {
  const marks = readSavedMarks(ss);
  if (!marks) {
    const store = ss.getSheetByName(MARKS_SHEET);
    if (store) ss.deleteSheet(store);
    throw new UserError(M.nothingToClear);
  }
  return clearSavedMarks(ss, marks);
}
