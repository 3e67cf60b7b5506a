/** Pins every vocabulary entry of RULES.md: prefixes, genders, grades, statuses, exam values, classes named by a sheet (issue 15). */
import { describe, expect, it } from 'vitest';
import {
  ALL_GRADES,
  gradeOfSheetName,
  gradeOfTitle,
  isPresentStatus,
  isThaiNationality,
  lookupGender,
  lookupPrefix,
  parseExam,
  parseGrade,
  parseStatus,
  splitFullName,
  startsWithPrefix,
  type Status,
} from './vocab';

describe('lookupPrefix: every written form', () => {
  it.each([
    ['เด็กชาย', 'เด็กชาย', 'M', 'child'],
    ['ด.ช.', 'เด็กชาย', 'M', 'child'],
    ['ด.ช', 'เด็กชาย', 'M', 'child'],
    ['ดช', 'เด็กชาย', 'M', 'child'],
    ['ด. ช.', 'เด็กชาย', 'M', 'child'],
    [' ด.ช. ', 'เด็กชาย', 'M', 'child'],
    ['เด็กหญิง', 'เด็กหญิง', 'F', 'child'],
    ['ด.ญ.', 'เด็กหญิง', 'F', 'child'],
    ['ดญ', 'เด็กหญิง', 'F', 'child'],
    ['ด. ญ', 'เด็กหญิง', 'F', 'child'],
    ['นางสาว', 'นางสาว', 'F', 'adult'],
    ['น.ส.', 'นางสาว', 'F', 'adult'],
    ['นส', 'นางสาว', 'F', 'adult'],
    ['น. ส.', 'นางสาว', 'F', 'adult'],
    ['นาย', 'นาย', 'M', 'adult'],
    ['นาง', 'นาง', 'F', null],
    ['สามเณร', 'สามเณร', 'M', null],
    ['ส.ณ.', 'สามเณร', 'M', null],
    ['สณ', 'สามเณร', 'M', null],
    ['Mr', 'Mr', 'M', null],
    ['Mr.', 'Mr', 'M', null],
    ['MR', 'Mr', 'M', null],
    ['Master', 'Mr', 'M', null],
    ['master', 'Mr', 'M', null],
    ['Miss', 'Miss', 'F', null],
    ['Ms', 'Miss', 'F', null],
    ['Ms.', 'Miss', 'F', null],
    ['Mrs', 'Miss', 'F', null],
    ['mrs.', 'Miss', 'F', null],
  ])('%j → %s (%s, %s)', (text, name, gender, band) => {
    expect(lookupPrefix(text)).toEqual({ name, gender, band });
  });
  it.each(['ดร.', 'คุณ', 'นางสาวว', 'เด็ก', 'ด', 'Dr', 'Mister', ''])('%j is no prefix', (text) =>
    expect(lookupPrefix(text)).toBeNull(),
  );
  it('reads the prefix written with the typing slips files hold', () => {
    expect(lookupPrefix('เด็ก\u200bชาย')?.name).toBe('เด็กชาย');
    expect(lookupPrefix('ด.ช.\u00a0')?.name).toBe('เด็กชาย');
  });
});

