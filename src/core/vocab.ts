/** The value vocabularies of RULES.md: prefixes, genders, grades, statuses, exam values. */
import { arabicDigits, collapseSpaces, matchKey, memo, thaiForm } from './text';

export type Gender = 'M' | 'F';

// ---------------------------------------------------------------- prefixes

export interface Prefix {
  /** Canonical written form. */
  name: string;
  gender: Gender | null;
  /** Children's prefixes (under 15) and adults' (15+); null when age says nothing. */
  band: 'child' | 'adult' | null;
}

const PREFIXES: Array<[Prefix, string[]]> = [
  [{ name: 'เด็กชาย', gender: 'M', band: 'child' }, ['เด็กชาย', 'ด.ช.']],
  [{ name: 'เด็กหญิง', gender: 'F', band: 'child' }, ['เด็กหญิง', 'ด.ญ.']],
  [{ name: 'นางสาว', gender: 'F', band: 'adult' }, ['นางสาว', 'น.ส.']],
  [{ name: 'นาย', gender: 'M', band: 'adult' }, ['นาย']],
  [{ name: 'นาง', gender: 'F', band: null }, ['นาง']],
  [{ name: 'สามเณร', gender: 'M', band: null }, ['สามเณร', 'ส.ณ.']],
  [{ name: 'Mr', gender: 'M', band: null }, ['Mr', 'Master']],
  [{ name: 'Miss', gender: 'F', band: null }, ['Miss', 'Ms', 'Mrs']],
];

const PREFIX_BY_KEY = new Map<string, Prefix>();
for (const [prefix, forms] of PREFIXES) for (const f of forms) PREFIX_BY_KEY.set(matchKey(f), prefix);

/** ด.ช / ดช / ด. ช. / เด็กชาย → เด็กชาย; unknown → null. */
export const lookupPrefix = memo((text: string): Prefix | null => PREFIX_BY_KEY.get(matchKey(text)) ?? null);

/** Written forms that may start a full name, longest first, as loose patterns (dots and spaces optional). */
const LEADING_PREFIX = new RegExp(
  '^(' +
    PREFIXES.flatMap(([, forms]) => forms)
      .sort((a, b) => b.length - a.length)
      .map(
        (f) =>
          [...f.replace(/\./g, '')].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.?\\s*') +
          (f.includes('.') ? '\\.?' : ''),
      )
      .join('|') +
    ')\\.?\\s*',
  'i',
);

/** Splits "ด.ช. สมชาย ใจดี" or "เด็กหญิงสมศรี มีสุข" into prefix, first and last name. */
export function splitFullName(full: string): { prefix: string; firstName: string; lastName: string } {
  const s = collapseSpaces(full);
  const m = LEADING_PREFIX.exec(s);
  const prefix = m ? m[1]!.trim() : '';
  const rest = m ? s.slice(m[0].length) : s;
  const space = rest.indexOf(' ');
  if (space < 0) return { prefix, firstName: rest, lastName: '' };
  return { prefix, firstName: rest.slice(0, space), lastName: rest.slice(space + 1) };
}

/**
 * A first name that starts with a prefix: "ด.ช.สมชาย", "เด็กหญิงสมศรี", "นาย สมชาย".
 * นาย/นาง/English titles count only before a space or dot, since Thai names may start with them.
 */
const PREFIX_IN_NAME =
  /^(?:เด็กชาย|เด็กหญิง|นางสาว|สามเณร|ด\s*\.\s*[ชญ]\s*\.?|น\s*\.\s*ส\s*\.?|ส\s*\.\s*ณ\s*\.?|(?:นาย|นาง|mr|mrs|ms|miss|master)[\s.])/i;

export function startsWithPrefix(name: string): boolean {
  return PREFIX_IN_NAME.test(name.trim());
}

// ---------------------------------------------------------------- gender

const GENDERS = new Map<string, Gender>([
  ['ชาย', 'M'],
  ['ช', 'M'],
  ['m', 'M'],
  ['male', 'M'],
  ['1', 'M'],
  ['หญิง', 'F'],
  ['ญ', 'F'],
  ['f', 'F'],
  ['female', 'F'],
  ['2', 'F'],
]);

export const lookupGender = memo((text: string): Gender | null => GENDERS.get(matchKey(text)) ?? null);

// ---------------------------------------------------------------- grades

export interface Grade {
  /** อ.1 … ม.6, ปวช.1 … ปวช.3 */
  label: string;
  /** Position in the school's order, for sorting: อ.1 = 0 … ม.6 = 14, ปวช.1 = 15 … */
  order: number;
  /** Expected age on 16 May of the academic year. */
  expectedAge: number;
  /** Room from a combined value such as "ป.3/1". */
  room: number | null;
}

const LEVELS: Record<string, { label: string; first: number; count: number; base: number }> = {
  อ: { label: 'อ', first: 3, count: 3, base: 0 },
  ป: { label: 'ป', first: 6, count: 6, base: 3 },
  ม: { label: 'ม', first: 12, count: 6, base: 9 },
  // Vocational certificate classes some OBEC schools run (DMC level codes 16–18).
  ปวช: { label: 'ปวช', first: 15, count: 3, base: 15 },
};

const LEVEL_WORDS: Array<[RegExp, string]> = [
  [/^(?:อนุบาล(?:ปีที่)?|อ|k|kg)$/, 'อ'],
  [/^(?:ประถมศึกษาปีที่|ประถม|ป|p)$/, 'ป'],
  [/^(?:มัธยมศึกษาปีที่|มัธยม|ม|m)$/, 'ม'],
  [/^(?:ปวช|ประกาศนียบัตรวิชาชีพ(?:ปีที่)?|voc|vocational)$/, 'ปวช'],
];

