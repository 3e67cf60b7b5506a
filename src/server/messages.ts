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
  menu: {
    title: 'ตรวจข้อมูล DMC',
    open: 'เปิดแถบตรวจสอบ',
    check: 'ตรวจสอบทันที',
    clear: 'ล้างเครื่องหมาย',
    settings: 'ตั้งค่า',
  },
  sidebarTitle: 'ตรวจข้อมูล DMC',
};
