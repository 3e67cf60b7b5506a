/** What the server tells the user, in Thai and English. */
import type { ClearCount } from '../core/marks';
import type { Msg } from '../core/types';

/** Clear's counts, with the saved entries it had to skip. */
export interface ClearOutcome extends ClearCount {
  bad: number;
}

export const M = {
  busy: {
    th: 'มีการตรวจอื่นกำลังทำงานในไฟล์นี้อยู่ กรุณารอสักครู่แล้วลองใหม่',
    en: 'Another check is running on this spreadsheet: wait a moment and try again',
  },
  noSheet: (name: string): Msg => ({
    th: `ไม่พบแผ่นงาน "${name}" — แก้ชื่อแผ่นงานในการตั้งค่า หรือเว้นว่างเพื่อใช้แผ่นงานที่เปิดอยู่`,
    en: `No sheet named "${name}" — fix the roster sheet in the settings, or leave it empty to use the open sheet`,
  }),
  ownSheet: (name: string): Msg => ({
    th: `แผ่นงาน "${name}" เป็นผลการตรวจ ไม่ใช่รายชื่อนักเรียน — เปิดแผ่นงานรายชื่อแล้วกดตรวจอีกครั้ง`,
    en: `"${name}" holds check results, not the roster — open the roster sheet and check again`,
  }),
  empty: (name: string): Msg => ({
    th: `แผ่นงาน "${name}" ว่างเปล่า — เปิดแผ่นงานที่มีรายชื่อนักเรียน`,
    en: `Sheet "${name}" is empty — open the sheet with the student roster`,
  }),
  tooBig: (rows: number, cols: number): Msg => ({
    th: `ข้อมูลมี ${rows.toLocaleString()} แถว × ${cols} คอลัมน์ ใหญ่เกินกว่าที่ Google Sheets จะตรวจได้ภายในเวลา 6 นาที — ส่งออกเป็น .xlsx แล้วใช้คำสั่ง dmc-check`,
    en: `The sheet has ${rows.toLocaleString()} rows × ${cols} columns, too big to check within Apps Script's 6 minutes — export it as .xlsx and use the dmc-check command`,
  }),
  nothingToClear: { th: 'ไม่มีเครื่องหมายให้ล้าง', en: 'There are no marks to clear' },
  /** What clear did: marks taken off, and how (DESIGN.md, "Marks must never get stuck"). */
  cleared: (c: ClearOutcome): Msg => {
    const th: string[] = [];
    const en: string[] = [];
    if (c.fromStore && c.fromMarks) {
      th.push(`คืนค่าเดิมจากที่บันทึกไว้ ${c.fromStore} เซลล์`);
      en.push(`${c.fromStore} restored from the saved originals`);
    }
    if (c.fromMarks) {
      th.push(`${c.fromMarks} เซลล์ล้างจากตัวเครื่องหมายเอง (ไม่พบค่าเดิมที่บันทึกไว้: เก็บบันทึกย่อของผู้ใช้ไว้ สีพื้นกลับเป็นสีขาว)`);
      en.push(
        `${c.fromMarks} taken off from the marks themselves (saved originals not found: your notes kept, fill reset to white)`,
      );
    }
    if (c.kept) {
      th.push(`${c.kept} เซลล์ที่แก้ไขหลังตรวจ คงไว้ตามที่ผู้ใช้แก้`);
      en.push(`${c.kept} cells changed since the check keep your changes`);
    }
    if (c.copied) {
      th.push(`${c.copied} เซลล์ในแถวหรือคอลัมน์ที่แทรกภายหลังซึ่งติดสีเครื่องหมายมา คืนสีเดิมแล้ว`);
      en.push(`${c.copied} cells of inserted rows or columns that took a mark's fill got the original fill back`);
    }
    if (c.bad) {
      th.push(`ข้อมูลที่บันทึกไว้เสียหาย ${c.bad} รายการ ข้ามไป`);
      en.push(`${c.bad} damaged saved entries skipped`);
    }
    const n = c.fromStore + c.fromMarks;
    return {
      th: `ล้างเครื่องหมายแล้ว ${n} เซลล์${th.length ? ` (${th.join(' · ')})` : ''}`,
      en: `Cleared marks from ${n} cells${en.length ? ` (${en.join(' · ')})` : ''}`,
    };
  },
  /** A check that found earlier marks it could only take off from the marks themselves. */
  marksRecovered: (fromMarks: number, bad: number): Msg => ({
    th: `พบเครื่องหมายเดิม ${fromMarks} เซลล์ที่ไม่มีค่าเดิมบันทึกไว้${bad ? ` (ข้อมูลที่บันทึกไว้เสียหาย ${bad} รายการ)` : ''} — ล้างออกแล้ว เก็บบันทึกย่อของผู้ใช้ไว้ สีพื้นกลับเป็นสีขาว`,
    en: `Found ${fromMarks} earlier marks without saved originals${bad ? ` (${bad} damaged saved entries)` : ''} — taken off, your notes kept, fill reset to white`,
  }),
  skippedTooBig: (rows: number, cols: number): Msg => ({
    th: `ข้อมูล ${rows.toLocaleString()} แถว × ${cols} คอลัมน์ ใหญ่เกินกว่าจะตรวจใน Google Sheets — ใช้คำสั่ง dmc-check`,
    en: `${rows.toLocaleString()} rows × ${cols} columns, too big to check in Google Sheets — use the dmc-check command`,
  }),
  checked: (errors: number, warnings: number, info: number): Msg => ({
    th: `ตรวจเสร็จ: ข้อผิดพลาด ${errors} · คำเตือน ${warnings} · ข้อแนะนำ ${info}`,
    en: `Check done: ${errors} errors · ${warnings} warnings · ${info} info`,
  }),
  badCell: (a1: string): Msg => ({ th: `ไม่พบเซลล์ ${a1}`, en: `No cell ${a1}` }),
  settingsInvalid: {
    th: 'การตั้งค่าที่บันทึกไว้ไม่ถูกต้องบางส่วน ใช้ค่าเริ่มต้นแทน — เปิดการตั้งค่าเพื่อแก้ไข',
    en: 'Some saved settings were invalid and defaults are used — open the settings to fix them',
  },
  unexpected: (detail: string): Msg => ({
    th: `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${detail} — ลองใหม่อีกครั้ง หากยังเกิดซ้ำ แจ้งผู้ดูแลพร้อมข้อความนี้`,
    en: `Unexpected error: ${detail} — try again; if it persists, report it with this message`,
  }),
  // ---------------------------------------------------------------- fixes (issue 14)
  nothingToFix: {
    th: 'ไม่มีรายการที่แก้ให้อัตโนมัติได้ในรายการที่เลือก',
    en: 'Nothing among the selected items can be fixed automatically',
  },
  fixesStale: {
    th: 'เซลล์ที่เลือกเปลี่ยนไปหลังแสดงตัวอย่าง จึงไม่ได้แก้ — ตรวจสอบอีกครั้งเพื่อดูตัวอย่างใหม่',
    en: 'The selected cells changed since the preview, so nothing was fixed — check again for a new preview',
  },
  badFixSelection: {
    th: 'รายการที่เลือกให้แก้ไม่ถูกต้อง — ตรวจสอบอีกครั้งแล้วเลือกใหม่',
    en: 'The selection of fixes is not valid — check again and select once more',
  },
  /** What "แก้ตามที่เลือก" did. */
  fixed: (n: number, sheets: number): Msg => ({
    th: `แก้แล้ว ${n} เซลล์${sheets > 1 ? ` ใน ${sheets} แผ่นงาน` : ''} — กด "ย้อนการแก้" เพื่อคืนค่าเดิมทั้งหมด`,
    en: `Fixed ${n} cells${sheets > 1 ? ` in ${sheets} sheets` : ''} — press "Undo fixes" to put every value back`,
  }),
  fixesSkipped: (n: number): Msg => ({
    th: `ข้าม ${n} เซลล์ที่เป็นสูตร หรือเปลี่ยนไปหลังแสดงตัวอย่าง`,
    en: `${n} cells skipped: formulas, or changed since the preview`,
  }),
  /** The earlier undo record could not be read whole: the new one holds what could be. */
  fixRecordReplaced: (bad: number, damaged: boolean): Msg => ({
    th: damaged
      ? 'ข้อมูลสำหรับย้อนการแก้ครั้งก่อนเสียหาย อ่านไม่ได้ — การแก้ครั้งก่อนย้อนไม่ได้ (ดูค่าเดิมได้ที่ ไฟล์ › ประวัติเวอร์ชัน)'
      : `ข้อมูลสำหรับย้อนการแก้ครั้งก่อนเสียหาย ${bad} รายการ ข้ามไป — เซลล์เหล่านั้นย้อนไม่ได้`,
    en: damaged
      ? 'The earlier undo record was damaged and unreadable — earlier fixes cannot be undone (see File › Version history)'
      : `${bad} damaged entries of the earlier undo record skipped — those cells cannot be undone`,
  }),
  nothingToUndo: {
    th: 'ไม่มีการแก้ให้ย้อน',
    en: 'There are no fixes to undo',
  },
  undoDamaged: {
    th: 'ข้อมูลสำหรับย้อนการแก้ (แผ่นงานซ่อน _dmc_fixes) เสียหาย อ่านไม่ได้ จึงไม่ได้เปลี่ยนเซลล์ใด — ดูค่าเดิมได้ที่ ไฟล์ › ประวัติเวอร์ชัน',
    en: 'The undo record (hidden sheet _dmc_fixes) is damaged and unreadable, so no cell was changed — see File › Version history for the earlier values',
  },
  /** What "ย้อนการแก้" did: cells put back, cells the user changed since (kept), cells not found. */
  undone: (c: { restored: number; kept: number; missing: number; bad: number }): Msg => {
    const th: string[] = [];
    const en: string[] = [];
    if (c.kept) {
      th.push(`${c.kept} เซลล์ที่แก้ไขภายหลัง คงไว้ตามที่ผู้ใช้แก้`);
      en.push(`${c.kept} cells changed since keep your changes`);
    }
    if (c.missing) {
      th.push(`${c.missing} เซลล์หาไม่พบ (แถวหรือแผ่นงานถูกลบ)`);
      en.push(`${c.missing} cells not found (their rows or sheets deleted)`);
    }
    if (c.bad) {
      th.push(`ข้อมูลที่บันทึกไว้เสียหาย ${c.bad} รายการ ข้ามไป`);
      en.push(`${c.bad} damaged saved entries skipped`);
    }
    return {
      th: `ย้อนการแก้แล้ว ${c.restored} เซลล์${th.length ? ` (${th.join(' · ')})` : ''}`,
      en: `Undid fixes in ${c.restored} cells${en.length ? ` (${en.join(' · ')})` : ''}`,
    };
  },
  recheckFailed: (why: Msg): Msg => ({
    th: `เปลี่ยนเซลล์แล้ว แต่ตรวจซ้ำไม่สำเร็จ: ${why.th} — กดตรวจสอบอีกครั้ง`,
    en: `The cells were changed, but checking again failed: ${why.en} — press Check`,
  }),
  // ---------------------------------------------------------------- reconciliation with DMC (issue 13)
  noDmcSheet: {
    th: 'ไม่พบแผ่นงานข้อมูล DMC — ดาวน์โหลดรายชื่อนักเรียนจาก DMC แล้วนำเข้าเป็นแผ่นงานใหม่ (ไฟล์ › นำเข้า › อัปโหลด › แทรกแผ่นงานใหม่) หรือวางทั้งไฟล์ลงในแผ่นงานใหม่ โดยคงบรรทัด "วันและเวลาที่สร้างรายงาน" และแถวหัวตารางไว้',
    en: 'No DMC download sheet found — download the student list from DMC and import it as a new sheet (File › Import › Upload › Insert new sheet), or paste the whole file into a new sheet, keeping the "วันและเวลาที่สร้างรายงาน" line and the header row',
  },
  noRosterForDmc: {
    th: 'ไม่พบแผ่นงานรายชื่อนักเรียนของโรงเรียนที่จะเทียบกับข้อมูล DMC — เปิดแผ่นงานรายชื่อแล้วกดอีกครั้ง หรือเลือกแผ่นงานในการตั้งค่า',
    en: 'No school roster sheet to compare with the DMC download — open the roster sheet and try again, or choose it in the settings',
  },
  dmcSheetChosen: (name: string): Msg => ({
    th: `มีแผ่นงานข้อมูล DMC มากกว่าหนึ่งแผ่น ใช้แผ่นงาน "${name}" — เปิดแผ่นงาน DMC ที่ต้องการแล้วกดอีกครั้งเพื่อเทียบกับแผ่นอื่น`,
    en: `More than one DMC download sheet: "${name}" was used — open the one you want and press again to compare with another`,
  }),
  /** The sheet the settings name as the DMC download ("แผ่นงานข้อมูล DMC") is not in the spreadsheet. */
  noDmcNamed: (name: string): Msg => ({
    th: `ไม่พบแผ่นงาน "${name}" ที่ตั้งไว้เป็นแผ่นงานข้อมูล DMC — แก้ชื่อแผ่นงานในการตั้งค่า หรือเว้นว่างเพื่อให้หาแผ่นงานข้อมูล DMC เอง`,
    en: `No sheet named "${name}", set as the DMC download sheet — fix the name in the settings, or leave it empty to find the download automatically`,
  }),
  /** The named DMC sheet has no header row reconcile can read. */
  dmcNamedUnreadable: (name: string): Msg => ({
    th: `แผ่นงาน "${name}" ที่ตั้งไว้เป็นแผ่นงานข้อมูล DMC ไม่มีแถวหัวตาราง (เช่น เลขประจำตัวนักเรียน ชื่อ นามสกุล) จึงเทียบไม่ได้ — นำเข้าไฟล์รายชื่อนักเรียนที่ดาวน์โหลดจาก DMC ทั้งไฟล์ หรือแก้ชื่อแผ่นงานในการตั้งค่า`,
    en: `Sheet "${name}", set as the DMC download sheet, has no header row (citizen ID, first name, last name…), so nothing can be compared — import the whole student list downloaded from DMC, or fix the sheet in the settings`,
  }),
  menu: {
    title: 'ตรวจข้อมูล DMC',
    open: 'เปิดแถบตรวจสอบ',
    check: 'ตรวจสอบทันที',
    clear: 'ล้างเครื่องหมาย',
    settings: 'ตั้งค่า',
  },
  sidebarTitle: 'ตรวจข้อมูล DMC',
};