describe('splitFullName', () => {
  it.each([
    ['ด.ช. สมชาย ใจดี', 'ด.ช.', 'สมชาย', 'ใจดี'],
    ['ด.ช.สมชาย ใจดี', 'ด.ช.', 'สมชาย', 'ใจดี'],
    ['ด. ช. สมชาย ใจดี', 'ด. ช.', 'สมชาย', 'ใจดี'],
    ['ดช สมชาย ใจดี', 'ดช', 'สมชาย', 'ใจดี'],
    ['เด็กชายสมชาย ใจดี', 'เด็กชาย', 'สมชาย', 'ใจดี'],
    ['เด็กหญิงสมศรี มีสุข', 'เด็กหญิง', 'สมศรี', 'มีสุข'],
    ['ด.ญ.สมศรี มีสุข', 'ด.ญ.', 'สมศรี', 'มีสุข'],
    ['นางสาวสมศรี มีสุข', 'นางสาว', 'สมศรี', 'มีสุข'],
    ['น.ส. สมศรี มีสุข', 'น.ส.', 'สมศรี', 'มีสุข'],
    ['นาง สมศรี มีสุข', 'นาง', 'สมศรี', 'มีสุข'],
    ['นาย สมชาย ใจดี', 'นาย', 'สมชาย', 'ใจดี'],
    ['สามเณรสมชาย ใจดี', 'สามเณร', 'สมชาย', 'ใจดี'],
    ['ส.ณ. สมชาย ใจดี', 'ส.ณ.', 'สมชาย', 'ใจดี'],
    ['Mr. John Smith', 'Mr', 'John', 'Smith'],
    ['Master Tom Lee', 'Master', 'Tom', 'Lee'],
    ['mr. john smith', 'mr', 'john', 'smith'],
    ['MISS JANE DOE', 'MISS', 'JANE', 'DOE'],
    ['Miss Jane Doe', 'Miss', 'Jane', 'Doe'],
    ['Mrs Jane Doe', 'Mrs', 'Jane', 'Doe'],
    ['Ms. Jane Doe', 'Ms', 'Jane', 'Doe'],
    ['  ด.ช.   สมชาย   ใจดี  ', 'ด.ช.', 'สมชาย', 'ใจดี'],
    ['สมชาย ใจดี', '', 'สมชาย', 'ใจดี'],
    ['สมชาย', '', 'สมชาย', ''],
    ['ด.ช. สมชาย', 'ด.ช.', 'สมชาย', ''],
    ['สมชาย ณ อยุธยา', '', 'สมชาย', 'ณ อยุธยา'],
    ['', '', '', ''],
  ])('%j → %j | %j | %j', (full, prefix, firstName, lastName) => {
    expect(splitFullName(full)).toEqual({ prefix, firstName, lastName });
  });
});

describe('startsWithPrefix', () => {
  it.each([
    'ด.ช.สมชาย',
    'ด. ช. สมชาย',
    'ด.ชสมชาย',
    'ด . ช .สมชาย',
    'ด.ช สมชาย',
    'น . ส .สมศรี',
    'น.ส สมศรี',
    'ส . ณ .สมชาย',
    'ส.ณ สมชาย',
    'ด.ญ.สมศรี',
    'เด็กชายสมชาย',
    'เด็กหญิงสมศรี',
    'นางสาวสมศรี',
    'สามเณรสมชาย',
    'น.ส.สมศรี',
    'น. ส.สมศรี',
    'ส.ณ.สมชาย',
    'นาย สมชาย',
    'นาย.สมชาย',
    'นาง สมศรี',
    'Mr. John',
    'mr John',
    'mrs Jane',
    'Ms.Jane',
    'Miss Jane',
    'master Tom',
    '  นาย สมชาย',
  ])('%j starts with a prefix', (name) => expect(startsWithPrefix(name)).toBe(true));
  it.each([
    'สมเด็กชาย',
    'สมชาย',
    'นายิกา',
    'นางนวล',
    'นาฏยา',
    'ดชสมชาย',
    'Mrinal',
    'Missy',
    'Masterson',
    'ดวงใจ',
    'นสมชาย',
    '',
  ])('%j does not', (name) => expect(startsWithPrefix(name)).toBe(false));
});

describe('lookupGender', () => {
  it.each([
    ['ชาย', 'M'],
    ['ช', 'M'],
    ['ช.', 'M'],
    [' ชาย ', 'M'],
    ['M', 'M'],
    ['m', 'M'],
    ['Male', 'M'],
    ['MALE', 'M'],
    ['1', 'M'],
    ['๑', 'M'],
    ['หญิง', 'F'],
    ['ญ', 'F'],
    ['F', 'F'],
    ['f', 'F'],
    ['Female', 'F'],
    ['2', 'F'],
    ['๒', 'F'],
  ])('%j → %s', (text, gender) => expect(lookupGender(text)).toBe(gender));
  it.each(['X', '3', '0', 'ชายหญิง', 'man', 'w', ''])('%j is no gender', (text) =>
    expect(lookupGender(text)).toBeNull(),
  );
});

