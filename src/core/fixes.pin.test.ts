/**
 * Pins the safe fixes at their edges: which spellings, IDs and units are repaired and which are left to a
 * person, the growth band's limits, the kinds a user turns off, and the laws of a plan (apply then undo
 * gives the values back, a plan on fixed values is empty, shifting the decimal point is exact).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidOf, roster, SETTINGS } from '../../test/support/rules';
import {
  applyFixes,
  countByKind,
  FIX_KINDS,
  FIX_LABEL,
  planFixes,
  planWorkbookFixes,
  sameCell,
  shiftDecimal,
  undoFixes,
  type Fix,
  type FixKind,
  type FixOptions,
} from './fixes';
import { formatCid, withCheckDigit } from './thai-id';
import type { Cell, FieldKey } from './types';

type Row = Partial<Record<FieldKey, Cell>>;
const THAI = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
/** A type-0 ID, valid with its leading zero. */
const ZERO_ID = withCheckDigit('010370000012');

/** A ป.6 boy of 12 on the check date (band 22–100 kg, 127–170 cm), prefix already DMC's word, with `row`'s changes. */
const sheet = (row: Row, columns?: FieldKey[]) => roster({ row: { prefix: 'เด็กชาย', ...row }, columns });
const plan = (values: Cell[][], options?: FixOptions) => planFixes({ name: '', values }, SETTINGS, options);
/** The one fix planned for a row, as cell, kinds and value after; '' when none. */
function fixOf(row: Row, options?: FixOptions, columns?: FieldKey[]): string {
  const fixes = plan(sheet(row, columns), options);
  expect(fixes.length).toBeLessThanOrEqual(1);
  const f = fixes[0];
  return f ? `${f.cell} ${[f.kind, ...(f.also ?? [])].join('+')} ${JSON.stringify(f.after)}` : '';
}

describe('names and prefixes', () => {
  it('repairs only text: a number in a name cell stays', () => {
    expect(fixOf({ firstName: 12345, lastName: 0 })).toBe('');
  });

  it('never writes text a spreadsheet would run as a formula', () => {
    for (const c of ['=', '+', '-', '@']) expect(fixOf({ firstName: ` ${c}สมชาย` }), c).toBe('');
    expect(fixOf({ firstName: ' สม=ชาย' })).toBe('D2 spaces "สม=ชาย"');
  });

  it('repairs เเ and ํา in names only, never in the prefix', () => {
    expect(fixOf({ prefix: 'เเม่ชี' })).toBe('');
    expect(fixOf({ prefix: ' เเม่ชี' })).toBe('C2 spaces "เเม่ชี"');
    expect(fixOf({ firstName: 'ส\u0e4d\u0e32ราญ' })).toBe('D2 sara-am "สำราญ"');
    expect(fixOf({ prefix: 'จ่าสิบต\u0e4d\u0e32รวจ', dob: '15/03/2550' })).toBe('');
  });

  it('makes prefix words only in the prefix column', () => {
    expect(fixOf({ firstName: ' ด.ช.' })).toBe('D2 spaces "ด.ช."');
    expect(fixOf({ lastName: 'น.ส. ' })).toBe('E2 spaces "น.ส."');
    expect(fixOf({ fullName: 'ด.ญ.' }, undefined, ['cid', 'fullName', 'gender', 'dob', 'grade'])).toBe('');
  });

  it('repairs every เเ and every ํา of a name at once', () => {
    expect(fixOf({ lastName: 'เเก้วเเสง' })).toBe('E2 sara-e "แก้วแสง"');
    expect(fixOf({ lastName: 'ค\u0e4d\u0e32ค\u0e4d\u0e32' })).toBe('E2 sara-am "คำคำ"');
    expect(fixOf({ lastName: ' เเก้วค\u0e4d\u0e32' })).toBe('E2 spaces+sara-e+sara-am "แก้วคำ"');
  });

  it('makes each of DMC’s abbreviations its full word', () => {
    expect(fixOf({ prefix: 'น.ส.', dob: '15/03/2550' })).toBe('C2 prefix-word "นางสาว"');
    expect(fixOf({ prefix: 'ส.ณ.' })).toBe('C2 prefix-word "สามเณร"');
    expect(fixOf({ prefix: 'ด.ญ.', gender: 'หญิง', firstName: 'สมศรี' })).toBe('C2 prefix-word "เด็กหญิง"');
    // Words with no abbreviation DMC wants spelled out stay as they are.
    expect(fixOf({ prefix: 'นาง', dob: '15/03/2550', gender: 'หญิง' })).toBe('');
  });

  it('leaves each kind out when it is turned off, and makes the others', () => {
    const row = { lastName: ' เเก้วค\u0e4d\u0e32' };
    expect(fixOf(row, { kinds: ['sara-e', 'sara-am'] })).toBe('E2 sara-e+sara-am " แก้วคำ"');
    expect(fixOf(row, { kinds: ['spaces', 'sara-am'] })).toBe('E2 spaces+sara-am "เเก้วคำ"');
    expect(fixOf(row, { kinds: ['spaces', 'sara-e'] })).toBe('E2 spaces+sara-e "แก้วค\u0e4d\u0e32"');
    expect(fixOf({ prefix: 'ด.ช.' }, { kinds: ['spaces'] })).toBe('');
    expect(fixOf({ prefix: 'ด.ช.' }, { prefixWords: true })).toBe('C2 prefix-word "เด็กชาย"');
  });

  it('repairs a full-name column only when the sheet has no first-name column', () => {
    const full: FieldKey[] = ['cid', 'fullName', 'gender', 'dob', 'grade'];
    expect(fixOf({ fullName: 'ด.ช.  สมชาย  ใจดี' }, undefined, full)).toBe('B2 spaces "ด.ช. สมชาย ใจดี"');
    expect(fixOf({ fullName: 'ด.ช. สมชาย เเก้วดี' }, undefined, full)).toBe('B2 sara-e "ด.ช. สมชาย แก้วดี"');
    const both: FieldKey[] = ['cid', 'fullName', 'firstName', 'lastName', 'gender', 'dob', 'grade'];
    expect(fixOf({ fullName: 'ด.ช.  สมชาย  ใจดี' }, undefined, both)).toBe('');
  });
});

