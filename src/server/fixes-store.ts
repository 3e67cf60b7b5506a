/**
 * The undo record of fixes (issue 14), kept by the rules marks follow (DESIGN.md, "Marks must never get
 * stuck"). Write-ahead: a record goes into the hidden sheet's column (slot) the current record is not in,
 * and the old column is emptied only after, so a failure at any call leaves a complete record. Self-
 * describing: each entry names its sheet (id and name), its field, the value before and after and the
 * number format it had; every entry is validated when read. Rows are found again by a fingerprint of what
 * they hold (marks' rowParts) after inserts, deletes and sorts; columns by the field their header names.
 */
import { isDate } from '../core/dates';
import { FIELD_KEYS, type FieldKey } from '../core/fields';
import { sameCell } from '../core/fixes';
import { cellText, type HeaderMap } from '../core/headers';
import { frameRecord, framedRecords, hash } from '../core/framed';
import { rowParts } from '../core/marks';
import type { Cell } from '../core/types';
import { FIXES_SHEET } from './sheets';
import { dropSlots, openSlots, writeSlots, type SlotHandle, type SlotKind } from './slot-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Values = readonly (readonly Cell[])[];

/**
 * One fixed cell: column, field, what it held (`b`), what the fix wrote (`a`), what earlier fixes wrote before
 * a later one fixed it again (`m`: a failure part-way can leave any of them), the format it had if a fix set '@'.
 */
export interface FixedCell {
  c: number;
  k: FieldKey;
  b: Cell;
  a: Cell;
  m?: Cell[];
  f?: string;
}

/** The cell holds what a fix wrote there (the last fix, or an earlier one a later fix had not yet replaced). */
export function holdsFix(v: Cell, cell: FixedCell): boolean {
  return sameCell(v, cell.a) || (cell.m ?? []).some((x) => sameCell(v, x));
}

/**
 * A row with fixed cells, and how to recognise it again: `fp` the fingerprint of the row as fixed, `fb` as
 * it was (both: whole-row hash, then one hash per identifying field).
 */
export interface FixedRow {
  r: number;
  fp: string[];
  fb: string[];
  cells: FixedCell[];
}

export interface FixedSheet {
  id: number;
  name: string;
  /** Fields whose cells identify a row, and their columns when written (used when no header is found). */
  fpFields: FieldKey[];
  fpCols: number[];
  rows: FixedRow[];
}

export interface FixRecord {
  /** Grows with every record written: of two complete records, the newer holds. */
  seq: number;
  sheets: FixedSheet[];
}

export interface RecordRead {
  record: FixRecord | null;
  /** Entries that failed validation and were skipped. */
  bad: number;
  /** Something was there but no complete record could be read from it. */
  damaged: boolean;
}

/** Fields that tell students apart, in the order their hashes are kept. */
const ID_FIELDS: readonly FieldKey[] = ['cid', 'sid', 'firstName', 'lastName', 'fullName', 'dob'];

export function countCells(record: FixRecord | null): number {
  let n = 0;
  for (const s of record?.sheets ?? []) for (const r of s.rows) n += r.cells.length;
  return n;
}

// ---------------------------------------------------------------- serialising and validating

/** Apps Script cells hold 50,000 characters; chunks stay well below. */
const VERSION = 1;
const HEADER = 'DMC-FIXES';

/** A value as JSON holds it: a date as {d: its time}. */
function encode(v: Cell): string | number | boolean | { d: number } {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return { d: v.getTime() };
  return v;
}

/** undefined: not a value a cell can hold. */
function decode(x: unknown): Cell | undefined {
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (x && typeof x === 'object' && Object.keys(x).length === 1 && typeof (x as { d?: unknown }).d === 'number') {
    const t = (x as { d: number }).d;
    return Number.isFinite(t) ? new Date(t) : undefined;
  }
  return undefined;
}

/** A record for one column of the hidden sheet: a header line (sequence, chunk count, length, hash), then chunks. */
export function serialiseRecord(record: FixRecord): string[] {
  const sheets = record.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((r) => ({
      ...r,
      cells: r.cells.map((c) => ({ ...c, b: encode(c.b), a: encode(c.a), ...(c.m ? { m: c.m.map(encode) } : {}) })),
    })),
  }));
  return frameRecord(HEADER, VERSION, record.seq, { sheets });
}

