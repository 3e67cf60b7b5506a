/** Pins the DMC round the sidebar counts down to: each deadline and closing time at both edges, and what it says (issue 15). */
import { describe, expect, it } from 'vitest';
import { currentRound, describeRound, PHASE3_REMINDER, type Round } from './calendar';
import { defaultSettings, type Settings } from './settings';

const s = defaultSettings();
/** The school's clock at a CE date and a time. */
const at = (iso: string, hhmm = '12:00') => ({
  date: { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) },
  minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)),
});
const ymd = (iso: string) => at(iso).date;

describe('currentRound with the default dates', () => {
  it.each([
    // today, time → round, its deadline, academic year (BE), days left
    ['2027-01-01', '12:00', 'yearEnd', '2027-04-30', 2569, 119],
    ['2027-04-29', '23:59', 'yearEnd', '2027-04-30', 2569, 1],
    ['2027-04-30', '00:00', 'yearEnd', '2027-04-30', 2569, 0],
    ['2027-04-30', '16:29', 'yearEnd', '2027-04-30', 2569, 0],
    ['2027-04-30', '16:30', 'term1', '2027-06-10', 2570, 41],
    ['2027-05-01', '08:00', 'term1', '2027-06-10', 2570, 40],
    ['2027-06-10', '23:58', 'term1', '2027-06-10', 2570, 0],
    ['2027-06-10', '23:59', 'term2', '2027-11-10', 2570, 153],
    ['2027-06-11', '00:00', 'term2', '2027-11-10', 2570, 152],
    ['2027-11-10', '23:58', 'term2', '2027-11-10', 2570, 0],
    ['2027-11-10', '23:59', 'yearEnd', '2028-04-30', 2570, 172],
    ['2027-12-31', '12:00', 'yearEnd', '2028-04-30', 2570, 121],
  ])('%s %s → %s closing %s, year %i, %i days left', (today, time, id, deadline, academicYear, daysLeft) => {
    expect(currentRound(at(today, time), s)).toMatchObject({ id, deadline: ymd(deadline), academicYear, daysLeft });
  });

  it('the end of the year closes at 16:30, the terms at the end of the day', () => {
    expect(currentRound(at('2027-04-30'), s).closesAt).toBe('16:30');
    expect(currentRound(at('2027-05-01'), s).closesAt).toBe('23:59');
    expect(currentRound(at('2027-07-01'), s).closesAt).toBe('23:59');
  });

  it.each([
    ['2027-02-28', false],
    ['2027-03-01', true],
    ['2027-04-30', true],
  ])('phase 3 on %s: %s', (today, phase3) => {
    expect(currentRound(at(today), s)).toMatchObject({ id: 'yearEnd', phase3, opens: ymd('2027-03-01') });
  });

  it('terms have no entry window and no phase 3', () => {
    for (const today of ['2027-05-01', '2027-06-10', '2027-09-01'])
      expect(currentRound(at(today), s)).toMatchObject({ phase3: false, confirmOpen: false, opens: null });
  });

  it.each([
    ['2027-04-29', '09:00', false],
    ['2027-04-30', '07:59', false],
    ['2027-04-30', '08:00', true],
    ['2027-04-30', '16:29', true],
  ])('the confirm button on %s at %s: %s', (today, time, confirmOpen) => {
    expect(currentRound(at(today, time), s).confirmOpen).toBe(confirmOpen);
  });

  it('a term’s closing day opens no confirm button', () => {
    expect(currentRound(at('2027-06-10', '09:00'), s)).toMatchObject({ id: 'term1', daysLeft: 0, confirmOpen: false });
  });
});

describe('currentRound with the dates of another year’s letter', () => {
  const moved: Settings = {
    ...s,
    term1Deadline: '07-01',
    term2Deadline: '12-01',
    yearEndOpens: '02-15',
    yearEndCloses: '05-15',
    confirmFrom: '09:30',
    closesAt: '17:45',
  };
  it.each([
    ['2027-02-14', '12:00', { id: 'yearEnd', phase3: false, daysLeft: 90 }],
    ['2027-02-15', '12:00', { id: 'yearEnd', phase3: true, opens: ymd('2027-02-15') }],
    ['2027-05-15', '09:29', { id: 'yearEnd', confirmOpen: false, daysLeft: 0 }],
    ['2027-05-15', '09:30', { id: 'yearEnd', confirmOpen: true }],
    ['2027-05-15', '17:44', { id: 'yearEnd', closesAt: '17:45', confirmOpen: true }],
    ['2027-05-15', '17:45', { id: 'term1', deadline: ymd('2027-07-01'), daysLeft: 47 }],
    ['2027-07-01', '23:59', { id: 'term2', deadline: ymd('2027-12-01') }],
    ['2027-12-01', '23:59', { id: 'yearEnd', deadline: ymd('2028-05-15'), academicYear: 2570 }],
  ])('%s %s → %j', (today, time, expected) => {
    expect(currentRound(at(today, time), moved)).toMatchObject(expected);
  });
  it('takes the next deadline whatever order the settings put the rounds in', () => {
    const january = { ...s, term2Deadline: '01-15' };
    expect(currentRound(at('2027-01-10'), january)).toMatchObject({
      id: 'term2',
      deadline: ymd('2027-01-15'),
      daysLeft: 5,
    });
    expect(currentRound(at('2027-01-16'), january)).toMatchObject({ id: 'yearEnd', deadline: ymd('2027-04-30') });
    expect(currentRound(at('2027-07-01'), january)).toMatchObject({ id: 'term2', deadline: ymd('2028-01-15') });
  });
  it('reads hours and minutes of two digits each', () => {
    const late = { ...s, closesAt: '23:15', confirmFrom: '10:05' };
    expect(currentRound(at('2027-04-30', '10:04'), late).confirmOpen).toBe(false);
    expect(currentRound(at('2027-04-30', '10:05'), late).confirmOpen).toBe(true);
    expect(currentRound(at('2027-04-30', '23:14'), late).id).toBe('yearEnd');
    expect(currentRound(at('2027-04-30', '23:15'), late).id).toBe('term1');
  });
});

