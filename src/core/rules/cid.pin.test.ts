/**
 * Pins the citizen-ID rules through validate(): which rule fires at which cell, and which advice its message
 * gives (issue 15). Rows are built here, not with a rule's internals, so the engine may change underneath.
 */
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../thai-id';
import { validate, validateSources, validateWorkbook } from '../validate';
import type { Cell, Finding } from '../types';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
const HEADER = ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเดือนปีเกิด', 'ชั้น', 'สถานะ'];
const id = (i: number, type = 1, province = '10') => withCheckDigit(`${type}${province}${String(1e9 + i).slice(1)}`);

type Row = { cid?: Cell; status?: Cell; father?: Cell; mother?: Cell; guardian?: Cell; nationality?: Cell };

/** A roster of valid ป.6 boys, row 2 onward, each changed as given; column A is the cid. */
function roster(rows: Row[], extra: string[] = []): Cell[][] {
  const head = [...HEADER, ...extra];
  return [
    head,
    ...rows.map((r, i) => {
      const base: Cell[] = [
        r.cid === undefined ? id(i) : r.cid,
        'ด.ช.',
        'สมชาย',
        `ใจดี${i}`,
        'ชาย',
        '15/03/2558',
        'ป.6',
      ];
      base.push(r.status ?? 'ปกติ');
      for (const h of extra) {
        if (h === 'สัญชาติ') base.push(r.nationality ?? 'ไทย');
        if (h === 'เลขประจำตัวประชาชนบิดา') base.push(r.father ?? '');
        if (h === 'เลขประจำตัวประชาชนมารดา') base.push(r.mother ?? '');
        if (h === 'เลขประจำตัวประชาชนผู้ปกครอง') base.push(r.guardian ?? '');
      }
      return base;
    }),
  ];
}

function run(rows: Row[], extra: string[] = []): Finding[] {
  return validate(roster(rows, extra), SETTINGS).findings;
}
const rulesAt = (found: Finding[], cell: string) => found.filter((f) => f.cell === cell).map((f) => f.rule);
const CID_RULES = /^(cid|gcode)\./;
const cidRulesAt = (found: Finding[], cell = 'A2') => rulesAt(found, cell).filter((r) => CID_RULES.test(r));

describe('one finding per kind of bad ID', () => {
  it.each([
    ['', ['cid.missing']],
    ['-', ['cid.missing']],
    ['110170020703', ['cid.format']],
    ['11017002070301', ['cid.format']],
    ['11017002070d3', ['cid.format']],
    ['1.10170020703E+12', ['cid.format']],
    ['1101700207031', ['cid.checksum']],
    [withCheckDigit('910112345000'), ['cid.category']],
    [id(1, 1, '28'), ['cid.province']],
    ['G650000012345', ['gcode.present']],
    ['G65000001234', ['gcode.format']],
    ['g12', ['gcode.format']],
    [id(1), []],
    [`'${id(1)}`, []],
    [` ${id(1).slice(0, 1)}-${id(1).slice(1)} `, []],
  ] as Array<[Cell, string[]]>)('%j → %j', (cid, rules) => {
    expect(cidRulesAt(run([{ cid }]))).toEqual(rules);
  });
});

describe('cid.missing', () => {
  it.each(['ปกติ', 'ย้ายเข้า', ''])('fires for a present student (status %j)', (status) => {
    expect(cidRulesAt(run([{ cid: '', status }]))).toEqual(['cid.missing']);
  });
  it.each(['ย้ายออก', 'จำหน่าย', 'ออกกลางคัน', 'จบการศึกษา'])('not for a student who left (%s)', (status) => {
    expect(cidRulesAt(run([{ cid: '', status }]))).toEqual([]);
  });
});

