/**
 * Pins the grade, room, weight and height rules through validate(): every growth band at both edges, the
 * unit thresholds, what is only missing, and which advice each message gives in both languages (issue 15).
 * Check date 20 March 2027.
 */
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../thai-id';
import { validate, validateWorkbook } from '../validate';
import type { Cell, Finding } from '../types';
import { band, swapped } from './school';

const SETTINGS = { asOf: '2027-03-20', academicYear: 2569 };
type Row = { dob?: Cell; grade?: Cell; room?: Cell; weight?: Cell; height?: Cell; status?: Cell };
const ALL = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด', 'ชั้น', 'ห้อง', 'น้ำหนัก', 'ส่วนสูง', 'สถานะ'];

function table(rows: Row[], columns = ALL): Cell[][] {
  const cell = (r: Row, i: number, h: string): Cell => {
    switch (h) {
      case 'เลขประจำตัวประชาชน':
        return withCheckDigit(`11037${String(1e7 + i).slice(1)}`);
      case 'ชื่อ':
        return 'สมชาย';
      case 'นามสกุล':
        return `ใจดี${i}`;
      case 'วันเดือนปีเกิด':
        return r.dob ?? '15/03/2558';
      case 'ชั้น':
        return r.grade ?? 'ป.6';
      case 'ห้อง':
        return r.room ?? 1;
      case 'น้ำหนัก':
        return r.weight ?? 35;
      case 'ส่วนสูง':
        return r.height ?? 140;
      case 'สถานะ':
        return r.status ?? 'ปกติ';
      default:
        return '';
    }
  };
  return [columns, ...rows.map((r, i) => columns.map((h) => cell(r, i, h)))];
}
const run = (rows: Row[], columns = ALL): Finding[] => validate(table(rows, columns), SETTINGS).findings;
const fires = (row: Row, rule: string, columns = ALL) => run([row], columns).filter((f) => f.rule === rule);

/** The growth reference of the rules, by age: [min kg, max kg, min cm, max cm]. */
const BANDS: Array<[number, number, number, number, number]> = [
  [2, 8, 20, 75, 100],
  [3, 9, 25, 82, 110],
  [4, 10, 30, 88, 118],
  [5, 11, 35, 94, 125],
  [6, 13, 42, 100, 132],
  [7, 14, 50, 105, 138],
  [8, 16, 60, 110, 145],
  [9, 17, 70, 114, 150],
  [10, 18, 80, 118, 156],
  [11, 20, 90, 122, 163],
  [12, 22, 100, 127, 170],
  [13, 25, 110, 132, 178],
  [14, 28, 120, 136, 185],
  [15, 30, 130, 140, 190],
  [16, 32, 140, 142, 195],
  [17, 33, 150, 143, 200],
  [18, 34, 150, 143, 210],
  [20, 34, 150, 143, 210],
  [25, 34, 150, 143, 210],
];
/** Born on the check date's day: exactly `age` on 20 March 2027. */
const bornAged = (age: number) => `20/03/${2570 - age}`;

describe('growth bands: every edge of every age', () => {
  // One roster holds every case; each row's findings are looked up by its row.
  const cases: Array<{ age: number; what: string; row: Row; rule: string; fires: boolean }> = [];
  for (const [age, wLo, wHi, hLo, hHi] of BANDS) {
    const dob = bornAged(age);
    // Weight cases use a tall height and height cases a light weight, so nothing looks swapped.
    const w = (weight: number) => ({ dob, weight, height: hHi });
    const h = (height: number) => ({ dob, weight: wLo, height });
    cases.push(
      { age, what: `weight ${wLo}`, row: w(wLo), rule: 'weight.range', fires: false },
      { age, what: `weight ${wLo - 0.1}`, row: w(wLo - 0.1), rule: 'weight.range', fires: true },
      { age, what: `weight ${wHi}`, row: w(wHi), rule: 'weight.range', fires: false },
      { age, what: `weight ${wHi + 0.1}`, row: w(wHi + 0.1), rule: 'weight.range', fires: true },
      { age, what: `height ${hLo}`, row: h(hLo), rule: 'height.range', fires: false },
      { age, what: `height ${hLo - 0.1}`, row: h(hLo - 0.1), rule: 'height.range', fires: true },
      { age, what: `height ${hHi}`, row: h(hHi), rule: 'height.range', fires: false },
      { age, what: `height ${hHi + 0.1}`, row: h(hHi + 0.1), rule: 'height.range', fires: true },
    );
  }
  const found = run(cases.map((c) => c.row));
  it.each(cases.map((c, i) => [c.age, c.what, c.rule, c.fires, i] as const))(
    'age %i, %s: %s fires %s',
    (age, _what, rule, yes, i) => {
      const f = found.filter((x) => x.rule === rule && x.row === i + 2);
      expect(f.length).toBe(yes ? 1 : 0);
      // Inside 8–150 kg / 60–210 cm the message names the age; outside, the absolute range.
      if (yes) {
        const value = Number(f[0]!.value);
        const absolute = rule === 'weight.range' ? value < 8 || value > 150 : value < 60 || value > 210;
        if (absolute) expect(f[0]!.message.en).toMatch(/is outside (8–150 kg|60–210 cm)/);
        else expect(f[0]!.message.en).toContain(`is implausible at age ${age}`);
      }
    },
  );
});

