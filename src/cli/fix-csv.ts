/**
 * Writes fixes into a copy of a CSV/TSV file byte for byte: only the fixed cells' bytes change, so the
 * encoding (UTF-8 with or without BOM, Windows-874, UTF-16), the line endings, the quoting and every
 * other cell stay exactly as they were. The cells are found by scanning the raw bytes (delimiter,
 * quote and line breaks are ASCII in every encoding read) and checked against what the reader read;
 * when the two disagree (a stray quote the reader forgave), the file is written again whole, in the
 * same encoding and line ending, and the caller is told.
 */
import type { Fix } from '../core/fixes';
import { applyFixes } from '../core/fixes';
import { cellText } from '../core/headers';
import { readCsv } from './csv';
import type { Encoding } from './decode';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Windows-874 beyond ASCII and the Thai block: what Thai Windows writes in 0x80–0xA0. */
const CP874_EXTRA = new Map<number, number>([
  [0x20ac, 0x80],
  [0x2026, 0x85],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x00a0, 0xa0],
]);

export class EncodeError extends Error {}

/** TIS-620 / Windows-874: ASCII as is, U+0E01–U+0E5B ↔ 0xA1–0xFB, and the few extras above. */
export function encodeWindows874(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let b: number | undefined;
    if (c < 0x80) b = c;
    else if (c >= 0x0e01 && c <= 0x0e5b) b = c - 0x0e01 + 0xa1;
    else b = CP874_EXTRA.get(c);
    if (b === undefined) throw new EncodeError(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    out[i] = b;
  }
  return out;
}

const wide = (encoding: Encoding) => encoding === 'utf-16le' || encoding === 'utf-16be';

/** Text as the file's bytes. */
function encodeBytes(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'windows-874') return encodeWindows874(text);
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const le = encoding === 'utf-16le';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 * i] = le ? u & 0xff : u >> 8;
    out[2 * i + 1] = le ? u >> 8 : u & 0xff;
  }
  return out;
}

/** The file as units: its bytes, or its UTF-16 code units. */
function unitsOf(bytes: Uint8Array, encoding: Encoding): ArrayLike<number> {
  if (!wide(encoding)) return bytes;
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  const le = encoding === 'utf-16le';
  for (let i = 0; i < n; i++)
    units[i] = le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
  return units;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function decodeUnits(units: ArrayLike<number>, from: number, to: number, encoding: Encoding): string {
  if (!wide(encoding)) return new TextDecoder(encoding).decode((units as Uint8Array).subarray(from, to));
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(units[i]!);
  return s;
}

/** Where a cell's raw text lies in the file, quotes included. */
interface Span {
  start: number;
  end: number;
  quoted: boolean;
}

/** Records of the file as spans of units: quotes open only at a cell's start, as the reader has it. */
function scanRecords(units: ArrayLike<number>, from: number, delimiter: number): Span[][] {
  const n = units.length;
  const records: Span[][] = [];
  let p = from;
  while (p < n) {
    const fields: Span[] = [];
    for (;;) {
      const start = p;
      const quoted = units[p] === QUOTE;
      if (quoted) {
        p++;
        while (p < n) {
          if (units[p] === QUOTE) {
            if (units[p + 1] === QUOTE) p += 2;
            else break;
          } else p++;
        }
        p++;
      }
      while (p < n && units[p] !== delimiter && units[p] !== LF && units[p] !== CR) p++;
      fields.push({ start, end: Math.min(p, n), quoted });
      if (p < n && units[p] === delimiter) {
        p++;
        continue;
      }
      break;
    }
    if (units[p] === CR) p++;
    if (units[p] === LF) p++;
    records.push(fields);
  }
  return records;
}

/** A cell's text from its span, as the reader gives it (quotes undone, line breaks as LF). */
function spanText(units: ArrayLike<number>, s: Span, encoding: Encoding): string {
  let t = decodeUnits(units, s.start, s.end, encoding)
    .replace(/\ufeff/g, '')
    .replace(/\0/g, '\ufffd');
  if (!s.quoted) return t;
  const close = /^"((?:[^"]|"")*)"/.exec(t);
  if (!close) return t;
  t = close[1]!.replace(/""/g, '"') + t.slice(close[0].length);
  return t.replace(/\r\n?/g, '\n');
}

