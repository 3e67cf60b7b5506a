/** What a rule is: an ID, a severity, a field, its messages and one kind of check. */
import { ageOn, compareYmd } from '../dates';
import type { CheckDates } from '../settings';
import type { HeaderMap } from '../headers';
import type { Student } from '../student';
import type { FieldKey, Msg, Severity } from '../types';

/** One firing of a rule: which field (when the rule covers several), the value, message parameters. */
export type Hit = { field?: FieldKey; value?: string; col?: number } & {
  [param: string]: string | number | undefined;
};

export interface Ctx {
  map: HeaderMap;
  dates: CheckDates;
  /** The field has a column (prefix and names also when a fullName column is split). */
  has(field: FieldKey): boolean;
  /** Names of the sheets checked together, by index (Student.sheet). */
  sheetNames: readonly string[];
  /** Cells of this sheet whose bytes were not valid in the file's encoding (0-based). */
  damaged: ReadonlyArray<{ row: number; col: number }>;
}

export type RowResult = Hit | Hit[] | boolean | null | undefined;

export interface RuleDef {
  id: string;
  severity: Severity;
  /** The field whose cell is marked; null for findings about the whole sheet. */
  field: FieldKey | null;
  /** Columns the rule needs; without them it is skipped, not failed. */
  needs: FieldKey[];
  /** What the rule checks and what to do: the heading of its group in reports. */
  about: Msg;
  /** The message of one finding. */
  say(hit: Hit): Msg;
  row?(s: Student, ctx: Ctx): RowResult;
  /** Over the students of one sheet, or of every sheet checked together with `scope: 'workbook'`. */
  table?(students: readonly Student[], ctx: Ctx): Iterable<[Student, Hit]>;
  /** Duplicates are the same school's duplicates across the sheets of a workbook. */
  scope?: 'sheet' | 'workbook';
  sheet?(map: HeaderMap | null, ctx: Ctx): Hit[];
  /** Findings about the whole roster (every sheet checked together), reported once. */
  roster?(students: readonly Student[], ctx: Ctx): Hit[];
}

export function defineRules(...rules: RuleDef[]): RuleDef[] {
  return rules;
}

/** Whole years on the check date, or null without a usable, past date of birth. */
export function ageOnCheckDate(s: Student, ctx: Ctx): number | null {
  if (!s.dob?.ok || compareYmd(s.dob.date, ctx.dates.asOf) > 0) return null;
  return ageOn(s.dob.date, ctx.dates.asOf);
}

/** «value» quoted for messages; empty shows as a dash. */
export function q(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return s === '' ? '«—»' : `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
}

export const FIELD_LABEL: Record<FieldKey, Msg> = {
  cid: { th: 'เลขประจำตัวประชาชน', en: 'citizen ID' },
  sid: { th: 'เลขประจำตัวนักเรียน', en: 'student ID' },
  prefix: { th: 'คำนำหน้าชื่อ', en: 'prefix' },
  firstName: { th: 'ชื่อ', en: 'first name' },
  lastName: { th: 'นามสกุล', en: 'last name' },
  fullName: { th: 'ชื่อ-นามสกุล', en: 'full name' },
  gender: { th: 'เพศ', en: 'gender' },
  dob: { th: 'วันเดือนปีเกิด', en: 'date of birth' },
  grade: { th: 'ชั้น', en: 'grade' },
  room: { th: 'ห้อง', en: 'room' },
  weight: { th: 'น้ำหนัก', en: 'weight' },
  height: { th: 'ส่วนสูง', en: 'height' },
  status: { th: 'สถานะ', en: 'status' },
  exam: { th: 'สอบปลายภาค', en: 'final exam' },
  entryDate: { th: 'วันที่เข้าเรียน', en: 'entry date' },
  leaveDate: { th: 'วันที่ย้ายออก', en: 'leave date' },
  fatherCid: { th: 'เลขประจำตัวประชาชนบิดา', en: "father's citizen ID" },
  motherCid: { th: 'เลขประจำตัวประชาชนมารดา', en: "mother's citizen ID" },
  guardianCid: { th: 'เลขประจำตัวประชาชนผู้ปกครอง', en: "guardian's citizen ID" },
  age: { th: 'อายุ', en: 'age' },
  nationality: { th: 'สัญชาติ', en: 'nationality' },
  schoolCode: { th: 'รหัสโรงเรียน', en: 'school code' },
};

/** "first name" → "First name", for English messages that open with a field's label. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
