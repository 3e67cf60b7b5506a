/** Grade, room, weight and height. */

import { isPresent, type FieldValue } from '../analysis';
import { arabicDigits } from '../text';
import { ageOnCheckDate, defineRule, defineRules, q } from './rule';

export const WEIGHT_RANGE = [8, 150] as const;
export const HEIGHT_RANGE = [60, 210] as const;

/**
 * Generous plausibility bands by age (years): [min weight kg, max weight kg, min height cm, max height cm].
 * Wide enough to hold very small and very large children of Thai growth references; a value outside is
 * almost surely a typo, not a child.
 */
const AGE_BANDS: Array<[number, number, number, number]> = [
  [8, 20, 75, 100], // 2
  [9, 25, 82, 110],
  [10, 30, 88, 118],
  [11, 35, 94, 125],
  [13, 42, 100, 132], // 6
  [14, 50, 105, 138],
  [16, 60, 110, 145],
  [17, 70, 114, 150],
  [18, 80, 118, 156], // 10
  [20, 90, 122, 163],
  [22, 100, 127, 170],
  [25, 110, 132, 178],
  [28, 120, 136, 185],
  [30, 130, 140, 190], // 15
  [32, 140, 142, 195],
  [33, 150, 143, 200],
  [34, 150, 143, 210], // 18 and over
];

/** [min kg, max kg, min cm, max cm] for an age in whole years; null outside 2–25. Fixes check against it too. */
export function band(age: number | null): [number, number, number, number] | null {
  return age === null || age < 2 || age > 25 ? null : AGE_BANDS[Math.min(age, 18) - 2]!;
}

/** lo ≤ v ≤ hi. Bounds as numbers, not a destructured pair: this runs for every student, often before it is optimised. */
const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
const inRange = (v: number, range: readonly [number, number]) => within(v, range[0], range[1]);

/** Weight and height that fit only when swapped. */
export function swapped(w: number, h: number): boolean {
  return w > h && inRange(h, WEIGHT_RANGE) && inRange(w, HEIGHT_RANGE);
}

/** Both recorded, and they fit only when swapped. (Two numbers in, a boolean out: nothing made per student.) */
function bodySwapped(weight: FieldValue<'weight'>, height: FieldValue<'height'>): boolean {
  const w = weight.v;
  const h = height.v;
  return w > 0 && h > 0 && swapped(w, h);
}

/** The last grade of each stage and the one before it: a school with the lower has the top too. */
const TOP_GRADES: Array<[string, string]> = [
  ['ป.5', 'ป.6'],
  ['ม.2', 'ม.3'],
  ['ม.5', 'ม.6'],
];

/** Above this a weight looks like grams; inside this range a height looks like metres. */
export const WEIGHT_GRAMS = 1000;
export const HEIGHT_METRES = [0.5, 2.5] as const;

