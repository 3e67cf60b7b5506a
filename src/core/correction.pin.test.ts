/** Pins the ID-correction form: which findings make a row and with what reason, carrying over typed values, each new-ID problem, the sender check (issue 15). */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cidOf, roster, SCHOOL_SETTINGS, wrongCheckDigit } from '../../test/support/rules';
import { analyseSheet } from './analysis';
import {
  checkNewIds,
  CORRECTION_REASONS,
  correctionRows,
  correctionXlsx,
  EVIDENCE,
  FORM_FIELDS,
  FORM_HEADERS,
  formFieldOf,
  formHeaderBlock,
  formKey,
  mergeTyped,
  missingSender,
  rosterIds,
  type FormRow,
  type FormValues,
  type IdHolder,
} from './correction';
import { parseSettings, type Settings } from './settings';
import { withCheckDigit } from './thai-id';
import type { Finding, Report } from './types';

const settings = parseSettings(SCHOOL_SETTINGS).settings;
const bad = wrongCheckDigit(cidOf(1));
const zeroLed = withCheckDigit('010110000001');
const nine = withCheckDigit('910110000001');

/** A report holding only these findings (the form reads nothing else of it). */
const report = (findings: Array<Pick<Finding, 'rule' | 'row'>>): Report =>
  ({ findings: findings.map((f) => ({ ...f, message: { th: '', en: '' } })) }) as unknown as Report;

describe('formFieldOf: a district template’s headers', () => {
  it.each(FORM_FIELDS.filter((f) => f !== 'oldCid' && f !== 'newCid'))('reads its own header for %s', (f) => {
    expect(formFieldOf(FORM_HEADERS[f])).toBe(f);
  });
  it.each([
    ['ที่', 'no'],
    ['No', 'no'],
    ['รหัสสถานศึกษา', 'schoolCode'],
    ['โรงเรียน', 'schoolName'],
    ['ชื่อสถานศึกษา', 'schoolName'],
    ['ระดับชั้น', 'grade'],
    ['ชั้นเรียน', 'grade'],
    ['รหัสนักเรียน', 'sid'],
    ['คำนำหน้า', 'prefix'],
    ['ชื่อนักเรียน', 'firstName'],
    ['สกุล', 'lastName'],
    ['วันเกิด', 'dob'],
    ['วัน/เดือน/ปีเกิด', 'dob'],
    ['สาเหตุ', 'reason'],
    ['เหตุผล', 'reason'],
    ['เหตุผลการแก้ไข', 'reason'],
    ['หลักฐาน', 'evidence'],
    ['เอกสารแนบ', 'evidence'],
    ['  หมายเหตุ  ', 'note'],
    ['เลขประจำตัวประชาชน (เดิม)', 'oldCid'],
    ['เลขประจำตัวประชาชนเดิม', 'oldCid'],
    ['เลขประจำตัวประชาชนที่ผิด', 'oldCid'],
    ['เลขบัตรประชาชนเดิม', 'oldCid'],
    ['เลขเดิม', 'oldCid'],
    ['Old ID', 'oldCid'],
    // DMC's "ID in the system" is the one to replace, though it says neither old nor wrong.
    ['เลขประจำตัวประชาชนในระบบ', 'oldCid'],
    ['เลขประจำตัวประชาชน (ใหม่)', 'newCid'],
    ['เลขประจำตัวประชาชนใหม่', 'newCid'],
    ['เลขประจำตัวประชาชนที่ถูกต้อง', 'newCid'],
    ['เลขใหม่', 'newCid'],
    ['เลขที่ถูกต้อง', 'newCid'],
    ['New ID', 'newCid'],
    ['Correct ID', 'newCid'],
  ])('%j → %s', (header, field) => expect(formFieldOf(header)).toBe(field));
  it.each(['เลขประจำตัวประชาชน', 'เดิม', 'ใหม่', 'ชื่อเดิม', 'Old name', 'อื่น ๆ', ''])('%j is no column of the form', (h) => {
    expect(formFieldOf(h)).toBeNull();
  });
});

