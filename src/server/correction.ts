/** The ID-correction form sheet, its export as .xlsx, and the Gmail draft to OBEC. */
import {
  checkNewIds,
  correctionRows,
  correctionXlsx,
  FORM_FIELDS,
  FORM_HEADERS,
  formFieldOf,
  formHeaderBlock,
  mergeTyped,
  missingSender,
  rosterIds,
  type FormField,
  type FormRow,
  type FormValues,
} from '../core/correction';
import { parseIso, type Ymd } from '../core/dates';
import { cellText } from '../core/headers';
import { composeCorrectionMail, correctionFilename } from '../core/mime';
import type { Settings } from '../core/settings';
import type { Cell, Msg } from '../core/types';
import { validateWorkbook, type SheetReport } from '../core/validate';
import { gradeOfSheetName } from '../core/vocab';
import { bytesToBase64 } from '../core/xlsx';
import { dmcFormRows, withDmcHolders } from './reconcile';
import { UserError } from './result';
import { loadSettings } from './settings-store';
import { ensureSize, FORM_SHEET, OWN_SHEETS, ownSheet, rosterSheet, userSheets } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const BAD = '#f4c7c3';
const WHITE = '#ffffff';
/** A district template's header row is among its first rows, naming most of the form's columns. */
const TEMPLATE_ROWS = 15;
const TEMPLATE_MIN_FIELDS = 6;
/** Rows below the form kept as plain text for students the officer adds by hand. */
const TYPING_ROOM = 50;

interface FormLayout {
  sheet: Sheet;
  /** 1-based row of the column headers. */
  headerRow: number;
  /** 0-based column of each field present. */
  columns: Partial<Record<FormField, number>>;
  template: boolean;
}

/** Which form field each cell of a row names, when the row names enough of them. */
function headerColumns(row: readonly unknown[]): Partial<Record<FormField, number>> | null {
  const columns: Partial<Record<FormField, number>> = {};
  row.forEach((v, i) => {
    const f = typeof v === 'string' ? formFieldOf(v) : null;
    if (f && columns[f] === undefined) columns[f] = i;
  });
  const n = Object.keys(columns).length;
  return n >= TEMPLATE_MIN_FIELDS && columns.oldCid !== undefined && columns.newCid !== undefined ? columns : null;
}

function findLayout(sheet: Sheet, template: boolean): FormLayout | null {
  const rows = Math.min(TEMPLATE_ROWS, sheet.getLastRow());
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return null;
  const top = sheet.getRange(1, 1, rows, cols).getValues();
  for (let r = 0; r < top.length; r++) {
    const columns = headerColumns(top[r]!);
    if (columns) return { sheet, headerRow: r + 1, columns, template };
  }
  return null;
}

/** The district's own template if the spreadsheet holds one, else the add-on's form sheet if made. */
function existingLayout(ss: Spreadsheet): FormLayout | null {
  for (const sheet of ss.getSheets()) {
    if (OWN_SHEETS.includes(sheet.getName())) continue;
    const layout = findLayout(sheet, true);
    if (layout) return layout;
  }
  const own = ss.getSheetByName(FORM_SHEET);
  return own ? findLayout(own, false) : null;
}

/** The rows below the header, as form values (blank rows skipped). */
function readRows(layout: FormLayout): Array<Partial<FormValues>> {
  const last = layout.sheet.getLastRow();
  if (last <= layout.headerRow) return [];
  const values = layout.sheet
    .getRange(layout.headerRow + 1, 1, last - layout.headerRow, layout.sheet.getLastColumn())
    .getValues();
  const out: Array<Partial<FormValues>> = [];
  for (const row of values) {
    const v: Partial<FormValues> = {};
    for (const [f, col] of Object.entries(layout.columns) as Array<[FormField, number]>)
      v[f] = cellText(row[col]).trim();
    if (v.oldCid || v.firstName || v.newCid) out.push(v);
  }
  return out;
}

const asText = (s: string) => `'${s}`;

