/**
 * (workbook, settings) → a report per roster sheet: the one function every face of the product calls.
 * A workbook is checked as one school: duplicates are found across its sheets, the check date is
 * inferred once, and `grade.top-empty` looks at every sheet together.
 */
import { RULE_BY_ID, RULES } from './catalogue';
import { analyseSheet, isPresent, type SheetData } from './analysis';
import { resolveDates } from './check-date';
import { isDmcDownload } from './reconcile';
import { groupRules, rosterOf, runCellRules, runRowRules, type Fired } from './engine';
import { a1, cellText, mapHeaders, type HeaderMap } from './headers';
import type { Ctx, Hit, RuleDef } from './rules/rule';
import type { TextColumns } from './text-columns';
import { parseSettings, type CheckDates, type SettingsInput } from './settings';
import { ALL_GRADES } from './vocab';
import type { Cell, DatesUsed, FieldKey, Finding, GradeCount, Msg, Report, Severity, Summary } from './types';

export interface SheetInput {
  /** Sheet name ('' for a CSV). */
  name: string;
  /** As getValues() gives them: '' for empty, numbers, Dates, booleans, strings. */
  values: readonly (readonly Cell[])[];
  /** Cells whose bytes were not valid in the file's encoding (0-based): file.bad-bytes. */
  damaged?: ReadonlyArray<{ row: number; col: number }>;
  /** The same cells as columns, when the reader made them: the analysis reads these instead of the rows. */
  textColumns?: TextColumns;
}

export interface WorkbookInput {
  /** File name, for the academic year DMC writes into it ("2568-3-student.xlsx"). */
  source?: string;
  sheets: readonly SheetInput[];
}

export interface SheetReport extends Report {
  sheet: string;
}

export interface WorkbookReport {
  source?: string;
  /** One per roster sheet checked; with more than one, every finding names its sheet. */
  reports: SheetReport[];
  /** Sheets with no recognisable header (instructions, a summary, a pivot). */
  skipped: Array<{ sheet: string; reason: Msg }>;
  dates: DatesUsed;
}

export interface ValidateOptions {
  /** Today, for settings that default to it. */
  now?: Date;
  /** Rules to run (all by default). */
  rules?: readonly RuleDef[];
  /** Check only this sheet. */
  sheet?: string;
}

const NAME_PARTS = new Set<FieldKey>(['prefix', 'firstName', 'lastName']);
const EMPTY_MAP: HeaderMap = { headerIndex: -1, headers: [], columns: {}, duplicates: [] };

/** One sheet's check in progress: what was read, the context its rules see, the findings so far. */
interface SheetCheck {
  input: SheetInput;
  data: SheetData | null;
  ctx: Ctx;
  findings: Finding[];
}

/** The column a field's findings point at: its own, or the fullName column it was split from. */
function columnOf(map: HeaderMap, field: FieldKey | null): number | null {
  if (!field) return null;
  const col = map.columns[field];
  if (col !== undefined) return col;
  if (NAME_PARTS.has(field) && map.columns.fullName !== undefined) return map.columns.fullName;
  // A grade taken from the sheet's name has no cell of its own: its findings point at the birth date.
  if (field === 'grade' && map.columns.dob !== undefined) return map.columns.dob;
  return null;
}

/** Messages are made once per hit and value: rows that share a hit share its message. */
const messages = new WeakMap<Hit, { value: string; msg: Msg }>();
function say(rule: RuleDef, hit: Hit, value: string): Msg {
  const known = messages.get(hit);
  if (known && known.value === value) return known.msg;
  const msg = rule.say({ ...hit, value });
  messages.set(hit, { value, msg });
  return msg;
}

