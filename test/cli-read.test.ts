import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv, splitCsv } from '../src/cli/csv';
import { decode } from '../src/cli/decode';
import { InputError, LIMITS } from '../src/cli/input-error';
import { parseCsv, readWorkbook, readWorkbookBytes, readXlsx } from '../src/cli/read';
import { isDateFormat, MAX_MERGES, mergedRange, readXlsxSheets, serialToDate } from '../src/cli/xlsx-read';
import { withCheckDigit } from '../src/core/thai-id';
import { cell, row, xlsxBytes } from './support/xlsx-bytes';

const enc = (s: string) => new TextEncoder().encode(s);
/** Windows-874 (TIS-620) bytes: Thai letters U+0E01–U+0E5B sit at 0xA1–0xFB. */
const tis620 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => (ch >= '\u0e01' && ch <= '\u0e5b' ? ch.charCodeAt(0) - 0x0e01 + 0xa1 : ch.charCodeAt(0))),
  );
const ID = withCheckDigit('110370000001');
const HEADER = 'เลขประจำตัวประชาชน,ชื่อ,นามสกุล,ชั้น';
const line = (i: number) => `${withCheckDigit(`1103700${String(10000 + i)}`)},สมชาย${i},ใจดี,ม.1`;
const dir = mkdtempSync(join(tmpdir(), 'dmc-read-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const inputError = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no InputError');
};
const rejects = async (p: Promise<unknown>): Promise<InputError> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
};

