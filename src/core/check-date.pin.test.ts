/** Pins where the check date comes from: file names, title lines, DMC's timestamp, settings and today (issue 15). */
import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  describeDates,
  resolveDates,
  todayYmd,
  topRows,
  yearFromFileName,
  yearFromTopRows,
} from './check-date';
import type { Cell, DateOrigin, DatesUsed } from './types';

const NOW = new Date(2027, 2, 20, 10, 0); // 20 March 2027 (2570 BE), academic year 2569

describe('academicYearOf: each year starts on 16 May', () => {
  it.each([
    [{ y: 2026, m: 5, d: 15 }, 2568],
    [{ y: 2026, m: 5, d: 16 }, 2569],
    [{ y: 2026, m: 4, d: 30 }, 2568],
    [{ y: 2026, m: 6, d: 1 }, 2569],
    [{ y: 2027, m: 1, d: 1 }, 2569],
    [{ y: 2026, m: 12, d: 31 }, 2569],
  ])('%j → %i', (d, year) => expect(academicYearOf(d)).toBe(year));
});

describe('yearFromFileName', () => {
  it.each([
    ['2568-3-student.xlsx', { year: 2568, round: 3 }],
    ['2568-1-student.xlsx', { year: 2568, round: 1 }],
    ['2568-2-STUDENT.XLSX', { year: 2568, round: 2 }],
    ['2468-3-student.xlsx', { year: 2468, round: 3 }],
    ['dmc 2568-3-student (1).xlsx', { year: 2568, round: 3 }],
    ['๒๕๖๘-๓-student.xlsx', { year: 2568, round: 3 }],
    ['2568-4-student.xlsx', { year: 2568, round: null }],
    ['2568-0-student.xlsx', { year: 2568, round: null }],
    ['รายชื่อ ปี 2567.xlsx', { year: 2567, round: null }],
    ['2540.csv', { year: 2540, round: null }],
    ['ปี2599.csv', { year: 2599, round: null }],
  ])('%j → %j', (name, want) => expect(yearFromFileName(name)).toEqual(want));
  it.each(['roster.xlsx', '2539.csv', '2600.csv', '12568.csv', '25681.csv', '2368-3-student.xlsx', '2024.xlsx', ''])(
    '%j says no year',
    (name) => expect(yearFromFileName(name)).toBeNull(),
  );
});

describe('yearFromTopRows', () => {
  it.each([
    [[['ปีการศึกษา 2567']], { year: 2567, from: 'title' }],
    [[['รายชื่อนักเรียน ปีการศึกษา ๒๕๖๗']], { year: 2567, from: 'title' }],
    [[['ปีการศึกษา พ.ศ. 2567']], { year: 2567, from: 'title' }],
    [[['ปีการศึกษาพ.ศ.2567']], { year: 2567, from: 'title' }],
    [[['Academic year 2024']], { year: 2567, from: 'title' }],
    [[['ACADEMICYEAR 2024']], { year: 2567, from: 'title' }],
    [[['ปีการศึกษา 2400']], { year: 2400, from: 'title' }],
    [[['ปีการศึกษา 1900']], { year: 2443, from: 'title' }],
    [[['ปีการศึกษา 2200']], { year: 2743, from: 'title' }],
    [[['วันและเวลาที่สร้างรายงาน 01/03/2570 02:00:00']], { year: 2569, from: 'dmc-timestamp' }],
    [[['วันและเวลาที่สร้างรายงาน : 20/05/2570']], { year: 2570, from: 'dmc-timestamp' }],
    [[['x'], ['', 5, 'ปีการศึกษา 2566']], { year: 2566, from: 'title' }],
  ] as Array<[Cell[][], unknown]>)('%j → %j', (rows, want) => expect(yearFromTopRows(rows)).toEqual(want));
  it.each([
    [[['ปีการศึกษา 2399']]],
    [[['ปีการศึกษา 2201']]],
    [[['ปีการศึกษา 1899']]],
    [[['ปีการศึกษา']]],
    [[['วันและเวลาที่สร้างรายงาน 31/02/2570']]],
    [[[2567, 'ปี 2567']]],
    [[]],
  ] as Array<[Cell[][]]>)('%j says no year', (rows) => expect(yearFromTopRows(rows)).toBeNull());
  it('reads the first ten rows only', () => {
    const rows: Cell[][] = [...Array.from({ length: 9 }, () => ['x']), ['ปีการศึกษา 2567']];
    expect(yearFromTopRows(rows)?.year).toBe(2567);
    expect(yearFromTopRows([['x'], ...rows])).toBeNull();
  });
  it('takes the first statement found', () => {
    expect(yearFromTopRows([['ปีการศึกษา 2566'], ['ปีการศึกษา 2567']])?.year).toBe(2566);
  });
  it('passes over cells that hold no text: empty (as a sparse xlsx row gives them), dates, numbers, booleans', () => {
    const rows: Cell[][] = [
      [null, undefined, new Date(2024, 4, 16), 2567, true],
      [undefined, 'ปีการศึกษา 2567'],
    ];
    expect(yearFromTopRows(rows)).toEqual({ year: 2567, from: 'title' });
  });
});

