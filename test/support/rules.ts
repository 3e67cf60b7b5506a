/**
 * A harness for rule tests: a roster built from a valid student plus the fields a case changes,
 * checked through validate(). Each family's test lists, for every rule of the family, rows that
 * make it fire (at the expected cell) and rows that keep it quiet.
 */
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/core/headers';
import type { RuleDef } from '../../src/core/rules/rule';
import { withCheckDigit } from '../../src/core/thai-id';
import { validate, validateWorkbook } from '../../src/core/validate';
import type { Cell, FieldKey, Finding, Report } from '../../src/core/types';
import type { SettingsInput } from '../../src/core/settings';

export const HEADER: Record<FieldKey, string> = {
  cid: 'เลขประจำตัวประชาชน',
  sid: 'เลขประจำตัวนักเรียน',
  prefix: 'คำนำหน้าชื่อ',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  fullName: 'ชื่อ-นามสกุล',
  gender: 'เพศ',
  dob: 'วันเดือนปีเกิด',
  grade: 'ชั้น',
  room: 'ห้อง',
  weight: 'น้ำหนัก',
  height: 'ส่วนสูง',
  status: 'สถานะ',
  exam: 'สอบปลายภาค',
  entryDate: 'วันที่เข้าเรียน',
  leaveDate: 'วันที่ย้ายออก',
  fatherCid: 'เลขประจำตัวประชาชนบิดา',
  motherCid: 'เลขประจำตัวประชาชนมารดา',
  guardianCid: 'เลขประจำตัวประชาชนผู้ปกครอง',
  age: 'อายุ',
  nationality: 'สัญชาติ',
  schoolCode: 'รหัสโรงเรียน',
};

export const DEFAULT_COLUMNS: FieldKey[] = [
  'cid',
  'sid',
  'prefix',
  'firstName',
  'lastName',
  'gender',
  'dob',
  'grade',
  'room',
  'weight',
  'height',
  'status',
  'exam',
  'entryDate',
];

/** The settings every rule test uses: the end-of-year check of academic year 2569. */
export const SETTINGS: SettingsInput = { asOf: '2027-03-20', academicYear: 2569 };

export const cidOf = (i: number) => withCheckDigit(`11037${String(10_000_000 + i).slice(1)}`);

export { wrongCheckDigit } from './synthetic';

/** A school with its officer filled in, as the correction form and the email need. */
export const SCHOOL_SETTINGS = {
  ...SETTINGS,
  schoolName: 'โรงเรียนบ้านตัวอย่าง',
  schoolCode: '10100001',
  districtOffice: 'สพป.ตัวอย่าง เขต 1',
  officerName: 'ครูสมใจ ใจดี',
  officerPhone: '081-234-5678',
};

/** A correct ป.6 boy of academic year 2569 (11 on 16 May 2026), distinct per index. */
export function validStudent(i = 0): Partial<Record<FieldKey, Cell>> {
  return {
    cid: cidOf(i),
    sid: String(20000 + i),
    prefix: 'ด.ช.',
    firstName: ['สมชาย', 'ธนากร', 'ปวริศ', 'ธีรภัทร'][i % 4],
    lastName: ['ใจดี', 'มีสุข', 'บุญมา', 'ทองดี'][i % 4],
    fullName: 'ด.ช. สมชาย ใจดี',
    gender: 'ชาย',
    dob: '15/03/2558',
    grade: 'ป.6',
    room: 1,
    weight: 35,
    height: 140,
    status: 'ปกติ',
    exam: 'สอบ',
    entryDate: '16/05/2564',
    leaveDate: '',
    fatherCid: cidOf(900),
    motherCid: '',
    guardianCid: '',
    age: 12,
    nationality: 'ไทย',
    schoolCode: '10100001',
  };
}

