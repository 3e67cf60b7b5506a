/** Pins how a sheet is read into columns (issue 15): students, values per row, name parts, the sheet's grade. */
import { describe, expect, it } from 'vitest';
import { analyseSheet, isPresent, measure, type FieldValue, type SheetData } from './analysis';
import type { Cell, FieldKey } from './types';

/** A student's value of a field, whatever the column's encoding. */
const at = <F extends FieldKey>(s: SheetData, f: F, i: number): FieldValue<F> =>
  s.columns[f].values[s.columns[f].codes[i]!]!;
const read = (name: string, values: Cell[][], headerRow?: number) => analyseSheet(0, name, values, headerRow)!;

describe('measure', () => {
  it.each([
    ['45.5', 45.5],
    ['๔๕', 45],
    ['45 กก.', 45],
    ['45กก', 45],
    ['45 kg', 45],
    ['45 KG', 45],
    ['45.5 กิโลกรัม', 45.5],
    ['150 ซม.', 150],
    ['150 cm', 150],
    ['150 เซนติเมตร', 150],
    ['1.5 m', 1.5],
    ['150 ม.', 150],
    ['45,5', 45.5],
    ['45.', 45],
    ['.5', 0.5],
    ['  45  ', 45],
    ['12345678', 12345678],
    ['', 0],
    ['   ', 0],
    ['0', 0],
    ['-', 0],
    [undefined, 0],
  ])('%j → %d', (text, n) => expect(measure(text)).toBe(n));

  it.each(['abc', '-5', '45 lb', '4,5,6', '45.5.1', 'kg', '45 กก. 3', 'x45'])('%j is not a number', (text) =>
    expect(measure(text)).toBeNaN(),
  );
});

