/**
 * Writes examples/roster.xlsx and examples/roster.csv: 60 synthetic students of academic year 2569
 * with a handful of realistic problems. Run with `npm run examples`; the output is committed.
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { FEW_NAMES, HEADERS, PRIMARY_AND_SECONDARY, rng, student, toRow } from '../test/support/synthetic';
import type { Cell } from '../src/core/types';

const YEAR = 2569;
const rand = rng(2569);
const rows: Cell[][] = Array.from({ length: 60 }, (_, i) =>
  toRow(student(rand, i, YEAR, PRIMARY_AND_SECONDARY, FEW_NAMES), i),
);
const col = (name: (typeof HEADERS)[number]) => HEADERS.indexOf(name);

// The problems a district finds most often, one each.
rows[3]![col('เลขประจำตัวประชาชน')] =
  String(rows[3]![1]).slice(0, 12) + String((Number(String(rows[3]![1])[12]) + 3) % 10);
rows[9]![col('เลขประจำตัวประชาชน')] = rows[8]![col('เลขประจำตัวประชาชน')]!;
rows[12]![col('คำนำหน้าชื่อ')] = 'ด.ญ.';
rows[12]![col('เพศ')] = 'ชาย';
rows[12]![col('ชื่อ')] = 'ธนากร';
rows[17]![col('ชื่อ')] = 'เเพรวา';
rows[20]![col('วันเดือนปีเกิด')] = '31/02/2558';
rows[24]![col('น้ำหนัก (กก.)')] = '-';
rows[27]![col('ส่วนสูง (ซม.)')] = 1.32;
rows[31]![col('สถานะ')] = 'ย้ายออก';
rows[35]![col('สถานะ')] = 'ย้ายเข้า';
rows[35]![col('สอบปลายภาค')] = 'ไม่สอบ';
rows[40]![col('ชื่อ')] = `ด.ช.${rows[40]![col('ชื่อ')]}`;
rows[44]![col('เลขประจำตัวประชาชน')] = 'G650000012345';
rows[48]![col('สอบปลายภาค')] = '';
rows[52]![col('ชั้น')] = 'ป.7';

const title = [`รายชื่อนักเรียน โรงเรียนบ้านตัวอย่าง ปีการศึกษา ${YEAR} (ข้อมูลสมมติ)`];

const wb = new ExcelJS.Workbook();
wb.creator = 'dmc-roster-check';
wb.created = wb.modified = new Date(Date.UTC(2026, 10, 1));
const ws = wb.addWorksheet('นักเรียน');
ws.addRow(title);
// The title merged across the header's width, as DMC downloads and school rosters have it.
ws.mergeCells(1, 1, 1, HEADERS.length);
ws.addRow([...HEADERS]).font = { bold: true };
for (const r of rows) ws.addRow(r);
ws.getColumn(2).numFmt = '@';
ws.getColumn(3).numFmt = '@';
// One ID stored as a number, as happens when a column was never formatted as text.
ws.getCell(`B${3 + 5}`).value = Number(rows[5]![1]);
HEADERS.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(8, h.length + 4)));
ws.getColumn(2).width = 18;
await wb.xlsx.writeFile('examples/roster.xlsx');

const csv =
  Papa.unparse([title, [...HEADERS], ...rows.map((r) => r.map((v) => String(v ?? '')))], { newline: '\r\n' }) + '\r\n';
await writeFile('examples/roster.csv', '\ufeff' + csv);
console.log(`wrote examples/roster.xlsx and examples/roster.csv (${rows.length} students)`);
