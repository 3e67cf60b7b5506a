/** The "ผลการตรวจ" sheet: every finding with a link to its cell, the summary, the exam-takers table. */
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import type { Settings } from '../core/settings';
import type { Lang, Report } from '../core/types';
import { ownSheet, RESULTS_SHEET } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Value = string | number;

const WIDTH = 13;
const HEADER_ROW = 4;
/** A leading apostrophe makes Sheets keep text as typed: no formulas, no numbers from "0123". */
const text = (s: string): string => `'${s}`;

const T = {
  th: {
    title: (sheet: string, at: string) => `ผลการตรวจข้อมูล DMC — แผ่นงาน "${sheet}" — ตรวจเมื่อ ${at}`,
    students: (n: number) => `นักเรียน ${n} คน`,
    columns: ['ระดับ', 'กฎ', 'ข้อความ', 'แถว', 'คอลัมน์', 'ค่าในเซลล์', 'ไปที่เซลล์'],
    takers: 'ผู้เข้าสอบปลายภาคที่ DMC นับ',
    grade: 'ชั้น',
    noExam: 'ไม่มีคอลัมน์สอบปลายภาค',
  },
  en: {
    title: (sheet: string, at: string) => `DMC check results — sheet "${sheet}" — checked ${at}`,
    students: (n: number) => `${n} students`,
    columns: ['Severity', 'Rule', 'Message', 'Row', 'Column', 'Value', 'Go to cell'],
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

export function resultsMatrix(report: Report, roster: { name: string; id: number }, lang: Lang, at: string): Value[][] {
  const t = T[lang];
  const s = report.summary;
  const counts = (['error', 'warning', 'info'] as const).map(
    (sev) => `${SEVERITY_LABEL[sev][lang]} ${s.bySeverity[sev]}`,
  );
  const rows: Value[][] = [
    [text(t.title(roster.name, at))],
    [text(`${counts.join(' · ')} · ${t.students(s.students)}`)],
    [],
    t.columns.map(text),
  ];
  for (const f of report.findings) {
    rows.push([
      text(SEVERITY_LABEL[f.severity][lang]),
      text(f.rule),
      text(f.message[lang]),
      f.row ?? '',
      text(f.column ?? ''),
      text(f.value),
      f.cell ? `=HYPERLINK("#gid=${roster.id}&range=${f.cell}","${f.cell}")` : '',
    ]);
  }
  // The exam-takers table sits to the right of the findings (columns I–M).
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
    while (row.length < 8) row.push('');
    row.push(...r);
  });
  return rows.map((r) => [...r, ...Array<Value>(WIDTH - r.length).fill('')].slice(0, WIDTH));
}

export function writeResults(ss: Spreadsheet, roster: Sheet, report: Report, settings: Settings): void {
  const sheet = ownSheet(ss, RESULTS_SHEET, false, roster);
  sheet.clear();
  const matrix = resultsMatrix(report, { name: roster.getName(), id: roster.getSheetId() }, settings.language, nowBE());
  sheet.getRange(1, 1, matrix.length, WIDTH).setValues(matrix);
  sheet.getRange(HEADER_ROW, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(HEADER_ROW);
}
