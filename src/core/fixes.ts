/**
 * Safe fixes (RULES.md, "Fixes"; issue 14): for each cell whose repair is certain, the value it should
 * hold. Pure data in, a plan out — the command writes the plan into a copy of the file, the add-on
 * previews it and writes it on the user's click, and `undoFixes` puts every `before` back. A plan is
 * deterministic and idempotent: planning on fixed values plans nothing. Checksums, duplicates, prefix
 * vs gender, age vs grade, swapped body values and movement are never fixed: they need a person.
 */
import { analyseSheet, type FieldValue, type SheetData } from './analysis';
import { resolveDates } from './check-date';
import { isDate } from './dates';
import { a1 } from './headers';
import { ageOnCheckDate, type Ctx } from './rules/rule';
import { band, HEIGHT_METRES, HEIGHT_RANGE, swapped, WEIGHT_GRAMS, WEIGHT_RANGE } from './rules/school';
import { parseSettings, type CheckDates, type SettingsInput } from './settings';
import { arabicDigits, collapseSpaces, DECOMPOSED_SARA_AM } from './text';
import { compact, looksLikeGcode, parseCid } from './thai-id';
import { lookupPrefix } from './vocab';
import type { Cell, FieldKey, Msg } from './types';
import type { SheetInput, WorkbookInput } from './validate';

export type FixKind =
  | 'spaces'
  | 'sara-e'
  | 'sara-am'
  | 'thai-digits'
  | 'cid-separators'
  | 'cid-leading-zero'
  | 'cid-as-text'
  | 'prefix-word'
  | 'height-metres'
  | 'weight-grams';

/** Every kind, in the order a cell's repairs are made and a preview lists them. */
export const FIX_KINDS: readonly FixKind[] = [
  'spaces',
  'sara-e',
  'sara-am',
  'thai-digits',
  'cid-separators',
  'cid-leading-zero',
  'cid-as-text',
  'prefix-word',
  'height-metres',
  'weight-grams',
];

/**
 * The rule whose finding each kind answers. null: the checker already reads the value right (Thai
 * digits, ID separators, ด.ช.), but DMC's import wants it plain — a tidy-up with no finding behind it.
 */
export const FIX_RULE: Record<FixKind, string | null> = {
  spaces: 'name.whitespace',
  'sara-e': 'name.thai-typo',
  'sara-am': 'name.thai-typo',
  'thai-digits': null,
  'cid-separators': null,
  'cid-leading-zero': 'cid.leading-zero-lost',
  'cid-as-text': 'cid.stored-as-number',
  'prefix-word': null,
  'height-metres': 'height.unit',
  'weight-grams': 'weight.unit',
};

/** What each kind does, as a preview and the command's list of changes say it. */
export const FIX_LABEL: Record<FixKind, Msg> = {
  spaces: { th: 'ลบช่องว่างเกินและอักขระที่มองไม่เห็น', en: 'extra spaces and invisible characters removed' },
  'sara-e': { th: 'เ เ (สระเอสองตัว) เป็น แ', en: 'เ+เ made แ' },
  'sara-am': { th: 'ํ + า เป็นสระอำ (ำ)', en: 'ํ + า made sara am (ำ)' },
  'thai-digits': { th: 'เลขไทยเป็นเลขอารบิก', en: 'Thai digits made Arabic' },
  'cid-separators': {
    th: "ลบช่องว่าง ขีด และเครื่องหมาย ' ในเลขประจำตัวประชาชน",
    en: "spaces, dashes and the ' marker removed from the citizen ID",
  },
  'cid-leading-zero': { th: 'เติมเลข 0 ที่หายไปข้างหน้า', en: 'lost leading 0 restored' },
  'cid-as-text': { th: 'เก็บเลขประจำตัวประชาชนเป็นข้อความ', en: 'citizen ID stored as text' },
  'prefix-word': { th: 'คำนำหน้าย่อเป็นคำเต็มตาม DMC', en: "prefix abbreviation made DMC's full word" },
  'height-metres': { th: 'ส่วนสูงจากเมตรเป็นเซนติเมตร', en: 'height from metres to centimetres' },
  'weight-grams': { th: 'น้ำหนักจากกรัมเป็นกิโลกรัม', en: 'weight from grams to kilograms' },
};