function quote(text: string, delimiter: string, always: boolean): string {
  const needs = always || text.includes(delimiter) || /["\r\n]/.test(text);
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvFixResult {
  bytes: Uint8Array;
  /** The file had to be written again whole (its cells could not be located byte for byte). */
  whole: boolean;
}

/** The original's line ending, for a file written whole. */
function lineEnding(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\r\n';
}

/** Writes the file again from the fixed rows, in the same encoding, BOM, delimiter and line ending. */
function writeWhole(
  units: ArrayLike<number>,
  from: number,
  encoding: Encoding,
  delimiter: string,
  values: string[][],
  fixes: readonly Fix[],
) {
  const original = decodeUnits(units, 0, units.length, encoding).replace(/^\ufeff/, '');
  const eol = lineEnding(original);
  const sep = /^sep=.(?:\r\n|\n|\r)/i.exec(original)?.[0] ?? '';
  const rows = applyFixes(values, fixes).map((r) => r.map((v) => quote(cellText(v), delimiter, false)).join(delimiter));
  let text = sep + rows.join(eol);
  if (/(?:\r\n|\n|\r)$/.test(original)) text += eol;
  const bom = from > 0 && (units[0] === 0xef || units[0] === 0xfeff) ? '\ufeff' : '';
  return encodeBytes(bom + text, encoding);
}

/**
 * The file's bytes with the fixes made. `tab`: the file is a .tsv (the reader forces tabs). Throws
 * EncodeError when a value cannot be written in the file's encoding.
 */
export function fixCsvBytes(bytes: Uint8Array, fixes: readonly Fix[], options: { tab?: boolean } = {}): CsvFixResult {
  const sheet = readCsv(bytes, { tab: options.tab });
  const { encoding, delimiter, values } = sheet;
  if (fixes.length === 0) return { bytes, whole: false };
  const units = unitsOf(bytes, encoding);
  let from = 0;
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
  else if (wide(encoding) && units[0] === 0xfeff) from = 1;
  const bom = from;
  // Excel's "sep=;" line is no row.
  const firstLine = decodeUnits(units, from, Math.min(units.length, from + 8), encoding);
  if (/^sep=.(?:\r|\n|$)/i.test(firstLine)) {
    while (from < units.length && units[from] !== LF && units[from] !== CR) from++;
    if (units[from] === CR) from++;
    if (units[from] === LF) from++;
  }
  const d = delimiter.charCodeAt(0);
  const records = delimiter.length === 1 && d < 0x80 ? scanRecords(units, from, d) : null;

  // The scan must agree with the reader: the same rows, the same cells, the fixed cells' texts.
  const agrees =
    records !== null &&
    records.length >= values.length &&
    values.every((row, r) => records[r]!.length === row.length) &&
    fixes.every((f) => {
      const span = records[f.row]?.[f.col];
      return span !== undefined && spanText(units, span, encoding) === cellText(f.before);
    });
  if (!agrees) return { bytes: writeWhole(units, bom, encoding, delimiter, values, fixes), whole: true };

  const size = wide(encoding) ? 2 : 1;
  const edits = fixes
    .map((f) => {
      const span = records[f.row]![f.col]!;
      return { ...span, bytes: encodeBytes(quote(String(f.after), delimiter, span.quoted), encoding) };
    })
    .sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let p = 0;
  for (const e of edits) {
    parts.push(bytes.subarray(p, e.start * size), e.bytes);
    p = e.end * size;
  }
  parts.push(bytes.subarray(p));
  return { bytes: concat(parts), whole: false };
}
