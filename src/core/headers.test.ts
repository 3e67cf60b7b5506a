import { describe, expect, it } from 'vitest';
import { withCheckDigit } from './thai-id';
import { columnLetter, fieldOfHeader, mapHeaders } from './headers';
import { validate } from './validate';
import { DMC_LEAD_HEADERS } from '../../test/support/dmc-download';

const id = (i: number) => withCheckDigit(`15099${String(1e7 + i).slice(1)}`);

describe('fieldOfHeader', () => {
  it.each([
    ['เลขประจำตัวประชาชน 13 หลัก', 'cid'],
    ['  เลขประจำตัว ประชาชน ', 'cid'],
    ['National ID', 'cid'],
    ['น้ำหนัก (กก.)', 'weight'],
    ['ส่วนสูง(ซม.)', 'height'],
    ['อายุ(ปี)', 'age'],
    ['ชื่อ - สกุล', 'fullName'],
    ['Date of Birth', 'dob'],
    ['วัน/เดือน/ปีเกิด', 'dob'],
    ['STUDENT ID', 'sid'],
    ['เลขประจำตัวประชาชนมารดา', 'motherCid'],
  ])('%s → %s', (h, f) => expect(fieldOfHeader(h)).toBe(f));
  it('ignores unknown headers', () => expect(fieldOfHeader('หมู่เลือด')).toBeNull());
});

