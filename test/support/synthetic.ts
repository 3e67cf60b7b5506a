/**
 * Synthetic rosters for examples, benchmarks and tests. Every citizen ID is made from random digits
 * and the checksum, never taken from a person.
 */
import { ageOn } from '../../src/core/dates';
import { withCheckDigit } from '../../src/core/thai-id';
import { ALL_GRADES, parseGrade } from '../../src/core/vocab';

/** ป.1–ม.6: the grades of most OBEC schools (no kindergarten, no vocational classes). */
export const PRIMARY_AND_SECONDARY = ALL_GRADES.filter((g) => /^[ปม]\.\d$/.test(g));
import type { Cell } from '../../src/core/types';

export const HEADERS = [
  'ลำดับ',
  'เลขประจำตัวประชาชน',
  'เลขประจำตัวนักเรียน',
  'คำนำหน้าชื่อ',
  'ชื่อ',
  'นามสกุล',
  'เพศ',
  'วันเดือนปีเกิด',
  'ชั้น',
  'ห้อง',
  'น้ำหนัก (กก.)',
  'ส่วนสูง (ซม.)',
  'สถานะ',
  'สอบปลายภาค',
] as const;

/**
 * Names composed of two parts (and surnames of two parts plus an ending), as Thai names are: about 400
 * first names a gender and 4,000 surnames, so that a million students hold as few accidental
 * same-name-same-birthday pairs as real rosters do (ten names × ten surnames made two thirds of a
 * million rows name.near-duplicate).
 */
const MALE_A = [
  'กิตติ',
  'ธนา',
  'ณัฐ',
  'ภูมิ',
  'ศุภ',
  'วร',
  'ธีร',
  'อนุ',
  'ชัย',
  'พงศ',
  'สม',
  'ปิย',
  'อภิ',
  'จิร',
  'ธน',
  'วีร',
  'ภาณุ',
  'ชนะ',
  'พีร',
  'ปวริศ',
];
const MALE_B = [
  'พงษ์',
  'กร',
  'วุฒิ',
  'พัฒน์',
  'เมธ',
  'ภัทร',
  'ชา',
  'วัฒน์',
  'ชัย',
  'ศักดิ์',
  'นนท์',
  'เดช',
  'พล',
  'วิทย์',
  'กิตติ์',
  'ภูมิ',
  'รัตน์',
  'ณัฐ',
  'ธร',
  'วงศ์',
];
const FEMALE_A = [
  'กมล',
  'ณัฐ',
  'พิมพ์',
  'ปภา',
  'ชุติ',
  'อร',
  'สุภา',
  'วรร',
  'ธิดา',
  'ศิริ',
  'กัญ',
  'พร',
  'จิรา',
  'ภัทรา',
  'รัช',
  'ปิยะ',
  'สุนิ',
  'อัญ',
  'เบญ',
  'ณิช',
];
const FEMALE_B = [
  'ชนก',
  'ธิดา',
  'วรินทร์',
  'มา',
  'อุมา',
  'วดี',
  'ณิดา',
  'รัตน์',
  'พร',
  'ญา',
  'ภรณ์',
  'นันท์',
  'ลักษณ์',
  'ทิพย์',
  'ตา',
  'กานต์',
  'ศรี',
  'สิริ',
  'ยา',
  'ภา',
];
const LAST_A = [
  'ใจ',
  'มี',
  'ศรี',
  'บุญ',
  'แก้ว',
  'วงศ์',
  'ทอง',
  'สุข',
  'พรหม',
  'จันทร์',
  'เพชร',
  'ศักดิ์',
  'รุ่ง',
  'สม',
  'อินทร์',
  'ชัย',
  'นาค',
  'ทิพย์',
  'คำ',
  'เงิน',
];
const LAST_B = [
  'ดี',
  'สุข',
  'สวัสดิ์',
  'มา',
  'กาญจนา',
  'ใหญ่',
  'ประเสริฐ',
  'เพ็ญ',
  'งาม',
  'เจริญ',
  'ศรี',
  'วงศ์',
  'รักษ์',
  'สกุล',
  'ทอง',
  'แสง',
  'พันธ์',
  'ไพบูลย์',
  'มณี',
  'ชัย',
];
const LAST_C = ['', 'กุล', 'วงศ์', 'สกุล', 'ศรี', 'ชัย', 'พันธุ์', 'เดช', 'รัตน์', 'ทรัพย์'];

/** How a student's names are drawn: one draw each, so that the pools never shift the other fields. */
export interface NamePools {
  first(rand: () => number, male: boolean): string;
  last(rand: () => number): string;
}

/** The ten names and ten surnames the committed examples were made with (scripts/make-examples.ts). */
export const FEW_NAMES: NamePools = {
  first: (rand, male) =>
    pick(
      rand,
      male
        ? ['สมชาย', 'ธนากร', 'ภูมิพัฒน์', 'กิตติพงษ์', 'ณัฐวุฒิ', 'ปวริศ', 'ธีรภัทร', 'วรเมธ', 'ศุภกร', 'อนุชา']
        : ['สมศรี', 'กมลชนก', 'ณัฐธิดา', 'พิมพ์ชนก', 'ปภาวรินทร์', 'ชุติมา', 'อรอุมา', 'สุภาวดี', 'วรรณิดา', 'ธิดารัตน์'],
    ),
  last: (rand) =>
    pick(rand, ['ใจดี', 'มีสุข', 'ศรีสวัสดิ์', 'บุญมา', 'แก้วกาญจนา', 'วงศ์ใหญ่', 'ทองดี', 'สุขประเสริฐ', 'พรหมมา', 'จันทร์เพ็ญ']),
};

