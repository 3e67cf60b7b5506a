/** Pins how a workbook is checked (issue 15): sheet scope, skipped sheets, finding order and shape, sources. */
import { describe, expect, it } from 'vitest';
import type { Hit, RuleDef } from './rules/rule';
import { withCheckDigit } from './thai-id';
import type { Cell, Finding } from './types';
import { ADDON_SHEETS, validate, validateSources, validateWorkbook } from './validate';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
const cid = (i: number) => withCheckDigit(`11037${String(10_000_000 + i).slice(1)}`);
const HEAD = ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเดือนปีเกิด'];

function rule(id: string, over: Partial<RuleDef>): RuleDef {
  return {
    id,
    severity: 'warning',
    field: null,
    needs: [],
    about: { th: id, en: id },
    say: (h: Hit) => ({ th: `${id} ${h.value ?? ''}`, en: `${id} ${h.value ?? ''}` }),
    ...over,
  };
}

const short = (f: Finding) => `${f.sheet ? `${f.sheet}!` : ''}${f.cell ?? '-'} ${f.rule}`;

describe('validate with given rules', () => {
  it('orders findings by row, then column, then rule order, and fills value, column and cell from the cell', () => {
    const rules = [
      rule('z.first', { field: 'gender', reads: ['gender'], check: () => true }),
      rule('a.second', { field: 'firstName', reads: ['firstName'], check: () => true }),
      rule('m.third', { field: 'gender', reads: ['gender', 'firstName'], check: () => true, severity: 'error' }),
    ];
    const r = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
        ['ค', 'ง', 'ญ'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map(short)).toEqual([
      'A2 a.second',
      'C2 z.first',
      'C2 m.third',
      'A3 a.second',
      'C3 z.first',
      'C3 m.third',
    ]);
    expect(r.findings[1]).toEqual({
      rule: 'z.first',
      severity: 'warning',
      field: 'gender',
      row: 2,
      column: 'เพศ',
      cell: 'C2',
      value: 'ช',
      message: { th: 'z.first ช', en: 'z.first ช' },
    });
    expect(r.findings[1]!.sheet).toBeUndefined();
    expect(r.findings[2]!.severity).toBe('error');
    expect(r.summary.bySeverity).toEqual({ error: 2, warning: 4, info: 0 });
    expect(r.summary.byRule).toEqual({ 'z.first': 2, 'a.second': 2, 'm.third': 2 });
    expect([r.summary.headerRow, r.summary.students]).toEqual([1, 2]);
  });

  it("takes a hit's severity, field, column and value over the rule's", () => {
    const rules = [
      rule('x', {
        field: 'gender',
        reads: ['gender'],
        check: () => ({ severity: 'info', field: 'lastName', value: 'given' }),
      }),
      rule('y', { field: 'gender', reads: ['gender'], check: () => ({ col: 0 }) }),
    ];
    const r = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
      ],
      {},
      { rules },
    );
    const got = r.findings.map((f) => [f.rule, f.severity, f.field, f.cell, f.column, f.value]);
    expect(got.sort()).toEqual([
      ['x', 'info', 'lastName', 'B2', 'นามสกุล', 'given'],
      ['y', 'warning', 'gender', 'A2', 'ชื่อ', 'ก'],
    ]);
  });

  it('points a finding on a name part at the full-name column, and on a field without a column at no cell', () => {
    const rules = [
      rule('p', { field: 'lastName', reads: ['lastName'], check: () => true }),
      rule('q', { field: 'weight', reads: ['weight'], check: () => true }),
    ];
    const r = validate(
      [
        ['ชื่อ-นามสกุล', 'เพศ', 'เลขประจำตัวนักเรียน'],
        ['ด.ช. สมชาย ใจดี', 'ช', '1'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map((f) => [f.rule, f.row, f.cell, f.column, f.value])).toEqual([
      ['q', 2, null, null, ''],
      ['p', 2, 'A2', 'ชื่อ-นามสกุล', 'ด.ช. สมชาย ใจดี'],
    ]);
  });

  it('points a finding on a grade the sheet name gives at the birth-date column', () => {
    const rules = [rule('g', { field: 'grade', reads: ['grade'], check: () => true })];
    const w = validateWorkbook({ sheets: [{ name: 'ม.2-1', values: roster(student(1)) }] }, SETTINGS, { rules });
    expect(w.reports[0]!.findings.map((f) => [f.cell, f.column, f.value])).toEqual([
      ['F2', 'วันเดือนปีเกิด', '15/03/2557'],
    ]);
  });

  it('puts sheet findings on the header row when they name a column, else on no row', () => {
    const rules = [rule('h', { sheet: () => [{ col: 1 }, { value: 'v' }] })];
    const r = validate([['x'], ['ชื่อ', 'นามสกุล', 'เพศ'], ['ก', 'ข', 'ช']], {}, { rules });
    expect(r.findings.map((f) => [f.row, f.cell, f.column, f.value])).toEqual([
      [null, null, null, 'v'],
      [2, 'B2', 'นามสกุล', ''],
    ]);
  });

  it('skips a rule whose needed column the sheet lacks', () => {
    const rules = [
      rule('needs-cid', { needs: ['cid'], field: 'gender', reads: ['gender'], check: () => true }),
      rule('needs-gender', { needs: ['gender'], field: 'gender', reads: ['gender'], check: () => true }),
    ];
    const r = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map((f) => f.rule)).toEqual(['needs-gender']);
  });
});

