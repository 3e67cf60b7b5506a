/**
 * Pins what a sheet read into columns promises its readers (issue 15): a cell's text from either kind of
 * column, a row as its fields, and the rows as an array that makes each row when first read.
 */
import { describe, expect, it } from 'vitest';
import { rowOf, rowsView, textAt, type TextColumn, type TextColumns } from './text-columns';

/** A dictionary column: `codes` index `dict`, whose entry 0 is ''. */
const coded = (dict: string[], codes: number[]): TextColumn => ({
  codes: Int32Array.from(codes),
  dict,
  textOf: null,
});

/** A column of texts row by row, counting the rows it was asked for. */
function texts(rows: string[]) {
  const asked: number[] = [];
  const column: TextColumn = {
    codes: null,
    dict: [''],
    textOf: (r) => (asked.push(r), rows[r] ?? ''),
  };
  return { column, asked };
}

/**
 * Three rows of widths 2, 3 and 1:
 *   ก,  1
 *   ข,  2, x
 *   ก
 */
function sheet() {
  const ids = texts(['1', '2', '']);
  const cols: TextColumns = {
    rows: 3,
    widths: Int32Array.of(2, 3, 1),
    columns: [coded(['', 'ก', 'ข'], [1, 2, 1]), ids.column, coded(['', 'x'], [0, 1, 0])],
  };
  return { cols, asked: ids.asked };
}

describe('textAt', () => {
  it.each([
    [0, 'ก'],
    [1, 'ข'],
    [2, 'ก'],
  ])('a dictionary column at row %i reads %j', (row, text) => {
    expect(textAt(coded(['', 'ก', 'ข'], [1, 2, 1]), row)).toBe(text);
  });
  it('a row past its end reads code 0, the empty text', () => expect(textAt(coded(['', 'x'], [0, 1]), 0)).toBe(''));
  it('a column of texts reads its row’s text', () => {
    const { column, asked } = texts(['a', 'b', 'c']);
    expect(textAt(column, 1)).toBe('b');
    expect(asked).toEqual([1]);
  });
  it('a column the sheet does not have reads ""', () => expect(textAt(undefined, 0)).toBe(''));
});

describe('rowOf', () => {
  it.each([
    [0, ['ก', '1']],
    [1, ['ข', '2', 'x']],
    [2, ['ก']],
  ])('row %i has as many fields as it was written with: %j', (r, row) => {
    expect(rowOf(sheet().cols, r)).toEqual(row);
  });
  it('a row wider than the columns reads "" past them', () => {
    const cols: TextColumns = { rows: 1, widths: Int32Array.of(3), columns: [coded(['', 'a'], [1])] };
    expect(rowOf(cols, 0)).toEqual(['a', '', '']);
  });
  it('an empty row is an empty array', () => {
    const cols: TextColumns = { rows: 1, widths: Int32Array.of(0), columns: [coded(['', 'a'], [1])] };
    expect(rowOf(cols, 0)).toEqual([]);
  });
});

describe('rowsView: the rows as an array', () => {
  const ROWS = [['ก', '1'], ['ข', '2', 'x'], ['ก']];

  it('reads as the plain array of its rows', () => {
    const v = rowsView(sheet().cols);
    expect(Array.isArray(v)).toBe(true);
    expect(v.length).toBe(3);
    expect(v[0]).toEqual(ROWS[0]);
    expect(v[2]).toEqual(ROWS[2]);
    expect([...v]).toEqual(ROWS);
    expect(Array.from(v)).toEqual(ROWS);
    expect(v.slice(1)).toEqual(ROWS.slice(1));
    expect(v.map((r) => r.length)).toEqual([2, 3, 1]);
    expect(v.findIndex((r) => r[0] === 'ข')).toBe(1);
    expect(JSON.stringify(v)).toBe(JSON.stringify(ROWS));
    expect(v).toEqual(ROWS);
  });

  it('has nothing past its last row, at negative or non-canonical indices', () => {
    const v = rowsView(sheet().cols) as unknown as Record<string, unknown>;
    for (const k of ['3', '4', '-1', '01', '1.0', '1.5', ' 1', '']) expect(v[k], k).toBeUndefined();
    expect(v['1']).toEqual(ROWS[1]);
  });

  it('answers `in` for its rows, its length and array methods only', () => {
    const v = rowsView(sheet().cols);
    expect([0 in v, 2 in v, 3 in v, (-1) in v, '01' in v, 'length' in v, 'map' in v, 'nope' in v]).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('makes a row when it is first read, once, and only that row', () => {
    const { cols, asked } = sheet();
    const v = rowsView(cols);
    expect(v.length).toBe(3);
    expect(asked).toEqual([]);
    const row = v[1];
    expect(asked).toEqual([1]);
    expect(v[1]).toBe(row);
    expect(asked).toEqual([1]);
  });

  it('keeps a written cell and a written row', () => {
    const v = rowsView(sheet().cols);
    v[2]![0] = 'ค';
    expect(v[2]).toEqual(['ค']);
    const other = ['ง', '4'];
    v[0] = other;
    expect(v[0]).toBe(other);
    expect([...v]).toEqual([other, ROWS[1], ['ค']]);
  });

  it('refuses to grow or shrink, as a frozen array does', () => {
    const v = rowsView(sheet().cols);
    expect(() => {
      v[3] = ['y'];
    }).toThrow(TypeError);
    expect(() => {
      v.length = 1;
    }).toThrow(TypeError);
    expect(() => v.push(['y'])).toThrow(TypeError);
    expect(v.length).toBe(3);
    expect(v[3]).toBeUndefined();
    expect([...v]).toEqual(ROWS);
  });

  it('keeps other properties written on it', () => {
    const v = rowsView(sheet().cols) as string[][] & { note?: string };
    v.note = 'n';
    expect(v.note).toBe('n');
    expect('note' in v).toBe(true);
  });

  it('describes its rows and length as an array does', () => {
    const v = rowsView(sheet().cols);
    expect(Object.keys(v)).toEqual(['0', '1', '2']);
    expect(Reflect.ownKeys(v)).toEqual(['0', '1', '2', 'length']);
    expect(Object.getOwnPropertyDescriptor(v, '1')).toEqual({
      value: ROWS[1],
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.getOwnPropertyDescriptor(v, '3')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(v, 'length')).toEqual({
      value: 3,
      writable: true,
      enumerable: false,
      configurable: false,
    });
    expect(Object.getOwnPropertyDescriptor(v, 'map')).toBeUndefined();
    expect(Object.entries(v)).toEqual(ROWS.map((r, i) => [String(i), r]));
  });

  it('an empty sheet is an empty array', () => {
    const v = rowsView({ rows: 0, widths: new Int32Array(0), columns: [] });
    expect(v.length).toBe(0);
    expect([...v]).toEqual([]);
    expect(Object.keys(v)).toEqual([]);
    expect(v[0]).toBeUndefined();
    expect(() => {
      v[0] = ['y'];
    }).toThrow(TypeError);
    expect(v.length).toBe(0);
  });
});
