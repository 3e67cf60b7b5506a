/** Pins how findings mark cells: the worst severity picks the colour, and marking then clearing is the identity (issue 15). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCounts,
  applyMarks,
  cellIndex,
  changedBlock,
  countMarks,
  fingerprintColumns,
  hash,
  isMarkColour,
  isMarkNote,
  locateRows,
  MARK_COLOURS,
  NO_CLEAR,
  parseStore,
  planMarks,
  rowParts,
  serialiseStore,
  storedExtent,
  unmark,
  userNoteOf,
  type Grid,
  type SheetGrid,
  type StoredCell,
  type StoredSheet,
} from './marks';
import type { Cell, Finding, Severity } from './types';

function finding(cell: string | null, severity: Severity, rule = `r.${severity}`): Finding {
  return {
    rule,
    severity,
    field: null,
    row: null,
    column: null,
    cell,
    value: '',
    message: { th: `ข้อความ ${rule}`, en: `message ${rule}` },
  };
}

function grid(rows: number, cols: number, bg = '#ffffff', note = ''): Grid {
  return {
    backgrounds: Array.from({ length: rows }, () => Array.from({ length: cols }, () => bg)),
    notes: Array.from({ length: rows }, () => Array.from({ length: cols }, () => note)),
  };
}

describe('applyMarks: the worst severity decides the colour', () => {
  it.each([
    [['error'], 'error'],
    [['warning'], 'warning'],
    [['info'], 'info'],
    [['info', 'warning'], 'warning'],
    [['warning', 'info'], 'warning'],
    [['info', 'error'], 'error'],
    [['warning', 'error', 'info'], 'error'],
    [['info', 'info', 'warning', 'info'], 'warning'],
    [['error', 'warning'], 'error'],
  ] as Array<[Severity[], Severity]>)('%j → %s', (severities, worst) => {
    const { grid: out, saved } = applyMarks(
      grid(3, 3),
      severities.map((s, i) => finding('B2', s, `rule.${i}`)),
      'en',
    );
    expect(out.backgrounds[1]![1]).toBe(MARK_COLOURS[worst]);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ r: 1, c: 1, bg: '#ffffff', note: '', markBg: MARK_COLOURS[worst] });
  });
  it('uses three distinct light fills', () => {
    expect(new Set(Object.values(MARK_COLOURS)).size).toBe(3);
    for (const c of Object.values(MARK_COLOURS)) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('applyMarks: the note', () => {
  it('lists every finding of the cell, errors first, each with its rule, under a heading', () => {
    const { grid: out } = applyMarks(
      grid(2, 2),
      [finding('A1', 'info', 'i.rule'), finding('A1', 'error', 'e.rule'), finding('A1', 'warning', 'w.rule')],
      'en',
    );
    expect(out.notes[0]![0]).toBe(
      'DMC check:\n• message e.rule [e.rule]\n• message w.rule [w.rule]\n• message i.rule [i.rule]',
    );
  });
  it('speaks the language asked for', () => {
    const { grid: out } = applyMarks(grid(1, 1), [finding('A1', 'error', 'e.rule')], 'th');
    expect(out.notes[0]![0]).toBe('ตรวจข้อมูล DMC:\n• ข้อความ e.rule [e.rule]');
  });
  it('keeps the note the cell had, below a separator', () => {
    const g = grid(1, 1, '#00ff00', 'my note');
    const { grid: out, saved } = applyMarks(g, [finding('A1', 'warning', 'w.rule')], 'en');
    expect(out.notes[0]![0]).toBe('DMC check:\n• message w.rule [w.rule]\n— — —\nmy note');
    expect(saved[0]).toMatchObject({ bg: '#00ff00', note: 'my note', markNote: out.notes[0]![0] });
  });
});

describe('applyMarks: which cells', () => {
  it('marks each cell once, leaves the others and the input grid alone', () => {
    const g = grid(3, 3);
    const before = JSON.stringify(g);
    const { grid: out, saved } = applyMarks(
      g,
      [finding('A1', 'error'), finding('C3', 'info'), finding('A1', 'info')],
      'en',
    );
    expect(JSON.stringify(g)).toBe(before);
    expect(saved.map((s) => [s.r, s.c])).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(out.backgrounds).toEqual([
      [MARK_COLOURS.error, '#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff', MARK_COLOURS.info],
    ]);
  });
  it('skips findings without a cell, with a bad address, or outside the grid', () => {
    const g = grid(2, 2);
    const { grid: out, saved } = applyMarks(
      g,
      [
        finding(null, 'error'),
        finding('C1', 'error'),
        finding('A3', 'error'),
        finding('a1', 'error'),
        finding('1A', 'error'),
      ],
      'en',
    );
    expect(saved).toEqual([]);
    expect(out).toEqual(g);
  });
  it('marks the last row and column of the grid', () => {
    const { saved } = applyMarks(grid(2, 2), [finding('B2', 'error')], 'en');
    expect(saved.map((s) => [s.r, s.c])).toEqual([[1, 1]]);
  });
});

describe('cellIndex', () => {
  it.each([
    ['A1', { r: 0, c: 0 }],
    ['B12', { r: 11, c: 1 }],
    ['AA3', { r: 2, c: 26 }],
  ])('%s → %j', (a1, at) => expect(cellIndex(a1)).toEqual(at));
  it.each(['', 'A', '12', 'a1', 'A1:B2', ' A1'])('%j is no cell', (a1) => expect(cellIndex(a1)).toBeNull());
});

describe('mark, then clear, is the identity', () => {
  const values = [
    ['เลขประจำตัวประชาชน', 'ชื่อ', 'เพศ'],
    ['1101700207030', 'สมชาย', 'ชาย'],
    ['1101700207031', 'สมศรี', 'หญิง'],
    ['1101700207032', 'สมใจ', 'X'],
  ];
  const sheet = { id: 7, name: 'ม.1-1' };
  const cells = fc.constantFrom('A2', 'B2', 'C2', 'A3', 'B3', 'C3', 'A4', 'C4', 'Z9');
  const findings = fc.array(
    fc.record({ cell: cells, severity: fc.constantFrom<Severity>('error', 'warning', 'info') }),
    { maxLength: 8 },
  );
  const fills = fc.constantFrom('#ffffff', '#00ff00', '#fce8b2');
  const notes = fc.constantFrom('', 'note', 'ตรวจแล้ว');
  const original = fc.record({
    backgrounds: fc.array(fc.array(fills, { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
    notes: fc.array(fc.array(notes, { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
  });
  it('planMarks then unmark gives back every fill and note', () => {
    fc.assert(
      fc.property(original, findings, (g, fs) => {
        const at: SheetGrid = { values, ...g };
        const plan = planMarks(
          at,
          null,
          fs.map((f, i) => finding(f.cell, f.severity, `rule.${i}`)),
          'th',
          sheet,
        );
        const cleared = unmark({ values, ...plan.grid }, plan.after);
        expect(cleared.grid).toEqual(g);
      }),
      { numRuns: 150 },
    );
  });
  it('a second check over the marks of the first leaves the same marks', () => {
    const blank = grid(4, 3);
    const g: SheetGrid = { values, ...blank };
    const fs = [finding('C4', 'error'), finding('A3', 'warning')];
    const first = planMarks(g, null, fs, 'en', sheet);
    const second = planMarks({ values, ...first.grid }, first.after, fs, 'en', sheet);
    expect(second.grid).toEqual(first.grid);
    expect(unmark({ values, ...second.grid }, second.after).grid).toEqual(blank);
  });
});

// ---------------------------------------------------------------- pins added for the mutation target (issue 15)

const W = '#ffffff';
const SHEET = { id: 3, name: 'ม.2-1' };
const blankNotes = (rows: number, cols: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
/** A sheet of these values, every cell white without a note. */
function sheetOf(values: string[][], fill = W): SheetGrid {
  const width = Math.max(...values.map((r) => r.length));
  return {
    values,
    backgrounds: values.map(() => Array.from({ length: width }, () => fill)),
    notes: blankNotes(values.length, width),
  };
}
/** A roster of distinct students: ID, name, gender. */
function roster(rows: number): string[][] {
  const values = [['เลขประจำตัว', 'ชื่อ', 'เพศ']];
  for (let i = 1; i < rows; i++) values.push([`ID${i}`, `คนที่ ${i}`, i % 2 ? 'ชาย' : 'หญิง']);
  return values;
}
/** The sheet as the user sees it once a plan is written. */
const written = (values: string[][], plan: { grid: Grid }): SheetGrid => ({ values, ...plan.grid });
const clone = (g: SheetGrid): SheetGrid => ({
  values: g.values.map((r) => r.slice()),
  backgrounds: g.backgrounds.map((r) => r.slice()),
  notes: g.notes.map((r) => r.slice()),
});

