/**
 * "เทียบกับข้อมูล DMC" in the add-on (issue 13): the DMC download sheet the user imported and the roster
 * sheets the check reads, each read once; the check and reconcile() run in core over the same values; marks
 * on both sheets through the check's write-ahead marks (so clear takes them all off); the results sheet gets
 * the check's list with a reconciliation part below it; the sidebar gets the counts and findings.
 */
import { ruleInfo, type RuleInfo } from '../core/catalogue';
import { yearFromFileName } from '../core/check-date';
import { mapHeaders } from '../core/headers';
import {
  isDmcDownload,
  reconcile,
  reconcileCorrectionRows,
  type ReconcileFormRow,
  type ReconcileResult,
  type ReconcileSummary,
} from '../core/reconcile';
import type { IdHolder } from '../core/correction';
import type { Settings } from '../core/settings';
import { nameKey } from '../core/text';
import type { Cell, Finding, Lang, Msg } from '../core/types';
import { validateWorkbook } from '../core/validate';
import { SIDEBAR_FINDINGS } from './check';
import { markSheets, type MarkTarget } from './marks';
import { M } from './messages';
import { UserError } from './result';
import { findingRow, nowBE, writeResults } from './results';
import { loadSettings } from './settings-store';
import {
  ensureSize,
  MAX_CELLS,
  MAX_ROWS,
  ownSheet,
  rememberRoster,
  RESULTS_SHEET,
  rosterSheet,
  scopeSheets,
  userSheets,
  type SheetRef,
} from './sheets';
import { mergeSummaries } from './summary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Values = Cell[][];

export interface ReconcileData {
  /** The DMC download sheet compared. */
  dmcSheet: string;
  /** The roster sheets compared, in workbook order. */
  sheets: string[];
  summary: ReconcileSummary;
  /** Roster findings then the DMC sheet's, each naming its sheet; at most SIDEBAR_FINDINGS. */
  findings: Finding[];
  totalFindings: number;
  /** The dmc.* rules, for the groups' titles. */
  rules: RuleInfo[];
  /** Cells marked on every sheet: the check's findings stay marked beside the reconciliation's. */
  marked: number;
  notices: Msg[];
}

// ---------------------------------------------------------------- finding and reading the sheets

/** A sheet's values, or null when it is too big for one execution. */
function readValues(ref: SheetRef): Values | null {
  const range = ref.sheet.getDataRange();
  const rows = range.getNumRows();
  if (rows > MAX_ROWS || rows * range.getNumColumns() > MAX_CELLS) return null;
  return range.getValues() as Values;
}

/** The first rows of a sheet: all isDmcDownload looks at. */
function topRows(ref: SheetRef): Values {
  const rows = Math.min(3, ref.sheet.getLastRow());
  const cols = ref.sheet.getLastColumn();
  return rows < 1 || cols < 1 ? [] : (ref.sheet.getRange(1, 1, rows, cols).getValues() as Values);
}

/** Reads each sheet at most once, whoever asks. */
function reader() {
  const cache = new Map<number, Values | null>();
  return (ref: SheetRef): Values | null => {
    if (!cache.has(ref.id)) cache.set(ref.id, readValues(ref));
    return cache.get(ref.id)!;
  };
}

/**
 * The DMC download sheets: recognised by DMC's timestamp line and header. Sheets read whole anyway are
 * looked at in full; the others by their first rows only.
 */
function downloadSheets(ss: Spreadsheet, read: (ref: SheetRef) => Values | null, readAnyway: Set<number>) {
  return userSheets(ss).filter((ref) => isDmcDownload((readAnyway.has(ref.id) ? read(ref) : null) ?? topRows(ref)));
}

/** The open sheet when it is a download, else the first download in the workbook. */
function pickDownload(list: SheetRef[], active: string): SheetRef | null {
  return list.find((r) => r.name === active) ?? list[0] ?? null;
}