describe('correctionRows', () => {
  const values = roster({
    row: { cid: bad },
    more: [
      {},
      { cid: 'G650000012345', grade: 'ป.6/2', room: '' },
      { cid: zeroLed.slice(1), dob: 'ไม่ทราบ', grade: 'ป.9' },
    ],
  });
  const findings = report([
    { rule: 'cid.leading-zero-lost', row: 5 },
    { rule: 'cid.checksum', row: 2 },
    { rule: 'name.whitespace', row: 3 },
    { rule: 'cid.duplicate', row: 2 },
    { rule: 'cid.checksum', row: 2 },
    { rule: 'gcode.present', row: 4 },
    { rule: 'cid.format', row: null },
    { rule: 'cid.format', row: 1 },
    { rule: 'cid.province', row: 40 },
  ]);

  it('one row per student with a finding of the form’s kinds, in sheet order, each reason once', () => {
    const rows = correctionRows(values, findings, settings);
    expect(rows.map((r) => [r.sourceRow, r.values.reason])).toEqual([
      [2, `${CORRECTION_REASONS['cid.checksum']!.th}; ${CORRECTION_REASONS['cid.duplicate']!.th}`],
      [4, CORRECTION_REASONS['gcode.present']!.th],
      [5, CORRECTION_REASONS['cid.leading-zero-lost']!.th],
    ]);
  });
  it('fills the student’s details, the school from the settings, the evidence to attach', () => {
    const [first, gcode, zero] = correctionRows(values, findings, settings).map((r) => r.values);
    expect(first).toEqual({
      no: '',
      schoolCode: '10100001',
      schoolName: 'โรงเรียนบ้านตัวอย่าง',
      grade: 'ป.6',
      room: '1',
      sid: '20000',
      prefix: 'ด.ช.',
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      dob: '15/03/2558',
      oldCid: bad,
      newCid: '',
      reason: CORRECTION_REASONS['cid.checksum']!.th + '; ' + CORRECTION_REASONS['cid.duplicate']!.th,
      evidence: EVIDENCE,
      note: '',
    });
    // The room from the class when the room column is blank; a date or grade that does not parse, as written.
    expect(gcode).toMatchObject({ grade: 'ป.6', room: '2', oldCid: 'G650000012345', newCid: '' });
    expect(zero).toMatchObject({ grade: 'ป.9', room: '1', dob: 'ไม่ทราบ', oldCid: zeroLed.slice(1), newCid: zeroLed });
    expect(EVIDENCE).toBe('สำเนาบัตรประจำตัวประชาชน');
  });
  it('the school code from the roster when the settings have none', () => {
    const withCode = roster({ row: { cid: bad, schoolCode: '20200002' } });
    const rows = correctionRows(withCode, report([{ rule: 'cid.checksum', row: 2 }]), { ...settings, schoolCode: '' });
    expect(rows[0]!.values.schoolCode).toBe('20200002');
    expect(correctionRows(withCode, report([{ rule: 'cid.checksum', row: 2 }]), settings)[0]!.values.schoolCode).toBe(
      '10100001',
    );
  });
  it('trims what the roster holds; a blank date or a class that does not parse leaves what was written', () => {
    const odd = roster({
      row: { cid: ` ${bad} `, firstName: '  สมชาย ', lastName: 'ใจดี  ', dob: '', grade: 'ป.9', room: '' },
    });
    const [v] = correctionRows(odd, report([{ rule: 'cid.checksum', row: 2 }]), settings).map((r) => r.values);
    expect(v).toMatchObject({ oldCid: bad, firstName: 'สมชาย', lastName: 'ใจดี', dob: '', grade: 'ป.9', room: '' });
  });
  it('no class room anywhere leaves the room empty', () => {
    const noRoom = roster({ row: { cid: bad, room: '' } });
    expect(correctionRows(noRoom, report([{ rule: 'cid.checksum', row: 2 }]), settings)[0]!.values.room).toBe('');
  });
  it('suggests a new ID only for a lost leading zero that gives a valid ID', () => {
    const twelve = (cid: string) =>
      correctionRows(roster({ row: { cid } }), report([{ rule: 'cid.format', row: 2 }]), settings)[0]!.values.newCid;
    expect(twelve(zeroLed.slice(1))).toBe(zeroLed);
    expect(twelve(wrongCheckDigit(zeroLed).slice(1))).toBe('');
    expect(twelve(`${zeroLed.slice(1)}5`)).toBe('');
    expect(twelve(zeroLed.slice(2))).toBe('');
  });
  it('reads the sheet’s analysis as it reads its values; a sheet without a header gives no rows', () => {
    const sheet = analyseSheet(0, '', values, settings.headerRow)!;
    expect(correctionRows(sheet, findings, settings)).toEqual(correctionRows(values, findings, settings));
    expect(correctionRows([['x'], ['y']], findings, settings)).toEqual([]);
  });
  it.each(Object.keys(CORRECTION_REASONS))('%s calls for the form, with its reason in Thai and English', (rule) => {
    const rows = correctionRows(values, report([{ rule, row: 3 }]), settings);
    expect(rows.map((r) => r.values.reason)).toEqual([CORRECTION_REASONS[rule]!.th]);
    expect(CORRECTION_REASONS[rule]!.en).toMatch(/^[a-zA-Z]/);
  });
  it.each([
    ['cid.format', /13 หลัก/, /13 digits/],
    ['cid.leading-zero-lost', /เลข 0 ตัวแรก/, /leading 0/],
    ['cid.checksum', /หลักตรวจสอบ/, /check digit/],
    ['cid.category', /ขึ้นต้นด้วย 9/, /starts with 9/],
    ['cid.province', /รหัสจังหวัด/, /province/],
    ['cid.duplicate', /ซ้ำ/, /duplicates/],
    ['gcode.present', /G-code/, /G-code/],
  ])('%s says why: %s', (rule, th, en) => {
    expect(CORRECTION_REASONS[rule]!.th).toMatch(th);
    expect(CORRECTION_REASONS[rule]!.en).toMatch(en);
  });
  it('other ID rules do not call for the form', () => {
    for (const rule of [
      'cid.missing',
      'cid.stored-as-number',
      'cid.duplicate-across-files',
      'gcode.format',
      'cid.nationality',
    ])
      expect(correctionRows(values, report([{ rule, row: 3 }]), settings)).toEqual([]);
  });
});

