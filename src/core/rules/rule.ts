/**
 * What a rule is: an ID, a severity, a field, its messages and one kind of check, declared as data the
 * engine compiles. A row rule names the fields it reads and is a pure function of their derived
 * values, so the engine runs it once per distinct combination of those values, not once per row.
 */
import type { FieldValue, ShapedKey } from '../analysis';
import { ageOn, compareYmd, type DateParse } from '../dates';
import type { CheckDates } from '../settings';
import type { HeaderMap } from '../headers';
import type { FieldKey, Msg, Severity } from '../types';

export { FIELD_LABEL } from '../fields';

/** One firing of a rule: which field (when the rule covers several), the value, message parameters. */
export type Hit = { field?: FieldKey; value?: string; col?: number } & {
  [param: string]: string | number | undefined;
};

export interface Ctx {
  map: HeaderMap;
  dates: CheckDates;
  /** The field has a column (prefix and names also when a fullName column is split). */
  has(field: FieldKey): boolean;
  /** Names of the sheets checked together, by index. */
  sheetNames: readonly string[];
  /** Cells of this sheet whose bytes were not valid in the file's encoding (0-based). */
  damaged: ReadonlyArray<{ row: number; col: number }>;
}

export type RowResult = Hit | Hit[] | boolean | null | undefined;

/** The values a row rule reads, by field. */
export type View<P extends readonly FieldKey[]> = { readonly [K in P[number]]: FieldValue<K> };

/** Students of one sheet or of every sheet checked together, for rules over the whole table. */
export interface Roster {
  readonly size: number;
  /** Index of the student's sheet. */
  sheet(i: number): number;
  /** 1-based sheet row. */
  row(i: number): number;
  get<F extends FieldKey>(field: F, i: number): FieldValue<F>;
  /**
   * A number per student for a key of a field's value (-1 for null): equal keys, equal numbers; the key
   * is made once per distinct value. `count` is how many numbers were given.
   */
  ids<F extends FieldKey>(field: F, keyOf: (v: FieldValue<F>) => string | null): { ids: Int32Array; count: number };
  /**
   * Students whose keys (as for `ids`) are equal: groups of two or more, in order of their first student,
   * each in row order.
   */
  groups<F extends FieldKey>(
    field: F,
    keyOf: (v: FieldValue<F>) => string | null,
    /** How a value of a shape (see shapeOf) is keyed from its text alone (see ShapedKey). */
    shapedKey?: ShapedKey,
  ): number[][];
}

export interface RuleDef<P extends readonly FieldKey[] = readonly FieldKey[]> {
  id: string;
  severity: Severity;
  /** The field whose cell is marked; null for findings about the whole sheet. */
  field: FieldKey | null;
  /** Columns the rule needs; without them it is skipped, not failed. */
  needs: FieldKey[];
  /** What the rule checks and what to do: the heading of its group in reports. */
  about: Msg;
  /** The message of one finding. */
  say(hit: Hit): Msg;
  /** The fields a row rule reads (absent ones read as blank, status as present). */
  reads?: P;
  /** A row rule: a pure function of the values it reads. */
  check?(v: View<P>, ctx: Ctx): RowResult;
  /**
   * A cell rule: one value of one field of `each` at a time (hits name that field unless they name
   * another), run once per distinct value of each column — names are nearly all distinct as pairs, but
   * a surname repeats.
   */
  each?: P;
  cell?(v: FieldValue<P[number]>, field: P[number], ctx: Ctx): Hit | boolean | null;
  /** Over the students of one sheet, or of every sheet checked together with `scope: 'workbook'`. */
  table?(roster: Roster, ctx: Ctx): Iterable<[number, Hit]>;
  /** Duplicates are the same school's duplicates across the sheets of a workbook. */
  scope?: 'sheet' | 'workbook';
  sheet?(map: HeaderMap | null, ctx: Ctx): Hit[];
  /** Findings about the whole roster (every sheet checked together), reported once. */
  roster?(roster: Roster, ctx: Ctx): Hit[];
}

/** A rule whose `check` sees exactly the fields it `reads`, typed. */
export function defineRule<const P extends readonly FieldKey[]>(rule: RuleDef<P>): RuleDef {
  return rule as unknown as RuleDef;
}

export function defineRules(...rules: RuleDef[]): RuleDef[] {
  return rules;
}

/** Whole years on the check date, or null without a usable, past date of birth. */
export function ageOnCheckDate(dob: DateParse | null, ctx: Ctx): number | null {
  if (!dob?.ok || compareYmd(dob.date, ctx.dates.asOf) > 0) return null;
  return ageOn(dob.date, ctx.dates.asOf);
}

/** «value» quoted for messages; empty shows as a dash. */
export function q(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return s === '' ? '«—»' : `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
}

/** "first name" → "First name", for English messages that open with a field's label. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