describe('isMarkColour: the three fills, in any case, and nothing else', () => {
  it.each([
    ['#f4c7c3', true],
    ['#fce8b2', true],
    ['#cfe2f3', true],
    ['#F4C7C3', true],
    ['#FCE8B2', true],
    ['#Cfe2F3', true],
    ['#ffffff', false],
    ['#FFFFFF', false],
    ['#f4c7c4', false],
    ['f4c7c3', false],
    ['#F4C7C3 ', false],
    ['', false],
  ])('%j → %s', (bg, yes) => expect(isMarkColour(bg)).toBe(yes));
});

describe('isMarkNote: a note opening with the heading, alone or followed by a new line', () => {
  it.each([
    ['DMC check:', true],
    ['ตรวจข้อมูล DMC:', true],
    ['DMC check:\n', true],
    ['ตรวจข้อมูล DMC:\n• x [r]', true],
    ['DMC check: x', false],
    ['DMC check:x', false],
    ['ตรวจข้อมูล DMC: แล้ว', false],
    ['DMC check', false],
    [' DMC check:\n• x', false],
    ['dmc check:\n• x', false],
    ['Checked DMC check:\n', false],
    ['', false],
  ])('%j → %s', (note, yes) => expect(isMarkNote(note)).toBe(yes));
  it('is false for a value that is no text, without throwing', () => {
    for (const v of [null, undefined, 5, 0, true]) expect(isMarkNote(v as unknown as string)).toBe(false);
  });
});

describe('userNoteOf: the user’s note inside a mark’s note', () => {
  it.each([
    ['my note', 'my note'],
    ['', ''],
    ['DMC check:', ''],
    ['DMC check:\n• a [r]', ''],
    ['DMC check:\n• a [r]\n— — —\nmine', 'mine'],
    ['ตรวจข้อมูล DMC:\n• ก [r]\n— — —\nของฉัน\nสองบรรทัด', 'ของฉัน\nสองบรรทัด'],
    // The user's own note may hold the separator: only the mark's is taken off.
    ['DMC check:\n• a [r]\n— — —\nx\n— — —\ny', 'x\n— — —\ny'],
    ['DMC check:\n• a [r]\n— — —\nDMC check:\n• b [r]\n— — —\nDMC check:\n• c [r]\n— — —\nowner', 'owner'],
    ['DMC check:\n• a [r]\n— — —\nDMC check:\n• b [r]', ''],
  ])('%j → %j', (note, user) => expect(userNoteOf(note)).toBe(user));
  it('reads no note as empty', () => {
    expect(userNoteOf(null as unknown as string)).toBe('');
    expect(userNoteOf(undefined as unknown as string)).toBe('');
  });
  it('takes off marks nested many times over', () => {
    const deep = Array.from({ length: 60 }, (_, i) => `DMC check:\n• m${i} [r]`).join('\n— — —\n') + '\n— — —\nเดิม';
    expect(userNoteOf(deep)).toBe('เดิม');
  });
});

describe('hash: FNV-1a, 32 bits, base 36 (stores written by earlier versions must still match)', () => {
  /** The textbook definition, with a plain multiply. */
  const fnv1a = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  };
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('the published test vector for %j', (s, h) => expect(hash(s)).toBe(h.toString(36)));
  it('equals the textbook FNV-1a on any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs)),
        (s) => hash(s) === fnv1a(s),
      ),
      { numRuns: 200 },
    );
  });
});

describe('the note: one line per finding', () => {
  it.each([
    ['a\nb', 'a b'],
    ['a\r\nb', 'a b'],
    ['a\n\n\r\nb', 'a b'],
    ['a\rb\nc', 'a b c'],
  ])('a message %j is written on one line as %j', (msg, line) => {
    const f = { ...finding('A1', 'error', 'x.r'), message: { th: msg, en: msg } };
    expect(applyMarks(grid(1, 1), [f], 'en').grid.notes[0]![0]).toBe(`DMC check:\n• ${line} [x.r]`);
  });
});

describe('rowParts: how a row is recognised again', () => {
  const whole = (row: Cell[] | undefined) => rowParts(row, [])[0];
  it('a row is its texts, cell by cell; trailing blank cells do not count', () => {
    expect(whole(['a', 'b'])).toBe(hash('a\u001fb'));
    expect(whole(['a', 'b', '', ''])).toBe(whole(['a', 'b']));
    expect(whole(['', 'a'])).not.toBe(whole(['a']));
    expect(whole(['ab', 'c'])).not.toBe(whole(['a', 'bc']));
    expect(whole([12, true])).toBe(whole(['12', 'true']));
  });
  it('a blank row, or none, hashes to nothing', () => {
    expect(whole([])).toBe('');
    expect(whole(['', '', ''])).toBe('');
    expect(whole(undefined)).toBe('');
    expect(rowParts(undefined, [0, 2])).toEqual(['', '', '']);
  });
  it('one part per identifying column: the trimmed text’s hash, nothing for a blank cell', () => {
    const row = ['  ID1 ', 'x', '', 'คนที่ 1'];
    expect(rowParts(row, [0, 2, 3, 9])).toEqual([whole(row), hash('ID1'), '', hash('คนที่ 1'), '']);
    expect(rowParts([' ', 'x'], [0])).toEqual([whole([' ', 'x']), '']);
  });
});

describe('fingerprintColumns: the columns that tell rows apart best', () => {
  it('takes the four most varied columns, in column order, never one that holds a single value', () => {
    const values = Array.from({ length: 12 }, (_, i) => [
      'same',
      String(i % 2),
      String(i),
      String(i % 3),
      String(i % 6),
      String(i % 4),
    ]);
    // Distinct values: 1, 2, 12, 3, 6, 4 → columns 2, 4, 5, 3.
    expect(fingerprintColumns(values)).toEqual([2, 3, 4, 5]);
  });
  it('breaks ties by the leftmost column', () => {
    const values = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, () => String(i)));
    expect(fingerprintColumns(values)).toEqual([0, 1, 2, 3]);
  });
  it('counts a column with two values, not one', () => {
    expect(
      fingerprintColumns([
        ['a', 'x'],
        ['b', 'x'],
      ]),
    ).toEqual([0]);
    expect(fingerprintColumns([['a'], ['a']])).toEqual([]);
    expect(fingerprintColumns([])).toEqual([]);
  });
  it('ignores blank cells and spaces around text', () => {
    expect(
      fingerprintColumns([
        [' a', ''],
        ['a ', '  '],
        ['a', 'x'],
      ]),
    ).toEqual([]);
    expect(
      fingerprintColumns([
        ['a', ''],
        ['b', ''],
      ]),
    ).toEqual([0]);
  });
  it('sees columns that only longer rows have', () => {
    expect(fingerprintColumns([['a'], ['a', 'x'], ['a', 'y']])).toEqual([1]);
  });
  it('still finds the identifying column of a long sheet', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ['ชาย', `ID${i}`]);
    expect(fingerprintColumns(values)).toEqual([1]);
  });
});

describe('storedExtent, countMarks, addCounts', () => {
  const cell = (c: number, g?: 1): StoredCell => ({ c, bg: W, note: '', mb: [], mn: [], ...(g ? { g } : {}) });
  const stored: StoredSheet = {
    id: 1,
    name: 's',
    fpCols: [],
    rows: [
      { r: 4, fp: [], cells: [cell(0), cell(6, 1)] },
      { r: 9, fp: [], cells: [cell(2)] },
    ],
  };
  it('the grid to read spans every saved cell', () => {
    expect(storedExtent(stored)).toEqual({ rows: 10, cols: 7 });
    expect(storedExtent(null)).toEqual({ rows: 0, cols: 0 });
    expect(storedExtent(undefined)).toEqual({ rows: 0, cols: 0 });
    expect(storedExtent({ ...stored, rows: [] })).toEqual({ rows: 0, cols: 0 });
  });
  it('counts marks, not the user’s guarded cells, over every sheet', () => {
    expect(countMarks({ seq: 1, sheets: [stored, { ...stored, id: 2 }] })).toBe(4);
    expect(countMarks(null)).toBe(0);
    expect(countMarks({ seq: 1, sheets: [] })).toBe(0);
  });
  it('adds clear counts field by field', () => {
    expect(
      addCounts(
        { fromStore: 1, fromMarks: 2, kept: 3, copied: 4 },
        { fromStore: 10, fromMarks: 20, kept: 30, copied: 40 },
      ),
    ).toEqual({ fromStore: 11, fromMarks: 22, kept: 33, copied: 44 });
    expect(addCounts(NO_CLEAR, NO_CLEAR)).toEqual({ fromStore: 0, fromMarks: 0, kept: 0, copied: 0 });
  });
});

