/** The hidden sheet holding what marks replaced: a two-slot write-ahead record (slot-store.ts). */
import { parseStore, type MarkStore, type StoreRead, serialiseStore } from '../core/marks';
import { dropSlots, openSlots, writeSlots, type SlotHandle, type SlotKind } from './slot-store';
import { MARKS_SHEET } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type StoreHandle = SlotHandle<StoreRead>;

const MARKS: SlotKind<StoreRead> = {
  sheet: MARKS_SHEET,
  parse: parseStore,
  seq: (r) => r.store?.seq ?? null,
  none: { store: null, bad: 0, damaged: false },
};

/** One read of the store sheet; a missing, edited or cut-short store reads as such, never throws. */
export const openStore = (ss: Spreadsheet): StoreHandle => openSlots(ss, MARKS);

/** Writes a record into the other slot, then empties the old one (and anything typed beside them). */
export const writeStore = (ss: Spreadsheet, handle: StoreHandle, store: MarkStore, keepActive: Sheet): void =>
  writeSlots(ss, MARKS, handle, serialiseStore(store), keepActive);

/** Removes the store once no mark is left to undo. */
export const dropStore = (ss: Spreadsheet, handle: StoreHandle): void => dropSlots(ss, handle);