describe('weight.range and height.range without an age', () => {
  const NO_DOB = ALL.filter((h) => h !== 'วันเดือนปีเกิด');
  it.each([
    [8, false],
    [7.9, true],
    [150, false],
    [150.1, true],
    [1000, true],
  ])('weight %d: fires %s, with the absolute advice', (weight, yes) => {
    const f = fires({ weight, height: 200 }, 'weight.range', NO_DOB);
    expect(f.length).toBe(yes ? 1 : 0);
    if (yes) {
      expect(f[0]!.message.en).toBe(`Weight ${weight} kg is outside 8–150 kg — re-weigh or check the typing`);
      expect(f[0]!.message.th).toContain('อยู่นอกช่วง 8–150 กก.');
    }
  });
  it.each([
    [60, false],
    [59.9, true],
    [210, false],
    [210.1, true],
    [2.6, true],
    [0.4, true],
  ])('height %d: fires %s', (height, yes) => {
    const f = fires({ weight: 9, height }, 'height.range', NO_DOB);
    expect(f.length).toBe(yes ? 1 : 0);
    if (yes) expect(f[0]!.message.en).toContain('is outside 60–210 cm');
  });
  it('an age outside 2–25 has no band: only the absolute range counts', () => {
    expect(fires({ dob: bornAged(26), weight: 9, height: 200 }, 'weight.range')).toEqual([]);
    expect(fires({ dob: bornAged(1), weight: 60, height: 200 }, 'weight.range')).toEqual([]);
    expect(fires({ dob: bornAged(26), weight: 9, height: 61 }, 'height.range')).toEqual([]);
  });
});

describe('units', () => {
  it.each([
    [1000, 'weight.range'],
    [1000.1, 'weight.unit'],
    [25500, 'weight.unit'],
  ])('weight %d → %s only', (weight, rule) => {
    const rules = run([{ weight, height: 200 }])
      .filter((f) => f.rule.startsWith('weight.'))
      .map((f) => f.rule);
    expect(rules).toEqual([rule]);
  });
  it('weight.unit advises kilograms', () => {
    const f = fires({ weight: 25500 }, 'weight.unit');
    expect(f[0]!.message.en).toBe('Weight «25500» looks like grams — enter kilograms (e.g. 25.5)');
  });
  it.each([
    [0.49, 'height.range'],
    [0.5, 'height.unit'],
    [1.35, 'height.unit'],
    [2.5, 'height.unit'],
    [2.51, 'height.range'],
  ])('height %d → %s only', (height, rule) => {
    const rules = run([{ weight: 9, height }])
      .filter((f) => f.rule.startsWith('height.'))
      .map((f) => f.rule);
    expect(rules).toEqual([rule]);
  });
  it('height.unit advises centimetres', () => {
    expect(fires({ height: 1.35 }, 'height.unit')[0]!.message.en).toBe(
      'Height «1.35» looks like metres — enter centimetres (e.g. 135)',
    );
  });
});

