/** Student number, names and their Thai typing slips. */
import { isPresent } from '../analysis';
import { HAS_ZERO_WIDTH, nameKey, thaiTypo, type ThaiTypo } from '../text';
import { studentNumberKey } from '../digits-key';
import { DenseIds } from '../dense-ids';
import { startsWithPrefix } from '../vocab';
import type { FieldKey } from '../types';
import { duplicatesBy, groupsOf, otherRows } from './cid';
import { cap, defineRule, defineRules, FIELD_LABEL, q, type Ctx } from './rule';

const NAMES = ['firstName', 'lastName'] as const satisfies readonly FieldKey[];

/** Letters (any script), combining marks, space, dot, hyphen, apostrophe; zero-width is name.whitespace's. */
const INVALID_NAME_CHAR = /[^\p{L}\p{M} .\-'’\u00a0\u200b-\u200d\u2060\ufeff]/u;
const THAI_LETTER = /[\u0e01-\u0e2e]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;

function splitFromFullName(ctx: Ctx): boolean {
  return ctx.map.columns.firstName === undefined && ctx.map.columns.fullName !== undefined;
}

function spacingProblem(t: string): boolean {
  return HAS_ZERO_WIDTH.test(t) || t !== t.trim() || /\s{2,}|\u00a0/.test(t);
}

const missing = (field: 'firstName' | 'lastName', id: string) =>
  defineRule({
    id,
    severity: 'error' as const,
    field,
    needs: [field],
    about: {
      th: `ทุกแถวต้องมี${FIELD_LABEL[field].th}`,
      en: `Every row needs a ${FIELD_LABEL[field].en}`,
    },
    say: () => ({
      th: `ไม่มี${FIELD_LABEL[field].th} — กรอกตามทะเบียนบ้านหรือบัตรประชาชน`,
      en: `${FIELD_LABEL[field].en[0]!.toUpperCase()}${FIELD_LABEL[field].en.slice(1)} is empty — enter it as in the house registration`,
    }),
    reads: [field],
    check: (v) => v[field].blank,
  });

export const nameRules = defineRules(
  defineRule({
    id: 'sid.missing',
    severity: 'warning',
    field: 'sid',
    needs: ['sid'],
    about: { th: 'นักเรียนที่ยังอยู่ควรมีเลขประจำตัวนักเรียน', en: 'Every present student should have a student ID' },
    say: () => ({
      th: 'ไม่มีเลขประจำตัวนักเรียน — กรอกจากทะเบียนนักเรียน',
      en: 'Student ID is empty — enter it from the school register',
    }),
    reads: ['sid', 'status'],
    check: ({ sid, status }) => isPresent(status) && sid.blank,
  }),
  defineRule({
    id: 'sid.duplicate',
    severity: 'error',
    field: 'sid',
    needs: ['sid'],
    about: { th: 'เลขประจำตัวนักเรียนต้องไม่ซ้ำกัน', en: 'Student IDs must be unique' },
    say: (h) => ({
      th: `เลขประจำตัวนักเรียนซ้ำกับแถว ${h.rows} — ตรวจกับทะเบียนนักเรียน`,
      en: `Same student ID as row ${h.rowsEn} — check the school register`,
    }),
    scope: 'workbook',
    // A shaped student number is digits, never blank.
    table: (roster, ctx) =>
      duplicatesBy(roster, ctx, 'sid', (sid) => (sid.blank ? null : studentNumberKey(sid.text)), 'number'),
  }),
  missing('firstName', 'name.first.missing'),
  missing('lastName', 'name.last.missing'),
  defineRule({
    id: 'name.invalid-chars',
    severity: 'error',
    field: 'firstName',
    needs: ['firstName'],
    about: {
      th: 'ชื่อและนามสกุลมีได้เฉพาะตัวอักษร ช่องว่าง จุด ขีด และอะพอสทรอฟี',
      en: 'Names may hold only letters, spaces, dots, hyphens and apostrophes',
    },
    say: (h) => ({
      th: `${FIELD_LABEL[h.field as FieldKey].th} ${q(h.value)} มีตัวเลขหรือสัญลักษณ์ (${q(h.char)}) — ลบออก`,
      en: `${cap(FIELD_LABEL[h.field as FieldKey].en)} ${q(h.value)} contains a digit or symbol (${q(h.char)}) — remove it`,
    }),
    each: NAMES,
    cell: (v) => {
      const char = v.blank ? null : (INVALID_NAME_CHAR.exec(v.text)?.[0] ?? null);
      return char !== null && { value: v.text, char };
    },
  }),
  defineRule({
    id: 'name.whitespace',
    severity: 'warning',
    field: 'firstName',
    needs: ['firstName'],
    about: {
      th: 'ช่องว่างเกินหรืออักขระที่มองไม่เห็น ทำให้ชื่อไม่ตรงกับระบบ DMC',
      en: 'Extra spaces or invisible characters make names differ from DMC',
    },
    say: (h) => ({
      th: `${FIELD_LABEL[h.field as FieldKey].th}มีช่องว่างหน้า/หลัง ช่องว่างซ้อน หรืออักขระที่มองไม่เห็น — พิมพ์ใหม่`,
      en: `${cap(FIELD_LABEL[h.field as FieldKey].en)} has leading, trailing or doubled spaces, or invisible characters — retype it`,
    }),
    each: ['fullName', 'prefix', 'firstName', 'lastName'],
    cell: ({ text }, field, ctx) => {
      // A full name split into parts is marked once, on its own cell.
      if (splitFromFullName(ctx))
        return field === 'fullName' && spacingProblem(text) && { field: 'firstName', value: text };
      return (
        field !== 'fullName' &&
        text !== '' &&
        ctx.map.columns[field] !== undefined &&
        spacingProblem(text) && { value: text }
      );
    },
  }),
  defineRule({
    id: 'name.thai-typo',
    severity: 'warning',
    field: 'firstName',
    needs: ['firstName'],
    about: {
      th: 'คำผิดที่พบบ่อยเวลาพิมพ์ไทย: เ เ แทน แ สระหรือวรรณยุกต์ซ้ำ หรือวรรณยุกต์ไม่มีพยัญชนะ',
      en: 'Common Thai typing slips: เ+เ for แ, a repeated vowel or tone mark, a mark with no consonant',
    },
    say: (h) => ({
      th: `${FIELD_LABEL[h.field as FieldKey].th} ${q(h.value)}: ${TYPO[h.kind as ThaiTypo].th} — พิมพ์ใหม่ให้ตรงทะเบียนบ้าน`,
      en: `${cap(FIELD_LABEL[h.field as FieldKey].en)} ${q(h.value)}: ${TYPO[h.kind as ThaiTypo].en} — retype it as in the register`,
    }),
    each: NAMES,
    cell: (v) => {
      const kind = v.blank ? null : thaiTypo(v.text);
      return kind && { value: v.text, kind };
    },
  }),
  defineRule({
    id: 'name.mixed-script',
    severity: 'warning',
    field: 'firstName',
    needs: ['firstName'],
    about: { th: 'ชื่อเดียวมีทั้งอักษรไทยและอักษรละติน', en: 'One name mixes Thai and Latin letters' },
    say: (h) => ({
      th: `${FIELD_LABEL[h.field as FieldKey].th} ${q(h.value)} มีทั้งอักษรไทยและอังกฤษ — ตรวจว่าสลับภาษาแป้นพิมพ์หรือไม่`,
      en: `${cap(FIELD_LABEL[h.field as FieldKey].en)} ${q(h.value)} mixes Thai and Latin letters — check the keyboard layout`,
    }),
    each: NAMES,
    cell: (v) => !v.blank && THAI_LETTER.test(v.text) && LATIN_LETTER.test(v.text) && { value: v.text },
  }),
  defineRule({
    id: 'name.prefix-in-name',
    severity: 'warning',
    field: 'firstName',
    needs: ['firstName'],
    about: {
      th: 'คำนำหน้าอยู่ในช่องชื่อ: DMC เก็บคำนำหน้าแยกช่อง',
      en: 'A prefix sits in the first name: DMC keeps the prefix in its own field',
    },
    say: (h) => ({
      th: `ชื่อ ${q(h.value)} ขึ้นต้นด้วยคำนำหน้า — ย้ายคำนำหน้าไปไว้ช่องคำนำหน้าชื่อ`,
      en: `First name ${q(h.value)} starts with a prefix — move it to the prefix column`,
    }),
    reads: ['firstName'],
    check: ({ firstName }) => startsWithPrefix(firstName.text) && { value: firstName.text },
  }),
  defineRule({
    id: 'name.near-duplicate',
    severity: 'warning',
    field: 'firstName',
    needs: ['firstName', 'lastName', 'dob'],
    about: {
      th: 'ชื่อ นามสกุล และวันเกิดเดียวกันแต่เลขประจำตัวต่างกัน: อาจเป็นคนเดียวกันกรอกซ้ำ',
      en: 'Same name, surname and birth date with different IDs: possibly one student entered twice',
    },
    say: (h) => ({
      th: `ชื่อ นามสกุล และวันเกิดตรงกับแถว ${h.rows} แต่เลขประจำตัวต่างกัน — ตรวจว่าเป็นคนเดียวกันหรือไม่`,
      en: `Name, surname and birth date match row ${h.rowsEn} with a different ID — check whether it is one student`,
    }),
    scope: 'workbook',
    table: function* (roster, ctx) {
      // Numbers for the normalised first name, last name and birth date, then one for the three together.
      const first = roster.ids('firstName', (v) => (v.blank ? null : nameKey(v.text)));
      const last = roster.ids('lastName', (v) => nameKey(v.text));
      const dob = roster.ids('dob', (v) => (v.v?.ok ? `${v.v.date.y}-${v.v.date.m}-${v.v.date.d}` : null));
      const { person, count } = personIds(first, last, dob, roster.size);
      const idOf = (i: number) => {
        const cid = roster.get('cid', i);
        return cid.v?.ok ? cid.v.digits : cid.text.trim();
      };
      for (const g of groupsOf(person, count)) {
        // Rows with the same ID are cid.duplicate's business; here only differing IDs count.
        if (new Set(g.map(idOf)).size < 2) continue;
        for (const i of g) yield [i, otherRows(roster, g, i, ctx)];
      }
    },
  }),
);

type Ids = { ids: Int32Array; count: number };

/**
 * One number per student for the three of first name, last name and birth date (-1 without a first
 * name or a birth date). The three numbers combine into one key while that stays an exact integer, as
 * for any real roster; past `exactUpTo` the name pair is numbered first, so that no key outgrows it.
 */
export function personIds(first: Ids, last: Ids, dob: Ids, size: number, exactUpTo = Number.MAX_SAFE_INTEGER) {
  const names = first.count * last.count * dob.count <= exactUpTo ? null : new DenseIds(size);
  const people = new DenseIds(size);
  const person = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const f = first.ids[i]!;
    const d = dob.ids[i]!;
    if (f < 0 || d < 0) {
      person[i] = -1;
      continue;
    }
    const pair = f * last.count + last.ids[i]!;
    person[i] = people.id((names ? names.id(pair) : pair) * dob.count + d);
  }
  return { person, count: people.size };
}

const TYPO: Record<ThaiTypo, { th: string; en: string }> = {
  'double-sara-e': { th: 'ใช้ เ เ (สระเอสองตัว) แทน แ', en: 'เ+เ typed for แ' },
  'decomposed-sara-am': {
    th: 'สระอำเขียนเป็นนิคหิตกับสระอา (ํ + า) ซึ่ง DMC ไม่ถือว่าเป็นตัวเดียวกับ ำ',
    en: 'sara am written as nikhahit + sara aa (ํ + า), which DMC does not match with ำ',
  },
  'repeated-mark': { th: 'สระหรือวรรณยุกต์ซ้ำ', en: 'a vowel or tone mark typed twice' },
  'orphan-mark': { th: 'สระหรือวรรณยุกต์ไม่มีพยัญชนะ', en: 'a mark with no consonant' },
};
