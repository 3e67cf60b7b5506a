/**
 * A sheet read once into columns: the header map, the students' rows, and for every field a
 * dictionary-encoded column (a code per student, and each distinct value derived once: parsed ID,
 * date, prefix, grade, status …). Validation, the exam-takers table and the correction form all read
 * this one analysis; a roster repeats the same few values thousands of times, so work tracks the
 * number of distinct values, not rows × rules.
 */
import { parseDateCell, type DateParse } from './dates';
import { cellText, mapHeaders, type DateParts, type HeaderMap } from './headers';
import { arabicDigits, isBlankText } from './text';
import { digitsKey, studentNumberKey, wholeNumberKey } from './digits-key';
import { lazyArray } from './lazy-array';
import { parseCid, plainCidHead, type CidParse } from './thai-id';
import { textAt, type TextColumn, type TextColumns } from './text-columns';
import {
  gradeOfSheetName,
  gradeOfTitle,
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
import { FIELD_KEYS, type Cell, type FieldKey, type GradeSource } from './types';

/** What each field's text becomes once parsed; fields without a parser carry null. */
export interface Derived {
  cid: CidParse | null;
  prefix: Prefix | null;
  gender: Gender | null;
  dob: DateParse | null;
  grade: Grade | null;
  /** kg and cm; 0 when not recorded, NaN when not a number. */
  weight: number;
  height: number;
  status: Status;
  exam: Exam;
}
export type DerivedOf<F extends FieldKey> = F extends keyof Derived ? Derived[F] : null;

/** One distinct value of a field, derived once. */
export interface FieldValue<F extends FieldKey = FieldKey> {
  /** The cell's text ('' when blank or when the sheet has no such column). */
  text: string;
  /** The cell as read: number, Date, string … (undefined when the sheet has no such column). */
  raw: Cell;
  blank: boolean;
  /** The sheet has this field (its own column, a part of a full name, or a grade the sheet names). */
  has: boolean;
  v: DerivedOf<F>;
}

/** A code per student into a list of values. */
export interface Coded<F extends FieldKey = FieldKey> {
  codes: Int32Array;
  values: FieldValue<F>[];
}

/** A field's column: a code per student into the distinct values. */
export interface Column<F extends FieldKey = FieldKey> extends Coded<F> {
  /** The sheet has this field: its own column, a part of a full name, or the grade the sheet names. */
  has: boolean;
  /**
   * A field of mostly distinct values (IDs, student numbers): what its row rules see, a value per shape
   * (see shapeOf), while `values` are made when read and not kept.
   */
  shapes?: Coded<F>;
  /** With shapes: the text of `values[code]` without making the value. */
  textAt?(code: number): string;
  /** With shapes: per code, the digitsKey of its text when it has a shape (digits), else -1. */
  digits?: Float64Array;
}

export interface SheetData {
  index: number;
  name: string;
  values: readonly (readonly Cell[])[];
  map: HeaderMap;
  /** 0-based sheet row of each student (blank rows are not students). */
  rows: Int32Array;
  columns: { [F in FieldKey]: Column<F> };
  gradeFrom: GradeSource;
}

/** A decimal as people type one: "45", "45.5", "45." and ".5"; no sign, exponent or hex. */
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)$/;

/**
 * Weight and height as rosters write them: "45.5", "๔๕", "45 กก.", "45,5" → 45.5; blank, "0" and "-" → 0
 * (DMC's "not recorded"); anything else (junk, "1e3", "0x2d") → NaN. One pattern for bare numbers and numbers
 * with a unit, so "45." and "45. kg" read alike.
 */
