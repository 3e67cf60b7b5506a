/** The command's report of the roster beside the DMC download: counts, findings on either side, exam takers. */
import { SEVERITY_LABEL } from '../core/labels';
import type { ReconcileResult } from '../core/reconcile';
import { SEVERITIES, type Finding, type Lang } from '../core/types';
import { optionsOf, shown, stripControls, type FormatOptions } from './format';

const T = {
  th: {
    title: (dmc: string) => `เทียบกับข้อมูล DMC (${dmc})`,
    counts: (s: ReconcileResult['summary']) =>
      `จับคู่ได้ ${s.matched.id + s.matched.nameDob + s.matched.fuzzy} คน (เลขประจำตัวตรงกัน ${s.matched.id}, ` +
      `ชื่อและวันเกิด ${s.matched.nameDob}, ใกล้เคียง ${s.matched.fuzzy}) · ไม่มีใน DMC ${s.notInDmc} · ` +
      `ไม่มีในรายชื่อ ${s.notInRoster} · ข้อมูลต่างกัน ${s.differingFields}`,
    takers: 'ผู้เข้าสอบปลายภาค: รายชื่อของโรงเรียน / ข้อมูล DMC',
    grade: 'ชั้น',
    clean: 'รายชื่อตรงกับข้อมูล DMC',
    dmcSheet: 'DMC',
  },
  en: {
    title: (dmc: string) => `Compared with the DMC download (${dmc})`,
    counts: (s: ReconcileResult['summary']) =>
      `Matched ${s.matched.id + s.matched.nameDob + s.matched.fuzzy} (same ID ${s.matched.id}, ` +
      `name and birth date ${s.matched.nameDob}, near ${s.matched.fuzzy}) · not in DMC ${s.notInDmc} · ` +
      `not in the roster ${s.notInRoster} · differing fields ${s.differingFields}`,
    takers: 'Exam takers: the school roster / DMC',
    grade: 'Grade',
    clean: 'The roster agrees with DMC',
    dmcSheet: 'DMC',
  },
};

const all = (r: ReconcileResult): Finding[] => [...r.rosterFindings, ...r.dmcFindings];

export function reconciliationText(r: ReconcileResult, dmcSource: string, options: Lang | FormatOptions): string {
  const o = optionsOf(options);
  const t = T[o.lang];
  const s = r.summary;
  const out = ['', `■■ ${t.title(stripControls(dmcSource))}`, t.counts(s)];
  for (const n of s.notes) out.push(n[o.lang]);
  const findings = all(r);
  if (findings.length === 0) out.push(t.clean);
  for (const sev of SEVERITIES) {
    const list = findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push('', `■ ${SEVERITY_LABEL[sev][o.lang]} (${list.length})`);
    for (const raw of list) {
      const f = shown(raw, o, true);
      const where = `${f.sheet ? `${stripControls(f.sheet)}!` : ''}${f.cell ?? ''}`;
      out.push(`  ${where.padEnd(10)} ${f.rule.padEnd(22)} ${f.message[o.lang]}`);
    }
  }
  const { roster, dmc } = s.examTakers;
  const grades = [...new Set([...roster.byGrade, ...dmc.byGrade].map((g) => g.grade))];
  out.push('', t.takers);
  for (const g of grades) {
    const a = roster.byGrade.find((x) => x.grade === g)?.total ?? 0;
    const b = dmc.byGrade.find((x) => x.grade === g)?.total ?? 0;
    out.push(`  ${g.padEnd(6)} ${String(a).padStart(6)} / ${String(b).padStart(6)}${a === b ? '' : '  ≠'}`);
  }
  out.push('');
  return out.join('\n');
}

/** The JSON part: summary, findings on either side (IDs masked unless asked) and the matches. */
export function reconciliationJson(r: ReconcileResult, dmcSource: string, options: FormatOptions) {
  const o = optionsOf(options);
  return {
    dmcSource,
    dmcSheet: r.dmcSheet,
    summary: r.summary,
    rosterFindings: r.rosterFindings.map((f) => shown(f, o, false)),
    dmcFindings: r.dmcFindings.map((f) => shown(f, o, false)),
    matches: r.matches,
  };
}

/** CSV rows in the command's columns: the DMC file as source for findings on the download. */
export function reconciliationCsvRows(
  r: ReconcileResult,
  rosterSource: string,
  dmcSource: string,
  options: FormatOptions,
) {
  const o = optionsOf(options);
  const row = (source: string, f: Finding) => [
    stripControls(source),
    stripControls(f.sheet ?? ''),
    f.severity,
    f.rule,
    f.cell ?? '',
    f.row?.toString() ?? '',
    f.column ?? '',
    f.value,
    f.message[o.lang],
  ];
  return [
    ...r.rosterFindings.map((f) => row(rosterSource, shown(f, o, true))),
    ...r.dmcFindings.map((f) => row(dmcSource, shown(f, o, true))),
  ];
}
