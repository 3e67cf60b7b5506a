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
