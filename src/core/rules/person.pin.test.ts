/**
 * Pins the prefix, gender, birth-date and age rules through validate(): age thresholds to the day, era
 * majorities, and which advice each message gives (issue 15). Check date 20 March 2027, academic year 2569.
 */
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../thai-id';
import { validate } from '../validate';
import type { Cell, Finding } from '../types';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
const COLUMNS = ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเดือนปีเกิด', 'ชั้น', 'อายุ'];
type Row = { prefix?: Cell; gender?: Cell; dob?: Cell; grade?: Cell; age?: Cell };

/** Valid ป.6 boys born 15/03/2558 (12 on the check date, 11 on 16 May 2026), changed as given. */
function run(rows: Row[], columns = COLUMNS): Finding[] {
  const cell = (r: Row, i: number, h: string): Cell => {
    switch (h) {
      case 'เลขประจำตัวประชาชน':
        return withCheckDigit(`11037${String(1e7 + i).slice(1)}`);
      case 'คำนำหน้าชื่อ':
        return r.prefix ?? 'ด.ช.';
      case 'ชื่อ':
        return 'สมชาย';
      case 'นามสกุล':
        return `ใจดี${'ก'.repeat(i)}`;
      case 'เพศ':
        return r.gender ?? 'ชาย';
      case 'วันเดือนปีเกิด':
        return r.dob ?? '15/03/2558';
      case 'ชั้น':
        return r.grade ?? 'ป.6';
      case 'อายุ':
        return r.age ?? '';
      default:
        return '';
    }
  };
  return validate([columns, ...rows.map((r, i) => columns.map((h) => cell(r, i, h)))], SETTINGS).findings;
}
const only = (found: Finding[], rule: string) => found.filter((f) => f.rule === rule);
const fires = (row: Row, rule: string) => only(run([row]), rule);

describe('prefix.age: the children’s-prefix law to the day', () => {
  it.each([
    ['ด.ช.', '20/03/2555', 15],
    ['เด็กชาย', '20/03/2555', 15],
    ['ด.ญ.', '19/03/2555', 15],
    ['เด็กหญิง', '01/01/2550', 20],
  ])('%s born %s (age %i) fires with the adult advice', (prefix, dob, age) => {
    const gender = prefix.includes('ญ') || prefix.includes('หญิง') ? 'หญิง' : 'ชาย';
    const f = fires({ prefix, dob, gender }, 'prefix.age');
    expect(f.map((x) => x.cell)).toEqual(['B2']);
    expect(f[0]!.message.en).toContain(`Age ${age} with prefix «${prefix}»`);
    expect(f[0]!.message.en).toContain('15 and over take นาย/นางสาว');
    expect(f[0]!.message.th).toContain('อายุ 15 ปีขึ้นไปใช้ นาย/นางสาว');
    expect(f[0]!.message.en).not.toContain('under 15');
  });
  it.each([
    ['ด.ช.', '21/03/2555', 'turns 15 the day after the check date'],
    ['ด.ญ.', '15/06/2555', 'turns 15 later in the year'],
    ['ด.ช.', '31/12/2555', 'turns 15 on 31 December'],
  ])('%s born %s is quiet (%s)', (prefix, dob) => {
    const gender = prefix === 'ด.ญ.' ? 'หญิง' : 'ชาย';
    expect(fires({ prefix, dob, gender }, 'prefix.age')).toEqual([]);
  });
  it.each([
    ['นาย', '21/03/2555', 14, 'ชาย'],
    ['น.ส.', '21/03/2555', 14, 'หญิง'],
    ['นางสาว', '15/06/2555', 14, 'หญิง'],
    ['นาย', '15/03/2558', 12, 'ชาย'],
  ])('%s born %s (age %i) fires with the child advice', (prefix, dob, age, gender) => {
    const f = fires({ prefix, dob, gender }, 'prefix.age');
    expect(f[0]!.message.en).toContain(`Age ${age} with prefix «${prefix}»`);
    expect(f[0]!.message.en).toContain('under 15 take เด็กชาย/เด็กหญิง');
    expect(f[0]!.message.th).toContain('อายุต่ำกว่า 15 ปีใช้ เด็กชาย/เด็กหญิง');
    expect(f[0]!.message.en).not.toContain('15 and over');
  });
  it.each([
    ['นาย', '20/03/2555', 'ชาย'],
    ['น.ส.', '01/01/2550', 'หญิง'],
  ])('%s born %s is quiet', (prefix, dob, gender) => expect(fires({ prefix, dob, gender }, 'prefix.age')).toEqual([]));
  it.each(['นาง', 'สามเณร', 'Mr', 'Miss'])('%s says nothing about age', (prefix) => {
    const gender = prefix === 'นาง' || prefix === 'Miss' ? 'หญิง' : 'ชาย';
    expect(fires({ prefix, dob: '15/03/2558', gender }, 'prefix.age')).toEqual([]);
    expect(fires({ prefix, dob: '01/01/2545', gender }, 'prefix.age')).toEqual([]);
  });
  it('is quiet without a usable birth date', () => {
    expect(fires({ prefix: 'นาย', dob: '' }, 'prefix.age')).toEqual([]);
    expect(fires({ prefix: 'นาย', dob: '31/02/2558' }, 'prefix.age')).toEqual([]);
    expect(fires({ prefix: 'นาย', dob: '01/01/2571' }, 'prefix.age')).toEqual([]);
  });
});

