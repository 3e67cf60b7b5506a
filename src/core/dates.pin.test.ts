/** Pins how dates are read and shown: every month name, separator, era threshold and calendar edge (issue 15). */
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  BE_OFFSET,
  compareYmd,
  daysInMonth,
  formatBE,
  formatLong,
  isDate,
  isLeap,
  parseDateCell,
  parseDateText,
  parseDateValue,
  parseIso,
  THAI_MONTH_ABBR,
  toIso,
  type DateParse,
  type Ymd,
} from './dates';

const ymd = (y: number, m: number, d: number): Ymd => ({ y, m, d });
const ok = (y: number, m: number, d: number, era: 'BE' | 'CE' | null): DateParse => ({
  ok: true,
  date: ymd(y, m, d),
  era,
});
const NO: DateParse = { ok: false };

const THAI_FULL = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const THAI_ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_FULL = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('month names', () => {
  const months = THAI_FULL.map((full, i) => [i + 1, full, THAI_ABBR[i]!, EN_FULL[i]!] as const);
  it.each(months)('month %i: %s, %s, %s', (m, full, abbr, en) => {
    const want = ok(2012, m, 1, 'BE');
    expect(parseDateText(`1 ${full} 2555`)).toEqual(want);
    expect(parseDateText(`1 ${abbr} 2555`)).toEqual(want);
    // Without dots, and without spaces.
    expect(parseDateText(`1 ${abbr.replace(/\./g, '')} 2555`)).toEqual(want);
    expect(parseDateText(`1${abbr}2555`)).toEqual(want);
    // English: the full name, its first three letters, any case.
    expect(parseDateText(`1 ${en} 2012`)).toEqual(ok(2012, m, 1, 'CE'));
    expect(parseDateText(`1 ${en.slice(0, 3)} 2012`)).toEqual(ok(2012, m, 1, 'CE'));
    expect(parseDateText(`1 ${en.slice(0, 3).toUpperCase()}. 2012`)).toEqual(ok(2012, m, 1, 'CE'));
    expect(parseDateText(`1 ${en.toLowerCase()} 2012`)).toEqual(ok(2012, m, 1, 'CE'));
  });
  it('reads an English name by its first three letters ("Sept")', () => {
    expect(parseDateText('1 Sept 2012')).toEqual(ok(2012, 9, 1, 'CE'));
  });
  it.each(['Ma', 'Ju', 'มี', 'ฟฟฟ', 'Xyz', 'Foo'])('%j is no month', (name) =>
    expect(parseDateText(`1 ${name} 2555`)).toEqual(NO),
  );
  it('lists the Thai abbreviations used for display, in order', () => {
    expect(THAI_MONTH_ABBR).toEqual(THAI_ABBR);
  });
});