describe('CSV: every line ending, every row', () => {
  const body = Array.from({ length: 9 }, (_, i) => line(i));
  it.each([
    ['CRLF then LF', (i: number) => (i < 3 ? '\r\n' : '\n')],
    ['LF then CR', (i: number) => (i < 3 ? '\n' : '\r')],
    ['CR then LF', (i: number) => (i < 3 ? '\r' : '\n')],
    ['CR only', () => '\r'],
    ['alternating', (i: number) => ['\r\n', '\n', '\r'][i % 3]!],
  ])('%s: all 9 students are rows of 4 cells', (_, eol) => {
    const text = [HEADER, ...body].map((l, i) => l + eol(i)).join('');
    const values = parseCsv(enc(text));
    expect(values).toHaveLength(10);
    expect(values.every((r) => r.length === 4)).toBe(true);
    expect(values[9]![1]).toBe('สมชาย8');
  });

  it('keeps blank lines inside as blank rows (row numbers stay line numbers) and drops them at the end', () => {
    const values = parseCsv(enc(`${HEADER}\n${line(1)}\n\n${line(2)}\r\n\r\n\n`));
    expect(values.map((r) => r[0] === '')).toEqual([false, false, true, false]);
  });

  it('takes quoted cells as Excel writes them: delimiters, doubled quotes, line breaks inside', () => {
    const values = parseCsv(enc(`a,b,c\r\n"x, y","say ""hi""","บ้านเลขที่ 1\r\nหมู่ 2"\r\n1,2,3`));
    expect(values).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'บ้านเลขที่ 1\nหมู่ 2'],
      ['1', '2', '3'],
    ]);
  });

  it('reads a quote that never closes as a character: the rows after it are not swallowed', () => {
    const lines = [HEADER, `${ID},"สมชาย,ใจดี,ม.1`, ...body];
    const values = parseCsv(enc(lines.join('\n')));
    expect(values).toHaveLength(lines.length);
    expect(values[1]).toEqual([ID, '"สมชาย', 'ใจดี', 'ม.1']);
  });

  it('reads two stray quotes lines apart as characters when closing them would merge whole rows', () => {
    const lines = [HEADER, `${ID},"สมชาย,ใจดี,ม.1`, line(1), line(2), `${ID},ก",ข,ม.1`, line(3)];
    const values = parseCsv(enc(lines.join('\r\n')));
    expect(values).toHaveLength(lines.length);
    expect(values[2]![1]).toBe('สมชาย1');
  });

  it('finds the delimiter: semicolon, tab, Excel’s sep= line; a title line above the header', () => {
    expect(parseCsv(enc('รายชื่อนักเรียน\na;b;c\n1;2;3'))[1]).toEqual(['a', 'b', 'c']);
    expect(parseCsv(enc('a\tb, c\tx\n1\t2, 3\ty'))[1]).toEqual(['1', '2, 3', 'y']);
    expect(parseCsv(enc('sep=;\na;b\n1;2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it("hands the core the text as written: '1101…, 19001.0, 1.10170020703E+12, 0812", () => {
    const values = parseCsv(enc(`cid,sid\n'${ID},19001.0\n1.10170020703E+12,0812`));
    expect(values.slice(1)).toEqual([
      [`'${ID}`, '19001.0'],
      ['1.10170020703E+12', '0812'],
    ]);
  });
});

describe('CSV: encodings decided by evidence', () => {
  const thai = `${HEADER}\n${line(1)}\n${line(2)}\n`;

  it('one bad byte in a UTF-8 file: still UTF-8, that cell named as damaged', () => {
    const bytes = enc(thai);
    const broken = new Uint8Array(bytes.length + 1);
    const name = enc('สมชาย1');
    const at = bytes.findIndex((_, i) => name.every((b, k) => bytes[i + k] === b)); // row 2's name
    broken.set(bytes.subarray(0, at));
    broken[at] = 0xff;
    broken.set(bytes.subarray(at), at + 1);
    const sheet = readCsv(broken);
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.values[0]![0]).toBe('เลขประจำตัวประชาชน');
    expect(sheet.values[1]![1]).toBe('\ufffdสมชาย1');
    expect(sheet.damaged).toEqual([{ row: 1, col: 1 }]);
  });

  it('Windows-874 (TIS-620) from Thai Excel: decoded, nothing damaged', () => {
    const sheet = readCsv(tis620(thai));
    expect(sheet.encoding).toBe('windows-874');
    expect(sheet.values[2]).toEqual(line(2).split(','));
    expect(sheet.damaged).toBeUndefined();
  });

  it('Windows-874 with bytes it has no character for (0xFC, 0x81): those cells are damaged', () => {
    const bytes = tis620(`${HEADER}
${line(1)}
${line(2)}x,
`);
    const at = bytes.lastIndexOf(0x78); // the x
    bytes[at] = 0xfc;
    bytes[bytes.indexOf(0x2c, bytes.indexOf(0x0a) + 1) - 1] = 0x81; // last digit of row 2's ID
    const sheet = readCsv(bytes);
    expect(sheet.encoding).toBe('windows-874');
    expect(sheet.values[2]![3]).toBe('ม.1\ufffd');
    expect(sheet.damaged).toEqual([
      { row: 1, col: 0 },
      { row: 2, col: 3 },
    ]);
  });

  it('a BOM at the start and a stray one where two files were joined are dropped', () => {
    const values = parseCsv(enc(`\ufeff${HEADER}\n${line(1)}\n\ufeff${line(2)}`));
    expect(values[0]![0]).toBe('เลขประจำตัวประชาชน');
    expect(values[2]![0]).toBe(line(2).split(',')[0]);
  });

  it('UTF-16 from Excel’s "Unicode Text" (tab-separated), with or without BOM', () => {
    const text = thai.replace(/,/g, '\t');
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const bom = new Uint8Array([0xff, 0xfe, ...le]);
    for (const b of [bom, le]) {
      const sheet = readCsv(b);
      expect(sheet.encoding).toBe('utf-16le');
      expect(sheet.values[1]).toEqual(line(1).split(','));
    }
  });

  it('binary junk is refused; a lone NUL in text is a damaged cell, not a crash', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(inputError(() => readCsv(junk)).en).toMatch(/not a text CSV/);
    const nul = enc(`${HEADER}\n${line(1)}\n${line(2)}`);
    nul[enc(HEADER).length + 3] = 0;
    const sheet = readCsv(nul);
    expect(sheet.values).toHaveLength(3);
    expect(sheet.damaged).toEqual([{ row: 1, col: 0 }]);
  });

  it('decodes plain ASCII with a stray high byte without calling it UTF-8', () => {
    expect(decode(new Uint8Array([0x61, 0x2c, 0xa1, 0x0a])).encoding).toBe('windows-874');
  });
});