describe('describeRound', () => {
  const round = (o: Partial<Round>): Round => ({
    id: 'yearEnd',
    academicYear: 2569,
    deadline: { y: 2027, m: 4, d: 30 },
    closesAt: '16:30',
    daysLeft: 12,
    phase3: true,
    confirmOpen: false,
    opens: { y: 2027, m: 3, d: 1 },
    ...o,
  });
  it.each([
    [round({}), 'th', 'สิ้นปีการศึกษา (ระยะที่ 3) ปีการศึกษา 2569', 'ปิดรับข้อมูล 30 เม.ย. 2570 16:30 น. · อีก 12 วัน'],
    [
      round({ daysLeft: 0 }),
      'th',
      'สิ้นปีการศึกษา (ระยะที่ 3) ปีการศึกษา 2569',
      'ปิดรับข้อมูล 30 เม.ย. 2570 16:30 น. · วันนี้วันสุดท้าย',
    ],
    [round({ daysLeft: 1 }), 'th', 'สิ้นปีการศึกษา (ระยะที่ 3) ปีการศึกษา 2569', 'ปิดรับข้อมูล 30 เม.ย. 2570 16:30 น. · อีก 1 วัน'],
    [round({}), 'en', 'End of year (phase 3), academic year 2569', 'Closes 30 Apr 2027 16:30 · 12 days left'],
    [
      round({ daysLeft: 0 }),
      'en',
      'End of year (phase 3), academic year 2569',
      'Closes 30 Apr 2027 16:30 · last day today',
    ],
    [
      round({ id: 'term1', academicYear: 2570, deadline: { y: 2027, m: 6, d: 10 }, closesAt: '23:59', daysLeft: 41 }),
      'th',
      'ภาคเรียนที่ 1 ปีการศึกษา 2570',
      'ปิดรับข้อมูล 10 มิ.ย. 2570 · อีก 41 วัน',
    ],
    [
      round({ id: 'term2', academicYear: 2570, deadline: { y: 2027, m: 11, d: 10 }, closesAt: '23:59', daysLeft: 0 }),
      'th',
      'ภาคเรียนที่ 2 ปีการศึกษา 2570',
      'ปิดรับข้อมูล 10 พ.ย. 2570 · วันนี้วันสุดท้าย',
    ],
    [
      round({ id: 'term1', academicYear: 2570, deadline: { y: 2027, m: 6, d: 10 }, closesAt: '23:59', daysLeft: 0 }),
      'en',
      'Term 1, academic year 2570',
      'Closes 10 Jun 2027 · last day today',
    ],
    [
      round({ id: 'term2', academicYear: 2570, deadline: { y: 2027, m: 11, d: 10 }, closesAt: '23:59', daysLeft: 3 }),
      'en',
      'Term 2, academic year 2570',
      'Closes 10 Nov 2027 · 3 days left',
    ],
  ] as Array<[Round, 'th' | 'en', string, string]>)('%#: %s', (r, lang, title, countdown) => {
    expect(describeRound(r, lang)).toEqual({ title, countdown });
  });
});

describe('the phase-3 reminder', () => {
  it.each([
    [/เข้าสอบปลายภาค/, /final exam/],
    [/ห้ามย้ายออก/, /Never transfer out/],
    [/ห้ามบันทึกนักเรียนใหม่ของปีการศึกษาหน้า/, /next year's new students/],
    [/น้ำหนักและส่วนสูง/, /weight and height/],
    [/แบบขอแก้ไขทางอีเมล/, /emailing the correction form/],
  ])('says %s / %s', (th, en) => {
    expect(PHASE3_REMINDER.filter((m) => th.test(m.th) && en.test(m.en))).toHaveLength(1);
  });
  it('holds these five rules and no others', () => expect(PHASE3_REMINDER).toHaveLength(5));
});
