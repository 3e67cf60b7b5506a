import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidOf, describeRules } from '../../../test/support/rules';
import { nameRules, personIds } from './names';

describeRules('student ID and name rules', nameRules, {
  'sid.missing': {
    fire: [{ row: { sid: '' } }],
    quiet: [{ row: { sid: '12345' } }, { row: { sid: '', status: 'จำหน่าย' } }],
  },
  'sid.duplicate': {
    fire: [
      { row: { sid: '12345' }, more: [{ sid: '12345' }] },
      { row: { sid: '0123' }, more: [{ sid: 123 }] },
    ],
    quiet: [
      { row: { sid: '12345' }, more: [{ sid: '12346' }] },
      { row: { sid: '' }, more: [{ sid: '' }] },
    ],
  },
  'name.first.missing': {
    fire: [{ row: { firstName: '' } }, { row: { firstName: '   ' } }],
    quiet: [{ row: { firstName: 'สมชาย' } }],
  },
  'name.last.missing': {
    fire: [{ row: { lastName: '' } }],
    quiet: [{ row: { lastName: 'ใจดี' } }],
  },
  'name.invalid-chars': {
    fire: [
      { row: { firstName: 'สมชาย2' } },
      { row: { lastName: 'ใจดี!' }, cell: 'E2' },
      { row: { firstName: 'สม๑' } },
      { row: { firstName: 'สม@ชาย' } },
    ],
    quiet: [
      { row: { firstName: 'สมชาย' } },
      { row: { lastName: "O'Brien-Smith" } },
      { row: { lastName: 'ณ อยุธยา' } },
      { row: { firstName: 'Jean-Luc' } },
    ],
  },
  'name.whitespace': {
    fire: [
      { row: { firstName: ' สมชาย' } },
      { row: { firstName: 'สมชาย ' } },
      { row: { lastName: 'ณ  อยุธยา' }, cell: 'E2' },
      { row: { firstName: 'สม\u200bชาย' } },
      { row: { prefix: 'ด.ช. ' }, cell: 'C2' },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช.  สมชาย ใจดี' }, cell: 'B2' },
    ],
    quiet: [
      { row: { firstName: 'สมชาย', lastName: 'ณ อยุธยา' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. สมชาย ใจดี' } },
    ],
  },
  'name.thai-typo': {
    fire: [
      { row: { firstName: 'เเพรวา' } },
      { row: { lastName: 'ใจดีี' }, cell: 'E2' },
      { row: { firstName: 'สมชาย่่' } },
      { row: { firstName: '่สมชาย' } },
    ],
    quiet: [{ row: { firstName: 'แพรวา' } }, { row: { firstName: 'กี่' } }, { row: { firstName: 'น้ำฝน' } }],
  },
  'name.mixed-script': {
    fire: [{ row: { firstName: 'สมชายa' } }, { row: { lastName: 'Jaiดี' }, cell: 'E2' }],
    quiet: [{ row: { firstName: 'สมชาย' } }, { row: { firstName: 'John', lastName: 'Smith' } }],
  },
  'name.prefix-in-name': {
    fire: [
      { row: { firstName: 'ด.ช.สมชาย' } },
      { row: { firstName: 'เด็กหญิงสมศรี' } },
      { row: { firstName: 'นาย สมชาย' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. ด.ช.สมชาย ใจดี' }, cell: 'B2' },
    ],
    quiet: [
      { row: { firstName: 'สมชาย' } },
      { row: { firstName: 'นางนวล' } },
      { row: { firstName: 'นายิกา' } },
      { columns: ['cid', 'fullName', 'gender', 'dob', 'grade'], row: { fullName: 'ด.ช. สมชาย ใจดี' } },
    ],
  },
  'name.near-duplicate': {
    fire: [{ row: { firstName: 'สมชาย', lastName: 'ใจดี' }, more: [{ firstName: 'สมชาย ', lastName: 'ใจดี' }] }],
    quiet: [
      { row: { firstName: 'สมชาย', lastName: 'ใจดี' }, more: [{ firstName: 'สมชาย', lastName: 'มีสุข' }] },
      {
        row: { firstName: 'สมชาย', lastName: 'ใจดี' },
        more: [{ firstName: 'สมชาย', lastName: 'ใจดี', dob: '16/03/2558' }],
      },
      // Same ID too: that is cid.duplicate's finding, not this one.
      {
        row: { firstName: 'สมชาย', lastName: 'ใจดี', cid: cidOf(5) },
        more: [{ firstName: 'สมชาย', lastName: 'ใจดี', cid: cidOf(5) }],
      },
    ],
  },
});

describe('personIds', () => {
  // Few values of each, many students: students alike in one or two of the three are common.
  const column = (size: number, none: boolean) =>
    fc.integer({ min: 1, max: 4 }).chain((count) =>
      fc.record({
        count: fc.constant(count),
        ids: fc.array(fc.integer({ min: none ? -1 : 0, max: count - 1 }), { minLength: size, maxLength: size }),
      }),
    );
  const table = fc
    .integer({ min: 0, max: 40 })
    .chain((size) => fc.tuple(fc.constant(size), column(size, true), column(size, false), column(size, true)));

  it('numbers students alike exactly when first name, last name and birth date are alike, both ways', () => {
    fc.assert(
      fc.property(table, ([size, f, l, d]) => {
        const as = (c: { count: number; ids: number[] }) => ({ ids: Int32Array.from(c.ids), count: c.count });
        for (const exactUpTo of [Number.MAX_SAFE_INTEGER, 0]) {
          const { person, count } = personIds(as(f), as(l), as(d), size, exactUpTo);
          for (let i = 0; i < size; i++) {
            const none = f.ids[i]! < 0 || d.ids[i]! < 0;
            expect(person[i]! < 0).toBe(none);
            if (none) continue;
            expect(person[i]!).toBeLessThan(count);
            for (let j = 0; j < size; j++) {
              const alike = f.ids[j] === f.ids[i] && l.ids[j] === l.ids[i] && d.ids[j] === d.ids[i];
              expect(person[j] === person[i]).toBe(alike);
            }
          }
        }
      }),
    );
  });
});