export function measure(text: string | undefined): number {
  if (text === undefined || isBlankText(text)) return 0;
  if (text.length < 8 && DECIMAL.test(text)) return Number(text);
  const t = arabicDigits(text)
    .trim()
    .replace(/\s*(?:kg|กก\.?|กิโลกรัม|cm|ซม\.?|เซนติเมตร|m|ม\.)$/i, '')
    .replace(/^(\d+),(\d+)$/, '$1.$2');
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

function derive(field: FieldKey, text: string, raw: Cell, blank: boolean): unknown {
  switch (field) {
    case 'cid':
      return parseCid(text);
    case 'prefix':
      return text ? lookupPrefix(text) : null;
    case 'gender':
      return text ? lookupGender(text) : null;
    case 'dob':
      return blank ? null : parseDateCell(raw);
    case 'grade':
      return text ? parseGrade(text) : null;
    case 'weight':
    case 'height':
      return measure(text);
    case 'status':
      return parseStatus(text);
    case 'exam':
      return parseExam(text);
    default:
      return null;
  }
}

/** The value of one cell of a field, derived. */
export function fieldValue<F extends FieldKey>(field: F, raw: Cell, text = cellText(raw)): FieldValue<F> {
  const blank = isBlankText(text);
  return { text, raw, blank, has: true, v: derive(field, text, raw, blank) as DerivedOf<F> };
}

/** A field the sheet does not have: status reads as present, the exam as blank, the rest as nothing. */
function absentValue<F extends FieldKey>(field: F): FieldValue<F> {
  const v =
    field === 'status' ? 'present' : field === 'exam' ? 'blank' : field === 'weight' || field === 'height' ? 0 : null;
  return { text: '', raw: undefined, blank: true, has: false, v: v as DerivedOf<F> };
}

/**
 * Rows alike to every row rule, in a field of mostly distinct values, share a shape: a citizen ID of 13
 * plain digits with a valid check digit is, to the row rules, its person type and province (its first
 * three digits) and whether the cell holds a number; a student number of plain digits is just there.
 * So the row rules run once per shape, not once per student, and no value is kept per student. -1: a
 * value to itself. Duplicates, which need each value, are table rules and read `values`. The shapes
 * test holds every row rule to this.
 */
export function shapeOf(field: FieldKey, raw: Cell): number {
  const number = typeof raw === 'number';
  if (number ? !Number.isInteger(raw) : typeof raw !== 'string') return -1;
  const text = number ? cellText(raw) : (raw as string);
  const kind = number ? 1 : 0;
  if (field === 'cid') {
    const head = plainCidHead(text);
    return head < 0 ? -1 : kind * 1000 + head;
  }
  if (field === 'sid') return text.length > 0 && text.length <= 20 && /^\d+$/.test(text) ? kind : -1;
  return -1;
}
const SHAPED: ReadonlySet<FieldKey> = new Set(['cid', 'sid']);
/** Shapes are below this. */
const SHAPES = 2000;

/**
 * A mostly distinct column of a shaped field: each row its own value, made when read; per row a shape,
 * each shape's value made once (from its first row), a row of no shape its own.
 */
function shaped(field: FieldKey, n: number, cellAt: (i: number) => Cell): Encoded {
  const codes = new Int32Array(n);
  const shapeCodes = new Int32Array(n);
  // A shaped text is digits: its key as a number, while the text is at hand (no string made again).
  const digits = new Float64Array(n);
  const shapeValues: FieldValue[] = [];
  const byShape = new Int32Array(SHAPES).fill(-1);
  for (let i = 0; i < n; i++) {
    codes[i] = i;
    const raw = cellAt(i);
    const s = shapeOf(field, raw);
    digits[i] = s < 0 ? -1 : digitsKey(typeof raw === 'number' ? cellText(raw) : (raw as string));
    let code = s < 0 ? -1 : byShape[s]!;
    if (code < 0) {
      code = shapeValues.length;
      shapeValues.push(fieldValue(field, raw));
      if (s >= 0) byShape[s] = code;
    }
    shapeCodes[i] = code;
  }
  const distinct = lazyArray(n, (i) => fieldValue(field, cellAt(i)), false);
  const textAt = (i: number) => cellText(cellAt(i));
  return { codes, distinct, shapes: { codes: shapeCodes, values: shapeValues }, textAt, digits };
}

/**
 * How the key of a row of a shape (its text is digits, see shapeOf) follows from its text, equal to
 * `keyOf` of its value: the text as it is (citizen IDs), or the student number DMC reads in it, its
 * leading zeros dropped (studentNumberKey). So a column of mostly distinct values is keyed without making a value
 * per student.
 */
export type ShapedKey = 'text' | 'number';

const shapedKeyOf = (text: string, shaped: ShapedKey) => (shaped === 'text' ? text : studentNumberKey(text));

/**
 * Calls `each(j, key)` for each student j in order: the key of the field's value, made once per distinct
 * value; in a shaped column, for a row of a shape, `shapedKey` of its text, or (`numbers`) its digitsKey
 * as `each(j, null, number)` without reading its text at all.
 */
function eachStudentKey<F extends FieldKey>(
  column: Column<F>,
  field: F,
  keyOf: (v: FieldValue<F>) => string | null,
  shapedKey: ShapedKey | undefined,
  numbers: boolean,
  each: (j: number, key: string | null, number?: number) => void,
): void {
  const n = column.codes.length;
  const { shapes, textAt, digits } = column;
  if (shapes && textAt && shapedKey) {
    const { codes, values } = shapes;
    const shaped = values.map((v) => shapeOf(field, v.raw) >= 0);
    for (let j = 0; j < n; j++) {
      const sc = codes[j]!;
      if (!shaped[sc]) each(j, keyOf(values[sc]!));
      else {
        const code = column.codes[j]!;
        const d = numbers && digits ? digits[code]! : -1;
        if (d >= 0) each(j, null, shapedKey === 'text' ? d : wholeNumberKey(d));
        else each(j, shapedKeyOf(textAt(code), shapedKey));
      }
    }
    return;
  }
  const byCode = column.values.map(keyOf);
  for (let j = 0; j < n; j++) each(j, byCode[column.codes[j]!]!);
}

/** Each student's key of a field's value (null: none); see eachStudentKey. */
export function studentKeys<F extends FieldKey>(
  column: Column<F>,
  field: F,
  keyOf: (v: FieldValue<F>) => string | null,
  shapedKey?: ShapedKey,
): Array<string | null> {
  const keys = new Array<string | null>(column.codes.length);
  eachStudentKey(column, field, keyOf, shapedKey, false, (j, key) => (keys[j] = key));
  return keys;
}

/**
 * Each student's key as groups compare them, into `numbers` from `at` on: a key of 1–14 digits as its
 * digitsKey (a shaped row's without making its text), any other key through `text(i, key)`; a student
 * without a key is left as it is.
 */
export function studentKeyNumbers<F extends FieldKey>(
  column: Column<F>,
  field: F,
  keyOf: (v: FieldValue<F>) => string | null,
  shapedKey: ShapedKey | undefined,
  numbers: Float64Array,
  at: number,
  text: (i: number, key: string) => void,
): void {
  eachStudentKey(column, field, keyOf, shapedKey, true, (j, key, number) => {
    if (number !== undefined) numbers[at + j] = number;
    else if (key !== null) {
      const d = digitsKey(key);
      if (d >= 0) numbers[at + j] = d;
      else text(at + j, key);
    }
  });
}

/**
 * Rows sampled to tell a column of mostly distinct values (IDs, student numbers) from a repetitive one.
 * Large enough that birth dates and surnames (thousands of values shared by a big roster) show their
 * repeats: 512 rows of 9,000 birth dates look all distinct, 8,192 do not.
 */
const SAMPLE = 8192;

/** Mostly distinct in its first rows: sharing would cost a hash per row and save nothing. */
function mostlyDistinct(values: readonly (readonly Cell[])[], from: number, n: number, col: number): boolean {
  const m = Math.min(n, SAMPLE);
  if (m < 64) return false;
  const seen = new Set<unknown>();
  for (let i = 0; i < m; i++) seen.add(values[from + i]?.[col] ?? '');
  return seen.size > m * 0.9;
}

interface Encoded {
  codes: Int32Array;
  distinct: FieldValue[];
  shapes?: Coded;
  textAt?(code: number): string;
  digits?: Float64Array;
}

/**
 * A column of mostly distinct values, each row its own value: no dictionary (duplicates are the rules'
 * business, found by key). A shaped field's values are made when read.
 */
function rowByRow(field: FieldKey, n: number, cellAt: (i: number) => Cell): Encoded {
  if (SHAPED.has(field)) return shaped(field, n, cellAt);
  const codes = new Int32Array(n);
  const distinct: FieldValue[] = [];
  for (let i = 0; i < n; i++) {
    codes[i] = i;
    distinct.push(fieldValue(field, cellAt(i)));
  }
  return { codes, distinct };
}

/** Dictionary-encodes one sheet column over the data rows: numbers, texts and dates keep their type. */
function encode(field: FieldKey, values: readonly (readonly Cell[])[], from: number, col: number): Encoded {
  const n = Math.max(0, values.length - from);
  if (mostlyDistinct(values, from, n, col)) return rowByRow(field, n, (i) => values[from + i]?.[col] ?? '');
  const codes = new Int32Array(n);
  const distinct: FieldValue[] = [];
  const dict = new Map<unknown, number>();
  const dates = new Map<number, number>();
  let above: unknown = undefined;
  let aboveCode = -1;
  for (let i = 0; i < n; i++) {
    let raw = values[from + i]?.[col];
    if (raw === null || raw === undefined) raw = '';
    // Rosters run in class order: a cell is often the one above it, no lookup needed.
    if (raw === above) {
      codes[i] = aboveCode;
      continue;
    }
    const isDateCell = typeof raw === 'object';
    const key = isDateCell ? (raw as Date).getTime() : raw;
    const map = isDateCell ? dates : dict;
    let code = map.get(key);
    if (code === undefined) {
      code = distinct.length;
      distinct.push(fieldValue(field, raw));
      map.set(key, code);
    }
    codes[i] = aboveCode = code;
    above = raw;
  }
  return { codes, distinct };
}

/**
 * Encodes a column the reader already encoded: its codes taken as they are, each distinct text derived
 * once; a column of texts row by row, as `encode` takes a column of mostly distinct values.
 */
function encodeColumn(field: FieldKey, column: TextColumn | undefined, from: number, rows: number): Encoded {
  const n = Math.max(0, rows - from);
  if (!column) return { codes: new Int32Array(n), distinct: n ? [fieldValue(field, '')] : [] };
  const { textOf } = column;
  if (textOf) return rowByRow(field, n, (i) => textOf(from + i));
  // The reader's codes as they are, no copy: its dictionary also holds texts of the lines above the
  // header, which no student's code points at (derived all the same, they are never read).
  return {
    codes: column.codes!.subarray(from, Math.max(from, rows)),
    distinct: column.dict.map((t) => fieldValue(field, t)),
  };
}

/**
 * A date written over three cells (day, month, year) as one cell holds it: "15/3/2558", or
 * "15 มีนาคม 2558" when the month is a name; a day cell alone is taken as it is.
 */
function joinDateParts(day: Cell, month: Cell, year: Cell): Cell {
  const [d, m, y] = [day, month, year].map((v) => cellText(v).trim()) as [string, string, string];
  if (m === '' && y === '') return day;
  return /^\d*$/.test(arabicDigits(m)) ? `${d}/${m}/${y}` : `${d} ${m} ${y}`;
}

/** Each student row's date of birth from its three columns, as a one-column table. */
function joinedDates(parts: DateParts, values: readonly (readonly Cell[])[], from: number, text?: TextColumns) {
  const rows = text ? text.rows : values.length;
  const at = (r: number, c: number): Cell => (text ? textAt(text.columns[c], r) : values[r]?.[c]);
  return Array.from({ length: Math.max(0, rows - from) }, (_, i) => {
    const r = from + i;
    return [joinDateParts(at(r, parts.day), at(r, parts.month), at(r, parts.year))];
  });
}

/** The class a sheet without a grade column names: a title line above the header, or the sheet's name. */
function sheetGrade(name: string, values: readonly (readonly Cell[])[], map: HeaderMap) {
  if (map.columns.grade !== undefined) return null;
  const lines = values.slice(0, map.headerIndex).flatMap((r) => r.map(cellText));
  const title = gradeOfTitle(lines);
  if (title) return { grade: title, from: 'title' as const };
  const named = gradeOfSheetName(name);
  return named ? { grade: named, from: 'sheet-name' as const } : null;
}

const NAME_PARTS = ['prefix', 'firstName', 'lastName'] as const;

/**
 * Text that class lists hold around their students and that no student's cell holds alone: totals
 * ("รวม 22 คน", "ชาย 11 คน"), signature lines ("ลงชื่อ.........ครูประจำชั้น", "(นางสาวสมใจ ใจงาม)"),
 * notes, a class's heading. A row of nothing else is no student.
 */
const NOTE =
  /^\s*(?:รวม|ลงชื่อ|ลงนาม|หมายเหตุ|ตำแหน่ง|ผู้รายงาน|ผู้ตรวจ|ผู้รับรอง|ผู้อำนวยการ|ครูประจำชั้น|ครูที่ปรึกษา|ข้อมูล ณ|ณ วันที่|จำนวน|รายชื่อ|ชั้น|(?:นักเรียน)?(?:ชาย|หญิง)\s*[\d๐-๙]+\s*คน)|^\s*\(.*\)\s*$|\.{4}|_{4}/;

/** Reads a sheet into columns; null when it has no recognisable header. */
export function analyseSheet(
  index: number,
  name: string,
  values: readonly (readonly Cell[])[],
  headerRow?: number,
  /** The same cells as columns (the command's CSV reader): read from them instead of the rows. */
  text?: TextColumns,
): SheetData | null {
  const map = mapHeaders(values, headerRow || undefined);
  if (!map) return null;
  const from = map.headerIndex + 1;
  const mapped = Object.entries(map.columns) as Array<[FieldKey, number]>;
  const { dobParts } = map;
  const encoded = new Map(
    mapped.map(([field, col]) => [
      field,
      field === 'dob' && dobParts
        ? encode(field, joinedDates(dobParts, values, from, text), 0, 0)
        : text
          ? encodeColumn(field, text.columns[col], from, text.rows)
          : encode(field, values, from, col),
    ]),
  );

  // A row is a student when any mapped cell holds something other than a note (a total, a signature
  // line below the list), unless it repeats the header (a class's list pasted under another's, its
  // header with it): three of its cells as the header names them.
  const n = Math.max(0, values.length - from);
  // Per distinct value, whether it says nothing of a student (blank, or a note), read through the
  // shapes where there are (no per-row value is made).
  let named: Uint8Array | null = null;
  const blanks = [...encoded].map(([field, e]) => {
    const { codes, values: distinct } = e.shapes ?? { codes: e.codes, values: e.distinct };
    const blank = new Uint8Array(distinct.length);
    const header = map.headers[map.columns[field]!] ?? '';
    let repeats: Uint8Array | null = null;
    for (let v = 0; v < distinct.length; v++) {
      const d = distinct[v]!;
      blank[v] = d.blank || NOTE.test(d.text) ? 1 : 0;
      if (!d.blank && header !== '' && d.text.trim() === header) (repeats ??= new Uint8Array(distinct.length))[v] = 1;
    }
    if (repeats) {
      const count = (named ??= new Uint8Array(n));
      for (let i = 0; i < n; i++) count[i] = count[i]! + repeats[codes[i]!]!;
    }
    return { codes, blank };
  });
  const keep = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (named !== null && named[i]! >= Math.min(3, blanks.length)) continue;
    // Indexed, not for…of: this runs once per row, mostly before it is optimised, and an iterator
    // allocates on every step until then.
    for (let k = 0; k < blanks.length; k++) {
      const b = blanks[k]!;
      if (b.blank[b.codes[i]!] === 0) {
        keep[kept++] = i;
        break;
      }
    }
  }
  const rows = new Int32Array(kept);
  for (let j = 0; j < kept; j++) rows[j] = keep[j]! + from;
  const pick = (codes: Int32Array) => {
    if (kept === n) return codes;
    const out = new Int32Array(kept);
    for (let j = 0; j < kept; j++) out[j] = codes[keep[j]!]!;
    return out;
  };
  const zero = new Int32Array(kept);

  const columns = {} as { [F in FieldKey]: Column<F> };
  const set = <F extends FieldKey>(f: F, c: Column<F>) => ((columns as Record<FieldKey, Column>)[f] = c as Column);
  for (const f of FIELD_KEYS) {
    const e = encoded.get(f);
    set(
      f,
      e
        ? {
            has: true,
            codes: pick(e.codes),
            values: e.distinct as FieldValue<typeof f>[],
            ...(e.shapes && {
              shapes: { codes: pick(e.shapes.codes), values: e.shapes.values as FieldValue<typeof f>[] },
              textAt: e.textAt,
              digits: e.digits,
            }),
          }
        : { has: false, codes: zero, values: [absentValue(f)] },
    );
  }
  // A full-name column stands for the prefix and name columns the sheet lacks.
  const full = encoded.get('fullName');
  if (full) {
    const parts = full.distinct.map((v) => splitFullName(v.text));
    for (const part of NAME_PARTS) {
      if (encoded.has(part)) continue;
      set(part, { has: true, codes: columns.fullName.codes, values: parts.map((p) => fieldValue(part, p[part])) });
    }
  }
  const fromSheet = sheetGrade(name, values, map);
  if (fromSheet) {
    const g = fromSheet.grade;
    set('grade', { has: true, codes: zero, values: [{ text: g.label, raw: g.label, blank: false, has: true, v: g }] });
  }
  const gradeFrom: GradeSource = fromSheet?.from ?? (map.columns.grade !== undefined ? 'column' : null);
  return { index, name, values, map, rows, columns, gradeFrom };
}

/** Present = on the roster this year: present, joined, or an unrecognised status (or no status column). */
export function isPresent(status: FieldValue<'status'>): boolean {
  const s = status.v;
  return s === 'present' || s === 'joined' || s === 'other';
}
