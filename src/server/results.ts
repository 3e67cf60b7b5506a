/**
 * The "ผลการตรวจ" sheet: every finding of every sheet checked with a link to its cell, the summary, the
 * dates used, the exam-takers table. Grown first when the list passes the sheet's edge.
 */
import { describeDates } from '../core/check-date';
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import type { Settings } from '../core/settings';
import type { Finding, Lang, Msg, Summary } from '../core/types';
import type { WorkbookReport } from '../core/validate';
import { ensureSize, ownSheet, RESULTS_SHEET } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Value = string | number;

const WIDTH = 14;
export const HEADER_ROW = 5;
/** The exam-takers table starts in this column (0-based), right of the findings. */
const TABLE_COL = 9;
/** A leading apostrophe makes Sheets keep text as typed: no formulas, no numbers from "0123". */
const text = (s: string): string => `'${s}`;
/** Sheet names in the title stop after a few. */
const TITLE_SHEETS = 5;

const T = {
  th: {
    title: (sheets: string, at: string) => `ผลการตรวจข้อมูล DMC — ${sheets} — ตรวจเมื่อ ${at}`,
    oneSheet: (name: string) => `แผ่นงาน "${name}"`,
    manySheets: (n: number, names: string) => `${n} แผ่นงาน: ${names}`,
    students: (n: number) => `นักเรียน ${n} คน`,
    skipped: (list: string) => `ไม่ได้ตรวจ: ${list}`,
    columns: ['แผ่นงาน', 'ระดับ', 'กฎ', 'ข้อความ', 'แถว', 'คอลัมน์', 'ค่าในเซลล์', 'ไปที่เซลล์'],
    takers: 'ผู้เข้าสอบปลายภาคที่ DMC นับ',
    grade: 'ชั้น',
    noExam: 'ไม่มีคอลัมน์สอบปลายภาค',
  },
  en: {
    title: (sheets: string, at: string) => `DMC check results — ${sheets} — checked ${at}`,
    oneSheet: (name: string) => `sheet "${name}"`,
    manySheets: (n: number, names: string) => `${n} sheets: ${names}`,
    students: (n: number) => `${n} students`,
    skipped: (list: string) => `Not checked: ${list}`,
    columns: ['Sheet', 'Severity', 'Rule', 'Message', 'Row', 'Column', 'Value', 'Go to cell'],
    takers: 'Exam takers DMC counts',
    grade: 'Grade',
    noExam: 'No final-exam column',
  },
};

/** "23/11/2569 14:05" in the script's time zone, Buddhist Era. */
export function nowBE(now = new Date()): string {
  const s = Utilities.formatDate(now, Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm');
  return s.replace(/\/(\d{4}) /, (_, y: string) => `/${Number(y) + 543} `);
}

export interface ResultsInput {
  /** The sheets checked, with the ids their links point at. */
  sheets: Array<{ name: string; id: number }>;
  /** Every finding, each naming its sheet. */
  findings: readonly Finding[];
  summary: Summary;
  report: Pick<WorkbookReport, 'skipped' | 'dates'>;
}

function sheetsLabel(sheets: ResultsInput['sheets'], lang: Lang): string {
  const t = T[lang];
  if (sheets.length === 1) return t.oneSheet(sheets[0]!.name);
  const names = sheets.slice(0, TITLE_SHEETS).map((s) => s.name);
  return t.manySheets(sheets.length, names.join(', ') + (sheets.length > TITLE_SHEETS ? ', …' : ''));
}

/** A formula-safe string literal inside HYPERLINK. */
const quote = (s: string) => s.replace(/"/g, '""');

/** A finding as a row of a results sheet; its cell a link into the sheet whose id is `id`. */
export function findingRow(f: Finding, sheet: string, id: number | undefined, lang: Lang): Value[] {
  return [
    text(sheet),
    text(SEVERITY_LABEL[f.severity][lang]),
    text(f.rule),
    text(f.message[lang]),
    f.row ?? '',
    text(f.column ?? ''),
    text(f.value),
    f.cell && id !== undefined ? `=HYPERLINK("#gid=${id}&range=${f.cell}","${quote(f.cell)}")` : '',
  ];
}

export function resultsMatrix(input: ResultsInput, lang: Lang, at: string): Value[][] {
  const t = T[lang];
  const s = input.summary;
  const ids = new Map(input.sheets.map((x) => [x.name, x.id]));
  const only = input.sheets.length === 1 ? input.sheets[0]! : null;
  const counts = (['error', 'warning', 'info'] as const).map(
    (sev) => `${SEVERITY_LABEL[sev][lang]} ${s.bySeverity[sev]}`,
  );
  const skipped = input.report.skipped.map((x: { sheet: string; reason: Msg }) => `${x.sheet} (${x.reason[lang]})`);
  const rows: Value[][] = [
    [text(t.title(sheetsLabel(input.sheets, lang), at))],
    [text(`${counts.join(' · ')} · ${t.students(s.students)}`)],
    [text(describeDates(input.report.dates, lang))],
    skipped.length ? [text(t.skipped(skipped.join(' · ')))] : [],
    t.columns.map(text),
  ];
  for (const f of input.findings) {
    const sheet = f.sheet ?? only?.name ?? '';
    rows.push(findingRow(f, sheet, ids.get(sheet) ?? only?.id, lang));
  }
  // The exam-takers table sits to the right of the findings.
  const g = GENDER_LABEL;
  const table: Value[][] = [[text(t.takers)]];
  if (!s.examTakers.hasExamColumn) table.push([text(t.noExam)]);
  else {
    table.push([t.grade, g.male[lang], g.female[lang], g.unknown[lang], g.total[lang]].map(text));
    for (const c of [...s.examTakers.byGrade, { ...s.examTakers.total, grade: g.total[lang] }]) {
      table.push([text(c.grade), c.male, c.female, c.unknown, c.total]);
    }
  }
  table.forEach((r, i) => {
    const at = HEADER_ROW - 1 + i;
    while (rows.length <= at) rows.push([]);
    const row = rows[at]!;
    while (row.length < TABLE_COL) row.push('');
    row.push(...r);
  });
  return rows.map((r) => [...r, ...Array<Value>(WIDTH - r.length).fill('')].slice(0, WIDTH));
}

/**
 * The results sheet holds exactly the list's rows: grown before writing past its edge, shrunk so an earlier,
 * longer list leaves no blank tail. One call, none when the size is already right.
 */
function fitRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
  else if (rows < max) sheet.deleteRows(rows + 1, max - rows);
}

export function writeResults(ss: Spreadsheet, keepActive: Sheet, input: ResultsInput, settings: Settings): void {
  const sheet = ownSheet(ss, RESULTS_SHEET, false, keepActive);
  sheet.clear();
  const matrix = resultsMatrix(input, settings.language, nowBE());
  fitRows(sheet, matrix.length);
  ensureSize(sheet, matrix.length, WIDTH);
  sheet.getRange(1, 1, matrix.length, WIDTH).setValues(matrix);
  sheet.getRange(HEADER_ROW, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(HEADER_ROW);
}
