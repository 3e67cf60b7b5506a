/**
 * Merges StrykerJS JSON reports (issue 15) into one Markdown table per file with the core's total, flagging the
 * files under target: 85 % for the core, 95 % for thai-id and dates. Several runs cover different modules, so
 * a file that appears in more than one report is taken from the newest report (by the report file's mtime).
 *   npx tsx scripts/mutation-summary.ts reports/mutation*.json
 * The shared run's report (reports/mutation/mutation.json, written by `npm run mutate`) is always read too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** What `npm run mutate` writes (stryker.config.mjs); read even when not named. */
const DEFAULT_REPORT = 'reports/mutation/mutation.json';
const CORE = 'src/core/';
const TARGET = 85;
/** Modules with a stricter target (issue 15). */
const STRICT: Record<string, number> = { 'src/core/thai-id.ts': 95, 'src/core/dates.ts': 95 };

interface Mutant {
  status: string;
  testsCompleted?: number;
}

/** The part of mutation-testing-report-schema this script reads. */
interface Report {
  projectRoot?: string;
  files: Record<string, { mutants: Mutant[] }>;
}

interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  /** Survivors whose run completed no test: a test file that failed to load (stryker-js#6150), not a gap. */
  unrun: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}

interface Row extends Counts {
  file: string;
  report: string;
  mtime: number;
}

const empty = (): Counts => ({ killed: 0, timeout: 0, survived: 0, unrun: 0, noCoverage: 0, ignored: 0, errors: 0 });

function count(mutants: readonly Mutant[]): Counts {
  const c = empty();
  for (const { status, testsCompleted } of mutants) {
    if (status === 'Killed') c.killed++;
    else if (status === 'Timeout') c.timeout++;
    else if (status === 'Survived') {
      c.survived++;
      if (testsCompleted === 0) c.unrun++;
    } else if (status === 'NoCoverage') c.noCoverage++;
    else if (status === 'Ignored') c.ignored++;
    else if (status === 'CompileError' || status === 'RuntimeError') c.errors++;
    // "Pending" (a report written mid-run) counts nowhere.
  }
  return c;
}

/** Stryker's mutation score: detected over valid mutants (errors and ignored ones are not valid), or null. */
function score(c: Counts): number | null {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? null : ((c.killed + c.timeout) / valid) * 100;
}

function add(a: Counts, b: Counts): Counts {
  return {
    killed: a.killed + b.killed,
    timeout: a.timeout + b.timeout,
    survived: a.survived + b.survived,
    unrun: a.unrun + b.unrun,
    noCoverage: a.noCoverage + b.noCoverage,
    ignored: a.ignored + b.ignored,
    errors: a.errors + b.errors,
  };
}

/** The core's source files as `npm run mutate` selects them (stryker.config.mjs: no tests, index.ts, types.ts). */
function coreSources(dir = CORE): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}${e.name}`;
    if (e.isDirectory()) return coreSources(`${path}/`);
    const own = path === `${CORE}index.ts` || path === `${CORE}types.ts`;
    return e.isFile() && path.endsWith('.ts') && !path.endsWith('.test.ts') && !own ? [path] : [];
  });
}

/** A pattern the shell left unexpanded (no match, or no shell): "*" and "?" in the file name only. */
function expand(arg: string): string[] {
  if (existsSync(arg) || !/[*?]/.test(basename(arg))) return [arg];
  const dir = dirname(arg);
  if (/[*?]/.test(dir) || !existsSync(dir)) return [];
  const re = new RegExp(
    `^${basename(arg)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => join(dir, f));
}

function isReport(v: unknown): v is Report {
  if (typeof v !== 'object' || v === null || !('files' in v)) return false;
  const files = (v as { files: unknown }).files;
  return (
    typeof files === 'object' &&
    files !== null &&
    Object.values(files).every((f) => typeof f === 'object' && f !== null && 'mutants' in f && Array.isArray(f.mutants))
  );
}

