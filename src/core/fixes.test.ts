/** Each fix of issue 14: it fires, stays quiet, is idempotent, and answers its finding without making a new one. */
import { describe, expect, it } from 'vitest';
import { cidOf, roster, SETTINGS, wrongCheckDigit } from '../../test/support/rules';
import {
  applyFixes,
  countByKind,
  FIX_KINDS,
  FIX_LABEL,
  FIX_RULE,
  planFixes,
  planWorkbookFixes,
  shiftDecimal,
  undoFixes,
  type Fix,
  type FixKind,
  type FixOptions,
} from './fixes';
import { RULE_BY_ID } from './catalogue';
import { formatCid, withCheckDigit } from './thai-id';
import { validate } from './validate';
import type { Cell, FieldKey } from './types';

type Row = Partial<Record<FieldKey, Cell>>;

/** A roster whose students are clean except for `row` (sheet row 2); prefixes already full words. */
function sheet(row: Row, more: Row[] = [], columns?: FieldKey[]): Cell[][] {
  const base = { prefix: 'เด็กชาย' };
  return roster({ row: { ...base, ...row }, more: more.map((m) => ({ ...base, ...m })), columns });
}

const plan = (values: Cell[][], options?: FixOptions) => planFixes({ name: '', values }, SETTINGS, options);
const keys = (values: Cell[][]) => validate(values, SETTINGS).findings.map((f) => `${f.rule}@${f.cell}`);

/** The findings a fix answers: its kinds' rules on its cell. */
function answered(fixes: readonly Fix[]): Set<string> {
  const out = new Set<string>();
  for (const f of fixes)
    for (const k of [f.kind, ...(f.also ?? [])]) if (FIX_RULE[k]) out.add(`${FIX_RULE[k]}@${f.cell}`);
  return out;
}

/** The zero-led ID of a person type 0 (no registration status), valid with its checksum. */
const ZERO_ID = withCheckDigit('010370000012');
const THAI = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

interface Case {
  name: string;
  row: Row;
  columns?: FieldKey[];
  cell: string;
  kind: FixKind;
  also?: FixKind[];
  after: string | number;
  options?: FixOptions;
}

