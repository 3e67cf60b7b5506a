import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { Value } from '../src/fakes/index';
import type { DraftData, FormData, Result } from '../src/server/index';
import { loadAddon } from './support/gas';
import { cidOf, roster, SCHOOL_SETTINGS, wrongCheckDigit } from './support/rules';
import { withCheckDigit } from '../src/core/thai-id';

const values = (rows: unknown[][]): Value[][] => rows.map((r) => r.map((v) => (v ?? '') as Value));
const bad = wrongCheckDigit(cidOf(1));
const zeroLed = withCheckDigit('010110000001');
const OFFICER = SCHOOL_SETTINGS;
const FORM = 'แบบขอแก้ไขเลขประจำตัวประชาชน';

function addon(extra: Record<string, Value[][]> = {}) {
  const a = loadAddon({
    นักเรียน: values(roster({ row: { cid: bad }, more: [{}, { cid: 'G650000012345' }, { cid: zeroLed.slice(1) }] })),
    ...extra,
  });
  expect(a.call('saveSettings', OFFICER)).toMatchObject({ ok: true, data: { saved: true } });
  return a;
}

const build = (a: ReturnType<typeof addon>) => {
  const r = a.call<Result<FormData>>('buildCorrectionForm');
  if (!r.ok) throw new Error(r.error.en);
  return r.data;
};

/** The form's data rows (below the header on row 7). */
const formRows = (a: ReturnType<typeof addon>) => a.sheet(FORM).peek().values.slice(7);

describe('the correction form in the spreadsheet', () => {
  it('lists the students with ID findings under a header block, IDs as text', () => {
    const a = addon();
    const data = build(a);
    expect(data).toMatchObject({ sheet: FORM, template: false, rows: 3 });
    const { values: v } = a.sheet(FORM).peek();
    expect(v[0]![0]).toBe('แบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน ในระบบ DMC');
    expect(v[1]!.slice(0, 4)).toEqual(['โรงเรียน', 'โรงเรียนบ้านตัวอย่าง', 'รหัสโรงเรียน', '10100001']);
    expect(v[4]!.slice(0, 4)).toEqual(['ผู้รับผิดชอบ', 'ครูสมใจ ใจดี', 'โทรศัพท์', '081-234-5678']);
    expect(v[6]![10]).toBe('เลขประจำตัวประชาชน (เดิม)');
    const rows = formRows(a);
    expect(rows.map((r) => [r[0], r[10], r[11]])).toEqual([
      ['1', bad, ''],
      ['2', 'G650000012345', ''],
      ['3', zeroLed.slice(1), zeroLed],
    ]);
    expect(typeof rows[2]![11]).toBe('string');
    // Rows without a new ID yet are marked on the new-ID cell, with the reason.
    const { backgrounds, notes } = a.sheet(FORM).peek();
    expect(backgrounds[7]![11]).toBe('#f4c7c3');
    expect(notes[7]![11]).toBe('ยังไม่ได้กรอกเลขประจำตัวประชาชนใหม่');
    expect(backgrounds[9]![11]).toBe('#ffffff');
    expect(data.problems.map((p) => p.no)).toEqual([1, 2]);
  });

  it('keeps every new ID the user typed when refreshed, even after rows moved', () => {
    const a = addon();
    build(a);
    const form = a.sheet(FORM);
    form.getRange('L8').setValue(cidOf(50));
    form.getRange('L9').setValue(withCheckDigit('065000001234'));
    form.getRange('O8').setValue('ตรวจกับบัตรแล้ว');
    // A title row inserted above the roster moves every student down one row.
    const roster = a.sheet('นักเรียน');
    const before = roster.peek().values;
    roster.load([['รายชื่อนักเรียน ปีการศึกษา 2569'], ...before]);
    const data = build(a);
    expect(data.problems).toEqual([]);
    const rows = formRows(a);
    expect(rows.map((r) => [r[10], r[11], r[14]])).toEqual([
      [bad, cidOf(50), 'ตรวจกับบัตรแล้ว'],
      ['G650000012345', withCheckDigit('065000001234'), ''],
      [zeroLed.slice(1), zeroLed, ''],
    ]);
    // Typed into a text column: the leading zero survives.
    expect(rows[1]![11]).toBe(withCheckDigit('065000001234'));
  });

  it('fills a district template column by header, leaving its other columns alone', () => {
    const template = [
      ['แบบฟอร์มของ สพป.ตัวอย่าง'],
      [],
      ['ที่', 'ชื่อนักเรียน', 'นามสกุล', 'เลขประจำตัวประชาชนเดิม', 'เลขประจำตัวประชาชนที่ถูกต้อง', 'สาเหตุ', 'ชั้น', 'ลายมือชื่อครู'],
      ['', '', '', '', '', '', '', 'ลงชื่อแล้ว'],
    ];
    const a = addon({ แบบฟอร์มเขต: template });
    const data = build(a);
    expect(data).toMatchObject({ sheet: 'แบบฟอร์มเขต', template: true, rows: 3 });
    expect(a.spreadsheet.allSheets().some((s) => s.name === FORM)).toBe(false);
    const v = a.sheet('แบบฟอร์มเขต').peek().values;
    expect(v[0]![0]).toBe('แบบฟอร์มของ สพป.ตัวอย่าง');
    expect(v[3]).toEqual([
      '1',
      'สมชาย',
      'ใจดี',
      bad,
      '',
      'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)',
      'ป.6',
      'ลงชื่อแล้ว',
    ]);
    expect(v[5]![4]).toBe(zeroLed);
    a.sheet('แบบฟอร์มเขต').getRange('E4').setValue(cidOf(50));
    build(a);
    expect(a.sheet('แบบฟอร์มเขต').peek().values[3]![4]).toBe(cidOf(50));
  });

  it('refuses to export while a new ID is wrong, saying which rows and why', () => {
    const a = addon();
    build(a);
    const form = a.sheet(FORM);
    form.getRange('L8').setValue(bad);
    form.getRange('L9').setValue(cidOf(1));
    const r = a.call<Result<DraftData>>('draftCorrectionEmail');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.th).toContain('ลำดับ 1 (สมชาย ใจดี) เลขใหม่ไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)');
    expect(r.error.th).toMatch(/ลำดับ 2 \(.*\) เลขใหม่เป็นของนักเรียนแถว 3 แล้ว/);
    expect(a.gmail.drafts).toHaveLength(0);
    expect(form.peek().notes[8]![11]).toContain('แถว 3');
    expect(a.call('downloadCorrectionXlsx')).toMatchObject({ ok: false });
  });
});

