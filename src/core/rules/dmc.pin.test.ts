/**
 * Pins what each reconciliation message tells the school, variant by variant (issue 15): reconcile() gives a
 * rule its hit, the message must say exactly that advice, with nothing inserted where no candidates were found.
 */
import { describe, expect, it } from 'vitest';
import { dmcRules } from './dmc';
import type { Hit } from './rule';
import type { FieldKey } from '../types';
import { rulesMarkdown } from '../rules-doc';

const say = (id: string, hit: Hit) => dmcRules.find((r) => r.id === id)!.say(hit);
const CANDIDATES = { candidates: 'DMC แถว 4, 9', candidatesEn: 'DMC row 4, 9' };
const CLOSE_EN = ' (close to DMC row 4, 9, but not paired: more than one student fits — check by hand)';
const CLOSE_TH = ' (ใกล้เคียงกับ DMC แถว 4, 9 แต่ไม่จับคู่ให้เพราะมีผู้ที่ใกล้เคียงกันมากกว่าหนึ่งคน — ตรวจด้วยตนเอง)';

describe('dmc.not-in-dmc', () => {
  const why = { why: 'ย้ายออกแล้ว', whyEn: 'the student has left' };
  it('an exam taker: enter as joined (ย้ายเข้า) before confirming', () => {
    const m = say('dmc.not-in-dmc', { taker: 1, ...why });
    expect(m.en).toBe(
      "Not in the DMC download (no match by citizen ID, nor by name and date of birth) — a present student who took the final exam: if they took this year's final exam at this school, enter them in DMC as joined (ย้ายเข้า) before confirming",
    );
    expect(m.th).toBe(
      'ไม่พบนักเรียนคนนี้ในข้อมูล DMC (ไม่ตรงทั้งเลขประจำตัวประชาชน และชื่อกับวันเกิด) — นักเรียนมีสถานะอยู่และสอบปลายภาค: ถ้าสอบปลายภาคของปีนี้ที่โรงเรียนนี้ ให้บันทึกเป็นนักเรียนย้ายเข้าใน DMC ก่อนยืนยันข้อมูล',
    );
  });
  it('an exam taker with candidates: the rows it is close to, then the same advice', () => {
    const m = say('dmc.not-in-dmc', { taker: 1, ...why, ...CANDIDATES });
    expect(m.en).toContain(`date of birth)${CLOSE_EN} — a present student who took the final exam:`);
    expect(m.th).toContain(`และชื่อกับวันเกิด)${CLOSE_TH} — นักเรียนมีสถานะอยู่และสอบปลายภาค:`);
  });
  it('anyone else: why, and not to enter them as joined', () => {
    const m = say('dmc.not-in-dmc', { taker: 0, ...why });
    expect(m.en).toBe(
      "Not in the DMC download — the student has left: do not enter them as joined unless they took this year's final exam at this school",
    );
    expect(m.th).toBe('ไม่พบนักเรียนคนนี้ในข้อมูล DMC — ย้ายออกแล้ว: อย่าบันทึกเป็นย้ายเข้า เว้นแต่นักเรียนสอบปลายภาคของปีนี้ที่โรงเรียนนี้');
    const close = say('dmc.not-in-dmc', { taker: 0, ...why, ...CANDIDATES });
    expect(close.en).toBe(
      `Not in the DMC download${CLOSE_EN} — the student has left: do not enter them as joined unless they took this year's final exam at this school`,
    );
    expect(close.th).toMatch(new RegExp(`^ไม่พบนักเรียนคนนี้ในข้อมูล DMC${escape(CLOSE_TH)} — ย้ายออกแล้ว:`));
  });
});

