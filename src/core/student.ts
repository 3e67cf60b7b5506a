/** One roster row read once into the values every rule looks at. */
import { parseDateCell, type DateParse } from './dates';
import { cellText, type HeaderMap } from './headers';
import { arabicDigits, isBlankText } from './text';
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
  /** Index of the sheet in the workbook checked. */
  sheet: number;
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
  /** kg and cm; 0 when not recorded, NaN when not a number. */
  weight: number;
  height: number;
}

/** Every field key present from the start: one hidden class for all rows instead of one per key order. */
function emptyText(): Partial<Record<FieldKey, string>> {
  return {
    cid: undefined,
    sid: undefined,
    prefix: undefined,
    firstName: undefined,
    lastName: undefined,
    fullName: undefined,
    gender: undefined,
    dob: undefined,
    grade: undefined,
    room: undefined,
    weight: undefined,
    height: undefined,
    status: undefined,
    exam: undefined,
    entryDate: undefined,
    leaveDate: undefined,
    fatherCid: undefined,
    motherCid: undefined,
    guardianCid: undefined,
    age: undefined,
    nationality: undefined,
    schoolCode: undefined,
  };
}

/** The map's columns as a list, made once per map: for-in over an object per row is slow. */
const fieldLists = new WeakMap<HeaderMap, Array<[FieldKey, number]>>();
function fieldsOf(map: HeaderMap): Array<[FieldKey, number]> {
  let list = fieldLists.get(map);
  if (!list) {
    list = Object.entries(map.columns) as Array<[FieldKey, number]>;
    fieldLists.set(map, list);
  }
  return list;
}

const NAME_PARTS = ['prefix', 'firstName', 'lastName'] as const;

/**
 * Reads a row, or returns null for a blank row (every mapped cell empty). `sheetGrade` is the class a
 * sheet without a grade column names ("ม.1-1", "ชั้น ม.1/1"): every student of it has that grade.
 */
export function readStudent(
  cells: readonly Cell[],
  rowIndex: number,
  map: HeaderMap,
  sheet = 0,
  sheetGrade: Grade | null = null,
): Student | null {
  const text = emptyText();
  let blank = true;
  for (const [key, col] of fieldsOf(map)) {
    const t = cellText(cells[col]);
    text[key] = t;
    if (blank && !isBlankText(t)) blank = false;
  }
  if (blank) return null;

  if (text.fullName !== undefined) {
    const parts = splitFullName(text.fullName);
    for (const k of NAME_PARTS) if (text[k] === undefined) text[k] = parts[k];
  }
  if (sheetGrade && text.grade === undefined) text.grade = sheetGrade.label;
  const status = text.status === undefined ? 'present' : parseStatus(text.status);
  const cidText = text.cid;
  const dobCell = map.columns.dob === undefined ? undefined : cells[map.columns.dob];
  return {
    sheet,
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
    grade: sheetGrade && map.columns.grade === undefined ? sheetGrade : text.grade ? parseGrade(text.grade) : null,
    weight: measure(text.weight),
    height: measure(text.height),
  };
}

/** The raw cell of a field (for type checks such as a cid stored as a number). */
export function rawCell(s: Student, map: HeaderMap, field: FieldKey): Cell {
  const col = map.columns[field];
  return col === undefined ? undefined : s.cells[col];
}

/** "45.5", "๔๕", "45 กก.", "45,5" → 45.5; blank, "0" and "-" → 0 (DMC's "not recorded"); junk → NaN. */
export function measure(text: string | undefined): number {
  if (text === undefined || isBlankText(text)) return 0;
  const n = Number(text);
  if (text.length < 8 && Number.isFinite(n) && n >= 0) return n;
  const t = arabicDigits(text)
    .trim()
    .replace(/\s*(?:kg|กก\.?|กิโลกรัม|cm|ซม\.?|เซนติเมตร|m|ม\.)$/i, '')
    .replace(/^(\d+),(\d+)$/, '$1.$2');
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
