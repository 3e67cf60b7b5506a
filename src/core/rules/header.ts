/** Rules about the sheet's layout rather than a student. */
import { a1 } from '../headers';
import type { FieldKey } from '../types';
import { defineRules, FIELD_LABEL, type Hit } from './rule';

/** Columns the rules rely on; the core identity columns are warnings when absent, the rest info. */
const EXPECTED: Array<[FieldKey, 'warning' | 'info']> = [
  ['cid', 'warning'],
  ['firstName', 'warning'],
  ['lastName', 'warning'],
  ['gender', 'warning'],
  ['dob', 'warning'],
  ['grade', 'warning'],
  ['sid', 'info'],
  ['prefix', 'info'],
  ['room', 'info'],
  ['weight', 'info'],
  ['height', 'info'],
  ['status', 'info'],
  ['exam', 'info'],
  ['entryDate', 'info'],
];

export const headerRules = defineRules(
  {
    id: 'header.not-found',
    severity: 'error',
    field: null,
    needs: [],
    about: {
      th: 'ไม่พบแถวหัวตาราง: ต้องมีหัวคอลัมน์ เช่น เลขประจำตัวประชาชน ชื่อ นามสกุล เพศ วันเกิด ชั้น ใน 10 แถวแรก',
      en: 'No header row: the first 10 rows must name columns such as Citizen ID, First name, Last name, Gender, DOB, Grade',
    },
    say: () => ({
      th: 'ไม่พบแถวหัวตารางที่มีชื่อคอลัมน์ที่รู้จักอย่างน้อย 3 คอลัมน์ใน 10 แถวแรก — ตรวจว่าเลือกแผ่นงานถูกต้อง',
      en: 'No row among the first 10 names at least 3 known columns — check that this is the roster sheet',
    }),
    sheet: (map) => (map ? [] : [{}]),
  },
  {
    id: 'header.missing-column',
    severity: 'info',
    field: null,
    needs: [],
    about: {
      th: 'ไม่มีคอลัมน์ที่ใช้ตรวจ: กฎที่ต้องใช้คอลัมน์นั้นจะถูกข้าม',
      en: 'A column the checks use is absent: the rules that need it are skipped',
    },
    say: (h) => {
      const f = FIELD_LABEL[h.field as FieldKey];
      return {
        th: `ไม่มีคอลัมน์ "${f.th}" — กฎที่ใช้คอลัมน์นี้จะไม่ถูกตรวจ`,
        en: `No "${f.en}" column — the checks that need it are skipped`,
      };
    },
    sheet: (map, ctx) => {
      if (!map) return [];
      const hits: Hit[] = [];
      for (const [field, severity] of EXPECTED) {
        if (!ctx.has(field)) hits.push({ field, severity });
      }
      return hits;
    },
  },
  {
    id: 'file.bad-bytes',
    severity: 'warning',
    field: null,
    needs: [],
    about: {
      th: 'ไฟล์มีไบต์ที่อ่านไม่ได้ในรหัสอักษรของไฟล์ จึงถูกแทนด้วย �',
      en: 'The file holds bytes that are not valid in its encoding; they were replaced with �',
    },
    say: (h) => ({
      th: `ไฟล์มีไบต์เสียในเซลล์ ${h.cells} — เปิดไฟล์ต้นฉบับแล้วบันทึกใหม่เป็น CSV UTF-8 หรือแก้ข้อความในเซลล์เหล่านั้น`,
      en: `Damaged bytes in cell ${h.cells} — save the original again as CSV UTF-8, or retype those cells`,
    }),
    sheet: (_map, ctx) => {
      if (ctx.damaged.length === 0) return [];
      const shown = ctx.damaged.slice(0, 10).map((d) => a1(d.row, d.col));
      const more = ctx.damaged.length - shown.length;
      return [{ cells: shown.join(', ') + (more > 0 ? ` (+${more})` : '') }];
    },
  },
  {
    id: 'header.duplicate-column',
    severity: 'warning',
    field: null,
    needs: [],
    about: {
      th: 'มีคอลัมน์ซ้ำ: ใช้คอลัมน์แรก คอลัมน์ถัดไปไม่ถูกตรวจ',
      en: 'Two columns mean the same field: the first is used, the other is not checked',
    },
    say: (h) => ({
      th: `คอลัมน์ "${h.value}" ซ้ำกับคอลัมน์ก่อนหน้า (${FIELD_LABEL[h.field as FieldKey].th}) — ระบบใช้คอลัมน์แรก`,
      en: `Column "${h.value}" repeats an earlier ${FIELD_LABEL[h.field as FieldKey].en} column — the first one is used`,
    }),
    sheet: (map) =>
      map ? map.duplicates.map((d) => ({ field: d.field, col: d.column, value: map.headers[d.column] })) : [],
  },
);
