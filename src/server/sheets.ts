/** Finding the roster and the add-on's own sheets. */
import type { Settings } from '../core/settings';
import { M } from './messages';
import { UserError } from './result';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the original backgrounds and notes of marked cells wait to be restored (hidden). */
export const MARKS_SHEET = '_dmc_marks';
/** The list of findings, rewritten on every check. */
export const RESULTS_SHEET = 'ผลการตรวจ';
/** The ID-correction form the add-on builds when the spreadsheet has no district template. */
export const FORM_SHEET = 'แบบขอแก้ไขเลขประจำตัวประชาชน';
export const OWN_SHEETS = [MARKS_SHEET, RESULTS_SHEET, FORM_SHEET];

/** The sheet named in the settings, else the active one; never one of the add-on's own sheets. */
export function rosterSheet(ss: Spreadsheet, settings: Settings): Sheet {
  const sheet = settings.rosterSheet ? ss.getSheetByName(settings.rosterSheet) : ss.getActiveSheet();
  if (!sheet) throw new UserError(M.noSheet(settings.rosterSheet));
  const name = sheet.getName();
  if (OWN_SHEETS.includes(name)) throw new UserError(M.ownSheet(name));
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
