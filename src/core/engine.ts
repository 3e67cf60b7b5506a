/**
 * Runs compiled rules over sheets read into columns. Row rules that read the same fields form one
 * group; a group is evaluated once per distinct combination of its fields' codes, and every row with
 * that combination reuses the result. Cost tracks distinct values and findings, not rows × rules.
 */
import {
  studentKeyNumbers,
  type Coded,
  type Column,
  type FieldValue,
  type ShapedKey,
  type SheetData,
} from './analysis';
import { digitsKey } from './digits-key';
import { DenseIds } from './dense-ids';
import type { Ctx, Hit, Roster, RowResult, RuleDef } from './rules/rule';
import type { FieldKey } from './types';

/** A rule's hits on one student. */
export type Fired = [rule: RuleDef, hits: Hit[]];

function hitsOf(r: RowResult): Hit[] | null {
  if (!r) return null;
  if (r === true) return [{}];
  if (Array.isArray(r)) return r.length ? r : null;
  return [r];
}

interface Group {
  fields: FieldKey[];
  rules: RuleDef[];
}

/**
 * Every cell rule on every student: each distinct value of each field it names is checked once, and a
 * student's hits come in the order of the rule's fields.
 */
export function runCellRules(
  sheet: SheetData,
  rules: readonly RuleDef[],
  ctx: Ctx,
  fired: (student: number, results: readonly Fired[]) => void,
): void {
  const n = sheet.rows.length;
  for (const rule of rules) {
    if (!rule.cell || !rule.each) continue;
    const perField = rule.each.map((field) => {
      const c = sheet.columns[field] as Column;
      const byValue = c.values.map((v) => {
        const hits = hitsOf(rule.cell!(v as never, field, ctx));
        return hits && hits.map((h) => (h.field ? h : { field, ...h }));
      });
      return { codes: c.codes, byValue };
    });
    // No value fires (the usual case): no student to visit.
    if (!perField.some((f) => f.byValue.some((h) => h !== null))) continue;
    for (let i = 0; i < n; i++) {
      let hits: Hit[] | null = null;
      for (let k = 0; k < perField.length; k++) {
        const f = perField[k]!;
        const h = f.byValue[f.codes[i]!];
        if (h) hits = hits ? hits.concat(h) : h;
      }
      if (hits) fired(i, [[rule, hits]]);
    }
  }
}

/** Row rules grouped by the fields they read, in first-rule order. */
export function groupRules(rules: readonly RuleDef[]): Group[] {
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    if (!rule.check) continue;
    const fields = [...(rule.reads ?? [])].sort();
    const key = fields.join('|');
    const g = groups.get(key);
    if (g) g.rules.push(rule);
    else groups.set(key, { fields, rules: [rule] });
  }
  return [...groups.values()];
}

/**
 * Every row rule of `groups` on every student of the sheet; `fired(student, results)` receives each
 * student's non-empty results in group order (results are shared between students: never mutate them).
 */
export function runRowRules(
  sheet: SheetData,
  groups: readonly Group[],
  ctx: Ctx,
  fired: (student: number, results: readonly Fired[]) => void,
): void {
  const n = sheet.rows.length;
  for (const g of groups) {
    // A field of mostly distinct values is read through its shapes: rows alike to the row rules.
    const cols = g.fields.map((f): Coded => {
      const c = sheet.columns[f] as Column;
      return c.shapes ?? c;
    });
    const codes = cols.map((c) => c.codes);
    const sizes = cols.map((c) => c.values.length);
    const view: Record<string, FieldValue> = {};
    const evaluateView = (): Fired[] | null => {
      let out: Fired[] | null = null;
      for (const rule of g.rules) {
        const hits = hitsOf(rule.check!(view as never, ctx));
        if (hits) (out ??= []).push([rule, hits]);
      }
      return out;
    };
    const evaluate = (i: number): Fired[] | null => {
      for (let k = 0; k < cols.length; k++) view[g.fields[k]!] = cols[k]!.values[codes[k]![i]!]!;
      return evaluateView();
    };
    /** Students from `from` on, each evaluated on its own. */
    const oneByOne = (from: number) => {
      for (let i = from; i < n; i++) {
        const r = evaluate(i);
        if (r) fired(i, r);
      }
    };
    /** A mixed-radix number naming student i's combination of codes: no string and no object per row. */
    const combination = (i: number) => {
      let key = 0;
      for (let k = 0; k < codes.length; k++) key = key * sizes[k]! + codes[k]![i]!;
      return key;
    };
    const space = sizes.reduce((a, b) => a * b, 1);
    if (cols.length === 1 || space <= Math.max(n / 4, UPFRONT_SPACE)) {
      // Few combinations (or one field): each evaluated up front, and the students visited only when one
      // fires — with few findings, most groups never look at a row.
      const results = new Array<Fired[] | null>(space);
      let fires = false;
      for (let key = 0; key < space; key++) {
        let rest = key;
        for (let k = cols.length - 1; k >= 0; k--) {
          const code = rest % sizes[k]!;
          rest = (rest - code) / sizes[k]!;
          view[g.fields[k]!] = cols[k]!.values[code]!;
        }
        fires = (results[key] = evaluateView()) !== null || fires;
      }
      if (!fires) continue;
      for (let i = 0; i < n; i++) {
        const r = results[combination(i)];
        if (r) fired(i, r);
      }
      continue;
    }
    if (Math.max(...sizes) * 2 > n || space >= 2 ** 52) {
      // A column of mostly distinct values (IDs, student numbers): nothing to share, so no memory.
      oneByOne(0);
      continue;
    }
    // Combinations numbered as the students show them: a small space through a direct table, a large one
    // through a hash table, given up when the first rows share too little.
    const direct = space <= DIRECT_SPACE ? new Int32Array(space).fill(-1) : null;
    // Sized for the sample, grown only while the rows share: a table sized for every row would have its
    // pages touched all over by the sample's few thousand keys, and fresh memory is slow to touch.
    const seen = direct ? null : new DenseIds(Math.min(space, SHARE_SAMPLE));
    const results: Array<Fired[] | null> = [];
    let i = 0;
    for (; i < n; i++) {
      const key = combination(i);
      let id: number;
      if (direct) {
        id = direct[key]!;
        if (id < 0) id = direct[key] = results.length;
      } else {
        if (i === SHARE_SAMPLE && results.length * 2 > i) break;
        id = seen!.id(key);
      }
      const r = id === results.length ? (results[id] = evaluate(i)) : results[id]!;
      if (r) fired(i, r);
    }
    oneByOne(i);
  }
}