describe('cid.format: the message says which advice', () => {
  const format = (cid: Cell) => run([{ cid }]).find((f) => f.rule === 'cid.format')!;
  it('counts the characters of a wrong-length ID', () => {
    expect(format('110170020703').message.en).toContain('it has 12 characters');
    expect(format('110170020703').message.th).toContain('มี 12 ตัวอักษร');
    expect(format('1-1017-0020-70301').message.en).toContain('it has 14 characters');
    expect(format('11017002070d3').message.en).toContain('it has 13 characters');
  });
  it('advises retyping an ID Excel turned into 1.1E+12', () => {
    for (const cid of ['1.10170020703E+12', "'1.1E+12", 1.10170020703e12 + 0.5]) {
      const f = format(cid);
      expect(f.message.en, String(cid)).toContain('Excel turned the ID into a number');
      expect(f.message.en).toContain('retype the 13 digits');
      expect(f.message.th).toContain('Excel');
      expect(f.message.en).not.toContain('characters');
    }
  });
  it('an ordinary wrong length gives the ID-card advice, not the Excel one', () => {
    const f = format('110170020703');
    expect(f.message.en).toContain('Fix it from the ID card');
    expect(f.message.th).toContain('แก้ในชีตให้ตรงบัตร');
    expect(f.message.en).not.toContain('Excel');
  });
  it('a whole number cell is read as its digits, with no Excel advice', () => {
    const found = run([{ cid: 1e12 }]);
    expect(cidRulesAt(found)).toEqual(['cid.checksum', 'cid.stored-as-number']);
    expect(found.some((f) => f.message.en.includes('Excel'))).toBe(false);
  });
  it('a number below 10¹² with a fraction is not called scientific', () => {
    const f = run([{ cid: 99999999999.5 }]).find((x) => x.rule === 'cid.format');
    expect(f?.message.en ?? '').not.toContain('Excel');
  });
});

describe('cid.leading-zero-lost', () => {
  const twelve = withCheckDigit('010110000001').slice(1);
  it('fires, alone, for a 12-digit value that is valid with a leading 0', () => {
    expect(cidRulesAt(run([{ cid: twelve }]))).toEqual(['cid.leading-zero-lost']);
    expect(cidRulesAt(run([{ cid: Number(twelve) }]))).toEqual(['cid.leading-zero-lost', 'cid.stored-as-number']);
  });
  it('not for 12 digits that a leading 0 does not make valid', () => {
    const wrong = twelve.slice(0, 11) + String((Number(twelve[11]) + 1) % 10);
    expect(cidRulesAt(run([{ cid: wrong }]))).toEqual(['cid.format']);
  });
  it('not for 11 digits', () => {
    expect(cidRulesAt(run([{ cid: twelve.slice(1) }]))).toEqual(['cid.format']);
  });
});

describe('cid.province', () => {
  it.each(['19', '20', '27', '30', '49', '50', '58', '60', '67', '70', '77', '80', '86', '90', '96'])(
    'is quiet for province %s',
    (code) => expect(cidRulesAt(run([{ cid: id(1, 3, code) }]))).toEqual([]),
  );
  it.each(['00', '09', '28', '29', '59', '68', '69', '78', '79', '87', '89', '97', '99'])(
    'fires for %s and names the code',
    (code) => {
      const f = run([{ cid: id(1, 3, code) }]).filter((x) => x.rule === 'cid.province');
      expect(f.map((x) => x.cell)).toEqual(['A2']);
      expect(f[0]!.message.en).toContain(`(${code})`);
      expect(f[0]!.message.th).toContain(`(${code})`);
      expect(f[0]!.severity).toBe('warning');
    },
  );
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('applies to person type %i', (type) => {
    expect(cidRulesAt(run([{ cid: id(1, type, '99') }]))).toEqual(['cid.province']);
  });
  it('not to a type-0 ID (no registration status, no province)', () => {
    expect(cidRulesAt(run([{ cid: id(1, 0, '99') }]))).toEqual([]);
    expect(cidRulesAt(run([{ cid: id(1, 0, '28') }]))).toEqual([]);
  });
  it('not to a type-9 ID, which is a category error', () => {
    expect(cidRulesAt(run([{ cid: id(1, 9, '99') }]))).toEqual(['cid.category']);
  });
});

