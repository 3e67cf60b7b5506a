/**
 * The check date, stated and inferred, never silently today (RULES.md, "Workbooks and the check
 * date"): explicit settings win; otherwise the academic year comes from the file (DMC's file name,
 * a title line, the DMC timestamp line) and the check date is the earlier of today and that year's
 * exam end. Every report says which dates it used and where they came from.
 */
import { BE_OFFSET, compareYmd, formatBE, parseDateText, parseIso, parseSettingsDate, toIso, type Ymd } from './dates';
import { cellText } from './headers';
import type { CheckDates, Settings } from './settings';
import { arabicDigits, thaiForm } from './text';
import type { Cell, DateOrigin, DatesUsed, Lang, Msg } from './types';

export type { DateOrigin, DatesUsed };

export function todayYmd(now = new Date()): Ymd {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

/** The academic year (BE) a date falls in: each year starts on 16 May. */
export function academicYearOf(d: Ymd): number {
  return (compareYmd(d, { y: d.y, m: 5, d: 16 }) >= 0 ? d.y : d.y - 1) + BE_OFFSET;
}

/** "2568-3-student.xlsx" (DMC's download) → year 2568, round 3; "รายชื่อ ปี 2567.xlsx" → 2567. */
export function yearFromFileName(name: string): { year: number; round: number | null } | null {
  const s = arabicDigits(name);
  const dmc = /(?:^|\D)(2[45]\d\d)-([1-3])-student/i.exec(s);
  if (dmc) return { year: Number(dmc[1]), round: Number(dmc[2]) };
  const plain = /(?:^|\D)(25[4-9]\d)(?!\d)/.exec(s);
  return plain ? { year: Number(plain[1]), round: null } : null;
}

const TITLE_YEAR = /(?:ปีการศึกษา|academic\s*year)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{4})/i;
export const DMC_TIMESTAMP = /วันและเวลาที่สร้างรายงาน\s*:?\s*(\d{1,2}\/\d{1,2}\/\d{4})/;

/** A year the top rows of a sheet state: a title "ปีการศึกษา 2567", or DMC's timestamp line. */
export function yearFromTopRows(rows: readonly (readonly Cell[])[]): { year: number; from: DateOrigin } | null {
  for (const row of rows.slice(0, 10)) {
    for (const v of row) {
      if (typeof v !== 'string' || v.length < 8) continue;
      const t = arabicDigits(thaiForm(v));
      const title = TITLE_YEAR.exec(t);
      if (title) {
        const y = Number(title[1]);
        if (y >= 2400) return { year: y, from: 'title' };
        if (y >= 1900 && y <= 2200) return { year: y + BE_OFFSET, from: 'title' };
      }
      const stamp = DMC_TIMESTAMP.exec(t);
      if (stamp) {
        const d = parseDateText(stamp[1]!);
        if (d.ok) return { year: academicYearOf(d.date), from: 'dmc-timestamp' };
      }
    }
  }
  return null;
}

/** The text of a sheet's first rows, for inference (cells as strings). */
export function topRows(values: readonly (readonly Cell[])[], count = 10): string[][] {
  return values.slice(0, count).map((r) => r.map(cellText));
}

export interface DateSources {
  /** File name, for the command. */
  source?: string;
  /** The top rows of each sheet checked. */
  sheets: ReadonlyArray<readonly (readonly Cell[])[]>;
}

/** A settings date as CE: a year ≥ 2400 was typed in Buddhist Era. */
function settingsDate(iso: string, label: Msg, notes: Msg[]): Ymd | null {
  const d = iso ? parseSettingsDate(iso) : null;
  if (!d || d.era === 'CE') return d?.date ?? null;
  const ce = d.date;
  notes.push({
    th: `${label.th} ${iso} อ่านเป็นปี พ.ศ. ${ce.y + BE_OFFSET} คือ ${formatBE(ce)}`,
    en: `${label.en} ${iso} was read as Buddhist Era ${ce.y + BE_OFFSET}: ${toIso(ce)}`,
  });
  return ce;
}

