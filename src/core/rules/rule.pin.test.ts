/**
 * Pins the helpers every rule's message and age use (issue 15): how a value is quoted (empty as a dash, long
 * ones cut at 40 characters), a label capitalised, and the age on the check date (none for a future birth).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateParse } from '../dates';
import { ageOnCheckDate, cap, defineRule, defineRules, q, type Ctx, type RuleDef } from './rule';

describe('q: a value quoted for a message', () => {
  it.each([
    [undefined, '«—»'],
    ['', '«—»'],
    [0, '«0»'],
    [12.5, '«12.5»'],
    ['ป.7', '«ป.7»'],
    [' ', '« »'],
  ])('%j → %s', (v, out) => expect(q(v)).toBe(out));
  it('keeps 40 characters whole and cuts a longer value at 40 with an ellipsis', () => {
    const forty = 'ก'.repeat(40);
    expect(q(forty)).toBe(`«${forty}»`);
    expect(q(`${forty}ข`)).toBe(`«${forty}…»`);
    expect(q('x'.repeat(100))).toBe(`«${'x'.repeat(40)}…»`);
  });
  it('never holds more than 40 characters of the value (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const out = q(s);
        expect(out.startsWith('«') && out.endsWith('»')).toBe(true);
        const inner = out.slice(1, -1);
        if (s === '') expect(inner).toBe('—');
        else if (s.length <= 40) expect(inner).toBe(s);
        else expect(inner).toBe(`${s.slice(0, 40)}…`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('cap: a label opening an English sentence', () => {
  it.each([
    ['first name', 'First name'],
    ['citizen ID', 'Citizen ID'],
    ['Prefix', 'Prefix'],
    ['', ''],
    ['ชื่อ', 'ชื่อ'],
  ])('%j → %j', (s, out) => expect(cap(s)).toBe(out));
});

describe('ageOnCheckDate', () => {
  const ctx = (asOf: string): Ctx => {
    const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
    const ymd = { y, m, d };
    return {
      map: { headerIndex: 0, headers: [], columns: {}, duplicates: [] },
      dates: { asOf: ymd, academicYear: 2569, yearStart: { y: 2026, m: 5, d: 16 }, examEnd: ymd },
      has: () => true,
      sheetNames: [],
      damaged: [],
    };
  };
  const born = (y: number, m: number, d: number): DateParse => ({ ok: true, date: { y, m, d }, era: 'BE' });
  it.each([
    [born(2015, 3, 20), 12],
    [born(2015, 3, 21), 11],
    [born(2015, 3, 19), 12],
    [born(2015, 4, 1), 11],
    [born(2015, 2, 28), 12],
    [born(2027, 3, 20), 0],
  ])('born %j: %i on 20 March 2027', (dob, age) => expect(ageOnCheckDate(dob, ctx('2027-03-20'))).toBe(age));
  it.each([
    ['a birth after the check date', born(2027, 3, 21)],
    ['a birth in a later year', born(2028, 1, 1)],
    ['no date', null],
    ['an unreadable date', { ok: false } as DateParse],
  ])('%s: no age', (_what, dob) => expect(ageOnCheckDate(dob, ctx('2027-03-20'))).toBeNull());
});

describe('defineRule and defineRules', () => {
  it('keep the rules as given, in order', () => {
    const rule: RuleDef = {
      id: 'a',
      severity: 'info',
      field: null,
      needs: [],
      about: { th: 'ก', en: 'A' },
      say: () => ({ th: 'ก', en: 'A' }),
    };
    const a = defineRule(rule);
    expect(a).toBe(rule);
    const b = { ...a, id: 'b' };
    expect(defineRules(a, b)).toEqual([a, b]);
    expect(defineRules()).toEqual([]);
  });
});
