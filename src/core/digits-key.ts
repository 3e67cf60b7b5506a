/** Keys of digits (citizen IDs, student numbers): as DMC compares them, and as numbers compared natively. */
import { arabicDigits } from './text';

/** What the length is multiplied by: above every value of 14 digits. */
const LENGTH = 1e14;

/**
 * A text of 1–14 ASCII digits as one exact integer that keeps its length ("0123" and "123" differ);
 * -1 for any other text.
 */
export function digitsKey(k: string): number {
  const n = k.length;
  if (n === 0 || n > 14) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = k.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return n * LENGTH + v;
}

/** The digitsKey of the same digits read as a whole number, its leading zeros dropped ("0123" → "123"). */
export function wholeNumberKey(key: number): number {
  const v = key % LENGTH;
  let n = 1;
  for (let p = 10; p <= v; p *= 10) n++;
  return n * LENGTH + v;
}

/**
 * A student number as DMC compares it: Thai digits, a text-marking apostrophe, leading zeros and the
 * ".0" a number re-saved as text carries ("19001.0") do not make another number.
 */
export function studentNumberKey(text: string): string {
  if (isPlainNumber(text)) return text;
  return arabicDigits(text)
    .trim()
    .replace(/^['\u2019]/, '')
    .replace(/^(\d+)\.0+$/, '$1')
    .replace(/^0+(?=\d)/, '');
}

/** ASCII digits without a leading zero: already their own key (nearly every student number). */
function isPlainNumber(text: string): boolean {
  const n = text.length;
  if (n === 0 || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}
