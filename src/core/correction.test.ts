import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { cidOf, roster, SCHOOL_SETTINGS, wrongCheckDigit } from '../../test/support/rules';
import {
  checkNewIds,
  correctionRows,
  correctionXlsx,
  formFieldOf,
  mergeTyped,
  missingSender,
  rosterIds,
  type FormRow,
} from './correction';
import { composeCorrectionMail } from './mime';
import { parseSettings } from './settings';
import { withCheckDigit } from './thai-id';
import { validate } from './validate';

const settings = parseSettings(SCHOOL_SETTINGS).settings;
const bad = wrongCheckDigit(cidOf(1));
const zeroLed = withCheckDigit('010110000001');
const env = {
  toBase64: (s: string) => Buffer.from(s, 'utf8').toString('base64'),
  toBase64WebSafe: (s: string) => Buffer.from(s, 'utf8').toString('base64url'),
};

function form(): { values: ReturnType<typeof roster>; rows: FormRow[] } {
  const values = roster({
    row: { cid: bad },
    more: [{}, { cid: 'G650000012345', grade: 'ป.6/2', room: '' }, { cid: zeroLed.slice(1) }, { gender: 'X' }],
  });
  return { values, rows: correctionRows(values, validate(values, settings), settings) };
}

describe('correction rows', () => {
  it('come from the ID findings, one per student, with the reason in Thai', () => {
    const { rows } = form();
    expect(rows.map((r) => [r.sourceRow, r.values.oldCid, r.values.reason])).toEqual([
      [2, bad, 'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)'],
      [4, 'G650000012345', 'ได้รับเลขประจำตัวประชาชนแล้ว ขอเปลี่ยนจาก G-code'],
      [5, zeroLed.slice(1), 'เลข 0 ตัวแรกของเลขประจำตัวประชาชนหายไป'],
    ]);
    const first = rows[0]!.values;
    expect(first).toMatchObject({
      schoolCode: '10100001',
      schoolName: 'โรงเรียนบ้านตัวอย่าง',
      grade: 'ป.6',
      room: '1',
      prefix: 'ด.ช.',
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      dob: '15/03/2558',
      newCid: '',
      evidence: 'สำเนาบัตรประจำตัวประชาชน',
    });
    expect(rows[1]!.values.room).toBe('2');
    // A lost leading zero has one right answer, filled in.
    expect(rows[2]!.values.newCid).toBe(zeroLed);
  });

  it('refresh keeps typed IDs and notes of the same students, and rows no longer flagged', () => {
    const { rows } = form();
    const typed = [
      { ...rows[0]!.values, newCid: cidOf(50), note: 'ตรวจกับบัตรแล้ว' },
      { ...rows[1]!.values, newCid: cidOf(51) },
      { oldCid: cidOf(99).slice(0, 12) + '0', firstName: 'ปวริศ', lastName: 'บุญมา', newCid: cidOf(52), reason: 'ซ้ำ' },
    ];
    // The roster has moved: a row inserted on top changes every sheet row.
    const merged = mergeTyped(rows, typed);
    expect(merged.map((r) => [r.values.no, r.values.newCid, r.values.note])).toEqual([
      ['1', cidOf(50), 'ตรวจกับบัตรแล้ว'],
      ['2', cidOf(51), ''],
      ['3', zeroLed, ''],
      ['4', cidOf(52), ''],
    ]);
    expect(merged[3]).toMatchObject({ sourceRow: 0, values: { firstName: 'ปวริศ', reason: 'ซ้ำ' } });
  });

  it('a new ID must be valid, new, and nobody else’s', () => {
    const { values, rows } = form();
    const ids = rosterIds(values, settings);
    const at = (newCid: string, i = 0) => {
      const copy = rows.map((r) => ({ ...r, values: { ...r.values } }));
      copy[i]!.values.newCid = newCid;
      copy[1]!.values.newCid = i === 1 ? newCid : cidOf(61);
      return checkNewIds(copy, ids)
        .filter((p) => p.index === i)
        .map((p) => p.message.th);
    };
    expect(at(cidOf(60))).toEqual([]);
    expect(at('')).toEqual(['ยังไม่ได้กรอกเลขประจำตัวประชาชนใหม่']);
    expect(at('12345')).toEqual(['เลขใหม่ไม่ถูกต้อง (ไม่ครบ 13 หลัก)']);
    expect(at(bad)).toEqual(['เลขใหม่ไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)']);
    expect(at(cidOf(1))).toEqual(['เลขใหม่เป็นของนักเรียนแถว 3 แล้ว']);
    const twins = rows.map((r) => ({ ...r, values: { ...r.values, newCid: cidOf(70) } }));
    expect(checkNewIds(twins, ids).map((p) => p.message.en)).toEqual([
      'the new ID repeats form row 1',
      'the new ID repeats form row 1',
    ]);
    const same = [{ sourceRow: 9, values: { ...rows[0]!.values, oldCid: cidOf(80), newCid: cidOf(80) } }];
    expect(checkNewIds(same, new Map()).map((p) => p.message.en)).toEqual(['the new ID equals the old one']);
  });

  it('reads the headers of a district template', () => {
    expect(formFieldOf('เลขประจำตัวประชาชน (เดิม)')).toBe('oldCid');
    expect(formFieldOf('เลขประจำตัวประชาชนที่ถูกต้อง')).toBe('newCid');
    expect(formFieldOf('ชื่อ')).toBe('firstName');
    expect(formFieldOf('สาเหตุการแก้ไข')).toBe('reason');
    expect(formFieldOf('อื่น ๆ')).toBeNull();
  });

  it('needs the officer and phone before anything leaves the school', () => {
    expect(missingSender(settings)).toBeNull();
    expect(missingSender({ ...settings, officerPhone: '' })?.th).toContain('เบอร์โทรศัพท์');
  });
});

