/**
 * dmc-check FILE... [options]: every roster sheet of every file checked as its school's roster, the
 * report in Thai (default) or English. Exit 0: no errors found; 1: errors found; 2: a file could not
 * be read or the arguments are wrong.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { todayYmd } from '../core/check-date';
import { correctionRows, correctionXlsx, mergeTyped } from '../core/correction';
import { settingsSchema, type Settings } from '../core/settings';
import type { Lang, Msg } from '../core/types';
import { isDmcDownload, reconcile, reconcileCorrectionRows } from '../core/reconcile';
import { validateSources, type SheetInput, type WorkbookInput } from '../core/validate';
import { helpText, langOf, parseCli, USAGE } from './args';
import { runFix } from './fix';
import { reconciliationCsvRows, reconciliationJson, reconciliationText } from './reconcile-format';
import { formatCsv, formatJson, formatText, workbookReports, type FileReport } from './format';
import { InputError, pickSheet, readWorkbook } from './read';

/** A wrong argument: said in the user's language, with the usage. */
class UsageError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const FLAG_OF: Record<string, string> = { asOf: '--as-of', examEnd: '--exam-end', academicYear: '--academic-year' };

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseCli(argv);
  } catch (e) {
    const m = (e as Error).message;
    throw new UsageError({ th: `ตัวเลือกไม่ถูกต้อง: ${m}`, en: m });
  }
  const v = parsed.values;
  if (!['text', 'json', 'csv'].includes(v.format!))
    throw new UsageError({ th: '--format ต้องเป็น text, json หรือ csv', en: '--format must be text, json or csv' });
  if (!['th', 'en'].includes(v.lang!))
    throw new UsageError({ th: '--lang ต้องเป็น th หรือ en', en: '--lang must be th or en' });
  if (parsed.positionals.length === 0)
    throw new UsageError({ th: 'ระบุไฟล์ .xlsx หรือ .csv อย่างน้อยหนึ่งไฟล์', en: 'give at least one .xlsx or .csv file' });
  const form = v['correction-form'];
  if (form !== undefined && parsed.positionals.length !== 1)
    throw new UsageError({
      th: '--correction-form ใช้กับไฟล์ต้นทางไฟล์เดียว',
      en: '--correction-form takes exactly one input file',
    });
  if (form !== undefined && !/\.xlsx$/i.test(form))
    throw new UsageError({
      th: '--correction-form เขียนไฟล์ .xlsx: ระบุชื่อเช่น แบบขอแก้ไข.xlsx',
      en: '--correction-form writes an .xlsx file: give OUT.xlsx',
    });
  if (v.dmc !== undefined && parsed.positionals.length !== 1)
    throw new UsageError({
      th: '--dmc เทียบไฟล์รายชื่อไฟล์เดียวกับข้อมูล DMC',
      en: '--dmc compares exactly one roster file with the DMC download',
    });
  if (v['dmc-sheet'] !== undefined && v.dmc === undefined)
    throw new UsageError({
      th: '--dmc-sheet ใช้คู่กับ --dmc ไฟล์DMC',
      en: '--dmc-sheet goes with --dmc DOWNLOAD',
    });
  if (v.fix !== undefined && parsed.positionals.length !== 1)
    throw new UsageError({ th: '--fix ใช้กับไฟล์ต้นทางไฟล์เดียว', en: '--fix takes exactly one input file' });
  const year = v['academic-year'];
  if (year !== undefined && !/^\d{4}$/.test(year))
    throw new UsageError({
      th: '--academic-year รับปีการศึกษา พ.ศ. เช่น 2568',
      en: '--academic-year takes a Buddhist Era year such as 2568',
    });
  // A Common Era year is a slip worth naming: 2027 means 2570.
  if (year !== undefined && Number(year) >= 1900 && Number(year) <= 2200)
    throw new UsageError({
      th: `--academic-year ${year} เป็นปี ค.ศ.: ปีการศึกษาใช้ พ.ศ. คือ ${Number(year) + 543}`,
      en: `--academic-year ${year} is a Common Era year: academic years are Buddhist Era, ${Number(year) + 543}`,
    });
  const settings = settingsSchema.safeParse({
    language: v.lang,
    asOf: v['as-of'] ?? '',
    examEnd: v['exam-end'] ?? '',
    academicYear: year ? Number(year) : 0,
  });
  if (!settings.success) {
    const i = settings.error.issues[0]!;
    const flag = FLAG_OF[String(i.path[0])] ?? String(i.path[0]);
    const date = i.message === 'YYYY-MM-DD';
    throw new UsageError({
      th: `${flag}: ${date ? 'ต้องเป็นวันที่ ปปปป-ดด-วว เช่น 2570-03-20' : i.message}`,
      en: `${flag}: ${date ? 'expected a date YYYY-MM-DD' : i.message}`,
    });
  }
  return {
    files: parsed.positionals,
    sheet: v.sheet,
    format: v.format as 'text' | 'json' | 'csv',
    lang: v.lang as Lang,
    settings: settings.data as Settings,
    form,
    showIds: v['show-ids'] ?? false,
    pretty: v.pretty ?? false,
    fix: v.fix,
    dmc: v.dmc,
    dmcSheet: v['dmc-sheet'],
    prefixWords: !v['keep-prefixes'],
  };
}

