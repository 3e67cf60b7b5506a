/**
 * Pins reconcile's behaviour a school relies on: which download is recognised, who is paired with whom
 * and how, each finding's rule, severity, cell and advice, the summary's counts, the round, and the
 * correction-form rows — on small hand-made rosters and downloads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSheet } from './analysis';
import { parseIso } from './dates';
import {
  isDmcDownload,
  isNextGrade,
  MATCH_REASON,
  matchStudents,
  reconcile,
  reconcileCorrectionRows,
  RECONCILE_REASON,
  type ReconcileResult,
  type StudentKeys,
} from './reconcile';
import { formatCid, withCheckDigit } from './thai-id';
import type { Cell, Finding } from './types';
import { parseGrade } from './vocab';
import { DMC_HEADERS } from '../../test/support/dmc-download';

const ID = (n: number) => withCheckDigit(`1101${String(n).padStart(8, '0')}`);
/** A valid ID of the given count as Thai digits. */
const THAI = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
const BAD_CHECK = (id: string) => id.slice(0, 12) + String((Number(id[12]) + 1) % 10);

const STAMP = 'วันและเวลาที่สร้างรายงาน 15/03/2569 02:00:00';
const DMC_HEAD = DMC_HEADERS.slice(0, 11);

interface Kid {
  cid?: Cell;
  prefix?: Cell;
  first?: Cell;
  last?: Cell;
  gender?: Cell;
  dob?: Cell;
  grade?: Cell;
  room?: Cell;
  sid?: Cell;
  status?: Cell;
  exam?: Cell;
}

/** A boy of ป.6, born 5 Jan 2557 BE, with the given changes. */
const boy = (k: Kid = {}): Kid => ({
  cid: ID(1),
  prefix: 'เด็กชาย',
  first: 'สมชาย',
  last: 'ใจดี',
  gender: 'ชาย',
  dob: '05/01/2557',
  grade: 'ป.6',
  room: '1',
  sid: '10001',
  ...k,
});

/** DMC's download: the timestamp line, DMC's header (C: ID, D: grade, E: room … K: dob), one row each. */
function download(kids: Kid[], stamp: Cell = STAMP, name = 'DMC'): { name: string; values: Cell[][] } {
  const dmcGender = (g: Cell) => (g === 'ชาย' ? 'ช' : g === 'หญิง' ? 'ญ' : g);
  return {
    name,
    values: [
      [stamp],
      [...DMC_HEAD],
      ...kids.map((k) => [
        '10100001',
        'โรงเรียนบ้านตัวอย่าง',
        k.cid ?? '',
        k.grade ?? '',
        k.room ?? '',
        k.sid ?? '',
        dmcGender(k.gender ?? ''),
        k.prefix ?? '',
        k.first ?? '',
        k.last ?? '',
        k.dob ?? '',
      ]),
    ],
  };
}

const ROSTER_HEAD: Record<keyof Kid, string> = {
  cid: 'เลขประจำตัวประชาชน',
  prefix: 'คำนำหน้าชื่อ',
  first: 'ชื่อ',
  last: 'นามสกุล',
  gender: 'เพศ',
  dob: 'วันเกิด',
  grade: 'ชั้น',
  room: 'ห้อง',
  sid: 'เลขประจำตัวนักเรียน',
  status: 'สถานะ',
  exam: 'สอบปลายภาค',
};
/** The roster's columns: A cid, B prefix, C first, D last, E gender, F dob, G grade, H room, I status. */
const COLS: Array<keyof Kid> = ['cid', 'prefix', 'first', 'last', 'gender', 'dob', 'grade', 'room', 'status'];

function sheetOf(kids: Kid[], cols = COLS): Cell[][] {
  return [cols.map((c) => ROSTER_HEAD[c]), ...kids.map((k) => cols.map((c) => k[c] ?? ''))];
}
const school = (kids: Kid[], cols = COLS, name = 'ป.6') => ({ sheets: [{ name, values: sheetOf(kids, cols) }] });

/** The end-of-year round, as DMC's file name says it. */
const END = { dmcSource: '2568-3-student.xlsx' };
const MID = { dmcSource: '2568-2-student.xlsx' };

const run = (roster: Kid[], dmc: Kid[], options = END, cols = COLS) =>
  reconcile(school(roster, cols), download(dmc), {}, options);
const where = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;
const all = (r: ReconcileResult) => [...r.rosterFindings, ...r.dmcFindings];

// ---------------------------------------------------------------- recognising the download

describe('isDmcDownload', () => {
  const head = DMC_HEAD;

  it('finds the timestamp line on any of the first three rows, and the header on either of the next two', () => {
    expect(isDmcDownload([[STAMP], head])).toBe(true);
    expect(isDmcDownload([['รายชื่อ'], [STAMP], head])).toBe(true);
    expect(isDmcDownload([[], ['รายชื่อ'], ['', STAMP], head])).toBe(true);
    expect(isDmcDownload([[STAMP], [], head])).toBe(true);
    // The fourth row is too far down, and so is a header three rows below the line.
    expect(isDmcDownload([[], [], [], [STAMP], head])).toBe(false);
    expect(isDmcDownload([[STAMP], [], [], head])).toBe(false);
    // The header above the line does not count.
    expect(isDmcDownload([head, [STAMP]])).toBe(false);
  });

  it('takes the timestamp words with spaces, invisible characters or เเ/ํา variants, only as text', () => {
    expect(isDmcDownload([['วันและเวลา ที่สร้าง รายงาน : 15/03/2569'], head])).toBe(true);
    expect(isDmcDownload([['ข้อมูล ณ วันและเวลาที่สร้างรายงาน'], head])).toBe(true);
    expect(isDmcDownload([[12345], head])).toBe(false);
    expect(isDmcDownload([['วันและเวลาที่สร้าง'], head])).toBe(false);
  });

  it('needs every one of the header columns DMC opens with', () => {
    for (let i = 0; i < 5; i++) {
      const without = head.map((h, j) => (j === i ? 'อื่น ๆ' : h));
      // The citizen ID's header appears twice in the download; both must go for it to be missing.
      if (i === 2) without[5] = 'อื่น ๆ';
      expect(isDmcDownload([[STAMP], without]), head[i]).toBe(false);
    }
    expect(isDmcDownload([[STAMP], head.slice(0, 5)])).toBe(true);
  });

  it('is never fooled by a header-only sheet or rows without cells', () => {
    expect(isDmcDownload([['รายชื่อนักเรียน'], head])).toBe(false);
    expect(isDmcDownload([[STAMP]])).toBe(false);
    expect(isDmcDownload([[STAMP], []])).toBe(false);
  });
});

// ---------------------------------------------------------------- matching

const kid = (id: string, first: string, last: string, dob: string | null): StudentKeys => ({
  id,
  first,
  last,
  dob: dob === null ? null : parseIso(dob),
});
const pairs = (m: ReturnType<typeof matchStudents>) =>
  Array.from(m.rosterMatch, (d, r) => (d < 0 ? null : [r, d, m.kind[r], m.reason[r] ?? null])).filter(Boolean);

describe('isNextGrade', () => {
  const g = (x: string) => parseGrade(x)!;
  it('only the grade right after: ม.3 → ม.4 or ปวช.1, never two ahead', () => {
    expect(isNextGrade(g('ม.3'), g('ม.4'))).toBe(true);
    expect(isNextGrade(g('ม.3'), g('ปวช.1'))).toBe(true);
    expect(isNextGrade(g('ม.3'), g('ม.5'))).toBe(false);
    expect(isNextGrade(g('ม.2'), g('ปวช.1'))).toBe(false);
    expect(isNextGrade(g('ปวช.1'), g('ปวช.2'))).toBe(true);
    expect(isNextGrade(g('ม.6'), g('ปวช.1'))).toBe(false);
  });
});