// Columns of the default roster: A cid, B sid, C prefix, D firstName, E lastName, F gender, G dob,
// H grade, I room, J weight, K height (a ป.6 pupil, 12 on the check date: 22–100 kg, 127–170 cm).
const FIRES: Case[] = [
  { name: 'leading and trailing spaces', row: { firstName: '  สมชาย ' }, cell: 'D2', kind: 'spaces', after: 'สมชาย' },
  { name: 'doubled space', row: { lastName: 'ใจ  ดี' }, cell: 'E2', kind: 'spaces', after: 'ใจ ดี' },
  { name: 'zero-width space', row: { firstName: 'สม\u200bชาย' }, cell: 'D2', kind: 'spaces', after: 'สมชาย' },
  { name: 'no-break space', row: { lastName: 'ใจดี\u00a0' }, cell: 'E2', kind: 'spaces', after: 'ใจดี' },
  // An invisible character hides no Thai slip: it is a finding before the fix as after it.
  {
    name: 'zero-width space inside a doubled vowel (left to a person)',
    row: { lastName: 'ใจดีจะ\u200bะ' },
    cell: 'E2',
    kind: 'spaces',
    after: 'ใจดีจะะ',
  },
  {
    name: 'zero-width space between two sara e',
    row: { lastName: 'เ\u200bเก้วมณี' },
    cell: 'E2',
    kind: 'spaces',
    also: ['sara-e'],
    after: 'แก้วมณี',
  },
  { name: 'spaces in the prefix', row: { prefix: ' เด็กชาย' }, cell: 'C2', kind: 'spaces', after: 'เด็กชาย' },
  { name: 'เเ in a last name', row: { lastName: 'เเก้วมณี' }, cell: 'E2', kind: 'sara-e', after: 'แก้วมณี' },
  { name: 'ํา in a first name', row: { firstName: 'ส\u0e4d\u0e32ราญ' }, cell: 'D2', kind: 'sara-am', after: 'สำราญ' },
  { name: 'Thai digits in the student number', row: { sid: '๒๐๐๐๐' }, cell: 'B2', kind: 'thai-digits', after: '20000' },
  { name: 'Thai digits in the room', row: { room: '๑' }, cell: 'I2', kind: 'thai-digits', after: '1' },
  { name: 'Thai digits in the weight', row: { weight: '๓๕.๕' }, cell: 'J2', kind: 'thai-digits', after: '35.5' },
  { name: 'Thai digits in the height', row: { height: '๑๔๐' }, cell: 'K2', kind: 'thai-digits', after: '140' },
  { name: 'Thai digits in the ID', row: { cid: THAI(cidOf(0)) }, cell: 'A2', kind: 'thai-digits', after: cidOf(0) },
  { name: 'dashes in the ID', row: { cid: formatCid(cidOf(0)) }, cell: 'A2', kind: 'cid-separators', after: cidOf(0) },
  { name: 'apostrophe on the ID', row: { cid: `'${cidOf(0)}` }, cell: 'A2', kind: 'cid-separators', after: cidOf(0) },
  {
    name: 'lost zero in a text cell',
    row: { cid: ZERO_ID.slice(1) },
    cell: 'A2',
    kind: 'cid-leading-zero',
    after: ZERO_ID,
  },
  {
    name: 'lost zero in a number cell',
    row: { cid: Number(ZERO_ID) },
    cell: 'A2',
    kind: 'cid-leading-zero',
    also: ['cid-as-text'],
    after: ZERO_ID,
  },
  { name: 'ID in a number cell', row: { cid: Number(cidOf(0)) }, cell: 'A2', kind: 'cid-as-text', after: cidOf(0) },
  { name: 'ด.ช.', row: { prefix: 'ด.ช.' }, cell: 'C2', kind: 'prefix-word', after: 'เด็กชาย' },
  { name: 'ดช', row: { prefix: 'ดช' }, cell: 'C2', kind: 'prefix-word', after: 'เด็กชาย' },
  {
    name: 'ด.ญ.',
    row: { prefix: 'ด.ญ.', gender: 'หญิง', firstName: 'สมศรี' },
    cell: 'C2',
    kind: 'prefix-word',
    after: 'เด็กหญิง',
  },
  {
    name: 'spaced ด.ช.',
    row: { prefix: '  ด.ช. ' },
    cell: 'C2',
    kind: 'spaces',
    also: ['prefix-word'],
    after: 'เด็กชาย',
  },
  { name: 'height in metres (number)', row: { height: 1.4 }, cell: 'K2', kind: 'height-metres', after: 140 },
  { name: 'height in metres (text)', row: { height: '1.35' }, cell: 'K2', kind: 'height-metres', after: '135' },
  { name: 'weight in grams (number)', row: { weight: 35000 }, cell: 'J2', kind: 'weight-grams', after: 35 },
  { name: 'weight in grams (text)', row: { weight: '35500' }, cell: 'J2', kind: 'weight-grams', after: '35.5' },
  {
    name: 'grams in Thai digits',
    row: { weight: '๓๕๐๐๐' },
    cell: 'J2',
    kind: 'weight-grams',
    also: ['thai-digits'],
    after: '35',
  },
  {
    name: 'a full name split into the names',
    row: { fullName: 'ด.ช.  สมชาย  เเก้วดี' },
    columns: ['cid', 'fullName', 'gender', 'dob', 'grade'],
    cell: 'B2',
    kind: 'spaces',
    also: ['sara-e'],
    after: 'ด.ช. สมชาย แก้วดี',
  },
];

describe('each fix', () => {
  for (const c of FIRES) {
    describe(c.name, () => {
      const values = sheet(c.row, [], c.columns);
      const fixes = plan(values, c.options);

      it('fires on the cell with the repair', () => {
        expect(fixes).toHaveLength(1);
        const f = fixes[0]!;
        expect(f).toMatchObject({ cell: c.cell, kind: c.kind, after: c.after, rule: FIX_RULE[c.kind] });
        expect(f.also).toEqual(c.also);
        expect(f.before).toEqual(values[f.row]![f.col]);
        expect(f.format).toBe(f.field === 'cid' ? '@' : undefined);
      });

      it('is idempotent: planning on the fixed values plans nothing', () => {
        expect(plan(applyFixes(values, fixes), c.options)).toEqual([]);
      });

      it('removes the finding it answers and makes none', () => {
        const before = keys(values);
        const gone = answered(fixes);
        if (FIX_RULE[c.kind]) expect(before).toContain(`${FIX_RULE[c.kind]}@${c.cell}`);
        expect(keys(applyFixes(values, fixes))).toEqual(before.filter((k) => !gone.has(k)));
      });
    });
  }
});

