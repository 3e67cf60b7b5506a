/** Marks as pure data: self-describing notes, the saved store and its validation, rows found again. */
import { describe, expect, it } from 'vitest';
import {
  changedBlock,
  fingerprintColumns,
  isMarkNote,
  locateRows,
  MARK_COLOURS,
  parseStore,
  planMarks,
  serialiseStore,
  unmark,
  userNoteOf,
  type SheetGrid,
} from './marks';
import type { Cell, Finding } from './types';

const W = '#ffffff';
const finding = (cell: string, severity: Finding['severity'] = 'error', rule = 'x.rule'): Finding => ({
  rule,
  severity,
  field: null,
  row: null,
  column: null,
  cell,
  value: '',
  message: { th: `ผิด ${cell}`, en: `wrong ${cell}` },
});

/** A small roster: header and rows with distinct IDs and names. */
function sheet(rows = 5): SheetGrid {
  const values: Cell[][] = [['เลขประจำตัว', 'ชื่อ', 'เพศ']];
  for (let i = 1; i < rows; i++) values.push([`ID${i}`, `คนที่ ${i}`, i % 2 ? 'ชาย' : 'หญิง']);
  return {
    values,
    backgrounds: values.map((r, i) => r.map(() => (i % 2 ? '#efefef' : W))),
    notes: values.map((r) => r.map(() => '')),
  };
}

/** Moves rows of a grid (values, fills, notes together), as Sheets does. */
function reorder(g: SheetGrid, order: number[]): SheetGrid {
  return {
    values: order.map((i) => g.values[i]!.slice()),
    backgrounds: order.map((i) => g.backgrounds[i]!.slice()),
    notes: order.map((i) => g.notes[i]!.slice()),
  };
}

describe('self-describing marks', () => {
  it('recognises the heading in either language and keeps the user’s note after the separator', () => {
    const g = sheet();
    g.notes[1]![1] = 'โทรแล้ว';
    const plan = planMarks(g, null, [finding('B2'), finding('C3', 'info')], 'th', { id: 1, name: 's' });
    const note = plan.grid.notes[1]![1]!;
    expect(isMarkNote(note)).toBe(true);
    expect(note.startsWith('ตรวจข้อมูล DMC:\n')).toBe(true);
    expect(userNoteOf(note)).toBe('โทรแล้ว');
    expect(isMarkNote('DMC check:\n• x')).toBe(true);
    expect(isMarkNote('DMC checked by me')).toBe(false);
    expect(userNoteOf(`DMC check:\n• a\n— — —\nตรวจข้อมูล DMC:\n• b\n— — —\nของครู`)).toBe('ของครู');
    expect(plan.grid.backgrounds[2]![2]).toBe(MARK_COLOURS.info);
  });

  it('a message with a line break stays one line: the separator cannot be faked', () => {
    const f = { ...finding('A2'), message: { th: 'ก\n— — —\nข', en: 'x' } };
    const plan = planMarks(sheet(), null, [f], 'th', { id: 1, name: 's' });
    expect(userNoteOf(plan.grid.notes[1]![0]!)).toBe('');
  });

  it('without the store, every mark comes off: note kept, mark fill white, other fills untouched', () => {
    const g = sheet();
    g.notes[2]![0] = 'ของครู';
    const marked = planMarks(g, null, [finding('A3'), finding('B4', 'warning')], 'en', { id: 1, name: 's' }).grid;
    const u = unmark({ values: g.values, ...marked }, null);
    expect(u.count).toEqual({ fromStore: 0, fromMarks: 2, kept: 0, copied: 0 });
    expect(u.grid.notes).toEqual(g.notes);
    expect(u.grid.backgrounds[2]![0]).toBe(W);
    expect(u.grid.backgrounds[1]![1]).toBe('#efefef');
  });
});

