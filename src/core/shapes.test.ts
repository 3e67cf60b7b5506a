/**
 * Shapes (analysis.ts shapeOf): in a column of mostly distinct IDs or student numbers, rows alike to
 * every row rule share one evaluation. These tests hold the row rules to it — any two values of one
 * shape give every rule the same answer — and show that the engine evaluates once per shape while
 * duplicates, which need each value, are still found value by value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSheet, fieldValue as valueOf, shapeOf } from './analysis';
import { RULES } from './catalogue';
import { defineRule } from './rules/rule';
import { withCheckDigit } from './thai-id';
import { validate } from './validate';
import type { Cell, FieldKey } from './types';

const ID = withCheckDigit('110170012345'); // person type 1, province 10 (Bangkok)
const settings = { asOf: '2027-03-20', academicYear: 2569 };

describe('shapeOf', () => {
  it.each<[FieldKey, Cell, number]>([
    ['cid', ID, 110],
    ['cid', Number(ID), 1110],
    ['cid', withCheckDigit('899999999999'), 899],
    ['cid', withCheckDigit('012345678901'), 12],
    ['sid', '10023', 0],
    ['sid', '0012', 0],
    ['sid', 10023, 1],
  ])('%s %j has shape %d', (field, raw, shape) => expect(shapeOf(field, raw)).toBe(shape));

  it.each<[FieldKey, Cell]>([
    ['cid', `${ID.slice(0, 12)}${(Number(ID[12]) + 1) % 10}`], // wrong check digit
    ['cid', withCheckDigit('912345678901')], // no person type 9
    ['cid', ` ${ID}`],
    ['cid', `1-1017-00123-45-${ID[12]}`],
    ['cid', ID.slice(1)],
    ['cid', Number(ID) + 0.5],
    ['cid', '๑'.repeat(13)],
    ['cid', ''],
    ['cid', null],
    ['cid', new Date(2020, 0, 1)],
    ['sid', ''],
    ['sid', ' 12'],
    ['sid', '12a'],
    ['sid', '1'.repeat(21)],
    ['sid', -12],
    ['sid', 1.5],
    ['firstName', ID],
    ['weight', '45'],
  ])('%s %j has none', (field, raw) => expect(shapeOf(field, raw)).toBe(-1));
});

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
/** Two valid IDs of one shape: the same first three digits, each as text or as a number cell. */
const cidPair = fc
  .tuple(fc.integer({ min: 0, max: 8 }), digits(2), digits(9), digits(9), fc.boolean())
  .map(([type, province, a, b, asNumber]) => {
    const ids = [a, b].map((rest) => withCheckDigit(`${type}${province}${rest}`));
    // A number cell cannot hold a leading zero: those IDs stay text.
    return ids.map((id) => (asNumber && type > 0 ? Number(id) : id)) as [Cell, Cell];
  });
/** Two student numbers of one shape: digits as text, or whole numbers. */
const sidPair = fc.oneof(
  fc.tuple(fc.stringMatching(/^\d{1,20}$/), fc.stringMatching(/^\d{1,20}$/)),
  fc.tuple(fc.nat(), fc.nat()),
) as fc.Arbitrary<[Cell, Cell]>;

/** Texts the other fields a rule reads may hold. */
const OTHER: Partial<Record<FieldKey, string[]>> = {
  status: ['', 'ปกติ', 'ย้ายเข้า', 'ย้ายออก', 'จำหน่าย', 'จบ', 'พักการเรียน', '?'],
  nationality: ['', 'ไทย', 'Thai', 'กัมพูชา'],
};
const otherValue = (field: FieldKey, i: number) => {
  const texts = OTHER[field] ?? ['', 'x'];
  return valueOf(field, texts[i % texts.length]!);
};

