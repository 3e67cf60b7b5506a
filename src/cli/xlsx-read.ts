/**
 * Reads every sheet of an xlsx into getValues()-like rows without exceljs: the zip is read part by
 * part, sheet XML is streamed and scanned for <row>, <c>, <v>, <is> only, and only cells that hold a
 * value are kept. Each row is as long as its last non-empty cell (a stray far cell costs one long
 * row, never the sheet's extent); trailing empty rows are dropped. Merged ranges are kept as four
 * numbers each, never expanded into cells (a merged title's value is in its top-left cell). Numbers
 * stay numbers; date-formatted numbers become local Date objects; errors give their text ("#REF!");
 * formulas give their cached result.
 */
import type { Cell } from '../core/types';
import { InputError, LIMITS, READ_ERRORS } from './input-error';
import { ByteFeed, isNamed, tagAt, tagsNamed, textAt, type TagAt } from './xml';
import { isOle2, isZip, readEntry, streamEntry, zipEntries, zipKey, type ZipEntry } from './zip';

/** A merged area, 0-based: its top-left cell and its size (a title over A1:T1 is {0, 0, 1, 20}). */
export interface MergedRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Merges kept per sheet at most: they only draw the sheet (the values never depend on them), so a
 * file with more keeps its first ones rather than being refused. 100,000 merges are ~5 MB.
 */
export const MAX_MERGES = 100_000;

export interface XlsxSheet {
  name: string;
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
  values: Cell[][];
  /** Cells holding U+FFFD (bytes of the XML that were not valid UTF-8), 0-based. */
  damaged?: Array<{ row: number; col: number }>;
  /** Merged areas (<mergeCells>), in the file's order; absent when there are none. */
  merges?: MergedRange[];
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK and Thai ids). */
function builtinDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58) ||
    (id >= 71 && id <= 81)
  );
}

/**
 * A custom format shows a date when, outside quoted text, escapes and [brackets], it has a day, month
 * or year token (d, y, b for the Buddhist year, ว ด ป in Thai codes). Time-only formats ([h]:mm,
 * mm:ss) stay numbers.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1') // elapsed time: [h]:mm
    .replace(/\[[^\]]*\]/g, '') // colours, locales, conditions
    .replace(/General/gi, '')
    .replace(/E[+-]/gi, '');
  if (/[dyb\u0e27\u0e14\u0e1b]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs\u0e0a\u0e19\u0e17]/i.test(bare);
}

/** Which cell style indexes (cellXfs) show dates. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of tagsNamed(xml, 'numFmt')) custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  const xfs = /<(?:[\w.-]+:)?cellXfs(?=[\s>])[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  return tagsNamed(xfs, 'xf').map((a) => {
    const id = Number(a.get('numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : builtinDate(id);
  });
}

const DAY_MS = 86_400_000;

/** An Excel serial day number as a local-time Date (the core reads calendar dates in local time). */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!(serial >= 0) || serial >= 2_958_466) return null;
  let days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  // The 1900 system counts a 29 February 1900 that never was: serials before it are a day early.
  if (!date1904 && days < 60) days += 1;
  const utc = new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + days * DAY_MS + seconds * 1000);
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}