describe('resolveDates', () => {
  const blank = { asOf: '', academicYear: 0, examEnd: '' };
  it('explicit settings win', () => {
    const r = resolveDates(
      { asOf: '2027-03-20', academicYear: 2569, examEnd: '2027-03-15' },
      { source: '2560-3-student.xlsx', sheets: [] },
      NOW,
    );
    expect(r.dates).toEqual({
      asOf: { y: 2027, m: 3, d: 20 },
      academicYear: 2569,
      yearStart: { y: 2026, m: 5, d: 16 },
      examEnd: { y: 2027, m: 3, d: 15 },
    });
    expect(r.used).toMatchObject({ academicYear: 2569, academicYearFrom: 'settings', asOfFrom: 'settings', round: 3 });
  });
  it('a check date alone gives its academic year and that year’s exam end', () => {
    const r = resolveDates({ ...blank, asOf: '2026-05-16' }, { sheets: [] }, NOW);
    expect(r.dates.academicYear).toBe(2569);
    expect(r.used).toMatchObject({ academicYearFrom: 'settings', asOfFrom: 'settings', examEnd: '2027-03-31' });
    const before = resolveDates({ ...blank, asOf: '2026-05-15' }, { sheets: [] }, NOW);
    expect(before.dates.academicYear).toBe(2568);
  });
  it('a check date with a year from the file keeps the file’s year', () => {
    const r = resolveDates({ ...blank, asOf: '2027-03-20' }, { source: '2568-3-student.xlsx', sheets: [] }, NOW);
    expect(r.used).toMatchObject({ academicYear: 2568, academicYearFrom: 'file-name', asOfFrom: 'settings', round: 3 });
  });
  it('without settings: the file name, then a title line, then today', () => {
    const title = [[['ปีการศึกษา 2569']]];
    const named = resolveDates(blank, { source: '2569-3-student.xlsx', sheets: [[['ปีการศึกษา 2560']]] }, NOW);
    expect(named.used).toMatchObject({ academicYear: 2569, academicYearFrom: 'file-name', asOfFrom: 'today' });
    const titled = resolveDates(blank, { source: 'roster.xlsx', sheets: [[['x']], ...title] }, NOW);
    expect(titled.used).toMatchObject({ academicYear: 2569, academicYearFrom: 'title', round: null });
    const today = resolveDates(blank, { sheets: [[['x']]] }, NOW);
    expect(today.used).toMatchObject({
      academicYear: 2569,
      academicYearFrom: 'today',
      asOf: '2027-03-20',
      asOfFrom: 'today',
    });
  });
  it('an old roster is checked as on its own exam end', () => {
    const r = resolveDates(blank, { source: '2566-3-student.xlsx', sheets: [] }, NOW);
    expect(r.used).toMatchObject({
      academicYear: 2566,
      asOf: '2024-03-31',
      asOfFrom: 'exam-end',
      examEnd: '2024-03-31',
    });
  });
  it('the current year is checked as on today, up to its exam end', () => {
    const onEnd = resolveDates(blank, { source: '2569-3-student.xlsx', sheets: [] }, new Date(2027, 2, 31, 12));
    expect(onEnd.used).toMatchObject({ asOf: '2027-03-31', asOfFrom: 'today' });
    const after = resolveDates(blank, { source: '2569-3-student.xlsx', sheets: [] }, new Date(2027, 3, 1, 12));
    expect(after.used).toMatchObject({ asOf: '2027-03-31', asOfFrom: 'exam-end' });
  });
  it('an exam end from the settings is used', () => {
    const r = resolveDates({ ...blank, examEnd: '2027-03-10' }, { source: '2569-3-student.xlsx', sheets: [] }, NOW);
    expect(r.used).toMatchObject({ examEnd: '2027-03-10', asOf: '2027-03-10', asOfFrom: 'exam-end' });
  });
  it('reads a Buddhist Era year typed into a settings date, and says so', () => {
    const r = resolveDates({ ...blank, asOf: '2570-03-20', examEnd: '2570-03-31' }, { sheets: [] }, NOW);
    expect(r.used).toMatchObject({ asOf: '2027-03-20', examEnd: '2027-03-31', academicYear: 2569 });
    expect(r.used.notes).toHaveLength(2);
    expect(r.used.notes[0]!.th).toContain('2570-03-20');
    expect(r.used.notes[0]!.th).toContain('20/03/2570');
    expect(r.used.notes[0]!.en).toContain('2027-03-20');
    expect(r.used.notes[1]!.en).toMatch(/exam end/i);
    expect(resolveDates({ ...blank, asOf: '2027-03-20' }, { sheets: [] }, NOW).used.notes).toEqual([]);
  });
});