const isInt = (x: unknown, min = 0): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const FIELD_SET = new Set<string>(FIELD_KEYS);
const isField = (x: unknown): x is FieldKey => typeof x === 'string' && FIELD_SET.has(x);

function validCell(x: unknown): FixedCell | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  const b = decode(o.b);
  const a = decode(o.a);
  if (!isInt(o.c) || !isField(o.k) || b === undefined || a === undefined) return null;
  // A fix always writes something, and something else than was there.
  if (a === '' || sameCell(a, b)) return null;
  if (o.f !== undefined && typeof o.f !== 'string') return null;
  const m = o.m === undefined ? undefined : Array.isArray(o.m) ? o.m.map(decode) : [undefined];
  if (m && m.some((x) => x === undefined)) return null;
  return { c: o.c, k: o.k, b, a, ...(m ? { m: m as Cell[] } : {}), ...(typeof o.f === 'string' ? { f: o.f } : {}) };
}

function validSheets(list: unknown): { sheets: FixedSheet[]; bad: number } {
  let bad = 0;
  const sheets: FixedSheet[] = [];
  const cellsIn = (rows: unknown) =>
    Array.isArray(rows)
      ? rows.reduce<number>((n, r) => n + Math.max(1, Array.isArray(r?.cells) ? r.cells.length : 0), 0)
      : 1;
  for (const x of Array.isArray(list) ? list : []) {
    const o = (x ?? {}) as Record<string, unknown>;
    if (!isInt(o.id) || !Array.isArray(o.rows)) {
      bad += cellsIn(o.rows);
      continue;
    }
    const fpFields = Array.isArray(o.fpFields) && o.fpFields.every(isField) ? o.fpFields : [];
    const fpCols =
      Array.isArray(o.fpCols) && o.fpCols.length === fpFields.length && o.fpCols.every((c) => isInt(c))
        ? (o.fpCols as number[])
        : fpFields.map(() => -1);
    const rows: FixedRow[] = [];
    for (const y of o.rows) {
      const row = (y ?? {}) as Record<string, unknown>;
      if (!isInt(row.r) || !Array.isArray(row.cells)) {
        bad += Array.isArray(row.cells) ? Math.max(1, row.cells.length) : 1;
        continue;
      }
      const cells: FixedCell[] = [];
      for (const z of row.cells) {
        const cell = validCell(z);
        if (cell) cells.push(cell);
        else bad++;
      }
      const fp = (p: unknown) => (isStrings(p) && p.length === fpFields.length + 1 ? p : []);
      if (cells.length) rows.push({ r: row.r, fp: fp(row.fp), fb: fp(row.fb), cells });
    }
    sheets.push({ id: o.id, name: typeof o.name === 'string' ? o.name : '', fpFields, fpCols, rows });
  }
  return { sheets, bad };
}

/** Reads one column of the hidden sheet: its newest complete record, entries that fail validation skipped. */
export function parseRecord(column: readonly Cell[]): RecordRead {
  const lines = column.map((v) => (v === null || v === undefined ? '' : String(v)));
  let best: { seq: number; sheets: FixedSheet[]; bad: number } | null = null;
  for (const { seq, body } of framedRecords(lines, HEADER, VERSION)) {
    if (!best || seq > best.seq) best = { seq, ...validSheets(body.sheets) };
  }
  if (best) {
    const b = best as { seq: number; sheets: FixedSheet[]; bad: number };
    return { record: { seq: b.seq, sheets: b.sheets }, bad: b.bad, damaged: false };
  }
  return { record: null, bad: 0, damaged: lines.some((l) => l.trim() !== '') };
}

// ---------------------------------------------------------------- the hidden sheet (slot-store.ts)

export type RecordHandle = SlotHandle<RecordRead>;

const FIXES: SlotKind<RecordRead> = {
  sheet: FIXES_SHEET,
  parse: parseRecord,
  seq: (r) => r.record?.seq ?? null,
  none: { record: null, bad: 0, damaged: false },
};

/** One read of the hidden sheet; a missing, edited or cut-short record reads as such, never throws. */
export const openRecord = (ss: Spreadsheet): RecordHandle => openSlots(ss, FIXES);