describe('every row rule sees one answer per shape', () => {
  for (const [field, pairs] of [
    ['cid', cidPair],
    ['sid', sidPair],
  ] as const) {
    const rules = RULES.filter((r) => r.check && r.reads?.includes(field));
    it(`${field}: ${rules.map((r) => r.id).join(', ')}`, () => {
      expect(rules.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(pairs, fc.nat(), ([a, b], pick) => {
          fc.pre(shapeOf(field, a) >= 0 && shapeOf(field, a) === shapeOf(field, b));
          const ctx = { has: () => true, dates: { asOf: { y: 2027, m: 3, d: 20 } } } as never;
          for (const rule of rules) {
            const view = (raw: Cell) =>
              Object.fromEntries(
                rule.reads!.map((f) => [f, f === field ? valueOf(field, raw) : otherValue(f, pick)]),
              ) as never;
            expect(rule.check!(view(a), ctx), rule.id).toEqual(rule.check!(view(b), ctx));
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('the engine over shapes', () => {
  const header = ['เลขประจำตัวประชาชน', 'เลขประจำตัวนักเรียน', 'ชื่อ'];
  /** n students with valid IDs of `heads` shapes, distinct student numbers. */
  const roster = (n: number, heads: string[]): Cell[][] => [
    header,
    ...Array.from({ length: n }, (_, i) => [
      withCheckDigit(`${heads[i % heads.length]}${String(i).padStart(9, '0')}`),
      String(1000 + i),
      `ชื่อ${i % 7}`,
    ]),
  ];

  it('evaluates a row rule over IDs once per shape, not once per student', () => {
    let calls = 0;
    const spy = defineRule({
      id: 'test.spy',
      severity: 'info',
      field: 'cid',
      needs: ['cid'],
      about: { th: 'ทดสอบ', en: 'test' },
      say: () => ({ th: 'ทดสอบ', en: 'test' }),
      reads: ['cid'],
      check: ({ cid }) => {
        calls++;
        return cid.v?.ok === true && cid.v.province === '50';
      },
    });
    const values = roster(500, ['110', '150', '210']);
    values[7]![0] = 'not an id';
    const { findings } = validate(values, settings, { rules: [spy] });
    // Three shapes and the one row of none.
    expect(calls).toBe(4);
    // Every student of the shape whose province is 50 fires, at their own row.
    expect(findings.map((f) => f.row)).toEqual(
      Array.from({ length: 500 }, (_, i) => i)
        .filter((i) => i % 3 === 1)
        .map((i) => i + 2),
    );
  });

  it('keeps each value: a shaped column reads every student as a small one does', () => {
    const values = roster(300, ['110', '350']);
    const data = analyseSheet(0, '', values)!;
    expect(data.columns.cid.shapes?.values).toHaveLength(2);
    expect(data.columns.cid.values).toHaveLength(300);
    for (const i of [0, 1, 299]) {
      const v = data.columns.cid.values[data.columns.cid.codes[i]!]!;
      expect(v.text).toBe(values[i + 1]![0]);
      expect(v.v).toMatchObject({ ok: true, digits: values[i + 1]![0] });
    }
    // A small column (no shapes) reads the same values.
    const small = analyseSheet(0, '', values.slice(0, 41))!;
    expect(small.columns.cid.shapes).toBeUndefined();
    expect(small.columns.cid.values[small.columns.cid.codes[39]!]).toEqual(
      data.columns.cid.values[data.columns.cid.codes[39]!],
    );
  });

  it.each([
    ['as the same text', (id: string) => id],
    ['as a number cell', (id: string) => Number(id)],
    ['spaced, a value of no shape', (id: string) => `${id.slice(0, 1)} ${id.slice(1)}`],
  ])('finds duplicate IDs in a shaped column, the second written %s', (_, write) => {
    const values = roster(300, ['110', '350']);
    const id = values[10]![0] as string;
    values[250]![0] = write(id);
    const rows = (n: number) =>
      validate(values.slice(0, n), settings)
        .findings.filter((f) => f.rule === 'cid.duplicate')
        .map((f) => f.row);
    expect(analyseSheet(0, '', values)!.columns.cid.shapes).toBeDefined();
    expect(rows(301)).toEqual([11, 251]);
  });

  it.each([
    ['the same text', '1010'],
    ['with a leading zero', '01010'],
    ['as a number cell', 1010],
    ['as 1010.0', '1010.0'],
  ])('finds duplicate student numbers in a shaped column, the second written %s', (_, second) => {
    const values = roster(300, ['110']);
    values[200]![1] = second;
    const found = validate(values, settings).findings.filter((f) => f.rule === 'sid.duplicate');
    expect(found.map((f) => f.row)).toEqual([12, 201]);
  });
});
