/**
 * Real-shaped roster files for issue 9, with planted problems and a manifest of what must be found:
 * the DMC download as downloaded, as Excel re-saves it, as CSV (UTF-8 and Windows-874), and a
 * per-class workbook. Synthetic people only: every citizen ID comes from withCheckDigit. Files are
 * generated at test time (nothing binary is committed); `score` measures a report against a manifest.
 */
import ExcelJS from 'exceljs';
import { ageOn, type Ymd } from '../../src/core/dates';
import { isValidCid, withCheckDigit } from '../../src/core/thai-id';
import type { DateOrigin } from '../../src/core/types';
import { DMC_HEADERS } from './dmc-download';
import { rng, wrongCheckDigit } from './synthetic';

/** A value as Sheets' getValues() gives it (what the add-on sees after the file is opened in Sheets). */
export type SheetValue = string | number | boolean | Date;

/** The check every test states explicitly: the end-of-year round of academic year 2567. */
export const ACADEMIC_YEAR = 2567;
export const AS_OF = '2025-03-20';
export const SETTINGS = { asOf: AS_OF, academicYear: ACADEMIC_YEAR } as const;
/** What a check without settings must infer for these files (today is long after the exams). */
export const INFERRED_AS_OF = '2025-03-31';

const AS_OF_YMD: Ymd = { y: 2025, m: 3, d: 20 };
/** 16 May of the academic year (CE): the age reference for grades. */
const YEAR_START: Ymd = { y: ACADEMIC_YEAR - 543, m: 5, d: 16 };
/** The DMC download's generation time: "วันและเวลาที่สร้างรายงาน 15/03/2568 02:00:00". */
const DOWNLOADED: Ymd = { y: 2025, m: 3, d: 15 };
const TIMESTAMP_LINE = 'วันและเวลาที่สร้างรายงาน 15/03/2568 02:00:00';
const SCHOOL_CODE = '10100001';
const SCHOOL_NAME = 'โรงเรียนบ้านตัวอย่างวิทยา';

export type Shape = 'dmc-text' | 'dmc-resaved' | 'dmc-csv' | 'dmc-csv-874' | 'classes' | 'handmade';

/** A problem planted on purpose: the rule that must fire, on which sheet and cell (null = whole sheet). */
export interface Planted {
  /** null: any sheet (a whole-workbook finding such as grade.top-empty). */
  sheet: string | null;
  rule: string;
  cell: string | null;
  /** What was planted, for reading a miss. */
  why: string;
}

export interface RowRef {
  sheet: string;
  row: number;
}

export interface Manifest {
  shape: Shape;
  file: string;
  /** Roster sheets that must be checked ('' for a CSV). */
  sheets: string[];
  /** Sheets that must be listed as skipped (no roster header). */
  skipped: string[];
  planted: Planted[];
  /** Rows with nothing wrong: no error or warning may land on them (info is allowed). */
  clean: RowRef[];
  /**
   * Findings the file's shape makes right on every row they name (cid.stored-as-number on each ID the
   * re-saved download holds as a number): they must be found, and are no false flag on a clean row.
   */
  shapeFindings: Planted[];
  /** Rules that must not fire anywhere in the file (whole-sheet rules included). */
  quietRules: string[];
  /** What a check without date settings must infer from the file. */
  inferred: { academicYear: number; academicYearFrom: DateOrigin; asOf: string };
  students: number;
}

export interface RealFile {
  manifest: Manifest;
  bytes: Uint8Array;
  /** The sheets as Sheets' getValues() would give them after opening the file (xlsx shapes). */
  sheets: Array<{ name: string; values: SheetValue[][] }>;
}

// ————————————————————————————————————————————— people —————————————————————————————————————————————