const student = (i: number, prefix = 'ด.ช.', gender: Cell = 'ช'): Cell[] => [
  cid(i),
  prefix,
  'ก',
  'ข',
  gender,
  '15/03/2557',
];
const roster = (...rows: Cell[][]): Cell[][] => [HEAD, ...rows];

describe('validateWorkbook', () => {
  const summary: Cell[][] = [
    ['สรุป', 'ชาย'],
    ['ป.6', 1],
  ];

  it('checks roster sheets, skipping one without a header, the add-on’s own and naming each reason', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'สรุป', values: summary },
          { name: ADDON_SHEETS.results, values: roster(student(2)) },
          { name: ADDON_SHEETS.marks, values: [] },
          { name: 'b', values: roster(student(3)) },
        ],
      },
      SETTINGS,
    );
    expect(w.reports.map((r) => r.sheet)).toEqual(['a', 'b']);
    expect(w.skipped.map((s) => [s.sheet, s.reason.en])).toEqual([
      ['สรุป', expect.stringContaining('No roster header')],
      [ADDON_SHEETS.results, expect.stringContaining("add-on's own sheet")],
      [ADDON_SHEETS.marks, expect.stringContaining("add-on's own sheet")],
    ]);
    for (const s of w.skipped) expect(s.reason.th).toMatch(/[\u0e01-\u0e2e]/);
  });

  it('names the sheet on findings only when several roster sheets are checked', () => {
    const rules = [rule('g', { field: 'gender', reads: ['gender'], check: () => true })];
    const two = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'b', values: roster(student(2)) },
        ],
      },
      SETTINGS,
      { rules },
    );
    expect(two.reports.flatMap((r) => r.findings.map(short))).toEqual(['a!E2 g', 'b!E2 g']);
    const one = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'สรุป', values: summary },
        ],
      },
      SETTINGS,
      { rules },
    );
    expect(one.reports.flatMap((r) => r.findings.map(short))).toEqual(['E2 g']);
  });

  it('checks only the sheet options.sheet names', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'b', values: roster(student(1)) },
          { name: 'สรุป', values: summary },
        ],
      },
      SETTINGS,
      { sheet: 'b' },
    );
    expect(w.reports.map((r) => r.sheet)).toEqual(['b']);
    expect(w.skipped).toEqual([]);
    // Alone, b's ID is no duplicate and its findings name no sheet.
    expect(w.reports[0]!.findings.filter((f) => f.rule === 'cid.duplicate')).toEqual([]);
    expect(w.reports[0]!.findings.every((f) => f.sheet === undefined)).toBe(true);
  });

  it('finds a duplicate ID across sheets on both rows, naming the other sheet', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1), student(2)) },
          { name: 'b', values: roster(student(3), student(2)) },
        ],
      },
      SETTINGS,
    );
    const dups = w.reports.flatMap((r) => r.findings.filter((f) => f.rule === 'cid.duplicate'));
    expect(dups.map(short)).toEqual(['a!A3 cid.duplicate', 'b!A3 cid.duplicate']);
    expect(dups[0]!.message.th).toContain('"b"');
    expect(dups[1]!.message.th).toContain('"a"');
  });

  it('gives a workbook without any roster one header.not-found, on its first sheet, and skips none', () => {
    const w = validateWorkbook(
      {
        sheets: [
          { name: 's1', values: summary },
          { name: 's2', values: summary },
        ],
      },
      SETTINGS,
    );
    expect(w.reports.map((r) => [r.sheet, r.findings.map((f) => f.rule)])).toEqual([['s1', ['header.not-found']]]);
    expect(w.reports[0]!.summary).toMatchObject({ headerRow: null, students: 0, gradeFrom: null });
    expect(w.skipped.map((s) => s.sheet)).toEqual(['s2']);
    const empty = validateWorkbook({ sheets: [] }, SETTINGS);
    expect(empty.reports.map((r) => [r.sheet, r.findings.map((f) => f.rule)])).toEqual([['', ['header.not-found']]]);
  });

  it('keeps the source and the dates used', () => {
    const w = validateWorkbook({ source: 'x.xlsx', sheets: [{ name: 'a', values: roster(student(1)) }] }, SETTINGS);
    expect(w.source).toBe('x.xlsx');
    expect(w.dates).toEqual(w.reports[0]!.summary.dates);
    expect(w.dates.asOf).toBeDefined();
  });

  it('runs roster rules once over every sheet, reporting on the first', () => {
    const seen: number[] = [];
    const rules = [
      rule('r', {
        roster: (ro) => {
          seen.push(ro.size);
          return [{ value: String(ro.size) }];
        },
      }),
    ];
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'b', values: roster(student(2), student(3)) },
        ],
      },
      SETTINGS,
      { rules },
    );
    expect(seen).toEqual([3]);
    expect(w.reports.map((r) => r.findings.map((f) => [f.rule, f.value, f.row, f.sheet]))).toEqual([
      [['r', '3', null, 'a']],
      [],
    ]);
  });

  it('runs workbook-scope table rules over every sheet, sheet-scope ones per sheet', () => {
    const sizes: string[] = [];
    const table = (scope: 'sheet' | 'workbook') =>
      rule(scope, {
        field: 'gender',
        scope,
        table: function* (ro) {
          sizes.push(`${scope} ${ro.size}`);
          yield [ro.size - 1, {}];
        },
      });
    const w = validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1)) },
          { name: 'b', values: roster(student(2), student(3)) },
        ],
      },
      SETTINGS,
      { rules: [table('sheet'), table('workbook')] },
    );
    expect(sizes.sort()).toEqual(['sheet 1', 'sheet 2', 'workbook 3']);
    expect(w.reports.flatMap((r) => r.findings.map(short))).toEqual(['a!E2 sheet', 'b!E3 sheet', 'b!E3 workbook']);
  });
});

