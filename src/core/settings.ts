/** Settings as one zod schema with defaults: the CLI's flags and the add-on's stored JSON both go through it. */
// zod/mini: the same schemas as classic zod, tree-shakable, so the Apps Script bundle stays small.
import * as z from 'zod/mini';
import { parseSettingsDate, type Ymd } from './dates';

const isoDate = z.string().check(z.refine((s) => parseSettingsDate(s) !== null, { message: 'YYYY-MM-DD' }));
const optionalIso = z._default(z.union([isoDate, z.literal('')]), '');
const text = (max: number) => z._default(z.string().check(z.maxLength(max)), '');
const monthDay = (d: string) =>
  z._default(z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'MM-DD' })), d);
const clock = (t: string) =>
  z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' })), t);

export const DEFAULT_CORRECTION_EMAIL = 'bopp.dmc@gmail.com';

export const settingsSchema = z.object({
  language: z._default(z.enum(['th', 'en']), 'th'),
  /** Academic year, Buddhist Era; 0 = derived from asOf. */
  academicYear: z._default(z.union([z.literal(0), z.int().check(z.gte(2500), z.lte(2700))]), 0),
  /** The check date (CE, ISO); '' = today. */
  asOf: optionalIso,
  /** Last day of final exams (CE, ISO); '' = 31 March closing the academic year. */
  examEnd: optionalIso,
  /** 8 digits (SMIS) or 10 (OBEC). */
  schoolCode: z._default(
    z.union([z.string().check(z.regex(/^(?:\d{8}|\d{10})$/, { message: '8 or 10 digits' })), z.literal('')]),
    '',
  ),
  schoolName: text(200),
  districtOffice: text(200),
  officerName: text(200),
  officerPhone: z._default(
    z.union([z.string().check(z.regex(/^[0-9+\-\s()]{9,20}$/, { message: 'phone' })), z.literal('')]),
    '',
  ),
  correctionEmail: z._default(z.email(), DEFAULT_CORRECTION_EMAIL),
  /** Sheet holding the roster, for sheetScope 'named'; '' = the active sheet. */
  rosterSheet: text(100),
  /**
   * Which sheets a check reads ("แผ่นงานที่ตรวจ"): auto = every roster sheet when the workbook has more
   * than one, else the open one; open; named (rosterSheet); all roster sheets.
   */
  sheetScope: z._default(z.enum(['auto', 'open', 'named', 'all']), 'auto'),
  /**
   * The sheet holding the DMC download ("แผ่นงานข้อมูล DMC"), compared with the roster and never checked as
   * it; '' = found automatically (by DMC's timestamp line and header).
   */
  dmcSheet: text(100),
  /** 1-based header row; 0 = found automatically. */
  headerRow: z._default(z.int().check(z.gte(0), z.lte(50)), 0),
  /** DMC deadlines as MM-DD (they move from year to year with OBEC's letters). */
  term1Deadline: monthDay('06-10'),
  term2Deadline: monthDay('11-10'),
  yearEndOpens: monthDay('03-01'),
  yearEndCloses: monthDay('04-30'),
  /** On the closing day: the confirm button from this time, the system closed at that one. */
  confirmFrom: clock('08:00'),
  closesAt: clock('16:30'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Parses settings; on any invalid field returns the defaults for those fields and the problems found. */
export function parseSettings(input: unknown): { settings: Settings; problems: string[] } {
  // Settings saved before sheetScope existed named their roster sheet: that choice stands.
  if (input && typeof input === 'object' && !('sheetScope' in input) && (input as Settings).rosterSheet)
    input = { ...input, sheetScope: 'named' };
  const r = settingsSchema.safeParse(input ?? {});
  if (r.success) return { settings: r.data, problems: [] };
  const problems = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(
    Object.entries(typeof input === 'object' && input ? input : {}).filter(([k]) => !bad.has(k)),
  );
  const again = settingsSchema.safeParse(kept);
  return { settings: again.success ? again.data : defaultSettings(), problems };
}

/** The dates every dated rule uses, computed once from the settings. */
export interface CheckDates {
  asOf: Ymd;
  academicYear: number;
  /** 16 May of the academic year (CE date): the age reference for grades. */
  yearStart: Ymd;
  examEnd: Ymd;
}