export interface Fix {
  /** The sheet's name ('' for a CSV). */
  sheet: string;
  /** 0-based row and column into the sheet's values. */
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  field: FieldKey;
  /** The repair that answers a finding when the cell needs several, else the only one. */
  kind: FixKind;
  /** Further repairs made to the same cell (one fix per cell, so any undo order restores it). */
  also?: FixKind[];
  /** The rule whose finding `kind` answers (FIX_RULE), null for a tidy-up with no finding. */
  rule: string | null;
  /** The cell as it was: what undo writes back. */
  before: Cell;
  /** The new value: text stays text, a number stays a number, a citizen ID is always text. */
  after: string | number;
  /** '@' (plain text): set the cell's number format so the ID cannot turn into a number again. */
  format?: '@';
}

export interface FixOptions {
  /** Prefix abbreviations to DMC's full words (default true). */
  prefixWords?: boolean;
  /** Only these kinds (default: all). A cell that needs a kind left out is fixed without it, or not at all. */
  kinds?: readonly FixKind[];
  /** Today, for settings that default to it (the growth band needs the age on the check date). */
  now?: Date;
  /** The file name: the academic year may come from it, as when checking. */
  source?: string;
}

/** DMC's full words that have abbreviations (ด.ช., ด.ญ., น.ส., ส.ณ.). */
const FULL_WORDS = new Set(['เด็กชาย', 'เด็กหญิง', 'นางสาว', 'สามเณร']);
const THAI_DIGIT = /[\u0e50-\u0e59]/;
/** Text a spreadsheet would run as a formula: a fix never writes one. */
const FORMULA_LIKE = /^[=+\-@]/;

/** One cell's plan before it becomes a Fix. */
interface Repair {
  after: string | number;
  kinds: FixKind[];
  format?: '@';
}

/** Spaces, เเ, ํา and (for a prefix) the full word: each made only when its kind is enabled. */
function repairName(text: string, on: (k: FixKind) => boolean, name: boolean, prefix: boolean): Repair | null {
  let t = text;
  const kinds: FixKind[] = [];
  if (on('spaces')) {
    const c = collapseSpaces(t);
    if (c !== t) {
      t = c;
      kinds.push('spaces');
    }
  }
  // Three sara e in a row could be แเ or เแ: not certain, left to a person.
  if (name && on('sara-e') && t.includes('\u0e40\u0e40') && !t.includes('\u0e40\u0e40\u0e40')) {
    t = t.replace(/\u0e40\u0e40/g, '\u0e41');
    kinds.push('sara-e');
  }
  if (name && on('sara-am') && t.includes('\u0e4d\u0e32')) {
    t = t.replace(DECOMPOSED_SARA_AM, '\u0e33');
    kinds.push('sara-am');
  }
  if (prefix && on('prefix-word')) {
    const p = lookupPrefix(t);
    if (p && FULL_WORDS.has(p.name) && t !== p.name) {
      t = p.name;
      kinds.push('prefix-word');
    }
  }
  if (!kinds.length || t === '' || FORMULA_LIKE.test(t)) return null;
  return { after: t, kinds };
}

/** Thai digits in a student number or room. */
function repairDigits(raw: Cell, on: (k: FixKind) => boolean): Repair | null {
  if (typeof raw !== 'string' || !on('thai-digits') || !THAI_DIGIT.test(raw)) return null;
  return { after: arabicDigits(raw), kinds: ['thai-digits'] };
}

/**
 * The citizen ID as 13 digits of text: Thai digits, separators and a leading apostrophe gone, a zero
 * eaten by a number cell restored when that makes a valid ID. Only when the result is 13 digits (or a
 * number cell made text): an ID of the wrong length needs a person. All its kinds, or nothing.
 */