/** Writes a record into the other column, then empties the old one (and anything typed beside them). */
export const writeRecord = (ss: Spreadsheet, handle: RecordHandle, record: FixRecord, keepActive: Sheet): void =>
  writeSlots(ss, FIXES, handle, serialiseRecord(record), keepActive);

/** Removes the record once nothing is left to undo. */
export const dropRecord = (ss: Spreadsheet, handle: RecordHandle): void => dropSlots(ss, handle);

// ---------------------------------------------------------------- finding fixed cells again

/** A column of a field now: the saved one while its header still names the field, else the field's column. */
export function columnOf(map: HeaderMap | null, c: number, k: FieldKey): number {
  if (!map) return c;
  const now = map.columns[k];
  if (now === undefined || now === c) return c;
  return map.duplicates.some((d) => d.field === k && d.column === c) ? c : now;
}

/** One hash per identifying column, as marks' rowParts makes them ('' for an empty cell). */
function idParts(row: readonly Cell[] | undefined, cols: readonly number[]): string[] {
  return cols.map((c) => {
    const t = c < 0 ? '' : cellText(row?.[c]).trim();
    return t ? hash(t) : '';
  });
}

const wholeRow = (row: readonly Cell[] | undefined): string => rowParts(row, [])[0]!;

/** Candidates from one index beyond this many rows identify nothing (e.g. a common last name). */
const BUCKET = 16;
/**
 * Whole row 4, an identifying cell 2, a fixed cell holding its value before or after 1, the old position 1.
 * An identifying cell that holds something else counts against: 4 for a citizen ID or a student number (two
 * students may share a name and a birth date, never those), 2 for the others. Undo writes values back, so a
 * row is taken for the one fixed only when what agrees outweighs what does not.
 */
const ENOUGH = 4;
const AGAINST: Partial<Record<FieldKey, number>> = { cid: 4, sid: 4 };

/**
 * Where each saved row is now: the row that best shares its fingerprint (as fixed or as it was) and holds
 * its fixed cells' values, each row taken once, the old position breaking ties; -1 when none fits.
 */
