/**
 * The ID-correction form (แบบขอแก้ไขเลขประจำตัวประชาชน): rows from the check's citizen-ID findings,
 * what the user typed carried over on refresh, and the checks a new ID must pass before export.
 */
import { currentRound, describeRound } from './calendar';
import { analyseSheet, type SheetData } from './analysis';
import { formatBE, type Ymd } from './dates';
import { headerKey } from './headers';
import type { Settings } from './settings';
import { nameKey } from './text';
import { CID_REASON, compact, parseCid } from './thai-id';
import type { Cell, FieldKey, Msg, Report } from './types';
import { writeXlsx, type XlsxCell } from './xlsx';

export const FORM_FIELDS = [
  'no',
  'schoolCode',
  'schoolName',
  'grade',
  'room',
  'sid',
  'prefix',
  'firstName',
  'lastName',
  'dob',
  'oldCid',
  'newCid',
  'reason',
  'evidence',
  'note',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

export const FORM_HEADERS: Record<FormField, string> = {
  no: 'ลำดับ',
  schoolCode: 'รหัสโรงเรียน',
  schoolName: 'ชื่อโรงเรียน',
  grade: 'ชั้น',
  room: 'ห้อง',
  sid: 'เลขประจำตัวนักเรียน',
  prefix: 'คำนำหน้าชื่อ',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  dob: 'วันเดือนปีเกิด',
  oldCid: 'เลขประจำตัวประชาชน (เดิม)',
  newCid: 'เลขประจำตัวประชาชน (ใหม่)',
  reason: 'สาเหตุการแก้ไข',
  evidence: 'หลักฐานแนบ',
  note: 'หมายเหตุ',
};

/** Other names districts' own templates use for the same columns. */
const TEMPLATE_SYNONYMS: Record<FormField, string[]> = {
  no: ['ที่', 'no'],
  schoolCode: ['รหัสสถานศึกษา'],
  schoolName: ['โรงเรียน', 'ชื่อสถานศึกษา'],
  grade: ['ระดับชั้น', 'ชั้นเรียน'],
  room: [],
  sid: ['รหัสนักเรียน'],
  prefix: ['คำนำหน้า'],
  firstName: ['ชื่อนักเรียน'],
  lastName: ['สกุล'],
  dob: ['วันเกิด', 'วัน/เดือน/ปีเกิด'],
  oldCid: ['เลขประจำตัวประชาชนเดิม', 'เลขประจำตัวประชาชนที่ผิด', 'เลขบัตรประชาชนเดิม', 'เลขเดิม', 'เลขประจำตัวประชาชนในระบบ'],
  newCid: ['เลขประจำตัวประชาชนใหม่', 'เลขประจำตัวประชาชนที่ถูกต้อง', 'เลขบัตรประชาชนใหม่', 'เลขใหม่', 'เลขที่ถูกต้อง'],
  reason: ['สาเหตุ', 'เหตุผล', 'เหตุผลการแก้ไข'],
  evidence: ['หลักฐาน', 'เอกสารแนบ'],
  note: ['หมายเหตุ'],
};

const FIELD_BY_HEADER = new Map<string, FormField>();
for (const f of FORM_FIELDS)
  for (const h of [FORM_HEADERS[f], ...TEMPLATE_SYNONYMS[f]]) FIELD_BY_HEADER.set(headerKey(h), f);
// "เลขประจำตัวประชาชน (เดิม)" loses its bracket in headerKey; say which is which by the word inside.
FIELD_BY_HEADER.delete(headerKey('เลขประจำตัวประชาชน'));

/** A form column's field from its header text. */
export function formFieldOf(header: string): FormField | null {
  const t = header.trim();
  if (/เดิม|ผิด|old/i.test(t) && /เลข|id/i.test(t)) return 'oldCid';
  if (/ใหม่|ถูกต้อง|new|correct/i.test(t) && /เลข|id/i.test(t)) return 'newCid';
  return FIELD_BY_HEADER.get(headerKey(t)) ?? null;
}

/** Citizen-ID findings that call for the form, with the reason written on it. */
export const CORRECTION_REASONS: Record<string, Msg> = {
  'cid.format': { th: 'เลขประจำตัวประชาชนไม่ครบ 13 หลักหรือมีอักขระอื่น', en: 'ID is not 13 digits' },
  'cid.leading-zero-lost': { th: 'เลข 0 ตัวแรกของเลขประจำตัวประชาชนหายไป', en: 'the leading 0 was lost' },
  'cid.checksum': { th: 'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)', en: 'check digit does not match' },
  'cid.category': { th: 'เลขประจำตัวประชาชนขึ้นต้นด้วย 9 ซึ่งไม่มีประเภทบุคคลนี้', en: 'ID starts with 9' },
  'cid.province': { th: 'รหัสจังหวัดในเลขประจำตัวประชาชนไม่ถูกต้อง', en: 'digits 2–3 are no province code' },
  'cid.duplicate': { th: 'เลขประจำตัวประชาชนซ้ำกับนักเรียนคนอื่น', en: 'ID duplicates another student' },
  'gcode.present': { th: 'ได้รับเลขประจำตัวประชาชนแล้ว ขอเปลี่ยนจาก G-code', en: 'replace the G-code with the issued ID' },
};

export const EVIDENCE = 'สำเนาบัตรประจำตัวประชาชน';

export interface FormRow {
  /** Sheet row of the student in the roster (0 for a row kept from an earlier form). */
  sourceRow: number;
  values: FormValues;
}

/** The same student across refreshes: old ID and name, whatever rows moved. */
export function formKey(v: Pick<FormValues, 'oldCid' | 'firstName' | 'lastName'>): string {
  return `${compact(v.oldCid)}|${nameKey(v.firstName)}|${nameKey(v.lastName)}`;
}

/** A roster as the form reads it: the sheet's analysis, or its values (analysed here). */
export type RosterSource = SheetData | readonly (readonly Cell[])[];

function sheetOf(source: RosterSource, settings: Settings): SheetData | null {
  return Array.isArray(source) ? analyseSheet(0, '', source, settings.headerRow) : (source as SheetData);
}

/** Rows for every student with an ID finding of the form's kinds, read from the check's analysis. */
export function correctionRows(source: RosterSource, report: Report, settings: Settings): FormRow[] {
  const sheet = sheetOf(source, settings);
  if (!sheet) return [];
  const reasons = new Map<number, string[]>();
  for (const f of report.findings) {
    const reason = CORRECTION_REASONS[f.rule];
    if (!reason || f.row === null) continue;
    const list = reasons.get(f.row) ?? [];
    if (!list.includes(reason.th)) list.push(reason.th);
    reasons.set(f.row, list);
  }
  const studentAt = new Map(Array.from(sheet.rows, (r, i) => [r + 1, i]));
  const rows: FormRow[] = [];
  for (const [row, why] of [...reasons].sort((a, b) => a[0] - b[0])) {
    const i = studentAt.get(row);
    if (i === undefined) continue;
    const at = <F extends FieldKey>(f: F) => sheet.columns[f].values[sheet.columns[f].codes[i]!]!;
    const text = (f: FieldKey) => at(f).text.trim();
    const grade = at('grade').v;
    const dob = at('dob');
    const oldCid = text('cid');
    const digits = compact(oldCid);
    // A lost leading zero has one right answer; every other new ID the officer types from the ID card.
    const suggested = /^\d{12}$/.test(digits) && parseCid(`0${digits}`).ok ? `0${digits}` : '';
    rows.push({
      sourceRow: row,
      values: {
        no: '',
        schoolCode: settings.schoolCode || text('schoolCode'),
        schoolName: settings.schoolName,
        grade: grade?.label ?? text('grade'),
        room: text('room') || (grade?.room ? String(grade.room) : ''),
        sid: text('sid'),
        prefix: text('prefix'),
        firstName: text('firstName'),
        lastName: text('lastName'),
        dob: dob.v?.ok ? formatBE(dob.v.date) : dob.text,
        oldCid,
        newCid: suggested,
        reason: why.join('; '),
        evidence: EVIDENCE,
        note: '',
      },
    });
  }
  return rows;
}

/**
 * Carries over what the user typed in an earlier form: new IDs, evidence and notes of the same
 * students, and whole rows (with a typed new ID or note) of students the roster no longer flags —
 * their ID may be fixed in the sheet while DMC still holds the old one.
 */
export function mergeTyped(rows: FormRow[], previous: ReadonlyArray<Partial<FormValues>>): FormRow[] {
  const byKey = new Map<string, Partial<FormValues>>();
  for (const p of previous) {
    if (p.oldCid === undefined && p.firstName === undefined) continue;
    byKey.set(formKey({ oldCid: p.oldCid ?? '', firstName: p.firstName ?? '', lastName: p.lastName ?? '' }), p);
  }
  const used = new Set<string>();
  const merged = rows.map((r) => {
    const key = formKey(r.values);
    const p = byKey.get(key);
    if (!p) return r;
    used.add(key);
    const keep = (f: 'newCid' | 'evidence' | 'note') => (p[f] && p[f]!.trim() !== '' ? p[f]!.trim() : r.values[f]);
    return { ...r, values: { ...r.values, newCid: keep('newCid'), evidence: keep('evidence'), note: keep('note') } };
  });
  for (const [key, p] of byKey) {
    if (used.has(key) || !(p.newCid?.trim() || p.note?.trim())) continue;
    const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, (p[f] ?? '').trim()])) as FormValues;
    merged.push({ sourceRow: 0, values });
  }
  return merged.map((r, i) => ({ ...r, values: { ...r.values, no: String(i + 1) } }));
}