describe('rows found again', () => {
  it('after the rows are sorted, marks go back exactly and nothing counts as changed by the user', () => {
    const g = sheet(8);
    const plan = planMarks(g, null, [finding('A3'), finding('B6', 'warning')], 'th', { id: 1, name: 's' });
    const marked = { values: g.values, ...plan.grid };
    const moved = reorder(marked, [0, 7, 6, 5, 4, 3, 2, 1]);
    const before = reorder(g, [0, 7, 6, 5, 4, 3, 2, 1]);
    expect(locateRows(plan.after, moved)).toEqual([6, 3]);
    const u = unmark(moved, plan.after);
    expect(u.count).toEqual({ fromStore: 2, fromMarks: 0, kept: 0, copied: 0 });
    expect(u.grid.backgrounds).toEqual(before.backgrounds);
    expect(u.grid.notes).toEqual(before.notes);
  });

  it('a row inserted below a mark took its fill: it gets the fill the mark replaced', () => {
    const g = sheet(5);
    const plan = planMarks(g, null, [finding('B3')], 'th', { id: 1, name: 's' });
    const m = { values: g.values, ...plan.grid };
    // Sheets copies row 3's formats (the mark fill, not the note) into the new row 4.
    const inserted: SheetGrid = {
      values: [...m.values.slice(0, 3), ['', '', ''], ...m.values.slice(3)],
      backgrounds: [...m.backgrounds.slice(0, 3), m.backgrounds[2]!.slice(), ...m.backgrounds.slice(3)],
      notes: [...m.notes.slice(0, 3), ['', '', ''], ...m.notes.slice(3)],
    };
    const u = unmark(inserted, plan.after);
    expect(u.count).toMatchObject({ fromStore: 1, copied: 1 });
    expect(u.grid.backgrounds[3]).toEqual(g.backgrounds[2]);
  });

  it('a user’s own fill in a mark colour next to a mark is never taken for a copied fill', () => {
    const g = sheet(5);
    g.backgrounds[3]![1] = MARK_COLOURS.error;
    const plan = planMarks(g, null, [finding('B3')], 'th', { id: 1, name: 's' });
    const u = unmark({ values: g.values, ...plan.grid }, plan.after);
    expect(u.grid.backgrounds).toEqual(g.backgrounds);
    expect(u.count.copied).toBe(0);
  });

  it('fingerprints use the columns that tell rows apart', () => {
    expect(fingerprintColumns(sheet(10).values)).toEqual([0, 1, 2]);
    expect(fingerprintColumns([['a'], ['a'], ['a']])).toEqual([]);
  });
});

describe('what is saved before and after the writes', () => {
  it('ahead holds every cell the write changes with the states it may be left in; after, the marks', () => {
    const g = sheet(5);
    const first = planMarks(g, null, [finding('A2'), finding('B3')], 'th', { id: 1, name: 's' });
    const physical = { values: g.values, ...first.grid };
    const second = planMarks(physical, first.after, [finding('B3'), finding('C4')], 'th', { id: 1, name: 's' });
    const cells = (s: typeof second.ahead) => s.rows.flatMap((r) => r.cells.map((c) => `${r.r},${c.c}`)).sort();
    expect(cells(second.ahead)).toEqual(['1,0', '2,1', '3,2']);
    expect(cells(second.after)).toEqual(['2,1', '3,2']);
    // Whatever part of the second write happened, clear from `ahead` gives the sheet back.
    const halfway = { values: g.values, backgrounds: second.grid.backgrounds, notes: physical.notes };
    const u = unmark(halfway, second.ahead);
    expect(u.grid.backgrounds).toEqual(g.backgrounds);
    expect(u.grid.notes).toEqual(g.notes);
    expect(changedBlock(physical, second.grid)).toEqual({ r0: 1, c0: 0, r1: 3, c1: 2 });
  });
});

describe('the store', () => {
  const store = () => {
    const g = sheet(5);
    return { seq: 3, sheets: [planMarks(g, null, [finding('A2')], 'th', { id: 7, name: 's' }).after] };
  };

  it('round-trips, and of two records the newest complete one holds', () => {
    const a = serialiseStore(store());
    const b = serialiseStore({ ...store(), seq: 4 });
    expect(parseStore(a)).toEqual({ store: store(), bad: 0, damaged: false });
    expect(parseStore([...a, ...b]).store?.seq).toBe(4);
    // A record cut short (its last chunk lost) does not count.
    expect(parseStore([...a, b[0]!]).store?.seq).toBe(3);
  });

  it('reads an edited or cut-short store as damaged, never throwing', () => {
    const a = serialiseStore(store());
    expect(parseStore([a[0]!, a[1]!.replace('"c":0', '"c":1')])).toEqual({ store: null, bad: 0, damaged: true });
    expect(parseStore(['hello', 42, null])).toEqual({ store: null, bad: 0, damaged: true });
    expect(parseStore(['', ''])).toEqual({ store: null, bad: 0, damaged: false });
  });

  it('skips and counts entries that fail validation (the first version’s store as well)', () => {
    const cells = [
      { r: 1, c: 0, bg: W, note: '', markBg: MARK_COLOURS.error, markNote: 'n' },
      { r: 1, c: 1, note: '', markBg: MARK_COLOURS.error },
      null,
      { r: 2, c: 0, bg: 'Invalid color', note: '', markBg: MARK_COLOURS.error },
      { r: -1, c: 0, bg: W, note: '', markBg: MARK_COLOURS.error },
      'x',
    ];
    const read = parseStore([JSON.stringify({ v: 1, sheetId: 5, sheetName: 's', cells })]);
    expect(read.bad).toBe(5);
    expect(read.store?.sheets[0]?.rows.map((r) => [r.r, r.cells.length])).toEqual([[1, 1]]);
  });
});