describe('parseDateText: layouts', () => {
  it.each([
    ['15/03/2555', ok(2012, 3, 15, 'BE')],
    ['15-03-2555', ok(2012, 3, 15, 'BE')],
    ['15.03.2555', ok(2012, 3, 15, 'BE')],
    ['15/03-2555', ok(2012, 3, 15, 'BE')],
    ['15.03/2555', ok(2012, 3, 15, 'BE')],
    ['5/3/2555', ok(2012, 3, 5, 'BE')],
    ['05/3/2555', ok(2012, 3, 5, 'BE')],
    ['15/03/55', ok(2012, 3, 15, 'BE')],
    ['15/03/2012', ok(2012, 3, 15, 'CE')],
    ['2555-03-15', ok(2012, 3, 15, 'BE')],
    ['2555/03/15', ok(2012, 3, 15, 'BE')],
    ['2555.3.5', ok(2012, 3, 5, 'BE')],
    ['2012-03-15', ok(2012, 3, 15, 'CE')],
    ['2012/3/15', ok(2012, 3, 15, 'CE')],
    ['๑๕/๐๓/๒๕๕๕', ok(2012, 3, 15, 'BE')],
    ['  15/03/2555  ', ok(2012, 3, 15, 'BE')],
    ['15 มี.ค. 2555', ok(2012, 3, 15, 'BE')],
    ['15มี.ค.2555', ok(2012, 3, 15, 'BE')],
    ['15   มี.ค.   2555', ok(2012, 3, 15, 'BE')],
    ['15\tมี.ค.\t2555', ok(2012, 3, 15, 'BE')],
    ['15 มี.ค. 55', ok(2012, 3, 15, 'BE')],
    ['15 มีนาคม พ.ศ. 2555', ok(2012, 3, 15, 'BE')],
    ['15 มีนาคม พ.ศ.2555', ok(2012, 3, 15, 'BE')],
    ['15 มีนาคม พ. ศ. 2555', ok(2012, 3, 15, 'BE')],
    ['15 มีนาคม พศ 2555', ok(2012, 3, 15, 'BE')],
    ['15 มีนาคม พศ. 2555', ok(2012, 3, 15, 'BE')],
    ['15มีนาคมพ.ศ.2555', ok(2012, 3, 15, 'BE')],
    ['15 March ค.ศ. 2012', ok(2012, 3, 15, 'CE')],
    ['15 March คศ 2012', ok(2012, 3, 15, 'CE')],
    ['๑๕ มีนาคม ๒๕๕๕', ok(2012, 3, 15, 'BE')],
  ])('%j → %j', (text, want) => expect(parseDateText(text)).toEqual(want));

  it.each([
    'x15/03/2555',
    '15/03/2555x',
    '115/03/2555',
    '15/103/2555',
    '15/03/255',
    '15/03/25555',
    '15/03/5',
    '15_03_2555',
    '15 03 2555',
    '15//03/2555',
    '1 5/03/2555',
    '15/0 3/2555',
    'x2555-03-15',
    '2555-03-15x',
    '2555-03-155',
    '2555-003-15',
    '255-03-15',
    '25555-03-15',
    '2555_03_15',
    'x15 มี.ค. 2555',
    '15 มี.ค. 2555x',
    '115 มี.ค. 2555',
    '15 มี.ค. 255',
    '15 มี.ค.',
    'มี.ค. 2555',
    '15 มี.ค. 2555 2555',
    '',
    'abc',
  ])('%j is not a date', (text) => expect(parseDateText(text)).toEqual(NO));
});

describe('parseDateText: years', () => {
  it.each([
    ['01/01/2400', ok(1857, 1, 1, 'BE')],
    ['01/01/2399', NO],
    ['01/01/2201', NO],
    ['01/01/2200', ok(2200, 1, 1, 'CE')],
    ['01/01/1900', ok(1900, 1, 1, 'CE')],
    ['01/01/1899', NO],
    ['01/01/1000', NO],
    ['01/01/00', ok(1957, 1, 1, 'BE')],
    ['01/01/43', ok(2000, 1, 1, 'BE')],
    ['01/01/99', ok(2056, 1, 1, 'BE')],
    ['2400-01-01', ok(1857, 1, 1, 'BE')],
    ['2399-01-01', NO],
    ['2200-01-01', ok(2200, 1, 1, 'CE')],
    ['2201-01-01', NO],
    ['1900-01-01', ok(1900, 1, 1, 'CE')],
    ['1899-12-31', NO],
    ['1 ม.ค. 2400', ok(1857, 1, 1, 'BE')],
    ['1 ม.ค. 2399', NO],
    ['1 ม.ค. 2200', ok(2200, 1, 1, 'CE')],
    ['1 ม.ค. 2201', NO],
    ['1 ม.ค. 1900', ok(1900, 1, 1, 'CE')],
    ['1 ม.ค. 1899', NO],
    ['1 ม.ค. 55', ok(2012, 1, 1, 'BE')],
  ])('%j → %j', (text, want) => expect(parseDateText(text)).toEqual(want));
  it('BE_OFFSET is 543', () => expect(BE_OFFSET).toBe(543));
});