describe('body.swapped', () => {
  it('fires at the weight cell when weight and height fit only swapped, and silences the range rules', () => {
    const found = run([{ weight: 140, height: 35 }]);
    expect(found.filter((f) => f.rule === 'body.swapped').map((f) => f.cell)).toEqual(['G2']);
    expect(found.find((f) => f.rule === 'body.swapped')!.message.en).toBe(
      'Weight 140 and height 35 look swapped — check and swap them',
    );
    expect(found.filter((f) => f.rule.endsWith('.range'))).toEqual([]);
  });
  it.each([
    [35, 140],
    [140, 140],
    [200, 151],
    [211, 100],
    [140, 0],
    [0, 35],
  ])('weight %d, height %d: not swapped', (weight, height) => {
    expect(fires({ weight, height }, 'body.swapped')).toEqual([]);
  });
  it.each([
    [150, 149],
    [60, 8],
    [210, 150],
  ])('weight %d, height %d: swapped', (weight, height) => {
    expect(fires({ weight, height }, 'body.swapped')).toHaveLength(1);
  });
});

describe('weight.missing and height.missing', () => {
  it.each([0, '0', '-', '', ' '] as Cell[])('%j is not recorded', (v) => {
    const w = fires({ weight: v }, 'weight.missing');
    expect(w.map((f) => f.cell)).toEqual(['G2']);
    expect(w[0]!.message.en).toBe('No weight — weigh and enter kilograms');
    const h = fires({ height: v }, 'height.missing');
    expect(h.map((f) => f.cell)).toEqual(['H2']);
    expect(h[0]!.message.en).toBe('No height — measure and enter centimetres');
  });
  it('a value that is no number is named', () => {
    expect(fires({ weight: 'สามสิบ' }, 'weight.missing')[0]!.message.en).toBe(
      'Weight «สามสิบ» is not a number — weigh and enter kilograms',
    );
    expect(fires({ height: 'abc' }, 'height.missing')[0]!.message.th).toContain('ส่วนสูง «abc» ไม่ใช่ตัวเลข');
  });
  it.each(['45 กก.', '45kg', '๔๕', '45,5', ' 45 '])('%j is a weight', (weight) =>
    expect(run([{ weight }]).filter((f) => f.rule.startsWith('weight.'))).toEqual([]),
  );
  it.each(['ย้ายออก', 'จำหน่าย', 'ออกกลางคัน', 'จบ'])('not for a student who left (%s)', (status) => {
    expect(fires({ weight: 0, status }, 'weight.missing')).toEqual([]);
    expect(fires({ height: '-', status }, 'height.missing')).toEqual([]);
  });
  it('for a student who joined', () =>
    expect(fires({ weight: 0, status: 'ย้ายเข้า' }, 'weight.missing')).toHaveLength(1));
});

describe('room.invalid', () => {
  it.each([
    [1, false],
    [99, false],
    ['๒', false],
    [' 3 ', false],
    ['', false],
    [0, true],
    [100, true],
    ['1.5', true],
    ['A', true],
    ['-1', true],
  ] as Array<[Cell, boolean]>)('room %j: fires %s', (room, yes) => {
    const f = fires({ room }, 'room.invalid');
    expect(f.length).toBe(yes ? 1 : 0);
    if (yes) expect(f[0]!.message.en).toContain(`Room «${room}» is not a number 1–99`);
  });
});

describe('grade.missing and grade.invalid', () => {
  it('grade.missing', () => expect(fires({ grade: '' }, 'grade.missing').map((f) => f.cell)).toEqual(['E2']));
  it.each(['ป.7', 'ม.0', 'ปวส.1', 'ชั้น 3'])('%j is invalid', (grade) => {
    const f = fires({ grade }, 'grade.invalid');
    expect(f[0]!.message.en).toContain(`Unknown grade «${grade}»`);
  });
  it.each(['ปวช.1', 'Grade 12', 'K1', 'ป.3/1'])('%j is valid', (grade) =>
    expect(fires({ grade }, 'grade.invalid')).toEqual([]),
  );
});

