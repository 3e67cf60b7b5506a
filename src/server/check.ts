/** The one-click check: read once, validate in core, mark, list. */
import { validate } from '../core/validate';
import type { Finding, Msg, Summary } from '../core/types';
import { markFindings } from './marks';
import { M } from './messages';
import { UserError, withDocumentLock } from './result';
import { writeResults } from './results';
import { loadSettings } from './settings-store';
import { rememberRoster, rosterSheet } from './sheets';

/**
 * Rosters beyond this do not finish reading, checking and writing marks within Apps Script's
 * 6 minutes; they get a message before any work starts.
 */
export const MAX_ROWS = 60_000;
export const MAX_CELLS = 1_500_000;
/** The sidebar lists at most this many findings (the results sheet has them all). */
export const SIDEBAR_FINDINGS = 2_000;

export interface CheckData {
  sheet: string;
  findings: Finding[];
  totalFindings: number;
  summary: Summary;
  marked: number;
  notices: Msg[];
}

export function runCheck(): CheckData {
  return withDocumentLock(() => {
    const { settings, notices } = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = rosterSheet(ss, settings);
    const range = sheet.getDataRange();
    const rows = range.getNumRows();
    const cols = range.getNumColumns();
    if (rows > MAX_ROWS || rows * cols > MAX_CELLS) throw new UserError(M.tooBig(rows, cols));
    const values = range.getValues();
    if (rows === 1 && cols === 1 && values[0]![0] === '') throw new UserError(M.empty(sheet.getName()));

    const report = validate(values, settings);
    rememberRoster(sheet);
    const marked = markFindings(ss, sheet, rows, cols, report.findings, settings.language);
    writeResults(ss, sheet, report, settings);
    return {
      sheet: sheet.getName(),
      findings: report.findings.slice(0, SIDEBAR_FINDINGS),
      totalFindings: report.findings.length,
      summary: report.summary,
      marked,
      notices,
    };
  });
}