describe('student number and room', () => {
  it('makes Thai digits Arabic in text only, and only when that kind is on', () => {
    expect(fixOf({ sid: '๒๐๐๐๑' })).toBe('B2 thai-digits "20001"');
    expect(fixOf({ room: 'ห้อง ๒' })).toBe('I2 thai-digits "ห้อง 2"');
    expect(fixOf({ room: '๒' }, { kinds: ['spaces'] })).toBe('');
    expect(fixOf({ sid: 20001 })).toBe('');
  });
});

describe('citizen IDs', () => {
  it('makes a number cell text, whatever its length, up to 15 digits', () => {
    expect(fixOf({ cid: Number(cidOf(0)) })).toBe(`A2 cid-as-text "${cidOf(0)}"`);
    expect(fixOf({ cid: 12345 })).toBe('A2 cid-as-text "12345"');
    expect(fixOf({ cid: 999_999_999_999_999 })).toBe('A2 cid-as-text "999999999999999"');
    expect(fixOf({ cid: 1e15 })).toBe('');
    expect(fixOf({ cid: -1103700000010 })).toBe('');
    expect(fixOf({ cid: 0 })).toBe('A2 cid-as-text "0"');
  });

  it('sets the cell to plain text with every ID it repairs', () => {
    const fixes = plan(sheet({ cid: formatCid(cidOf(0)) }));
    expect(fixes.map((f) => [f.kind, f.format])).toEqual([['cid-separators', '@']]);
  });

  it('restores a lost zero only when 0 and the twelve digits make a valid ID', () => {
    expect(fixOf({ cid: ZERO_ID.slice(1) })).toBe(`A2 cid-leading-zero "${ZERO_ID}"`);
    expect(fixOf({ cid: formatCid(ZERO_ID).slice(1) })).toBe(`A2 cid-leading-zero+cid-separators "${ZERO_ID}"`);
    expect(fixOf({ cid: THAI(ZERO_ID.slice(1)) })).toBe(`A2 cid-leading-zero+thai-digits "${ZERO_ID}"`);
    // Twelve digits of another ID, and eleven or fourteen: left to a person.
    expect(fixOf({ cid: cidOf(0).slice(0, 12) })).toBe('');
    expect(fixOf({ cid: formatCid(cidOf(0)).slice(0, -2) })).toBe('');
    expect(fixOf({ cid: `${cidOf(0)}5` })).toBe('');
  });

  it('tidies Thai digits and separators together, but only with both kinds on', () => {
    const dressed = THAI(formatCid(cidOf(0)));
    expect(fixOf({ cid: dressed })).toBe(`A2 thai-digits+cid-separators "${cidOf(0)}"`);
    expect(fixOf({ cid: THAI(cidOf(0)) })).toBe(`A2 thai-digits "${cidOf(0)}"`);
    expect(fixOf({ cid: dressed }, { kinds: ['thai-digits'] })).toBe('');
    expect(fixOf({ cid: dressed }, { kinds: ['cid-separators'] })).toBe('');
    expect(fixOf({ cid: ` ${cidOf(0)} ` })).toBe(`A2 cid-separators "${cidOf(0)}"`);
  });

  it('leaves alone an ID already plain, a G-code, letters, and an ID with its digits lost', () => {
    expect(fixOf({ cid: cidOf(0) })).toBe('');
    expect(fixOf({ cid: 'G-650000012345' })).toBe('');
    expect(fixOf({ cid: 'x-1103700000010' })).toBe('');
    expect(fixOf({ cid: 'x-110370000001' })).toBe('');
    expect(fixOf({ cid: '110370000001-x' })).toBe('');
    expect(fixOf({ cid: 1.5 })).toBe('');
    expect(fixOf({ cid: true })).toBe('');
  });
});

