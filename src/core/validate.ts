/**
 * (workbook, settings) → a report per roster sheet: the one function every face of the product calls.
 * A workbook is checked as one school: duplicates are found across its sheets, the check date is
 * inferred once, and `grade.top-empty` looks at every sheet together.
 */
import { RULE_BY_ID, RULES } from './catalogue';
import { resolveDates, topRows } from './check-date';
import { a1, cellText, mapHeaders, type HeaderMap } from './headers';
import type { Ctx, Hit, RowResult, RuleDef } from './rules/rule';
import { parseSettings, type CheckDates, type SettingsInput } from './settings';
import { readStudent, type Student } from './student';
import { ALL_GRADES, gradeOfSheetName, gradeOfTitle, type Grade } from './vocab';
import type {
  Cell,
  DatesUsed,
  FieldKey,
  Finding,
  GradeCount,
  GradeSource,
  Msg,
  Report,
  Severity,
  Summary,
} from './types';

export interface SheetInput {
  /** Sheet name ('' for a CSV). */
  name: string;
  /** As getValues() gives them: '' for empty, numbers, Dates, booleans, strings. */
  values: readonly (readonly Cell[])[];
  /** Cells whose bytes were not valid in the file's encoding (0-based): file.bad-bytes. */
  damaged?: ReadonlyArray<{ row: number; col: number }>;
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

/** One sheet read: its header map, students and the context its rules see. */
interface SheetAnalysis {
  input: SheetInput;
  map: HeaderMap | null;
  ctx: Ctx;
  students: Student[];
  gradeFrom: GradeSource;
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

function hitsOf(r: RowResult): Hit[] {
  if (!r) return [];
  if (r === true) return [{}];
  return Array.isArray(r) ? r : [r];
}

function finding(rule: RuleDef, hit: Hit, map: HeaderMap, s: Student | null): Finding {
  const field = (hit.field as FieldKey | undefined) ?? rule.field;
  const col = hit.col ?? (s ? columnOf(map, field) : null);
  const rowIndex = s ? s.row - 1 : map.headerIndex;
  const value = hit.value ?? (s && col !== null ? cellText(s.cells[col]) : '');
  return {
    rule: rule.id,
    severity: (hit.severity as Severity | undefined) ?? rule.severity,
    field,
    row: s ? s.row : col !== null ? map.headerIndex + 1 : null,
    column: col !== null ? (map.headers[col] ?? null) : null,
    cell: col !== null && rowIndex >= 0 ? a1(rowIndex, col) : null,
    value,
    message: rule.say({ ...hit, value }),
  };
}

/** The class a sheet without a grade column names: a title line above the header, or the sheet's name. */
function sheetGrade(input: SheetInput, map: HeaderMap): { grade: Grade; from: GradeSource } | null {
  if (map.columns.grade !== undefined) return null;
  const title = gradeOfTitle(topRows(input.values, map.headerIndex).flat());
  if (title) return { grade: title, from: 'title' };
  const named = gradeOfSheetName(input.name);
  return named ? { grade: named, from: 'sheet-name' } : null;
}

function analyseSheet(
  input: SheetInput,
  index: number,
  sheetNames: readonly string[],
  dates: CheckDates,
  headerRow: number,
  rules: readonly RuleDef[],
): SheetAnalysis {
  const map = mapHeaders(input.values, headerRow || undefined);
  const fromSheet = map ? sheetGrade(input, map) : null;
  const columns = map?.columns ?? {};
  const ctx: Ctx = {
    map: map ?? EMPTY_MAP,
    dates,
    has: (f) =>
      columns[f] !== undefined ||
      (NAME_PARTS.has(f) && columns.fullName !== undefined) ||
      (f === 'grade' && fromSheet !== null),
    sheetNames,
    damaged: input.damaged ?? [],
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.sheet) for (const hit of rule.sheet(map, ctx)) findings.push(finding(rule, hit, ctx.map, null));
  }
  const students: Student[] = [];
  if (map) {
    const { values } = input;
    for (let i = map.headerIndex + 1; i < values.length; i++) {
      const s = readStudent(values[i] ?? [], i, map, index, fromSheet?.grade ?? null);
      if (s) students.push(s);
    }
    const active = rules.filter((r) => r.needs.every((f) => ctx.has(f)));
    // A grade named by the sheet is never missing or misspelt: those rules read a grade column.
    const rowRules = active.filter((r) => r.row && !(fromSheet && r.needs.includes('grade') && r.field === 'grade'));
    for (const s of students) {
      for (const rule of rowRules) {
        const r = rule.row!(s, ctx);
        if (r) for (const hit of hitsOf(r)) findings.push(finding(rule, hit, map, s));
      }
    }
    for (const rule of active) {
      if (rule.table && rule.scope !== 'workbook') {
        for (const [s, hit] of rule.table(students, ctx)) findings.push(finding(rule, hit, map, s));
      }
    }
  }
  const gradeFrom: GradeSource = fromSheet?.from ?? (map?.columns.grade !== undefined ? 'column' : null);
  return { input, map, ctx, students, gradeFrom, findings };
}

function emptyCount(grade: string): GradeCount {
  return { grade, male: 0, female: 0, unknown: 0, total: 0 };
}

function summarise(a: SheetAnalysis, findings: readonly Finding[], dates: DatesUsed): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const grades = new Map(ALL_GRADES.map((g) => [g, emptyCount(g)]));
  const total = emptyCount('');
  // Without a gender column the prefix tells the gender DMC counts by.
  const genderFromPrefix = a.map?.columns.gender === undefined;
  for (const s of a.students) {
    if (!s.present || s.exam !== 'took' || !s.grade) continue;
    const row = grades.get(s.grade.label)!;
    const gender = s.gender ?? (genderFromPrefix ? (s.prefix?.gender ?? null) : null);
    for (const c of [row, total]) {
      if (gender === 'M') c.male++;
      else if (gender === 'F') c.female++;
      else c.unknown++;
      c.total++;
    }
  }
  return {
    headerRow: a.map ? a.map.headerIndex + 1 : null,
    students: a.students.length,
    bySeverity,
    byRule,
    examTakers: {
      hasExamColumn: a.map?.columns.exam !== undefined,
      byGrade: [...grades.values()].filter((g) => g.total > 0),
      total,
    },
    dates,
    gradeFrom: a.gradeFrom,
  };
}