/** A report's file name as a path from its project root, with forward slashes. */
function fileKey(name: string, report: Report): string {
  const rel = isAbsolute(name) ? relative(report.projectRoot ?? process.cwd(), name) : name;
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

function readRows(paths: readonly string[]): { rows: Map<string, Row>; read: string[] } {
  const rows = new Map<string, Row>();
  const read: string[] = [];
  for (const path of paths) {
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      console.error(`skipped ${path}: ${(e as Error).message}`);
      continue;
    }
    if (!isReport(report)) {
      console.error(`skipped ${path}: not a Stryker JSON report (no files → mutants)`);
      continue;
    }
    const mtime = statSync(path).mtimeMs;
    read.push(path);
    for (const [name, { mutants }] of Object.entries(report.files)) {
      const file = fileKey(name, report);
      const had = rows.get(file);
      if (had && had.mtime >= mtime) continue;
      rows.set(file, { file, report: path, mtime, ...count(mutants) });
    }
  }
  return { rows, read };
}

const pct = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(2)} %`);

/** Why a file or total misses its target, or ''. */
function flag(file: string, s: number | null): string {
  const target = STRICT[file] ?? TARGET;
  return s !== null && s < target ? `⚠ under ${target} %` : '';
}

/** The target column: met, missed, or nothing to measure. */
const verdict = (f: string, s: number | null) => f || (s === null ? 'no mutants' : 'met');

function line(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

function main(args: readonly string[]): number {
  const given = args.flatMap(expand);
  const all = [...new Set([...given, ...(existsSync(DEFAULT_REPORT) ? [DEFAULT_REPORT] : [])].map((p) => resolve(p)))];
  const { rows, read } = readRows(all.map((p) => relative(process.cwd(), p)));
  if (rows.size === 0) {
    console.error('no Stryker JSON report read; usage: tsx scripts/mutation-summary.ts reports/mutation*.json');
    return 2;
  }
  const sorted = [...rows.values()].sort((a, b) => a.file.localeCompare(b.file));
  const out = [
    `Mutation score by file (newest report per file; ${read.length} report${read.length === 1 ? '' : 's'} read)`,
    '',
    line([
      'File',
      'Killed',
      'Timeout',
      'Survived',
      '…ran no test',
      'No coverage',
      'Ignored',
      'Errors',
      'Score',
      'Target',
      'Report',
    ]),
    line(['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', ':-', '---']),
  ];
  let core = empty();
  const under: string[] = [];
  for (const r of sorted) {
    const s = score(r);
    const f = flag(r.file, s);
    if (f) under.push(`${r.file} (${pct(s)})`);
    if (r.file.startsWith(CORE)) core = add(core, r);
    out.push(
      line([
        r.file,
        r.killed,
        r.timeout,
        r.survived,
        r.unrun,
        r.noCoverage,
        r.ignored,
        r.errors,
        pct(s),
        verdict(f, s),
        r.report,
      ]),
    );
  }
  const total = score(core);
  const totalFlag = flag('', total);
  out.push(
    line([
      `**Core total** (${CORE})`,
      core.killed,
      core.timeout,
      core.survived,
      core.unrun,
      core.noCoverage,
      core.ignored,
      core.errors,
      `**${pct(total)}**`,
      verdict(totalFlag, total),
      '',
    ]),
    '',
    'Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; ignored',
    '(listed equivalent) mutants and compile or runtime errors are not in it.',
    ...(core.unrun > 0
      ? [
          `${core.unrun} survivor${core.unrun === 1 ? '' : 's'} ran no test: a static mutant that stops a module from loading`,
          "leaves its test files with no test, which Stryker's vitest runner scores Survived (stryker-js#6150).",
        ]
      : []),
    '',
    under.length === 0 && !totalFlag
      ? `Every file meets its target (${TARGET} %; ${Object.entries(STRICT)
          .map(([f, t]) => `${basename(f)} ${t} %`)
          .join(', ')}).`
      : `Under target: ${[...under, ...(totalFlag ? [`core total (${pct(total)})`] : [])].join(', ')}.`,
  );
  const unmeasured = coreSources().filter((f) => !rows.has(f));
  if (unmeasured.length > 0) {
    out.push(
      '',
      `Core files in no report (not run yet, or nothing Stryker mutates there; not in the total): ${unmeasured.sort().join(', ')}.`,
    );
  }
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
