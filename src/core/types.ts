/** Shapes shared by every layer. RULES.md, "Findings", is the contract for Finding and Report. */

/** A spreadsheet value as getValues() gives it: '' for empty, Date for date cells. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Lang = 'th' | 'en';
export interface Msg {
  th: string;
  en: string;
}

export { FIELD_KEYS, type FieldKey } from './fields';
import type { FieldKey } from './fields';

export interface Finding {
  /** The sheet, when a workbook has several roster sheets checked together. */
  sheet?: string;
  rule: string;
  severity: Severity;
  field: FieldKey | null;
  /** 1-based sheet row, null for findings about the whole sheet. */
  row: number | null;
  /** The header text as written in the sheet. */
  column: string | null;
  /** A1 address. */
  cell: string | null;
  /** The cell's raw text. */
  value: string;
  message: Msg;
}

export interface GradeCount {
  grade: string;
  male: number;
  female: number;
  unknown: number;
  total: number;
}

export type DateOrigin = 'settings' | 'file-name' | 'title' | 'dmc-timestamp' | 'today' | 'exam-end';

/** The dates a check used and where each came from: every report states them. */
export interface DatesUsed {
  /** Buddhist Era. */
  academicYear: number;
  academicYearFrom: DateOrigin;
  /** ISO, Common Era. */
  asOf: string;
  asOfFrom: DateOrigin;
  examEnd: string;
  /** DMC round (1–3) when the file name says it. */
  round: number | null;
  /** What the reader should know, e.g. a Buddhist Era year typed where a CE date was expected. */
  notes: Msg[];
}

/** Where the students' grade came from: a grade column, or the class a sheet names. */
export type GradeSource = 'column' | 'sheet-name' | 'title' | null;

export interface Summary {
  /** Sheet row of the header, null when none was found. */
  headerRow: number | null;
  /** Non-blank rows below the header. */
  students: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  /** Present students who took the final exam, by grade × gender: the number DMC counts. */
  examTakers: { hasExamColumn: boolean; byGrade: GradeCount[]; total: GradeCount };
  dates: DatesUsed;
  gradeFrom: GradeSource;
}

export interface Report {
  findings: Finding[];
  summary: Summary;
}