describe('summary', () => {
  it('counts exam takers by the prefix’s gender without a gender column, and not by prefix with one', () => {
    const head = ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'ชั้น', 'สอบปลายภาค'];
    const noGender = validate(
      [
        head,
        [cid(1), 'ด.ช.', 'ก', 'ป.6', 'สอบ'],
        [cid(2), 'ด.ญ.', 'ก', 'ป.6', 'สอบ'],
        [cid(3), 'x', 'ก', 'ป.6', 'สอบ'],
      ],
      SETTINGS,
    );
    expect(noGender.summary.examTakers).toEqual({
      hasExamColumn: true,
      byGrade: [{ grade: 'ป.6', male: 1, female: 1, unknown: 1, total: 3 }],
      total: { grade: '', male: 1, female: 1, unknown: 1, total: 3 },
    });
    const withGender = validate(
      [
        [...head, 'เพศ'],
        [cid(1), 'ด.ช.', 'ก', 'ป.6', 'สอบ', ''],
        [cid(2), 'ด.ญ.', 'ก', 'ป.6', 'สอบ', 'ช'],
      ],
      SETTINGS,
    );
    expect(withGender.summary.examTakers.total).toEqual({ grade: '', male: 1, female: 0, unknown: 1, total: 2 });
    const noExam = validate([HEAD, student(1)], SETTINGS);
    expect(noExam.summary.examTakers).toEqual({
      hasExamColumn: false,
      byGrade: [],
      total: { grade: '', male: 0, female: 0, unknown: 0, total: 0 },
    });
  });
});