describe('formKey and mergeTyped: what the user typed survives a refresh', () => {
  const row = (sourceRow: number, v: Partial<FormValues>): FormRow => ({
    sourceRow,
    values: { ...Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])), ...v } as FormValues,
  });
  it('the same student whatever the dashes in the ID and the spaces or case in the name', () => {
    const id = cidOf(5);
    const dashed = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
    expect(formKey({ oldCid: dashed, firstName: ' สมชาย ', lastName: 'ใจ  ดี' })).toBe(
      formKey({ oldCid: id, firstName: 'สมชาย', lastName: 'ใจ ดี' }),
    );
    expect(formKey({ oldCid: id, firstName: 'John', lastName: 'Smith' })).toBe(
      formKey({ oldCid: id, firstName: 'JOHN', lastName: 'smith' }),
    );
    expect(formKey({ oldCid: id, firstName: 'สมชาย', lastName: 'ใจดี' })).not.toBe(
      formKey({ oldCid: id, firstName: 'สมชาย', lastName: 'ใจงาม' }),
    );
    expect(formKey({ oldCid: id, firstName: 'ก', lastName: 'ข' })).not.toBe(
      formKey({ oldCid: cidOf(6), firstName: 'ก', lastName: 'ข' }),
    );
  });
  it('keeps a typed new ID, evidence and note (trimmed); a blank one leaves the row’s', () => {
    const rows = [row(2, { oldCid: cidOf(1), firstName: 'ก', lastName: 'ข', evidence: EVIDENCE, newCid: 'x' })];
    const typed = (p: Partial<FormValues>) =>
      mergeTyped(rows, [{ oldCid: cidOf(1), firstName: 'ก', lastName: 'ข', ...p }])[0]!.values;
    expect(typed({ newCid: ` ${cidOf(9)} `, evidence: ' บัตร ', note: ' โทรแล้ว ' })).toMatchObject({
      newCid: cidOf(9),
      evidence: 'บัตร',
      note: 'โทรแล้ว',
    });
    expect(typed({ newCid: '  ', evidence: '', note: undefined })).toMatchObject({
      newCid: 'x',
      evidence: EVIDENCE,
      note: '',
    });
    // Only those three: the reason and the rest come from the new check.
    expect(typed({ reason: 'เก่า', schoolName: 'เก่า' })).toMatchObject({ reason: '', schoolName: '' });
  });
  it('brings back a student no longer flagged when a new ID or a note was typed, and numbers every row', () => {
    const rows = [row(2, { oldCid: cidOf(1), firstName: 'ก', lastName: 'ข' })];
    const merged = mergeTyped(rows, [
      { oldCid: ` ${cidOf(7)} `, firstName: 'ค', newCid: cidOf(8), reason: ' ซ้ำ ' },
      { oldCid: cidOf(10), firstName: 'จ', lastName: 'ฉ', note: 'ติดตาม' },
      { oldCid: cidOf(11), firstName: 'ช', lastName: 'ซ', evidence: 'บัตร' },
      { oldCid: cidOf(12), firstName: 'ฌ', lastName: 'ญ', newCid: ' ', note: ' ' },
      { newCid: cidOf(13), note: 'ไม่มีชื่อและเลขเดิม' },
    ]);
    expect(merged.map((r) => [r.sourceRow, r.values.no, r.values.oldCid])).toEqual([
      [2, '1', cidOf(1)],
      [0, '2', cidOf(7)],
      [0, '3', cidOf(10)],
    ]);
    expect(merged[1]!.values).toEqual({
      ...row(0, {}).values,
      no: '2',
      oldCid: cidOf(7),
      firstName: 'ค',
      newCid: cidOf(8),
      reason: 'ซ้ำ',
    });
  });
  it('a previous row known by its ID alone, or its name alone, still counts', () => {
    const rows = [row(2, { oldCid: cidOf(1) }), row(3, { firstName: 'ก', lastName: 'ข' })];
    const merged = mergeTyped(rows, [
      { oldCid: cidOf(1), newCid: cidOf(20) },
      { firstName: 'ก', lastName: 'ข', newCid: cidOf(21) },
    ]);
    expect(merged.map((r) => r.values.newCid)).toEqual([cidOf(20), cidOf(21)]);
  });
  it('numbers rows without anything typed too', () => {
    const rows = [row(2, { oldCid: 'a' }), row(3, { oldCid: 'b' })];
    expect(mergeTyped(rows, []).map((r) => r.values.no)).toEqual(['1', '2']);
  });
});

