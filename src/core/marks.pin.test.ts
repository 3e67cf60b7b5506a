/** Pins how findings mark cells: the worst severity picks the colour, and marking then clearing is the identity (issue 15). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMarks, cellIndex, MARK_COLOURS, planMarks, unmark, type Grid, type SheetGrid } from './marks';
import type { Finding, Severity } from './types';

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