async function readAll(files: readonly string[], sheet: string | undefined): Promise<WorkbookInput[]> {
  const books: WorkbookInput[] = [];
  for (const path of files) {
    try {
      const wb = await readWorkbook(path, { lazy: true });
      // --sheet picks one sheet of a workbook; a CSV has only its one.
      const sheets =
        sheet !== undefined && wb.sheets.some((s) => s.name !== '') ? [pickSheet(wb.sheets, sheet)] : wb.sheets;
      books.push({ source: wb.source, sheets });
    } catch (e) {
      throw Object.assign(e as Error, { path });
    }
  }
  return books;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const lang = langOf(argv);
  const help = helpText(argv);
  if (help !== null) {
    io.stdout(help);
    return 0;
  }
  let opts;
  try {
    opts = options(argv);
  } catch (e) {
    const msg = e instanceof UsageError ? e.msg[lang] : (e as Error).message;
    io.stderr(`dmc-check: ${msg}\n\n${USAGE[lang]}\n`);
    return 2;
  }
  if (opts.fix !== undefined) {
    const fixOptions = { sheet: opts.sheet, lang: opts.lang, prefixWords: opts.prefixWords, showIds: opts.showIds };
    return runFix(opts.files[0]!, opts.fix, opts.settings, io, fixOptions);
  }
  let books: WorkbookInput[];
  try {
    books = await readAll(opts.files, opts.sheet);
  } catch (e) {
    const path = (e as { path?: string }).path ?? '';
    const why =
      e instanceof InputError
        ? e.say(lang)
        : lang === 'th'
          ? `ข้อผิดพลาดที่ไม่คาดคิด: ${(e as Error).message}`
          : `unexpected error: ${(e as Error).message}`;
    io.stderr(`dmc-check: ${path}: ${why}\n`);
    return 2;
  }
  let dmc: { source: string; sheet: SheetInput } | null = null;
  if (opts.dmc !== undefined) {
    try {
      const wb = await readWorkbook(opts.dmc, { lazy: true });
      // --dmc-sheet names the download's sheet, recognised or not; a CSV has only its one.
      const named = opts.dmcSheet !== undefined && wb.sheets.some((s) => s.name !== '');
      const sheet = named
        ? pickSheet(wb.sheets, opts.dmcSheet)
        : (wb.sheets.find((s) => isDmcDownload(s.values)) ?? pickSheet(wb.sheets));
      dmc = { source: wb.source, sheet };
    } catch (e) {
      const why = e instanceof InputError ? e.say(lang) : (e as Error).message;
      io.stderr(`dmc-check: ${opts.dmc}: ${why}\n`);
      return 2;
    }
  }
  // The download named inside the roster's own workbook: that sheet is DMC's side, never the roster.
  const inRoster = dmc !== null && opts.dmcSheet !== undefined && resolve(opts.dmc!) === resolve(opts.files[0]!);
  const settings: Settings = inRoster ? { ...opts.settings, dmcSheet: opts.dmcSheet! } : opts.settings;
  const results = validateSources(books, settings);
  const reports: FileReport[] = results.flatMap((w) => workbookReports(w.source ?? '', w));
  const format = { lang: opts.lang, showIds: opts.showIds, pretty: opts.pretty };
  const rosterBook = inRoster
    ? { ...books[0]!, sheets: books[0]!.sheets.filter((s) => s.name !== opts.dmcSheet) }
    : books[0]!;
  const rec = dmc ? reconcile(rosterBook, dmc.sheet, settings, { dmcSource: dmc.source }) : null;
  if (opts.format === 'json') {
    const json = formatJson(reports, format);
    if (!rec) io.stdout(json);
    else {
      // The reconciliation rides beside the report(s): {report…, reconciliation} or {reports, reconciliation}.
      const parsed: unknown = JSON.parse(json);
      const reconciliation = reconciliationJson(rec, dmc!.source, format);
      const out = Array.isArray(parsed)
        ? { reports: parsed, reconciliation }
        : { ...(parsed as object), reconciliation };
      io.stdout(JSON.stringify(out, null, opts.pretty ? 2 : undefined) + '\n');
    }
  } else if (opts.format === 'csv') {
    io.stdout(
      formatCsv(reports, format, rec ? reconciliationCsvRows(rec, books[0]!.source ?? '', dmc!.source, format) : []),
    );
  } else {
    io.stdout(formatText(reports, format) + (rec ? reconciliationText(rec, dmc!.source, format) : ''));
  }
  if (opts.form) {
    const book = books[0]!;
    // IDs that differ from DMC's: DMC's as old, the roster's as new; they replace the check's row of that student.
    const fromDmc = rec ? reconcileCorrectionRows(rec, opts.settings) : [];
    const replaced = new Set(fromDmc.map((r) => `${r.sheet}|${r.sourceRow}`));
    const rows = [
      ...results[0]!.reports.flatMap((r) => {
        const sheet = book.sheets.find((s) => s.name === r.sheet) ?? book.sheets[0]!;
        return correctionRows(sheet.values, r, opts.settings).filter(
          (row) => !replaced.has(`${r.sheet}|${row.sourceRow}`),
        );
      }),
      ...fromDmc,
    ];
    try {
      await writeFile(opts.form, correctionXlsx(opts.settings, todayYmd(), mergeTyped(rows, [])));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      io.stderr(`dmc-check: ${opts.form}: ${lang === 'th' ? `เขียนไฟล์ไม่ได้ (${code})` : `cannot write (${code})`}\n`);
      return 2;
    }
    io.stderr(
      lang === 'th'
        ? `dmc-check: เขียน ${opts.form} แล้ว (นักเรียน ${rows.length} คนที่เลขประจำตัวประชาชนต้องแก้)\n`
        : `dmc-check: wrote ${opts.form} (${rows.length} students with citizen-ID findings)\n`,
    );
  }
  const errors = reports.some((r) => r.summary.bySeverity.error > 0) || (rec?.summary.bySeverity.error ?? 0) > 0;
  return errors ? 1 : 0;
}