describe('describeDates', () => {
  it('states the year, the check date and where each came from, in Thai and English', () => {
    const { used } = resolveDates(
      { asOf: '', academicYear: 0, examEnd: '' },
      { source: '2566-3-student.xlsx', sheets: [] },
      NOW,
    );
    const th = describeDates(used, 'th');
    expect(th).toContain('ปีการศึกษา 2566');
    expect(th).toContain('รอบที่ 3');
    expect(th).toContain('31/03/2567');
    expect(th).toContain('จากชื่อไฟล์');
    const en = describeDates(used, 'en');
    expect(en).toContain('Academic year 2566, round 3');
    expect(en).toContain('from the file name');
    expect(en).toContain("that year's exam end");
  });
  it('says "today" for a year taken from today, with no round', () => {
    const { used } = resolveDates({ asOf: '', academicYear: 0, examEnd: '' }, { sheets: [] }, NOW);
    expect(describeDates(used, 'en')).toMatch(/^Academic year 2569 \(from today\)/);
    expect(describeDates(used, 'th')).toMatch(/^ปีการศึกษา 2569 \(จากวันนี้\)/);
  });
  it('adds its notes', () => {
    const { used } = resolveDates({ asOf: '2570-03-20', academicYear: 0, examEnd: '' }, { sheets: [] }, NOW);
    expect(describeDates(used, 'en').split(' · ')).toHaveLength(3);
  });
});

describe('todayYmd and topRows', () => {
  it('today is the local calendar day', () => {
    expect(todayYmd(new Date(2027, 0, 5, 23, 59))).toEqual({ y: 2027, m: 1, d: 5 });
  });
  it('topRows gives the first rows as text, as a header search reads them', () => {
    const rows: Cell[][] = [['ปีการศึกษา 2567', 2567, null], [new Date(2027, 2, 20), true, undefined], ['x']];
    expect(topRows(rows)).toEqual([['ปีการศึกษา 2567', '2567', ''], ['20/3/2027', 'true', ''], ['x']]);
    const many: Cell[][] = Array.from({ length: 12 }, (_, i) => [`row ${i}`]);
    expect(topRows(many)).toHaveLength(10);
    expect(topRows(many, 2)).toEqual([['row 0'], ['row 1']]);
  });
});