/**
 * The download to compare: the sheet the settings name ("แผ่นงานข้อมูล DMC"), taken as the download even
 * when DMC's timestamp line is gone (the user said so) but refused without a header row; else the open
 * download, else the first. `downloads` is every sheet that is not the roster: those recognised, and the
 * named one.
 */
function chooseDownload(
  ss: Spreadsheet,
  settings: Settings,
  read: (ref: SheetRef) => Values | null,
  readAnyway: Set<number>,
): { dmc: SheetRef | null; downloads: SheetRef[]; named: boolean } {
  const found = downloadSheets(ss, read, readAnyway);
  if (!settings.dmcSheet)
    return { dmc: pickDownload(found, ss.getActiveSheet().getName()), downloads: found, named: false };
  const dmc = userSheets(ss).find((r) => r.name === settings.dmcSheet);
  if (!dmc) throw new UserError(M.noDmcNamed(settings.dmcSheet));
  const values = read(dmc);
  // Too big is said by the caller, with the sheet's size; no header is said here, naming the sheet.
  if (values && !mapHeaders(values)) throw new UserError(M.dmcNamedUnreadable(dmc.name));
  return { dmc, downloads: [dmc, ...found.filter((r) => r.id !== dmc.id)], named: true };
}

/** "2568-3-student": a sheet named by File → Import after DMC's file tells the year and the round. */
function dmcSourceOf(name: string): string | undefined {
  const round = yearFromFileName(name)?.round;
  return round !== undefined && round !== null ? name : undefined;
}

/**
 * The ID-correction form's rows from the DMC download (dmc.id-differs: DMC's ID old, the roster's new),
 * computed afresh from the sheets as they are now; none when the spreadsheet holds no download.
 */
export function dmcFormRows(
  ss: Spreadsheet,
  rosters: ReadonlyArray<{ name: string; values: readonly (readonly Cell[])[] }>,
  settings: Settings,
): ReconcileFormRow[] {
  const read = reader();
  const { dmc } = chooseDownload(ss, settings, read, new Set());
  const values = dmc ? read(dmc) : null;
  // The download is never its own roster (a named sheet checked alone, for want of another roster).
  const others = rosters.filter((r) => r.name !== dmc?.name);
  if (!dmc || !values || others.length === 0) return [];
  const source = dmcSourceOf(dmc.name);
  const rec = reconcile(
    { source: ss.getName(), sheets: others.map((r) => ({ name: r.name, values: r.values })) },
    { name: dmc.name, values },
    settings,
    source ? { dmcSource: source } : {},
  );
  return reconcileCorrectionRows(rec, settings);
}

/**
 * Who holds each roster ID, as the form's new-ID check sees them: the roster row a dmc.id-differs row comes
 * from holds its new ID under the roster's spelling of the name, which differs from DMC's when the match was
 * by a typing slip — that holder is the student, not somebody else, so it takes the form row's name.
 */
export function withDmcHolders(
  ids: ReadonlyMap<string, IdHolder[]>,
  rows: readonly ReconcileFormRow[],
): Map<string, IdHolder[]> {
  const out = new Map(ids);
  for (const r of rows) {
    const holders = out.get(r.values.newCid);
    if (!holders) continue;
    const name = `${nameKey(r.values.firstName)}|${nameKey(r.values.lastName)}`;
    out.set(
      r.values.newCid,
      holders.map((h) => (h.row === r.sourceRow ? { ...h, name } : h)),
    );
  }
  return out;
}

// ---------------------------------------------------------------- the results sheet's part

