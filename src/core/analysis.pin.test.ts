/** Pins how a sheet is read into columns (issue 15): students, values per row, name parts, the sheet's grade. */
import { describe, expect, it } from 'vitest';
import {
  analyseSheet,
  isPresent,
  measure,
  studentKeyNumbers,
  studentKeys,
  type FieldValue,
  type SheetData,
} from './analysis';
import { digitsKey } from './digits-key';
import { withCheckDigit } from './thai-id';
import type { TextColumn, TextColumns } from './text-columns';
import { FIELD_KEYS, type Cell, type FieldKey } from './types';

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
    ['.55', 0.55],
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

describe('measure: what ends a number and what follows its comma or point', () => {
  it.each([
    ['  ๔๕ กก. ', 45],
    ['45 กก', 45],
    ['150 ซม', 150],
    ['45,55', 45.55],
    ['45.55 kg', 45.55],
  ])('%j → %d', (text, n) => expect(measure(text)).toBe(n));
  it.each(['45 m2', '45 kg.', '1e999', 'Infinity', '1e3', '1.5e+10', '0x2d', '+45', '45..5'])(
    '%j is not a number',
    (text) => expect(measure(text)).toBeNaN(),
  );
  it.each([
    ['45. kg', 45],
    ['.5 m', 0.5],
    ['45.', 45],
  ])('a number reads alike with a unit or without: %j → %d', (text, n) => expect(measure(text)).toBe(n));
});

describe('analyseSheet: how a column is encoded', () => {
  const HEAD = ['เพศ', 'ชื่อ', 'นามสกุล'];
  /** A sheet whose first names are `names` (one per row), every row a student by its gender. */
  const withNames = (names: Cell[]) => read('x', [HEAD, ...names.map((n): Cell[] => ['ช', n, 'ดี'])]);
  const ids = (n: number, distinct = n) => Array.from({ length: n }, (_, i): Cell => `ก${i % distinct}`);

  it.each([
    ['63 rows, 60 distinct: too few to tell, one value per distinct text', ids(63, 60), 60],
    ['64 rows, 60 distinct (over 90 %): a value per row', ids(64, 60), 64],
    ['100 rows, 91 distinct (over 90 %): a value per row', ids(100, 91), 100],
    ['100 rows, 90 distinct (not over 90 %): one value per distinct text', ids(100, 90), 90],
    ['200 rows of 10 texts', ids(200, 10), 10],
  ])('%s', (_, names, values) => {
    const s = withNames(names);
    expect(s.columns.firstName.values).toHaveLength(values);
    names.forEach((n, i) => expect(at(s, 'firstName', i).text).toBe(n));
  });

  it('judges a column by its first 8,192 rows: distinct there, a value per row after too', () => {
    const names = [...ids(8192), ...Array.from({ length: 100 }, (): Cell => 'ซ้ำ')];
    const s = withNames(names);
    expect(s.columns.firstName.values).toHaveLength(8292);
    expect(at(s, 'firstName', 8200).text).toBe('ซ้ำ');
  });

  it('judges a column by the rows under its header, not the lines above it', () => {
    const names = ids(100);
    const s = read('x', [['title'], ['ชั้น'], HEAD, ...names.map((n): Cell[] => ['ช', n, 'ดี'])]);
    expect(s.columns.firstName.values).toHaveLength(100);
    names.forEach((n, i) => expect(at(s, 'firstName', i).text).toBe(n));
  });

  it('a missing cell in a column of distinct values reads as ""', () => {
    const rows: Cell[][] = [HEAD, ...ids(99).map((n): Cell[] => ['ช', n, 'ดี']), ['ช']];
    const s = read('x', rows);
    expect(s.columns.firstName.values).toHaveLength(100);
    expect(at(s, 'firstName', 99)).toMatchObject({ text: '', blank: true });
  });

  it('a repetitive column: a missing, an empty and a null cell are one value, equal dates one value', () => {
    const day = () => new Date(2015, 2, 15);
    const s = read('x', [['เพศ', 'ชื่อ', 'วันเดือนปีเกิด'], ['ช', 'ก', day()], ['ช', '', day()], ['ช', null], ['ช']]);
    expect(s.columns.firstName.values).toHaveLength(2);
    expect(s.columns.dob.values).toHaveLength(2);
    expect(at(s, 'dob', 1).raw).toEqual(day());
    expect(at(s, 'firstName', 2)).toMatchObject({ text: '', blank: true });
  });

  it('a field without a parser derives null', () => {
    const s = withNames(['ก']);
    expect(at(s, 'firstName', 0).v).toBeNull();
  });

  it('takes the grade from the lines above the header only, never from a student’s cells', () => {
    const s = read('x', [
      ['เพศ', 'ชื่อ', 'นามสกุล', 'หมายเหตุ'],
      ['ช', 'ก', 'ดี', 'ย้ายมาจากชั้น ป.3/1'],
      ['ญ', 'ข', 'ดี', 'ย้ายมาจากชั้น ป.3/1'],
    ]);
    expect(s.gradeFrom).toBeNull();
    expect(at(s, 'grade', 0).has).toBe(false);
  });
});

