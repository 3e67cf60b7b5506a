/**
 * dmc-check FILE --fix OUT (runFix): the fixed copy keeps its format — a CSV its encoding, BOM, line
 * endings and every other byte; an xlsx every other cell, style, merge and sheet (read back with
 * exceljs, and with LibreOffice when installed) — the input is never overwritten, changes are listed
 * with masked IDs, and the exit code is that of checking the copy.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { encodeWindows874, fixCsvBytes } from '../src/cli/fix-csv';
import { fixXlsxBytes, xmlEscape } from '../src/cli/fix-xlsx';
import { runFix } from '../src/cli/fix';
import { readWorkbookBytes } from '../src/cli/read';
import { applyFixes, FIX_RULE, planWorkbookFixes, type Fix } from '../src/core/fixes';
import { parseSettings, type Settings } from '../src/core/settings';
import { withCheckDigit } from '../src/core/thai-id';
import { validateWorkbook } from '../src/core/validate';
import type { Cell } from '../src/core/types';
import { DMC_LEAD_HEADERS } from './support/dmc-download';

const dir = mkdtempSync(join(tmpdir(), 'dmc-fix-'));
const path = (name: string) => join(dir, name);
function file(name: string, content: string | Uint8Array): string {
  writeFileSync(path(name), content);
  return path(name);
}

/** The end-of-year check of academic year 2567, as the DMC-shaped file says. */
const SETTINGS: Settings = parseSettings({ asOf: '2025-03-20', academicYear: 2567 }).settings;

async function fix(input: string, out: string, options: Parameters<typeof runFix>[4] = {}, settings = SETTINGS) {
  let stdout = '';
  let stderr = '';
  const code = await runFix(
    input,
    out,
    settings,
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    options,
  );
  return { code, stdout, stderr };
}

const ID = (i: number) => withCheckDigit(`11037${String(10_000_000 + i).slice(1)}`);
/** A person type 0 ID: what a number cell turns into 12 digits. */
const ZERO_ID = (i: number) => withCheckDigit(`01037${String(10_000_000 + i).slice(1)}`);

const HEAD = 'เลขประจำตัวประชาชน,คำนำหน้าชื่อ,ชื่อ,นามสกุล,เพศ,วันเดือนปีเกิด,ชั้น,ห้อง,น้ำหนัก,ส่วนสูง,ที่อยู่';

/** A CSV roster; `bad` puts the slips the fixes repair into it. Quoted addresses hold commas and a line break. */
function csvRows(bad: boolean): string[] {
  return [
    HEAD,
    `${bad ? `'${ID(1)}` : ID(1)},${bad ? 'ด.ช.' : 'เด็กชาย'},สมชาย,${bad ? 'ใจ  ดี' : 'ใจ ดี'},ชาย,15/03/2556,ป.6,1,35,140,"12, หมู่ 3"`,
    `${ID(2)},เด็กหญิง,${bad ? 'เเพรวา' : 'แพรวา'},มีสุข,หญิง,01/06/2556,ป.6,${bad ? '๒' : '2'},33,${bad ? '1.38' : '138'},"บ้าน ""สวน""\nหลังวัด"`,
    `${bad ? ZERO_ID(3).slice(1) : ZERO_ID(3)},เด็กชาย,ธนากร,บุญมา,ชาย,20/12/2556,ป.6,1,${bad ? '36500' : '36.5'},142,`,
  ];
}

