import { describe, expect, it } from 'vitest';
import { currentRound, describeRound } from './calendar';
import { defaultSettings } from './settings';

const s = defaultSettings();
const at = (iso: string, hhmm = '12:00') => ({
  date: { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) },
  minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)),
});

describe('currentRound', () => {
  it('after term 2 closes, counts down to the end of the year', () => {
    const r = currentRound(at('2026-11-23'), s);
    expect(r).toMatchObject({
      id: 'yearEnd',
      academicYear: 2569,
      deadline: { y: 2027, m: 4, d: 30 },
      daysLeft: 158,
      phase3: false,
    });
    expect(describeRound(r, 'th')).toEqual({
      title: 'สิ้นปีการศึกษา (ระยะที่ 3) ปีการศึกษา 2569',
      countdown: 'ปิดรับข้อมูล 30 เม.ย. 2570 16:30 น. · อีก 158 วัน',
    });
  });
  it('knows phase 3 and the confirm button on the closing day', () => {
    expect(currentRound(at('2027-03-01'), s)).toMatchObject({ id: 'yearEnd', phase3: true, confirmOpen: false });
    expect(currentRound(at('2027-04-30', '07:59'), s)).toMatchObject({ confirmOpen: false, daysLeft: 0 });
    expect(currentRound(at('2027-04-30', '08:00'), s)).toMatchObject({ confirmOpen: true });
  });
  it('moves to term 1 once 30 April 16:30 has passed', () => {
    expect(currentRound(at('2027-04-30', '16:30'), s)).toMatchObject({
      id: 'term1',
      deadline: { y: 2027, m: 6, d: 10 },
      academicYear: 2570,
    });
    expect(currentRound(at('2027-06-11'), s)).toMatchObject({ id: 'term2', deadline: { y: 2027, m: 11, d: 10 } });
  });
  it('takes the dates from the settings', () => {
    expect(currentRound(at('2027-04-30'), { ...s, yearEndCloses: '05-15' })).toMatchObject({
      id: 'yearEnd',
      daysLeft: 15,
    });
  });
});