describe('the Gmail draft', () => {
  function ready() {
    const a = addon();
    build(a);
    a.sheet(FORM).getRange('L8').setValue(cidOf(50));
    a.sheet(FORM).getRange('L9').setValue(cidOf(51));
    return a;
  }

  it('is created with the form attached; it parses back; no citizen ID in the body', async () => {
    const a = ready();
    const r = a.call<Result<DraftData>>('draftCorrectionEmail');
    expect(r).toMatchObject({ ok: true, data: { to: 'bopp.dmc@gmail.com', students: 3 } });
    expect(a.gmail.drafts).toHaveLength(1);
    const raw = Buffer.from(a.gmail.drafts[0]!.message.raw, 'base64url').toString('utf8');
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe('ขอแก้ไขเลขประจำตัวประชาชนนักเรียน โรงเรียนบ้านตัวอย่าง รหัส 10100001 (3 คน)');
    expect(mail.from).toMatchObject({ address: 'officer@example.com', name: 'ครูสมใจ ใจดี' });
    expect(mail.text).toContain('ครูสมใจ ใจดี');
    expect(mail.text).toContain('081-234-5678');
    expect(mail.text).toContain('จำนวน 3 คน');
    expect(mail.text).not.toMatch(/\d{13}/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mail.attachments[0]!.content as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([8, 9, 10].map((r) => [ws.getCell(`K${r}`).value, ws.getCell(`L${r}`).value])).toEqual([
      [bad, cidOf(50)],
      ['G650000012345', cidOf(51)],
      [zeroLed.slice(1), zeroLed],
    ]);
    // The add-on never sends: it only drafts.
    expect(a.calls.total(/send/i)).toBe(0);
  });

  it('is not created without the officer’s name and phone', () => {
    const a = ready();
    a.call('saveSettings', { ...OFFICER, officerPhone: '' });
    const r = a.call<Result<DraftData>>('draftCorrectionEmail');
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('เบอร์โทรศัพท์') } });
    expect(a.gmail.drafts).toHaveLength(0);
  });

  it('says so when the Gmail service is not enabled', () => {
    const a = ready();
    (a.context as Record<string, unknown>).Gmail = undefined;
    expect(a.call('draftCorrectionEmail')).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('Gmail') },
    });
  });

  it('the .xlsx download holds the same form', async () => {
    const a = ready();
    const r = a.call<Result<{ filename: string; base64: string; rows: number }>>('downloadCorrectionXlsx');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.data.filename).toBe('DMC-ID-correction-10100001.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('L8').value).toBe(cidOf(50));
  });
});

