import { describe, expect, it } from 'vitest';
import { academicYearOf, describeDates, resolveDates, yearFromFileName, yearFromTopRows } from './check-date';

const NOW = new Date(2026, 10, 24); // 24 Nov 2026 = 24/11/2569
const none = { asOf: '', academicYear: 0, examEnd: '' };

describe('the check date', () => {
  it('reads the academic year from DMC file names and plain years in names', () => {
    expect(yearFromFileName('2568-3-student.xlsx')).toEqual({ year: 2568, round: 3 });
    expect(yearFromFileName('รายชื่อนักเรียน ๒๕๖๗.xlsx')).toEqual({ year: 2567, round: null });
    expect(yearFromFileName('roster.xlsx')).toBeNull();
    expect(yearFromFileName('1010000125670.xlsx')).toBeNull();
  });

  it('reads a title line and the DMC timestamp line', () => {
    expect(yearFromTopRows([['โรงเรียนบ้านสวน'], ['', 'รายชื่อนักเรียน ปีการศึกษา 2567']])).toEqual({
      year: 2567,
      from: 'title',
    });
    // 15 March 2568 falls in academic year 2567 (16 May 2567 – 15 May 2568).
    expect(yearFromTopRows([['วันและเวลาที่สร้างรายงาน 15/03/2568 02:00:00']])).toEqual({
      year: 2567,
      from: 'dmc-timestamp',
    });
    expect(yearFromTopRows([['ชื่อ', 'นามสกุล']])).toBeNull();
  });

  it('starts each academic year on 16 May', () => {
    expect(academicYearOf({ y: 2025, m: 5, d: 15 })).toBe(2567);
    expect(academicYearOf({ y: 2025, m: 5, d: 16 })).toBe(2568);
  });

  it('checks an old roster as on its exam end, never silently today', () => {
    const { dates, used } = resolveDates(none, { source: '2567-3-student.xlsx', sheets: [] }, NOW);
    expect(used).toMatchObject({
      academicYear: 2567,
      academicYearFrom: 'file-name',
      asOf: '2025-03-31',
      asOfFrom: 'exam-end',
      round: 3,
    });
    expect(dates.yearStart).toEqual({ y: 2024, m: 5, d: 16 });
  });

  it('uses today for the current year, and settings over the file', () => {
    expect(resolveDates(none, { sheets: [] }, NOW).used).toMatchObject({
      academicYear: 2569,
      academicYearFrom: 'today',
      asOf: '2026-11-24',
      asOfFrom: 'today',
    });
    const set = resolveDates(
      { ...none, academicYear: 2566, asOf: '2024-01-10' },
      { source: '2568-3-student.xlsx', sheets: [] },
      NOW,
    );
    expect(set.used).toMatchObject({
      academicYear: 2566,
      academicYearFrom: 'settings',
      asOf: '2024-01-10',
      asOfFrom: 'settings',
    });
  });

  it('reads a Buddhist Era year typed into a CE date as BE, and says so', () => {
    const { used } = resolveDates({ ...none, asOf: '2570-03-20' }, { sheets: [] }, NOW);
    expect(used.asOf).toBe('2027-03-20');
    expect(used.academicYear).toBe(2569);
    expect(used.notes[0]!.en).toContain('Buddhist Era 2570');
    expect(describeDates(used, 'th')).toContain('20/03/2570');
  });

  it('states the year, the date and where each came from, in Thai and English', () => {
    const { used } = resolveDates(none, { source: '2567-3-student.xlsx', sheets: [] }, NOW);
    expect(describeDates(used, 'th')).toBe(
      'ปีการศึกษา 2567 รอบที่ 3 (จากชื่อไฟล์) · ตรวจ ณ วันที่ 31/03/2568 (วันสิ้นสุดการสอบปลายภาคของปีนั้น)',
    );
    expect(describeDates(used, 'en')).toBe(
      "Academic year 2567, round 3 (from the file name) · checked as on 31/03/2568 BE (that year's exam end)",
    );
  });
});