describe('grade.top-empty', () => {
  const top = (grades: string[], status = 'ปกติ') =>
    run(grades.map((grade) => ({ grade, status }))).filter((f) => f.rule === 'grade.top-empty');
  it.each([
    [['ป.4', 'ป.5'], 'ป.6', 'ป.5'],
    [['ม.1', 'ม.2'], 'ม.3', 'ม.2'],
    [['ม.4', 'ม.5'], 'ม.6', 'ม.5'],
  ])('%j: warns that %s is empty', (grades, missing, below) => {
    const f = top(grades);
    expect(f).toHaveLength(1);
    expect(f[0]!.cell).toBeNull();
    expect(f[0]!.message.en).toContain(`students in ${below} but none in ${missing}`);
  });
  it('once per missing grade', () => {
    expect(top(['ป.5', 'ม.2', 'ม.5']).map((f) => f.message.en.match(/none in (\S+)/)![1])).toEqual([
      'ป.6',
      'ม.3',
      'ม.6',
    ]);
  });
  it.each([[['ป.5']], [['ป.5', 'ป.6']], [['ม.2', 'ม.3']], [['ม.5', 'ม.6', 'ม.4']], [['ป.1', 'ป.2']]])(
    '%j: quiet',
    (grades) => expect(top(grades)).toEqual([]),
  );
  it('counts present students only', () => {
    const found = run([{ grade: 'ป.5' }, { grade: 'ป.4' }, { grade: 'ป.6', status: 'ย้ายออก' }]).filter(
      (f) => f.rule === 'grade.top-empty',
    );
    expect(found).toHaveLength(1);
    const onlyLeft = run([
      { grade: 'ป.5', status: 'ย้ายออก' },
      { grade: 'ป.4', status: 'ย้ายออก' },
    ]);
    expect(onlyLeft.filter((f) => f.rule === 'grade.top-empty')).toEqual([]);
  });
  it('is judged over every sheet of a workbook', () => {
    const cols = ALL;
    const book = validateWorkbook(
      {
        sheets: [
          { name: 'ป.5', values: table([{ grade: 'ป.5' }], cols) },
          { name: 'ป.6', values: table([{ grade: 'ป.6' }], cols) },
        ],
      },
      SETTINGS,
    );
    expect(book.reports.flatMap((r) => r.findings).filter((f) => f.rule === 'grade.top-empty')).toEqual([]);
  });
});

describe('band: the growth reference fixes check against', () => {
  it.each([null, -1, 0, 1, 26, 40])('age %j has no band', (age) => expect(band(age)).toBeNull());
  it.each([
    [2, [8, 20, 75, 100]],
    [6, [13, 42, 100, 132]],
    [10, [18, 80, 118, 156]],
    [17, [33, 150, 143, 200]],
    [18, [34, 150, 143, 210]],
    [25, [34, 150, 143, 210]],
  ])('age %i: %j', (age, b) => expect(band(age)).toEqual(b));
});

describe('swapped: weight and height that fit only the other way round', () => {
  it.each([
    [140, 35, true],
    [150, 149, true],
    [35, 140, false],
    [140, 7.9, false],
    [211, 100, false],
    [209, 151, false],
  ])('weight %d, height %d: %s', (w, h, yes) => expect(swapped(w, h)).toBe(yes));
});

describe('a value that is not recorded or not a number is only missing', () => {
  const OTHERS = /^(weight|height)\.(range|unit)$|^body\.swapped$/;
  it.each([0, '-', '', 'สามสิบ', 'abc'] as Cell[])('weight %j', (weight) => {
    const found = run([{ weight }]).filter((f) => f.field === 'weight' || f.rule === 'body.swapped');
    expect(found.map((f) => f.rule)).toEqual(['weight.missing']);
    expect(found.filter((f) => OTHERS.test(f.rule))).toEqual([]);
  });
  it.each([0, '-', '', 'สามสิบ', 'abc'] as Cell[])('height %j', (height) => {
    const found = run([{ height }]).filter((f) => f.field === 'height' || f.rule === 'body.swapped');
    expect(found.map((f) => f.rule)).toEqual(['height.missing']);
  });
});

describe('missing-measure messages in Thai and English', () => {
  it('weight', () => {
    expect(fires({ weight: '' }, 'weight.missing')[0]!.message.th).toBe('ไม่มีน้ำหนัก — ชั่งและกรอกเป็นกิโลกรัม');
    expect(fires({ weight: 'สามสิบ' }, 'weight.missing')[0]!.message.th).toBe(
      'น้ำหนัก «สามสิบ» ไม่ใช่ตัวเลข — ชั่งและกรอกเป็นกิโลกรัม',
    );
  });
  it('height', () => {
    expect(fires({ height: '' }, 'height.missing')[0]!.message.th).toBe('ไม่มีส่วนสูง — วัดและกรอกเป็นเซนติเมตร');
    expect(fires({ height: 'abc' }, 'height.missing')[0]!.message.en).toBe(
      'Height «abc» is not a number — measure and enter centimetres',
    );
  });
});