export interface NewIdProblem {
  /** 0-based index in the form's rows. */
  index: number;
  message: Msg;
}

/** Who holds an ID in the roster: sheet row and name key (first|last). */
export interface IdHolder {
  row: number;
  name: string;
}

const studentName = (first: string, last: string) => `${nameKey(first)}|${nameKey(last)}`;

/**
 * A new ID must pass the ID rules, differ from the old one, and belong to no other student of the
 * roster or of the form. The student's own row may already carry it (the school fixed its sheet): a
 * holder with the same name is the student.
 */
export function checkNewIds(rows: readonly FormRow[], rosterIds: ReadonlyMap<string, IdHolder[]>): NewIdProblem[] {
  const problems: NewIdProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, index) => {
    const raw = r.values.newCid.trim();
    const add = (th: string, en: string) => problems.push({ index, message: { th, en } });
    if (raw === '') return add('ยังไม่ได้กรอกเลขประจำตัวประชาชนใหม่', 'the new ID is empty');
    const p = parseCid(raw);
    if (!p.ok) {
      const why = CID_REASON[p.reason];
      return add(`เลขใหม่ไม่ถูกต้อง (${why.th})`, `the new ID is invalid (${why.en})`);
    }
    if (p.digits === compact(r.values.oldCid)) return add('เลขใหม่ต้องต่างจากเลขเดิม', 'the new ID equals the old one');
    const self = studentName(r.values.firstName, r.values.lastName);
    const others = (rosterIds.get(p.digits) ?? []).filter((h) => h.name !== self).map((h) => h.row);
    if (others.length)
      return add(`เลขใหม่เป็นของนักเรียนแถว ${others.join(', ')} แล้ว`, `the new ID belongs to row ${others.join(', ')}`);
    const twin = seen.get(p.digits);
    if (twin !== undefined)
      return add(`เลขใหม่ซ้ำกับลำดับที่ ${twin + 1} ในแบบฟอร์ม`, `the new ID repeats form row ${twin + 1}`);
    seen.set(p.digits, index);
  });
  return problems;
}