describe('changedBlock: the smallest block to write', () => {
  const base = () => grid(4, 5);
  it('is null when nothing differs, colours compared without case', () => {
    const after = base();
    after.backgrounds[1]![1] = '#FFFFFF';
    expect(changedBlock(base(), after)).toBeNull();
  });
  it('spans every changed fill and note', () => {
    const after = base();
    after.backgrounds[1]![3] = MARK_COLOURS.error;
    after.notes[2]![1] = 'n';
    expect(changedBlock(base(), after)).toEqual({ r0: 1, c0: 1, r1: 2, c1: 3 });
  });
  it.each([
    [0, 0],
    [3, 4],
    [0, 4],
    [3, 0],
  ])('a single change at row %i, column %i', (r, c) => {
    const after = base();
    after.notes[r]![c] = 'n';
    expect(changedBlock(base(), after)).toEqual({ r0: r, c0: c, r1: r, c1: c });
  });
  it('a cell the first grid lacks has changed', () => {
    expect(changedBlock(grid(1, 1), grid(2, 2))).toEqual({ r0: 0, c0: 0, r1: 1, c1: 1 });
    expect(changedBlock(grid(2, 1), grid(2, 2))).toEqual({ r0: 0, c0: 1, r1: 1, c1: 1 });
  });
});

describe('locateRows: where each marked row is now', () => {
  const stored = (fpCols: number[], rows: StoredSheet['rows']): StoredSheet => ({ id: 1, name: 's', fpCols, rows });
  const idRow = (r: number, text: string, cells: StoredCell[] = []) => ({ r, fp: ['', hash(text)], cells });
  const column = (texts: string[]) => sheetOf(texts.map((t) => [t]));

  it('one identifying cell finds a row that moved', () => {
    expect(locateRows(stored([0], [idRow(0, 'b')]), column(['a', 'b', 'c']))).toEqual([1]);
  });
  it('the old position alone proves nothing: a row nothing else matches is lost', () => {
    expect(locateRows(stored([0], [idRow(1, 'gone')]), column(['a', 'b', 'c']))).toEqual([-1]);
    expect(locateRows(stored([0], [idRow(9, 'gone')]), column(['a', 'b', 'c']))).toEqual([-1]);
  });
  it('a value up to 16 rows share still identifies; one 17 rows share identifies nothing', () => {
    const rows = (n: number) => column([...Array.from({ length: n }, () => 'x'), 'a', 'b']);
    // Of the 16 candidates the nearest to the old position (row 40) wins.
    expect(locateRows(stored([0], [idRow(40, 'x')]), rows(16))).toEqual([15]);
    expect(locateRows(stored([0], [idRow(40, 'x')]), rows(17))).toEqual([-1]);
  });
  it('an exact copy of the row beats a nearer row sharing only its identifying cell', () => {
    const g = sheetOf([
      ['h', 'h'],
      ['ID1', 'old'],
      ['a', 'a'],
      ['ID1', 'new'],
    ]);
    const s = stored([0], [{ r: 1, fp: rowParts(['ID1', 'new'], [0]), cells: [] }]);
    expect(locateRows(s, g)).toEqual([3]);
  });
  it('more identifying cells in common beat fewer', () => {
    const g = sheetOf([
      ['h', 'h'],
      ['ID1', 'x'],
      ['q', 'q'],
      ['ID1', 'ปวริศ'],
    ]);
    const s = stored([0, 1], [{ r: 1, fp: ['', hash('ID1'), hash('ปวริศ')], cells: [] }]);
    expect(locateRows(s, g)).toEqual([3]);
  });
  it('of identical rows the nearest wins, and the one holding the mark’s note beats a nearer one', () => {
    const values = [['h'], ['ID1'], ['a'], ['b'], ['ID1'], ['c']];
    const note = 'DMC check:\n• n [r]';
    const cell: StoredCell = { c: 0, bg: W, note: '', mb: [MARK_COLOURS.error], mn: [hash(note)] };
    const s = stored([0], [{ r: 2, fp: rowParts(['ID1'], [0]), cells: [cell] }]);
    expect(locateRows(s, sheetOf(values))).toEqual([1]);
    const g = sheetOf(values);
    g.notes[4]![0] = note;
    expect(locateRows(s, g)).toEqual([4]);
  });
  it('a row edited beyond recognition is found by its mark’s note, even below the last value', () => {
    const note = 'ตรวจข้อมูล DMC:\n• ก [r]';
    const cell: StoredCell = { c: 1, bg: W, note: '', mb: [MARK_COLOURS.error], mn: [hash(note)] };
    const s = stored([0], [{ r: 1, fp: rowParts(['ID1', 'x'], [0]), cells: [cell] }]);
    const g = sheetOf([
      ['h', 'h'],
      ['ID7', 'y'],
      ['ID8', 'z'],
    ]);
    g.notes.push(['', ''], ['', note]);
    g.backgrounds.push([W, W], [W, W]);
    expect(locateRows(s, g)).toEqual([4]);
  });
  it('each current row is taken once: identical marked rows go to distinct rows', () => {
    const values = [['h'], ['ID1'], ['ID1'], ['a'], ['b'], ['c']];
    const s = stored([0], [idRow(4, 'ID1'), idRow(5, 'ID1')]);
    expect(locateRows(s, sheetOf(values)).sort()).toEqual([1, 2]);
    const one = stored([0], [idRow(4, 'ID1'), idRow(5, 'ID1'), idRow(3, 'ID1')]);
    // Nearest first: the row that was at 3 takes row 2, the one at 4 row 1, the one at 5 nothing.
    expect(locateRows(one, sheetOf(values))).toEqual([1, -1, 2]);
  });
});

describe('unmark: what clear puts back, and what it counts', () => {
  const values = roster(6);
  const original = () => {
    const g = sheetOf(values);
    g.backgrounds[2]![1] = '#d9ead3';
    g.notes[2]![1] = 'ครูเขียนไว้';
    return g;
  };
  const marked = () => {
    const plan = planMarks(original(), null, [finding('B3', 'error')], 'en', SHEET);
    return { plan, sheet: written(values, plan) };
  };

  it('a mark nobody touched goes back exactly', () => {
    const { plan, sheet } = marked();
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
    expect(u.grid).toEqual({ backgrounds: original().backgrounds, notes: original().notes });
  });
  it('a fill given in capitals is still the mark’s', () => {
    const { plan, sheet } = marked();
    sheet.backgrounds[2]![1] = MARK_COLOURS.error.toUpperCase();
    const u = unmark(sheet, plan.after);
    expect(u.count.fromStore).toBe(1);
    expect(u.grid.backgrounds[2]![1]).toBe('#d9ead3');
  });
  it('a cell the user recoloured keeps the user’s colour; its note goes back', () => {
    const { plan, sheet } = marked();
    sheet.backgrounds[2]![1] = '#00ff00';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 0, fromMarks: 0, kept: 1, copied: 0 });
    expect(u.grid.backgrounds[2]![1]).toBe('#00ff00');
    expect(u.grid.notes[2]![1]).toBe('ครูเขียนไว้');
  });
  it('a cell whose note the user rewrote keeps that note; its fill goes back', () => {
    const { plan, sheet } = marked();
    sheet.notes[2]![1] = 'โทรหาผู้ปกครองแล้ว';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 0, fromMarks: 0, kept: 1, copied: 0 });
    expect(u.grid.backgrounds[2]![1]).toBe('#d9ead3');
    expect(u.grid.notes[2]![1]).toBe('โทรหาผู้ปกครองแล้ว');
  });
  it('a cell the user already put back is left as it is and not counted', () => {
    const { plan, sheet } = marked();
    sheet.backgrounds[2]![1] = '#d9ead3';
    sheet.notes[2]![1] = 'ครูเขียนไว้';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual(NO_CLEAR);
    expect(u.grid).toEqual({ backgrounds: sheet.backgrounds, notes: sheet.notes });
  });
  it('a note fully taken off with the fill still the mark’s: the fill goes back, not counted as the user’s', () => {
    const { plan, sheet } = marked();
    sheet.notes[2]![1] = 'ครูเขียนไว้';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
    expect(u.grid.backgrounds[2]![1]).toBe('#d9ead3');
  });
  it('a saved cell beyond the sheet’s columns now is skipped', () => {
    const { plan, sheet } = marked();
    const narrow: SheetGrid = {
      values: sheet.values.map((r) => r.slice(0, 1)),
      backgrounds: sheet.backgrounds.map((r) => r.slice(0, 1)),
      notes: sheet.notes.map((r) => r.slice(0, 1)),
    };
    const u = unmark(narrow, plan.after);
    expect(u.count).toEqual(NO_CLEAR);
    expect(u.grid).toEqual({ backgrounds: narrow.backgrounds, notes: narrow.notes });
  });
  it('another mark’s note where a saved one was is taken off from the mark itself', () => {
    const { plan, sheet } = marked();
    sheet.notes[2]![1] = 'DMC check:\n• other [o.r]\n— — —\nของครู';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 0, fromMarks: 1, kept: 0, copied: 0 });
    expect(u.grid.notes[2]![1]).toBe('ของครู');
    expect(u.grid.backgrounds[2]![1]).toBe(W);
  });
  it('without a record, marks come off by their notes: user’s note kept, only a mark fill turned white', () => {
    const g = sheetOf(values, '#eeeeee');
    g.notes[1]![0] = 'DMC check:\n• a [r]';
    g.backgrounds[1]![0] = MARK_COLOURS.warning;
    g.notes[3]![2] = 'ตรวจข้อมูล DMC:\n• ก [r]\n— — —\nของครู';
    g.backgrounds[3]![2] = '#123456';
    g.backgrounds[4]![1] = MARK_COLOURS.info; // a mark fill with no mark note: the user's
    for (const none of [null, undefined, { id: 1, name: 's', fpCols: [], rows: [] }]) {
      const u = unmark(clone(g), none);
      expect(u.count).toEqual({ fromStore: 0, fromMarks: 2, kept: 0, copied: 0 });
      expect(u.grid.notes[1]![0]).toBe('');
      expect(u.grid.backgrounds[1]![0]).toBe(W);
      expect(u.grid.notes[3]![2]).toBe('ของครู');
      expect(u.grid.backgrounds[3]![2]).toBe('#123456');
      expect(u.grid.backgrounds[4]![1]).toBe(MARK_COLOURS.info);
    }
  });
  it('never changes the grid it is given', () => {
    const { plan, sheet } = marked();
    const before = JSON.stringify(sheet);
    unmark(sheet, plan.after);
    unmark(sheet, null);
    expect(JSON.stringify(sheet)).toBe(before);
  });
});