function repairCid(raw: Cell, on: (k: FixKind) => boolean): Repair | null {
  let digits: string;
  let thai = false;
  let separators = false;
  const asText = typeof raw === 'number';
  if (typeof raw === 'number') {
    // A number that is no whole number kept only Excel's 1.1E+12 display: its digits are lost.
    if (!Number.isInteger(raw) || raw < 0 || raw >= 1e15) return null;
    digits = raw.toFixed(0);
  } else if (typeof raw === 'string') {
    if (looksLikeGcode(raw)) return null;
    digits = compact(raw);
    if (!/^\d+$/.test(digits)) return null;
    thai = THAI_DIGIT.test(raw);
    separators = compact(arabicDigits(raw)) !== arabicDigits(raw);
  } else return null;
  const zero = digits.length === 12 && parseCid(`0${digits}`).ok;
  if (!asText && !zero && digits.length !== 13) return null;
  const kinds = (
    [
      [thai, 'thai-digits'],
      [separators, 'cid-separators'],
      [zero, 'cid-leading-zero'],
      [asText, 'cid-as-text'],
    ] as const
  )
    .filter(([needed]) => needed)
    .map(([, kind]) => kind);
  if (!kinds.length || !kinds.every(on)) return null;
  return { after: zero ? `0${digits}` : digits, kinds, format: '@' };
}

