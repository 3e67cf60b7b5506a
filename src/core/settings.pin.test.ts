/** Pins the settings schema: every default, each bound at both edges, and what a problem says (issue 15). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORRECTION_EMAIL, defaultSettings, parseSettings, settingsSchema } from './settings';

/** Parses one field: its value when accepted, or the problem reported for it. */
function one(field: string, value: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  const r = parseSettings({ [field]: value });
  if (r.problems.length === 0) return { ok: true, value: (r.settings as Record<string, unknown>)[field] };
  expect(r.problems).toHaveLength(1);
  // A refused field falls back to its default.
  expect((r.settings as Record<string, unknown>)[field]).toEqual((defaultSettings() as Record<string, unknown>)[field]);
  return { ok: false, problem: r.problems[0]! };
}
const accepts = (field: string, value: unknown) => expect(one(field, value)).toEqual({ ok: true, value });
const refuses = (field: string, value: unknown, message?: string) => {
  const r = one(field, value);
  expect(r.ok, `${field} = ${JSON.stringify(value)}`).toBe(false);
  if (!r.ok) {
    expect(r.problem.startsWith(`${field}: `)).toBe(true);
    if (message) expect(r.problem).toBe(`${field}: ${message}`);
  }
};

describe('defaults', () => {
  it('a fresh install: Thai, year and date from today, automatic sheets and header, the deadlines of OBEC’s letters', () => {
    expect(defaultSettings()).toMatchObject({
      language: 'th',
      academicYear: 0,
      asOf: '',
      examEnd: '',
      schoolCode: '',
      schoolName: '',
      districtOffice: '',
      officerName: '',
      officerPhone: '',
      correctionEmail: 'bopp.dmc@gmail.com',
      rosterSheet: '',
      sheetScope: 'auto',
      headerRow: 0,
      term1Deadline: '06-10',
      term2Deadline: '11-10',
      yearEndOpens: '03-01',
      yearEndCloses: '04-30',
      confirmFrom: '08:00',
      closesAt: '16:30',
    });
    expect(DEFAULT_CORRECTION_EMAIL).toBe('bopp.dmc@gmail.com');
  });
  it('nothing stored reads as the defaults, without a problem', () => {
    for (const input of [undefined, null, {}])
      expect(parseSettings(input)).toEqual({ settings: defaultSettings(), problems: [] });
  });
  it('something that is no settings object reads as the defaults, with a problem', () => {
    for (const input of ['x', 5, []]) {
      const r = parseSettings(input);
      expect(r.settings).toEqual(defaultSettings());
      expect(r.problems).toHaveLength(1);
    }
  });
});