describe('--fix on a CSV', () => {
  it('changes only the fixed cells: UTF-8 BOM, CRLF and quoting kept byte for byte', async () => {
    const input = file('bom-crlf.csv', `\ufeff${csvRows(true).join('\r\n')}\r\n`);
    const r = await fix(input, path('bom-crlf.fixed.csv'), { lang: 'en' });
    expect(r.stderr).toBe('');
    expect(readFileSync(path('bom-crlf.fixed.csv'), 'utf8')).toBe(`\ufeff${csvRows(false).join('\r\n')}\r\n`);
    expect(r.stdout).toContain('fixed 8 cells');
    expect(r.stdout).not.toContain('note:');
    expect(r.code).toBe(0);
  });

  it('keeps LF endings and no BOM', async () => {
    const input = file('lf.csv', csvRows(true).join('\n'));
    await fix(input, path('lf.fixed.csv'));
    expect(readFileSync(path('lf.fixed.csv'), 'utf8')).toBe(csvRows(false).join('\n'));
  });

  it('keeps Windows-874: the copy decodes as Windows-874 to the fixed text', async () => {
    const tis = (s: string) =>
      Uint8Array.from(
        [...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x0e01 + 0xa1)),
      );
    const input = file('tis.csv', tis(csvRows(true).join('\r\n')));
    const r = await fix(input, path('tis.fixed.csv'));
    const out = readFileSync(path('tis.fixed.csv'));
    expect(new TextDecoder('windows-874').decode(out)).toBe(csvRows(false).join('\r\n'));
    expect(out.every((b) => b < 0xfc)).toBe(true);
    expect(r.code).toBe(0);
  });

  it('keeps UTF-16 with its BOM (Excel "Unicode Text", tab-separated)', async () => {
    const text = csvRows(true)
      .slice(0, 2)
      .map((l) => l.replace(/,"12, หมู่ 3"$/, ',').replace(/,/g, '\t'))
      .join('\r\n');
    const bytes = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    const r = fixCsvBytes(bytes, planWorkbookFixes({ sheets: readWorkbookBytes('u.txt', bytes).sheets }, SETTINGS));
    expect(r.whole).toBe(false);
    expect(Buffer.from(r.bytes).toString('utf16le')).toBe(
      `\ufeff${csvRows(false)
        .slice(0, 2)
        .map((l) => l.replace(/,"12, หมู่ 3"$/, ',').replace(/,/g, '\t'))
        .join('\r\n')}`,
    );
  });

  it('writes the file again whole, same encoding and line endings, when a stray quote hides the cells', async () => {
    const rows = csvRows(true).slice(0, 3);
    rows[1] = rows[1]!.replace('"12, หมู่ 3"', '"บ้านเลขที่ 12');
    const input = file('stray.csv', `\ufeff${rows.join('\r\n')}\r\n`);
    const r = await fix(input, path('stray.fixed.csv'), { lang: 'en' });
    expect(r.stdout).toContain('note: the CSV cells could not be located byte for byte');
    const out = readFileSync(path('stray.fixed.csv'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\r?\n/g)).toEqual(['\r\n', '\r\n', '\r\n']);
    const again = readWorkbookBytes('x.csv', out).sheets[0]!.values;
    const expected = csvRows(false)
      .slice(0, 3)
      .map((l) => readWorkbookBytes('y.csv', new TextEncoder().encode(`${HEAD}\r\n${l}`)).sheets[0]!.values[1]);
    expect(again[1]).toEqual([...expected[1]!.slice(0, 10), '"บ้านเลขที่ 12']);
    expect(again[2]).toEqual(expected[2]);
  });

  it('on the example roster: the เเ and the metres are fixed and their findings gone', async () => {
    const input = file('roster.csv', readFileSync(new URL('../examples/roster.csv', import.meta.url)));
    const r = await fix(input, path('roster.fixed.csv'), { lang: 'en' }, parseSettings({}).settings);
    expect(r.stdout).toContain('2 findings gone (name.thai-typo 1, height.unit 1)');
    expect(r.code).toBe(1);
    const before = readFileSync(input, 'utf8').split('\r\n');
    const after = readFileSync(path('roster.fixed.csv'), 'utf8').split('\r\n');
    expect(after).toHaveLength(before.length);
    // Only lines with a fix differ, and in them only the fixed cells.
    const changed = before.map((l, i) => (l === after[i] ? null : i)).filter((i) => i !== null);
    expect(changed.length).toBeGreaterThan(40);
  });
});

