/**
 * A record kept in a hidden sheet by write-ahead (DESIGN.md, "Marks must never get stuck"): records
 * alternate between columns A and B — a new record is written into the column (slot) the current one is not
 * in, and the old column is emptied only after — so a failure at any call leaves a complete record to read,
 * and the sheet never changes size. The marks store and the fixes' undo record both live this way; each
 * brings its own parser and serialiser.
 */
import type { Cell } from '../core/types';
import { ensureSize, ownSheet } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SLOTS = 2;

/** What a parser makes of one column's lines. */
export interface SlotRead {
  /** A cut-short or edited record (or lines that are no record at all). */
  damaged: boolean;
}

export interface SlotHandle<R extends SlotRead> {
  sheet: Sheet | null;
  /** Rows in use in each slot (column). */
  used: number[];
  /** The slot holding the record read (the newest complete one), or -1. */
  current: number;
  read: R;
}

export interface SlotKind<R extends SlotRead> {
  /** The hidden sheet's name. */
  sheet: string;
  /** One column's lines into a read; `seq` of a complete record, null when there is none. */
  parse(lines: readonly Cell[]): R;
  seq(read: R): number | null;
  /** The read of a sheet without any record. */
  none: R;
}

/** One read of the hidden sheet; a missing, edited or cut-short record reads as such, never throws. */
export function openSlots<R extends SlotRead>(ss: Spreadsheet, kind: SlotKind<R>): SlotHandle<R> {
  const sheet = ss.getSheetByName(kind.sheet);
  if (!sheet) return { sheet: null, used: [0, 0], current: -1, read: kind.none };
  const values = sheet.getDataRange().getValues() as Cell[][];
  const width = values[0]?.length ?? 0;
  const columns = Array.from({ length: Math.max(width, SLOTS) }, (_, c) => values.map((r) => r[c] ?? ''));
  const used = columns.map((col) => {
    let n = col.length;
    while (n > 0 && String(col[n - 1]).trim() === '') n--;
    return n;
  });
  const reads = columns.map((col) => kind.parse(col));
  // The newest complete record of any column; damage anywhere else (an edit, a cut-short write) is noted.
  let current = -1;
  reads.forEach((r, c) => {
    const seq = kind.seq(r);
    if (seq !== null && (current < 0 || seq > kind.seq(reads[current]!)!)) current = c;
  });
  const damaged = current < 0 && reads.some((r) => r.damaged);
  return { sheet, used, current, read: current < 0 ? { ...kind.none, damaged } : reads[current]! };
}

/** Writes a record's lines into the other slot, then empties the old one (and anything typed beside them). */
export function writeSlots<R extends SlotRead>(
  ss: Spreadsheet,
  kind: SlotKind<R>,
  handle: SlotHandle<R>,
  lines: string[],
  keepActive: Sheet,
): void {
  const sheet = handle.sheet ?? ownSheet(ss, kind.sheet, true, keepActive);
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

/** Removes the hidden sheet once nothing is left to undo. */
export function dropSlots<R extends SlotRead>(ss: Spreadsheet, handle: SlotHandle<R>): void {
  if (handle.sheet) ss.deleteSheet(handle.sheet);
  handle.sheet = null;
  handle.used = [0, 0];
  handle.current = -1;
}
