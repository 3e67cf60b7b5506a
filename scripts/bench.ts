/**
 * npm run bench: rows per second of the core, and the command end to end on generated files.
 * Timings live here, never in tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { validate } from '../src/core/validate';
import { syntheticRoster } from '../test/support/synthetic';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
const dir = mkdtempSync(join(tmpdir(), 'dmc-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function time(fn: () => void, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

// Core
const rows = syntheticRoster(100_000, { seed: 3 });
validate(rows, SETTINGS); // warm-up
let findings = 0;
const coreMs = time(() => (findings = validate(rows, SETTINGS).findings.length), 5);
console.log(
  `core validate: 100,000 rows in ${coreMs.toFixed(0)} ms = ${fmt(100_000 / (coreMs / 1000))} rows/s (${fmt(findings)} findings)`,
);

// Command on a 100,000-row CSV
const csv = join(dir, 'roster-100k.csv');
writeFileSync(csv, '\ufeff' + Papa.unparse(rows.map((r) => r.map((v) => String(v ?? '')))));
const bin = new URL('../bin/dmc-check.mjs', import.meta.url).pathname;
const runCli = (file: string, format: string) => () => {
  try {
    execFileSync(process.execPath, [bin, file, '--format', format, '--as-of', SETTINGS.asOf], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (e) {
    if ((e as { status: number }).status !== 1) throw e;
  }
};
for (const format of ['json', 'text']) {
  const ms = time(runCli(csv, format), 3);
  console.log(
    `dmc-check --format ${format}, 100,000-row CSV: ${(ms / 1000).toFixed(2)} s end to end = ${fmt(100_000 / (ms / 1000))} rows/s`,
  );
}

// Command on a 20,000-row xlsx
const xlsx = join(dir, 'roster-20k.xlsx');
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('นักเรียน');
for (const r of syntheticRoster(20_000, { seed: 4 })) ws.addRow(r);
await wb.xlsx.writeFile(xlsx);
const xlsxMs = time(runCli(xlsx, 'json'), 3);
console.log(
  `dmc-check --format json, 20,000-row xlsx: ${(xlsxMs / 1000).toFixed(2)} s end to end = ${fmt(20_000 / (xlsxMs / 1000))} rows/s`,
);

// The add-on: a 10,000-row check through dist/Code.js under gas-local and the fakes.
const { loadAddon } = await import('../test/support/gas');
const { DATA_CALL } = await import('../src/fakes/index');
const sheetRows = syntheticRoster(10_000, { seed: 5, faultRate: 0.05 }).map((r) => r.map((v) => v ?? ''));
const addon = loadAddon({ นักเรียน: sheetRows as never });
addon.call('saveSettings', SETTINGS);
for (const label of ['first check', 're-check (undoes the previous marks)']) {
  addon.calls.reset();
  const t = performance.now();
  addon.call('checkRoster');
  const ms = performance.now() - t;
  const snap = addon.calls.snapshot();
  const data = Object.entries(snap).filter(([k]) => DATA_CALL.test(k));
  console.log(
    `add-on ${label}, 10,000 rows under the fakes: ${ms.toFixed(0)} ms, ${addon.calls.total()} service calls, ` +
      `${data.reduce((n, [, v]) => n + v, 0)} data calls (${data.map(([k, v]) => `${k} ${v}`).join(', ')})`,
  );
}