describe('unmark: fills copied from a mark into inserted rows and columns', () => {
  const values = roster(7).map((r) => [...r, 'x', 'y']);
  const planned = (fs: Finding[], g = sheetOf(values, '#eeeeee')) => {
    const plan = planMarks(g, null, fs, 'en', SHEET);
    return { g, plan, sheet: written(values, plan) };
  };

  it('in each of the four directions, as far as the copied fill runs', () => {
    const { g, plan, sheet } = planned([finding('C4', 'error')]);
    const red = MARK_COLOURS.error;
    for (const [r, c] of [
      [1, 2],
      [2, 2],
      [4, 2],
      [5, 2],
      [3, 0],
      [3, 1],
      [3, 3],
    ] as const)
      sheet.backgrounds[r]![c] = red;
    sheet.backgrounds[0]![2] = '#00ff00';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 7 });
    expect(u.grid.backgrounds).toEqual(
      g.backgrounds.map((row, r) => (r === 0 ? row.map((b, c) => (c === 2 ? '#00ff00' : b)) : row)),
    );
  });
  it('stops at another mark and at the user’s own cells in a mark colour', () => {
    const g = sheetOf(values, '#eeeeee');
    g.backgrounds[5]![2] = MARK_COLOURS.error; // the user's, in the column of a mark
    const { plan, sheet } = planned([finding('C3', 'error'), finding('C7', 'error')], g);
    sheet.backgrounds[3]![2] = MARK_COLOURS.error; // copied below the first mark
    const u = unmark(sheet, plan.after);
    expect(u.grid.backgrounds).toEqual(g.backgrounds);
    expect(u.count).toEqual({ fromStore: 2, fromMarks: 0, kept: 0, copied: 1 });
  });
  it('a cell between two marks takes the fill that is no mark colour', () => {
    const g = sheetOf(values, '#eeeeee');
    g.backgrounds[2]![2] = MARK_COLOURS.warning; // the user's warning fill, then marked as an error
    for (const order of [
      [finding('C3', 'error'), finding('C5', 'error')],
      [finding('C5', 'error'), finding('C3', 'error')],
    ]) {
      const { plan, sheet } = planned(order, clone(g));
      sheet.backgrounds[3]![2] = MARK_COLOURS.error;
      const u = unmark(sheet, plan.after);
      expect(u.grid.backgrounds[3]![2]).toBe('#eeeeee');
      expect(u.grid.backgrounds[2]![2]).toBe(MARK_COLOURS.warning);
    }
  });
  it('a blank inserted row sorted away from the marks gets the fill they replaced (the commonest)', () => {
    const g = sheetOf(values, '#eeeeee');
    g.backgrounds[1]![1] = '#aaaaaa';
    g.backgrounds[2]![1] = '#aaaaaa';
    g.backgrounds[3]![1] = '#bbbbbb';
    const { plan, sheet } = planned([finding('B2', 'error'), finding('B3', 'error'), finding('B4', 'error')], g);
    const withBlank: SheetGrid = {
      values: [...sheet.values, ['', '', '', '', ''], [0, '', '', '', ''], ['', '', '', '', '']],
      backgrounds: [...sheet.backgrounds, ...[0, 1, 2].map(() => Array.from({ length: 5 }, () => W))],
      notes: [...sheet.notes, ...blankNotes(3, 5)],
    };
    const red = MARK_COLOURS.error;
    withBlank.backgrounds[7]![1] = red; // blank row, in the marks' column: theirs
    withBlank.backgrounds[7]![3] = red; // no mark in that column: left
    withBlank.backgrounds[8]![1] = red; // a row holding 0 is not blank: left
    withBlank.backgrounds[9]![1] = MARK_COLOURS.warning; // no warning mark in that column: left
    const u = unmark(withBlank, plan.after);
    expect(u.grid.backgrounds[7]).toEqual([W, '#aaaaaa', W, red, W]);
    expect(u.grid.backgrounds[8]![1]).toBe(red);
    expect(u.grid.backgrounds[9]![1]).toBe(MARK_COLOURS.warning);
    expect(u.count).toEqual({ fromStore: 3, fromMarks: 0, kept: 0, copied: 1 });
    // Rows past the values (the margin read below the data) are blank too.
    const past: SheetGrid = { ...withBlank, values: sheet.values };
    expect(unmark(past, plan.after).grid.backgrounds[8]![1]).toBe('#aaaaaa');
  });
  it('a mark on a cell that already had the mark’s colour leaves no fill to copy', () => {
    const g = sheetOf(values, '#eeeeee');
    g.backgrounds[2]![1] = MARK_COLOURS.error;
    const { plan, sheet } = planned([finding('B3', 'error')], g);
    const withBlank: SheetGrid = {
      values: [...sheet.values, ['', '', '', '', '']],
      backgrounds: [...sheet.backgrounds, [W, MARK_COLOURS.error, W, W, W]],
      notes: [...sheet.notes, ['', '', '', '', '']],
    };
    const u = unmark(withBlank, plan.after);
    expect(u.grid.backgrounds[7]![1]).toBe(MARK_COLOURS.error);
    expect(u.count.copied).toBe(0);
  });
});

describe('planMarks: what is saved', () => {
  const values = roster(6);
  it('names the sheet, its identifying columns, and for each mark what it replaced and left', () => {
    const g = sheetOf(values);
    g.notes[1]![0] = 'เดิม';
    const plan = planMarks(g, null, [finding('A2', 'warning'), finding('C4', 'info')], 'th', SHEET);
    expect(plan.marked).toBe(2);
    expect(plan.cleared).toEqual(NO_CLEAR);
    expect(plan.after).toMatchObject({ id: 3, name: 'ม.2-1', fpCols: [0, 1, 2] });
    expect(plan.ahead).toMatchObject({ id: 3, name: 'ม.2-1', fpCols: [0, 1, 2] });
    expect(plan.after.rows).toEqual([
      {
        r: 1,
        fp: rowParts(values[1], [0, 1, 2]),
        cells: [{ c: 0, bg: W, note: 'เดิม', mb: [MARK_COLOURS.warning], mn: [hash(plan.grid.notes[1]![0]!)] }],
      },
      {
        r: 3,
        fp: rowParts(values[3], [0, 1, 2]),
        cells: [{ c: 2, bg: W, note: '', mb: [MARK_COLOURS.info], mn: [hash(plan.grid.notes[3]![2]!)] }],
      },
    ]);
    expect(plan.ahead.rows).toEqual(plan.after.rows);
  });
  it('a second check counts the marks it took off and saves ahead every state a cell may be left in', () => {
    const g = sheetOf(values);
    const first = planMarks(g, null, [finding('A2', 'warning')], 'th', SHEET);
    const second = planMarks(written(values, first), first.after, [finding('A2', 'error')], 'th', SHEET);
    expect(second.cleared).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
    expect(second.marked).toBe(1);
    const cell = second.ahead.rows[0]!.cells[0]!;
    expect(cell).toMatchObject({ c: 0, bg: W, note: '' });
    expect(cell.mb).toEqual([MARK_COLOURS.warning, MARK_COLOURS.error]);
    expect(cell.mn).toEqual([hash(first.grid.notes[1]![0]!), hash(second.grid.notes[1]![0]!)]);
    // The same mark again: one state each.
    const third = planMarks(written(values, second), second.after, [finding('A2', 'error')], 'th', SHEET);
    expect(third.ahead.rows[0]!.cells[0]!.mb).toEqual([MARK_COLOURS.error]);
    expect(third.ahead.rows[0]!.cells[0]!.mn).toHaveLength(1);
  });
  it('a mark taken off and not put back is saved ahead, and no longer after', () => {
    const first = planMarks(sheetOf(values), null, [finding('B5', 'error')], 'en', SHEET);
    const second = planMarks(written(values, first), first.after, [], 'en', SHEET);
    expect(second.marked).toBe(0);
    expect(second.after.rows).toEqual([]);
    expect(second.ahead.rows.map((r) => [r.r, r.cells.map((c) => [c.c, c.mb, c.mn.length])])).toEqual([
      [4, [[1, [MARK_COLOURS.error], 1]]],
    ]);
  });
  it('guards the user’s own mark-coloured cells in a marked row or column, and no others', () => {
    const g = sheetOf(values);
    g.backgrounds[2]![2] = MARK_COLOURS.info; // marked row
    g.backgrounds[4]![0] = MARK_COLOURS.error; // marked column
    g.backgrounds[5]![2] = '#FCE8B2'; // neither
    const plan = planMarks(g, null, [finding('A3', 'error')], 'en', SHEET);
    const guards = (s: StoredSheet) => s.rows.flatMap((r) => r.cells.filter((c) => c.g).map((c) => [r.r, c.c, c.bg]));
    expect(guards(plan.after)).toEqual([
      [2, 2, MARK_COLOURS.info],
      [4, 0, MARK_COLOURS.error],
    ]);
    expect(guards(plan.ahead)).toEqual(guards(plan.after));
    expect(countMarks({ seq: 1, sheets: [plan.after] })).toBe(1);
  });
  it('an unchanged sheet saves nothing ahead', () => {
    const plan = planMarks(sheetOf(values), null, [], 'en', SHEET);
    expect(plan.ahead.rows).toEqual([]);
    expect(plan.after.rows).toEqual([]);
    expect(plan.grid).toEqual({ backgrounds: sheetOf(values).backgrounds, notes: sheetOf(values).notes });
  });
});

