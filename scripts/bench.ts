/**
 * npm run bench: every speed and size figure of issue 11 in one run, on the same generated files, ending
 * with a table of figure | ours | target | met?. Timings live here, never in tests.
 * BENCH_SCALE=0.05 scales every row count (for trying the bench out; targets are for the full size).
 * BENCH_BEFORE=/path/to/an/older/checkout runs that checkout's built command beside ours on the same files
 * (alternating, so that load hits both alike): before and after in one go.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { validate } from '../src/core/validate';
import type { Cell } from '../src/core/types';
import { syntheticRoster, wrongCheckDigit } from '../test/support/synthetic';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0)) throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);
const FULL = SCALE === 1;
/** A row count of the full-size bench, scaled. */
const n = (full: number) => Math.max(100, Math.round(full * SCALE));

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/dmc-check.mjs');
const BEFORE = process.env.BENCH_BEFORE ? join(process.env.BENCH_BEFORE, 'bin/dmc-check.mjs') : null;
if (BEFORE && !existsSync(BEFORE)) throw new Error(`BENCH_BEFORE: no ${BEFORE} (build that checkout first)`);
const PEER_DIR = join(ROOT, 'bench');
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'dmc-bench-'));
// The inputs take about 0.5 GB: gone when the bench ends, however it ends.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kib: number | null) => (kib === null ? 'n/a' : `${int((kib * 1024) / 1e6)} MB`);
const kb = (bytes: number) => `${int(bytes / 1000)} KB`;
const log = (s: string) => console.log(s);

// ------------------------------------------------------------------ the summary table

interface Row {
  figure: string;
  ours: string;
  target: string;
  /** null: no target; 'scaled' is shown for size-dependent targets on a scaled run. */
  met: boolean | null;
  sized?: boolean;
}
const table: Row[] = [];
const put = (r: Row) => table.push(r);

function printTable() {
  const cells = table.map((r) => [
    r.figure,
    r.ours,
    r.target,
    r.met === null ? '—' : r.sized && !FULL ? 'scaled' : r.met ? 'yes' : 'NO',
  ]);
  const head = ['figure', 'ours', 'target', 'met?'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  log('');
  log(line(head));
  log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const c of cells) log(line(c));
}

// ------------------------------------------------------------------ child processes

interface Run {
  ms: number;
  status: number | null;
  /** Peak resident set size of the child, KiB. */
  peakKiB: number | null;
  stdout: string;
  stderr: string;
}

const hasTime = existsSync(TIME);

/** VmHWM of a live process, KiB (the fallback when /usr/bin/time is missing). */
function vmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Runs `node ARGS` end to end (Node's start included) and measures its wall time and peak RSS.
 * stdout goes to `outFile` when given (like `> out.json`), else is kept.
 */
function runNode(args: string[], outFile?: string): Promise<Run> {
  const timeFile = join(dir, 'time.txt');
  const [cmd, argv] = hasTime
    ? [TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  const out = outFile ? openSync(outFile, 'w') : null;
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', out ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak: number | null = null;
    child.stdout?.on('data', (d: Buffer) => (stdout += d));
    child.stderr?.on('data', (d: Buffer) => (stderr += d));
    const poll = hasTime ? null : setInterval(() => (peak = vmHwm(child.pid!) ?? peak), 5);
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - t;
      if (poll) clearInterval(poll);
      if (out !== null) closeSync(out);
      if (hasTime) {
        const m = /(\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
        peak = m ? Number(m[1]) : null;
      }
      resolve({ ms, status, peakKiB: peak, stdout, stderr });
    });
  });
}

/** dmc-check FILE --format json: exit 0 (clean) or 1 (errors found) are both normal. */
async function ours(file: string, extra: string[] = [], bin = BIN): Promise<Run> {
  const r = await runNode([bin, file, '--format', 'json', '--as-of', SETTINGS.asOf, ...extra], join(dir, 'out.json'));
  if (r.status !== 0 && r.status !== 1) throw new Error(`dmc-check ${file} exited ${r.status}: ${r.stderr}`);
  return r;
}

