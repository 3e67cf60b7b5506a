/** Pins the rule catalogue to RULES.md: every ID with its severity and field, and an "about" in both languages (issue 15). */
import { describe, expect, it } from 'vitest';
import { RULE_BY_ID, RULES, ruleInfo } from './catalogue';
import { validate } from './validate';

/** RULES.md, "The rules" and "Reconciliation": ID → severity and the field its findings point at. */
const CONTRACT: Array<[string, string, string | null]> = [
  ['header.not-found', 'error', null],
  ['header.missing-column', 'info', null],
  ['header.duplicate-column', 'warning', null],
  ['cid.missing', 'error', 'cid'],
  ['cid.format', 'error', 'cid'],
  ['cid.leading-zero-lost', 'error', 'cid'],
  ['cid.checksum', 'error', 'cid'],
  ['cid.category', 'error', 'cid'],
  ['cid.province', 'warning', 'cid'],
  ['cid.stored-as-number', 'warning', 'cid'],
  ['cid.duplicate', 'error', 'cid'],
  ['cid.duplicate-across-files', 'warning', 'cid'],
  ['cid.nationality', 'warning', 'cid'],
  ['gcode.format', 'error', 'cid'],
  ['gcode.present', 'info', 'cid'],
  ['parent-cid.invalid', 'warning', 'fatherCid'],
  ['sid.missing', 'warning', 'sid'],
  ['sid.duplicate', 'error', 'sid'],
  ['name.first.missing', 'error', 'firstName'],
  ['name.last.missing', 'error', 'lastName'],
  ['name.invalid-chars', 'error', 'firstName'],
  ['name.whitespace', 'warning', 'firstName'],
  ['name.thai-typo', 'warning', 'firstName'],
  ['name.mixed-script', 'warning', 'firstName'],
  ['name.prefix-in-name', 'warning', 'firstName'],
  ['name.near-duplicate', 'warning', 'firstName'],
  ['prefix.missing', 'error', 'prefix'],
  ['prefix.unknown', 'warning', 'prefix'],
  ['prefix.gender', 'error', 'prefix'],
  ['prefix.age', 'warning', 'prefix'],
  ['gender.missing', 'error', 'gender'],
  ['gender.invalid', 'error', 'gender'],
  ['dob.missing', 'error', 'dob'],
  ['dob.invalid', 'error', 'dob'],
  ['dob.future', 'error', 'dob'],
  ['dob.era', 'warning', 'dob'],
  ['age.implausible', 'error', 'dob'],
  ['age.mismatch', 'warning', 'age'],
  ['age.grade', 'warning', 'dob'],
  ['grade.missing', 'error', 'grade'],
  ['grade.invalid', 'error', 'grade'],
  ['room.invalid', 'warning', 'room'],
  ['grade.top-empty', 'warning', null],
  ['weight.missing', 'error', 'weight'],
  ['height.missing', 'error', 'height'],
  ['weight.range', 'warning', 'weight'],
  ['height.range', 'warning', 'height'],
  ['weight.unit', 'warning', 'weight'],
  ['height.unit', 'warning', 'height'],
  ['body.swapped', 'warning', 'weight'],
  ['move.in-without-exam', 'error', 'status'],
  ['move.out-after-exam', 'error', 'status'],
  ['move.new-next-year', 'error', 'entryDate'],
  ['move.dropout', 'warning', 'status'],
  ['move.graduated', 'warning', 'status'],
  ['exam.missing', 'warning', 'exam'],
  ['exam.not-taken', 'info', 'exam'],
  ['date.invalid', 'error', 'entryDate'],
  ['file.bad-bytes', 'warning', null],
  ['dmc.not-in-dmc', 'error', 'cid'],
  ['dmc.not-in-roster', 'warning', 'cid'],
  ['dmc.id-differs', 'error', 'cid'],
  ['dmc.field-differs', 'warning', null],
  ['dmc.grade-advanced', 'error', 'grade'],
  ['dmc.duplicate-in-dmc', 'error', 'cid'],
];