/** t="d" cells hold ISO 8601 text. */
function isoToDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return text;
  const d = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return Number.isNaN(d.getTime()) ? text : d;
}

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/** "worksheets/sheet1.xml" seen from "xl/workbook.xml" → "xl/worksheets/sheet1.xml". */
function resolvePath(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of target.replace(/\\/g, '/').split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

interface Rel {
  type: string;
  target: string;
}

function relsOf(entries: Map<string, ZipEntry>, bytes: Uint8Array, partPath: string): Map<string, Rel> {
  const dir = partPath.split('/').slice(0, -1).join('/');
  const relsPath = `${dir ? `${dir}/` : ''}_rels/${partPath.split('/').pop()}.rels`;
  const e = entries.get(zipKey(relsPath));
  const out = new Map<string, Rel>();
  if (!e) return out;
  for (const a of tagsNamed(utf8(readEntry(bytes, e)), 'Relationship')) {
    if (a.get('TargetMode') === 'External') continue;
    out.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', target: resolvePath(partPath, a.get('Target') ?? '') });
  }
  return out;
}

/** Shared strings, streamed; rich-text runs joined, phonetic runs (<rPh>) left out. */
function sharedStrings(bytes: Uint8Array, e: ZipEntry): string[] {
  const out: string[] = [];
  let cur = '';
  let inSi = false;
  let inPhonetic = false;
  const t: TagAt = { close: 0, end: false, empty: false, name0: 0, name1: 0 };
  const feed = new ByteFeed((b, limit) => {
    let i = b.indexOf(60);
    while (i >= 0 && i < limit && tagAt(b, i, limit, t)) {
      let next = b.indexOf(60, t.close + 1);
      if (next < 0 || next > limit) next = limit;
      const len = t.name1 - t.name0;
      const c0 = b[t.name0];
      if (len === 2 && c0 === 115 && b[t.name0 + 1] === 105) {
        // <si>
        if (t.end) {
          out.push(cur);
          inSi = false;
        } else if (t.empty) out.push('');
        else {
          cur = '';
          inSi = true;
        }
      } else if (len === 3 && c0 === 114 && b[t.name0 + 1] === 80 && b[t.name0 + 2] === 104) {
        inPhonetic = !t.end && !t.empty; // <rPh>
      } else if (len === 1 && c0 === 116 && !t.end && !t.empty && inSi && !inPhonetic) {
        cur += textAt(b, t.close + 1, next); // <t>
      }
      i = next;
    }
  });
  streamEntry(bytes, e, (chunk) => feed.push(chunk));
  feed.end();
  return out;
}

function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

interface SheetContext {
  name: string;
  /** Cells and rows laid out so far in the whole workbook: many sheets may not add up past LIMITS.cells. */
  budget: { used: number };
  sst: string[];
  sstDamaged: Set<number>;
  dateStyle: boolean[];
  date1904: boolean;
}

const enum T {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Iso,
}

/** The cell type attribute t="…" at b[from..to). */
function typeAt(b: Uint8Array, from: number, to: number): T {
  const len = to - from;
  const c = b[from];
  if (len === 1) return c === 115 ? T.Shared : c === 98 ? T.Bool : c === 101 ? T.Error : c === 100 ? T.Iso : T.Number;
  if (len === 3 && c === 115) return T.Str;
  if (len === 9 && c === 105) return T.Inline;
  return T.Number;
}

/** A non-negative decimal integer at b[from..to), or -1. */
function intAt(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The row between two rows with values: one frozen empty array shared by every such row, so a lone
 * cell a million rows down costs a million pointers, not a million arrays.
 */
const NO_CELLS: Cell[] = Object.freeze([]) as unknown as Cell[];

/** "AB12" → 1-based column and row, or null past Excel's grid. */
function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col <= LIMITS.columns && row >= 1 && row <= LIMITS.rows ? { col, row } : null;
}

/** A <mergeCell ref="A1:T1"> (corners in either order) as a range; null for one cell or a bad ref. */
export function mergedRange(ref: string): MergedRange | null {
  const [a, b, more] = ref.trim().split(':');
  if (more !== undefined || b === undefined) return null;
  const p = cellRef(a!.trim());
  const q = cellRef(b.trim());
  if (!p || !q) return null;
  const rows = Math.abs(q.row - p.row) + 1;
  const cols = Math.abs(q.col - p.col) + 1;
  if (rows * cols < 2) return null;
  return { row: Math.min(p.row, q.row) - 1, col: Math.min(p.col, q.col) - 1, rows, cols };
}

/** What may stand between </sheetData> and <mergeCells> (ECMA-376 CT_Worksheet order). */
const BEFORE_MERGES = new Set([
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
]);

/** One worksheet part, streamed, into rows of the cells that hold a value, and its merged areas. */
function readSheet(
  bytes: Uint8Array,
  e: ZipEntry,
  ctx: SheetContext,
): { values: Cell[][]; damaged: XlsxSheet['damaged']; merges: MergedRange[] } {
  const rows: Cell[][] = [];
  const damaged: Array<{ row: number; col: number }> = [];
  const merges: MergedRange[] = [];
  /** Past </sheetData>: only <mergeCells> is still read; depth of the element being read there. */
  let tail = false;
  let depth = 0;
  let allocated = 0;
  let rowIx = -1;
  let colIx = -1;
  // The cell being read.
  let inCell = false;
  let type = T.Number;
  let style = 0;
  let text: string | null = null;
  /** The <v> of a shared string or a number when it is a plain integer, read straight from the bytes. */
  let whole = -1;
  let inline = '';
  let inInline = false;
  let inPhonetic = false;
  let done = false;

  const spend = (n: number) => {
    ctx.budget.used += n;
    if (ctx.budget.used > LIMITS.cells) {
      throw new InputError(READ_ERRORS.tooManyCells(ctx.name, a1(rowIx, colIx), LIMITS.cells));
    }
  };

  const store = (value: Cell, hurt: boolean) => {
    if (rows.length <= rowIx) spend(rowIx + 1 - rows.length);
    if (rows.length < rowIx) {
      const from = rows.length;
      rows.length = rowIx;
      rows.fill(NO_CELLS, from);
    }
    if (rows.length === rowIx) rows.push([]);
    let row = rows[rowIx]!;
    if (row === NO_CELLS) row = rows[rowIx] = [];
    if (colIx >= row.length) {
      allocated += colIx + 1 - row.length;
      if (allocated > LIMITS.sheetCells) {
        throw new InputError(READ_ERRORS.tooManyCells(ctx.name, a1(rowIx, colIx), LIMITS.sheetCells));
      }
      spend(colIx + 1 - row.length);
      while (row.length < colIx) row.push('');
      row.push(value);
    } else row[colIx] = value;
    if (hurt) damaged.push({ row: rowIx, col: colIx });
  };

  const finishCell = () => {
    inCell = false;
    let v: Cell;
    let hurt = false;
    if (type === T.Shared) {
      const ix = whole >= 0 ? whole : text === null ? -1 : Number(text);
      v = ctx.sst[ix] ?? '';
      hurt = ctx.sstDamaged.size > 0 && ctx.sstDamaged.has(ix);
    } else if (type === T.Number && whole >= 0) {
      v = (ctx.dateStyle[style] && serialToDate(whole, ctx.date1904)) || whole;
    } else if (type === T.Inline) {
      v = text ?? inline;
      hurt = v.includes('\ufffd');
    } else if (text === null || text === '') return;
    else if (type === T.Str || type === T.Error) {
      v = text;
      hurt = v.includes('\ufffd');
    } else if (type === T.Bool) v = text === '1' || text === 'true';
    else if (type === T.Iso) v = isoToDate(text);
    else {
      const n = Number(text);
      if (Number.isNaN(n) || text.trim() === '') v = text;
      else v = (ctx.dateStyle[style] && serialToDate(n, ctx.date1904)) || n;
    }
    if (v === '') return;
    store(v, hurt);
  };

  /** <c r="B2" s="3" t="s">: position, style and type from the attributes. */
  const openCell = (b: Buffer, from: number, to: number) => {
    type = T.Number;
    style = 0;
    text = null;
    whole = -1;
    inline = '';
    let ref = false;
    let q = from;
    while (q < to) {
      while (q < to && (b[q] === 32 || b[q] === 9 || b[q] === 10 || b[q] === 13)) q++;
      const k0 = q;
      while (q < to && b[q] !== 61 && b[q] !== 32) q++;
      const k1 = q;
      while (q < to && b[q] !== 34 && b[q] !== 39) q++;
      if (q >= to) break;
      const quote = b[q];
      const v0 = ++q;
      while (q < to && b[q] !== quote) q++;
      const v1 = q++;
      if (k1 - k0 !== 1) continue;
      const name = b[k0];
      if (name === 114) {
        // r="AB12"
        let col = 0;
        let p = v0;
        for (; p < v1 && col <= LIMITS.columns; p++) {
          const c = b[p]! | 0x20;
          if (c < 97 || c > 122) break;
          col = col * 26 + (c - 96);
        }
        const r = intAt(b, p, v1);
        if (col < 1 || col > LIMITS.columns || r < 1 || r > LIMITS.rows) {
          throw new InputError(READ_ERRORS.badCellRef(b.toString('latin1', v0, v1)));
        }
        colIx = col - 1;
        rowIx = r - 1;
        ref = true;
      } else if (name === 116) type = typeAt(b, v0, v1);
      else if (name === 115) style = Math.max(0, intAt(b, v0, v1));
    }
    if (!ref) colIx++;
    if (colIx >= LIMITS.columns || rowIx < 0)
      throw new InputError(READ_ERRORS.badCellRef(a1(Math.max(0, rowIx), colIx)));
  };

  const t: TagAt = { close: 0, end: false, empty: false, name0: 0, name1: 0 };

  /**
   * One tag after </sheetData>: a <mergeCell> is kept; true once nothing more can be a merge (after
   * </mergeCells>, or at an element the schema puts after it), so the rest is never inflated.
   */
  const readTail = (b: Buffer): boolean => {
    const c0 = b[t.name0];
    if (c0 === 33 || c0 === 63) return false; // <!-- comment -->, <?instruction?>
    if (t.end) {
      depth--;
      return depth < 0 || (depth === 0 && isNamed(b, t, 'mergeCells'));
    }
    if (depth === 0 && !BEFORE_MERGES.has(b.toString('latin1', t.name0, t.name1))) return true;
    if (depth === 1 && isNamed(b, t, 'mergeCell')) {
      const ref = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(b.toString('latin1', t.name1, t.close));
      const m = ref ? mergedRange(ref[1] ?? ref[2]!) : null;
      if (m && merges.push(m) >= MAX_MERGES) return true;
    }
    if (!t.empty) depth++;
    return false;
  };

  const scan = (b: Buffer, limit: number) => {
    if (done) return;
    let i = b.indexOf(60);
    while (i >= 0 && i < limit && tagAt(b, i, limit, t)) {
      let next = b.indexOf(60, t.close + 1);
      if (next < 0 || next > limit) next = limit;
      if (tail) {
        if (readTail(b)) {
          done = true;
          return;
        }
        i = next;
        continue;
      }
      const len = t.name1 - t.name0;
      const c0 = b[t.name0];
      if (len === 1 && c0 === 99) {
        // <c …> or </c>
        if (!t.end) {
          openCell(b, t.name1, t.empty ? t.close - 1 : t.close);
          inCell = !t.empty;
        } else if (inCell) finishCell();
      } else if (len === 1 && c0 === 118) {
        // <v>: shared-string indexes and whole numbers are read straight from the bytes
        if (!t.end && !t.empty && inCell) {
          if (type === T.Shared || type === T.Number) whole = intAt(b, t.close + 1, next);
          if (whole < 0) text = textAt(b, t.close + 1, next);
        }
      } else if (len === 1 && c0 === 116) {
        // <t> inside <is>
        if (!t.end && !t.empty && inInline && !inPhonetic) inline += textAt(b, t.close + 1, next);
      } else if (len === 2 && c0 === 105 && b[t.name0 + 1] === 115) {
        inInline = !t.end && !t.empty; // <is>
      } else if (len === 3 && c0 === 114 && b[t.name0 + 1] === 111 && b[t.name0 + 2] === 119) {
        // <row r="5">
        if (!t.end) {
          const m = /\sr\s*=\s*["'](\d+)["']/.exec(b.toString('latin1', t.name1, t.close));
          rowIx = m ? Number(m[1]) - 1 : rowIx + 1;
          if (rowIx < 0 || rowIx >= LIMITS.rows)
            throw new InputError(READ_ERRORS.badCellRef(a1(Math.max(0, rowIx), 0)));
          colIx = -1;
        }
      } else if (len === 3 && c0 === 114 && b[t.name0 + 1] === 80 && b[t.name0 + 2] === 104) {
        inPhonetic = !t.end && !t.empty; // <rPh>
      } else if ((t.end || t.empty) && isNamed(b, t, 'sheetData')) {
        // Formatting and the rest after </sheetData> say nothing about values; only merges are read.
        tail = true;
      }
      i = next;
    }
  };

  const feed = new ByteFeed(scan);
  streamEntry(bytes, e, (chunk) => {
    feed.push(chunk);
    return !done;
  });
  if (!done) feed.end();
  return { values: rows, damaged, merges };
}

/** Every worksheet of the workbook, in tab order, hidden ones flagged. Chart sheets are left out. */
export function readXlsxSheets(bytes: Uint8Array): XlsxSheet[] {
  if (!isZip(bytes)) throw new InputError(isOle2(bytes) ? READ_ERRORS.xlsOrEncrypted : READ_ERRORS.notZip);
  const entries = zipEntries(bytes);
  const rootRels = relsOf(entries, bytes, '');
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office?.target ?? 'xl/workbook.xml';
  const wbEntry = entries.get(zipKey(wbPath));
  if (!wbEntry) throw new InputError(READ_ERRORS.notWorkbook);
  const wbXml = utf8(readEntry(bytes, wbEntry));
  const rels = relsOf(entries, bytes, wbPath);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const part = (path: string | undefined) => (path ? entries.get(zipKey(path)) : undefined);

  const sstEntry = part(byType('/sharedStrings')) ?? part('xl/sharedStrings.xml');
  const sst = sstEntry ? sharedStrings(bytes, sstEntry) : [];
  const sstDamaged = new Set<number>();
  sst.forEach((s, i) => s.includes('\ufffd') && sstDamaged.add(i));
  const stylesEntry = part(byType('/styles')) ?? part('xl/styles.xml');
  const dateStyle = stylesEntry ? dateStyles(utf8(readEntry(bytes, stylesEntry))) : [];
  const pr = tagsNamed(wbXml, 'workbookPr')[0];
  const date1904 = pr?.get('date1904') === '1' || pr?.get('date1904') === 'true';

  const sheets: XlsxSheet[] = [];
  const budget = { used: 0 };
  for (const a of tagsNamed(wbXml, 'sheet')) {
    const rel = rels.get(a.get('r:id') ?? a.get('id') ?? '');
    if (rel && !rel.type.endsWith('/worksheet')) continue;
    const name = a.get('name') ?? '';
    const e = part(rel?.target);
    if (!e) throw new InputError(READ_ERRORS.badPart(name || '?'));
    const read = readSheet(bytes, e, { name, budget, sst, sstDamaged, dateStyle, date1904 });
    const sheet: XlsxSheet = { name, hidden: /hidden/i.test(a.get('state') ?? ''), values: read.values };
    if (read.damaged?.length) sheet.damaged = read.damaged;
    if (read.merges.length) sheet.merges = read.merges;
    sheets.push(sheet);
  }
  if (!sheets.length) throw new InputError(READ_ERRORS.noSheets);
  return sheets;
}