describe('the store: written in chunks, read back only when whole', () => {
  const cell = (c: number, extra: Partial<StoredCell> = {}): StoredCell => ({
    c,
    bg: W,
    note: '',
    mb: [MARK_COLOURS.error],
    mn: [hash('n')],
    ...extra,
  });
  const sheet = (id: number, rows: number): StoredSheet => ({
    id,
    name: `แผ่น ${id}`,
    fpCols: [0, 2],
    rows: Array.from({ length: rows }, (_, r) => ({ r, fp: ['a', 'b', 'c'], cells: [cell(1, { note: `โน้ต ${r}` })] })),
  });
  /** A record around any JSON text: the header counts and hashes it. */
  const record = (json: string, seq = 1, v = 2) => [`DMC-MARKS|${v}|${seq}|1|${json.length}|${hash(json)}`, json];
  const EMPTY = { store: null, bad: 0, damaged: true };

  it('a record is a header line (version, sequence, chunks, length, hash) then the JSON in chunks', () => {
    const store = { seq: 5, sheets: [sheet(1, 1)] };
    const lines = serialiseStore(store);
    const json = JSON.stringify({ v: 2, sheets: store.sheets });
    expect(lines).toEqual([`DMC-MARKS|2|5|1|${json.length}|${hash(json)}`, json]);
  });
  it('a large store spans chunks of 40,000 characters, and reads back', () => {
    const store = { seq: 2, sheets: [sheet(1, 900), sheet(2, 900)] };
    const lines = serialiseStore(store);
    const [, , , n, len] = lines[0]!.split('|');
    expect(Number(n)).toBe(lines.length - 1);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1, -1).every((l) => l.length === 40_000)).toBe(true);
    expect(lines.at(-1)!.length).toBeLessThanOrEqual(40_000);
    expect(lines.slice(1).join('').length).toBe(Number(len));
    expect(parseStore(lines)).toEqual({ store, bad: 0, damaged: false });
  });
  it('reads a record anywhere in the column, its cells as the sheet gives them', () => {
    const store = { seq: 1, sheets: [sheet(4, 2)] };
    const lines = serialiseStore(store);
    expect(parseStore(['', null, ...lines, undefined, 'x']).store).toEqual(store);
  });
  it('of several records the highest sequence holds, wherever it is', () => {
    const a = serialiseStore({ seq: 7, sheets: [sheet(1, 1)] });
    const b = serialiseStore({ seq: 6, sheets: [sheet(2, 1)] });
    const c = serialiseStore({ seq: 0, sheets: [sheet(3, 1)] });
    expect(parseStore([...b, ...a, ...c]).store?.seq).toBe(7);
    expect(parseStore([...c, ...b]).store?.seq).toBe(6);
    expect(parseStore(c).store?.sheets[0]?.id).toBe(3);
  });
  it.each([
    ['another heading', (h: string[]) => ['DMC-MARKZ', ...h.slice(1)]],
    ['a seventh field', (h: string[]) => [...h, 'x']],
    ['version 1 in the header', (h: string[]) => [h[0]!, '1', ...h.slice(2)]],
    ['version 3 in the header', (h: string[]) => [h[0]!, '3', ...h.slice(2)]],
    ['a negative sequence', (h: string[]) => [h[0]!, h[1]!, '-1', ...h.slice(3)]],
    ['a fractional sequence', (h: string[]) => [h[0]!, h[1]!, '1.5', ...h.slice(3)]],
    ['no chunks', (h: string[]) => [...h.slice(0, 3), '0', ...h.slice(4)]],
    ['more chunks than there are lines', (h: string[]) => [...h.slice(0, 3), '2', ...h.slice(4)]],
    ['a length one short', (h: string[]) => [...h.slice(0, 4), String(Number(h[4]) - 1), h[5]!]],
    ['a negative length', (h: string[]) => [...h.slice(0, 4), '-1', h[5]!]],
    ['another hash', (h: string[]) => [...h.slice(0, 5), hash('x')]],
  ])('a header with %s is no record', (_, edit) => {
    const [head, ...chunks] = serialiseStore({ seq: 1, sheets: [sheet(1, 1)] });
    expect(parseStore([edit(head!.split('|')).join('|'), ...chunks])).toEqual(EMPTY);
  });
  it('a record whose sum matches but whose JSON does not parse, or is no version-2 object, is no record', () => {
    for (const json of ['{"v":2,', 'null', '"text"', '{"v":1,"sheets":[]}', '{"v":3,"sheets":[]}', '{"sheets":[]}'])
      expect(parseStore(record(json)), json).toEqual(EMPTY);
    expect(parseStore(record('{"v":2}'))).toEqual({ store: { seq: 1, sheets: [] }, bad: 0, damaged: false });
  });
  it('a record whose header says a version the JSON does not is no record', () => {
    expect(parseStore(record('{"v":2,"sheets":[]}', 1, 1))).toEqual(EMPTY);
  });
  it('nothing written, or only blanks, is no store and no damage', () => {
    expect(parseStore([])).toEqual({ store: null, bad: 0, damaged: false });
    expect(parseStore(['', ' ', null, undefined])).toEqual({ store: null, bad: 0, damaged: false });
    expect(parseStore([0])).toEqual(EMPTY);
  });

  describe('validation of what a record holds', () => {
    const read = (sheets: unknown) => parseStore(record(JSON.stringify({ v: 2, sheets })));
    const good = { c: 1, bg: '#FFFFFF', note: 'n', mb: ['#F4C7C3'], mn: ['h'] };
    const row = (cells: unknown[], extra: object = {}) => ({ r: 2, fp: ['w', 'a'], cells, ...extra });

    it('keeps a valid cell, colours in lower case, the guard flag only as 1', () => {
      const r = read([
        { id: 1, name: 'ก', fpCols: [3], rows: [row([good, { ...good, c: 2, g: 1 }, { ...good, c: 3, g: true }])] },
      ]);
      expect(r).toEqual({
        store: {
          seq: 1,
          sheets: [
            {
              id: 1,
              name: 'ก',
              fpCols: [3],
              rows: [
                {
                  r: 2,
                  fp: ['w', 'a'],
                  cells: [
                    { c: 1, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: ['h'] },
                    { c: 2, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: ['h'], g: 1 },
                    { c: 3, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: ['h'] },
                  ],
                },
              ],
            },
          ],
        },
        bad: 0,
        damaged: false,
      });
    });
    it.each([
      ['no object', 'x'],
      ['null', null],
      ['a negative column', { ...good, c: -1 }],
      ['a fractional column', { ...good, c: 1.5 }],
      ['a column as text', { ...good, c: '1' }],
      ['no fill', { ...good, bg: undefined }],
      ['a short fill', { ...good, bg: '#fff' }],
      ['a fill without #', { ...good, bg: 'ffffff' }],
      ['a fill too long', { ...good, bg: '#ffffff0' }],
      ['a named fill', { ...good, bg: 'white' }],
      ['a fill with text before it', { ...good, bg: 'x#ffffff' }],
      ['a fill in a list', { ...good, bg: ['#ffffff'] }],
      ['a fill that is no hex', { ...good, bg: '#gggggg' }],
      ['a note that is no text', { ...good, note: 5 }],
      ['mark fills that are no list', { ...good, mb: '#f4c7c3' }],
      ['a mark fill that is no colour', { ...good, mb: ['#f4c7c3', 'red'] }],
      ['note hashes that are no list', { ...good, mn: 'h' }],
      ['a note hash that is no text', { ...good, mn: ['h', 1] }],
    ])('skips and counts a cell with %s', (_, bad) => {
      const r = read([{ id: 1, name: 's', fpCols: [3], rows: [row([good, bad])] }]);
      expect(r.bad).toBe(1);
      expect(r.store?.sheets[0]?.rows[0]?.cells).toHaveLength(1);
    });
    it('counts a bad row as the cells it held (at least one), and drops a row left without cells', () => {
      const r = read([
        {
          id: 1,
          name: 's',
          fpCols: [3],
          rows: [
            { r: -1, cells: [good, good, good] },
            { r: 'x', cells: [] },
            { r: 1 },
            { r: 1, cells: 'x' },
            null,
            row(['bad']),
            row([good]),
          ],
        },
      ]);
      expect(r.bad).toBe(3 + 1 + 1 + 1 + 1 + 1);
      expect(r.store?.sheets[0]?.rows.map((x) => x.r)).toEqual([2]);
    });
    it('skips and counts a sheet without a whole-number id or a list of rows; a missing name reads as empty', () => {
      const sheetWith = (o: object) => ({ id: 1, name: 's', fpCols: [], rows: [], ...o });
      const r = read([
        sheetWith({ id: -1 }),
        sheetWith({ id: 'x' }),
        sheetWith({ rows: {} }),
        null,
        5,
        sheetWith({ id: 2, name: 7 }),
      ]);
      expect(r.bad).toBe(5);
      expect(r.store?.sheets).toEqual([{ id: 2, name: '', fpCols: [], rows: [] }]);
      expect(read('nope')).toMatchObject({ store: { sheets: [] }, bad: 0 });
    });
    it('identifying columns must be whole numbers, and a row’s fingerprint must have one part more than them', () => {
      const one = (fpCols: unknown, fp: unknown) =>
        read([{ id: 1, fpCols, rows: [row([good], { fp })] }]).store!.sheets[0]!;
      expect(one([3], ['w', 'a'])).toMatchObject({ fpCols: [3], rows: [{ fp: ['w', 'a'] }] });
      expect(one([3], ['w'])).toMatchObject({ fpCols: [3], rows: [{ fp: [] }] });
      expect(one([3], ['w', 'a', 'b'])).toMatchObject({ rows: [{ fp: [] }] });
      expect(one([3], ['w', 5])).toMatchObject({ rows: [{ fp: [] }] });
      expect(one([3], 'wa')).toMatchObject({ rows: [{ fp: [] }] });
      expect(one([-1], ['w'])).toMatchObject({ fpCols: [], rows: [{ fp: ['w'] }] });
      expect(one([1.5], [])).toMatchObject({ fpCols: [] });
      expect(one('3', [])).toMatchObject({ fpCols: [] });
      expect(one([3, -1], ['w'])).toMatchObject({ fpCols: [], rows: [{ fp: ['w'] }] });
      expect(one([], 'w')).toMatchObject({ fpCols: [], rows: [{ fp: [] }] });
      expect(one([], [5])).toMatchObject({ fpCols: [], rows: [{ fp: [] }] });
      expect(one([0, 4], ['w', 'a', 'b'])).toMatchObject({ fpCols: [0, 4], rows: [{ fp: ['w', 'a', 'b'] }] });
    });
  });

  describe('the first version’s store', () => {
    const v1 = (o: object) => parseStore([JSON.stringify({ v: 1, ...o })]);
    const cell = { r: 1, c: 2, bg: '#FFFFFF', note: 'n', markBg: '#F4C7C3', markNote: 'DMC check:\n• x' };
    it('becomes one sheet found by position, cells grouped by row', () => {
      const r = v1({
        sheetId: 4,
        sheetName: 'ห้อง 1',
        cells: [cell, { ...cell, c: 3, markNote: 5 }, { ...cell, r: 0 }],
      });
      expect(r).toEqual({
        store: {
          seq: 0,
          sheets: [
            {
              id: 4,
              name: 'ห้อง 1',
              fpCols: [],
              rows: [
                {
                  r: 1,
                  fp: [],
                  cells: [
                    { c: 2, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: [hash(cell.markNote)] },
                    { c: 3, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: [] },
                  ],
                },
                {
                  r: 0,
                  fp: [],
                  cells: [{ c: 2, bg: W, note: 'n', mb: [MARK_COLOURS.error], mn: [hash(cell.markNote)] }],
                },
              ],
            },
          ],
        },
        bad: 0,
        damaged: false,
      });
    });
    it('can be split over lines', () => {
      const text = JSON.stringify({ v: 1, sheetId: 4, cells: [cell] });
      expect(parseStore([text.slice(0, 10), text.slice(10)]).store?.sheets[0]).toMatchObject({ id: 4, name: '' });
    });
    it('skips and counts bad cells; without a sheet id every row is bad', () => {
      const bad = [
        { ...cell, r: 'x' },
        { ...cell, c: -1 },
        { ...cell, bg: 'x' },
        { ...cell, note: null },
        { ...cell, markBg: 'x' },
      ];
      expect(v1({ sheetId: 4, cells: [...bad, cell] })).toMatchObject({
        bad: 5,
        store: { sheets: [{ rows: [{ r: 1 }] }] },
      });
      expect(v1({ cells: [cell, { ...cell, c: 3 }, { ...cell, r: 5 }] })).toEqual({
        store: { seq: 0, sheets: [] },
        bad: 2,
        damaged: false,
      });
      expect(v1({ sheetId: 4, cells: 'x' })).toMatchObject({ bad: 0, store: { sheets: [{ rows: [] }] } });
      expect(v1({ sheetId: 4, cells: [null] })).toMatchObject({ bad: 1 });
    });
  });
});