describe('weight and height units', () => {
  // A 12-year-old's band: 22–100 kg, 127–170 cm.
  it('converts grams only to a weight inside the band, at both its edges', () => {
    expect(fixOf({ weight: 22000 })).toBe('J2 weight-grams 22');
    expect(fixOf({ weight: 21999 })).toBe('');
    expect(fixOf({ weight: 100000 })).toBe('J2 weight-grams 100');
    expect(fixOf({ weight: 100001 })).toBe('');
    expect(fixOf({ weight: '35250.0' })).toBe('J2 weight-grams "35.25"');
  });

  it('converts metres only to a height inside the band, at both its edges', () => {
    expect(fixOf({ height: 1.27 })).toBe('K2 height-metres 127');
    expect(fixOf({ height: 1.26 })).toBe('');
    expect(fixOf({ height: 1.7 })).toBe('K2 height-metres 170');
    expect(fixOf({ height: 1.71 })).toBe('');
    expect(fixOf({ height: '๑.๔๕' })).toBe('K2 height-metres+thai-digits "145"');
  });

  it('needs an age in the bands: none for a child under 2 or with no birth date', () => {
    expect(fixOf({ height: 1.4, dob: 'ไม่ทราบ' })).toBe('');
    expect(fixOf({ weight: 35000, dob: '15/03/2569' })).toBe('');
  });

  it('leaves a converted value in Thai digits alone when Thai digits are turned off, and values that are no number', () => {
    expect(fixOf({ weight: '๓๕๐๐๐' }, { kinds: ['weight-grams'] })).toBe('');
    expect(fixOf({ weight: '๓๕' }, { kinds: ['weight-grams'] })).toBe('');
    expect(fixOf({ weight: '35000', height: 1.4 }, { kinds: ['height-metres'] })).toBe('K2 height-metres 140');
    for (const w of ['3.5e4', '-35000', '+35000', '35000.', '35,000', '0x8CA0', ''])
      expect(fixOf({ weight: w }), w).toBe('');
    expect(fixOf({ weight: -35000 })).toBe('');
    expect(fixOf({ weight: true })).toBe('');
    expect(fixOf({ weight: ' 35000 ' })).toBe('J2 weight-grams "35"');
  });

  it('makes Thai digits Arabic even where the unit stays', () => {
    expect(fixOf({ weight: '๓๕.๕' })).toBe('J2 thai-digits "35.5"');
    expect(fixOf({ height: '๙๙๙' })).toBe('K2 thai-digits "999"');
  });

  it('converts neither when the converted pair would look swapped, but still makes their digits Arabic', () => {
    // 18 years old: 148 kg and 145 cm each fit, but weight above height reads as swapped.
    const adult = { dob: '15/03/2550', prefix: 'นาย' };
    expect(plan(sheet({ ...adult, weight: 148000, height: 145 }))).toEqual([]);
    expect(plan(sheet({ ...adult, weight: 148, height: 1.45 }))).toEqual([]);
    const thai = plan(sheet({ ...adult, weight: THAI('148000'), height: THAI('145') }));
    expect(thai.map((f) => `${f.cell} ${f.kind} ${String(f.after)}`)).toEqual([
      'J2 thai-digits 148000',
      'K2 thai-digits 145',
    ]);
    // Converted apart from each other they are fine: 45 kg, 145 cm.
    expect(plan(sheet({ ...adult, weight: 45000, height: 1.45 })).map((f) => f.after)).toEqual([45, 145]);
  });

  it('never touches a damaged weight or height cell', () => {
    const values = sheet({ weight: 35000, height: 1.4 });
    expect(planFixes({ name: '', values, damaged: [{ row: 1, col: 9 }] }, SETTINGS).map((f) => f.cell)).toEqual(['K2']);
    expect(planFixes({ name: '', values, damaged: [{ row: 1, col: 10 }] }, SETTINGS).map((f) => f.cell)).toEqual([
      'J2',
    ]);
    // Nor when the pair looks swapped: the damaged weight keeps its Thai digits, the height loses them.
    const adult = sheet({ dob: '15/03/2550', prefix: 'นาย', weight: THAI('148'), height: THAI('145') });
    expect(planFixes({ name: '', values: adult, damaged: [{ row: 1, col: 9 }] }, SETTINGS).map((f) => f.cell)).toEqual([
      'K2',
    ]);
    expect(planFixes({ name: '', values: adult, damaged: [{ row: 1, col: 10 }] }, SETTINGS).map((f) => f.cell)).toEqual(
      ['J2'],
    );
    // The same coordinates on another row do not count.
    expect(planFixes({ name: '', values, damaged: [{ row: 2, col: 9 }] }, SETTINGS)).toHaveLength(2);
  });

  it('names the field of each fix', () => {
    expect(plan(sheet({ weight: 35000, height: 1.4 })).map((f) => f.field)).toEqual(['weight', 'height']);
    expect(plan(sheet({ cid: formatCid(cidOf(0)), sid: '๑', firstName: ' ก', room: '๑' })).map((f) => f.field)).toEqual(
      ['cid', 'sid', 'firstName', 'room'],
    );
  });

  it('works with only one of the two columns', () => {
    const cols: FieldKey[] = ['cid', 'prefix', 'firstName', 'lastName', 'gender', 'dob', 'grade', 'weight'];
    expect(fixOf({ weight: 35000 }, undefined, cols)).toBe('H2 weight-grams 35');
    const h: FieldKey[] = ['cid', 'prefix', 'firstName', 'lastName', 'gender', 'dob', 'grade', 'height'];
    expect(fixOf({ height: 1.4 }, undefined, h)).toBe('H2 height-metres 140');
  });
});

