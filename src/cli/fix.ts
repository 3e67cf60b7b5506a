/**
 * dmc-check FILE --fix OUT: writes a fixed copy of the roster in the input's own format, never over the
 * input, prints every change (citizen IDs masked), then checks the copy so the exit code tells what
 * remains: 0 no errors, 1 errors remain, 2 the input or the copy could not be read or written.
 */
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { FIX_LABEL, planWorkbookFixes, type Fix, type FixKind } from '../core/fixes';
import { cellText } from '../core/headers';
import { FIELD_LABEL } from '../core/rules/rule';
import type { Settings } from '../core/settings';
import { maskCid } from '../core/thai-id';
import type { Cell, Lang, Msg } from '../core/types';
import { validateWorkbook, type WorkbookInput, type WorkbookReport } from '../core/validate';
import { EncodeError, fixCsvBytes } from './fix-csv';
import { fixXlsxBytes } from './fix-xlsx';
import { InputError, READ_ERRORS } from './input-error';
import { pickSheet, readWorkbookBytes, type ReadSheet } from './read';
import { isZip } from './zip';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface FixCommandOptions {
  /** Fix only this sheet of an xlsx (default: every roster sheet, as the check reads them). */
  sheet?: string;
  /** Language of the messages (default: the settings' language, Thai unless set). */
  lang?: Lang;
  /** ด.ช. → เด็กชาย and the like (default true). */
  prefixWords?: boolean;
  /** Print citizen IDs whole (default: masked). */
  showIds?: boolean;
  /** Today, for settings that default to it. */
  now?: Date;
}

const XLSX_EXT = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const TEXT_EXT = new Set(['.csv', '.txt', '.tsv']);

const M = {
  sameFile: {
    th: 'ไฟล์ผลลัพธ์ต้องไม่ใช่ไฟล์ต้นฉบับ — ตั้งชื่อไฟล์ใหม่ให้ --fix (ไม่เขียนทับต้นฉบับ)',
    en: 'the output must not be the input — give --fix a new file name (the input is never overwritten)',
  },
  wrongType: (want: string): Msg => ({
    th: `ไฟล์ผลลัพธ์ต้องเป็นชนิดเดียวกับต้นฉบับ — ตั้งชื่อให้ลงท้ายด้วย ${want}`,
    en: `the output is written in the input's format — give it a name ending in ${want}`,
  }),
  cannotWrite: (code: string): Msg => ({ th: `เขียนไฟล์ไม่ได้ (${code})`, en: `cannot write (${code})` }),
  cannotEncode: (what: string): Msg => ({
    th: `เขียนค่าที่แก้ในรหัสอักขระของไฟล์เดิมไม่ได้ (${what}) — ไม่ได้เขียนไฟล์`,
    en: `a fixed value cannot be written in the file's encoding (${what}) — nothing written`,
  }),
  none: (out: string): Msg => ({
    th: `ไม่มีรายการที่แก้ให้อัตโนมัติได้ — เขียนสำเนาเดิมไว้ที่ ${out}`,
    en: `nothing can be fixed automatically — wrote an unchanged copy to ${out}`,
  }),
  wrote: (n: number, out: string): Msg => ({
    th: `แก้ ${n} เซลล์ เขียนไว้ที่ ${out}`,
    en: `fixed ${n} cell${n === 1 ? '' : 's'}, written to ${out}`,
  }),
  whole: {
    th: 'หมายเหตุ: หาตำแหน่งเซลล์ในไฟล์ CSV แบบตรงไบต์ไม่ได้ (มีเครื่องหมายคำพูดที่ไม่ปิด) จึงเขียนไฟล์ใหม่ทั้งไฟล์ด้วยรหัสอักขระและการขึ้นบรรทัดเดิม',
    en: 'note: the CSV cells could not be located byte for byte (an unclosed quote), so the whole file was written again in the same encoding and line endings',
  },
  formula: (cell: string): Msg => ({
    th: `${cell}: เป็นสูตร — ไม่ได้แก้ แก้ที่ข้อมูลต้นทางของสูตร`,
    en: `${cell}: holds a formula — not fixed; fix the data the formula reads`,
  }),
  missing: (cell: string): Msg => ({
    th: `${cell}: หาเซลล์ในไฟล์ไม่พบ — ไม่ได้แก้`,
    en: `${cell}: not found in the file — not fixed`,
  }),
  byKind: { th: 'ตามชนิด', en: 'By kind' },
  removed: (n: number, list: string): Msg => ({
    th: `ตรวจไฟล์ที่แก้แล้ว: ข้อค้นพบหายไป ${n} รายการ${list ? ` (${list})` : ''}`,
    en: `checked the fixed copy: ${n} finding${n === 1 ? '' : 's'} gone${list ? ` (${list})` : ''}`,
  }),
  appeared: (n: number, list: string): Msg => ({
    th: `ข้อค้นพบใหม่ ${n} รายการ (${list}) — เลขประจำตัวที่แก้ให้ถูกรูปแบบแล้วอาจเผยให้เห็นเลขซ้ำ`,
    en: `${n} new finding${n === 1 ? '' : 's'} (${list}) — an ID made valid can reveal a duplicate`,
  }),
  remain: (errors: number, warnings: number, out: string): Msg => ({
    th: `ยังเหลือข้อผิดพลาด ${errors} รายการ คำเตือน ${warnings} รายการ — ดูรายละเอียดด้วย dmc-check ${out}`,
    en: `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} remain — see them with dmc-check ${out}`,
  }),
  unreadableCopy: {
    th: 'อ่านไฟล์ที่แก้แล้วกลับมาตรวจไม่ได้',
    en: 'the fixed copy could not be read back for checking',
  },
};