describe('a long sheet', () => {
  it('a mark 20,000 rows down is told apart from a mark near the top', () => {
    const rows = 20_001;
    const red = MARK_COLOURS.error;
    const far = 'DMC check:\n• far [r]';
    const g: SheetGrid = {
      values: Array.from({ length: rows }, () => ['', '']),
      backgrounds: Array.from({ length: rows }, () => [W, W]),
      notes: blankNotes(rows, 2),
    };
    g.backgrounds[20_000]![0] = red;
    g.notes[20_000]![0] = far;
    g.backgrounds[0]![1] = red;
    g.notes[0]![1] = 'DMC check:\n• near [r]\n— — —\nของครู';
    const stored: StoredSheet = {
      id: 1,
      name: 's',
      fpCols: [],
      rows: [{ r: 20_000, fp: [], cells: [{ c: 0, bg: '#eeeeee', note: '', mb: [red], mn: [hash(far)] }] }],
    };
    const u = unmark(g, stored);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 1, kept: 0, copied: 0 });
    expect(u.grid.backgrounds[20_000]![0]).toBe('#eeeeee');
    expect([u.grid.backgrounds[0]![1], u.grid.notes[0]![1]]).toEqual([W, 'ของครู']);
  });
});

describe('locateRows: ties and edges', () => {
  const stored = (fpCols: number[], rows: StoredSheet['rows']): StoredSheet => ({ id: 1, name: 's', fpCols, rows });
  const note = 'DMC check:\n• n [r]';
  const markCell = (c: number, n = note): StoredCell => ({
    c,
    bg: W,
    note: '',
    mb: [MARK_COLOURS.error],
    mn: [hash(n)],
  });

  it('of two rows holding the mark’s note, the nearer to the old position', () => {
    const g = sheetOf([
      ['h', 'h'],
      ['x1', 'a'],
      ['x2', 'b'],
      ['x3', 'c'],
      ['x4', 'd'],
      ['x5', 'e'],
      ['x6', 'f'],
    ]);
    g.notes[2]![1] = note;
    g.notes[5]![1] = note;
    const s = stored([0], [{ r: 1, fp: ['', hash('gone')], cells: [markCell(1)] }]);
    expect(locateRows(s, g)).toEqual([2]);
    expect(locateRows({ ...s, rows: [{ ...s.rows[0]!, r: 6 }] }, g)).toEqual([5]);
  });
  it('only the mark’s own note counts, not another mark at the same cell', () => {
    const g = sheetOf([
      ['h', 'h'],
      ['a', 'a'],
      ['ID1', 'x'],
      ['b', 'b'],
      ['c', 'c'],
      ['ID1', 'y'],
    ]);
    g.notes[5]![1] = 'DMC check:\n• another [o]';
    const s = stored([0], [{ r: 3, fp: ['', hash('ID1')], cells: [markCell(1)] }]);
    expect(locateRows(s, g)).toEqual([2]);
  });
  it('at its old position with its identifying cell, a row beats another that only holds a copy of its note', () => {
    const g = sheetOf([
      ['h', 'h'],
      ['a', 'a'],
      ['ID1', 'x'],
      ['b', 'b'],
      ['ID9', 'y'],
    ]);
    g.notes[4]![1] = note;
    const s = stored([0], [{ r: 2, fp: ['', hash('ID1')], cells: [markCell(1)] }]);
    expect(locateRows(s, g)).toEqual([2]);
  });
  it('a row whose identifying cells are blank is found at its old position by its whole content', () => {
    const values = [
      ['h', 'h'],
      ['', 'x'],
      ['', 'y'],
      ['', 'z'],
    ];
    const s = stored([0], [{ r: 2, fp: rowParts(values[2], [0]), cells: [] }]);
    expect(locateRows(s, sheetOf(values))).toEqual([2]);
  });
  it('a row saved at or past the sheet’s end, matching nothing, is lost', () => {
    const g = sheetOf([['a'], ['b'], ['c']]);
    expect(locateRows(stored([0], [{ r: 3, fp: ['', hash('zz')], cells: [markCell(0)] }]), g)).toEqual([-1]);
    expect(locateRows(stored([0], [{ r: 4, fp: [hash('q'), hash('zz')], cells: [] }]), g)).toEqual([-1]);
  });
  it('values below the last note or fill still locate a row', () => {
    const g = sheetOf([['h'], ['a'], ['b'], ['c'], ['d'], ['ID5']]);
    g.notes.length = 4;
    g.backgrounds.length = 4;
    expect(locateRows(stored([0], [{ r: 1, fp: ['', hash('ID5')], cells: [markCell(0)] }]), g)).toEqual([5]);
  });
  it('two saved rows equally near one current row: the upper one takes it', () => {
    const g = sheetOf([['h'], ['a'], ['ID1'], ['b']]);
    const s = stored(
      [0],
      [
        { r: 1, fp: ['', hash('ID1')], cells: [] },
        { r: 3, fp: ['', hash('ID1')], cells: [] },
      ],
    );
    expect(locateRows(s, g)).toEqual([2, -1]);
    const reversed = stored([0], [s.rows[1]!, s.rows[0]!]);
    expect(locateRows(reversed, g)).toEqual([2, -1]);
  });
});

