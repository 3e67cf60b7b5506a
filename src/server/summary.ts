/** One summary for the sidebar and the results sheet from the summaries of every roster sheet checked. */
import type { DatesUsed, GradeCount, Summary } from '../core/types';
import { ALL_GRADES } from '../core/vocab';

const order = (g: string) => {
  const i = ALL_GRADES.indexOf(g);
  return i < 0 ? ALL_GRADES.length : i;
};

function addCount(into: GradeCount, c: GradeCount): void {
  into.male += c.male;
  into.female += c.female;
  into.unknown += c.unknown;
  into.total += c.total;
}

/** Counts add up; exam takers merge by grade, in the grades' own order; dates are the workbook's. */
export function mergeSummaries(list: readonly Summary[], dates: DatesUsed): Summary {
  if (list.length === 1) return { ...list[0]!, dates };
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  const grades = new Map<string, GradeCount>();
  const total: GradeCount = { grade: '', male: 0, female: 0, unknown: 0, total: 0 };
  for (const s of list) {
    for (const k of ['error', 'warning', 'info'] as const) bySeverity[k] += s.bySeverity[k];
    for (const [rule, n] of Object.entries(s.byRule)) byRule[rule] = (byRule[rule] ?? 0) + n;
    for (const g of s.examTakers.byGrade) {
      let into = grades.get(g.grade);
      if (!into) grades.set(g.grade, (into = { grade: g.grade, male: 0, female: 0, unknown: 0, total: 0 }));
      addCount(into, g);
    }
    addCount(total, s.examTakers.total);
  }
  return {
    headerRow: list[0]?.headerRow ?? null,
    students: list.reduce((n, s) => n + s.students, 0),
    bySeverity,
    byRule,
    examTakers: {
      hasExamColumn: list.some((s) => s.examTakers.hasExamColumn),
      byGrade: [...grades.values()].sort((a, b) => order(a.grade) - order(b.grade)),
      total,
    },
    dates,
    gradeFrom: list.find((s) => s.gradeFrom)?.gradeFrom ?? null,
  };
}