describe('each field’s bounds', () => {
  it('language: Thai or English', () => {
    accepts('language', 'th');
    accepts('language', 'en');
    refuses('language', 'fr');
    refuses('language', 'TH');
  });
  it('academic year: 0 (from the date) or a Buddhist Era year from 2500 to 2700', () => {
    for (const y of [0, 2500, 2569, 2700]) accepts('academicYear', y);
    for (const y of [1, 2499, 2701, 2026, 2569.5, '2569', -1]) refuses('academicYear', y);
  });
  it.each(['asOf', 'examEnd'])('%s: empty or a real ISO date', (field) => {
    for (const d of ['', '2027-03-20', '2028-02-29', '2000-02-29']) accepts(field, d);
    for (const d of ['2027-02-29', '2027-13-01', '2027-3-20', '20/03/2027', '2027-03-20T00:00', ' 2027-03-20'])
      refuses(field, d, 'YYYY-MM-DD');
    refuses(field, 20270320);
  });
  it('school code: empty, 8 digits (SMIS) or 10 (OBEC)', () => {
    for (const c of ['', '10100001', '1010000001']) accepts('schoolCode', c);
    for (const c of ['1010000', '101000001', '10100000011', '1010000a', ' 10100001', '10100001 ', '１０１００００１'])
      refuses('schoolCode', c, '8 or 10 digits');
  });
  it.each([
    ['schoolName', 200],
    ['districtOffice', 200],
    ['officerName', 200],
    ['rosterSheet', 100],
    ['dmcSheet', 100],
  ])('%s: any text up to %i characters', (field, max) => {
    accepts(field, '');
    accepts(field, 'ก'.repeat(max));
    refuses(field, 'ก'.repeat(max + 1));
    refuses(field, 5);
  });
  it('officer phone: empty, or 9 to 20 of digits, +, -, spaces and brackets', () => {
    for (const p of ['', '081-234-5678', '0812345678', '+66 (81) 234 5678', '0'.repeat(9), '0'.repeat(20)])
      accepts('officerPhone', p);
    for (const p of ['0'.repeat(8), '0'.repeat(21), '081-234-567x', 'โทร 0812345678', '081.234.5678'])
      refuses('officerPhone', p, 'phone');
  });
  it('correction email: an address', () => {
    accepts('correctionEmail', 'district@example.go.th');
    for (const e of ['', 'not an address', 'a@', '@b.com']) refuses('correctionEmail', e);
  });
  it('sheet scope: auto, open, named or all', () => {
    for (const v of ['auto', 'open', 'named', 'all']) accepts('sheetScope', v);
    refuses('sheetScope', 'every');
  });
  it('header row: 0 (found automatically) to 50', () => {
    for (const r of [0, 1, 50]) accepts('headerRow', r);
    for (const r of [-1, 51, 1.5, '1']) refuses('headerRow', r);
  });
  it.each(['term1Deadline', 'term2Deadline', 'yearEndOpens', 'yearEndCloses'])(
    '%s: a month and day as MM-DD',
    (field) => {
      for (const d of ['01-01', '12-31', '09-09', '10-19', '11-20', '02-30', '06-31']) accepts(field, d);
      for (const d of ['00-10', '13-01', '06-00', '06-32', '6-10', '06-1', '06/10', '06-10 ', 'x06-10', '20-10'])
        refuses(field, d, 'MM-DD');
    },
  );
  it.each(['confirmFrom', 'closesAt'])('%s: a 24-hour time as HH:MM', (field) => {
    for (const t of ['00:00', '09:59', '19:30', '23:59', '20:00']) accepts(field, t);
    for (const t of ['24:00', '8:00', '08:60', '08:5', '08.00', '08:00 ', 'x08:00', '30:00'])
      refuses(field, t, 'HH:MM');
  });
});

describe('parseSettings', () => {
  it('keeps every valid field and puts back the default of each refused one, naming each problem', () => {
    const r = parseSettings({
      schoolName: 'โรงเรียนบ้านนา',
      schoolCode: '123',
      officerPhone: '081-234-5678',
      closesAt: '25:00',
      headerRow: 3,
    });
    expect(r.problems).toEqual(['schoolCode: 8 or 10 digits', 'closesAt: HH:MM']);
    expect(r.settings).toEqual({
      ...defaultSettings(),
      schoolName: 'โรงเรียนบ้านนา',
      officerPhone: '081-234-5678',
      headerRow: 3,
    });
  });
  it('settings saved before the sheet scope existed keep their named roster sheet', () => {
    expect(parseSettings({ rosterSheet: 'ม.1' }).settings).toMatchObject({ rosterSheet: 'ม.1', sheetScope: 'named' });
    expect(parseSettings({ rosterSheet: '' }).settings.sheetScope).toBe('auto');
    expect(parseSettings({ rosterSheet: 'ม.1', sheetScope: 'all' }).settings.sheetScope).toBe('all');
    expect(parseSettings({ rosterSheet: 'ม.1', sheetScope: undefined }).settings.sheetScope).toBe('auto');
  });
  it('the schema itself refuses what parseSettings would repair', () => {
    expect(settingsSchema.safeParse({ headerRow: 99 }).success).toBe(false);
    expect(settingsSchema.safeParse({ headerRow: 9 }).success).toBe(true);
  });
});