describe('dmc.not-in-roster', () => {
  it('dispose, menu 3.1.8, or a student the school does not teach', () => {
    const m = say('dmc.not-in-roster', { name: 'ด.ช. สมชาย ใจดี' });
    expect(m.en).toBe(
      "ด.ช. สมชาย ใจดี is not in the school's roster — if they left before the final exam, dispose them in DMC; if still followed but not examined, use menu 3.1.8; otherwise the school is counting someone it does not teach",
    );
    expect(m.th).toBe(
      'ด.ช. สมชาย ใจดี ไม่มีในแผ่นงานของโรงเรียน — ถ้าออกก่อนสอบปลายภาค ให้จำหน่ายออกใน DMC; ถ้ายังติดตามอยู่แต่ไม่ได้สอบ ให้บันทึกที่เมนู 3.1.8; มิฉะนั้นโรงเรียนกำลังนับนักเรียนที่ไม่ได้สอนอยู่',
    );
  });
  it('with candidates: the rows it is close to', () => {
    const m = say('dmc.not-in-roster', {
      name: 'ด.ช. สมชาย ใจดี',
      candidates: 'แผ่นงานแถว 3',
      candidatesEn: 'roster row 3',
    });
    expect(m.en).toMatch(
      /^ด\.ช\. สมชาย ใจดี is not in the school's roster \(close to roster row 3, but not paired: .+\) — if they left/,
    );
    expect(m.th).toMatch(/^ด\.ช\. สมชาย ใจดี ไม่มีในแผ่นงานของโรงเรียน \(ใกล้เคียงกับ แผ่นงานแถว 3 แต่ไม่จับคู่ให้/);
  });
});

describe('dmc.id-differs', () => {
  const hit = {
    dmcRow: 7,
    dmcId: '1-1017-00207-03-0',
    rosterId: '1101700207137',
    how: 'ชื่อและวันเกิดตรงกัน',
    howEn: 'same name and date of birth',
  };
  it('a valid roster ID: which side to fix, and the correction form for DMC', () => {
    const m = say('dmc.id-differs', hit);
    expect(m.en).toBe(
      "Matches DMC row 7 (same name and date of birth), but the citizen IDs differ: DMC 1-1017-00207-03-0, roster «1101700207137» — check the ID card: if DMC's is wrong, send the correction form (DMC's ID as old, the roster's as new); if the roster's is wrong, fix the roster",
    );
    expect(m.th).toBe(
      'ตรงกับ DMC แถว 7 (ชื่อและวันเกิดตรงกัน) แต่เลขประจำตัวประชาชนต่างกัน: DMC 1-1017-00207-03-0 แผ่นงาน «1101700207137» — ตรวจกับบัตรประชาชน: ถ้าเลขใน DMC ผิด ส่งแบบขอแก้ไข (เลขเดิมของ DMC เลขใหม่ของแผ่นงาน); ถ้าแผ่นงานผิด แก้ในแผ่นงาน',
    );
  });
  it('an invalid roster ID: fix the roster first', () => {
    const m = say('dmc.id-differs', { ...hit, invalid: 'หลักตรวจสอบไม่ตรง', invalidEn: 'check digit does not match' });
    expect(m.en).toBe(
      "Matches DMC row 7 (same name and date of birth), but the citizen IDs differ: DMC 1-1017-00207-03-0, roster «1101700207137» — the roster's own ID is invalid (check digit does not match): check the ID card, fix the roster, and if DMC's is wrong too, type the right ID into the correction form",
    );
    expect(m.th).toBe(
      'ตรงกับ DMC แถว 7 (ชื่อและวันเกิดตรงกัน) แต่เลขประจำตัวประชาชนต่างกัน: DMC 1-1017-00207-03-0 แผ่นงาน «1101700207137» — เลขในแผ่นงานเองไม่ถูกต้อง (หลักตรวจสอบไม่ตรง): ตรวจกับบัตรประชาชน แก้เลขในแผ่นงาน และถ้าเลขใน DMC ผิดด้วย กรอกเลขที่ถูกต้องในแบบขอแก้ไข',
    );
  });
});

describe('dmc.field-differs', () => {
  it.each([
    ['prefix', 'Prefix', 'คำนำหน้าชื่อ'],
    ['dob', 'Date of birth', 'วันเดือนปีเกิด'],
    ['room', 'Room', 'ห้อง'],
  ] as Array<[FieldKey, string, string]>)(
    '%s: both values, the DMC row, and to fix the wrong side',
    (field, en, th) => {
      const m = say('dmc.field-differs', { field, rosterValue: 'ก', dmcValue: '', dmcRow: 12 });
      expect(m.en).toBe(
        `${en} is «ก» in the roster but «—» in DMC (DMC row 12) — check the ID card or house registration and fix the side that is wrong`,
      );
      expect(m.th).toBe(`${th}ในแผ่นงาน «ก» แต่ใน DMC «—» (DMC แถว 12) — ตรวจกับบัตรประชาชนหรือทะเบียนบ้าน แล้วแก้ฝั่งที่ผิด`);
    },
  );
});

describe('dmc.grade-advanced and dmc.duplicate-in-dmc', () => {
  it('grade-advanced: keep DMC’s grade until it promotes', () => {
    const m = say('dmc.grade-advanced', { rosterGrade: 'ม.1', dmcGrade: 'ป.6', dmcRow: 3 });
    expect(m.en).toBe(
      "Grade «ม.1» in the roster is one above DMC's (ป.6, DMC row 3) — in the end-of-year round students are not promoted by hand: keep ป.6 until DMC promotes them when the new year opens",
    );
    expect(m.th).toBe(
      'ชั้นในแผ่นงาน «ม.1» สูงกว่าใน DMC (ป.6, DMC แถว 3) หนึ่งชั้น — รอบสิ้นปีห้ามเลื่อนชั้นเอง ให้ใช้ชั้น ป.6 จนกว่า DMC จะเลื่อนชั้นให้เมื่อเปิดปีการศึกษาใหม่',
    );
  });
  it('duplicate-in-dmc: dispose the extra entry, or correct the wrong ID', () => {
    const m = say('dmc.duplicate-in-dmc', { rows: '12, 40' });
    expect(m.en).toBe(
      'This citizen ID repeats on DMC row 12, 40 — if it is the same student, dispose the extra entry in DMC; if they are different people, check the ID cards and send the correction form for the wrong one',
    );
    expect(m.th).toBe(
      'เลขประจำตัวประชาชนนี้ซ้ำกับ DMC แถว 12, 40 — ถ้าเป็นนักเรียนคนเดียวกัน ให้จำหน่ายรายการที่ซ้ำใน DMC; ถ้าเป็นคนละคน ตรวจกับบัตรประชาชนแล้วส่งแบบขอแก้ไขเลขของคนที่ผิด',
    );
  });
});

describe('docs/rules.md: each reconciliation rule under its severity, with the field it marks', () => {
  // reconcile() fires these rules, so the rule list is where a school reads how serious each one is.
  const section = (id: string) => {
    let heading = '';
    for (const line of rulesMarkdown().split('\n')) {
      if (line.startsWith('## ')) heading = line;
      else if (line.startsWith(`| \`${id}\` |`)) return { heading, field: line.split(' | ')[1] };
    }
    return null;
  };
  it.each([
    ['dmc.not-in-dmc', 'Errors', 'เลขประจำตัวประชาชน / citizen ID'],
    ['dmc.not-in-roster', 'Warnings', 'เลขประจำตัวประชาชน / citizen ID'],
    ['dmc.id-differs', 'Errors', 'เลขประจำตัวประชาชน / citizen ID'],
    ['dmc.field-differs', 'Warnings', '—'],
    ['dmc.grade-advanced', 'Errors', 'ชั้น / grade'],
    ['dmc.duplicate-in-dmc', 'Errors', 'เลขประจำตัวประชาชน / citizen ID'],
  ])('%s: %s, %s', (id, severity, field) => {
    const found = section(id);
    expect(found?.heading).toMatch(new RegExp(`^## .* — ${severity} \\(\\d+\\)$`));
    expect(found?.field).toBe(field);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