describe('yearFromTopRows: the spellings a title and the timestamp line come in', () => {
  it.each(['ปีการศึกษา พศ 2567', 'ปีการศึกษา พ. ศ. 2567', 'ปีการศึกษา พ.ศ 2567', 'ปีการศึกษา  พ.ศ.  2567'])(
    '%j → 2567 from the title',
    (text) => expect(yearFromTopRows([[text]])).toEqual({ year: 2567, from: 'title' }),
  );
  it.each([
    ['วันและเวลาที่สร้างรายงาน: 20/05/2570', 2570],
    ['วันและเวลาที่สร้างรายงาน:20/05/2570 08:00', 2570],
    ['วันและเวลาที่สร้างรายงาน 16/05/2570', 2570],
    ['วันและเวลาที่สร้างรายงาน 15/05/2570', 2569],
  ])('%j → %i from the DMC timestamp', (text, year) =>
    expect(yearFromTopRows([[text]])).toEqual({ year, from: 'dmc-timestamp' }),
  );
});

describe('resolveDates: every origin of the year and the check date', () => {
  const blank = { asOf: '', academicYear: 0, examEnd: '' };
  it('a year from the settings wins over the year of the check date and of the file', () => {
    const r = resolveDates(
      { ...blank, academicYear: 2566, asOf: '2027-03-20' },
      { source: '2568-3-student.xlsx', sheets: [] },
      NOW,
    );
    expect(r.dates.academicYear).toBe(2566);
    expect(r.dates.yearStart).toEqual({ y: 2023, m: 5, d: 16 });
    expect(r.used).toMatchObject({
      academicYear: 2566,
      academicYearFrom: 'settings',
      asOf: '2027-03-20',
      asOfFrom: 'settings',
      examEnd: '2024-03-31',
      round: 3,
    });
  });
  it('a past year from the settings alone is checked as on its exam end', () => {
    const r = resolveDates({ ...blank, academicYear: 2566 }, { sheets: [[['ปีการศึกษา 2569']]] }, NOW);
    expect(r.used).toMatchObject({
      academicYear: 2566,
      academicYearFrom: 'settings',
      asOf: '2024-03-31',
      asOfFrom: 'exam-end',
      round: null,
    });
  });
  it('a year from DMC’s timestamp line', () => {
    const sheets = [[['ชื่อ']], [['วันและเวลาที่สร้างรายงาน 01/03/2570 02:00:00']]];
    const r = resolveDates(blank, { source: 'roster.xlsx', sheets }, NOW);
    expect(r.used).toMatchObject({ academicYear: 2569, academicYearFrom: 'dmc-timestamp', asOfFrom: 'today' });
  });
  it('the first sheet that states a year decides, later sheets are not read', () => {
    const r = resolveDates(blank, { sheets: [[['ปีการศึกษา 2566']], [['x']], [['ปีการศึกษา 2567']]] }, NOW);
    expect(r.used).toMatchObject({ academicYear: 2566, academicYearFrom: 'title' });
  });
  it('without a stated year the check date is today, even past that year’s exam end', () => {
    // 10 April 2027: still academic year 2569 (until 15 May), its exams over on 31 March.
    const r = resolveDates(blank, { source: 'roster.xlsx', sheets: [[['x']]] }, new Date(2027, 3, 10, 9));
    expect(r.used).toMatchObject({
      academicYear: 2569,
      academicYearFrom: 'today',
      asOf: '2027-04-10',
      asOfFrom: 'today',
      examEnd: '2027-03-31',
    });
  });
  it('a settings date from the year 2400 on is Buddhist Era, before it Common Era', () => {
    const be = resolveDates({ ...blank, asOf: '2400-01-01' }, { sheets: [] }, NOW).used;
    expect(be.asOf).toBe('1857-01-01');
    expect(be.notes).toHaveLength(1);
    const ce = resolveDates({ ...blank, asOf: '2399-12-31' }, { sheets: [] }, NOW).used;
    expect(ce.asOf).toBe('2399-12-31');
    expect(ce.notes).toEqual([]);
  });
  it('each note names the date it is about, in Thai and English', () => {
    const asOf = resolveDates({ ...blank, asOf: '2570-03-20' }, { sheets: [] }, NOW).used.notes;
    expect(asOf).toHaveLength(1);
    expect(asOf[0]!.th).toMatch(/^วันที่ตรวจ 2570-03-20 .*พ\.ศ\. 2570.* 20\/03\/2570$/);
    expect(asOf[0]!.en).toMatch(/^The check date 2570-03-20 .*Buddhist Era 2570.*2027-03-20$/);
    const examEnd = resolveDates({ ...blank, examEnd: '2570-03-10' }, { sheets: [] }, NOW).used;
    expect(examEnd.examEnd).toBe('2027-03-10');
    expect(examEnd.notes).toHaveLength(1);
    expect(examEnd.notes[0]!.th).toMatch(/^วันสิ้นสุดการสอบ 2570-03-10 .*พ\.ศ\. 2570.* 10\/03\/2570$/);
    expect(examEnd.notes[0]!.en).toMatch(/^The exam end 2570-03-10 .*Buddhist Era 2570.*2027-03-10$/);
  });
});

