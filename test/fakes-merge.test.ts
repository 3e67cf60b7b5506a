/**
 * Merged cells in the fake SpreadsheetApp (issue 12): merge, mergeAcross, mergeVertically, breakApart,
 * isPartOfMerge and getMergedRanges as Apps Script has them, merges following inserted, deleted and
 * sorted rows and columns, and the merges of an opened xlsx loaded without counting a call.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, PARTIAL_MERGE, SORT_MERGE, type FakeSheet } from '../src/fakes/index';

let services: ReturnType<typeof createServices>;
let sheet: FakeSheet;
const a1s = (list: Array<{ getA1Notation(): string }>) => list.map((r) => r.getA1Notation());
/** The merges in A1 notation, read without counting. */
const merges = () =>
  sheet.peekMerges().map((m) => sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).getA1Notation());

beforeEach(() => {
  services = createServices();
  sheet = services.spreadsheet.loadFirst('นักเรียน', [
    ['รายชื่อนักเรียน ข้อมูล ณ วันที่ 10 มิ.ย. 2568', 'x', 'y', 'z'],
    ['ชั้น', 'ชื่อ', 'นามสกุล', 'เพศ'],
    ['ม.1', 'สมชาย', 'ใจดี', 'ชาย'],
    ['ม.1', 'สมหญิง', 'ใจงาม', 'หญิง'],
    ['ม.2', 'มานะ', 'อดทน', 'ชาย'],
  ]);
});

describe('merging as Apps Script does', () => {
  it('merge keeps only the top-left value; the merge is one range to isPartOfMerge and getMergedRanges', () => {
    const title = sheet.getRange('A1:D1');
    expect(title.isPartOfMerge()).toBe(false);
    expect(title.merge()).toBe(title);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['รายชื่อนักเรียน ข้อมูล ณ วันที่ 10 มิ.ย. 2568', '', '', '']]);
    expect(sheet.getRange('C1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A2:D9').isPartOfMerge()).toBe(false);
    // Any range touching the merge gets the whole merge back.
    expect(a1s(sheet.getRange('C1:C3').getMergedRanges())).toEqual(['A1:D1']);
    expect(sheet.getRange('B1').getMergedRanges()[0]!.getValue()).toBe('รายชื่อนักเรียน ข้อมูล ณ วันที่ 10 มิ.ย. 2568');
    expect(sheet.getRange('A2:D5').getMergedRanges()).toEqual([]);
  });

  it('counts one call per method, like every other fake method', () => {
    services.calls.reset();
    const r = sheet.getRange('A1:D1');
    r.merge();
    r.isPartOfMerge();
    r.getMergedRanges();
    r.breakApart();
    sheet.getRange('A3:B4').mergeAcross();
    sheet.getRange('A3:B4').breakApart();
    sheet.getRange('A3:A5').mergeVertically();
    expect(services.calls.snapshot()).toEqual({
      'Range.breakApart': 2,
      'Range.getMergedRanges': 1,
      'Range.isPartOfMerge': 1,
      'Range.merge': 1,
      'Range.mergeAcross': 1,
      'Range.mergeVertically': 1,
      'Sheet.getRange': 4,
    });
  });

  it('a merge or unmerge cutting through a merge throws Sheets’ error and changes nothing', () => {
    sheet.getRange('B3:C4').merge();
    const before = sheet.peek();
    for (const a1 of ['A3:B3', 'C4:D5', 'B2:B3', 'A1:B3'])
      expect(() => sheet.getRange(a1).merge(), a1).toThrow(PARTIAL_MERGE);
    expect(() => sheet.getRange('B3:B4').breakApart()).toThrow(PARTIAL_MERGE);
    expect(() => sheet.getRange('A3:D3').mergeAcross()).toThrow(PARTIAL_MERGE);
    expect(merges()).toEqual(['B3:C4']);
    expect(sheet.peek()).toEqual(before);
    // A range holding the whole merge: merging absorbs it, breaking apart removes it.
    sheet.getRange('A3:D4').merge();
    expect(merges()).toEqual(['A3:D4']);
    sheet.getRange('A1:D9').breakApart();
    expect(merges()).toEqual([]);
    expect(sheet.getRange('A3:D4').getValues()).toEqual([
      ['ม.1', '', '', ''],
      ['', '', '', ''],
    ]);
  });

  it('one cell is no merge; mergeAcross and mergeVertically merge each row or each column', () => {
    sheet.getRange('B2').merge();
    sheet.getRange('A3:A5').mergeAcross();
    expect(merges()).toEqual([]);
    sheet.getRange('B3:C5').mergeAcross();
    expect(merges()).toEqual(['B3:C3', 'B4:C4', 'B5:C5']);
    sheet.getRange('B3:C5').breakApart();
    sheet.getRange('A3:B5').mergeVertically();
    expect(merges()).toEqual(['A3:A5', 'B3:B5']);
    expect(sheet.getRange('A3:B5').getValues()).toEqual([
      ['ม.1', 'สมชาย'],
      ['', ''],
      ['', ''],
    ]);
  });

  it('what is written to a cell a merge covers is lost; the top-left cell takes writes', () => {
    sheet.getRange('A1:D1').merge();
    sheet.getRange('A1:D2').setValues([
      ['หัวเรื่องใหม่', 'b', 'c', 'd'],
      ['1', '2', '3', '4'],
    ]);
    sheet.getRange('C1').setValue('ไม่อยู่');
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['หัวเรื่องใหม่', '', '', ''],
      [1, 2, 3, 4],
    ]);
    // Formats and notes still go to every cell (the page shows the top-left one's).
    sheet.getRange('A1:B1').setBackgrounds([['#ffff00', '#ff0000']]);
    expect(sheet.getRange('B1').getBackground()).toBe('#ff0000');
  });
});