function grade(level: string, year: number, room: number | null): Grade | null {
  const l = LEVELS[level]!;
  if (!Number.isInteger(year) || year < 1 || year > l.count) return null;
  return { label: `${l.label}.${year}`, order: l.base + year - 1, expectedAge: l.first + year - 1, room };
}

/** All grades in school order, for tables. */
export const ALL_GRADES: string[] = Object.values(LEVELS).flatMap((l) =>
  Array.from({ length: l.count }, (_, i) => `${l.label}.${i + 1}`),
);

/** "ป.3", "ประถมศึกษาปีที่ 3", "P3", "Grade 3", "ป.3/1" (room 1) → ป.3; results are shared, never mutate them. */
export const parseGrade = memo(parseGradeText);

function parseGradeText(text: string): Grade | null {
  let s = arabicDigits(collapseSpaces(thaiForm(text)))
    .toLowerCase()
    .replace(/^ชั้น/, '')
    .trim();
  let room: number | null = null;
  const slash = /^(.*?)\s*\/\s*(\d{1,2})$/.exec(s);
  if (slash) {
    s = slash[1]!;
    room = Number(slash[2]);
  }
  const m = /^(.*?)[\s.]*(\d{1,2})$/.exec(s);
  if (!m) return null;
  const word = m[1]!.replace(/[\s.]/g, '');
  const year = Number(m[2]);
  if (word === 'grade' || word === 'เกรด') {
    if (year >= 1 && year <= 6) return grade('ป', year, room);
    return grade('ม', year - 6, room);
  }
  for (const [re, level] of LEVEL_WORDS) if (re.test(word)) return grade(level, year, room);
  return null;
}

// ---------------------------------------------------------------- status

export type Status = 'present' | 'joined' | 'left' | 'dropout' | 'graduated' | 'other';

const STATUS_WORDS: Array<[RegExp, Status]> = [
  [/^(?:ปกติ|กำลังศึกษา|เรียนอยู่|present|active|enrolled)$/, 'present'],
  [/ออกกลางคัน|dropout|drop-?out/, 'dropout'],
  // ลาออก, พ้นสภาพ and เสียชีวิต are reasons DMC disposes a student for (จำหน่าย).
  [/ย้ายออก|จำหน่าย|^ลาออก|^พ้นสภาพ|^เสียชีวิต|transferredout|movedout|^left$/, 'left'],
  [/ย้ายเข้า|เพิ่ม|transferredin|movedin|^joined$|^new$/, 'joined'],
  [/^จบ|graduated/, 'graduated'],
];

/** Blank is present; an unrecognised word is 'other' (treated as present by the rules). */
export const parseStatus = memo(statusOf);

function statusOf(text: string): Status {
  const key = matchKey(text);
  if (key === '') return 'present';
  for (const [re, status] of STATUS_WORDS) if (re.test(key)) return status;
  return 'other';
}

export function isPresentStatus(s: Status): boolean {
  return s === 'present' || s === 'joined' || s === 'other';
}

// ---------------------------------------------------------------- exam

export type Exam = 'took' | 'not' | 'blank' | 'unknown';

const EXAM_TOOK = new Set(['สอบ', 'เข้าสอบ', 'มีผลสอบ', '✓', '✔', 'y', 'yes', '1', 'true']);
// มส (ไม่มีสิทธิ์สอบ, not allowed to sit) and ขส (ขาดสอบ) are how schools' grade books write it.
const EXAM_NOT = new Set([
  'ไม่สอบ',
  'ไม่เข้าสอบ',
  'ขาดสอบ',
  'ขส',
  'มส',
  'ไม่มีสิทธิ์สอบ',
  '✗',
  '✘',
  'x',
  'n',
  'no',
  '0',
  'false',
]);

export const parseExam = memo(examOf);

function examOf(text: string): Exam {
  const key = matchKey(text);
  if (key === '') return 'blank';
  if (EXAM_TOOK.has(key)) return 'took';
  if (EXAM_NOT.has(key)) return 'not';
  return 'unknown';
}

// ---------------------------------------------------------------- nationality

export function isThaiNationality(text: string): boolean {
  const key = matchKey(text);
  return key === 'ไทย' || key === 'thai' || key === 'สัญชาติไทย';
}

// ---------------------------------------------------------------- grade from the sheet

const TITLE_GRADE =
  /ชั้น\s*((?:อนุบาล(?:ปีที่)?|ประถมศึกษาปีที่|มัธยมศึกษาปีที่|ประกาศนียบัตรวิชาชีพ(?:ปีที่)?|ปวช\.?|[อปม]\.?)\s*\d{1,2}(?:\s*\/\s*\d{1,2})?)/g;

/** "ม.1-1", "ป.6/2", "ม1_2", "ป.6", "ปวช.1" → that grade and room; any other name → null. */
export function gradeOfSheetName(name: string): Grade | null {
  const s = thaiForm(name)
    .trim()
    .replace(/^ชั้น\s*/, '')
    .replace(/\s*(?:[-_/]|ห้อง)\s*(\d{1,2})$/, '/$1');
  return /\d/.test(s) ? parseGrade(s) : null;
}

/** The one class that lines above a header name ("ชั้น ม.1/1", "ชั้นมัธยมศึกษาปีที่ 1/1"), or null. */
export function gradeOfTitle(lines: readonly string[]): Grade | null {
  const found = new Map<string, Grade>();
  for (const line of lines) {
    for (const m of arabicDigits(thaiForm(line)).matchAll(TITLE_GRADE)) {
      const g = parseGrade(m[1]!);
      if (g) found.set(`${g.label}/${g.room ?? ''}`, g);
    }
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}