const MALE = ['สมชาย', 'ธนากร', 'ภูมิพัฒน์', 'กิตติพงษ์', 'ณัฐวุฒิ', 'ปวริศ', 'ธีรภัทร', 'วรเมธ', 'ศุภกร', 'อนุชา', 'พีรพัฒน์', 'ชยพล'];
const FEMALE = [
  'สมศรี',
  'กมลชนก',
  'ณัฐธิดา',
  'พิมพ์ชนก',
  'ปภาวรินทร์',
  'ชุติมา',
  'อรอุมา',
  'สุภาวดี',
  'วรรณิดา',
  'ธิดารัตน์',
  'ปุณยาพร',
  'ศิริพร',
];
const LAST = [
  'ใจดี',
  'มีสุข',
  'ศรีสวัสดิ์',
  'บุญมา',
  'แก้วกาญจนา',
  'วงศ์ใหญ่',
  'ทองดี',
  'สุขประเสริฐ',
  'พรหมมา',
  'จันทร์เพ็ญ',
  'แสงทอง',
  'ดวงดี',
];
const FATHER = ['สมหมาย', 'ประเสริฐ', 'วิชัย', 'สมศักดิ์', 'บุญเลิศ', 'ประยุทธ'];
const MOTHER = ['สมใจ', 'มาลี', 'บุญเรือน', 'สุนีย์', 'ละเอียด', 'จันทร์เพ็ญ'];
const PROVINCES = ['10', '11', '30', '34', '40', '41', '50', '57', '65', '80', '90'];

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (rand: Rand, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const pad = (n: number) => String(n).padStart(2, '0');
export const beText = (d: Ymd) => `${pad(d.d)}/${pad(d.m)}/${d.y + 543}`;
const thaiDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** Grade label → age on 16 May of the academic year (RULES.md, "Grade"). */
export function expectedAge(grade: string): number {
  const m = /^(ป|ม|ปวช)\.(\d)$/.exec(grade);
  if (!m) throw new Error(`no expected age for ${grade}`);
  const n = Number(m[2]);
  return m[1] === 'ป' ? 5 + n : m[1] === 'ม' ? 11 + n : 14 + n;
}

/** A field of a row, in any shape's layout. */
type Field =
  | 'no'
  | 'schoolCode'
  | 'schoolName'
  | 'cid'
  | 'grade'
  | 'room'
  | 'sid'
  | 'gender'
  | 'prefix'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'dob'
  | 'age'
  | 'weight'
  | 'height'
  | 'blood'
  | 'religion'
  | 'race'
  | 'nationality'
  | 'address'
  | 'father'
  | 'mother'
  | 'note';

interface Kid {
  cid: string;
  sid: string;
  male: boolean;
  prefix: string;
  first: string;
  last: string;
  dob: Ymd;
  grade: string;
  room: number;
  weight: number;
  height: number;
  nationality: string;
  address: string;
  father: string;
  mother: string;
  /** Values written as given in place of the generated ones (a planted problem or a real-file quirk). */
  raw: Partial<Record<Field, string>>;
  plants: Array<{ rule: string; field: Field | null; why: string }>;
  /** A type-0 ID (no registration status): Excel eats its leading zero. */
  type0?: boolean;
  /** Re-saved: BE year typed into a date cell. */
  beDateCell?: boolean;
  /** Re-saved: a zero-width space after the grade and a no-break space after the gender (copy-paste). */
  junk?: boolean;
  /** classes: how the date of birth is written. */
  dobStyle?: 'text' | 'thai-month' | 'thai-digits' | 'date';
  /** CSV: the ID Excel turned into 1.1E+12. */
  scientific?: boolean;
  /** CSV-874: a byte that is no Windows-874 character in the address. */
  badByte?: boolean;
  /** handmade: the day, month and year cells written in place of the date of birth's. */
  dobCells?: [SheetValue, SheetValue, SheetValue];
}

const ageAt = (k: Kid, on: Ymd) => ageOn(k.dob, on);

function addDays(d: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Weight and height in the middle of the growth band for the age on the check date. */
function body(rand: Rand, k: Kid): void {
  const a = ageAt(k, AS_OF_YMD);
  k.weight = Math.round((12 + a * 2.6 + rand() * 8) * 10) / 10;
  k.height = Math.round(80 + a * 5.6 + rand() * 10);
}

class People {
  private readonly ids = new Set<string>();
  private readonly names = new Set<string>();
  private sid = 19001;
  constructor(readonly rand: Rand) {}

  cid(type?: string): string {
    for (;;) {
      const t = type ?? String(1 + Math.floor(this.rand() * 3));
      const id = withCheckDigit(t + pick(this.rand, PROVINCES) + digits(this.rand, 9));
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  /** The student as one of the other gender: a first name of that gender, not used with the same last name and birth date. */
  regender(k: Kid, male: boolean): void {
    for (;;) {
      const first = pick(this.rand, male ? MALE : FEMALE);
      const key = `${first} ${k.last} ${beText(k.dob)}`;
      if (this.names.has(key)) continue;
      this.names.add(key);
      k.first = first;
      k.male = male;
      k.prefix = adultPrefix(k);
      return;
    }
  }

  /** A correct student of the grade: right age on 16 May, prefix by the age on the check date. */
  kid(grade: string, room: number, older = 0): Kid {
    const rand = this.rand;
    const e = expectedAge(grade) + older;
    for (;;) {
      // Born 17 May … 16 May a year later, so the age on 16 May is exactly e.
      const from: Ymd = { y: YEAR_START.y - e - 1, m: 5, d: 17 };
      const dob = addDays(from, Math.floor(rand() * 365));
      // Away from the check dates (20 and 31 March) so the prefix is the same whichever is used.
      const md = dob.m * 100 + dob.d;
      if ((md >= 310 && md <= 410) || md === 229) continue;
      const male = rand() < 0.5;
      const first = pick(rand, male ? MALE : FEMALE);
      const last = pick(rand, LAST);
      const key = `${first} ${last} ${beText(dob)}`;
      if (this.names.has(key)) continue;
      this.names.add(key);
      const k: Kid = {
        cid: this.cid(),
        sid: String(this.sid++),
        male,
        prefix: '',
        first,
        last,
        dob,
        grade,
        room,
        weight: 0,
        height: 0,
        nationality: 'ไทย',
        address: `${1 + Math.floor(rand() * 200)} หมู่ ${1 + Math.floor(rand() * 12)} ต.บ้านใหม่ อ.เมือง จ.ขอนแก่น`,
        father: `นาย${pick(rand, FATHER)} ${last}`,
        mother: `นาง${pick(rand, MOTHER)} ${last}`,
        raw: {},
        plants: [],
      };
      k.prefix = adultPrefix(k);
      body(rand, k);
      return k;
    }
  }
}

function adultPrefix(k: Kid): string {
  const adult = ageAt(k, AS_OF_YMD) >= 15;
  return k.male ? (adult ? 'นาย' : 'เด็กชาย') : adult ? 'นางสาว' : 'เด็กหญิง';
}

function plant(k: Kid, rule: string, field: Field | null, why: string): void {
  k.plants.push({ rule, field, why });
}

/** What a manifest lists of its students: each planted problem on its cell, and the clean rows. */
class Listing {
  readonly planted: Planted[] = [];
  readonly clean: RowRef[] = [];

  /** A student's problems on `sheet`, row `row`, each at its field's column (`letter`), or the row as clean. */
  add(sheet: string, row: number, plants: Kid['plants'], letter: (f: Field) => string): void {
    for (const p of plants)
      this.planted.push({
        sheet,
        rule: p.rule,
        cell: p.field === null ? null : `${letter(p.field)}${row}`,
        why: p.why,
      });
    if (plants.length === 0) this.clean.push({ sheet, row });
  }
}

/** The next unplanted student (from a seeded start) that fits, or null. */
function tryTake(rand: Rand, kids: Kid[], fits: (k: Kid) => boolean): Kid | null {
  const start = Math.floor(rand() * kids.length);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[(start + i) % kids.length]!;
    if (k.plants.length === 0 && !k.type0 && fits(k)) return k;
  }
  return null;
}

/** The next unplanted student (from a seeded start) that fits. */
function take(rand: Rand, kids: Kid[], fits: (k: Kid) => boolean = () => true): Kid {
  const k = tryTake(rand, kids, fits);
  if (!k) throw new Error('no student left to plant on');
  return k;
}

/**
 * The next unplanted boy (or girl) that fits. A class of nine may have no such student left, whatever the
 * seed: then an unplanted student that fits becomes one (a new first name of that gender).
 */
function takeGendered(rand: Rand, people: People, kids: Kid[], male: boolean, fits: (k: Kid) => boolean): Kid {
  const found = tryTake(rand, kids, (x) => x.male === male && fits(x));
  if (found) return found;
  const k = take(rand, kids, fits);
  people.regender(k, male);
  return k;
}

/** Blank weight, weight in grams, height in metres, the two swapped: slips typed into every kind of roster. */
function plantMeasureSlips(rand: Rand, kids: Kid[]): void {
  let k = take(rand, kids);
  k.raw.weight = '';
  plant(k, 'weight.missing', 'weight', 'blank weight');
  k = take(rand, kids);
  k.raw.weight = String(Math.round(k.weight * 1000));
  plant(k, 'weight.unit', 'weight', 'weight in grams');
  k = take(rand, kids);
  k.raw.height = String(k.height / 100);
  plant(k, 'height.unit', 'height', 'height in metres');
  k = take(rand, kids, (x) => x.weight < 60);
  k.raw.weight = String(k.height);
  k.raw.height = String(k.weight);
  plant(k, 'body.swapped', 'weight', 'weight and height swapped');
}

function setDob(rand: Rand, k: Kid, dob: Ymd): void {
  k.dob = dob;
  body(rand, k);
}

// ———————————————————————————————————————— the DMC download ————————————————————————————————————————

const DMC_FIELDS: Field[] = [
  'schoolCode',
  'schoolName',
  'cid',
  'grade',
  'room',
  'sid',
  'gender',
  'prefix',
  'firstName',
  'lastName',
  'dob',
  'age',
  'weight',
  'height',
  'blood',
  'religion',
  'race',
  'nationality',
  'address',
  'father',
  'mother',
];

/**
 * How Excel-saved files really hold some headers: sara am decomposed (ํ + า), a zero-width space,
 * a no-break space, a soft hyphen.
 */
const DECOMPOSE = (s: string) => s.replace(/\u0e33/g, '\u0e4d\u0e32');
const RESAVED_HEADERS = DMC_HEADERS.map((h, i) =>
  i === 10 ? 'วัน\u200bเกิด' : i === 9 ? 'นามสกุล\u00a0' : i === 13 ? 'ส่วน\u00adสูง' : DECOMPOSE(h),
);
const DMC_SHEET = 'ข้อมูลนักเรียนรายบุคคล';
const DMC_HEADER_ROW = 2;
const col = (i: number) => String.fromCharCode(65 + i);

/** The school's students in the download: ป.1 … ม.3, and the problems schools really send. */
function dmcKids(seed: number): Kid[] {
  const rand = rng(seed);
  const people = new People(rand);
  const kids: Kid[] = [];
  const grades = ['ป.1', 'ป.2', 'ป.3', 'ป.4', 'ป.5', 'ป.6', 'ม.1', 'ม.2', 'ม.3'];
  for (const g of grades) for (let i = 0; i < 9; i++) kids.push(people.kid(g, i < 5 ? 1 : 2));
  // A last name of two words is a name, not a whitespace problem.
  kids[12]!.last = 'ณ อยุธยา';
  // Three students with type-0 IDs (no registration status): correct as text, damaged by Excel.
  for (const i of [7, 30, 55]) {
    const k = kids[i]!;
    k.cid = people.cid('0');
    k.type0 = true;
    k.nationality = 'เมียนมา';
  }
  const ymd = (y: number, m: number, d: number): Ymd => ({ y, m, d });

  let k = take(rand, kids);
  k.raw.cid = wrongCheckDigit(k.cid);
  plant(k, 'cid.checksum', 'cid', 'check digit one off');
  // A transposition the check digit misses (its sum moving between 0 and 10 mod 11) is no slip to find.
  const transposed = (cid: string) => cid.slice(0, 3) + cid[4] + cid[3] + cid.slice(5);
  k = take(rand, kids, (x) => !isValidCid(transposed(x.cid)));
  k.raw.cid = transposed(k.cid);
  plant(k, 'cid.checksum', 'cid', 'digits 4 and 5 transposed');
  const a = take(rand, kids);
  plant(a, 'cid.duplicate', 'cid', 'same ID as another row');
  const b = take(rand, kids);
  b.raw.cid = a.cid;
  plant(b, 'cid.duplicate', 'cid', 'same ID as another row');
  k = take(rand, kids, (x) => !isValidCid(`0${x.cid.slice(1)}`));
  k.raw.cid = k.cid.slice(1);
  plant(k, 'cid.format', 'cid', '12 digits (one dropped), not a lost leading zero');
  k = take(rand, kids);
  k.raw.cid = withCheckDigit(`9${pick(rand, PROVINCES)}${digits(rand, 9)}`);
  plant(k, 'cid.category', 'cid', 'first digit 9');
  k = take(rand, kids);
  k.raw.cid = '';
  plant(k, 'cid.missing', 'cid', 'blank ID');
  k = take(rand, kids);
  k.raw.cid = withCheckDigit(`6${pick(rand, PROVINCES)}${digits(rand, 9)}`);
  plant(k, 'cid.nationality', 'cid', 'type-6 ID with nationality ไทย');
  const s1 = take(rand, kids);
  plant(s1, 'sid.duplicate', 'sid', 'same student number as another row');
  const s2 = take(rand, kids);
  s2.raw.sid = s1.sid;
  plant(s2, 'sid.duplicate', 'sid', 'same student number as another row');
  k = take(rand, kids);
  k.raw.sid = '';
  plant(k, 'sid.missing', 'sid', 'blank student number');
  k = takeGendered(rand, people, kids, false, (x) => ageAt(x, AS_OF_YMD) < 15);
  k.raw.prefix = 'เด็กชาย';
  plant(k, 'prefix.gender', 'prefix', 'เด็กชาย on a girl (ญ)');
  k = takeGendered(rand, people, kids, true, (x) => x.grade === 'ม.3');
  setDob(rand, k, ymd(2008, 8, 10));
  k.raw.prefix = 'เด็กชาย';
  plant(k, 'prefix.age', 'prefix', 'เด็กชาย at 16');
  k = takeGendered(rand, people, kids, true, (x) => x.grade === 'ป.6');
  k.raw.prefix = 'นาย';
  plant(k, 'prefix.age', 'prefix', 'นาย at 12');
  k = take(rand, kids);
  k.raw.gender = 'ไม่ระบุ';
  plant(k, 'gender.invalid', 'gender', 'gender ไม่ระบุ');
  k = take(rand, kids);
  k.raw.dob = '31/02/2556';
  plant(k, 'dob.invalid', 'dob', '31 February');
  k = take(rand, kids, (x) => x.grade === 'ป.1');
  k.dob = ymd(2025, 6, 1);
  k.raw.age = '0';
  plant(k, 'dob.future', 'dob', 'born 1 June 2568, after the check date');
  k = take(rand, kids, (x) => x.grade === 'ป.1');
  setDob(rand, k, ymd(2014, 1, 10));
  k.prefix = adultPrefix(k);
  plant(k, 'age.grade', 'dob', 'ป.1 aged 10 on 16 May');
  k = takeGendered(rand, people, kids, false, (x) => x.grade === 'ป.4');
  k.dob = ymd(1997, 7, 7);
  plant(k, 'age.implausible', 'dob', 'born 2540: 27 years old');
  k = take(rand, kids);
  k.raw.age = String(ageAt(k, DOWNLOADED) + 4);
  plant(k, 'age.mismatch', 'age', 'age column 4 years off');
  k = take(rand, kids);
  k.raw.weight = '0';
  plant(k, 'weight.missing', 'weight', 'weight 0 (not recorded)');
  k = take(rand, kids);
  k.raw.height = '-';
  plant(k, 'height.missing', 'height', 'height "-" (not recorded)');
  plantMeasureSlips(rand, kids);
  k = take(rand, kids);
  k.last = 'แก้วกาญจนา';
  k.raw.lastName = 'เเก้วกาญจนา';
  plant(k, 'name.thai-typo', 'lastName', 'เเ for แ in the last name');
  k = take(rand, kids);
  k.raw.firstName = `${k.first} `;
  plant(k, 'name.whitespace', 'firstName', 'trailing space');
  k = take(rand, kids);
  k.raw.firstName = `${k.first}2`;
  plant(k, 'name.invalid-chars', 'firstName', 'a digit in the first name');
  k = take(rand, kids, (x) => x.grade === 'ม.3');
  k.raw.grade = 'ม.7';
  plant(k, 'grade.invalid', 'grade', 'grade ม.7');
  k = take(rand, kids);
  k.raw.room = '0';
  plant(k, 'room.invalid', 'room', 'room 0');
  return kids;
}

/** A cell's text in the download (before any re-save): what DMC writes. */
function dmcText(k: Kid, f: Field, i: number): string {
  const r = k.raw[f];
  if (r !== undefined) return r;
  switch (f) {
    case 'schoolCode':
      return SCHOOL_CODE;
    case 'schoolName':
      return SCHOOL_NAME;
    case 'cid':
      return k.cid;
    case 'grade':
      // DMC mostly writes the short form; a few rows the long one.
      return i % 11 === 4 ? k.grade.replace(/^ป\./, 'ประถมศึกษาปีที่ ').replace(/^ม\./, 'มัธยมศึกษาปีที่ ') : k.grade;
    case 'room':
      return String(k.room);
    case 'sid':
      return k.sid;
    case 'gender':
      return k.male ? 'ช' : 'ญ';
    case 'prefix':
      return k.prefix;
    case 'firstName':
      return k.first;
    case 'lastName':
      return k.last;
    case 'dob':
      return beText(k.dob);
    case 'age':
      return String(Math.max(0, ageAt(k, DOWNLOADED)));
    case 'weight':
      return String(k.weight);
    case 'height':
      return String(k.height);
    case 'blood':
      return ['A', 'B', 'O', 'AB'][i % 4]!;
    case 'religion':
      return 'พุทธ';
    case 'race':
      return k.type0 ? 'พม่า' : 'ไทย';
    case 'nationality':
      return k.nationality;
    case 'address':
      return k.address;
    case 'father':
      return k.father;
    case 'mother':
      return k.mother;
    default:
      return '';
  }
}

/** The row's values as each DMC shape holds them. */
function dmcRow(k: Kid, i: number, shape: Shape): SheetValue[] {
  return DMC_FIELDS.map((f) => {
    const t = dmcText(k, f, i);
    if (shape === 'dmc-text') return t;
    if (shape === 'dmc-resaved') return resaved(k, f, t);
    return csvText(k, f, t);
  });
}

/**
 * Excel's re-save: IDs, student numbers and measures become numbers, dates become date cells, and
 * copy-pasted values bring invisible characters.
 */
function resaved(k: Kid, f: Field, t: string): SheetValue {
  if (t === '') return '';
  if (k.junk && f === 'grade') return `${t}\u200b`;
  if (k.junk && f === 'gender') return `${t}\u00a0`;
  if (f === 'cid' || f === 'sid' || f === 'room' || f === 'age') return /^\d+$/.test(t) ? Number(t) : t;
  if (f === 'weight' || f === 'height') return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  if (f === 'dob') {
    const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(t);
    if (!m) return t;
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const be = Number(m[3]);
    // 31/02 stays text: Excel cannot make a date of it.
    if (new Date(be - 543, mo - 1, d).getDate() !== d) return t;
    return new Date(k.beDateCell ? be : be - 543, mo - 1, d);
  }
  return t;
}

/** How an Excel CSV export writes it: IDs with an apostrophe (or 1.1E+12), student numbers "19001.0". */
function csvText(k: Kid, f: Field, t: string): string {
  if (t === '') return '';
  if (f === 'cid') return k.scientific ? Number(t).toPrecision(12).toUpperCase() : `'${t}`;
  if (f === 'sid' && /^\d+$/.test(t)) return `${t}.0`;
  return t;
}

function dmcManifest(shape: Shape, file: string, sheet: string, kids: Kid[], values: SheetValue[][]): Manifest {
  const listing = new Listing();
  const shapeFindings: Planted[] = [];
  kids.forEach((k, i) => {
    const row = DMC_HEADER_ROW + 1 + i;
    const plants = [...k.plants];
    if (shape === 'dmc-resaved' && k.type0)
      plants.push({ rule: 'cid.leading-zero-lost', field: 'cid', why: 'type-0 ID saved as a number' });
    if ((shape === 'dmc-csv' || shape === 'dmc-csv-874') && k.scientific)
      plants.push({ rule: 'cid.format', field: 'cid', why: 'ID written as 1.1E+12 by Excel' });
    if (shape === 'dmc-csv-874' && k.badByte)
      plants.push({ rule: 'file.bad-bytes', field: null, why: 'a byte no Windows-874 character' });
    listing.add(sheet, row, plants, (f) => col(DMC_FIELDS.indexOf(f)));
    const cidCell = values[row - 1]![DMC_FIELDS.indexOf('cid')];
    if (typeof cidCell === 'number')
      shapeFindings.push({ sheet, rule: 'cid.stored-as-number', cell: `C${row}`, why: 'ID held as a number cell' });
  });
  return {
    shape,
    file,
    sheets: [sheet],
    skipped: [],
    planted: listing.planted,
    clean: listing.clean,
    shapeFindings,
    quietRules: ['grade.top-empty', 'header.not-found', 'header.duplicate-column'],
    inferred: {
      academicYear: ACADEMIC_YEAR,
      academicYearFrom: file.startsWith('2567-3') ? 'file-name' : 'dmc-timestamp',
      asOf: INFERRED_AS_OF,
    },
    students: kids.length,
  };
}

/** The download's sheet as a table: the timestamp line, the header, the students. */
function dmcTable(kids: Kid[], shape: Shape): SheetValue[][] {
  const stamp: SheetValue[] = [TIMESTAMP_LINE, ...DMC_FIELDS.slice(1).map(() => '')];
  const headers = shape === 'dmc-resaved' ? RESAVED_HEADERS : DMC_HEADERS;
  return [stamp, [...headers], ...kids.map((k, i) => dmcRow(k, i, shape))];
}

// ——————————————————————————————————————————— xlsx writing ———————————————————————————————————————————

const FIXED_DATE = new Date(Date.UTC(2025, 2, 15, 2, 0, 0));

interface XlsxSheetSpec {
  name: string;
  values: SheetValue[][];
  /** 1-based rows merged across the table's width (title lines). */
  mergedRows: number[];
  width: number;
  /** Further merged areas, 1-based: top, left, bottom, right. */
  merges?: Array<[number, number, number, number]>;
}

async function writeWorkbook(sheets: XlsxSheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'make-real-files';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (v instanceof Date) {
          // exceljs writes dates as UTC; Sheets' values are local calendar dates.
          cell.value = new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()));
          cell.numFmt = 'dd/mm/yyyy';
        } else {
          cell.value = v;
          if (typeof v === 'number' && v >= 1e11) cell.numFmt = '0';
        }
      });
    });
    for (const r of s.mergedRows) ws.mergeCells(r, 1, r, s.width);
    for (const m of s.merges ?? []) ws.mergeCells(...m);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