const T = {
  th: {
    title: (dmc: string, at: string) => `เทียบกับข้อมูล DMC — แผ่นงาน "${dmc}" — เทียบเมื่อ ${at}`,
    counts: (s: ReconcileSummary) =>
      `ตรงกัน ${s.matched.id + s.matched.nameDob + s.matched.fuzzy} คน (เลขประจำตัวประชาชน ${s.matched.id} · ชื่อและวันเกิด ${s.matched.nameDob} · ใกล้เคียง ${s.matched.fuzzy}) · ไม่มีใน DMC ${s.notInDmc} · ไม่มีในรายชื่อ ${s.notInRoster} · ข้อมูลต่างกัน ${s.differingFields} · เลขประจำตัวต่างกัน ${s.idDiffers}`,
    takers: (roster: number, dmc: number) => `ผู้เข้าสอบปลายภาค: ในรายชื่อ ${roster} คน · ใน DMC ${dmc} คน`,
    columns: ['แผ่นงาน', 'ระดับ', 'กฎ', 'ข้อความ', 'แถว', 'คอลัมน์', 'ค่าในเซลล์', 'ไปที่เซลล์'],
    none: 'ไม่พบความแตกต่างระหว่างรายชื่อกับข้อมูล DMC',
  },
  en: {
    title: (dmc: string, at: string) => `Compared with the DMC download — sheet "${dmc}" — ${at}`,
    counts: (s: ReconcileSummary) =>
      `Matched ${s.matched.id + s.matched.nameDob + s.matched.fuzzy} (by citizen ID ${s.matched.id} · by name and birth date ${s.matched.nameDob} · close ${s.matched.fuzzy}) · not in DMC ${s.notInDmc} · not in the roster ${s.notInRoster} · differing fields ${s.differingFields} · differing IDs ${s.idDiffers}`,
    takers: (roster: number, dmc: number) => `Final-exam takers: roster ${roster} · DMC ${dmc}`,
    columns: ['Sheet', 'Severity', 'Rule', 'Message', 'Row', 'Column', 'Value', 'Go to cell'],
    none: 'No difference between the roster and the DMC download',
  },
};
const WIDTH = 8;
const text = (s: string): string => `'${s}`;

/** The reconciliation part: title, counts, notes, then every finding with a link to its cell. */
export function reconciliationMatrix(
  rec: ReconcileResult,
  ids: ReadonlyMap<string, number>,
  lang: Lang,
  at: string,
): { rows: Array<Array<string | number>>; header: number } {
  const t = T[lang];
  const s = rec.summary;
  const findings = [...rec.rosterFindings, ...rec.dmcFindings];
  const rows: Array<Array<string | number>> = [
    [text(t.title(rec.dmcSheet, at))],
    [text(t.counts(s))],
    [text(t.takers(s.examTakers.roster.total.total, s.examTakers.dmc.total.total))],
    ...s.notes.map((n) => [text(n[lang])]),
  ];
  if (findings.length === 0) rows.push([text(t.none)]);
  const header = rows.length;
  rows.push(t.columns.map(text));
  for (const f of findings) {
    const sheet = f.sheet ?? '';
    rows.push(findingRow(f, sheet, ids.get(sheet), lang));
  }
  return { rows: rows.map((r) => [...r, ...Array<string>(WIDTH - r.length).fill('')]), header };
}

/** Below the check's list (written just before, so the sheet ends where it does), after one blank row. */
function appendToResults(
  ss: Spreadsheet,
  keepActive: GoogleAppsScript.Spreadsheet.Sheet,
  matrix: ReturnType<typeof reconciliationMatrix>,
): void {
  const sheet = ownSheet(ss, RESULTS_SHEET, false, keepActive);
  const start = sheet.getLastRow() + 2;
  ensureSize(sheet, start + matrix.rows.length - 1, WIDTH);
  sheet.getRange(start, 1, matrix.rows.length, WIDTH).setValues(matrix.rows);
  sheet.getRange(start, 1, 1, WIDTH).setFontWeight('bold');
  sheet.getRange(start + matrix.header, 1, 1, WIDTH).setFontWeight('bold');
}

// ---------------------------------------------------------------- "เทียบกับข้อมูล DMC"

