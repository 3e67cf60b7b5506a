/**
 * Pins the student-number and name rules through validate(): which student numbers DMC takes as one, every
 * character a name may hold and the near-misses it may not, the spacing slips, each typing slip's advice, and
 * the near-duplicate law (issue 15). Check date 20 March 2027.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, cidOf, findingsOf, roster, SETTINGS, type Case } from '../../../test/support/rules';
import { withCheckDigit } from '../thai-id';
import { nameKey } from '../text';
import type { Cell, Finding } from '../types';
import { validate, validateWorkbook } from '../validate';
import { rulesMarkdown } from '../rules-doc';
import { studentNumberKey } from '../digits-key';

const fires = (c: Case, rule: string): Finding[] => findingsOf(c, rule);
const FULL: Case['columns'] = ['cid', 'fullName', 'gender', 'dob', 'grade'];

describe('student numbers DMC takes as one', () => {
  it.each([
    ['123', '123'],
    ['0123', '123'],
    ['00123', '123'],
    ["'0123", '123'],
    ['\u20190123', '123'],
    ['19001.0', '19001'],
    ['1.00', '1'],
    ['๑๒๓', '123'],
    [' 123 ', '123'],
    ['0', '0'],
    ['000', '0'],
    ['0.0', '0'],
  ])('%j reads as %j', (text, key) => expect(studentNumberKey(text)).toBe(key));
  it.each([
    ['100', '100'],
    ['1230', '1230'],
    ['19001.5', '19001.5'],
    ['1.05', '1.05'],
    ["1'23", "1'23"],
    ['x1.0', 'x1.0'],
    ['12.0.0', '12.0.0'],
    ['A0123', 'A0123'],
    ['0A', '0A'],
  ])('%j keeps what makes it another number (%j)', (text, key) => expect(studentNumberKey(text)).toBe(key));
  it.each([
    ["'0123", 123],
    ['19001.0', 19001],
    ['๑๒๓', '123'],
  ] as Array<[Cell, Cell]>)('%j and %j are one number: sid.duplicate on both rows', (a, b) => {
    const found = fires({ row: { sid: a }, more: [{ sid: b }] }, 'sid.duplicate');
    expect(found.map((f) => f.cell)).toEqual(['B2', 'B3']);
    expect(found[0]!.message.en).toBe('Same student ID as row 3 — check the school register');
    expect(found[1]!.message.th).toBe('เลขประจำตัวนักเรียนซ้ำกับแถว 2 — ตรวจกับทะเบียนนักเรียน');
  });
  it.each([
    ['100', '10'],
    ['1.05', '15'],
    ['1230', '123'],
  ])('%j and %j are two numbers', (a, b) =>
    expect(fires({ row: { sid: a }, more: [{ sid: b }] }, 'sid.duplicate')).toEqual([]),
  );
  it('sid.missing says where the number comes from', () => {
    const f = fires({ row: { sid: '' } }, 'sid.missing');
    expect(f[0]!.message.en).toBe('Student ID is empty — enter it from the school register');
    expect(f[0]!.message.th).toBe('ไม่มีเลขประจำตัวนักเรียน — กรอกจากทะเบียนนักเรียน');
  });
});

describe('name.first.missing and name.last.missing', () => {
  it('name the field in both languages', () => {
    const first = fires({ row: { firstName: '' } }, 'name.first.missing')[0]!;
    expect(first.message.en).toBe('First name is empty — enter it as in the house registration');
    expect(first.message.th).toBe('ไม่มีชื่อ — กรอกตามทะเบียนบ้านหรือบัตรประชาชน');
    const last = fires({ row: { lastName: '' } }, 'name.last.missing')[0]!;
    expect(last.message.en).toBe('Last name is empty — enter it as in the house registration');
    expect(last.message.th).toBe('ไม่มีนามสกุล — กรอกตามทะเบียนบ้านหรือบัตรประชาชน');
  });
  it.each(['', '-', '\u2013', '\u2014'])('%j is no name: missing, and nothing else said about it', (firstName) => {
    const rules = check({ row: { firstName } })
      .findings.filter((f) => f.cell === 'D2')
      .map((f) => f.rule);
    expect(rules).toEqual(['name.first.missing']);
  });
  it('a sheet without the column is not told each row is missing it', () => {
    const columns: Case['columns'] = ['cid', 'sid', 'gender', 'dob', 'grade'];
    const rules = (c: Case) => [...fires(c, 'name.first.missing'), ...fires(c, 'name.last.missing')];
    expect(rules({ columns })).toEqual([]);
  });
});

describe('name.invalid-chars: what a name may hold', () => {
  it.each([
    ['a Thai name with vowels and tone marks', 'ปวริศ์ ธีรภัทร์'],
    ['a space', 'ณ อยุธยา'],
    ['a dot', 'ส.ณ'],
    ['a hyphen', 'Jean-Luc'],
    ['an apostrophe', "O'Brien"],
    ['a typographic apostrophe', 'O\u2019Brien'],
    ['a no-break space', 'ณ\u00a0อยุธยา'],
    ['zero-width space, non-joiner, joiner', 'ส\u200bม\u200cช\u200dาย'],
    ['word joiner and BOM', 'สม\u2060ชาย\ufeff'],
    ['Latin with accents', 'Zoë Ångström'],
    ['another script', '王小明'],
  ])('%s: quiet', (_what, lastName) => expect(fires({ row: { lastName } }, 'name.invalid-chars')).toEqual([]));
  it.each([
    ['สมชาย2', '2'],
    ['สม๑', '๑'],
    ['สม@ชาย', '@'],
    ['สม,ชาย', ','],
    ['สม_ชาย', '_'],
    ['สม/ชาย', '/'],
    ['สม(ชาย)', '('],
    ['สม"ชาย', '"'],
    ['สม\u2018ชาย', '\u2018'],
    ['สม\u2013ชาย', '\u2013'],
    ['สม\u2061ชาย', '\u2061'],
    ['สม\u200eชาย', '\u200e'],
  ])('%j: fires, naming %j', (firstName, char) => {
    const f = fires({ row: { firstName } }, 'name.invalid-chars');
    expect(f.map((x) => x.cell)).toEqual(['D2']);
    expect(f[0]!.message.en).toBe(`First name «${firstName}» contains a digit or symbol («${char}») — remove it`);
    expect(f[0]!.message.th).toBe(`ชื่อ «${firstName}» มีตัวเลขหรือสัญลักษณ์ («${char}») — ลบออก`);
  });
  it('each name of the row is told on its own cell', () => {
    const f = fires({ row: { firstName: 'สม1', lastName: 'ใจ2' } }, 'name.invalid-chars');
    expect(f.map((x) => [x.cell, x.value])).toEqual([
      ['D2', 'สม1'],
      ['E2', 'ใจ2'],
    ]);
    expect(f[1]!.message.en).toBe('Last name «ใจ2» contains a digit or symbol («2») — remove it');
  });
  it('a name split from a full-name column is told with the name, not the whole cell', () => {
    const f = fires({ columns: FULL, row: { fullName: 'ด.ช. สม1 ใจดี' } }, 'name.invalid-chars');
    expect(f.map((x) => [x.cell, x.value])).toEqual([['B2', 'สม1']]);
  });
});

describe('name.whitespace', () => {
  it.each([
    ['a doubled space', 'ณ  อยุธยา'],
    ['a tab and a space', 'ณ\t อยุธยา'],
    ['a no-break space', 'ณ\u00a0อยุธยา'],
    ['a leading tab', '\tใจดี'],
    ['a trailing no-break space', 'ใจดี\u00a0'],
    ['a soft hyphen', 'ใจ\u00adดี'],
    ['a word joiner', 'ใจ\u2060ดี'],
    ['a BOM', '\ufeffใจดี'],
    ['a zero-width non-joiner', 'ใจ\u200cดี'],
    ['a zero-width joiner', 'ใจ\u200dดี'],
  ])('%s fires at the cell with its advice', (_what, lastName) => {
    const f = fires({ row: { lastName } }, 'name.whitespace');
    expect(f.map((x) => x.cell)).toEqual(['E2']);
    expect(f[0]!.message.en).toBe(
      'Last name has leading, trailing or doubled spaces, or invisible characters — retype it',
    );
    expect(f[0]!.message.th).toBe('นามสกุลมีช่องว่างหน้า/หลัง ช่องว่างซ้อน หรืออักขระที่มองไม่เห็น — พิมพ์ใหม่');
  });
  it.each(['ณ อยุธยา', 'O Brien Smith', 'ใจดี'])('%j is quiet', (lastName) =>
    expect(fires({ row: { lastName } }, 'name.whitespace')).toEqual([]),
  );
  it('the prefix cell is told as the prefix', () => {
    const f = fires({ row: { prefix: ' ด.ช.' } }, 'name.whitespace');
    expect(f[0]!.message.en).toMatch(/^Prefix has leading/);
  });
  it('a full-name column is told as a whole at its cell', () => {
    const f = fires({ columns: FULL, row: { fullName: 'ด.ช. สมชาย ใจดี ' } }, 'name.whitespace');
    expect(f.map((x) => [x.cell, x.value])).toEqual([['B2', 'ด.ช. สมชาย ใจดี ']]);
    expect(f[0]!.message.en).toMatch(/^First name has leading/);
  });
});

describe('name.whitespace with a full-name column', () => {
  it('a full name standing for the names is told once, even when the slip is inside one part', () => {
    const f = fires({ columns: FULL, row: { fullName: 'ด.ช. สม\u200bชาย ใจดี' } }, 'name.whitespace');
    expect(f.map((x) => [x.cell, x.value])).toEqual([['B2', 'ด.ช. สม\u200bชาย ใจดี']]);
  });
  it('beside first- and last-name columns, the names are checked in their own cells and the full name is not read', () => {
    const columns: Case['columns'] = ['cid', 'firstName', 'lastName', 'fullName', 'gender', 'dob', 'grade'];
    const f = fires({ columns, row: { fullName: 'ด.ช.  สมชาย ใจดี', lastName: ' ใจดี' } }, 'name.whitespace');
    expect(f.map((x) => [x.cell, x.value])).toEqual([['C2', ' ใจดี']]);
  });
});

describe('names split from a full-name column are told with the part, at the full-name cell', () => {
  it.each([
    ['name.mixed-script', 'ด.ช. สมชายa ใจดี', 'สมชายa'],
    ['name.prefix-in-name', 'ด.ช. ด.ช.สมชาย ใจดี', 'ด.ช.สมชาย'],
    ['name.thai-typo', 'ด.ช. เเพรวา ใจดี', 'เเพรวา'],
  ])('%s', (rule, fullName, part) => {
    const f = fires({ columns: FULL, row: { fullName } }, rule);
    expect(f.map((x) => [x.cell, x.value])).toEqual([['B2', part]]);
    expect(f[0]!.message.en).toContain(`«${part}»`);
  });
});

describe('name.thai-typo: each slip with its own advice', () => {
  it.each([
    ['เเพรวา', 'เ+เ typed for แ', 'ใช้ เ เ (สระเอสองตัว) แทน แ'],
    ['น\u0e4d\u0e32ฝน', 'sara am written as nikhahit + sara aa', 'สระอำเขียนเป็นนิคหิตกับสระอา'],
    ['สมชาย่่', 'a vowel or tone mark typed twice', 'สระหรือวรรณยุกต์ซ้ำ'],
    ['่สมชาย', 'a mark with no consonant', 'สระหรือวรรณยุกต์ไม่มีพยัญชนะ'],
  ])('%j: %s', (firstName, en, th) => {
    const f = fires({ row: { firstName } }, 'name.thai-typo');
    expect(f.map((x) => x.cell)).toEqual(['D2']);
    expect(f[0]!.message.en).toContain(`First name «${firstName}»: ${en}`);
    expect(f[0]!.message.en).toMatch(/— retype it as in the register$/);
    expect(f[0]!.message.th).toContain(`ชื่อ «${firstName}»: ${th}`);
  });
  it('names the last name too', () => {
    const f = fires({ row: { lastName: 'ใจดีี' } }, 'name.thai-typo');
    expect(f[0]!.message.en).toBe('Last name «ใจดีี»: a vowel or tone mark typed twice — retype it as in the register');
    expect(f[0]!.message.th).toBe('นามสกุล «ใจดีี»: สระหรือวรรณยุกต์ซ้ำ — พิมพ์ใหม่ให้ตรงทะเบียนบ้าน');
  });
});

describe('name.mixed-script', () => {
  it.each(['กa', 'ฮz', 'Aก', 'Zฮ', 'ก\u00c0', 'ก\u024f', 'Jaiดี'])('%j fires', (lastName) => {
    const f = fires({ row: { lastName } }, 'name.mixed-script');
    expect(f.map((x) => x.cell)).toEqual(['E2']);
    expect(f[0]!.message.en).toBe(`Last name «${lastName}» mixes Thai and Latin letters — check the keyboard layout`);
    expect(f[0]!.message.th).toBe(`นามสกุล «${lastName}» มีทั้งอักษรไทยและอังกฤษ — ตรวจว่าสลับภาษาแป้นพิมพ์หรือไม่`);
  });
  it.each(['สมชาย', 'Smith', 'ะa', 'ก\u0250', 'ก@', 'กขค', 'Ängström'])('%j is quiet', (lastName) =>
    expect(fires({ row: { lastName } }, 'name.mixed-script')).toEqual([]),
  );
});

describe('name.prefix-in-name', () => {
  it('advises moving the prefix to its column', () => {
    const f = fires({ row: { firstName: 'ด.ช.สมชาย' } }, 'name.prefix-in-name')[0]!;
    expect(f.message.en).toBe('First name «ด.ช.สมชาย» starts with a prefix — move it to the prefix column');
    expect(f.message.th).toBe('ชื่อ «ด.ช.สมชาย» ขึ้นต้นด้วยคำนำหน้า — ย้ายคำนำหน้าไปไว้ช่องคำนำหน้าชื่อ');
  });
});

describe('name.near-duplicate', () => {
  const id = (i: number) => withCheckDigit(`11037${String(1e7 + i).slice(1)}`);
  const COLUMNS = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด'];
  type P = { first: string; last: string; dob: string; cid?: Cell };
  const near = (people: P[]) =>
    validate([COLUMNS, ...people.map((p, i) => [p.cid ?? id(i), p.first, p.last, p.dob])], {
      asOf: '2027-03-20',
      academicYear: 2569,
    }).findings.filter((f) => f.rule === 'name.near-duplicate');

  it('tells each row the others, in both languages', () => {
    const f = near([
      { first: 'สมชาย', last: 'ใจดี', dob: '15/03/2558' },
      { first: 'สมหญิง', last: 'ใจดี', dob: '15/03/2558' },
      { first: 'สมชาย ', last: 'ใจดี', dob: '15/03/2558' },
    ]);
    expect(f.map((x) => x.cell)).toEqual(['B2', 'B4']);
    expect(f[0]!.message.en).toBe(
      'Name, surname and birth date match row 4 with a different ID — check whether it is one student',
    );
    expect(f[1]!.message.th).toBe('ชื่อ นามสกุล และวันเกิดตรงกับแถว 2 แต่เลขประจำตัวต่างกัน — ตรวจว่าเป็นคนเดียวกันหรือไม่');
  });
  it('the same date written two ways is one birth date', () => {
    expect(
      near([
        { first: 'สมชาย', last: 'ใจดี', dob: '15/03/2558' },
        { first: 'สมชาย', last: 'ใจดี', dob: '2015-03-15' },
      ]),
    ).toHaveLength(2);
  });
  it.each([
    ['no first name', { first: '', last: 'ใจดี', dob: '15/03/2558' }],
    ['no birth date', { first: 'สมชาย', last: 'ใจดี', dob: '' }],
    ['an unreadable birth date', { first: 'สมชาย', last: 'ใจดี', dob: '32/13/2558' }],
  ])('%s: never a near-duplicate', (_what, p) => expect(near([p, { ...p }])).toEqual([]));
  it('one ID written two ways is the same student: cid.duplicate’s finding, not this one', () => {
    const p = { first: 'สมชาย', last: 'ใจดี', dob: '15/03/2558' };
    const digits = id(7);
    const dashed = `${digits[0]}-${digits.slice(1, 5)}-${digits.slice(5, 10)}-${digits.slice(10, 12)}-${digits[12]}`;
    expect(
      near([
        { ...p, cid: digits },
        { ...p, cid: dashed },
      ]),
    ).toEqual([]);
    expect(
      near([
        { ...p, cid: 'ไม่มี' },
        { ...p, cid: ' ไม่มี ' },
      ]),
    ).toEqual([]);
  });

  it('needs a last-name column: a first name and a birth date alone are not enough', () => {
    const values = [
      ['เลขประจำตัวประชาชน', 'ชื่อ', 'วันเดือนปีเกิด', 'ชั้น'],
      [id(1), 'สมชาย', '15/03/2558', 'ป.6'],
      [id(2), 'สมชาย', '15/03/2558', 'ป.6'],
    ];
    expect(validate(values, SETTINGS).findings.filter((f) => f.rule === 'name.near-duplicate')).toEqual([]);
  });
  it('without a citizen-ID column no two IDs are known to differ', () => {
    const values = [
      ['ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด', 'ชั้น'],
      ['สมชาย', 'ใจดี', '15/03/2558', 'ป.6'],
      ['สมชาย', 'ใจดี', '15/03/2558', 'ป.6'],
    ];
    expect(validate(values, SETTINGS).findings.filter((f) => f.rule === 'name.near-duplicate')).toEqual([]);
  });
  it('fires exactly on the rows that share name, surname and birth date with another row (property)', () => {
    const FIRST = ['สมชาย', 'สมหญิง', 'ธนา', 'ปวริศ', 'Anna'];
    const LAST = ['ใจดี', 'มีสุข', 'บุญมา'];
    const DOB = ['15/03/2558', '16/03/2558', '01/01/2557'];
    const person = fc.record({
      first: fc.constantFrom(...FIRST),
      last: fc.constantFrom(...LAST),
      dob: fc.constantFrom(...DOB),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 2, maxLength: 12 }), (people) => {
        const key = (p: P) => `${nameKey(p.first)}|${nameKey(p.last)}|${p.dob}`;
        const count = new Map<string, number>();
        for (const p of people) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
        const expected = people.flatMap((p, i) => (count.get(key(p))! > 1 ? [i + 2] : []));
        expect(near(people).map((f) => f.row)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('duplicates are judged over every sheet of a workbook', () => {
  const book = (a: Case, b: Case) =>
    validateWorkbook(
      {
        sheets: [
          { name: 'ป.6-1', values: roster(a) },
          { name: 'ป.6-2', values: roster(b) },
        ],
      },
      SETTINGS,
    ).reports.map((r) => r.findings);
  it('sid.duplicate names the row of the other sheet', () => {
    const [one, two] = book({ row: { sid: '555' } }, { row: { sid: '0555', cid: cidOf(9) } });
    const f = one!.filter((x) => x.rule === 'sid.duplicate');
    expect(f.map((x) => x.cell)).toEqual(['B2']);
    expect(f[0]!.message.en).toBe('Same student ID as row 2 (sheet "ป.6-2") — check the school register');
    expect(f[0]!.message.th).toContain('แถว 2 (แผ่นงาน "ป.6-2")');
    expect(two!.filter((x) => x.rule === 'sid.duplicate').map((x) => x.message.en)).toEqual([
      'Same student ID as row 2 (sheet "ป.6-1") — check the school register',
    ]);
  });
  it('name.near-duplicate too', () => {
    const [one, two] = book({ row: { sid: '1' } }, { row: { sid: '2', cid: cidOf(9) } });
    expect(one!.filter((x) => x.rule === 'name.near-duplicate').map((x) => x.message.en)).toEqual([
      'Name, surname and birth date match row 2 (sheet "ป.6-2") with a different ID — check whether it is one student',
    ]);
    expect(two!.filter((x) => x.rule === 'name.near-duplicate')).toHaveLength(1);
  });
});

describe('each rule marks its own cell, with its severity', () => {
  // Default columns: A cid, B sid, C prefix, D first name, E last name.
  it.each([
    ['sid.missing', { row: { sid: '' } }, ['B2'], 'warning'],
    ['sid.duplicate', { row: { sid: '777' }, more: [{ sid: '777' }] }, ['B2', 'B3'], 'error'],
    ['name.first.missing', { row: { firstName: '' } }, ['D2'], 'error'],
    ['name.last.missing', { row: { lastName: '' } }, ['E2'], 'error'],
    ['name.invalid-chars', { row: { firstName: 'สม1' } }, ['D2'], 'error'],
    ['name.whitespace', { row: { firstName: 'สมชาย ' } }, ['D2'], 'warning'],
    ['name.thai-typo', { row: { firstName: 'เเพรวา' } }, ['D2'], 'warning'],
    ['name.mixed-script', { row: { firstName: 'สมชายa' } }, ['D2'], 'warning'],
    ['name.prefix-in-name', { row: { firstName: 'ด.ช.สมชาย' } }, ['D2'], 'warning'],
    [
      'name.near-duplicate',
      { row: { firstName: 'สมชาย', lastName: 'ใจดี' }, more: [{ firstName: 'สมชาย', lastName: 'ใจดี' }] },
      ['D2', 'D3'],
      'warning',
    ],
  ] as Array<[string, Case, string[], string]>)('%s at %j: %s', (rule, c, cells, severity) => {
    const f = fires(c, rule);
    expect(f.map((x) => x.cell)).toEqual(cells);
    expect(new Set(f.map((x) => x.severity))).toEqual(new Set([severity]));
  });
});

describe('a sheet without a student-number column', () => {
  it('is not told that each row lacks one', () => {
    expect(fires({ columns: ['cid', 'firstName', 'lastName', 'dob', 'grade'] }, 'sid.missing')).toEqual([]);
  });
});

describe('docs/rules.md files the rules that read both names under the first name', () => {
  // Their findings name the field they are about, but the rule list a school reads shows one field per rule.
  it.each(['name.invalid-chars', 'name.whitespace', 'name.thai-typo', 'name.mixed-script'])('%s', (id) => {
    expect(rulesMarkdown()).toContain(`| \`${id}\` | ชื่อ / first name | `);
  });
});