describe('calendar edges', () => {
  it('29/02/2543 is valid: 2000 is a leap year by the 400 rule', () => {
    expect(parseDateText('29/02/2543')).toEqual(ok(2000, 2, 29, 'BE'));
    expect(parseDateText('29/02/2000')).toEqual(ok(2000, 2, 29, 'CE'));
  });
  it('29/02/2443 is not: 1900 is no leap year', () => {
    expect(parseDateText('29/02/2443')).toEqual(NO);
    expect(parseDateText('29/02/1900')).toEqual(NO);
  });
  it.each([
    [2000, true],
    [2400, true],
    [1600, true],
    [1900, false],
    [2100, false],
    [2200, false],
    [2012, true],
    [2016, true],
    [2013, false],
    [2014, false],
    [2015, false],
  ])('isLeap(%i) → %s', (y, leap) => {
    expect(isLeap(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });
  const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  it.each(LENGTHS.map((n, i) => [i + 1, n] as const))('month %i has %i days (common year)', (m, n) => {
    expect(daysInMonth(2013, m)).toBe(n);
    const mm = String(m).padStart(2, '0');
    expect(parseDateText(`${n}/${mm}/2556`)).toEqual(ok(2013, m, n, 'BE'));
    expect(parseDateText(`${n + 1}/${mm}/2556`)).toEqual(NO);
    expect(parseDateText(`01/${mm}/2556`)).toEqual(ok(2013, m, 1, 'BE'));
  });
  it('leap years change February only', () => {
    for (let m = 1; m <= 12; m++) expect(daysInMonth(2012, m)).toBe(m === 2 ? 29 : LENGTHS[m - 1]);
    expect(parseDateText('29/02/2555')).toEqual(ok(2012, 2, 29, 'BE'));
    expect(parseDateText('30/02/2555')).toEqual(NO);
  });
  it.each(['00/03/2555', '15/00/2555', '15/13/2555', '32/01/2555', '0/1/2555', '1/0/2555', '31/04/2555'])(
    '%j is impossible',
    (text) => expect(parseDateText(text)).toEqual(NO),
  );
  it.each(['01/12/2555', '31/12/2555', '01/01/2555'])('%j is possible', (text) =>
    expect(parseDateText(text).ok).toBe(true),
  );
});

describe('date cells', () => {
  it('a CE date cell is a date with no written era', () => {
    expect(parseDateValue(new Date(2012, 2, 15))).toEqual(ok(2012, 3, 15, null));
    expect(parseDateValue(new Date(2012, 2, 15, 23, 59))).toEqual(ok(2012, 3, 15, null));
  });
  it.each([
    [new Date(2400, 0, 1), ok(1857, 1, 1, 'BE')],
    [new Date(2555, 11, 31), ok(2012, 12, 31, 'BE')],
    [new Date(2399, 0, 1), NO],
    [new Date(2201, 0, 1), NO],
    [new Date(2200, 11, 31), ok(2200, 12, 31, null)],
    [new Date(1900, 0, 1), ok(1900, 1, 1, null)],
    [new Date(1899, 11, 31), NO],
    [new Date(Number.NaN), NO],
  ])('%s → %j', (d, want) => expect(parseDateValue(d)).toEqual(want));
  it('a BE date cell whose day does not exist in the CE year is invalid (29 Feb 2556 = 2013)', () => {
    expect(parseDateValue(new Date(2556, 1, 29))).toEqual(NO);
  });
  it('parseDateCell reads dates and text, nothing else', () => {
    expect(parseDateCell(new Date(2012, 2, 15))).toEqual(ok(2012, 3, 15, null));
    expect(parseDateCell('15/03/2555')).toEqual(ok(2012, 3, 15, 'BE'));
    for (const v of [25550315, 41348, true, null, undefined, '']) expect(parseDateCell(v)).toEqual(NO);
  });
  it('isDate knows a Date from another realm, and nothing else', () => {
    const foreign = runInNewContext('new Date(2012, 2, 15)') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(parseDateCell(foreign)).toEqual(ok(2012, 3, 15, null));
    expect(isDate(new Date())).toBe(true);
    for (const v of ['2012-03-15', 1331769600000, {}, null, undefined, { getTime: () => 0 }])
      expect(isDate(v)).toBe(false);
  });
});

describe('ISO dates of the settings', () => {
  it.each([
    ['2012-03-15', ymd(2012, 3, 15)],
    ['2000-02-29', ymd(2000, 2, 29)],
    ['2570-03-20', ymd(2570, 3, 20)],
  ])('%s → %j', (s, want) => expect(parseIso(s)).toEqual(want));
  it.each([
    '2012-3-15',
    '2012-03-5',
    '12-03-15',
    'x2012-03-15',
    '2012-03-15x',
    '2012/03/15',
    '2013-02-29',
    '2012-13-01',
    '',
  ])('%j is no ISO date', (s) => expect(parseIso(s)).toBeNull());
  it('toIso pads months and days', () => {
    expect(toIso(ymd(2012, 3, 5))).toBe('2012-03-05');
    expect(toIso(ymd(2012, 12, 25))).toBe('2012-12-25');
  });
});

describe('display', () => {
  it('formatBE pads and adds 543', () => {
    expect(formatBE(ymd(2012, 3, 5))).toBe('05/03/2555');
    expect(formatBE(ymd(2027, 12, 31))).toBe('31/12/2570');
  });
  it.each(THAI_ABBR.map((abbr, i) => [i + 1, abbr, EN_FULL[i]!.slice(0, 3)] as const))(
    'formatLong month %i: %s / %s',
    (m, th, en) => {
      expect(formatLong(ymd(2027, m, 5), 'th')).toBe(`5 ${th} 2570`);
      expect(formatLong(ymd(2027, m, 5), 'en')).toBe(`5 ${en} 2027`);
    },
  );
  it('parseDateText(formatBE(d)) = d for every valid date', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1857, max: 2200 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter((x) => x.d <= daysInMonth(x.y, x.m));
    fc.assert(
      fc.property(date, (d) => {
        const r = parseDateText(formatBE(d));
        return r.ok && r.era === 'BE' && compareYmd(r.date, d) === 0;
      }),
      { numRuns: 500 },
    );
  });
  it('parseDateText(formatLong(d, th)) = d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (m, d) => {
        const r = parseDateText(formatLong(ymd(2012, m, d), 'th'));
        return r.ok && compareYmd(r.date, ymd(2012, m, d)) === 0;
      }),
      { numRuns: 100 },
    );
  });
});

