/** Reads a roster file into the same 2-D value array that getValues() gives in Sheets. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type { Cell } from '../core/types';

export class InputError extends Error {}

export interface RosterFile {
  values: Cell[][];
  /** The sheet read, for xlsx. */
  sheet?: string;
}

/** UTF-8 (with or without BOM), else Windows-874/TIS-620, which Thai Excel writes. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 20;
}

export function parseCsv(bytes: Uint8Array): Cell[][] {
  if (looksBinary(bytes)) throw new InputError('not a text CSV file (it holds binary data)');
  // The decoder drops a UTF-8 BOM; papaparse finds the separator (comma, semicolon or tab).
  const result = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.type === 'Quotes' && e.code !== 'InvalidQuotes');
  if (fatal) throw new InputError(`the CSV cannot be parsed: ${fatal.message} (row ${fatal.row ?? '?'})`);
  // A file that ends with a line break gives one empty last row; it is not part of the roster.
  const rows = result.data;
  if (rows.length && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop();
  return rows;
}

/** exceljs cell values → Sheets-like values: formulas give their result, rich text its text. */
function fromExcel(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs reads dates as UTC midnight; the core reads calendar dates in local time.
    return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes());
  }
  if (typeof v !== 'object') return v as Cell;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if ('result' in o || 'formula' in o || 'sharedFormula' in o) return fromExcel(o.result);
  if ('error' in o) return String(o.error);
  if ('text' in o) return fromExcel(o.text);
  return '';
}

export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<RosterFile> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(
      /zip|central directory/i.test((e as Error).message)
        ? 'not a readable .xlsx workbook (the file is not a zip archive)'
        : `not a readable .xlsx workbook (${(e as Error).message.split('\n')[0]})`,
    );
  }
  const ws = sheet ? wb.getWorksheet(sheet) : (wb.worksheets.find((w) => w.state !== 'hidden') ?? wb.worksheets[0]);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    throw new InputError(sheet ? `no sheet named "${sheet}" (sheets: ${names})` : 'the workbook has no sheets');
  }
  const values: Cell[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const out: Cell[] = new Array(width);
    for (let c = 1; c <= width; c++) out[c - 1] = fromExcel(row.getCell(c).value);
    values.push(out);
  }
  return { values, sheet: ws.name };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code})`,
    );
  }
}

export async function readRoster(path: string, sheet?: string): Promise<RosterFile> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls') throw new InputError('old .xls files are not supported: save as .xlsx or .csv');
  const xlsx = ext === '.xlsx' || ext === '.xlsm';
  if (!xlsx && !['.csv', '.txt', '.tsv'].includes(ext)) {
    throw new InputError(`unknown file type "${ext || '(none)'}": give a .xlsx or .csv file`);
  }
  const bytes = await readBytes(path);
  return xlsx ? readXlsx(bytes, sheet) : { values: parseCsv(bytes) };
}
