/** Pins header reading: every synonym, the near-misses that must stay unmapped, and the header-row search (issue 15). */
import { describe, expect, it } from 'vitest';
import { a1, cellText, columnIndex, columnLetter, fieldOfHeader, headerKey, mapHeaders } from './headers';
import { withCheckDigit } from './thai-id';
import type { Cell, FieldKey } from './types';

const id = (i: number) => withCheckDigit(`15099${String(1e7 + i).slice(1)}`);

/** RULES.md's field table, plus the further spellings the code accepts. */
const SYNONYMS: Array<[FieldKey, string[]]> = [
  [
    'cid',
    [
      'เลขประจำตัวประชาชน',
      'เลขบัตรประชาชน',
      'เลขประจำตัวประชาชน 13 หลัก',
      'เลขบัตรประจำตัวประชาชน',
      'รหัสประจำตัวประชาชน',
      'หมายเลขบัตรประชาชน',
      'หมายเลขประจำตัวประชาชน',
      'เลขประชาชน',
      'Citizen ID',
      'National ID',
      'ID card',
      'Citizen ID No.',
    ],
  ],
  ['sid', ['เลขประจำตัวนักเรียน', 'รหัสนักเรียน', 'เลขประจำตัว', 'Student ID', 'Student No', 'Student number']],
  ['prefix', ['คำนำหน้า', 'คำนำหน้าชื่อ', 'คำนำหน้านาม', 'Prefix', 'Title']],
  ['firstName', ['ชื่อ', 'First name', 'Given name', 'Firstname']],
  ['lastName', ['นามสกุล', 'สกุล', 'Last name', 'Surname', 'Family name', 'Lastname']],
  ['fullName', ['ชื่อ-นามสกุล', 'ชื่อ - สกุล', 'ชื่อ-สกุล', 'ชื่อ นามสกุล', 'Full name', 'Name']],
  ['gender', ['เพศ', 'Gender', 'Sex']],
  [
    'dob',
    [
      'วันเกิด',
      'วันเดือนปีเกิด',
      'วัน/เดือน/ปีเกิด',
      'วันเดือนปี เกิด',
      'ว/ด/ป เกิด',
      'ว/ด/ปเกิด',
      'ว.ด.ป. เกิด',
      'ว.ด.ป.เกิด',
      'วดป.เกิด',
      'Date of birth',
      'DOB',
      'Birth date',
      'Birthdate',
    ],
  ],
  ['grade', ['ชั้น', 'ระดับชั้น', 'ชั้นเรียน', 'ชั้น/ห้อง', 'ชั้น / ห้อง', 'Grade', 'Class', 'Level']],
  ['room', ['ห้อง', 'ห้องเรียน', 'Room']],
  ['weight', ['น้ำหนัก', 'น้ำหนักตัว', 'นน.', 'Weight']],
  ['height', ['ส่วนสูง', 'ความสูง', 'Height']],
  ['status', ['สถานะ', 'สถานะนักเรียน', 'สถานะการศึกษา', 'สถานภาพ', 'สถานภาพนักเรียน', 'Status']],
  ['exam', ['สอบปลายภาค', 'เข้าสอบปลายภาค', 'สอบปลายปี', 'การสอบปลายภาค', 'Final exam', 'Took final exam', 'Exam']],
  ['entryDate', ['วันที่เข้าเรียน', 'วันเข้าเรียน', 'วันที่ย้ายเข้า', 'Entry date', 'Date joined']],
  ['leaveDate', ['วันที่ย้ายออก', 'วันที่จำหน่าย', 'Leave date']],
  ['fatherCid', ['เลขประจำตัวประชาชนบิดา', 'เลขบัตรประชาชนบิดา', 'Father citizen ID', 'Father ID']],
  ['motherCid', ['เลขประจำตัวประชาชนมารดา', 'เลขบัตรประชาชนมารดา', 'Mother citizen ID', 'Mother ID']],
  ['guardianCid', ['เลขประจำตัวประชาชนผู้ปกครอง', 'เลขบัตรประชาชนผู้ปกครอง', 'Guardian citizen ID', 'Guardian ID']],
  ['age', ['อายุ', 'อายุ(ปี)', 'Age']],
  ['nationality', ['สัญชาติ', 'Nationality']],
  ['schoolCode', ['รหัสโรงเรียน', 'School code']],
];

describe('fieldOfHeader: every synonym', () => {
  const cases = SYNONYMS.flatMap(([field, names]) => names.map((n) => [n, field] as const));
  it.each(cases)('%j → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
    // As files really hold it: other case, doubled and outer spaces, a unit in brackets.
    expect(fieldOfHeader(`  ${header.toUpperCase().replace(/ /g, '  ')} `)).toBe(field);
    if (!header.endsWith(')')) expect(fieldOfHeader(`${header} (หน่วย)`)).toBe(field);
  });
  it('covers every field key', () => {
    expect(new Set(SYNONYMS.map(([f]) => f)).size).toBe(22);
  });
});

