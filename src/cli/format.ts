/** The command's three outputs: a readable report, JSON, CSV. */
import Papa from 'papaparse';
import { GENDER_LABEL, SEVERITY_LABEL } from '../core/labels';
import { neutraliseFormula } from '../core/text';
import { SEVERITIES, type Lang, type Report } from '../core/types';

export type FileReport = { source: string; sheet?: string } & Report;

const T = {
  th: {
    checked: (src: string, sheet: string | undefined, n: number, header: number | null) =>
      `ตรวจ ${src}${sheet ? ` (แผ่นงาน "${sheet}")` : ''}: นักเรียน ${n} คน${header ? `, หัวตารางแถวที่ ${header}` : ''}`,
    clean: 'ไม่พบปัญหา พร้อมยืนยันข้อมูลใน DMC',
    row: 'แถว',
    takers: 'ผู้เข้าสอบปลายภาคที่ DMC นับ (นักเรียนที่ยังอยู่และเข้าสอบ)',
    noExam: 'ไม่มีคอลัมน์สอบปลายภาค จึงนับผู้เข้าสอบไม่ได้',
    grade: 'ชั้น',
  },
  en: {
    checked: (src: string, sheet: string | undefined, n: number, header: number | null) =>
      `Checked ${src}${sheet ? ` (sheet "${sheet}")` : ''}: ${n} students${header ? `, header on row ${header}` : ''}`,
    clean: 'No problems found: ready to confirm in DMC',
    row: 'row',
    takers: 'Exam takers DMC counts (present students who took the final exam)',
    noExam: 'No final-exam column, so exam takers cannot be counted',
    grade: 'Grade',
  },
};

export function formatText(reports: FileReport[], lang: Lang): string {
  const t = T[lang];
  const out: string[] = [];
  for (const r of reports) {
    const s = r.summary;
    out.push(t.checked(r.source, r.sheet, s.students, s.headerRow));
    out.push(SEVERITIES.map((sev) => `${SEVERITY_LABEL[sev][lang]} ${s.bySeverity[sev]}`).join(' · '));
    if (r.findings.length === 0) out.push(t.clean);
    for (const sev of SEVERITIES) {
      const list = r.findings.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push('', `■ ${SEVERITY_LABEL[sev][lang]} (${list.length})`);
      for (const f of list) {
        const where = f.cell ?? (f.row ? `${t.row} ${f.row}` : '—');
        out.push(`  ${where.padEnd(6)} ${f.rule.padEnd(24)} ${f.message[lang]}`);
      }
    }
    out.push('', t.takers);
    if (!s.examTakers.hasExamColumn) out.push(`  ${t.noExam}`);
    else {
      const g = GENDER_LABEL;
      out.push(
        `  ${t.grade.padEnd(6)} ${g.male[lang].padStart(6)} ${g.female[lang].padStart(6)} ${g.total[lang].padStart(6)}`,
      );
      for (const c of [...s.examTakers.byGrade, { ...s.examTakers.total, grade: g.total[lang] }]) {
        out.push(
          `  ${c.grade.padEnd(6)} ${String(c.male).padStart(6)} ${String(c.female).padStart(6)} ${String(c.total).padStart(6)}`,
        );
      }
    }
    out.push('');
  }
  return out.join('\n');
}

export function formatJson(reports: FileReport[]): string {
  const plain = reports.map(({ source, findings, summary }) => ({ source, findings, summary }));
  return JSON.stringify(plain.length === 1 ? plain[0] : plain, null, 2) + '\n';
}

export function formatCsv(reports: FileReport[], lang: Lang): string {
  const rows: string[][] = [['source', 'severity', 'rule', 'cell', 'row', 'column', 'value', 'message']];
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push([
        r.source,
        f.severity,
        f.rule,
        f.cell ?? '',
        f.row?.toString() ?? '',
        f.column ?? '',
        f.value,
        f.message[lang],
      ]);
    }
  }
  // A BOM so Excel opens the Thai text as UTF-8; every cell neutralised against formulas.
  return (
    '\ufeff' +
    Papa.unparse(
      rows.map((row) => row.map(neutraliseFormula)),
      { newline: '\r\n' },
    ) +
    '\r\n'
  );
}
