/**
 * CSV, TSV and text files into one sheet, as Excel opens them (csv-split.ts says how lines become rows).
 * UTF-8 and Windows-874 files are read from their bytes straight into columns (csv-columns.ts); UTF-16
 * and files with an exotic delimiter are decoded whole and split.
 */
import type { TextColumns } from '../core/text-columns';
import { rowOf, rowsView } from '../core/text-columns';
import { readCsvColumns } from './csv-columns';
import { splitCsv } from './csv-split';
import { decode, detectEncoding, type Encoding } from './decode';

export { detectDelimiter, physicalLines, splitCsv, MAX_QUOTED_LINES } from './csv-split';

export interface CsvSheet {
  /** '' for a CSV: a text file has one sheet and no sheet name. */
  name: '';
  /** One row per line (a quoted cell with line breaks spans lines), every cell the text as written. */
  values: string[][];
  /** The same cells as columns, when the file was read by its bytes. */
  columns?: TextColumns;
  /** Cells holding U+FFFD: bytes that were not valid in the file's encoding (0-based row/col). */
  damaged?: Array<{ row: number; col: number }>;
  encoding: Encoding;
  delimiter: string;
}

/** Cells that hold U+FFFD, 0-based. */
export function damagedCells(values: readonly (readonly unknown[])[]): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.includes('\ufffd')) out.push({ row: r, col: c });
    }
  }
  return out;
}

export interface CsvOptions {
  /** Force the tab delimiter (.tsv). */
  tab?: boolean;
  /**
   * Keep the columns and give `values` as rows made on demand (the command's check reads a few rows
   * and the columns); otherwise `values` is a plain array of rows.
   */
  lazy?: boolean;
}

/** A CSV, TSV or text file's bytes into its one sheet. */
export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): CsvSheet {
  const encoding = detectEncoding(bytes);
  const forced = options.tab ? '\t' : undefined;
  const read = encoding === 'utf-8' || encoding === 'windows-874' ? readCsvColumns(bytes, encoding, forced) : null;
  if (read) {
    const { columns, delimiter } = read;
    const values = options.lazy ? rowsView(columns) : Array.from({ length: columns.rows }, (_, r) => rowOf(columns, r));
    const sheet: CsvSheet = { name: '', values, encoding, delimiter };
    if (options.lazy) sheet.columns = columns;
    if (read.damaged) sheet.damaged = damagedCells(values);
    return sheet;
  }
  const text = decode(bytes);
  const { values, delimiter } = splitCsv(text.text, forced);
  const sheet: CsvSheet = { name: '', values, encoding: text.encoding, delimiter };
  if (text.damaged) sheet.damaged = damagedCells(values);
  return sheet;
}
