/** The end-of-year movement rules (phase 3) and the final exam. */
import { compareYmd, formatBE, parseDateCell } from '../dates';
import { isPresent } from '../analysis';
import type { FieldKey } from '../types';
import { cap, defineRule, defineRules, FIELD_LABEL, q, type Hit } from './rule';

export const movementRules = defineRules(
  defineRule({
    id: 'move.in-without-exam',
    severity: 'error',
    field: 'status',
    needs: ['status', 'exam'],
    about: {
      th: 'ภาคเรียนที่ 2 ระยะที่ 3 นับเฉพาะนักเรียนที่มีตัวตนและเข้าสอบปลายภาค: ย้ายเข้าแล้วต้องได้สอบ',
      en: 'Phase 3 counts only students who exist and took the final exam: a student who joined must have taken it',
    },
    say: () => ({
      th: 'ย้ายเข้า/เพิ่มเข้ามาแต่ไม่ได้สอบปลายภาค — ไม่ควรเพิ่มในรอบสิ้นปี ตรวจว่ามีตัวตนและเข้าสอบจริง',
      en: 'Joined but did not take the final exam — should not be added in the end-of-year round; check the student sat the exam',
    }),
    reads: ['status', 'exam'],
    check: ({ status, exam }) => status.v === 'joined' && exam.v === 'not',
  }),
  defineRule({
    id: 'move.out-after-exam',
    severity: 'error',
    field: 'status',
    needs: ['status', 'exam'],
    about: {
      th: 'ห้ามย้ายออกหรือจำหน่ายนักเรียนที่เข้าสอบปลายภาคแล้ว ก่อนเปิดปีการศึกษาใหม่',
      en: 'Never transfer out or dispose of a student who took the final exam before the new year opens',
    },
    say: (h) => ({
      th: `สถานะ ${q(h.value)} แต่นักเรียนเข้าสอบปลายภาคแล้ว — คืนสถานะเป็นปกติ ย้ายออกได้หลังเปิดปีการศึกษาใหม่`,
      en: `Status ${q(h.value)} but the student took the final exam — restore the status; transfer out only after the new year opens`,
    }),
    reads: ['status', 'exam'],
    check: ({ status, exam }) =>
      (status.v === 'left' || status.v === 'dropout') && exam.v === 'took' && { value: status.text },
  }),
  defineRule({
    id: 'move.new-next-year',
    severity: 'error',
    field: 'entryDate',
    needs: ['entryDate'],
    about: {
      th: 'นักเรียนใหม่ของปีการศึกษาหน้าห้ามบันทึกในรอบนี้ ถ้าบันทึกแล้วให้ย้ายออกทันที',
      en: "Next year's new students must not be entered now; if entered, transfer them out at once",
    },
    say: (h) => ({
      th: `เข้าเรียนวันที่ ${h.date} หลังสอบปลายภาค (${h.examEnd}) — เป็นนักเรียนปีการศึกษาหน้า ห้ามบันทึกในรอบนี้ ถ้าบันทึกแล้วให้ย้ายออกทันที`,
      en: `Entered on ${h.date}, after the final exams (${h.examEnd}) — a student for next year; do not enter now, or transfer out at once`,
    }),
    reads: ['entryDate'],
    check: ({ entryDate }, ctx) => {
      const p = parseDateCell(entryDate.raw);
      return (
        p.ok &&
        compareYmd(p.date, ctx.dates.examEnd) > 0 && { date: formatBE(p.date), examEnd: formatBE(ctx.dates.examEnd) }
      );
    },
  }),
  defineRule({
    id: 'move.dropout',
    severity: 'warning',
    field: 'status',
    needs: ['status'],
    about: {
      th: 'นักเรียนออกกลางคัน: ปรึกษาเขตพื้นที่ก่อนจำหน่าย',
      en: 'Dropout: consult the district office before disposing',
    },
    say: () => ({
      th: 'สถานะออกกลางคัน — ปรึกษาสำนักงานเขตพื้นที่ก่อนจำหน่ายออกจากระบบ',
      en: 'Status is dropout — consult the district office before disposing of the record',
    }),
    reads: ['status'],
    check: ({ status }) => status.v === 'dropout',
  }),
  defineRule({
    id: 'move.graduated',
    severity: 'warning',
    field: 'status',
    needs: ['status'],
    about: {
      th: 'ผู้จบการศึกษาบันทึกในเมนูสิ้นปี (3.2.2) ไม่ใช่การย้ายออก',
      en: 'Graduates are recorded in the end-of-year menus (3.2.2), not by transfer out',
    },
    say: () => ({
      th: 'สถานะจบการศึกษา — บันทึกผู้จบในเมนู 3.2.2 ของระบบ DMC ไม่ใช่ย้ายออก',
      en: 'Status is graduated — record graduates in DMC menu 3.2.2, not as a transfer out',
    }),
    reads: ['status'],
    check: ({ status }) => status.v === 'graduated',
  }),
  defineRule({
    id: 'exam.missing',
    severity: 'warning',
    field: 'exam',
    needs: ['exam'],
    about: {
      th: 'ระบุการสอบปลายภาคของนักเรียนที่ยังอยู่ทุกคน: DMC นับเฉพาะผู้เข้าสอบ',
      en: 'Record the final exam for every present student: DMC counts exam takers only',
    },
    say: (h) => ({
      th: `${h.value ? `ไม่รู้จักค่า ${q(h.value)}` : 'ไม่ได้ระบุ'}การสอบปลายภาค — ใส่ สอบ หรือ ไม่สอบ`,
      en: `Final exam ${h.value ? `value ${q(h.value)} is not recognised` : 'is not recorded'} — enter took or did not`,
    }),
    reads: ['status', 'exam'],
    check: ({ status, exam }) =>
      isPresent(status) &&
      (exam.v === 'blank' || exam.v === 'unknown') && { value: exam.v === 'unknown' ? exam.text : '' },
  }),
  defineRule({
    id: 'exam.not-taken',
    severity: 'info',
    field: 'exam',
    needs: ['exam'],
    about: {
      th: 'ไม่ได้สอบปลายภาค: บันทึกในเมนู 3.1.8 (ติดตาม ไม่จำหน่าย) หรือจำหน่ายเฉพาะเมื่อออกไปก่อนสอบ',
      en: 'Did not take the exam: record in menu 3.1.8 (tracked, not disposed), or dispose only if the student left before it',
    },
    say: () => ({
      th: 'นักเรียนไม่ได้สอบปลายภาค — บันทึกในเมนู 3.1.8 หรือจำหน่ายเฉพาะถ้าออกไปก่อนสอบ',
      en: 'Did not take the final exam — record in menu 3.1.8, or dispose only if the student left before the exam',
    }),
    // A student who joined without the exam is move.in-without-exam's error already.
    reads: ['status', 'exam'],
    check: ({ status, exam }) => isPresent(status) && status.v !== 'joined' && exam.v === 'not',
  }),
  defineRule({
    id: 'date.invalid',
    severity: 'error',
    field: 'entryDate',
    needs: [],
    about: {
      th: 'วันที่เข้าเรียนหรือวันที่ย้ายออกอ่านไม่ได้หรือไม่มีจริง',
      en: 'An entry or leave date cannot be read or does not exist',
    },
    say: (h) => ({
      th: `${FIELD_LABEL[h.field as FieldKey].th} ${q(h.value)} อ่านไม่ได้หรือไม่มีวันนี้จริง — ใช้ วว/ดด/ปปปป พ.ศ.`,
      en: `${cap(FIELD_LABEL[h.field as FieldKey].en)} ${q(h.value)} cannot be read or does not exist — use dd/mm/yyyy (BE)`,
    }),
    reads: ['entryDate', 'leaveDate'],
    check: (v) => {
      const hits: Hit[] = [];
      for (const field of ['entryDate', 'leaveDate'] as const) {
        const t = v[field];
        if (!t.has || t.blank) continue;
        if (!parseDateCell(t.raw).ok) hits.push({ field, value: t.text });
      }
      return hits;
    },
  }),
);