/** Combinations always evaluated up front when there are no more than this (else up to a quarter of the students). */
const UPFRONT_SPACE = 64;
/** Combinations of codes numbered through a plain table up to this many (4 MB). */
const DIRECT_SPACE = 1 << 20;
/** Rows after which a hash table of combinations is given up if more than half of them were new. */
const SHARE_SAMPLE = 4096;

/** The students of several sheets as one table: index i runs over the sheets in order. */
export function rosterOf(sheets: readonly SheetData[]): Roster & { locate(i: number): [SheetData, number] } {
  const ids = <F extends FieldKey>(field: F, keyOf: (v: FieldValue<F>) => string | null) => {
    const out = new Int32Array(size);
    // Keys of digits (citizen IDs, student numbers: a number per student) are numbered in typed arrays;
    // other keys in a Map; both share one count.
    const canon = new Map<string, number>();
    const distinct = sheets.reduce((n, s) => n + s.columns[field].values.length, 0);
    const numeric = new DenseIds(distinct);
    const numericId = new Int32Array(distinct);
    let count = 0;
    let at = 0;
    for (const s of sheets) {
      const c = s.columns[field];
      // Each distinct value's key is made once; equal keys get one number.
      const byCode = new Int32Array(c.values.length);
      for (let v = 0; v < byCode.length; v++) {
        const k = keyOf(c.values[v]!);
        if (k === null) {
          byCode[v] = -1;
          continue;
        }
        const n = digitsKey(k);
        if (n >= 0) {
          const known = numeric.size;
          const d = numeric.id(n);
          if (d === known) numericId[d] = count++;
          byCode[v] = numericId[d]!;
          continue;
        }
        let id = canon.get(k);
        if (id === undefined) canon.set(k, (id = count++));
        byCode[v] = id;
      }
      for (let j = 0; j < c.codes.length; j++) out[at++] = byCode[c.codes[j]!]!;
    }
    return { ids: out, count };
  };
  /**
   * Students sharing a key, groups of two or more in order of their first student, each in row order.
   * Keys of digits (IDs, student numbers) are compared by sorting their numbers natively, so that a
   * column without duplicates costs no hash table at all.
   */
  const groups = <F extends FieldKey>(
    field: F,
    keyOf: (v: FieldValue<F>) => string | null,
    shapedKey?: ShapedKey,
  ): number[][] => {
    const numbers = new Float64Array(size).fill(-1);
    const byText = new Map<string, number[]>();
    const text = (i: number, k: string) => {
      const g = byText.get(k);
      if (g) g.push(i);
      else byText.set(k, [i]);
    };
    let at = 0;
    for (const s of sheets) {
      studentKeyNumbers(s.columns[field], field, keyOf, shapedKey, numbers, at, text);
      at += s.rows.length;
    }
    const out = [...byText.values()].filter((g) => g.length > 1);
    const sorted = numbers.slice().sort();
    const repeated = new Set<number>();
    for (let j = 1; j < size; j++) if (sorted[j]! >= 0 && sorted[j] === sorted[j - 1]) repeated.add(sorted[j]!);
    if (repeated.size) {
      const byNumber = new Map<number, number[]>();
      for (let i = 0; i < size; i++) {
        const n = numbers[i]!;
        if (n < 0 || !repeated.has(n)) continue;
        const g = byNumber.get(n);
        if (g) g.push(i);
        else byNumber.set(n, [i]);
      }
      out.push(...byNumber.values());
    }
    return out.sort((a, b) => a[0]! - b[0]!);
  };
  const starts: number[] = [];
  let size = 0;
  for (const s of sheets) {
    starts.push(size);
    size += s.rows.length;
  }
  const locate = (i: number): [SheetData, number] => {
    let k = sheets.length - 1;
    while (k > 0 && starts[k]! > i) k--;
    return [sheets[k]!, i - starts[k]!];
  };
  if (sheets.length === 1) {
    const s = sheets[0]!;
    return {
      size,
      ids,
      groups,
      locate: (i) => [s, i],
      sheet: () => s.index,
      row: (i) => s.rows[i]! + 1,
      get: (field, i) => {
        const c = s.columns[field];
        return c.values[c.codes[i]!]!;
      },
    };
  }
  return {
    size,
    ids,
    groups,
    locate,
    sheet: (i) => locate(i)[0].index,
    row: (i) => {
      const [s, j] = locate(i);
      return s.rows[j]! + 1;
    },
    get: (field, i) => {
      const [s, j] = locate(i);
      const c = s.columns[field];
      return c.values[c.codes[j]!]!;
    },
  };
}
