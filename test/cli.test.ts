import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
    expect(Object.keys(out)).toEqual(['source', 'findings', 'summary']);
    expect(out.source).toBe('roster.xlsx');
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

  it.each([
    [['missing.csv'], /missing\.csv: file not found/],
    [['roster.pdf'], /unknown file type/],
    [['--format', 'xml', 'x.csv'], /--format must be/],
    [['--as-of', '2027-02-30', 'x.csv'], /--as-of: expected a date/],
    [[], /give at least one/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/);
  });

  it('exits 2 for binary junk and a fake workbook, naming the file', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    for (const name of ['junk.csv', 'junk.xlsx']) {
      const r = await cli(file(name, junk));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name}: not a`));
    }
  });

  it('writes the ID-correction form for the students with citizen-ID findings', async () => {
    const out = join(dir, 'form.xlsx');
    const r = await cli(EXAMPLE, ...AS_OF, '--correction-form', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('4 students');
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
    expect(twice.stderr).toContain('exactly one input file');
  });

  it('reads a named sheet and says which sheets exist when it is missing', async () => {
    const r = await cli(EXAMPLE, '--sheet', 'ไม่มี');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('นักเรียน');
  });
});
