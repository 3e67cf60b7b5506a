/**
 * DMC rounds and deadlines for the sidebar's countdown: term 1 (10 June), term 2 (10 November) and the
 * end of the year (phase 3: entry 1 March – 30 April, confirm button 30 April from 08:00, closed 16:30).
 * The dates come from the settings because OBEC's letters move them from year to year.
 */
import { BE_OFFSET, compareYmd, formatLong, type Ymd } from './dates';
import type { Settings } from './settings';
import type { Lang, Msg } from './types';

export type RoundId = 'term1' | 'term2' | 'yearEnd';

export interface Round {
  id: RoundId;
  /** Academic year (BE) the round belongs to. */
  academicYear: number;
  deadline: Ymd;
  /** Closing time on the deadline day (the end of the year closes at 16:30). */
  closesAt: string;
  /** Days from today to the deadline (0 on the day). */
  daysLeft: number;
  /** Today is inside phase 3's entry window. */
  phase3: boolean;
  /** Today is the closing day, after the confirm button opens. */
  confirmOpen: boolean;
  opens: Ymd | null;
}

/** A point in time as the school's clock reads it. */
export interface LocalNow {
  date: Ymd;
  /** Minutes since midnight. */
  minutes: number;
}

const md = (year: number, mmdd: string): Ymd => ({ y: year, m: Number(mmdd.slice(0, 2)), d: Number(mmdd.slice(3, 5)) });
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const DAY = 86_400_000;
const dayNumber = (d: Ymd) => Date.UTC(d.y, d.m - 1, d.d) / DAY;

/** The next round whose deadline has not passed. */
export function currentRound(now: LocalNow, s: Settings): Round {
  const candidates: Array<{ id: RoundId; deadline: Ymd; closesAt: string; academicYear: number }> = [];
  for (const y of [now.date.y, now.date.y + 1]) {
    candidates.push({
      id: 'yearEnd',
      deadline: md(y, s.yearEndCloses),
      closesAt: s.closesAt,
      academicYear: y - 1 + BE_OFFSET,
    });
    candidates.push({ id: 'term1', deadline: md(y, s.term1Deadline), closesAt: '23:59', academicYear: y + BE_OFFSET });
    candidates.push({ id: 'term2', deadline: md(y, s.term2Deadline), closesAt: '23:59', academicYear: y + BE_OFFSET });
  }
  candidates.sort((a, b) => compareYmd(a.deadline, b.deadline));
  const next = candidates.find((c) => {
    const cmp = compareYmd(c.deadline, now.date);
    return cmp > 0 || (cmp === 0 && now.minutes < minutes(c.closesAt));
  })!;
  const opens = next.id === 'yearEnd' ? md(next.deadline.y, s.yearEndOpens) : null;
  const onDeadline = compareYmd(next.deadline, now.date) === 0;
  return {
    ...next,
    daysLeft: dayNumber(next.deadline) - dayNumber(now.date),
    phase3: !!opens && compareYmd(now.date, opens) >= 0,
    confirmOpen: next.id === 'yearEnd' && onDeadline && now.minutes >= minutes(s.confirmFrom),
    opens,
  };
}

const NAME: Record<RoundId, Msg> = {
  term1: { th: 'ภาคเรียนที่ 1', en: 'Term 1' },
  term2: { th: 'ภาคเรียนที่ 2', en: 'Term 2' },
  yearEnd: { th: 'สิ้นปีการศึกษา (ระยะที่ 3)', en: 'End of year (phase 3)' },
};

/** "สิ้นปีการศึกษา 2569 (ระยะที่ 3) · ปิด 30 เม.ย. 2570 16:30 น. · อีก 158 วัน" */
export function describeRound(r: Round, lang: Lang): { title: string; countdown: string } {
  const name = NAME[r.id][lang];
  const when = formatLong(r.deadline, lang);
  if (lang === 'th') {
    const time = r.id === 'yearEnd' ? ` ${r.closesAt} น.` : '';
    const left = r.daysLeft === 0 ? 'วันนี้วันสุดท้าย' : `อีก ${r.daysLeft} วัน`;
    return { title: `${name} ปีการศึกษา ${r.academicYear}`, countdown: `ปิดรับข้อมูล ${when}${time} · ${left}` };
  }
  const time = r.id === 'yearEnd' ? ` ${r.closesAt}` : '';
  const left = r.daysLeft === 0 ? 'last day today' : `${r.daysLeft} days left`;
  return { title: `${name}, academic year ${r.academicYear}`, countdown: `Closes ${when}${time} · ${left}` };
}

/** The phase-3 rules a school must not forget, shown while phase 3 is open. */
export const PHASE3_REMINDER: Msg[] = [
  {
    th: 'นับเฉพาะนักเรียนที่มีตัวตนและเข้าสอบปลายภาค',
    en: 'Only students who exist and took the final exam count',
  },
  {
    th: 'ห้ามย้ายออกนักเรียนที่เข้าสอบแล้ว จนกว่าจะเปิดปีการศึกษาใหม่',
    en: 'Never transfer out a student who took the exam before the new year opens',
  },
  {
    th: 'ห้ามบันทึกนักเรียนใหม่ของปีการศึกษาหน้า',
    en: "Do not enter next year's new students",
  },
  {
    th: 'นักเรียนที่ยังอยู่ทุกคนต้องมีน้ำหนักและส่วนสูง',
    en: 'Every present student needs weight and height',
  },
  {
    th: 'เลขประจำตัวประชาชนผิด แก้โดยส่งแบบขอแก้ไขทางอีเมลเท่านั้น',
    en: 'Wrong citizen IDs are corrected only by emailing the correction form',
  },
];