function sortFindings(findings: Finding[], map: HeaderMap | null, order: ReadonlyMap<string, number>): void {
  const colIndex = (f: Finding) => (f.cell && map ? (columnOf(map, f.field) ?? -1) : -1);
  findings.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || colIndex(a) - colIndex(b) || order.get(a.rule)! - order.get(b.rule)!,
  );
}

const NO_HEADER: Msg = {
  th: 'ไม่พบแถวหัวตาราง (เช่น คำชี้แจง สรุป หรือตารางอื่น) จึงไม่ได้ตรวจ',
  en: 'No roster header (instructions, a summary or another table): not checked',
};

/** Sheets read and the analysis that spans them, before findings become reports. */
interface WorkbookAnalysis {
  rosters: SheetAnalysis[];
  skipped: Array<{ sheet: string; reason: Msg }>;
  used: DatesUsed;
  order: ReadonlyMap<string, number>;
}

function analyseWorkbook(
  input: WorkbookInput,
  settingsInput: SettingsInput | undefined,
  options: ValidateOptions,
): WorkbookAnalysis {
  const { settings } = parseSettings(settingsInput);
  const rules = options.rules ?? RULES;
  let sheets = input.sheets.length ? input.sheets : [{ name: '', values: [] }];
  if (options.sheet !== undefined) sheets = sheets.filter((s) => s.name === options.sheet);
  const { dates, used } = resolveDates(
    settings,
    { source: input.source, sheets: sheets.map((s) => s.values) },
    options.now,
  );
  const names = sheets.map((s) => s.name);
  const all = sheets.map((s, i) => analyseSheet(s, i, names, dates, settings.headerRow, rules));

  let rosters = all.filter((a) => a.map);
  // header.not-found speaks only when no sheet of the file has a header.
  if (rosters.length === 0) rosters = all.slice(0, 1);
  const skipped = all.filter((a) => !rosters.includes(a)).map((a) => ({ sheet: a.input.name, reason: NO_HEADER }));

  const students = rosters.flatMap((a) => a.students);
  const first = rosters[0]!;
  for (const rule of rules) {
    if (!rosters.some((a) => rule.needs.every((f) => a.ctx.has(f)))) continue;
    if (rule.table && rule.scope === 'workbook') {
      const eligible = students.filter((s) => rule.needs.every((f) => all[s.sheet]!.ctx.has(f)));
      for (const [s, hit] of rule.table(eligible, first.ctx)) {
        const a = all[s.sheet]!;
        a.findings.push(finding(rule, hit, a.map!, s));
      }
    }
    if (rule.roster)
      for (const hit of rule.roster(students, first.ctx)) first.findings.push(finding(rule, hit, first.ctx.map, null));
  }
  return { rosters, skipped, used, order: new Map(rules.map((r, i) => [r.id, i])) };
}

function reportOf(a: SheetAnalysis, w: WorkbookAnalysis): SheetReport {
  sortFindings(a.findings, a.map, w.order);
  if (w.rosters.length > 1) for (const f of a.findings) f.sheet = a.input.name;
  return { sheet: a.input.name, findings: a.findings, summary: summarise(a, a.findings, w.used) };
}

/** Checks every roster sheet of a workbook (or the one named in options.sheet) as one school. */
export function validateWorkbook(
  input: WorkbookInput,
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): WorkbookReport {
  const w = analyseWorkbook(input, settingsInput, options);
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
  const books = sources.map((src) => analyseWorkbook(src, settingsInput, options));
  const rule = RULE_BY_ID.get('cid.duplicate-across-files')!;
  if (sources.length > 1) {
    const filesById = new Map<string, Set<number>>();
    books.forEach((b, i) => {
      for (const a of b.rosters) {
        for (const s of a.students) {
          if (!s.cid?.ok) continue;
          const set = filesById.get(s.cid.digits) ?? new Set<number>();
          set.add(i);
          filesById.set(s.cid.digits, set);
        }
      }
    });
    books.forEach((b, i) => {
      for (const a of b.rosters) {
        for (const s of a.students) {
          const files = s.cid?.ok ? filesById.get(s.cid.digits) : undefined;
          if (!files || files.size < 2) continue;
          const others = [...files].filter((f) => f !== i).map((f) => sources[f]!.source ?? `#${f + 1}`);
          a.findings.push(finding(rule, { files: others.join(', ') }, a.map!, s));
        }
      }
    });
  }
  return books.map((b, i) => ({
    source: sources[i]!.source,
    reports: b.rosters.map((a) => reportOf(a, b)),
    skipped: b.skipped,
    dates: b.used,
  }));
}
