/** Finds the header row and maps columns to field keys (RULES.md, "Fields and header synonyms"). */
import { compact as compactCid, isScientific } from './thai-id';
import { arabicDigits, matchKey, thaiForm } from './text';
import { isDate } from './dates';
import { FIELD_KEYS, FIELDS } from './fields';
import type { Cell, FieldKey } from './types';

/** Header text → comparable key: Thai digits, case, spaces and a trailing unit such as "(กก.)" dropped. */
export function headerKey(text: string): string {
  const s = arabicDigits(thaiForm(text))
    .trim()
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, '');
  return matchKey(s);
}

const FIELD_BY_HEADER = new Map<string, FieldKey>();
for (const field of FIELD_KEYS) {
  for (const n of FIELDS[field].headers) FIELD_BY_HEADER.set(headerKey(n), field);
}

export function fieldOfHeader(text: string): FieldKey | null {
  return FIELD_BY_HEADER.get(headerKey(text)) ?? null;
}

export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : `${v.getDate()}/${v.getMonth() + 1}/${v.getFullYear()}`;
  return String(v);
}

export interface HeaderMap {
  /** 0-based index of the header row in the table. */
  headerIndex: number;
  /** Header texts as written, by column index. */
  headers: string[];
  /** The column used for each field present. */
  columns: Partial<Record<FieldKey, number>>;
  /** Further columns that map to a field already taken (the first is used). */
  duplicates: Array<{ field: FieldKey; column: number }>;
  /**
   * A date of birth written over three columns side by side ("วันเกิด | เดือนเกิด | ปีเกิด"): read as one
   * date per row; `columns.dob` is the day's column, where its findings point.
   */
  dobParts?: DateParts;
}

export interface DateParts {
  day: number;
  month: number;
  year: number;
}

const DAY_HEADERS = ['วันเกิด', 'วันที่เกิด', 'วัน', 'วันที่', 'day', 'birth day', 'day of birth'];
const MONTH_HEADERS = ['เดือนเกิด', 'เดือนที่เกิด', 'เดือน', 'month', 'birth month', 'month of birth'];
const YEAR_HEADERS = ['ปีเกิด', 'ปีที่เกิด', 'ปี', 'ปี พ.ศ.', 'ปีเกิด พ.ศ.', 'พ.ศ.', 'พ.ศ. เกิด', 'year', 'birth year'];
const keysOf = (names: string[]) => new Set(names.map(headerKey));
const [DAY, MONTH, YEAR] = [DAY_HEADERS, MONTH_HEADERS, YEAR_HEADERS].map(keysOf) as [
  Set<string>,
  Set<string>,
  Set<string>,
];

/**
 * Three columns side by side headed day, month and year, one of them saying birth: the date of birth
 * as some school programs write it. Not taken while a whole-date column holds it elsewhere.
 */
function dobPartsOf(headers: readonly string[], context: readonly string[], dob: number | undefined): DateParts | null {
  const keys = headers.map(headerKey);
  const birth = (c: number) => /เกิด|birth/.test(matchKey(context[c]!));
  for (let c = 0; c + 2 < keys.length; c++) {
    if (!DAY.has(keys[c]!) || !MONTH.has(keys[c + 1]!) || !YEAR.has(keys[c + 2]!)) continue;
    if (!(birth(c) || birth(c + 1) || birth(c + 2))) continue;
    if (dob === undefined || dob === c) return { day: c, month: c + 1, year: c + 2 };
  }
  return null;
}

/** Units written under a measure's header ("(กก.)", "ซม."): they name no column of their own. */
const UNITS = new Set(['', 'กก', 'กิโลกรัม', 'kg', 'ซม', 'เซนติเมตร', 'cm', 'พศ'].map(headerKey));

/** A header word: a field's name, a date part, or a unit. */
function headerWord(text: string): boolean {
  const k = headerKey(text);
  return fieldOfHeader(text) !== null || DAY.has(k) || MONTH.has(k) || YEAR.has(k) || UNITS.has(k);
}

/**
 * The header as one row per column. A header of two rows, as hand-made rosters merge it ("ชื่อ - สกุล"
 * over คำนำหน้า | ชื่อ | นามสกุล, "วันเดือนปีเกิด" over วัน | เดือน | ปี), is read from its lower row
 * where that row names something, else from the upper; the students start below both. `context` is
 * each column's upper header, carried across a merge, and its own.
 */