/** Invisible and control characters shown as \uXXXX, so a change of spaces can be seen and nothing escapes to the terminal. */
function show(v: Cell): string {
  const s = cellText(v).replace(
    // eslint-disable-next-line no-control-regex -- showing control and invisible characters is the point
    /[\u0000-\u001f\u007f-\u00a0\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `«${s}»`;
}

/** Two paths that name the same file (also through links), or the same path twice. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [ra, rb] = await Promise.all([realpath(a), realpath(b)]);
    if (ra === rb) return true;
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function kindsOf(f: Fix): FixKind[] {
  return [f.kind, ...(f.also ?? [])];
}

/** One line per change: where, what, before → after. */
function changeLine(f: Fix, many: boolean, lang: Lang, showIds: boolean): string {
  const where = many ? `${f.sheet}!${f.cell}` : f.cell;
  const what = kindsOf(f)
    .map((k) => FIX_LABEL[k][lang])
    .join(', ');
  const value = (v: Cell) => (f.field === 'cid' && !showIds ? `«${maskCid(cellText(v))}»` : show(v));
  return `  ${where.padEnd(many ? 12 : 6)} ${FIELD_LABEL[f.field][lang]}: ${what}: ${value(f.before)} → ${value(f.after)}\n`;
}

/** Findings per rule, over every report of a check. */
function countRules(book: WorkbookReport): Map<string, number> {
  const n = new Map<string, number>();
  for (const r of book.reports) for (const f of r.findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return n;
}

/** The sheets a fix reads, as the check reads them: the one --sheet names (an xlsx), else every sheet. */
function sheetsToFix(sheets: ReadSheet[], name?: string): ReadSheet[] {
  return name !== undefined && sheets.some((s) => s.name !== '') ? [pickSheet(sheets, name)] : sheets;
}

export async function runFix(
  inputPath: string,
  outPath: string,
  settings: Settings,
  io: Io,
  options: FixCommandOptions = {},
): Promise<number> {
  const lang = options.lang ?? settings.language;
  const fail = (path: string, msg: Msg) => {
    io.stderr(`dmc-check: ${path}: ${msg[lang]}\n`);
    return 2;
  };
  if (await sameFile(inputPath, outPath)) return fail(outPath, M.sameFile);

  let bytes: Uint8Array;
  let input: WorkbookInput;
  try {
    bytes = await readFile(inputPath);
    const wb = readWorkbookBytes(inputPath, bytes);
    input = { source: wb.source, sheets: sheetsToFix(wb.sheets, options.sheet) };
  } catch (e) {
    if (e instanceof InputError) return fail(inputPath, { th: e.th, en: e.en });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(inputPath, READ_ERRORS.notFound);
    if (code === 'EISDIR') return fail(inputPath, READ_ERRORS.folder);
    if (code) return fail(inputPath, READ_ERRORS.cannotRead(code));
    throw e;
  }

  // The copy is in the input's format: a name that says otherwise would mislead the next program.
  const zip = isZip(bytes);
  const outExt = extname(outPath).toLowerCase();
  if (zip ? !XLSX_EXT.has(outExt) : !TEXT_EXT.has(outExt)) {
    const inExt = extname(inputPath).toLowerCase();
    const want = (zip ? XLSX_EXT : TEXT_EXT).has(inExt) ? inExt : zip ? '.xlsx' : '.csv';
    return fail(outPath, M.wrongType(want));
  }

  const planned = planWorkbookFixes(input, settings, {
    prefixWords: options.prefixWords,
    now: options.now,
    source: input.source,
  });
  let fixes = planned;
  let out = bytes;
  const notes: string[] = [];
  if (zip) {
    const r = fixXlsxBytes(bytes, planned);
    out = r.bytes;
    fixes = r.written;
    for (const s of r.skipped) notes.push(`  ${(s.why === 'formula' ? M.formula : M.missing)(s.fix.cell)[lang]}\n`);
  } else {
    try {
      const r = fixCsvBytes(bytes, planned, { tab: extname(inputPath).toLowerCase() === '.tsv' });
      out = r.bytes;
      if (r.whole) notes.push(`${M.whole[lang]}\n`);
    } catch (e) {
      if (e instanceof EncodeError) return fail(inputPath, M.cannotEncode(e.message));
      throw e;
    }
  }
  try {
    await writeFile(outPath, out);
  } catch (e) {
    return fail(outPath, M.cannotWrite((e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }

  const many = new Set(fixes.map((f) => f.sheet)).size > 1;
  let text = `dmc-check: ${(fixes.length ? M.wrote(fixes.length, outPath) : M.none(outPath))[lang]}\n`;
  for (const f of fixes) text += changeLine(f, many, lang, options.showIds ?? false);
  text += notes.join('');
  if (fixes.length) {
    const kinds = new Map<FixKind, number>();
    for (const f of fixes) for (const k of kindsOf(f)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    text += `${M.byKind[lang]}: ${[...kinds].map(([k, n]) => `${FIX_LABEL[k][lang]} ${n}`).join(' · ')}\n`;
  }

  // The copy is read back from disk and checked as the next run of dmc-check would see it.
  let after: WorkbookReport;
  try {
    const wb = readWorkbookBytes(outPath, await readFile(outPath));
    const sheets = sheetsToFix(wb.sheets, options.sheet);
    after = validateWorkbook({ source: basename(inputPath), sheets }, settings, { now: options.now });
  } catch {
    io.stdout(text);
    return fail(outPath, M.unreadableCopy);
  }
  const before = countRules(validateWorkbook(input, settings, { now: options.now }));
  const now = countRules(after);
  const gone: string[] = [];
  let removed = 0;
  for (const [rule, n] of before) {
    const d = n - (now.get(rule) ?? 0);
    if (d > 0) {
      removed += d;
      gone.push(`${rule} ${d}`);
    }
  }
  text += `${M.removed(removed, gone.join(', '))[lang]}\n`;
  const fresh = [...now].filter(([rule, n]) => n > (before.get(rule) ?? 0));
  if (fresh.length) {
    const n = fresh.reduce((t, [rule, c]) => t + c - (before.get(rule) ?? 0), 0);
    text += `${M.appeared(n, fresh.map(([rule, c]) => `${rule} ${c - (before.get(rule) ?? 0)}`).join(', '))[lang]}\n`;
  }
  const errors = after.reports.reduce((n, r) => n + r.summary.bySeverity.error, 0);
  const warnings = after.reports.reduce((n, r) => n + r.summary.bySeverity.warning, 0);
  text += `${M.remain(errors, warnings, outPath)[lang]}\n`;
  io.stdout(text);
  return errors > 0 ? 1 : 0;
}