export interface Case {
  /** Changes to the first student (sheet row 2). */
  row?: Partial<Record<FieldKey, Cell>>;
  /** Further students (rows 3…), each a change to a valid student. */
  more?: Array<Partial<Record<FieldKey, Cell>>>;
  /** Columns of the sheet (default: DEFAULT_COLUMNS plus the keys the case sets). */
  columns?: FieldKey[];
  settings?: SettingsInput;
  /** Expected cell of the finding (default: the rule's field, row 2). */
  cell?: string;
  /** A whole sheet, for layouts the builder cannot make. */
  table?: Cell[][];
  /** Cells the reader found damaged bytes in (0-based), as a CSV reader reports them. */
  damaged?: Array<{ row: number; col: number }>;
  /** The sheet's name (grade from the sheet). */
  sheetName?: string;
}

export function roster(c: Case): Cell[][] {
  if (c.table) return c.table;
  const set = new Set<FieldKey>([...(c.columns ?? DEFAULT_COLUMNS)]);
  if (!c.columns)
    for (const k of Object.keys({ ...c.row, ...Object.assign({}, ...(c.more ?? [])) })) set.add(k as FieldKey);
  const cols = [...set];
  const rows = [{ ...validStudent(0), ...c.row }, ...(c.more ?? []).map((m, i) => ({ ...validStudent(i + 1), ...m }))];
  return [cols.map((k) => HEADER[k]), ...rows.map((r) => cols.map((k) => r[k] ?? ''))];
}

export function check(c: Case): Report {
  if (!c.damaged && !c.sheetName) return validate(roster(c), { ...SETTINGS, ...c.settings });
  const sheet = { name: c.sheetName ?? '', values: roster(c), damaged: c.damaged };
  return validateWorkbook({ sheets: [sheet] }, { ...SETTINGS, ...c.settings }).reports[0]!;
}

export function findingsOf(c: Case, rule: string): Finding[] {
  return check(c).findings.filter((f) => f.rule === rule);
}

function expectedCell(rule: RuleDef, c: Case): string | null {
  if (c.cell) return c.cell;
  if (!rule.field) return null;
  const cols = roster(c)[0]!;
  const col = cols.indexOf(HEADER[rule.field]);
  return col < 0 ? null : a1(1, col);
}

export type Cases = Record<string, { fire: Case[]; quiet: Case[] }>;

/** Tests every rule of a family: each must have cases, each case fires (at its cell) or stays quiet. */
export function describeRules(family: string, rules: readonly RuleDef[], cases: Cases, untested: string[] = []): void {
  describe(family, () => {
    it('has a firing and a quiet case for every rule', () => {
      for (const r of rules) {
        if (untested.includes(r.id)) continue;
        expect(cases[r.id]?.fire.length, `${r.id} fire cases`).toBeGreaterThan(0);
        expect(cases[r.id]?.quiet.length, `${r.id} quiet cases`).toBeGreaterThan(0);
      }
    });
    for (const [id, { fire, quiet }] of Object.entries(cases)) {
      const rule = rules.find((r) => r.id === id);
      it(`${id} is a rule of ${family}`, () => expect(rule).toBeDefined());
      if (!rule) continue;
      fire.forEach((c, i) =>
        it(`${id} fires (${i + 1}: ${JSON.stringify(c.row ?? c.more ?? c.columns)})`, () => {
          const found = findingsOf(c, id);
          expect(found.length, JSON.stringify(check(c).findings.map((f) => f.rule))).toBeGreaterThan(0);
          const cell = expectedCell(rule, c);
          if (cell) expect(found.map((f) => f.cell)).toContain(cell);
          for (const f of found) {
            expect(f.message.th).toMatch(/[\u0e01-\u0e5b]/);
            expect(f.message.en).toMatch(/^[^\u0e01-\u0e2e]/);
            expect(f.message.en.length).toBeGreaterThan(10);
          }
        }),
      );
      quiet.forEach((c, i) =>
        it(`${id} stays quiet (${i + 1}: ${JSON.stringify(c.row ?? c.more ?? c.columns)})`, () => {
          expect(findingsOf(c, id)).toEqual([]);
        }),
      );
    }
  });
}