describe('analyseSheet', () => {
  it('has no sheet without a header', () => {
    expect(
      analyseSheet(0, 'x', [
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBeNull();
    expect(analyseSheet(0, 'x', [])).toBeNull();
  });

  it('keeps index, name, values and the header map; students are the rows with something in a mapped cell', () => {
    const values: Cell[][] = [
      ['note'],
      ['เพศ', 'ชื่อ', 'หมายเหตุ', 'นามสกุล'],
      ['ช', 'ก', '', ''],
      ['', '', 'only an unmapped cell', ''],
      ['  ', null, '', ''],
      [],
      ['', 'ข'],
    ];
    const s = analyseSheet(3, 'ชีต', values)!;
    expect([s.index, s.name, s.values, s.map.headerIndex]).toEqual([3, 'ชีต', values, 1]);
    expect([...s.rows]).toEqual([2, 6]);
    expect([0, 1].map((i) => [at(s, 'gender', i).v, at(s, 'firstName', i).text])).toEqual([
      ['M', 'ก'],
      [null, 'ข'],
    ]);
    expect(s.columns.gender.codes).toHaveLength(2);
  });

  it('takes the header row it is given (1-based), and finds it itself when given 0', () => {
    const head = ['เพศ', 'ชื่อ', 'นามสกุล'];
    const values: Cell[][] = [head, ['ช'], head, ['ญ']];
    expect(read('x', values, 3).map.headerIndex).toBe(2);
    expect([...read('x', values, 3).rows]).toEqual([3]);
    expect(read('x', values, 0).map.headerIndex).toBe(0);
  });

  it('gives every student the same values whether a column is mostly distinct or repetitive', () => {
    const when = new Date(2015, 2, 15);
    const cells: Cell[] = ['ช', 'ญ', 'ชาย', 'หญิง', '', null, undefined, 7, when, new Date(when.getTime()), 'x', '  '];
    // 200 rows: distinct (an ID-like suffix per row) then repetitive (the same 12 cells over and over).
    const distinct = Array.from({ length: 200 }, (_, i): Cell[] => [cells[i % cells.length]!, `ก${i}`]);
    const repeated = Array.from({ length: 200 }, (_, i): Cell[] => [cells[i % cells.length]!, 'ก']);
    const a = read('x', [['เพศ', 'ชื่อ', 'นามสกุล'], ...distinct]);
    const b = read('x', [['เพศ', 'ชื่อ', 'นามสกุล'], ...repeated]);
    expect(a.rows).toEqual(b.rows);
    for (let i = 0; i < a.rows.length; i++) {
      expect(at(a, 'gender', i), `row ${i}`).toEqual(at(b, 'gender', i));
      expect(at(a, 'firstName', i).text).toBe(`ก${a.rows[i]! - 1}`);
    }
    // Blank and missing cells read as '' and blank; numbers and dates keep their type.
    expect(at(b, 'gender', 5)).toEqual({ text: '', raw: '', blank: true, has: true, v: null });
    expect(at(b, 'gender', 7).raw).toBe(7);
    expect(at(b, 'gender', 8).raw).toEqual(when);
    // The repetitive column holds each distinct cell once (dates by their time).
    expect(b.columns.firstName.values).toHaveLength(1);
    expect(b.columns.gender.values.length).toBeLessThanOrEqual(cells.length);
  });

  it('derives each field once: ID, prefix, gender, date, grade, measures, status, exam', () => {
    const s = read('x', [
      ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'เพศ', 'วันเดือนปีเกิด', 'ชั้น', 'น้ำหนัก', 'ส่วนสูง', 'สถานะ', 'สอบปลายภาค'],
      ['1', 'ด.ช.', 'ช', '15/03/2557', 'ป.6', '45 กก.', '150', 'ย้ายออก', 'สอบ'],
      ['', '', '', '', '', '', '', '', ''],
      ['x', 'ด.ญ.', '', '', '', 'abc', '', '', ''],
    ]);
    expect([...s.rows]).toEqual([1, 3]);
    const one = (f: FieldKey) => at(s, f, 0).v;
    expect(one('cid')).toMatchObject({ ok: false });
    expect(one('prefix')).toMatchObject({ gender: 'M' });
    expect(one('gender')).toBe('M');
    expect(one('dob')).toMatchObject({ ok: true, date: { y: 2014, m: 3, d: 15 } });
    expect(one('grade')).toMatchObject({ label: 'ป.6' });
    expect([one('weight'), one('height'), one('status'), one('exam')]).toEqual([45, 150, 'left', 'took']);
    const two = (f: FieldKey) => at(s, f, 1).v;
    expect([two('gender'), two('dob'), two('grade'), two('height'), two('status'), two('exam')]).toEqual([
      null,
      null,
      null,
      0,
      'present',
      'blank',
    ]);
    expect(two('prefix')).toMatchObject({ gender: 'F' });
    expect(two('weight')).toBeNaN();
    expect(two('cid')).toMatchObject({ ok: false });
  });

  it('reads fields the sheet lacks as absent: status present, exam blank, measures 0, the rest null', () => {
    const s = read('x', [['เพศ', 'ชื่อ', 'นามสกุล'], ['ช'], ['ญ']]);
    const absent = (f: FieldKey) => [s.columns[f].has, at(s, f, 1)];
    const none = (v: unknown) => [false, { text: '', raw: undefined, blank: true, has: false, v }];
    expect(absent('status')).toEqual(none('present'));
    expect(absent('exam')).toEqual(none('blank'));
    expect(absent('weight')).toEqual(none(0));
    expect(absent('height')).toEqual(none(0));
    expect(absent('cid')).toEqual(none(null));
    expect(absent('sid')).toEqual(none(null));
    expect(s.columns.gender.has).toBe(true);
    expect(s.gradeFrom).toBeNull();
  });

  it('lets a full-name column stand in for the prefix and name columns the sheet lacks', () => {
    const s = read('x', [
      ['ชื่อ-นามสกุล', 'เพศ', 'เลขประจำตัวนักเรียน'],
      ['ด.ช. สมชาย ใจดี', 'ช'],
      ['', ''],
      ['ด.ญ. สมหญิง มีสุข', 'ญ'],
    ]);
    for (const f of ['prefix', 'firstName', 'lastName'] as const) expect(s.columns[f].has).toBe(true);
    expect([0, 1].map((i) => [at(s, 'prefix', i).text, at(s, 'firstName', i).text, at(s, 'lastName', i).text])).toEqual(
      [
        ['ด.ช.', 'สมชาย', 'ใจดี'],
        ['ด.ญ.', 'สมหญิง', 'มีสุข'],
      ],
    );
    expect(at(s, 'prefix', 1).v).toMatchObject({ gender: 'F' });
    // A name column of its own wins over the part of the full name.
    const t = read('x', [
      ['ชื่อ-นามสกุล', 'ชื่อ', 'เพศ', 'เลขประจำตัวนักเรียน'],
      ['ด.ช. สมชาย ใจดี', 'อื่น'],
    ]);
    expect([at(t, 'firstName', 0).text, at(t, 'lastName', 0).text, at(t, 'prefix', 0).text]).toEqual([
      'อื่น',
      'ใจดี',
      'ด.ช.',
    ]);
  });

  it('takes the grade from a title line above the header, else from the sheet name, never over a grade column', () => {
    const rows: Cell[][] = [['เพศ', 'ชื่อ', 'นามสกุล'], ['ช'], ['ญ']];
    const titled = read('ม.2-1', [['ชั้น ป.6/2'], ...rows]);
    expect(titled.gradeFrom).toBe('title');
    expect(titled.columns.grade.has).toBe(true);
    expect([at(titled, 'grade', 0).v, at(titled, 'grade', 1).text]).toEqual([
      expect.objectContaining({ label: 'ป.6', room: 2 }),
      'ป.6',
    ]);
    expect(at(titled, 'grade', 1)).toMatchObject({ raw: 'ป.6', blank: false, has: true });
    const named = read('ม.2-1', rows);
    expect(named.gradeFrom).toBe('sheet-name');
    expect(at(named, 'grade', 1).v).toMatchObject({ label: 'ม.2' });
    expect(read('ข้อมูล', rows).gradeFrom).toBeNull();
    expect(read('ข้อมูล', rows).columns.grade.has).toBe(false);
    const column = read('ม.2-1', [['ชั้น ป.6/2'], ['เพศ', 'ชั้น', 'ชื่อ'], ['ช', 'ม.3']]);
    expect(column.gradeFrom).toBe('column');
    expect(at(column, 'grade', 0).v).toMatchObject({ label: 'ม.3' });
  });
});

describe('isPresent', () => {
  it.each([
    ['present', true],
    ['joined', true],
    ['other', true],
    ['left', false],
    ['dropout', false],
    ['graduated', false],
  ] as const)('%s → %s', (status, present) =>
    expect(isPresent({ text: '', raw: '', blank: false, has: true, v: status })).toBe(present),
  );
});