describe('parseGrade: every spelling', () => {
  const cases: Array<[string, string]> = [
    ...[1, 2, 3].flatMap((n): Array<[string, string]> => [
      [`อ.${n}`, `อ.${n}`],
      [`อ ${n}`, `อ.${n}`],
      [`อ${n}`, `อ.${n}`],
      [`อนุบาล ${n}`, `อ.${n}`],
      [`อนุบาล${n}`, `อ.${n}`],
      [`อนุบาลปีที่ ${n}`, `อ.${n}`],
      [`K${n}`, `อ.${n}`],
      [`KG${n}`, `อ.${n}`],
      [`kg ${n}`, `อ.${n}`],
    ]),
    ...[1, 2, 3, 4, 5, 6].flatMap((n): Array<[string, string]> => [
      [`ป.${n}`, `ป.${n}`],
      [`ป${n}`, `ป.${n}`],
      [`ป. ${n}`, `ป.${n}`],
      [`ประถมศึกษาปีที่ ${n}`, `ป.${n}`],
      [`ประถมศึกษาปีที่${n}`, `ป.${n}`],
      [`ประถม ${n}`, `ป.${n}`],
      [`P${n}`, `ป.${n}`],
      [`p.${n}`, `ป.${n}`],
      [`Grade ${n}`, `ป.${n}`],
      [`เกรด ${n}`, `ป.${n}`],
      [`ม.${n}`, `ม.${n}`],
      [`ม${n}`, `ม.${n}`],
      [`มัธยมศึกษาปีที่ ${n}`, `ม.${n}`],
      [`มัธยม ${n}`, `ม.${n}`],
      [`M${n}`, `ม.${n}`],
      [`m ${n}`, `ม.${n}`],
      [`Grade ${n + 6}`, `ม.${n}`],
      [`เกรด ${n + 6}`, `ม.${n}`],
    ]),
    ...[1, 2, 3].flatMap((n): Array<[string, string]> => [
      [`ปวช.${n}`, `ปวช.${n}`],
      [`ปวช. ${n}`, `ปวช.${n}`],
      [`ปวช${n}`, `ปวช.${n}`],
      [`ประกาศนียบัตรวิชาชีพปีที่ ${n}`, `ปวช.${n}`],
      [`ประกาศนียบัตรวิชาชีพ ${n}`, `ปวช.${n}`],
      [`Voc ${n}`, `ปวช.${n}`],
      [`voc.${n}`, `ปวช.${n}`],
      [`Vocational ${n}`, `ปวช.${n}`],
    ]),
    ['ชั้น ป.3', 'ป.3'],
    ['อนุบาล ปีที่ 2', 'อ.2'],
    ['ป.ว.ช. 1', 'ปวช.1'],
    ['K.G. 3', 'อ.3'],
    ['ชั้นป.3', 'ป.3'],
    ['ป.๓', 'ป.3'],
    ['ชั้นมัธยมศึกษาปีที่ ๖', 'ม.6'],
    ['  ป.3  ', 'ป.3'],
    ['GRADE 12', 'ม.6'],
  ];
  it.each(cases)('%j → %s', (text, label) => {
    expect(parseGrade(text)?.label).toBe(label);
    expect(parseGrade(text)?.room).toBeNull();
  });
  it.each([
    'อ.0',
    'อ.4',
    'K4',
    'ป.0',
    'ป.7',
    'P7',
    'ม.0',
    'ม.7',
    'M7',
    'ปวช.0',
    'ปวช.4',
    'Voc 4',
    'Grade 0',
    'Grade 13',
    'ปวส.1',
    'ป.',
    '3',
    'ป.100',
    'ปป.3',
    'ปอ.1',
    'อส.1',
    'อม.1',
    'มศ.1',
    'ปปวช.1',
    'vocab 1',
    'ป.3 ชั้น',
    'Year 3',
    '',
  ])('%j is no grade', (text) => expect(parseGrade(text)).toBeNull());

  it.each([
    ['อ.1', 0, 3],
    ['อ.2', 1, 4],
    ['อ.3', 2, 5],
    ['ป.1', 3, 6],
    ['ป.2', 4, 7],
    ['ป.3', 5, 8],
    ['ป.4', 6, 9],
    ['ป.5', 7, 10],
    ['ป.6', 8, 11],
    ['ม.1', 9, 12],
    ['ม.2', 10, 13],
    ['ม.3', 11, 14],
    ['ม.4', 12, 15],
    ['ม.5', 13, 16],
    ['ม.6', 14, 17],
    ['ปวช.1', 15, 15],
    ['ปวช.2', 16, 16],
    ['ปวช.3', 17, 17],
  ])('%s: order %i, expected age %i on 16 May', (label, order, expectedAge) => {
    // A spelling no other test reads: parseGrade remembers results, and a mutant must be computed here.
    expect(parseGrade(`\t${label}`)).toEqual({ label, order, expectedAge, room: null });
  });
  it('lists every grade in school order', () => {
    expect(ALL_GRADES).toEqual([
      'อ.1',
      'อ.2',
      'อ.3',
      'ป.1',
      'ป.2',
      'ป.3',
      'ป.4',
      'ป.5',
      'ป.6',
      'ม.1',
      'ม.2',
      'ม.3',
      'ม.4',
      'ม.5',
      'ม.6',
      'ปวช.1',
      'ปวช.2',
      'ปวช.3',
    ]);
  });
  it.each([
    ['ป.3/1', 'ป.3', 1],
    ['ป.3 / 12', 'ป.3', 12],
    ['ม.1/๒', 'ม.1', 2],
    ['ชั้น ม.6/10', 'ม.6', 10],
    ['ปวช.2/1', 'ปวช.2', 1],
    ['Grade 7/3', 'ม.1', 3],
  ])('%j is grade %s, room %i', (text, label, room) => {
    expect(parseGrade(text)).toMatchObject({ label, room });
  });
  it.each(['ม.1/100', 'ป.3/', 'ป.3/a', '/1'])('%j is no grade', (text) => expect(parseGrade(text)).toBeNull());
});