describe('--fix refuses and reports', () => {
  it('never overwrites the input: same path, another spelling of it, or a link to it (exit 2)', async () => {
    const input = file('same.csv', csvRows(true).join('\r\n'));
    const original = readFileSync(input);
    for (const out of [input, join(dir, '.', 'same.csv'), `${dir}/../${dir.split('/').pop()}/same.csv`]) {
      const r = await fix(input, out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ');
    }
    symlinkSync(input, path('link.csv'));
    const en = await fix(input, path('link.csv'), { lang: 'en' });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('the output must not be the input');
    expect(readFileSync(input)).toEqual(original);
  });

  it('an unreadable input or output gives exit 2 with the reason', async () => {
    expect((await fix(path('nope.csv'), path('nope.fixed.csv'), { lang: 'en' })).stderr).toContain('file not found');
    const input = file('ok.csv', csvRows(true).join('\r\n'));
    const r = await fix(input, join(dir, 'no-such-folder', 'out.csv'), { lang: 'en' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write (ENOENT)');
  });

  it("writes the copy in the input's format only: OUT must carry its kind of name", async () => {
    const input = file('kind.csv', csvRows(true).join('\r\n'));
    const r = await fix(input, path('kind.fixed.xlsx'), { lang: 'en' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the output is written in the input's format — give it a name ending in .csv");
    expect(existsSync(path('kind.fixed.xlsx'))).toBe(false);
  });

  it('masks IDs in the list of changes unless asked to show them', async () => {
    const input = file('ids.csv', csvRows(true).join('\r\n'));
    const masked = await fix(input, path('ids.fixed.csv'));
    expect(masked.stdout).not.toMatch(/\d{12}/);
    expect(masked.stdout).toContain('1-xxxx-xxxxx-xx-');
    const shown = await fix(input, path('ids.fixed.csv'), { showIds: true });
    expect(shown.stdout).toContain(ID(1));
  });

  it('lists each change in Thai by default, in English with lang en, invisible characters shown', async () => {
    const input = file('zw.csv', `${HEAD}\r\n${ID(1)},เด็กชาย,สม\u200bชาย,ใจดี,ชาย,15/03/2556,ป.6,1,35,140,`);
    const th = await fix(input, path('zw.fixed.csv'));
    expect(th.stdout).toContain('แก้ 1 เซลล์');
    expect(th.stdout).toContain('C2     ชื่อ: ลบช่องว่างเกินและอักขระที่มองไม่เห็น: «สม\\u200bชาย» → «สมชาย»');
    const en = await fix(input, path('zw.fixed.csv'), { lang: 'en' });
    expect(en.stdout).toContain('C2     first name: extra spaces and invisible characters removed');
    expect(en.stdout).toContain('checked the fixed copy: 1 finding gone (name.whitespace 1)');
    expect(en.code).toBe(0);
  });

  it('without anything to fix, writes an unchanged copy and says so', async () => {
    const input = file('clean.csv', csvRows(false).join('\r\n'));
    const r = await fix(input, path('clean.fixed.csv'), { lang: 'en' });
    expect(r.stdout).toContain('nothing can be fixed automatically');
    expect(readFileSync(path('clean.fixed.csv'))).toEqual(readFileSync(input));
    expect(r.code).toBe(0);
  });

  it('a prefix-word switch turns ด.ช. → เด็กชาย off', async () => {
    const input = file('words.csv', csvRows(true).join('\r\n'));
    await fix(input, path('words.fixed.csv'), { prefixWords: false });
    expect(readFileSync(path('words.fixed.csv'), 'utf8').split('\r\n')[1]).toContain(',ด.ช.,');
  });

  it('Windows-874 encoding refuses what it cannot hold', () => {
    expect(() => encodeWindows874('ก€…')).not.toThrow();
    expect(() => encodeWindows874('ก中')).toThrow('U+4E2D');
    expect(xmlEscape('a<b & _x0041_ \u0001')).toBe('a&lt;b &amp; _x005F_x0041_ _x0001_');
  });
});

// ——— A DMC download as the school gets it, re-saved by Excel: IDs in number cells. ———

const DMC_HEAD = [...DMC_LEAD_HEADERS, 'หมู่เลือด', 'ศาสนา', 'สัญชาติ'];
const FIRST = ['สมชาย', 'ธนากร', 'ปวริศ', 'กมลชนก', 'ณัฐธิดา', 'ชุติมา'];
const LAST = ['ใจดี', 'มีสุข', 'บุญมา', 'ทองดี', 'ศรีสวัสดิ์', 'พรหมมา'];

/** 60 students of ป.1–ม.3; the slips a re-saved download carries are planted on a few rows each. */
function dmcRows(): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < 60; i++) {
    const level = i % 9; // ป.1 … ม.3
    const grade = level < 6 ? `ป.${level + 1}` : `ม.${level - 5}`;
    const age = 6 + level; // on 16 May 2567, as the grade expects
    const girl = i % 2 === 1;
    const id = i % 10 === 3 ? ZERO_ID(i) : ID(i);
    const dob = `${String(1 + (i % 27)).padStart(2, '0')}/0${1 + (i % 4)}/${2567 - age}`;
    const w = 18 + level * 4;
    const h = 118 + level * 6;
    rows.push([
      '10100001',
      'โรงเรียนบ้านตัวอย่าง',
      Number(id), // Excel made the ID a number: type-0 IDs lost their zero
      grade,
      i % 7 === 0 ? '๒' : '1',
      String(19000 + i),
      girl ? 'ญ' : 'ช',
      i % 5 === 0 ? (girl ? 'ด.ญ.' : 'ด.ช.') : girl ? 'เด็กหญิง' : 'เด็กชาย',
      i % 11 === 0 ? ` ${FIRST[i % 6]}` : FIRST[i % 6]!,
      i % 13 === 0 ? 'เเก้วมณี' : i % 17 === 0 ? `${LAST[i % 6]}  ` : LAST[i % 6]!,
      dob,
      age,
      i % 12 === 5 ? w * 1000 : w,
      i % 14 === 6 ? h / 100 : h,
      'O',
      'พุทธ',
      'ไทย',
    ]);
  }
  return rows;
}

async function dmcWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ข้อมูลนักเรียนรายบุคคล');
  ws.addRow(['วันและเวลาที่สร้างรายงาน 15/03/2568 02:00:00']);
  ws.mergeCells('A1:F1');
  const head = ws.addRow(DMC_HEAD);
  head.font = { bold: true, name: 'TH SarabunPSK', size: 16 };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const r of dmcRows()) {
    const row = ws.addRow(r);
    row.getCell(13).numFmt = '0.0';
    row.getCell(3).border = { bottom: { style: 'thin' } };
  }
  // A weight computed by a formula: its value is not the fix's to change.
  ws.getCell('M8').value = { formula: '38*1000', result: 38000 };
  ws.columns.forEach((c, i) => (c.width = 10 + i));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  const notes = wb.addWorksheet('คำชี้แจง');
  notes.addRow(['ห้ามแก้ไขหัวตาราง', 'รวม']);
  notes.addRow(['  ช่องว่าง  ', { formula: 'COUNTA(ข้อมูลนักเรียนรายบุคคล!C3:C62)', result: 60 }]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of every sheet, by "sheet!A1": value and style as exceljs reads them. */
async function cellsOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const cells = new Map<string, { value: unknown; style: string }>();
  const sheets = wb.worksheets.map((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) =>
        cells.set(`${ws.name}!${c.address}`, { value: c.value, style: JSON.stringify(c.style) }),
      ),
    );
    return {
      name: ws.name,
      merges: JSON.stringify((ws.model as { merges?: unknown }).merges),
      widths: ws.columns.map((c) => c.width),
      views: JSON.stringify(ws.views),
    };
  });
  return { cells, sheets };
}