describe('matchStudents', () => {
  it('pairs every student by ID whatever the order, both ways round', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (ns, seed) => {
          const roster = ns.map((n, i) => kid(ID(n), `ก${i}`, 'ข', '2014-01-05'));
          // DMC lists the same students in another order, under other names.
          const order = ns.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
          const dmc = order.map((i) => kid(ID(ns[i]!), `ค${i}`, 'ง', '2013-02-06'));
          const m = matchStudents(roster, dmc);
          order.forEach((r, d) => {
            expect(m.rosterMatch[r]).toBe(d);
            expect(m.dmcMatch[d]).toBe(r);
            expect(m.kind[r]).toBe('id');
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pairs by name and birth date among many students (no IDs on the roster)', () => {
    const n = 1500;
    const first = (i: number) => `ชื่อ${i}`;
    const day = (i: number) =>
      `20${10 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const roster = Array.from({ length: n }, (_, i) => kid('', first(i), 'สกุล', day(i)));
    const dmc = Array.from({ length: n }, (_, i) => kid(ID(i), first(n - 1 - i), 'สกุล', day(n - 1 - i)));
    const m = matchStudents(roster, dmc);
    for (let r = 0; r < n; r++) {
      expect(m.rosterMatch[r]).toBe(n - 1 - r);
      expect(m.kind[r]).toBe('name-dob');
    }
  });

  it('tells G-codes apart from each other and from citizen IDs, and reads them with separators in any case', () => {
    const m = matchStudents(
      [kid('G123456789012', 'ก', 'ข', null), kid('G-1234-56789-01-3', 'ค', 'ง', null), kid(ID(5), 'จ', 'ฉ', null)],
      [kid('g123456789013', 'ช', 'ซ', null), kid('G 1234 56789 01 2', 'ฌ', 'ญ', null), kid(ID(5), 'ฎ', 'ฏ', null)],
    );
    expect(pairs(m)).toEqual([
      [0, 1, 'id', null],
      [1, 0, 'id', null],
      [2, 2, 'id', null],
    ]);
  });

  it('never takes a G-code for the citizen ID with the same twelve digits', () => {
    const m = matchStudents([kid(ID(1), 'ก', 'ข', null)], [kid(`G${ID(1).slice(1)}`, 'ค', 'ง', null)]);
    expect(pairs(m)).toEqual([]);
  });

  it('takes an ID of a wrong check digit or length as no ID: such students pair by name and birth date', () => {
    const m = matchStudents(
      [kid(BAD_CHECK(ID(1)), 'สมชาย', 'ใจดี', '2014-01-05'), kid('12345', 'สมศรี', 'มีสุข', '2014-01-06')],
      [kid(BAD_CHECK(ID(1)), 'สมศรี', 'มีสุข', '2014-01-06'), kid('12345', 'สมชาย', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([
      [0, 1, 'name-dob', null],
      [1, 0, 'name-dob', null],
    ]);
  });

  it('never pairs by name without a birth date or a first name, nor by a birth date alone', () => {
    const m = matchStudents(
      [kid('', 'สมชาย', 'ใจดี', null), kid('', '', 'ใจดี', '2014-01-05'), kid('', 'สมหญิง', 'ใจดี', '2014-01-07')],
      [kid(ID(1), 'สมชาย', 'ใจดี', null), kid(ID(2), '', 'ใจดี', '2014-01-05'), kid(ID(3), 'มานี', 'มีนา', '2014-01-07')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.size + m.dmcCandidates.size).toBe(0);
  });

  it('pairs a student with no last name by the first name and the birth date', () => {
    const m = matchStudents([kid('', 'สมชาย', '', '2014-01-05')], [kid(ID(1), 'สมชาย', '', '2014-01-05')]);
    expect(pairs(m)).toEqual([[0, 0, 'name-dob', null]]);
  });

  describe('several rows with one ID', () => {
    it('pairs the copy holding the same record, on either side', () => {
      const a = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
      const b = kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06');
      const m = matchStudents([b], [a, b]);
      expect(pairs(m)).toEqual([[0, 1, 'id', null]]);
      expect(m.dmcDuplicates).toEqual([[0, 1]]);
      const back = matchStudents([a, b], [b]);
      expect(pairs(back)).toEqual([[1, 0, 'id', null]]);
      expect(back.dmcDuplicates).toEqual([]);
    });

    it('pairs the last free row of each side, and reports the rest as candidates of each other', () => {
      const a = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
      const b = kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06');
      const c = kid(ID(1), 'มานี', 'มีนา', '2014-03-07');
      // a pairs with its copy; b and c are the only rows left on each side.
      const m = matchStudents([a, b], [c, a]);
      expect(pairs(m)).toEqual([
        [0, 1, 'id', null],
        [1, 0, 'id', null],
      ]);
      // Two rows a side, none the same record: nobody is guessed.
      const n = matchStudents([a, b], [c, kid(ID(1), 'ปิติ', 'ชูใจ', '2014-04-08')]);
      expect(pairs(n)).toEqual([]);
      expect(n.rosterCandidates.get(0)).toEqual([0, 1]);
      expect(n.rosterCandidates.get(1)).toEqual([0, 1]);
      expect(n.dmcCandidates.get(0)).toEqual([0, 1]);
      expect(n.dmcCandidates.get(1)).toEqual([0, 1]);
      expect(n.dmcDuplicates).toEqual([[0, 1]]);
    });

    it('lists an ID DMC holds three times once, with every row', () => {
      const a = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
      const m = matchStudents([], [a, kid(ID(2), 'ข', 'ค', null), a, a]);
      expect(m.dmcDuplicates).toEqual([[0, 2, 3]]);
    });
  });

  it('a candidate paired by a later stage is no longer a candidate', () => {
    // Roster 0 and 1 share ID 1 with DMC 0 and 1: neither holds the same record, so no ID pair is made; then
    // each pairs by name and birth date with its own DMC row, and the candidates are dropped.
    const m = matchStudents(
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06')],
      [
        kid(ID(1), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(1), 'ปิติ', 'ชูใจ', '2014-04-08'),
        kid(ID(3), 'สมชาย', 'ใจดี', '2014-01-05'),
      ],
    );
    expect(pairs(m)).toEqual([[0, 2, 'name-dob', null]]);
    expect(m.rosterCandidates.get(0)).toBeUndefined();
    expect(m.rosterCandidates.get(1)).toEqual([0, 1]);
    expect(m.dmcCandidates.get(0)).toEqual([1]);
    expect(m.dmcCandidates.get(1)).toEqual([1]);
  });

  it('two DMC rows of one name and birth date: both candidates of the roster row, and no slip picks either', () => {
    const m = matchStudents(
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(2), 'สมชาย', 'ใจดี', '2014-01-06')],
      [kid(ID(11), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(12), 'สมชาย', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.get(0)).toEqual([0, 1]);
    expect(m.rosterCandidates.get(1)).toBeUndefined();
  });

  it('one DMC row one slip from two roster rows: reported on both sides, never guessed', () => {
    const m = matchStudents(
      [kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05'), kid(ID(2), 'ก้องภพ', 'ใจดิ', '2014-01-05')],
      [kid(ID(11), 'ก้องภพ', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.dmcCandidates.get(0)).toEqual([0, 1]);
    expect(m.rosterCandidates.get(0)).toEqual([0]);
    expect(m.rosterCandidates.get(1)).toEqual([0]);
  });

  it('a name slip and a birth-date slip to the same DMC row count once', () => {
    // The DMC row is one tone mark away on the same day; the roster's second row is the same name on a day one digit away.
    const m = matchStudents(
      [kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05')],
      [kid(ID(11), 'ก้องภพ', 'ใจดี', '2014-01-05'), kid(ID(12), 'ก่องภพ', 'ใจดี', '2014-01-06')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.get(0)).toEqual([0, 1]);
  });

  it('finds a day/month swap by name among many namesakes, as among few', () => {
    for (const count of [3, 60]) {
      const others = Array.from({ length: count }, (_, i) =>
        kid(
          ID(100 + i),
          'สมชาย',
          'ใจดี',
          `${1990 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        ),
      );
      const m = matchStudents(
        [kid(ID(1), 'สมชาย', 'ใจดี', '2014-04-07')],
        [...others, kid(ID(99), 'สมชาย', 'ใจดี', '2014-07-04')],
      );
      expect(pairs(m), String(count)).toEqual([[0, count, 'fuzzy', 'day-month-swapped']]);
    }
  });

  it('never pairs a slip with a DMC row another roster row already took', () => {
    const m = matchStudents(
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(2), 'สมชาย', 'ใจดี', '2014-01-06')],
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([[0, 0, 'id', null]]);
    expect(m.rosterCandidates.size + m.dmcCandidates.size).toBe(0);
  });
});