describe('the rule catalogue', () => {
  const info = ruleInfo();
  const byId = new Map(info.map((r) => [r.id, r]));
  it.each(CONTRACT)('%s is a %s on %s', (id, severity, field) => {
    expect(byId.get(id)).toMatchObject({ id, severity, field });
  });
  it('holds these rules and no others, each once', () => {
    expect(info.map((r) => r.id).sort()).toEqual(CONTRACT.map(([id]) => id).sort());
  });
  it('says what each rule checks, in Thai and in English, differently for each rule', () => {
    for (const r of info) {
      expect(r.about.th, r.id).toMatch(/[\u0e01-\u0e5b]/);
      expect(r.about.en.length, r.id).toBeGreaterThan(15);
      expect(r.about.en, r.id).toMatch(/^[A-Z0-9"]/);
    }
    expect(new Set(info.map((r) => r.about.th)).size).toBe(info.length);
    expect(new Set(info.map((r) => r.about.en)).size).toBe(info.length);
  });
});

describe('a rule that needs a missing column is skipped, not failed', () => {
  it('a sheet of names and grades gets no finding about any other column', () => {
    const values = [
      ['ชื่อ', 'นามสกุล', 'ชั้น'],
      ['สมชาย', 'ใจดี', 'ป.6'],
      ['สมศรี', 'มีสุข', 'ป.6'],
    ];
    const { findings } = validate(values, { asOf: '2027-03-20', academicYear: 2569 });
    expect(findings.filter((f) => f.rule !== 'header.missing-column')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('report order and lookup', () => {
  /** RULES.md's families in the order a report lists them: header, IDs, names, person, school, movement, DMC. */
  const ORDER = [
    'header.not-found header.missing-column file.bad-bytes header.duplicate-column',
    'cid.missing cid.format cid.leading-zero-lost cid.checksum cid.category cid.province cid.stored-as-number cid.duplicate cid.duplicate-across-files cid.nationality gcode.format gcode.present parent-cid.invalid',
    'sid.missing sid.duplicate name.first.missing name.last.missing name.invalid-chars name.whitespace name.thai-typo name.mixed-script name.prefix-in-name name.near-duplicate',
    'prefix.missing prefix.unknown prefix.gender prefix.age gender.missing gender.invalid dob.missing dob.invalid dob.future dob.era age.implausible age.mismatch age.grade',
    'grade.missing grade.invalid grade.top-empty room.invalid weight.missing height.missing weight.range height.range weight.unit height.unit body.swapped',
    'move.in-without-exam move.out-after-exam move.new-next-year move.dropout move.graduated exam.missing exam.not-taken date.invalid',
    'dmc.not-in-dmc dmc.not-in-roster dmc.id-differs dmc.field-differs dmc.grade-advanced dmc.duplicate-in-dmc',
  ].flatMap((family) => family.split(' '));
  it('lists the rules family by family, DMC comparison last', () => {
    expect(RULES.map((r) => r.id)).toEqual(ORDER);
    expect(ruleInfo().map((r) => r.id)).toEqual(ORDER);
  });
  it('finds every rule by its ID, and nothing else', () => {
    expect(RULE_BY_ID.size).toBe(RULES.length);
    for (const r of RULES) expect(RULE_BY_ID.get(r.id)).toBe(r);
    expect(RULE_BY_ID.get('no.such-rule')).toBeUndefined();
  });
  it('shows a rule as data only: its ID, severity, field and what it checks', () => {
    for (const [i, info] of ruleInfo().entries()) {
      expect(Object.keys(info).sort()).toEqual(['about', 'field', 'id', 'severity']);
      expect(info).toEqual({
        id: RULES[i]!.id,
        severity: RULES[i]!.severity,
        field: RULES[i]!.field,
        about: RULES[i]!.about,
      });
    }
  });
});
