/** The roster beside DMC's download, on generated pairs with every difference class planted. */
import { describe, expect, it } from 'vitest';
import { analyseSheet } from '../src/core/analysis';
import { reconcile, reconcileCorrectionRows, type ReconcileResult } from '../src/core/reconcile';
import { parseCid } from '../src/core/thai-id';
import type { Cell, Finding } from '../src/core/types';
import { DIFF_CLASSES, dmcPair, DMC_SHEET, ROSTER_SHEET, type DmcPair, type Planted } from './support/dmc-pairs';

const run = (p: DmcPair, source = p.dmcSource) => reconcile(p.roster, p.dmc, {}, { dmcSource: source });
const at = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;
const expected = (p: Planted) =>
  p.expect.map((e) => `${e.rule} ${e.severity} ${e.side === 'roster' ? ROSTER_SHEET : DMC_SHEET}!${e.cell}`);
const all = (r: ReconcileResult) => [...r.rosterFindings, ...r.dmcFindings];

/** Whether reconcile made exactly the planted pair (or left the rows unmatched when none is planted). */
function matched(r: ReconcileResult, p: Planted): boolean {
  if (!p.match) {
    return !r.matches.some((m) => p.rosterRows.includes(m.rosterRow) || p.dmcRows.includes(m.dmcRow));
  }
  const want = p.match;
  return r.matches.some(
    (m) =>
      m.rosterRow === want.rosterRow &&
      want.dmcRows.includes(m.dmcRow) &&
      m.kind === want.kind &&
      m.reason === want.reason,
  );
}

describe('reconcile on generated roster/DMC pairs', () => {
  const seeds = [1, 2, 3];

  it.each(seeds)(
    'finds every planted difference with its rule, severity and cell, and nothing else (seed %i)',
    (seed) => {
      const p = dmcPair({ n: 120, seed, copies: 2 });
      const r = run(p);
      const found = new Set(all(r).map(at));
      const want = p.planted.flatMap(expected);
      for (const planted of p.planted) {
        for (const e of expected(planted)) expect(found.has(e), `${planted.cls}: ${e}`).toBe(true);
        expect(matched(r, planted), `${planted.cls} match`).toBe(true);
      }
      expect([...found].sort()).toEqual([...new Set(want)].sort());
      expect(all(r).length).toBe(want.length);
    },
  );

  it('changes digit 3 of an ID, which the checksum cannot see, and keeps both IDs valid', () => {
    const p = dmcPair({ n: 5, seed: 13, classes: ['id-digit-3'] });
    const [planted] = p.planted;
    const rosterId = String(p.roster.sheets[0]!.values[planted!.rosterRows[0]! - 1]![1]);
    const dmcId = String(p.dmc.values[planted!.dmcRows[0]! - 1]![2]);
    const differing = [...rosterId].flatMap((c, i) => (c === dmcId[i] ? [] : [i]));
    expect(differing).toEqual([2]);
    expect(parseCid(rosterId).ok && parseCid(dmcId).ok).toBe(true);
  });

  it('plants every class', () => {
    const p = dmcPair({ n: 10, seed: 4 });
    expect(new Set(p.planted.map((x) => x.cls))).toEqual(new Set(DIFF_CLASSES));
  });

  it('finds nothing on identical pairs and matches everyone by ID', () => {
    const p = dmcPair({ n: 300, seed: 5, classes: [] });
    const r = run(p);
    expect(all(r)).toEqual([]);
    expect(r.summary.matched).toEqual({ id: 300, nameDob: 0, fuzzy: 0 });
    expect(r.summary.notInDmc + r.summary.notInRoster + r.summary.ambiguous).toBe(0);
    // DMC counts every student it lists; the roster, present students who took the exam: the same here.
    expect(r.summary.examTakers.roster.byGrade).toEqual(r.summary.examTakers.dmc.byGrade);
    expect(r.summary.examTakers.dmc.basis).toBe('present');
    expect(r.summary.examTakers.roster.basis).toBe('exam');
  });

  it('counts what it found in the summary', () => {
    const p = dmcPair({ n: 50, seed: 6 });
    const s = run(p).summary;
    expect(s.matched.fuzzy).toBe(6); // four name slips and two birth-date slips
    expect(s.notInDmc).toBe(3); // missing (two kinds) and the similar-but-different student
    expect(s.notInRoster).toBe(2);
    expect(s.idDiffers).toBe(10);
    expect(s.gradeAdvanced).toBe(1);
    expect(s.duplicatesInDmc).toBe(4);
    // Four name slips and the changed first and last names; the slips land in either name.
    expect((s.byField.firstName ?? 0) + (s.byField.lastName ?? 0)).toBe(6);
    expect(s.byField).toMatchObject({ dob: 3, prefix: 1, gender: 1, grade: 1, room: 1 });
    expect(s.dates).toMatchObject({ academicYear: 2568, round: 3 });
    expect(s.endOfYear).toBe(true);
  });

  it('outside the end-of-year round, a grade one above is a field difference', () => {
    const p = dmcPair({ n: 20, seed: 7, classes: ['grade-advanced'] });
    const r = run(p, '2568-2-student.xlsx');
    expect(all(r).map((f) => `${f.rule} ${f.field}`)).toEqual(['dmc.field-differs grade']);
    expect(r.summary.endOfYear).toBe(false);
  });

  it('reads the roster as sheets already analysed, with the same result', () => {
    const p = dmcPair({ n: 40, seed: 8 });
    const sheets = p.roster.sheets.map((s, i) => analyseSheet(i, s.name, s.values)!);
    const a = run(p);
    const b = reconcile(sheets, p.dmc, {}, { dmcSource: p.dmcSource });
    expect(b.rosterFindings).toEqual(a.rosterFindings);
    expect(b.dmcFindings).toEqual(a.dmcFindings);
    expect(b.matches).toEqual(a.matches);
  });

  it('matches across the sheets of a roster kept one sheet per class, naming each sheet', () => {
    const p = dmcPair({ n: 60, seed: 9 });
    const [title, header, ...rows] = p.roster.sheets[0]!.values as Cell[][];
    const byGrade = new Map<string, Cell[][]>();
    for (const row of rows) byGrade.set(String(row[8]), [...(byGrade.get(String(row[8])) ?? []), row]);
    const sheets = [...byGrade].map(([g, rs]) => ({ name: g, values: [title!, header!, ...rs] }));
    const r = reconcile({ sheets }, p.dmc, {}, { dmcSource: p.dmcSource });
    const whole = run(p);
    expect(r.summary.matched).toEqual(whole.summary.matched);
    expect(r.summary.byRule).toEqual(whole.summary.byRule);
    expect(new Set(r.rosterFindings.map((f) => f.sheet)).size).toBeGreaterThan(1);
    expect(r.rosterFindings.every((f) => byGrade.has(f.sheet!))).toBe(true);
  });

  it('never takes a DMC download sheet of the workbook for the roster', () => {
    const p = dmcPair({ n: 30, seed: 10, classes: [] });
    const workbook = { sheets: [...p.roster.sheets, { name: 'DMC copy', values: p.dmc.values }] };
    const r = reconcile(workbook, p.dmc, {}, { dmcSource: p.dmcSource });
    expect(all(r)).toEqual([]);
    expect(r.summary.rosterStudents).toBe(30);
  });
});

