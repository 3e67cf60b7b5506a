/** (table, settings) → {findings, summary}: the one function every face of the product calls. */
import { RULE_BY_ID, RULES } from './catalogue';
import { a1, cellText, mapHeaders, type HeaderMap } from './headers';
import type { Ctx, Hit, RowResult, RuleDef } from './rules/rule';
import { checkDates, parseSettings, type SettingsInput } from './settings';
import { readStudent, type Student } from './student';
import { ALL_GRADES } from './vocab';
import type { Cell, FieldKey, Finding, GradeCount, Report, Severity, Summary } from './types';

const NAME_PARTS = new Set<FieldKey>(['prefix', 'firstName', 'lastName']);

function makeCtx(map: HeaderMap | null, dates: Ctx['dates']): Ctx {
  const columns = map?.columns ?? {};
  return {
    map: map ?? { headerIndex: -1, headers: [], columns: {}, duplicates: [] },
    dates,
    has: (f) => columns[f] !== undefined || (NAME_PARTS.has(f) && columns.fullName !== undefined),
  };
}

/** The column a field's findings point at: its own, or the fullName column it was split from. */
function columnOf(map: HeaderMap, field: FieldKey | null): number | null {
  if (!field) return null;
  const col = map.columns[field];
  if (col !== undefined) return col;
  if (NAME_PARTS.has(field) && map.columns.fullName !== undefined) return map.columns.fullName;
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

function emptyCount(grade: string): GradeCount {
  return { grade, male: 0, female: 0, unknown: 0, total: 0 };
}

function summarise(findings: Finding[], students: Student[], map: HeaderMap | null): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  const grades = new Map(ALL_GRADES.map((g) => [g, emptyCount(g)]));
  const total = emptyCount('');
  for (const s of students) {
    if (!s.present || s.exam !== 'took' || !s.grade) continue;
    const row = grades.get(s.grade.label)!;
    for (const c of [row, total]) {
      if (s.gender === 'M') c.male++;
      else if (s.gender === 'F') c.female++;
      else c.unknown++;
      c.total++;
    }
  }
  return {
    headerRow: map ? map.headerIndex + 1 : null,
    students: students.length,
    bySeverity,
    byRule,
    examTakers: {
      hasExamColumn: map?.columns.exam !== undefined,
      byGrade: [...grades.values()].filter((g) => g.total > 0),
      total,
    },
  };
}

export interface ValidateOptions {
  /** Today, for settings that default to it. */
  now?: Date;
  /** Rules to run (all by default). */
  rules?: readonly RuleDef[];
}

export function validate(
  values: readonly (readonly Cell[])[],
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): Report {
  return analyse(values, settingsInput, options).report;
}

/** A report with what it was computed from, for checks that span several tables. */
interface Analysis {
  report: Report;
  map: HeaderMap | null;
  students: Student[];
}

function analyse(
  values: readonly (readonly Cell[])[],
  settingsInput: SettingsInput | undefined,
  options: ValidateOptions,
): Analysis {
  const { settings } = parseSettings(settingsInput);
  const dates = checkDates(settings, options.now);
  const map = mapHeaders(values, settings.headerRow || undefined);
  const ctx = makeCtx(map, dates);
  const rules = options.rules ?? RULES;
  const findings: Finding[] = [];

  for (const rule of rules) {
    if (rule.sheet) for (const hit of rule.sheet(map, ctx)) findings.push(finding(rule, hit, ctx.map, null));
  }
  if (!map) return { report: { findings, summary: summarise(findings, [], null) }, map, students: [] };

  const students: Student[] = [];
  for (let i = map.headerIndex + 1; i < values.length; i++) {
    const s = readStudent(values[i] ?? [], i, map);
    if (s) students.push(s);
  }

  const active = rules.filter((r) => r.needs.every((f) => ctx.has(f)));
  const rowRules = active.filter((r) => r.row);
  for (const s of students) {
    for (const rule of rowRules) {
      const r = rule.row!(s, ctx);
      if (r) for (const hit of hitsOf(r)) findings.push(finding(rule, hit, map, s));
    }
  }
  for (const rule of active) {
    if (rule.table) for (const [s, hit] of rule.table(students, ctx)) findings.push(finding(rule, hit, map, s));
  }

  const order = new Map(rules.map((r, i) => [r.id, i]));
  const colIndex = (f: Finding) => (f.cell ? (columnOf(map, f.field) ?? -1) : -1);
  findings.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || colIndex(a) - colIndex(b) || order.get(a.rule)! - order.get(b.rule)!,
  );
  return { report: { findings, summary: summarise(findings, students, map) }, map, students };
}

export interface SourceTable {
  /** File name (or sheet) the values came from. */
  source: string;
  values: readonly (readonly Cell[])[];
}

/**
 * Checks several tables, then reports every valid cid found in more than one of them
 * (cid.duplicate-across-files): a student counted by two schools.
 */
export function validateSources(
  sources: readonly SourceTable[],
  settingsInput: SettingsInput | undefined = {},
  options: ValidateOptions = {},
): Array<{ source: string } & Report> {
  const analyses = sources.map((src) => analyse(src.values, settingsInput, options));
  const filesById = new Map<string, Set<number>>();
  analyses.forEach((a, i) => {
    for (const s of a.students) {
      if (!s.cid?.ok) continue;
      const set = filesById.get(s.cid.digits) ?? new Set<number>();
      set.add(i);
      filesById.set(s.cid.digits, set);
    }
  });
  const rule = RULE_BY_ID.get('cid.duplicate-across-files')!;
  return analyses.map((a, i) => {
    const extra: Finding[] = [];
    for (const s of a.students) {
      const files = s.cid?.ok ? filesById.get(s.cid.digits) : undefined;
      if (!files || files.size < 2) continue;
      const others = [...files].filter((f) => f !== i).map((f) => sources[f]!.source);
      extra.push(finding(rule, { files: others.join(', ') }, a.map!, s));
    }
    const findings = a.report.findings.concat(extra);
    return { source: sources[i]!.source, findings, summary: summarise(findings, a.students, a.map) };
  });
}