describe('fieldOfHeader: the more specific header wins', () => {
  it.each([
    ['ชื่อ-สกุลบิดา (ถ้ามี)', null],
    ['ชื่อ-สกุลมารดา', null],
    ['ชื่อผู้ปกครอง', null],
    ['ชื่อบิดา', null],
    ['ชื่อโรงเรียน', null],
    ['นามสกุลบิดา', null],
    ['เลขประจำตัวประชาชนบิดา', 'fatherCid'],
    ['เลขประจำตัวประชาชนมารดา', 'motherCid'],
    ['เลขประจำตัวประชาชนผู้ปกครอง', 'guardianCid'],
    ['รหัสโรงเรียน', 'schoolCode'],
    ['หมู่เลือด', null],
    ['ศาสนา', null],
    ['เชื้อชาติ', null],
    ['ที่อยู่', null],
    ['', null],
  ])('%j → %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));
  it('never reads a parent column as the student cid', () => {
    for (const h of ['เลขประจำตัวประชาชนบิดา', 'เลขประจำตัวประชาชนมารดา', 'เลขประจำตัวประชาชนผู้ปกครอง'])
      expect(fieldOfHeader(h)).not.toBe('cid');
  });
});

describe('headerKey', () => {
  it.each([
    ['น้ำหนัก (กก.)', 'น้ำหนัก'],
    ['น้ำหนัก(กก.)', 'น้ำหนัก'],
    ['น้ำหนัก [kg]', 'น้ำหนัก'],
    ['ส่วนสูง (ซม.)  ', 'ส่วนสูง'],
    ['อายุ (ปี)', 'อายุ'],
    ['Weight (kg)', 'weight'],
    ['เลขประจำตัวประชาชน ๑๓ หลัก', 'เลขประจำตัวประชาชน13หลัก'],
    ['Date of Birth', 'dateofbirth'],
    ['ด.ช.', 'ดช'],
    ['(ปี) อายุ', '(ปี)อายุ'],
    ['น้ำหนัก (กก.) ล่าสุด', 'น้ำหนัก(กก)ล่าสุด'],
    ['เ\u0e40ลข', 'แลข'],
  ])('%j → %j', (text, key) => expect(headerKey(text)).toBe(key));
  it('drops only a trailing unit', () => {
    expect(fieldOfHeader('(ปี) อายุ')).toBeNull();
    expect(fieldOfHeader('น้ำหนัก (กก.) ล่าสุด')).toBeNull();
    expect(fieldOfHeader('น้ำหนัก (กก.)ล่าสุด')).toBeNull();
    expect(fieldOfHeader('น้ำหนัก (กก.)')).toBe('weight');
  });
  it('reads a header written with Thai digits and invisible characters', () => {
    expect(fieldOfHeader('เลขประจำตัว\u200bประชาชน ๑๓ หลัก')).toBe('cid');
    expect(fieldOfHeader('น\u0e49\u0e4d\u0e32หนัก')).toBe('weight');
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    [' x ', ' x '],
    [0, '0'],
    [42, '42'],
    [-5, '-5'],
    [1101700207030, '1101700207030'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [-1e21, '-1e+21'],
    [45.5, '45.5'],
    [1.10170020703e12 + 0.5, String(1.10170020703e12 + 0.5)],
    [true, 'true'],
    [false, 'false'],
  ] as Array<[Cell, string]>)('%j → %j', (v, text) => expect(cellText(v)).toBe(text));
  it('writes a date cell d/m/yyyy, and an invalid one as nothing', () => {
    expect(cellText(new Date(2012, 2, 5))).toBe('5/3/2012');
    expect(cellText(new Date(2555, 11, 31))).toBe('31/12/2555');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });
});

describe('mapHeaders: the header row', () => {
  const HEAD = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'เพศ'];
  it('needs at least three known fields', () => {
    expect(mapHeaders([['ชื่อ', 'นามสกุล']])).toBeNull();
    expect(mapHeaders([['ชื่อ', 'หมายเหตุ', 'นามสกุล', 'ศาสนา']])).toBeNull();
    expect(mapHeaders([['ชื่อ', 'นามสกุล', 'เพศ']])!.columns).toEqual({ firstName: 0, lastName: 1, gender: 2 });
  });
  it('counts a field once however many columns name it', () => {
    expect(mapHeaders([['ชื่อ', 'ชื่อ', 'Name', 'ชื่อ']])).toBeNull();
    expect(mapHeaders([['ชื่อ', 'ชื่อ', 'นามสกุล']])).toBeNull();
  });
  it('searches the first ten rows, and takes the one naming most fields', () => {
    const rows: Cell[][] = [['รายชื่อนักเรียน'], ['ชื่อ', 'นามสกุล', 'เพศ'], HEAD, ['ชื่อ', 'เพศ', 'ชั้น']];
    expect(mapHeaders(rows)!.headerIndex).toBe(2);
    const tenth = [...Array.from({ length: 9 }, () => ['x']), HEAD];
    expect(mapHeaders(tenth)!.headerIndex).toBe(9);
    const eleventh = [...Array.from({ length: 10 }, () => ['x']), HEAD];
    expect(mapHeaders(eleventh)).toBeNull();
  });
  it('of rows naming as many fields, takes the first', () => {
    const rows: Cell[][] = [
      ['ชื่อ', 'นามสกุล', 'เพศ'],
      ['ชื่อ', 'นามสกุล', 'ชั้น'],
    ];
    expect(mapHeaders(rows)!.headerIndex).toBe(0);
  });
  it('takes the row the user gives, and only that row', () => {
    const rows: Cell[][] = [HEAD, ['ชื่อ', 'นามสกุล', 'เพศ'], ['a', 'b']];
    expect(mapHeaders(rows, 2)!.headerIndex).toBe(1);
    expect(mapHeaders(rows, 3)).toBeNull();
    expect(mapHeaders(rows, 7)).toBeNull();
    expect(mapHeaders(rows, 1)!.headerIndex).toBe(0);
  });
  it('ignores cells that are not text and empty sheets', () => {
    expect(mapHeaders([[1, 'ชื่อ', 'นามสกุล', 'เพศ', null, new Date(2020, 0, 1), true]])!.columns).toEqual({
      firstName: 1,
      lastName: 2,
      gender: 3,
    });
    expect(mapHeaders([])).toBeNull();
    expect(mapHeaders([[], []])).toBeNull();
  });
  it('keeps the first of two columns for one field and lists the other', () => {
    const m = mapHeaders([['ชื่อ', 'นามสกุล', 'เพศ', 'First name', 'Sex']])!;
    expect(m.columns).toEqual({ firstName: 0, lastName: 1, gender: 2 });
    expect(m.duplicates).toEqual([
      { field: 'firstName', column: 3 },
      { field: 'gender', column: 4 },
    ]);
  });
  it('gives the header texts trimmed, by column', () => {
    const m = mapHeaders([[' ชื่อ ', 'นามสกุล', 'เพศ', 5, null]])!;
    expect(m.headers).toEqual(['ชื่อ', 'นามสกุล', 'เพศ', '5', '']);
  });
});

describe('mapHeaders: content decides the citizen-ID column', () => {
  const NO_CID = ['เลขประจำตัวนักเรียน', 'ชื่อ', 'นามสกุล', 'เพศ'];
  const withColumn = (header: Cell[], values: Cell[], col = 0): Cell[][] => [
    header,
    ...values.map((v, i) => header.map((_, c) => (c === col ? v : `x${i}`))),
  ];
  const fieldOfColumn0 = (rows: Cell[][]) => {
    const m = mapHeaders(rows)!;
    return (Object.entries(m.columns) as Array<[FieldKey, number]>).find(([, c]) => c === 0)?.[0];
  };

  it('a student-number column holding 13-digit IDs is the cid column', () => {
    expect(fieldOfColumn0(withColumn(NO_CID, [id(1), id(2), id(3)]))).toBe('cid');
  });
  it('so is one holding IDs as files write them', () => {
    for (const v of [
      formatId(id(1)),
      ` ${id(1)} `,
      id(1).slice(1),
      'G650000012345',
      'g650000012345',
      '1.10170020703E+12',
      '1.10170020703E12',
      "'1.1E+12",
      Number(id(1)),
    ] as Cell[])
      expect(fieldOfColumn0(withColumn(NO_CID, [v, v, v])), String(v)).toBe('cid');
  });
  it.each([
    ['student numbers', ['19001', '19002', '19003']],
    ['11 digits', ['11017002070', '11017002071', '11017002072']],
    ['14 digits', [`${id(1)}1`, `${id(2)}1`, `${id(3)}1`]],
    ['an E+11 number', ['1.1017002070E+11', '1.1017002070E+11', '1.1017002070E+11']],
    ['G and 11 digits', ['G65000001234', 'G65000001234', 'G65000001234']],
    ['empty cells', ['', '', '']],
  ])('a column of %s stays the student number', (_what, values) => {
    expect(fieldOfColumn0(withColumn(NO_CID, values))).toBe('sid');
  });
  it('takes 60 % of the non-empty values as enough', () => {
    expect(fieldOfColumn0(withColumn(NO_CID, [id(1), id(2), id(3), '19001', '19002']))).toBe('cid');
    expect(fieldOfColumn0(withColumn(NO_CID, [id(1), id(2), '19001', '19002', '19003']))).toBe('sid');
    expect(fieldOfColumn0(withColumn(NO_CID, [id(1), '', id(2), '', id(3), '19001', '19002', '']))).toBe('cid');
    const six = [id(1), id(2), id(3), id(4), id(5), id(6), 'a', 'b', 'c', 'd'];
    expect(fieldOfColumn0(withColumn(NO_CID, six))).toBe('cid');
    expect(fieldOfColumn0(withColumn(NO_CID, [...six.slice(1), 'e']))).toBe('sid');
  });
  it('does not count cells holding only spaces', () => {
    expect(fieldOfColumn0(withColumn(NO_CID, [id(1), id(2), ' ', '  ', '\t', '19001']))).toBe('cid');
  });
  it('samples the first 50 non-empty values only', () => {
    const ids = Array.from({ length: 30 }, (_, i) => id(i));
    const numbers = Array.from({ length: 21 }, (_, i) => String(19000 + i));
    // 30 of the first 50 are IDs (60 %); a 51st value would tip it below.
    expect(fieldOfColumn0(withColumn(NO_CID, [...ids, ...numbers.slice(1), 'x', 'y', 'z']))).toBe('cid');
    // 29 of the first 50 (58 %): the IDs further down do not count.
    expect(fieldOfColumn0(withColumn(NO_CID, [...numbers, ...ids, ...ids]))).toBe('sid');
    const late = [...Array.from({ length: 50 }, (_, i) => String(19000 + i)), ...ids, ...ids, ...ids];
    expect(fieldOfColumn0(withColumn(NO_CID, late))).toBe('sid');
  });
  it('reads only the rows below the header', () => {
    const rows: Cell[][] = [[id(1)], [id(2)], [id(3)], NO_CID, ['19001', 'a', 'b', 'ช'], ['19002', 'a', 'b', 'ช']];
    expect(mapHeaders(rows)!.columns.sid).toBe(0);
  });
  it('only a student-number column may turn out to be the cid column', () => {
    const header = ['ชื่อ', 'นามสกุล', 'เพศ', 'หมายเหตุ'];
    for (const col of [0, 3]) {
      const m = mapHeaders(withColumn(header, [id(1), id(2), id(3)], col))!;
      expect(m.columns.cid).toBeUndefined();
    }
    expect(mapHeaders(withColumn(header, [id(1), id(2), id(3)], 0))!.columns.firstName).toBe(0);
  });
  it('a column named for the citizen ID keeps student-number columns as they are', () => {
    const header = ['เลขประจำตัวนักเรียน', 'เลขประจำตัวประชาชน', 'ชื่อ', 'เพศ'];
    const m = mapHeaders([header, [id(1), id(2), 'a', 'ช'], [id(3), id(4), 'b', 'ญ']])!;
    expect(m.columns).toMatchObject({ sid: 0, cid: 1 });
  });
  it('reads the DMC download: the first "เลขประจำตัวนักเรียน" is the cid, the second the student number', () => {
    const header = ['รหัสโรงเรียน', 'ชื่อโรงเรียน', 'เลขประจำตัวนักเรียน', 'ชั้น', 'ห้อง', 'เลขประจำตัวนักเรียน', 'เพศ'];
    const row = (i: number) => ['10100001', 'โรงเรียนตัวอย่าง', id(i), 'ป.6', '1', String(20000 + i), 'ช'];
    const m = mapHeaders([['วันและเวลาที่สร้างรายงาน 01/03/2570 02:00:00'], header, row(1), row(2)])!;
    expect(m.headerIndex).toBe(1);
    expect(m.columns).toMatchObject({ schoolCode: 0, cid: 2, grade: 3, room: 4, sid: 5, gender: 6 });
    expect(m.duplicates).toEqual([]);
  });
});

function formatId(d: string): string {
  return `${d[0]}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d[12]}`;
}

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i ↔ %s', (i, letters) => {
    expect(columnLetter(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
    expect(columnIndex(letters.toLowerCase())).toBe(i);
  });
  it('a1 names a cell from 0-based row and column', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 27)).toBe('AB10');
    expect(a1(1, 25)).toBe('Z2');
  });
  it('columnIndex ∘ columnLetter is the identity', () => {
    for (let i = 0; i < 2000; i += 7) expect(columnIndex(columnLetter(i))).toBe(i);
  });
});
