/** The citizen ID (เลขประจำตัวประชาชน), the G-code, and the parents' IDs. */
import { rawCell, type Student } from '../student';
import { isBlankText } from '../text';
import { CID_REASON, compact, isGcode, looksLikeGcode, parseCid, type CidReason } from '../thai-id';
import { isThaiNationality } from '../vocab';
import type { FieldKey } from '../types';
import { cap, defineRules, FIELD_LABEL, type Ctx, type Hit } from './rule';

function cidText(s: Student): string {
  return s.text.cid ?? '';
}

/** Neither blank nor a G-code: what the 13-digit rules look at. */
function numericCid(s: Student): boolean {
  const t = cidText(s);
  return !isBlankText(t) && !looksLikeGcode(t);
}

/** A 12-digit value that a leading 0 makes valid: the zero was eaten by a number cell. */
function lostLeadingZero(s: Student): boolean {
  const c = compact(cidText(s));
  return /^\d{12}$/.test(c) && parseCid(`0${c}`).ok;
}

const FIX_ID = {
  th: 'แก้ในชีตให้ตรงบัตร หากในระบบ DMC ผิดด้วย ให้ส่งแบบขอแก้ไขเลขประจำตัวประชาชนทางอีเมล',
  en: 'Fix it from the ID card; if DMC holds the wrong number too, email the ID-correction form',
};

/** Rows grouped by a key; groups of two or more. Arrays are made only for keys seen twice. */
export function groupsBy(students: readonly Student[], key: (s: Student) => string | null): Student[][] {
  const first = new Map<string, Student | Student[]>();
  const groups: Student[][] = [];
  for (const s of students) {
    const k = key(s);
    if (k === null) continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, s);
    else if (Array.isArray(seen)) seen.push(s);
    else {
      const g = [seen, s];
      groups.push(g);
      first.set(k, g);
    }
  }
  return groups;
}

/**
 * "12, 15, 20" — the other rows of a group, at most five named, so a huge group stays linear; a row of
 * another sheet is named with its sheet ("แผ่นงาน ม.1-2 แถว 7" / "sheet ม.1-2 row 7").
 */
export function otherRows(group: readonly Student[], self: Student, ctx: Ctx): Hit {
  const th: string[] = [];
  const en: string[] = [];
  for (const o of group) {
    if (o !== self) {
      const other = o.sheet === self.sheet ? null : ctx.sheetNames[o.sheet];
      th.push(other ? `${o.row} (แผ่นงาน "${other}")` : String(o.row));
      en.push(other ? `${o.row} (sheet "${other}")` : String(o.row));
    }
    if (th.length === 5) break;
  }
  const more = group.length - 1 - th.length;
  const tail = more > 0 ? ` (+${more})` : '';
  return { rows: th.join(', ') + tail, rowsEn: en.join(', ') + tail };
}

/** Every row of each group, told the other rows. */
export function* duplicatesBy(
  students: readonly Student[],
  ctx: Ctx,
  key: (s: Student) => string | null,
): Iterable<[Student, Hit]> {
  for (const g of groupsBy(students, key)) {
    for (const s of g) yield [s, otherRows(g, s, ctx)];
  }
}

const PARENTS: FieldKey[] = ['fatherCid', 'motherCid', 'guardianCid'];

