/**
 * The inputs the golden test pins: every finding of these tables at three check dates must stay the
 * same through engine changes. A fuzzed roster draws each cell from pools of real-world values (valid,
 * misspelt, Thai digits, numbers, Date cells, blanks), so most paths of every rule are taken.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { SettingsInput } from '../../src/core/settings';
import type { Cell } from '../../src/core/types';
import type { WorkbookInput } from '../../src/core/validate';
import { withCheckDigit } from '../../src/core/thai-id';
import { rng, syntheticRoster, wrongCheckDigit, fakeCid } from './synthetic';

export const GOLDEN_DATES: Record<string, SettingsInput> = {
  'year-end-2569': { asOf: '2027-03-20', academicYear: 2569 },
  'term1-2569': { asOf: '2026-06-01' },
  'exam-end-2568': { asOf: '2025-11-01', academicYear: 2568, examEnd: '2026-03-15' },
};

const FUZZ_HEADER = [
  'เลขประจำตัวประชาชน',
  'เลขประจำตัวนักเรียน',
  'คำนำหน้าชื่อ',
  'ชื่อ',
  'นามสกุล',
  'เพศ',
  'วันเดือนปีเกิด',
  'ชั้น',
  'ห้อง',
  'น้ำหนัก',
  'ส่วนสูง',
  'สถานะ',
  'สอบปลายภาค',
  'วันที่เข้าเรียน',
  'วันที่ย้ายออก',
  'อายุ',
  'สัญชาติ',
  'เลขประจำตัวประชาชนบิดา',
  'เลขประจำตัวประชาชนมารดา',
];

function pools(rand: () => number): Array<() => Cell> {
  const pick =
    <T>(xs: readonly T[]) =>
    () =>
      xs[Math.floor(rand() * xs.length)]!;
  const id = () => fakeCid(rand);
  const cid = (): Cell => {
    const r = rand();
    const v = id();
    if (r < 0.6) return v;
    if (r < 0.65) return wrongCheckDigit(v);
    if (r < 0.68) return Number(v);
    if (r < 0.7) return v.slice(1);
    if (r < 0.72) return `'${v}`;
    if (r < 0.74) return '1.10370020703E+12';
    if (r < 0.76) return `9${v.slice(1)}`;
    if (r < 0.78) return 'G' + v.slice(1);
    if (r < 0.8) return 'G123';
    if (r < 0.82) return '';
    if (r < 0.84) return `${v.slice(0, 1)}-${v.slice(1, 5)}-${v.slice(5, 10)}-${v.slice(10, 12)}-${v.slice(12)}`;
    if (r < 0.86) return '1-2345';
    if (r < 0.88) return 'ABC';
    if (r < 0.9) return `0${v.slice(1, 3)}${v.slice(3)}`;
    if (r < 0.92) return Number(withCheckDigit(`0${v.slice(1, 12)}`));
    if (r < 0.94) return withCheckDigit(`199${v.slice(3, 12)}`);
    if (r < 0.96) return withCheckDigit(`6${v.slice(1, 12)}`);
    return v.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  };
  const day = () => String(1 + Math.floor(rand() * 31)).padStart(2, '0');
  const month = () => String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const dob = (): Cell => {
    const r = rand();
    const y = 2548 + Math.floor(rand() * 14);
    if (r < 0.5) return `${day()}/${month()}/${y}`;
    if (r < 0.6) return `${Number(day())}/${Number(month())}/${y - 543}`;
    if (r < 0.7) return new Date(y - 543, Number(month()) - 1, Number(day()));
    if (r < 0.75) return new Date(y, 2, 15);
    if (r < 0.8) return `15 มี.ค. ${String(y).slice(2)}`;
    if (r < 0.84) return `1 มกราคม ${y}`;
    if (r < 0.87) return '';
    if (r < 0.9) return '31/02/2555';
    if (r < 0.92) return '15/13/2555';
    if (r < 0.94) return 'ไม่ทราบ';
    if (r < 0.96) return `${day()}/${month()}/2580`;
    if (r < 0.97) return '01/01/2500';
    if (r < 0.98) return '01/01/2568';
    return `${y}-${month()}-${day()}`;
  };
  return [
    cid,
    pick(['10001', '10002', '10001', '', '๑๐๐๐๓', 10004, '10005.0', '0010006']),
    pick([
      'ด.ช.',
      'ด.ญ.',
      'เด็กชาย',
      'เด็กหญิง',
      'นาย',
      'นางสาว',
      'น.ส.',
      'นาง',
      'ดช',
      'Mr',
      'Miss',
      '',
      'คุณ',
      ' ด.ช.',
      'สามเณร',
    ]),
    pick([
      'สมชาย',
      'สมศรี',
      'เเพรวา',
      'กำพล',
      'ก\u0e4d\u0e32พล',
      'ด.ช.ธนา',
      'สม1',
      'John',
      'สมJohn',
      '',
      ' สมชาย',
      'สม  ชาย',
      'ธนากร',
      'ปวริศ',
      'ก่่อ',
    ]),
    pick(['ใจดี', 'มีสุข', 'บุญมา', '', 'ทองดี', 'ใจ@ดี', 'ใจดี ', 'Smith']),
    pick(['ชาย', 'หญิง', 'ช', 'ญ', 'M', 'F', 1, 2, '', 'X', 'male']),
    dob,
    pick([
      'ป.1',
      'ป.6',
      'ม.1',
      'ม.3',
      'ม.6',
      'อ.2',
      'ประถมศึกษาปีที่ 4',
      'P5',
      'ม.2/3',
      'ป.7',
      '',
      'Grade 8',
      'ปวช.1',
      'ม ๕',
    ]),
    pick([1, 2, '3', '', 'ก', 0, 100, 1.5, '๒']),
    pick([35, 40.5, '45', '', 0, '-', 4500, 160, '๓๕', 'หนัก', 7, 151, '45 กก.']),
    pick([140, 150, '', 0, '-', 1.45, 30, 35, 220, '๑๔๐', '140 ซม.']),
    pick(['ปกติ', '', 'ย้ายเข้า', 'ย้ายออก', 'จำหน่าย', 'ออกกลางคัน', 'จบการศึกษา', 'เพิ่ม', 'อื่นๆ', 'กำลังศึกษา']),
    pick(['สอบ', 'ไม่สอบ', '', 'Y', 'N', 'ขาดสอบ', '✓', 'maybe', true, false, 1, 0]),
    pick(['', '16/05/2568', '01/04/2569', '01/05/2570', 'abc', new Date(2026, 4, 1), '31/04/2569']),
    pick(['', '', '10/01/2569', 'xyz']),
    pick([11, '12', '', 'สิบ', 30, '๑๑']),
    pick(['ไทย', 'Thai', 'ลาว', '', 'สัญชาติไทย']),
    () => (rand() < 0.5 ? id() : rand() < 0.5 ? '' : rand() < 0.5 ? 'ไม่มี' : wrongCheckDigit(id())),
    () => (rand() < 0.7 ? '' : rand() < 0.5 ? id() : '123'),
  ];
}

/** A roster whose every cell is drawn from a pool of real-world values; some rows repeat others. */
export function fuzzRoster(n: number, seed: number): Cell[][] {
  const rand = rng(seed);
  const cols = pools(rand);
  const rows: Cell[][] = [['ทะเบียนนักเรียน ปีการศึกษา 2569'], [...FUZZ_HEADER]];
  for (let i = 0; i < n; i++) {
    if (i > 10 && rand() < 0.03) rows.push([...rows[2 + Math.floor(rand() * (i - 1))]!]);
    else if (rand() < 0.01) rows.push(FUZZ_HEADER.map(() => ''));
    else rows.push(cols.map((f) => f()));
  }
  return rows;
}