describe('CSV: limits', () => {
  it('a line past 16,384 columns is refused, not split into a giant row', () => {
    const e = inputError(() => splitCsv(`a,b\n${','.repeat(LIMITS.columns + 5)}`));
    expect(e.en).toMatch(/line 2 has more than 16,384 columns/);
    expect(e.th).toMatch(/บรรทัดที่ 2/);
  });

  it('a line of 1,000 columns and a 1 MB cell are read', () => {
    const wide = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',');
    const values = splitCsv(`${wide}\n${'ก'.repeat(1 << 20)}`).values;
    expect(values[0]).toHaveLength(1000);
    expect(values[1]![0]).toHaveLength(1 << 20);
  });
});

describe('xlsx: every sheet, sparse and fast', () => {
  it('reads what Excel writes: numbers stay numbers, dates become local midnight, formulas give results', async () => {
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('สรุป');
    summary.addRow(['จำนวนนักเรียน', 2]);
    const ws = wb.addWorksheet('ม.1-1');
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = 'ชั้น ม.1/1';
    ws.addRow([]);
    ws.addRow(['เลขประจำตัวประชาชน', 'ชื่อ', 'วันเกิด', 'อายุ', 'ใช่']);
    ws.addRow([
      Number(ID),
      { richText: [{ text: 'สม' }, { text: 'ชาย' }] },
      new Date(Date.UTC(2012, 4, 16)),
      { formula: 'B2', result: 12 },
      true,
    ]);
    ws.getCell('C4').numFmt = 'd/m/yyyy';
    ws.addRow([{ formula: 'A1&""', result: 'x' }, { error: '#REF!' }]);
    const hidden = wb.addWorksheet('ซ่อน', { state: 'hidden' });
    hidden.addRow(['h']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = readWorkbookBytes('classes.xlsx', bytes).sheets;
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['สรุป', false],
      ['ม.1-1', false],
      ['ซ่อน', true],
    ]);
    const v = sheets[1]!.values;
    expect(v[0]).toEqual(['ชั้น ม.1/1']);
    expect(v[1]).toEqual([]);
    expect(v[3]![0]).toBe(Number(ID));
    expect(v[3]![1]).toBe('สมชาย');
    expect(v[3]![2]).toEqual(new Date(2012, 4, 16));
    expect(v[3]!.slice(3)).toEqual([12, true]);
    expect(v[4]).toEqual(['x', '#REF!']);
    expect(sheets[1]!.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 5 }]);
    expect((await readXlsx(bytes)).sheet).toBe('สรุป');
    expect((await readXlsx(bytes, 'ม.1-1')).values).toEqual(v);
  });

  it('two cells, one at XFD1048576: no extent allocated (the empty rows between share one frozen row)', () => {
    const bytes = xlsxBytes({
      sheets: [{ name: 'S', data: row(1, cell('A1', 'ชื่อ')) + row(1048576, cell('XFD1048576', 'x')) }],
    });
    const [s] = readXlsxSheets(bytes);
    expect(s!.values).toHaveLength(1_048_576);
    expect(new Set(s!.values).size).toBe(3);
    expect(Object.isFrozen(s!.values[1])).toBe(true);
    expect(s!.values[1]).toEqual([]);
    expect(s!.values[1_048_575]).toHaveLength(16_384);
    expect(s!.values[1_048_575]![16_383]).toBe('x');
  });

  it('a merge over A1:XFD100000 and empty styled cells far away cost nothing; trailing empties are trimmed', () => {
    const far = Array.from({ length: 50 }, (_, i) => `<c r="XFD${i + 2}" s="0"/>`).join('');
    const bytes = xlsxBytes({
      sheets: [
        {
          name: 'S',
          data:
            row(1, cell('A1', 'หัวเรื่อง'), cell('B1', '')) + `<row r="2">${far}</row>` + row(99999, '<c r="Z99999"/>'),
          after: '<mergeCells count="1"><mergeCell ref="A1:XFD100000"/></mergeCells>',
        },
      ],
    });
    const [s] = readXlsxSheets(bytes);
    expect(s!.values).toEqual([['หัวเรื่อง']]);
    // The merge is four numbers, not 1.6 billion cells.
    expect(s!.merges).toEqual([{ row: 0, col: 0, rows: 100_000, cols: 16_384 }]);
  });

  it('returns each sheet’s merged ranges as 0-based numbers: titles, vertical merges, odd refs', () => {
    const title = 'รายชื่อนักเรียน โรงเรียนบ้านตัวอย่าง ข้อมูล ณ วันที่ 10 มิถุนายน 2568';
    const bytes = xlsxBytes({
      prefix: 'x',
      sheets: [
        {
          name: 'ม.1-1',
          data: row(1, cell('A1', title)) + row(3, cell('A3', 'ชั้น'), cell('B3', 'ชื่อ')) + row(4, cell('A4', 'ม.1')),
          // What follows </sheetData> in the schema's order; a reversed ref, a one-cell "merge", junk.
          after:
            '<x:sheetProtection sheet="1"/><x:autoFilter ref="A3:B9"><x:filterColumn colId="0"/></x:autoFilter>' +
            '<!-- merges --><x:mergeCells count="6"><x:mergeCell ref="A1:T1"/><x:mergeCell ref="A4:A9"/>' +
            '<x:mergeCell ref=\'D6:C5\'/><x:mergeCell ref="E5"/><x:mergeCell ref="A1:XFE1"/><x:mergeCell/>' +
            '</x:mergeCells><x:pageMargins left="0.7"/>',
        },
        { name: 'ไม่มี', data: row(1, cell('A1', 1)) },
        // An empty sheet written <sheetData/> still has its merges read.
        { name: 'ว่าง', data: '', after: '<mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>' },
        {
          name: 'หลัง',
          data: row(1, cell('A1', 'x')),
          // Only mergeCells' own place counts: after the page set-up nothing is read any more.
          after: '<pageMargins left="0.7"/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
        },
      ],
    });
    const [a, b, empty, c] = readXlsxSheets(bytes);
    expect(empty!.values).toEqual([]);
    expect(empty!.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 2 }]);
    expect(a!.values[0]).toEqual([title]);
    expect(a!.merges).toEqual([
      { row: 0, col: 0, rows: 1, cols: 20 },
      { row: 3, col: 0, rows: 6, cols: 1 },
      { row: 4, col: 2, rows: 2, cols: 2 },
    ]);
    expect(b).not.toHaveProperty('merges');
    expect(c).not.toHaveProperty('merges');
    expect(readWorkbookBytes('t.xlsx', bytes).sheets[0]!.merges).toEqual(a!.merges);
    expect(mergedRange('$B$2:$C$3')).toEqual({ row: 1, col: 1, rows: 2, cols: 2 });
    expect(mergedRange('A1:A1')).toBeNull();
    expect(mergedRange('A0:B1')).toBeNull();
    expect(mergedRange('A1:B1048577')).toBeNull();
  });

  it('keeps at most MAX_MERGES merges of a sheet, each four numbers, quickly', () => {
    const n = MAX_MERGES + 5;
    const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join('');
    const bytes = xlsxBytes({
      sheets: [{ name: 'S', data: row(1, cell('A1', 'x')), after: `<mergeCells count="${n}">${merges}</mergeCells>` }],
    });
    const t0 = performance.now();
    const [s] = readXlsxSheets(bytes);
    const ms = performance.now() - t0;
    expect(s!.merges).toHaveLength(MAX_MERGES);
    expect(s!.merges![MAX_MERGES - 1]).toEqual({ row: MAX_MERGES - 1, col: 0, rows: 1, cols: 16_384 });
    expect(s!.values).toEqual([['x']]);
    expect(ms).toBeLessThan(5_000);
  });

  it('one far cell on every row is refused with a clear message naming a cell', () => {
    const data = Array.from({ length: 700 }, (_, i) => row(i + 1, cell(`XFD${i + 1}`, 1))).join('');
    const e = inputError(() => readXlsxSheets(xlsxBytes({ sheets: [{ name: 'ไกล', data }] })));
    expect(e.en).toMatch(/sheet "ไกล" spreads its data over more than 10,000,000 cells \(e\.g\. cell XFD611\)/);
    expect(e.th).toMatch(/แผ่นงาน "ไกล"/);
  });

  it('every cell type, namespace prefixes, inline strings, entities, _x000D_ escapes, phonetic runs', () => {
    const data =
      '<x:row r="1">' +
      '<x:c r="A1" t="s"><x:v>0</x:v></x:c>' +
      '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>ก&amp;ข</x:t></x:r><x:r><x:t xml:space="preserve"> ค_x000D_</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="C1" t="str"><x:f>A1</x:f><x:v>สูตร</x:v></x:c>' +
      '<x:c r="D1" t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c r="E1" t="b"><x:v>0</x:v></x:c>' +
      '<x:c r="F1" t="d"><x:v>2012-05-16T00:00:00</x:v></x:c>' +
      '<x:c r="G1" s="1"><x:v>41045</x:v></x:c>' +
      '<x:c r="H1" s="2"><x:v>41045</x:v></x:c>' +
      '<x:c r="I1" s="3"><x:v>0.5</x:v></x:c>' +
      '<x:c r="J1"><x:v>1101700207030</x:v></x:c>' +
      '<x:c r="K1" t="s"><x:v>99</x:v></x:c>' +
      '</x:row>' +
      // No r attributes: positions follow one another.
      '<x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>&#x0E01;&#3586;</x:t></x:is></x:c></x:row>';
    const bytes = xlsxBytes({
      prefix: 'x',
      sst: ['เลขประจำตัว'],
      numFmts: { 164: '[$-th-TH]d mmm bbbb;@', 165: '[h]:mm' },
      xfs: [0, 14, 164, 165],
      sheets: [{ name: 'S', data }],
    });
    const [s] = readXlsxSheets(bytes);
    expect(s!.values).toEqual([
      [
        'เลขประจำตัว',
        'ก&ข ค\r',
        'สูตร',
        '#N/A',
        false,
        new Date(2012, 4, 16),
        new Date(2012, 4, 16),
        new Date(2012, 4, 16),
        0.5,
        1101700207030,
      ],
      [1, 'กข'],
    ]);
  });

  it('reads serial dates in the 1904 system and Excel’s 1900 leap-year bug', () => {
    expect(serialToDate(1, false)).toEqual(new Date(1900, 0, 1));
    expect(serialToDate(61, false)).toEqual(new Date(1900, 2, 1));
    expect(serialToDate(41045.75, false)).toEqual(new Date(2012, 4, 16, 18, 0));
    expect(serialToDate(0, true)).toEqual(new Date(1904, 0, 1));
    const bytes = xlsxBytes({
      date1904: true,
      xfs: [0, 14],
      sheets: [{ name: 'S', data: row(1, cell('A1', 39583, ' s="1"')) }],
    });
    expect(readXlsxSheets(bytes)[0]!.values[0]![0]).toEqual(new Date(2012, 4, 16));
  });

  it('knows date formats from time-only and number formats', () => {
    for (const f of ['d/m/yyyy', 'dd-mmm-yy', '[$-1070000]d/m/bbbb;@', 'mmm yyyy', 'ว/ด/ปปปป', 'yyyy-mm-dd hh:mm'])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of ['[h]:mm', 'mm:ss', '0.00E+00', 'General', '#,##0', '"วันที่" 0', '[Red]0.0', '@'])
      expect(isDateFormat(f), f).toBe(false);
  });
});