describe('the check date', () => {
  // Born 15/03/2557: 7 at the end of academic year 2563, 13 in 2027. 1.10 m fits a 7-year-old only.
  const young = { dob: '15/03/2557', height: 1.1, weight: 20, grade: 'ป.1' };
  const now = new Date(2027, 2, 20);

  it('is inferred from a workbook’s file name as for a check', () => {
    const sheets = [{ name: 'ป.1', values: sheet(young) }];
    expect(planWorkbookFixes({ source: 'รายชื่อ ปี 2563.xlsx', sheets }, {}, { now }).map((f) => f.after)).toEqual([110]);
    expect(planWorkbookFixes({ sheets }, {}, { now })).toEqual([]);
    // The file name given as an option wins over the workbook's.
    expect(
      planWorkbookFixes({ source: 'รายชื่อ.xlsx', sheets }, {}, { now, source: 'รายชื่อ ปี 2563.xlsx' }).map((f) => f.after),
    ).toEqual([110]);
    expect(planFixes({ name: '', values: sheet(young) }, {}, { now, source: 'ปี 2563.xlsx' })).toHaveLength(1);
  });

  it('is inferred from a title line above the header', () => {
    const values = [['รายชื่อนักเรียน ปีการศึกษา 2563'], ...sheet(young)];
    expect(planFixes({ name: '', values }, {}, { now }).map((f) => f.after)).toEqual([110]);
    expect(planWorkbookFixes({ sheets: [{ name: 'ป.1', values }] }, {}, { now }).map((f) => f.after)).toEqual([110]);
  });

  it('follows the header row the settings name', () => {
    const values = [['รายชื่อนักเรียน'], ['ชื่อ', 'นามสกุล'], ...sheet({ firstName: ' สมชาย' })];
    expect(planFixes({ name: '', values }, { ...SETTINGS, headerRow: 3 }).map((f) => f.cell)).toEqual(['D4']);
    expect(
      planWorkbookFixes({ sheets: [{ name: 'ก', values }] }, { ...SETTINGS, headerRow: 3 }).map((f) => f.cell),
    ).toEqual(['D4']);
  });
});