export const cidRules = defineRules(
  {
    id: 'cid.missing',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'นักเรียนที่ยังอยู่ต้องมีเลขประจำตัวประชาชน 13 หลัก (หรือ G-code)',
      en: 'Every present student needs a 13-digit citizen ID (or a G-code)',
    },
    say: () => ({
      th: 'ไม่มีเลขประจำตัวประชาชน — กรอกจากบัตรประชาชนหรือสูติบัตร',
      en: 'Citizen ID is empty — enter it from the ID card or birth certificate',
    }),
    row: (s) => s.present && isBlankText(cidText(s)),
  },
  {
    id: 'cid.format',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: { th: 'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก', en: 'A citizen ID is 13 digits' },
    say: (h) =>
      h.reason === 'scientific'
        ? {
            th: `${CID_REASON.scientific.th} — พิมพ์เลข 13 หลักใหม่จากบัตร ในเซลล์ที่จัดรูปแบบเป็นข้อความ`,
            en: `${CID_REASON.scientific.en} — retype the 13 digits from the ID card into a cell formatted as text`,
          }
        : {
            th: `เลขประจำตัวประชาชนไม่ใช่ตัวเลข 13 หลัก (มี ${h.n} ตัวอักษร) — ${FIX_ID.th}`,
            en: `Citizen ID is not 13 digits (it has ${h.n} characters) — ${FIX_ID.en}`,
          },
    row: (s, ctx) => {
      if (!numericCid(s) || lostLeadingZero(s)) return false;
      const p = s.cid!;
      // A number cell past 10^12 that is no whole number: Excel kept only the scientific display.
      const raw = rawCell(s, ctx.map, 'cid');
      if (typeof raw === 'number' && raw >= 1e12 && !Number.isInteger(raw)) return { reason: 'scientific', n: 0 };
      if (p.ok) return false;
      return (
        (p.reason === 'length' || p.reason === 'format' || p.reason === 'scientific') && {
          n: p.compact.length,
          reason: p.reason,
        }
      );
    },
  },
  {
    id: 'cid.leading-zero-lost',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'เลข 0 นำหน้าหายไปเพราะเซลล์เก็บเป็นตัวเลข',
      en: 'The leading 0 was lost because the cell holds a number',
    },
    say: () => ({
      th: 'เลขมี 12 หลัก และจะถูกต้องเมื่อเติม 0 ข้างหน้า — จัดรูปแบบเซลล์เป็นข้อความ (Plain text) แล้วพิมพ์ 0 นำหน้า',
      en: 'The ID has 12 digits and is valid with a leading 0 — format the cell as plain text and type the 0 back',
    }),
    row: (s) => numericCid(s) && lostLeadingZero(s),
  },
  {
    id: 'cid.checksum',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'หลักสุดท้ายของเลขประจำตัวประชาชนไม่ตรงกับการคำนวณ: พิมพ์ผิดอย่างน้อยหนึ่งหลัก',
      en: 'The check digit does not match: at least one digit is mistyped',
    },
    say: () => ({
      th: `เลขประจำตัวประชาชนไม่ถูกต้อง (หลักตรวจสอบไม่ตรง) — ${FIX_ID.th}`,
      en: `Citizen ID is invalid (check digit does not match) — ${FIX_ID.en}`,
    }),
    row: (s) => numericCid(s) && s.cid?.ok === false && s.cid.reason === 'checksum',
  },
  {
    id: 'cid.category',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: { th: 'ไม่มีประเภทบุคคลที่ขึ้นต้นด้วยเลข 9', en: 'No person type starts with 9' },
    say: () => ({
      th: `เลขประจำตัวประชาชนขึ้นต้นด้วย 9 ซึ่งไม่มีประเภทบุคคลนี้ — ${FIX_ID.th}`,
      en: `Citizen ID starts with 9, which is no person type — ${FIX_ID.en}`,
    }),
    row: (s) => numericCid(s) && s.cid?.ok === false && s.cid.reason === 'category',
  },
  {
    id: 'cid.province',
    severity: 'warning',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'หลักที่ 2–3 ควรเป็นรหัสจังหวัด (หลักตรวจสอบตรวจหลักที่ 3 ไม่ได้)',
      en: 'Digits 2–3 should be a province code (the check digit cannot catch digit 3)',
    },
    say: (h) => ({
      th: `หลักที่ 2–3 (${h.code}) ไม่ใช่รหัสจังหวัด — เทียบกับบัตรประชาชนอีกครั้ง`,
      en: `Digits 2–3 (${h.code}) are not a province code — compare with the ID card`,
    }),
    row: (s) => {
      const p = s.cid;
      return !!p?.ok && p.personType >= 1 && p.personType <= 8 && !p.provinceKnown && { code: p.province };
    },
  },
  {
    id: 'cid.stored-as-number',
    severity: 'warning',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'เลขประจำตัวประชาชนเก็บเป็นตัวเลข: เสี่ยงเลข 0 หายและกลายเป็น 1.1E+12 เมื่อส่งออก',
      en: 'The ID is stored as a number: zeros can be lost and exports show 1.1E+12',
    },
    say: () => ({
      th: 'เซลล์เก็บเลขประจำตัวประชาชนเป็นตัวเลข — จัดรูปแบบคอลัมน์เป็นข้อความ (รูปแบบ > ตัวเลข > ข้อความธรรมดา)',
      en: 'The cell stores the ID as a number — format the column as plain text (Format > Number > Plain text)',
    }),
    row: (s, ctx) => typeof rawCell(s, ctx.map, 'cid') === 'number',
  },
  {
    id: 'cid.duplicate',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'เลขประจำตัวประชาชนเดียวกันอยู่หลายแถว: นักเรียนคนเดียวถูกนับซ้ำ หรือกรอกเลขผิด',
      en: 'The same citizen ID on several rows: one student counted twice, or a mistyped ID',
    },
    say: (h) => ({
      th: `เลขประจำตัวประชาชนซ้ำกับแถว ${h.rows} — ลบแถวที่ซ้ำ หรือแก้เลขให้ตรงบัตร`,
      en: `Same citizen ID as row ${h.rowsEn} — remove the duplicate row or correct the ID`,
    }),
    scope: 'workbook',
    table: (students, ctx) => duplicatesBy(students, ctx, (s) => (s.cid?.ok ? s.cid.digits : null)),
  },
  {
    id: 'cid.duplicate-across-files',
    severity: 'warning',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'เลขประจำตัวประชาชนเดียวกันอยู่ในหลายไฟล์: นักเรียนอาจถูกนับโดยสองโรงเรียน',
      en: 'The same citizen ID in several files: a student may be counted by two schools',
    },
    say: (h) => ({
      th: `เลขประจำตัวประชาชนนี้อยู่ในไฟล์ ${h.files} ด้วย — ตรวจว่านักเรียนย้ายแล้วหรือไม่`,
      en: `This citizen ID is also in ${h.files} — check whether the student has moved`,
    }),
    // Fired by the command across files (see crossFileDuplicates), never within one sheet.
  },
  {
    id: 'cid.nationality',
    severity: 'warning',
    field: 'cid',
    needs: ['cid', 'nationality'],
    about: {
      th: 'เลขขึ้นต้นด้วย 0, 6 หรือ 7 เป็นบุคคลที่ไม่ใช่สัญชาติไทย',
      en: 'IDs starting with 0, 6 or 7 are non-Thai person types',
    },
    say: (h) => ({
      th: `เลขประจำตัวขึ้นต้นด้วย ${h.type} (บุคคลที่ไม่มีสัญชาติไทย) แต่สัญชาติเป็นไทย — ตรวจสัญชาติหรือเลขประจำตัว`,
      en: `ID starts with ${h.type} (a non-Thai person type) but nationality is Thai — check one of them`,
    }),
    row: (s) => {
      const p = s.cid;
      return (
        !!p?.ok &&
        [0, 6, 7].includes(p.personType) &&
        isThaiNationality(s.text.nationality ?? '') && { type: p.personType }
      );
    },
  },
  {
    id: 'gcode.format',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: { th: 'G-code คือ G ตามด้วยตัวเลข 12 หลัก', en: 'A G-code is G followed by 12 digits' },
    say: () => ({
      th: 'ขึ้นต้นด้วย G แต่ไม่ใช่ G ตามด้วยตัวเลข 12 หลัก — คัดลอก G-code จากระบบ DMC',
      en: 'Starts with G but is not G followed by 12 digits — copy the G-code from DMC',
    }),
    row: (s) => looksLikeGcode(cidText(s)) && !isGcode(cidText(s)),
  },
  {
    id: 'gcode.present',
    severity: 'info',
    field: 'cid',
    needs: ['cid'],
    about: {
      th: 'นักเรียนใช้ G-code: เปลี่ยนเป็นเลข 13 หลักเมื่อได้รับเลขจากทะเบียนราษฎร์',
      en: 'Student has a G-code: replace it once a 13-digit ID is issued',
    },
    say: () => ({
      th: 'นักเรียนใช้ G-code — เมื่อได้เลขประจำตัว 13 หลักแล้ว ให้ขอแก้ไขเป็นเลขใหม่',
      en: 'Student uses a G-code — once a 13-digit ID is issued, request the change',
    }),
    row: (s) => isGcode(cidText(s)),
  },
  {
    id: 'parent-cid.invalid',
    severity: 'warning',
    field: 'fatherCid',
    needs: [],
    about: {
      th: 'เลขประจำตัวประชาชนของบิดา มารดา หรือผู้ปกครองไม่ถูกต้อง',
      en: "A parent's or guardian's citizen ID is invalid",
    },
    say: (h) => {
      const f = FIELD_LABEL[h.field as FieldKey];
      return {
        th: `${f.th}ไม่ถูกต้อง (${CID_REASON[h.reason as CidReason].th}) — ตรวจกับบัตร หรือเว้นว่างถ้าไม่ทราบ`,
        en: `${cap(f.en)} is invalid (${CID_REASON[h.reason as CidReason].en}) — check the card, or leave it empty if unknown`,
      };
    },
    row: (s) => {
      const hits: Hit[] = [];
      for (const field of PARENTS) {
        const t = s.text[field];
        if (t === undefined || isBlankText(t) || /^ไม่(มี|ทราบ)/.test(t.trim())) continue;
        const p = parseCid(t);
        if (!p.ok) hits.push({ field, reason: p.reason });
      }
      return hits;
    },
  },
);