/** The dates every dated rule uses, and where each came from. */
export function resolveDates(
  s: Pick<Settings, 'asOf' | 'academicYear' | 'examEnd'>,
  from: DateSources,
  now = new Date(),
): { dates: CheckDates; used: DatesUsed } {
  const notes: Msg[] = [];
  const today = todayYmd(now);
  const asOfSetting = settingsDate(s.asOf, { th: 'วันที่ตรวจ', en: 'The check date' }, notes);
  const examEndSetting = settingsDate(s.examEnd, { th: 'วันสิ้นสุดการสอบ', en: 'The exam end' }, notes);

  let year: { year: number; from: DateOrigin } | null = s.academicYear
    ? { year: s.academicYear, from: 'settings' }
    : null;
  const named = from.source ? yearFromFileName(from.source) : null;
  if (!year && named) year = { year: named.year, from: 'file-name' };
  if (!year) for (const rows of from.sheets) if ((year = yearFromTopRows(rows))) break;

  let asOf: Ymd;
  let asOfFrom: DateOrigin;
  let academicYear: number;
  let examEnd: Ymd;
  if (asOfSetting) {
    asOf = asOfSetting;
    asOfFrom = 'settings';
    academicYear = year?.year ?? academicYearOf(asOf);
    examEnd = examEndSetting ?? { y: academicYear - BE_OFFSET + 1, m: 3, d: 31 };
  } else {
    academicYear = year?.year ?? academicYearOf(today);
    examEnd = examEndSetting ?? { y: academicYear - BE_OFFSET + 1, m: 3, d: 31 };
    // An old roster is checked as on its own exam end, not as today.
    const past = year !== null && compareYmd(examEnd, today) < 0;
    asOf = past ? examEnd : today;
    asOfFrom = past ? 'exam-end' : 'today';
  }
  const ce = academicYear - BE_OFFSET;
  return {
    dates: { asOf, academicYear, yearStart: { y: ce, m: 5, d: 16 }, examEnd },
    used: {
      academicYear,
      academicYearFrom: year?.from ?? (asOfSetting ? 'settings' : 'today'),
      asOf: toIso(asOf),
      asOfFrom,
      examEnd: toIso(examEnd),
      round: named?.round ?? null,
      notes,
    },
  };
}

const ORIGIN: Record<DateOrigin, Msg> = {
  settings: { th: 'ตามที่ตั้งค่า', en: 'as set' },
  'file-name': { th: 'จากชื่อไฟล์', en: 'from the file name' },
  title: { th: 'จากหัวเรื่องในแผ่นงาน', en: 'from the title line' },
  'dmc-timestamp': { th: 'จากวันที่สร้างรายงานของ DMC', en: "from DMC's report timestamp" },
  today: { th: 'วันนี้', en: 'today' },
  'exam-end': { th: 'วันสิ้นสุดการสอบปลายภาคของปีนั้น', en: "that year's exam end" },
};

/** "ปีการศึกษา 2567 (จากชื่อไฟล์) · ตรวจ ณ 31/03/2568 (วันสิ้นสุดการสอบปลายภาคของปีนั้น)" */
export function describeDates(d: DatesUsed, lang: Lang): string {
  const asOf = parseIso(d.asOf)!;
  const yearFrom = d.academicYearFrom === 'today' ? { th: 'จากวันนี้', en: 'from today' } : ORIGIN[d.academicYearFrom];
  const round = d.round ? (lang === 'th' ? ` รอบที่ ${d.round}` : `, round ${d.round}`) : '';
  const head =
    lang === 'th'
      ? `ปีการศึกษา ${d.academicYear}${round} (${yearFrom.th}) · ตรวจ ณ วันที่ ${formatBE(asOf)} (${ORIGIN[d.asOfFrom].th})`
      : `Academic year ${d.academicYear}${round} (${yearFrom.en}) · checked as on ${formatBE(asOf)} BE (${ORIGIN[d.asOfFrom].en})`;
  return [head, ...d.notes.map((n) => n[lang])].join(' · ');
}