describe('validateSources', () => {
  it('names the other files (by source, else by number) on every row whose valid ID is in several', () => {
    const both = cid(50);
    const books = validateSources(
      [
        { source: 'a.xlsx', sheets: [{ name: 's', values: roster(student(1), student(50)) }] },
        { sheets: [{ name: '', values: roster(student(50)) }] },
        { source: 'c.csv', sheets: [{ name: '', values: roster(student(50), student(2)) }] },
      ],
      SETTINGS,
    );
    const across = books.map((b) =>
      b.reports[0]!.findings.filter((f) => f.rule === 'cid.duplicate-across-files').map((f) => [
        f.cell,
        f.value,
        f.message.en,
      ]),
    );
    expect(across).toEqual([
      [['A3', both, expect.stringContaining('#2, c.csv')]],
      [['A2', both, expect.stringContaining('a.xlsx, c.csv')]],
      [['A2', both, expect.stringContaining('a.xlsx, #2')]],
    ]);
    expect(books.map((b) => b.source)).toEqual(['a.xlsx', undefined, 'c.csv']);
    // One file alone: nothing across files.
    const alone = validateSources([{ sheets: [{ name: '', values: roster(student(1), student(1)) }] }], SETTINGS);
    expect(alone[0]!.reports[0]!.findings.filter((f) => f.rule === 'cid.duplicate-across-files')).toEqual([]);
  });
});

describe('where a finding points', () => {
  it('points a finding on the prefix or first name at the full-name column', () => {
    const rules = [
      rule('pre', { field: 'prefix', reads: ['prefix'], check: () => true }),
      rule('first', { field: 'firstName', reads: ['firstName'], check: () => true }),
    ];
    const r = validate(
      [
        ['เพศ', 'ชื่อ-นามสกุล', 'เลขประจำตัวนักเรียน'],
        ['ช', 'ด.ช. สมชาย ใจดี', '1'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map((f) => [f.rule, f.cell, f.column])).toEqual([
      ['pre', 'B2', 'ชื่อ-นามสกุล'],
      ['first', 'B2', 'ชื่อ-นามสกุล'],
    ]);
  });

  it('points a finding on a field with no column at no cell: a name part without a full name, a room', () => {
    const rules = [
      rule('pre', { field: 'prefix', check: () => true }),
      rule('room', { field: 'room', check: () => true }),
      rule('grade', { field: 'grade', check: () => true }),
    ];
    const r = validate([HEAD.slice(2), student(1).slice(2)], SETTINGS, { rules });
    expect(r.findings.map((f) => [f.rule, f.row, f.cell, f.column, f.value])).toEqual([
      ['pre', 2, null, null, ''],
      ['room', 2, null, null, ''],
      // A grade without a column of its own points at the birth date (the sheet may name the grade).
      ['grade', 2, 'D2', 'วันเดือนปีเกิด', '15/03/2557'],
    ]);
  });

  it('points a grade the sheet name gives at no cell when the sheet has no birth date', () => {
    const rules = [rule('g', { field: 'grade', reads: ['grade'], check: () => true })];
    const values = [HEAD.slice(0, 5), student(1).slice(0, 5)];
    const w = validateWorkbook({ sheets: [{ name: 'ม.2-1', values }] }, SETTINGS, { rules });
    expect(w.reports[0]!.findings.map((f) => [f.row, f.cell, f.column])).toEqual([[2, null, null]]);
  });

  it('puts a sheet finding naming a column on a header in the first row, and on no cell without a header', () => {
    const rules = [rule('h', { sheet: () => [{ col: 1 }] })];
    const first = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
      ],
      {},
      { rules },
    );
    expect(first.findings.map((f) => [f.row, f.cell, f.column])).toEqual([[1, 'B1', 'นามสกุล']]);
    const none = validate(
      [
        ['a', 'b'],
        [1, 2],
      ],
      {},
      { rules: [rule('h', { sheet: () => [{ col: 0 }] })] },
    );
    expect(none.findings.map((f) => [f.row, f.cell, f.column])).toEqual([[0, null, null]]);
  });

  it('gives a sheet rule the header map (null without a header) and a `has` that is false without one', () => {
    const seen: unknown[] = [];
    const rules = [
      rule('s', {
        sheet: (map, ctx) => {
          seen.push([map?.headerIndex ?? null, ctx.has('gender'), ctx.has('cid'), ctx.map.headers, ctx.map.duplicates]);
          return [];
        },
      }),
    ];
    validate([['x'], ['ชื่อ', 'นามสกุล', 'เพศ'], ['ก', 'ข', 'ช']], {}, { rules });
    validate(
      [
        ['a', 'b'],
        [1, 2],
      ],
      {},
      { rules },
    );
    expect(seen).toEqual([
      [1, true, false, ['ชื่อ', 'นามสกุล', 'เพศ'], []],
      [null, false, false, [], []],
    ]);
  });

  it('orders findings on one cell by the rules’ order, a cell rule before a later row rule', () => {
    const rules = [
      rule('c.cell', { field: 'firstName', each: ['firstName'], cell: () => true }),
      rule('b.row', { field: 'firstName', reads: ['firstName'], check: () => true }),
      rule('a.cell', { field: 'firstName', each: ['firstName'], cell: () => true }),
    ];
    const r = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map((f) => f.rule)).toEqual(['c.cell', 'b.row', 'a.cell']);
  });

  it('says each row’s own value when rows share a hit', () => {
    const rules = [rule('v', { field: 'firstName', reads: ['gender'], check: () => true })];
    const r = validate(
      [
        ['ชื่อ', 'นามสกุล', 'เพศ'],
        ['ก', 'ข', 'ช'],
        ['ค', 'ข', 'ช'],
        ['ก', 'ง', 'ช'],
      ],
      {},
      { rules },
    );
    expect(r.findings.map((f) => [f.value, f.message.en])).toEqual([
      ['ก', 'v ก'],
      ['ค', 'v ค'],
      ['ก', 'v ก'],
    ]);
  });
});

