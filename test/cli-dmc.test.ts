/** dmc-check ROSTER --dmc DOWNLOAD: the reconciliation in the text, JSON and CSV reports and in the correction form. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/core/types';
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