describe('prefix.gender', () => {
  it('names the gender the prefix implies and the one the column says', () => {
    const boy = fires({ prefix: 'ด.ญ.', gender: 'ชาย' }, 'prefix.gender');
    expect(boy.map((f) => f.cell)).toEqual(['B2']);
    expect(boy[0]!.message.en).toContain('is female but gender says male');
    expect(boy[0]!.message.th).toContain('เป็นของเพศหญิง แต่ช่องเพศเป็นชาย');
    const girl = fires({ prefix: 'ด.ช.', gender: 'F' }, 'prefix.gender');
    expect(girl[0]!.message.en).toContain('is male but gender says female');
    expect(girl[0]!.message.th).toContain('เป็นของเพศชาย แต่ช่องเพศเป็นหญิง');
  });
  it.each([
    ['นาง', 'ชาย'],
    ['สามเณร', 'หญิง'],
    ['Mr', 'F'],
    ['Miss', 'M'],
  ])('%s with %s fires', (prefix, gender) => expect(fires({ prefix, gender }, 'prefix.gender')).toHaveLength(1));
  it.each([
    ['ด.ช.', 'ช'],
    ['ด.ญ.', 2],
    ['ด.ช.', ''],
    ['ด.ช.', 'X'],
    ['ดร.', 'ชาย'],
    ['', 'หญิง'],
  ] as Array<[Cell, Cell]>)('%j with %j is quiet', (prefix, gender) =>
    expect(fires({ prefix, gender }, 'prefix.gender')).toEqual([]),
  );
});

describe('prefix.unknown and gender.invalid quote the value', () => {
  it('prefix.unknown', () => {
    const f = fires({ prefix: 'ดร.' }, 'prefix.unknown');
    expect(f[0]!.message.en).toContain('Unknown prefix «ดร.»');
    expect(fires({ prefix: 'ด.ช' }, 'prefix.unknown')).toEqual([]);
  });
  it('gender.invalid', () => {
    const f = fires({ gender: 'X' }, 'gender.invalid');
    expect(f[0]!.message.en).toContain('Unknown gender «X»');
    expect(f[0]!.cell).toBe('E2');
  });
});

describe('dob.future', () => {
  it.each([
    ['20/03/2570', false],
    ['21/03/2570', true],
    ['20/03/2027', false],
    ['21/03/2027', true],
    ['01/01/2571', true],
  ])('born %s: fires %s', (dob, yes) => {
    const f = fires({ dob }, 'dob.future');
    expect(f.length > 0).toBe(yes);
    if (yes) expect(f[0]!.message.en).toMatch(/^Date of birth \d\d\/\d\d\/25\d\d is after the check date/);
  });
  it('shows the date in Buddhist Era', () => {
    expect(fires({ dob: '21/03/2027' }, 'dob.future')[0]!.message.th).toContain('21/03/2570');
  });
});

