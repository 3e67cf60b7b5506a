/** The reconciliation rules as the catalogue lists them: IDs, severities and what each message tells the school. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dmcRules } from './dmc';
import type { Hit } from './rule';

const RULES_MD = new URL('../../../../shared/RULES.md', import.meta.url);
const byId = new Map(dmcRules.map((r) => [r.id, r]));
const say = (id: string, hit: Hit) => byId.get(id)!.say(hit);
const THAI = /[\u0e01-\u0e2e]/;

describe('dmcRules', () => {
  it.runIf(existsSync(RULES_MD))('are the dmc.* rows of RULES.md, with their severities', () => {
    const md = readFileSync(RULES_MD, 'utf8');
    const rows = [...md.matchAll(/^\| (dmc\.[a-z-]+) \| (error|warning|info)(?: \/ \w+)? \|/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(dmcRules.map((r) => `${r.id} ${r.severity}`)).toEqual(rows);
  });

  it('are fired by reconcile(), never by validate()', () => {
    for (const r of dmcRules) expect([r.check, r.table, r.sheet, r.roster].filter(Boolean), r.id).toEqual([]);
  });

  it('explain themselves in Thai and English', () => {
    for (const r of dmcRules) {
      expect(r.about.th, r.id).toMatch(THAI);
      expect(r.about.en, r.id).toMatch(/^[A-Z]/);
    }
  });

  it('dmc.not-in-dmc: ย้ายเข้า only for this year’s exam at this school, in both variants', () => {
    const taker = say('dmc.not-in-dmc', { taker: 1 });
    expect(taker.th).toContain('บันทึกเป็นนักเรียนย้ายเข้า');
    expect(taker.en).toContain("this year's final exam at this school");
    const other = say('dmc.not-in-dmc', { taker: 0, why: 'ไม่ได้สอบ', whyEn: 'did not take the exam' });
    expect(other.th).toContain('อย่าบันทึกเป็นย้ายเข้า');
    expect(other.en).toContain('did not take the exam: do not enter them as joined');
    const ambiguous = say('dmc.not-in-dmc', { taker: 1, candidates: 'DMC แถว 4, 9', candidatesEn: 'DMC row 4, 9' });
    expect(ambiguous.th).toContain('DMC แถว 4, 9');
    expect(ambiguous.en).toContain('DMC row 4, 9');
  });

  it('dmc.not-in-roster: dispose, menu 3.1.8, or a student the school does not teach', () => {
    const m = say('dmc.not-in-roster', { name: 'เด็กชาย สมชาย ใจดี' });
    for (const text of [m.th, m.en]) {
      expect(text).toContain('เด็กชาย สมชาย ใจดี');
      expect(text).toContain('3.1.8');
    }
    expect(m.th).toContain('จำหน่าย');
    expect(m.en).toContain('dispose');
  });

  it('dmc.id-differs: both IDs, how they were paired, and an invalid roster ID said', () => {
    const hit = {
      dmcRow: 7,
      dmcId: '1-1017-00207-03-0',
      rosterId: '1-1017-00207-13-7',
      how: 'ชื่อตรงกัน',
      howEn: 'same name',
    };
    const m = say('dmc.id-differs', hit);
    expect(m.th).toContain('DMC แถว 7 (ชื่อตรงกัน)');
    expect(m.en).toContain('DMC row 7 (same name)');
    expect(m.th).toContain('แบบขอแก้ไข');
    const invalid = say('dmc.id-differs', { ...hit, invalid: 'ไม่ครบ 13 หลัก', invalidEn: 'not 13 digits' });
    expect(invalid.th).toContain('เลขในแผ่นงานเองไม่ถูกต้อง (ไม่ครบ 13 หลัก)');
    expect(invalid.en).toContain("the roster's own ID is invalid (not 13 digits)");
  });

  it('dmc.field-differs and dmc.grade-advanced show both values', () => {
    const f = say('dmc.field-differs', { field: 'lastName', rosterValue: 'ใจดี', dmcValue: 'ใจดิ', dmcRow: 3 });
    expect(f.th).toMatch(/^นามสกุลในแผ่นงาน «ใจดี» แต่ใน DMC «ใจดิ»/);
    expect(f.en).toMatch(/^Last name is «ใจดี» in the roster but «ใจดิ» in DMC/);
    const g = say('dmc.grade-advanced', { rosterGrade: 'ม.1', dmcGrade: 'ป.6', dmcRow: 3 });
    expect(g.th).toContain('ห้ามเลื่อนชั้นเอง');
    expect(g.en).toContain('keep ป.6 until DMC promotes them');
  });

  it('dmc.duplicate-in-dmc names the other rows', () => {
    const m = say('dmc.duplicate-in-dmc', { rows: '12, 40' });
    expect(m.th).toContain('DMC แถว 12, 40');
    expect(m.en).toContain('DMC row 12, 40');
  });
});