describe('checkNewIds: a new ID must be valid, new, and nobody else’s', () => {
  const form = (...rows: Array<Partial<FormValues>>): FormRow[] =>
    rows.map((v, i) => ({
      sourceRow: i + 2,
      values: {
        ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues),
        oldCid: bad,
        firstName: 'สมชาย',
        lastName: 'ใจดี',
        ...v,
      },
    }));
  const said = (rows: FormRow[], ids: ReadonlyMap<string, IdHolder[]> = new Map()) =>
    checkNewIds(rows, ids).map((p) => [p.index, p.message.th, p.message.en]);

  it('a valid new ID nobody holds passes, written with or without dashes', () => {
    expect(said(form({ newCid: cidOf(50) }, { newCid: ` ${cidOf(51).slice(0, 1)}-${cidOf(51).slice(1)} ` }))).toEqual(
      [],
    );
  });
  it.each([
    ['', 'ยังไม่ได้กรอกเลขประจำตัวประชาชนใหม่', 'the new ID is empty'],
    ['   ', 'ยังไม่ได้กรอกเลขประจำตัวประชาชนใหม่', 'the new ID is empty'],
    ['12345', 'เลขใหม่ไม่ถูกต้อง (ไม่ครบ 13 หลัก)', 'the new ID is invalid (not 13 digits)'],
    ['1234567890abc', 'เลขใหม่ไม่ถูกต้อง (มีอักขระที่ไม่ใช่ตัวเลข)', 'the new ID is invalid (not all digits)'],
    [bad, 'เลขใหม่ไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)', 'the new ID is invalid (check digit does not match)'],
    [nine, 'เลขใหม่ไม่ถูกต้อง (ขึ้นต้นด้วย 9)', 'the new ID is invalid (starts with 9)'],
  ])('%j: %s', (newCid, th, en) => {
    expect(said(form({ newCid, oldCid: cidOf(1) }))).toEqual([[0, th, en]]);
  });
  it('must differ from the old ID, however the old one is written', () => {
    const id = cidOf(80);
    for (const oldCid of [id, `${id.slice(0, 1)}-${id.slice(1)}`, ` ${id} `])
      expect(said(form({ oldCid, newCid: id }))).toEqual([
        [0, 'เลขใหม่ต้องต่างจากเลขเดิม', 'the new ID equals the old one'],
      ]);
  });
  it('must belong to no other student of the roster; every holder’s row is named', () => {
    const ids = new Map([
      [
        cidOf(60),
        [
          { row: 3, name: 'ปวริศ|บุญมา' },
          { row: 7, name: 'ธนากร|มีสุข' },
        ],
      ],
    ]);
    expect(said(form({ newCid: cidOf(60) }), ids)).toEqual([
      [0, 'เลขใหม่เป็นของนักเรียนแถว 3, 7 แล้ว', 'the new ID belongs to row 3, 7'],
    ]);
  });
  it('the student’s own row may already hold it (same name, however spaced)', () => {
    const ids = new Map([[cidOf(60), [{ row: 3, name: 'สมชาย|ใจดี' }]]]);
    expect(said(form({ newCid: cidOf(60), firstName: ' สมชาย ' }), ids)).toEqual([]);
    const both = new Map([
      [
        cidOf(60),
        [
          { row: 3, name: 'สมชาย|ใจดี' },
          { row: 9, name: 'ปวริศ|บุญมา' },
        ],
      ],
    ]);
    expect(said(form({ newCid: cidOf(60) }), both)).toEqual([
      [0, 'เลขใหม่เป็นของนักเรียนแถว 9 แล้ว', 'the new ID belongs to row 9'],
    ]);
  });
  it('must not repeat an accepted new ID of an earlier form row', () => {
    const rows = form({ newCid: cidOf(70) }, { newCid: cidOf(71) }, { newCid: cidOf(70) }, { newCid: cidOf(71) });
    expect(said(rows)).toEqual([
      [2, 'เลขใหม่ซ้ำกับลำดับที่ 1 ในแบบฟอร์ม', 'the new ID repeats form row 1'],
      [3, 'เลขใหม่ซ้ำกับลำดับที่ 2 ในแบบฟอร์ม', 'the new ID repeats form row 2'],
    ]);
    // A row refused for another reason does not count as holding the ID.
    expect(said(form({ newCid: cidOf(72), oldCid: cidOf(72) }, { newCid: cidOf(72) }))).toEqual([
      [0, 'เลขใหม่ต้องต่างจากเลขเดิม', 'the new ID equals the old one'],
    ]);
  });
});

