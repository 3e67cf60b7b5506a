/** The one-click check: read each roster sheet once, validate the workbook in core, mark, list. */
import type { Settings } from '../core/settings';
import type { DatesUsed, Finding, Msg, Severity, Summary } from '../core/types';
import { validateWorkbook, type SheetInput, type WorkbookReport } from '../core/validate';
import { markSheets, type MarkTarget } from './marks';
import { M } from './messages';
import { UserError, withDocumentLock } from './result';
import { writeResults } from './results';
import { loadSettings } from './settings-store';
import { MAX_CELLS, MAX_ROWS, rememberRoster, rosterSheet, scopeSheets, type SheetRef } from './sheets';

export { MAX_CELLS, MAX_ROWS };
import { mergeSummaries } from './summary';

/** The sidebar lists at most this many findings (the results sheet has them all). */
export const SIDEBAR_FINDINGS = 2_000;

export interface SheetCount {
  sheet: string;
  students: number;
  bySeverity: Record<Severity, number>;
}

export interface CheckData {
  /** The first sheet checked (the only one, usually). */
  sheet: string;
  /** Every roster sheet checked, in workbook order. */
  sheets: string[];
  /** Sheets read but not checked, each with the reason. */
  skipped: Array<{ sheet: string; reason: Msg }>;
  /** The academic year and check date used, and where each came from. */
  dates: DatesUsed;
  /** At most SIDEBAR_FINDINGS, each naming its sheet. */
  findings: Finding[];
  totalFindings: number;
  /** All sheets checked together. */
  summary: Summary;
  bySheet: SheetCount[];
  marked: number;
  notices: Msg[];
}

interface SheetRead extends SheetRef {
  values: unknown[][];
}

/** One getDataRange().getValues() per sheet; a sheet too big for one execution is refused before it is read. */
function readSheets(
  refs: SheetRef[],
  many: boolean,
): { read: SheetRead[]; big: Array<{ sheet: string; rows: number; cols: number }> } {
  const read: SheetRead[] = [];
  const big: Array<{ sheet: string; rows: number; cols: number }> = [];
  let cells = 0;
  for (const ref of refs) {
    const range = ref.sheet.getDataRange();
    const rows = range.getNumRows();
    const cols = range.getNumColumns();
    if (rows > MAX_ROWS || rows * cols > MAX_CELLS) {
      if (!many) throw new UserError(M.tooBig(rows, cols));
      big.push({ sheet: ref.name, rows, cols });
      continue;
    }
    cells += rows * cols;
    if (cells > MAX_CELLS) throw new UserError(M.tooBig(rows, cols));
    const values = range.getValues();
    if (!many && rows === 1 && cols === 1 && values[0]![0] === '') throw new UserError(M.empty(ref.name));
    read.push({ ...ref, values });
  }
  return { read, big };
}

/**
 * 'auto' checks every roster sheet when the workbook has more than one; with one, that one; with none,
 * the open sheet (which then says it found no header, or that it is empty).
 */
function narrowAuto(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  read: SheetRead[],
  report: WorkbookReport,
  input: { source: string; sheets: SheetInput[] },
): { report: WorkbookReport; read: SheetRead[] } {
  const rosters = report.reports.filter((r) => r.summary.headerRow !== null);
  if (rosters.length > 1) return { report, read };
  if (rosters.length === 1) {
    const name = rosters[0]!.sheet;
    return { report: { ...report, reports: rosters }, read: read.filter((r) => r.name === name) };
  }
  const open = rosterSheet(ss, { ...settings, rosterSheet: '' }).getName();
  const sheet = read.find((r) => r.name === open);
  if (!sheet) return { report, read };
  const v = sheet.values;
  if (v.length === 1 && v[0]!.length === 1 && v[0]![0] === '') throw new UserError(M.empty(open));
  const again = validateWorkbook(input, settings, { sheet: open });
  return {
    report: { ...again, skipped: report.skipped.filter((s) => s.sheet !== open) },
    read: [sheet],
  };
}

export function runCheck(): CheckData {
  return withDocumentLock(() => {
    const { settings, notices } = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const scope = scopeSheets(ss, settings);
    const { read: allRead, big } = readSheets(scope.sheets, scope.many);
    const input = {
      source: ss.getName(),
      sheets: allRead.map((r) => ({ name: r.name, values: r.values as SheetInput['values'] })),
    };
    let report = validateWorkbook(input, settings);
    let read = allRead;
    if (settings.sheetScope === 'auto') ({ report, read } = narrowAuto(ss, settings, read, report, input));
    // Nothing checkable but a sheet too big to read: that sheet is the roster, and too big.
    if (big.length && !report.reports.some((r) => r.summary.headerRow !== null)) {
      throw new UserError(M.tooBig(big[0]!.rows, big[0]!.cols));
    }
    const tooBig = big.map((b) => ({ sheet: b.sheet, reason: M.skippedTooBig(b.rows, b.cols) }));
    report = { ...report, skipped: [...report.skipped, ...tooBig] };

    const byName = new Map(read.map((r) => [r.name, r]));
    const checked = report.reports.map((r) => ({ report: r, sheet: byName.get(r.sheet)! })).filter((x) => x.sheet);
    const first = checked[0]?.sheet ?? read[0];
    if (!first) throw new UserError(M.empty(ss.getActiveSheet().getName()));
    const keepActive = ss.getActiveSheet();
    rememberRoster(first.sheet);

    const targets: MarkTarget[] = checked.map((x) => ({
      ...x.sheet,
      values: x.sheet.values as MarkTarget['values'],
      findings: x.report.findings,
    }));
    const marks = markSheets(ss, targets, settings.language, keepActive);
    if (marks.cleared.fromMarks || marks.bad) notices.push(M.marksRecovered(marks.cleared.fromMarks, marks.bad));

    const findings = checked.flatMap((x) => x.report.findings.map((f) => ({ ...f, sheet: f.sheet ?? x.report.sheet })));
    const summary = mergeSummaries(
      checked.map((x) => x.report.summary),
      report.dates,
    );
    writeResults(
      ss,
      keepActive,
      { sheets: checked.map((x) => ({ name: x.sheet.name, id: x.sheet.id })), findings, summary, report },
      settings,
    );
    return {
      sheet: first.name,
      sheets: checked.map((x) => x.sheet.name),
      skipped: report.skipped,
      dates: report.dates,
      findings: findings.slice(0, SIDEBAR_FINDINGS),
      totalFindings: findings.length,
      summary,
      bySheet: checked.map((x) => ({
        sheet: x.sheet.name,
        students: x.report.summary.students,
        bySeverity: x.report.summary.bySeverity,
      })),
      marked: marks.marked,
      notices,
    };
  });
}
