import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/core/catalogue';
import { validate, validateSources } from '../src/core/validate';
import { roster, SETTINGS, validStudent, cidOf } from './support/rules';
import { syntheticRoster } from './support/synthetic';

const RULES_MD = new URL('../../shared/RULES.md', import.meta.url);
describe('the catalogue', () => {
  it.runIf(existsSync(RULES_MD))('has exactly the rule IDs and severities of RULES.md', () => {
    const md = readFileSync(RULES_MD, 'utf8');
    // "error / warning": the catalogue's severity is the first; the finding may carry the second.
    const table = [...md.matchAll(/^\| ([a-z-]+\.[a-z.-]+) \| (error|warning|info)(?: \/ \w+)? \|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(table.length).toBeGreaterThan(40);
    const built = RULES.map((r) => `${r.id} ${r.severity}`);
    expect(built.sort()).toEqual(table.sort());
  });
  it('has unique IDs and bilingual explanations', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.about.th, r.id).toMatch(/[\u0e01-\u0e2e]/);
      expect(r.about.en, r.id).toMatch(/^[A-Z]/);
    }
  });
});

describe('validate', () => {
  it('returns findings in the shape RULES.md gives', () => {
    const r = validate(roster({ row: { gender: 'X' } }), SETTINGS);
    expect(r.findings).toEqual([
      {
        rule: 'gender.invalid',
        severity: 'error',
        field: 'gender',
        row: 2,
        column: 'เพศ',
        cell: 'F2',
        value: 'X',
        message: { th: expect.stringContaining('X'), en: expect.stringContaining('X') },
      },
    ]);
  });

  it('skips blank rows and counts students', () => {
    const t = roster({ more: [{}] });
    t.splice(2, 0, ['', '', '   ', '-']);
    const r = validate(t, SETTINGS);
    expect(r.summary.students).toBe(2);
    expect(r.findings).toEqual([]);
  });

  it('counts exam takers by grade × gender: present students who took the exam', () => {
    const r = validate(
      roster({
        more: [
          { prefix: 'ด.ญ.', gender: 'หญิง' },
          { exam: 'ไม่สอบ' },
          { status: 'ย้ายออก', exam: 'ไม่สอบ' },
          { grade: 'ป.5', dob: '15/03/2559' },
        ],
      }),
      SETTINGS,
    );
    expect(r.summary.examTakers.byGrade).toEqual([
      { grade: 'ป.5', male: 1, female: 0, unknown: 0, total: 1 },
      { grade: 'ป.6', male: 1, female: 1, unknown: 0, total: 2 },
    ]);
    expect(r.summary.examTakers.total.total).toBe(3);
    expect(r.summary.bySeverity).toEqual({ error: 0, warning: 0, info: 1 });
    expect(r.summary.byRule).toEqual({ 'exam.not-taken': 1 });
  });

  it('gives the same findings for the same settings, whatever today is', () => {
    const t = syntheticRoster(300, { seed: 7 });
    const a = validate(t, SETTINGS, { now: new Date(2020, 0, 1) });
    const b = validate(t, SETTINGS, { now: new Date(2030, 0, 1) });
    expect(a).toEqual(b);
  });

  it('never throws on hostile tables', () => {
    const junk = [
      [],
      [null, undefined, true, 1e300, Number.NaN, '#REF!', new Date(Number.NaN)],
      ['=A1', '#N/A', '\u0000\u0001', '😀'.repeat(1000)],
    ];
    expect(() => validate(junk)).not.toThrow();
    const wide = roster({});
    for (const row of wide) row.push(...Array.from({ length: 1000 }, (_, i) => (row === wide[0] ? `c${i}` : i)));
    expect(validate(wide, SETTINGS).findings).toEqual([]);
    const formulaErrors = roster({ row: { dob: '#REF!', weight: '#VALUE!' } });
    const rules = validate(formulaErrors, SETTINGS).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['dob.invalid', 'weight.missing']));
  });
});

describe('validateSources', () => {
  it('reports a cid present in two files on both sides, naming the other file', () => {
    const shared = cidOf(42);
    const a = roster({ row: { cid: shared } });
    const b = roster({ row: { ...validStudent(9), cid: shared } });
    const c = roster({ row: { cid: cidOf(43) } });
    const [ra, rb, rc] = validateSources(
      [
        { source: 'a.xlsx', sheets: [{ name: 'Sheet1', values: a }] },
        { source: 'b.csv', sheets: [{ name: '', values: b }] },
        { source: 'c.csv', sheets: [{ name: '', values: c }] },
      ],
      SETTINGS,
    ).map((book) => book.reports[0]);
    const across = (r: typeof ra) => r!.findings.filter((f) => f.rule === 'cid.duplicate-across-files');
    expect(across(ra).map((f) => [f.cell, f.message.en])).toEqual([['A2', expect.stringContaining('b.csv')]]);
    expect(across(rb)).toHaveLength(1);
    expect(across(rc)).toEqual([]);
    expect(rb!.summary.byRule['cid.duplicate-across-files']).toBe(1);
  });
});