describe('rosterIds', () => {
  it('maps each valid ID to the sheet rows and names holding it', () => {
    const values = roster({
      row: { cid: cidOf(1) },
      more: [{ cid: bad }, { cid: cidOf(1) }, { cid: '' }, { cid: cidOf(4) }],
    });
    const ids = rosterIds(values, settings);
    expect([...ids.keys()]).toEqual([cidOf(1), cidOf(4)]);
    expect(ids.get(cidOf(1))).toEqual([
      { row: 2, name: 'สมชาย|ใจดี' },
      { row: 4, name: 'ปวริศ|บุญมา' },
    ]);
    expect(ids.get(cidOf(4))).toEqual([{ row: 6, name: 'สมชาย|ใจดี' }]);
    expect(rosterIds(analyseSheet(0, '', values, 0)!, settings)).toEqual(ids);
  });
  it('is empty for a roster without an ID column or without a header', () => {
    expect(rosterIds(roster({ columns: ['firstName', 'lastName', 'grade'] }), settings).size).toBe(0);
    expect(rosterIds([['x']], settings).size).toBe(0);
  });
});

describe('the header block and the sender', () => {
  it('names the school, district, year and round, officer, phone and the date in BE', () => {
    expect(formHeaderBlock(settings, { y: 2027, m: 3, d: 20 })).toEqual([
      ['แบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน ในระบบ DMC'],
      ['โรงเรียน', 'โรงเรียนบ้านตัวอย่าง', 'รหัสโรงเรียน', '10100001'],
      ['สำนักงานเขตพื้นที่การศึกษา', 'สพป.ตัวอย่าง เขต 1'],
      ['ปีการศึกษา', '2569', 'รอบ', 'สิ้นปีการศึกษา (ระยะที่ 3) ปีการศึกษา 2569'],
      ['ผู้รับผิดชอบ', 'ครูสมใจ ใจดี', 'โทรศัพท์', '081-234-5678', 'วันที่', '20/03/2570'],
      [],
    ]);
    expect(formHeaderBlock(settings, { y: 2027, m: 8, d: 1 })[3]).toEqual([
      'ปีการศึกษา',
      '2570',
      'รอบ',
      'ภาคเรียนที่ 2 ปีการศึกษา 2570',
    ]);
  });
  it('on a closing day, the round is the one open at midday', () => {
    const day = { y: 2027, m: 4, d: 30 };
    expect(formHeaderBlock({ ...settings, closesAt: '12:01' }, day)[3]![3]).toMatch(/^สิ้นปีการศึกษา/);
    expect(formHeaderBlock({ ...settings, closesAt: '12:00' }, day)[3]![3]).toMatch(/^ภาคเรียนที่ 1/);
  });
  it.each([
    [{}, null],
    [{ officerName: ' ' }, ['ชื่อเจ้าหน้าที่', 'officer name']],
    [{ officerPhone: '' }, ['เบอร์โทรศัพท์', 'phone']],
    [{ officerPhone: '   ' }, ['เบอร์โทรศัพท์', 'phone']],
    [{ correctionEmail: '  ' }, ['อีเมลผู้รับ', 'recipient email']],
    [
      { officerName: '', officerPhone: '', correctionEmail: '' },
      ['ชื่อเจ้าหน้าที่ เบอร์โทรศัพท์ อีเมลผู้รับ', 'officer name, phone, recipient email'],
    ],
    [{ officerName: '', correctionEmail: '' }, ['ชื่อเจ้าหน้าที่ อีเมลผู้รับ', 'officer name, recipient email']],
  ] as Array<[Partial<Settings>, [string, string] | null]>)('missingSender with %j', (change, missing) => {
    const m = missingSender({ ...settings, ...change });
    if (!missing) return expect(m).toBeNull();
    expect(m).toEqual({
      th: `กรอก${missing[0]}ในการตั้งค่าก่อน — เขตต้องการชื่อและเบอร์โทรของผู้ส่ง`,
      en: `Fill in the ${missing[1]} in the settings first — the district needs them`,
    });
  });
});