/** Runs under the document lock (index.ts). */
export function runReconcile(): ReconcileData {
  const { settings, notices } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const keepActive = ss.getActiveSheet();
  const read = reader();
  const scope = scopeSheets(ss, settings);
  const { dmc, downloads, named } = chooseDownload(ss, settings, read, new Set(scope.sheets.map((r) => r.id)));
  if (!dmc) throw new UserError(M.noDmcSheet);
  const dmcValues = read(dmc);
  if (!dmcValues) {
    const range = dmc.sheet.getDataRange();
    throw new UserError(M.tooBig(range.getNumRows(), range.getNumColumns()));
  }
  if (downloads.length > 1 && !named) notices.push(M.dmcSheetChosen(dmc.name));

  // The roster: the sheets the check reads, never a download (nor the named DMC sheet); with the download
  // open, the sheet checked last.
  const isDownload = new Set(downloads.map((r) => r.id));
  let refs = scope.sheets.filter((r) => !isDownload.has(r.id));
  if (refs.length === 0 && settings.sheetScope === 'open') {
    const last = rosterSheet(ss, { ...settings, rosterSheet: '' }, 'last');
    if (!isDownload.has(last.getSheetId())) refs = [{ sheet: last, name: last.getName(), id: last.getSheetId() }];
  }
  const rosters: Array<SheetRef & { values: Values }> = [];
  for (const ref of refs) {
    const values = read(ref);
    if (values) rosters.push({ ...ref, values });
    else if (!scope.many) {
      const range = ref.sheet.getDataRange();
      throw new UserError(M.tooBig(range.getNumRows(), range.getNumColumns()));
    }
  }
  const input = { source: ss.getName(), sheets: rosters.map((r) => ({ name: r.name, values: r.values })) };
  const book = validateWorkbook(input, settings);
  const checked = book.reports.filter((r) => r.summary.headerRow !== null);
  if (checked.length === 0) throw new UserError(M.noRosterForDmc);
  const source = dmcSourceOf(dmc.name);
  const rec = reconcile(input, { name: dmc.name, values: dmcValues }, settings, source ? { dmcSource: source } : {});

  // Marks: the check's findings and the reconciliation's on the roster, the download's own on its sheet.
  const byName = new Map(rosters.map((r) => [r.name, r]));
  const targets: MarkTarget[] = checked.map((report) => {
    const r = byName.get(report.sheet)!;
    const own = rec.rosterFindings.filter((f) => f.sheet === report.sheet);
    return { sheet: r.sheet, name: r.name, id: r.id, values: r.values, findings: [...report.findings, ...own] };
  });
  targets.push({ ...dmc, values: dmcValues, findings: rec.dmcFindings });
  const marks = markSheets(ss, targets, settings.language, keepActive);
  if (marks.cleared.fromMarks || marks.bad) notices.push(M.marksRecovered(marks.cleared.fromMarks, marks.bad));
  rememberRoster(targets[0]!.sheet);

  // The results sheet: the check's list as the check writes it, then the reconciliation part.
  const findings = checked.flatMap((r) => r.findings.map((f) => ({ ...f, sheet: f.sheet ?? r.sheet })));
  const ids = new Map([...rosters.map((r) => [r.name, r.id] as const), [dmc.name, dmc.id] as const]);
  writeResults(
    ss,
    keepActive,
    {
      sheets: checked.map((r) => ({ name: r.sheet, id: byName.get(r.sheet)!.id })),
      findings,
      summary: mergeSummaries(
        checked.map((r) => r.summary),
        book.dates,
      ),
      report: book,
    },
    settings,
  );
  appendToResults(ss, keepActive, reconciliationMatrix(rec, ids, settings.language, nowBE()));

  const all = [...rec.rosterFindings, ...rec.dmcFindings];
  return {
    dmcSheet: dmc.name,
    sheets: checked.map((r) => r.sheet),
    summary: rec.summary,
    findings: all.slice(0, SIDEBAR_FINDINGS),
    totalFindings: all.length,
    rules: ruleInfo().filter((r) => r.id.startsWith('dmc.')),
    marked: marks.marked,
    notices: [...notices, ...rec.summary.notes],
  };
}
