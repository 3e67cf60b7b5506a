import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { splitCsv } from '../src/cli/csv';
import { formatCsv, formatJson, formatText, maskIdsIn, stripControls, workbookReports } from '../src/cli/format';
import { withCheckDigit } from '../src/core/thai-id';
import type { Finding } from '../src/core/types';
import { validateWorkbook } from '../src/core/validate';
import { roster, SETTINGS } from './support/rules';

const run = promisify(execFile);
const BIN = new URL('../bin/dmc-check.mjs', import.meta.url).pathname;
const EXAMPLE = new URL('../examples/roster.xlsx', import.meta.url).pathname;
const EXAMPLE_CSV = new URL('../examples/roster.csv', import.meta.url).pathname;
const AS_OF = ['--as-of', String(SETTINGS.asOf)];

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'dmc-check-'));
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const csvOf = (rows: unknown[][]) => rows.map((r) => r.map((v) => String(v ?? '')).join(',')).join('\r\n');

/** Windows-874 (TIS-620) bytes: Thai letters U+0E01–U+0E5B sit at 0xA1–0xFB. */
function tis620(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
      if (c > 0x7f) throw new Error(`not in TIS-620: ${ch}`);
      return c;
    }),
  );
}

describe('dmc-check', () => {
  it('checks the example workbook: JSON with findings per RULES.md, exit 1 for errors', async () => {
    const r = await cli(EXAMPLE, '--format', 'json', ...AS_OF);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['source', 'sheet', 'findings', 'summary']);
    expect(out.source).toBe('roster.xlsx');
    expect(out.sheet).toBe('นักเรียน');
    expect(out.summary.students).toBe(60);
    const rules = out.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'cid.checksum',
        'cid.duplicate',
        'cid.stored-as-number',
        'prefix.gender',
        'gcode.present',
      ]),
    );
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'field', 'row', 'column', 'cell', 'value', 'message']);
    }
  });

  it('finds the same problems in the example CSV, except what only cell types show', async () => {
    const x = JSON.parse((await cli(EXAMPLE, '--format', 'json', ...AS_OF)).stdout);
    const c = JSON.parse((await cli(EXAMPLE_CSV, '--format', 'json', ...AS_OF)).stdout);
    const key = (f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`;
    const typed = new Set(['cid.stored-as-number']);
    expect(c.findings.map(key)).toEqual(x.findings.filter((f: { rule: string }) => !typed.has(f.rule)).map(key));
  });

  it('prints a Thai report by default and English on request', async () => {
    const th = await cli(EXAMPLE, ...AS_OF);
    expect(th.stdout).toContain('ข้อผิดพลาด');
    expect(th.stdout).toContain('ผู้เข้าสอบปลายภาค');
    const en = await cli(EXAMPLE, '--lang', 'en', ...AS_OF);
    expect(en.stdout).toContain('Errors');
    expect(en.stdout).not.toMatch(/ข้อผิดพลาด/);
  });

  it('exits 0 for a clean roster', async () => {
    const p = file('clean.csv', csvOf(roster({ more: [{}] })));
    const r = await cli(p, ...AS_OF);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ไม่พบปัญหา');
  });

  it('reads a date of birth written over three columns (a CSV: the reader’s columns)', async () => {
    const ID = (i: number) => withCheckDigit(`11037000012${i}`);
    const rows = [
      ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'ชั้น', 'วันเกิด', 'เดือนเกิด', 'ปีเกิด'],
      [ID(1), 'ด.ช.', 'สมชาย', 'ใจดี', 'ชาย', 'ป.6', '15', '3', '2558'],
      [ID(2), 'ด.ช.', 'ธนากร', 'มีสุข', 'ชาย', 'ป.6', '31', '2', '2557'],
    ];
    const csv = await cli(file('split-dob.csv', csvOf(rows)), '--format', 'json', ...AS_OF);
    const out = JSON.parse(csv.stdout);
    const onRows = out.findings.filter((f: Finding) => f.row !== null);
    expect(onRows.map((f: Finding) => [f.rule, f.cell, f.value])).toEqual([['dob.invalid', 'G3', '31/2/2557']]);
  });

  it('reads a header of two rows (a CSV of a roster with merged headers)', async () => {
    const ID = (i: number) => withCheckDigit(`11037000013${i}`);
    const rows = [
      ['ที่', 'เลขประจำตัวประชาชน', 'ชื่อ - สกุล', '', '', 'วันเดือนปีเกิด', '', '', 'เพศ', 'ชั้น'],
      ['', '', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วัน', 'เดือน', 'ปี', '', ''],
      ['1', ID(1), 'ด.ช.', 'สมชาย', 'ใจดี', '15', '3', '2558', 'ชาย', 'ป.6'],
      ['2', ID(2), 'ด.ญ.', 'สมศรี', 'มีสุข', '31', '2', '2557', 'ชาย', 'ป.6'],
    ];
    const out = JSON.parse((await cli(file('two-rows.csv', csvOf(rows)), '--format', 'json', ...AS_OF)).stdout);
    expect(out.summary).toMatchObject({ headerRow: 2, students: 2 });
    const onRows = out.findings.filter((f: Finding) => f.row !== null);
    expect(onRows.map((f: Finding) => [f.rule, f.cell, f.value])).toEqual([
      ['prefix.gender', 'C4', 'ด.ญ.'],
      ['dob.invalid', 'F4', '31/2/2557'],
    ]);
  });

  it('reads a Windows-874 CSV written by Thai Excel', async () => {
    const rows = roster({ row: { gender: 'ชย' } });
    const p = file('tis620.csv', tis620(csvOf(rows)));
    const r = await cli(p, '--format', 'json', ...AS_OF);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { rule: string; value: string }) => [f.rule, f.value])).toEqual([
      ['gender.invalid', 'ชย'],
    ]);
  });

  it('neutralises formulas in CSV output', async () => {
    const p = file('formula.csv', csvOf(roster({ row: { firstName: '=HYPERLINK("x")' } })));
    const r = await cli(p, '--format', 'csv', ...AS_OF);
    expect(r.stdout).toContain(`'=HYPERLINK`);
    expect(r.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('reports a cid shared by two files', async () => {
    const a = file('a.csv', csvOf(roster({})));
    const b = file('b.csv', csvOf(roster({ row: { firstName: 'ธนากร' } })));
    const out = JSON.parse((await cli(a, b, '--format', 'json', ...AS_OF)).stdout);
    expect(out.map((o: { source: string }) => o.source)).toEqual(['a.csv', 'b.csv']);
    expect(out[0].findings.map((f: { rule: string }) => f.rule)).toContain('cid.duplicate-across-files');
  });

  it('reads a Buddhist Era 29 February by the CE year: 2567-02-29 is a day, 2568-02-29 is refused, never a crash', async () => {
    const a = file('leap.csv', csvOf(roster({})));
    const leap = await cli(a, '--as-of', '2567-02-29', '--lang', 'en');
    expect(leap.code).toBe(0);
    expect(leap.stdout).toContain('2024-02-29');
    const none = await cli(a, '--as-of', '2568-02-29', '--lang', 'en');
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toMatch(/--as-of: expected a date/);
    expect(none.stderr).not.toMatch(/TypeError|at .*\.m?js:\d+/);
  });

  it.each([
    [['missing.csv'], /missing\.csv: file not found/],
    [['roster.pdf'], /unknown file type/],
    [['--format', 'xml', 'x.csv'], /--format must be/],
    [['--as-of', '2027-02-30', 'x.csv'], /--as-of: expected a date/],
    [[], /give at least one/],
  ])('exits 2 with one clear line for %j (--lang en)', async (args, message) => {
    const r = await cli('--lang', 'en', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/);
  });

  it('speaks Thai by default: errors, usage and the academic-year slip', async () => {
    const missing = await cli('missing.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.csv: ไม่พบไฟล์/);
    const ce = await cli('--academic-year', '2027', 'x.csv');
    expect(ce.code).toBe(2);
    expect(ce.stderr.split('\n')[0]).toBe('dmc-check: --academic-year 2027 เป็นปี ค.ศ.: ปีการศึกษาใช้ พ.ศ. คือ 2570');
    expect(ce.stderr).toContain('วิธีใช้: dmc-check');
    const help = await cli('--help', '--lang', 'en');
    expect(help.stdout).toMatch(/^Usage: dmc-check/);
  });

  it('answers --help before anything else is checked, but not past an option it does not know', async () => {
    const help = await cli('-h', 'missing.csv', '--format', 'xml');
    expect(help).toEqual({ code: 0, stdout: expect.stringMatching(/^วิธีใช้: dmc-check/), stderr: '' });
    const unknown = await cli('--help', '--nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^dmc-check: ตัวเลือกไม่ถูกต้อง: .*--nope/);
  });

  it('exits 2 for binary junk and a fake workbook, naming the file', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    for (const name of ['junk.csv', 'junk.xlsx']) {
      const r = await cli('--lang', 'en', file(name, junk));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name}: not a`));
    }
  });

  it('writes the ID-correction form for the students with citizen-ID findings', async () => {
    const out = join(dir, 'form.xlsx');
    const r = await cli(EXAMPLE, ...AS_OF, '--correction-form', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('นักเรียน 4 คน');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('K7').value).toBe('เลขประจำตัวประชาชน (เดิม)');
    expect([8, 9, 10, 11].map((n) => ws.getCell(`M${n}`).value)).toEqual([
      'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)',
      'เลขประจำตัวประชาชนซ้ำกับนักเรียนคนอื่น',
      'เลขประจำตัวประชาชนซ้ำกับนักเรียนคนอื่น',
      'ได้รับเลขประจำตัวประชาชนแล้ว ขอเปลี่ยนจาก G-code',
    ]);
    const twice = await cli(EXAMPLE, EXAMPLE_CSV, '--correction-form', out);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('ไฟล์ต้นทางไฟล์เดียว');
  });

  it('reads a named sheet and says which sheets exist when it is missing', async () => {
    const r = await cli(EXAMPLE, '--sheet', 'ไม่มี');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('นักเรียน');
  });
});

describe('dmc-check on files as schools have them', () => {
  it('reads every row of a CSV whose line endings change halfway (CRLF then LF)', async () => {
    const rows = roster({ more: Array.from({ length: 8 }, () => ({})) });
    const text = rows.map((r, i) => r.map((v) => String(v ?? '')).join(',') + (i < 3 ? '\r\n' : '\n')).join('');
    const out = JSON.parse((await cli(file('mixed.csv', text), '--format', 'json', ...AS_OF)).stdout);
    expect(out.summary.students).toBe(9);
  });

  it('strips escape sequences from the text report and masks IDs in JSON by default', async () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mสม\u202eชาย';
    const p = file('hostile.csv', csvOf(roster({ row: { firstName: hostile, fatherCid: '1234' } })));
    const text = await cli(p, ...AS_OF);
    expect(text.stderr).toBe('');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    const json = await cli(p, '--format', 'json', ...AS_OF);
    expect(json.stdout).not.toMatch(/\d{13}/);
    expect(json.stdout).not.toContain(String(roster({})[1]![0]));
  });

  it('a truncated workbook and a folder: exit 2, one line, no stack trace', async () => {
    const bytes = readFileSync(EXAMPLE);
    for (const path of [file('cut.xlsx', bytes.subarray(0, bytes.length >> 1)), dir]) {
      const r = await cli(path, ...AS_OF);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/);
    }
  });
});

describe('reports: what cells may not do to a terminal, and IDs', () => {
  const ID = withCheckDigit('110370000123');
  const FATHER = withCheckDigit('310370000456');
  const report = validateWorkbook(
    { source: '2568-3-student.csv', sheets: [{ name: '', values: roster({}) }] },
    SETTINGS,
  ).reports[0]!;
  const finding = (over: Partial<Finding>): Finding => ({
    rule: 'name.invalid',
    severity: 'error',
    field: 'firstName',
    row: 2,
    column: 'ชื่อ',
    cell: 'D2',
    value: '',
    message: { th: 'ชื่อมีอักขระแปลก', en: 'odd characters in the name' },
    ...over,
  });
  const withFindings = (findings: Finding[]) => [{ ...report, source: 'a.csv', findings }];
  const ESCAPES = [
    ['clear screen and colour', '\u001b[2J\u001b[1;31mสมชาย\u001b[0m', 'สมชาย'],
    ['window title', '\u001b]0;owned\u0007สมชาย', 'สมชาย'],
    ['OSC 8 hyperlink', '\u001b]8;;https://evil.example\u001b\\สมชาย\u001b]8;;\u001b\\', 'สมชาย'],
    ['8-bit CSI', '\u009b31mสมชาย', 'สมชาย'],
    ['bidi override and isolate', 'abc\u202edef\u2066g\u2069', 'abcdefg'],
    ['bell, backspace, NUL, DEL', 'a\u0007b\u0008c\u0000d\u007f', 'abcd'],
    ['line breaks and tabs', 'a\r\nb\tc', 'a  b c'],
  ] as const;

  it.each(ESCAPES)('strips %s', (_, input, output) => {
    expect(stripControls(input)).toBe(output);
  });

  // eslint-disable-next-line no-control-regex -- what may not reach a terminal
  const UNSAFE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  it('no escape reaches the text or CSV report; JSON keeps them as \\u escapes', () => {
    const reports = withFindings(
      ESCAPES.map(([, v]) => finding({ value: v, message: { th: `ค่า "${v}"`, en: `value "${v}"` } })),
    );
    for (const out of [formatText(reports, 'th'), formatText(reports, 'en'), formatCsv(reports, 'th')])
      expect(out).not.toMatch(UNSAFE);
    const json = formatJson(reports);
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json).findings[3].value).toBe(ESCAPES[3][1]);
  });

  it('masks IDs in every format by default, parents’ too, however they are written; --show-ids prints them', () => {
    const thaiDigits = ID.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
    const dotted = `${ID[0]}.${ID.slice(1, 5)}.${ID.slice(5, 10)}.${ID.slice(10, 12)}.${ID[12]}`;
    const reports = withFindings([
      finding({
        rule: 'cid.checksum',
        field: 'cid',
        value: ID,
        message: { th: `เลข ${ID} ผิด`, en: `ID ${ID} is wrong` },
      }),
      finding({ rule: 'cid.leading-zero-lost', field: 'cid', value: ID.slice(1), message: { th: 'x', en: 'x' } }),
      finding({ rule: 'cid.duplicate', field: 'fatherCid', value: FATHER, message: { th: `ซ้ำ ${FATHER}`, en: 'dup' } }),
      finding({ field: 'cid', value: '1.10170020703E+12', message: { th: 'x', en: 'x' } }),
      finding({
        field: 'firstName',
        value: thaiDigits,
        message: { th: `เลข ${dotted}`, en: `spaced ${ID.split('').join(' ')}` },
      }),
    ]);
    const outputs = [
      formatText(reports, 'th'),
      formatText(reports, 'en'),
      formatCsv(reports, 'en'),
      formatJson(reports),
    ];
    for (const out of outputs) {
      for (const secret of [ID, ID.slice(1), FATHER, thaiDigits, dotted, '10170020703', ID.slice(1, 12)]) {
        expect(out).not.toContain(secret);
      }
      expect(out).toContain(`${ID[0]}-xxxx-xxxxx-xx-${ID[12]}`);
    }
    const shown = formatJson(reports, { showIds: true });
    expect(JSON.parse(shown).findings.map((f: Finding) => f.value)).toEqual([
      ID,
      ID.slice(1),
      FATHER,
      '1.10170020703E+12',
      thaiDigits,
    ]);
    expect(formatText(reports, { lang: 'th', showIds: true })).toContain(`เลข ${ID} ผิด`);
    expect(maskIdsIn(`call 081-234-5678 on 2568-05-16, student 19001`)).toBe(
      'call 081-234-5678 on 2568-05-16, student 19001',
    );
  });

  it('CSV cells holding commas, quotes and edge spaces read back as written', () => {
    const value = ' ก,ข "ค" ';
    const csv = formatCsv(withFindings([finding({ value, message: { th: '=1+1', en: 'x' } })]), 'th');
    const back = splitCsv(csv.slice(1)).values;
    expect(back[1]!.slice(7)).toEqual([value, "'=1+1"]);
  });

  it('JSON is compact unless pretty', () => {
    const reports = withFindings([finding({ value: 'x' })]);
    expect(formatJson(reports).trim().split('\n')).toHaveLength(1);
    expect(formatJson(reports, { pretty: true })).toContain('\n  "findings": [');
  });

  it('a workbook: a report per roster sheet, skipped sheets listed once, the dates said once', () => {
    const values = roster({});
    const wb = validateWorkbook(
      {
        source: '2568-3-student.xlsx',
        sheets: [
          { name: 'คำชี้แจง', values: [['กรอกข้อมูลในแผ่นงานถัดไป']] },
          { name: 'ม.1-1', values },
          { name: 'ม.1-2', values: [values[0]!, roster({ row: { cid: withCheckDigit('110370000999') } })[1]!] },
        ],
      },
      SETTINGS,
    );
    const reports = workbookReports('2568-3-student.xlsx', wb);
    const text = formatText(reports, 'th');
    expect(text.match(/ข้ามแผ่นงาน "คำชี้แจง"/g)).toHaveLength(1);
    expect(text.match(/ปีการศึกษา \d{4}/g)).toHaveLength(1);
    expect(formatText(reports, 'en')).toMatch(/Skipped sheet "คำชี้แจง": /);
    const json = JSON.parse(formatJson(reports));
    expect(json.map((r: { sheet: string }) => r.sheet)).toEqual(['ม.1-1', 'ม.1-2']);
    expect(json[0].skipped).toEqual([{ sheet: 'คำชี้แจง', reason: wb.skipped[0]!.reason }]);
    expect(json[1].skipped).toBeUndefined();
    const csv = formatCsv(reports, 'th').split('\r\n');
    expect(csv[0]).toBe('\ufeffsource,sheet,severity,rule,cell,row,column,value,message');
    expect(csv.filter((l) => l.includes('sheet.skipped'))).toHaveLength(1);
  });
});