describe('analyseSheet from columns the reader made', () => {
  /** Columns of `rows` as the CSV reader makes them: `dict` columns (codes) except those listed as texts. */
  function columnsOf(rows: string[][], asTexts: number[] = [], drop = 0): TextColumns {
    const width = Math.max(0, ...rows.map((r) => r.length)) - drop;
    const columns: TextColumn[] = [];
    for (let c = 0; c < width; c++) {
      if (asTexts.includes(c)) {
        columns.push({ codes: null, dict: [''], textOf: (r) => rows[r]?.[c] ?? '' });
        continue;
      }
      // Codes in an order of their own (the reader's), not the order the analysis numbers them in.
      const dict = [''];
      const texts = [...new Set(rows.map((r) => r[c] ?? ''))].filter((t) => t !== '').reverse();
      dict.push(...texts);
      const codes = Int32Array.from(rows, (r) => dict.indexOf(r[c] ?? ''));
      columns.push({ codes, dict, textOf: null });
    }
    return { rows: rows.length, widths: Int32Array.from(rows, (r) => r.length), columns };
  }

  /** Every student's text, blank and derived value of every field. */
  const view = (s: SheetData) =>
    Array.from(s.rows, (row, i) => [
      row,
      FIELD_KEYS.map((f) => [f, at(s, f, i).text, at(s, f, i).blank, at(s, f, i).v]),
    ]);

  const ROWS: string[][] = [
    ['รายชื่อนักเรียน'],
    ['เพศ', 'ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด', 'เลขประจำตัวนักเรียน'],
    ['ช', 'ก', 'ดี', '1/2/2558', '101'],
    ['', '', '', '', ''],
    ['ญ', 'ข', 'ดี', '2/2/2558', '102'],
    ['ช', 'ก', 'มี'],
    ['ญ', '', 'ดี', '1/2/2558', '103'],
  ];

  it.each([
    ['dictionary columns', [] as number[]],
    ['a column of texts', [4]],
    ['every column of texts', [0, 1, 2, 3, 4]],
  ])('reads %s as it reads the rows', (_, asTexts) => {
    const byRows = analyseSheet(0, 'x', ROWS)!;
    const cols = columnsOf(ROWS, asTexts);
    const byColumns = analyseSheet(0, 'x', ROWS, undefined, cols)!;
    expect(byColumns.rows).toEqual(byRows.rows);
    expect(view(byColumns)).toEqual(view(byRows));
    // A column of texts has a value per data row (the blank one too), as a mostly distinct column has.
    if (asTexts.includes(4)) expect(byColumns.columns.sid.values).toHaveLength(ROWS.length - 2);
    // A dictionary column keeps the reader's codes and dictionary (the header's text included, which no
    // student's code points at), each text derived once.
    for (const f of ['gender', 'firstName', 'lastName', 'dob'] as const) {
      const col = byRows.map.columns[f]!;
      if (asTexts.includes(col)) continue;
      expect(byColumns.columns[f].values.map((v) => v.text)).toEqual(cols.columns[col]!.dict);
      expect([...byColumns.columns[f].codes]).toEqual(Array.from(byColumns.rows, (r) => cols.columns[col]!.codes![r]));
    }
  });

  it('reads a column the reader does not have as blank', () => {
    const rows = ROWS.map((r, i) => (i === 1 ? r : r.slice(0, 4)));
    const byColumns = analyseSheet(0, 'x', rows, undefined, columnsOf(rows, [], 0))!;
    const cols = columnsOf(rows);
    cols.columns.length = 4;
    const lacking = analyseSheet(0, 'x', rows, undefined, cols)!;
    expect(view(lacking)).toEqual(view(byColumns));
    expect(lacking.columns.sid.values.map((v) => v.text)).toEqual(['']);
  });

  it('a header with no rows under it has no students and no values', () => {
    const rows = ROWS.slice(0, 2);
    const cols = columnsOf(rows);
    cols.columns.length = 3;
    const s = analyseSheet(0, 'x', rows, undefined, cols)!;
    expect(s.rows).toHaveLength(0);
    expect(s.columns.sid.values).toHaveLength(0);
    expect(s.columns.gender.codes).toHaveLength(0);
  });
});

