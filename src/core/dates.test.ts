import { describe, expect, it } from 'vitest';
import { ageOn, formatBE, formatLong, parseDateCell, parseDateText, parseSettingsDate } from './dates';

describe('parseDateText', () => {
  const ok: Array<[string, string, 'BE' | 'CE']> = [
    ['15/03/2555', '2012-3-15', 'BE'],
    ['5/3/2555', '2012-3-5', 'BE'],
    ['15-03-2555', '2012-3-15', 'BE'],
    ['15.03.2555', '2012-3-15', 'BE'],
    ['2555-03-15', '2012-3-15', 'BE'],
    ['15 มี.ค. 2555', '2012-3-15', 'BE'],
    ['15 มีนาคม 2555', '2012-3-15', 'BE'],
    ['15 มี.ค. 55', '2012-3-15', 'BE'],
    ['15มี.ค.2555', '2012-3-15', 'BE'],
    ['15 มีนาคม พ.ศ. 2555', '2012-3-15', 'BE'],
    ['๑๕/๐๓/๒๕๕๕', '2012-3-15', 'BE'],
    ['15/03/55', '2012-3-15', 'BE'],
    ['15/03/2012', '2012-3-15', 'CE'],
    ['2012-03-15', '2012-3-15', 'CE'],
    ['1 ธ.ค. 2560', '2017-12-1', 'BE'],
    ['29/02/2555', '2012-2-29', 'BE'],
    ['15 Mar 2012', '2012-3-15', 'CE'],
    // A date cell exported with its time of day: the date alone is read.
    ['15/03/2555 00:00:00', '2012-3-15', 'BE'],
    ['15/3/2555 0:00', '2012-3-15', 'BE'],
    ['2012-03-15 00:00:00', '2012-3-15', 'CE'],
    ['2012-03-15T00:00:00Z', '2012-3-15', 'CE'],
    ['2012-03-15T00:00:00.000', '2012-3-15', 'CE'],
    ['15 มี.ค. 2555 08:30 น.', '2012-3-15', 'BE'],
  ];
  it.each(ok)('%s → %s (%s)', (text, ymd, era) => {
    const r = parseDateText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect([`${r.date.y}-${r.date.m}-${r.date.d}`, r.era]).toEqual([ymd, era]);
  });
  it.each([
    '31/02/2555',
    '29/02/2556',
    '15/13/2555',
    '00/01/2555',
    '15/03/1555',
    '15/03/123',
    'abc',
    '15 ฟฟฟ 2555',
    '',
    // A time of day is no date, and does not make an impossible date possible.
    '00:00:00',
    '31/02/2555 00:00:00',
    '15/03/2555 00',
  ])('%s is not a date', (text) => expect(parseDateText(text).ok).toBe(false));
});

describe('parseDateCell', () => {
  it('reads a date cell with a CE year as a real date (no written era)', () => {
    expect(parseDateCell(new Date(2012, 2, 15))).toEqual({ ok: true, date: { y: 2012, m: 3, d: 15 }, era: null });
  });
  it('reads a date cell whose year is ≥ 2400 as BE typed into a date cell', () => {
    expect(parseDateCell(new Date(2555, 2, 15))).toEqual({ ok: true, date: { y: 2012, m: 3, d: 15 }, era: 'BE' });
  });
  it('rejects numbers and invalid dates', () => {
    expect(parseDateCell(25550315).ok).toBe(false);
    expect(parseDateCell(new Date(Number.NaN)).ok).toBe(false);
  });
});

describe('display and ages', () => {
  it('shows Buddhist Era', () => {
    expect(formatBE({ y: 2027, m: 4, d: 30 })).toBe('30/04/2570');
    expect(formatLong({ y: 2027, m: 4, d: 30 }, 'th')).toBe('30 เม.ย. 2570');
    expect(formatLong({ y: 2027, m: 4, d: 30 }, 'en')).toBe('30 Apr 2027');
  });
  it('counts whole years', () => {
    expect(ageOn({ y: 2012, m: 3, d: 15 }, { y: 2027, m: 3, d: 14 })).toBe(14);
    expect(ageOn({ y: 2012, m: 3, d: 15 }, { y: 2027, m: 3, d: 15 })).toBe(15);
  });
});

describe('parseSettingsDate', () => {
  it('takes a year of 2400 or later as Buddhist Era and checks the day in the CE year', () => {
    expect(parseSettingsDate('2027-03-20')).toEqual({ date: { y: 2027, m: 3, d: 20 }, era: 'CE' });
    expect(parseSettingsDate('2570-03-20')).toEqual({ date: { y: 2027, m: 3, d: 20 }, era: 'BE' });
    expect(parseSettingsDate('2567-02-29')).toEqual({ date: { y: 2024, m: 2, d: 29 }, era: 'BE' });
    expect(parseSettingsDate('2568-02-29')).toBeNull();
    expect(parseSettingsDate('2024-02-29')).toEqual({ date: { y: 2024, m: 2, d: 29 }, era: 'CE' });
    expect(parseSettingsDate('2399-01-01')?.era).toBe('CE');
    expect(parseSettingsDate('2400-01-01')?.era).toBe('BE');
    for (const bad of ['', '2027-3-20', '2027-02-30', '20/03/2570']) expect(parseSettingsDate(bad)).toBeNull();
  });
});