describe('dob.era: the minority era of the column', () => {
  const era = (dobs: Cell[]) => only(run(dobs.map((dob) => ({ dob }))), 'dob.era');
  it('a CE year among mostly BE ones', () => {
    const f = era(['15/03/2015', '01/04/2558', '02/05/2558']);
    expect(f.map((x) => x.cell)).toEqual(['F2']);
    expect(f[0]!.message.en).toContain('uses a CE year while most rows use BE');
    expect(f[0]!.message.th).toContain('ใช้ปี ค.ศ. ขณะที่แถวอื่นส่วนใหญ่ใช้ พ.ศ.');
  });
  it('a BE year among mostly CE ones', () => {
    const f = era(['15/03/2015', '01/04/2015', '02/05/2558']);
    expect(f.map((x) => x.cell)).toEqual(['F4']);
    expect(f[0]!.message.en).toContain('uses a BE year while most rows use CE');
    expect(f[0]!.message.th).toContain('ใช้ปี พ.ศ. ขณะที่แถวอื่นส่วนใหญ่ใช้ ค.ศ.');
  });
  it('a tie says nothing', () => {
    expect(era(['15/03/2015', '01/04/2558'])).toEqual([]);
    expect(era(['15/03/2015', '01/04/2558', '02/05/2015', '02/05/2558'])).toEqual([]);
  });
  it('one era throughout says nothing', () => {
    expect(era(['15/03/2558', '01/04/2558'])).toEqual([]);
    expect(era(['15/03/2015', '01/04/2015'])).toEqual([]);
  });
  it('date cells and unreadable dates carry no era and do not vote', () => {
    expect(era([new Date(2015, 2, 15), new Date(2015, 3, 1), '02/05/2558'])).toEqual([]);
    expect(era(['xx', 'yy', '02/05/2558', '02/05/2015', '03/05/2015'])).toHaveLength(1);
  });
});

describe('age.implausible: under 2 or over 25', () => {
  it.each([
    ['20/03/2568', false, 2],
    ['21/03/2568', true, 1],
    ['01/01/2570', true, 0],
    ['21/03/2545', false, 24],
    ['21/03/2544', false, 25],
    ['20/03/2544', true, 26],
    ['15/03/2000', true, 27],
  ])('born %s: fires %s (age %i)', (dob, yes, age) => {
    const f = fires({ dob }, 'age.implausible');
    expect(f.length > 0).toBe(yes);
    if (yes) expect(f[0]!.message.en).toContain(`Age ${age} on the check date`);
  });
  it('says nothing about a date after the check date (dob.future does)', () => {
    expect(fires({ dob: '21/03/2570' }, 'age.implausible')).toEqual([]);
  });
});

describe('age.mismatch: more than a year off', () => {
  it.each([
    [12, false],
    [11, false],
    [13, false],
    [10, true],
    [14, true],
    ['12.5', false],
    ['13.5', true],
    ['๑๒', false],
    ['๑๕', true],
    ['', false],
    ['-', false],
    ['สิบสอง', false],
  ] as Array<[Cell, boolean]>)('written %j for a 12-year-old: fires %s', (age, yes) => {
    const f = fires({ age }, 'age.mismatch');
    expect(f.length > 0).toBe(yes);
    if (yes) {
      expect(f[0]!.cell).toBe('H2');
      expect(f[0]!.message.en).toContain(`Age says «${age}» but the date of birth gives 12`);
    }
  });
});

describe('age.mismatch needs a birth date to compare with', () => {
  it.each(['31/02/2558', 'xx', '01/01/2571'])('is quiet for dob %j', (dob) => {
    expect(fires({ dob, age: 40 }, 'age.mismatch')).toEqual([]);
  });
});

