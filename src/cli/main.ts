/**
 * dmc-check FILE... [options]: every roster sheet of every file checked as its school's roster, the
 * report in Thai (default) or English. Exit 0: no errors found; 1: errors found; 2: a file could not
 * be read or the arguments are wrong.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayYmd } from '../core/check-date';
import { correctionRows, correctionXlsx, mergeTyped } from '../core/correction';
import { settingsSchema, type Settings } from '../core/settings';
import type { Lang, Msg } from '../core/types';
import { isDmcDownload, reconcile, reconcileCorrectionRows } from '../core/reconcile';
import { validateSources, type SheetInput, type WorkbookInput } from '../core/validate';
import { CLI_OPTIONS } from './args';
import { runFix } from './fix';
import { reconciliationCsvRows, reconciliationJson, reconciliationText } from './reconcile-format';
import { formatCsv, formatJson, formatText, workbookReports, type FileReport } from './format';
import { InputError, pickSheet, readWorkbook } from './read';

const USAGE: Msg = {
  th: `วิธีใช้: dmc-check ไฟล์... [ตัวเลือก]
ตรวจรายชื่อนักเรียน (.xlsx หรือ .csv) ตามเกณฑ์ระบบ DMC ของ สพฐ. ทุกแผ่นงานที่เป็นรายชื่อนักเรียนจะถูกตรวจ

ตัวเลือก:
  --sheet ชื่อ             ตรวจเฉพาะแผ่นงานนี้ (ค่าเริ่มต้น: ทุกแผ่นงานที่มีหัวตารางรายชื่อ)
  --format text|json|csv  รูปแบบผลลัพธ์ (ค่าเริ่มต้น: text)
  --lang th|en            ภาษาของข้อความ (ค่าเริ่มต้น: th)
  --as-of ปปปป-ดด-วว      วันที่ตรวจ (ค.ศ. หรือ พ.ศ. เช่น 2027-03-20 หรือ 2570-03-20)
                          ค่าเริ่มต้น: วันที่สิ้นสุดการสอบของปีการศึกษาในไฟล์ หรือวันนี้ ถ้าเร็วกว่า
  --academic-year ปปปป    ปีการศึกษา (พ.ศ. เช่น 2568) ค่าเริ่มต้น: จากชื่อไฟล์ หัวเรื่อง หรือวันที่ตรวจ
  --exam-end ปปปป-ดด-วว   วันสุดท้ายของการสอบปลายภาค (ค่าเริ่มต้น: 31 มีนาคม ของปีการศึกษานั้น)
  --show-ids              แสดงเลขประจำตัวประชาชนเต็ม (ค่าเริ่มต้น: ปิดบังเป็น 1-xxxx-xxxxx-xx-0)
  --pretty                JSON แบบจัดย่อหน้า
  --correction-form ไฟล์.xlsx
                          เขียนแบบขอแก้ไขเลขประจำตัวประชาชนของนักเรียนที่เลขผิด (ไฟล์เดียว)
  --dmc ไฟล์DMC           เทียบรายชื่อกับไฟล์ที่ดาวน์โหลดจาก DMC: ใครไม่มีในฝั่งใด เลขประจำตัวต่าง ข้อมูลต่าง
                          เลื่อนชั้นเอง (แบบขอแก้ไขรวมนักเรียนที่เลขต่างจาก DMC ด้วย)
  --dmc-sheet ชื่อ         กับ --dmc: แผ่นงานในไฟล์ DMC ที่เป็นข้อมูล DMC (ค่าเริ่มต้น: หาเองจากบรรทัด
                          "วันและเวลาที่สร้างรายงาน" หรือแผ่นงานแรก)
  --fix ไฟล์ใหม่           เขียนสำเนาที่แก้สิ่งที่แก้ได้แน่นอนแล้ว (รูปแบบเดียวกับต้นฉบับ ไม่เขียนทับต้นฉบับ)
                          แสดงรายการที่แก้ แล้วตรวจสำเนานั้น
  --keep-prefixes         กับ --fix: คงคำนำหน้าแบบย่อ (ด.ช. ด.ญ. น.ส.) ไว้ตามที่เขียน
  -h, --help              แสดงวิธีใช้

สถานะเมื่อจบ: 0 ไม่พบข้อผิดพลาด, 1 พบข้อผิดพลาด, 2 อ่านไฟล์ไม่ได้หรือตัวเลือกไม่ถูกต้อง
รันจากโฟลเดอร์โครงการ: npx dmc-check ไฟล์.xlsx`,
  en: `Usage: dmc-check FILE... [options]
Checks student rosters (.xlsx or .csv) against the OBEC DMC rules: every roster sheet is checked.

Options:
  --sheet NAME            check this sheet only (default: every sheet with a roster header)
  --format text|json|csv  output format (default: text)
  --lang th|en            language of messages (default: th)
  --as-of YYYY-MM-DD      check date, Common Era or Buddhist Era (2027-03-20 or 2570-03-20)
                          default: the exam end of the file's academic year, or today if earlier
  --academic-year YYYY    academic year in Buddhist Era, e.g. 2568
                          default: from the file name, a title line or the check date
  --exam-end YYYY-MM-DD   last day of final exams (default: 31 March closing the academic year)
  --show-ids              print citizen IDs whole (default: masked 1-xxxx-xxxxx-xx-0)
  --pretty                indented JSON
  --correction-form OUT.xlsx
                          also write the ID-correction form for the students with citizen-ID
                          findings (one input file)
  --dmc DOWNLOAD          compare the roster with the DMC download: who is missing on either side,
                          whose ID or details differ, who was promoted by hand (the correction form
                          includes the IDs that differ from DMC's)
  --dmc-sheet NAME        with --dmc: the sheet of the DMC file holding the download (default: found by
                          its "วันและเวลาที่สร้างรายงาน" line, else the first sheet)
  --fix OUT               write a copy with every certain repair made (same format, never the
                          input), list the changes, then check the copy
  --keep-prefixes         with --fix: leave ด.ช./ด.ญ./น.ส. as written
  -h, --help              show this help

Exit status: 0 no errors, 1 errors found, 2 unreadable file or wrong arguments.
Run it from the project folder: npx dmc-check FILE.xlsx`,
};

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
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: CLI_OPTIONS,
    });
  } catch (e) {
    const m = (e as Error).message;
    throw new UsageError({ th: `ตัวเลือกไม่ถูกต้อง: ${m}`, en: m });
  }
  const v = parsed.values;
  if (v.help) return { help: true as const };
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
    help: false as const,
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

/** The language asked for, even when the rest of the arguments are wrong. */
function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? '' : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'th';
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
  let opts;
  try {
    opts = options(argv);
  } catch (e) {
    const msg = e instanceof UsageError ? e.msg[lang] : (e as Error).message;
    io.stderr(`dmc-check: ${msg}\n\n${USAGE[lang]}\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout(`${USAGE[lang]}\n`);
    return 0;
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