describe('a grade the sheet names', () => {
  const rules = [
    rule('grade.own', { field: 'grade', needs: ['grade'], reads: ['grade'], check: () => true }),
    rule('grade.any', { field: 'grade', reads: ['grade'], check: () => true }),
    rule('other', { field: 'gender', needs: ['grade'], reads: ['grade'], check: () => true }),
  ];
  const ids = (values: Cell[][], name: string) =>
    validateWorkbook({ sheets: [{ name, values }] }, SETTINGS, { rules }).reports[0]!.findings.map((f) => f.rule);

  it('from the sheet’s name or a title line: rules on a grade column’s cell are skipped, the rest run', () => {
    expect(ids(roster(student(1)), 'ม.2-1')).toEqual(['other', 'grade.any']);
    expect(ids([['รายชื่อนักเรียนชั้น ม.2/1'], ...roster(student(1))], 'x')).toEqual(['other', 'grade.any']);
  });
  it('from a grade column: every rule runs', () => {
    expect(
      ids(
        [
          [...HEAD, 'ชั้น'],
          [...student(1), 'ม.2'],
        ],
        'ม.2-1',
      ),
    ).toEqual(['other', 'grade.own', 'grade.any']);
  });
});

describe('exam takers', () => {
  it('counts only students who took the exam', () => {
    const r = validate(
      [
        ['เลขประจำตัวประชาชน', 'เพศ', 'ชื่อ', 'ชั้น', 'สอบปลายภาค'],
        [cid(1), 'ช', 'ก', 'ป.6', 'สอบ'],
        [cid(2), 'ช', 'ก', 'ป.6', 'ไม่สอบ'],
        [cid(3), 'ญ', 'ก', 'ป.6', ''],
      ],
      SETTINGS,
    );
    expect(r.summary.examTakers.total).toEqual({ grade: '', male: 1, female: 0, unknown: 0, total: 1 });
  });
});

