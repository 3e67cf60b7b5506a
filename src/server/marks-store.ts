/**
 * The hidden sheet holding what marks replaced. Records alternate between columns A and B: a new record
 * is written into the column the current one is not in, and the old column emptied only after, so a
 * failure at any call leaves a complete record to read, and the sheet never changes size.
 */
import { parseStore, type MarkStore, type StoreRead, serialiseStore } from '../core/marks';
import { ensureSize, MARKS_SHEET, ownSheet } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SLOTS = 2;

export interface StoreHandle {
  sheet: Sheet | null;
  /** Rows in use in each slot (column). */
  used: number[];
  /** The slot holding the record read (the newest complete one), or -1. */
  current: number;
  read: StoreRead;
}

/** One read of the store sheet; a missing, edited or cut-short store reads as such, never throws. */
export function openStore(ss: Spreadsheet): StoreHandle {
  const sheet = ss.getSheetByName(MARKS_SHEET);
  const none = { store: null, bad: 0, damaged: false };
  if (!sheet) return { sheet: null, used: [0, 0], current: -1, read: none };
  const values = sheet.getDataRange().getValues();
  const width = values[0]?.length ?? 0;
  const columns = Array.from({ length: Math.max(width, SLOTS) }, (_, c) => values.map((r) => r[c] ?? ''));
  const used = columns.map((col) => {
    let n = col.length;
    while (n > 0 && String(col[n - 1]).trim() === '') n--;
    return n;
  });
  const reads = columns.map((col) => parseStore(col));
  // The newest complete record of any column; damage anywhere else (an edit, a cut-short write) is noted.
  let current = -1;
  reads.forEach((r, c) => {
    if (r.store && (current < 0 || r.store.seq > reads[current]!.store!.seq)) current = c;
  });
  const damaged = current < 0 && reads.some((r) => r.damaged);
  const read = current < 0 ? { ...none, damaged } : reads[current]!;
  return { sheet, used, current, read };
}

/** Writes a record into the other slot, then empties the old one (and anything typed beside them). */
export function writeStore(ss: Spreadsheet, handle: StoreHandle, store: MarkStore, keepActive: Sheet): void {
  const lines = serialiseStore(store);
  const sheet = handle.sheet ?? ownSheet(ss, MARKS_SHEET, true, keepActive);
  handle.sheet = sheet;
  const slot = handle.current === 0 ? 1 : 0;
  ensureSize(sheet, lines.length, SLOTS);
  // A leading apostrophe keeps each line text: no number or formula parsing.
  sheet.getRange(1, slot + 1, lines.length, 1).setValues(lines.map((l) => [`'${l}`]));
  // Then the old record, anything typed beside it, and any rest of an older record below the new one.
  handle.used.forEach((n, c) => {
    if (c !== slot && n > 0) sheet.getRange(1, c + 1, n, 1).clearContent();
    else if (c === slot && n > lines.length)
      sheet.getRange(lines.length + 1, c + 1, n - lines.length, 1).clearContent();
  });
  handle.used = handle.used.map((_, c) => (c === slot ? lines.length : 0));
  handle.current = slot;
}

/** Removes the store once no mark is left to undo. */
export function dropStore(ss: Spreadsheet, handle: StoreHandle): void {
  if (handle.sheet) ss.deleteSheet(handle.sheet);
  handle.sheet = null;
  handle.used = [0, 0];
  handle.current = -1;
}