export function locateRows(sheet: FixedSheet, values: Values, map: HeaderMap | null): number[] {
  const n = values.length;
  const cols = sheet.fpFields.map((k, j) => (map ? (map.columns[k] ?? -1) : (sheet.fpCols[j] ?? -1)));
  const parts = Array.from({ length: n }, (_, i) => idParts(values[i], cols));
  const byPart = cols.map((_, k) => {
    const m = new Map<string, number[]>();
    parts.forEach((p, i) => {
      const key = p[k]!;
      if (!key) return;
      const list = m.get(key);
      if (list) list.push(i);
      else m.set(key, [i]);
    });
    return m;
  });
  const wholes = new Map<number, string>();
  const whole = (i: number) => {
    let h = wholes.get(i);
    if (h === undefined) wholes.set(i, (h = wholeRow(values[i])));
    return h;
  };
  const pairs: Array<{ s: number; i: number; score: number; dist: number }> = [];
  sheet.rows.forEach((row, s) => {
    const seen = new Set<number>();
    const add = (list: readonly number[] | undefined) => {
      if (list && list.length <= BUCKET) for (const i of list) seen.add(i);
    };
    for (let k = 0; k < cols.length; k++) {
      for (const fp of [row.fp, row.fb]) if (fp[k + 1]) add(byPart[k]!.get(fp[k + 1]!));
    }
    if (row.r < n) seen.add(row.r);
    const cellCols = row.cells.map((cell) => columnOf(map, cell.c, cell.k));
    for (const i of seen) {
      let score = row.r === i ? 1 : 0;
      const w = row.fp[0] || row.fb[0] ? whole(i) : '';
      if (w && (w === row.fp[0] || w === row.fb[0])) score += 4;
      const p = parts[i]!;
      for (let k = 0; k < cols.length; k++) {
        if (!p[k] || !(row.fp[k + 1] || row.fb[k + 1])) continue;
        if (p[k] === row.fp[k + 1] || p[k] === row.fb[k + 1]) score += 2;
        else score -= AGAINST[sheet.fpFields[k]!] ?? 2;
      }
      row.cells.forEach((cell, j) => {
        const v = values[i]?.[cellCols[j]!];
        if (holdsFix(v, cell) || sameCell(v, cell.b)) score += 1;
      });
      if (score >= ENOUGH) pairs.push({ s, i, score, dist: Math.abs(i - row.r) });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.dist - b.dist || a.s - b.s);
  const where = sheet.rows.map(() => -1);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (where[p.s] !== -1 || taken.has(p.i)) continue;
    where[p.s] = p.i;
    taken.add(p.i);
  }
  return where;
}

/** A saved cell where it is now (0-based row and column). */
export interface PlacedCell {
  r: number;
  c: number;
  cell: FixedCell;
}

/** Every saved cell of a sheet found again, and how many were not (their rows deleted or changed past recognition). */
export function placeCells(
  sheet: FixedSheet,
  values: Values,
  map: HeaderMap | null,
): { placed: PlacedCell[]; missing: number } {
  const where = locateRows(sheet, values, map);
  const placed: PlacedCell[] = [];
  let missing = 0;
  sheet.rows.forEach((row, s) => {
    const r = where[s]!;
    for (const cell of row.cells) {
      if (r < 0) missing++;
      else placed.push({ r, c: columnOf(map, cell.c, cell.k), cell });
    }
  });
  return { placed, missing };
}

// ---------------------------------------------------------------- a new record

/** A fix about to be written: where, what, and the format the cell has now when the fix makes it '@'. */
export interface Writing {
  row: number;
  col: number;
  field: FieldKey;
  before: Cell;
  after: Cell;
  format?: string;
}

/**
 * The sheet's record once these fixes are written: earlier entries found again and carried over (a cell
 * fixed again keeps its first value before while the user has not changed it since), entries whose row is
 * not found kept as they were, and fingerprints of each row as fixed and as it was.
 */
export function mergeSheet(
  old: FixedSheet | undefined,
  sheet: { id: number; name: string },
  values: Values,
  applied: Values,
  map: HeaderMap,
  fixes: readonly Writing[],
): FixedSheet {
  const byRow = new Map<number, Map<number, FixedCell>>();
  const put = (r: number, cell: FixedCell) => {
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(cell.c, cell);
  };
  const stray: FixedRow[] = [];
  if (old) {
    const where = locateRows(old, values, map);
    old.rows.forEach((row, s) => {
      const r = where[s]!;
      if (r < 0) stray.push(row);
      else for (const cell of row.cells) put(r, { ...cell, c: columnOf(map, cell.c, cell.k) });
    });
  }
  for (const f of fixes) {
    const prev = byRow.get(f.row)?.get(f.col);
    const unchanged = prev !== undefined && holdsFix(values[f.row]?.[f.col], prev);
    const b = unchanged ? prev.b : f.before;
    // Until the new value is written, the cell still holds an earlier fix's: undo must know it as ours.
    const m = unchanged ? [...(prev.m ?? []), prev.a].filter((x) => !sameCell(x, f.after)) : [];
    // The format the first fix replaced stays the one undo gives back, whatever was typed since.
    const format = prev?.f !== undefined ? prev.f : f.format;
    if (sameCell(b, f.after)) {
      byRow.get(f.row)!.delete(f.col);
      continue;
    }
    put(f.row, {
      c: f.col,
      k: f.field,
      b,
      a: f.after,
      ...(m.length ? { m } : {}),
      ...(format !== undefined ? { f: format } : {}),
    });
  }
  const fpFields = old?.fpFields.length ? old.fpFields : ID_FIELDS.filter((k) => map.columns[k] !== undefined);
  const fpCols = fpFields.map((k) => map.columns[k] ?? -1);
  const rows: FixedRow[] = [];
  for (const [r, cells] of [...byRow].sort((x, y) => x[0] - y[0])) {
    if (!cells.size) continue;
    const list = [...cells.values()].sort((x, y) => x.c - y.c);
    const was = (applied[r] ?? []).slice();
    for (const cell of list) was[cell.c] = cell.b;
    rows.push({ r, fp: rowParts(applied[r], fpCols), fb: rowParts(was, fpCols), cells: list });
  }
  return { ...sheet, fpFields, fpCols, rows: rows.concat(stray) };
}