describe('compareYmd and ageOn', () => {
  it.each([
    [ymd(2012, 3, 15), ymd(2012, 3, 15), 0],
    [ymd(2011, 12, 31), ymd(2012, 1, 1), -1],
    [ymd(2012, 2, 28), ymd(2012, 3, 1), -1],
    [ymd(2012, 3, 14), ymd(2012, 3, 15), -1],
    [ymd(2013, 1, 1), ymd(2012, 12, 31), 1],
    [ymd(2012, 4, 1), ymd(2012, 3, 31), 1],
    [ymd(2012, 3, 16), ymd(2012, 3, 15), 1],
  ])('compareYmd(%j, %j) has sign %i', (a, b, sign) => expect(Math.sign(compareYmd(a, b))).toBe(sign));

  const dob = ymd(2012, 3, 15);
  it.each([
    [ymd(2027, 3, 14), 14, 'the day before the birthday'],
    [ymd(2027, 3, 15), 15, 'on the birthday'],
    [ymd(2027, 3, 16), 15, 'the day after'],
    [ymd(2027, 2, 20), 14, 'a month before, later day'],
    [ymd(2027, 2, 10), 14, 'a month before, earlier day'],
    [ymd(2027, 4, 1), 15, 'a month after, earlier day'],
    [ymd(2027, 1, 31), 14, 'in January'],
    [ymd(2027, 12, 31), 15, 'in December'],
    [ymd(2012, 3, 15), 0, 'the day of birth'],
  ])('born 15/03/2012, on %j: %i (%s)', (on, age) => expect(ageOn(dob, on)).toBe(age));
  it('a birthday later in the year than the check date has not come yet', () => {
    expect(ageOn(ymd(2012, 6, 1), ymd(2027, 3, 20))).toBe(14);
    expect(ageOn(ymd(2012, 12, 31), ymd(2027, 1, 1))).toBe(14);
    expect(ageOn(ymd(2012, 1, 1), ymd(2027, 12, 31))).toBe(15);
  });
  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn(ymd(2000, 2, 29), ymd(2015, 2, 28))).toBe(14);
    expect(ageOn(ymd(2000, 2, 29), ymd(2015, 3, 1))).toBe(15);
  });
  it('never counts a year before its birthday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 30 }),
        (y, m, d, n) => {
          const born = ymd(y, m, d);
          return (
            ageOn(born, ymd(y + n, m, d)) === n &&
            ageOn(born, d > 1 ? ymd(y + n, m, d - 1) : ymd(y + n, m, d)) === (d > 1 ? n - 1 : n)
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