describe('the form as xlsx and the email', () => {
  it('opens in exceljs with the same rows, IDs as text, Thai intact', async () => {
    const { rows } = form();
    const filled = mergeTyped(rows, [{ ...rows[0]!.values, newCid: cidOf(50) }]);
    const bytes = correctionXlsx(settings, { y: 2027, m: 3, d: 20 }, filled);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('แบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน ในระบบ DMC');
    expect(ws.getCell('F5').value).toBe('20/03/2570');
    expect(ws.getRow(7).values).toEqual([
      undefined,
      'ลำดับ',
      'รหัสโรงเรียน',
      'ชื่อโรงเรียน',
      'ชั้น',
      'ห้อง',
      'เลขประจำตัวนักเรียน',
      'คำนำหน้าชื่อ',
      'ชื่อ',
      'นามสกุล',
      'วันเดือนปีเกิด',
      'เลขประจำตัวประชาชน (เดิม)',
      'เลขประจำตัวประชาชน (ใหม่)',
      'สาเหตุการแก้ไข',
      'หลักฐานแนบ',
      'หมายเหตุ',
    ]);
    expect(ws.getCell('K8').value).toBe(bad);
    expect(ws.getCell('L8').value).toBe(cidOf(50));
    expect(ws.getCell('L10').value).toBe(zeroLed);
    expect(typeof ws.getCell('L10').value).toBe('string');
    expect(ws.getColumn(13).width).toBe(34);
  });

  it('composes a draft whose subject, body and attachment parse back; the body has no citizen ID', async () => {
    const { rows } = form();
    const xlsx = correctionXlsx(settings, { y: 2027, m: 3, d: 20 }, rows);
    const mail = composeCorrectionMail(settings, 'officer@example.com', rows.length, xlsx, env);
    const raw = Buffer.from(mail.raw, 'base64url').toString('utf8');
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe('ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียนบ้านตัวอย่าง รหัส 10100001 (3 คน)');
    expect(parsed.to).toEqual([{ address: 'bopp.dmc@gmail.com', name: '' }]);
    expect(parsed.from).toMatchObject({ address: 'officer@example.com', name: 'ครูสมใจ ใจดี' });
    expect(parsed.text).toContain('จำนวน 3 คน');
    expect(parsed.text).toContain('081-234-5678');
    expect(parsed.text).toContain('แนบสำเนาบัตรประจำตัวประชาชน');
    expect(parsed.text).not.toMatch(/\d{13}|\d-\d{4}-\d{5}-\d{2}-\d/);
    expect(raw).not.toContain(bad);
    expect(parsed.attachments).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(parsed.attachments[0]!.content as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('K8').value).toBe(bad);
  });
});