describe('--fix on a DMC download re-saved with number IDs (xlsx)', () => {
  it('writes the fixes, keeps every other cell, style, merge and sheet, and skips the formula', async () => {
    const bytes = await dmcWorkbook();
    const input = file('2567-3-student.xlsx', bytes);
    const r = await fix(input, path('2567-3-student.fixed.xlsx'), { lang: 'en' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('M8: holds a formula — not fixed');
    const out = readFileSync(path('2567-3-student.fixed.xlsx'));

    const wb = readWorkbookBytes('2567-3-student.xlsx', bytes);
    const planned = planWorkbookFixes({ source: wb.source, sheets: wb.sheets }, SETTINGS);
    const written = planned.filter((f) => f.cell !== 'M8');
    const at = new Map(written.map((f) => [`${f.sheet}!${f.cell}`, f]));

    const a = await cellsOf(bytes);
    const b = await cellsOf(out);
    expect(b.sheets).toEqual(a.sheets);
    expect([...b.cells.keys()].sort()).toEqual([...a.cells.keys()].sort());
    for (const [key, was] of a.cells) {
      const now = b.cells.get(key)!;
      const f = at.get(key);
      if (!f) {
        expect(now, key).toEqual(was);
        continue;
      }
      expect(now.value, key).toEqual(f.after);
      const style = JSON.parse(now.style);
      if (f.field === 'cid') expect(style.numFmt, key).toBe('@');
      else expect(now.style, key).toBe(was.style);
      // Apart from the number format, an ID cell keeps its font, border and fill.
      expect({ ...style, numFmt: undefined }, key).toEqual({ ...JSON.parse(was.style), numFmt: undefined });
    }

    // The copy, read again, needs no more fixes but the formula's.
    const again = readWorkbookBytes('2567-3-student.xlsx', out);
    expect(planWorkbookFixes({ source: again.source, sheets: again.sheets }, SETTINGS).map((f) => f.cell)).toEqual([
      'M8',
    ]);
    expect(r.code).toBe(0);
  });

  it('removes every finding its fixes answer: the figures by kind', async () => {
    const bytes = await dmcWorkbook();
    const wb = readWorkbookBytes('2567-3-student.xlsx', bytes);
    const input = { source: wb.source, sheets: wb.sheets };
    const fixes = planWorkbookFixes(input, SETTINGS);
    const { bytes: out, written } = fixXlsxBytes(bytes, fixes);
    const count = (sheets: typeof wb.sheets) => {
      const n = new Map<string, number>();
      for (const rep of validateWorkbook({ source: wb.source, sheets }, SETTINGS).reports)
        for (const f of rep.findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
      return n;
    };
    const before = count(wb.sheets);
    const after = count(readWorkbookBytes('2567-3-student.xlsx', out).sheets);
    const byKind = new Map<string, number>();
    for (const f of written) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    expect(Object.fromEntries(byKind)).toEqual({
      'cid-as-text': 54,
      'cid-leading-zero': 6,
      'thai-digits': 9,
      'prefix-word': 12,
      spaces: 9,
      'sara-e': 5,
      'weight-grams': 4,
      'height-metres': 4,
    });
    const gone = Object.fromEntries(
      [...before].map(([rule, n]) => [rule, n - (after.get(rule) ?? 0)]).filter(([, d]) => d !== 0),
    );
    expect(gone).toEqual({
      'cid.stored-as-number': 60,
      'cid.leading-zero-lost': 6,
      'name.whitespace': 9,
      'name.thai-typo': 5,
      'weight.unit': 4,
      'height.unit': 4,
    });
    // The formula's grams stay a finding: a person fixes what the formula reads.
    expect(after.get('weight.unit')).toBe(1);
    for (const f of written) if (FIX_RULE[f.kind]) expect(before.get(FIX_RULE[f.kind]!)).toBeGreaterThan(0);
  });

  it('writes the same bytes for the same input and fixes; values read back equal applyFixes', async () => {
    const bytes = await dmcWorkbook();
    const wb = readWorkbookBytes('2567-3-student.xlsx', bytes);
    const fixes = planWorkbookFixes({ sheets: wb.sheets }, SETTINGS).filter((f: Fix) => f.cell !== 'M8');
    const one = fixXlsxBytes(bytes, fixes).bytes;
    expect(fixXlsxBytes(bytes, fixes).bytes).toEqual(one);
    const again = readWorkbookBytes('x.xlsx', one).sheets;
    expect(again[0]!.values).toEqual(applyFixes(wb.sheets[0]!.values, fixes));
    expect(again[1]!.values).toEqual(wb.sheets[1]!.values);
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('the fixed xlsx in LibreOffice', () => {
  it.runIf(SOFFICE || process.env.CI)(
    'opens with every untouched cell as in the input, the fixed IDs as text with their zero',
    async () => {
      const bytes = await dmcWorkbook();
      const lo = mkdtempSync(join(tmpdir(), 'dmc-fix-lo-'));
      writeFileSync(join(lo, 'in.xlsx'), bytes);
      const r = await fix(join(lo, 'in.xlsx'), join(lo, 'out.xlsx'));
      expect(r.code).toBe(0);
      await promisify(execFile)(
        SOFFICE!,
        [
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          lo,
          join(lo, 'in.xlsx'),
          join(lo, 'out.xlsx'),
        ],
        { env: { ...process.env, HOME: lo }, timeout: 120_000 },
      );
      const read = (name: string) => Papa.parse<string[]>(readFileSync(join(lo, name), 'utf8').trim()).data;
      const before = read('in.csv');
      const after = read('out.csv');
      const wb = readWorkbookBytes('in.xlsx', bytes);
      const fixes = planWorkbookFixes({ sheets: wb.sheets }, SETTINGS).filter(
        (f) => f.sheet === 'ข้อมูลนักเรียนรายบุคคล' && f.cell !== 'M8',
      );
      const fixed = new Map(fixes.map((f) => [`${f.row}:${f.col}`, f]));
      expect(after).toHaveLength(before.length);
      let zeros = 0;
      before.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = fixed.get(`${r}:${c}`);
          if (!f) expect(after[r]![c], `${r}:${c}`).toBe(v);
          else {
            // Numbers show in the cell's own format ("0.0"); IDs are text, zero and all.
            if (typeof f.after === 'number') expect(Number(after[r]![c]), f.cell).toBe(f.after);
            else expect(after[r]![c], f.cell).toBe(f.after);
            if (f.kind === 'cid-leading-zero') zeros++;
          }
        }),
      );
      expect(zeros).toBe(6);
    },
    150_000,
  );
});
