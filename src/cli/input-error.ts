/** A file the command cannot read: exit 2 with one clear line, in Thai (default) and English. */
import type { Lang, Msg } from '../core/types';

export class InputError extends Error {
  readonly th: string;
  readonly en: string;
  /** A bare string (older callers) serves both languages. `message` is English, for logs and tests. */
  constructor(text: string | Msg) {
    const msg = typeof text === 'string' ? { th: text, en: text } : text;
    super(msg.en);
    this.name = 'InputError';
    this.th = msg.th;
    this.en = msg.en;
  }

  say(lang: Lang): string {
    return lang === 'en' ? this.en : this.th;
  }
}

/**
 * What the readers accept. Excel's own sheet limits (1,048,576 rows × 16,384 columns) bound a sheet.
 * The cells a reader lays out — each row as long as its last non-empty cell — are capped so that a
 * stray far cell on every row cannot exhaust memory: an xlsx sheet at Google Sheets' own limit
 * (10,000,000 cells, what the add-on could ever hold), a CSV at 30,000,000 (a 1,000,000-row roster
 * of 29 columns still fits; its memory grows with the file's bytes anyway).
 */
export const LIMITS = {
  rows: 1_048_576,
  columns: 16_384,
  /** A whole file: CSV, Σ over rows of the row's number of fields; xlsx, every sheet's cells and rows. */
  cells: 30_000_000,
  /** xlsx, per sheet: Σ over rows of (column of the row's last non-empty cell + 1). */
  sheetCells: 10_000_000,
  /** Bytes of a file read at all (a JavaScript string cannot hold much more once decoded). */
  fileBytes: 256 * 1024 * 1024,
  /** Uncompressed bytes of one part of an xlsx (a zip bomb stops here; 10,000,000 cells fit). */
  partBytes: 1024 * 1024 * 1024,
  /** One XML text node or tag of an xlsx (Excel's own cell limit is 32,767 characters). */
  xmlToken: 64 * 1024 * 1024,
} as const;

