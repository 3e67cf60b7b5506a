/**
 * Text files as Thai schools have them: UTF-8 (with or without BOM, sometimes with a few damaged
 * bytes), Windows-874/TIS-620 from Thai Excel, UTF-16 from Excel's "Unicode Text". The encoding is
 * decided by evidence, never by the first failure, and damage is kept visible as U+FFFD.
 */
import { isUtf8 } from 'node:buffer';
import { InputError, READ_ERRORS } from './input-error';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The text holds U+FFFD: bytes that were not valid in the encoding (or NUL bytes). */
  damaged: boolean;
}

/** UTF-8 is chosen over Windows-874 when at least this share of its non-ASCII sequences are valid. */
export const UTF8_MIN_VALID_SHARE = 0.8;

const SAMPLE = 64 * 1024;
// C1 controls and private-use best fits are what unmapped bytes decode to.
const UNMAPPED_874 = /[\u0080-\u009f\uf8c1-\uf8c8]/g;

/** Excel's "Unicode Text" is UTF-16LE with a BOM; without one, ASCII shows as every other byte 0. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.02) return 'utf-16le';
  if (evenZero > half * 0.3 && oddZero < half * 0.02) return 'utf-16be';
  return null;
}

/** Binary data (a zip, an image, random bytes) rather than text with a stray control byte or two. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) continue;
    if (b === 0) nul++;
    // Tab, line feed, vertical tab, form feed, carriage return, SUB (DOS end of file), ESC are text.
    else if (b < 0x09 || (b > 0x0d && b !== 0x1a && b !== 0x1b)) control++;
  }
  return nul > n * 0.01 || nul + control > n * 0.05;
}

/**
 * Counts valid multi-byte UTF-8 sequences, those among them in the Thai block (U+0E00–U+0E7F), and
 * invalid sequences (maximal subparts, as decoders count them).
 */
export function utf8Evidence(bytes: Uint8Array): { valid: number; thai: number; invalid: number } {
  let valid = 0;
  let thai = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
    }
    if (j > need) {
      valid++;
      if (b === 0xe0 && (bytes[i + 1] === 0xb8 || bytes[i + 1] === 0xb9)) thai++;
      i += need + 1;
    } else {
      invalid++;
      i += j;
    }
  }
  return { valid, thai, invalid };
}

/** Share of C0 control characters (other than tab and line breaks) at the start of decoded text. */
function controlShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
  }
  return n ? control / n : 0;
}

function decodeWith(encoding: Encoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
}

const utf8Checked = new WeakMap<Uint8Array, boolean>();

/** Whether the bytes are valid UTF-8 (checked once per byte array: the readers ask again). */
export function validUtf8(bytes: Uint8Array): boolean {
  let valid = utf8Checked.get(bytes);
  if (valid === undefined) utf8Checked.set(bytes, (valid = isUtf8(bytes)));
  return valid;
}

/**
 * The encoding of a text file's bytes. UTF-16 by its BOM or its zero bytes. Otherwise: valid UTF-8 →
 * UTF-8. Mostly valid UTF-8 (≥ 80 % of its non-ASCII sequences valid, or at least as many Thai letters
 * in UTF-8 as bad sequences; TIS-620 Thai text has ~18 % and ~2 %) → UTF-8 with U+FFFD for the bad
 * bytes. Anything else → Windows-874, the superset of TIS-620 that Thai Windows writes. Binary data is
 * refused (UTF-16 is checked for it once decoded).
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const utf16 = utf16Of(bytes);
  if (utf16) return utf16;
  if (looksBinary(bytes)) throw new InputError(READ_ERRORS.binary);
  if (validUtf8(bytes)) return 'utf-8';
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const { valid, thai, invalid } = utf8Evidence(bytes);
  return !hasBom && valid < (valid + invalid) * UTF8_MIN_VALID_SHARE && thai < invalid ? 'windows-874' : 'utf-8';
}

/**
 * Decoded text as the readers keep it: bytes Windows-874 has no character for (C1 controls and
 * Microsoft's private-use best fits, U+F8C1–U+F8C8) and NUL bytes become U+FFFD, damage like U+FFFD in
 * UTF-8; stray BOMs (files joined together) are dropped. Character by character, so a file's cells
 * cleaned one by one come out as the whole text cleaned at once.
 */
export function cleanDecoded(text: string, encoding: Encoding): string {
  if (encoding === 'windows-874') text = text.replace(UNMAPPED_874, '\ufffd');
  if (text.includes('\0')) text = text.replace(/\0/g, '\ufffd');
  if (text.includes('\ufeff')) text = text.replace(/\ufeff/g, '');
  return text;
}

/** The whole text of a text file, in the encoding `detectEncoding` finds, cleaned. */
export function decode(bytes: Uint8Array): Decoded {
  const encoding = detectEncoding(bytes);
  let text = decodeWith(encoding, bytes);
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && controlShare(text) > 0.05)
    throw new InputError(READ_ERRORS.binary);
  text = cleanDecoded(text, encoding);
  return { text, encoding, damaged: text.includes('\ufffd') };
}
