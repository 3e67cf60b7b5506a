/** One roster row read once into the values every rule looks at. */
import { parseDateCell, type DateParse } from './dates';
import { cellText, type HeaderMap } from './headers';
import { isBlankText } from './text';
import { parseCid, type CidParse } from './thai-id';
import {
  isPresentStatus,
  lookupGender,
  lookupPrefix,
  parseExam,
  parseGrade,
  parseStatus,
  splitFullName,
  type Exam,
  type Gender,
  type Grade,
  type Prefix,
  type Status,
} from './vocab';
import type { Cell, FieldKey } from './types';

export interface Student {
  /** 1-based sheet row. */
  row: number;
  /** The cell values of the row as read. */
  cells: readonly Cell[];
  /** Text of each field present ('' when blank); prefix and names come from fullName when split. */
  text: Partial<Record<FieldKey, string>>;
  status: Status;
  present: boolean;
  exam: Exam;
  cid: CidParse | null;
  prefix: Prefix | null;
  gender: Gender | null;
  dob: DateParse | null;
  grade: Grade | null;
}

const NAME_PARTS = ['prefix', 'firstName', 'lastName'] as const;

/** Reads a row, or returns null for a blank row (every mapped cell empty). */
export function readStudent(cells: readonly Cell[], rowIndex: number, map: HeaderMap): Student | null {
  const text: Partial<Record<FieldKey, string>> = {};
  let blank = true;
  for (const key in map.columns) {
    const t = cellText(cells[map.columns[key as FieldKey]!]);
    text[key as FieldKey] = t;
    if (blank && !isBlankText(t)) blank = false;
  }
  if (blank) return null;

  if (text.fullName !== undefined) {
    const parts = splitFullName(text.fullName);
    for (const k of NAME_PARTS) if (text[k] === undefined) text[k] = parts[k];
  }
  const status = text.status === undefined ? 'present' : parseStatus(text.status);
  const cidText = text.cid;
  const dobCell = map.columns.dob === undefined ? undefined : cells[map.columns.dob];
  return {
    row: rowIndex + 1,
    cells,
    text,
    status,
    present: isPresentStatus(status),
    exam: text.exam === undefined ? 'blank' : parseExam(text.exam),
    cid: cidText === undefined ? null : parseCid(cidText),
    prefix: text.prefix ? lookupPrefix(text.prefix) : null,
    gender: text.gender ? lookupGender(text.gender) : null,
    dob: dobCell === undefined || isBlankText(text.dob ?? '') ? null : parseDateCell(dobCell),
    grade: text.grade ? parseGrade(text.grade) : null,
  };
}

/** The raw cell of a field (for type checks such as a cid stored as a number). */
export function rawCell(s: Student, map: HeaderMap, field: FieldKey): Cell {
  const col = map.columns[field];
  return col === undefined ? undefined : s.cells[col];
}