describe('mapHeaders', () => {
  it('reads Thai headers on row 1', () => {
    const m = mapHeaders([['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'เพศ']])!;
    expect(m.headerIndex).toBe(0);
    expect(m.columns).toEqual({ cid: 0, firstName: 1, lastName: 2, gender: 3 });
  });
  it('reads English headers in any order, below title rows', () => {
    const m = mapHeaders([['Student roster 2026'], [], ['Gender', 'Surname', 'Extra', 'First name', 'Citizen ID']])!;
    expect(m.headerIndex).toBe(2);
    expect(m.columns).toEqual({ gender: 0, lastName: 1, firstName: 3, cid: 4 });
  });
  it('finds nothing past the first ten rows', () => {
    const rows = [...Array.from({ length: 10 }, () => ['x']), ['ชื่อ', 'นามสกุล', 'เพศ']];
    expect(mapHeaders(rows)).toBeNull();
  });
  it('takes a header row given by the user', () => {
    const m = mapHeaders(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ชื่อ', 'นามสกุล', 'เพศ', 'ชั้น'],
      ],
      2,
    )!;
    expect(m.headerIndex).toBe(1);
  });
  it('names columns A … Z, AA …', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe('the DMC download as it comes', () => {
  const header = [...DMC_LEAD_HEADERS, 'กลุ่มเลือด', 'ศาสนา'];
  const rows = [
    ['วันและเวลาที่สร้างรายงาน 01/03/2570 02:00:00'],
    header,
    [
      '10100001',
      'โรงเรียนตัวอย่าง',
      id(1),
      'ป.6',
      '1',
      '20001',
      'ช',
      'ด.ช.',
      'สมชาย',
      'ใจดี',
      '15/03/2558',
      '12',
      '35',
      '140',
      'O',
      'พุทธ',
    ],
    [
      '10100001',
      'โรงเรียนตัวอย่าง',
      id(2),
      'ป.6',
      '1',
      '20002',
      'ญ',
      'ด.ญ.',
      'สมศรี',
      'มีสุข',
      '01/06/2557',
      '12',
      '0',
      '-',
      'A',
      'พุทธ',
    ],
  ];
  it('takes the header from row 2 and resolves the twice-named column by its content', () => {
    const m = mapHeaders(rows)!;
    expect(m.headerIndex).toBe(1);
    expect(m.columns.cid).toBe(2);
    expect(m.columns.sid).toBe(5);
    expect(m.columns.age).toBe(11);
    expect(m.duplicates).toEqual([]);
  });
  it('checks it: 0 and - are unrecorded weight and height, findings point at the right cells', () => {
    const r = validate(rows, { asOf: '2027-03-01' });
    const at = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => f.cell);
    expect(at('weight.missing')).toEqual(['M4']);
    expect(at('height.missing')).toEqual(['N4']);
    expect(r.findings.filter((f) => f.rule.startsWith('cid.'))).toEqual([]);
    expect(r.summary.students).toBe(2);
  });
});

describe('a fullName column', () => {
  it('is split into prefix, first and last name, and findings point at its cell', () => {
    const r = validate(
      [
        ['เลขประจำตัวประชาชน', 'ชื่อ-นามสกุล', 'เพศ', 'วันเกิด', 'ชั้น'],
        [id(1), 'เด็กหญิงสมศรี มีสุข', 'หญิง', '01/06/2557', 'ป.6'],
        [id(2), 'ด.ญ. สมศรี', 'ชาย', '01/06/2557', 'ป.6'],
        [id(3), 'สมใจ มีสุข', 'หญิง', '01/06/2557', 'ป.6'],
      ],
      { asOf: '2027-03-01' },
    );
    const byRule = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => f.cell);
    expect(byRule('name.last.missing')).toEqual(['B3']);
    expect(byRule('prefix.gender')).toEqual(['B3']);
    expect(byRule('prefix.missing')).toEqual(['B4']);
    expect(r.findings.filter((f) => f.row === 2)).toEqual([]);
  });
});

describe('a date of birth over three columns', () => {
  const headers = (day: string, month: string, year: string) => [['เลขประจำตัวประชาชน', 'ชื่อ', 'ชั้น', day, month, year]];
  it.each([
    ['วันเกิด', 'เดือนเกิด', 'ปีเกิด'],
    ['วัน', 'เดือน', 'ปีเกิด (พ.ศ.)'],
    ['วันที่เกิด', 'เดือน', 'ปี พ.ศ.'],
    ['Day of birth', 'Month', 'Year'],
  ])('%s | %s | %s: read as one date, at the day’s column', (day, month, year) => {
    const m = mapHeaders(headers(day, month, year))!;
    expect(m.dobParts).toEqual({ day: 3, month: 4, year: 5 });
    expect(m.columns.dob).toBe(3);
  });
  it('not without a word of birth, nor out of order, nor beside a whole-date column', () => {
    expect(mapHeaders(headers('วัน', 'เดือน', 'ปี'))!.dobParts).toBeUndefined();
    expect(mapHeaders(headers('เดือนเกิด', 'วันเกิด', 'ปีเกิด'))!.dobParts).toBeUndefined();
    const whole = mapHeaders([[...headers('วัน', 'เดือน', 'ปีเกิด')[0]!, 'วันเดือนปีเกิด']])!;
    expect(whole.dobParts).toBeUndefined();
    expect(whole.columns.dob).toBe(6);
  });
  it('checks each row’s date: ages, an impossible date quoted whole, month names, blanks', () => {
    const r = validate(
      [
        ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'ชั้น', 'วันเกิด', 'เดือนเกิด', 'ปีเกิด'],
        [id(1), 'ด.ช.', 'สมชาย', 'ใจดี', 'ชาย', 'ป.6', 15, 3, 2558],
        [id(2), 'ด.ช.', 'ธนากร', 'มีสุข', 'ชาย', 'ป.6', '31', '2', '2557'],
        [id(3), 'ด.ญ.', 'สมศรี', 'บุญมา', 'หญิง', 'ป.6', '๑', 'มิถุนายน', '๒๕๕๗'],
        [id(4), 'ด.ญ.', 'ปวริศา', 'ทองดี', 'หญิง', 'ป.6', '', '', ''],
        [id(5), 'ด.ช.', 'ธีรภัทร', 'ใจดี', 'ชาย', 'ป.6', '1', '', '2557'],
      ],
      { asOf: '2027-03-01' },
    );
    const at = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => [f.cell, f.value]);
    expect(at('dob.invalid')).toEqual([
      ['G3', '31/2/2557'],
      ['G6', '1//2557'],
    ]);
    expect(at('dob.missing')).toEqual([['G5', '']]);
    // 15/3/2558 is 11 on 16 May 2569, as ป.6 expects; 1 June 2557 is read from its month's name.
    expect(r.findings.filter((f) => f.row === 2 || f.row === 4)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'header.missing-column' && f.message.en.includes('birth'))).toEqual([]);
  });
});