describe('age.grade: age on 16 May of the academic year', () => {
  it.each([
    ['ป.6', '16/05/2559', 10, false],
    ['ป.6', '17/05/2559', 9, true],
    ['ป.6', '17/05/2554', 14, false],
    ['ป.6', '16/05/2554', 15, true],
    ['ป.1', '16/05/2564', 5, false],
    ['ป.1', '17/05/2564', 4, true],
    ['ป.1', '16/05/2559', 10, true],
    ['ม.1', '16/05/2558', 11, false],
    ['ม.1', '17/05/2558', 10, true],
    ['ม.6', '16/05/2549', 20, false],
    ['ม.6', '16/05/2548', 21, true],
    ['ม.6', '16/05/2554', 15, true],
    ['อ.1', '16/05/2567', 2, false],
    ['อ.3', '16/05/2565', 4, false],
    ['อ.3', '17/05/2565', 3, true],
    ['ปวช.1', '16/05/2555', 14, false],
    ['ปวช.1', '17/05/2555', 13, true],
    ['ปวช.3', '16/05/2549', 20, false],
    ['ปวช.3', '16/05/2548', 21, true],
  ])('%s born %s (age %i on 16 May 2026): fires %s', (grade, dob, age, yes) => {
    const f = fires({ grade, dob }, 'age.grade');
    expect(f.length > 0).toBe(yes);
    if (yes) {
      expect(f[0]!.cell).toBe('F2');
      expect(f[0]!.message.en).toContain(`Age ${age} (on 16 May) in ${grade}`);
    }
  });
  it('names the expected age of the grade', () => {
    expect(fires({ grade: 'ป.6', dob: '17/05/2559' }, 'age.grade')[0]!.message.en).toContain('about 11 is expected');
    expect(fires({ grade: 'ปวช.1', dob: '17/05/2555' }, 'age.grade')[0]!.message.en).toContain('about 15 is expected');
  });
  it('leaves an impossible age to age.implausible', () => {
    expect(fires({ grade: 'ม.6', dob: '21/03/2568' }, 'age.grade')).toEqual([]);
    expect(fires({ grade: 'ป.1', dob: '20/03/2544' }, 'age.grade')).toEqual([]);
    expect(fires({ grade: 'ป.1', dob: '21/03/2544' }, 'age.grade')).toHaveLength(1);
  });
  it('needs a grade it knows', () => {
    expect(fires({ grade: 'ป.9', dob: '01/01/2540' }, 'age.grade')).toEqual([]);
    expect(fires({ grade: 'ป.9', dob: '15/03/2558' }, 'age.grade')).toEqual([]);
  });
  it('applies from age 2 on the check date', () => {
    expect(fires({ grade: 'ป.6', dob: '20/03/2568' }, 'age.grade')).toHaveLength(1);
  });
});

describe('missing and invalid values', () => {
  it.each([
    ['prefix', { prefix: '' }, 'prefix.missing', 'B2'],
    ['gender', { gender: '-' }, 'gender.missing', 'E2'],
    ['dob', { dob: '' }, 'dob.missing', 'F2'],
    ['dob', { dob: '31/02/2558' }, 'dob.invalid', 'F2'],
  ] as Array<[string, Row, string, string]>)('%s %j → %s at %s', (_f, row, rule, cell) => {
    expect(fires(row, rule).map((f) => f.cell)).toEqual([cell]);
  });
  it('dob.invalid quotes the value', () => {
    expect(fires({ dob: '31/02/2558' }, 'dob.invalid')[0]!.message.en).toContain('«31/02/2558»');
  });
  it('dob.invalid says which date an Excel date number stands for, as text or as a number cell', () => {
    for (const dob of ['42078', 42078]) {
      const [f] = fires({ dob }, 'dob.invalid');
      expect(f!.message.th).toBe(
        'วันเกิด «42078» เป็นเลขวันที่ของ Excel (คือ 15/03/2558) — จัดรูปแบบเซลล์เป็นวันที่ หรือพิมพ์ วว/ดด/ปปปป พ.ศ.',
      );
      expect(f!.message.en).toContain('is an Excel date number (15/03/2558)');
    }
  });
  it.each([
    ['18264', '01/01/2493'],
    ['73415', '31/12/2643'],
  ])('%s, at the edge of the years a birth date can have, is read as %s', (dob, date) => {
    expect(fires({ dob }, 'dob.invalid')[0]!.message.en).toContain(`Excel date number (${date})`);
  });
  it.each(['18263', '73416', '4208', '420781', '42078.5'])('%s is no Excel birth date: the plain message', (dob) => {
    expect(fires({ dob }, 'dob.invalid')[0]!.message.en).toContain('cannot be read');
  });
});
