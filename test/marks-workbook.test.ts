/**
 * Whole-workbook checking in the add-on (issue 9), through the built bundle: a per-class workbook as
 * getValues() returns it (numbers for IDs, Date objects), the "แผ่นงานที่ตรวจ" setting, marks and clear on
 * every sheet. (Service calls per sheet: marks-calls.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { MARK_COLOURS, MARK_HEADINGS } from '../src/core/marks';
import type { Value } from '../src/fakes/index';
import type { CheckData, Result } from '../src/server/index';
import { loadAddon, type Addon } from './support/gas';
import { cidOf, SETTINGS, wrongCheckDigit } from './support/rules';

const check = (addon: Addon) => addon.call<Result<CheckData>>('checkRoster');
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.en);
  return r.data;
};

/** One class sheet as Sheets gives it: the ID and student number as numbers, birth dates as Date cells. */
function classSheet(title: string, first: number, n: number, bad: Record<number, Partial<Record<string, Value>>> = {}) {
  const rows: Value[][] = [
    ['โรงเรียนบ้านตัวอย่าง'],
    [title],
    ['ที่', 'เลขประจำตัวนักเรียน', 'เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'วันเกิด', 'น้ำหนัก', 'ส่วนสูง'],
  ];
  for (let i = 0; i < n; i++) {
    const k = first + i;
    const girl = k % 2 === 1;
    const row: Record<string, Value> = {
      no: i + 1,
      sid: 30000 + k,
      cid: Number(cidOf(k)),
      prefix: girl ? 'ด.ญ.' : 'ด.ช.',
      first: girl ? 'สมหญิง' : 'สมชาย',
      last: `ใจดี${k}`,
      dob: new Date(2013, 5, 1 + (k % 28)),
      weight: 45,
      height: 155,
      ...bad[i],
    };
    rows.push([row.no!, row.sid!, row.cid!, row.prefix!, row.first!, row.last!, row.dob!, row.weight!, row.height!]);
  }
  return rows;
}

const SUMMARY: Value[][] = [
  ['สรุปจำนวนนักเรียน ปีการศึกษา 2569'],
  ['ห้อง', 'ชาย', 'หญิง', 'รวม'],
  ['ม.1-1', 2, 2, 4],
  ['ม.1-2', 2, 2, 4],
];

function perClassWorkbook(): Addon {
  const addon = loadAddon({
    สรุป: SUMMARY,
    'ม.1-1': classSheet('รายชื่อนักเรียนชั้น ม.1/1 ปีการศึกษา 2569', 1, 4, { 2: { weight: 0 } }),
    'ม.1-2': classSheet('รายชื่อนักเรียนชั้น ม.1/2 ปีการศึกษา 2569', 11, 4, {
      1: { cid: Number(wrongCheckDigit(cidOf(12))) },
    }),
  });
  ok(addon.call('saveSettings', SETTINGS));
  return addon;
}

function marked(addon: Addon, sheet: string): string[] {
  const p = addon.sheet(sheet).peek();
  const out: string[] = [];
  p.notes.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n.startsWith(MARK_HEADINGS.th)) out.push(`${String.fromCharCode(65 + j)}${i + 1}`);
    }),
  );
  return out;
}

describe('a per-class workbook on Sheets-typed values', () => {
  it('checks every class sheet, skips the summary, marks and lists each finding on its own sheet', () => {
    const addon = perClassWorkbook();
    const before = Object.fromEntries(['สรุป', 'ม.1-1', 'ม.1-2'].map((s) => [s, addon.sheet(s).peek()]));
    const data = ok(check(addon));
    expect(data.sheets).toEqual(['ม.1-1', 'ม.1-2']);
    expect(data.skipped.map((s) => s.sheet)).toEqual(['สรุป']);
    expect(data.dates.academicYear).toBe(2569);
    expect(data.summary.students).toBe(8);
    expect(data.bySheet.map((s) => [s.sheet, s.students])).toEqual([
      ['ม.1-1', 4],
      ['ม.1-2', 4],
    ]);
    expect(data.findings.every((f) => f.sheet === 'ม.1-1' || f.sheet === 'ม.1-2')).toBe(true);
    // The planted problems, on the right sheet and cell.
    const at = (rule: string) => data.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
    expect(at('cid.checksum')).toEqual(['ม.1-2!C5']);
    expect(at('weight.missing')).toEqual(['ม.1-1!H6']);
    // Marks on both class sheets, none on the summary.
    expect(marked(addon, 'ม.1-2')).toContain('C5');
    expect(marked(addon, 'ม.1-1')).toContain('H6');
    expect(marked(addon, 'สรุป')).toEqual([]);
    expect(addon.sheet('ม.1-2').peek().backgrounds[4]![2]).toBe(MARK_COLOURS.error);

    // The results sheet names the sheet of each finding and links to the cell on that sheet.
    const results = addon.sheet('ผลการตรวจ');
    const rows = results.peek().values;
    expect(String(rows[0]![0])).toContain('2 แผ่นงาน: ม.1-1, ม.1-2');
    expect(String(rows[3]![0])).toContain('สรุป');
    const i = rows.findIndex((r) => r[2] === 'cid.checksum');
    expect(rows[i]![0]).toBe('ม.1-2');
    expect(results.formulaAt(i + 1, 8)).toBe(`=HYPERLINK("#gid=${addon.sheet('ม.1-2').id}&range=C5","C5")`);
    // A finding's link opens its sheet.
    expect(addon.call('activateCell', 'ม.1-2', 'C5')).toEqual({ ok: true, data: 'C5' });

    // Clear takes every sheet's marks off.
    expect(addon.call('clearMarks')).toMatchObject({ ok: true });
    for (const s of ['สรุป', 'ม.1-1', 'ม.1-2']) expect(addon.sheet(s).peek()).toEqual(before[s]);
  });
});

describe('the "แผ่นงานที่ตรวจ" setting', () => {
  it("'open' checks the open sheet only; 'named' the one named; 'all' every roster sheet", () => {
    const addon = perClassWorkbook();
    addon.spreadsheet.setActiveSheet(addon.sheet('ม.1-2'));
    ok(addon.call('saveSettings', { ...SETTINGS, sheetScope: 'open' }));
    expect(ok(check(addon)).sheets).toEqual(['ม.1-2']);
    expect(marked(addon, 'ม.1-1')).toEqual([]);
    ok(addon.call('saveSettings', { ...SETTINGS, sheetScope: 'named', rosterSheet: 'ม.1-1' }));
    expect(ok(check(addon)).sheets).toEqual(['ม.1-1']);
    // Switching sheets takes the other sheet's marks off.
    expect(marked(addon, 'ม.1-2')).toEqual([]);
    expect(marked(addon, 'ม.1-1')).not.toEqual([]);
    ok(addon.call('saveSettings', { ...SETTINGS, sheetScope: 'all' }));
    expect(ok(check(addon)).sheets).toEqual(['ม.1-1', 'ม.1-2']);
  });

  it("'auto' with one roster sheet checks that one, whichever sheet is open", () => {
    const addon = loadAddon({ สรุป: SUMMARY, 'ม.1-1': classSheet('ชั้น ม.1/1', 1, 3) });
    ok(addon.call('saveSettings', SETTINGS));
    const data = ok(check(addon));
    expect(data.sheets).toEqual(['ม.1-1']);
    expect(data.findings.every((f) => f.sheet === 'ม.1-1')).toBe(true);
  });
});