function headerRows(rows: readonly (readonly Cell[])[], best: number) {
  const top = rows[best]!.map((v) => cellText(v).trim());
  const under = (rows[best + 1] ?? []).map((v) => cellText(v).trim());
  const filled = under.filter((t) => t !== '');
  // The lower row is units only, or header words of which some sit under a blank (a merge's continuation).
  const unit = (t: string) => UNITS.has(headerKey(t));
  const merged = under.some((t, c) => t !== '' && (top[c] ?? '') === '');
  const two = filled.length > 0 && (filled.every(unit) || (filled.length >= 2 && merged && filled.every(headerWord)));
  if (!two) return { headerIndex: best, headers: top, context: top };
  const headers: string[] = [];
  const context: string[] = [];
  let parent = '';
  for (let c = 0; c < Math.max(top.length, under.length); c++) {
    const t = top[c] ?? '';
    const u = under[c] ?? '';
    if (t !== '') parent = t;
    else if (u === '') parent = '';
    headers.push(u !== '' && !unit(u) ? u : t);
    context.push(`${parent} ${u}`);
  }
  return { headerIndex: best + 1, headers, context };
}

const STUDENT_NAME = new Set(['ชื่อนักเรียน', 'ชื่อ นักเรียน', "student's name", 'student name'].map(headerKey));

const SEARCH_ROWS = 10;
const MIN_FIELDS = 3;
const CONTENT_SAMPLE = 50;

/** Each header cell's field; "ชื่อนักเรียน" as the whole name until its neighbours say otherwise. */
function fieldsOfRow(row: readonly Cell[]): Array<FieldKey | null> {
  return row.map((v) =>
    typeof v !== 'string' ? null : (fieldOfHeader(v) ?? (STUDENT_NAME.has(headerKey(v)) ? 'fullName' : null)),
  );
}

/**
 * Whether a value is shaped like a citizen ID as files hold it: 13 digits, a G-code, 12 digits that
 * lost their leading zero, or the 1.1E+12 Excel writes for a long number.
 */
function idShaped(text: string): boolean {
  return /^(?:\d{12,13}|g\d{12})$/i.test(compactCid(text)) || (isScientific(text) && /e\+?12$/i.test(text.trim()));
}

/** Share of a column's non-empty sampled values shaped like IDs: how the content says "cid". */
function looksLikeCidColumn(rows: readonly (readonly Cell[])[], from: number, col: number): boolean {
  let seen = 0;
  let ids = 0;
  for (let r = from; r < rows.length && seen < CONTENT_SAMPLE; r++) {
    const t = cellText(rows[r]![col]).trim();
    if (t === '') continue;
    seen++;
    if (idShaped(t)) ids++;
  }
  return seen > 0 && ids / seen >= 0.6;
}

/**
 * The header row is the row among the first ten that names the most known fields (at least three),
 * or the row given by `headerRow` (1-based). Columns named for a student number whose content is
 * 13-digit IDs are cid: the DMC download names its citizen-ID column "เลขประจำตัวนักเรียน".
 */
export function mapHeaders(rows: readonly (readonly Cell[])[], headerRow?: number): HeaderMap | null {
  let best = -1;
  let bestCount = 0;
  const candidates = headerRow
    ? [headerRow - 1]
    : Array.from({ length: Math.min(SEARCH_ROWS, rows.length) }, (_, i) => i);
  for (const i of candidates) {
    const row = rows[i];
    if (!row) continue;
    const count = new Set(fieldsOfRow(row).filter((f) => f !== null)).size;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  if (best < 0 || bestCount < MIN_FIELDS) return null;

  const { headerIndex, headers, context } = headerRows(rows, best);
  const fields = fieldsOfRow(headers);
  const cidByHeader = fields.includes('cid');
  // "ชื่อนักเรียน" holds the first name beside a last-name column, else the whole name.
  const studentName = fields.includes('lastName') ? 'firstName' : 'fullName';
  fields.forEach((f, col) => {
    if (f === 'sid' && !cidByHeader && looksLikeCidColumn(rows, headerIndex + 1, col)) fields[col] = 'cid';
    if (f === 'fullName' && STUDENT_NAME.has(headerKey(headers[col] ?? ''))) fields[col] = studentName;
  });

  const columns: Partial<Record<FieldKey, number>> = {};
  const duplicates: HeaderMap['duplicates'] = [];
  fields.forEach((f, col) => {
    if (!f) return;
    if (columns[f] === undefined) columns[f] = col;
    else duplicates.push({ field: f, column: col });
  });
  const dobParts = dobPartsOf(headers, context, columns.dob);
  if (!dobParts) return { headerIndex, headers, columns, duplicates };
  columns.dob = dobParts.day;
  return { headerIndex, headers, columns, duplicates, dobParts };
}

/** A, B, …, Z, AA, … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, Z → 25, AA → 26 … */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function a1(rowIndex: number, colIndex: number): string {
  return `${columnLetter(colIndex)}${rowIndex + 1}`;
}