describe('a plan', () => {
  it('one fix per cell, the kind answering a finding first and the rest after it', () => {
    const [f] = plan(sheet({ cid: Number(ZERO_ID) }));
    expect(f).toMatchObject({ kind: 'cid-leading-zero', also: ['cid-as-text'], rule: 'cid.leading-zero-lost' });
    const [g] = plan(sheet({ prefix: ' ด.ช.' }));
    expect(g).toMatchObject({ kind: 'spaces', also: ['prefix-word'], rule: 'name.whitespace' });
    // No kind answers a finding: the first one leads, with no rule.
    const [h] = plan(sheet({ cid: THAI(formatCid(cidOf(0))) }));
    expect(h).toMatchObject({ kind: 'thai-digits', also: ['cid-separators'], rule: null });
    const [k] = plan(sheet({ sid: '๒๐๐๐๑' }));
    expect(k).not.toHaveProperty('also');
    expect(k).not.toHaveProperty('format');
  });

  it('the same value on many rows: one fix on each row, in row order', () => {
    const odd = { firstName: ' สมชาย', prefix: 'เด็กชาย' };
    const values = roster({ row: odd, more: [odd, { prefix: 'เด็กชาย' }, odd] });
    expect(plan(values).map((f) => f.cell)).toEqual(['D2', 'D3', 'D5']);
  });

  it('sheet names each fix; a CSV’s is empty', () => {
    expect(planFixes({ name: 'ป.6', values: sheet({ firstName: ' สมชาย' }) }, SETTINGS)[0]!.sheet).toBe('ป.6');
    expect(plan(sheet({ firstName: ' สมชาย' }))[0]!.sheet).toBe('');
  });

  it('counts by kind in the order of the kinds', () => {
    const f = (kind: FixKind) => ({ kind }) as Fix;
    expect(countByKind([f('weight-grams'), f('spaces'), f('weight-grams'), f('cid-as-text')])).toEqual([
      ['spaces', 1],
      ['cid-as-text', 1],
      ['weight-grams', 2],
    ]);
    expect(countByKind([])).toEqual([]);
  });

  it('every kind is labelled in its own words', () => {
    const words: Record<FixKind, RegExp> = {
      spaces: /spaces/,
      'sara-e': /แ/,
      'sara-am': /sara am/,
      'thai-digits': /Thai digits/,
      'cid-separators': /dashes/,
      'cid-leading-zero': /leading 0/,
      'cid-as-text': /as text/,
      'prefix-word': /prefix/,
      'height-metres': /metres/,
      'weight-grams': /grams/,
    };
    for (const k of FIX_KINDS) expect(FIX_LABEL[k].en, k).toMatch(words[k]);
    expect(new Set(FIX_KINDS.map((k) => FIX_LABEL[k].th)).size).toBe(FIX_KINDS.length);
  });
});

