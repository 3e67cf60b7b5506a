/**
 * Fixes on random rosters (fast-check): fixing twice changes nothing more, undo gives back exactly the
 * values fixed (types too), and after a fix no finding of a fixed kind is left on a fixed cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, FIX_RULE, planFixes, undoFixes, type Fix } from '../src/core/fixes';
import { thaiTypo } from '../src/core/text';
import { validate } from '../src/core/validate';
import type { Cell, Finding } from '../src/core/types';
import { HEADER, SETTINGS } from './support/rules';
import { anyCid, dressedCids, thaiDigits } from './support/cid-cells';

const cidCell: fc.Arbitrary<Cell> = fc.oneof(
  ...dressedCids,
  anyCid.map((c) => c.slice(0, 12) + String((Number(c[12]) + 1) % 10)),
  fc.constantFrom('', 'G650000012345', 'G 6500 0001 2345', '1.10370000001E+12', '-', 'ไม่มี', 1103700000010.5),
);

/** Name pieces: Thai syllables, the slips the fixes repair, and the ones they must leave alone. */
const piece = fc.constantFrom(
  'สม',
  'ชาย',
  'ใจ',
  'ดี',
  'แก้ว',
  'เเก้ว',
  'เเเ',
  'ส\u0e4d\u0e32',
  'น\u0e4d\u0e49\u0e32',
  'ช่่',
  'ะ',
  ' ',
  '  ',
  '\u00a0',
  '\u200b',
  '\t',
  '=',
  '-',
  'Tom',
  '\ufffd',
);
const nameCell = fc.array(piece, { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
const prefixCell = fc.constantFrom(
  'เด็กชาย',
  'ด.ช.',
  ' ด.ญ. ',
  'ดญ',
  'น.ส.',
  'นาย',
  'ส.ณ.',
  'นาง ',
  'Mr',
  'ดร.',
  '',
  '  ',
);
const dobCell = fc.constantFrom('15/03/2558', '01/06/2563', '20/12/2551', '15/03/2550', '', '31/02/2558', 'x');
const numberish = (grams: boolean) =>
  fc.oneof(
    fc.integer({ min: 0, max: 220 }),
    fc.integer({ min: 0, max: 2200 }).map((n) => n / 10),
    grams ? fc.integer({ min: 8000, max: 160000 }) : fc.integer({ min: 50, max: 250 }).map((n) => n / 100),
    grams ? fc.integer({ min: 80, max: 1600 }).map((n) => String(n * 100)) : fc.constantFrom('1.35', '1.5', '0.9'),
    fc.integer({ min: 0, max: 200 }).map((n) => thaiDigits(String(n))),
    fc.constantFrom('', '-', '0', '45 กก.', 'abc', '๑.๔๐', '๓๕๐๐๐'),
  );
const studentCell = fc.oneof(fc.integer({ min: 1, max: 99999 }).map(String), fc.constantFrom('๒๐๐๐๐', '19001.0', ''));

const COLUMNS = ['cid', 'sid', 'prefix', 'firstName', 'lastName', 'gender', 'dob', 'grade', 'room', 'weight', 'height'];
const rowArb = fc.tuple(
  cidCell,
  studentCell,
  prefixCell,
  nameCell,
  nameCell,
  fc.constantFrom('ชาย', 'หญิง', 'ช', ''),
  dobCell,
  fc.constantFrom('ป.6', 'ป.1', 'ม.6', ''),
  fc.constantFrom<Cell>(1, '๒', '3', ''),
  numberish(true),
  numberish(false),
);
const rosterArb = fc
  .array(rowArb, { minLength: 1, maxLength: 8 })
  .map((rows) => [COLUMNS.map((k) => HEADER[k as keyof typeof HEADER]), ...rows] as Cell[][]);

const plan = (values: Cell[][], prefixWords = true) => planFixes({ name: '', values }, SETTINGS, { prefixWords });
const keyOf = (f: Finding) => `${f.rule}@${f.cell}`;

/** After the fix, a finding of the rule a fix answers is left on its cell only for another Thai slip. */
function leftOver(fixes: readonly Fix[], after: Finding[]): Finding[] {
  const byCell = new Map(fixes.map((f) => [f.cell, f]));
  return after.filter((finding) => {
    const f = finding.cell ? byCell.get(finding.cell) : undefined;
    if (!f) return false;
    const kinds = [f.kind, ...(f.also ?? [])];
    if (!kinds.some((k) => FIX_RULE[k] === finding.rule)) return false;
    if (finding.rule === 'name.thai-typo') {
      // Only เเ and ํา are fixed (and เเเ is left alone): another slip in the same cell stays a finding.
      const typo = thaiTypo(finding.value);
      return (
        (typo === 'double-sara-e' && kinds.includes('sara-e')) ||
        (typo === 'decomposed-sara-am' && kinds.includes('sara-am'))
      );
    }
    return true;
  });
}

/** Findings a fix may reveal: a restored zero makes an ID valid, and a valid ID can be a duplicate. */
const REVEALED = new Set(['cid.duplicate', 'name.near-duplicate', 'cid.nationality']);

const RUNS = { numRuns: 150, interruptAfterTimeLimit: 12_000 };

describe('fixes on random rosters', () => {
  it('fixing twice changes nothing more', () => {
    fc.assert(
      fc.property(rosterArb, fc.boolean(), (values, words) => {
        const fixes = plan(values, words);
        expect(plan(applyFixes(values, fixes), words)).toEqual([]);
        expect(plan(values, words)).toEqual(fixes);
      }),
      RUNS,
    );
  });

  it('undo gives back exactly the original values, types included', () => {
    fc.assert(
      fc.property(rosterArb, (values) => {
        const original = structuredClone(values);
        const fixes = plan(values);
        const fixed = applyFixes(values, fixes);
        expect(values).toEqual(original);
        const undone = undoFixes(fixed, fixes);
        expect(undone).toEqual(original);
        undone.forEach((row, r) => row.forEach((v, c) => expect(typeof v).toBe(typeof original[r]![c])));
        // Fixes touch only the cells they name.
        const named = new Set(fixes.map((f) => `${f.row}:${f.col}`));
        fixed.forEach((row, r) => row.forEach((v, c) => named.has(`${r}:${c}`) || expect(v).toBe(original[r]![c])));
      }),
      RUNS,
    );
  });

  it('after a fix no finding of a fixed kind is left on a fixed cell, and nothing new appears but what a valid ID reveals', () => {
    fc.assert(
      fc.property(rosterArb, (values) => {
        const fixes = plan(values);
        const fixed = applyFixes(values, fixes);
        const before = validate(values, SETTINGS).findings;
        const after = validate(fixed, SETTINGS).findings;
        expect(leftOver(fixes, after).map(keyOf)).toEqual([]);
        const had = new Map<string, number>();
        for (const f of before) had.set(keyOf(f), (had.get(keyOf(f)) ?? 0) + 1);
        const fresh = after.filter((f) => {
          const n = had.get(keyOf(f)) ?? 0;
          had.set(keyOf(f), n - 1);
          return n <= 0;
        });
        expect(fresh.filter((f) => !REVEALED.has(f.rule)).map((f) => `${keyOf(f)} ${f.value}`)).toEqual([]);
        // A fix only ever writes the fields the fixes are for, and a citizen ID only as text.
        for (const f of fixes) {
          expect(['cid', 'sid', 'prefix', 'firstName', 'lastName', 'fullName', 'room', 'weight', 'height']).toContain(
            f.field,
          );
          if (f.field === 'cid') expect(typeof f.after === 'string' && /^\d+$/.test(f.after) && f.format).toBe('@');
        }
      }),
      RUNS,
    );
  });
});