describe('unmark: more of what the user did', () => {
  const values = roster(6);
  it('the user’s own mark-coloured cell is never counted or changed, whatever the user did to it since', () => {
    const g = sheetOf(values);
    g.backgrounds[2]![2] = MARK_COLOURS.error;
    const plan = planMarks(g, null, [finding('A3', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.notes[2]![2] = 'ของครู';
    sheet.backgrounds[2]![2] = MARK_COLOURS.warning;
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
    expect([u.grid.backgrounds[2]![2], u.grid.notes[2]![2]]).toEqual([MARK_COLOURS.warning, 'ของครู']);
  });
  it('clear from the record saved ahead works whether the write happened or not', () => {
    const g = sheetOf(values);
    const first = planMarks(g, null, [finding('A2', 'warning')], 'th', SHEET);
    const before = written(values, first);
    const second = planMarks(before, first.after, [finding('A2', 'error')], 'th', SHEET);
    for (const sheet of [clone(before), written(values, second)]) {
      const u = unmark(sheet, second.ahead);
      expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
      expect(u.grid).toEqual({ backgrounds: g.backgrounds, notes: g.notes });
    }
  });
  it('a neighbour in the fill of a mark the user recoloured is the user’s too', () => {
    const g = sheetOf(values);
    const plan = planMarks(g, null, [finding('B3', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.backgrounds[2]![1] = '#00ff00';
    sheet.backgrounds[3]![1] = '#00ff00';
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 0, fromMarks: 0, kept: 1, copied: 0 });
    expect(u.grid.backgrounds[3]![1]).toBe('#00ff00');
  });
  it('a mark over a fill of its own colour copies nothing to its neighbours', () => {
    const g = sheetOf(values);
    g.backgrounds[2]![1] = MARK_COLOURS.error;
    const plan = planMarks(g, null, [finding('B3', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.backgrounds[3]![1] = MARK_COLOURS.error;
    const u = unmark(sheet, plan.after);
    expect(u.count).toEqual({ fromStore: 1, fromMarks: 0, kept: 0, copied: 0 });
    expect(u.grid.backgrounds[3]![1]).toBe(MARK_COLOURS.error);
  });
  it('a copied fill reaches the first row and the first column', () => {
    const g = sheetOf(values, '#eeeeee');
    const plan = planMarks(g, null, [finding('B2', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.backgrounds[0]![1] = MARK_COLOURS.error;
    sheet.backgrounds[1]![0] = MARK_COLOURS.error;
    const u = unmark(sheet, plan.after);
    expect(u.count.copied).toBe(2);
    expect(u.grid.backgrounds).toEqual(g.backgrounds);
  });
});

describe('unmark: blank rows', () => {
  const values = roster(7).map((r) => [...r, 'x', 'y']);
  const blank = (n: number) => Array.from({ length: n }, () => ['', '', '', '', '']);
  it('the commonest fill the marks replaced, whichever was seen first; a row of nulls is blank too', () => {
    const g = sheetOf(values, '#eeeeee');
    g.backgrounds[1]![1] = '#bbbbbb';
    g.backgrounds[2]![1] = '#aaaaaa';
    g.backgrounds[3]![1] = '#aaaaaa';
    g.backgrounds[4]![1] = '#cccccc';
    const plan = planMarks(
      g,
      null,
      ['B2', 'B3', 'B4', 'B5'].map((c) => finding(c, 'error')),
      'en',
      SHEET,
    );
    const sheet = written(values, plan);
    const grown: SheetGrid = {
      values: [...sheet.values, ...blank(1), [null, undefined, '', null, undefined]],
      backgrounds: [...sheet.backgrounds, ...[0, 1].map(() => [W, MARK_COLOURS.error, W, W, W])],
      notes: [...sheet.notes, ...blankNotes(2, 5)],
    };
    grown.backgrounds[7]![1] = W;
    const u = unmark(grown, plan.after);
    expect(u.grid.backgrounds[8]![1]).toBe('#aaaaaa');
  });
  it('keeps the user’s own mark-coloured cell in a row whose values were deleted, beside a mark of that row', () => {
    const g = sheetOf(values);
    g.backgrounds[3]![3] = MARK_COLOURS.error; // the user's, in the row of a mark
    const plan = planMarks(g, null, [finding('B4', 'error'), finding('D2', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.values = sheet.values.map((r, i) => (i === 3 ? r.map(() => '') : r));
    const u = unmark(sheet, plan.after);
    expect(u.grid.backgrounds).toEqual(g.backgrounds);
    expect(u.count).toEqual({ fromStore: 2, fromMarks: 0, kept: 0, copied: 0 });
  });
  // Was a bug (issue 15): a blank row's saved guard was never found again (a blank row has no fingerprint,
  // and the old position alone scores below the threshold), so the user's own fill in a mark colour in a
  // blank row of a marked column was taken for a copied fill and turned white.
  it('keeps the user’s own mark-coloured cell in a blank row of a marked column', () => {
    const rows = [['ชื่อ'], ['ก'], ['ข'], ['']];
    const g: SheetGrid = { values: rows, backgrounds: [[W], [W], [W], [MARK_COLOURS.error]], notes: blankNotes(4, 1) };
    const plan = planMarks(g, null, [finding('A2', 'error')], 'th', SHEET);
    expect(unmark({ values: rows, ...plan.grid }, plan.after).grid.backgrounds).toEqual(g.backgrounds);
  });
  describe('a blank row is found again at its old position, unless a copied mark fill could stand there', () => {
    const red = MARK_COLOURS.error;
    /** Between ข and ค, both to be marked red in the names, a blank row the user made red there. */
    const before = (): SheetGrid => ({
      values: [
        ['ชื่อ', 'เลข'],
        ['ก', '1'],
        ['ข', '2'],
        ['', ''],
        ['ค', '3'],
        ['ง', '4'],
      ],
      backgrounds: [
        [W, W],
        [W, W],
        [W, W],
        [red, W],
        [W, W],
        [W, W],
      ],
      notes: blankNotes(6, 2),
    });
    const check = (g = before()) => planMarks(g, null, [finding('A3', 'error'), finding('A5', 'error')], 'th', SHEET);
    /** A blank row inserted below row `at`, taking its fills (as Sheets does), not its notes. */
    const insertBelow = (sheet: SheetGrid, at: number): SheetGrid => ({
      values: [...sheet.values.slice(0, at + 1), sheet.values[at]!.map(() => ''), ...sheet.values.slice(at + 1)],
      backgrounds: [
        ...sheet.backgrounds.slice(0, at + 1),
        [...sheet.backgrounds[at]!],
        ...sheet.backgrounds.slice(at + 1),
      ],
      notes: [...sheet.notes.slice(0, at + 1), sheet.notes[at]!.map(() => ''), ...sheet.notes.slice(at + 1)],
    });

    it('between marked rows, right below a mark of its colour, and after a second check', () => {
      const g = before();
      const plan = check(g);
      const sheet: SheetGrid = { values: g.values, ...plan.grid };
      const u = unmark(sheet, plan.after);
      expect(u.grid.backgrounds).toEqual(g.backgrounds);
      expect(u.count).toEqual({ fromStore: 2, fromMarks: 0, kept: 0, copied: 0 });
      expect(locateRows(plan.after, sheet)).toEqual([2, 3, 4]);
      const again = planMarks(sheet, plan.after, [finding('A3', 'error'), finding('A5', 'error')], 'th', SHEET);
      expect(again.grid).toEqual(plan.grid);
      expect(unmark({ values: g.values, ...again.grid }, again.after).grid.backgrounds).toEqual(g.backgrounds);
    });
    it('rows deleted or added below the marks change nothing', () => {
      const g = before();
      const plan = check(g);
      const sheet: SheetGrid = {
        values: [...g.values.slice(0, 5), ['จ', '5'], ['ฉ', '6']],
        backgrounds: [...plan.grid.backgrounds.slice(0, 5), [W, W], [W, W]],
        notes: [...plan.grid.notes.slice(0, 5), ['', ''], ['', '']],
      };
      // Row 5 (ง) is gone and two rows came after the last mark: the blank row stands where it stood.
      expect(unmark(sheet, plan.after).grid.backgrounds).toEqual([...g.backgrounds.slice(0, 5), [W, W], [W, W]]);
    });
    it('not once a marked row beside it moved: its old position then proves nothing', () => {
      const g = before();
      const plan = check(g);
      // A row inserted above the blank row (below ข), made white by the user: the blank row is one down.
      const sheet = insertBelow({ values: g.values, ...plan.grid }, 2);
      sheet.backgrounds[3] = [W, W];
      expect(sheet.backgrounds.map((r) => r[0])).toEqual([W, W, red, W, red, red, W]);
      expect(locateRows(plan.after, sheet)).toEqual([2, -1, 5]);
    });
    it('an inserted blank row that took a mark’s fill where the blank row stood is still a copy', () => {
      const rows = [['ชื่อ'], ['ก'], [''], ['ข']];
      const g: SheetGrid = { values: rows, backgrounds: [[W], [W], [red], [W]], notes: blankNotes(4, 1) };
      const plan = planMarks(g, null, [finding('A2', 'error')], 'th', SHEET);
      // Inserted below ก, it took the mark's fill and stands where the user's blank row stood, ก in place;
      // one blank red row more than the user had, so the two are not told apart.
      const sheet = insertBelow({ values: rows, ...plan.grid }, 1);
      expect(sheet.backgrounds.map((r) => r[0])).toEqual([W, red, red, red, W]);
      expect(locateRows(plan.after, sheet)).toEqual([1, -1]);
      const u = unmark(sheet, plan.after);
      expect(u.grid.backgrounds[2]![0]).toBe(W);
      expect(u.count.copied).toBeGreaterThanOrEqual(1);
    });
    it('after a sort, a copied blank row at the blank row’s old position is still a copy', () => {
      const rows = [['ชื่อ'], ['ก'], ['ข'], ['']];
      const g: SheetGrid = { values: rows, backgrounds: [[W], [W], [W], [red]], notes: blankNotes(4, 1) };
      const plan = planMarks(g, null, [finding('A2', 'error')], 'th', SHEET);
      // A row inserted below ก takes its mark's fill; sorted by name, the blank rows go last, the copy
      // first: it stands where the user's blank row stood, below ก and ข, which stayed where they were.
      const sheet: SheetGrid = {
        values: [['ชื่อ'], ['ก'], ['ข'], [''], ['']],
        backgrounds: [[W], plan.grid.backgrounds[1]!, [W], [red], [red]],
        notes: [[''], plan.grid.notes[1]!, [''], [''], ['']],
      };
      expect(locateRows(plan.after, sheet)).toEqual([1, -1]);
      const u = unmark(sheet, plan.after);
      expect(u.grid.backgrounds[1]![0]).toBe(W);
      expect(u.grid.backgrounds[3]![0]).toBe(W);
    });
    it('mark, then clear, is the identity on a sheet with blank rows (property)', () => {
      const values = [
        ['ชื่อ', 'เลข'],
        ['ก', '1'],
        ['', ''],
        ['ข', '2'],
        ['', ''],
        ['', ''],
        ['ค', '3'],
        ['', ''],
      ];
      const fills = fc.constantFrom(W, '#d9ead3', ...Object.values(MARK_COLOURS));
      const cells = fc.constantFrom('A2', 'B2', 'A4', 'B4', 'A7', 'B7', 'A3');
      fc.assert(
        fc.property(
          fc.array(fc.array(fills, { minLength: 2, maxLength: 2 }), { minLength: 8, maxLength: 8 }),
          fc.array(fc.record({ cell: cells, severity: fc.constantFrom<Severity>('error', 'warning', 'info') }), {
            maxLength: 5,
          }),
          (backgrounds, fs) => {
            const g: SheetGrid = { values, backgrounds, notes: blankNotes(8, 2) };
            const found = fs.map((f, i) => finding(f.cell, f.severity, `rule.${i}`));
            const plan = planMarks(g, null, found, 'th', SHEET);
            expect(unmark({ values, ...plan.grid }, plan.after).grid).toEqual({ backgrounds, notes: g.notes });
          },
        ),
        { numRuns: 200 },
      );
    });
  });
  it('a mark put back in a row whose values were deleted keeps the fill it had', () => {
    const g = sheetOf(values);
    g.backgrounds[3]![1] = MARK_COLOURS.warning; // the user's, then marked as an error
    const plan = planMarks(g, null, [finding('B2', 'warning'), finding('B4', 'error')], 'en', SHEET);
    const sheet = written(values, plan);
    sheet.values = sheet.values.map((r, i) => (i === 3 ? r.map(() => '') : r));
    const u = unmark(sheet, plan.after);
    expect(u.grid.backgrounds[3]![1]).toBe(MARK_COLOURS.warning);
    expect(u.grid.backgrounds[1]![1]).toBe(W);
  });
});

describe('planMarks: more of what is saved', () => {
  const values = roster(6);
  it('saved rows are in sheet order, whatever the order of the findings', () => {
    const plan = planMarks(
      sheetOf(values),
      null,
      [finding('C5', 'info'), finding('A2', 'error'), finding('B3', 'warning')],
      'en',
      SHEET,
    );
    expect(plan.after.rows.map((r) => r.r)).toEqual([1, 2, 4]);
    expect(plan.ahead.rows.map((r) => r.r)).toEqual([1, 2, 4]);
  });
  it('ahead holds a cell whose note changes though its fill does not', () => {
    const g = sheetOf(values);
    g.backgrounds[1]![0] = MARK_COLOURS.error;
    const first = planMarks(g, null, [finding('A2', 'error')], 'en', SHEET);
    const second = planMarks(written(values, first), first.after, [], 'en', SHEET);
    expect(second.ahead.rows.map((r) => [r.r, r.cells.filter((c) => !c.g).map((c) => c.c)])).toEqual([[1, [0]]]);
  });
  it('guards survive the store', () => {
    const g = sheetOf(values);
    g.backgrounds[2]![2] = MARK_COLOURS.info;
    const plan = planMarks(g, null, [finding('A3', 'error')], 'en', SHEET);
    const read = parseStore(serialiseStore({ seq: 1, sheets: [plan.ahead, plan.after] }));
    expect(read.bad).toBe(0);
    expect(read.store?.sheets).toEqual([plan.ahead, plan.after]);
  });
});

describe('changedBlock and parseStore: odd input', () => {
  it('a row the first grid lacks has changed, even with an empty fill', () => {
    expect(changedBlock(grid(1, 1), { backgrounds: [[W], ['']], notes: [[''], ['']] })).toEqual({
      r0: 1,
      c0: 0,
      r1: 1,
      c1: 0,
    });
  });
  it('text that parses as JSON of no known version is damage', () => {
    for (const text of ['{"v":3}', '{"v":2}', '[]', '{}', '7'])
      expect(parseStore([text]), text).toEqual({ store: null, bad: 0, damaged: true });
  });
});
