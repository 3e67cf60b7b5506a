/**
 * A sheet read straight into columns, as the command's CSV reader makes it: each column is a dictionary
 * of its distinct texts with a code per row or, for a column of mostly distinct values (IDs, student
 * numbers), a text per row. The analysis takes the codes as they are instead of hashing every cell
 * again, and `rowsView` gives the rows on demand to whatever reads a few of them (the header search,
 * a finding's value), so a large file never exists as millions of row arrays.
 */
import { lazyArray } from './lazy-array';

export interface TextColumn {
  /** Per row, an index into `dict`; a row shorter than the column reads code 0, which is always ''. */
  codes: Int32Array | null;
  /** Distinct texts; dict[0] is ''. */
  dict: string[];
  /** Per row, the text ('' past the row's end), made when read; set instead of `codes` for mostly distinct columns. */
  textOf: ((row: number) => string) | null;
}

export interface TextColumns {
  rows: number;
  /** The number of fields each row had. */
  widths: Int32Array;
  columns: TextColumn[];
}

/** The text of a column at a row ('' past the row's end). */
export function textAt(column: TextColumn | undefined, row: number): string {
  if (!column) return '';
  if (column.textOf) return column.textOf(row);
  return column.dict[column.codes![row]!]!;
}

/** Row `r` as an array of its fields' texts. */
export function rowOf(cols: TextColumns, r: number): string[] {
  const w = cols.widths[r]!;
  const row = new Array<string>(w);
  for (let c = 0; c < w; c++) row[c] = textAt(cols.columns[c], r);
  return row;
}

/**
 * The rows as an array that builds each row when first read and keeps it (so a cell written into a row
 * stays written). Reading, indexing, slicing, mapping and iterating behave as on a plain array; the
 * number of rows is fixed.
 */
export function rowsView(cols: TextColumns): string[][] {
  return lazyArray(cols.rows, (i) => rowOf(cols, i), true);
}