/** "45000" → "45", "1.35" → "135": the decimal point moved by `by` places, exactly (no float error). */
export function shiftDecimal(s: string, by: number): string {
  const [int, frac = ''] = s.split('.') as [string, string?];
  let digits = int + frac;
  let point = int.length + by;
  if (point > digits.length) digits = digits.padEnd(point, '0');
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** A body value as plain decimal text, or null when it is not one ("45 กก.", "1e3", junk). */
function decimalText(raw: Cell): string | null {
  if (typeof raw === 'number') {
    const s = String(raw);
    return Number.isFinite(raw) && raw >= 0 && /^\d+(?:\.\d+)?$/.test(s) ? s : null;
  }
  if (typeof raw !== 'string') return null;
  const s = arabicDigits(raw).trim();
  return /^\d+(?:\.\d+)?$/.test(s) ? s : null;
}

const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

interface BodyRepair extends Repair {
  /** The value as a number after the repair (kg or cm), for the swap check. */
  value: number;
}

/**
 * Weight in grams → kg, height in metres → cm, only when the result lies in the growth band for the
 * student's age (no age, no fix); Thai digits → Arabic in any case.
 */
function repairBody(
  field: 'weight' | 'height',
  raw: Cell,
  age: number | null,
  on: (k: FixKind) => boolean,
): BodyRepair | null {
  const unitKind: FixKind = field === 'weight' ? 'weight-grams' : 'height-metres';
  const text = decimalText(raw);
  const n = text === null ? Number.NaN : Number(text);
  const looksOff = field === 'weight' ? n > WEIGHT_GRAMS : within(n, HEIGHT_METRES[0], HEIGHT_METRES[1]);
  const b = band(age);
  if (text !== null && looksOff && b && on(unitKind)) {
    const moved = shiftDecimal(text, field === 'weight' ? -3 : 2);
    const v = Number(moved);
    const [lo, hi] = field === 'weight' ? WEIGHT_RANGE : HEIGHT_RANGE;
    const [bl, bh] = field === 'weight' ? [b[0], b[1]] : [b[2], b[3]];
    const hasThai = typeof raw === 'string' && THAI_DIGIT.test(raw);
    if (within(v, lo, hi) && within(v, bl, bh) && (!hasThai || on('thai-digits'))) {
      const kinds: FixKind[] = hasThai ? ['thai-digits', unitKind] : [unitKind];
      return { after: typeof raw === 'number' ? v : moved, kinds, value: v };
    }
  }
  return digitsOnly(raw, on);
}

/** Only the Thai digits of a body value made Arabic: no conversion of units. */
function digitsOnly(raw: Cell, on: (k: FixKind) => boolean): BodyRepair | null {
  const digits = repairDigits(raw, on);
  return digits && { ...digits, value: Number.NaN };
}

/** The kind that answers a finding leads; the rest ride along. */
function toFix(sheet: SheetData, row: number, col: number, field: FieldKey, r: Repair): Fix {
  const kind = r.kinds.find((k) => FIX_RULE[k] !== null) ?? r.kinds[0]!;
  const also = r.kinds.filter((k) => k !== kind);
  const fix: Fix = {
    sheet: sheet.name,
    row,
    col,
    cell: a1(row, col),
    field,
    kind,
    rule: FIX_RULE[kind],
    before: sheet.values[row]?.[col],
    after: r.after,
  };
  if (also.length) fix.also = also;
  if (r.format) fix.format = r.format;
  return fix;
}

function enabled(options: FixOptions): (k: FixKind) => boolean {
  const kinds = new Set(options.kinds ?? FIX_KINDS);
  if (options.prefixWords === false) kinds.delete('prefix-word');
  return (k) => kinds.has(k);
}

/** A repair per distinct value of a column (the same text repairs the same way on every row). */
function perValue(
  data: SheetData,
  field: FieldKey,
  col: number,
  repair: (v: FieldValue) => Repair | null,
  out: Fix[],
  skip: (row: number, col: number) => boolean,
): void {
  const column = data.columns[field];
  const plans = column.values.map((v) => (v.blank ? null : repair(v)));
  for (let i = 0; i < data.rows.length; i++) {
    const plan = plans[column.codes[i]!];
    const row = data.rows[i]!;
    if (plan && !skip(row, col)) out.push(toFix(data, row, col, field, plan));
  }
}

/** The fixes of one analysed sheet, in row then column order. */
function planSheet(data: SheetData, dates: CheckDates, damaged: SheetInput['damaged'], options: FixOptions): Fix[] {
  const on = enabled(options);
  const out: Fix[] = [];
  const hurt = new Set((damaged ?? []).map((d) => `${d.row}:${d.col}`));
  // Cells whose bytes were damaged are never rewritten: what they held is not known.
  const skip = (row: number, col: number) => hurt.has(`${row}:${col}`);
  const cols = data.map.columns;
  // Only text is repaired as a name; a cell with damaged bytes (U+FFFD) never is.
  const nameRepair = (name: boolean, prefix: boolean) => (v: FieldValue) =>
    typeof v.raw === 'string' && !v.raw.includes('\ufffd') ? repairName(v.raw, on, name, prefix) : null;

  const names: Array<[FieldKey, boolean, boolean]> = [
    ['prefix', false, true],
    ['firstName', true, false],
    ['lastName', true, false],
  ];
  for (const [field, name, prefix] of names) {
    const col = cols[field];
    if (col !== undefined) perValue(data, field, col, nameRepair(name, prefix), out, skip);
  }
  // A full-name column is the names' cell when the sheet has no first-name column of its own.
  if (cols.fullName !== undefined && cols.firstName === undefined) {
    perValue(data, 'fullName', cols.fullName, nameRepair(true, false), out, skip);
  }
  if (cols.cid !== undefined) perValue(data, 'cid', cols.cid, (v) => repairCid(v.raw, on), out, skip);
  for (const field of ['sid', 'room'] as const) {
    const col = cols[field];
    if (col !== undefined) perValue(data, field, col, (v) => repairDigits(v.raw, on), out, skip);
  }

  // Weight and height: per student, since the band depends on the age.
  const wCol = cols.weight;
  const hCol = cols.height;
  if (wCol !== undefined || hCol !== undefined) {
    const ctx: Ctx = { map: data.map, dates, has: () => true, sheetNames: [data.name], damaged: [] };
    const { weight, height, dob } = data.columns;
    for (let i = 0; i < data.rows.length; i++) {
      const row = data.rows[i]!;
      const w = weight.values[weight.codes[i]!]!;
      const h = height.values[height.codes[i]!]!;
      const age = ageOnCheckDate(dob.values[dob.codes[i]!]!.v, ctx);
      let wr = wCol === undefined || w.blank || skip(row, wCol) ? null : repairBody('weight', w.raw, age, on);
      let hr = hCol === undefined || h.blank || skip(row, hCol) ? null : repairBody('height', h.raw, age, on);
      // A conversion that would make the pair look swapped is not certain: leave both units alone.
      const fw = wr && !Number.isNaN(wr.value) ? wr.value : w.v;
      const fh = hr && !Number.isNaN(hr.value) ? hr.value : h.v;
      if (fw > 0 && fh > 0 && swapped(fw, fh)) {
        if (wr && !Number.isNaN(wr.value)) wr = digitsOnly(w.raw, on);
        if (hr && !Number.isNaN(hr.value)) hr = digitsOnly(h.raw, on);
      }
      if (wr) out.push(toFix(data, row, wCol!, 'weight', wr));
      if (hr) out.push(toFix(data, row, hCol!, 'height', hr));
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

function datesFor(settings: SettingsInput | undefined, sheets: readonly SheetInput[], options: FixOptions) {
  const { settings: s } = parseSettings(settings);
  const { dates } = resolveDates(s, { source: options.source, sheets: sheets.map((x) => x.values) }, options.now);
  return { dates, headerRow: s.headerRow };
}

/** The fixes of one sheet (none when it has no roster header). */
export function planFixes(sheet: SheetInput, settings?: SettingsInput, options: FixOptions = {}): Fix[] {
  const { dates, headerRow } = datesFor(settings, [sheet], options);
  const data = analyseSheet(0, sheet.name, sheet.values, headerRow);
  return data ? planSheet(data, dates, sheet.damaged, options) : [];
}

/** The fixes of every roster sheet of a workbook, the check date inferred once as validateWorkbook does. */
export function planWorkbookFixes(input: WorkbookInput, settings?: SettingsInput, options: FixOptions = {}): Fix[] {
  const { dates, headerRow } = datesFor(settings, input.sheets, { source: input.source, ...options });
  return input.sheets.flatMap((sheet, i) => {
    const data = analyseSheet(i, sheet.name, sheet.values, headerRow);
    return data ? planSheet(data, dates, sheet.damaged, options) : [];
  });
}

/** Two cells hold the same value (dates by their time). */
export function sameCell(a: Cell, b: Cell): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return Object.is(a ?? '', b ?? '');
}

function rewrite(
  values: readonly (readonly Cell[])[],
  fixes: readonly Fix[],
  from: (f: Fix) => Cell,
  to: (f: Fix) => Cell,
): Cell[][] {
  const out = values.slice() as Cell[][];
  const copied = new Set<number>();
  for (const f of fixes) {
    const row = out[f.row];
    if (!row || !sameCell(row[f.col], from(f))) continue;
    if (!copied.has(f.row)) {
      out[f.row] = row.slice();
      copied.add(f.row);
    }
    out[f.row]![f.col] = to(f);
  }
  return out;
}

/**
 * The values with the fixes made (pure: the input is not touched). A fix whose cell no longer holds
 * its `before` (someone edited it since the plan) is left out.
 */
export function applyFixes(values: readonly (readonly Cell[])[], fixes: readonly Fix[]): Cell[][] {
  return rewrite(
    values,
    fixes,
    (f) => f.before,
    (f) => f.after,
  );
}

/** Undo: every cell that still holds its fix's `after` gets its `before` back; a cell edited since keeps the edit. */
export function undoFixes(values: readonly (readonly Cell[])[], fixes: readonly Fix[]): Cell[][] {
  return rewrite(
    values,
    fixes,
    (f) => f.after,
    (f) => f.before,
  );
}

/** Fixes counted by kind (each fix once, under its leading kind), in FIX_KINDS order. */
export function countByKind(fixes: readonly Fix[]): Array<[FixKind, number]> {
  const n = new Map<FixKind, number>();
  for (const f of fixes) n.set(f.kind, (n.get(f.kind) ?? 0) + 1);
  return FIX_KINDS.filter((k) => n.has(k)).map((k) => [k, n.get(k)!]);
}