describe('reconcileCorrectionRows', () => {
  it('gives one form row per differing ID: DMC’s as old, the roster’s as new, checked against the ID card', () => {
    const p = dmcPair({ n: 30, seed: 11 });
    const r = run(p);
    const rows = reconcileCorrectionRows(r, { schoolCode: '', schoolName: 'โรงเรียนบ้านตัวอย่าง' });
    expect(rows).toHaveLength(r.summary.idDiffers);
    const dmc = p.dmc.values;
    const roster = p.roster.sheets[0]!.values;
    for (const row of rows) {
      const pair = r.idDiffers.find((x) => x.rosterRow === row.sourceRow)!;
      expect(row.values.oldCid).toBe(String(dmc[pair.dmcRow - 1]![2]));
      expect(row.values.newCid).toBe(String(roster[row.sourceRow - 1]![1]));
      expect(parseCid(row.values.newCid).ok).toBe(true);
      expect(row.values.reason).toBe('ตรวจกับบัตรประชาชน');
      expect(row.values.schoolCode).toBe('10100001'); // DMC's, when the settings have none
      expect(row.values.firstName).toBe(String(dmc[pair.dmcRow - 1]![8]));
      expect(row.sheet).toBe(ROSTER_SHEET);
    }
  });

  it('leaves the new ID empty and says why when the roster’s ID is itself invalid', () => {
    const p = dmcPair({ n: 10, seed: 12, classes: ['id-one-digit'] });
    const planted = p.planted[0]!;
    const row = p.roster.sheets[0]!.values[planted.rosterRows[0]! - 1] as Cell[];
    const id = String(row[1]);
    row[1] = id.slice(0, 12) + String((Number(id[12]) + 1) % 10); // the check digit one off
    const r = run(p);
    const f = r.rosterFindings.find((x) => x.rule === 'dmc.id-differs')!;
    expect(f.message.th).toContain('เลขในแผ่นงานเองไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)');
    expect(f.message.en).toContain("the roster's own ID is invalid (check digit does not match)");
    const [form] = reconcileCorrectionRows(r, { schoolCode: '', schoolName: '' });
    expect(form!.values.newCid).toBe('');
    expect(form!.values.note).not.toBe('');
  });
});
