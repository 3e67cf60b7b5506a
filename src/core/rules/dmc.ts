/**
 * The reconciliation rules (RULES.md, "Reconciliation with the DMC download"): listed in the catalogue
 * like every rule, but fired by reconcile() with the DMC download beside the roster, never by validate().
 */
import type { FieldKey, Msg } from '../types';
import { cap, defineRule, defineRules, FIELD_LABEL, q, type Hit } from './rule';

/** " (ใกล้เคียงกับ DMC แถว 12, 40 …)" when candidates were found but none could be chosen. */
function candidates(h: Hit): Msg {
  if (!h.candidates) return { th: '', en: '' };
  return {
    th: ` (ใกล้เคียงกับ ${h.candidates} แต่ไม่จับคู่ให้เพราะมีผู้ที่ใกล้เคียงกันมากกว่าหนึ่งคน — ตรวจด้วยตนเอง)`,
    en: ` (close to ${h.candidatesEn}, but not paired: more than one student fits — check by hand)`,
  };
}

/** How the pair was found, for id-differs: by name and dob, or the slip the fuzzy match allowed. */
function how(h: Hit): Msg {
  return { th: String(h.how ?? ''), en: String(h.howEn ?? '') };
}

export const dmcRules = defineRules(
  defineRule({
    id: 'dmc.not-in-dmc',
    severity: 'error',
    field: 'cid',
    needs: [],
    about: {
      th: 'นักเรียนในแผ่นงานที่ไม่พบในข้อมูล DMC: บันทึกเป็นย้ายเข้าเฉพาะเมื่อนักเรียนสอบปลายภาคของปีนี้ที่โรงเรียนนี้',
      en: "Roster students not in the DMC download: enter them as joined (ย้ายเข้า) only if they took this year's final exam at this school",
    },
    say: (h) => {
      const c = candidates(h);
      return h.taker
        ? {
            th: `ไม่พบนักเรียนคนนี้ในข้อมูล DMC (ไม่ตรงทั้งเลขประจำตัวประชาชน และชื่อกับวันเกิด)${c.th} — นักเรียนมีสถานะอยู่และสอบปลายภาค: ถ้าสอบปลายภาคของปีนี้ที่โรงเรียนนี้ ให้บันทึกเป็นนักเรียนย้ายเข้าใน DMC ก่อนยืนยันข้อมูล`,
            en: `Not in the DMC download (no match by citizen ID, nor by name and date of birth)${c.en} — a present student who took the final exam: if they took this year's final exam at this school, enter them in DMC as joined (ย้ายเข้า) before confirming`,
          }
        : {
            th: `ไม่พบนักเรียนคนนี้ในข้อมูล DMC${c.th} — ${h.why}: อย่าบันทึกเป็นย้ายเข้า เว้นแต่นักเรียนสอบปลายภาคของปีนี้ที่โรงเรียนนี้`,
            en: `Not in the DMC download${c.en} — ${h.whyEn}: do not enter them as joined unless they took this year's final exam at this school`,
          };
    },
  }),
  defineRule({
    id: 'dmc.not-in-roster',
    severity: 'warning',
    field: 'cid',
    needs: [],
    about: {
      th: 'นักเรียนในข้อมูล DMC ที่ไม่มีในแผ่นงาน: ออกก่อนสอบให้จำหน่ายใน DMC ยังติดตามแต่ไม่ได้สอบใช้เมนู 3.1.8 มิฉะนั้นโรงเรียนกำลังนับนักเรียนที่ไม่ได้สอน',
      en: 'DMC students not in the roster: dispose them in DMC if they left before the exam, use menu 3.1.8 if still followed but not examined; otherwise the school counts someone it does not teach',
    },
    say: (h) => {
      const c = candidates(h);
      return {
        th: `${h.name} ไม่มีในแผ่นงานของโรงเรียน${c.th} — ถ้าออกก่อนสอบปลายภาค ให้จำหน่ายออกใน DMC; ถ้ายังติดตามอยู่แต่ไม่ได้สอบ ให้บันทึกที่เมนู 3.1.8; มิฉะนั้นโรงเรียนกำลังนับนักเรียนที่ไม่ได้สอนอยู่`,
        en: `${h.name} is not in the school's roster${c.en} — if they left before the final exam, dispose them in DMC; if still followed but not examined, use menu 3.1.8; otherwise the school is counting someone it does not teach`,
      };
    },
  }),
  defineRule({
    id: 'dmc.id-differs',
    severity: 'error',
    field: 'cid',
    needs: [],
    about: {
      th: 'นักเรียนคนเดียวกันแต่เลขประจำตัวประชาชนในแผ่นงานกับ DMC ต่างกัน: ตรวจกับบัตรประชาชน ถ้า DMC ผิดส่งแบบขอแก้ไข (เลขเดิมของ DMC เลขใหม่ของแผ่นงาน)',
      en: "The same student with different citizen IDs in the roster and in DMC: check the ID card; if DMC is wrong send the correction form (DMC's ID as old, the roster's as new)",
    },
    say: (h) => {
      const m = how(h);
      const head = {
        th: `ตรงกับ DMC แถว ${h.dmcRow} (${m.th}) แต่เลขประจำตัวประชาชนต่างกัน: DMC ${h.dmcId} แผ่นงาน ${q(h.rosterId)}`,
        en: `Matches DMC row ${h.dmcRow} (${m.en}), but the citizen IDs differ: DMC ${h.dmcId}, roster ${q(h.rosterId)}`,
      };
      return h.invalid
        ? {
            th: `${head.th} — เลขในแผ่นงานเองไม่ถูกต้อง (${h.invalid}): ตรวจกับบัตรประชาชน แก้เลขในแผ่นงาน และถ้าเลขใน DMC ผิดด้วย กรอกเลขที่ถูกต้องในแบบขอแก้ไข`,
            en: `${head.en} — the roster's own ID is invalid (${h.invalidEn}): check the ID card, fix the roster, and if DMC's is wrong too, type the right ID into the correction form`,
          }
        : {
            th: `${head.th} — ตรวจกับบัตรประชาชน: ถ้าเลขใน DMC ผิด ส่งแบบขอแก้ไข (เลขเดิมของ DMC เลขใหม่ของแผ่นงาน); ถ้าแผ่นงานผิด แก้ในแผ่นงาน`,
            en: `${head.en} — check the ID card: if DMC's is wrong, send the correction form (DMC's ID as old, the roster's as new); if the roster's is wrong, fix the roster`,
          };
    },
  }),
  defineRule({
    id: 'dmc.field-differs',
    severity: 'warning',
    field: null,
    needs: [],
    about: {
      th: 'นักเรียนคนเดียวกันแต่คำนำหน้า ชื่อ นามสกุล เพศ วันเกิด ชั้น หรือห้องในแผ่นงานกับ DMC ไม่ตรงกัน: ตรวจกับเอกสารแล้วแก้ฝั่งที่ผิด',
      en: 'The same student with a different prefix, name, gender, date of birth, grade or room in the roster and in DMC: check the documents and fix the side that is wrong',
    },
    say: (h) => {
      const f = FIELD_LABEL[h.field as FieldKey];
      return {
        th: `${f.th}ในแผ่นงาน ${q(h.rosterValue)} แต่ใน DMC ${q(h.dmcValue)} (DMC แถว ${h.dmcRow}) — ตรวจกับบัตรประชาชนหรือทะเบียนบ้าน แล้วแก้ฝั่งที่ผิด`,
        en: `${cap(f.en)} is ${q(h.rosterValue)} in the roster but ${q(h.dmcValue)} in DMC (DMC row ${h.dmcRow}) — check the ID card or house registration and fix the side that is wrong`,
      };
    },
  }),
  defineRule({
    id: 'dmc.grade-advanced',
    severity: 'error',
    field: 'grade',
    needs: [],
    about: {
      th: 'รอบสิ้นปีการศึกษา ชั้นในแผ่นงานสูงกว่าใน DMC หนึ่งชั้น: ห้ามเลื่อนชั้นเอง DMC จะเลื่อนชั้นให้เมื่อเปิดปีการศึกษาใหม่',
      en: 'End-of-year round, the roster grade one above DMC: students are not promoted by hand; DMC promotes them when the new year opens',
    },
    say: (h) => ({
      th: `ชั้นในแผ่นงาน ${q(h.rosterGrade)} สูงกว่าใน DMC (${h.dmcGrade}, DMC แถว ${h.dmcRow}) หนึ่งชั้น — รอบสิ้นปีห้ามเลื่อนชั้นเอง ให้ใช้ชั้น ${h.dmcGrade} จนกว่า DMC จะเลื่อนชั้นให้เมื่อเปิดปีการศึกษาใหม่`,
      en: `Grade ${q(h.rosterGrade)} in the roster is one above DMC's (${h.dmcGrade}, DMC row ${h.dmcRow}) — in the end-of-year round students are not promoted by hand: keep ${h.dmcGrade} until DMC promotes them when the new year opens`,
    }),
  }),
  defineRule({
    id: 'dmc.duplicate-in-dmc',
    severity: 'error',
    field: 'cid',
    needs: [],
    about: {
      th: 'เลขประจำตัวประชาชนเดียวกันอยู่ในข้อมูล DMC มากกว่าหนึ่งแถว: นักเรียนถูกนับซ้ำ หรือมีคนหนึ่งใช้เลขผิด',
      en: 'The same citizen ID on more than one row of the DMC download: a student counted twice, or one of them holds a wrong ID',
    },
    say: (h) => ({
      th: `เลขประจำตัวประชาชนนี้ซ้ำกับ DMC แถว ${h.rows} — ถ้าเป็นนักเรียนคนเดียวกัน ให้จำหน่ายรายการที่ซ้ำใน DMC; ถ้าเป็นคนละคน ตรวจกับบัตรประชาชนแล้วส่งแบบขอแก้ไขเลขของคนที่ผิด`,
      en: `This citizen ID repeats on DMC row ${h.rows} — if it is the same student, dispose the extra entry in DMC; if they are different people, check the ID cards and send the correction form for the wrong one`,
    }),
  }),
);
