/**
 * Decoded CSV text into rows, as Excel opens it: every line ending honoured (CRLF, LF, CR, mixed in one
 * file), quoted cells may hold delimiters, quotes and line breaks, and a quote that does not close where
 * a cell plausibly ends is read as a literal character — one stray quote must not swallow the rows after
 * it. Unquoted lines take a fast path (a plain split). The byte reader (csv-columns.ts) shares the
 * delimiter detection and the quoted-record reader.
 */
import { InputError, LIMITS, READ_ERRORS } from './input-error';

const QUOTE = 34;
/** Continuation lines a quoted cell may span (an address typed with Alt+Enter has a few). */
export const MAX_QUOTED_LINES = 10;
const DELIMITERS = [',', '\t', ';', '|'];
/** One more field than a row may have, so a line of a million commas is refused without being split. */
export const SPLIT_LIMIT = LIMITS.columns + 1;

/** How often `d` occurs in `s`, counting no further than `cap`. */
function countOf(s: string, d: string, cap: number): number {
  let n = 0;
  for (let i = s.indexOf(d); i >= 0 && n < cap; i = s.indexOf(d, i + 1)) n++;
  return n;
}

/** The delimiter whose per-line count is most often the same non-zero number (title lines have none). */
export function detectDelimiter(lines: readonly string[]): string {
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    let seen = 0;
    for (let i = 0; i < lines.length && seen < 30; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      seen++;
      const n = countOf(line, d, LIMITS.columns);
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [n, f] of freq) score = Math.max(score, f * 1000 + Math.min(n, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * One record starting at a line with a quote. Returns null when a quoted cell does not close within
 * MAX_QUOTED_LINES, or closes so late that the record is wider than the table or its line breaks
 * hold whole rows: the opening quote was a stray one.
 */
export function quotedRecord(
  lines: readonly string[],
  start: number,
  d: string,
  width: number,
): { fields: string[]; end: number } | null {
  const fields: string[] = [];
  let li = start;
  let line = lines[li]!;
  let i = 0;
  let multiline = false;
  const rowLike = Math.max(2, Math.ceil((width - 1) / 2));
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      i++;
      let value = '';
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i) + '\n';
          li++;
          if (li >= lines.length || li - start > MAX_QUOTED_LINES) return null;
          line = lines[li]!;
          i = 0;
          multiline = true;
          continue;
        }
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (multiline && value.includes('\n')) {
        for (const part of value.split('\n')) if (countOf(part, d, rowLike) >= rowLike) return null;
      }
      // Excel keeps what follows a closing quote up to the delimiter: "abc"def → abcdef.
      const next = line.indexOf(d, i);
      if (next < 0) {
        fields.push(value + line.slice(i));
        break;
      }
      fields.push(value + line.slice(i, next));
      i = next + d.length;
    } else {
      const next = line.indexOf(d, i);
      if (next < 0) {
        fields.push(line.slice(i));
        break;
      }
      fields.push(line.slice(i, next));
      i = next + d.length;
    }
    if (fields.length > LIMITS.columns) break;
  }
  if (multiline && fields.length > width) return null;
  return { fields, end: li };
}

/**
 * One string object per distinct value in columns that repeat (gender, grade, status, birth dates,
 * surnames…): the copies a split makes die young instead of surviving into the old generation, and
 * every later Map lookup on them (the core's dictionaries) finds a hash already computed. A column
 * stops being interned once its distinct values pass half of the rows read (IDs, student numbers).
 */
class Interner {
  private static readonly FREE = 1000;
  private readonly maps: Array<Map<string, string> | null> = [];
  private rows = 0;

  row(fields: string[]): void {
    this.rows++;
    for (let c = 0; c < fields.length; c++) {
      let m = this.maps[c];
      if (m === null) continue;
      if (m === undefined) {
        if (c >= 256) continue;
        m = this.maps[c] = new Map();
      }
      const v = fields[c]!;
      const hit = m.get(v);
      if (hit !== undefined) fields[c] = hit;
      else if (m.size < Interner.FREE || m.size * 2 < this.rows) m.set(v, v);
      else this.maps[c] = null;
    }
  }
}

/** Lines ended by CRLF, LF or CR, all three honoured in one file. */
export function physicalLines(text: string): string[] {
  // A split limit keeps a file of nothing but line breaks from building a giant array first.
  const limit = LIMITS.rows * 4;
  const check = (lines: string[]) => {
    if (lines.length >= limit) throw new InputError(READ_ERRORS.tooManyRows);
    return lines;
  };
  if (text.indexOf('\r') < 0) return check(text.split('\n', limit));
  // Windows files: CRLF throughout, unless a piece still holds a lone CR or LF.
  const crlf = check(text.split('\r\n', limit));
  let mixed = false;
  for (let i = 0; i < crlf.length && !mixed; i++) {
    const line = crlf[i]!;
    mixed = line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0;
  }
  if (!mixed) return crlf;
  return check(text.split(/\r\n|\r|\n/, limit));
}

/**
 * What the first lines (at least 101 of them, or all) say of the table: the first row (past Excel's hint
 * line "sep=;", which names the delimiter and is not a row), the delimiter (`forced`, the hint's, else the
 * one the lines use) and the width of the widest of the first 100 rows.
 */
export function layoutOf(head: readonly string[], forced?: string): { from: number; d: string; width: number } {
  const hint = /^sep=(.)$/i.exec(head[0] ?? '');
  const from = hint ? 1 : 0;
  const d = forced ?? hint?.[1] ?? detectDelimiter(head.slice(from, from + 100));
  let width = 1;
  for (let i = from; i < head.length && i < from + 100; i++)
    width = Math.max(width, head[i]!.split(d, SPLIT_LIMIT).length);
  return { from, d, width };
}

/** Splits decoded text into rows. `delimiter` defaults to the one the first lines use. */
export function splitCsv(text: string, delimiter?: string): { values: string[][]; delimiter: string } {
  const lines = physicalLines(text);
  const { from, d, width } = layoutOf(lines, delimiter);

  const values: string[][] = [];
  const intern = new Interner();
  let cells = 0;
  for (let li = from; li < lines.length; li++) {
    const line = lines[li]!;
    let fields: string[];
    if (line.indexOf('"') < 0) fields = line.length < LIMITS.columns ? line.split(d) : line.split(d, SPLIT_LIMIT);
    else {
      const rec = quotedRecord(lines, li, d, width);
      if (rec) {
        fields = rec.fields;
        li = rec.end;
      } else fields = line.split(d, SPLIT_LIMIT);
    }
    if (fields.length > LIMITS.columns) throw new InputError(READ_ERRORS.tooManyColumns(li + 1));
    cells += fields.length;
    if (cells > LIMITS.cells) throw new InputError(READ_ERRORS.tooManyCells('', '', LIMITS.cells));
    intern.row(fields);
    if (values.push(fields) > LIMITS.rows) throw new InputError(READ_ERRORS.tooManyRows);
  }
  // Blank lines at the end are not rows of the roster (blank lines inside it keep row numbers right).
  while (values.length && values[values.length - 1]!.every((v) => v === '')) values.pop();
  return { values, delimiter: d };
}