/** Valid IDs of a roster and who holds them. */
export function rosterIds(source: RosterSource, settings: Settings): Map<string, IdHolder[]> {
  const ids = new Map<string, IdHolder[]>();
  const sheet = sheetOf(source, settings);
  if (!sheet || !sheet.columns.cid.has) return ids;
  const { cid, firstName, lastName } = sheet.columns;
  for (let i = 0; i < sheet.rows.length; i++) {
    const p = cid.values[cid.codes[i]!]!.v;
    if (!p?.ok) continue;
    const name = studentName(firstName.values[firstName.codes[i]!]!.text, lastName.values[lastName.codes[i]!]!.text);
    ids.set(p.digits, [...(ids.get(p.digits) ?? []), { row: sheet.rows[i]! + 1, name }]);
  }
  return ids;
}

/** The block above the table: school, district, year and round, officer, phone, date (BE). */
export function formHeaderBlock(settings: Settings, today: Ymd): string[][] {
  const round = currentRound({ date: today, minutes: 12 * 60 }, settings);
  const r = describeRound(round, 'th');
  return [
    ['แบบขอแก้ไขเลขประจำตัวประชาชนนักเรียน ในระบบ DMC'],
    ['โรงเรียน', settings.schoolName, 'รหัสโรงเรียน', settings.schoolCode],
    ['สำนักงานเขตพื้นที่การศึกษา', settings.districtOffice],
    ['ปีการศึกษา', String(round.academicYear), 'รอบ', r.title],
    ['ผู้รับผิดชอบ', settings.officerName, 'โทรศัพท์', settings.officerPhone, 'วันที่', formatBE(today)],
    [],
  ];
}

/** What must be filled in before a form can leave the school. */
export function missingSender(settings: Settings): Msg | null {
  const missing: Array<[string, string]> = [];
  if (!settings.officerName.trim()) missing.push(['ชื่อเจ้าหน้าที่', 'officer name']);
  if (!settings.officerPhone.trim()) missing.push(['เบอร์โทรศัพท์', 'phone']);
  if (!settings.correctionEmail.trim()) missing.push(['อีเมลผู้รับ', 'recipient email']);
  if (!missing.length) return null;
  return {
    th: `กรอก${missing.map((m) => m[0]).join(' ')}ในการตั้งค่าก่อน — เขตต้องการชื่อและเบอร์โทรของผู้ส่ง`,
    en: `Fill in the ${missing.map((m) => m[1]).join(', ')} in the settings first — the district needs them`,
  };
}

/** The form as an .xlsx workbook: header block, column headers, rows; IDs as text. */
export function correctionXlsx(settings: Settings, today: Ymd, rows: readonly FormRow[]): Uint8Array {
  const block: XlsxCell[][] = formHeaderBlock(settings, today);
  const header = FORM_FIELDS.map((f) => FORM_HEADERS[f]);
  const body = rows.map((r) => FORM_FIELDS.map((f) => r.values[f]));
  return writeXlsx([
    {
      name: 'แบบขอแก้ไข',
      rows: [...block, header, ...body],
      widths: [6, 11, 24, 7, 6, 12, 12, 16, 18, 13, 17, 17, 34, 22, 18],
      boldRows: [0, block.length],
    },
  ]);
}