describe('studentKeys', () => {
  const HEAD = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล'];
  const id = (i: number) => withCheckDigit(`1101700${String(i).padStart(5, '0')}`);

  it('keys each student once per distinct value in a dictionary column (blank rows are no students)', () => {
    const s = read('x', [HEAD, ['', 'ก', 'ข'], ['', '', ''], ['', 'ก', 'ค'], ['', 'ง', 'ข']]);
    const calls: string[] = [];
    const keys = studentKeys(
      s.columns.firstName,
      'firstName',
      (v) => (calls.push(v.text), v.blank ? null : `k${v.text}`),
    );
    expect(keys).toEqual(['kก', 'kก', 'kง']);
    // The blank row's value is keyed too: it is a distinct value, though no student's.
    expect(calls.sort()).toEqual(['', 'ก', 'ง']);
  });

  it('keys a shaped column from each row’s text, and a row of no shape from its value', () => {
    const rows: Cell[][] = [HEAD, ...Array.from({ length: 200 }, (_, i): Cell[] => [id(i), 'ก', 'ข'])];
    rows[6]![0] = ` ${id(5)}`; // student 5 (row 0 is the header)
    const s = read('x', rows);
    expect(s.columns.cid.shapes).toBeDefined();
    const valued: string[] = [];
    const keys = studentKeys(s.columns.cid, 'cid', (v) => (valued.push(v.text), `v${v.text.trim()}`), 'text');
    expect(keys[0]).toBe(id(0));
    expect(keys[4]).toBe(id(4));
    expect(keys[5]).toBe(`v${id(5)}`);
    expect(keys).toHaveLength(200);
    expect(valued).toEqual([` ${id(5)}`]);
    // Without a key for shaped texts, every row is keyed from its value.
    expect(studentKeys(s.columns.cid, 'cid', (v) => v.text)).toEqual(rows.slice(1).map((r) => r[0]));
  });

  it('keys shaped student numbers as whole numbers, as numbers without reading their texts', () => {
    const HEAD_SID = ['เลขประจำตัวนักเรียน', 'ชื่อ', 'นามสกุล'];
    const sids = Array.from({ length: 200 }, (_, i) => String(1000 + i));
    sids[3] = '0001003'; // the same number as student 3's neighbour below, zero-padded
    sids[4] = '1003';
    sids[5] = '12345678901234567'; // a shape, but too long for a number key
    sids[6] = 'x7';
    const s = read('x', [HEAD_SID, ...sids.map((sid): Cell[] => [sid, 'ก', 'ข'])]);
    expect(s.columns.sid.shapes).toBeDefined();
    const valued: string[] = [];
    const keyOf = (v: FieldValue<'sid'>) => (valued.push(v.text), v.blank ? null : v.text);
    expect(studentKeys(s.columns.sid, 'sid', keyOf, 'number').slice(0, 8)).toEqual([
      '1000',
      '1001',
      '1002',
      '1003',
      '1003',
      '12345678901234567',
      'x7',
      '1007',
    ]);
    expect(valued).toEqual(['x7']);

    valued.length = 0;
    const numbers = new Float64Array(202).fill(-1);
    const texts: Array<[number, string]> = [];
    studentKeyNumbers(s.columns.sid, 'sid', keyOf, 'number', numbers, 2, (i, k) => texts.push([i, k]));
    expect(numbers[0]).toBe(-1);
    expect(numbers[2]).toBe(digitsKey('1000'));
    expect(numbers[5]).toBe(digitsKey('1003'));
    expect(numbers[6]).toBe(digitsKey('1003'));
    expect(numbers[7]).toBe(-1);
    expect(texts).toEqual([
      [7, '12345678901234567'],
      [8, 'x7'],
    ]);
    expect(valued).toEqual(['x7']);
    // As text, "0001003" stays itself.
    studentKeyNumbers(s.columns.sid, 'sid', keyOf, 'text', numbers, 2, () => {});
    expect(numbers[5]).toBe(digitsKey('0001003'));
  });
});