// ———————————————————————————————————————————— CSV writing ————————————————————————————————————————————

function csvField(v: SheetValue): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvOf(rows: SheetValue[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Windows-874 (TIS-620 plus a few punctuation marks): what Thai Excel writes for "CSV". */
export function encodeWindows874(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x0e01 && c <= 0x0e3a) out.push(c - 0x0e01 + 0xa1);
    else if (c >= 0x0e3f && c <= 0x0e5b) out.push(c - 0x0e3f + 0xdf);
    else if (c === 0xa0) out.push(0xa0);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

/** A byte Windows-874 has no character for: where a damaged file holds one. */
export const BAD_874_BYTE = 0xfc;
const BAD_MARK = '\u0000';

// ——————————————————————————————————————————— per-class workbook ———————————————————————————————————————

interface ClassSheet {
  name: string;
  title: string;
  grade: string;
  room: number;
  n: number;
  fatherFirst?: boolean;
  decomposed?: boolean;
}

const CLASS_SHEETS: ClassSheet[] = [
  { name: 'ป.6-2', title: 'ชั้น ป.6/2', grade: 'ป.6', room: 2, n: 10 },
  { name: 'ม.1-1', title: 'ชั้น ม.1/1', grade: 'ม.1', room: 1, n: 10 },
  { name: 'ม.1-2', title: 'ชั้น ม.1/2', grade: 'ม.1', room: 2, n: 10, fatherFirst: true },
  { name: 'ม2_1', title: 'ชั้น ม.2/1', grade: 'ม.2', room: 1, n: 10, decomposed: true },
  // Named like a new sheet: only the title line says which class it is.
  { name: 'แผ่นงาน7', title: 'ชั้นมัธยมศึกษาปีที่ 2/2', grade: 'ม.2', room: 2, n: 10 },
  { name: 'ปวช.1', title: 'ชั้น ปวช.1/1', grade: 'ปวช.1', room: 1, n: 8 },
];
const CLASS_HEADER_ROW = 4;
const CLASS_WIDTH = 9;

function classFields(s: ClassSheet): Field[] {
  return s.fatherFirst
    ? ['no', 'sid', 'cid', 'father', 'fullName', 'dob', 'weight', 'height', 'note']
    : ['no', 'sid', 'cid', 'fullName', 'dob', 'weight', 'height', 'father', 'note'];
}

const CLASS_HEADER: Partial<Record<Field, string>> = {
  no: 'ที่',
  sid: 'เลขประจำตัวนักเรียน',
  cid: 'เลขประจำตัวประชาชน',
  fullName: 'ชื่อ-สกุล',
  dob: 'วันเดือนปีเกิด',
  weight: 'น้ำหนัก (กก.)',
  height: 'ส่วนสูง (ซม.)',
  father: 'ชื่อ-สกุลบิดา (ถ้ามี)',
  note: 'หมายเหตุ',
};

const SHORT = { เด็กชาย: 'ด.ช.', เด็กหญิง: 'ด.ญ.', นาย: 'นาย', นางสาว: 'น.ส.' } as Record<string, string>;

function fullNameOf(k: Kid, i: number): string {
  const first = k.raw.firstName ?? k.first;
  const last = k.raw.lastName ?? k.last;
  const prefix = k.raw.prefix ?? k.prefix;
  if (prefix === '') return `${first} ${last}`;
  // Schools write it every way: "ด.ช. สมชาย ใจดี", "เด็กหญิงสมศรี มีสุข", "ด.ญ.กมลชนก ทองดี".
  switch (i % 3) {
    case 0:
      return `${SHORT[prefix] ?? prefix} ${first} ${last}`;
    case 1:
      return `${prefix}${first} ${last}`;
    default:
      return `${SHORT[prefix] ?? prefix}${first} ${last}`;
  }
}

function classValue(k: Kid, f: Field, i: number): SheetValue {
  const r = k.raw[f];
  switch (f) {
    case 'no':
      return i + 1;
    case 'sid':
      return r ?? Number(k.sid);
    case 'cid':
      return r ?? k.cid;
    case 'fullName':
      return fullNameOf(k, i);
    case 'dob':
      if (r !== undefined) return r;
      if (k.dobStyle === 'date') return new Date(k.dob.y, k.dob.m - 1, k.dob.d);
      if (k.dobStyle === 'thai-month') return `${k.dob.d} ${THAI_MONTHS[k.dob.m - 1]} ${k.dob.y + 543}`;
      if (k.dobStyle === 'thai-digits') return thaiDigits(beText(k.dob));
      return beText(k.dob);
    case 'weight':
      return r ?? k.weight;
    case 'height':
      return r ?? k.height;
    case 'father':
      return k.father;
    default:
      return r ?? '';
  }
}

function classKids(seed: number): Map<string, Kid[]> {
  const rand = rng(seed);
  const people = new People(rand);
  const bySheet = new Map<string, Kid[]>();
  for (const s of CLASS_SHEETS) {
    const kids: Kid[] = [];
    for (let i = 0; i < s.n; i++) {
      // Vocational classes hold students of 15 and 16 (RULES.md: ปวช.1 expects 15).
      const k = people.kid(s.grade, s.room, s.grade.startsWith('ปวช') && i % 2 === 1 ? 1 : 0);
      k.dobStyle = i % 5 === 3 ? 'date' : i % 5 === 4 ? 'thai-month' : i % 7 === 2 ? 'thai-digits' : 'text';
      kids.push(k);
    }
    bySheet.set(s.name, kids);
  }
  // A last name of two words: the full name splits into prefix, first name and "ณ อยุธยา".
  bySheet.get('ม.1-1')![0]!.last = 'ณ อยุธยา';
  const on = (name: string) => bySheet.get(name)!;
  const ymd = (y: number, m: number, d: number): Ymd => ({ y, m, d });

  // ป.6-2
  let k = take(rand, on('ป.6-2'));
  k.raw.cid = wrongCheckDigit(k.cid);
  plant(k, 'cid.checksum', 'cid', 'check digit one off');
  k = take(rand, on('ป.6-2'));
  setDob(rand, k, ymd(2015, 9, 1));
  k.prefix = adultPrefix(k);
  k.dobStyle = 'text';
  plant(k, 'age.grade', 'dob', 'ป.6 (from the sheet name) aged 8 on 16 May');
  k = take(rand, on('ป.6-2'));
  k.raw.weight = '';
  plant(k, 'weight.missing', 'weight', 'blank weight');
  k = take(rand, on('ป.6-2'));
  k.last = 'คำแก้ว';
  k.raw.lastName = 'คําแก้ว';
  plant(k, 'name.thai-typo', 'lastName', 'decomposed sara am (ํ + า) in the last name');
  k = take(rand, on('ป.6-2'));
  k.raw.prefix = '';
  plant(k, 'prefix.missing', 'prefix', 'full name without a prefix');

  // ม.1-1 and ม.1-2: one student listed in both rooms.
  const a = take(rand, on('ม.1-1'));
  plant(a, 'cid.duplicate', 'cid', 'same student on ม.1-2 too');
  plant(a, 'sid.duplicate', 'sid', 'same student on ม.1-2 too');
  const b = take(rand, on('ม.1-2'));
  Object.assign(b, { ...a, raw: {}, plants: [] });
  plant(b, 'cid.duplicate', 'cid', 'same student on ม.1-1 too');
  plant(b, 'sid.duplicate', 'sid', 'same student on ม.1-1 too');
  k = takeGendered(rand, people, on('ม.1-1'), true, () => true);
  k.raw.prefix = 'นาย';
  plant(k, 'prefix.age', 'prefix', 'นาย at 12 (in the full name)');
  k = take(rand, on('ม.1-1'));
  k.raw.height = '0';
  plant(k, 'height.missing', 'height', 'height 0');
  k = take(rand, on('ม.1-1'));
  k.raw.dob = '32/13/2555';
  plant(k, 'dob.invalid', 'dob', 'day 32, month 13');

  k = takeGendered(rand, people, on('ม.1-2'), true, () => true);
  setDob(rand, k, ymd(2006, 10, 10));
  k.prefix = adultPrefix(k);
  k.dobStyle = 'text';
  plant(k, 'age.grade', 'dob', 'ม.1 (from the sheet name) aged 17 on 16 May');
  k = take(rand, on('ม.1-2'));
  k.last = 'แสงทอง';
  k.raw.lastName = 'เเสงทอง';
  plant(k, 'name.thai-typo', 'lastName', 'เเ for แ in the last name');
  k = take(rand, on('ม.1-2'));
  k.raw.cid = '';
  plant(k, 'cid.missing', 'cid', 'blank ID');

  // ม2_1 (decomposed headers)
  k = takeGendered(rand, people, on('ม2_1'), true, () => true);
  setDob(rand, k, ymd(2008, 8, 10));
  k.prefix = 'เด็กชาย';
  k.dobStyle = 'text';
  plant(k, 'prefix.age', 'prefix', 'ด.ช. at 16 (in the full name)');
  k = take(rand, on('ม2_1'));
  k.raw.cid = wrongCheckDigit(k.cid);
  plant(k, 'cid.checksum', 'cid', 'check digit one off');
  k = take(rand, on('ม2_1'));
  k.raw.dob = '';
  plant(k, 'dob.missing', 'dob', 'blank date of birth');
  k = take(rand, on('ม2_1'));
  k.raw.weight = String(Math.round(k.weight * 1000));
  plant(k, 'weight.unit', 'weight', 'weight in grams');

  // แผ่นงาน7 (grade only from the title line)
  k = take(rand, on('แผ่นงาน7'));
  setDob(rand, k, ymd(2014, 9, 9));
  k.prefix = adultPrefix(k);
  k.dobStyle = 'text';
  plant(k, 'age.grade', 'dob', 'ม.2 (from the title line) aged 9 on 16 May');
  k = take(rand, on('แผ่นงาน7'));
  k.raw.height = String(k.height / 100);
  plant(k, 'height.unit', 'height', 'height in metres');
  const s1 = take(rand, on('แผ่นงาน7'));
  plant(s1, 'sid.duplicate', 'sid', 'same student number as another row');
  const s2 = take(rand, on('แผ่นงาน7'));
  s2.raw.sid = s1.sid;
  plant(s2, 'sid.duplicate', 'sid', 'same student number as another row');
  return bySheet;
}

function classTable(s: ClassSheet, kids: Kid[]): SheetValue[][] {
  const fields = classFields(s);
  const blank = () => fields.map(() => '' as SheetValue);
  const title = (t: string) => [t, ...blank().slice(1)];
  const header = fields.map((f) => {
    const h = CLASS_HEADER[f]!;
    return s.decomposed ? DECOMPOSE(h) : h;
  });
  return [
    title(SCHOOL_NAME),
    title(s.title),
    title(`ปีการศึกษา ${ACADEMIC_YEAR}`),
    header,
    ...kids.map((k, i) => fields.map((f) => classValue(k, f, i))),
  ];
}

function summaryTable(bySheet: Map<string, Kid[]>): SheetValue[][] {
  const rows: SheetValue[][] = [
    [`สรุปจำนวนนักเรียน ปีการศึกษา ${ACADEMIC_YEAR}`, '', '', '', ''],
    ['ชั้น', 'ห้อง', 'ชาย', 'หญิง', 'รวม'],
  ];
  let m = 0;
  let f = 0;
  for (const s of CLASS_SHEETS) {
    const kids = bySheet.get(s.name)!;
    const male = kids.filter((k) => k.male).length;
    rows.push([s.grade, s.room, male, kids.length - male, kids.length]);
    m += male;
    f += kids.length - male;
  }
  rows.push(['รวม', '', m, f, m + f]);
  return rows;
}

const INSTRUCTIONS: SheetValue[][] = [
  ['คำชี้แจงการกรอกข้อมูลนักเรียน'],
  ['1. แยกแผ่นงานตามห้องเรียน ตั้งชื่อแผ่นงานตามชั้น เช่น ม.1-1'],
  ['2. ช่องชื่อ-สกุล ให้ใส่คำนำหน้าชื่อด้วย'],
  ['3. เลขประจำตัวประชาชนกรอก 13 หลัก ไม่ต้องมีขีด'],
  ['4. วันเดือนปีเกิดใช้ปี พ.ศ. เช่น 15/03/2555'],
];

function classesManifest(bySheet: Map<string, Kid[]>): Manifest {
  const listing = new Listing();
  let students = 0;
  for (const s of CLASS_SHEETS) {
    const fields = classFields(s);
    const letter = (f: Field) => {
      const target = f === 'prefix' || f === 'firstName' || f === 'lastName' ? 'fullName' : f;
      return col(fields.indexOf(target));
    };
    bySheet.get(s.name)!.forEach((k, i) => {
      students++;
      listing.add(s.name, CLASS_HEADER_ROW + 1 + i, k.plants, letter);
    });
  }
  listing.planted.push({ sheet: null, rule: 'grade.top-empty', cell: null, why: 'ม.2 has students, ม.3 none' });
  return {
    shape: 'classes',
    file: 'classes.xlsx',
    sheets: CLASS_SHEETS.map((s) => s.name),
    skipped: ['สรุป', 'คำชี้แจง'],
    planted: listing.planted,
    clean: listing.clean,
    shapeFindings: [],
    quietRules: ['header.not-found', 'header.duplicate-column'],
    inferred: { academicYear: ACADEMIC_YEAR, academicYearFrom: 'title', asOf: INFERRED_AS_OF },
    students,
  };
}

// ———————————————————————————————————————— a hand-made roster ————————————————————————————————————————

/**
 * Two class lists typed by hand into one sheet, the second pasted under the first with its title and
 * header: a header of two rows ("ชื่อ - สกุล" merged over คำนำหน้า | ชื่อ | นามสกุล, "วันเดือนปีเกิด"
 * over วัน | เดือน | ปี, units under the measures), the date of birth as three numbers (the month
 * sometimes a name).
 */
const HANDMADE_SHEET = 'นักเรียน';
const HANDMADE_TOP = [
  'ที่',
  'เลขประจำตัวประชาชน',
  'ชื่อ - สกุล',
  '',
  '',
  'เพศ',
  'วันเดือนปีเกิด',
  '',
  '',
  'ชั้น',
  'น้ำหนัก',
  'ส่วนสูง',
];
const HANDMADE_UNDER = ['', '', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', '', 'วัน', 'เดือน', 'ปี', '', '(กก.)', '(ซม.)'];
const HANDMADE_COLUMN: Partial<Record<Field, string>> = {
  cid: 'B',
  prefix: 'C',
  firstName: 'D',
  lastName: 'E',
  gender: 'F',
  dob: 'G',
  grade: 'J',
  weight: 'K',
  height: 'L',
};
const HANDMADE_ROOMS = [1, 2];
const THAI_MONTH_NAMES = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

function handmadeKids(seed: number): Kid[][] {
  const rand = rng(seed);
  const people = new People(rand);
  const rooms = HANDMADE_ROOMS.map((room) => Array.from({ length: 22 }, () => people.kid('ป.5', room)));
  const kids = rooms.flat();
  const ymd = (y: number, m: number, d: number): Ymd => ({ y, m, d });

  let k = take(rand, kids);
  k.raw.cid = wrongCheckDigit(k.cid);
  plant(k, 'cid.checksum', 'cid', 'check digit one off');
  k = take(rand, kids);
  k.raw.cid = '';
  plant(k, 'cid.missing', 'cid', 'blank ID');
  // One student typed into both rooms' lists.
  const a = take(rand, rooms[0]!);
  plant(a, 'cid.duplicate', 'cid', 'same ID in the other room’s list');
  const b = take(rand, rooms[1]!);
  b.raw.cid = a.cid;
  plant(b, 'cid.duplicate', 'cid', 'same ID in the other room’s list');
  k = takeGendered(rand, people, kids, false, () => true);
  k.raw.prefix = 'ด.ช.';
  plant(k, 'prefix.gender', 'prefix', 'ด.ช. on a girl');
  k = takeGendered(rand, people, kids, true, () => true);
  k.raw.prefix = 'นาย';
  plant(k, 'prefix.age', 'prefix', 'นาย at 10');
  k = take(rand, kids);
  k.raw.gender = 'ไม่ระบุ';
  plant(k, 'gender.invalid', 'gender', 'gender ไม่ระบุ');
  k = take(rand, kids);
  k.dobCells = [31, 2, k.dob.y + 543];
  plant(k, 'dob.invalid', 'dob', '31 February, over three cells');
  k = take(rand, kids);
  k.dobCells = ['', '', ''];
  plant(k, 'dob.missing', 'dob', 'day, month and year all blank');
  k = take(rand, kids);
  k.dob = ymd(2025, 6, 1);
  plant(k, 'dob.future', 'dob', 'born 1 June 2568, after the check date');
  k = take(rand, kids);
  setDob(rand, k, ymd(2017, 9, 1));
  k.prefix = adultPrefix(k);
  plant(k, 'age.grade', 'dob', 'ป.5 aged 6 on 16 May');
  plantMeasureSlips(rand, kids);
  k = take(rand, kids);
  k.last = 'แสงทอง';
  k.raw.lastName = 'เเสงทอง';
  plant(k, 'name.thai-typo', 'lastName', 'เเ for แ in the last name');
  k = take(rand, kids);
  k.raw.firstName = '';
  plant(k, 'name.first.missing', 'firstName', 'blank first name');
  k = take(rand, kids);
  k.raw.grade = 'ป.9';
  plant(k, 'grade.invalid', 'grade', 'grade ป.9');
  return rooms;
}

function handmadeRow(k: Kid, i: number): SheetValue[] {
  const r = k.raw;
  const prefix = r.prefix ?? (i % 2 ? (SHORT[k.prefix] ?? k.prefix) : k.prefix);
  const month: SheetValue = i % 3 === 2 ? THAI_MONTH_NAMES[k.dob.m - 1]! : k.dob.m;
  const [day, mon, year] = k.dobCells ?? [k.dob.d, month, k.dob.y + 543];
  const weight = r.weight ?? k.weight;
  const height = r.height ?? k.height;
  return [
    i + 1,
    r.cid ?? k.cid,
    prefix,
    r.firstName ?? k.first,
    r.lastName ?? k.last,
    r.gender ?? (k.male ? 'ชาย' : 'หญิง'),
    day,
    mon,
    year,
    r.grade ?? k.grade,
    weight === '' ? '' : Number(weight),
    height === '' ? '' : Number(height),
  ];
}

/** The sheet, its merged areas (1-based) and where each student's row is (1-based). */
function handmadeTable(rooms: Kid[][]) {
  const values: SheetValue[][] = [[SCHOOL_NAME]];
  const merges: Array<[number, number, number, number]> = [[1, 1, 1, HANDMADE_TOP.length]];
  const rowOf = new Map<Kid, number>();
  rooms.forEach((kids, room) => {
    if (room > 0) values.push([]);
    values.push([`รายชื่อนักเรียนชั้นประถมศึกษาปีที่ 5/${room + 1} ปีการศึกษา ${ACADEMIC_YEAR}`]);
    merges.push([values.length, 1, values.length, HANDMADE_TOP.length]);
    values.push([...HANDMADE_TOP], [...HANDMADE_UNDER]);
    merges.push([values.length - 1, 3, values.length - 1, 5], [values.length - 1, 7, values.length - 1, 9]);
    kids.forEach((k, i) => {
      values.push(handmadeRow(k, i));
      rowOf.set(k, values.length);
    });
  });
  return { values, merges, rowOf };
}

function handmadeManifest(rooms: Kid[][], rowOf: Map<Kid, number>): Manifest {
  const listing = new Listing();
  for (const k of rooms.flat()) listing.add(HANDMADE_SHEET, rowOf.get(k)!, k.plants, (f) => HANDMADE_COLUMN[f]!);
  return {
    shape: 'handmade',
    file: 'handmade.xlsx',
    sheets: [HANDMADE_SHEET],
    skipped: [],
    planted: listing.planted,
    clean: listing.clean,
    shapeFindings: [],
    quietRules: ['header.not-found', 'header.duplicate-column'],
    inferred: { academicYear: ACADEMIC_YEAR, academicYearFrom: 'title', asOf: INFERRED_AS_OF },
    students: rowOf.size,
  };
}

// ———————————————————————————————————————————— all the files ————————————————————————————————————————————

/** Every real-shaped file, deterministic for a seed. */
export async function makeRealFiles(seed = 2567): Promise<RealFile[]> {
  const files: RealFile[] = [];

  // 1. The download as DMC writes it: every cell text.
  const kids = dmcKids(seed);
  const text = dmcTable(kids, 'dmc-text');
  files.push({
    manifest: dmcManifest('dmc-text', '2567-3-student.xlsx', DMC_SHEET, kids, text),
    bytes: await writeWorkbook([{ name: DMC_SHEET, values: text, mergedRows: [1], width: DMC_FIELDS.length }]),
    sheets: [{ name: DMC_SHEET, values: text }],
  });

  // 2. Re-saved by Excel: numbers, date cells (a few with the BE year typed in), decomposed headers.
  const rand = rng(seed + 1);
  for (const k of kids) if (k.plants.length === 0 && !k.type0 && rand() < 0.12) k.beDateCell = true;
  for (const k of kids) if (k.plants.length === 0 && !k.type0 && !k.beDateCell && rand() < 0.08) k.junk = true;
  const re = dmcTable(kids, 'dmc-resaved');
  files.push({
    manifest: dmcManifest('dmc-resaved', 'dmc-resaved.xlsx', DMC_SHEET, kids, re),
    bytes: await writeWorkbook([{ name: DMC_SHEET, values: re, mergedRows: [1], width: DMC_FIELDS.length }]),
    sheets: [{ name: DMC_SHEET, values: re }],
  });

  // 3. Exported as CSV: apostrophes, "19001.0", two IDs as 1.1E+12; UTF-8 with BOM and Windows-874.
  const cleanKids = kids.filter((k) => k.plants.length === 0 && !k.type0 && !k.beDateCell);
  cleanKids[3]!.scientific = true;
  cleanKids[17]!.scientific = true;
  const csv = dmcTable(kids, 'dmc-csv');
  files.push({
    manifest: dmcManifest('dmc-csv', 'dmc-export.csv', '', kids, csv),
    bytes: new TextEncoder().encode(`\ufeff${csvOf(csv)}`),
    sheets: [],
  });
  const damaged = cleanKids[25]!;
  damaged.badByte = true;
  const csv874 = dmcTable(kids, 'dmc-csv-874');
  const at = kids.indexOf(damaged) + DMC_HEADER_ROW;
  const address = DMC_FIELDS.indexOf('address');
  csv874[at]![address] = String(csv874[at]![address]).replace('ต.', `ต${BAD_MARK}`);
  const bytes874 = encodeWindows874(csvOf(csv874));
  files.push({
    manifest: dmcManifest('dmc-csv-874', 'dmc-export-874.csv', '', kids, csv874),
    bytes: bytes874.map((b) => (b === 0 ? BAD_874_BYTE : b)),
    sheets: [],
  });
  damaged.badByte = false;

  // 4. One sheet per class, a summary and instructions first.
  const bySheet = classKids(seed + 2);
  const sheets = [
    { name: 'สรุป', values: summaryTable(bySheet), mergedRows: [1], width: 5 },
    { name: 'คำชี้แจง', values: INSTRUCTIONS, mergedRows: [], width: 1 },
    ...CLASS_SHEETS.map((s) => ({
      name: s.name,
      values: classTable(s, bySheet.get(s.name)!),
      mergedRows: [1, 2, 3],
      width: CLASS_WIDTH,
    })),
  ];
  files.push({
    manifest: classesManifest(bySheet),
    bytes: await writeWorkbook(sheets),
    sheets: sheets.map(({ name, values }) => ({ name, values })),
  });

  // 5. Two class lists typed by hand into one sheet, with a header of two rows each.
  const rooms = handmadeKids(seed + 3);
  const hand = handmadeTable(rooms);
  const width = HANDMADE_TOP.length;
  files.push({
    manifest: handmadeManifest(rooms, hand.rowOf),
    bytes: await writeWorkbook([
      { name: HANDMADE_SHEET, values: hand.values, mergedRows: [], width, merges: hand.merges },
    ]),
    sheets: [{ name: HANDMADE_SHEET, values: hand.values }],
  });
  return files;
}

// ———————————————————————————————————————————— scoring ————————————————————————————————————————————

/** A finding reduced to what scoring compares. */
export interface Found {
  rule: string;
  severity: string;
  sheet: string | null;
  row: number | null;
  cell: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;

/**
 * Every finding of a report, whatever its shape: the command's JSON (one report, or an array of
 * reports each with `source` and `sheet`), a WorkbookReport ({reports}), the add-on's CheckData or
 * its Result wrapper. A finding's sheet is its own `sheet`, else its report's.
 */
export function findingsOf(report: unknown): Found[] {
  if (Array.isArray(report)) return report.flatMap(findingsOf);
  if (!isObj(report)) return [];
  if (report.ok === true && isObj(report.data)) return findingsOf(report.data);
  if (Array.isArray(report.reports)) return report.reports.flatMap(findingsOf);
  const sheet = typeof report.sheet === 'string' ? report.sheet : null;
  const list = Array.isArray(report.findings) ? report.findings : [];
  return list.filter(isObj).map((f) => ({
    rule: String(f.rule),
    severity: String(f.severity),
    sheet: typeof f.sheet === 'string' ? f.sheet : sheet,
    row: typeof f.row === 'number' ? f.row : null,
    cell: typeof f.cell === 'string' ? f.cell : null,
  }));
}

export interface Score {
  found: number;
  planted: number;
  cleanFlagged: number;
  clean: number;
  /** Planted problems no finding names (rule + sheet + cell). */
  missing: Planted[];
  /** "sheet!cell rule (severity)": errors and warnings on clean rows, and quiet rules that fired. */
  falseFlags: string[];
  /** The shape's own findings (cid.stored-as-number on the re-saved download). */
  shape: { found: number; expected: number; missing: Planted[] };
}

/** A finding's sheet matches the manifest's: the same name, or unnamed where the file has one roster. */
function sameSheet(m: Manifest, want: string | null, got: string | null): boolean {
  if (want === null) return true;
  if (got === null || (got === '' && m.sheets.length === 1)) return m.sheets.length === 1;
  return got === want;
}

function matches(m: Manifest, p: Planted, f: Found): boolean {
  return f.rule === p.rule && (p.cell === null || f.cell === p.cell) && sameSheet(m, p.sheet, f.sheet);
}

export function score(report: unknown, manifest: Manifest): Score {
  const all = findingsOf(report);
  const missing = manifest.planted.filter((p) => !all.some((f) => matches(manifest, p, f)));
  const shapeMissing = manifest.shapeFindings.filter((p) => !all.some((f) => matches(manifest, p, f)));
  const shapeRules = new Set(manifest.shapeFindings.map((p) => p.rule));
  const falseFlags: string[] = [];
  let cleanFlagged = 0;
  for (const c of manifest.clean) {
    const bad = all.filter(
      (f) =>
        f.row === c.row &&
        (f.severity === 'error' || f.severity === 'warning') &&
        !shapeRules.has(f.rule) &&
        sameSheet(manifest, c.sheet, f.sheet),
    );
    if (bad.length) cleanFlagged++;
    for (const f of bad)
      falseFlags.push(`${c.sheet ? `${c.sheet}!` : ''}${f.cell ?? `row ${c.row}`} ${f.rule} (${f.severity})`);
  }
  for (const f of all) {
    if (manifest.quietRules.includes(f.rule))
      falseFlags.push(`${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? '—'} ${f.rule} (${f.severity}, must stay quiet)`);
  }
  return {
    found: manifest.planted.length - missing.length,
    planted: manifest.planted.length,
    cleanFlagged,
    clean: manifest.clean.length,
    missing,
    falseFlags,
    shape: {
      found: manifest.shapeFindings.length - shapeMissing.length,
      expected: manifest.shapeFindings.length,
      missing: shapeMissing,
    },
  };
}

/** One line per score: "dmc-text  found 31/31  clean flagged 0/45". */
export function scoreLine(label: string, s: Score): string {
  const shape = s.shape.expected ? `  shape ${s.shape.found}/${s.shape.expected}` : '';
  return `${label.padEnd(26)} found ${s.found}/${s.planted}  clean flagged ${s.cleanFlagged}/${s.clean}${shape}`;
}

/** Misses as "rule @ sheet!cell (why)", for test messages and the report. */
export function describeMisses(s: Score): string[] {
  return [...s.missing, ...s.shape.missing].map(
    (p) => `${p.rule} @ ${p.sheet ? `${p.sheet}!` : ''}${p.cell ?? '(sheet)'} — ${p.why}`,
  );
}
