/** dmc-check ROSTER --dmc DOWNLOAD: the reconciliation in the text, JSON and CSV reports and in the correction form. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatBE } from '../src/core/dates';
import type { Cell } from '../src/core/types';
import { writeXlsx, type XlsxCell } from '../src/core/xlsx';
import { dmcPair } from './support/dmc-pairs';

const BIN = new URL('../bin/dmc-check.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dmc-cli-dmc-'));

const csv = (rows: readonly (readonly Cell[])[]) =>
  '\ufeff' +
  rows
    .map((r) =>
      r
        .map((v) => (v instanceof Date ? '' : String(v ?? '')))
        .map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
        .join(','),
    )
    .join('\r\n') +
  '\r\n';

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('dmc-check --dmc', () => {
  const pair = dmcPair({ n: 40, seed: 5 });
  const roster = join(dir, 'roster.csv');
  const download = join(dir, pair.dmcSource.replace(/\.xlsx$/, '.csv'));
  writeFileSync(roster, csv(pair.roster.sheets[0]!.values));
  writeFileSync(download, csv(pair.dmc.values));

  it('adds the reconciliation to the text report, in Thai by default', async () => {
    const r = await cli(roster, '--dmc', download);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('เทียบกับข้อมูล DMC');
    for (const rule of ['dmc.not-in-dmc', 'dmc.not-in-roster', 'dmc.id-differs', 'dmc.duplicate-in-dmc'])
      expect(r.stdout).toContain(rule);
  });

  it('puts `reconciliation` in the JSON, IDs masked', async () => {
    const r = await cli(roster, '--dmc', download, '--format', 'json');
    const out = JSON.parse(r.stdout);
    expect(out.reconciliation.summary.notInRoster).toBeGreaterThan(0);
    expect(out.reconciliation.rosterFindings.length).toBeGreaterThan(0);
    expect(JSON.stringify(out.reconciliation)).not.toMatch(/(?<!\d)\d{13}(?!\d)/);
  });

  it('writes the id-differs rows into the correction form', async () => {
    const form = join(dir, 'form.xlsx');
    const r = await cli(roster, '--dmc', download, '--correction-form', form, '--lang', 'en');
    expect(r.stderr).toMatch(/wrote .*form\.xlsx \((\d+) students/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const reasons = wb.worksheets[0]!.getColumn(13).values.map(String);
    expect(reasons.some((v) => v.includes('ตรวจกับบัตรประชาชน'))).toBe(true);
  });

  it('refuses --dmc with several roster files', async () => {
    const r = await cli(roster, roster, '--dmc', download, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dmc compares exactly one roster file');
  });
});

/** --dmc-sheet: the sheet of a multi-sheet DMC workbook holding the download, recognised by its timestamp line or not. */
describe('dmc-check --dmc-sheet', () => {
  const pair = dmcPair({ n: 20, seed: 6 });
  const other = dmcPair({ n: 8, seed: 9 });
  const text = (rows: readonly (readonly Cell[])[]): XlsxCell[][] =>
    rows.map((r) =>
      r.map((v) =>
        v instanceof Date ? formatBE({ y: v.getFullYear(), m: v.getMonth() + 1, d: v.getDate() }) : (v as XlsxCell),
      ),
    );
  /** The download pasted by hand: a title where DMC's timestamp line was, every cell where it was. */
  const pasted = text(pair.dmc.values.map((r, i) => (i === 0 ? ['รายชื่อจาก DMC (คัดลอกมาวาง)'] : r)));
  const roster = join(dir, 'sheet-roster.csv');
  const book = join(dir, 'dmc-book.xlsx');
  const both = join(dir, 'school-and-dmc.xlsx');
  writeFileSync(roster, csv(pair.roster.sheets[0]!.values));
  writeFileSync(
    book,
    writeXlsx([
      { name: 'คำอธิบาย', rows: [['ดาวน์โหลดจาก DMC']] },
      { name: 'อีกโรงเรียน', rows: text(other.dmc.values) },
      { name: 'วางเอง', rows: pasted },
    ]),
  );
  writeFileSync(
    both,
    writeXlsx([
      { name: 'รายชื่อ', rows: text(pair.roster.sheets[0]!.values) },
      { name: 'วางเอง', rows: pasted },
    ]),
  );
  const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { reconciliation: { dmcSheet: string } };

  it('compares the named sheet over the one found by its timestamp line', async () => {
    expect(json(await cli(roster, '--dmc', book, '--format', 'json')).reconciliation.dmcSheet).toBe('อีกโรงเรียน');
    const r = await cli(roster, '--dmc', book, '--dmc-sheet', 'วางเอง', '--format', 'json');
    const rec = json(r).reconciliation as { dmcSheet: string; summary: { notInRoster: number; idDiffers: number } };
    expect(rec.dmcSheet).toBe('วางเอง');
    expect(rec.summary.idDiffers).toBeGreaterThan(0);
  });

  it('never checks the named sheet as the roster when it sits in the roster workbook', async () => {
    const r = await cli(both, '--dmc', both, '--dmc-sheet', 'วางเอง', '--format', 'json');
    const out = JSON.parse(r.stdout) as { sheet?: string; reports?: unknown[]; skipped?: Array<{ sheet: string }> };
    expect(out.reports).toBeUndefined();
    expect(JSON.stringify(out)).toContain('"reconciliation"');
    expect(json(r).reconciliation.dmcSheet).toBe('วางเอง');
    // The same findings as with the roster in a file of its own.
    const alone = join(dir, 'school.xlsx');
    writeFileSync(alone, writeXlsx([{ name: 'รายชื่อ', rows: text(pair.roster.sheets[0]!.values) }]));
    const rosterOnly = await cli(alone, '--dmc', book, '--dmc-sheet', 'วางเอง', '--format', 'json');
    const findings = (x: { stdout: string }) =>
      (JSON.parse(x.stdout) as { reconciliation: { rosterFindings: Array<{ rule: string }> } }).reconciliation
        .rosterFindings.length;
    expect(findings(r)).toBe(findings(rosterOnly));
  });

  it('names a missing sheet, and refuses --dmc-sheet without --dmc', async () => {
    const missing = await cli(roster, '--dmc', book, '--dmc-sheet', 'ไม่มี');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ไม่มีแผ่นงานชื่อ "ไม่มี"');
    const alone = await cli(roster, '--dmc-sheet', 'วางเอง', '--lang', 'en');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--dmc-sheet goes with --dmc DOWNLOAD');
    expect(alone.stderr).toContain('--dmc-sheet NAME');
  });
});
