/**
 * Dates as Thai rosters hold them: spreadsheet Date values, "15/03/2555", "2555-03-15",
 * "15 มี.ค. 55", Thai digits. Years ≥ 2400 are Buddhist Era, 1900–2200 Common Era, two digits BE.
 * Internally every date is a plain CE {y, m, d}: no time zone can shift it.
 */
import { arabicDigits, matchKey, memo } from './text';
import type { Cell } from './types';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** How the year was written, for dob.era; null when the cell was a real date. */
export type Era = 'BE' | 'CE' | null;

export type DateParse = { ok: true; date: Ymd; era: Era } | { ok: false };

export const BE_OFFSET = 543;

const THAI_MONTHS = [
  ['มกราคม', 'มค'],
  ['กุมภาพันธ์', 'กพ'],
  ['มีนาคม', 'มีค'],
  ['เมษายน', 'เมย'],
  ['พฤษภาคม', 'พค'],
  ['มิถุนายน', 'มิย'],
  ['กรกฎาคม', 'กค'],
  ['สิงหาคม', 'สค'],
  ['กันยายน', 'กย'],
  ['ตุลาคม', 'ตค'],
  ['พฤศจิกายน', 'พย'],
  ['ธันวาคม', 'ธค'],
];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH_BY_NAME = new Map<string, number>();
THAI_MONTHS.forEach(([full, abbr], i) => {
  MONTH_BY_NAME.set(full!, i + 1);
  MONTH_BY_NAME.set(abbr!, i + 1);
});
EN_MONTHS.forEach((abbr, i) => MONTH_BY_NAME.set(abbr, i + 1));

export const THAI_MONTH_ABBR = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];

function monthFromName(name: string): number | undefined {
  const key = matchKey(name);
  return MONTH_BY_NAME.get(key) ?? (key.length >= 3 ? MONTH_BY_NAME.get(key.slice(0, 3)) : undefined);
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** A written year → CE year and era, or null when it is no plausible year. */
function yearOf(text: string): { y: number; era: 'BE' | 'CE' } | null {
  const n = Number(text);
  if (text.length === 2) return { y: 2500 + n - BE_OFFSET, era: 'BE' };
  if (text.length !== 4) return null;
  if (n >= 2400) return { y: n - BE_OFFSET, era: 'BE' };
  if (n >= 1900 && n <= 2200) return { y: n, era: 'CE' };
  return null;
}

function make(y: number, m: number, d: number, era: Era): DateParse {
  if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isInteger(d) || d < 1) return { ok: false };
  if (d > daysInMonth(y, m)) return { ok: false };
  return { ok: true, date: { y, m, d }, era };
}

const NUMERIC_DMY = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})$/;
const NUMERIC_YMD = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/;
const NAMED = /^(\d{1,2})\s*([^\d\s]+?)\s*(?:(?:พ\.?\s*ศ|ค\.?\s*ศ)\.?\s*)?(\d{4}|\d{2})$/;
/**
 * A time of day after the date: a date cell exported to CSV by LibreOffice, Google Sheets or a script
 * ("15/03/2555 00:00:00", "2012-03-15T00:00:00Z"). Only the calendar date is read.
 */
const TIME_OF_DAY = /(?:\s|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*น\.)?Z?$/;

/** Results are shared between equal texts: never mutate them. */
export const parseDateText = memo(dateOfText);

function dateOfText(input: string): DateParse {
  const s = arabicDigits(input).trim().replace(/\s+/g, ' ').replace(TIME_OF_DAY, '');
  let m = NUMERIC_DMY.exec(s);
  if (m) {
    const year = yearOf(m[3]!);
    return year ? make(year.y, Number(m[2]), Number(m[1]), year.era) : { ok: false };
  }
  m = NUMERIC_YMD.exec(s);
  if (m) {
    const year = yearOf(m[1]!);
    return year ? make(year.y, Number(m[2]), Number(m[3]), year.era) : { ok: false };
  }
  m = NAMED.exec(s);
  if (m) {
    const month = monthFromName(m[2]!);
    const year = yearOf(m[3]!);
    return month && year ? make(year.y, month, Number(m[1]), year.era) : { ok: false };
  }
  return { ok: false };
}

/**
 * A date cell's calendar date. Apps Script and our readers hand dates over as local-time Date
 * objects. A year ≥ 2400 means BE was typed into a date cell.
 */
export function parseDateValue(d: Date): DateParse {
  if (Number.isNaN(d.getTime())) return { ok: false };
  const y = d.getFullYear();
  if (y >= 2400) return make(y - BE_OFFSET, d.getMonth() + 1, d.getDate(), 'BE');
  if (y < 1900 || y > 2200) return { ok: false };
  return { ok: true, date: { y, m: d.getMonth() + 1, d: d.getDate() }, era: null };
}

/** A Date from any realm (Apps Script, a vm context, the browser): instanceof is not enough. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function parseDateCell(v: Cell): DateParse {
  if (isDate(v)) return parseDateValue(v);
  if (typeof v === 'string') return parseDateText(v);
  return { ok: false };
}

/**
 * The birth date an Excel date number stands for, when a text of five digits is one (1950–2100 in
 * the 1900 system): a date column whose format was cleared shows 40982 for 15/03/2555.
 */
export function excelSerialBirthDate(text: string): Ymd | null {
  if (!/^\d{5}$/.test(text)) return null;
  const serial = Number(text);
  // 18264 is 1 January 1950, 73415 is 31 December 2100 (both far past Excel’s phantom 29/02/1900).
  if (serial < 18264 || serial > 73415) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** 'YYYY-MM-DD' (CE) as used in settings. */
export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const r = make(Number(m[1]), Number(m[2]), Number(m[3]), 'CE');
  return r.ok ? r.date : null;
}

/**
 * A settings date, YYYY-MM-DD in CE or, with a year of 2400 or later, in Buddhist Era (as schools type
 * it): the day as CE and the era it was typed in; null when there is no such day (29 February is checked
 * in the CE year: 2567-02-29 is 29 Feb 2024, 2568-02-29 does not exist).
 */
export function parseSettingsDate(s: string): { date: Ymd; era: 'CE' | 'BE' } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const era = y >= 2400 ? 'BE' : 'CE';
  const r = make(era === 'BE' ? y - BE_OFFSET : y, Number(m[2]), Number(m[3]), 'CE');
  return r.ok ? { date: r.date, era } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIso(d: Ymd): string {
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** dd/mm/BBBB: how dates are shown to Thai users and written in DMC forms. */
export function formatBE(d: Ymd): string {
  return `${pad(d.d)}/${pad(d.m)}/${d.y + BE_OFFSET}`;
}

/** "30 เม.ย. 2570" / "30 Apr 2027" */
export function formatLong(d: Ymd, lang: 'th' | 'en'): string {
  if (lang === 'th') return `${d.d} ${THAI_MONTH_ABBR[d.m - 1]} ${d.y + BE_OFFSET}`;
  const en = EN_MONTHS[d.m - 1]!;
  return `${d.d} ${en[0]!.toUpperCase()}${en.slice(1)} ${d.y}`;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Whole years completed on `on`. */
export function ageOn(dob: Ymd, on: Ymd): number {
  let age = on.y - dob.y;
  if (on.m < dob.m || (on.m === dob.m && on.d < dob.d)) age--;
  return age;
}