function csvRows(path: string): Cell[][] {
  const text = readFileSync(new URL(path, import.meta.url), 'utf8').replace(/^\ufeff/, '');
  return Papa.parse<string[]>(text.trimEnd(), {}).data;
}

/** Name → workbook. Kept small enough to check in seconds. */
export function goldenInputs(): Record<string, WorkbookInput> {
  const one = (values: Cell[][], name = '') => ({ sheets: [{ name, values }] });
  const fullName = fuzzRoster(400, 11).map((r, i) =>
    i < 1
      ? r
      : i === 1
        ? ['เลขประจำตัวประชาชน', 'ชื่อ-นามสกุล', 'วันเกิด', 'เพศ']
        : [r[0], `${r[2]} ${r[3]} ${r[4]}`, r[6], r[5]],
  );
  const noGrade = (title: string) =>
    fuzzRoster(150, title.length).map((r, i) => (i === 0 ? [title] : r.filter((_, c) => c !== 7)));
  return {
    examples: one(csvRows('../../examples/roster.csv'), 'roster'),
    'synthetic-2000': one(syntheticRoster(2000, { seed: 7, faultRate: 0.3 })),
    // The file `npm run bench` checks.
    'bench-100k': one(syntheticRoster(100_000, { seed: 3 })),
    'fuzz-3000': one(fuzzRoster(3000, 1)),
    'fuzz-3000-b': one(fuzzRoster(3000, 2)),
    'full-name': one(fullName),
    layouts: {
      sheets: [
        {
          name: 'a',
          values: [
            ['x', 'y'],
            [1, 2],
          ],
        },
        {
          name: 'b',
          values: [
            ['ชื่อ', 'นามสกุล', 'เพศ', 'สกุล', 'ชั้น'],
            ...fuzzRoster(60, 5)
              .slice(2)
              .map((r) => [r[3], r[4], r[5], r[4], r[7]]),
          ],
          damaged: [
            { row: 3, col: 1 },
            { row: 9, col: 0 },
          ],
        },
      ],
    },
    'no-header': one([['ไม่มีหัวตาราง'], ['a', 'b']]),
    'class-workbook': {
      source: 'ห้องเรียน.xlsx',
      sheets: [
        {
          name: 'สรุป',
          values: [
            ['ชั้น', 'จำนวน'],
            ['ม.1', 3],
          ],
        },
        { name: 'ม.1-1', values: noGrade('ชั้น ม.1/1') },
        { name: 'ม.2-1', values: noGrade('รายชื่อนักเรียน') },
        { name: 'ป.5', values: noGrade('ป.5') },
      ],
    },
  };
}