describe('where the roster is', () => {
  it('the form and the draft use the last checked roster while the officer is on the form', () => {
    const a = addon({ อื่น: [['x']] });
    a.call('checkRoster');
    a.spreadsheet.setActiveSheet(a.sheet('อื่น'));
    expect(build(a)).toMatchObject({ rows: 3 });
    a.spreadsheet.setActiveSheet(a.sheet(FORM));
    a.sheet(FORM).getRange('L8').setValue(cidOf(50));
    a.sheet(FORM).getRange('L9').setValue(cidOf(51));
    expect(a.call('draftCorrectionEmail')).toMatchObject({ ok: true });
    // A check started from the results sheet checks the roster, not the results.
    a.spreadsheet.setActiveSheet(a.sheet('ผลการตรวจ'));
    expect(a.call('checkRoster')).toMatchObject({ ok: true, data: { sheet: 'นักเรียน' } });
  });
});

describe('the correction buttons from any sheet (issue 12, major 2)', () => {
  const ok = <T>(r: Result<T>): T => {
    if (!r.ok) throw new Error(r.error.en);
    return r.data;
  };

  it('work from the form sheet before any check, and building the form opens it', () => {
    for (const scope of ['auto', 'open', 'all'] as const) {
      const a = addon({ สรุป: [['สรุปจำนวนนักเรียน'], ['ทั้งหมด', 4]] });
      a.call('saveSettings', { ...OFFICER, sheetScope: scope });
      a.spreadsheet.setActiveSheet(a.sheet('สรุป'));
      expect(build(a)).toMatchObject({ sheet: FORM, rows: 3, rosters: ['นักเรียน'] });
      expect(a.spreadsheet.getActiveSheet().getName()).toBe(FORM);
      // The officer types on the form; the three buttons all work from there.
      a.sheet(FORM).getRange('L8').setValue(cidOf(50));
      a.sheet(FORM).getRange('L9').setValue(cidOf(51));
      expect(build(a)).toMatchObject({ rows: 3, problems: [] });
      expect(ok(a.call<Result<DraftData>>('draftCorrectionEmail'))).toMatchObject({ students: 3 });
      expect(ok(a.call<Result<{ rows: number }>>('downloadCorrectionXlsx'))).toMatchObject({ rows: 3 });
    }
  });

  it('say what to do when no sheet is a roster, instead of calling the form the results', () => {
    const a = loadAddon({ บันทึก: values([['ไม่ใช่รายชื่อ']]) });
    a.call('saveSettings', OFFICER);
    const r = a.call<Result<FormData>>('buildCorrectionForm');
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('ตรวจสอบ') } });
    if (!r.ok) expect(r.error.th).not.toContain('ผลการตรวจ ไม่ใช่รายชื่อนักเรียน');
    expect(a.call('downloadCorrectionXlsx')).toMatchObject({ ok: false, error: { th: expect.any(String) } });
    expect(a.call('draftCorrectionEmail')).toMatchObject({ ok: false, error: { th: expect.any(String) } });
  });

  it('take every class sheet of a workbook, the grade from the sheet name', () => {
    const cls = (first: number) =>
      values(
        roster({
          columns: ['cid', 'prefix', 'firstName', 'lastName', 'gender', 'dob'],
          row: { cid: wrongCheckDigit(cidOf(first)) },
          more: [{ cid: cidOf(first + 1) }],
        }).map((r, i) => (i === 0 ? r : r)),
      );
    const a = loadAddon({ 'ม.1-1': cls(100), 'ม.1-2': cls(200) });
    a.call('saveSettings', OFFICER);
    const data = build(a);
    expect(data).toMatchObject({ rows: 2, rosters: ['ม.1-1', 'ม.1-2'] });
    const rows = formRows(a);
    expect(rows.map((r) => [r[3], r[4], r[10]])).toEqual([
      ['ม.1', '1', wrongCheckDigit(cidOf(100))],
      ['ม.1', '2', wrongCheckDigit(cidOf(200))],
    ]);
  });

  it('grow the form sheet before writing past its 1,000 rows', () => {
    const many = Array.from({ length: 1_100 }, (_, i) => ({
      cid: wrongCheckDigit(cidOf(1_000 + i)),
      sid: String(30_000 + i),
    }));
    const a = loadAddon({ นักเรียน: values(roster({ more: many })) });
    a.call('saveSettings', OFFICER);
    const data = build(a);
    expect(data.rows).toBe(1_100);
    const form = a.sheet(FORM);
    expect(form.size().rows).toBeGreaterThanOrEqual(7 + 1_100 + 50);
    expect(form.peek().values.length).toBe(7 + 1_100);
    // Growing is one call each way, not one per row.
    expect(a.calls.total(/insertRowsAfter/)).toBe(1);
    // A refresh of the same long form needs no second growth.
    build(a);
    expect(a.calls.total(/insertRowsAfter/)).toBe(1);
  });
});