describe('matchStudents: who is still free at each stage', () => {
  it('pairs each roster copy of an ID with its own DMC row: the same record first, then the one left', () => {
    const a = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
    const b = kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06');
    expect(pairs(matchStudents([a, { ...a }], [a, b]))).toEqual([
      [0, 0, 'id', null],
      [1, 1, 'id', null],
    ]);
  });

  it('takes no copy of an ID as the same record without a first name', () => {
    const m = matchStudents(
      [kid(ID(1), '', 'ใจดี', '2014-01-05')],
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-02-06'), kid(ID(1), '', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.get(0)).toEqual([0, 1]);
  });

  it('a student paired by ID is no candidate for a name and birth date, nor for a slip', () => {
    const a = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
    // Another สมชาย ใจดี born the same day, under other IDs on both sides.
    const m = matchStudents(
      [a, kid(ID(2), 'สมชาย', 'ใจดี', '2014-01-05')],
      [a, kid(ID(3), 'สมชาย', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([
      [0, 0, 'id', null],
      [1, 1, 'name-dob', null],
    ]);
    // DMC's second row is one digit from the roster student DMC's first row already took.
    const n = matchStudents([a], [a, kid(ID(3), 'สมชาย', 'ใจดี', '2014-01-06')]);
    expect(pairs(n)).toEqual([[0, 0, 'id', null]]);
    expect(n.dmcMatch[1]).toBe(-1);
    expect(n.rosterCandidates.size + n.dmcCandidates.size).toBe(0);
  });

  it('compares no one without a first name by a slip, on either side', () => {
    const m = matchStudents(
      [kid('', '', 'ใจดี', '2014-01-05'), kid('', 'สมชาย', 'ใจดี', '2014-01-06')],
      [kid(ID(1), 'สมชาย', 'ใจดิ', '2014-01-05'), kid(ID(2), '', 'ใจดี', '2014-01-06')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.size + m.dmcCandidates.size).toBe(0);
  });

  it('finds a birth-date slip in the first DMC row, among few or many namesakes', () => {
    for (const count of [0, 60]) {
      const others = Array.from({ length: count }, (_, i) =>
        kid(
          ID(100 + i),
          'สมชาย',
          'ใจดี',
          `${1990 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        ),
      );
      const m = matchStudents(
        [kid('', 'สมชาย', 'ใจดี', '2014-01-05')],
        [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-06'), ...others],
      );
      expect(pairs(m), String(count)).toEqual([[0, 0, 'fuzzy', 'one-digit']]);
    }
  });

  it('among many namesakes, never takes by a slip a DMC row paired by name and birth date', () => {
    const others = Array.from({ length: 60 }, (_, i) =>
      kid(
        ID(100 + i),
        'สมชาย',
        'ใจดี',
        `${1990 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      ),
    );
    const m = matchStudents(
      [kid('', 'สมชาย', 'ใจดี', '2014-01-05'), kid('', 'สมชาย', 'ใจดี', '2014-01-06')],
      [...others, kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([[0, 60, 'name-dob', null]]);
    expect(m.rosterMatch[1]).toBe(-1);
    expect(m.rosterCandidates.size).toBe(0);
  });

  it('lists each candidate once when a student is ambiguous both by ID and by slips', () => {
    const m = matchStudents(
      [kid(ID(1), 'ก้องภพ', 'ใจดี', '2014-01-05'), kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06')],
      [
        kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05'),
        kid(ID(1), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(1), 'ก้องภพ', 'ใจดิ', '2014-01-05'),
      ],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.get(0)).toEqual([0, 1, 2]);
    expect(m.dmcCandidates.get(0)).toEqual([0, 1]);
  });

  it('drops candidates paired later, on both sides, and students whose candidates were all paired', () => {
    // ID 1 is on two roster rows and two DMC rows, none the same record: all four are candidates of each
    // other. Then roster 1 pairs with DMC 0 and DMC 1 with roster 0, by name and birth date.
    const m = matchStudents(
      [
        kid(ID(2), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'),
        kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06'),
      ],
      [
        kid(ID(3), 'สมชาย', 'ใจดี', '2014-01-05'),
        kid(ID(1), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(1), 'ปิติ', 'ชูใจ', '2014-04-08'),
      ],
    );
    expect(pairs(m)).toEqual([
      [0, 1, 'name-dob', null],
      [1, 0, 'name-dob', null],
    ]);
    expect([...m.rosterCandidates]).toEqual([[2, [2]]]);
    expect([...m.dmcCandidates]).toEqual([[2, [2]]]);
    // Every candidate paired elsewhere: nobody is left ambiguous.
    const n = matchStudents(
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06')],
      [
        kid(ID(1), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(1), 'ปิติ', 'ชูใจ', '2014-04-08'),
        kid(ID(3), 'สมชาย', 'ใจดี', '2014-01-05'),
        kid(ID(4), 'สมศรี', 'มีสุข', '2014-02-06'),
      ],
    );
    expect(pairs(n)).toEqual([
      [0, 2, 'name-dob', null],
      [1, 3, 'name-dob', null],
    ]);
    expect(n.rosterCandidates.size + n.dmcCandidates.size).toBe(0);
    const o = matchStudents(
      [
        kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'),
        kid(ID(1), 'สมศรี', 'มีสุข', '2014-02-06'),
        kid(ID(3), 'มานี', 'มีนา', '2014-03-07'),
        kid(ID(4), 'ปิติ', 'ชูใจ', '2014-04-08'),
      ],
      [kid(ID(1), 'มานี', 'มีนา', '2014-03-07'), kid(ID(1), 'ปิติ', 'ชูใจ', '2014-04-08')],
    );
    expect(pairs(o)).toEqual([
      [2, 0, 'name-dob', null],
      [3, 1, 'name-dob', null],
    ]);
    expect(o.rosterCandidates.size + o.dmcCandidates.size).toBe(0);
  });
});

// ---------------------------------------------------------------- findings

describe('reconcile: identical sides', () => {
  it('finds nothing, pairs everyone by ID and counts both sides the same', () => {
    const kids = [boy(), boy({ cid: ID(2), first: 'สมศรี', prefix: 'เด็กหญิง', gender: 'หญิง', dob: '06/02/2557' })];
    const r = run(kids, kids);
    expect(all(r)).toEqual([]);
    expect(r.matches).toEqual([
      { rosterSheet: 'ป.6', rosterRow: 2, dmcRow: 3, kind: 'id' },
      { rosterSheet: 'ป.6', rosterRow: 3, dmcRow: 4, kind: 'id' },
    ]);
    expect(r.summary).toMatchObject({
      rosterStudents: 2,
      dmcStudents: 2,
      matched: { id: 2, nameDob: 0, fuzzy: 0 },
      notInDmc: 0,
      notInRoster: 0,
      idDiffers: 0,
      differingFields: 0,
      byField: {},
      gradeAdvanced: 0,
      duplicatesInDmc: 0,
      ambiguous: 0,
      bySeverity: { error: 0, warning: 0, info: 0 },
      byRule: {},
      endOfYear: true,
      notes: [],
    });
    expect(r.dmcSheet).toBe('DMC');
  });

  it('reads the same values written differently as the same: abbreviations, Thai digits, zero-led rooms, date cells', () => {
    const roster = [
      boy({ prefix: 'ด.ช.', gender: 'ช', room: '๐๑', dob: new Date(2014, 0, 5), cid: THAI(ID(1)) }),
      boy({ cid: ID(2), first: 'มานี', prefix: 'ด.ญ.', gender: 'ญ', room: ' 2 ', grade: 'ประถมศึกษาปีที่ 6' }),
    ];
    const dmc = [boy(), boy({ cid: ID(2), first: 'มานี', prefix: 'เด็กหญิง', gender: 'หญิง', room: '2' })];
    const r = run(roster, dmc);
    expect(all(r)).toEqual([]);
    expect(r.summary.matched.id).toBe(2);
  });

  it('compares a prefix DMC does not know by its text', () => {
    expect(all(run([boy({ prefix: 'Master' })], [boy({ prefix: 'master ' })]))).toEqual([]);
    const r = run([boy({ prefix: 'Master' })], [boy({ prefix: 'Mister' })]);
    expect(r.rosterFindings.map((f) => `${f.field} ${f.cell}`)).toEqual(['prefix B2']);
  });
});

describe('reconcile: what is compared', () => {
  it('pairs G-codes written in any case and with separators, and never with a citizen ID', () => {
    const r = run(
      [boy({ cid: 'g 1234 56789 012' }), boy({ cid: ID(3), first: 'มานี', dob: '07/03/2557' })],
      [boy({ cid: 'G123456789012', first: 'ปิติ', dob: '09/09/2556' }), boy({ cid: `G${ID(3).slice(1)}`, first: 'ชูใจ' })],
    );
    expect(r.matches.map((m) => [m.rosterRow, m.dmcRow, m.kind])).toEqual([[2, 3, 'id']]);
  });

  it('pairs no one by an unreadable birth date, nor by a last name alone', () => {
    const r = run([boy({ cid: ID(2), dob: 'ไม่ทราบ' })], [boy({ dob: 'ไม่ทราบ' })]);
    expect(r.matches).toEqual([]);
    const s = run([boy({ cid: ID(2), first: '' })], [boy({ first: '', last: 'ใจดิ' })]);
    expect(s.matches).toEqual([]);
    expect(s.summary.ambiguous).toBe(0);
  });

  it('rooms by their number: zeros in front and Thai digits do not count, other digits do', () => {
    expect(run([boy({ room: '001' })], [boy({ room: '1' })]).rosterFindings).toEqual([]);
    expect(run([boy({ room: '101' })], [boy({ room: '11' })]).rosterFindings.map((f) => f.field)).toEqual(['room']);
    expect(run([boy({ room: '10' })], [boy({ room: '1' })]).rosterFindings.map((f) => f.field)).toEqual(['room']);
  });

  it('rooms on a roster with no prefix column', () => {
    const cols = COLS.filter((c) => c !== 'prefix');
    const r = run([boy({ room: '2' })], [boy({ room: '1' })], END, cols);
    expect(r.rosterFindings.map((f) => `${f.field} ${f.cell}`)).toEqual(['room G2']);
  });

  it('points a name part of a full-name roster at its full-name cell', () => {
    const values = [
      ['เลขประจำตัวประชาชน', 'ชื่อ-นามสกุล', 'วันเกิด', 'ชั้น', 'ห้อง'],
      [ID(1), 'นาย สมชัย ใจดี', '05/01/2557', 'ป.6', '1'],
    ];
    const r = reconcile({ sheets: [{ name: 'ป.6', values }] }, download([boy()]), {}, END);
    expect(r.rosterFindings.map((f) => `${f.field} ${f.cell}`)).toEqual(['prefix B2', 'firstName B2']);
  });

  it('points a room the sheet name gives at the birth date, and a finding with no cell to point at nowhere', () => {
    const cols: Array<keyof Kid> = ['cid', 'prefix', 'first', 'last', 'gender', 'dob'];
    const r = reconcile({ sheets: [{ name: 'ป.6-2', values: sheetOf([boy()], cols) }] }, download([boy()]), {}, END);
    expect(r.rosterFindings.map((f) => `${f.field} ${f.cell}`)).toEqual(['room F2']);
    expect(r.rosterFindings[0]!.message.en).toContain('is «2» in the roster but «1» in DMC');
    // No ID, first-name or full-name column: the missing student's finding has a row but no cell.
    const bare = [
      ['นามสกุล', 'วันเกิด', 'ชั้น', 'เพศ'],
      ['ใจดี', '05/01/2557', 'ป.6', 'ชาย'],
    ];
    const none = reconcile({ sheets: [{ name: 'ก', values: bare }] }, download([]), {}, END);
    expect(none.rosterFindings.map((f) => [f.rule, f.row, f.column, f.cell, f.value])).toEqual([
      ['dmc.not-in-dmc', 2, null, null, ''],
    ]);
  });
});

describe('dmc.not-in-dmc', () => {
  it('an error for a present student who took the exam, advising to enter them as joined', () => {
    const r = run([boy(), boy({ cid: ID(2), first: 'มานี', dob: '07/03/2557' })], [boy()]);
    expect(r.rosterFindings.map(where)).toEqual(['dmc.not-in-dmc error ป.6!A3']);
    const f = r.rosterFindings[0]!;
    expect(f).toMatchObject({ field: 'cid', row: 3, column: ROSTER_HEAD.cid, value: ID(2) });
    expect(f.message.th).toContain('ให้บันทึกเป็นนักเรียนย้ายเข้าใน DMC');
    expect(f.message.en).toContain('enter them in DMC as joined');
    expect(f.message.en).not.toContain('close to');
    expect(r.summary.notInDmc).toBe(1);
    expect(r.summary.bySeverity).toEqual({ error: 1, warning: 0, info: 0 });
    expect(r.summary.byRule).toEqual({ 'dmc.not-in-dmc': 1 });
  });

  it('a warning for a student who left, or did not take the exam, saying why and not to enter them', () => {
    const cols: Array<keyof Kid> = [...COLS, 'exam'];
    const r = run(
      [
        boy({ status: 'ย้ายออก', exam: 'สอบ' }),
        boy({ cid: ID(2), first: 'มานี', status: 'ปกติ', exam: 'ไม่สอบ' }),
        boy({ cid: ID(3), first: 'ปิติ', status: 'ย้ายเข้า', exam: 'สอบ' }),
      ],
      [],
      END,
      cols,
    );
    expect(r.rosterFindings.map(where)).toEqual([
      'dmc.not-in-dmc warning ป.6!A2',
      'dmc.not-in-dmc warning ป.6!A3',
      'dmc.not-in-dmc error ป.6!A4',
    ]);
    const [left, noExam] = r.rosterFindings;
    expect(left!.message.en).toContain('the roster says this student has left');
    expect(left!.message.th).toContain('ในแผ่นงานนักเรียนคนนี้ไม่ได้อยู่แล้ว');
    expect(noExam!.message.en).toContain('the roster does not say this student took the final exam');
    expect(noExam!.message.th).toContain('ในแผ่นงานไม่ได้ระบุว่านักเรียนคนนี้สอบปลายภาค');
    for (const f of [left!, noExam!]) expect(f.message.en).toContain('do not enter them as joined');
  });

  it('points at the first-name cell, or the full name, when the roster has no ID column', () => {
    const noId = COLS.filter((c) => c !== 'cid');
    const r = run([boy({ cid: '' })], [], END, noId);
    expect(r.rosterFindings.map((f) => `${f.cell} ${f.column} ${f.value}`)).toEqual(['B2 ชื่อ สมชาย']);
    const full = reconcile(
      {
        sheets: [
          {
            name: 'ป.6',
            values: [
              ['ชื่อ-นามสกุล', 'วันเกิด', 'ชั้น'],
              ['ด.ช. สมชาย ใจดี', '05/01/2557', 'ป.6'],
            ],
          },
        ],
      },
      download([]),
      {},
      END,
    );
    expect(full.rosterFindings.map((f) => `${f.cell} ${f.value}`)).toEqual(['A2 ด.ช. สมชาย ใจดี']);
  });
});

describe('dmc.not-in-roster', () => {
  it('on the DMC row, naming the student, with the three ways out', () => {
    const r = run([], [boy({ prefix: ' เด็กชาย ', first: 'สมชาย ', last: '' })]);
    expect(r.dmcFindings.map(where)).toEqual(['dmc.not-in-roster warning DMC!C3']);
    const f = r.dmcFindings[0]!;
    expect(f).toMatchObject({ field: 'cid', row: 3, value: ID(1), column: 'เลขประจำตัวนักเรียน' });
    expect(f.message.th.startsWith('เด็กชาย สมชาย ไม่มีในแผ่นงานของโรงเรียน')).toBe(true);
    expect(f.message.en).toContain('dispose them in DMC');
    expect(f.message.en).toContain('menu 3.1.8');
    expect(f.message.en).toContain('counting someone it does not teach');
  });

  it('names the row when DMC gives no name', () => {
    const r = run([], [boy({ prefix: '', first: '', last: '' })]);
    expect(r.dmcFindings[0]!.message.en.startsWith('DMC แถว 3 is not in')).toBe(true);
  });

  it('names the candidates with their sheets when the roster has several, at most five and how many more', () => {
    const near = (n: number) => boy({ cid: ID(10 + n), first: 'ก่องภพ', dob: '05/01/2557', last: `ใจดี` });
    // Seven roster rows one tone mark from the DMC row: too many to choose from.
    const sheets = [
      { name: 'ม.1', values: sheetOf([near(1), near(2), near(3)]) },
      { name: 'ม.2', values: sheetOf([near(4), near(5), near(6), near(7)]) },
    ];
    const r = reconcile({ sheets }, download([boy({ first: 'ก้องภพ' })]), {}, END);
    const f = r.dmcFindings.find((x) => x.rule === 'dmc.not-in-roster')!;
    expect(f.message.en).toContain(
      'close to roster row 2 (sheet "ม.1"), 3 (sheet "ม.1"), 4 (sheet "ม.1"), 2 (sheet "ม.2"), 3 (sheet "ม.2") (+2), but not paired',
    );
    expect(f.message.th).toContain(
      'ใกล้เคียงกับ แผ่นงานแถว 2 (แผ่นงาน "ม.1"), 3 (แผ่นงาน "ม.1"), 4 (แผ่นงาน "ม.1"), 2 (แผ่นงาน "ม.2"), 3 (แผ่นงาน "ม.2") (+2) แต่',
    );
    expect(r.summary.ambiguous).toBe(7);
    const g = r.rosterFindings.find((x) => x.sheet === 'ม.2' && x.row === 3)!;
    expect(g.message.en).toContain('(close to DMC row 3, but not paired');
    expect(g.message.th).toContain('(ใกล้เคียงกับ DMC แถว 3 แต่');
  });

  it('names the candidates without sheet names when the roster has one sheet', () => {
    const r = run(
      [boy({ first: 'ก่องภพ', cid: ID(5) }), boy({ first: 'ก๊องภพ', cid: ID(6) })],
      [boy({ first: 'ก้องภพ' })],
    );
    expect(r.dmcFindings[0]!.message.en).toContain('(close to roster row 2, 3, but not paired');
  });
});

describe('dmc.id-differs', () => {
  it('pairs by name and birth date, says so, and fills the form with both IDs', () => {
    const r = run([boy({ cid: ID(2) })], [boy()]);
    expect(r.matches).toEqual([{ rosterSheet: 'ป.6', rosterRow: 2, dmcRow: 3, kind: 'name-dob' }]);
    expect(r.rosterFindings.map(where)).toEqual(['dmc.id-differs error ป.6!A2']);
    const f = r.rosterFindings[0]!;
    expect(f.message.en).toContain(`Matches DMC row 3 (same name and date of birth)`);
    expect(f.message.en).toContain(`DMC ${formatCid(ID(1))}, roster «${formatCid(ID(2))}»`);
    expect(f.message.en).toContain("send the correction form (DMC's ID as old, the roster's as new)");
    expect(f.message.th).toContain(MATCH_REASON['name-dob'].th);
    expect(r.idDiffers).toEqual([
      {
        rosterSheet: 'ป.6',
        rosterRow: 2,
        dmcRow: 3,
        dmcId: ID(1),
        rosterId: ID(2),
        rosterValid: true,
        student: {
          schoolCode: '10100001',
          grade: 'ป.6',
          room: '1',
          sid: '10001',
          prefix: 'เด็กชาย',
          firstName: 'สมชาย',
          lastName: 'ใจดี',
          dob: '05/01/2557',
        },
      },
    ]);
    expect(r.summary.idDiffers).toBe(1);
    expect(r.summary.matched).toEqual({ id: 0, nameDob: 1, fuzzy: 0 });
  });

  it('says which slip a fuzzy pair allowed', () => {
    const cases: Array<[Kid, keyof typeof MATCH_REASON]> = [
      [{ first: 'สมชาย', last: 'ใจดิ' }, 'vowel'],
      [{ first: 'ก่องภพ' }, 'tone-mark'],
      [{ first: 'ภูมิพัฒน' }, 'thanthakhat'],
      [{ first: 'สมชยา' }, 'swapped'],
      [{ dob: '01/05/2557' }, 'day-month-swapped'],
      [{ dob: '06/01/2557' }, 'one-digit'],
    ];
    for (const [change, why] of cases) {
      const dmcKid = boy(why === 'tone-mark' ? { first: 'ก้องภพ' } : why === 'thanthakhat' ? { first: 'ภูมิพัฒน์' } : {});
      const r = run([boy({ cid: ID(2), ...change })], [dmcKid]);
      expect(r.matches, why).toEqual([{ rosterSheet: 'ป.6', rosterRow: 2, dmcRow: 3, kind: 'fuzzy', reason: why }]);
      const f = r.rosterFindings.find((x) => x.rule === 'dmc.id-differs')!;
      expect(f.message.en, why).toContain(`(${MATCH_REASON[why].en})`);
      expect(f.message.th, why).toContain(`(${MATCH_REASON[why].th})`);
      expect(r.summary.matched.fuzzy).toBe(1);
    }
  });

  it.each([
    ['a wrong check digit', BAD_CHECK(ID(2)), 'check digit does not match'],
    ['a G-code', 'G123456789012', 'a G-code, not a citizen ID'],
    ['no ID', '', 'empty'],
    ['too few digits', '12345', 'not 13 digits'],
  ])('with %s on the roster: says the roster is wrong and leaves the new ID empty', (_, bad, reason) => {
    const r = run([boy({ cid: bad })], [boy()]);
    const f = r.rosterFindings.find((x) => x.rule === 'dmc.id-differs')!;
    expect(f.cell).toBe('A2');
    expect(f.message.en).toContain(`the roster's own ID is invalid (${reason})`);
    expect(f.message.en).toContain(`roster «${bad}»`.replace('«»', '«—»'));
    expect(r.idDiffers[0]).toMatchObject({ rosterValid: false, rosterId: bad, dmcId: ID(1) });
    const [row] = reconcileCorrectionRows(r, { schoolCode: '', schoolName: 'โรงเรียนบ้านตัวอย่าง' });
    expect(row!.values.newCid).toBe('');
    expect(row!.values.oldCid).toBe(ID(1));
    expect(row!.values.note).toContain('ไม่ถูกต้อง');
  });

  it('takes DMC’s own invalid ID as written', () => {
    const r = run([boy({ cid: ID(2) })], [boy({ cid: BAD_CHECK(ID(1)) })]);
    expect(r.idDiffers[0]).toMatchObject({ dmcId: BAD_CHECK(ID(1)), rosterValid: true, rosterId: ID(2) });
    expect(r.rosterFindings[0]!.message.en).toContain(`DMC ${BAD_CHECK(ID(1))}, roster`);
  });

  it('is reported with DMC’s ID empty when DMC lists the student without one', () => {
    const r = run([boy()], [boy({ cid: '' })]);
    expect(r.rosterFindings.map(where)).toEqual(['dmc.id-differs error ป.6!A2']);
    expect(r.idDiffers[0]).toMatchObject({ dmcId: '', rosterId: ID(1), rosterValid: true });
  });

  it('is not reported for the same ID written differently, nor for a pair made by ID', () => {
    const r = run([boy({ cid: formatCid(BAD_CHECK(ID(1))) })], [boy({ cid: BAD_CHECK(ID(1)) })]);
    expect(r.matches[0]!.kind).toBe('name-dob');
    expect(all(r)).toEqual([]);
    expect(r.idDiffers).toEqual([]);
  });
});

describe('reconcileCorrectionRows', () => {
  it('one row per differing ID: DMC’s as old, the roster’s as new, the student as DMC holds them', () => {
    const r = run([boy({ cid: ID(2), first: 'สมชยา', room: '3' })], [boy({ room: '2', grade: 'ประถมศึกษาปีที่ 6' })]);
    expect(reconcileCorrectionRows(r, { schoolCode: '', schoolName: 'โรงเรียนบ้านตัวอย่าง' })).toEqual([
      {
        sheet: 'ป.6',
        sourceRow: 2,
        values: {
          no: '',
          schoolCode: '10100001',
          schoolName: 'โรงเรียนบ้านตัวอย่าง',
          grade: 'ป.6',
          room: '2',
          sid: '10001',
          prefix: 'เด็กชาย',
          firstName: 'สมชาย',
          lastName: 'ใจดี',
          dob: '05/01/2557',
          oldCid: ID(1),
          newCid: ID(2),
          reason: RECONCILE_REASON,
          evidence: 'สำเนาบัตรประจำตัวประชาชน',
          note: '',
        },
      },
    ]);
    expect(RECONCILE_REASON).toBe('ตรวจกับบัตรประชาชน');
    // The school's code from the settings wins over DMC's.
    expect(reconcileCorrectionRows(r, { schoolCode: '99999999', schoolName: '' })[0]!.values.schoolCode).toBe(
      '99999999',
    );
  });
});

describe('dmc.field-differs', () => {
  const FIELDS: Array<[string, Kid, Kid, string, string, string]> = [
    ['prefix', { prefix: 'นาย' }, {}, 'B2', 'นาย', 'เด็กชาย'],
    ['firstName', { first: 'ธนากร' }, {}, 'C2', 'ธนากร', 'สมชาย'],
    ['lastName', { last: 'มีสุข' }, {}, 'D2', 'มีสุข', 'ใจดี'],
    ['gender', { gender: 'หญิง' }, {}, 'E2', 'หญิง', 'ช'],
    ['dob', { dob: '05/02/2556' }, {}, 'F2', '05/02/2556', '05/01/2557'],
    ['grade', { grade: 'ป.4' }, {}, 'G2', 'ป.4', 'ป.6'],
    ['room', { room: '2' }, {}, 'H2', '2', '1'],
  ];
  it.each(FIELDS)('%s: one finding on the roster cell with both values', (field, mine, theirs, cell, a, b) => {
    const r = run([boy(mine)], [boy(theirs)]);
    expect(r.rosterFindings.map((f) => `${where(f)} ${f.field}`)).toEqual([
      `dmc.field-differs warning ป.6!${cell} ${field}`,
    ]);
    const f = r.rosterFindings[0]!;
    expect(f.message.en).toContain(`is «${a}» in the roster but «${b}» in DMC (DMC row 3)`);
    expect(f.message.th).toContain(`ในแผ่นงาน «${a}» แต่ใน DMC «${b}» (DMC แถว 3)`);
    expect(r.summary.differingFields).toBe(1);
    expect(r.summary.byField).toEqual({ [field]: 1 });
    expect(r.summary.bySeverity.warning).toBe(1);
  });

  it('every differing field, in the order of the row, after the ID', () => {
    const r = run(
      [boy({ cid: ID(2), prefix: 'นาย', gender: 'หญิง', grade: 'ป.5', room: '3', dob: '06/01/2557' })],
      [boy()],
    );
    expect(r.rosterFindings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'dmc.id-differs A2',
      'dmc.field-differs B2',
      'dmc.field-differs E2',
      'dmc.field-differs F2',
      'dmc.field-differs G2',
      'dmc.field-differs H2',
    ]);
    expect(r.summary.byField).toEqual({ prefix: 1, gender: 1, dob: 1, grade: 1, room: 1 });
    expect(r.summary.differingFields).toBe(5);
  });

  it('compares nothing a side leaves blank or cannot read', () => {
    const r = run(
      [boy({ prefix: '', gender: 'ไม่ทราบ', grade: 'ชั้นพิเศษ', room: '' })],
      [boy({ gender: 'ช', grade: 'ป.6' })],
    );
    expect(r.rosterFindings).toEqual([]);
  });

  it('takes the room from the grade when a side has no room column, and shows it', () => {
    const cols = COLS.filter((c) => c !== 'room');
    const same = run([boy({ grade: 'ป.6/1' })], [boy()], END, cols);
    expect(same.rosterFindings).toEqual([]);
    const other = run([boy({ grade: 'ป.6/2' })], [boy()], END, cols);
    expect(other.rosterFindings.map((f) => `${f.field} ${f.cell}`)).toEqual(['room G2']);
    expect(other.rosterFindings[0]!.message.en).toContain('is «2» in the roster but «1» in DMC');
  });

  it('takes a room from one side’s column and the other’s grade as the same room', () => {
    expect(run([boy({ room: '2' })], [boy({ room: '', grade: 'ป.6/2' })]).rosterFindings).toEqual([]);
    expect(run([boy({ room: '', grade: 'ป.6/2' })], [boy({ room: '2' })]).rosterFindings).toEqual([]);
  });

  it('shows DMC’s room from its grade when its room cell is blank', () => {
    const r = run([boy({ room: '3' })], [boy({ room: '', grade: 'ป.6/2' })]);
    expect(r.rosterFindings.map((f) => f.message.en)).toEqual([
      expect.stringContaining('is «3» in the roster but «2» in DMC'),
    ]);
  });
});

describe('dmc.grade-advanced', () => {
  it('in the end-of-year round, a grade one above DMC’s: an error telling not to promote by hand', () => {
    const r = run([boy({ grade: 'ม.1' })], [boy({ grade: 'ป.6' })]);
    expect(r.rosterFindings.map(where)).toEqual(['dmc.grade-advanced error ป.6!G2']);
    const f = r.rosterFindings[0]!;
    expect(f.field).toBe('grade');
    expect(f.message.en).toContain("Grade «ม.1» in the roster is one above DMC's (ป.6, DMC row 3)");
    expect(f.message.en).toContain('keep ป.6');
    expect(r.summary.gradeAdvanced).toBe(1);
    expect(r.summary.differingFields).toBe(0);
    expect(r.summary.byField).toEqual({});
  });

  it('leaves the other differences of a promoted student as they are', () => {
    const r = run([boy({ grade: 'ม.1', room: '2' })], [boy({ grade: 'ป.6' })]);
    expect(r.rosterFindings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'dmc.grade-advanced G2',
      'dmc.field-differs H2',
    ]);
  });

  it('a plain difference in another round, or when the grade is two above or below', () => {
    const mid = run([boy({ grade: 'ม.1' })], [boy({ grade: 'ป.6' })], MID);
    expect(mid.summary.endOfYear).toBe(false);
    expect(mid.rosterFindings.map((f) => f.rule)).toEqual(['dmc.field-differs']);
    for (const grade of ['ม.2', 'ป.5']) {
      const r = run([boy({ grade })], [boy({ grade: 'ป.6' })]);
      expect(
        r.rosterFindings.map((f) => f.rule),
        grade,
      ).toEqual(['dmc.field-differs']);
    }
  });
});

describe('dmc.duplicate-in-dmc', () => {
  it('on each copy, naming the other rows; an unmatched copy is not also missing from the roster', () => {
    const other = boy({ first: 'มานี', prefix: 'เด็กหญิง', gender: 'หญิง', dob: '06/02/2557' });
    const r = run([boy()], [boy(), boy({ cid: ID(9), first: 'ปิติ', dob: '09/09/2556' }), other, boy()]);
    expect(r.dmcFindings.map(where)).toEqual([
      'dmc.duplicate-in-dmc error DMC!C3',
      'dmc.not-in-roster warning DMC!C4',
      'dmc.duplicate-in-dmc error DMC!C5',
      'dmc.duplicate-in-dmc error DMC!C6',
    ]);
    expect(r.dmcFindings[0]!.message.en).toContain('repeats on DMC row 5, 6 —');
    expect(r.dmcFindings[2]!.message.th).toContain('ซ้ำกับ DMC แถว 3, 6 —');
    expect(r.dmcFindings[3]!.message.en).toContain('DMC row 3, 5 —');
    expect(r.summary.duplicatesInDmc).toBe(3);
    expect(r.summary.notInRoster).toBe(1);
    expect(r.summary.byRule).toEqual({ 'dmc.duplicate-in-dmc': 3, 'dmc.not-in-roster': 1 });
  });
});

describe('order of the findings', () => {
  it('roster findings by sheet, row, then column (B before AA); DMC findings by row', () => {
    const wide = [...COLS];
    const sheetA = sheetOf(
      [boy({ cid: ID(3), first: 'มานี', dob: '01/01/2556' }), boy({ gender: 'หญิง', room: '2' })],
      wide,
    );
    const sheetB = sheetOf([boy({ cid: ID(4), first: 'ปิติ', dob: '02/02/2556', grade: 'ป.5' })], wide);
    const r = reconcile(
      {
        sheets: [
          { name: 'ข', values: sheetB },
          { name: 'ก', values: sheetA },
        ],
      },
      download([boy({ cid: ID(4), first: 'ปิติ', dob: '02/02/2556' }), boy(), boy({ cid: ID(8), first: 'ชูใจ' })]),
      {},
      END,
    );
    expect(r.rosterFindings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      'ข!G2 dmc.field-differs',
      'ก!A2 dmc.not-in-dmc',
      'ก!E3 dmc.field-differs',
      'ก!H3 dmc.field-differs',
    ]);
    expect(r.dmcFindings.map((f) => f.row)).toEqual([5]);
  });

  it('a column past Z sorts after the single letters', () => {
    const pad = Array.from({ length: 26 }, (_, i) => `หมายเหตุ${i}`);
    const values = [
      [...pad, ...COLS.map((c) => ROSTER_HEAD[c])],
      [...pad.map(() => ''), ...COLS.map((c) => boy({ gender: 'หญิง', room: '2', cid: ID(2) })[c] ?? '')],
    ];
    const r = reconcile({ sheets: [{ name: 'ป.6', values }] }, download([boy()]), {}, END);
    expect(r.rosterFindings.map((f) => f.cell)).toEqual(['AA2', 'AE2', 'AH2']);
  });
});

describe('the summary', () => {
  it('counts exam takers by grade and gender on each side, the gender from the prefix when there is none', () => {
    const cols: Array<keyof Kid> = [...COLS, 'exam'];
    const roster = [
      boy({ exam: 'สอบ' }),
      boy({ cid: ID(2), first: 'มานี', prefix: 'เด็กหญิง', gender: 'หญิง', exam: 'สอบ' }),
      boy({ cid: ID(3), first: 'ปิติ', gender: '', exam: 'สอบ', grade: 'ป.5' }),
      boy({ cid: ID(4), first: 'ชูใจ', exam: 'ไม่สอบ' }),
      boy({ cid: ID(5), first: 'วีระ', status: 'ย้ายออก', exam: 'สอบ' }),
      boy({ cid: ID(6), first: 'ดวงใจ', grade: 'ชั้นพิเศษ', exam: 'สอบ' }),
    ];
    const r = run(roster, [], END, cols);
    expect(r.summary.examTakers.roster).toEqual({
      basis: 'exam',
      byGrade: [
        { grade: 'ป.5', male: 0, female: 0, unknown: 1, total: 1 },
        { grade: 'ป.6', male: 1, female: 1, unknown: 0, total: 2 },
      ],
      total: { grade: '', male: 1, female: 1, unknown: 1, total: 3 },
    });
    // DMC has no exam column: every present student counts.
    const dmc = run([], roster).summary.examTakers.dmc;
    expect(dmc.basis).toBe('present');
    expect(dmc.total).toEqual({ grade: '', male: 3, female: 1, unknown: 1, total: 5 });
    // Without a gender column, the prefix says it.
    const noGender = run(
      roster,
      [],
      END,
      cols.filter((c) => c !== 'gender'),
    ).summary.examTakers.roster;
    expect(noGender.total).toEqual({ grade: '', male: 2, female: 1, unknown: 0, total: 3 });
  });

  it('an exam basis only when every roster sheet has an exam column', () => {
    const withExam = sheetOf([boy({ exam: 'สอบ' })], [...COLS, 'exam']);
    const without = sheetOf([boy({ cid: ID(2), first: 'มานี' })]);
    const r = reconcile(
      {
        sheets: [
          { name: 'ก', values: withExam },
          { name: 'ข', values: without },
        ],
      },
      download([]),
      {},
      END,
    );
    expect(r.summary.examTakers.roster.basis).toBe('present');
    expect(reconcile({ sheets: [] }, download([]), {}, END).summary.examTakers.roster.basis).toBe('present');
  });

  it('ambiguous counts each roster student left without a partner once', () => {
    const r = run(
      [boy({ cid: ID(2), first: 'ก้องภพ' })],
      [boy({ first: 'ก่องภพ' }), boy({ cid: ID(3), first: 'ก๊องภพ' })],
    );
    expect(r.summary.ambiguous).toBe(1);
    expect(r.summary.notInDmc).toBe(1);
    expect(r.summary.notInRoster).toBe(2);
    expect(r.summary.bySeverity).toEqual({ error: 1, warning: 2, info: 0 });
  });
});

describe('the round', () => {
  const at = (stamp: Cell, settings = {}) =>
    reconcile(school([boy({ grade: 'ม.1' })]), download([boy()], stamp), settings).summary.endOfYear;

  it('follows the round in the file name first', () => {
    const early = download([boy()], 'วันและเวลาที่สร้างรายงาน 15/06/2568');
    expect(reconcile(school([boy()]), early, {}, END).summary.endOfYear).toBe(true);
    expect(
      reconcile(school([boy()]), download([boy()]), {}, { dmcSource: '2568-1-student.xlsx' }).summary.endOfYear,
    ).toBe(false);
    expect(reconcile({ source: '2568-3-student.xlsx', sheets: school([boy()]).sheets }, early).summary.endOfYear).toBe(
      true,
    );
  });

  it('else the download’s date: from 1 March (the year-end round opens), or 31 March when it opens later', () => {
    expect(at('วันและเวลาที่สร้างรายงาน 01/03/2569')).toBe(true);
    expect(at('วันและเวลาที่สร้างรายงาน 28/02/2569')).toBe(false);
    expect(at('วันและเวลาที่สร้างรายงาน : ๑๕/๐๖/๒๕๖๘')).toBe(false);
    expect(at('วันและเวลาที่สร้างรายงาน 30/04/2569')).toBe(true);
    expect(at('วันและเวลาที่สร้างรายงาน 15/05/2569')).toBe(true);
    expect(at('วันและเวลาที่สร้างรายงาน 16/05/2569')).toBe(false); // a new academic year
    expect(at('วันและเวลาที่สร้างรายงาน 30/03/2569', { yearEndOpens: '04-15' })).toBe(false);
    expect(at('วันและเวลาที่สร้างรายงาน 31/03/2569', { yearEndOpens: '04-15' })).toBe(true);
    expect(at('วันและเวลาที่สร้างรายงาน 10/03/2569', { yearEndOpens: '03-15' })).toBe(false);
  });

  it('else the check date', () => {
    const noStamp = (asOf: string, more = {}) =>
      reconcile(school([boy()]), download([boy()], 'ข้อมูลนักเรียน'), { asOf, ...more }).summary.endOfYear;
    expect(noStamp('2026-03-01')).toBe(true);
    expect(noStamp('2026-02-28')).toBe(false);
    expect(noStamp('2026-03-20', { yearEndOpens: '04-15' })).toBe(false);
    expect(noStamp('2026-03-31', { yearEndOpens: '04-15' })).toBe(true);
    expect(noStamp('2026-03-20', { yearEndOpens: '04-15', examEnd: '2026-03-10' })).toBe(true);
  });

  it('reads the download’s date only from its first three rows, and only from text', () => {
    const late = download([boy()], 'ข้อมูลนักเรียน');
    late.values.splice(2, 0, [], ['วันและเวลาที่สร้างรายงาน 15/03/2569']);
    expect(reconcile(school([boy()]), late, { asOf: '2025-08-01' }).summary.endOfYear).toBe(false);
    const third = download([boy()], 'ข้อมูลนักเรียน');
    third.values.splice(1, 0, [5, 'วันและเวลาที่สร้างรายงาน 15/03/2569']);
    expect(reconcile(school([boy()]), third, { asOf: '2025-08-01' }).summary.endOfYear).toBe(true);
  });
});

describe('which sheets are compared', () => {
  it('skips the download itself and any other DMC download in the workbook, and can be limited to one sheet', () => {
    const dmc = download([boy()]);
    const other = download([boy({ cid: ID(7) })], STAMP, 'DMC เก่า');
    const roster = {
      sheets: [
        { name: 'ป.6', values: sheetOf([boy()]) },
        dmc,
        other,
        { name: 'ป.5', values: sheetOf([boy({ cid: ID(2), first: 'มานี' })]) },
      ],
    };
    const r = reconcile(roster, dmc, {}, END);
    expect(r.summary.rosterStudents).toBe(2);
    expect(r.rosterFindings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(['ป.5!A2 dmc.not-in-dmc']);
    const one = reconcile(roster, dmc, {}, { ...END, sheet: 'ป.6' });
    expect(one.summary.rosterStudents).toBe(1);
    expect(one.rosterFindings).toEqual([]);
  });

  it('says in Thai and English when the download cannot be read, and nothing more', () => {
    const r = reconcile(school([boy()]), { name: 'DMC', values: [[STAMP], ['x']] }, {}, END);
    expect(r.summary.notes).toEqual([
      {
        th: expect.stringContaining('อ่านข้อมูล DMC ไม่ได้'),
        en: expect.stringContaining('The DMC download could not be read'),
      },
    ]);
    expect(r.rosterFindings.map(where)).toEqual(['dmc.not-in-dmc error ป.6!A2']);
  });

  it('says so when no roster sheet has a header, and reports every DMC row', () => {
    const r = reconcile({ sheets: [{ name: 'คำชี้แจง', values: [['อ่านก่อน']] }] }, download([boy()]), {}, END);
    expect(r.summary.notes.map((n) => n.en)).toEqual([
      'No roster sheet with a header row: nothing to compare with DMC',
    ]);
    expect(r.summary.notes[0]!.th).toContain('ไม่พบแผ่นงานรายชื่อนักเรียน');
    expect(r.dmcFindings.map((f) => f.rule)).toEqual(['dmc.not-in-roster']);
  });

  it('takes sheets already analysed, for both sides, and the named one only', () => {
    const a = analyseSheet(0, 'ป.6', sheetOf([boy()]))!;
    const b = analyseSheet(1, 'ป.5', sheetOf([boy({ cid: ID(2), first: 'มานี' })]))!;
    const d = download([boy()]);
    const dmc = analyseSheet(0, 'DMC', d.values)!;
    expect(all(reconcile([a, b], dmc, {}, END)).map((f) => `${f.sheet}!${f.cell}`)).toEqual(['ป.5!A2']);
    expect(all(reconcile([a, b], dmc, {}, { ...END, sheet: 'ป.6' }))).toEqual([]);
    expect(reconcile([a], d, {}, END).summary.matched.id).toBe(1);
  });

  it('finds the header on the row the settings name', () => {
    // A decoy above naming as many fields in another order: only the setting tells the header apart.
    const decoy = ['ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'เพศ', 'วันเกิด', 'ชั้น', 'ห้อง', 'คำนำหน้าชื่อ', 'สถานะ'];
    const values = [['โรงเรียนบ้านตัวอย่าง'], decoy, ...sheetOf([boy()])];
    const r = reconcile({ sheets: [{ name: 'ป.6', values }] }, download([boy()]), { headerRow: 3 }, END);
    expect(r.summary.rosterStudents).toBe(1);
    expect(r.summary.matched.id).toBe(1);
  });

  it('notes a side without names or birth dates only when both sides could be read', () => {
    const NAME_ONLY =
      'The roster or the download has no name or date-of-birth column: students are matched by citizen ID only';
    const noDob = COLS.filter((c) => c !== 'dob');
    expect(run([boy()], [boy()], END, noDob).summary.notes.map((n) => n.en)).toEqual([NAME_ONLY]);
    expect(run([boy()], [boy()], END, noDob).summary.notes[0]!.th).toContain('จับคู่ได้ด้วยเลขประจำตัวประชาชนเท่านั้น');
    const noFirst = COLS.filter((c) => c !== 'first');
    expect(run([boy()], [boy()], END, noFirst).summary.notes.map((n) => n.en)).toEqual([NAME_ONLY]);
    const dmcNoDob = download([boy()]);
    for (const row of dmcNoDob.values.slice(1)) row.splice(10, 1);
    expect(reconcile(school([boy()]), dmcNoDob, {}, END).summary.notes.map((n) => n.en)).toEqual([NAME_ONLY]);
    const dmcNoName = download([boy()]);
    for (const row of dmcNoName.values.slice(1)) row.splice(8, 1);
    expect(reconcile(school([boy()]), dmcNoName, {}, END).summary.notes.map((n) => n.en)).toEqual([NAME_ONLY]);
    expect(run([boy()], [boy()]).summary.notes).toEqual([]);
    // One roster sheet with names and birth dates is enough.
    const two = {
      sheets: [school([boy()], noDob).sheets[0]!, { name: 'ป.5', values: sheetOf([boy({ cid: ID(2) })]) }],
    };
    expect(reconcile(two, download([boy()]), {}, END).summary.notes).toEqual([]);
  });

  it('states the dates it used: the file name’s year and round, else the download’s date, else the roster’s title', () => {
    expect(run([boy()], [boy()]).summary.dates).toMatchObject({
      academicYear: 2568,
      academicYearFrom: 'file-name',
      round: 3,
    });
    const stamped = reconcile(school([boy()]), download([boy()]));
    expect(stamped.summary.dates).toMatchObject({ academicYear: 2568, academicYearFrom: 'dmc-timestamp', round: null });
    const titled = { sheets: [{ name: 'ป.6', values: [['รายชื่อนักเรียน ปีการศึกษา 2566'], ...sheetOf([boy()])] }] };
    const r = reconcile(titled, download([boy()], 'ข้อมูลนักเรียน'));
    expect(r.summary.dates).toMatchObject({ academicYear: 2566, academicYearFrom: 'title' });
  });
});