describe('correctionXlsx', () => {
  const xml = (bytes: Uint8Array, path: string) => strFromU8(unzipSync(bytes)[path]!);
  it('one sheet, the header block in bold, then the column headers in bold, then the rows; column widths set', () => {
    const rows: FormRow[] = [
      {
        sourceRow: 2,
        values: { ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues), no: '1', oldCid: bad },
      },
    ];
    const bytes = correctionXlsx(settings, { y: 2027, m: 3, d: 20 }, rows);
    expect(xml(bytes, 'xl/workbook.xml')).toContain('<sheet name="แบบขอแก้ไข" sheetId="1" r:id="rId1"/>');
    const sheet = xml(bytes, 'xl/worksheets/sheet1.xml');
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    expect(widths).toEqual([6, 11, 24, 7, 6, 12, 12, 16, 18, 13, 17, 17, 34, 22, 18]);
    const style = (ref: string) => new RegExp(`<c r="${ref}"[^>]* s="(\\d)"`).exec(sheet)?.[1];
    expect(style('A1')).toBe('1');
    expect(style('A2')).toBe('2');
    expect(style('A7')).toBe('1');
    expect(style('O7')).toBe('1');
    expect(style('A8')).toBe('2');
    expect(sheet).toContain(`<c r="K8" t="inlineStr" s="2"><is><t xml:space="preserve">${bad}</t></is></c>`);
    expect(sheet).toContain('<c r="M7" t="inlineStr" s="1"><is><t xml:space="preserve">สาเหตุการแก้ไข</t></is></c>');
  });
});
