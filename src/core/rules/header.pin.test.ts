/**
 * Pins the sheet-layout rules: each column the checks use, missing, with its severity and message; the
 * damaged-bytes cell list and its cap; the duplicate-column message (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { roster } from '../../../test/support/rules';
import type { Cell, FieldKey, Finding } from '../types';
import { validate, validateWorkbook } from '../validate';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
/** The columns the checks use, in the order findings name them, with the severity of their absence. */
const EXPECTED: Array<[FieldKey, 'warning' | 'info', string]> = [
  ['cid', 'warning', 'citizen ID'],
  ['firstName', 'warning', 'first name'],
  ['lastName', 'warning', 'last name'],
  ['gender', 'warning', 'gender'],
  ['dob', 'warning', 'date of birth'],
  ['grade', 'warning', 'grade'],
  ['sid', 'info', 'student ID'],
  ['prefix', 'info', 'prefix'],
  ['room', 'info', 'room'],
  ['weight', 'info', 'weight'],
  ['height', 'info', 'height'],
  ['status', 'info', 'status'],
  ['exam', 'info', 'final exam'],
  ['entryDate', 'info', 'entry date'],
];
const ALL = EXPECTED.map(([k]) => k);
const sheet = (columns: FieldKey[]): Cell[][] => roster({ columns });
const missing = (values: Cell[][]): Finding[] =>
  validate(values, SETTINGS).findings.filter((f) => f.rule === 'header.missing-column');

describe('header.missing-column', () => {
  it('none when every column the checks use is there', () => expect(missing(sheet(ALL))).toEqual([]));
  it.each(EXPECTED)('without %s: one %s naming it', (field, severity, en) => {
    const f = missing(sheet(ALL.filter((k) => k !== field)));
    expect(f.map((x) => [x.field, x.severity, x.cell])).toEqual([[field, severity, null]]);
    expect(f[0]!.message.en).toBe(`No "${en}" column — the checks that need it are skipped`);
    expect(f[0]!.message.th).toMatch(/^ไม่มีคอลัมน์ ".+" — กฎที่ใช้คอลัมน์นี้จะไม่ถูกตรวจ$/);
  });
  it('names them in order, each with its severity', () => {
    const f = missing(sheet(['firstName', 'lastName', 'grade']));
    expect(f.map((x) => `${x.field}:${x.severity}`)).toEqual(
      EXPECTED.filter(([k]) => !['firstName', 'lastName', 'grade'].includes(k)).map(([k, s]) => `${k}:${s}`),
    );
  });
  it('a full-name column stands for the prefix, first and last name', () => {
    const columns = ALL.filter((k) => k !== 'prefix' && k !== 'firstName' && k !== 'lastName');
    expect(missing(sheet([...columns, 'fullName']))).toEqual([]);
  });
  it('the Thai message names the field in Thai', () => {
    const f = missing(sheet(ALL.filter((k) => k !== 'dob')));
    expect(f[0]!.message.th).toBe('ไม่มีคอลัมน์ "วันเดือนปีเกิด" — กฎที่ใช้คอลัมน์นี้จะไม่ถูกตรวจ');
  });
  it('not told on a sheet without a header row', () => {
    expect(
      missing([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toEqual([]);
  });
});

describe('header.not-found', () => {
  it('one error about the sheet, saying what to check', () => {
    const f = validate(
      [
        ['ห้อง', 'น้ำหนัก'],
        [1, 30],
      ],
      SETTINGS,
    ).findings;
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.row])).toEqual([['header.not-found', 'error', null, null]]);
    expect(f[0]!.message.en).toBe(
      'No row among the first 10 names at least 3 known columns — check that this is the roster sheet',
    );
    expect(f[0]!.message.th).toContain('ตรวจว่าเลือกแผ่นงานถูกต้อง');
  });
});

describe('file.bad-bytes', () => {
  const damaged = (n: number) =>
    validateWorkbook(
      {
        sheets: [
          {
            name: 'ป.6',
            values: roster({ more: Array.from({ length: 11 }, () => ({})) }),
            damaged: Array.from({ length: n }, (_, i) => ({ row: i + 1, col: 3 })),
          },
        ],
      },
      SETTINGS,
    ).reports[0]!.findings.filter((f) => f.rule === 'file.bad-bytes');
  it('none without damaged cells', () => expect(damaged(0)).toEqual([]));
  it('one warning about the sheet naming the cell', () => {
    const f = damaged(1);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([['warning', null]]);
    expect(f[0]!.message.en).toBe(
      'Damaged bytes in cell D2 — save the original again as CSV UTF-8, or retype those cells',
    );
    expect(f[0]!.message.th).toBe('ไฟล์มีไบต์เสียในเซลล์ D2 — เปิดไฟล์ต้นฉบับแล้วบันทึกใหม่เป็น CSV UTF-8 หรือแก้ข้อความในเซลล์เหล่านั้น');
  });
  const cells = (n: number) => Array.from({ length: n }, (_, i) => `D${i + 2}`).join(', ');
  it.each([
    [10, cells(10)],
    [11, `${cells(10)} (+1)`],
    [12, `${cells(10)} (+2)`],
  ])('%i cells: the first ten named, the rest counted', (n, list) => {
    expect(damaged(n)[0]!.message.en).toContain(`Damaged bytes in cell ${list} — save`);
  });
});

describe('header.duplicate-column', () => {
  it('points at the repeated header and says the first column is used', () => {
    const values: Cell[][] = [
      ['ชื่อ', 'นามสกุล', 'เพศ', 'สกุล'],
      ['สมชาย', 'ใจดี', 'ชาย', 'ใจดี'],
    ];
    const f = validate(values, SETTINGS).findings.filter((x) => x.rule === 'header.duplicate-column');
    expect(f.map((x) => [x.cell, x.field, x.value, x.severity])).toEqual([['D1', 'lastName', 'สกุล', 'warning']]);
    expect(f[0]!.message.en).toBe('Column "สกุล" repeats an earlier last name column — the first one is used');
    expect(f[0]!.message.th).toBe('คอลัมน์ "สกุล" ซ้ำกับคอลัมน์ก่อนหน้า (นามสกุล) — ระบบใช้คอลัมน์แรก');
  });
  it('none when each field has one column', () => {
    expect(
      validate(roster({ columns: [...ALL, 'fullName', 'age', 'nationality'] }), SETTINGS).findings.filter(
        (x) => x.rule === 'header.duplicate-column',
      ),
    ).toEqual([]);
  });
});