describe('parseStatus', () => {
  const cases: Array<[string, Status]> = [
    ['', 'present'],
    ['  ', 'present'],
    ['ปกติ', 'present'],
    ['กำลังศึกษา', 'present'],
    ['กำลัง ศึกษา', 'present'],
    ['เรียนอยู่', 'present'],
    ['Present', 'present'],
    ['active', 'present'],
    ['Enrolled', 'present'],
    ['ย้ายเข้า', 'joined'],
    ['เพิ่ม', 'joined'],
    ['นักเรียนเพิ่ม', 'joined'],
    ['เพิ่มระหว่างปี', 'joined'],
    ['transferred in', 'joined'],
    ['Moved in', 'joined'],
    ['joined', 'joined'],
    ['New', 'joined'],
    ['ย้ายออก', 'left'],
    ['จำหน่าย', 'left'],
    ['จำหน่าย (ย้ายออก)', 'left'],
    ['transferred out', 'left'],
    ['moved out', 'left'],
    ['ลาออก', 'left'],
    ['พ้นสภาพ', 'left'],
    ['เสียชีวิต', 'left'],
    ['Left', 'left'],
    ['ออกกลางคัน', 'dropout'],
    ['ย้ายออก (ออกกลางคัน)', 'dropout'],
    ['Dropout', 'dropout'],
    ['drop-out', 'dropout'],
    ['drop out', 'dropout'],
    ['จบการศึกษา', 'graduated'],
    ['จบ', 'graduated'],
    ['Graduated', 'graduated'],
    ['ไม่ปกติ', 'other'],
    ['ปกติดี', 'other'],
    ['ยังไม่จบ', 'other'],
    ['renew', 'other'],
    ['newly', 'other'],
    ['left school', 'other'],
    ['rejoined', 'other'],
    ['joined late', 'other'],
    ['has left', 'other'],
    ['พักการเรียน', 'other'],
  ];
  it.each(cases)('%j → %s', (text, status) => expect(parseStatus(text)).toBe(status));
  it.each([
    ['present', true],
    ['joined', true],
    ['other', true],
    ['left', false],
    ['dropout', false],
    ['graduated', false],
  ] as Array<[Status, boolean]>)('%s counts as present: %s', (status, present) =>
    expect(isPresentStatus(status)).toBe(present),
  );
});