describe('a DMC download in the workbook', () => {
  const STAMP = 'วันและเวลาที่สร้างรายงาน 15/03/2569 02:00:00';
  const DMC = [
    [STAMP],
    ['รหัสโรงเรียน', 'ชื่อโรงเรียน', 'เลขประจำตัวนักเรียน', 'ชั้น', 'ห้อง', 'เลขประจำตัวนักเรียน', 'เพศ', 'ชื่อ', 'นามสกุล'],
    ['1', 'ร.ร.', '101', 'ป.6', '1', cid(9), 'ช', 'ก', 'ข'],
  ];
  const summary: Cell[][] = [
    ['สรุป', 'ชาย'],
    ['ป.6', 1],
  ];
  const check = (sheets: Array<{ name: string; values: Cell[][] }>, settings = {}) => {
    const w = validateWorkbook({ sheets }, { ...SETTINGS, ...settings });
    return { checked: w.reports.map((r) => r.sheet), skipped: w.skipped.map((s) => [s.sheet, s.reason.en]), w };
  };

  it('beside the school’s roster: skipped as the other side of a comparison', () => {
    const { checked, skipped, w } = check([
      { name: 'dmc', values: DMC },
      { name: 'a', values: roster(student(1)) },
    ]);
    expect(checked).toEqual(['a']);
    expect(skipped).toEqual([['dmc', expect.stringContaining('The DMC download')]]);
    expect(w.skipped[0]!.reason.th).toMatch(/^ข้อมูลที่ดาวน์โหลดจาก DMC/);
  });

  it('alone, or beside sheets without a roster header: checked as the roster', () => {
    expect(check([{ name: 'dmc', values: DMC }]).checked).toEqual(['dmc']);
    const { checked, skipped } = check([
      { name: 'สรุป', values: summary },
      { name: 'dmc', values: DMC },
    ]);
    expect(checked).toEqual(['dmc']);
    expect(skipped).toEqual([['สรุป', expect.stringContaining('No roster header')]]);
  });

  it('the sheet the settings name as the download, recognised or not, beside a roster: skipped', () => {
    const { checked, skipped } = check(
      [
        { name: 'a', values: roster(student(1)) },
        { name: 'ข้อมูล DMC', values: roster(student(2)) },
        { name: '', values: roster(student(3)) },
      ],
      { dmcSheet: 'ข้อมูล DMC' },
    );
    expect(checked).toEqual(['a', '']);
    expect(skipped).toEqual([['ข้อมูล DMC', expect.stringContaining('The DMC download')]]);
  });

  it('looks for the roster beside it at the header row the settings give', () => {
    const titled = [['รายชื่อนักเรียน'], ...roster(student(1))];
    // Row 2 holds the header: the roster is found, the download skipped.
    expect(
      check(
        [
          { name: 'dmc', values: DMC },
          { name: 'a', values: titled },
        ],
        { headerRow: 2 },
      ).checked,
    ).toEqual(['a']);
    // Row 1 holds no header: no roster beside the download, so the download is not set aside.
    expect(
      check(
        [
          { name: 'dmc', values: DMC },
          { name: 'a', values: titled },
        ],
        { headerRow: 1 },
      ).checked,
    ).toEqual(['dmc']);
  });

  it('without a named download sheet, a sheet with no name is a roster like any other', () => {
    const { checked, skipped } = check([
      { name: 'a', values: roster(student(1)) },
      { name: '', values: roster(student(3)) },
    ]);
    expect(checked).toEqual(['a', '']);
    expect(skipped).toEqual([]);
  });
});

describe('rules over the whole workbook', () => {
  it('see only the sheets that have the fields they need, and do not run when none has', () => {
    const sizes: number[] = [];
    const rules = [
      rule('count', {
        needs: ['sid'],
        roster: (roster) => {
          sizes.push(roster.size);
          return [{ value: String(roster.size) }];
        },
      }),
    ];
    const withSid = [...HEAD, 'เลขประจำตัวนักเรียน'];
    validateWorkbook(
      {
        sheets: [
          { name: 'a', values: roster(student(1), student(2), student(3)) },
          { name: 'b', values: [withSid, [...student(4), '4'], [...student(5), '5']] },
        ],
      },
      SETTINGS,
      { rules },
    );
    expect(sizes).toEqual([2]);
    const none = validateWorkbook({ sheets: [{ name: 'a', values: roster(student(1)) }] }, SETTINGS, { rules });
    expect(none.reports[0]!.findings).toEqual([]);
    expect(sizes).toEqual([2]);
  });
});

describe('validateSources: more cases', () => {
  const across = (books: ReturnType<typeof validateSources>) =>
    books.map((b) =>
      b.reports.flatMap((r) => r.findings.filter((f) => f.rule === 'cid.duplicate-across-files').map((f) => f.cell)),
    );

  it('reports an ID in exactly two of three files', () => {
    const books = validateSources(
      [
        { source: 'a', sheets: [{ name: '', values: roster(student(7)) }] },
        { source: 'b', sheets: [{ name: '', values: roster(student(8)) }] },
        { source: 'c', sheets: [{ name: '', values: roster(student(1), student(7)) }] },
      ],
      SETTINGS,
    );
    expect(across(books)).toEqual([['A2'], [], ['A3']]);
  });

  it('takes files without an ID column or without a roster in its stride', () => {
    const books = validateSources(
      [
        { source: 'a', sheets: [{ name: '', values: roster(student(7)) }] },
        { source: 'b', sheets: [{ name: '', values: [HEAD.slice(1), student(7).slice(1)] }] },
        { source: 'c', sheets: [{ name: '', values: [['สรุป'], ['ป.6', 1]] }] },
        { source: 'd', sheets: [{ name: '', values: roster(student(7)) }] },
      ],
      SETTINGS,
    );
    expect(across(books)).toEqual([['A2'], [], [], ['A2']]);
    expect(books[2]!.reports[0]!.findings.map((f) => f.rule)).toContain('header.not-found');
  });
});