describe('cid.stored-as-number', () => {
  it('fires for a number cell, valid or not', () => {
    expect(cidRulesAt(run([{ cid: Number(id(1)) }]))).toEqual(['cid.stored-as-number']);
    expect(cidRulesAt(run([{ cid: 1101700207031 }]))).toEqual(['cid.checksum', 'cid.stored-as-number']);
  });
  it('not for text', () => expect(cidRulesAt(run([{ cid: id(1) }]))).toEqual([]));
});

describe('cid.duplicate', () => {
  const dup = (n: number) => run(Array.from({ length: n }, () => ({ cid: id(7) })));
  const messageAt = (found: Finding[], cell: string) =>
    found.find((f) => f.rule === 'cid.duplicate' && f.cell === cell)!;
  it('fires on every row of the group, naming the others', () => {
    const found = dup(3);
    expect(found.filter((f) => f.rule === 'cid.duplicate').map((f) => f.cell)).toEqual(['A2', 'A3', 'A4']);
    expect(messageAt(found, 'A2').message.en).toContain('row 3, 4 —');
    expect(messageAt(found, 'A3').message.en).toContain('row 2, 4 —');
    expect(messageAt(found, 'A4').message.th).toContain('แถว 2, 3 —');
  });
  it('names five rows at most, then "(+N)"', () => {
    expect(messageAt(dup(6), 'A2').message.en).toContain('row 3, 4, 5, 6, 7 —');
    expect(messageAt(dup(7), 'A2').message.en).toContain('row 3, 4, 5, 6, 7 (+1) —');
    expect(messageAt(dup(7), 'A8').message.en).toContain('row 2, 3, 4, 5, 6 (+1) —');
    expect(messageAt(dup(9), 'A5').message.th).toContain('แถว 2, 3, 4, 6, 7 (+3) —');
  });
  it('does not group invalid or different IDs', () => {
    const found = run([
      { cid: id(1) },
      { cid: id(2) },
      { cid: '1101700207031' },
      { cid: '1101700207031' },
      { cid: '' },
      { cid: '' },
    ]);
    expect(found.filter((f) => f.rule === 'cid.duplicate')).toEqual([]);
  });
  it('groups the same ID however it is written', () => {
    const found = run([{ cid: id(1) }, { cid: `'${id(1)}` }, { cid: Number(id(1)) }]);
    expect(found.filter((f) => f.rule === 'cid.duplicate').map((f) => f.cell)).toEqual(['A2', 'A3', 'A4']);
  });
  it('names the other sheet of a workbook, and not its own', () => {
    const sheet = (name: string, first: string, cid: string) => ({ name, values: roster([{ cid: first }, { cid }]) });
    const book = validateWorkbook({ sheets: [sheet('ม.1-1', id(9), id(9)), sheet('ม.1-2', id(51), id(9))] }, SETTINGS);
    const f = book.reports[0]!.findings.find((x) => x.rule === 'cid.duplicate' && x.cell === 'A3')!;
    expect(f.message.en).toContain('row 2, 3 (sheet "ม.1-2") —');
    expect(f.message.th).toContain('แถว 2, 3 (แผ่นงาน "ม.1-2") —');
    expect(f.sheet).toBe('ม.1-1');
  });
});

