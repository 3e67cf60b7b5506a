/** The citizen ID (เลขประจำตัวประชาชน), the G-code, and the parents' IDs. */
import { isPresent, type FieldValue, type ShapedKey } from '../analysis';
import { CID_REASON, compact, isGcode, looksLikeGcode, parseCid, type CidReason } from '../thai-id';
import { isThaiNationality } from '../vocab';
import type { FieldKey } from '../types';
import { cap, defineRule, defineRules, FIELD_LABEL, type Ctx, type Hit, type Roster } from './rule';

/** Neither blank nor a G-code: what the 13-digit rules look at. */
function numericCid(cid: FieldValue<'cid'>): boolean {
  return !cid.blank && !looksLikeGcode(cid.text);
}

/** A 12-digit value that a leading 0 makes valid: the zero was eaten by a number cell. */
function lostLeadingZero(cid: FieldValue<'cid'>): boolean {
  const c = compact(cid.text);
  return /^\d{12}$/.test(c) && parseCid(`0${c}`).ok;
}

const FIX_ID = {
  th: 'แก้ในชีตให้ตรงบัตร หากในระบบ DMC ผิดด้วย ให้ส่งแบบขอแก้ไขเลขประจำตัวประชาชนทางอีเมล',
  en: 'Fix it from the ID card; if DMC holds the wrong number too, email the ID-correction form',
};

/** Students grouped by a number (-1: none); groups of two or more, in order of their first student. */
export function groupsOf(ids: Int32Array, count: number): number[][] {
  const seen = new Int32Array(count);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) seen[ids[i]!]!++;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0 || seen[id]! < 2) continue;
    const g = groups.get(id);
    if (g) g.push(i);
    else groups.set(id, [i]);
  }
  return [...groups.values()];
}

/**
 * "12, 15, 20" — the other rows of a group, at most five named, so a huge group stays linear; a row of
 * another sheet is named with its sheet ("แผ่นงาน ม.1-2 แถว 7" / "sheet ม.1-2 row 7").
 */
export function otherRows(roster: Roster, group: readonly number[], self: number, ctx: Ctx): Hit {
  const th: string[] = [];
  const en: string[] = [];
  const sheet = roster.sheet(self);
  for (const o of group) {
    if (o !== self) {
      const row = roster.row(o);
      const other = roster.sheet(o) === sheet ? null : ctx.sheetNames[roster.sheet(o)];
      th.push(other ? `${row} (แผ่นงาน "${other}")` : String(row));
      en.push(other ? `${row} (sheet "${other}")` : String(row));
    }
    if (th.length === 5) break;
  }
  const more = group.length - 1 - th.length;
  const tail = more > 0 ? ` (+${more})` : '';
  return { rows: th.join(', ') + tail, rowsEn: en.join(', ') + tail };
}

/** Every student of each group of a field's key, told the other rows; the key is made once per distinct value. */
export function* duplicatesBy<F extends FieldKey>(
  roster: Roster,
  ctx: Ctx,
  field: F,
  keyOf: (v: FieldValue<F>) => string | null,
  shapedKey?: ShapedKey,
): Iterable<[number, Hit]> {
  for (const g of roster.groups(field, keyOf, shapedKey)) {
    for (const i of g) yield [i, otherRows(roster, g, i, ctx)];
  }
}

const PARENTS = ['fatherCid', 'motherCid', 'guardianCid'] as const;

export const cidRules = defineRules(
  defineRule({
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
    reads: ['cid', 'status'],
    check: ({ cid, status }) => isPresent(status) && cid.blank,
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => {
      // A valid ID typed as text: nothing below can fire (the common case, checked first).
      if (cid.v?.ok && typeof cid.raw !== 'number') return false;
      if (!numericCid(cid) || lostLeadingZero(cid)) return false;
      const p = cid.v!;
      // A number cell past 10^12 that is no whole number: Excel kept only the scientific display.
      const raw = cid.raw;
      if (typeof raw === 'number' && raw >= 1e12 && !Number.isInteger(raw)) return { reason: 'scientific', n: 0 };
      if (p.ok) return false;
      return (
        (p.reason === 'length' || p.reason === 'format' || p.reason === 'scientific') && {
          n: p.compact.length,
          reason: p.reason,
        }
      );
    },
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => !cid.v?.ok && numericCid(cid) && lostLeadingZero(cid),
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => cid.v?.ok === false && cid.v.reason === 'checksum' && numericCid(cid),
  }),
  defineRule({
    id: 'cid.category',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: { th: 'ไม่มีประเภทบุคคลที่ขึ้นต้นด้วยเลข 9', en: 'No person type starts with 9' },
    say: () => ({
      th: `เลขประจำตัวประชาชนขึ้นต้นด้วย 9 ซึ่งไม่มีประเภทบุคคลนี้ — ${FIX_ID.th}`,
      en: `Citizen ID starts with 9, which is no person type — ${FIX_ID.en}`,
    }),
    reads: ['cid'],
    check: ({ cid }) => cid.v?.ok === false && cid.v.reason === 'category' && numericCid(cid),
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => {
      const p = cid.v;
      return !!p?.ok && p.personType >= 1 && p.personType <= 8 && !p.provinceKnown && { code: p.province };
    },
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => typeof cid.raw === 'number',
  }),
  defineRule({
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
    // A shaped ID is valid and its text is its 13 digits.
    table: (roster, ctx) => duplicatesBy(roster, ctx, 'cid', (cid) => (cid.v?.ok ? cid.v.digits : null), 'text'),
  }),
  defineRule({
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
  }),
  defineRule({
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
    reads: ['cid', 'nationality'],
    check: ({ cid, nationality }) => {
      const p = cid.v;
      return (
        !!p?.ok && [0, 6, 7].includes(p.personType) && isThaiNationality(nationality.text) && { type: p.personType }
      );
    },
  }),
  defineRule({
    id: 'gcode.format',
    severity: 'error',
    field: 'cid',
    needs: ['cid'],
    about: { th: 'G-code คือ G ตามด้วยตัวเลข 12 หลัก', en: 'A G-code is G followed by 12 digits' },
    say: () => ({
      th: 'ขึ้นต้นด้วย G แต่ไม่ใช่ G ตามด้วยตัวเลข 12 หลัก — คัดลอก G-code จากระบบ DMC',
      en: 'Starts with G but is not G followed by 12 digits — copy the G-code from DMC',
    }),
    reads: ['cid'],
    check: ({ cid }) => !cid.v?.ok && looksLikeGcode(cid.text) && !isGcode(cid.text),
  }),
  defineRule({
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
    reads: ['cid'],
    check: ({ cid }) => !cid.v?.ok && isGcode(cid.text),
  }),
  defineRule({
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
    reads: ['fatherCid', 'motherCid', 'guardianCid'],
    check: (v) => {
      const hits: Hit[] = [];
      for (const field of PARENTS) {
        const t = v[field];
        if (!t.has || t.blank || /^ไม่(มี|ทราบ)/.test(t.text.trim())) continue;
        const p = parseCid(t.text);
        if (!p.ok) hits.push({ field, reason: p.reason });
      }
      return hits;
    },
  }),
);