async function peer(file: string): Promise<Run> {
  const r = await runNode([join(PEER_DIR, 'peer.mjs'), file]);
  if (r.status !== 0) throw new Error(`tableschema peer exited ${r.status}: ${r.stderr}`);
  return r;
}

/** Findings in the JSON dmc-check just wrote. */
function findingsWritten(): number {
  const j = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as
    { findings: unknown[] } | { findings: unknown[] }[];
  return (Array.isArray(j) ? j : [j]).reduce((s, f) => s + f.findings.length, 0);
}

async function repeat(times: number, f: () => Promise<Run>): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await f());
  return runs;
}
const medianMs = (runs: Run[]) => median(runs.map((r) => r.ms));
const maxPeak = (runs: Run[]) =>
  runs.some((r) => r.peakKiB === null) ? null : Math.max(...runs.map((r) => r.peakKiB!));

// ------------------------------------------------------------------ inputs

function writeCsv(file: string, rows: readonly (readonly Cell[])[]) {
  const fd = openSync(file, 'w');
  writeSync(fd, '\ufeff');
  const CHUNK = 50_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => r.map((v) => String(v ?? '')));
    writeSync(fd, (i ? '\r\n' : '') + Papa.unparse(part));
  }
  closeSync(fd);
}

/** An xlsx as Excel writes it (shared strings), streamed so that 200,000 rows fit. */
async function writeXlsx(file: string, rows: readonly (readonly Cell[])[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('นักเรียน');
  for (const r of rows) ws.addRow(r.map((v) => v ?? null)).commit();
  ws.commit();
  await wb.commit();
}

function ensurePeer() {
  if (existsSync(join(PEER_DIR, 'node_modules'))) return;
  log('installing the peer (tableschema) into bench/node_modules: npm ci --prefix bench');
  execFileSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

// ------------------------------------------------------------------ the run

const N100K = n(100_000);
const N200K = n(200_000);
const N1M = n(1_000_000);
const N20K = n(20_000);

log(
  `npm run bench${FULL ? '' : ` (BENCH_SCALE=${SCALE}: row counts scaled, targets are for the full size)`} — ` +
    `node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}, files in ${dir}`,
);
ensurePeer();

let t = performance.now();
// One seed for the CSVs: the 100k and 200k files are the first rows of the 1M one (syntheticRoster's
// rows do not depend on the count), and the 100k file is the golden test's `bench-100k`.
let big: Cell[][] | null = syntheticRoster(N1M, { seed: 3 });
const coreRows = big.slice(0, N100K + 2);
const csv100k = join(dir, 'roster-100k.csv');
const csv200k = join(dir, 'roster-200k.csv');
const csv1m = join(dir, 'roster-1m.csv');
const xlsx20k = join(dir, 'roster-20k.xlsx');
const xlsx200k = join(dir, 'roster-200k.xlsx');
writeCsv(csv100k, coreRows);
writeCsv(csv200k, big.slice(0, N200K + 2));
writeCsv(csv1m, big);
await writeXlsx(xlsx200k, big.slice(0, N200K + 2));
big = null;
await writeXlsx(xlsx20k, syntheticRoster(N20K, { seed: 4 }));
log(`generated the inputs in ${sec(performance.now() - t)}`);

// 1. Ours vs tableschema-js on the 100k CSV, end to end, alternating so that load hits both alike.
log(`\n1. ${int(N100K)}-row CSV, end to end (node start included), median of 3`);
const oursRuns: Run[] = [];
const peerRuns: Run[] = [];
const beforeRuns: Run[] = [];
for (let i = 0; i < 3; i++) {
  oursRuns.push(await ours(csv100k));
  peerRuns.push(await peer(csv100k));
  if (BEFORE) beforeRuns.push(await ours(csv100k, [], BEFORE));
}
const oursMs = medianMs(oursRuns);
const peerMs = medianMs(peerRuns);
const peerOut = JSON.parse(peerRuns[0]!.stdout) as { rows: number; errors: number };
const ratio = peerMs / oursMs;
log(
  `   dmc-check --format json: ${sec(oursMs)} (runs ${oursRuns.map((r) => sec(r.ms)).join(', ')}), ` +
    `peak ${mb(maxPeak(oursRuns))}, ${int(findingsWritten())} findings`,
);
log(
  `   tableschema-js (pattern, required ×4, unique ×2, enum ×4, min/max ×2): ${sec(peerMs)} ` +
    `(runs ${peerRuns.map((r) => sec(r.ms)).join(', ')}), peak ${mb(maxPeak(peerRuns))}, ` +
    `${int(peerOut.rows)} rows, ${int(peerOut.errors)} errors`,
);
log(`   ratio: ours is ${ratio.toFixed(1)}× faster`);
if (BEFORE) {
  log(
    `   before (${process.env.BENCH_BEFORE}): ${sec(medianMs(beforeRuns))} ` +
      `(runs ${beforeRuns.map((r) => sec(r.ms)).join(', ')}), peak ${mb(maxPeak(beforeRuns))}`,
  );
  put({ figure: `before: ${int(N100K)}-row CSV end to end`, ours: sec(medianMs(beforeRuns)), target: '', met: null });
}
put({
  figure: `${int(N100K)}-row CSV end to end`,
  ours: sec(oursMs),
  target: '≤ 0.8 s',
  met: oursMs <= 800,
  sized: true,
});
put({ figure: `tableschema-js, same file`, ours: sec(peerMs), target: '', met: null });
put({ figure: 'speed-up over tableschema-js', ours: `${ratio.toFixed(1)}×`, target: '≥ 3×', met: ratio >= 3 });

// 2. Core rows per second.
log(`\n2. core validate(rows, settings), ${int(N100K)} rows in memory, median of 5 after 3 warm-up runs`);
// Throughput of code the JIT has optimised (the end-to-end figures above include the cold start).
const warmUp: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  validate(coreRows, SETTINGS);
  warmUp.push(performance.now() - t);
}
log(`   warm-up runs: ${warmUp.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
const coreMs: number[] = [];
let coreFindings = 0;
for (let i = 0; i < 5; i++) {
  t = performance.now();
  coreFindings = validate(coreRows, SETTINGS).findings.length;
  coreMs.push(performance.now() - t);
}
const rowsPerS = N100K / (median(coreMs) / 1000);
log(`   ${Math.round(median(coreMs))} ms = ${int(rowsPerS)} rows/s (${int(coreFindings)} findings)`);
put({ figure: 'core rows/s', ours: int(rowsPerS), target: '≥ 500,000', met: rowsPerS >= 500_000 });

// 3. A million rows.
log(`\n3. ${int(N1M)}-row CSV, end to end, once`);
const m1 = await ours(csv1m);
log(`   ${sec(m1.ms)}, peak ${mb(m1.peakKiB)}, ${int(findingsWritten())} findings`);
if (BEFORE) {
  const b1 = await ours(csv1m, [], BEFORE);
  log(`   before: ${sec(b1.ms)}, peak ${mb(b1.peakKiB)}`);
  put({ figure: `before: ${int(N1M)} rows`, ours: `${sec(b1.ms)}, ${mb(b1.peakKiB)}`, target: '', met: null });
}
put({ figure: `${int(N1M)} rows: time`, ours: sec(m1.ms), target: '≤ 8 s', met: m1.ms <= 8000, sized: true });
const GB = 1e9 / 1024;
put({
  figure: `${int(N1M)} rows: peak memory`,
  ours: mb(m1.peakKiB),
  target: '≤ 1 GB',
  met: m1.peakKiB === null ? null : m1.peakKiB <= GB,
  sized: true,
});

// 4. xlsx, and the peak memory of 200k rows in either format.
log(`\n4. xlsx end to end, and peak memory on ${int(N200K)} rows`);
const x20 = await repeat(3, () => ours(xlsx20k));
log(
  `   ${int(N20K)}-row xlsx: ${sec(medianMs(x20))} (runs ${x20.map((r) => sec(r.ms)).join(', ')}), peak ${mb(maxPeak(x20))}`,
);
put({
  figure: `${int(N20K)}-row xlsx end to end`,
  ours: sec(medianMs(x20)),
  target: '≤ 1 s',
  met: medianMs(x20) <= 1000,
  sized: true,
});
for (const [label, file] of [
  ['CSV', csv200k],
  ['xlsx', xlsx200k],
] as const) {
  const r = await ours(file);
  log(`   ${int(N200K)}-row ${label}: ${sec(r.ms)}, peak ${mb(r.peakKiB)}, ${int(findingsWritten())} findings`);
  put({
    figure: `${int(N200K)}-row ${label}: peak memory`,
    ours: mb(r.peakKiB),
    target: '≤ 500 MB',
    met: r.peakKiB === null ? null : r.peakKiB <= 500e6 / 1024,
    sized: true,
  });
}

// 5. Start-up.
log('\n5. start-up: dmc-check --help, median of 5');
const helps = await repeat(5, async () => {
  const r = await runNode([BIN, '--help']);
  if (r.status !== 0) throw new Error(`dmc-check --help exited ${r.status}: ${r.stderr}`);
  return r;
});
log(`   ${sec(medianMs(helps))} (runs ${helps.map((r) => sec(r.ms)).join(', ')}), peak ${mb(maxPeak(helps))}`);
put({ figure: 'start-up (--help)', ours: sec(medianMs(helps)), target: '≤ 0.2 s', met: medianMs(helps) <= 200 });

// 6. Bundles.
log('\n6. bundle sizes');
const codeJs = statSync(join(ROOT, 'dist/Code.js')).size;
// The command is build/dmc-check.mjs and the chunks it imports (build.mjs splits it at the checker).
const cliFiles = ['build/dmc-check.mjs', ...readdirSync(join(ROOT, 'build/chunks')).map((f) => `build/chunks/${f}`)];
const cliJs = cliFiles.filter((f) => f.endsWith('.mjs')).reduce((n, f) => n + statSync(join(ROOT, f)).size, 0);
log(`   dist/Code.js ${int(codeJs)} bytes, build/dmc-check.mjs with its chunks ${int(cliJs)} bytes`);
put({ figure: 'dist/Code.js', ours: kb(codeJs), target: '≤ 300 KB', met: codeJs <= 300_000 });
put({ figure: 'build/dmc-check.mjs + chunks', ours: kb(cliJs), target: '', met: null });

// 7. The add-on under the fakes: dist/Code.js in gas-local.
log('\n7. the add-on: dist/Code.js under gas-local and the in-memory fakes');
const { loadAddon } = await import('../test/support/gas');
const { DATA_CALL, FakeRange } = await import('../src/fakes/index');
const { FakeRangeList } = await import('../src/fakes/spreadsheet');
type Value = import('../src/fakes/index').Value;
interface CheckResult {
  ok: boolean;
  error?: { en: string };
  data?: { totalFindings: number; marked: number };
}

/** Cells each write covers, by method and sheet: the fakes count calls, not payload, so the bench wraps them. */
const written = new Map<string, number>();
{
  const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const whole = (r: InstanceType<typeof FakeRange>) => r.rows * r.cols;
  const sizes: Record<string, (r: InstanceType<typeof FakeRange>) => number> = {
    setValues: whole,
    setBackgrounds: whole,
    setNotes: whole,
    setBackground: whole,
    setValue: () => 1,
    setNote: () => 1,
  };
  for (const [method, size] of Object.entries(sizes)) {
    const original = proto[method]!;
    proto[method] = function (this: InstanceType<typeof FakeRange>, ...args: unknown[]) {
      const key = `${method} ${this.sheet.name}`;
      written.set(key, (written.get(key) ?? 0) + size(this));
      return original.apply(this, args);
    };
  }
  // Marks write lists of ranges too (one fill or note over many cells): their cells count the same way.
  type List = InstanceType<typeof FakeRangeList>;
  const lists = FakeRangeList.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const cells = (l: List) => l.ranges.reduce((n, r) => n + whole(r), 0);
  const listSizes: Record<string, (l: List) => number> = {
    setBackground: cells,
    setNote: (l) => l.ranges.length,
    clearNote: cells,
  };
  for (const [method, size] of Object.entries(listSizes)) {
    const original = lists[method]!;
    lists[method] = function (this: List, ...args: unknown[]) {
      const key = `${method} ${this.sheet.name}`;
      written.set(key, (written.get(key) ?? 0) + size(this));
      return original.apply(this, args);
    };
  }
}
const cellsWritten = (sheet: string, methods: RegExp) =>
  [...written]
    .filter(([k]) => methods.test(k.split(' ')[0]!) && k.slice(k.indexOf(' ') + 1) === sheet)
    .reduce((s, [, v]) => s + v, 0);

function check(addon: ReturnType<typeof loadAddon>) {
  addon.calls.reset();
  written.clear();
  const start = performance.now();
  const r = addon.call<CheckResult>('checkRoster');
  const ms = performance.now() - start;
  if (!r.ok) throw new Error(`checkRoster failed: ${r.error?.en}`);
  const data = Object.entries(addon.calls.snapshot()).filter(([k]) => DATA_CALL.test(k));
  return { ms, r: r.data!, data, total: addon.calls.total() };
}

const N10K = n(10_000);
{
  const sheet = syntheticRoster(N10K, { seed: 5, faultRate: 0.05 }).map((r) => r.map((v) => v ?? '')) as Value[][];
  const addon = loadAddon({ นักเรียน: sheet });
  addon.call('saveSettings', SETTINGS);
  for (const label of ['first check', 're-check (undoes the previous marks)']) {
    const c = check(addon);
    log(
      `   ${int(N10K)} rows, ${label}: ${Math.round(c.ms)} ms, ${c.total} service calls, ` +
        `${c.data.reduce((s, [, v]) => s + v, 0)} data calls (${c.data.map(([k, v]) => `${k} ${v}`).join(', ')})`,
    );
    put({
      figure: `add-on ${int(N10K)} rows, ${label.split(' (')[0]}`,
      ours: `${Math.round(c.ms)} ms, ${c.total} calls`,
      target: '',
      met: null,
    });
  }
}

// Payload: 5,000 rows × 36 columns with 50 cell findings, one every 100 rows, in three columns far apart
// (a wrong check digit in B, an impossible birth date in H, no exam entry in N), as a school's would be.
const N5K = n(5_000);
const PLANTED = 50;
{
  const EXTRA = 36 - 14;
  const step = Math.floor(N5K / PLANTED);
  // Students the core finds nothing in, so that the planted digits are the only cell findings:
  // syntheticRoster's small name pools make near-duplicates, and its ปวช. students have NaN birth years.
  const [title, header, ...students] = syntheticRoster(Math.ceil(N5K * 1.5), { seed: 6, faultRate: 0 });
  let clean = students;
  for (let pass = 0; pass < 5; pass++) {
    const found = validate([title!, header!, ...clean], SETTINGS).findings;
    const bad = new Set(found.filter((f) => f.row !== null).map((f) => f.row! - 3)); // title row 1, header 2
    if (!bad.size) break;
    clean = clean.filter((_, i) => !bad.has(i));
  }
  clean = clean.slice(0, N5K);
  const extraHeader = Array.from({ length: EXTRA }, (_, j) => `ข้อมูลเพิ่มเติม ${j + 1}`);
  const sheet: Value[][] = [
    title!.map((v) => v ?? ''),
    [...header!.map((v) => v ?? ''), ...extraHeader],
    ...clean.map((r, i) => {
      const row = r.map((v) => v ?? '') as Value[];
      row[0] = i + 1;
      if (i % step === 0 && i / step < PLANTED) {
        const k = (i / step) % 3;
        if (k === 0) row[1] = wrongCheckDigit(String(row[1]));
        else if (k === 1) row[7] = '31/02/2555';
        else row[13] = '';
      }
      return [...row, ...Array.from({ length: EXTRA }, (_, j) => `ค่า ${(i * 7 + j) % 97}`)];
    }),
  ];
  const addon = loadAddon({ นักเรียน: sheet });
  addon.call('saveSettings', SETTINGS);
  const grid = N5K * 36;
  log(`   payload on a ${int(N5K)} × 36 roster (${int(grid)} cells) with ${PLANTED} planted cell findings:`);
  for (const label of ['first check', 're-check']) {
    const c = check(addon);
    const bg = cellsWritten('นักเรียน', /^setBackgrounds?$/);
    const notes = cellsWritten('นักเรียน', /^(setNotes?|clearNote)$/);
    const values = cellsWritten('นักเรียน', /^setValues?$/);
    const elsewhere = [...written].filter(([k]) => !k.endsWith(' นักเรียน')).map(([k, v]) => `${k} ${int(v)}`);
    log(
      `   ${label}: ${c.r.totalFindings} findings, ${c.r.marked} marked; roster sheet cells written: ` +
        `backgrounds ${int(bg)}, notes ${int(notes)}, values ${int(values)}; other sheets: ${elsewhere.join(', ') || 'none'} ` +
        `(${c.total} service calls, ${Math.round(c.ms)} ms)`,
    );
    if (c.r.marked !== PLANTED) log(`   note: ${c.r.marked} cells marked, not the ${PLANTED} planted`);
    put({
      figure: `payload ${int(N5K)}×36, ${c.r.marked} marks, ${label}`,
      ours: `${int(bg)} bg + ${int(notes)} notes${bg && c.r.marked ? ` (${int(bg / c.r.marked)} a mark)` : ''}`,
      target: `∝ findings (grid ${int(grid)})`,
      met: null,
    });
  }
}

// 8. Reconcile (issue 13), when the core has it.
log('\n8. reconcile 100k roster vs 100k DMC rows in core');
const core = (await import('../src/core/index')) as Record<string, unknown>;
if (typeof core.reconcile === 'function') {
  const reconcile = core.reconcile as (a: unknown, b: unknown, s: unknown) => unknown;
  // The roster as a workbook and its twin standing for the download, both read from values (analysis included).
  const roster = { sheets: [{ name: 'รายชื่อ', values: coreRows }] };
  const dmc = { name: 'DMC', values: coreRows.map((r) => r.slice()) };
  try {
    reconcile(roster, dmc, SETTINGS);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      reconcile(roster, dmc, SETTINGS);
      times.push(performance.now() - t);
    }
    log(`   ${int(N100K)} vs ${int(N100K)}: ${sec(median(times))} (median of 5)`);
    put({
      figure: 'reconcile 100k vs 100k (core)',
      ours: sec(median(times)),
      target: '≤ 1 s',
      met: median(times) <= 1000,
      sized: true,
    });
  } catch (e) {
    log(`   reconcile(roster, dmc, settings) failed — update the bench to its signature: ${(e as Error).message}`);
  }
} else {
  log('   skipped: src/core exports no reconcile function yet');
}

printTable();
log(
  `\nload average at the end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