describe('parseExam', () => {
  it.each(['สอบ', 'เข้าสอบ', 'มีผลสอบ', '✓', '✔', 'Y', 'y', 'Yes', 'YES', '1', '๑', 'TRUE', 'true', ' สอบ '])(
    '%j: took',
    (text) => expect(parseExam(text)).toBe('took'),
  );
  it.each([
    'ไม่สอบ',
    'ไม่เข้าสอบ',
    'ขาดสอบ',
    'ขส',
    'มส',
    'มส.',
    'ไม่มีสิทธิ์สอบ',
    '✗',
    '✘',
    'x',
    'X',
    'N',
    'No',
    '0',
    'FALSE',
    'false',
  ])('%j: did not', (text) => expect(parseExam(text)).toBe('not'));
  it.each(['', '  ', '.'])('%j: blank', (text) => expect(parseExam(text)).toBe('blank'));
  it.each(['ขาด', 'สอบแล้ว', 'maybe', '2'])('%j: unknown', (text) => expect(parseExam(text)).toBe('unknown'));
});

describe('isThaiNationality', () => {
  it.each(['ไทย', ' ไทย ', 'Thai', 'THAI', 'สัญชาติไทย', 'สัญชาติ ไทย'])('%j is Thai', (t) =>
    expect(isThaiNationality(t)).toBe(true),
  );
  it.each(['ลาว', 'เมียนมา', 'Thailand', 'ไม่ใช่ไทย', ''])('%j is not', (t) => expect(isThaiNationality(t)).toBe(false));
});

describe('the class a sheet names', () => {
  it.each([
    ['ม.1-1', 'ม.1', 1],
    ['ป.6/2', 'ป.6', 2],
    ['ม1_2', 'ม.1', 2],
    ['ป.6', 'ป.6', null],
    ['ปวช.1', 'ปวช.1', null],
    ['ชั้น ม.2-3', 'ม.2', 3],
    ['ชั้นม.2', 'ม.2', null],
    ['ม.1 ห้อง 2', 'ม.1', 2],
    ['ม.1ห้อง2', 'ม.1', 2],
    ['ป.6 - 2', 'ป.6', 2],
    ['ม.1-10', 'ม.1', 10],
    [' อ.2 ', 'อ.2', null],
    ['ม.1-1 ', 'ม.1', 1],
  ])('sheet %j → %s room %s', (name, label, room) => {
    expect(gradeOfSheetName(name)).toMatchObject({ label, room });
  });
  it.each(['Sheet1', 'สรุป', 'คำชี้แจง', 'ม.1-100', 'ป.', '2567', ''])('sheet %j names no class', (name) =>
    expect(gradeOfSheetName(name)).toBeNull(),
  );

  it.each([
    [['ชั้น ม.1/1'], 'ม.1', 1],
    [['รายชื่อนักเรียน ชั้น ป.๖/๒ ปีการศึกษา 2567'], 'ป.6', 2],
    [['ชั้นมัธยมศึกษาปีที่ 1/1'], 'ม.1', 1],
    [['ชั้นประถมศึกษาปีที่ 4'], 'ป.4', null],
    [['ชั้นอนุบาล 2'], 'อ.2', null],
    [['ชั้นอนุบาลปีที่ 3'], 'อ.3', null],
    [['ชั้น ปวช. 1'], 'ปวช.1', null],
    [['ชั้น ประกาศนียบัตรวิชาชีพปีที่ 2/1'], 'ปวช.2', 1],
    [['ชั้นม3'], 'ม.3', null],
    [['ชั้น ม.1 / 2'], 'ม.1', 2],
    [['ชั้น ม.1/10'], 'ม.1', 10],
    [['ชั้น ปวช 1'], 'ปวช.1', null],
    [['ชั้นประกาศนียบัตรวิชาชีพ 2'], 'ปวช.2', null],
    [['โรงเรียนตัวอย่าง', 'ชั้น ม.1/1', 'ชั้น ม.1/1'], 'ม.1', 1],
  ])('title %j → %s room %s', (lines, label, room) => {
    expect(gradeOfTitle(lines)).toMatchObject({ label, room });
  });
  it.each([
    [['ชั้น ม.1/1', 'ชั้น ม.1/2']],
    [['ชั้น ม.1', 'ชั้น ม.2']],
    [['ชั้น ม.1/1 และ ชั้น ป.6/1']],
    [['รายชื่อนักเรียน ม.1/1']],
    [['ชั้น ม.9']],
    [['ชั้น ป.12']],
    [[]],
  ])('title %j names no one class', (lines) => expect(gradeOfTitle(lines)).toBeNull());
});
