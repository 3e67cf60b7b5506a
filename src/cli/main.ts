/**
 * dmc-check FILE... [--sheet NAME] [--format text|json|csv] [--lang th|en] [--as-of YYYY-MM-DD]
 *                   [--academic-year BE] [--exam-end YYYY-MM-DD]
 * Exit 0: no errors found; 1: errors found; 2: a file could not be read or the arguments are wrong.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { correctionRows, correctionXlsx, mergeTyped } from '../core/correction';
import { parseArgs } from 'node:util';
import { todayYmd } from '../core/check-date';
import { settingsSchema, type Settings } from '../core/settings';
import { validateSources } from '../core/validate';
import type { Lang } from '../core/types';
import { formatCsv, formatJson, formatText, type FileReport } from './format';
import { InputError, readRoster } from './read';

export const USAGE = `Usage: dmc-check FILE... [options]
Checks student rosters (.xlsx or .csv) against the OBEC DMC rules.

Options:
  --sheet NAME            sheet to read in .xlsx files (default: the first visible sheet)
  --format text|json|csv  output format (default: text)
  --lang th|en            language of messages (default: th)
  --as-of YYYY-MM-DD      check date, Common Era (default: today)
  --academic-year BE      academic year in Buddhist Era, e.g. 2568 (default: from the check date)
  --exam-end YYYY-MM-DD   last day of final exams (default: 31 March closing the academic year)
  --correction-form OUT.xlsx
                          also write the ID-correction form for the students with citizen-ID
                          findings (one input file)
  -h, --help              show this help

Exit status: 0 no errors, 1 errors found, 2 unreadable file or wrong arguments.`;

class UsageError extends Error {}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'th' },
        'as-of': { type: 'string' },
        'academic-year': { type: 'string' },
        'exam-end': { type: 'string' },
        'correction-form': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { help: true as const };
  if (!['text', 'json', 'csv'].includes(v.format!)) throw new UsageError(`--format must be text, json or csv`);
  if (!['th', 'en'].includes(v.lang!)) throw new UsageError(`--lang must be th or en`);
  if (parsed.positionals.length === 0) throw new UsageError('give at least one .xlsx or .csv file');
  const form = v['correction-form'];
  if (form !== undefined && parsed.positionals.length !== 1)
    throw new UsageError('--correction-form takes exactly one input file');
  if (form !== undefined && !/\.xlsx$/i.test(form))
    throw new UsageError('--correction-form writes an .xlsx file: give OUT.xlsx');
  const year = v['academic-year'];
  if (year !== undefined && !/^\d{4}$/.test(year))
    throw new UsageError('--academic-year takes a Buddhist Era year such as 2568');
  const settings = settingsSchema.safeParse({
    language: v.lang,
    asOf: v['as-of'] ?? '',
    examEnd: v['exam-end'] ?? '',
    academicYear: year ? Number(year) : 0,
  });
  if (!settings.success) {
    const i = settings.error.issues[0]!;
    const flag =
      { asOf: '--as-of', examEnd: '--exam-end', academicYear: '--academic-year' }[String(i.path[0])] ??
      String(i.path[0]);
    throw new UsageError(`${flag}: ${i.message === 'YYYY-MM-DD' ? 'expected a date YYYY-MM-DD' : i.message}`);
  }
  return {
    help: false as const,
    files: parsed.positionals,
    sheet: v.sheet,
    format: v.format as 'text' | 'json' | 'csv',
    lang: v.lang as Lang,
    settings: settings.data as Settings,
    form,
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = options(argv);
  } catch (e) {
    io.stderr(`dmc-check: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const files: Array<{ source: string; sheet?: string; values: Awaited<ReturnType<typeof readRoster>>['values'] }> = [];
  for (const path of opts.files) {
    try {
      const f = await readRoster(path, opts.sheet);
      files.push({ source: basename(path), sheet: f.sheet, values: f.values });
    } catch (e) {
      const why = e instanceof InputError ? e.message : `unexpected error: ${(e as Error).message}`;
      io.stderr(`dmc-check: ${path}: ${why}\n`);
      return 2;
    }
  }
  const books = validateSources(
    files.map((f) => ({ source: f.source, sheets: [{ name: f.sheet ?? '', values: f.values }] })),
    opts.settings,
  );
  const reports: FileReport[] = books.flatMap((b) =>
    b.reports.map((r) => ({ ...r, source: b.source!, sheet: r.sheet || undefined })),
  );
  const text =
    opts.format === 'json'
      ? formatJson(reports)
      : opts.format === 'csv'
        ? formatCsv(reports, opts.lang)
        : formatText(reports, opts.lang);
  io.stdout(text);
  if (opts.form) {
    const rows = correctionRows(files[0]!.values, reports[0]!, opts.settings);
    try {
      await writeFile(opts.form, correctionXlsx(opts.settings, todayYmd(), mergeTyped(rows, [])));
    } catch (e) {
      io.stderr(
        `dmc-check: ${opts.form}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`,
      );
      return 2;
    }
    io.stderr(`dmc-check: wrote ${opts.form} (${rows.length} students with citizen-ID findings)\n`);
  }
  return reports.some((r) => r.summary.bySeverity.error > 0) ? 1 : 0;
}