const QUIET: Array<{ name: string; row: Row; columns?: FieldKey[]; options?: FixOptions }> = [
  { name: 'a clean roster', row: {} },
  { name: 'one space between words', row: { lastName: 'ณ อยุธยา' } },
  { name: 'a blank name', row: { firstName: '   ' } },
  { name: 'a name that would become a formula', row: { firstName: ' =สมชาย' } },
  { name: 'three sara e (แเ or เแ?)', row: { lastName: 'เเเก้ว' } },
  { name: 'other Thai typos (a repeated tone mark)', row: { firstName: 'สมช่่าย' } },
  { name: 'nikhahit apart from sara aa', row: { firstName: 'น\u0e4d\u0e49\u0e32ฝน' } },
  { name: 'an ID of the wrong length, dashed', row: { cid: '1-2345-6789' } },
  { name: '12 digits that a 0 does not make valid', row: { cid: cidOf(0).slice(1) } },
  { name: 'a G-code with spaces', row: { cid: 'G 650000012345' } },
  { name: "Excel's 1.1E+12 text", row: { cid: '1.10370000001E+12' } },
  { name: 'a number ID with lost digits', row: { cid: 1103700000010.5 } },
  { name: 'prefix words switched off', row: { prefix: 'ด.ช.' }, options: { prefixWords: false } },
  { name: 'นาย is already a word', row: { prefix: 'นาย', dob: '15/03/2550' } },
  { name: 'an unknown prefix', row: { prefix: 'ดร.' } },
  { name: 'metres without a birth date', row: { height: 1.4, dob: '' } },
  { name: 'metres outside the growth band', row: { height: 0.9 } },
  { name: 'grams outside the growth band', row: { weight: 150000 } },
  { name: 'grams with a unit', row: { weight: '35000 กรัม' } },
  { name: 'a weight with a unit', row: { weight: '35 กก.' } },
  { name: 'Thai digits turned off', row: { sid: '๒๐๐๐๐' }, options: { kinds: ['spaces'] } },
  // Never: checksums, duplicates, prefix vs gender, age vs grade, swapped body values, movement.
  { name: 'a wrong check digit', row: { cid: wrongCheckDigit(cidOf(0)) } },
  { name: 'a prefix of the other gender', row: { prefix: 'เด็กหญิง' } },
  { name: 'age against grade', row: { grade: 'ม.6' } },
  { name: 'swapped weight and height', row: { weight: 140, height: 35 } },
  { name: 'a transfer after the exam', row: { status: 'ย้ายออก' } },
];

describe('stays quiet', () => {
  for (const c of QUIET) {
    it(c.name, () => expect(plan(sheet(c.row, [], c.columns), c.options)).toEqual([]));
  }

  it('on a duplicate ID, while the separators of the other row are still tidied', () => {
    const values = sheet({}, [{ cid: formatCid(cidOf(0)) }]);
    const fixes = plan(values);
    expect(fixes.map((f) => [f.cell, f.kind])).toEqual([['A3', 'cid-separators']]);
    expect(keys(applyFixes(values, fixes))).toEqual(keys(values));
  });

  it('when metres and grams would look swapped once converted', () => {
    // 18 years old: 148 kg and 145 cm both fit the band, but weight above height reads as swapped.
    expect(plan(sheet({ dob: '15/03/2550', weight: 148000, height: 1.45, prefix: 'นาย' }))).toEqual([]);
  });

  it('on cells whose bytes were damaged', () => {
    const values = sheet({ firstName: '  สมชาย' });
    expect(planFixes({ name: '', values, damaged: [{ row: 1, col: 3 }] }, SETTINGS)).toEqual([]);
    expect(plan(sheet({ firstName: '  สม\ufffdชาย' }))).toEqual([]);
  });

  it('on a sheet with no roster header', () => {
    expect(plan([['hello'], ['  world  ']])).toEqual([]);
  });
});