describe('describeDates: the line every report opens with', () => {
  const used = (over: Partial<DatesUsed>): DatesUsed => ({
    academicYear: 2569,
    academicYearFrom: 'title',
    asOf: '2027-03-20',
    asOfFrom: 'today',
    examEnd: '2027-03-31',
    round: null,
    notes: [],
    ...over,
  });
  it.each([
    ['settings', 'ตามที่ตั้งค่า', 'as set'],
    ['file-name', 'จากชื่อไฟล์', 'from the file name'],
    ['title', 'จากหัวเรื่องในแผ่นงาน', 'from the title line'],
    ['dmc-timestamp', 'จากวันที่สร้างรายงานของ DMC', "from DMC's report timestamp"],
  ] as Array<[DateOrigin, string, string]>)('a year %s says %j / %j', (from, th, en) => {
    expect(describeDates(used({ academicYearFrom: from }), 'th')).toBe(
      `ปีการศึกษา 2569 (${th}) · ตรวจ ณ วันที่ 20/03/2570 (วันนี้)`,
    );
    expect(describeDates(used({ academicYearFrom: from }), 'en')).toBe(
      `Academic year 2569 (${en}) · checked as on 20/03/2570 BE (today)`,
    );
  });
  it.each([
    ['settings', 'ตามที่ตั้งค่า', 'as set'],
    ['today', 'วันนี้', 'today'],
    ['exam-end', 'วันสิ้นสุดการสอบปลายภาคของปีนั้น', "that year's exam end"],
  ] as Array<[DateOrigin, string, string]>)('a check date %s says %j / %j', (from, th, en) => {
    expect(describeDates(used({ asOfFrom: from }), 'th')).toMatch(new RegExp(`ตรวจ ณ วันที่ 20/03/2570 \\(${th}\\)$`));
    expect(describeDates(used({ asOfFrom: from }), 'en').endsWith(`checked as on 20/03/2570 BE (${en})`)).toBe(true);
  });
  it('names the round, and adds each note in the reader’s language', () => {
    const d = used({
      round: 2,
      notes: [
        { th: 'หมายเหตุ ก', en: 'note A' },
        { th: 'หมายเหตุ ข', en: 'note B' },
      ],
    });
    expect(describeDates(d, 'th')).toBe(
      'ปีการศึกษา 2569 รอบที่ 2 (จากหัวเรื่องในแผ่นงาน) · ตรวจ ณ วันที่ 20/03/2570 (วันนี้) · หมายเหตุ ก · หมายเหตุ ข',
    );
    expect(describeDates(d, 'en')).toBe(
      'Academic year 2569, round 2 (from the title line) · checked as on 20/03/2570 BE (today) · note A · note B',
    );
  });
});