describe('applying and undoing', () => {
  it('sameCell: dates by their time, blank cells alike, values by type', () => {
    expect(sameCell(new Date(2020, 0, 1), new Date(2020, 0, 1))).toBe(true);
    expect(sameCell(new Date(2020, 0, 1), new Date(2020, 0, 2))).toBe(false);
    expect(sameCell(new Date(0), 0)).toBe(false);
    expect(sameCell(null, '')).toBe(true);
    expect(sameCell(undefined, null)).toBe(true);
    expect(sameCell('', undefined)).toBe(true);
    expect(sameCell(1, '1')).toBe(false);
    expect(sameCell('a', 'a')).toBe(true);
  });

  it('skips a fix whose row is gone', () => {
    const values = sheet({ firstName: ' สมชาย' });
    const fixes = plan(values);
    expect(applyFixes(values.slice(0, 1), fixes)).toEqual(values.slice(0, 1));
    expect(undoFixes(applyFixes(values, fixes).slice(0, 1), fixes)).toEqual(values.slice(0, 1));
  });

  it('two fixes on one row change both cells, and neither touches the input', () => {
    const values = sheet({ firstName: ' สมชาย', lastName: 'เเก้ว' });
    const copy = structuredClone(values);
    const fixes = plan(values);
    const fixed = applyFixes(values, fixes);
    expect(fixed[1]!.slice(3, 5)).toEqual(['สมชาย', 'แก้ว']);
    expect(values).toEqual(copy);
    const undone = undoFixes(fixed, fixes);
    expect(fixed[1]!.slice(3, 5)).toEqual(['สมชาย', 'แก้ว']);
    expect(undone).toEqual(copy);
  });

  /** Rosters of a few students with cells the fixes touch and cells they leave alone. */
  const cell = {
    cid: fc.constantFrom<Cell>(
      cidOf(1),
      Number(cidOf(2)),
      formatCid(cidOf(3)),
      THAI(cidOf(4)),
      ZERO_ID.slice(1),
      Number(ZERO_ID),
      'G650000012345',
      '',
    ),
    prefix: fc.constantFrom<Cell>('เด็กชาย', 'ด.ช.', ' ด.ช. ', 'นาย', 'ดร.', ''),
    firstName: fc.constantFrom<Cell>('สมชาย', ' สมชาย', 'สม  ชาย', 'เเก้ว', 'ส\u0e4d\u0e32ราญ', '=x', ''),
    weight: fc.constantFrom<Cell>(35, 35000, '35000', '๓๕', '๓๕๐๐๐', 1000000, ''),
    height: fc.constantFrom<Cell>(140, 1.4, '1.40', '๑๔๐', 0.9, ''),
    room: fc.constantFrom<Cell>(1, '๑', '01'),
  };
  const rosters = fc
    .array(fc.record(cell), { minLength: 1, maxLength: 6 })
    .map(([first, ...more]) => roster({ row: first!, more }));
  const kinds = fc.subarray([...FIX_KINDS]);

  it('apply then undo gives every value back; a plan on fixed values is empty', () => {
    fc.assert(
      fc.property(rosters, kinds, (values, k) => {
        const options = { kinds: k };
        const fixes = plan(values, options);
        const fixed = applyFixes(values, fixes);
        expect(undoFixes(fixed, fixes)).toEqual(values);
        expect(plan(fixed, options)).toEqual([]);
        for (const f of fixes) {
          expect(k).toContain(f.kind);
          for (const a of f.also ?? []) expect(k).toContain(a);
          expect(fixed[f.row]![f.col]).toEqual(f.after);
          expect(f.before).toEqual(values[f.row]![f.col]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('shiftDecimal', () => {
  /** The exact value of a decimal text, scaled by 10^30, as a BigInt. */
  const exact = (s: string) => {
    const [i, f = ''] = s.split('.');
    return BigInt(i! + f.padEnd(30, '0'));
  };
  const decimal = fc
    .tuple(fc.stringMatching(/^\d{1,6}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
    .map(([i, f]) => (f === undefined ? i : `${i}.${f}`));

  it('moves the point exactly, and writes the shortest plain decimal', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: -6, max: 6 }), (s, by) => {
        const out = shiftDecimal(s, by);
        expect(out).toMatch(/^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/);
        const scale = 10n ** BigInt(Math.abs(by));
        if (by >= 0) expect(exact(out)).toBe(exact(s) * scale);
        else expect(exact(out) * scale).toBe(exact(s));
        expect(shiftDecimal(out, -by)).toBe(shiftDecimal(s, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('at the edges', () => {
    expect(shiftDecimal('0', 2)).toBe('0');
    expect(shiftDecimal('000.500', 0)).toBe('0.5');
    expect(shiftDecimal('5', -1)).toBe('0.5');
    expect(shiftDecimal('5', -3)).toBe('0.005');
    expect(shiftDecimal('1.5', 3)).toBe('1500');
    expect(shiftDecimal('100', -2)).toBe('1');
  });
});