describe('a plan', () => {
  const values = sheet({ cid: Number(cidOf(0)), firstName: ' สมชาย', weight: 35000 }, [
    { prefix: 'ด.ช.', lastName: 'เเก้ว', height: 1.5 },
  ]);

  it('is deterministic and in row, then column order', () => {
    const a = plan(values);
    expect(plan(values)).toEqual(a);
    expect(a.map((f) => f.cell)).toEqual(['A2', 'D2', 'J2', 'C3', 'E3', 'K3']);
  });

  it('is applied without touching the input, and undone exactly', () => {
    const copy = structuredClone(values);
    const fixes = plan(values);
    const fixed = applyFixes(values, fixes);
    expect(values).toEqual(copy);
    expect(fixed[1]![0]).toBe(cidOf(0));
    expect(undoFixes(fixed, fixes)).toEqual(values);
    // Undo in any order and any grouping gives the same: one fix per cell.
    expect(undoFixes(undoFixes(fixed, fixes.slice(3)), fixes.slice(0, 3))).toEqual(values);
  });

  it('leaves a cell edited since the plan alone, on apply and on undo', () => {
    const fixes = plan(values);
    const edited = values.map((r) => r.slice());
    edited[1]![3] = 'สมศักดิ์';
    expect(applyFixes(edited, fixes)[1]![3]).toBe('สมศักดิ์');
    const fixed = applyFixes(values, fixes);
    fixed[1]![3] = 'สมศักดิ์';
    expect(undoFixes(fixed, fixes)[1]![3]).toBe('สมศักดิ์');
  });

  it('can be limited to some kinds; a cell keeps the repairs of the kinds chosen', () => {
    const v = sheet({ prefix: '  ด.ช. ' });
    expect(plan(v, { kinds: ['spaces'] })[0]).toMatchObject({ kind: 'spaces', after: 'ด.ช.' });
    expect(plan(v, { kinds: ['prefix-word'] })[0]).toMatchObject({ kind: 'prefix-word', after: 'เด็กชาย' });
    // An ID is repaired whole or not at all.
    expect(plan(sheet({ cid: Number(ZERO_ID) }), { kinds: ['cid-leading-zero'] })).toEqual([]);
  });

  it('covers every sheet of a workbook and names each', () => {
    const fixes = planWorkbookFixes(
      {
        sheets: [
          { name: 'ม.1-1', values: sheet({ firstName: ' สมชาย' }) },
          { name: 'คำชี้แจง', values: [['อ่านก่อน  ']] },
          { name: 'ม.1-2', values: sheet({ lastName: 'เเก้ว' }) },
        ],
      },
      SETTINGS,
    );
    expect(fixes.map((f) => [f.sheet, f.cell, f.kind])).toEqual([
      ['ม.1-1', 'D2', 'spaces'],
      ['ม.1-2', 'E2', 'sara-e'],
    ]);
    expect(countByKind(fixes)).toEqual([
      ['spaces', 1],
      ['sara-e', 1],
    ]);
  });

  it('uses the check date to age the student: a band that fits on the check date', () => {
    // 1.10 m fits a 6-year-old (100–132 cm), not the 12-year-old of the default row.
    const young = { dob: '15/03/2563', grade: 'ป.1' };
    expect(plan(sheet({ ...young, height: 1.1, weight: 20 }))[0]).toMatchObject({ after: 110 });
    expect(plan(sheet({ height: 1.1 }))).toEqual([]);
  });
});

describe('labels', () => {
  it('every kind has a Thai and an English label and a known rule', () => {
    for (const k of FIX_KINDS) {
      expect(FIX_LABEL[k].th).toMatch(/[\u0e01-\u0e5b]/);
      expect(FIX_LABEL[k].en).toMatch(/^[^\u0e01-\u0e2e]/);
      const rule = FIX_RULE[k];
      if (rule) expect(RULE_BY_ID.has(rule), rule).toBe(true);
    }
  });

  it('shiftDecimal moves the point exactly', () => {
    expect(shiftDecimal('1.35', 2)).toBe('135');
    expect(shiftDecimal('1.5', 2)).toBe('150');
    expect(shiftDecimal('0.95', 2)).toBe('95');
    expect(shiftDecimal('45000', -3)).toBe('45');
    expect(shiftDecimal('25500', -3)).toBe('25.5');
    expect(shiftDecimal('1234.5', -3)).toBe('1.2345');
    expect(shiftDecimal('500', -3)).toBe('0.5');
  });
});