/** A finding on a student (`student` ≥ 0) or on the whole sheet. */
function finding(rule: RuleDef, hit: Hit, check: SheetCheck, student = -1): Finding {
  const map = check.ctx.map;
  const field = hit.field ?? rule.field;
  const onRow = student >= 0;
  const rowIndex = onRow ? check.data!.rows[student]! : map.headerIndex;
  const col = hit.col ?? (onRow ? columnOf(map, field) : null);
  const value = hit.value ?? (onRow && col !== null ? cellText(check.input.values[rowIndex]?.[col]) : '');
  return {
    rule: rule.id,
    severity: (hit.severity as Severity | undefined) ?? rule.severity,
    field,
    row: onRow ? rowIndex + 1 : col !== null ? map.headerIndex + 1 : null,
    column: col !== null ? (map.headers[col] ?? null) : null,
    cell: col !== null && rowIndex >= 0 ? a1(rowIndex, col) : null,
    value,
    message: say(rule, hit, value),
  };
}

function checkSheet(
  input: SheetInput,
  index: number,
  sheetNames: readonly string[],
  dates: CheckDates,
  headerRow: number,
  rules: readonly RuleDef[],
): SheetCheck {
  const data = analyseSheet(index, input.name, input.values, headerRow, input.textColumns);
  const ctx: Ctx = {
    map: data?.map ?? EMPTY_MAP,
    dates,
    has: (f) => data?.columns[f].has ?? false,
    sheetNames,
    damaged: input.damaged ?? [],
  };
  const check: SheetCheck = { input, data, ctx, findings: [] };
  for (const rule of rules) {
    if (rule.sheet)
      for (const hit of rule.sheet(data?.map ?? null, ctx)) check.findings.push(finding(rule, hit, check));
  }
  if (!data) return check;
  const active = rules.filter((r) => r.needs.every((f) => ctx.has(f)));
  // A grade named by the sheet is never missing or misspelt: those rules read a grade column.
  const fromSheet = data.gradeFrom === 'title' || data.gradeFrom === 'sheet-name';
  const rowRules = active.filter((r) => !(fromSheet && r.field === 'grade' && r.needs.includes('grade')));
  const onRow = (student: number, results: readonly Fired[]) => {
    for (const [rule, hits] of results) for (const hit of hits) check.findings.push(finding(rule, hit, check, student));
  };
  runRowRules(data, groupRules(rowRules), ctx, onRow);
  runCellRules(data, rowRules, ctx, onRow);
  const roster = rosterOf([data]);
  for (const rule of active) {
    if (rule.table && rule.scope !== 'workbook') {
      for (const [i, hit] of rule.table(roster, ctx)) check.findings.push(finding(rule, hit, check, i));
    }
  }
  return check;
}

function emptyCount(grade: string): GradeCount {
  return { grade, male: 0, female: 0, unknown: 0, total: 0 };
}

function summarise(check: SheetCheck, dates: DatesUsed): Summary {
  const { findings, data } = check;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const grades = new Map(ALL_GRADES.map((g) => [g, emptyCount(g)]));
  const total = emptyCount('');
  if (data) {
    const { status, exam, grade, gender, prefix } = data.columns;
    // Without a gender column the prefix tells the gender DMC counts by.
    const genderFromPrefix = data.map.columns.gender === undefined;
    for (let i = 0; i < data.rows.length; i++) {
      const g = grade.values[grade.codes[i]!]!.v;
      if (!g || exam.values[exam.codes[i]!]!.v !== 'took' || !isPresent(status.values[status.codes[i]!]!)) continue;
      const sex =
        gender.values[gender.codes[i]!]!.v ??
        (genderFromPrefix ? (prefix.values[prefix.codes[i]!]!.v?.gender ?? null) : null);
      const c = grades.get(g.label)!;
      if (sex === 'M') c.male++;
      else if (sex === 'F') c.female++;
      else c.unknown++;
      c.total++;
    }
  }
  // Every student counted is counted in a grade.
  for (const c of grades.values()) {
    total.male += c.male;
    total.female += c.female;
    total.unknown += c.unknown;
    total.total += c.total;
  }
  return {
    headerRow: data ? data.map.headerIndex + 1 : null,
    students: data ? data.rows.length : 0,
    bySeverity,
    byRule,
    examTakers: {
      hasExamColumn: data?.map.columns.exam !== undefined,
      byGrade: [...grades.values()].filter((g) => g.total > 0),
      total,
    },
    dates,
    gradeFrom: data?.gradeFrom ?? null,
  };
}