describe('cid.duplicate-across-files', () => {
  it('names the other files holding the same valid ID', () => {
    const file = (source: string, cid: string) => ({ source, sheets: [{ name: '', values: roster([{ cid }]) }] });
    const books = validateSources([file('a.xlsx', id(3)), file('b.xlsx', id(3)), file('c.xlsx', id(4))], SETTINGS);
    const across = books.map((b) => b.reports[0]!.findings.filter((f) => f.rule === 'cid.duplicate-across-files'));
    expect(across.map((fs) => fs.map((f) => f.cell))).toEqual([['A2'], ['A2'], []]);
    expect(across[0]![0]!.message.en).toBe('This citizen ID is also in b.xlsx — check whether the student has moved');
    expect(across[1]![0]!.message.th).toContain('อยู่ในไฟล์ a.xlsx ด้วย');
    expect(across[0]![0]!.severity).toBe('warning');
  });
  it('is quiet for one file', () => {
    const books = validateSources(
      [{ source: 'a.xlsx', sheets: [{ name: '', values: roster([{ cid: id(3) }]) }] }],
      SETTINGS,
    );
    expect(books[0]!.reports[0]!.findings.filter((f) => f.rule === 'cid.duplicate-across-files')).toEqual([]);
  });
});

describe('cid.nationality', () => {
  const nat = (cid: string, nationality: string) =>
    run([{ cid, nationality }], ['สัญชาติ']).filter((f) => f.rule === 'cid.nationality');
  it.each([0, 6, 7])('fires for person type %i with Thai nationality, naming the type', (type) => {
    const f = nat(id(1, type, '10'), 'ไทย');
    expect(f.map((x) => x.cell)).toEqual(['A2']);
    expect(f[0]!.message.en).toContain(`ID starts with ${type}`);
  });
  it.each([1, 2, 3, 4, 5, 8])('not for person type %i', (type) => expect(nat(id(1, type, '10'), 'ไทย')).toEqual([]));
  it('not when the nationality is not Thai', () => {
    expect(nat(id(1, 6, '10'), 'เมียนมา')).toEqual([]);
    expect(nat(id(1, 0, '10'), '')).toEqual([]);
  });
  it('needs a nationality column', () => {
    expect(run([{ cid: id(1, 6, '10') }]).filter((f) => f.rule === 'cid.nationality')).toEqual([]);
  });
});

describe('parent-cid.invalid', () => {
  const PARENTS = ['เลขประจำตัวประชาชนบิดา', 'เลขประจำตัวประชาชนมารดา', 'เลขประจำตัวประชาชนผู้ปกครอง'];
  const parents = (r: Row) => run([r], PARENTS).filter((f) => f.rule === 'parent-cid.invalid');
  it('names the parent and the reason, at the parent’s cell', () => {
    const f = parents({ father: '1101700207031', mother: '123', guardian: withCheckDigit('910112345000') });
    expect(f.map((x) => [x.cell, x.field])).toEqual([
      ['I2', 'fatherCid'],
      ['J2', 'motherCid'],
      ['K2', 'guardianCid'],
    ]);
    expect(f[0]!.message.en).toBe(
      "Father's citizen ID is invalid (check digit does not match) — check the card, or leave it empty if unknown",
    );
    expect(f[1]!.message.en).toContain("Mother's citizen ID is invalid (not 13 digits)");
    expect(f[2]!.message.en).toContain("Guardian's citizen ID is invalid (starts with 9)");
    expect(f[0]!.message.th).toContain('เลขประจำตัวประชาชนบิดาไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)');
  });
  it('gives the format and scientific reasons', () => {
    expect(parents({ father: 'abc' })[0]!.message.en).toContain('(not all digits)');
    expect(parents({ father: '1.1E+12' })[0]!.message.en).toContain('Excel turned the ID into a number');
  });
  it.each(['', '-', 'ไม่มี', 'ไม่ทราบ', ' ไม่ทราบ (เสียชีวิต)'])('is quiet for %j', (father) =>
    expect(parents({ father })).toEqual([]),
  );
  it('"ไม่ทราบ" counts only at the start', () => {
    expect(parents({ father: 'บิดาไม่ทราบ' })[0]!.message.en).toContain('(not all digits)');
  });
  it('is quiet for valid IDs of any person type', () => {
    expect(parents({ father: id(5), mother: id(6, 0, '99'), guardian: id(7, 8) })).toEqual([]);
  });
});