describe('a header of two rows, as hand-made rosters merge it', () => {
  const TOP = ['ที่', 'เลขประจำตัวประชาชน', 'ชื่อ - สกุล', '', '', 'วันเดือนปีเกิด', '', '', 'เพศ', 'ชั้น', 'น้ำหนัก', 'ส่วนสูง'];
  const UNDER = ['', '', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วัน', 'เดือน', 'ปี', '', '', '(กก.)', '(ซม.)'];
  const student = (i: number, first: string, day: number, month: number) =>
    [i, id(i), 'ด.ช.', first, 'ใจดี', day, month, 2558, 'ชาย', 'ป.6', 35, 140] as const;

  it('reads the lower row where it names something, the upper elsewhere, and the date over three columns', () => {
    const m = mapHeaders([['ทะเบียนนักเรียน ปีการศึกษา 2569'], TOP, UNDER, [...student(1, 'สมชาย', 15, 3)]])!;
    expect(m.headerIndex).toBe(2);
    expect(m.columns).toMatchObject({ cid: 1, prefix: 2, firstName: 3, lastName: 4, dob: 5, gender: 8, weight: 10 });
    expect(m.columns.fullName).toBeUndefined();
    expect(m.dobParts).toEqual({ day: 5, month: 6, year: 7 });
    expect(m.headers.slice(2, 6)).toEqual(['คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วัน']);
    expect(m.headers[10]).toBe('น้ำหนัก');
  });

  it('checks the students below both rows, each finding on its cell', () => {
    const r = validate([TOP, UNDER, [...student(1, 'สมชาย', 15, 3)], [...student(2, '', 31, 2)]], {
      asOf: '2027-03-01',
    });
    expect(r.summary).toMatchObject({ headerRow: 2, students: 2 });
    const onRows = r.findings.filter((f) => f.row !== null).map((f) => [f.rule, f.cell, f.value]);
    expect(onRows).toEqual([
      ['name.first.missing', 'D4', ''],
      ['dob.invalid', 'F4', '31/2/2558'],
    ]);
  });

  it('takes a row of units alone as part of the header', () => {
    const m = mapHeaders([
      ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'น้ำหนัก', 'ส่วนสูง'],
      ['', '', '', 'กก.', 'ซม.'],
    ])!;
    expect(m.headerIndex).toBe(1);
    expect(m.headers).toEqual(['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'น้ำหนัก', 'ส่วนสูง']);
  });

  it('never takes a student for a header row', () => {
    const header = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'เพศ', 'ชั้น'];
    for (const first of [
      [id(1), 'สมชาย', 'ใจดี', 'ชาย', 'ป.6'],
      ['', '', '', 'ชาย', 'ป.6'],
      ['', '', 'ชื่อ', '', ''],
    ])
      expect(mapHeaders([header, first])!.headerIndex).toBe(0);
  });
});

describe('a class’s list pasted under another’s, its header with it', () => {
  const H = ['ที่', 'เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'ชั้น'];
  const block = (grade: string, from: number, count: number) => [
    [`รายชื่อนักเรียนชั้น ${grade}`],
    H,
    ...Array.from({ length: count }, (_, k) => {
      const i = from + k;
      return [k + 1, id(i), 'ด.ช.', `ชื่อ${i}`, `สกุล${i}`, 'ชาย', grade === 'ป.5' ? '15/03/2559' : '15/03/2558', grade];
    }),
    [],
  ];
  it('skips each repeated header: no student, no finding', () => {
    // 40 students a class: names are distinct enough to be read row by row, the other columns as dictionaries.
    const rows = [...block('ป.5', 1, 40), ...block('ป.6', 41, 40), ...block('ป.6', 81, 40)];
    const r = validate(rows, { asOf: '2027-03-01' });
    expect(r.summary).toMatchObject({ headerRow: 2, students: 120 });
    // Rows 45 and 88 repeat the header, under their titles on rows 44 and 87.
    expect(r.findings.filter((f) => [44, 45, 87, 88].includes(f.row ?? 0))).toEqual([]);
  });
  it('skips a repeated header of two rows too', () => {
    const TOP = ['ที่', 'เลขประจำตัวประชาชน', 'ชื่อ - สกุล', '', '', 'วันเดือนปีเกิด', '', '', 'เพศ', 'ชั้น'];
    const UNDER = ['', '', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วัน', 'เดือน', 'ปี', '', ''];
    const NAMES = ['สมชาย', 'ธนากร', 'ปวริศ'];
    const kid = (i: number, grade: string) => [i, id(i), 'ด.ช.', NAMES[i - 1]!, 'ใจดี', 15, 3, 2558, 'ชาย', grade];
    const rows = [TOP, UNDER, kid(1, 'ป.6'), kid(2, 'ป.6'), [], ['ชั้น ป.6/2'], TOP, UNDER, kid(3, 'ป.6')];
    const r = validate(rows, { asOf: '2027-03-01' });
    expect(r.summary).toMatchObject({ headerRow: 2, students: 3 });
    expect(r.findings.filter((f) => f.row !== null)).toEqual([]);
  });

  it('still takes a student whose cells only partly read like the header', () => {
    const rows = [H, [1, id(1), 'ด.ช.', 'ชื่อ', 'นามสกุล', 'ชาย', '15/03/2558', 'ป.6']];
    expect(validate(rows, { asOf: '2027-03-01' }).summary.students).toBe(1);
  });
});

describe('a column headed ชื่อนักเรียน', () => {
  it('is the first name beside a last-name column, else the whole name', () => {
    expect(mapHeaders([['เลขประจำตัวประชาชน', 'ชื่อนักเรียน', 'นามสกุล', 'เพศ']])!.columns).toMatchObject({
      firstName: 1,
      lastName: 2,
    });
    // It counts as a known column when the header row is looked for: here one of three.
    expect(mapHeaders([['ที่', 'ชื่อนักเรียน', 'เลขประจำตัวประชาชน', 'ชั้น']])?.columns).toMatchObject({ fullName: 1 });
    const whole = mapHeaders([['ที่', 'เลขประจำตัวประชาชน', 'ชื่อนักเรียน', 'เพศ', 'ชั้น']])!;
    expect(whole.columns).toMatchObject({ fullName: 2 });
    expect(whole.columns.firstName).toBeUndefined();
    const r = validate(
      [
        ['ที่', 'เลขประจำตัวประชาชน', 'ชื่อนักเรียน', 'เพศ', 'วันเกิด', 'ชั้น'],
        [1, id(1), 'ด.ญ.สมศรี มีสุข', 'หญิง', '01/06/2557', 'ป.6'],
        [2, id(2), 'เด็กชายสมชาย', 'ชาย', '01/06/2557', 'ป.6'],
      ],
      { asOf: '2027-03-01' },
    );
    expect(r.findings.filter((f) => f.row !== null).map((f) => [f.rule, f.cell])).toEqual([
      ['name.last.missing', 'C3'],
    ]);
  });
});

describe('totals and signature lines around a class list', () => {
  const H = ['ที่', 'เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'ชั้น'];
  const kid = (i: number, first: string) => [i, id(i), 'ด.ช.', first, 'ใจดี', 'ชาย', '15/03/2558', 'ป.6'];
  it('are no students, wherever their text falls', () => {
    const rows = [
      H,
      kid(1, 'สมชาย'),
      kid(2, 'ธนากร'),
      ['', 'รวม 2 คน', '', 'ชาย 2 คน', 'หญิง ๐ คน'],
      ['', '', '', 'ลงชื่อ..................................ครูประจำชั้น'],
      ['', '', '', '(นางสาวสมใจ ใจงาม)'],
      ['', '', '', 'ตำแหน่ง ครู'],
      ['', '', '', '', '', '', '', 'ชั้นประถมศึกษาปีที่ 6/2'],
      kid(3, 'ปวริศ'),
      ['', '', '', '', 'ผู้รายงาน ____________'],
    ];
    const r = validate(rows, { asOf: '2027-03-01' });
    expect(r.summary.students).toBe(3);
    expect(r.findings.filter((f) => f.row !== null)).toEqual([]);
  });
  it('a student row keeps what it holds, however its name reads', () => {
    const rows = [H, [1, '', '', '(ยังไม่ทราบ)', '', '', '15/03/2558', 'ป.6']];
    const r = validate(rows, { asOf: '2027-03-01' });
    expect(r.summary.students).toBe(1);
    expect(r.findings.filter((f) => f.rule === 'cid.missing').map((f) => f.cell)).toEqual(['B2']);
  });
});