function sortFindings(findings: Finding[], map: HeaderMap, order: ReadonlyMap<string, number>): void {
  const colIndex = (f: Finding) => (f.cell ? (columnOf(map, f.field) ?? -1) : -1);
  findings.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || colIndex(a) - colIndex(b) || order.get(a.rule)! - order.get(b.rule)!,
  );
}

/** The sheets the add-on writes itself: never a roster, even in a workbook downloaded from Sheets. */
export const ADDON_SHEETS = {
  marks: '_dmc_marks',
  fixes: '_dmc_fixes',
  results: 'ผลการตรวจ',
  form: 'แบบขอแก้ไขเลขประจำตัวประชาชน',
} as const;
const OWN_SHEET_NAMES: readonly string[] = Object.values(ADDON_SHEETS);

const OWN_SHEET: Msg = {
  th: 'แผ่นงานของส่วนเสริมตรวจข้อมูล DMC (ผลการตรวจ แบบขอแก้ไข หรือที่เก็บเครื่องหมาย) จึงไม่ได้ตรวจ',
  en: "The DMC check add-on's own sheet (results, correction form or marks store): not checked",
};

const DMC_SHEET: Msg = {
  th: 'ข้อมูลที่ดาวน์โหลดจาก DMC: ใช้เทียบกับรายชื่อ (เทียบกับข้อมูล DMC) ไม่ได้ตรวจเป็นรายชื่อของโรงเรียน',
  en: 'The DMC download: compared with the roster (Compare with DMC), not checked as the school roster',
};

const NO_HEADER: Msg = {
  th: 'ไม่พบแถวหัวตาราง (เช่น คำชี้แจง สรุป หรือตารางอื่น) จึงไม่ได้ตรวจ',
  en: 'No roster header (instructions, a summary or another table): not checked',
};

/** Sheets read and the checks that span them, before findings become reports. */
interface WorkbookCheck {
  rosters: SheetCheck[];
  skipped: Array<{ sheet: string; reason: Msg }>;
  used: DatesUsed;
  order: ReadonlyMap<string, number>;
}

function checkWorkbook(
  input: WorkbookInput,
  settingsInput: SettingsInput | undefined,
  options: ValidateOptions,
): WorkbookCheck {
  const { settings } = parseSettings(settingsInput);
  const rules = options.rules ?? RULES;
  let sheets = input.sheets.length ? input.sheets : [{ name: '', values: [] }];
  if (options.sheet !== undefined) sheets = sheets.filter((s) => s.name === options.sheet);
  const { dates, used } = resolveDates(
    settings,
    { source: input.source, sheets: sheets.map((s) => s.values) },
    options.now,
  );
  const own = sheets.filter((s) => OWN_SHEET_NAMES.includes(s.name));
  if (own.length < sheets.length) sheets = sheets.filter((s) => !own.includes(s));
  // A DMC download beside the school's own roster is the other side of a reconciliation, not a roster;
  // so is the sheet the settings name as the download, recognised or not.
  const named = settings.dmcSheet;
  const downloads = sheets.filter((s) => (named !== '' && s.name === named) || isDmcDownload(s.values));
  const otherRoster = sheets.some(
    (s) => !downloads.includes(s) && mapHeaders(s.values, settings.headerRow || undefined),
  );
  if (downloads.length && otherRoster) sheets = sheets.filter((s) => !downloads.includes(s));
  else downloads.length = 0;
  const names = sheets.map((s) => s.name);
  const all = sheets.map((s, i) => checkSheet(s, i, names, dates, settings.headerRow, rules));

  let rosters = all.filter((c) => c.data);
  // header.not-found speaks only when no sheet of the file has a header.
  if (rosters.length === 0) rosters = all.slice(0, 1);
  const skipped = [
    ...all.filter((c) => !rosters.includes(c)).map((c) => ({ sheet: c.input.name, reason: NO_HEADER })),
    ...own.map((s) => ({ sheet: s.name, reason: OWN_SHEET })),
    ...downloads.map((s) => ({ sheet: s.name, reason: DMC_SHEET })),
  ];

  const read = rosters.filter((c) => c.data);
  const first = rosters[0]!;
  for (const rule of rules) {
    const eligible = read.filter((c) => rule.needs.every((f) => c.ctx.has(f)));
    if (eligible.length === 0) continue;
    const roster = rosterOf(eligible.map((c) => c.data!));
    if (rule.table && rule.scope === 'workbook') {
      for (const [i, hit] of rule.table(roster, first.ctx)) {
        const [data, j] = roster.locate(i);
        const c = all[data.index]!;
        c.findings.push(finding(rule, hit, c, j));
      }
    }
    if (rule.roster) for (const hit of rule.roster(roster, first.ctx)) first.findings.push(finding(rule, hit, first));
  }
  return { rosters, skipped, used, order: new Map(rules.map((r, i) => [r.id, i])) };
}