/** One draw picks a whole name, so every other field of a student comes out as before. */
function composed(rand: () => number, ...parts: ReadonlyArray<readonly string[]>): string {
  let k = Math.floor(rand() * parts.reduce((n, p) => n * p.length, 1));
  let out = '';
  for (const p of parts) {
    out += p[k % p.length]!;
    k = Math.floor(k / p.length);
  }
  return out;
}

/** Names composed of parts, as many as a large roster holds. */
export const COMPOSED_NAMES: NamePools = {
  first: (rand, male) => (male ? composed(rand, MALE_A, MALE_B) : composed(rand, FEMALE_A, FEMALE_B)),
  last: (rand) => composed(rand, LAST_A, LAST_B, LAST_C),
};
const PROVINCES = ['10', '11', '30', '40', '50', '57', '65', '80', '90'];

/** The same ID with its check digit one off: the typo districts find most. */
export const wrongCheckDigit = (id: string) => id.slice(0, 12) + String((Number(id[12]) + 1) % 10);

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid ID of nobody: person type 1–3, a real province code, random digits, the checksum. */
export function fakeCid(rand: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const type = String(1 + Math.floor(rand() * 3));
  const province = PROVINCES[Math.floor(rand() * PROVINCES.length)]!;
  return withCheckDigit(type + province + digits(9));
}

export interface Student {
  cid: string;
  sid: string;
  prefix: string;
  first: string;
  last: string;
  gender: 'ชาย' | 'หญิง';
  dob: string;
  grade: string;
  room: number;
  weight: number;
  height: number;
  status: string;
  exam: string;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

/** A correct student of a grade in the given academic year (BE): right age, prefix, body size. */
export function student(
  rand: () => number,
  index: number,
  academicYear: number,
  grades = PRIMARY_AND_SECONDARY,
  names: NamePools = COMPOSED_NAMES,
): Student {
  const grade = pick(rand, grades);
  const expectedAge = parseGrade(grade)!.expectedAge;
  const male = rand() < 0.5;
  // Born between 17 May and 15 May a year later, so the age on 16 May is exactly the expected one.
  const ceStart = academicYear - 543;
  const birthYear = ceStart - expectedAge - (rand() < 0.6 ? 1 : 0);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  const born = birthYear + (m < 5 || (m === 5 && d <= 16) ? 1 : 0);
  // The prefix follows the age at the end-of-year check (20 March), when DMC phase 3 is entered.
  const adult = ageOn({ y: born, m, d }, { y: ceStart + 1, m: 3, d: 20 }) >= 15;
  return {
    cid: fakeCid(rand),
    sid: String(10000 + index),
    prefix: male ? (adult ? 'นาย' : 'ด.ช.') : adult ? 'น.ส.' : 'ด.ญ.',
    first: names.first(rand, male),
    last: names.last(rand),
    gender: male ? 'ชาย' : 'หญิง',
    dob: `${pad(d)}/${pad(m)}/${born + 543}`,
    grade,
    room: 1 + Math.floor(rand() * 3),
    weight: Math.round((12 + expectedAge * 2.6 + rand() * 8) * 10) / 10,
    height: Math.round(80 + expectedAge * 5.6 + rand() * 10),
    status: 'ปกติ',
    exam: 'สอบ',
  };
}

export function toRow(s: Student, index: number): Cell[] {
  return [
    index + 1,
    s.cid,
    s.sid,
    s.prefix,
    s.first,
    s.last,
    s.gender,
    s.dob,
    s.grade,
    s.room,
    s.weight,
    s.height,
    s.status,
    s.exam,
  ];
}

/** A roster of n students (title row, header row, students), a few of them with planted problems when `faults`. */
export function syntheticRoster(n: number, { seed = 1, academicYear = 2569, faultRate = 0.03 } = {}): Cell[][] {
  const rand = rng(seed);
  const rows: Cell[][] = [[`รายชื่อนักเรียน ปีการศึกษา ${academicYear}`], [...HEADERS]];
  for (let i = 0; i < n; i++) {
    const s = student(rand, i, academicYear);
    const row = toRow(s, i);
    if (rand() < faultRate) plantFault(row, rand);
    rows.push(row);
  }
  return rows;
}

/** One of the common real-world mistakes, at random. */
function plantFault(row: Cell[], rand: () => number): void {
  switch (Math.floor(rand() * 8)) {
    case 0: // a mistyped digit
      row[1] = wrongCheckDigit(String(row[1]));
      break;
    case 1:
      row[10] = 0;
      break;
    case 2:
      row[11] = (row[11] as number) / 100;
      break;
    case 3:
      row[4] = `ด.ช.${row[4]}`;
      break;
    case 4:
      row[12] = 'ย้ายออก';
      break;
    case 5:
      row[13] = '';
      break;
    case 6:
      row[7] = '31/02/2555';
      break;
    default:
      row[6] = row[6] === 'ชาย' ? 'หญิง' : 'ชาย';
  }
}
