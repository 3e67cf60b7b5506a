/**
 * The command's arguments as far as they need no checker: its options as node:util's parseArgs takes
 * them (main.ts checks their values), its usage, and whether it is asked for. bin.ts answers --help from
 * here without loading the checker.
 */
import { parseArgs } from 'node:util';
import type { Lang, Msg } from '../core/types';

/** The command's options as node:util's parseArgs takes them. */
const CLI_OPTIONS = {
  sheet: { type: 'string' },
  format: { type: 'string', default: 'text' },
  lang: { type: 'string', default: 'th' },
  'as-of': { type: 'string' },
  'academic-year': { type: 'string' },
  'exam-end': { type: 'string' },
  'correction-form': { type: 'string' },
  'show-ids': { type: 'boolean' },
  fix: { type: 'string' },
  dmc: { type: 'string' },
  'dmc-sheet': { type: 'string' },
  'keep-prefixes': { type: 'boolean' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const USAGE: Msg = {
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

/** The language asked for, even when the rest of the arguments are wrong. */
export function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? '' : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'th';
}

/** The arguments parsed; throws node:util's error for an unknown option or a missing value. */
export function parseCli(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
}

/** The arguments parsed, or null when they do not parse (main.ts says why). */
function parsed(argv: string[]) {
  try {
    return parseCli(argv);
  } catch {
    return null;
  }
}

/** The usage in the language asked for, when the arguments ask for it and parse; else null. */
export function helpText(argv: string[]): string | null {
  return parsed(argv)?.values.help ? `${USAGE[langOf(argv)]}\n` : null;
}

/** The files the arguments name as input (the rosters, the DMC download); [] when they do not parse. */
export function inputPaths(argv: string[]): string[] {
  const p = parsed(argv);
  if (!p) return [];
  return p.values.dmc === undefined ? p.positionals : [...p.positionals, p.values.dmc];
}