function reportOf(c: SheetCheck, w: WorkbookCheck): SheetReport {
  sortFindings(c.findings, c.ctx.map, w.order);
  if (w.rosters.length > 1) for (const f of c.findings) f.sheet = c.input.name;
  return { sheet: c.input.name, findings: c.findings, summary: summarise(c, w.used) };
}

/** Checks every roster sheet of a workbook (or the one named in options.sheet) as one school. */
export function validateWorkbook(
  input: WorkbookInput,
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): WorkbookReport {
  const w = checkWorkbook(input, settingsInput, options);
  return { source: input.source, reports: w.rosters.map((a) => reportOf(a, w)), skipped: w.skipped, dates: w.used };
}

/** One table, as one sheet: what the add-on's single-sheet paths and the rule tests use. */
export function validate(
  values: readonly (readonly Cell[])[],
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): Report {
  const { findings, summary } = validateWorkbook({ sheets: [{ name: '', values }] }, settingsInput, options)
    .reports[0]!;
  return { findings, summary };
}

/**
 * Checks several files, then reports every valid cid found in more than one of them
 * (cid.duplicate-across-files): a student counted by two schools.
 */
export function validateSources(
  sources: readonly WorkbookInput[],
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): WorkbookReport[] {
  const books = sources.map((src) => checkWorkbook(src, settingsInput, options));
  const rule = RULE_BY_ID.get('cid.duplicate-across-files')!;
  if (sources.length > 1) {
    const filesById = new Map<string, Set<number>>();
    const validIds = (c: SheetCheck) => {
      const cid = c.data!.columns.cid;
      return Array.from(cid.codes, (code) => cid.values[code]!.v).map((p) => (p?.ok ? p.digits : null));
    };
    const ids = books.map((b) => b.rosters.filter((c) => c.data).map(validIds));
    ids.forEach((sheets, i) => {
      for (const list of sheets) {
        for (const id of list) {
          if (id === null) continue;
          const set = filesById.get(id) ?? new Set<number>();
          set.add(i);
          filesById.set(id, set);
        }
      }
    });
    books.forEach((b, i) => {
      b.rosters
        .filter((c) => c.data)
        .forEach((c, k) => {
          ids[i]![k]!.forEach((id, student) => {
            const files = id === null ? undefined : filesById.get(id);
            if (!files || files.size < 2) return;
            const others = [...files].filter((f) => f !== i).map((f) => sources[f]!.source ?? `#${f + 1}`);
            c.findings.push(finding(rule, { files: others.join(', ') }, c, student));
          });
        });
    });
  }
  return books.map((b, i) => ({
    source: sources[i]!.source,
    reports: b.rosters.map((a) => reportOf(a, b)),
    skipped: b.skipped,
    dates: b.used,
  }));
}
