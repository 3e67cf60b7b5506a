/** Thai text normalisation shared by headers, vocabularies and rules. */

/**
 * Remembers a pure function of a string. A roster repeats the same few prefixes, genders, grades
 * and birth dates thousands of times; the memory is dropped when it grows past `max` entries.
 */
export function memo<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

const THAI_ZERO = 0x0e50;

/** ๐–๙ → 0–9; everything else unchanged. */
const THAI_DIGIT = /[\u0e50-\u0e59]/;

export function arabicDigits(s: string): string {
  if (!THAI_DIGIT.test(s)) return s;
  return s.replace(/[\u0e50-\u0e59]/g, (ch) => String(ch.charCodeAt(0) - THAI_ZERO));
}

/** Zero-width space, joiners, word joiner, BOM and soft hyphen: invisible, but they break matching in DMC. */
export const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
export const HAS_ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/** No-break and other exotic spaces become plain spaces; zero-width characters go. */
export function plainSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ');
}

/** Nikhahit + sara aa (ํ + า), what many fonts, PDFs and keyboards write for sara am (ำ). */
export const DECOMPOSED_SARA_AM = /\u0e4d\u0e32/g;
// Combining marks (U+0300–036F) too: a Latin letter and its accent compose under NFC.
const NEEDS_THAI_FORM =
  /[\u0300-\u036f\u0e4d\u0e40\u00a0\u00ad\u200b-\u200d\u2060\ufeff\u2000-\u200a\u202f\u205f\u3000\t]|[\u0e80-\uffff]/;

/**
 * The one form every header and vocabulary comparison sees (RULES.md, "Thai text as files really
 * hold it"): NFC, ํา → ำ, เเ → แ, invisible characters gone, exotic spaces plain. Names are compared
 * in this form too, but never rewritten with it: their slips are findings.
 */
export function thaiForm(s: string): string {
  if (!NEEDS_THAI_FORM.test(s)) return s;
  // Invisible characters go before NFC, so a mark they held apart from its letter composes in one pass.
  return plainSpaces(s)
    .normalize('NFC')
    .replace(DECOMPOSED_SARA_AM, '\u0e33')
    .replace(/\u0e40\u0e40/g, '\u0e41');
}

/** Trim and fold runs of spaces to one. */
export function collapseSpaces(s: string): string {
  return plainSpaces(s).replace(/ {2,}/g, ' ').trim();
}

/**
 * Common typing slips in Thai names: เเ (two sara e) for แ, the same vowel or mark typed twice,
 * and a mark standing on no consonant. Returns the repaired text.
 */
export function repairThai(s: string): string {
  let out = s.replace(/\u0e40\u0e40/g, '\u0e41').replace(DECOMPOSED_SARA_AM, '\u0e33');
  // eslint-disable-next-line no-misleading-character-class -- matching lone Thai marks is the point
  out = out.replace(/([\u0e30-\u0e3a\u0e40-\u0e44\u0e47-\u0e4e])\1+/g, '$1');
  return out;
}

// A mark at the start, or after anything but a consonant or another mark.
// eslint-disable-next-line no-misleading-character-class -- matching lone Thai marks is the point
const ORPHAN_MARK = /(?:^|[^\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
// eslint-disable-next-line no-misleading-character-class -- matching lone Thai marks is the point
const REPEATED_MARK = /([\u0e30-\u0e3a\u0e40-\u0e44\u0e47-\u0e4e])\1/;

export type ThaiTypo = 'double-sara-e' | 'decomposed-sara-am' | 'repeated-mark' | 'orphan-mark';

/**
 * Which Thai typing slip a name has, if any, as a reader sees it: an invisible character between two
 * sara e or two marks hides nothing from the eye, and removing it (a fix) must not reveal a new slip.
 */
export function thaiTypo(text: string): ThaiTypo | null {
  const s = HAS_ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH, '') : text;
  if (s.includes('\u0e40\u0e40')) return 'double-sara-e';
  if (s.includes('\u0e4d\u0e32')) return 'decomposed-sara-am';
  if (REPEATED_MARK.test(s)) return 'repeated-mark';
  if (ORPHAN_MARK.test(s)) return 'orphan-mark';
  return null;
}

/** Normalised key for matching vocabularies and headers: no spaces, dots or case; Thai digits as Arabic. */
export function matchKey(s: string): string {
  // The Thai form is taken again once separators are gone: "เ เ" and "ํ.า" join only then.
  return thaiForm(
    arabicDigits(thaiForm(s))
      .toLowerCase()
      .replace(/[\s.:*_]/g, ''),
  );
}

/** Normalised form of a name for near-duplicate comparison. */
export const nameKey = memo((s: string): string => repairThai(collapseSpaces(s)).toLowerCase());

/** A cell that holds nothing: empty, spaces, or a lone dash (DMC's "not recorded"). */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  // Most cells start with a visible character other than a dash: no need to clean them.
  const c = s.charCodeAt(0);
  if (s.length > 1 && c > 0x20 && c !== 0x2d && c !== 0x2013 && c !== 0x2014 && !HAS_ZERO_WIDTH.test(s)) return false;
  const t = s.replace(ZERO_WIDTH, '').trim();
  return t === '' || t === '-' || t === '–' || t === '—';
}

/**
 * A text that a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe, so an exported roster cannot carry a formula into the officer's Excel.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
