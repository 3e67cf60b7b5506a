/** Finding the roster sheets, the add-on's own sheets, and growing a sheet before a write past its edge. */
import type { Settings } from '../core/settings';
import { M } from './messages';
import { UserError } from './result';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rosters beyond this do not finish reading, checking and writing marks within Apps Script's
 * 6 minutes; they get a message before any work starts. The cell limit holds for the whole workbook.
 */
export const MAX_ROWS = 60_000;
export const MAX_CELLS = 1_500_000;

/** Where the original backgrounds and notes of marked cells wait to be restored (hidden). */
export const MARKS_SHEET = '_dmc_marks';
/** The list of findings, rewritten on every check. */
export const RESULTS_SHEET = 'ผลการตรวจ';
/** The ID-correction form the add-on builds when the spreadsheet has no district template. */
export const FORM_SHEET = 'แบบขอแก้ไขเลขประจำตัวประชาชน';
/** Where the values and formats that fixes replaced wait for undo (hidden). */
export const FIXES_SHEET = '_dmc_fixes';
export const OWN_SHEETS = [MARKS_SHEET, RESULTS_SHEET, FORM_SHEET, FIXES_SHEET];

/** Sheets the user may pick as the roster: all but the add-on's own. */
export function rosterCandidates(ss: Spreadsheet): string[] {
  return ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => !OWN_SHEETS.includes(n));
}

const LAST_ROSTER = 'dmc.lastRoster';

/** Remembers the sheet just checked, so the correction form finds it whatever sheet is open later. */
export function rememberRoster(sheet: Sheet): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_ROSTER, String(sheet.getSheetId()));
}

function lastRoster(ss: Spreadsheet): Sheet | null {
  const id = Number(PropertiesService.getDocumentProperties().getProperty(LAST_ROSTER) ?? NaN);
  return Number.isNaN(id) ? null : (ss.getSheets().find((s) => s.getSheetId() === id) ?? null);
}

/**
 * The roster: the sheet named in the settings; otherwise, for a check, the open sheet (the last checked
 * one when the open sheet is the add-on's own), and for the correction form, the last checked sheet
 * (the officer is usually on the form while typing new IDs).
 */
export function rosterSheet(ss: Spreadsheet, settings: Settings, prefer: 'open' | 'last' = 'open'): Sheet {
  if (settings.rosterSheet) {
    const named = ss.getSheetByName(settings.rosterSheet);
    if (!named) throw new UserError(M.noSheet(settings.rosterSheet));
    return named;
  }
  const open = ss.getActiveSheet();
  const isOwn = OWN_SHEETS.includes(open.getName());
  const sheet = prefer === 'last' || isOwn ? (lastRoster(ss) ?? (isOwn ? null : open)) : open;
  if (!sheet) throw new UserError(M.ownSheet(open.getName()));
  return sheet;
}

/** The named sheet, made (at the end, hidden if asked) when missing, without leaving it active. */
export function ownSheet(ss: Spreadsheet, name: string, hidden: boolean, keepActive: Sheet): Sheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name, ss.getNumSheets());
    if (hidden) sheet.hideSheet();
    // Inserting a sheet activates it; the user stays where they were.
    keepActive.activate();
  }
  return sheet;
}

/**
 * Grows a sheet to at least rows × cols before a write (a new sheet has 1,000 × 26; a range past the edge
 * throws): one call each way, only when needed.
 */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Every sheet but the add-on's own, with its name and id read once. */
export interface SheetRef {
  sheet: Sheet;
  name: string;
  id: number;
}

export function userSheets(ss: Spreadsheet): SheetRef[] {
  return ss
    .getSheets()
    .map((sheet) => ({ sheet, name: sheet.getName(), id: sheet.getSheetId() }))
    .filter((s) => !OWN_SHEETS.includes(s.name));
}

/**
 * The sheets a check reads, by the "แผ่นงานที่ตรวจ" setting: one sheet (named, or the open one), or every
 * sheet but the add-on's own ('all', and 'auto', which narrows to one after reading when the workbook has
 * fewer than two roster sheets).
 */
export function scopeSheets(ss: Spreadsheet, settings: Settings): { sheets: SheetRef[]; many: boolean } {
  const scope = settings.sheetScope;
  if (scope === 'all' || scope === 'auto') return { sheets: userSheets(ss), many: true };
  const sheet = scope === 'named' ? rosterSheet(ss, settings) : rosterSheet(ss, { ...settings, rosterSheet: '' });
  return { sheets: [{ sheet, name: sheet.getName(), id: sheet.getSheetId() }], many: false };
}