/** 1,048,576 (toLocaleString would load ICU's number formats at start-up: ~0.1 s). */
const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The messages the readers give, in one place. */
export const READ_ERRORS = {
  notFound: { th: 'ไม่พบไฟล์', en: 'file not found' },
  folder: { th: 'เป็นโฟลเดอร์ ไม่ใช่ไฟล์', en: 'is a folder, not a file' },
  cannotRead: (code: string) => ({ th: `อ่านไฟล์ไม่ได้ (${code})`, en: `cannot read (${code})` }),
  tooBig: {
    th: `ไฟล์ใหญ่เกิน ${n(LIMITS.fileBytes / 1024 / 1024)} MB: แบ่งเป็นหลายไฟล์`,
    en: `the file is larger than ${n(LIMITS.fileBytes / 1024 / 1024)} MB: split it`,
  },
  xls: {
    th: 'ไฟล์ .xls แบบเก่ายังอ่านไม่ได้: เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv',
    en: 'old .xls files are not supported: save as .xlsx or .csv',
  },
  webPage: {
    th: 'ไฟล์นี้เป็นหน้าเว็บ (ตาราง HTML) ที่ตั้งชื่อเหมือนไฟล์ Excel ไม่ใช่สมุดงาน: เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv',
    en: 'this file is a web page (an HTML table) under a spreadsheet name, not a workbook: open it in Excel and save as .xlsx or .csv',
  },
  xml2003: {
    th: 'ไฟล์นี้เป็นสเปรดชีต XML ของ Excel 2003: เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv',
    en: 'this file is an Excel 2003 XML spreadsheet: open it in Excel and save as .xlsx or .csv',
  },
  ods: {
    th: 'ไฟล์ .ods (LibreOffice/OpenOffice) ยังอ่านไม่ได้: บันทึกเป็น .xlsx หรือ .csv',
    en: '.ods files are not supported: save as .xlsx or .csv',
  },
  xlsb: {
    th: 'ไฟล์ .xlsb (Excel แบบไบนารี) ยังอ่านไม่ได้: บันทึกเป็น .xlsx หรือ .csv',
    en: '.xlsb files are not supported: save as .xlsx or .csv',
  },
  unknownType: (ext: string) => ({
    th: `ไม่รู้จักชนิดไฟล์ "${ext || '(ไม่มีนามสกุล)'}": ใช้ไฟล์ .xlsx หรือ .csv`,
    en: `unknown file type "${ext || '(none)'}": give a .xlsx or .csv file`,
  }),
  binary: {
    th: 'ไม่ใช่ไฟล์ข้อความ CSV (มีข้อมูลไบนารี)',
    en: 'not a text CSV file (it holds binary data)',
  },
  notZip: {
    th: 'ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (ไฟล์ไม่ใช่ zip)',
    en: 'not a readable .xlsx workbook (the file is not a zip archive)',
  },
  truncatedZip: {
    th: 'ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (ไฟล์ไม่ครบหรือเสีย: ดาวน์โหลดหรือคัดลอกใหม่)',
    en: 'not a readable .xlsx workbook (the file is truncated or corrupt: download or copy it again)',
  },
  badPart: (part: string) => ({
    th: `ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (ส่วน ${part} เสีย)`,
    en: `not a readable .xlsx workbook (its part ${part} is corrupt)`,
  }),
  notWorkbook: {
    th: 'ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (ไม่มีสมุดงานในไฟล์ zip)',
    en: 'not a readable .xlsx workbook (the zip holds no workbook)',
  },
  xlsOrEncrypted: {
    th: 'เป็นไฟล์ .xls แบบเก่า หรือสมุดงานที่ตั้งรหัสผ่าน: เปิดใน Excel เอารหัสผ่านออก แล้วบันทึกเป็น .xlsx หรือ .csv',
    en: 'an old .xls file or a password-protected workbook: remove any password in Excel and save as .xlsx or .csv',
  },
  encrypted: {
    th: 'ไฟล์ในสมุดงานถูกเข้ารหัส: เปิดใน Excel เอารหัสผ่านออก แล้วบันทึกใหม่',
    en: 'the workbook is encrypted: remove the password in Excel and save it again',
  },
  noSheets: { th: 'สมุดงานไม่มีแผ่นงาน', en: 'the workbook has no sheets' },
  tooManyRows: {
    th: `มีเกิน ${n(LIMITS.rows)} แถว (ขีดจำกัดของ Excel): แบ่งเป็นหลายไฟล์`,
    en: `more than ${n(LIMITS.rows)} rows (Excel's limit): split the file`,
  },
  tooManyColumns: (line: number) => ({
    th: `บรรทัดที่ ${n(line)} มีเกิน ${n(LIMITS.columns)} คอลัมน์ (ขีดจำกัดของ Excel)`,
    en: `line ${n(line)} has more than ${n(LIMITS.columns)} columns (Excel's limit)`,
  }),
  badCellRef: (ref: string) => ({
    th: `ไม่ใช่ไฟล์ .xlsx ที่อ่านได้ (ตำแหน่งเซลล์ "${ref.slice(0, 20)}" เกินขอบเขตของ Excel)`,
    en: `not a readable .xlsx workbook (cell reference "${ref.slice(0, 20)}" is past Excel's limits)`,
  }),
  tooManyCells: (sheet: string, far: string, limit: number) =>
    far
      ? {
          th: `แผ่นงาน "${sheet}" มีข้อมูลกระจายเกิน ${n(limit)} ช่อง (เช่นเซลล์ ${far}): ลบเซลล์ที่อยู่ไกลจากตารางออก แล้วบันทึกใหม่`,
          en: `sheet "${sheet}" spreads its data over more than ${n(limit)} cells (e.g. cell ${far}): delete the cells far from the table and save again`,
        }
      : {
          th: `ไฟล์มีข้อมูลเกิน ${n(limit)} ช่อง: แบ่งเป็นหลายไฟล์`,
          en: `the file holds more than ${n(limit)} cells: split it`,
        },
  cellTooBig: {
    th: 'มีเซลล์หรือแท็กที่ใหญ่ผิดปกติ (เกิน 64 MB): ไฟล์อาจเสีย',
    en: 'a cell or tag is abnormally large (over 64 MB): the file may be corrupt',
  },
  partTooBig: (part: string) => ({
    th: `ส่วน ${part} ของไฟล์ใหญ่เกิน 1 GB เมื่อขยาย: ไฟล์อาจเสียหรือถูกสร้างมาเพื่อโจมตี`,
    en: `the part ${part} inflates past 1 GB: the file is corrupt or hostile`,
  }),
} satisfies Record<string, Msg | ((...a: never[]) => Msg)>;