export const schoolRules = defineRules(
  defineRule({
    id: 'grade.missing',
    severity: 'error',
    field: 'grade',
    needs: ['grade'],
    about: { th: 'ทุกแถวต้องมีชั้นเรียน', en: 'Every row needs a grade' },
    say: () => ({ th: 'ไม่มีชั้นเรียน — ใส่ เช่น ป.1 หรือ ม.3', en: 'Grade is empty — enter e.g. ป.1 or ม.3' }),
    reads: ['grade'],
    check: ({ grade }) => grade.blank,
  }),
  defineRule({
    id: 'grade.invalid',
    severity: 'error',
    field: 'grade',
    needs: ['grade'],
    about: {
      th: 'ชั้นต้องเป็น อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 หรือ ปวช.1–ปวช.3',
      en: 'Grade is อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 or ปวช.1–ปวช.3',
    },
    say: (h) => ({
      th: `ไม่รู้จักชั้น ${q(h.value)} — ใช้ อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 หรือ ปวช.1–ปวช.3`,
      en: `Unknown grade ${q(h.value)} — use อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 or ปวช.1–ปวช.3 (K1–K3, P1–P6, M1–M6, Voc 1–3)`,
    }),
    reads: ['grade'],
    check: ({ grade }) => !grade.blank && !grade.v && { value: grade.text },
  }),
  defineRule({
    id: 'grade.top-empty',
    severity: 'warning',
    field: null,
    needs: [],
    about: {
      th: 'ชั้นสูงสุดที่ไม่มีนักเรียน: สพฐ. ยกเลิกการยืนยันข้อมูลของโรงเรียนที่ชั้นสูงสุดแสดง 0 คน',
      en: 'A top grade with no students: OBEC revokes the confirmation of schools whose top grade shows 0 students',
    },
    say: (h) => ({
      th: `มีนักเรียนชั้น ${h.below} แต่ไม่มีชั้น ${h.value} เลย — ตรวจว่านักเรียน ${h.value} ไม่ได้ถูกย้ายออกหรือจบการศึกษาก่อนเวลา`,
      en: `There are students in ${h.below} but none in ${h.value} — check that ${h.value} students were not moved out or graduated early`,
    }),
    roster: (roster) => {
      const grades = new Set<string>();
      for (let i = 0; i < roster.size; i++) {
        const g = roster.get('grade', i).v;
        if (g && isPresent(roster.get('status', i))) grades.add(g.label);
      }
      // A roster of one class (one sheet per class, checked alone) says nothing about the school.
      if (grades.size < 2) return [];
      return TOP_GRADES.filter(([below, top]) => grades.has(below) && !grades.has(top)).map(([below, top]) => ({
        below,
        value: top,
      }));
    },
  }),
  defineRule({
    id: 'room.invalid',
    severity: 'warning',
    field: 'room',
    needs: ['room'],
    about: { th: 'ห้องเป็นเลขจำนวนเต็ม 1–99', en: 'Room is a whole number 1–99' },
    say: (h) => ({
      th: `ห้อง ${q(h.value)} ไม่ใช่เลข 1–99 — ใส่เฉพาะหมายเลขห้อง`,
      en: `Room ${q(h.value)} is not a number 1–99 — enter the room number only`,
    }),
    reads: ['room'],
    check: ({ room }) => {
      const t = room.text;
      if (room.blank) return false;
      const n = Number(arabicDigits(t).trim());
      return !(Number.isInteger(n) && n >= 1 && n <= 99) && { value: t };
    },
  }),
  defineRule({
    id: 'weight.missing',
    severity: 'error',
    field: 'weight',
    needs: ['weight'],
    about: {
      th: 'นักเรียนที่ยังอยู่ทุกคนต้องมีน้ำหนัก (หนังสือเขต 2565) — 0 หรือ - ถือว่าไม่ได้บันทึก',
      en: 'Every present student needs a weight (district letter 2022) — 0 or - counts as not recorded',
    },
    say: (h) => ({
      th: `${h.value ? `น้ำหนัก ${q(h.value)} ไม่ใช่ตัวเลข` : 'ไม่มีน้ำหนัก'} — ชั่งและกรอกเป็นกิโลกรัม`,
      en: `${h.value ? `Weight ${q(h.value)} is not a number` : 'No weight'} — weigh and enter kilograms`,
    }),
    reads: ['weight', 'status'],
    check: ({ weight, status }) => {
      if (!isPresent(status)) return false;
      const w = weight.v;
      return (w === 0 || Number.isNaN(w)) && { value: Number.isNaN(w) ? weight.text : '' };
    },
  }),
  defineRule({
    id: 'height.missing',
    severity: 'error',
    field: 'height',
    needs: ['height'],
    about: {
      th: 'นักเรียนที่ยังอยู่ทุกคนต้องมีส่วนสูง — 0 หรือ - ถือว่าไม่ได้บันทึก',
      en: 'Every present student needs a height — 0 or - counts as not recorded',
    },
    say: (h) => ({
      th: `${h.value ? `ส่วนสูง ${q(h.value)} ไม่ใช่ตัวเลข` : 'ไม่มีส่วนสูง'} — วัดและกรอกเป็นเซนติเมตร`,
      en: `${h.value ? `Height ${q(h.value)} is not a number` : 'No height'} — measure and enter centimetres`,
    }),
    reads: ['height', 'status'],
    check: ({ height, status }) => {
      if (!isPresent(status)) return false;
      const h = height.v;
      return (h === 0 || Number.isNaN(h)) && { value: Number.isNaN(h) ? height.text : '' };
    },
  }),
  defineRule({
    id: 'weight.range',
    severity: 'warning',
    field: 'weight',
    needs: ['weight'],
    about: {
      th: 'น้ำหนักควรอยู่ระหว่าง 8–150 กก. และเข้ากับช่วงของอายุ',
      en: 'Weight should be 8–150 kg and fit the age band',
    },
    say: (h) => ({
      th: `น้ำหนัก ${h.value} กก. ${h.age ? `ไม่น่าเป็นไปได้สำหรับอายุ ${h.age} ปี` : 'อยู่นอกช่วง 8–150 กก.'} — ชั่งใหม่หรือตรวจการพิมพ์`,
      en: `Weight ${h.value} kg ${h.age ? `is implausible at age ${h.age}` : 'is outside 8–150 kg'} — re-weigh or check the typing`,
    }),
    reads: ['weight', 'height', 'dob'],
    check: ({ weight, height, dob }, ctx) => {
      const w = weight.v;
      if (!(w > 0) || w > WEIGHT_GRAMS || bodySwapped(weight, height)) return false;
      if (!inRange(w, WEIGHT_RANGE)) return { value: String(w) };
      const age = ageOnCheckDate(dob.v, ctx);
      const b = band(age);
      return !!b && !within(w, b[0], b[1]) && { value: String(w), age: age! };
    },
  }),
  defineRule({
    id: 'height.range',
    severity: 'warning',
    field: 'height',
    needs: ['height'],
    about: {
      th: 'ส่วนสูงควรอยู่ระหว่าง 60–210 ซม. และเข้ากับช่วงของอายุ',
      en: 'Height should be 60–210 cm and fit the age band',
    },
    say: (h) => ({
      th: `ส่วนสูง ${h.value} ซม. ${h.age ? `ไม่น่าเป็นไปได้สำหรับอายุ ${h.age} ปี` : 'อยู่นอกช่วง 60–210 ซม.'} — วัดใหม่หรือตรวจการพิมพ์`,
      en: `Height ${h.value} cm ${h.age ? `is implausible at age ${h.age}` : 'is outside 60–210 cm'} — re-measure or check the typing`,
    }),
    reads: ['weight', 'height', 'dob'],
    check: ({ weight, height, dob }, ctx) => {
      const h = height.v;
      if (!(h > 0) || inRange(h, HEIGHT_METRES) || bodySwapped(weight, height)) return false;
      if (!inRange(h, HEIGHT_RANGE)) return { value: String(h) };
      const age = ageOnCheckDate(dob.v, ctx);
      const b = band(age);
      return !!b && !within(h, b[2], b[3]) && { value: String(h), age: age! };
    },
  }),
  defineRule({
    id: 'weight.unit',
    severity: 'warning',
    field: 'weight',
    needs: ['weight'],
    about: { th: 'น้ำหนักดูเหมือนกรอกเป็นกรัม', en: 'Weight looks like grams' },
    say: (h) => ({
      th: `น้ำหนัก ${q(h.value)} ดูเหมือนเป็นกรัม — กรอกเป็นกิโลกรัม (เช่น 25.5)`,
      en: `Weight ${q(h.value)} looks like grams — enter kilograms (e.g. 25.5)`,
    }),
    reads: ['weight'],
    check: ({ weight }) => weight.v > WEIGHT_GRAMS && { value: weight.text },
  }),
  defineRule({
    id: 'height.unit',
    severity: 'warning',
    field: 'height',
    needs: ['height'],
    about: { th: 'ส่วนสูงดูเหมือนกรอกเป็นเมตร', en: 'Height looks like metres' },
    say: (h) => ({
      th: `ส่วนสูง ${q(h.value)} ดูเหมือนเป็นเมตร — กรอกเป็นเซนติเมตร (เช่น 135)`,
      en: `Height ${q(h.value)} looks like metres — enter centimetres (e.g. 135)`,
    }),
    reads: ['height'],
    check: ({ height }) => inRange(height.v, HEIGHT_METRES) && { value: height.text },
  }),
  defineRule({
    id: 'body.swapped',
    severity: 'warning',
    field: 'weight',
    needs: ['weight', 'height'],
    about: { th: 'น้ำหนักกับส่วนสูงน่าจะกรอกสลับช่อง', en: 'Weight and height look swapped' },
    say: (h) => ({
      th: `น้ำหนัก ${h.w} และส่วนสูง ${h.h} น่าจะสลับช่องกัน — ตรวจและสลับให้ถูก`,
      en: `Weight ${h.w} and height ${h.h} look swapped — check and swap them`,
    }),
    reads: ['weight', 'height'],
    check: ({ weight, height }) => bodySwapped(weight, height) && { w: weight.v, h: height.v },
  }),
);
