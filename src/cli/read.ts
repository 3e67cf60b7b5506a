/**
 * Reads a roster file into sheets of getValues()-like rows: every sheet of an xlsx, the one sheet of
 * a CSV/TSV/text file. The type comes from the name and is checked against the bytes (an xlsx saved
 * as ".csv" is read as the workbook it is). Anything unreadable is an InputError with a Thai and an
 * English message; nothing else escapes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { TextColumns } from '../core/text-columns';
import type { Cell } from '../core/types';
import { readCsv } from './csv';
import { decode, type Encoding } from './decode';
import { InputError, LIMITS, READ_ERRORS } from './input-error';
import { takePrefetched } from './prefetch';
import { readXlsxSheets, type MergedRange } from './xlsx-read';
import { isOle2, isZip } from './zip';

export { InputError } from './input-error';
export type { MergedRange } from './xlsx-read';

/** One sheet as the core's SheetInput takes it, plus whether Excel hides it. */
export interface ReadSheet {
  /** '' for a CSV. */
  name: string;
  values: Cell[][];
  hidden?: boolean;
  /** Cells whose bytes were not valid in the file's encoding, 0-based: the core's file.bad-bytes. */
  damaged?: Array<{ row: number; col: number }>;
  /** 1-based lines of a CSV that could not be read into rows (the CSV reader recovers every line today). */
  unreadLines?: number[];
  /** An xlsx sheet's merged areas, 0-based (only the page draws them; values never depend on them). */
  merges?: MergedRange[];
  /** A CSV read with `lazy`: the cells as columns, which the check reads instead of the rows. */
  textColumns?: TextColumns;
}

export interface ReadOptions {
  /**
   * A CSV's rows are made on demand from its columns (the command's check, which reads the columns and a
   * few rows); otherwise every sheet's values are plain arrays.
   */
  lazy?: boolean;
}

export interface ReadWorkbook {
  /** The file name without its folder: the core infers the academic year from it. */
  source: string;
  sheets: ReadSheet[];
  /** How a text file was decoded. */
  encoding?: Encoding;
}

const XLSX = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const TEXT = new Set(['.csv', '.txt', '.tsv']);

/** Refuses what cannot be read by its name alone, before touching the file. */
function kindOf(name: string): 'xlsx' | 'text' | 'xls' {
  const ext = extname(name).toLowerCase();
  if (XLSX.has(ext)) return 'xlsx';
  if (TEXT.has(ext)) return 'text';
  if (ext === '.xls') return 'xls';
  if (ext === '.ods' || ext === '.ots') throw new InputError(READ_ERRORS.ods);
  if (ext === '.xlsb') throw new InputError(READ_ERRORS.xlsb);
  throw new InputError(READ_ERRORS.unknownType(ext));
}

/**
 * Markup some school systems export under an .xls (or .xlsx, .csv) name: an HTML table ("Export to
 * Excel"), or Excel 2003's XML spreadsheet. Judged by how the file opens, so a CSV with a "<" in a cell
 * is never taken for one.
 */
function markupOf(bytes: Uint8Array): 'webPage' | 'xml2003' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  const start = head.replace(/^(?:\u00ef\u00bb\u00bf|\s)+/, '');
  if (/^<(?:!doctype html|html|head|meta|body|table|style)\b/.test(start)) return 'webPage';
  if (!start.startsWith('<?xml')) return null;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  return /<html\b/.test(head) ? 'webPage' : null;
}

/** The sheets of a file already in memory (the playground's upload, the command's file). */
export function readWorkbookBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): ReadWorkbook {
  const kind = kindOf(name);
  const source = basename(name);
  if (bytes.length > LIMITS.fileBytes) throw new InputError(READ_ERRORS.tooBig);
  // The bytes decide when they disagree with the name: schools rename files.
  if (isZip(bytes)) return { source, sheets: readXlsxSheets(bytes) };
  if (isOle2(bytes)) throw new InputError(READ_ERRORS.xlsOrEncrypted);
  const markup = markupOf(bytes);
  if (markup) throw new InputError(READ_ERRORS[markup]);
  if (kind === 'xls') throw new InputError(READ_ERRORS.xls);
  if (kind === 'xlsx') throw new InputError(READ_ERRORS.notZip);
  const csv = readCsv(bytes, { tab: extname(name).toLowerCase() === '.tsv', lazy: options.lazy });
  const sheet: ReadSheet = { name: '', values: csv.values };
  if (csv.columns) sheet.textColumns = csv.columns;
  if (csv.damaged) sheet.damaged = csv.damaged;
  return { source, sheets: [sheet], encoding: csv.encoding };
}

async function readBytes(path: string): Promise<Uint8Array> {
  const prefetched = await takePrefetched(path);
  if (prefetched) return prefetched;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new InputError(READ_ERRORS.folder);
    if (s.size > LIMITS.fileBytes) throw new InputError(READ_ERRORS.tooBig);
    return await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(READ_ERRORS.notFound);
    if (code === 'EISDIR') throw new InputError(READ_ERRORS.folder);
    throw new InputError(READ_ERRORS.cannotRead(code));
  }
}

/** Every sheet of the file at `path`. */
export async function readWorkbook(path: string, options: ReadOptions = {}): Promise<ReadWorkbook> {
  kindOf(path);
  return readWorkbookBytes(path, await readBytes(path), options);
}

// ——— The single-sheet API main.ts and the playground use until they take whole workbooks. ———

export interface RosterFile {
  values: Cell[][];
  /** The sheet read, for xlsx. */
  sheet?: string;
}

/** The named sheet, else the first visible one. */
export function pickSheet(sheets: readonly ReadSheet[], name?: string): ReadSheet {
  const found = name !== undefined ? sheets.find((s) => s.name === name) : (sheets.find((s) => !s.hidden) ?? sheets[0]);
  if (!found) {
    const names = sheets.map((s) => s.name).join(', ');
    throw new InputError(
      name !== undefined
        ? { th: `ไม่มีแผ่นงานชื่อ "${name}" (แผ่นงานที่มี: ${names})`, en: `no sheet named "${name}" (sheets: ${names})` }
        : READ_ERRORS.noSheets,
    );
  }
  return found;
}

/** UTF-8 (with or without BOM, damaged bytes as U+FFFD), UTF-16, else Windows-874/TIS-620. */
export function decodeText(bytes: Uint8Array): string {
  return decode(bytes).text;
}

export function parseCsv(bytes: Uint8Array): Cell[][] {
  return readCsv(bytes).values;
}

export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<RosterFile> {
  const s = pickSheet(readXlsxSheets(bytes), sheet);
  return { values: s.values, sheet: s.name };
}

export async function readRoster(path: string, sheet?: string): Promise<RosterFile> {
  const wb = await readWorkbook(path);
  if (wb.sheets.length === 1 && wb.sheets[0]!.name === '' && wb.encoding) return { values: wb.sheets[0]!.values };
  const s = pickSheet(wb.sheets, sheet);
  return { values: s.values, sheet: s.name };
}