/** The form's date: today on the school's clock (not the check date, which may be a rehearsal). */
function today(): Ymd {
  return parseIso(Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd'))!;
}

/** Writes the rows (and, on the add-on's own sheet, the header block) in one setValues. */
function writeForm(layout: FormLayout, rows: readonly FormRow[], settings: Settings, previousCount: number): void {
  const { sheet, headerRow, columns } = layout;
  if (!layout.template) {
    sheet.clear();
    const block = formHeaderBlock(settings, today());
    const header = FORM_FIELDS.map((f) => FORM_HEADERS[f]);
    const matrix = [...block, header, ...rows.map((r) => FORM_FIELDS.map((f) => r.values[f]))].map((r) =>
      [...r, ...Array<string>(FORM_FIELDS.length - r.length).fill('')].map(asText),
    );
    // IDs typed into these columns later must stay text, or a leading 0 is lost.
    const ids = [FORM_FIELDS.indexOf('oldCid'), FORM_FIELDS.indexOf('newCid')];
    // A long form passes a new sheet's 1,000 rows: grow it first, as Sheets refuses a range past its edge.
    ensureSize(sheet, block.length + 1 + rows.length + TYPING_ROOM, FORM_FIELDS.length);
    sheet.getRange(block.length + 2, ids[0]! + 1, rows.length + TYPING_ROOM, 2).setNumberFormat('@');
    sheet.getRange(1, 1, matrix.length, FORM_FIELDS.length).setValues(matrix);
    sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
    sheet.getRange(block.length + 1, 1, 1, FORM_FIELDS.length).setFontWeight('bold');
    sheet.setFrozenRows(block.length + 1);
    return;
  }
  // A district template: fill its columns by header, keep every other cell of its rows as it is.
  const width = sheet.getLastColumn();
  const count = Math.max(rows.length, previousCount);
  if (count === 0) return;
  ensureSize(sheet, headerRow + count + TYPING_ROOM, width);
  if (columns.newCid !== undefined)
    sheet.getRange(headerRow + 1, columns.newCid + 1, count + TYPING_ROOM, 1).setNumberFormat('@');
  const fieldAt = new Map((Object.entries(columns) as Array<[FormField, number]>).map(([f, c]) => [c, f]));
  const range = sheet.getRange(headerRow + 1, 1, count, width);
  const next = range.getValues().map((row, i) =>
    row.map((cell, col) => {
      const field = fieldAt.get(col);
      if (!field) return cell;
      return i < rows.length ? asText(rows[i]!.values[field]) : '';
    }),
  );
  range.setValues(next);
}

/** Marks the new-ID cells: a problem gets a red fill and a note saying why; others are cleared. */
function markNewIds(layout: FormLayout, count: number, problems: Map<number, Msg>, lang: 'th' | 'en'): void {
  const col = layout.columns.newCid;
  if (col === undefined || count === 0) return;
  const range = layout.sheet.getRange(layout.headerRow + 1, col + 1, count, 1);
  range.setBackgrounds(Array.from({ length: count }, (_, i) => [problems.has(i) ? BAD : WHITE]));
  range.setNotes(Array.from({ length: count }, (_, i) => [problems.get(i)?.[lang] ?? '']));
}

export interface FormData {
  sheet: string;
  template: boolean;
  rows: number;
  problems: Array<{ no: number; name: string; message: Msg }>;
  /** The roster sheets the form was made from. */
  rosters: string[];
}

interface Roster {
  name: string;
  values: Cell[][];
  report: SheetReport;
}

/** The sheets with a roster header among these, each with its report (checked together, as the check does). */
function readRosters(ss: Spreadsheet, sheets: readonly Sheet[], settings: Settings): Roster[] {
  const input = sheets.map((sheet) => ({
    name: sheet.getName(),
    values: sheet.getDataRange().getValues() as Cell[][],
  }));
  const book = validateWorkbook({ source: ss.getName(), sheets: input }, settings);
  return book.reports
    .filter((r) => r.summary.headerRow !== null)
    .map((report) => ({ name: report.sheet, values: input.find((i) => i.name === report.sheet)!.values, report }));
}

/**
 * The roster sheets behind the form, whatever sheet is open (the officer is usually on the form, typing
 * new IDs): those the check reads by the "แผ่นงานที่ตรวจ" setting — the named sheet; for "open", the
 * sheet checked last (before any check, the one sheet with a roster header); otherwise every sheet with
 * a roster header but the form itself.
 */
function rosters(ss: Spreadsheet, settings: Settings, form: Sheet | null): Roster[] {
  const formId = form?.getSheetId();
  const candidates = userSheets(ss)
    .filter((r) => r.id !== formId)
    .map((r) => r.sheet);
  let found: Roster[];
  if (settings.sheetScope === 'named') found = readRosters(ss, [rosterSheet(ss, settings)], settings);
  else if (settings.sheetScope === 'open') {
    const last = lastChecked(ss, settings);
    found = last && candidates.includes(last) ? readRosters(ss, [last], settings) : [];
    if (found.length === 0) {
      const all = readRosters(ss, candidates, settings);
      found = all.length === 1 ? all : [];
    }
  } else found = readRosters(ss, candidates, settings);
  if (found.length === 0) throw new UserError(M.noRoster);
  return found;
}

/** The sheet checked last; with none yet, the open one unless it is the add-on's own. */
function lastChecked(ss: Spreadsheet, settings: Settings): Sheet | null {
  try {
    return rosterSheet(ss, { ...settings, rosterSheet: '' }, 'last');
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
}

/**
 * The form's rows from every roster; a class sheet without a grade column gives its grade. Students in
 * `replaced` ("sheet|row") have their row from the DMC download instead.
 */
function rowsOf(list: readonly Roster[], settings: Settings, replaced: ReadonlySet<string> = new Set()): FormRow[] {
  return list.flatMap((r) => {
    const grade = gradeOfSheetName(r.name);
    const rows = correctionRows(r.values, r.report, settings).filter(
      (row) => !replaced.has(`${r.name}|${row.sourceRow}`),
    );
    return rows.map((row) =>
      grade && !row.values.grade
        ? {
            ...row,
            values: {
              ...row.values,
              grade: grade.label,
              room: row.values.room || (grade.room ? String(grade.room) : ''),
            },
          }
        : row,
    );
  });
}

/** Who holds each valid ID, over every roster sheet. */
function allIds(list: readonly Roster[], settings: Settings): ReturnType<typeof rosterIds> {
  const ids: ReturnType<typeof rosterIds> = new Map();
  for (const r of list)
    for (const [id, holders] of rosterIds(r.values, settings)) ids.set(id, [...(ids.get(id) ?? []), ...holders]);
  return ids;
}

function problemsOf(rows: readonly FormRow[], ids: ReturnType<typeof rosterIds>) {
  const problems = checkNewIds(rows, ids);
  return {
    byIndex: new Map(problems.map((p) => [p.index, p.message])),
    list: problems.map((p) => ({
      no: p.index + 1,
      name: `${rows[p.index]!.values.firstName} ${rows[p.index]!.values.lastName}`.trim(),
      message: p.message,
    })),
  };
}

/**
 * "สร้างแบบขอแก้ไข": builds or refreshes the form from a fresh check, keeping what the user typed, and
 * opens it: the next step is typing there.
 */
export function buildForm(): FormData {
  const { settings } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const layout = existingLayout(ss);
  const list = rosters(ss, settings, layout?.sheet ?? null);
  const previous = layout ? readRows(layout) : [];
  // IDs that differ from a DMC download sheet (dmc.id-differs): DMC's as old, the roster's as new, computed
  // afresh; they replace the check's row of the same student.
  const fromDmc = dmcFormRows(ss, list, settings);
  const replaced = new Set(fromDmc.map((r) => `${r.sheet}|${r.sourceRow}`));
  const rows = mergeTyped([...rowsOf(list, settings, replaced), ...fromDmc], previous);
  const target: FormLayout = layout ?? {
    sheet: ownSheet(ss, FORM_SHEET, false, ss.getActiveSheet()),
    headerRow: formHeaderBlock(settings, today()).length + 1,
    columns: Object.fromEntries(FORM_FIELDS.map((f, i) => [f, i])),
    template: false,
  };
  writeForm(target, rows, settings, previous.length);
  const problems = problemsOf(rows, withDmcHolders(allIds(list, settings), fromDmc));
  markNewIds(target, rows.length, problems.byIndex, settings.language);
  // The form opens at the first new ID still to type: the next step is typing there.
  const first = problems.list[0];
  const col = target.columns.newCid;
  if (first && col !== undefined) target.sheet.getRange(target.headerRow + first.no, col + 1).activate();
  else target.sheet.activate();
  return {
    sheet: target.sheet.getName(),
    template: target.template,
    rows: rows.length,
    problems: problems.list,
    rosters: list.map((r) => r.name),
  };
}

const M = {
  noRoster: {
    th: 'ยังไม่รู้ว่าแผ่นงานใดเป็นรายชื่อนักเรียน — เปิดแผ่นงานรายชื่อแล้วกด "ตรวจสอบ" ก่อน',
    en: 'No roster sheet found yet — open the roster sheet and press "Check" first',
  },
  noForm: {
    th: 'ยังไม่มีแบบขอแก้ไข — กด "สร้างแบบขอแก้ไข" ก่อน',
    en: 'There is no correction form yet — press "Build the form" first',
  },
  empty: { th: 'แบบขอแก้ไขไม่มีรายชื่อนักเรียน', en: 'The correction form lists no student' },
  refused: (list: Array<{ no: number; name: string; message: Msg }>): Msg => ({
    th: `ยังส่งออกไม่ได้ แก้เลขใหม่ในแบบฟอร์มก่อน: ${list.map((p) => `ลำดับ ${p.no} (${p.name}) ${p.message.th}`).join('; ')}`,
    en: `Not exported yet; fix the new IDs on the form first: ${list.map((p) => `row ${p.no} (${p.name}) ${p.message.en}`).join('; ')}`,
  }),
  noGmail: {
    th: 'ยังไม่ได้เปิดบริการ Gmail API ของสคริปต์ (appsscript.json) — ติดตั้งส่วนเสริมใหม่',
    en: 'The Gmail advanced service is not enabled (appsscript.json) — reinstall the add-on',
  },
};

/** The filled form, checked: every new ID valid, new and nobody else's; the sender named. */
function exportable(): { settings: Settings; rows: FormRow[]; xlsx: Uint8Array } {
  const { settings } = loadSettings();
  const missing = missingSender(settings);
  if (missing) throw new UserError(missing);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const layout = existingLayout(ss);
  if (!layout) throw new UserError(M.noForm);
  const rows: FormRow[] = readRows(layout).map((v, i) => ({
    sourceRow: 0,
    values: { ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues), ...v, no: v.no || String(i + 1) },
  }));
  if (rows.length === 0) throw new UserError(M.empty);
  const list = rosters(ss, settings, layout.sheet);
  const problems = problemsOf(rows, withDmcHolders(allIds(list, settings), dmcFormRows(ss, list, settings)));
  markNewIds(layout, rows.length, problems.byIndex, settings.language);
  if (problems.list.length) throw new UserError(M.refused(problems.list));
  return { settings, rows, xlsx: correctionXlsx(settings, today(), rows) };
}

export function downloadXlsx(): { filename: string; base64: string; rows: number } {
  const { settings, rows, xlsx } = exportable();
  return { filename: correctionFilename(settings), base64: bytesToBase64(xlsx), rows: rows.length };
}

export interface DraftData {
  draftId: string;
  to: string;
  subject: string;
  students: number;
}

/** "ร่างอีเมล": a Gmail draft with the form attached. Never sent: the officer adds the ID-card copies. */
export function createDraft(): DraftData {
  if (typeof Gmail === 'undefined' || !Gmail) throw new UserError(M.noGmail);
  const { settings, rows, xlsx } = exportable();
  const from = Gmail.Users!.getProfile('me').emailAddress ?? '';
  const env = {
    toBase64: (s: string) => Utilities.base64Encode(s, Utilities.Charset.UTF_8),
    toBase64WebSafe: (s: string) => Utilities.base64EncodeWebSafe(s, Utilities.Charset.UTF_8),
  };
  const mail = composeCorrectionMail(settings, from, rows.length, xlsx, env);
  const draft = Gmail.Users!.Drafts!.create({ message: { raw: mail.raw } }, 'me');
  return { draftId: String(draft.id ?? ''), to: mail.to, subject: mail.subject, students: rows.length };
}