describe('files that cannot be read say why, in Thai and English', () => {
  const good = xlsxBytes({ sheets: [{ name: 'S', data: row(1, cell('A1', 'a')) }] });

  it.each([
    ['a truncated workbook', 'cut.xlsx', good.subarray(0, good.length >> 1), /truncated or corrupt/],
    ['text named .xlsx', 'text.xlsx', enc('a,b\n1,2'), /not a zip archive/],
    [
      'an old .xls',
      'old.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /old \.xls file or a password-protected/,
    ],
    ['an .xls that is text', 'old.xls', enc('a,b\n1,2'), /old \.xls files are not supported/],
    ['an HTML table named .xls', 'web.xls', enc('<table><tr><td>1</td></tr></table>'), /a web page \(an HTML table\)/],
    [
      'an "Export to Excel" page named .xlsx, after a BOM',
      'export.xlsx',
      enc('\ufeff\r\n<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table></table></body></html>'),
      /a web page/,
    ],
    [
      'an HTML table named .csv',
      'export.csv',
      enc('<html xmlns:x="urn:schemas-microsoft-com:office:excel">'),
      /a web page/,
    ],
    ['XHTML', 'page.xls', enc('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), /a web page/],
    [
      'an Excel 2003 XML spreadsheet',
      'roster.xls',
      enc(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
      ),
      /Excel 2003 XML spreadsheet/,
    ],
    ['an .ods', 'calc.ods', good, /\.ods files are not supported: save as \.xlsx or \.csv/],
    ['a zip with no workbook', 'other.xlsx', zipSync({ 'a.txt': strToU8('hi') }), /holds no workbook/],
    ['an unknown type', 'roster.pdf', enc('%PDF'), /unknown file type "\.pdf"/],
  ])('%s', (_, name, bytes, message) => {
    const e = inputError(() => readWorkbookBytes(name, bytes));
    expect(e.message).toMatch(message);
    expect(e.en).toBe(e.message);
    expect(e.th).toMatch(/[\u0e01-\u0e5b]/);
  });

  it('a corrupt deflate stream names the part', () => {
    const bytes = good.slice();
    const name = enc('xl/workbook.xml');
    let at = -1;
    for (let i = 30; i < bytes.length && at < 0; i++) {
      if (name.every((b, k) => bytes[i + k] === b) && bytes[i - 30] === 0x50 && bytes[i - 29] === 0x4b) at = i - 30;
    }
    expect(bytes[at + 8]).toBe(8); // deflated
    // Block type 11 is reserved: no inflater reads past it.
    bytes[at + 30 + name.length + (bytes[at + 28]! | (bytes[at + 29]! << 8))] = 0x07;
    expect(inputError(() => readWorkbookBytes('bad.xlsx', bytes)).en).toMatch(/its part xl\/workbook\.xml is corrupt/);
  });

  it('a CSV with markup in its cells is still a CSV', () => {
    const csv = enc('ชื่อ,หมายเหตุ\nสมชาย,<table> ในหมายเหตุ\n');
    expect(readWorkbookBytes('roster.csv', csv).sheets[0]!.values[1]).toEqual(['สมชาย', '<table> ในหมายเหตุ']);
    expect(readWorkbookBytes('notes.csv', enc('<note>,b\n1,2')).sheets[0]!.values[0]).toEqual(['<note>', 'b']);
  });

  it('an xlsx saved under a .csv name is read as the workbook it is', () => {
    expect(readWorkbookBytes('roster.csv', good).sheets[0]!.name).toBe('S');
  });

  it('a folder, a missing file', async () => {
    mkdirSync(join(dir, 'folder.csv'), { recursive: true });
    expect((await rejects(readWorkbook(join(dir, 'folder.csv')))).en).toMatch(/is a folder/);
    expect((await rejects(readWorkbook(join(dir, 'missing.csv')))).th).toBe('ไม่พบไฟล์');
  });

  it('readWorkbook: the file name as source, one sheet named "" for a CSV', async () => {
    const wb = await readWorkbook(file('2568-3-student.csv', `${HEADER}\n${line(1)}`));
    expect(wb).toMatchObject({ source: '2568-3-student.csv', encoding: 'utf-8' });
    expect(wb.sheets).toEqual([{ name: '', values: [HEADER.split(','), line(1).split(',')] }]);
  });
});
