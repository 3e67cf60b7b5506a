/**
 * Thai 13-digit citizen ID (เลขประจำตัวประชาชน), in the manner of python-stdnum's th.pin:
 * compact → validate with a precise reason → format or mask. Also the G-code that OBEC issues to
 * learners with no state-issued number.
 */
import { arabicDigits } from './text';
import type { Msg } from './types';

export type CidReason = 'empty' | 'length' | 'format' | 'scientific' | 'checksum' | 'category';

/** Why an ID is not valid, in the words every face of the product uses. */
export const CID_REASON: Record<CidReason, Msg> = {
  empty: { th: 'ว่าง', en: 'empty' },
  length: { th: 'ไม่ครบ 13 หลัก', en: 'not 13 digits' },
  format: { th: 'มีอักขระที่ไม่ใช่ตัวเลข', en: 'not all digits' },
  scientific: {
    th: 'Excel แปลงเลขเป็นตัวเลขทศนิยม (เช่น 1.1E+12) ทำให้หลักท้าย ๆ หายไป',
    en: 'Excel turned the ID into a number and its last digits are lost',
  },
  checksum: { th: 'หลักตรวจสอบไม่ตรง', en: 'check digit does not match' },
  category: { th: 'ขึ้นต้นด้วย 9', en: 'starts with 9' },
};

export type CidParse =
  | { ok: true; digits: string; personType: number; province: string; provinceKnown: boolean }
  | { ok: false; reason: CidReason; compact: string };

const DIGITS13 = /^\d{13}$/;

/**
 * Spaces, dashes and dots removed, Thai digits made Arabic, and the leading apostrophe that CSV and
 * Excel exports write to keep an ID as text.
 */
export function compact(input: string): string {
  if (DIGITS13.test(input)) return input;
  return arabicDigits(input)
    .replace(/^\s*['\u2019]/, '')
    .replace(/[\s\-\u2010-\u2015.\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
}

/** "1.10170020703E+12": Excel showed the ID in scientific notation and a save kept only that. */
const SCIENTIFIC = /^\s*['\u2019]?\d(?:[.,]\d+)?e\+?\d{1,2}\s*$/i;

export function isScientific(input: string): boolean {
  return SCIENTIFIC.test(arabicDigits(input));
}

/** The check digit for the first 12 digits: (11 − Σ dᵢ·(14−i) mod 11) mod 10. */
export function checkDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** Two-digit province codes of the civil registration (the ID's digits 2–3). */
export function isProvinceCode(code: string): boolean {
  const n = Number(code);
  return (
    (n >= 10 && n <= 19) ||
    (n >= 20 && n <= 27) ||
    (n >= 30 && n <= 49) ||
    (n >= 50 && n <= 58) ||
    (n >= 60 && n <= 67) ||
    (n >= 70 && n <= 77) ||
    (n >= 80 && n <= 86) ||
    (n >= 90 && n <= 96)
  );
}

/**
 * 13 plain digits with a valid check digit and a person type (not 9): the first three digits as one
 * number (person type × 100 + province), else -1. One pass; nearly every cell of a roster is one.
 */
export function plainCidHead(input: string): number {
  if (input.length !== 13) return -1;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const d = input.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    sum += d * (13 - i);
  }
  const last = input.charCodeAt(12) - 48;
  if (last < 0 || last > 9 || (11 - (sum % 11)) % 10 !== last) return -1;
  const head = input.charCodeAt(0) - 48;
  return head === 9 ? -1 : head * 100 + (input.charCodeAt(1) - 48) * 10 + (input.charCodeAt(2) - 48);
}

/** A valid ID's parse from its 13 digits. */
function validCid(digits: string): CidParse {
  const province = digits.slice(1, 3);
  return { ok: true, digits, personType: digits.charCodeAt(0) - 48, province, provinceKnown: isProvinceCode(province) };
}

export function parseCid(input: string): CidParse {
  if (plainCidHead(input) >= 0) return validCid(input);
  const c = compact(input);
  if (c === '') return { ok: false, reason: 'empty', compact: c };
  if (!/^\d+$/.test(c)) return { ok: false, reason: isScientific(input) ? 'scientific' : 'format', compact: c };
  if (c.length !== 13) return { ok: false, reason: 'length', compact: c };
  if (checkDigit(c) !== c.charCodeAt(12) - 48) return { ok: false, reason: 'checksum', compact: c };
  if (c[0] === '9') return { ok: false, reason: 'category', compact: c };
  return validCid(c);
}

export function isValidCid(input: string): boolean {
  return parseCid(input).ok;
}

/** G followed by 12 digits. */
export function isGcode(input: string): boolean {
  return /^G\d{12}$/i.test(compact(input));
}

export function looksLikeGcode(input: string): boolean {
  return /^g/i.test(compact(input));
}

/** 1-2345-67890-12-3 */
export function formatCid(digits: string): string {
  if (!DIGITS13.test(digits)) return digits;
  return `${digits[0]}-${digits.slice(1, 5)}-${digits.slice(5, 10)}-${digits.slice(10, 12)}-${digits[12]}`;
}

/** 1-xxxx-xxxxx-xx-0: what may leave the spreadsheet in logs and email bodies. */
export function maskCid(input: string): string {
  const c = compact(input);
  if (c.length < 2) return 'x'.repeat(c.length);
  const inner = c.slice(1, -1).replace(/[^-]/g, 'x');
  if (c.length === 13) return `${c[0]}-xxxx-xxxxx-xx-${c[12]}`;
  return `${c[0]}${inner}${c[c.length - 1]}`;
}

/** Replaces every 13-digit run in free text by its mask (for logs and error reports). */
export function maskCidsIn(text: string): string {
  return text.replace(/(?<!\d)\d(?:[\s-]?\d){12}(?!\d)/g, (m) => maskCid(m));
}

/** Completes 12 digits with their check digit: how tests and examples make IDs of nobody. */
export function withCheckDigit(first12: string): string {
  return first12 + String(checkDigit(first12));
}