describe('merges follow the sheet’s rows and columns', () => {
  it('inserted rows or columns inside a merge widen it; after it they move it; deleting shrinks it', () => {
    sheet.getRange('A1:D1').merge();
    sheet.getRange('A3:A5').merge();
    sheet.insertRowsAfter(3, 2); // inside A3:A5
    expect(merges()).toEqual(['A1:D1', 'A3:A7']);
    sheet.insertRowsBefore(1, 1);
    expect(merges()).toEqual(['A2:D2', 'A4:A8']);
    sheet.insertColumnsAfter(2, 1);
    expect(merges()).toEqual(['A2:E2', 'A4:A8']);
    sheet.insertColumnsBefore(1, 2);
    expect(merges()).toEqual(['C2:G2', 'C4:C8']);
    sheet.deleteColumns(4, 4); // D:G, leaving C2 alone: no merge any more
    expect(merges()).toEqual(['C4:C8']);
    sheet.deleteRows(3, 3); // rows 3–5: C4:C5 go, C6:C8 close up to C3:C5
    expect(merges()).toEqual(['C3:C5']);
    sheet.deleteRows(2, 3); // all but the last row of the merge
    expect(merges()).toEqual([]);
  });

  it('a sort moves merges inside one row with their row and refuses to split a vertical merge', () => {
    sheet.getRange('B5:C5').merge(); // มานะ: row 5
    sheet.getRange(3, 1, 3, 4).sort({ column: 1, ascending: false });
    expect(sheet.getRange('A3:B3').getValues()).toEqual([['ม.2', 'มานะ']]);
    expect(merges()).toEqual(['B3:C3']);
    sheet.getRange('D3:D4').merge();
    const before = sheet.peek();
    expect(() => sheet.getRange(3, 1, 3, 4).sort(1)).toThrow(SORT_MERGE);
    expect(() => sheet.getRange(4, 1, 2, 4).sort(1)).toThrow(SORT_MERGE);
    expect(sheet.peek()).toEqual(before);
    expect(merges()).toEqual(['B3:C3', 'D3:D4']);
  });

  it('saved and restored states keep their own merges', () => {
    sheet.getRange('A1:D1').merge();
    const saved = services.spreadsheet.saveState();
    sheet.getRange('A1:D1').breakApart();
    services.spreadsheet.restoreState(saved);
    sheet = services.spreadsheet.allSheets()[0]!;
    expect(merges()).toEqual(['A1:D1']);
  });
});

describe('merges of an opened file', () => {
  it('load 0-based without a call, cut to the sheet, a huge one cheaply, overlaps dropped, values kept', () => {
    services.calls.reset();
    sheet.loadMerges([
      { row: 0, col: 0, rows: 1, cols: 16_384 }, // A1:XFD1 on a 26-column sheet
      { row: 0, col: 2, rows: 3, cols: 1 }, // overlaps the title: dropped
      { row: 2, col: 0, rows: 1_048_576, cols: 1 },
      { row: 4, col: 25, rows: 1, cols: 5 }, // Z5 alone once cut: no merge
      { row: -1, col: 0, rows: 2, cols: 2 },
    ]);
    expect(services.calls.total()).toBe(0);
    expect(sheet.peekMerges()).toEqual([
      { row: 0, col: 0, rows: 1, cols: 26 },
      { row: 2, col: 0, rows: 998, cols: 1 },
    ]);
    // The file's values stay as read: the command and the playground check the same cells.
    expect(sheet.peek().values[0]).toEqual(['รายชื่อนักเรียน ข้อมูล ณ วันที่ 10 มิ.ย. 2568', 'x', 'y', 'z']);
  });
});
