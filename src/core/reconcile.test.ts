/** The matcher on its own, recognising the download, and reconcile's edges. */
import { describe, expect, it } from 'vitest';
import { parseIso } from './dates';
import { isDmcDownload, isNextGrade, matchStudents, reconcile, type StudentKeys } from './reconcile';
import { withCheckDigit } from './thai-id';
import { parseGrade } from './vocab';
import { DMC_HEADERS } from '../../test/support/dmc-download';

const ID = (n: number) => withCheckDigit(`1101${String(n).padStart(8, '0')}`);
const kid = (id: string, first: string, last: string, dob: string): StudentKeys => ({
  id,
  first,
  last,
  dob: parseIso(dob),
});
const pairs = (m: ReturnType<typeof matchStudents>) =>
  Array.from(m.rosterMatch, (d, r) => (d < 0 ? null : [r, d, m.kind[r], m.reason[r] ?? null])).filter(Boolean);

describe('matchStudents', () => {
  it('pairs by ID first, whatever the names say', () => {
    const m = matchStudents([kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05')], [kid(ID(1), 'สมหญิง', 'มีสุข', '2013-02-06')]);
    expect(pairs(m)).toEqual([[0, 0, 'id', null]]);
  });

  it('then by the same name and date of birth, after Thai normalisation', () => {
    const m = matchStudents(
      [kid(ID(1), 'เเก้วตา', 'ใจดี', '2014-01-05'), kid('', 'สมชาย', 'มีสุข', '2014-03-07')],
      [kid(ID(2), 'แก้วตา', 'ใจดี', '2014-01-05'), kid(ID(3), 'สมชาย', 'มีสุข', '2014-03-07')],
    );
    expect(pairs(m)).toEqual([
      [0, 0, 'name-dob', null],
      [1, 1, 'name-dob', null],
    ]);
  });

  it('then by one slip, saying which', () => {
    const dmc = [
      kid(ID(11), 'ก้องภพ', 'ใจดี', '2014-01-05'),
      kid(ID(12), 'ณัฐวุฒิ', 'มีสุข', '2014-01-06'),
      kid(ID(13), 'ภูมิพัฒน์', 'ทองดี', '2014-01-07'),
      kid(ID(14), 'นพรุจ', 'บุญมา', '2014-01-08'),
      kid(ID(15), 'ชุติมา', 'แสงทอง', '2014-04-09'),
      kid(ID(16), 'ลลิตา', 'พูลผล', '2014-01-10'),
    ];
    const roster = [
      kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05'),
      kid(ID(2), 'ณัฐวุฒี', 'มีสุข', '2014-01-06'),
      kid(ID(3), 'ภูมิพัฒน', 'ทองดี', '2014-01-07'),
      kid(ID(4), 'พนรุจ', 'บุญมา', '2014-01-08'),
      kid(ID(5), 'ชุติมา', 'แสงทอง', '2014-09-04'),
      kid(ID(6), 'ลลิตา', 'พูลผล', '2014-01-11'),
    ];
    expect(pairs(matchStudents(roster, dmc))).toEqual([
      [0, 0, 'fuzzy', 'tone-mark'],
      [1, 1, 'fuzzy', 'vowel'],
      [2, 2, 'fuzzy', 'thanthakhat'],
      [3, 3, 'fuzzy', 'swapped'],
      [4, 4, 'fuzzy', 'day-month-swapped'],
      [5, 5, 'fuzzy', 'one-digit'],
    ]);
  });

  it('never pairs different people: similar names on other days, the same name years apart, one slip each side', () => {
    const m = matchStudents(
      [
        kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05'), // a tone slip, but born another day
        kid(ID(2), 'สมชาย', 'มีสุข', '2014-03-07'), // the same name, born two digits away
        kid(ID(3), 'ณัฐวุฒี', 'ทองดี', '2014-05-09'), // a name slip and a date slip together
        kid(ID(4), 'สมชาบ', 'บุญมา', '2014-06-10'), // one consonant: another name
      ],
      [
        kid(ID(11), 'ก้องภพ', 'ใจดี', '2014-02-15'),
        kid(ID(12), 'สมชาย', 'มีสุข', '2015-03-17'),
        kid(ID(13), 'ณัฐวุฒิ', 'ทองดี', '2014-05-08'),
        kid(ID(14), 'สมชาย', 'บุญมา', '2014-06-10'),
      ],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.size + m.dmcCandidates.size).toBe(0);
  });

  it('reports ambiguity instead of guessing: two candidates one slip away', () => {
    const m = matchStudents(
      [kid(ID(1), 'ก้องภพ', 'ใจดี', '2014-01-05')],
      [kid(ID(11), 'ก่องภพ', 'ใจดี', '2014-01-05'), kid(ID(12), 'ก้องภพ', 'ใจดิ', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.rosterCandidates.get(0)).toEqual([0, 1]);
    expect(m.dmcCandidates.get(0)).toEqual([0]);
    expect(m.dmcCandidates.get(1)).toEqual([0]);
  });

  it('reports ambiguity for two roster rows of one name and birth date, and no slip picks one of them', () => {
    const m = matchStudents(
      [kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(2), 'สมชาย', 'ใจดี', '2014-01-05')],
      [kid(ID(11), 'สมชาย', 'ใจดี', '2014-01-05'), kid(ID(12), 'สมชาย', 'ใจดี', '2014-05-01')],
    );
    expect(pairs(m)).toEqual([]);
    expect(m.dmcCandidates.get(0)).toEqual([0, 1]);
  });

  it('matches a DMC row to one roster row only: the exact record wins over a slip', () => {
    const m = matchStudents(
      [kid(ID(1), 'ก่องภพ', 'ใจดี', '2014-01-05'), kid(ID(2), 'ก้องภพ', 'ใจดี', '2014-01-05')],
      [kid(ID(11), 'ก้องภพ', 'ใจดี', '2014-01-05')],
    );
    expect(pairs(m)).toEqual([[1, 0, 'name-dob', null]]);
    expect(m.rosterMatch[0]).toBe(-1);
  });

  it.each([5, 80])('finds a birth-date slip among %i DMC students of the same name', (count) => {
    // Few namesakes are compared one by one; many, by looking up the days one slip away.
    const others = Array.from({ length: count }, (_, i) =>
      kid(
        ID(100 + i),
        'สมชาย',
        'ใจดี',
        `${1995 + (i % 9)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      ),
    );
    const slipped = kid(ID(99), 'สมชาย', 'ใจดี', '2014-01-06');
    const m = matchStudents([kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05')], [...others, slipped]);
    expect(pairs(m)).toEqual([[0, count, 'fuzzy', 'one-digit']]);
  });

  it('pairs one copy of an ID DMC holds twice and lists the duplicates', () => {
    const copy = kid(ID(1), 'สมชาย', 'ใจดี', '2014-01-05');
    const m = matchStudents([copy], [copy, { ...copy }]);
    expect(pairs(m)).toEqual([[0, 0, 'id', null]]);
    expect(m.dmcDuplicates).toEqual([[0, 1]]);
  });

  it('takes a G-code as an ID and an invalid ID as none', () => {
    const bad = ID(1).slice(0, 12) + String((Number(ID(1)[12]) + 1) % 10);
    const m = matchStudents(
      [kid('G123456789012', 'ก', 'ข', '2014-01-05'), kid(bad, 'ค', 'ง', '2014-01-06')],
      [kid('g123456789012', 'จ', 'ฉ', '2013-01-05'), kid(bad, 'ช', 'ซ', '2013-01-06')],
    );
    expect(pairs(m)).toEqual([[0, 0, 'id', null]]);
  });
});

const DMC_TOP = [['วันและเวลาที่สร้างรายงาน 15/03/2569 02:00:00'], DMC_HEADERS.slice(0, 11)];

describe('isDmcDownload', () => {
  it('knows the download by its timestamp line and header, re-saved by Excel too', () => {
    expect(isDmcDownload(DMC_TOP)).toBe(true);
    const resaved = [
      ['วันและเวลาที่สร้าง\u200bรายงาน : ๑๕/๐๓/๒๕๖๙'],
      DMC_TOP[1]!.map((h) => `${h.replace(/\u0e33/g, '\u0e4d\u0e32')}\u00a0`),
    ];
    expect(isDmcDownload(resaved)).toBe(true);
  });

  it('never takes a roster for the download', () => {
    expect(isDmcDownload([])).toBe(false);
    expect(isDmcDownload([['รายชื่อนักเรียน ปีการศึกษา 2568'], ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล']])).toBe(false);
    expect(isDmcDownload([DMC_TOP[1]!])).toBe(false); // the header without the timestamp line
    expect(isDmcDownload([DMC_TOP[0]!, ['ชื่อ', 'นามสกุล', 'ชั้น']])).toBe(false);
  });
});

describe('isNextGrade', () => {
  const g = (s: string) => parseGrade(s)!;
  it('follows a school’s grades, including ป.6 → ม.1 and ม.3 → ปวช.1', () => {
    expect(isNextGrade(g('ป.5'), g('ป.6'))).toBe(true);
    expect(isNextGrade(g('อ.3'), g('ป.1'))).toBe(true);
    expect(isNextGrade(g('ป.6'), g('ม.1'))).toBe(true);
    expect(isNextGrade(g('ม.3'), g('ปวช.1'))).toBe(true);
    expect(isNextGrade(g('ม.6'), g('ปวช.1'))).toBe(false);
    expect(isNextGrade(g('ป.3'), g('ป.5'))).toBe(false);
    expect(isNextGrade(g('ป.4'), g('ป.4'))).toBe(false);
  });
});

describe('reconcile at its edges', () => {
  const roster = {
    sheets: [
      {
        name: 'ม.1',
        values: [
          ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'เพศ'],
          [ID(1), 'สมชาย', 'ใจดี', 'ชาย'],
          [ID(2), 'สมศรี', 'มีสุข', 'หญิง'],
        ],
      },
    ],
  };

  it('says so when the download has no header, and reports nothing', () => {
    const r = reconcile(roster, { name: 'DMC', values: [['วันและเวลาที่สร้างรายงาน 15/03/2569'], ['x']] });
    expect(r.summary.notes.map((n) => n.en)).toEqual([expect.stringContaining('could not be read')]);
    expect(r.dmcFindings).toEqual([]);
    // Every roster student is missing from an unreadable download: still said, never hidden.
    expect(r.rosterFindings.map((f) => f.rule)).toEqual(['dmc.not-in-dmc', 'dmc.not-in-dmc']);
  });

  it('matches by ID only without birth dates, and says so', () => {
    const dmc = {
      name: 'DMC',
      values: [
        ...DMC_TOP,
        ['10100001', 'ร.ร.', ID(1), 'ม.1', '1', '1', 'ช', 'เด็กชาย', 'สมชาย', 'ใจดี', '05/01/2557'],
        ['10100001', 'ร.ร.', ID(3), 'ม.1', '1', '2', 'ญ', 'เด็กหญิง', 'สมศรี', 'มีสุข', '06/01/2557'],
      ],
    };
    const r = reconcile(roster, dmc);
    expect(r.summary.notes.map((n) => n.en)).toEqual([expect.stringContaining('matched by citizen ID only')]);
    expect(r.matches).toEqual([{ rosterSheet: 'ม.1', rosterRow: 2, dmcRow: 3, kind: 'id' }]);
    const f = r.rosterFindings.find((x) => x.rule === 'dmc.not-in-dmc')!;
    // No exam column: a present student counts as an exam taker.
    expect(f).toMatchObject({ sheet: 'ม.1', cell: 'A3', severity: 'error', field: 'cid' });
    expect(r.dmcFindings.map((x) => `${x.rule} ${x.sheet}!${x.cell}`)).toEqual(['dmc.not-in-roster DMC!C4']);
    expect(r.dmcFindings[0]!.message.th).toContain('เด็กหญิง สมศรี มีสุข');
  });

  const dmcRow = (id: string, first: string, last: string, dob: string, grade = 'ม.1') => [
    '10100001',
    'ร.ร.',
    id,
    grade,
    '1',
    '1',
    'ช',
    'เด็กชาย',
    first,
    last,
    dob,
  ];

  it('names the candidates it would not choose between, on both sheets', () => {
    const school = {
      sheets: [
        {
          name: 'ม.1',
          values: [
            ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'วันเกิด'],
            [ID(1), 'ก้องภพ', 'ใจดี', '05/01/2557'],
          ],
        },
      ],
    };
    const dmc = {
      name: 'DMC',
      values: [...DMC_TOP, dmcRow(ID(11), 'ก่องภพ', 'ใจดี', '05/01/2557'), dmcRow(ID(12), 'ก้องภพ', 'ใจดิ', '05/01/2557')],
    };
    const r = reconcile(school, dmc);
    expect(r.matches).toEqual([]);
    expect(r.summary.ambiguous).toBe(1);
    expect(r.rosterFindings[0]!.message.th).toContain('ใกล้เคียงกับ DMC แถว 3, 4 แต่ไม่จับคู่ให้');
    expect(r.rosterFindings[0]!.message.en).toContain('close to DMC row 3, 4, but not paired');
    expect(r.dmcFindings.map((f) => f.message.en)).toEqual([
      expect.stringContaining('close to roster row 2'),
      expect.stringContaining('close to roster row 2'),
    ]);
  });

  it('points at the full-name cell of a roster that keeps names in one column, and at the birth date for a grade the sheet names', () => {
    const school = {
      sheets: [
        {
          name: 'ม.1',
          values: [
            ['เลขประจำตัวประชาชน', 'ชื่อ-นามสกุล', 'วันเกิด'],
            [ID(1), 'ด.ช. สมชาย ใจดี', '05/01/2557'],
          ],
        },
      ],
    };
    const dmc = { name: 'DMC', values: [...DMC_TOP, dmcRow(ID(1), 'สมชาย', 'ใจดา', '05/01/2557', 'ป.6')] };
    const r = reconcile(school, dmc, {}, { dmcSource: '2568-2-student.xlsx' });
    expect(r.rosterFindings.map((f) => `${f.rule} ${f.field} ${f.cell}`)).toEqual([
      'dmc.field-differs lastName B2',
      'dmc.field-differs grade C2',
    ]);
    const round3 = reconcile(school, dmc, {}, { dmcSource: '2568-3-student.xlsx' });
    expect(round3.rosterFindings.map((f) => `${f.rule} ${f.cell}`)).toContain('dmc.grade-advanced C2');
  });
});