describe('range messages name the measure as read, with its unit dropped', () => {
  const NO_DOB = ALL.filter((h) => h !== 'วันเดือนปีเกิด');
  it('weight', () => {
    const f = fires({ weight: '7 กก.', height: 200 }, 'weight.range', NO_DOB)[0]!;
    expect(f.message.en).toBe('Weight 7 kg is outside 8–150 kg — re-weigh or check the typing');
    expect(f.message.th).toBe('น้ำหนัก 7 กก. อยู่นอกช่วง 8–150 กก. — ชั่งใหม่หรือตรวจการพิมพ์');
  });
  it('height', () => {
    const f = fires({ weight: 9, height: '59 ซม.' }, 'height.range', NO_DOB)[0]!;
    expect(f.message.en).toBe('Height 59 cm is outside 60–210 cm — re-measure or check the typing');
    expect(f.message.th).toBe('ส่วนสูง 59 ซม. อยู่นอกช่วง 60–210 ซม. — วัดใหม่หรือตรวจการพิมพ์');
  });
  it('by age, in Thai', () => {
    const w = fires({ dob: bornAged(10), weight: 17, height: 156 }, 'weight.range')[0]!;
    expect(w.message.th).toBe('น้ำหนัก 17 กก. ไม่น่าเป็นไปได้สำหรับอายุ 10 ปี — ชั่งใหม่หรือตรวจการพิมพ์');
    const h = fires({ dob: bornAged(10), weight: 18, height: 117 }, 'height.range')[0]!;
    expect(h.message.th).toBe('ส่วนสูง 117 ซม. ไม่น่าเป็นไปได้สำหรับอายุ 10 ปี — วัดใหม่หรือตรวจการพิมพ์');
  });
});

describe('a sheet without grade, room, weight and height columns', () => {
  it('gets no finding about them', () => {
    const columns = ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'วันเดือนปีเกิด', 'สถานะ'];
    const found = run([{}, {}], columns);
    expect(found.filter((f) => /^(grade|room|weight|height|body)\./.test(f.rule))).toEqual([]);
  });
});

describe('each rule marks its own cell, with its severity', () => {
  // Columns: E grade, F room, G weight, H height. Errors must be fixed before confirming; warnings are advice.
  it.each([
    ['grade.missing', { grade: '' }, 'E2', 'error'],
    ['grade.invalid', { grade: 'ป.7' }, 'E2', 'error'],
    ['room.invalid', { room: 0 }, 'F2', 'warning'],
    ['weight.missing', { weight: '' }, 'G2', 'error'],
    ['height.missing', { height: '-' }, 'H2', 'error'],
    ['weight.range', { weight: 5, height: 200 }, 'G2', 'warning'],
    ['height.range', { weight: 35, height: 250 }, 'H2', 'warning'],
    ['weight.unit', { weight: 35000 }, 'G2', 'warning'],
    ['height.unit', { height: 1.4 }, 'H2', 'warning'],
    ['body.swapped', { weight: 140, height: 35 }, 'G2', 'warning'],
  ] as Array<[string, Row, string, string]>)('%s: %j at %s, %s', (rule, row, cell, severity) => {
    const f = fires(row, rule);
    const field = { E: 'grade', F: 'room', G: 'weight', H: 'height' }[cell[0] as 'E' | 'F' | 'G' | 'H'];
    expect(f.map((x) => [x.cell, x.field, x.severity])).toEqual([[cell, field, severity]]);
  });
  it('grade.top-empty is a warning about the whole roster', () => {
    const f = run([{ grade: 'ป.4' }, { grade: 'ป.5' }]).filter((x) => x.rule === 'grade.top-empty');
    expect(f.map((x) => [x.cell, x.row, x.field, x.severity])).toEqual([[null, null, null, 'warning']]);
  });
});
