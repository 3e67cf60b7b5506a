/**
 * Typing slips between two records of one student, for matching a roster against DMC: Thai names
 * compared after Thai normalisation and allowed one slip (a tone mark, a vowel, a missing ์, two
 * adjacent letters swapped), and birth dates allowed one slip (day and month swapped, one digit).
 * Anything more is a different person: the matcher never guesses.
 */
import { BE_OFFSET, daysInMonth, type Ymd } from './dates';
import { memo, nameKey, thaiForm } from './text';

/** The one slip two normalised names differ by. */
export type NameSlip = 'tone-mark' | 'vowel' | 'thanthakhat' | 'swapped';
/** The one slip two birth dates differ by. */
export type DobSlip = 'day-month-swapped' | 'one-digit';

/**
 * A name as matching sees it: NFC, invisible characters gone, spaces folded, เเ → แ, ํา → ำ, a repeated
 * mark once, lower case. Slips the normalisation absorbs are the roster check's to report
 * (name.thai-typo), not a difference from DMC.
 */
export const matchName = memo((s: string): string => nameKey(thaiForm(s)));

const TONE = new Set(['\u0e48', '\u0e49', '\u0e4a', '\u0e4b']);
const THANTHAKHAT = '\u0e4c';
/** Vowels above, below, before and after the consonant, and the marks typed like them (็ ํ ฺ ๅ). */
// eslint-disable-next-line no-misleading-character-class -- single Thai vowels and marks are the point
const VOWEL = /^[\u0e30-\u0e3a\u0e40-\u0e45\u0e47\u0e4d]$/;
const isVowel = (c: string) => VOWEL.test(c);
const isMark = (c: string) => TONE.has(c) || c === THANTHAKHAT || isVowel(c);

/** What one extra, missing or replaced mark is, or null when it is no mark (a consonant, a letter). */
function markSlip(a: string, b?: string): NameSlip | null {
  if (!isMark(a) || (b !== undefined && !isMark(b))) return null;
  if (a === THANTHAKHAT || b === THANTHAKHAT) return 'thanthakhat';
  if (TONE.has(a) && (b === undefined || TONE.has(b))) return 'tone-mark';
  return 'vowel';
}

/**
 * The one slip between two names already in matchName form (first and last name joined by `sep`),
 * or null when they are equal or differ by more. A swap may not move a letter across `sep`.
 */
export function nameSlip(a: string, b: string, sep = '|'): NameSlip | null {
  if (a === b) return null;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (a[i] === b[i]) i++;
    let j = la - 1;
    while (a[j] === b[j]) j--;
    if (i === j) return markSlip(a[i]!, b[i]!);
    if (j === i + 1 && a[i] === b[j] && a[j] === b[i] && a[i] !== sep && a[j] !== sep) return 'swapped';
    return null;
  }
  if (Math.abs(la - lb) !== 1) return null;
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  // The rest must agree once the extra character is skipped.
  if (long.slice(i + 1) !== short.slice(i)) return null;
  return markSlip(long[i]!);
}

/** 'same' when two written names are one after normalisation, the slip when one slip apart, else null. */
export function compareNames(a: string, b: string): 'same' | NameSlip | null {
  const x = matchName(a);
  const y = matchName(b);
  return x === y ? 'same' : nameSlip(x, y);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "ddmmBBBB": a date as Thai schools type it, Buddhist Era. */
function digitsBE(d: Ymd): string {
  return `${pad(d.d)}${pad(d.m)}${d.y + BE_OFFSET}`;
}

function dateOfDigits(s: string): Ymd | null {
  const d = Number(s.slice(0, 2));
  const m = Number(s.slice(2, 4));
  const y = Number(s.slice(4)) - BE_OFFSET;
  if (m < 1 || m > 12 || d < 1 || y < 1800 || y > 2600 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** How many of the last `n` decimal digits of x and y differ. */
function digitsApart(x: number, y: number, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++, x = Math.floor(x / 10), y = Math.floor(y / 10)) if (x % 10 !== y % 10) count++;
  return count;
}

/** The slip between two birth dates (as dd/mm/BBBB is typed), or null when equal or further apart. */
export function dobSlip(a: Ymd, b: Ymd): DobSlip | null {
  if (a.y === b.y && a.m === b.m && a.d === b.d) return null;
  if (a.y === b.y && a.d === b.m && a.m === b.d) return 'day-month-swapped';
  const apart = digitsApart(a.d, b.d, 2) + digitsApart(a.m, b.m, 2) + digitsApart(a.y + BE_OFFSET, b.y + BE_OFFSET, 4);
  return apart === 1 ? 'one-digit' : null;
}

/**
 * Every valid date one slip away from `d` (day and month swapped, or one digit of dd/mm/BBBB changed):
 * what the matcher looks up instead of comparing every pair.
 */
export function dobSlips(d: Ymd): Ymd[] {
  const out: Ymd[] = [];
  if (d.d !== d.m && d.d <= 12) out.push({ y: d.y, m: d.d, d: d.m });
  const s = digitsBE(d);
  for (let i = 0; i < s.length; i++) {
    for (let k = 0; k <= 9; k++) {
      const c = String(k);
      if (c === s[i]) continue;
      const v = dateOfDigits(s.slice(0, i) + c + s.slice(i + 1));
      if (v) out.push(v);
    }
  }
  return out;
}
